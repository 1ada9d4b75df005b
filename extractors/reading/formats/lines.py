"""The lines of a text a block at a time, so a reader that goes through a large file line by line
holds one block of lines, not a list of all of them beside the text."""

from __future__ import annotations

import io
from collections.abc import Iterator

#: Characters cut off at a time (about 2 MB of text); a block ends just after a line feed.
BLOCK_CHARS = 1 << 20


def text_blocks(text: str, size: int = BLOCK_CHARS) -> Iterator[str]:
    """``text`` in pieces of about ``size`` characters, each but the last ending with ``\\n`` (so
    no ``\\r\\n`` is cut in two, and a line ends where a piece does)."""
    start = 0
    while start < len(text):
        cut = text.find("\n", start + size)
        end = len(text) if cut < 0 else cut + 1
        yield text[start:end]
        start = end


def split_lines(text: str, size: int = BLOCK_CHARS) -> Iterator[str]:
    """``text.splitlines()``, a block at a time.

    >>> text = "a\\r\\nb\\n\\nc\\rd\\u2028e"
    >>> list(split_lines(text, size=2)) == text.splitlines()
    True
    """
    for block in text_blocks(text, size):
        yield from block.splitlines()


def file_lines(text: str, size: int = BLOCK_CHARS) -> Iterator[str]:
    """The lines of ``text`` with their ends, as ``io.StringIO(text, newline="")`` gives them (a
    line ends at ``\\n``, ``\\r`` or ``\\r\\n``: what the csv module reads), a block at a time.

    >>> text = "a,b\\r\\n1,\\"x\\ny\\"\\r2\\n"
    >>> list(file_lines(text, size=3)) == list(io.StringIO(text, newline=""))
    True
    """
    for block in text_blocks(text, size):
        yield from io.StringIO(block, newline="")
