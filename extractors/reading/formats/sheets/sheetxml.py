"""Reads the parts of an XLSX package (workbook, shared strings, styles, sheets) straight from
their XML in one streaming pass each, giving the cell values openpyxl would give."""

from __future__ import annotations

import datetime as dt
import math
import posixpath
import re
import zipfile
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from lxml import etree
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils.cell import get_column_letter, range_boundaries
from openpyxl.utils.datetime import CALENDAR_MAC_1904, WINDOWS_EPOCH, from_excel, from_ISO8601

from extractors.models import Anomaly
from extractors.reading.formats.sheets.formulas import formula_value
from extractors.reading.formats.sheets.percent import percent_places, percent_text
from extractors.reading.formats.strict import transitional_chunks

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_ROW, _CELL, _VALUE, _INLINE = _MAIN + "row", _MAIN + "c", _MAIN + "v", _MAIN + "is"
_TEXT, _RUN, _MERGE, _SI = _MAIN + "t", _MAIN + "r", _MAIN + "mergeCell", _MAIN + "si"
_SST, _SHEET_DATA, _MERGES = _MAIN + "sst", _MAIN + "sheetData", _MAIN + "mergeCells"
_COLS, _COL = _MAIN + "cols", _MAIN + "col"
_FORMULA = _MAIN + "f"
# lxml refuses text nodes over 10 MB unless told otherwise; the cell limit is checked later,
# with the cell's position in the message.
_PARSER_OPTIONS = {"huge_tree": True, "resolve_entities": False, "no_network": True}
# Bytes of XML handed to the parser at a time (and so, roughly, the XML kept in memory).
_CHUNK = 1 << 16
_DIGITS = "0123456789"
#: The most rows and columns a sheet has (Excel's A1:XFD1048576): a cell the file places
#: beyond them is damage, and the rows and cells before it are not made.
MAX_ROWS, MAX_COLUMNS = 1_048_576, 16_384
#: Most empty rows and cells laid out between the cells a sheet holds, beyond this many times
#: their number: a few cells each at column XFD of their own row would otherwise take
#: gigabytes of empty cells from a file of a megabyte. (Real sheets lay out a few per cell.)
MAX_PADDING, PADDING_RATIO = 10_000_000, 100

#: (min_col, min_row, max_col, max_row) of a merged range, 1-based.
Bounds = tuple[int, int, int, int]


def cell_text(value: object) -> str:
    """The text of a spreadsheet value: floats to the 15 significant digits a spreadsheet shows
    (a serial a formula adds up, saved as 1.0000000000000002, shows 1), whole ones without
    ``.0``; dates as ISO dates.

    >>> cell_text(4267.0), cell_text(None), cell_text(dt.datetime(2025, 4, 2))
    ('4267', '', '2025-04-02')
    >>> cell_text(1.0000000000000002), cell_text(0.1 + 0.2), cell_text(2.5)
    ('1', '0.3', '2.5')
    """
    if value is None:
        return ""
    if isinstance(value, float) and math.isfinite(value):
        value = float(f"{value:.15g}")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


@dataclass(frozen=True, slots=True)
class Workbook:
    """What reading a sheet needs from the rest of the package."""

    sheets: tuple[tuple[str, str], ...]  # (sheet name, archive member), in workbook order
    shared_strings: str | None  # archive member of the shared-string table
    date_styles: frozenset[int]
    timedelta_styles: frozenset[int]
    epoch: dt.datetime
    #: the members of the sheets the workbook hides (``state="hidden"`` or ``"veryHidden"``)
    hidden: frozenset[str] = frozenset()
    #: the decimal places of each cell style whose number format shows a percentage (0.00%)
    percent_styles: dict[int, int] = field(default_factory=dict)
    #: the workbook asks to be calculated when opened (``<calcPr fullCalcOnLoad="1"/>``, as
    #: XlsxWriter writes it): its formulas' cached values are placeholders (0), not results
    recalculated: bool = False


def _read(archive: zipfile.ZipFile, member: str) -> Iterator[bytes]:
    """The bytes of ``member``, :data:`_CHUNK` at a time, its namespaces Transitional (a
    workbook saved as Strict Open XML: ``formats.strict``)."""
    with archive.open(member) as stream:
        yield from transitional_chunks(iter(lambda: stream.read(_CHUNK), b""))


