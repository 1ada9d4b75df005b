"""Reads the sheets of an XLSX workbook into Grids, merged cells filled from their top-left cell."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from extractors.errors import InputError
from extractors.reading.formats.cells import clean_cell
from extractors.reading.formats.sheetxml import (
    open_workbook,
    read_shared_strings,
    read_sheet,
    resolve_strings,
)
from extractors.reading.grid import Grid, SourceRow
from extractors.reading.limits import check_archive


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
    """One Grid per worksheet (rows keep their sheet row numbers as ``line``).

    Each part's XML is read in one streaming pass with lxml (the sheets, then the shared
    strings they refer to); openpyxl's per-cell objects cost about three times the parse
    itself.

    >>> import openpyxl
    >>> book = openpyxl.Workbook()
    >>> book.active.append(["序号", "事项名称"])
    >>> book.active.append([4267, "城乡医疗救助"])
    >>> out = io.BytesIO()
    >>> book.save(out)
    >>> [r.cells for r in read_xlsx(out.getvalue(), "a.xlsx")[0].rows]
    [('序号', '事项名称'), ('4267', '城乡医疗救助')]
    """
    check_archive(data, path)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            book = open_workbook(archive)
            sheets = [(name, read_sheet(archive, member, book)) for name, member in book.sheets]
            strings = read_shared_strings(archive, book.shared_strings)
            return [
                sheet_grid(fill_merged(resolve_strings(sheet, strings), sheet.merged), name)
                for name, sheet in sheets
            ]
    except (KeyError, OSError, ValueError, IndexError, zipfile.BadZipFile) as err:
        raise InputError(path, f"not a readable xlsx workbook ({err})") from None
    except etree.XMLSyntaxError as err:
        raise InputError(path, f"not a readable xlsx workbook (bad XML: {err})") from None


def sheet_grid(rows: list[list[str]], name: str) -> Grid:
    """The Grid of one sheet, every row cut or padded to the sheet's used width (a sheet
    formatted out to column XFD reports 16384 columns, mostly empty). Empty rows inside the
    table are kept (they are counted as blank rows); those before and after it are dropped.

    >>> grid = sheet_grid([["序号", "备注", ""], [], ["1", ""], []], "清单")
    >>> [(r.line, r.cells) for r in grid.rows]
    [(1, ('序号', '备注')), (2, ('', '')), (3, ('1', ''))]
    """
    used = [_used_width(cells) for cells in rows]
    width = max(used, default=0)
    filled = [n for n, last in enumerate(used) if last]
    padding = [""] * width
    blank = tuple(padding)
    out = []
    for number in range(filled[0], filled[-1] + 1) if filled else ():
        cells = rows[number]
        if not used[number]:
            out.append(SourceRow(number + 1, blank, blank))
            continue
        raw = tuple(cells if len(cells) == width else (cells + padding)[:width])
        out.append(SourceRow(number + 1, tuple(map(clean_cell, raw)), raw))
    return Grid(tuple(out), name=name)


def _used_width(cells: list[str]) -> int:
    """The number of cells up to the last one that is not blank."""
    size = len(cells)
    while size and not cells[size - 1].strip():
        size -= 1
    return size
