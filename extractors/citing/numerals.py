"""Reading the numbers written in statute references: Chinese numerals, Arabic digits in either
width, stray white space, and the 之一 suffix of inserted articles."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from types import ModuleType
from typing import Final

from extractors.citing.words import SPACE

#: Every character that may appear in a provision number (before white space is removed).
NUMERAL_CHARS: Final = "0-9０-９零〇○一二两三四五六七八九十百千万"

_WIDE_DIGITS: Final = str.maketrans("０１２３４５６７８９○", "0123456789〇")
_SUFFIX: Final = re.compile(r"^\s*之\s*([" + NUMERAL_CHARS + r"\s]+)$")


@cache
def _cn2an() -> ModuleType:
    """cn2an, imported on first use: importing it costs ~0.3 s, which every ``quanze`` command
    (``--help`` and ``query`` included) would otherwise pay at start-up."""
    import cn2an

    return cn2an


@lru_cache(maxsize=4096)
def parse_numeral(written: str) -> int | None:
    """The value of one written number, or None when it is not a well-formed number.

    >>> parse_numeral("一百零四"), parse_numeral("１３"), parse_numeral("十 三")
    (104, 13, 13)
    >>> parse_numeral("百四") is None
    True
    """
    s = SPACE.sub("", written).translate(_WIDE_DIGITS)
    if not s:
        return None
    if s.isascii():
        return int(s) if s.isdigit() else None
    if any(c.isdigit() for c in s):
        # mixed forms such as "1百" do not occur in statute references; refuse them
        return None
    try:
        value = _cn2an().cn2an(s, "normal")
    except (ValueError, KeyError, IndexError):
        # cn2an rejects most malformed numerals with ValueError, but 零十一 (seen in OCR'd lists)
        # and its kin hit a KeyError inside it: all mean "not a number"
        return None
    return int(value)


def parse_suffix(written: str) -> int | None:
    """The number of a 之N suffix (第二十一条之一 → 1), or None when ``written`` is not one.

    >>> parse_suffix("之一"), parse_suffix("之 二"), parse_suffix("之规定")
    (1, 2, None)
    """
    m = _SUFFIX.match(written)
    return parse_numeral(m.group(1)) if m else None


def to_chinese(number: int) -> str:
    """The Chinese numeral for ``number`` as statutes write it (used to render test input).

    >>> to_chinese(104), to_chinese(10), to_chinese(9999)
    ('一百零四', '十', '九千九百九十九')
    """
    if number < 0:
        raise ValueError(f"provision numbers are not negative: {number}")
    return str(_cn2an().an2cn(number))
