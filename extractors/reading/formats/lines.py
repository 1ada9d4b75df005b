"""The lines of a text a block at a time, so a reader that goes through a large file line by line
holds one block of lines, not a list of all of them beside the text. A block ends just after a
line feed; the blocks come from a text held whole (:func:`text_blocks`) or from a file read
again (``extractors.reading.textfile``)."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator

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
    return block_lines(text_blocks(text, size))


def block_lines(blocks: Iterable[str]) -> Iterator[str]:
    """The lines of the text the ``blocks`` make (each ending at a line feed), as
    ``str.splitlines`` gives them."""
    for block in blocks:
        yield from block.splitlines()


def block_file_lines(blocks: Iterable[str]) -> Iterator[str]:
    """The lines of the text the ``blocks`` make, with their ends, as :func:`file_lines`."""
    for block in blocks:
        yield from io.StringIO(block, newline="")


def file_lines(text: str, size: int = BLOCK_CHARS) -> Iterator[str]:
    """The lines of ``text`` with their ends, as ``io.StringIO(text, newline="")`` gives them (a
    line ends at ``\\n``, ``\\r`` or ``\\r\\n``: what the csv module reads), a block at a time.

    >>> text = "a,b\\r\\n1,\\"x\\ny\\"\\r2\\n"
    >>> list(file_lines(text, size=3)) == list(io.StringIO(text, newline=""))
    True
    """
    return block_file_lines(text_blocks(text, size))
