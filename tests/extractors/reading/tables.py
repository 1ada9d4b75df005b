"""Test helper: writes one table (rows of cells, with merged ranges, and lines of text above and
below it) in every format a list is published in: a pipe table, CSV, HTML (rowspan, colspan),
XLSX and XLS (merged ranges), DOCX (merged cells), a PDF table ruled or not, and page text (cells
separated by spaces, or one cell per paragraph). A test writes a shape once and reads it back in
each format; a format that cannot carry a merge writes the merged cell once and blanks under it,
as exports do."""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import docx
import openpyxl
import xlwt
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
from reportlab.platypus import Table as PdfTable
from reportlab.platypus import TableStyle as PdfStyle

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
_SONG = ParagraphStyle("song", fontName="STSong-Light", fontSize=8, leading=10)

#: (first row, first column, last row, last column), 0-based and inclusive.
Merge = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class Table:
    """A table as written: its rows (the header first), merged ranges, and lines of text before
    and after it (a heading, a note)."""

    rows: tuple[tuple[str, ...], ...]
    merges: tuple[Merge, ...] = ()
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    sheet: str = "清单"
    width: int = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "width", max(map(len, self.rows)))

    def shown(self, r: int, c: int) -> str:
        """The cell as a format without merges shows it: a merged range's text in its first
        cell, blanks under it."""
        for r0, c0, r1, c1 in self.merges:
            if r0 <= r <= r1 and c0 <= c <= c1 and (r, c) != (r0, c0):
                return ""
        row = self.rows[r]
        return row[c] if c < len(row) else ""

    def covered(self) -> set[tuple[int, int]]:
        """The cells a merge hides (every cell of a range but its first)."""
        return {
            (r, c)
            for r0, c0, r1, c1 in self.merges
            for r in range(r0, r1 + 1)
            for c in range(c0, c1 + 1)
            if (r, c) != (r0, c0)
        }


def markdown(tables: list[Table]) -> str:
    lines: list[str] = []
    for t in tables:
        lines += [*t.before, ""] if t.before else []
        for r in range(len(t.rows)):
            cells = [t.shown(r, c).replace("\n", "<br>") for c in range(t.width)]
            lines.append("| " + " | ".join(cells) + " |")
            if r == 0:
                lines.append("|" + "---|" * t.width)
        lines += ["", *t.after, ""]
    return "\n".join(lines) + "\n"


def delimited(tables: list[Table]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    for t in tables:
        writer.writerows([b] for b in t.before)
        writer.writerows([t.shown(r, c) for c in range(t.width)] for r in range(len(t.rows)))
        writer.writerows([a] for a in t.after)
    return out.getvalue()


def page_html(tables: list[Table]) -> str:
    parts = ["<html><body>"]
    for t in tables:
        parts += [f"<p>{html.escape(b)}</p>" for b in t.before]
        parts.append("<table border=1>")
        covered = t.covered()
        starts = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in t.merges}
        for r in range(len(t.rows)):
            parts.append("<tr>")
            for c in range(t.width):
                if (r, c) in covered:
                    continue
                down, across = starts.get((r, c), (1, 1))
                span = (f' rowspan="{down}"' if down > 1 else "") + (
                    f' colspan="{across}"' if across > 1 else ""
                )
                text = html.escape(t.shown(r, c)).replace("\n", "<br>")
                parts.append(f"<td{span}>{text}</td>")
            parts.append("</tr>")
        parts.append("</table>")
        parts += [f"<p>{html.escape(a)}</p>" for a in t.after]
    return "\n".join([*parts, "</body></html>"])


def _laid_out(
    tables: list[Table], sheets: bool
) -> Iterator[tuple[int, int, int, str, tuple[int, int] | None]]:
    """Every cell a workbook holds, 0-based: (sheet, row, column, text, the last cell of the
    merged range it opens); the tables one under the other with a blank row between, or
    (``sheets``) one sheet each."""
    sheet = top = 0
    for k, t in enumerate(tables):
        if sheets and k:
            sheet, top = sheet + 1, 0
        for line in t.before:
            yield sheet, top, 0, line, None
            top += 1
        covered = t.covered()
        ends = {(r0, c0): (r1, c1) for r0, c0, r1, c1 in t.merges}
        for r in range(len(t.rows)):
            for c in range(t.width):
                end = ends.get((r, c))
                if (r, c) not in covered and (t.shown(r, c) or end):
                    last = (top + end[0], end[1]) if end else None
                    yield sheet, top + r, c, t.shown(r, c), last
        top += len(t.rows)
        for line in t.after:
            yield sheet, top, 0, line, None
            top += 1
        top += 1


