"""Tells which format a power-list file is in, from its content rather than its name."""

from __future__ import annotations

import io
import os
import re
import zipfile
from typing import Literal, get_args

import xlrd.compdoc

from extractors.reading.formats.delimited import (
    SNIFF_LINES,
    delimiter_of,
    quoted_over_lines,
    sep_directive,
)
from extractors.reading.formats.documents.docmarks import is_rtf, is_wordml
from extractors.reading.formats.markdownfence import has_json_fence
from extractors.reading.formats.mhtml import is_mhtml
from extractors.reading.formats.sheets.spreadsheetml import is_spreadsheetml
from extractors.reading.headers import is_header, map_header

Format = Literal[
    "markdown",
    "html",
    "xlsx",
    "xls",
    "docx",
    "doc",
    "pdf",
    "csv",
    "tsv",
    "json",
    "text",
    "ods",
    "odt",
    "mhtml",
    "spreadsheetml",
    "rtf",
    "wordml",
]
FORMATS: tuple[str, ...] = get_args(Format)
BINARY_FORMATS = frozenset(
    {"xlsx", "xls", "docx", "doc", "pdf", "ods", "odt", "spreadsheetml", "rtf", "wordml"}
)
#: The OpenDocument kinds by the ``mimetype`` member that opens their archive.
_OPENDOCUMENT = {
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.text": "odt",
}

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A PDF starts with its version line, which some servers let a few bytes of junk precede (then
# its first object, "1 0 obj", tells it from a text that names the format).
_PDF = b"%PDF-"
HTML_TABLE = re.compile(r"<table\b", re.IGNORECASE)
#: A web page's list outside a table (``formats.htmlembedded``): a ``<pre>`` of CSV or TSV
#: text, a page written into an ``<iframe srcdoc>``.
HTML_EMBEDDED = re.compile(r"<pre\b[^<>]*>|<iframe\b[^<>]*\bsrcdoc=", re.IGNORECASE)
_PRE_END = re.compile(r"</pre\s*>", re.IGNORECASE)
#: A tag of a web page that lays out a list without ``<table>`` (rows of ``<div>``, ``<li>``
#: items, ``<dl>`` records) or holds it as data (a ``<script>``, ``formats.htmlscripts``): text
#: that holds one is read as HTML when it is no page text.
HTML_BLOCK = re.compile(r"<(?:div|ul|ol|dl|li|span|p|script)\b[^<>]*>", re.IGNORECASE)
#: A web page's own markup, its doctype or ``<html>`` root opening the text (after a BOM, an XML
#: declaration or comments): read as HTML before it is read as page text, whose label：value
#: records would otherwise find a list in the literals of the page's scripts.
HTML_DOCUMENT = re.compile(
    r"[\ufeff\s]*(?:<\?xml[^<>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
    re.IGNORECASE | re.DOTALL,
)
#: How far into a text file a pipe table's header is looked for, and its most cells.
DETECT_CHARS = 1 << 20
_HEADER_CELLS = 60


def detect_binary(data: bytes) -> Format | None:
    """The binary format ``data`` is in (xlsx, docx, xls, doc, pdf; and SpreadsheetML, XML
    whose encoding its declaration names, read from its bytes), or None for text. Old
    Office files (OLE compound files) tell their kind by the streams they hold: a workbook
    (XLS, and Kingsoft ET) or a Word document (DOC, and Kingsoft WPS).

    >>> detect_binary(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(8)), detect_binary("序号".encode())
    ('xls', None)
    >>> detect_binary(b"%PDF-1.7 ...")
    'pdf'
    """
    if data.startswith(_ZIP):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                # (a web exporter may write its members' paths with "\\": xl\\workbook.xml)
                names = {n.replace("\\", "/") for n in archive.namelist()}
        except zipfile.BadZipFile:
            # Cut short or damaged: its local headers still name its parts, and the reader of
            # that kind then reports a damaged archive rather than a "binary file".
            head = data[: 1 << 16]
            if b"xl/" in head or b"xl\\" in head:
                return "xlsx"
            if b"word/" in head:
                return "docx"
            return None
        if any(n.startswith("xl/") for n in names):
            return "xlsx"
        if any(n.startswith("word/") for n in names):
            return "docx"
        if "mimetype" in names:  # an OpenDocument file (.ods, .odt)
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                kind = archive.read("mimetype")[:64].strip()
            return _OPENDOCUMENT.get(kind)  # type: ignore[return-value]
        return None
    if data.startswith(_OLE):
        return "doc" if "WordDocument" in ole_streams(data) else "xls"
    if _PDF in data[:1024] and (data.startswith(_PDF) or b" obj" in data[: 1 << 16]):
        return "pdf"
    if is_spreadsheetml(data):  # XML Spreadsheet 2003, often under an .xls name
        return "spreadsheetml"
    if is_rtf(data):  # Word saves RTF, often under a .doc name; "{" is no JSON here
        return "rtf"
    if is_wordml(data):  # Word 2003 XML, under a .doc or .xml name
        return "wordml"
    return None


def ole_streams(data: bytes) -> frozenset[str]:
    """The names of the streams in the OLE compound file ``data`` (empty when its directory
    cannot be read: the reader then reports the damage)."""
    try:
        with open(os.devnull, "w") as quiet:
            directory = xlrd.compdoc.CompDoc(data, logfile=quiet).dirlist
    except Exception:  # xlrd meets a damaged directory with whatever its parsing runs into
        return frozenset()
    return frozenset(entry.name for entry in directory)


def other_archive(data: bytes) -> str | None:
    """What a ZIP archive that is no Office or OpenDocument file is, for the one line that
    refuses it (``detect_binary`` gives None for it): a damaged archive, or one of other files
    (a bundle of lists), named with its first members; None for anything else.

    >>> import zipfile
    >>> buffer = io.BytesIO()
    >>> with zipfile.ZipFile(buffer, "w") as z:
    ...     z.writestr("a.xlsx", "x"); z.writestr("b.xlsx", "y")
    >>> other_archive(buffer.getvalue())
    'a ZIP archive of 2 file(s) (a.xlsx, b.xlsx): unpack it and read its files'
    >>> print(other_archive(b"PK\\x03\\x04 cut")), other_archive("序号".encode())
    a damaged or cut-short ZIP archive (File is not a zip file); expected an xlsx or docx file
    (None, None)
    """
    if not data.startswith(_ZIP):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = [i.filename for i in archive.infolist() if not i.is_dir()]
    except zipfile.BadZipFile as err:
        return f"a damaged or cut-short ZIP archive ({err}); expected an xlsx or docx file"
    shown = ", ".join(names[:5]) + (", …" if len(names) > 5 else "")
    return f"a ZIP archive of {len(names)} file(s) ({shown}): unpack it and read its files"


def is_encrypted(data: bytes) -> bool:
    """True for a password-protected Office file: an OLE container holding the encrypted package
    of an XLSX/DOCX (its directory names the EncryptionInfo and EncryptedPackage streams).

    >>> is_encrypted(_OLE + "EncryptedPackage".encode("utf-16-le")), is_encrypted(b"PK\\x03\\x04")
    (True, False)
    """
    return data.startswith(_OLE) and "EncryptedPackage".encode("utf-16-le") in data


def detect_text(text: str) -> Format:
    """The text format of ``text``: html with a ``<table>``, a web archive (mhtml), pipe table,
    JSON, CSV/TSV, or text.

    >>> detect_text("| 序号 | 事项名称 |\\n| 1 | 城乡医疗救助 |"), detect_text("序号 事项名称")
    ('markdown', 'text')
    """
    head = text.lstrip("\ufeff \t\r\n")
    if head[:1] in "[{":
        return "json"
    if is_mhtml(head):  # a saved web archive: its page quoted-printable, base64 or as is
        return "mhtml"
    if HTML_TABLE.search(text) or _embeds_list(text):
        return "html"
    if "|" in text and _pipe_table(text) and not _pipe_separated(text, head):
        return "markdown"
    if ("```" in text or "~~~" in text) and has_json_fence(text.splitlines()):
        return "markdown"  # a JSON list in a Markdown code fence (```json)
    return _delimited(text) or "text"


def _pipe_separated(text: str, head: str) -> bool:
    """Whether a table on pipes is a CSV of them: opened by Excel's ``sep=|`` line, or a quoted
    cell in it running over lines (``delimited.quoted_over_lines``)."""
    if sep_directive(head.partition("\n")[0]) is not None:
        return True
    return quoted_over_lines(text.splitlines()[:SNIFF_LINES])


def _embeds_list(text: str) -> bool:
    """Whether ``text`` is a page that may hold its list outside a table (``HTML_EMBEDDED``): a
    ``<pre>`` closed after it, or an ``<iframe srcdoc>``.

    >>> _embeds_list("<body><pre>序号\t事项名称</pre>"), _embeds_list("a <pre> b")
    (True, False)
    """
    found = HTML_EMBEDDED.search(text)
    if found is None:
        return False
    return found.group().lower().startswith("<iframe") or bool(_PRE_END.search(text, found.end()))


def _pipe_table(text: str) -> bool:
    """True when two lines are pipe-table rows (``| a | b |``, ``a | b |``: two pipes, one at
    an end of the line), or when a line, or a run of lines each closed by a pipe (one header
    cell per line), splits on its pipes into a header row.

    >>> _pipe_table("序号 | 事项名称 | 事项类型\\n1 | 城乡医疗救助 | 行政确认")
    True
    >>> _pipe_table("序号 |\\n事项名称 |\\n事项类型 |\\n1 |"), _pipe_table("a | b\\n首页 |")
    (True, False)

    So do three lines one under another each a field's label and its value, ``事项名称 | 甲``
    with no pipe at either end (a vertical table a converter wrote without its outer pipes).

    >>> _pipe_table("事项名称 | 甲\\n事项类型 | 行政许可\\n实施主体 | 县教育局")
    True
    """
    rows = 0
    run: list[str] = []  # the cells of consecutive lines closed by a pipe
    labels = 0  # consecutive lines of a label and its value
    for line in text[:DETECT_CHARS].splitlines():
        line = line.strip()
        if "|" not in line:
            run = []
            labels = 0
            continue
        cells = line.split("|")
        pair = len(cells) == 2 and all(c.strip() for c in cells)
        labels = labels + 1 if pair and map_header(cells[0]) is not None else 0
        if labels >= 3:
            return True
        if line.count("|") >= 2 and (line.startswith("|") or line.endswith("|")):
            rows += 1
            if rows >= 2:
                return True
        if is_header(cells):
            return True
        if line.endswith("|"):
            run.extend(cells[:-1])
        else:
            run = []
        if 3 <= len(run) <= _HEADER_CELLS and is_header(run):
            return True
    return False


def _delimited(text: str) -> Format | None:
    """CSV or TSV when one of the first lines splits on the delimiter into a header row, or
    their first cells are a form's labels (``delimited.heads_table``); a CSV may use ``;``."""
    lines = text.splitlines()[:SNIFF_LINES]
    delimiter = delimiter_of(lines)
    return None if delimiter is None else "tsv" if delimiter == "\t" else "csv"
