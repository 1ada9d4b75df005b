"""Reads an ASCII header written in the whole pinyin of a Chinese header word (shixiangmingcheng
for 事项名称, SheDingYiJu for 设定依据), as government JSON APIs name their fields: the pinyin of
each synonym is derived from the readings of its characters (``data/pinyin.json``), never
listed header by header."""

from __future__ import annotations

import re
from functools import cache
from itertools import product
from typing import Any

from extractors.datafiles import read_data

#: What a pinyin header may hold between its syllables: case aside, nothing else is folded.
_SEPARATORS = re.compile(r"[\s_\-.]+")


@cache
def load_pinyin() -> dict[str, Any]:
    """The parsed ``data/pinyin.json`` (cached)."""
    return read_data("pinyin")


def spellings(word: str) -> list[str]:
    """Every whole pinyin of ``word`` (its characters' readings joined), none when one of its
    characters has no reading.

    >>> spellings("设定依据"), spellings("法律依据")
    (['shedingyiju'], ['falvyiju', 'faluyiju'])
    >>> spellings("事项名称（主项）")
    []
    """
    readings = load_pinyin()["readings"]
    if not word or any(c not in readings for c in word):
        return []
    return ["".join(p) for p in product(*(readings[c] for c in word))]


def pinyin_table(synonyms: dict[str, str]) -> dict[str, str]:
    """The field each whole pinyin of the header words ``synonyms`` (word → field) names; a
    pinyin that words of two fields share is left out (it names neither for sure)."""
    table: dict[str, str] = {}
    shared: set[str] = set()
    for word, key in synonyms.items():
        for spelled in spellings(word):
            if table.setdefault(spelled, key) != key:
                shared.add(spelled)
    return {s: k for s, k in table.items() if s not in shared}


def pinyin_key(header: str, table: dict[str, str]) -> str | None:
    """The field an ASCII ``header`` in whole pinyin names by ``table`` (:func:`pinyin_table`),
    case and separators between syllables folded, or None.

    >>> table = pinyin_table({"事项名称": "name", "实施主体": "department"})
    >>> pinyin_key("ShiXiang_MingCheng", table), pinyin_key("shishizhuti", table)
    ('name', 'department')
    >>> pinyin_key("shixiang", table) is None
    True
    """
    return table.get(_SEPARATORS.sub("", header).casefold())
