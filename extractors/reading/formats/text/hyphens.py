"""A word a copy broke over two lines with a hyphen at the end of the first (《中华人民共和国-
/ 渔业法》), as some PDF viewers and word processors hyphenate a long line: between two Chinese
characters a hyphen ending a line is no text of the cell, and the word goes on on the next line.
A hyphen elsewhere (1-1, a code 11-2, a dash between Latin letters) stays as written."""

from __future__ import annotations

import re

# A hyphen (ASCII, full-width, Unicode's hyphen, a soft hyphen) ending a line between two CJK
# characters: the lines are one word.
_BROKEN = re.compile(r"(?<=[\u4e00-\u9fff])[-－‐\u00ad][ \t]*\n[ \t]*(?=[\u4e00-\u9fff])")


def join_hyphenated(value: str) -> str:
    """``value`` with the words a hyphen at a line's end broke joined again.

    >>> join_hyphenated("《中华人民共和国-\\n渔业法》第二十三条")
    '《中华人民共和国渔业法》第二十三条'
    >>> join_hyphenated("1-\\n2"), join_hyphenated("县林业局\\n-")
    ('1-\\n2', '县林业局\\n-')
    """
    return _BROKEN.sub("", value) if "\n" in value else value
