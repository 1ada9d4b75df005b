"""Two lists side by side in page text: a page printed two columns of a list, or a PDF with two
columns of a table, copied as text, writes the header twice across its line (序号 事项名称 …
序号 事项名称 …) and two items on each line below it. Read so, the second item's cells were
taken for second columns of the first's (``duplicate-column``) and the item lost. An empty cell
between the two copies of the header and of each such row lets the readers of every format take
each row as one row per list (``extractors.reading.sidebyside``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from extractors.reading.formats.grid import SourceRow
from extractors.reading.headers import is_header


def doubled(cells: Sequence[str]) -> int | None:
    """The width of one copy of a header written twice across its line, else None.

    >>> doubled(("序号", "事项名称", "事项类型", "序号", "事项名称", "事项类型"))
    3
    >>> doubled(("序号", "事项名称", "事项类型")) is None
    True
    """
    half, odd = divmod(len(cells), 2)
    if odd or half < 3 or tuple(cells[:half]) != tuple(cells[half:]):
        return None
    return half if is_header(cells[:half]) else None


def parted(row: SourceRow, half: int) -> SourceRow:
    """``row`` with an empty cell between its two halves, when it holds both (two items)."""
    if len(row.cells) != 2 * half:
        return row
    return replace(
        row,
        cells=(*row.cells[:half], "", *row.cells[half:]),
        raw=(*row.raw[:half], "", *row.raw[half:]),
    )
