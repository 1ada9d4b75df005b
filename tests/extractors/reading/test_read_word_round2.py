"""Word documents as departments publish them, round 2: the formats Word saves under a ``.doc``
name (RTF, the XML of Word 2003), what a run of WordprocessingML holds besides text (a
non-breaking hyphen, a field's instructions, a footnote's text), paragraphs Word numbers itself
and parts a document takes in whole. Each document is written here by hand, in the markup Word
writes, and read back item by item (``test_read_shapes._read_back``)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from html import escape
from pathlib import Path

import pytest

from extractors.reading.detect import detect_binary
from tests.extractors.reading.test_read_shapes import HEADER, ITEMS, _read_back
from tests.extractors.reading.test_stream import _same

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


# -- WordprocessingML written by hand: a package of exactly the parts given

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PKG = "http://schemas.openxmlformats.org/package/2006"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text, quote=False)}</w:t></w:r>'


def _cell(inner: str) -> str:
    """A cell of ``inner``: text, or the runs of its paragraph (markup, opening with ``<``)."""
    return f"<w:tc><w:p>{inner if inner.startswith('<') else _run(inner)}</w:p></w:tc>"


def _table(rows: list[list[str]]) -> str:
    grid = '<w:gridCol w:w="1400"/>' * len(rows[0])
    body = "".join("<w:tr>" + "".join(_cell(c) for c in row) + "</w:tr>" for row in rows)
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"


def _basis_table(basis: Callable[[tuple[str, ...]], str]) -> str:
    """The items' table, each basis cell the runs ``basis`` writes for the item."""
    return _table([list(HEADER), *([*i[:4], basis(i), i[5]] for i in ITEMS)])


def _package(body: str, chunk: tuple[str, bytes] | None = None, **parts: str) -> bytes:
    """A DOCX whose body is ``body``; ``parts`` (footnotes, endnotes, numbering) the content of
    those parts, each related to the document as Word relates it; ``chunk`` (content type,
    bytes) the part an ``<w:altChunk r:id="chunk"/>`` of the body takes in whole."""
    types = [f'<Override PartName="/word/document.xml" ContentType="{_TYPE}.document.main+xml"/>']
    rels = []
    files: dict[str, str | bytes] = {}
    if chunk is not None:
        types.append(f'<Override PartName="/word/chunk.bin" ContentType="{chunk[0]}"/>')
        rels.append(f'<Relationship Id="chunk" Type="{_REL}/aFChunk" Target="chunk.bin"/>')
        files["word/chunk.bin"] = chunk[1]
    for kind, content in parts.items():
        types.append(f'<Override PartName="/word/{kind}.xml" ContentType="{_TYPE}.{kind}+xml"/>')
        rels.append(f'<Relationship Id="r{kind}" Type="{_REL}/{kind}" Target="{kind}.xml"/>')
        files[f"word/{kind}.xml"] = f'<w:{kind} xmlns:w="{_W}">{content}</w:{kind}>'
    files["[Content_Types].xml"] = (
        f'<Types xmlns="{_PKG}/content-types">'
        f'<Default Extension="rels" ContentType="{_PKG}/relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>' + "".join(types) + "</Types>"
    )
    files["_rels/.rels"] = (
        f'<Relationships xmlns="{_PKG}/relationships"><Relationship Id="rId1" '
        f'Type="{_REL}/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    files["word/_rels/document.xml.rels"] = (
        f'<Relationships xmlns="{_PKG}/relationships">' + "".join(rels) + "</Relationships>"
    )
    files["word/document.xml"] = (
        f'<w:document xmlns:w="{_W}" xmlns:r="{_REL}"><w:body>{body}</w:body></w:document>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            declared = (
                '<?xml version="1.0" encoding="UTF-8"?>' + text if isinstance(text, str) else text
            )
            archive.writestr(name, declared)
    return out.getvalue()


def _read_both(tmp_path: Path, data: bytes, items: tuple[tuple[str, ...], ...]) -> None:
    """``data`` saved as a DOCX reads ``items``, whole and in batches alike."""
    path = tmp_path / "list.docx"
    path.write_bytes(data)
    _read_back(path, items)
    assert _same(path) is not None  # read in batches too


def _field(code: str, result: str) -> str:
    """A complex field: its code (runs of ``w:instrText``, or markup), then its result."""
    char = '<w:r><w:fldChar w:fldCharType="{}"/></w:r>'.format
    code = code if code.startswith("<") else f"<w:r><w:instrText>{escape(code)}</w:instrText></w:r>"
    return char("begin") + code + char("separate") + result + char("end")


def test_a_field_nested_in_the_instructions_of_another_shows_nothing(tmp_path: Path) -> None:
    # A mail merge's IF over a MERGEFIELD: Word shows the IF's result; the MERGEFIELD's result
    # («依据») sits inside the IF's instructions. Before, it was read into every basis.
    merge = _field(" MERGEFIELD 依据 ", _run("«依据»"))
    code = f'<w:r><w:instrText> IF 1 = 1 "</w:instrText></w:r>{merge}'
    table = _basis_table(
        lambda i: _field(code + '<w:r><w:instrText>" ""</w:instrText></w:r>', _run(i[4]))
    )
    _read_both(tmp_path, _package(table), ITEMS)


