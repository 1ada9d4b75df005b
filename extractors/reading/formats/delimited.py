"""Reads CSV and TSV files into a Grid; quoted cells may hold line breaks. A CSV may separate
its cells by semicolons, or by full-width commas (，, typed with a Chinese input method) when
its first lines are a table on them beyond doubt; each of its lines may be quoted whole."""

from __future__ import annotations

import csv
import io
import itertools
import re
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
#: The full-width comma: a delimiter only where nothing else could be (:func:`full_width_table`),
#: as cells of Chinese text hold it.
FULL_WIDTH_COMMA = "，"
#: Excel's first line naming a CSV's delimiter (``sep=;``, ``"sep=\t"``, ``sep=|``): it opens
#: the file Excel's "CSV" export writes for another locale, and is no row of the list.
_SEP_LINE = re.compile(r'\ufeff?"?sep=(.)"?[ \t]*[\r\n]*')
#: Excel's text guard (``="0101"``): a cell written as a formula giving its text, so that Excel
#: keeps a code's or a serial's leading zeros; what it shows is the text inside the quotes.
_GUARDED = re.compile(r'="((?:[^"]|"")*)"')


def sep_directive(line: str) -> str | None:
    """The delimiter Excel's ``sep=`` line names, or None when ``line`` is no such line.

    >>> sep_directive("sep=;"), sep_directive('"sep=\\t"'), sep_directive("sep=,,")
    (';', '\\t', None)
    """
    found = _SEP_LINE.fullmatch(line)
    return found.group(1) if found else None


def unguarded(cell: str) -> str:
    """A cell as Excel shows it: its text guard ``="…"`` taken off (a formula of a text alone).

    >>> unguarded('="0101"'), unguarded('="第""1""号"'), unguarded('=A1&"号"')
    ('0101', '第"1"号', '=A1&"号"')
    """
    if not cell.startswith('="'):
        return cell
    found = _GUARDED.fullmatch(cell)
    return found.group(1).replace('""', '"') if found else cell


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


def full_width_table(lines: Sequence[str]) -> bool:
    """Whether ``lines`` (a file's first) are a table whose cells full-width commas separate,
    beyond doubt: no quote, every line not blank splits on them into as many cells, three or
    more, and the first into a header row (a cell holding a full-width comma of its own, as
    Chinese text does, would give its line one cell more).

    >>> full_width_table(["序号，事项名称，事项类型", "1，城乡医疗救助，行政确认"])
    True
    >>> full_width_table(["序号，事项名称，事项类型", "1，城乡医疗救助，行政确认，行政给付"])
    False
    """
    rows = [line.split(FULL_WIDTH_COMMA) for line in lines if line.strip()]
    return (
        bool(rows)
        and not any('"' in line for line in lines)
        and len(rows[0]) >= 3
        and all(len(cells) == len(rows[0]) for cells in rows)
        and is_header([c.strip() for c in rows[0]])
    )


def lines_quoted_whole(lines: Sequence[str], delimiter: str) -> bool:
    """Whether each of ``lines`` (a file's first) is one quoted field that holds a row of
    cells ``delimiter`` separates (``"序号,事项名称,事项类型"``, a quote inside doubled twice
    over), the first a header: what a tool that quotes each record writes.

    >>> lines_quoted_whole(['"序号,事项名称,事项类型"', '"1,城乡医疗救助,行政确认"'], ",")
    True
    >>> lines_quoted_whole(['"序号","事项名称","事项类型"'], ",")
    False
    """
    try:
        records = [r for r in csv.reader(lines, delimiter=delimiter) if r]
    except csv.Error:
        return False
    return (
        bool(records)
        and all(len(r) == 1 and delimiter in r[0] for r in records[:-1])
        and heads_table([records[0][0]], delimiter)
    )