def _parse(archive: zipfile.ZipFile, member: str) -> etree._Element:
    parser = etree.XMLParser(**_PARSER_OPTIONS)
    for chunk in _read(archive, member):
        parser.feed(chunk)
    return parser.close()


def relationships(archive: zipfile.ZipFile, member: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, archive member) for the part ``member``."""
    folder, name = posixpath.split(member)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    if rels not in archive.NameToInfo:
        return {}
    out = {}
    for rel in _parse(archive, rels).iter(_PACKAGE_REL + "Relationship"):
        target = rel.get("Target", "")
        resolved = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        out[rel.get("Id", "")] = (rel.get("Type", ""), posixpath.normpath(resolved))
    return out


# A character a string of the package writes escaped (ECMA-376 Part 1, 22.9.2.19 ST_Xstring):
# _x000D_ a carriage return (Excel so writes a line break pasted from a web page or a Word
# table, _x000D_ before each \n), _x0009_ a tab; _x005F_ escapes the underscore of a literal
# "_x…_".
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def unescaped(text: str) -> str:
    """``text`` of a shared or inline string, or a formula's cached text, as Excel shows it.

    >>> unescaped("第八十四条_x000D_\\n第十条"), unescaped("_x005F_x000D_"), unescaped("x_1")
    ('第八十四条\\r\\n第十条', '_x000D_', 'x_1')
    """
    if "_x" not in text:
        return text
    return _ESCAPED.sub(lambda found: chr(int(found.group(1), 16)), text)


def _text_of(element: etree._Element) -> str:
    """The text of a shared or inline string: its ``<t>`` and the ``<t>`` of its runs, without
    phonetic guides (``<rPh>``), escaped characters read (:func:`unescaped`)."""
    # Nearly every string is one plain <t>; runs and phonetic guides take the long way.
    if len(element) == 1 and (first := element[0]).tag == _TEXT:
        return unescaped(first.text or "")
    parts = []
    for child in element:
        if child.tag == _TEXT:
            parts.append(child.text or "")
        elif child.tag == _RUN:
            parts.extend(t.text or "" for t in child.iterchildren(_TEXT))
    return unescaped("".join(parts))


def _children(
    archive: zipfile.ZipFile, member: str, parents: tuple[str, ...]
) -> Iterator[etree._Element]:
    """The children of the elements of ``member`` tagged one of ``parents`` (the rows of
    ``<sheetData>``, the entries of ``<sst>``), in order, each once complete.

    The XML is fed to the parser a chunk at a time and the children given are dropped after
    each chunk, so memory stays at about one chunk of XML. The parser reports only the start
    of the few parent elements: an event for every row or entry would cost a call back into
    Python for each element of the part.
    """
    # The member name as base URL puts it in the messages of syntax errors, as parse() does.
    parser = etree.XMLPullParser(events=("start",), tag=parents, base_url=member, **_PARSER_OPTIONS)
    opened: list[etree._Element] = []
    for chunk in _read(archive, member):
        parser.feed(chunk)
        opened.extend(element for _, element in parser.read_events())
        for k, parent in enumerate(opened):
            # Only the last parent's last child can still be being parsed: the parents are
            # siblings, an earlier one ended when a later one began (the <cols> of a sheet
            # come whole before its rows).
            complete = len(parent) - (k == len(opened) - 1)
            if complete > 0:
                yield from parent[:complete]
                del parent[:complete]
    parser.close()
    opened.extend(element for _, element in parser.read_events())
    for parent in opened:
        yield from parent
        del parent[:]


def _shared_texts(archive: zipfile.ZipFile, member: str | None) -> Iterator[str]:
    """The texts of the workbook's shared-string table (``member``, from :func:`open_workbook`),
    in order."""
    if member is None or member not in archive.NameToInfo:
        return
    for si in _children(archive, member, (_SST,)):
        if si.tag == _SI:
            yield _text_of(si)


def read_shared_strings(archive: zipfile.ZipFile, member: str | None) -> tuple[str, ...]:
    """The workbook's shared-string table (``member``, from :func:`open_workbook`)."""
    return tuple(_shared_texts(archive, member))