def test_a_non_breaking_hyphen_is_a_hyphen(tmp_path: Path) -> None:
    # Word writes the hyphen of 2018-1 typed with Ctrl+Shift+- as w:noBreakHyphen, no w:t:
    # before, the document number lost it (20181号) without a word. A soft hyphen shows nothing.
    number = "《人力资源社会保障部令》（2018-1号）"
    left, right = number.split("-")
    hyphen, soft = "<w:r><w:noBreakHyphen/></w:r>", "<w:r><w:softHyphen/></w:r>"
    table = _basis_table(
        lambda i: _run(i[4][:3]) + soft + _run(i[4][3:] + left) + hyphen + _run(right)
    )
    items = tuple((*i[:4], i[4] + number, i[5]) for i in ITEMS)
    _read_both(tmp_path, _package(table), items)


_ALSO = "《中华人民共和国行政许可法》第十二条"


def _notes(kind: str, texts: list[str]) -> str:
    """The notes part of ``kind`` (footnote, endnote): Word's two separators, then ``texts``
    numbered from 1."""
    separators = (
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>'
        f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        f"<w:continuationSeparator/></w:r></w:p></w:{kind}>"
    )
    return separators + "".join(
        f'<w:{kind} w:id="{n}"><w:p><w:r><w:{kind}Ref/></w:r>{_run(" " + text)}</w:p></w:{kind}>'
        for n, text in enumerate(texts, start=1)
    )


def _reference(kind: str, n: int) -> str:
    superscript = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
    return f'<w:r>{superscript}<w:{kind}Reference w:id="{n}"/></w:r>'


@pytest.mark.parametrize("kind", ["footnote", "endnote"])
def test_a_note_the_basis_refers_to_is_read_after_it(tmp_path: Path, kind: str) -> None:
    # The basis cell refers to a footnote (or endnote) that holds more of the basis: Word prints
    # it at the page's (document's) foot. Before, its text was lost without a word.
    number = {i[0]: k for k, i in enumerate(ITEMS, start=1)}
    table = _basis_table(lambda i: _run(i[4]) + _reference(kind, number[i[0]]))
    notes = _notes(kind, [_ALSO] * len(ITEMS))
    data = (
        _package(table, footnotes=notes) if kind == "footnote" else _package(table, endnotes=notes)
    )
    _read_both(tmp_path, data, tuple((*i[:4], i[4] + _ALSO, i[5]) for i in ITEMS))


def test_a_basis_given_only_in_footnotes(tmp_path: Path) -> None:
    # 见注1 in the cell, the basis in the footnote: before, the items had no citation (said
    # doubtful only because no basis cell cited anything).
    number = {i[0]: k for k, i in enumerate(ITEMS, start=1)}
    table = _basis_table(lambda i: _run("见注") + _reference("footnote", number[i[0]]))
    data = _package(table, footnotes=_notes("footnote", [i[4] for i in ITEMS]))
    _read_both(tmp_path, data, tuple((*i[:4], "见注" + i[4], i[5]) for i in ITEMS))


def _numbering(*lists: tuple[tuple[str, str], ...]) -> str:
    """A numbering part of ``lists`` (numId 1, 2 …), each its levels' (numFmt, lvlText)."""
    abstract = "".join(
        f'<w:abstractNum w:abstractNumId="{n}">'
        + "".join(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{kind}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>'
            for level, (kind, text) in enumerate(levels)
        )
        + "</w:abstractNum>"
        for n, levels in enumerate(lists, start=1)
    )
    nums = "".join(
        f'<w:num w:numId="{n}"><w:abstractNumId w:val="{n}"/></w:num>'
        for n in range(1, len(lists) + 1)
    )
    return abstract + nums


def _paragraph(text: str, numbered: tuple[int, int] | None = None) -> str:
    """A paragraph of ``text`` (a tab where it holds one), ``numbered`` (numId, level) by Word."""
    runs = "<w:r><w:tab/></w:r>".join(_run(part) for part in text.split("\t"))
    if numbered is None:
        return f"<w:p>{runs}</w:p>"
    num, level = numbered
    numbering = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'
    return f"<w:p><w:pPr>{numbering}</w:pPr>{runs}</w:p>"


_DECIMAL = (("decimal", "%1."),)


def test_records_numbered_by_word_take_its_numbers(tmp_path: Path) -> None:
    # No table: each record's 事项名称 paragraph numbered by Word (1. 2. 3. in no w:t). Before,
    # the items had no serial, without a word.
    body = "".join(
        _paragraph(f"事项名称：{i[1]}", (1, 0))
        + "".join(_paragraph(f"{h}：{v}") for h, v in zip(HEADER[2:], i[2:], strict=True))
        for i in ITEMS
    )
    _read_back(_written(tmp_path, _package(body, numbering=_numbering(_DECIMAL))), ITEMS)