def xlsx(tables: list[Table], *, sheets: bool = False) -> bytes:
    """One sheet with the tables one under the other, or (``sheets``) one sheet each, named."""
    book = openpyxl.Workbook()
    book.active.title = tables[0].sheet
    for t in tables[1:] if sheets else ():
        book.create_sheet(t.sheet)
    for at, row, column, text, last in _laid_out(tables, sheets):
        sheet = book.worksheets[at]
        if text:
            sheet.cell(row + 1, column + 1, text)
        if last is not None:
            sheet.merge_cells(
                start_row=row + 1, start_column=column + 1, end_row=last[0] + 1,
                end_column=last[1] + 1,
            )  # fmt: skip
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xls(tables: list[Table], *, sheets: bool = False) -> bytes:
    book = xlwt.Workbook(encoding="utf-8")
    books = [book.add_sheet(t.sheet) for t in (tables if sheets else tables[:1])]
    for at, row, column, text, last in _laid_out(tables, sheets):
        if last is not None:
            books[at].write_merge(row, last[0], column, last[1], text)
        else:
            books[at].write(row, column, text)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def document(tables: list[Table]) -> bytes:
    out_doc = docx.Document()
    for t in tables:
        for line in t.before:
            out_doc.add_paragraph(line)
        table = out_doc.add_table(rows=len(t.rows), cols=t.width)
        for r in range(len(t.rows)):
            for c in range(t.width):
                if text := t.shown(r, c):
                    table.cell(r, c).text = text
        for r0, c0, r1, c1 in t.merges:
            table.cell(r0, c0).merge(table.cell(r1, c1)).text = t.shown(r0, c0)
        for line in t.after:
            out_doc.add_paragraph(line)
    out = io.BytesIO()
    out_doc.save(out)
    return out.getvalue()


def pdf(tables: list[Table], *, ruled: bool = True) -> bytes:
    """A ruled PDF table, or one without ruling whose cells are centred in their rows (as
    government tables are laid out): a short cell's line then sits between a long one's."""
    flow: list[object] = []
    for t in tables:
        flow += [Paragraph(line, _SONG) for line in t.before]
        data = [
            [Paragraph(t.shown(r, c).replace("\n", "<br/>"), _SONG) for c in range(t.width)]
            for r in range(len(t.rows))
        ]
        spans = [("SPAN", (c0, r0), (c1, r1)) for r0, c0, r1, c1 in t.merges]
        table = PdfTable(data, colWidths=[760 / t.width] * t.width, repeatRows=1)
        rules = [("GRID", (0, 0), (-1, -1), 0.5, colors.black)] if ruled else []
        middle = [] if ruled else [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
        table.setStyle(PdfStyle([*rules, *middle, *spans]))
        flow += [table, *(Paragraph(line, _SONG) for line in t.after), Spacer(1, 10)]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=landscape(A4)).build(flow)
    return out.getvalue()


def spaced_text(tables: list[Table]) -> str:
    """A web page copied as text: each row a line, cells apart by spaces."""
    lines = ["首页 > 政务公开 > 权责清单"]
    for t in tables:
        lines += t.before
        for r in range(len(t.rows)):
            cells = (t.shown(r, c).replace("\n", " ") for c in range(t.width))
            lines.append("  ".join(c for c in cells if c))
        lines += t.after
    return "\n".join(lines) + "\n"


def paragraph_text(tables: list[Table]) -> str:
    """A web page copied as text: one cell per paragraph, blank lines between."""
    lines = ["首页 > 政务公开 > 权责清单", ""]
    for t in tables:
        lines += [x for line in t.before for x in (line, "")]
        for r in range(len(t.rows)):
            lines += [x for c in range(t.width) if (v := t.shown(r, c)) for x in (v, "")]
        lines += [x for line in t.after for x in (line, "")]
    return "\n".join(lines) + "\n"


#: Every format, by the suffix of the file written.
WRITERS = {
    "md": markdown,
    "csv": delimited,
    "html": page_html,
    "xlsx": xlsx,
    "xls": xls,
    "docx": document,
    "pdf": pdf,
    "unruled.pdf": lambda tables: pdf(tables, ruled=False),
    "spaced.txt": spaced_text,
    "paragraphs.txt": paragraph_text,
}
FORMATS = tuple(WRITERS)


def write(folder: Path, tables: list[Table], suffix: str) -> Path:
    """``tables`` written as ``suffix`` (a key of :data:`WRITERS`) into ``folder``."""
    data = WRITERS[suffix](tables)
    path = folder / f"list.{suffix}"
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path
