"""Reads CSV and TSV files into a Grid; quoted cells may hold line breaks."""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterable, Iterator, Sequence

from extractors.errors import InputError
from extractors.reading.formats.cells import clean_cell
from extractors.reading.formats.grid import Grid, SourceRow
from extractors.reading.formats.lines import file_lines
from extractors.reading.headers import is_header
from extractors.reading.limits import MAX_CELL_CHARS

# The csv module refuses fields over 131,072 characters by default; the documented cell limit
# is MAX_CELL_CHARS (a process-wide setting, raised once; the module refuses a field as long as
# its limit, hence the one more).
if csv.field_size_limit() <= MAX_CELL_CHARS:
    csv.field_size_limit(MAX_CELL_CHARS + 1)

#: The lines a delimiter is told from.
SNIFF_LINES = 50
#: The delimiters of a CSV, by preference: a comma, else (Excel in locales whose decimal mark is
#: a comma) a semicolon.
CSV_DELIMITERS = (",", ";")


def heads_table(lines: Sequence[str], delimiter: str) -> bool:
    """Whether ``lines`` (a file's first) split on ``delimiter`` into a table: one line into a
    header row, or the first cells of the lines into the labels of a form (事项名称,… /
    事项类型,… / 实施主体,…: label | value rows, or one item per column).

    >>> heads_table(["序号;事项名称;事项类型", "1;城乡医疗救助;行政确认"], ";")
    True
    >>> heads_table(["事项名称,城乡医疗救助", "事项类型,行政确认", "实施主体,县医保局"], ",")
    True
    >>> heads_table(["事项名称：城乡医疗救助", "事项类型：行政确认", "实施主体：县医保局"], ",")
    False
    >>> heads_table(['序号,"事项', '名称",事项类型', "1,城乡医疗救助,行政确认"], ",")
    True
    """
    split = [next(csv.reader([line], delimiter=delimiter)) for line in lines if delimiter in line]
    if any(len(cells) >= 3 and is_header(cells) for cells in split):
        return True
    if any(line.count('"') % 2 for line in lines):
        # a quoted cell broken over lines (a header cell written 事项\n名称): its records
        try:
            records = list(csv.reader(lines, delimiter=delimiter))
        except csv.Error:
            records = []
        if any(len(cells) >= 3 and is_header(cells) for cells in records):
            return True
    return is_header([cells[0].strip() for cells in split if len(cells) >= 2])


def sniff_delimiter(lines: Sequence[str], delimiter: str) -> str:
    """The delimiter of a CSV whose first ``lines`` these are: ``delimiter`` unless it is the
    comma and the lines make a table only when split on a semicolon."""
    if delimiter != "," or heads_table(lines, ","):
        return delimiter
    return next((d for d in CSV_DELIMITERS if heads_table(lines, d)), delimiter)


def read_delimited(text: str, path: str, delimiter: str = ",") -> Grid:
    """The rows of a CSV (``delimiter=","``, or the semicolon a CSV is found to use:
    :func:`sniff_delimiter`) or TSV (``"\\t"``) text; ``line`` is where each row starts.

    >>> read_delimited('序号,事项名称\\n1,"城乡\\n医疗救助"\\n', "a.csv").rows[1]
    SourceRow(line=2, cells=('1', '城乡\\n医疗救助'), raw=('1', '城乡\\n医疗救助'), notes=())
    """
    return Grid(tuple(delimited_rows(text, path, delimiter)))


def delimited_rows(
    text: str, path: str, delimiter: str = ",", lines: Iterable[str] | None = None
) -> Iterator[SourceRow]:
    """The rows of :func:`read_delimited` one at a time, the text read a block at a time (or
    ``lines``, with their ends, in its place: a file read again)."""
    source = iter(file_lines(text) if lines is None else lines)
    head = list(itertools.islice(source, SNIFF_LINES))
    delimiter = sniff_delimiter(head, delimiter)
    reader = csv.reader(itertools.chain(head, source), delimiter=delimiter)
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
