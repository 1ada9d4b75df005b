"""Test helper: valid power lists in every format quanze reads, and the ways a hostile or
damaged file departs from them (built here, never copied from elsewhere)."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable

import docx
import openpyxl

HEADER = ("序号", "事项名称", "事项类型", "实施部门")
ROWS = (
    ("1", "城乡医疗救助", "行政确认", "县医保局"),
    ("2", "医疗保险稽核", "行政检查", "县医保局"),
)


def markdown() -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "--|" * len(HEADER)]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in ROWS]) + "\n"


def delimited(delimiter: str = ",") -> str:
    return "\n".join(delimiter.join(r) for r in (HEADER, *ROWS)) + "\n"


def records() -> str:
    """A JSON array of records, one a line."""
    objects = [json.dumps(dict(zip(HEADER, r, strict=True)), ensure_ascii=False) for r in ROWS]
    return "[\n" + ",\n".join(objects) + "\n]\n"


def json_lines() -> str:
    """The records as JSON Lines, one object a line."""
    return (
        "\n".join(json.dumps(dict(zip(HEADER, r, strict=True)), ensure_ascii=False) for r in ROWS)
        + "\n"
    )


def html() -> str:
    def row(cells: tuple[str, ...], tag: str) -> str:
        return "<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in cells) + "</tr>\n"

    body = row(HEADER, "th") + "".join(row(r, "td") for r in ROWS)
    title = "<h1>某县医疗保障局权责清单</h1>"
    return f"<html><body>\n{title}\n<table>\n{body}</table>\n</body></html>\n"


def page() -> str:
    """The list as page text: a title and space-separated columns."""
    return "某县医疗保障局权责清单\n" + "\n".join(" ".join(r) for r in (HEADER, *ROWS)) + "\n"


def xlsx(more: int = 0) -> bytes:
    """The list as a workbook, with ``more`` items after its own."""
    book = openpyxl.Workbook()
    for cells in (HEADER, *ROWS):
        book.active.append(list(cells))
    for n in range(len(ROWS) + 1, len(ROWS) + 1 + more):
        name = f"对违反医疗保障规定第{n}项行为的行政处罚"
        book.active.append([str(n), name, "行政确认", "县医保局"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def docx_file() -> bytes:
    document = docx.Document()
    document.add_paragraph("某县医疗保障局权责清单")
    table = document.add_table(rows=0, cols=len(HEADER))
    for cells in (HEADER, *ROWS):
        for cell, text in zip(table.add_row().cells, cells, strict=True):
            cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def rewrite(archive: bytes, member: str, change: Callable[[str], str]) -> bytes:
    """``archive`` with the XML of ``member`` changed (the other members as they were)."""
    source = zipfile.ZipFile(io.BytesIO(archive))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == member:
                body = change(body.decode("utf-8")).encode("utf-8")
            target.writestr(info.filename, body)
    return out.getvalue()


SHEET, DOCUMENT = "xl/worksheets/sheet1.xml", "word/document.xml"


def laughs(root: str, xml: str, target: str) -> str:
    """``xml`` with a billion-laughs entity (ten levels of ten) declared and put in place of
    the text ``target``."""
    entities = '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10)
    )
    declared = xml.replace("?>", f"?><!DOCTYPE {root} [{entities}]>", 1)
    return declared.replace(target, "&l9;", 1)


def far_cell(xml: str) -> str:
    """A sheet with one more cell, at the far corner XFD1048576."""
    far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    return xml.replace("</sheetData>", far + "</sheetData>")


def wide_span(xml: str, span: int = 1_000_000) -> str:
    """A document whose first table cell claims to span ``span`` grid columns."""
    return xml.replace("<w:tcPr>", f'<w:tcPr><w:gridSpan w:val="{span}"/>', 1)


def damage_member(archive: bytes, member: str, at: float) -> bytes:
    """``archive`` with one byte of ``member``'s compressed data flipped, ``at`` of the way in
    (the archive's directory intact: the damage shows only when the member is unpacked)."""
    info = zipfile.ZipFile(io.BytesIO(archive)).getinfo(member)
    name_and_extra = int.from_bytes(
        archive[info.header_offset + 26 : info.header_offset + 30], "little"
    )
    start = info.header_offset + 30 + (name_and_extra & 0xFFFF) + (name_and_extra >> 16)
    where = start + int(info.compress_size * at)
    return archive[:where] + bytes([archive[where] ^ 0x5A]) + archive[where + 1 :]
