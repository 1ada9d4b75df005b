"""Round 5 of the PDF table readers: a row a page break splits. In a ruled table, its header
printed again atop the next page with no rule between it and the row's continuation (pdfplumber
gives one row of cells ``序号``, ``设定依据\\n…``); in a table without ruling, the row's rest
at the next page's top, above the first serial, the header printed again or not. Read whole and
in batches alike."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

from extractors import read_list
from extractors.reading.formats.documents.pdf import _table_lines
from tests.extractors.reading.documents import _SONG
from tests.extractors.reading.test_stream import _same

_HEADER = ("序号", "事项名称", "事项类型", "设定依据", "追责依据")


def _item(k: int) -> tuple[str, ...]:
    return (
        str(k),
        f"职业技能鉴定第{k}项审批",
        "行政许可",
        f"《中华人民共和国劳动法》第{60 + k}条；《劳动保障监察条例》第{k}条",
        "《行政机关公务员处分条例》第二十条",
    )


def _table(rows: list[tuple[str, ...]], ruled: bool = True) -> Table:
    cells = [[Paragraph(c.replace("\n", "<br/>"), _SONG) for c in r] for r in rows]
    table = Table(cells, colWidths=[40, 140, 60, 360, 160])
    if ruled:
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    return table


def _fused_pdf(path: Path, split: bool) -> list[tuple[str, ...]]:
    """Items 1-6, a page break in item 3: page 2 opens with the header fused with item 3's
    continuation (``split``: its serial, name and type on page 1, the rest of its basis and its
    accountability basis below the break) or with the whole item 3."""
    items = [_item(k) for k in range(1, 7)]
    third = items[2]
    cut = third[3].index("；") + 1
    if split:
        before = [(*third[:3], third[3][:cut], "")]
        below = ("", "", "", third[3][cut:], third[4])
    else:
        before, below = [], third
    fused = tuple(f"{w}\n{c}" if c else w for w, c in zip(_HEADER, below, strict=True))
    flow = [
        _table([_HEADER, *items[:2], *before]),
        PageBreak(),
        _table([fused, *items[3:]]),
    ]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=landscape(A4)).build(flow)
    path.write_bytes(out.getvalue())
    return items


@pytest.mark.parametrize("split", [True, False])
def test_a_repeated_header_fused_with_the_row_below_it(tmp_path: Path, split: bool) -> None:
    # before: item 3 lost (the fused row neither header nor item), and, whole row or not, the
    # items after it read under that row as a header; doubtful at best, never said which.
    path = tmp_path / "list.pdf"
    items = _fused_pdf(path, split)
    plist = read_list(path)
    keys = ("row", "name", "type", "basis", "accountability_basis")
    got = [tuple("".join((i.get(k) or "").split()) for k in keys) for i in plist.items]
    assert got == items
    assert plist.plausibility is not None and not plist.plausibility.doubtful
    _same(path, size=2)


@pytest.mark.parametrize("repeated", [False, True])
def test_a_row_split_by_a_page_break_in_a_table_without_ruling(
    tmp_path: Path, repeated: bool
) -> None:
    # Items 1-12, a page break inside items 5 and 10, the rest of their basis and their
    # accountability basis atop the next page (under the header printed again, or not): before,
    # that rest ran into the page's first item (6, 11) without a word.
    items = [_item(k) for k in range(1, 13)]
    flow: list[object] = []
    rows = [_HEADER]
    for item in items:
        if item[0] in ("5", "10"):
            cut = item[3].index("；") + 1
            rows.append((*item[:3], item[3][:cut], ""))
            flow += [_table(rows, ruled=False), PageBreak()]
            rows = [_HEADER] if repeated else []
            rows.append(("", "", "", item[3][cut:], item[4]))
        else:
            rows.append(item)
    flow.append(_table(rows, ruled=False))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=landscape(A4)).build(flow)
    path = tmp_path / "list.pdf"
    path.write_bytes(out.getvalue())
    plist = read_list(path)
    keys = ("row", "name", "type", "basis", "accountability_basis")
    got = [tuple("".join((i.get(k) or "").split()) for k in keys) for i in plist.items]
    assert got == items
    assert not plist.rejects
    _same(path, size=5)


def _centred_pdf(path: Path, items: list[tuple[str, ...]], repeat: int, split: int) -> None:
    """``items`` in a table without ruling, cells centred in their rows, its header printed
    again atop each page (``repeat``) or not, a row a page break meets split over the pages
    (``split``) or moved whole to the next."""
    cells = [[Paragraph(c, _SONG) for c in r] for r in [_HEADER, *items]]
    table = Table(cells, colWidths=[60, 160, 60, 140, 140], repeatRows=repeat, splitInRow=split)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=landscape(A4)).build([table])
    path.write_bytes(out.getvalue())


def _sized(k: int, lines: int) -> tuple[str, ...]:
    """Item ``k`` whose basis runs to about ``lines`` lines (one line: a short name too)."""
    if lines <= 1:
        return (
            str(k),
            "对违法行为的处罚",
            "行政处罚",
            "《劳动法》第六十九条",
            "《处分条例》第二十条",
        )
    basis = "；".join([f"《中华人民共和国劳动法》第{60 + k}条"] * lines)
    return (*_item(k)[:3], basis, _item(k)[4])


def _read_items(path: Path) -> list[tuple[str, ...]]:
    keys = ("row", "name", "type", "basis", "accountability_basis")
    return [tuple("".join((i.get(k) or "").split()) for k in keys) for i in read_list(path).items]


def test_a_centred_table_whose_page_opens_on_a_row_of_one_line(tmp_path: Path) -> None:
    # Rows of one line among rows of up to eight, centred, the header repeated: a page opening
    # on a row of one line has no line above its first serial, and before, its cells were
    # taken to be aligned to their tops: each long cell's lines above its serial went to the
    # row above (19 of 40 items read right), as sure.
    items = [_sized(k, (1, 1, 5, 2, 8)[k % 5]) for k in range(1, 41)]
    path = tmp_path / "list.pdf"
    _centred_pdf(path, items, repeat=1, split=0)
    assert _read_items(path) == [tuple("".join(c.split()) for c in i) for i in items]
    _same(path, size=7)


@pytest.mark.parametrize("repeat", [0, 1])
def test_a_centred_table_whose_rows_a_page_break_splits(tmp_path: Path, repeat: int) -> None:
    # A row split over two pages, each part centred in what is left of the row, its serial
    # on one page only: before, a part on the next page above the serial was taken for the
    # rest of the row above, a part at a page's foot without the serial ran into the row above
    # it, and (the header repeated) the rows below a tall part's gap were lost as text outside
    # the table: 22 and 28 of 40 items read right, as sure.
    items = [_sized(k, 1 + k % 4 * 3) for k in range(1, 41)]
    path = tmp_path / "list.pdf"
    _centred_pdf(path, items, repeat=repeat, split=1)
    assert _read_items(path) == [tuple("".join(c.split()) for c in i) for i in items]
    _same(path, size=7)


def test_rows_below_a_wide_gap_in_a_table_without_ruling_are_the_tables() -> None:
    # A gap three times the usual one between lines ends a table (a note, a page number below
    # it), but not when rows of the table follow it (a tall row, its text centred or at its
    # top; a row split by a page break): before, the items below such a gap were read as text
    # outside the table and lost, without a word.
    columns = [(40.0, 60.0, "序号"), (100.0, 200.0, "事项名称"), (220.0, 260.0, "事项类型"),
               (300.0, 500.0, "设定依据")]  # fmt: skip

    def line(top: float, *cells: tuple[float, str]) -> list[dict[str, object]]:
        return [
            {"text": text, "x0": x, "x1": x + 10 * len(text), "top": top, "bottom": top + 9}
            for x, text in cells
        ]

    rows = [line(100 + 11 * k, (45, str(k + 1)), (100, "事项"), (220, "行政许可"), (300, "《法》"))
            for k in range(4)]  # fmt: skip
    below = [line(300, (45, "5"), (100, "事项"), (220, "行政许可"), (300, "《法》"))]
    note = [line(400, (45, "注：本清单由县政府办公室负责解释。"))]
    body, rest = _table_lines([*rows, *below, *note], columns)
    assert (body, rest) == ([*rows, *below], note)
