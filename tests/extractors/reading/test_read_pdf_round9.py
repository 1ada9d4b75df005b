"""Round 9 of the PDF readers: what round 8 left (a signature block under a table without
ruling, a wide table's last column printed on a page of its own, a group header centred over its
fields, two tables side by side whose headers stand at different heights). Each test builds its
PDF (reportlab) in the shape exporters and printers give, reads it whole and in batches, and
checks the items; each failed on 2845b86."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Spacer

from tests.extractors.reading.documents import _SONG
from tests.extractors.reading.test_read_pdf_round8 import (
    _HEADER,
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
