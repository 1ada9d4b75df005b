"""Reads an XML Spreadsheet 2003 (SpreadsheetML: the ``<Workbook xmlns="urn:schemas-microsoft-
com:office:spreadsheet">`` Excel 2003 saves as XML, which web systems export under an .xls name)
into the rows of its worksheets, one worksheet after another, each a row at a time, merged ranges
laid over them as in XLSX (``merged.MergedRanges``).

The XML is read twice with lxml's ``iterparse``, each row let go once read. The survey
(:func:`survey_sheets`) finds what must be known before a sheet's first row goes out: its merged
ranges (``ss:MergeAcross`` / ``ss:MergeDown`` on a range's first cell), how many rows and how
long the longest, its used width, and whether the workbook hides it (said after its rows, in
``x:WorksheetOptions``); the reading (:func:`sheet_run`) lays the rows out. A workbook read whole
(:func:`read_spreadsheetml`) and one read in batches (:func:`spreadsheetml_tables`, through
``tables_stream``) go through the same two passes, so they give the same rows."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from lxml import etree

from extractors.errors import InputError
from extractors.models import Anomaly
from extractors.reading.formats.grid import Grid, ReadWhole, SourceRow
from extractors.reading.formats.sheets.merged import (
    WIDE,
    GridRows,
    MergedRanges,
    kept_columns,
    occupied_columns,
    sheet_lead,
    sheet_owner,
    used_width,
)
from extractors.reading.formats.sheets.sheetxml import (
    MAX_COLUMNS,
    MAX_PADDING,
    MAX_ROWS,
    PADDING_RATIO,
    Bounds,
    cell_text,
    hidden_notes,
    uncached_note,
)
from extractors.reading.formats.tables import Table, TableStart, split_tables
from extractors.reading.formats.xmlroot import has_root, root_pattern

SS = "urn:schemas-microsoft-com:office:spreadsheet"
_EXCEL = "urn:schemas-microsoft-com:office:excel"
_WORKSHEET, _TABLE, _COLUMN, _ROW = (
    f"{{{SS}}}{t}" for t in ("Worksheet", "Table", "Column", "Row")
)
_CELL, _DATA, _VISIBLE = f"{{{SS}}}Cell", f"{{{SS}}}Data", f"{{{_EXCEL}}}Visible"
_TAGS = (_WORKSHEET, _COLUMN, _ROW, _VISIBLE)
#: What a workbook says of a sheet it hides (``<x:Visible>`` in its ``x:WorksheetOptions``).
_HIDDEN_SHEET = frozenset({"SheetHidden", "SheetVeryHidden"})
#: The root element of a SpreadsheetML workbook.
_ROOT = root_pattern("Workbook", "urn:schemas-microsoft-com:office:spreadsheet")


def is_spreadsheetml(head: bytes) -> bool:
    """Whether the file beginning with ``head`` is a SpreadsheetML workbook: a ``Workbook`` root
    in the SpreadsheetML namespace (in UTF-8 or another ASCII-based encoding, or UTF-16).

    >>> is_spreadsheetml(f'<?xml version="1.0"?>\\n<Workbook xmlns="{SS}">'.encode())
    True
    >>> is_spreadsheetml(b"<html><table>"), is_spreadsheetml(b"<?xml version='1.0'?><Workbook/>")
    (False, False)
    """
    return has_root(head, _ROOT)


def _attribute(element: etree._Element, name: str) -> str | None:
    """An ``ss:`` attribute, or the same written without its prefix (some exporters do)."""
    value = element.get(f"{{{SS}}}{name}")
    return element.get(name) if value is None else value


def _whole(element: etree._Element, name: str, least: int) -> int | None:
    """A count attribute (``ss:Index``, ``ss:MergeAcross`` ...), None when absent or no count."""
    return _count(_attribute(element, name), least)


def _count(value: str | None, least: int) -> int | None:
    """``value`` as a count of at least ``least``, None when absent or no such count."""
    if value is None:
        return None
    try:
        number = int(value)
    except ValueError:
        return None
    return number if number >= least else None


def _cell_attributes(cell: etree._Element) -> dict[str, str]:
    """A cell's attributes by local name (``ss:Index`` and ``Index`` alike), read in one go:
    most cells have none or a style, and a workbook has a cell for every one of a list's."""
    return {key.rpartition("}")[2]: value for key, value in cell.attrib.items()}


