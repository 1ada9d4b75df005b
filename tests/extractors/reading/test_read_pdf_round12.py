"""Round 12 of the PDF readers: real lists as the programs that print them print them (a sheet
printed by LibreOffice, a page printed by Writer and Chromium), in the shapes that the cross-format
benchmark (``bench.crossformat``) found read wrong: a header cell merged across two columns
printed again atop each page, a row a page break splits, a department's heading above a printed
list. Each test builds its PDF in the test (reportlab, or LibreOffice / Chromium, skipped with a
reason when missing), reads it whole and in batches, and checks the items; each failed on
050aa79."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib import colors
from reportlab.platypus import Paragraph, Table, TableStyle

from tests.extractors.reading.documents import _SONG
from tests.extractors.reading.test_read_pdf_round8 import _item, _read, _written

# -- a header cell merged across two columns, printed again atop each page ---------------------

#: header words a list merges across two columns, the second of which holds what the first's
#: field is about (a level and its powers, a department and its office)
_GROUPS = ("实施层级及权限", "行使层级", "实施主体", "承办机构")


def _merged_header_rows(k: int, group: str) -> tuple[str, ...]:
    base = _item(k, long=k % 3 == 0)
    return (*base[:3], "市级" if "层级" in group else "市交通运输局", f"负责第{k}类事项的办理", *base[3:])


@pytest.mark.parametrize("rows", [12, 20, 31])
@pytest.mark.parametrize("group", _GROUPS)
def test_a_header_cell_merged_across_two_columns_repeated_on_each_page_is_read_once(
    tmp_path: Path, group: str, rows: int
) -> None:
    # A sheet's header cell merged over two columns (实施层级及权限 over 市级 | 负责…), the header
    # printed again atop each page. The first header's merge made the second column a part of
    # the first (kept in extra); the header printed again was read as two columns of one field:
    # every item after the first page said `duplicate-column`.
    header = ("序号", "事项名称", "事项类型", group, "", "设定依据", "追责依据")
    items = [_merged_header_rows(k, group) for k in range(1, rows + 1)]
    cells = [[Paragraph(c, _SONG) for c in row] for row in [header, *items]]
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("SPAN", (3, 0), (4, 0)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    table = Table(cells, colWidths=[30, 120, 55, 50, 90, 260, 140], repeatRows=1)
    table.setStyle(TableStyle(style))
    plist = _read(_written(tmp_path, [table]))
    assert [i.row for i in plist.items] == [str(k) for k in range(1, rows + 1)]
    assert len({i.source for i in plist.items}) == 1
    for item, want in zip(plist.items, items, strict=True):
        assert not [a for a in item.anomalies if a.code == "duplicate-column"]
        kept = dict(item.extra)
        assert "".join(kept[f"{group}#2"].split()) == want[4]
    assert not plist.rejects