def test_rows_of_tabs_numbered_by_word_take_its_numbers(tmp_path: Path) -> None:
    # A table typed as paragraphs with tabs, each row numbered by Word: before, no serials
    # (said only as missing cells).
    body = _paragraph("\t".join(HEADER)) + "".join(
        _paragraph("\t".join(i[1:]), (1, 0)) for i in ITEMS
    )
    _read_back(_written(tmp_path, _package(body, numbering=_numbering(_DECIMAL))), ITEMS)


def test_sections_and_records_numbered_by_word(tmp_path: Path) -> None:
    # 一、行政许可 (chineseCounting, list 1) over each record, the records numbered on across
    # the sections by list 2 (1. 2. 3.): each record's type is its section's, its serial
    # Word's number.
    body = "".join(
        _paragraph(i[2], (1, 0))
        + _paragraph(f"事项名称：{i[1]}", (2, 0))
        + "".join(_paragraph(f"{h}：{v}") for h, v in zip(HEADER[3:], i[3:], strict=True))
        for i in ITEMS
    )
    numbering = _numbering((("chineseCounting", "%1、"),), _DECIMAL)
    _read_back(_written(tmp_path, _package(body, numbering=numbering)), ITEMS)


def _written(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "list.docx"
    path.write_bytes(data)
    return path


_CHUNK = '<w:altChunk r:id="chunk"/>'
_TITLE = _paragraph("某县人力社保局权责清单")


def _html_table() -> str:
    rows = "".join(
        "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in (HEADER, *ITEMS)
    )
    return f"<html><head><meta charset='utf-8'></head><body><table>{rows}</table></body></html>"


@pytest.mark.parametrize(
    "kind", [f"{_TYPE}.document", "application/vnd.ms-word.document.macroEnabled.12"]
)
def test_a_word_document_taken_in_whole_is_read(tmp_path: Path, kind: str) -> None:
    # Word's "insert text from file" of another DOCX (w:altChunk): the list's table is in that
    # document. Before, refused (a part of that type not read).
    inner = _package(_TITLE + _table([list(HEADER), *(list(i) for i in ITEMS)]))
    plist = _read_back(_written(tmp_path, _package(_TITLE + _CHUNK, chunk=(kind, inner))), ITEMS)
    assert not plist.rejects


@pytest.mark.parametrize("kind", ["message/rfc822", "multipart/related"])
def test_a_web_archive_taken_in_whole_is_read(tmp_path: Path, kind: str) -> None:
    # A web archive (.mht, a page saved whole) taken in whole: its page's table is the list.
    # Before, refused (a part of type message/rfc822 not read).
    archive = (
        'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"\r\n\r\n--B\r\n'
        'Content-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: 8bit\r\n'
        "Content-Location: file:///C:/list.htm\r\n\r\n" + _html_table() + "\r\n--B--\r\n"
    )
    data = _package(_TITLE + _CHUNK, chunk=(kind, archive.encode()))
    _read_back(_written(tmp_path, data), ITEMS)


def test_a_phonetic_guide_reads_the_text_it_guides(tmp_path: Path) -> None:
    # Pinyin set over a character of the name (w:ruby: w:rt the guide, w:rubyBase the text):
    # before, the run held no w:t of its own and the character was lost (业技能鉴定…) without
    # a word. Word shows the character, the guide above it: the name is the character's.
    def guided(i: tuple[str, ...]) -> list[str]:
        ruby = (
            "<w:r><w:ruby><w:rubyPr/><w:rt>" + _run("zhí") + "</w:rt><w:rubyBase>"
            + _run(i[1][0]) + "</w:rubyBase></w:ruby></w:r>"
        )  # fmt: skip
        return [i[0], ruby + _run(i[1][1:]), *i[2:]]

    table = _table([list(HEADER), *(guided(i) for i in ITEMS)])
    _read_both(tmp_path, _package(table), ITEMS)


_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


@pytest.mark.parametrize("spare", [1, 2])
def test_a_table_going_on_without_its_header_in_a_wider_grid(tmp_path: Path, spare: int) -> None:
    # The list split by hand at a page break, its header only atop the first part, the second
    # part's grid wider by columns left empty (a spare column at the right). Before, the second
    # part had not as many columns as the header, and its items were lost without a word.
    first = _table([list(HEADER), *(list(i) for i in ITEMS[:2])])
    rest = _table([[*i, *[""] * spare] for i in ITEMS[2:]])
    _read_both(tmp_path, _package(first + _BREAK + rest), ITEMS)


def test_a_wider_table_with_text_in_its_other_columns_is_no_continuation(tmp_path: Path) -> None:
    # A table after the list with text beyond the header's columns is not more of the list.
    first = _table([list(HEADER), *(list(i) for i in ITEMS)])
    other = _table([["附件", "说明", "", "", "", "", "某县人力社保局"]])
    _read_back(_written(tmp_path, _package(first + _BREAK + other)), ITEMS)
