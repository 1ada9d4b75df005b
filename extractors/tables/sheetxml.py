"""Reads the parts of an XLSX package (workbook, shared strings, styles, sheets) straight from
their XML in one streaming pass each, giving the cell values openpyxl would give."""

from __future__ import annotations

import datetime as dt
import posixpath
import zipfile
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils.cell import range_boundaries
from openpyxl.utils.datetime import CALENDAR_MAC_1904, WINDOWS_EPOCH, from_excel, from_ISO8601

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_ROW, _CELL, _VALUE, _INLINE = _MAIN + "row", _MAIN + "c", _MAIN + "v", _MAIN + "is"
_TEXT, _RUN, _MERGE, _SI = _MAIN + "t", _MAIN + "r", _MAIN + "mergeCell", _MAIN + "si"
# lxml refuses text nodes over 10 MB unless told otherwise; the cell limit is checked later,
# with the cell's position in the message.
_PARSER_OPTIONS = {"huge_tree": True, "resolve_entities": False, "no_network": True}

#: (min_col, min_row, max_col, max_row) of a merged range, 1-based.
Bounds = tuple[int, int, int, int]


def cell_text(value: object) -> str:
    """The text of a spreadsheet value: whole floats without ``.0``, dates as ISO dates.

    >>> cell_text(4267.0), cell_text(None), cell_text(dt.datetime(2025, 4, 2))
    ('4267', '', '2025-04-02')
    """
    if value is None:
        return ""
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
    strings: tuple[str, ...]
    date_styles: frozenset[int]
    timedelta_styles: frozenset[int]
    epoch: dt.datetime


def _parse(archive: zipfile.ZipFile, member: str) -> etree._Element:
    with archive.open(member) as stream:
        return etree.parse(stream, etree.XMLParser(**_PARSER_OPTIONS)).getroot()


def _relationships(archive: zipfile.ZipFile, member: str) -> dict[str, tuple[str, str]]:
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


def _text_of(element: etree._Element) -> str:
    """The text of a shared or inline string: its ``<t>`` and the ``<t>`` of its runs, without
    phonetic guides (``<rPh>``)."""
    parts = []
    for child in element:
        if child.tag == _TEXT:
            parts.append(child.text or "")
        elif child.tag == _RUN:
            parts.extend(t.text or "" for t in child.iterchildren(_TEXT))
    return "".join(parts)


def _shared_strings(archive: zipfile.ZipFile, member: str | None) -> tuple[str, ...]:
    if member is None or member not in archive.NameToInfo:
        return ()
    strings = []
    with archive.open(member) as stream:
        for _, si in etree.iterparse(stream, tag=_SI, **_PARSER_OPTIONS):
            # Nearly every entry is one plain <t>; runs and phonetic guides take the long way.
            text = (si[0].text or "") if len(si) == 1 and si[0].tag == _TEXT else _text_of(si)
            # openpyxl drops the escape of a literal "_x" (x005F_) the same way.
            strings.append(text.replace("x005F_", ""))
            si.clear()
            while si.getprevious() is not None:
                del si.getparent()[0]
    return tuple(strings)


def _date_styles(archive: zipfile.ZipFile, member: str | None) -> tuple[set[int], set[int]]:
    """The indexes of the cell styles whose number format shows a date (or a duration)."""
    dates: set[int] = set()
    durations: set[int] = set()
    if member is None or member not in archive.NameToInfo:
        return dates, durations
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
    return dates, durations


def open_workbook(archive: zipfile.ZipFile) -> Workbook:
    """The sheets, shared strings, date styles and epoch of the workbook in ``archive``."""
    package = _relationships(archive, "").values()
    main = next(
        (member for kind, member in package if kind.endswith("/officeDocument")),
        "xl/workbook.xml",
    )
    rels = _relationships(archive, main)
    root = _parse(archive, main)
    properties = root.find(_MAIN + "workbookPr")
    mac = properties is not None and properties.get("date1904", "") in ("1", "true")
    sheets = []
    for sheet in root.iter(_MAIN + "sheet"):
        kind, member = rels.get(sheet.get(_REL + "id", ""), ("", ""))
        if kind.endswith("/worksheet"):
            sheets.append((sheet.get("name", ""), member))
    by_kind = {kind.rsplit("/", 1)[-1]: member for kind, member in rels.values()}
    dates, durations = _date_styles(archive, by_kind.get("styles"))
    return Workbook(
        sheets=tuple(sheets),
        strings=_shared_strings(archive, by_kind.get("sharedStrings")),
        date_styles=frozenset(dates),
        timedelta_styles=frozenset(durations),
        epoch=CALENDAR_MAC_1904 if mac else WINDOWS_EPOCH,
    )


@lru_cache(maxsize=1024)
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
    return value


def _value(cell: etree._Element, book: Workbook) -> object:
    """The value of one ``<c>`` as openpyxl gives it (read-only, data only)."""
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        inline = cell.find(_INLINE)
        return None if inline is None else _text_of(inline)
    text = cell.findtext(_VALUE) or None
    if text is None:
        return None
    if kind == "s":
        return book.strings[int(text)]
    if kind == "n":
        return _number(text, int(cell.get("s") or 0), book)
    if kind == "b":
        return bool(int(text))
    if kind == "d":
        return from_ISO8601(text)
    return text  # "str" (a formula's cached text) and "e" (an error such as #N/A)


def read_sheet(
    archive: zipfile.ZipFile, member: str, book: Workbook
) -> tuple[list[list[str]], list[Bounds]]:
    """The text of each cell of one sheet, row by row (index = sheet row - 1, empty rows as
    ``[]``), and its merged ranges. Memory stays at one row of XML: each row is dropped once
    read."""
    rows: list[list[str]] = []
    merged: list[Bounds] = []
    with archive.open(member) as stream:
        for _, element in etree.iterparse(stream, tag=(_ROW, _MERGE), **_PARSER_OPTIONS):
            if element.tag == _MERGE:
                bounds = range_boundaries(element.get("ref", ""))
                if None not in bounds:
                    merged.append(bounds)
            else:
                number = element.get("r")
                index = int(number) - 1 if number else len(rows)
                rows.extend([] for _ in range(index + 1 - len(rows)))
                rows[index] = _row_values(element, book)
            element.clear()
            # Rows already read stay attached to <sheetData> unless removed.
            while element.getprevious() is not None:
                del element.getparent()[0]
    return rows, merged


def _row_values(row: etree._Element, book: Workbook) -> list[str]:
    values: list[str] = []
    for cell in row.iterchildren(_CELL):
        kind = cell.get("t")
        # The two string kinds (inline and shared) are nearly every cell of a power list, and
        # an inline string is nearly always a single <is><t>: those skip the general path.
        first = cell[0] if len(cell) == 1 else None
        if kind == "inlineStr" and first is not None and first.tag == _INLINE:
            text = (
                (first[0].text or "")
                if len(first) == 1 and first[0].tag == _TEXT
                else _text_of(first)
            )
        elif kind == "s" and first is not None and first.tag == _VALUE:
            text = book.strings[int(first.text or "")]
        else:
            value = _value(cell, book)
            text = value if isinstance(value, str) else cell_text(value)
        ref = cell.get("r")
        column = _column(ref.rstrip("0123456789")) if ref else len(values)
        if column == len(values):
            values.append(text)
        elif column > len(values):
            values.extend([""] * (column - len(values)))
            values.append(text)
        else:  # a cell written twice or out of order: the later one wins, as in openpyxl
            values[column] = text
    return values
