"""Reads the tables of a DOCX document into Grids (merged cells repeated and marked), with the
paragraphs around them as context."""

from __future__ import annotations

import io
import zipfile

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from openpyxl.utils.cell import get_column_letter

from extractors.errors import InputError
from extractors.models import Anomaly
from extractors.reading.formats.grid import Grid, SourceRow, Span
from extractors.reading.limits import check_archive


def _text(raw: str) -> str:
    return "\n".join(line.strip() for line in raw.splitlines() if line.strip())


def _table_rows(table: Table, number: int) -> list[SourceRow]:
    """The rows of one table, numbered on from ``number``: a cell spanning columns (gridSpan)
    or continuing a vertical merge (vMerge) repeats the text of the cell it continues, marked
    so in ``spans``; text that Word keeps but hides in a continuing cell is a note."""
    rows = []
    # grid column -> (text, table row) of the vertical merge running there
    above: dict[int, tuple[str, int]] = {}
    for at, row in enumerate(table.rows, start=1):
        number += 1
        raw: list[str] = [""] * row.grid_cols_before
        spans: list[Span] = ["own"] * row.grid_cols_before
        notes: list[Anomaly] = []
        for tc in row._tr.tc_lst:
            column = len(raw)
            if tc.vMerge == "continue":
                text, begun = above.get(column, ("", at))
                hidden = "\n".join(_text(Paragraph(p, table).text) for p in tc.p_lst).strip()
                if hidden:
                    # Cells named as in a sheet: column letter, then the row of the table.
                    where = f"{get_column_letter(column + 1)}{at}"
                    notes.append(
                        Anomaly(
                            "hidden-cell",
                            f"cell {where} of the table holds text hidden under the vertical "
                            f"merge begun at {get_column_letter(column + 1)}{begun}; not read",
                            where,
                            hidden,
                        )
                    )
                first: Span = "above"
            else:
                text = "\n".join(Paragraph(p, table).text for p in tc.p_lst)
                first = "own"
                if tc.vMerge == "restart":
                    above[column] = (text, at)
                else:
                    above.pop(column, None)
            for copy in range(tc.grid_span):
                raw.append(text)
                spans.append(first if copy == 0 else "left" if first == "own" else "above")
        rows.append(
            SourceRow(
                number,
                tuple(_text(c) for c in raw),
                tuple(raw),
                tuple(notes),
                tuple(spans) if any(s != "own" for s in spans) else (),
            )
        )
    return rows


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
            # Rows of empty cells stay: inside the table they are blank rows.
            rows = _table_rows(Table(block, document), number)
            number += len(rows)
            tables.append((len(tables) + 1, rows))
    if not tables:
        return [Grid((), tuple(context))]
    return [
        Grid(tuple(rows), tuple(context) if index == 1 else (), name=f"table {index}")
        for index, rows in tables
    ]