class SharedStrings:
    """The shared-string table held compactly, for a workbook read a row at a time
    (``streamed``): every text UTF-8 encoded in one buffer, with its end offset in an array of
    4-byte numbers (the texts come from a part of at most ``MAX_UNZIPPED_BYTES``), so 4 bytes
    and a string's UTF-8 length apiece: 35 MiB for the million strings of a list of 200 k items,
    which a tuple of str holds in 92 MiB. A text is decoded when a cell asks for it. Indexes
    behave as a tuple's, errors too.

    >>> strings = SharedStrings(["城乡医疗救助", "", "行政确认"])
    >>> len(strings), strings[0], strings[-1], strings[1]
    (3, '城乡医疗救助', '行政确认', '')
    >>> strings[3]
    Traceback (most recent call last):
    IndexError: tuple index out of range
    """

    __slots__ = ("_ends", "_size", "_texts")

    def __init__(self, texts: Iterable[str]) -> None:
        self._texts = bytearray()
        self._ends = array("I", [0])
        for text in texts:
            self._texts += text.encode()
            self._ends.append(len(self._texts))
        self._size = len(self._ends) - 1

    @classmethod
    def read(cls, archive: zipfile.ZipFile, member: str | None) -> SharedStrings:
        """The workbook's shared-string table (``member``, from :func:`open_workbook`)."""
        return cls(_shared_texts(archive, member))

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, index: int) -> str:
        if not 0 <= index < self._size:
            if not -self._size <= index < 0:
                raise IndexError("tuple index out of range")
            index += self._size
        ends = self._ends
        return self._texts[ends[index] : ends[index + 1]].decode()


def _date_styles(
    archive: zipfile.ZipFile, member: str | None
) -> tuple[set[int], set[int], dict[int, int]]:
    """The indexes of the cell styles whose number format shows a date (or a duration), and
    those of the styles that show a percentage, with its decimal places."""
    dates: set[int] = set()
    durations: set[int] = set()
    percents: dict[int, int] = {}
    if member is None or member not in archive.NameToInfo:
        return dates, durations, percents
    root = _parse(archive, member)
    custom = {
        int(f.get("numFmtId", "-1")): f.get("formatCode", "") for f in root.iter(_MAIN + "numFmt")
    }
    xfs = root.find(_MAIN + "cellXfs")
    for index, xf in enumerate(xfs.iterchildren(_MAIN + "xf") if xfs is not None else ()):
        number = int(xf.get("numFmtId", "0"))
        code = custom.get(number) or BUILTIN_FORMATS.get(number) or "General"
        if is_date_format(code):
            dates.add(index)
        if is_timedelta_format(code):
            durations.add(index)
        if (places := percent_places(code)) is not None:
            percents[index] = places
    return dates, durations, percents


def forward_slashes(archive: zipfile.ZipFile) -> None:
    """Names the members of ``archive`` whose names a web exporter wrote with Windows path
    separators (``xl\\worksheets\\sheet1.xml``, which the ZIP format does not allow but Excel
    and LibreOffice open) by the names the package's relationships give them.

    >>> import io
    >>> out = io.BytesIO()
    >>> with zipfile.ZipFile(out, "w") as written:
    ...     written.writestr("xl\\\\workbook.xml", "<workbook/>")
    >>> archive = zipfile.ZipFile(out)
    >>> forward_slashes(archive)
    >>> archive.read("xl/workbook.xml")
    b'<workbook/>'
    """
    for info in archive.infolist():
        if "\\" in info.filename:
            del archive.NameToInfo[info.filename]
            info.filename = info.filename.replace("\\", "/")
            archive.NameToInfo.setdefault(info.filename, info)


