"""Hostile or broken files fail fast with a clear InputError: zip bombs, encrypted files, huge
cells, damaged archives, malformed JSON."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from extractors import read_list
from extractors.errors import InputError
from extractors.limits import MAX_CELL_CHARS

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
