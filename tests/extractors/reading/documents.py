"""Test helper: writes a known set of power items as departments export them from office
software: an XLSX or XLS sheet or a DOCX table in which each power's serial, name, type, basis and
body cells are merged down over the rows of its responsibility steps (one step a row), with an
optional title row merged across the sheet; and a ruled PDF table drawn with the same merges."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Literal

import docx
import openpyxl
import xlwt
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

Shape = Literal["xlsx", "xls", "docx", "pdf"]
HEADER = ("序号", "事项名称", "事项类型", "设定依据", "责任事项", "实施主体")
TITLE = "某县行政权力清单"

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
_SONG = ParagraphStyle("song", fontName="STSong-Light", fontSize=9, leading=11)
_WIDTHS = [30, 120, 60, 200, 160, 80]


@dataclass(frozen=True, slots=True)
class Power:
    """A power to write: its cells, and its responsibility steps (one row each)."""

    name: str
    type: str
    department: str
    basis: str
    steps: tuple[str, ...]


def expected(powers: list[Power]) -> list[dict[str, str | None]]:
    """What reading any shape must give: one item a power, its steps joined in order."""
    return [
        {
            "row": str(n),
            "name": p.name,
            "type": p.type,
            "department": p.department,
            "basis": p.basis,
            "responsibility": "".join(p.steps),
        }
        for n, p in enumerate(powers, start=1)
    ]


def _rows(powers: list[Power]) -> list[tuple[int, tuple[str, ...]]]:
    """(height, cells of the first row) per power; the step cells of its other rows follow."""
    return [
        (len(p.steps), (str(n), p.name, p.type, p.basis, p.steps[0], p.department))
        for n, p in enumerate(powers, start=1)
    ]


_STEP = HEADER.index("责任事项")


def render(powers: list[Power], shape: Shape, *, title: bool) -> bytes:
    """The powers written as ``shape``, merged cells and all."""
    return {"xlsx": _xlsx, "xls": _xls, "docx": _docx, "pdf": _pdf}[shape](powers, title)


def _xlsx(powers: list[Power], title: bool) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    row = 1
    if title:
        sheet.cell(1, 1, TITLE)
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
        row = 2
    for column, text in enumerate(HEADER, start=1):
        sheet.cell(row, column, text)
    row += 1
    for power, (height, cells) in zip(powers, _rows(powers), strict=True):
        for column, text in enumerate(cells, start=1):
            sheet.cell(row, column, text)
        for k, step in enumerate(power.steps[1:], start=1):
            sheet.cell(row + k, _STEP + 1, step)
        for column in range(1, len(HEADER) + 1):
            if column != _STEP + 1 and height > 1:
                sheet.merge_cells(
                    start_row=row, start_column=column, end_row=row + height - 1, end_column=column
                )
        row += height
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xls(powers: list[Power], title: bool) -> bytes:
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("清单")
    row = 0
    if title:
        sheet.write_merge(0, 0, 0, len(HEADER) - 1, TITLE)
        row = 1
    for column, text in enumerate(HEADER):
        sheet.write(row, column, text)
    row += 1
    for power, (height, cells) in zip(powers, _rows(powers), strict=True):
        for column, text in enumerate(cells):
            if column == _STEP or height == 1:
                sheet.write(row, column, text)
            else:
                sheet.write_merge(row, row + height - 1, column, column, text)
        for k, step in enumerate(power.steps[1:], start=1):
            sheet.write(row + k, _STEP, step)
        row += height
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _docx(powers: list[Power], title: bool) -> bytes:
    document = docx.Document()
    if title:
        document.add_paragraph(TITLE)
    height = sum(len(p.steps) for p in powers)
    table = document.add_table(rows=height + 1, cols=len(HEADER))
    for column, text in enumerate(HEADER):
        table.cell(0, column).text = text
    row = 1
    for power, (span, cells) in zip(powers, _rows(powers), strict=True):
        for column, text in enumerate(cells):
            if column == _STEP:
                continue
            cell = table.cell(row, column)
            if span > 1:
                cell = cell.merge(table.cell(row + span - 1, column))
            cell.text = text
        for k, step in enumerate(power.steps):
            table.cell(row + k, _STEP).text = step
        row += span
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _pdf(powers: list[Power], title: bool) -> bytes:
    data: list[list[Paragraph | str]] = [[Paragraph(h, _SONG) for h in HEADER]]
    spans: list[tuple[object, ...]] = []
    for power, (height, cells) in zip(powers, _rows(powers), strict=True):
        first = len(data)
        data.append([Paragraph(text, _SONG) for text in cells])
        for step in power.steps[1:]:
            row: list[Paragraph | str] = [""] * len(HEADER)
            row[_STEP] = Paragraph(step, _SONG)
            data.append(row)
        for column in range(len(HEADER)):
            if column != _STEP and height > 1:
                spans.append(("SPAN", (column, first), (column, first + height - 1)))
    out = io.BytesIO()
    table = Table(data, colWidths=_WIDTHS, repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), *spans]))
    flow = ([Paragraph(TITLE, _SONG)] if title else []) + [table]
    SimpleDocTemplate(out, pagesize=landscape(A4)).build(flow)
    return out.getvalue()
