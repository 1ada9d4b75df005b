"""The parts a DOCX document's body takes in whole (``w:altChunk``: Word's "insert text from
file", a web page, a web archive, text or another Word document pasted in as it was, the list's
table in it): read as what they are, their tables the document's, in place."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from docx.oxml.ns import qn
from lxml import etree

from extractors.errors import InputError
from extractors.reading.decode import decode_text
from extractors.reading.formats.grid import Grid
from extractors.reading.formats.html import read_html
from extractors.reading.formats.mhtml import read_mhtml
from extractors.reading.formats.text.page import read_plain

ALT_CHUNK = qn("w:altChunk")
#: The content types of the parts read, by the reader of each.
_READERS = {
    "text/html": read_html,
    "application/xhtml+xml": read_html,
    "text/plain": read_plain,
    "message/rfc822": read_mhtml,  # a web archive (.mht), as Word's "insert" takes it in
    "multipart/related": read_mhtml,
}
#: A Word document taken in whole (.docx, and one with macros, .docm).
_DOCUMENTS = frozenset(
    {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.ms-word.document.macroEnabled.12",
    }
)


def chunk_grids(part: Any, chunk: etree._Element, where: str) -> tuple[list[Grid], str | None]:
    """The Grids of the part the ``w:altChunk`` element ``chunk`` of the document part ``part``
    names, and None; or no Grids and the content type of a part not read (RTF, an old Word
    document) or not found, to be said."""
    target = part.related_parts.get(chunk.get(qn("r:id")))
    if target is None:
        return [], "a missing part"
    kind = target.content_type.split(";")[0].strip()
    if kind in _DOCUMENTS:
        # (imported here: the DOCX reader reads its own chunks through this module)
        from extractors.reading.formats.documents.docx import read_docx

        try:
            return read_docx(target.blob, where), None
        except InputError:
            return [], target.content_type
    reader = _READERS.get(kind)
    if reader is None:
        return [], target.content_type
    text, _ = decode_text(target.blob, where)
    try:
        return reader(text, where), None
    except InputError:
        return [], target.content_type


def shifted(grid: Grid, lines: int) -> Grid:
    """``grid`` with its rows and context ``lines`` lines (blocks of the document) further."""
    rows = tuple(replace(r, line=r.line + lines) for r in grid.rows)
    return replace(grid, rows=rows, context=tuple((n + lines, t) for n, t in grid.context))
