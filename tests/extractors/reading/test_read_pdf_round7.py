"""Round 7 of the PDF readers, a probe round: page furniture drawn over a list's table (a
watermark, a seal), and further shapes of tables. Each test builds its PDF (reportlab) in the
shape exporters and printers give, reads it back and checks the items; each failed on the base
of the round."""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from extractors import read_list
from tests.extractors.reading.documents import _SONG

_HEADER = ("序号", "事项名称", "事项类型", "设定依据", "追责依据")
_KEYS = ("row", "name", "type", "basis", "accountability_basis")
_TYPES = ("行政许可", "行政处罚", "行政强制", "行政检查", "行政确认")
_LAWS = ("《中华人民共和国劳动法》", "《劳动保障监察条例》", "《中华人民共和国社会保险法》")
_DIGITS = "零一二三四五六七八九"

Draw = Callable[[Any, Any], None]


def _article(k: int) -> str:
    """第十一条 … 第三十九条 for 11 ≤ k ≤ 39."""
    tens, units = divmod(k, 10)
    return f"第{'' if tens == 1 else _DIGITS[tens]}十{_DIGITS[units] if units else ''}条"


def _item(k: int, long: bool = False) -> tuple[str, ...]:
    basis = f"{_LAWS[k % 3]}{_article(10 + k)}"
    if long:
        basis += "；" + "；".join(f"{_LAWS[(k + j) % 3]}{_article(20 + j)}" for j in range(5))
    name = f"对用人单位第{k}类违法行为的处罚"
    return (str(k), name, _TYPES[k % 5], basis, "《行政机关公务员处分条例》第二十条")


