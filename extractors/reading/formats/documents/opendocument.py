"""Reads OpenDocument files (an ``.ods`` sheet, an ``.odt`` text, as LibreOffice and WPS save
them) through their XLSX or DOCX conversion by LibreOffice headless."""

from __future__ import annotations

from extractors.reading.formats.documents.docx import read_docx
from extractors.reading.formats.documents.office import convert
from extractors.reading.formats.grid import Grid
from extractors.reading.formats.sheets.xlsx import read_xlsx


def read_ods(data: bytes, path: str) -> list[Grid]:
    """The sheets of an OpenDocument spreadsheet, read through its XLSX conversion."""
    return read_xlsx(convert(data, path, "ods", "xlsx"), path)


def read_odt(data: bytes, path: str) -> list[Grid]:
    """The tables of an OpenDocument text, read through its DOCX conversion."""
    return read_docx(convert(data, path, "odt", "docx"), path)
