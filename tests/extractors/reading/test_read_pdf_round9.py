"""Round 9 of the PDF readers: what round 8 left (a signature block under a table without
ruling, a wide table's last column printed on a page of its own, a group header centred over its
fields, two tables side by side whose headers stand at different heights, a cell of several
lines merged over rows of one line; in batches, a list of no table with a scanned page). Each
test builds its PDF (reportlab) in the shape exporters and printers give, reads it whole and in
batches, and checks the items; each failed on 2845b86 but one guard (a column's page whose rows
cannot be told stays rejects)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak, Paragraph, Spacer

from tests.extractors.reading.documents import _SONG
from tests.extractors.reading.test_read_pdf_round8 import (
    _HEADER,
    _WIDTHS,
    _cells,
    _item,
    _read,
    _table,
    _written,
)

_RIGHT = ParagraphStyle("right", parent=_SONG, alignment=2)
_CENTRE = ParagraphStyle("centre", parent=_SONG, alignment=1)


def _flat(items: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    return [tuple("".join(c.split()) for c in i) for i in items]


# -- a signature and date block under a table without ruling ------------------------------------


@pytest.mark.parametrize("count", [8, 30])
@pytest.mark.parametrize("gap", [4, 12])
@pytest.mark.parametrize("align", ["right", "centre"])
def test_a_signature_block_under_a_table_without_ruling_is_no_cell(
    tmp_path: Path, align: str, gap: int, count: int
) -> None:
    # The issuing office and the date printed under the table, set to the right (or centred
    # on the page), closer than a wide gap. Before, they were read as more of the last
    # item's last cell (said continuation-row): its accountability basis
    # 《…》第二十条某县人力资源和社会保障局2023年6月1日.
    style = _RIGHT if align == "right" else _CENTRE
    items = [_item(k, long=k % 3 == 0) for k in range(1, count + 1)]
    block = ["某县人力资源和社会保障局", "2023年6月1日"]
    flow: list[Any] = [_table([_HEADER, *items]), Spacer(1, gap)]
    flow += [Paragraph(line, style) for line in block]
    plist = _read(_written(tmp_path, flow))
    assert _cells(plist) == _flat(items)
    assert not plist.rejects
    assert not any(a.code == "continuation-row" for i in plist.items for a in i.anomalies)


# -- a wide table's last column printed on a page of its own ------------------------------------


def _apart(items: list[tuple[str, ...]], serials: bool, drop: int = 0) -> list[Any]:
    """序号 … 设定依据 of ``items`` on a page, then 追责依据 (after the serials printed again,
    or alone) on the next, ``drop`` rows fewer."""
    first = _table([_HEADER[:4], *(i[:4] for i in items)], ruled=True, widths=_WIDTHS[:4])
    keep = [0, 4] if serials else [4]
    rest = [tuple(row[c] for c in keep) for row in [_HEADER, *items[: len(items) - drop]]]
    second = _table(rest, ruled=True, widths=[_WIDTHS[c] for c in keep])
    return [first, PageBreak(), second]


@pytest.mark.parametrize("pairs", [1, 2])
@pytest.mark.parametrize("serials", [False, True], ids=["alone", "serials-again"])
def test_a_wide_tables_last_column_printed_on_a_page_of_its_own_is_joined(
    tmp_path: Path, serials: bool, pairs: int
) -> None:
    # A spreadsheet printed across pages: 序号 … 设定依据 on a page, 追责依据 (with the
    # serials printed again, or not) on the next, as many times as it takes. Before, each row
    # of the column's page was a reject naming it, every item without its accountability
    # basis; now the column is joined to its rows (by serial, else in order), and said.
    items = [_item(k) for k in range(1, 8 * pairs + 1)]
    flow: list[Any] = []
    for pair in range(pairs):
        flow += [*_apart(items[8 * pair : 8 * pair + 8], serials), PageBreak()]
    plist = _read(_written(tmp_path, flow[:-1]))
    assert _cells(plist) == items
    assert not plist.rejects
    assert all(any(a.code == "joined-record" for a in i.anomalies) for i in plist.items)


def test_a_wide_tables_last_column_that_matches_no_rows_is_said(tmp_path: Path) -> None:
    # a guard: the column's page a row short and without serials, its rows cannot be told: each
    # stays a reject naming the page, as before
    items = [_item(k) for k in range(1, 9)]
    plist = _read(_written(tmp_path, _apart(items, serials=False, drop=1)))
    assert _cells(plist) == [(*i[:4], "") for i in items]
    assert len(plist.rejects) == 8
    assert all("page 2" in r.reason and "追责依据" in r.reason for r in plist.rejects)


# -- a group header centred over its fields, without ruling ------------------------------------


@pytest.mark.parametrize("count", [6, 30])
def test_a_group_centred_over_two_fields_in_a_header_without_ruling(
    tmp_path: Path, count: int
) -> None:
    # 依据 centred over 设定依据 | 追责依据 (the merged cell's text centred in it, as a word
    # processor sets a group header), the header's other cells merged down over both lines.
    # Over fields of even widths 依据 stands across the bound of their columns, nearer the
    # 事项类型 column than 设定依据 is. Before, the lower line was read as the first row's
    # cells (item 1's type 设定依据行政处罚…), silently.
    from reportlab.platypus import Table

    from tests.extractors.reading.test_read_pdf_round8 import _table as _ruled

    items = [_item(k) for k in range(1, count + 1)]
    top = ("序号", "事项名称", "事项类型", "依据", "")
    low = ("", "", "", "设定依据", "追责依据")
    spans = [("SPAN", (c, 0), (c, 1)) for c in range(3)] + [("SPAN", (3, 0), (4, 0))]
    table: Table = _ruled([top, low, *items], widths=[40, 160, 70, 245, 245], style=spans, repeat=2)
    table._cellvalues[0][3] = Paragraph("依据", _CENTRE)
    plist = _read(_written(tmp_path, [table]))
    assert _cells(plist) == items
    assert all(not i.extra for i in plist.items)


# -- two tables without ruling side by side, their headers at different heights ---------------


@pytest.mark.parametrize("pages", [1, 2])
def test_two_tables_side_by_side_whose_headers_stand_at_different_heights(
    tmp_path: Path, pages: int
) -> None:
    # A page printed in two columns of its list, the right-hand table shorter and centred
    # beside the left one (its header some lines lower). Before, only the left header was on
    # the header's line: the right table's header and rows were read as the left's.
    from reportlab.platypus import Table, TableStyle

    count = 6 * pages
    items = [_item(k, long=k % 6 < 3 and k % 6 > 0) for k in range(1, count + 1)]
    widths = [25, 80, 50, 120, 95]
    flow: list[Any] = []
    for page in range(pages):
        mine = items[6 * page : 6 * page + 6]
        halves = [_table([_HEADER, *half], widths=widths) for half in (mine[:3], mine[3:])]
        pair = Table([halves], colWidths=[380, 380])
        pair.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        flow += [pair, PageBreak()]
    plist = _read(_written(tmp_path, flow[:-1]))
    assert _cells(plist) == _flat(items)
    assert not plist.rejects


# -- a cell merged over rows of one line each, without ruling ---------------------------------


@pytest.mark.parametrize(("valign", "lines"), [("MIDDLE", 2), ("MIDDLE", 3), ("TOP", 3)])
def test_a_cell_of_several_lines_merged_over_rows_of_one_line_fills_each(
    tmp_path: Path, valign: str, lines: int
) -> None:
    # The accountability basis merged over items 1-2, 3-4, 5-6, its text two or three lines
    # long, each item one line tall: its lines stand on both serials' lines, closer together
    # than the rows. Before, it was parted line by line between the two items, silently. (Set
    # at the top, two lines stop short of the lower serial's line: that reading stays.)
    from reportlab.platypus import TableStyle

    text = "《行政机关公务员处分条例》第二十条；《中华人民共和国公务员法》第六十二条"
    text = text if lines == 3 else text[:20]
    items = [(*_item(k)[:4], text) for k in range(1, 7)]
    rows = [_HEADER, *((*i[:4], i[4] if int(i[0]) % 2 else "") for i in items)]
    spans = [("SPAN", (4, r), (4, r + 1)) for r in (1, 3, 5)]
    table = _table(rows, style=spans)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), valign)]))
    plist = _read(_written(tmp_path, [table]))
    assert _cells(plist) == _flat(items)
    assert all(any(a.code == "centred-cell" for a in i.anomalies) for i in plist.items)


# -- in batches, a PDF of no table with a scanned page among its pages -------------------------


@pytest.mark.parametrize("where", [1, 3])
def test_page_text_with_a_scanned_page_is_read_in_batches(tmp_path: Path, where: int) -> None:
    # A list flattened one cell per line (no table on its pages: its text read as page text),
    # a scanned page among them. Before, in batches, the PDF was read whole: the scanned page
    # was said only there. Now its text is read in batches too, the page said alike.
    from extractors import read_list
    from extractors.reading.tables_stream import TablesStream
    from tests.extractors.reading.test_read_pdf_round8 import _scan
    from tests.extractors.reading.test_stream import _same

    items = [_item(k) for k in range(1, 21)]
    cells = [[Paragraph(c, _SONG) for c in row] for row in [_HEADER, *items]]
    flow: list[Any] = [p for row in cells[:11] for p in row]
    flow += [PageBreak(), *([_scan(), PageBreak()] if where == 3 else [])]
    flow += [p for row in cells[11:] for p in row]
    if where == 1:  # a scanned cover page
        flow[:0] = [_scan(), PageBreak()]
    path = _written(tmp_path, flow)
    assert isinstance(_same(path, size=2), TablesStream)
    plist = read_list(path)
    assert _cells(plist) == items
    assert [r.text for r in plist.rejects] == [f"page {where}"]
