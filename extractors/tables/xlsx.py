"""Reads the sheets of an XLSX workbook into Grids, merged cells filled from their top-left cell."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator

import openpyxl
from lxml import etree
from openpyxl.utils.cell import range_boundaries

from extractors.cells import clean_cell
from extractors.errors import InputError
from extractors.limits import check_archive
from extractors.tables.grid import Grid, SourceRow

_MERGE_TAG = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}mergeCell"


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


def _merged_ranges(archive: zipfile.ZipFile, member: str) -> Iterator[tuple[int, int, int, int]]:
    """The merged ranges of one sheet, read straight from its XML (read-only worksheets of
    openpyxl do not expose them): (min_col, min_row, max_col, max_row), 1-based."""
    with archive.open(member) as stream:
        for _, element in etree.iterparse(stream, tag=_MERGE_TAG):
            bounds = range_boundaries(element.get("ref", ""))
            element.clear()
            if None not in bounds:
                yield bounds


def fill_merged(rows: list[list[str]], ranges: list[tuple[int, int, int, int]]) -> list[list[str]]:
    """``rows`` with each merged range filled with its top-left value.

    >>> fill_merged([["1", "城乡医疗救助"], ["", ""]], [(2, 1, 2, 2)])
    [['1', '城乡医疗救助'], ['', '城乡医疗救助']]
    """
    for min_col, min_row, max_col, max_row in ranges:
        if min_row > len(rows):
            continue
        top = rows[min_row - 1]
        value = top[min_col - 1] if min_col - 1 < len(top) else ""
        for r in range(min_row - 1, min(max_row, len(rows))):
            row = rows[r]
            if len(row) < max_col:
                row.extend([""] * (max_col - len(row)))
            for c in range(min_col - 1, max_col):
                row[c] = value
    return rows


def read_xlsx(data: bytes, path: str) -> list[Grid]:
    """One Grid per worksheet (rows keep their sheet row numbers as ``line``)."""
    check_archive(data, path)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (KeyError, OSError, ValueError, zipfile.BadZipFile) as err:
        raise InputError(path, f"not a readable xlsx workbook ({err})") from None
    grids: list[Grid] = []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for sheet in book.worksheets:
                rows = [
                    [cell_text(v) for v in values] for values in sheet.iter_rows(values_only=True)
                ]
                member = getattr(sheet, "_worksheet_path", None)
                if member:
                    fill_merged(rows, list(_merged_ranges(archive, member.lstrip("/"))))
                grids.append(sheet_grid(rows, sheet.title))
    finally:
        book.close()
    return grids


def sheet_grid(rows: list[list[str]], name: str) -> Grid:
    """The Grid of one sheet: empty rows dropped, every row cut or padded to the sheet's used
    width (a sheet formatted out to column XFD reports 16384 columns, mostly empty).

    >>> sheet_grid([["序号", "备注", ""], [], ["1", ""]], "清单").rows[1].cells
    ('1', '')
    """
    width = max(
        (max((i + 1 for i, c in enumerate(r) if c.strip()), default=0) for r in rows), default=0
    )
    out = []
    for number, cells in enumerate(rows, start=1):
        cells = (cells + [""] * width)[:width]
        if any(c.strip() for c in cells):
            out.append(SourceRow(number, tuple(clean_cell(c) for c in cells), tuple(cells)))
    return Grid(tuple(out), name=name)