def open_workbook(archive: zipfile.ZipFile) -> Workbook:
    """The sheets, shared-string table, date styles and epoch of the workbook in ``archive``
    (its members' names put right first: :func:`forward_slashes`)."""
    forward_slashes(archive)
    package = relationships(archive, "").values()
    main = next(
        (member for kind, member in package if kind.endswith("/officeDocument")),
        "xl/workbook.xml",
    )
    rels = relationships(archive, main)
    root = _parse(archive, main)
    properties = root.find(_MAIN + "workbookPr")
    mac = properties is not None and properties.get("date1904", "") in ("1", "true")
    sheets = []
    hidden = set()
    for sheet in root.iter(_MAIN + "sheet"):
        kind, member = rels.get(sheet.get(_REL + "id", ""), ("", ""))
        if kind.endswith("/worksheet"):
            sheets.append((sheet.get("name", ""), member))
            if sheet.get("state") in ("hidden", "veryHidden"):
                hidden.add(member)
    by_kind = {kind.rsplit("/", 1)[-1]: member for kind, member in rels.values()}
    dates, durations, percents = _date_styles(archive, by_kind.get("styles"))
    calculation = root.find(_MAIN + "calcPr")
    recalculated = calculation is not None and calculation.get("fullCalcOnLoad") in ("1", "true")
    return Workbook(
        sheets=tuple(sheets),
        shared_strings=by_kind.get("sharedStrings"),
        date_styles=frozenset(dates),
        timedelta_styles=frozenset(durations),
        percent_styles=percents,
        epoch=CALENDAR_MAC_1904 if mac else WINDOWS_EPOCH,
        hidden=frozenset(hidden),
        recalculated=recalculated,
    )


def _column(letters: str) -> int:
    """The 0-based index of a column named by letters (``A`` → 0, ``AA`` → 26)."""
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


def _number(text: str, style: int, book: Workbook) -> object:
    value: float | int = float(text) if "." in text or "E" in text or "e" in text else int(text)
    if style in book.date_styles:
        try:
            return from_excel(value, book.epoch, timedelta=style in book.timedelta_styles)
        except (OverflowError, ValueError):
            return "#VALUE!"
    if style in book.percent_styles:
        return percent_text(value, book.percent_styles[style])
    return value


#: The text of a cell, or (an int) the index of its text in the shared-string table, which is
#: read after the sheets.
Cell = str | int


def _value(cell: etree._Element, book: Workbook) -> Cell:
    """The text of one ``<c>`` as openpyxl gives its value (read-only, data only)."""
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        inline = cell.find(_INLINE)
        return "" if inline is None else _text_of(inline)
    text = cell.findtext(_VALUE)
    if not text:
        return ""
    if kind == "s":
        return int(text)
    if kind == "n":
        return cell_text(_number(text, int(cell.get("s") or 0), book))
    if kind == "b":
        return cell_text(bool(int(text)))
    if kind == "d":
        return cell_text(from_ISO8601(text))
    if kind == "str":  # a formula's cached text
        return unescaped(text)
    return text  # "e" (an error such as #N/A)


@dataclass(slots=True)
class Sheet:
    """One sheet as read by :func:`read_sheet`, its shared strings still as their indexes."""

    #: The cells row by row (index = sheet row - 1, empty rows as ``[]``).
    rows: list[list[Cell]] = field(default_factory=list)
    merged: list[Bounds] = field(default_factory=list)
    #: Cells that a later cell of the same place replaced: their shared-string indexes are
    #: still checked, as they were when the strings were looked up while reading.
    replaced: list[Cell] = field(default_factory=list)
    #: (0-based row, 0-based column, formula) of each formula cell saved without a cached value
    #: (a file written by a program that never calculated it): read as empty, and reported.
    uncached: list[tuple[int, int, str]] = field(default_factory=list)
    #: (0-based row, note) for each row with text that the workbook does not show: a row the
    #: sheet hides (``<row hidden="1">``), text in a column it hides (``<col hidden="1">``),
    #: a row of a sheet the workbook hides (:func:`hidden_notes`).
    hidden: list[tuple[int, Anomaly]] = field(default_factory=list)
    #: The row read last (0-based index, cells) and the cells formulas referred to, which a
    #: formula saved without its value is read from (:mod:`.formulas`).
    previous: tuple[int, list[Cell]] = (-1, [])
    referenced: dict[tuple[int, int], Cell] = field(default_factory=dict)

    def cell_at(self, row: int, column: int, current: tuple[int, list[Cell]]) -> Cell | None:
        """The cell at 0-based ``row``, ``column`` if the row being read (``current``), the
        row above it or the cells referred to before hold it, kept for the formulas below."""
        for index, values in (current, self.previous):
            if index == row:
                value = values[column] if column < len(values) else ""
                self.referenced[row, column] = value
                return value
        return self.referenced.get((row, column))


