"""Reads the sheets of an XLSX workbook into Grids, merged ranges laid over their cells."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

from lxml import etree

from extractors.errors import InputError
from extractors.reading.formats.grid import Grid
from extractors.reading.formats.sheets.merged import fill_merged, sheet_grid
from extractors.reading.formats.sheets.sheetxml import (
    open_workbook,
    read_shared_strings,
    read_sheet,
    resolve_strings,
    uncached_note,
)
from extractors.reading.limits import check_archive


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
    with xlsx_errors(path), zipfile.ZipFile(io.BytesIO(data)) as archive:
        book = open_workbook(archive)
        sheets = [(name, read_sheet(archive, member, book)) for name, member in book.sheets]
        strings = read_shared_strings(archive, book.shared_strings)
        grids = []
        for name, sheet in sheets:
            rows = resolve_strings(sheet, strings)
            marks = fill_merged(rows, sheet.merged)
            for row, column, formula in sheet.uncached:
                marks.notes.setdefault(row, []).append(uncached_note(row, column, formula))
            for row, note in sheet.hidden:
                marks.notes.setdefault(row, []).append(note)
            grids.append(sheet_grid(rows, name, marks))
        return grids


@contextmanager
def xlsx_errors(path: str) -> Iterator[None]:
    """What a damaged workbook makes the reading run into (a bad archive, bad XML, a cell or
    row out of place, a shared string that is not there), as one InputError naming the file."""
    try:
        yield
    except (
        KeyError,
        OSError,
        EOFError,
        ValueError,
        IndexError,
        zipfile.BadZipFile,
        zlib.error,
    ) as err:
        raise InputError(path, f"not a readable xlsx workbook ({err})") from None
    except etree.XMLSyntaxError as err:
        raise InputError(path, f"not a readable xlsx workbook (bad XML: {err})") from None
