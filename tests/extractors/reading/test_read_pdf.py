"""PDF lists with a text layer, as departments attach them: ruled tables with merged cells and
page breaks, tables laid out without ruling, and the PDFs that cannot be read (a scan, fonts
without a Unicode map), each made here with reportlab and its built-in CID font STSong-Light."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from extractors.errors import InputError
from extractors.models import PowerList
from tests.extractors.reading.support import read_written

pytest.importorskip("reportlab")

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
SONG = ParagraphStyle("song", fontName="STSong-Light", fontSize=9, leading=11)
LATIN = ParagraphStyle("latin", fontName="Helvetica", fontSize=9, leading=11)
TITLE = "某市统计局权责清单"
HEADER = ["序号", "事项名称", "事项类型", "设定依据", "责任事项", "实施部门"]
WIDTHS = [30, 120, 60, 200, 90, 80]
BASIS = "《中华人民共和国统计法》第三十七条、第四十一条；《全国农业普查条例》第三十九条"
STEPS = ["1.受理", "2.审查", "3.决定"]
MERGED = [
    ["1", "对拒绝配合统计调查的处罚", "行政处罚", BASIS, STEPS[0], "市统计局"],
    ["", "", "", "", STEPS[1], ""],
    ["", "", "", "", STEPS[2], ""],
    ["2", "城乡医疗救助", "行政给付", "《社会救助暂行办法》第二十七条", "审核", "市医保局"],
]
SPANS = [("SPAN", (c, 1), (c, 3)) for c in (0, 1, 2, 3, 5)]


def _pdf(
    rows: list[list[Any]],
    *,
    style: list[tuple[Any, ...]] = (),  # type: ignore[assignment]
    ruled: bool = True,
    repeat: int = 1,
    header: list[str] = HEADER,
    cell: ParagraphStyle = SONG,
    title: str | None = TITLE,
) -> bytes:
    out = io.BytesIO()
    document = SimpleDocTemplate(out, pagesize=landscape(A4))
    # A cell written as (text,) is drawn in STSong-Light whatever the table's font.
    data = [
        [
            Paragraph(text[0], SONG) if isinstance(text, tuple) else Paragraph(text, cell)
            for text in row
        ]
        for row in [header, *rows]
    ]
    table = Table(data, colWidths=WIDTHS, repeatRows=repeat)
    lines = [("GRID", (0, 0), (-1, -1), 0.5, colors.black)] if ruled else []
    table.setStyle(TableStyle([*lines, *style]))
    document.build(([Paragraph(title, SONG)] if title else []) + [table])
    return out.getvalue()


def _read(tmp_path: Path, content: bytes, name: str = "list.pdf") -> PowerList:
    return read_written(tmp_path, name, content, expect="pdf")


def _items(plist: PowerList) -> list[tuple[str | None, ...]]:
    return [(i.row, _flat(i.name), i.type, _flat(i.basis), i.department) for i in plist.items]


def _flat(text: str | None) -> str | None:
    """A cell's text without the line breaks that wrapping put in."""
    return None if text is None else "".join(text.split())


def test_ruled_table_with_cells_merged_over_step_rows(tmp_path: Path) -> None:
    plist = _read(tmp_path, _pdf(MERGED, style=SPANS), "download.dat")
    assert _items(plist) == [
        ("1", "对拒绝配合统计调查的处罚", "行政处罚", BASIS, "市统计局"),
        ("2", "城乡医疗救助", "行政给付", "《社会救助暂行办法》第二十七条", "市医保局"),
    ]
    assert plist.items[0].responsibility == "\n".join(STEPS)
    assert plist.meta.title == TITLE
    assert plist.rejects == ()


@pytest.mark.parametrize(
    "repeat", [pytest.param(1, id="header-repeated"), pytest.param(0, id="once")]
)
def test_ruled_table_over_several_pages_is_one_table(tmp_path: Path, repeat: int) -> None:
    names = [f"对第{n}类单位的检查" for n in range(1, 41)]
    rows = [
        [str(n), name, "行政检查", BASIS, "检查", "市统计局"] for n, name in enumerate(names, 1)
    ]
    plist = _read(tmp_path, _pdf(rows, repeat=repeat))
    assert [i.row for i in plist.items] == [str(n) for n in range(1, 41)]
    assert {_flat(i.basis) for i in plist.items} == {BASIS}
    assert plist.rejects == ()


