"""What a PDF's writer got wrong that its reader can put right before the pages are read, so
that a list in such a file is read rather than refused (or read as nothing):

- a cross-reference table whose offsets point elsewhere than at the objects they name (a file
  edited by a tool that did not write them again, bytes added before them): the objects found
  where they stand, as pdfminer does when the table is missing (``PDFXRefFallback``); before,
  pdfminer took the wrong objects and found no page text, and the PDF was refused as a scan;
- the same, when the table's own place (``startxref``) points elsewhere and the file does not
  open at all: opened again with that place read as past the file's end (:class:`Unindexed`),
  so that pdfminer finds the objects where they stand;
- an encrypted PDF that opens without a password (an owner password only, printing allowed)
  whose writer left some strings of its objects unencrypted (reportlab leaves a CID font's
  ``CIDSystemInfo`` registry and ordering, ``(Adobe)`` ``(GB1)``, as written): deciphered,
  they became bytes of no name, the font lost its Unicode map, and the list was refused as
  glyph numbers. A string of plain letters that deciphers to unprintable bytes is kept as
  written, and so is the name of a CID character collection (``GB1``) whatever it deciphers
  to; a string that was encrypted deciphers to text, and is taken so."""

from __future__ import annotations

import io
import re
from typing import IO, Any

from pdfminer.pdfdocument import PDFXRefFallback
from pdfminer.pdftypes import dict_value

#: How an object begins where its cross-reference entry points: ``12 0 obj``.
_OBJECT = re.compile(rb"\s*(\d+)\s+(\d+)\s+obj\b")
#: The entries checked (a table whose first entries point right is taken as written).
_CHECKED = 64
#: A string as a writer leaves it unencrypted: a name's letters (Adobe, GB1, Identity).
_PLAIN = re.compile(rb"[A-Za-z0-9._\-]{1,64}")
#: What a deciphered string of text is: printable ASCII, or UTF-16 text with its mark.
_TEXT = re.compile(rb"[\x20-\x7e\t\r\n]*|\xfe\xff(?:..)*", re.DOTALL)
#: The registries and orderings of CID fonts' character collections (``CIDSystemInfo``): a
#: string that is one of them as written was left unencrypted, whatever it deciphers to (a
#: three-letter ``GB1`` deciphers to printable bytes about one time in twenty, and was then
#: taken: the font lost its Unicode map in some 8% of such files, by their key).
_CID_NAMES = frozenset(
    {b"Adobe", b"Identity", b"UCS", b"GB1", b"CNS1", b"Japan1", b"Japan2", b"Korea1", b"KR"}
)


def repair(doc: Any) -> None:
    """Puts right, in ``doc`` (a pdfminer ``PDFDocument`` just opened), a cross-reference table
    that points at the wrong bytes and strings left unencrypted in an encrypted file."""
    if doc.decipher is not None:
        doc.decipher = _lenient(doc.decipher)
    if _points_elsewhere(doc):
        found = PDFXRefFallback()
        found.load(doc._parser)
        trailer = found.get_trailer()
        if "Root" in trailer:
            doc.xrefs = [found]
            doc._cached_objs.clear()
            doc._parsed_objs.clear()
            doc.catalog = dict_value(trailer["Root"])


def _points_elsewhere(doc: Any) -> bool:
    """True when an entry of ``doc``'s cross-reference tables (the first few of each) points
    at bytes that do not begin the object it names."""
    fp = doc._parser.fp
    for xref in doc.xrefs:
        if isinstance(xref, PDFXRefFallback):
            continue
        for objid, (stream, pos, _) in list(xref.offsets.items())[:_CHECKED]:
            if stream is not None:  # an object inside an object stream: no offset of its own
                continue
            fp.seek(pos)
            found = _OBJECT.match(fp.read(32))
            if found is None or int(found.group(1)) != objid:
                return True
    return False


def _lenient(decipher: Any) -> Any:
    """``decipher``, but for a string of plain letters that deciphers to no text: kept as
    written (a writer left it unencrypted)."""

    def deciphered(objid: int, genno: int, data: bytes, attrs: Any = None) -> Any:
        out = decipher(objid, genno, data, attrs)
        if data in _CID_NAMES or (_PLAIN.fullmatch(data) and not _TEXT.fullmatch(out)):
            return data
        return out

    return deciphered


class Unindexed(io.RawIOBase):
    """``source`` (a seekable binary file) read as it is, but for the offset written after its
    last ``startxref``, read as nines (past the file's end): a PDF whose cross-reference table
    is not where it says, opened by pdfminer from the objects where they stand, as when the
    table is missing (the keyword itself stays: it closes the trailer pdfminer reads)."""

    def __init__(self, source: IO[bytes]) -> None:
        super().__init__()
        self._source = source
        size = source.seek(0, io.SEEK_END)
        start = max(size - 1024, 0)
        source.seek(start)
        tail = source.read()
        found = list(re.finditer(rb"startxref\s*(\d+)", tail))
        last = found[-1] if found else None
        self._hidden = (start + last.start(1), start + last.end(1)) if last else (0, 0)
        source.seek(0)

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return self._source.seek(offset, whence)

    def tell(self) -> int:
        return self._source.tell()

    def readinto(self, buffer: Any) -> int:
        at = self._source.tell()
        data = self._source.read(len(buffer))
        low, high = max(self._hidden[0] - at, 0), min(self._hidden[1] - at, len(data))
        if low < high:
            data = data[:low] + b"9" * (high - low) + data[high:]
        buffer[: len(data)] = data
        return len(data)
