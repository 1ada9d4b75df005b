"""Line breaks written into a cell as text: a page copied out of a system that escapes them
(``1.受理阶段责任\\n2.审查阶段责任``, the two characters backslash and n) or shows its HTML
source (``《森林法》第五十六条<br>《森林法》第五十七条``). Read as words, the marks stayed in
the cell, and a citation after them lost its line; they are the cell's line breaks."""

from __future__ import annotations

import re

# <br>, <br/>, <BR />, or a backslash and n (\r\n too) not opening a Latin word (a path's \new)
_WRITTEN_BREAK = re.compile(r"[ \t]*(?:<\s*br\s*/?\s*>|(?:\\r)?\\n(?![A-Za-z]))[ \t]*", re.I)


def written_breaks(cell: str) -> str:
    """``cell`` with the line breaks written in it as text made line breaks.

    >>> written_breaks("1.受理阶段责任\\\\n2.审查阶段责任")
    '1.受理阶段责任\\n2.审查阶段责任'
    >>> written_breaks("《森林法》第五十六条<br/>《森林法》第五十七条<BR>")
    '《森林法》第五十六条\\n《森林法》第五十七条'
    >>> written_breaks("C:\\\\new 县林业局")
    'C:\\\\new 县林业局'
    """
    if "\\" not in cell and "<" not in cell:
        return cell
    return _WRITTEN_BREAK.sub("\n", cell).strip("\n")
