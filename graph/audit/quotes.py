"""Finds the statutory text a list quotes after a citation, by the marks around it.

A list quotes an article in one of two shapes, told apart by punctuation alone (no words of any
one list): the reference followed by a colon, the quote running to the next reference of the cell
or the cell's end (``第八十七条：社会保险经办机构…``, the 达孜区 sample, where a line break stands
between the colon and the text); or the reference followed by an opening quotation mark,
the quote running to its closing mark (``第八十七条“社会保险经办机构…”``). A few characters that
are not punctuation may stand between the reference and the mark (``第八十七条规定：``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

#: Opening quotation marks and the mark that closes each.
CLOSING: Final = {"“": "”", "「": "」", "『": "』", '"': '"', "‘": "’", "﹁": "﹂"}
_COLONS: Final = "：:"
# up to 6 characters that are neither punctuation nor space between the reference and the mark
# (规定, 的规定): anything longer is prose, not the lead of a quote
_LEAD: Final = re.compile(
    r"\s*(?P<lead>[^\s\W]{0,6}?)\s*"
    r"(?P<mark>[：:“「『\"‘﹁])"
)
_OPENING: Final = re.compile(r"\s*([“「『\"‘﹁])")
# what trails a quote before the next reference: separators, a rank tag opening the next one
_TRAIL: Final = re.compile(r"(?:[\s、，,；;]|【[^】]{0,10}】?)+$")
#: A quote shorter than this (in characters, after white space is dropped) is not compared.
MIN_QUOTE: Final = 6


@dataclass(frozen=True, slots=True)
class Quote:
    """A quote found after a citation: its text (outer white space and inner blank lines
    removed) and its span in the cell."""

    text: str
    start: int
    end: int


def find_quote(cell: str, end: int, limit: int | None = None) -> Quote | None:
    """The text quoted right after a citation ending at ``end`` in ``cell``, before ``limit``
    (where the next citation starts), or None.

    >>> find_quote("《社会保险法》第八十七条：社会保险经办机构以欺诈手段骗取的，责令退回。",
    ...            12).text
    '社会保险经办机构以欺诈手段骗取的，责令退回。'
    >>> find_quote("第二十五条规定“医疗机构骗取社会保险基金支出的，责令退回”。另见", 5).text
    '医疗机构骗取社会保险基金支出的，责令退回'
    >>> find_quote("《行政处罚法》第五十五条、第五十六条", 12) is None
    True
    """
    stop = len(cell) if limit is None else limit
    m = _LEAD.match(cell, end, stop)
    if m is None:
        return None
    mark = m.group("mark")
    start = m.end()
    if mark in _COLONS:  # 规定：“…”: the marks after the colon bound the quote
        opened = _OPENING.match(cell, start, stop)
        if opened is not None:
            mark, start = opened.group(1), opened.end()
    if mark in _COLONS:
        close = stop
    else:
        close = cell.find(CLOSING[mark], start, stop)
        if close < 0:  # never closed before the next reference: up to it
            close = stop
    text = cell[start:close]
    text = _TRAIL.sub("", text) if mark in _COLONS else text
    text = "\n".join(line.strip() for line in text.strip().splitlines() if line.strip())
    if len("".join(text.split())) < MIN_QUOTE:
        return None
    return Quote(text, start, close)