def _pdf(rows: list[tuple[str, ...]], ruled: bool, draw: Draw | None = None) -> bytes:
    """A table, ruled or not (cells centred in their rows, as government tables are laid out
    without ruling), ``draw`` drawing on every page."""
    cells = [[Paragraph(c, _SONG) for c in r] for r in rows]
    table = Table(cells, colWidths=[40, 160, 70, 330, 160], repeatRows=1)
    style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black)] if ruled else []
    table.setStyle(TableStyle(style or [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    out = io.BytesIO()
    document = SimpleDocTemplate(out, pagesize=landscape(A4))
    if draw is None:
        document.build([table])
    else:
        document.build([table], onFirstPage=draw, onLaterPages=draw)
    return out.getvalue()


def _read(path: Path) -> list[tuple[str, ...]]:
    plist = read_list(path)
    return [tuple("".join((i.get(k) or "").split()) for k in _KEYS) for i in plist.items]


def _watermark(text: str, angle: float, size: float, grey: float) -> Draw:
    """A watermark across the page's middle: ``text`` turned by ``angle``, in grey."""

    def draw(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("STSong-Light", size)
        canvas.setFillGray(grey)
        width, height = doc.pagesize
        canvas.translate(width / 2, height / 2)
        canvas.rotate(angle)
        canvas.drawCentredString(0, 0, text)
        canvas.restoreState()

    return draw


def _seal(text: str, x: float, y: float, radius: float = 45, cmyk: bool = False) -> Draw:
    """A red seal over the table: ``text`` set along the upper part of a ring (its middle
    letter upright at the top when their number is odd), a star in the middle."""

    def draw(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        if cmyk:  # a seal in print colours
            canvas.setStrokeColorCMYK(0, 1, 1, 0)
            canvas.setFillColorCMYK(0, 1, 1, 0)
        else:
            canvas.setStrokeColorRGB(0.9, 0, 0)
            canvas.setFillColorRGB(0.9, 0, 0)
        canvas.circle(x, y, radius)
        canvas.setFont("STSong-Light", 12)
        for i, letter in enumerate(text):
            angle = math.radians(210 - i * 240 / (len(text) - 1))
            canvas.saveState()
            canvas.translate(
                x + (radius - 12) * math.cos(angle), y + (radius - 12) * math.sin(angle)
            )
            canvas.rotate(math.degrees(angle) - 90)
            canvas.drawCentredString(0, 0, letter)
            canvas.restoreState()
        canvas.setFont("STSong-Light", 20)
        canvas.drawCentredString(x, y - 7, "★")
        canvas.restoreState()

    return draw


_FURNITURE = {
    "diagonal watermark": (_watermark("仅供参考", 45, 60, 0.85), 8),
    "department's name across the page": (_watermark("某县人力资源和社会保障局", 0, 40, 0.85), 8),
    "watermark on every page": (_watermark("仅供参考", 45, 60, 0.85), 30),
    "seal of eight letters": (_seal("县人民政府办公室", 420, 330), 8),
    "seal of five letters, one upright": (_seal("某县司法局", 200, 420), 8),
    "seal in CMYK": (_seal("某县人力资源和社会保障局", 420, 330, cmyk=True), 8),
    "seal over the header": (_seal("县人民政府办公室", 300, 500), 8),
    "mid-grey watermark across the page": (_watermark("内部资料", 0, 50, 0.6), 8),
}


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
@pytest.mark.parametrize("shape", list(_FURNITURE))
def test_a_watermark_or_seal_over_the_table_is_no_text_of_its_cells(
    tmp_path: Path, shape: str, ruled: bool
) -> None:
    # before: the watermark's and the seal's letters read into the cells they lie on
    # (《劳动保障监察条例》政第十府五条, 司对用人单位…), or a line of them between two rows
    # joined to the row above; silently, in the ruled table.
    draw, count = _FURNITURE[shape]
    items = [_item(k, long=count > 10) for k in range(1, count + 1)]
    path = tmp_path / "list.pdf"
    path.write_bytes(_pdf([_HEADER, *items], ruled, draw))
    assert _read(path) == items


def test_the_watermarks_text_is_kept_as_context(tmp_path: Path) -> None:
    from extractors.reading.formats.documents.pdf import read_pdf

    items = [_item(k) for k in range(1, 6)]
    data = _pdf([_HEADER, *items], True, _watermark("仅供参考", 45, 60, 0.85))
    (grid,) = read_pdf(data, "list.pdf")
    assert "仅供参考" in [text for _, text in grid.context]


@pytest.mark.parametrize(
    ("widths", "pagesize"),
    [
        ((30, 140, 60, 300, 140), landscape(A4)),  # narrower, centred: shifted right
        ((50, 180, 80, 340, 180), landscape(A4)),  # wider: shifted left
        ((30, 120, 60, 170, 120), A4),  # a portrait page after landscape ones
    ],
    ids=["narrower", "wider", "portrait"],
)
def test_a_table_without_ruling_laid_out_anew_on_the_next_page_without_its_header(
    tmp_path: Path, widths: tuple[int, ...], pagesize: tuple[float, float]
) -> None:
    # before: the next page's serials stood in no serial column of the first page's header,
    # and its rows were lost, without a word (6 of 12 items read).
    from reportlab.platypus import NextPageTemplate, PageBreak, PageTemplate
    from reportlab.platypus.doctemplate import BaseDocTemplate
    from reportlab.platypus.frames import Frame

    items = [_item(k) for k in range(1, 13)]

    def table(rows: list[tuple[str, ...]], columns: tuple[int, ...]) -> Table:
        out = Table([[Paragraph(c, _SONG) for c in r] for r in rows], colWidths=list(columns))
        out.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        return out

    first = landscape(A4)
    out = io.BytesIO()
    document = BaseDocTemplate(out, pagesize=first)
    document.addPageTemplates(
        [
            PageTemplate("first", [Frame(40, 40, first[0] - 80, first[1] - 80)], pagesize=first),
            PageTemplate(
                "next", [Frame(40, 40, pagesize[0] - 80, pagesize[1] - 80)], pagesize=pagesize
            ),
        ]
    )
    document.build(
        [
            table([_HEADER, *items[:6]], (40, 160, 70, 330, 160)),
            NextPageTemplate("next"),
            PageBreak(),
            table(items[6:], widths),
        ]
    )
    path = tmp_path / "list.pdf"
    path.write_bytes(out.getvalue())
    assert _read(path) == items


@pytest.mark.parametrize("heading", ["type", "department"])
def test_several_tables_without_ruling_on_a_page_a_heading_over_each(
    tmp_path: Path, heading: str
) -> None:
    # before: only the page's first header was looked for; the tables below it were read as
    # more rows of the first (their header dropped as repeated, their heading run into the
    # last row's cells): items 4-9 typed 行政许可 from the first heading, or the rows' bases
    # read from the row above, said at best as a centred cell.
    from reportlab.platypus import Spacer

    sections = [
        ("一、行政许可", "行政许可"),
        ("二、行政处罚", "行政处罚"),
        ("三、行政检查", "行政检查"),
    ]
    departments = ["县人力资源和社会保障局", "县医疗保障局", "县司法局"]
    by_type = heading == "type"
    header = ("序号", "事项名称", "设定依据", "追责依据") if by_type else (*_HEADER[:4], "实施主体")
    flow: list[Any] = []
    items: list[tuple[str, ...]] = []
    for index in range(3):
        rows = []
        for k in range(3 * index + 1, 3 * index + 4):
            number, name, kind, basis, accountability = _item(k)
            if by_type:
                items.append((number, name, sections[index][1], basis, accountability))
                rows.append((number, name, basis, accountability))
            else:
                items.append((number, name, kind, basis, departments[index]))
                rows.append(items[-1])
        table = Table(
            [[Paragraph(c, _SONG) for c in r] for r in [header, *rows]],
            colWidths=[40, 200, 330, 160] if by_type else [40, 160, 70, 330, 160],
        )
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        title = sections[index][0] if by_type else departments[index]
        flow += [Paragraph(title, _SONG), table, Spacer(1, 12)]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=landscape(A4)).build(flow)
    path = tmp_path / "list.pdf"
    path.write_bytes(out.getvalue())
    plist = read_list(path)
    keys = _KEYS if by_type else (*_KEYS[:4], "department")
    got = [tuple("".join((i.get(k) or "").split()) for k in keys) for i in plist.items]
    assert got == items
    assert not plist.rejects


@pytest.mark.parametrize("repeat", [0, 1], ids=["header-once", "header-repeated"])
def test_a_ruled_row_a_page_break_splits_with_no_rule_closing_its_parts(
    tmp_path: Path, repeat: int
) -> None:
    # A row split inside its cells over a page break, its column rules running on to the
    # page's foot and down from the next page's top with no rule across them there. Before,
    # the parts fell outside the table, read as text: item 6 lost, or its rest run into the
    # row above (18 or 19 of 20 items read right), silently without the repeated header.
    items = [_item(k, long=True) for k in range(1, 21)]
    citations = "；".join(f"{_LAWS[j % 3]}{_article(11 + j % 29)}" for j in range(60))
    items[5] = (*items[5][:3], citations, items[5][4])
    cells = [[Paragraph(c, _SONG) for c in r] for r in [_HEADER, *items]]
    table = Table(cells, colWidths=[40, 160, 70, 330, 160], repeatRows=repeat, splitInRow=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=landscape(A4)).build([table])
    path = tmp_path / "list.pdf"
    path.write_bytes(out.getvalue())
    assert _read(path) == items


def _mapped_pdf(rows: list[tuple[str, ...]], shown: dict[str, str]) -> bytes:
    """A ruled table written by hand in a font whose ToUnicode map gives each character as
    ``shown`` maps it (人 as the Kangxi radical ⼈, as some exporters' fonts do): one byte a
    glyph of a simple font, the map saying what each byte is."""
    codes: dict[str, int] = {}
    for ch in sorted({ch for row in rows for cell in row for ch in cell}):
        codes[ch] = 0x21 + len(codes)
    xs, height, top = (40, 80, 260, 340, 660, 800), 24, 560
    ops = []
    for r, row in enumerate(rows):
        y = top - (r + 1) * height
        for c, cell in enumerate(row):
            text = "".join(f"{codes[ch]:02x}" for ch in cell)
            ops.append(f"BT /F1 9 Tf {xs[c] + 3} {y + 8} Td <{text}> Tj ET")
    for r in range(len(rows) + 1):
        ops.append(f"{xs[0]} {top - r * height} m {xs[-1]} {top - r * height} l S")
    for x in xs:
        ops.append(f"{x} {top} m {x} {top - len(rows) * height} l S")
    content = "\n".join(ops).encode()
    pairs = "\n".join(f"<{code:02x}> <{ord(shown.get(ch, ch)):04x}>" for ch, code in codes.items())
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CMapName /Mapped def 1 begincodespacerange <00> <ff> endcodespacerange\n"
        f"{len(codes)} beginbfchar\n{pairs}\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        start,
    )
    return bytes(out)


def test_kangxi_radicals_and_compatibility_ideographs_are_read_as_the_ideographs(
    tmp_path: Path,
) -> None:
    # before: 对⽤⼈单位…, 《中华⼈民共和国劳动法》: names and citations in look-alike
    # characters, read as they came, silently (no law of that title, no type ⾏政处罚).
    shown = {"人": "\u2f08", "力": "\u2f12", "行": "\u2f8f", "用": "\u2f64", "一": "\u2f00"}
    shown |= {"十": "\u2f17", "金": "\uf90a", "方": "\u2f45", "立": "\u2f74"}
    items = [_item(k) for k in range(1, 6)]
    items[0] = (*items[0][:1], "对用人单位未按规定缴纳社会保险金的处罚", *items[0][2:])
    path = tmp_path / "list.pdf"
    path.write_bytes(_mapped_pdf([_HEADER, *items], shown))
    assert _read(path) == items


def test_a_two_level_header_of_law_and_regulation_without_ruling(tmp_path: Path) -> None:
    # 执法依据 over 法律 | 法规, cells centred, no ruling. Before, 法规 was no part's name: the
    # lower line was read as more of the header's words (执法依据法律 | 法规), and each item's
    # regulations went to a column of no field, its basis holding its laws only, silently.
    items = [_item(k) for k in range(1, 7)]
    rows = [(*i[:3], i[3], "《劳动保障监察条例》第三十条") for i in items]
    top = ("序号", "事项名称", "事项类型", "执法依据", "")
    low = ("", "", "", "法律", "法规")
    cells = [[Paragraph(c, _SONG) for c in r] for r in [top, low, *rows]]
    table = Table(cells, colWidths=[40, 160, 70, 330, 160], repeatRows=2)
    spans = [("SPAN", (c, 0), (c, 1)) for c in range(3)] + [("SPAN", (3, 0), (4, 0))]
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), *spans]))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=landscape(A4)).build([table])
    path = tmp_path / "list.pdf"
    path.write_bytes(out.getvalue())
    plist = read_list(path)
    assert [i.basis for i in plist.items] == [
        f"{i[3]}\n《劳动保障监察条例》第三十条" for i in items
    ]
    assert all(not i.extra for i in plist.items)