def _value(data: etree._Element) -> str:
    """The text of a cell's ``<Data>`` as a spreadsheet shows it: a Number to the digits a
    spreadsheet shows (``sheetxml.cell_text``), a DateTime as a date, a Boolean as TRUE or
    FALSE; a string's runs of rich text (``<B>``, ``<Font>``) joined, ``&#10;`` a line break."""
    text = "".join(data.itertext()) if len(data) else data.text or ""
    kind = _attribute(data, "Type")
    if kind == "Number":
        try:
            return cell_text(float(text))
        except ValueError:
            return text
    if kind == "DateTime":
        try:
            return cell_text(dt.datetime.fromisoformat(text.strip()))
        except ValueError:
            return text
    if kind == "Boolean":
        return {"1": "TRUE", "0": "FALSE"}.get(text.strip(), text)
    return text


@dataclass(slots=True)
class _Row:
    """One ``<Row>`` as read: its 0-based index, its cells placed by ``ss:Index``, the merged
    ranges its cells open, and its formulas saved without a value."""

    index: int
    cells: list[str]
    merged: list[Bounds]
    uncached: list[tuple[int, str]]
    hidden: bool


class _Sheets:
    """The events of one pass over the workbook: a sheet's start (its name), its hidden columns
    as they are met, each row, and the sheet's end with whether the workbook hides it. Each
    element is let go once read, so a pass holds about one row."""

    def __init__(self, source: Path | bytes) -> None:
        self.source = source

    def __iter__(self) -> Iterator[tuple[str, object]]:
        if isinstance(self.source, bytes):
            stream: IO[bytes] = io.BytesIO(self.source)
        else:
            stream = self.source.open("rb")
        with stream:
            yield from self._events(_from_declaration(stream))

    def _events(self, source: IO[bytes]) -> Iterator[tuple[str, object]]:
        events = etree.iterparse(
            source,
            events=("start", "end"),
            tag=_TAGS,
            resolve_entities=False,
            no_network=True,
            huge_tree=True,
            remove_comments=True,
        )
        next_row = next_column = 0
        hidden = False
        for event, element in events:
            tag = element.tag
            if tag == _WORKSHEET:
                if event == "start":
                    next_row = next_column = 0
                    hidden = False
                    yield "sheet", _attribute(element, "Name") or ""
                else:
                    yield "end", hidden
                    _let_go(element)
            elif event == "start":
                continue
            elif tag == _ROW:
                row = self._row(element, next_row)
                next_row = row.index + 1 + (_whole(element, "Span", 0) or 0)
                yield "row", row
                _let_go(element)
            elif tag == _COLUMN:
                first = (_whole(element, "Index", 1) or next_column + 1) - 1
                last = min(first + (_whole(element, "Span", 0) or 0), MAX_COLUMNS - 1)
                next_column = last + 1
                if _attribute(element, "Hidden") in ("1", "true"):
                    yield "column", (first, last)
                _let_go(element)
            elif tag == _VISIBLE:
                hidden = (element.text or "").strip() in _HIDDEN_SHEET

    @staticmethod
    def _row(element: etree._Element, next_row: int) -> _Row:
        given = _whole(element, "Index", 1)
        index = next_row if given is None else given - 1
        if not next_row <= index < MAX_ROWS:
            raise ValueError(
                f"row {index + 1} out of order or outside the sheet (row {next_row + 1} expected, "
                f"at most {MAX_ROWS})"
            )
        cells: list[str] = []
        merged: list[Bounds] = []
        uncached: list[tuple[int, str]] = []
        for cell in element.iterchildren(_CELL):
            attributes = _cell_attributes(cell) if len(cell.attrib) else {}
            at = _count(attributes.get("Index"), 1)
            column = len(cells) if at is None else at - 1
            if not len(cells) <= column < MAX_COLUMNS:
                raise ValueError(
                    f"cell {column + 1} of row {index + 1} out of order or outside the sheet "
                    f"(at most {MAX_COLUMNS} columns)"
                )
            if column > len(cells):
                cells.extend([""] * (column - len(cells)))
            data = cell.find(_DATA)
            formula = attributes.get("Formula")
            if data is None and formula:
                uncached.append((column, formula))
            cells.append("" if data is None else _value(data))
            across = _count(attributes.get("MergeAcross"), 0) or 0
            down = _count(attributes.get("MergeDown"), 0) or 0
            if across or down:
                merged.append((column + 1, index + 1, column + 1 + across, index + 1 + down))
                # the cells a range covers are left out; the next one written names its place
                cells.extend([""] * across)
        return _Row(index, cells, merged, uncached, _attribute(element, "Hidden") in ("1", "true"))