def read_sheet(archive: zipfile.ZipFile, member: str, book: Workbook) -> Sheet:
    """The cells and merged ranges of one sheet. Shared strings are left as their indexes
    (see :func:`resolve_strings`): reading the table first would leave its many strings
    scattered through the memory the sheet's parser then allocates from, which made that
    parse some 60% slower."""
    sheet = Sheet()
    rows = sheet.rows
    for index, values in laid_rows(archive, member, book, sheet):
        if index >= len(rows):
            rows.extend([] for _ in range(index + 1 - len(rows)))
        sheet.replaced.extend(rows[index])  # a row written twice: the later one wins
        rows[index] = values
    return sheet


def _hides(element: etree._Element, size: str) -> bool:
    """Whether a ``<row>`` or ``<col>`` is hidden: said so (``hidden="1"``), or given no height
    or width (``ht="0"``, ``width="0"``: Excel shows nothing of it, as openpyxl and some
    exporters write a row or column hidden by hand)."""
    if element.get("hidden") in ("1", "true"):
        return True
    given = element.get(size)
    if given is None:
        return False
    try:
        return float(given) == 0
    except ValueError:
        return False


def laid_rows(
    archive: zipfile.ZipFile, member: str, book: Workbook, sheet: Sheet
) -> Iterator[tuple[int, list[Cell]]]:
    """The rows of one sheet as they come in its XML: (0-based row index, cells placed by their
    references), each checked for its place (within the sheet, not so far from the cells
    before it that mostly empty cells would be laid out between them). The cells each row
    replaces and its formulas without a cached value go to ``sheet`` (``replaced``,
    ``uncached``), as do the merged ranges, which come after the rows."""
    count = 0  # rows laid out so far: the highest row number seen
    present = padding = 0  # cells in the file; empty rows and cells laid out between them
    columns: dict[str, int] = {}
    hidden_columns: list[tuple[int, int]] = []  # (first, last), 0-based, of hidden columns
    whole = member in book.hidden
    for element in _children(archive, member, (_COLS, _SHEET_DATA, _MERGES)):
        tag = element.tag
        if tag == _COL:
            if _hides(element, "width"):
                first, last = element.get("min", ""), element.get("max", "")
                if first.isdigit() and last.isdigit():
                    hidden_columns.append((int(first) - 1, min(int(last), MAX_COLUMNS) - 1))
        elif tag == _ROW:
            number = element.get("r")
            index = int(number) - 1 if number else count
            if not 0 <= index < MAX_ROWS:
                raise ValueError(f"row number {number} outside the sheet (1 to {MAX_ROWS})")
            if index >= count:
                padding += index - count
                count = index + 1
            values = _row_values(element, book, columns, sheet, index)
            hidden = _hides(element, "ht")
            if whole or hidden_columns or hidden:
                sheet.hidden += hidden_notes(index, values, hidden, hidden_columns, whole)
            present += len(element)
            padding += max(0, len(values) - len(element))
            if padding > MAX_PADDING and padding > PADDING_RATIO * present:
                raise ValueError(
                    f"{present} cells placed so far apart that {padding} empty ones lie between "
                    f"them (by row {index + 1}); a damaged or hostile sheet?"
                )
            sheet.previous = (index, values)
            yield index, values
        elif tag == _MERGE:
            bounds = range_boundaries(element.get("ref", ""))
            if None not in bounds:
                sheet.merged.append(bounds)


def uncached_note(row: int, column: int, formula: str) -> Anomaly:
    """The note on a formula cell (0-based ``row``, ``column``) saved without a cached value.

    >>> uncached_note(4, 2, "SUM(A1:A4)").column
    'C5'
    """
    where = f"{get_column_letter(column + 1)}{row + 1}"
    return Anomaly(
        "uncached-formula",
        f"cell {where} holds the formula ={formula} saved without its value "
        "(the file was never recalculated); read as empty",
        where,
        formula,
    )


