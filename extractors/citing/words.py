"""The word lists of the citation grammar, read from ``data/grammar.json``, and the patterns and
character sets built from them that more than one reader uses.

Each list lives once, as data (schema: ``data/grammar.schema.json``), with tags that pick the
subsets the readers need (the instrument endings a standalone line may end in, the separators that
expand a range …); a list's examples and counterexamples are checked against what the readers build
from it by ``tests/extractors/citing/test_grammar.py``. Punctuation (title marks, brackets,
sentence boundaries) is no vocabulary: its character classes are defined here once, as code.

The readers keep what they use as module-level ``Final`` constants, so that the compiled build
reads them natively; nothing is read from the data file after import.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any, Final

from extractors.citing.patterns import regex

#: The data file, in the ``extractors`` package.
GRAMMAR_FILE: Final = "data/grammar.json"


@cache
def load_grammar() -> dict[str, Any]:
    """The parsed ``data/grammar.json`` (read once).

    >>> "instrument_endings" in load_grammar()["lists"]
    True
    """
    text = resources.files("extractors").joinpath(GRAMMAR_FILE).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _list(name: str) -> dict[str, Any]:
    lists: dict[str, Any] = load_grammar()["lists"]
    if name not in lists:
        raise ValueError(f"{GRAMMAR_FILE} has no list {name!r}; lists: {', '.join(sorted(lists))}")
    entry: dict[str, Any] = lists[name]
    return entry


def words(name: str, tag: str | None = None) -> tuple[str, ...]:
    """The words of the list ``name`` (only those tagged ``tag`` when given), in the data's order.

    >>> words("carrier_verbs")[:3], words("separators", "range")[:2]
    (('印发', '转发', '批转'), ('至', '到'))
    """
    entry = _list(name)
    found = entry["words"]
    if tag is None:
        return tuple(found)
    declared = entry.get("tags", {})
    if tag not in declared:
        valid = ", ".join(declared) or "none"
        raise ValueError(f"{GRAMMAR_FILE}: list {name!r} has no tag {tag!r}; tags: {valid}")
    return tuple(word for word, tags in found.items() if tag in tags)


def tags_of(name: str) -> dict[str, tuple[str, ...]]:
    """Each word of the list ``name`` with its tags (none for a plain list).

    >>> tags_of("levels")["条"]
    ('article',)
    """
    found = _list(name)["words"]
    if isinstance(found, list):
        return {word: () for word in found}
    return {word: tuple(tags) for word, tags in found.items()}


def exceptions(name: str) -> tuple[str, ...]:
    """The words that start like one of the list's words but are not one (编辑 is no 编).

    >>> exceptions("levels")[:2]
    ('编辑', '编制')
    """
    return tuple(_list(name).get("except", ()))


def alternation(found: Iterable[str], *, spaced: bool = False) -> str:
    """A non-capturing alternation of ``found``, escaped, the longest first (或者 is tried before
    或); with ``spaced``, white space may stand between the characters of a word (印\\s*发).
    Every alternative starts with a literal, so that a search skips to the characters that may
    start one (the regex engine's prefix charset).

    >>> alternation(["或", "或者", "-"])
    '(?:或者|或|\\\\-)'
    """
    ordered = sorted(dict.fromkeys(found), key=len, reverse=True)
    if spaced:
        alternatives = [r"\s*".join(re.escape(c) for c in word) for word in ordered]
    else:
        alternatives = [re.escape(word) for word in ordered]
    return "(?:" + "|".join(alternatives) + ")"


def char_class(chars: Iterable[str], *, negate: bool = False, extra: str = "") -> str:
    """A character class of ``chars`` (escaped where a class needs it), or of every other
    character with ``negate``; ``extra`` is added to the class as written (\\s, 0-9).

    >>> char_class("至-~"), char_class("()", negate=True, extra="\\n")
    ('[至\\\\-~]', '[^()\\n]')
    """
    escaped = "".join(re.escape(c) if c in "\\]^-[" else c for c in chars)
    return "[" + ("^" if negate else "") + escaped + extra + "]"


def last_chars(found: Iterable[str]) -> frozenset[str]:
    """The last character of each word (what a reader tests before looking back for one)."""
    return frozenset(word[-1] for word in found)


def first_chars(found: Iterable[str]) -> frozenset[str]:
    """The first character of each word (what a reader tests before looking on for one)."""
    return frozenset(word[0] for word in found)


# --- punctuation (code, not data) -----------------------------------------------------------

#: White space of any kind; spaces, U+3000 and line wraps fall anywhere in a citation.
SPACE: Final = regex(r"\s+")
#: Characters with no width that editors and web pages leave in text (zero-width space, joiners,
#: word joiner, byte order mark, soft hyphen): white space to a reader, though ``\s`` is not
#: them; a cell is read with each taken for a space (the citation's text keeps them).
INVISIBLE: Final = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
#: Title marks, both widths and both kinds (《》 〈〉 <> ＜＞), nesting either way round.
TITLE_OPEN: Final = "《〈<＜"
TITLE_CLOSE: Final = "》〉>＞"
#: What ends a sentence (a title is never read across one).
SENTENCE_END: Final = "。;；"
#: What ends a sentence or a line: a continuation starts after one.
BOUNDARY: Final = "\n。;；!?！？"
#: The brackets of a parenthetical after a title ((2018修正), 【…】, ［…］).
PAREN_OPEN: Final = "(（﹙[［【"
PAREN_CLOSE: Final = ")）﹚]］】"
#: Regex classes of the above: an opening or closing title mark, a character of a title between
#: its marks (no mark, no sentence end), an opening or closing bracket, a character of a
#: parenthetical (no bracket, no line break).
OPEN_MARK: Final = char_class(TITLE_OPEN)
CLOSE_MARK: Final = char_class(TITLE_CLOSE)
IN_TITLE: Final = char_class(TITLE_OPEN + TITLE_CLOSE + SENTENCE_END, negate=True)
OPEN_PAREN: Final = char_class(PAREN_OPEN)
CLOSE_PAREN: Final = char_class(PAREN_CLOSE)
IN_PAREN: Final = char_class(PAREN_OPEN + PAREN_CLOSE, negate=True, extra=r"\n")
#: A title in 《》 with nothing nested and no sentence end inside (the common case).
FLAT_TITLE: Final = regex(rf"《({IN_TITLE}{{1,150}})》")
#: The number of a numbered entry of a cell (2、 二. ): up to three digits or Chinese numerals.
ENTRY_NUMBER: Final = r"(?:[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})"
#: A rank tag in brackets before a title (【法律】, [部门规章]); a colon may follow it.
RANK_TAG: Final = r"[【\[［][^】\]［］\n]{1,14}[】\]］]"
#: Brackets, digits and letters in one width (titles, and the keys they are looked up by).
ONE_WIDTH: Final = str.maketrans(
    {"(": "（", ")": "）", "﹙": "（", "﹚": "）", "[": "〔", "]": "〕", "﹝": "〔", "﹞": "〕"}
    | {chr(0xFF10 + d): str(d) for d in range(10)}
    | {chr(0xFF21 + d): chr(0x41 + d) for d in range(26)}
    | {chr(0xFF41 + d): chr(0x61 + d) for d in range(26)}
)
#: Title marks of every kind made 〈〉 (how inner marks are looked up and written in ``via``).
TO_ANGLE: Final = str.maketrans(
    {"《": "〈", "》": "〉", "<": "〈", ">": "〉", "＜": "〈", "＞": "〉"}
)
#: Title marks of every kind made 《》 (how inner marks are written in a canonical title).
TO_BOOK: Final = str.maketrans(
    {"〈": "《", "〉": "》", "<": "《", ">": "》", "＜": "《", "＞": "》"}
)

# --- built from the lists, used by more than one reader --------------------------------------

#: Trial marks in brackets of either width: （试行）, (暂行), （征求意见稿）.
TRIAL_NOTE: Final = rf"[(（]{alternation(words('trial_marks'))}[)）]"
#: A title that ends the way instrument titles end, a trial mark after it allowed.
ENDS_INSTRUMENT: Final = regex(rf"{alternation(words('instrument_endings'))}(?:{TRIAL_NOTE})?$")
#: The last characters of instrument titles: every ending's, and a trial mark's closing bracket.
TITLE_END_CHARS: Final = (
    last_chars(words("instrument_endings")) | last_chars(words("implementing_names")) | {")", "）"}
)
#: The name of a local area a local instrument's title starts with: a province (浙江, 浙江省) or
#: two to four characters and a unit (巫溪县, 拉萨市; 城市 is no city's name).
LOCAL_PLACE: Final = (
    rf"(?:{alternation(words('provinces'))}|(?!{alternation(exceptions('local_units'))})"
    rf"[\u4e00-\u9fff]{{2,4}}{alternation(words('local_units'))})"
)
#: Conjunctions (和, 及, 以及 …): they join units of a chain, titles and clauses alike.
CONJUNCTIONS: Final = words("separators", "conjunction")
#: The words between a title and its provisions: 中的, and a chapter named without its number
#: (《工伤保险条例》附则第六十四条, 《行政处罚法》总则第三条).
JOIN_WORDS: Final = (*words("join_words"), *words("division_names"))
#: What joins a title (and its notes) to the provisions after it: 《社会保险法》中的第八十七条, the
#: closing mark of quotation marks put around the title marks (“《社会保险法》”第八十七条), and a
#: closing title mark typed twice (《社会保险法》》第八十七条).
TITLE_JOIN: Final = rf"[\s:：,，“\"‘「”’」』》〉>＞]*{alternation(JOIN_WORDS)}?\s*"