def delimiter_of(lines: Sequence[str]) -> str | None:
    """The delimiter of the CSV or TSV whose first ``lines`` these are (a tab, a comma, a
    semicolon or a full-width comma), or None when they are neither.

    >>> delimiter_of(["序号;事项名称;事项类型"]), delimiter_of(["序号，事项名称，事项类型"])
    (';', '，')
    >>> delimiter_of(["sep=|", "序号|事项名称|事项类型"])
    '|'
    """
    if lines and (named := sep_directive(lines[0])) is not None:
        return named
    if heads_table(lines, "\t") or lines_quoted_whole(lines, "\t"):
        return "\t"
    if any(heads_table(lines, d) for d in CSV_DELIMITERS) or lines_quoted_whole(lines, ","):
        return sniff_delimiter(lines, ",")
    if quoted_over_lines(lines):
        return "|"
    return FULL_WIDTH_COMMA if full_width_table(lines) else None


def quoted_over_lines(lines: Sequence[str]) -> bool:
    """Whether ``lines`` (a file's first) are a CSV whose cells ``|`` separates rather than a
    Markdown table: no line framed by pipes, the first lines a table on them, and a quoted cell
    running on over a line break (a line of an odd number of quotes), which a pipe table never
    writes (its rows are one line each).

    >>> quoted_over_lines(["序号|事项名称|设定依据", '1|医疗救助|"《社会救助暂行办法》', '第九条"'])
    True
    >>> quoted_over_lines(["| 序号 | 事项名称 | 设定依据 |", '| 1 | "城乡 | 医疗 |'])
    False
    """
    if any(line.strip().startswith("|") or line.strip().endswith("|") for line in lines):
        return False
    return any(line.count('"') % 2 for line in lines) and heads_table(lines, "|")


def sniff_delimiter(lines: Sequence[str], delimiter: str) -> str:
    """The delimiter of a CSV whose first ``lines`` these are: ``delimiter`` unless it is the
    comma and the lines make a table only when split on a semicolon, on pipes with a quoted
    cell over lines (:func:`quoted_over_lines`), or on full-width commas
    (:func:`full_width_table`)."""
    if delimiter != "," or heads_table(lines, ",") or lines_quoted_whole(lines, ","):
        return delimiter
    found = next((d for d in CSV_DELIMITERS if heads_table(lines, d)), None)
    if found is None and quoted_over_lines(lines):
        return "|"
    if found is None and full_width_table(lines):
        return FULL_WIDTH_COMMA
    return found or delimiter


def read_delimited(text: str, path: str, delimiter: str = ",") -> Grid:
    """The rows of a CSV (``delimiter=","``, or the semicolon a CSV is found to use:
    :func:`sniff_delimiter`) or TSV (``"\\t"``) text; ``line`` is where each row starts.

    >>> read_delimited('序号,事项名称\\n1,"城乡\\n医疗救助"\\n', "a.csv").rows[1]
    SourceRow(line=2, cells=('1', '城乡\\n医疗救助'), raw=('1', '城乡\\n医疗救助'), notes=())
    """
    return Grid(tuple(delimited_rows(text, path, delimiter)))


def _split_as_written(line: str, delimiter: str) -> list[str]:
    """The cells of ``line``, a cell that opens with a quote quoted only when its closing quote
    ends it (a doubled quote inside is one quote), else read as written, quotes and all."""
    cells: list[str] = []
    at, end = 0, len(line)
    while True:
        close = -1
        if line.startswith('"', at):
            close = at + 1
            while (close := line.find('"', close)) != -1 and line.startswith('""', close):
                close += 2
        if close != -1 and (close + 1 == end or line[close + 1] == delimiter):
            cells.append(line[at + 1 : close].replace('""', '"'))
            at = close + 1
        else:
            after = line.find(delimiter, at)
            after = end if after == -1 else after
            cells.append(line[at:after])
            at = after
        if at >= end:
            return cells
        at += 1  # past the delimiter
        if at == end:
            return [*cells, ""]


