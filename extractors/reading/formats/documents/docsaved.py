"""Reads the documents Word saves in formats other than DOCX and DOC, often under a ``.doc``
name (RTF, and the XML of Word 2003: ``docmarks`` tells them), through their DOCX conversion by
LibreOffice."""

from __future__ import annotations

from extractors.reading.formats.documents.docx import read_docx
from extractors.reading.formats.documents.office import convert
from extractors.reading.formats.grid import Grid


def read_rtf(data: bytes, path: str) -> list[Grid]:
    """The tables of an RTF document, read through its DOCX conversion (from its opening
    ``{``: LibreOffice takes a file that a BOM or a blank line opens for plain text)."""
    return read_docx(convert(data[data.find(b"{") :], path, "rtf", "docx"), path)


def read_wordml(data: bytes, path: str) -> list[Grid]:
    """The tables of a Word 2003 XML document, read through its DOCX conversion."""
    return read_docx(convert(data, path, "xml", "docx"), path)
