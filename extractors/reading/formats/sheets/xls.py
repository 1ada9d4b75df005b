"""Reads the sheets of a legacy XLS workbook (BIFF, via xlrd) into Grids, merged cells filled."""

from __future__ import annotations

import struct

import xlrd
import xlrd.compdoc

from extractors.errors import InputError
from extractors.reading.formats.grid import Grid
from extractors.reading.formats.sheets.merged import fill_merged, sheet_grid
from extractors.reading.formats.sheets.sheetxml import cell_text


def read_xls(data: bytes, path: str) -> list[Grid]:
    """One Grid per worksheet (rows keep their sheet row numbers as ``line``)."""
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    except (xlrd.XLRDError, xlrd.compdoc.CompDocError, struct.error, ValueError) as err:
        if "encrypt" in str(err).lower():
            raise InputError(
                path, "encrypted (password-protected) workbook; save an unprotected copy"
            ) from None
        raise InputError(path, f"not a readable xls workbook ({err})") from None
    grids: list[Grid] = []
    try:
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            rows = [
                [_value(book, sheet.cell(r, c)) for c in range(sheet.row_len(r))]
                for r in range(sheet.nrows)
            ]
            # xlrd gives (rlo, rhi, clo, chi), half-open and 0-based.
            ranges = [(clo + 1, rlo + 1, chi, rhi) for rlo, rhi, clo, chi in sheet.merged_cells]
            grids.append(sheet_grid(rows, sheet.name, fill_merged(rows, ranges)))
            book.unload_sheet(index)
    finally:
        book.release_resources()
    return grids


def _value(book: xlrd.Book, cell: xlrd.sheet.Cell) -> str:
    if cell.ctype == xlrd.XL_CELL_DATE:
        return cell_text(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode))
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    return cell_text(cell.value)