def hidden_notes(
    row: int,
    values: Sequence[Cell],
    hidden: bool,
    columns: Sequence[tuple[int, int]],
    sheet: bool,
) -> list[tuple[int, Anomaly]]:
    """The notes on a row (0-based) with text the workbook does not show: the row hidden, its
    sheet hidden (``sheet``), or text in hidden ``columns`` ((first, last), 0-based). Read
    like any other, and said: what a publisher hid may be withdrawn from the list (an old
    version's sheet, a column of internal notes), or left out by a filter.

    >>> [(n.code, n.column) for _, n in hidden_notes(6, ["1", "", "x"], True, [(2, 2)], False)]
    [('hidden-row', '7'), ('hidden-column', 'C7')]
    """
    if not any(v != "" for v in values):
        return []
    notes = []
    if sheet:
        notes.append(
            Anomaly(
                "hidden-sheet",
                f"row {row + 1} is on a sheet the workbook hides (an old version, or working "
                "data?); read",
                str(row + 1),
            )
        )
    if hidden:
        notes.append(
            Anomaly(
                "hidden-row",
                f"row {row + 1} is hidden in the sheet (withdrawn, or left out by a filter?); read",
                str(row + 1),
            )
        )
    for first, last in columns:
        for column in range(first, min(last + 1, len(values))):
            if values[column] != "":
                where = f"{get_column_letter(column + 1)}{row + 1}"
                notes.append(
                    Anomaly(
                        "hidden-column",
                        f"cell {where} is in a column the sheet hides (working notes, or "
                        "withdrawn?); read",
                        where,
                    )
                )
    return [(row, note) for note in notes]


def resolve_strings(sheet: Sheet, strings: tuple[str, ...]) -> list[list[str]]:
    """The rows of ``sheet`` with each shared-string index replaced by its text (in place).

    >>> resolve_strings(Sheet([["1", 0], [], [1]]), ("城乡医疗救助", "行政确认"))
    [['1', '城乡医疗救助'], [], ['行政确认']]
    """
    for cell in sheet.replaced:
        if isinstance(cell, int):
            strings[cell]  # raises IndexError for a bad index, as looking it up did
    for row in sheet.rows:
        row[:] = [strings[c] if isinstance(c, int) else c for c in row]
    return sheet.rows  # type: ignore[return-value]  # every cell is now a str


def _row_values(
    row: etree._Element, book: Workbook, columns: dict[str, int], sheet: Sheet, index: int
) -> list[Cell]:
    """The cells of ``<row>`` number ``index``, placed by their references. ``columns`` caches
    the index of each column's letters for the sheet; cells written over go to the sheet's
    ``replaced``, formulas without a cached value to its ``uncached``."""
    values: list[Cell] = []
    replaced = sheet.replaced
    now = (index, values)
    for cell in row.iterchildren(_CELL):
        kind = cell.get("t")
        text: Cell | None = None
        # The two string kinds (shared and inline) are nearly every cell of a power list, and
        # nearly always the cell's only child: those skip the general path.
        if len(cell) == 1:
            first = cell[0]
            if kind == "s":
                if first.tag == _VALUE:
                    text = int(first.text or "")
            elif kind == "inlineStr" and first.tag == _INLINE:
                text = _text_of(first)
        formula = None
        cached: Cell = ""
        if text is None:
            text = _value(cell, book)
            # a workbook calculated when opened (XlsxWriter's) caches placeholders: its
            # formulas are read as if saved without a value, a cached value other than 0 kept
            # where the formula gives none
            if (text == "" or book.recalculated) and len(cell):
                found = cell.find(_FORMULA)
                if found is not None:  # a shared formula's later cells carry only its index
                    formula = found.text or f"(shared formula {found.get('si', '?')})"
                    cached, text = text, ""
        ref = cell.get("r")
        if ref:
            letters = ref.rstrip(_DIGITS)
            column = columns.get(letters)
            if column is None:
                column = columns[letters] = _column(letters)
                if not 0 <= column < MAX_COLUMNS:
                    raise ValueError(f"cell reference {ref} outside the sheet (A to XFD)")
        else:
            column = len(values)
        if column == len(values):
            values.append(text)
        elif column > len(values):
            if text == "" and not formula:
                continue  # an empty cell past the row's last one (styled out to XFD) adds none
            values.extend([""] * (column - len(values)))
            values.append(text)
        else:  # a cell written twice or out of order: the later one wins, as in openpyxl
            replaced.append(values[column])
            values[column] = text
        if formula:
            value = formula_value(formula, index, column, lambda r, c: sheet.cell_at(r, c, now))
            if value is None and cached not in ("", "0"):
                value = cached
            if value is None:
                sheet.uncached.append((index, column, formula))
            else:
                values[column] = value
    return values
