"""Reads a text file a block at a time, decoded, as often as a reading needs it, so that a large
list is read without its text held whole (issue #20, item 13: the text alone was some 270 bytes an
item): the encoding and the format are found going through the file once, as
:func:`~extractors.reading.decode.decode_text` and
:func:`~extractors.reading.detect.detect_text` find them in the whole text, and each reading
then decodes the file again.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from extractors.reading.decode import BOMS
from extractors.reading.detect import DETECT_CHARS, HTML_TABLE, detect_text
from extractors.reading.formats.lines import BLOCK_CHARS
from extractors.reading.formats.mhtml import is_mhtml

#: Characters decoded at a time while the file is sniffed: small, so that what is let go is
#: taken again by what follows (blocks of a MiB left the heap some 16 MB larger).
SNIFF_CHARS = 1 << 16
# As many lines as detect_text's test for CSV/TSV reads.
_DELIMITED_LINES = 50


def decoded_blocks(
    path: Path, encoding: str, size: int = BLOCK_CHARS, *, lines: bool = True
) -> Iterator[str]:
    """The text of ``path`` in ``encoding``, a block of some ``size`` characters at a time, line
    ends made LF as ``decode_text`` makes them (CRLF and a lone CR, a CR at the end of one read
    and an LF at the start of the next too). With ``lines`` each block but the last ends with a
    line feed (for readers that go line by line); without, blocks are ``size`` characters, so
    that a file of one long line (a page or JSON array saved without line breaks) is not one
    block.

    >>> import tempfile
    >>> with tempfile.NamedTemporaryFile(suffix=".md", delete=False) as f:
    ...     _ = f.write("序号|名称\\r1|救助\\r\\n".encode("gb18030"))
    >>> list(decoded_blocks(Path(f.name), "gb18030", size=2))
    ['序号|名称\\n', '1|救助\\n']
    >>> list(decoded_blocks(Path(f.name), "gb18030", size=5, lines=False))
    ['序号|名称', '\\n1|救助', '\\n']
    """
    with path.open(encoding=encoding, newline=None) as file:
        while block := file.read(size):
            yield block + file.readline() if lines else block


@dataclass(frozen=True, slots=True)
class Sniffed:
    """What going through a text file found: the encoding to read it in and its format."""

    encoding: str
    format: str


def sniff(path: Path, encoding: str | None = None, size: int = SNIFF_CHARS) -> Sniffed | None:
    """The encoding ``decode_text`` reads ``path`` in (``encoding`` when given, else a BOM's,
    else UTF-8) and the format ``detect_text`` finds, decoding the file once, a block at a time;
    None when only the whole bytes tell (not UTF-8: GB18030 is judged on them all; a NUL byte;
    a byte that is no valid character, for the message) or the text's opening leaves it open."""
    with path.open("rb") as file:
        head = file.read(4)
    if encoding is None:
        bom = next((name for mark, name in BOMS if head.startswith(mark)), None)
        name = bom or "utf-8"
    else:
        bom, name = None, encoding
    try:
        codecs.lookup(name)
        blocks = decoded_blocks(path, name, size, lines=False)
        prefix, table, carry = "", False, ""
        for block in blocks:
            if bom is None and encoding is None and "\x00" in block:
                return None  # a NUL byte: decode_text says "binary file"
            if len(prefix) < DETECT_CHARS:
                prefix += block[: DETECT_CHARS - len(prefix)]
            if not table:
                # "<table" and the character after it: a block may cut them off
                window = carry + block
                table = any(m.end() < len(window) for m in HTML_TABLE.finditer(window))
                carry = window[-6:]
        table = table or HTML_TABLE.search(carry) is not None
    except (LookupError, UnicodeDecodeError, OSError):
        return None
    fmt = _format(prefix, table, whole=len(prefix) < DETECT_CHARS)
    return None if fmt is None else Sniffed(name, fmt)


def _format(prefix: str, table: bool, whole: bool) -> str | None:
    """``detect_text`` of a text whose opening is ``prefix`` (all of it when ``whole``) and
    which holds a ``<table`` tag when ``table``; None when the prefix cannot tell.

    detect_text reads JSON from the first character that is no space, HTML from a ``<table``
    tag anywhere, a pipe table from the first DETECT_CHARS characters, CSV/TSV from the first
    50 lines; so the prefix tells but for CSV/TSV when those lines run past it."""
    head = prefix.lstrip("\ufeff \t\r\n")
    if not head:
        return "json" if whole else None  # detect_text's reading of a text of spaces
    if head[:1] in "[{":
        return "json"
    if is_mhtml(head):
        return "mhtml"  # its page may hold a <table> too
    if table:
        return "html"
    fmt = detect_text(prefix)
    if fmt == "markdown" or whole or len(prefix.splitlines()) > _DELIMITED_LINES:
        return fmt
    return None
