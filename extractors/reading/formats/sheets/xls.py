"""Reads the sheets of a legacy XLS workbook (BIFF, via xlrd) into Grids, merged cells filled:
all of them (:func:`read_xls`), or one sheet at a time from the file (:func:`xls_tables`, for a
large workbook read in batches: a sheet holds at most 65,536 rows, which bounds what one sheet
takes, and a workbook of many sheets is held a sheet at a time)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import xlrd

from extractors.errors import InputError
from extractors.reading.formats.grid import Grid, ReadWhole, SourceRow
from extractors.reading.formats.sheets.merged import (
    fill_merged,
    sheet_grid,
    sheet_lead,
    sheet_owner,
)
from extractors.reading.formats.sheets.percent import percent_places, percent_text
from extractors.reading.formats.sheets.sheetxml import SharedStrings, cell_text, hidden_notes
from extractors.reading.formats.tables import Table


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
            return [_sheet(book, index) for index in range(book.nsheets)]
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


@contextmanager
def _book(path: Path) -> Iterator[xlrd.Book]:
    """The workbook in ``path``, its sheets loaded when asked for (xlrd maps the file rather than
    read it), its shared strings held compactly (``SharedStrings``: a sheet's cells index
    them as xlrd's own list), its warnings to the null device."""
    with open(os.devnull, "w") as quiet:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True, logfile=quiet)
        book._sharedstrings = SharedStrings(book._sharedstrings)
        try:
            yield book
        finally:
            book.release_resources()


def xls_tables(path: Path) -> Callable[[], Iterator[Table]]:
    """The sheets of the XLS workbook ``path``, a Grid's rows at a time, read again from the file
    each time the function given is called (``tables_stream``). A workbook or sheet xlrd cannot
    read raises ``ReadWhole``: the whole reader says what is wrong, or has LibreOffice read it."""

    def tables() -> Iterator[Table]:
        try:
            with _book(path) as book:
                for index, name in enumerate(book.sheet_names()):
                    # the sheet is read once its rows are asked for, and let go once they are out
                    rows, owner = _grid_rows(book, index), sheet_owner(name)
                    yield Table(rows, lead=sheet_lead(name), name=name, owner=owner)
        except ReadWhole:
            raise
        except Exception as err:
            raise ReadWhole(f"the workbook reads otherwise ({_cause(err)})") from None

    return tables


def _grid_rows(book: xlrd.Book, index: int) -> Iterator[SourceRow]:
    """The rows of the Grid of sheet ``index``, its Grid let go once they are all out."""
    try:
        rows = _sheet(book, index).rows
    except Exception as err:
        raise ReadWhole(f"the workbook reads otherwise ({_cause(err)})") from None
    yield from rows


def _sheet(book: xlrd.Book, index: int) -> Grid:
    """The Grid of sheet ``index``, the sheet let go once it is made."""
    sheet = book.sheet_by_index(index)
    rows = [
        [_value(book, sheet.cell(r, c)) for c in range(sheet.row_len(r))]
        for r in range(sheet.nrows)
    ]
    # xlrd gives (rlo, rhi, clo, chi), half-open and 0-based.
    ranges = [(clo + 1, rlo + 1, chi, rhi) for rlo, rhi, clo, chi in sheet.merged_cells]
    marks = fill_merged(rows, ranges)
    # what the workbook does not show, read and said as in XLSX: the sheet, rows, columns
    whole = sheet.visibility != 0
    columns = [(c, c) for c, info in sheet.colinfo_map.items() if info.hidden]
    for r, values in enumerate(rows):
        hidden = (info := sheet.rowinfo_map.get(r)) is not None and bool(info.hidden)
        if whole or hidden or columns:
            for row, note in hidden_notes(r, values, hidden, columns, whole):
                marks.notes.setdefault(row, []).append(note)
    grid = sheet_grid(rows, sheet.name, marks)
    del rows, sheet
    book.unload_sheet(index)
    return grid


def _value(book: xlrd.Book, cell: xlrd.sheet.Cell) -> str:
    if cell.ctype == xlrd.XL_CELL_DATE:
        return cell_text(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode))
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    if cell.ctype == xlrd.XL_CELL_NUMBER and (places := _percent_places(book, cell)) is not None:
        return percent_text(cell.value, places)
    return cell_text(cell.value)


def _percent_places(book: xlrd.Book, cell: xlrd.sheet.Cell) -> int | None:
    """The decimal places of the percentage the cell's number format shows, or None."""
    try:
        key = book.xf_list[cell.xf_index].format_key
        return percent_places(book.format_map[key].format_str)
    except (IndexError, KeyError):
        return None  # a workbook read without its formats: the number as it is
