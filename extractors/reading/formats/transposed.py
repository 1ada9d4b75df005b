"""Reads a table laid out one item per column (a form's labels down its first column, 事项名称 /
事项类型 / 实施主体 …, and each further column an item's values), as Grid rows of one item each."""

from __future__ import annotations

from extractors.reading.formats.grid import Grid, SourceRow
from extractors.reading.headers import MAX_HEADER_CHARS, is_header, map_header


def read_transposed(grid: Grid) -> Grid | None:
    """The items of ``grid`` when it has one per column, as a Grid whose header row is its
    first column; None when it is not so laid out: its first column must read as a header
    (``headers.is_header``) naming each field once, at least two rows must hold two values or
    more, and no cell of the other columns may name a field (``label | value | label | value``
    rows are a form of one item per row pair, ``labelled.read_label_table``). Each item's
    ``line`` is its column (1-based), the header's the table's first line.

    >>> rows = [("事项名称", "城乡医疗救助", "医疗保险稽核"), ("事项类型", "行政确认", "行政检查"),
    ...         ("实施主体", "县医保局", "县医保局")]
    >>> grid = read_transposed(Grid(tuple(SourceRow(n, r, r) for n, r in enumerate(rows, 1))))
    >>> [(r.line, r.cells) for r in grid.rows]  # doctest: +NORMALIZE_WHITESPACE
    [(1, ('事项名称', '事项类型', '实施主体')), (2, ('城乡医疗救助', '行政确认', '县医保局')),
     (3, ('医疗保险稽核', '行政检查', '县医保局'))]
    """
    rows = [r for r in grid.rows if any(r.cells)]
    labels = [r.cells[0] for r in rows]
    keys = [map_header(label) for label in labels]
    known = [k for k in keys if k is not None]
    if not is_header(labels) or len(known) != len(set(known)):
        return None
    if sum(1 for r in rows if sum(1 for c in r.cells[1:] if c) >= 2) < 2:
        return None
    values = (c for r in rows for c in r.cells[1:] if c and len(c) <= MAX_HEADER_CHARS)
    if any(map_header(c) is not None for c in values):
        return None
    width = max(len(r.cells) for r in rows)
    header = tuple(labels)
    items = [
        SourceRow(
            column + 1,
            tuple(r.cells[column] if column < len(r.cells) else "" for r in rows),
            tuple(r.raw[column] if column < len(r.raw) else "" for r in rows),
        )
        for column in range(1, width)
    ]
    first = SourceRow(rows[0].line, header, tuple(r.raw[0] for r in rows))
    filled = [r for r in items if any(r.cells)]
    return Grid((first, *filled), grid.context, grid.rejects, header=0, name=grid.name)
