"""Word documents as departments publish them, round 2: the formats Word saves under a ``.doc``
name (RTF, the XML of Word 2003), what a run of WordprocessingML holds besides text (a
non-breaking hyphen, a field's instructions, a footnote's text), paragraphs Word numbers itself
and parts a document takes in whole. Each document is written here by hand, in the markup Word
writes, and read back item by item (``test_read_shapes._read_back``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.reading.detect import detect_binary
from tests.extractors.reading.test_read_shapes import HEADER, ITEMS, _read_back

W2003 = "http://schemas.microsoft.com/office/word/2003/wordml"


def _rtf_text(text: str) -> str:
    """``text`` as RTF writes it: ASCII as is, other characters as ``\\uN?`` (N signed 16-bit)."""
    out = []
    for char in text:
        code = ord(char)
        if code < 128:
            out.append("\\" + char if char in "\\{}" else char)
        else:
            out.append(f"\\u{code - 65536 if code > 32767 else code}?")
    return "".join(out)


def rtf(rows: tuple[tuple[str, ...], ...], title: str = "某县人力社保局权责清单") -> bytes:
    """An RTF document: a title paragraph over a table of ``rows`` (one ``\\trowd`` a row)."""
    bounds = "".join(f"\\clbrdrt\\brdrs\\clbrdrb\\brdrs\\cellx{1500 * (k + 1)}" for k in range(6))
    body = "".join(
        f"\\trowd\\trgaph108{bounds}\n"
        + "".join(f"\\pard\\intbl {_rtf_text(c)}\\cell " for c in row)
        + "\\row\n"
        for row in rows
    )
    return (
        "{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}\n"
        f"\\pard {_rtf_text(title)}\\par\n{body}\\pard\\par}}"
    ).encode("ascii")


def wordml(rows: tuple[tuple[str, ...], ...]) -> bytes:
    """A Word 2003 XML document (Word's "XML Document" type) holding a table of ``rows``."""
    cell = (
        '<w:tc><w:tcPr><w:tcW w:w="1400" w:type="dxa"/></w:tcPr>'
        "<w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    )
    table = "".join("<w:tr>" + "".join(cell.format(c) for c in row) + "</w:tr>" for row in rows)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<?mso-application progid="Word.Document"?>\n'
        f'<w:wordDocument xmlns:w="{W2003}"><w:body>'
        "<w:p><w:r><w:t>某县人力社保局权责清单</w:t></w:r></w:p>"
        '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>'
        + '<w:gridCol w:w="1400"/>' * len(rows[0])
        + f"</w:tblGrid>{table}</w:tbl></w:body></w:wordDocument>"
    ).encode()


# Before, RTF opened with "{" and was read as JSON ("not valid JSON"), and Word 2003 XML as
# text (no recognisable table): each refused.
@pytest.mark.parametrize("name", ["list.doc", "list.rtf", "list.wps", "download.dat"])
def test_rtf_is_read_whatever_its_name(tmp_path: Path, soffice: str, name: str) -> None:
    data = rtf((HEADER, *ITEMS))
    assert detect_binary(data) == "rtf"
    (tmp_path / name).write_bytes(data)
    plist = _read_back(tmp_path / name, ITEMS)
    assert plist.format == "rtf"
    assert plist.meta.title == "某县人力社保局权责清单"


def test_rtf_after_a_bom_and_blank_lines(tmp_path: Path, soffice: str) -> None:
    (tmp_path / "list.doc").write_bytes(b"\xef\xbb\xbf\r\n" + rtf((HEADER, *ITEMS)))
    _read_back(tmp_path / "list.doc", ITEMS)


@pytest.mark.parametrize("name", ["list.doc", "list.xml"])
def test_word_2003_xml_is_read_whatever_its_name(tmp_path: Path, soffice: str, name: str) -> None:
    data = wordml((HEADER, *ITEMS))
    assert detect_binary(data) == "wordml"
    (tmp_path / name).write_bytes(data)
    assert _read_back(tmp_path / name, ITEMS).format == "wordml"


@pytest.mark.parametrize(
    "text",
    ['{"rows": [{"事项名称": "x"}]}', "{\\rtf is how RTF opens", "<w:wordDocument/>"],
)
def test_json_and_text_are_no_word_documents(text: str) -> None:
    assert detect_binary(text.encode()) is None