@pytest.mark.parametrize(
    "align",
    [pytest.param("TOP", id="cells-top-aligned"), pytest.param("MIDDLE", id="cells-centred")],
)
def test_table_without_ruling_read_from_word_positions(tmp_path: Path, align: str) -> None:
    style = [("VALIGN", (0, 0), (-1, -1), align), ("BOTTOMPADDING", (0, 0), (-1, -1), 12)]
    plist = _read(tmp_path, _pdf(MERGED, style=[*SPANS, *style], ruled=False))
    assert _items(plist) == [
        ("1", "对拒绝配合统计调查的处罚", "行政处罚", BASIS, "市统计局"),
        ("2", "城乡医疗救助", "行政给付", "《社会救助暂行办法》第二十七条", "市医保局"),
    ]
    assert plist.items[0].responsibility == "\n".join(STEPS)
    assert plist.meta.title == TITLE


def test_scan_without_text_layer_is_one_clear_error(tmp_path: Path) -> None:
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.rect(50, 50, 400, 600, fill=1)  # where a scanned image would be
    page.save()
    with pytest.raises(InputError, match="no text layer") as caught:
        _read(tmp_path, out.getvalue())
    assert "\n" not in str(caught.value)


def _without_unicode_map(pdf: bytes) -> bytes:
    """``pdf`` with STSong-Light's character collection renamed (same length, so offsets
    hold), so that no reader can map its glyphs to Unicode: text reads as (cid:NN)."""
    assert pdf.count(b"(GB1)") == 1
    return pdf.replace(b"(GB1)", b"(ZZ1)")


def test_font_without_unicode_map_is_refused_by_name(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"without a Unicode map.*STSongStd-Light"):
        _read(tmp_path, _without_unicode_map(_pdf(MERGED, style=SPANS)))


def test_cells_in_a_font_without_unicode_map_are_reported(tmp_path: Path) -> None:
    # Pinyin headers (as government JSON exports have them) and cells in Helvetica; one name
    # in STSong-Light, which then has no Unicode map.
    rows: list[list[Any]] = [[str(n), f"item {n}", "xzjc", "law", "dept"] for n in range(1, 9)]
    for row in rows:
        row.insert(4, "check")
    rows[2][1] = ("城乡医疗救助",)
    header = ["xh", "sxmc", "sxlx", "sdyj", "zrsx", "sszt"]
    pdf = _pdf(rows, header=header, cell=LATIN, title=None)
    plist = _read(tmp_path, _without_unicode_map(pdf))
    flagged = [(i.row, a.code) for i in plist.items for a in i.anomalies if "glyph" in a.code]
    assert flagged == [("3", "unmapped-glyph")]
    assert "(cid:" in (plist.items[2].name or "")


def test_password_protected_pdf_is_one_clear_error(tmp_path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    out = io.BytesIO()
    page = canvas.Canvas(out, encrypt=StandardEncryption("secret", ownerPassword="owner"))
    page.setFont("STSong-Light", 12)
    page.drawString(50, 700, "序号 事项名称 事项类型 实施部门")
    page.save()
    with pytest.raises(InputError, match=r"encrypted \(password-protected\) PDF"):
        _read(tmp_path, out.getvalue())


def test_damaged_pdf_is_one_clear_error(tmp_path: Path) -> None:
    pdf = _pdf(MERGED, style=SPANS)
    with pytest.raises(InputError, match=r"not a readable PDF \(Unexpected EOF\)"):
        _read(tmp_path, pdf[: len(pdf) // 3])


def test_page_of_label_value_records_without_a_table(tmp_path: Path) -> None:
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.setFont("STSong-Light", 12)
    lines = ["事项名称：城乡医疗救助", "事项类型：行政确认", "实施主体：县医保局"]
    for n, line in enumerate([*lines, "设定依据：《社会救助暂行办法》第二十八条"]):
        page.drawString(50, 700 - 20 * n, line)
    page.save()
    plist = _read(tmp_path, out.getvalue())
    assert _items(plist) == [
        (None, "城乡医疗救助", "行政确认", "《社会救助暂行办法》第二十八条", "县医保局")
    ]
