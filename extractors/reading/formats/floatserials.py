"""A serial column a script wrote as floats (pandas writes 1.0, 2.0, 3.0 for a column of numbers
it read with an empty cell among them) read as the integers it stands for, as the sheet readers
read a whole float (:func:`~extractors.reading.formats.sheets.sheetxml.cell_text`), in every
table the assembly reads (CSV, TSV, Markdown, HTML, Word, PDF, a sheet's text cells). Decided for
the column, from its first rows under the header: every number in it a whole float. Only the
serial (序号) column: a code column (事项编码) keeps its cells as written, digits and all."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from extractors.reading.formats.grid import SourceRow
from extractors.reading.headers import is_header, map_header

#: The rows looked at for the header and, under it, for the serials.
LOOK_ROWS = 50
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_WHOLE_FLOAT = re.compile(r"(\d+)\.0+")


def whole(cell: str) -> str | None:
    """The integer a whole float stands for, else None.

    >>> whole("12.0"), whole("3.00"), whole("1.5"), whole("12"), whole("1.0.0")
    ('12', '3', None, None, None)
    """
    found = _WHOLE_FLOAT.fullmatch(cell.strip())
    return str(int(found.group(1))) if found else None


def float_serial_column(header: SourceRow, below: Iterable[SourceRow]) -> int | None:
    """The serial column of ``header`` when every number in it in the rows ``below`` is a
    whole float (text in it, a 合计 or a repeated header, left aside), else None.

    >>> head = SourceRow(1, ("序号", "事项编码", "事项名称"), ())
    >>> rows = [SourceRow(2, ("1.0", "330.0", "甲"), ()), SourceRow(3, ("合计", "", ""), ())]
    >>> float_serial_column(head, rows)
    0
    >>> float_serial_column(head, [*rows, SourceRow(4, ("1.5", "", "乙"), ())]) is None
    True
    """
    column = next((i for i, c in enumerate(header.cells) if map_header(c) == "row"), None)
    if column is None:
        return None
    numbers = [
        row.cells[column].strip()
        for row in below
        if column < len(row.cells) and _NUMBER.fullmatch(row.cells[column].strip())
    ]
    return column if numbers and all(whole(n) is not None for n in numbers) else None


def _as_integer(row: SourceRow, column: int) -> SourceRow:
    """``row`` with the whole float in ``column`` read as its integer (``raw`` as written)."""
    if column >= len(row.cells) or (integer := whole(row.cells[column])) is None:
        return row
    cells = (*row.cells[:column], integer, *row.cells[column + 1 :])
    return replace(row, cells=cells)


def whole_float_serials(rows: Iterable[SourceRow]) -> Iterator[SourceRow]:
    """``rows`` (a table read as text, one at a time) with the serial column read as integers
    where :func:`float_serial_column` finds it a column of whole floats; the rows are held only
    until the header and the ``LOOK_ROWS`` rows under it are in hand."""
    source = iter(rows)
    held: list[SourceRow] = []
    header = None
    for row in source:
        held.append(row)
        if is_header(row.cells):
            header = len(held) - 1
            break
        if len(held) >= LOOK_ROWS:
            break
    if header is None:
        yield from held
        yield from source
        return
    for row in source:
        held.append(row)
        if len(held) > header + LOOK_ROWS:
            break
    column = float_serial_column(held[header], held[header + 1 :])
    if column is None:
        yield from held
        yield from source
        return
    yield from held[: header + 1]
    for row in held[header + 1 :]:
        yield _as_integer(row, column)
    for row in source:
        yield _as_integer(row, column)
