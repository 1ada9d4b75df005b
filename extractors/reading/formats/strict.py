"""The namespaces of Strict Open XML (ISO/IEC 29500 Strict: the "Strict Open XML" kinds Excel and
Word save) read as the Transitional ones, whose elements are the same: each
``http://purl.oclc.org/ooxml/<part>/<name>`` is ``http://schemas.openxmlformats.org/<part>/2006/
<name>`` (spreadsheetml/main, wordprocessingml/main, officeDocument/relationships and the
relationship types under it, drawingml/main …); the package's own relationships are the same in
both."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator

_STRICT = re.compile(rb"http://purl\.oclc\.org/ooxml/(\w+)/(\w+)")
_TRANSITIONAL = rb"http://schemas.openxmlformats.org/\1/2006/\2"
#: Longer than any Strict name: the bytes a chunk holds back for the next one.
_LONGEST = 96


def transitional(xml: bytes) -> bytes:
    """``xml`` with its Strict namespaces made Transitional.

    >>> transitional(b'<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main">')
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    """
    return _STRICT.sub(_TRANSITIONAL, xml)


def transitional_chunks(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """The XML of ``chunks`` with its Strict namespaces made Transitional, a name that two
    chunks split included (the last bytes of each chunk wait for the next).

    >>> b"".join(transitional_chunks([b'x="http://purl.oclc.org/oo', b'xml/spreadsheetml/main"']))
    b'x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    """
    held = b""
    for chunk in chunks:
        text = held + chunk
        cut = max(len(text) - _LONGEST, 0)
        for match in _STRICT.finditer(text, max(cut - _LONGEST, 0)):
            if match.start() < cut < match.end():
                cut = match.start()
        held = text[cut:]
        yield transitional(text[:cut])
    yield transitional(held)


def transitional_package(data: bytes) -> bytes:
    """The OOXML package ``data`` (a DOCX) with the Strict namespaces of its parts made
    Transitional; ``data`` itself when its relationships name none (a Transitional package)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        rels = archive.read("_rels/.rels") if "_rels/.rels" in archive.NameToInfo else b""
        if _STRICT.search(rels) is None:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
            for info in archive.infolist():
                member = archive.read(info)
                if info.filename.endswith((".xml", ".rels")):
                    member = transitional(member)
                copy.writestr(info, member)
    return out.getvalue()
