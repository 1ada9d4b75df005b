"""Reads the sheets of a legacy XLS workbook (BIFF, via xlrd) into Grids, merged cells filled."""

from __future__ import annotations

import os

import xlrd

from extractors.errors import InputError
from extractors.reading.formats.grid import Grid
from extractors.reading.formats.sheets.merged import fill_merged, sheet_grid
from extractors.reading.formats.sheets.sheetxml import cell_text


def read_xls(data: bytes, path: str) -> list[Grid]:
    """One Grid per worksheet (rows keep their sheet row numbers as ``line``).

    xlrd meets a damaged file with whatever exception its parsing runs into (IndexError,
    AssertionError, struct.error ...), while opening the book or loading a sheet: each is one
    InputError naming the file. Its warnings go to the null device, not to stdout, where they
    would run into the items ``quanze parse`` prints."""
    with open(os.devnull, "w") as quiet:
        try:
            book = xlrd.open_workbook(
                file_contents=data, formatting_info=True, on_demand=True, logfile=quiet
            )
        except Exception as err:
            if "encrypt" in str(err).lower():
                raise InputError(
                    path, "encrypted (password-protected) workbook; save an unprotected copy"
                ) from None
            raise InputError(path, f"not a readable xls workbook ({_cause(err)})") from None
        try:
            return _sheets(book)
        except Exception as err:
            raise InputError(path, f"not a readable xls workbook ({_cause(err)})") from None
        finally:
            book.release_resources()


def _cause(err: Exception) -> str:
    """What went wrong, on one line: the library's message, or the kind of error it hit."""
    message = " ".join(str(err).split())
    return (
        message
        if isinstance(err, xlrd.XLRDError) and message
        else f"{type(err).__name__}: {message}"
    )


def _sheets(book: xlrd.Book) -> list[Grid]:
    grids: list[Grid] = []
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
    return grids


def _value(book: xlrd.Book, cell: xlrd.sheet.Cell) -> str:
    if cell.ctype == xlrd.XL_CELL_DATE:
        return cell_text(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode))
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    return cell_text(cell.value)
