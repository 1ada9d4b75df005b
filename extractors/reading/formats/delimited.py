"""Reads CSV and TSV files into a Grid; quoted cells may hold line breaks."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator

from extractors.errors import InputError
from extractors.reading.formats.cells import clean_cell
from extractors.reading.formats.grid import Grid, SourceRow
from extractors.reading.formats.lines import file_lines
from extractors.reading.limits import MAX_CELL_CHARS

# The csv module refuses fields over 131,072 characters by default; the documented cell limit
# is MAX_CELL_CHARS (a process-wide setting, raised once; the module refuses a field as long as
# its limit, hence the one more).
if csv.field_size_limit() <= MAX_CELL_CHARS:
    csv.field_size_limit(MAX_CELL_CHARS + 1)


def read_delimited(text: str, path: str, delimiter: str = ",") -> Grid:
    """The rows of a CSV (``delimiter=","``) or TSV (``"\\t"``) text; ``line`` is where each
    row starts.

    >>> read_delimited('序号,事项名称\\n1,"城乡\\n医疗救助"\\n', "a.csv").rows[1]
    SourceRow(line=2, cells=('1', '城乡\\n医疗救助'), raw=('1', '城乡\\n医疗救助'), notes=())
    """
    return Grid(tuple(delimited_rows(text, path, delimiter)))


def delimited_rows(
    text: str, path: str, delimiter: str = ",", lines: Iterable[str] | None = None
) -> Iterator[SourceRow]:
    """The rows of :func:`read_delimited` one at a time, the text read a block at a time (or
    ``lines``, with their ends, in its place: a file read again)."""
    reader = csv.reader(file_lines(text) if lines is None else lines, delimiter=delimiter)
    start = 1
    try:
        for cells in reader:
            # Empty lines and rows of empty cells stay: inside the table they are blank rows.
            yield SourceRow(start, tuple(clean_cell(c) for c in cells), tuple(cells))
            start = reader.line_num + 1
    except csv.Error as err:
        raise InputError(
            path, f"not readable as {'TSV' if delimiter == chr(9) else 'CSV'}: {err}", line=start
        ) from None
