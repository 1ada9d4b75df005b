"""Reads the tables of a DOCX document into Grids (merged cells repeated by python-docx), with
the paragraphs around them as context."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from extractors.errors import InputError
from extractors.reading.grid import Grid, SourceRow
from extractors.reading.limits import check_archive


def _text(raw: str) -> str:
    return "\n".join(line.strip() for line in raw.splitlines() if line.strip())


def read_docx(data: bytes, path: str) -> list[Grid]:
    """One Grid per table. ``line`` numbers the document's blocks in order (each paragraph and
    each table row is one), so a title paragraph comes before the header row it names."""
    check_archive(data, path)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as err:
        raise InputError(path, f"not a readable docx document ({err})") from None
    context: list[tuple[int, str]] = []
    tables: list[tuple[int, list[SourceRow]]] = []
    number = 0
    for block in document.element.body.iterchildren():
        if block.tag == qn("w:p"):
            number += 1
            text = _text(Paragraph(block, document).text)
            if text:
                context.append((number, text))
        elif block.tag == qn("w:tbl"):
            rows = []
            for row in Table(block, document).rows:
                number += 1
                raw = [""] * row.grid_cols_before + [cell.text for cell in row.cells]
                # Rows of empty cells stay: inside the table they are blank rows.
                rows.append(SourceRow(number, tuple(_text(c) for c in raw), tuple(raw)))
            tables.append((len(tables) + 1, rows))
    if not tables:
        return [Grid((), tuple(context))]
    return [
        Grid(tuple(rows), tuple(context) if index == 1 else (), name=f"table {index}")
        for index, rows in tables
    ]