def as_written(line: str, delimiter: str, cells: list[str]) -> list[str]:
    """The ``cells`` the csv module read from ``line`` (a record of one line), or, when a cell
    of it opens with a quote that does not close it (``"双随机"检查``: the module, as Excel, drops
    the quotes and reads on), the line's cells as written, the quotes kept, if they are as many.

    >>> as_written('1,"双随机"检查,行政检查', ",", ["1", "双随机检查", "行政检查"])
    ['1', '"双随机"检查', '行政检查']
    >>> as_written('1,"城乡,医疗",行政确认', ",", ["1", "城乡,医疗", "行政确认"])
    ['1', '城乡,医疗', '行政确认']
    """
    try:
        next(csv.reader([line.rstrip("\r\n")], delimiter=delimiter, strict=True), None)
        return cells
    except csv.Error:
        pass
    written = _split_as_written(line.rstrip("\r\n"), delimiter)
    return written if len(written) == len(cells) else cells


def unclosed_quote(
    held: list[str], delimiter: str, cells: list[str], width: int
) -> list[list[str]] | None:
    """The rows of the lines ``held`` when the csv module read them as one record because a
    cell opens with a quote no quote closes (``"未闭合的检查``: the lines after it taken into that
    cell), each line read as written; None for any other record. Such a record has fewer cells
    than the header's ``width``, and each of its lines, split as written, has as many.

    >>> unclosed_quote(['1,"甲,乙,丙\\n', '2,丁,戊,己\\n'], ",", ["1", "甲,乙,丙\\n2,丁,戊,己"], 4)
    [['1', '"甲', '乙', '丙'], ['2', '丁', '戊', '己']]
    """
    if len(held) < 2 or not width or len(cells) >= width:
        return None
    rows = [_split_as_written(line.rstrip("\r\n"), delimiter) for line in held]
    return rows if all(len(row) == width for row in rows) else None


def _unquoted(cells: list[str], delimiter: str) -> list[str]:
    """The cells of a line quoted whole (:func:`lines_quoted_whole`): its one field read as a
    line of CSV (a line of other fields, or none, as it is)."""
    if len(cells) != 1:
        return cells
    inner = [c for record in csv.reader(io.StringIO(cells[0]), delimiter=delimiter) for c in record]
    return inner or cells


def delimited_rows(
    text: str, path: str, delimiter: str = ",", lines: Iterable[str] | None = None
) -> Iterator[SourceRow]:
    """The rows of :func:`read_delimited` one at a time, the text read a block at a time (or
    ``lines``, with their ends, in its place: a file read again)."""
    source = iter(file_lines(text) if lines is None else lines)
    head = list(itertools.islice(source, SNIFF_LINES))
    skipped = 0  # Excel's sep= line, read for the delimiter it names
    if head and (named := sep_directive(head[0])) is not None:
        delimiter, head, skipped = named, head[1:], 1
    else:
        delimiter = sniff_delimiter(head, delimiter)
    held: list[str] = []  # the lines of the record read

    def holding(lines: Iterator[str]) -> Iterator[str]:
        for line in lines:
            held.append(line)
            yield line

    reader = csv.reader(holding(itertools.chain(head, source)), delimiter=delimiter)
    records: Iterator[list[str]] = reader
    whole = lines_quoted_whole(head, delimiter)
    if whole:
        records = (_unquoted(cells, delimiter) for cells in reader)
    start = 1 + skipped
    width = 0  # the cells of the first row (the header's)
    try:
        for cells in records:
            if not whole and len(held) == 1 and '"' in held[0]:
                cells = as_written(held[0], delimiter, cells)
            parted = unclosed_quote(held, delimiter, cells, width) if not whole else None
            held.clear()
            width = width or len(cells)
            # Empty lines and rows of empty cells stay: inside the table they are blank rows.
            for offset, row in enumerate(parted or [cells]):
                cleaned = tuple(clean_cell(unguarded(c)) for c in row)
                yield SourceRow(start + offset, cleaned, tuple(row))
            start = reader.line_num + 1 + skipped
    except csv.Error as err:
        raise InputError(
            path, f"not readable as {'TSV' if delimiter == chr(9) else 'CSV'}: {err}", line=start
        ) from None