def _from_declaration(stream: IO[bytes]) -> IO[bytes]:
    """``stream`` from its XML declaration on, where blank lines (and a byte-order mark) come
    before it: a web exporter's script printed them ahead of the workbook, which XML forbids
    and Excel opens."""
    head = stream.read(4096)
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
    stream.seek(len(head) - len(start) if start.startswith(b"<?xml") else 0)
    return stream


def _let_go(element: etree._Element) -> None:
    """Drops a read element and the siblings before it (iterparse keeps the tree it built)."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


@dataclass(frozen=True, slots=True)
class SheetLayout:
    """What the survey found of one worksheet: its name, whether the workbook hides it, its
    rows (``count``) and the length of the longest, its merged ranges, and the used width and
    columns of its cells once the ranges are laid over them (``keep``: ``merged.kept_columns``,
    None when every column up to ``width`` is kept)."""

    name: str
    hidden: bool
    count: int
    length: int
    merged: tuple[Bounds, ...]
    width: int
    keep: tuple[int, ...] | None


def survey_sheets(source: Path | bytes) -> list[SheetLayout]:
    """The layout of each worksheet of the workbook ``source`` (its file, or its bytes). Raises
    ValueError for a row or cell out of place or so far from the ones before that mostly
    empty cells would be laid out between them, ``etree.XMLSyntaxError`` for bad XML."""
    out: list[SheetLayout] = []
    name = ""
    count = length = width = present = padding = 0
    merged: list[Bounds] = []
    occupied: set[int] = set()
    for event, value in _Sheets(source):
        if event == "sheet":
            name = str(value)
            count = length = width = present = padding = 0
            merged, occupied = [], set()
        elif event == "row" and isinstance(value, _Row):
            padding += value.index - count
            count = value.index + 1
            written = sum(1 for c in value.cells if c)
            present += written
            padding += len(value.cells) - written
            if padding > MAX_PADDING and padding > PADDING_RATIO * present:
                raise ValueError(
                    f"{present} cells placed so far apart that {padding} empty ones lie between "
                    f"them (by row {count} of sheet {name}); a damaged or hostile sheet?"
                )
            merged.extend(value.merged)
            length = max(length, len(value.cells))
            width = max(width, used_width(value.cells))
            occupied_columns((value.cells,), occupied)
        elif event == "end":
            ranges = tuple(merged)
            # a range lays its first cell's text across its columns (foreseen: nearly always
            # there); ranges that overlap are refused here, as in XLSX
            for first, reach in MergedRanges(ranges, length, count).reaches():
                width = max(width, reach)
                occupied.update(range(first - 1, reach))
            keep = kept_columns(occupied, width) if width > WIDE else None
            out.append(SheetLayout(name, bool(value), count, length, ranges, width, keep))
    return out


def sheet_run(source: Path | bytes, layouts: list[SheetLayout]) -> Iterator[TableStart | SourceRow]:
    """The worksheets of ``source`` as a run of table starts and rows (``tables.split_tables``),
    each sheet's rows laid out as the rows of its Grid by its layout from :func:`survey_sheets`
    (the same rows ``merged.sheet_grid`` gives the cells of an XLSX sheet): merged ranges laid
    over them, and each row with text the workbook does not show said (``hidden-row``,
    ``hidden-column``, ``hidden-sheet``)."""
    sheets = iter(layouts)
    layout: SheetLayout | None = None
    ranges = MergedRanges((), 0, 0)
    laying = GridRows(0, None)
    columns: list[tuple[int, int]] = []
    number = 0  # the next row to lay out
    for event, value in _Sheets(source):
        if event == "sheet":
            layout = next(sheets, None)
            if layout is None or layout.name != value:
                raise ValueError("the workbook changed while it was read; read it again")
            ranges = MergedRanges(layout.merged, layout.length, layout.count)
            laying = GridRows(layout.width, layout.keep)
            columns, number = [], 0
            lead, owner = sheet_lead(layout.name), sheet_owner(layout.name)
            yield TableStart(name=layout.name, lead=lead, owner=owner)
        elif event == "column" and isinstance(value, tuple):
            columns.append(value)
        elif event == "row" and isinstance(value, _Row) and layout is not None:
            index = value.index
            # rows the XML leaves out are empty (a range may reach them)
            for empty in ranges.left_out(number, index, laying.add_blank):
                yield from _laid(empty, [], ranges, laying)
            notes = [
                note
                for _, note in hidden_notes(
                    index, value.cells, value.hidden, columns, layout.hidden
                )
            ]
            notes += [uncached_note(index, column, formula) for column, formula in value.uncached]
            yield from _laid(index, value.cells, ranges, laying, notes)
            number = index + 1
        elif event == "end" and layout is not None and number != layout.count:
            raise ValueError("the workbook changed while it was read; read it again")


def _laid(
    number: int,
    cells: list[str],
    ranges: MergedRanges,
    laying: GridRows,
    notes: list[Anomaly] | None = None,
) -> list[SourceRow]:
    spans, hidden = ranges.lay(number, cells)
    return laying.add(number, cells, hidden + (notes or []), spans)


def read_spreadsheetml(data: bytes, path: str) -> list[Grid]:
    """One Grid per worksheet of the SpreadsheetML workbook ``data`` (rows keep their sheet row
    numbers as ``line``).

    >>> book = (
    ...     f'<Workbook xmlns="{SS}" xmlns:ss="{SS}"><Worksheet ss:Name="清单"><Table>'
    ...     '<Row><Cell><Data ss:Type="String">序号</Data></Cell>'
    ...     '<Cell><Data ss:Type="String">事项&#10;名称</Data></Cell></Row>'
    ...     '<Row><Cell ss:MergeAcross="1"><Data ss:Type="Number">4267</Data></Cell></Row>'
    ...     "</Table></Worksheet></Workbook>"
    ... )
    >>> [(r.cells, r.spans) for r in read_spreadsheetml(book.encode(), "a.xls")[0].rows]
    [(('序号', '事项\\n名称'), ()), (('4267', '4267'), ('own', 'left'))]
    """
    with spreadsheetml_errors(path):
        layouts = survey_sheets(data)
        return [
            Grid(tuple(table.rows), name=table.name, lead=table.lead, owner=table.owner)
            for table in split_tables(sheet_run(data, layouts))
        ]


def spreadsheetml_tables(path: Path) -> Callable[[], Iterator[Table]]:
    """The worksheets of the SpreadsheetML workbook ``path``, a Grid's rows at a time, read again
    from the file each time the function given is called (``tables_stream``), its layout
    surveyed once. What the whole reader would refuse raises ``ReadWhole``: it says what is
    wrong."""
    layouts: list[SheetLayout] = []

    def tables() -> Iterator[Table]:
        try:
            if not layouts:
                layouts.extend(survey_sheets(path))
            yield from split_tables(sheet_run(path, layouts))
        except (ValueError, etree.XMLSyntaxError, OSError) as err:
            raise ReadWhole(f"the workbook reads otherwise ({err})") from None

    return tables


@contextmanager
def spreadsheetml_errors(path: str) -> Iterator[None]:
    """What a damaged workbook makes the reading run into (bad XML, a row or cell out of
    place, ranges that overlap), as one InputError naming the file."""
    try:
        yield
    except etree.XMLSyntaxError as err:
        raise InputError(path, f"not a readable SpreadsheetML workbook (bad XML: {err})") from None
    except ValueError as err:
        raise InputError(path, f"not a readable SpreadsheetML workbook ({err})") from None
