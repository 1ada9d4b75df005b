"""Tells the documents Word saves in formats other than DOCX and DOC (RTF, the XML of Word
2003) from their first bytes, whatever their name (often ``.doc``)."""

from __future__ import annotations

import re

from extractors.reading.formats.xmlroot import has_root, root_pattern

#: What opens an RTF file: its group and control word, with its version or the next control word
#: (after a BOM or blank lines, which some exporters leave).
_RTF = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*\{\\rtf[0-9\\]")
#: The root of a Word 2003 XML document (WordprocessingML 2003).
_WORDML = root_pattern("wordDocument", "http://schemas.microsoft.com/office/word/2003/wordml")


def is_rtf(head: bytes) -> bool:
    r"""Whether the file beginning with ``head`` is an RTF document.

    >>> is_rtf(rb"{\rtf1\ansi\ansicpg936 {\fonttbl"), is_rtf(b'{"rows": []}')
    (True, False)
    """
    return _RTF.match(head[:64]) is not None


def is_wordml(head: bytes) -> bool:
    """Whether the file beginning with ``head`` is a Word 2003 XML document (in UTF-8 or
    another ASCII-based encoding, or UTF-16).

    >>> is_wordml(b'<?xml version="1.0"?><?mso-application progid="Word.Document"?>'
    ...           b'<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml">')
    True
    >>> is_wordml(b'<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:'
    ...           b'spreadsheet">')
    False
    """
    return has_root(head, _WORDML)
