"""Hostile or broken files fail fast with a clear InputError: zip bombs, encrypted files, huge
cells, damaged archives, malformed JSON."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import openpyxl
import pytest

from extractors import read_list
from extractors.errors import InputError
from extractors.reading.limits import MAX_CELL_CHARS

OLE = bytes.fromhex("d0cf11e0a1b11ae1")


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def _encrypted_zip() -> bytes:
    data = bytearray(_zip({"word/document.xml": b"<w:document/>"}))
    # Set the "encrypted" flag bit in the local header and the central directory entry.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        data[at + offset] |= 0x1
    return bytes(data)


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        pytest.param(
            _zip({"[Content_Types].xml": b"<x/>", "xl/worksheets/sheet1.xml": b"<" * 50_000_000}),
            "zip bomb",
            id="xlsx-zip-bomb",
        ),
        pytest.param(
            OLE
            + bytes(64)
            + "EncryptionInfo".encode("utf-16-le")
            + bytes(8)
            + "EncryptedPackage".encode("utf-16-le"),
            "encrypted",
            id="password-protected-office-file",
        ),
        pytest.param(_encrypted_zip(), "encrypted", id="zip-level-encryption"),
        pytest.param(_zip({"xl/workbook.xml": b"not xml"}), "not a readable xlsx", id="damaged"),
        pytest.param(OLE + bytes(600), "not a readable xls", id="damaged-xls"),
        pytest.param(b'[{"a": 1,}]', "not valid JSON", id="malformed-json"),
        pytest.param(b'{"title": "x"}', "no array of objects", id="json-without-records"),
    ],
)
def test_hostile_or_broken_files(tmp_path: Path, content: bytes, fragment: str) -> None:
    path = tmp_path / "list.bin"
    path.write_bytes(content)
    with pytest.raises(InputError, match=fragment):
        read_list(path)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            "| 序号 | 事项名称 | 事项类型 |\n|--|--|--|\n| 1 | {big} | 行政许可 |\n",
            "a.md",
            id="md",
        ),
        pytest.param("序号,事项名称,事项类型\n1,{big},行政许可\n", "a.csv", id="csv"),
        pytest.param("序号 事项名称 事项类型\n1 {big} 行政许可\n", "a.txt", id="flat-page"),
    ],
)
def test_ten_megabyte_cell_is_refused(tmp_path: Path, text: str, name: str) -> None:
    path = tmp_path / name
    path.write_text(text.replace("{big}", "罚" * (MAX_CELL_CHARS + 1)), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_list(path)
    assert "limit" in str(caught.value)
    assert caught.value.line == 2 or caught.value.line == 3


def _big_text() -> str:
    # Varied characters: a run of one character would trip the zip-bomb ratio check first.
    return "".join(chr(0x4E00 + (i * 7919) % 20000) for i in range(MAX_CELL_CHARS + 1))


def _sheet(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet_with_big_cell() -> bytes:
    """A workbook whose B2 holds more than MAX_CELL_CHARS characters (written into the sheet
    XML directly: openpyxl, like Excel, cuts a cell at 32767 characters)."""
    source = zipfile.ZipFile(
        io.BytesIO(_sheet([["序号", "事项名称", "事项类型"], [1, "BIG", "行政许可"]]))
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b">BIG<", f">{_big_text()}<".encode())
            target.writestr(info, data)
    return out.getvalue()


def _document(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "make"),
    [
        pytest.param(
            "a.xlsx",
            _sheet_with_big_cell,
            id="xlsx",
        ),
        pytest.param(
            "a.docx",
            lambda: _document(
                [], [["序号", "事项名称", "事项类型"], ["1", _big_text(), "行政许可"]]
            ),
            id="docx",
        ),
    ],
)
def test_ten_megabyte_cell_in_office_files(
    tmp_path: Path, name: str, make: Callable[[], bytes]
) -> None:
    path = tmp_path / name
    path.write_bytes(make())
    with pytest.raises(InputError) as caught:
        read_list(path)
    assert (caught.value.line, caught.value.column) == (2, 2)
    assert str(path) in str(caught.value) and "limit" in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        pytest.param(
            "bomb.docx",
            _zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b" " * 50_000_000}),
            "zip bomb",
            id="docx-zip-bomb",
        ),
        pytest.param(
            "locked.xlsx",
            OLE + bytes(64) + "EncryptedPackage".encode("utf-16-le"),
            "encrypted",
            id="encrypted-xlsx",
        ),
        pytest.param(
            "notes.xlsx",
            _sheet([["某县医疗保障局"], ["办公地址", "某县某路1号"]]),
            "no recognisable table",
            id="xlsx-without-table",
        ),
        pytest.param(
            "notes.docx",
            _document(["某县医疗保障局权责清单", "本清单另行公布。"]),
            "no recognisable table",
            id="docx-without-table",
        ),
        pytest.param(
            "notes.html",
            "<html><body><h1>某县医疗保障局权责清单</h1><p>另行公布</p></body></html>".encode(),
            "no recognisable table",
            id="html-without-table",
        ),
    ],
)
def test_refusals_are_one_line_with_file(
    tmp_path: Path, name: str, content: bytes, fragment: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read_list(path)
    message = str(caught.value)
    assert fragment in message and message.startswith(str(path))
    assert "\n" not in message
