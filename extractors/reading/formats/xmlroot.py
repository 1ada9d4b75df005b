"""Tells an XML document by its root element, from the first bytes of a file: Office's XML
formats of 2003 (SpreadsheetML, WordprocessingML) say what they are by their root's name and
namespace, after a prolog of the XML declaration, processing instructions
(``<?mso-application progid="Excel.Sheet"?>``), comments or a document type."""

from __future__ import annotations

import re

#: How much of a file's start is looked at for its root element.
HEAD_BYTES = 4096
_PROLOG = r"\A\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>\s*)*"


def root_pattern(element: str, namespace: str) -> re.Pattern[str]:
    """What a document whose root is ``element`` (prefixed or not) in ``namespace`` starts with.

    >>> root = root_pattern("Workbook", "urn:x")
    >>> bool(root.match('<?xml version="1.0"?><Workbook xmlns="urn:x">'))
    True
    """
    return re.compile(
        rf"{_PROLOG}<(?:[\w.-]+:)?{re.escape(element)}\b[^>]*{re.escape(namespace)}", re.DOTALL
    )


def has_root(head: bytes, root: re.Pattern[str]) -> bool:
    """Whether the file beginning with ``head`` (in UTF-8 or another ASCII-based encoding, or
    UTF-16 with its byte-order mark) starts with the root ``root`` matches."""
    start = head[:HEAD_BYTES]
    if start.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = start[: len(start) // 2 * 2].decode("utf-16", "replace")
    else:
        text = start.removeprefix(b"\xef\xbb\xbf").decode("latin-1")
    return root.match(text) is not None