def test_two_ruled_tables_side_by_side_stay_two(tmp_path: Path) -> None:
    # a guard for the closing rules (pdfopen): the column rules of two closed tables side by
    # side end together, and are no open table to close across both (passes on the base).
    items = [_item(k) for k in range(1, 7)]

    def ruled(rows: list[tuple[str, ...]]) -> Table:
        out = Table(
            [[Paragraph(c, _SONG) for c in r] for r in rows], colWidths=[25, 80, 50, 120, 95]
        )
        out.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
        return out

    out = io.BytesIO()
    pair = Table(
        [[ruled([_HEADER, *items[:3]]), ruled([_HEADER, *items[3:]])]], colWidths=[380, 380]
    )
    SimpleDocTemplate(out, pagesize=landscape(A4)).build([pair])
    path = tmp_path / "list.pdf"
    path.write_bytes(out.getvalue())
    assert _read(path) == items


def test_a_letter_spaced_table_without_ruling(tmp_path: Path) -> None:
    # a space typed between every character of the cells (对 用 人 单 位 …). Before, each
    # character was a word, the narrow spaces taken for gaps between cells: names parted over
    # columns (对用人单位第1类违法罚 | 行为的处行政处罚), said only as doubtful.
    items = [_item(k) for k in range(1, 9)]
    spaced = [(i[0], *(" ".join(cell) for cell in i[1:])) for i in items]
    path = tmp_path / "list.pdf"
    path.write_bytes(_pdf([_HEADER, *spaced], ruled=False))
    assert _read(path) == items
    plist = read_list(path)
    assert plist.plausibility is not None and not plist.plausibility.doubtful
