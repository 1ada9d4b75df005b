"""Provision chains (docs/citations.md, "One record per provision"): 第五十五条、第五十六
条, 第七条第二款第（三）项, 第十条至第十三条 … read into one provision per citation, with the span
of the words that name each.

Two readers read a chain: the general one (:func:`_read_chain`, every form), and the fast backend,
which reads the two commonest shapes (one article with its paragraph and item, a list or range of
whole articles) with one regex each and caches every chain on its text. They read alike: a chain
the fast readers cannot read is read by the general one, and the whole table of citation forms runs
through both (``tests/extractors/citing``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final, Literal, NamedTuple, get_args

from extractors.citing.numerals import NUMERAL_CHARS, parse_numeral, parse_suffix
from extractors.citing.patterns import regex
from extractors.citing.words import (
    SENTENCE_END,
    SPACE,
    alternation,
    exceptions,
    tags_of,
    words,
)

Level = Literal["part", "chapter", "section", "article", "point", "paragraph", "item", "subitem"]


def _levels() -> dict[str, Level]:
    """Each level word of the grammar (条, 款, 部分 …) with the level it names."""
    out: dict[str, Level] = {}
    for word, tags in tags_of("levels").items():
        level = next((t for t in get_args(Level) if t in tags), None)
        if level is None:
            raise ValueError(f"grammar.json: level word {word!r} names no level ({tags})")
        out[word] = level
    return out


_LEVELS: Final[dict[str, Level]] = _levels()
_DEPTH: Final[dict[str, int]] = {
    "part": 0,
    "chapter": 1,
    "section": 2,
    "article": 3,
    "point": 3,
    "paragraph": 4,
    "item": 5,
    "subitem": 6,
}
_STRUCTURAL: Final = {"part", "chapter", "section"}
#: The levels a chain lists after white space following a deeper one (第十条第一款 第十一条).
_LISTED_AFTER_DEEPER: Final = frozenset({"article", "paragraph", "item"})
#: A range wider than this is not expanded (第1条至第9999条 is a typo, not 9999 citations).
MAX_RANGE: Final = 200


def _word_of(level: Level) -> str:
    return next(word for word, named in _LEVELS.items() if named == level)


def _level_words() -> str:
    """The level words as alternatives, each followed by a lookahead that rules out the words
    that start like it but name no level (第三编辑: 编辑 is no 编)."""
    out = []
    for word in sorted(_LEVELS, key=len, reverse=True):
        rests = [e[len(word) :] for e in exceptions("levels") if e.startswith(word)]
        out.append(re.escape(word) + (f"(?!{alternation(rests)})" if rests else ""))
    return "(?:" + "|".join(out) + ")"


# 条, 款 and 项 name the levels of the fast readers' regexes
_ARTICLE_WORD: Final = _word_of("article")
_PARAGRAPH_WORD: Final = _word_of("paragraph")
_ITEM_WORD: Final = _word_of("item")
#: The last characters of the level words whose reading depends on the character after them.
_LOOKAHEAD_LAST: Final = frozenset(
    w[-1] for w in _LEVELS for e in exceptions("levels") if e.startswith(w)
)

_N: Final = f"[{NUMERAL_CHARS}]"
_NUMERAL: Final = regex(_N)
NUM: Final = rf"{_N}(?:\s*{_N})*"
#: A level word (第三条, 第二部分 …).
LEVEL: Final = _level_words()
_PNUM: Final = rf"[(（﹙]\s*{NUM}\s*[)）﹚]"
_NUM_SEP: Final = alternation(words("separators", "number"))
_UNIT: Final = regex(
    rf"(?P<di>第(?:\s*第)*)?\s*(?:(?P<nums>{NUM}(?:\s*{_NUM_SEP}\s*(?:第\s*)?{NUM})*)"
    # 第（一）、（二）项, and 第（一）（二）项 with nothing between the brackets
    rf"|(?P<pnums>{_PNUM}(?:\s*{alternation(words('separators', 'bracketed'))}?\s*(?:第\s*)?"
    rf"{_PNUM})*))"
    # 第六十九之一条: an inserted article with its 之一 written before 条 rather than after it
    rf"(?:\s*之\s*(?P<isuf>{NUM})(?=\s*{re.escape(_ARTICLE_WORD)}))?"
    rf"\s*(?P<lvl>{LEVEL})(?:\s*之\s*(?P<suf>{NUM}))?"
)
_SEP_WORD: Final = alternation(words("separators"))
_SEP: Final = regex(rf"\s*(?P<sep>{_SEP_WORD})\s*")
# 、之二 after 第一百三十三条之一: another suffix of the same article
_NEXT_SUFFIX: Final = regex(
    rf"\s*(?P<sep>{_SEP_WORD})\s*(?P<zhi>之)\s*(?P<suf>{NUM})(?!\s*{LEVEL})"
)
# One unit after the first of a chain, with what joins it to the one before, in the order the
# readings are tried: a separator (第 optional: 第十条、十一条), nothing (第 required: 第十条第二款,
# unless the numbers are bracketed: 第十条（一）项) or a few spaces (第 required: 《…》第十二条
# 第十三条). Each part is atomic, as each was one match call of its own.
# A line break may stand in the gap too (《行政处罚法》第三十条\n第一款: a wrapped cell), read only
# before a level deeper than the article (a paragraph or item of it): statutory text quoted on
# the next line never opens with 第N款, while 第十一条 there may open the article's own quotation.
_NEXT_UNIT: Final = regex(
    rf"(?:(?P<sepw>(?>{_SEP.pattern}))"
    rf"|(?P<gap>(?:[ \t\u3000]{{1,3}}|[ \t\u3000]*\r?\n[ \t\u3000]*)(?=第)))?"
    rf"(?>{_UNIT.pattern})(?(sepw)|(?(di)|(?(pnums)|(?!))))"
)
# 第十条（第二款）, 第十条第一款〔第三项〕, 第十七条、〔第十八条〕: a unit in brackets of its own
# after a provision, read as if written without them (a deeper one glued to it, or one listed
# after a separator); a unit of the same level glued in brackets (第三十条（第二十七条）) may be
# an old number and is not read
_BRACKETED_NEXT: Final = regex(
    rf"(?:(?P<sepw>(?>{_SEP.pattern}))|[ \t\u3000]*)(?P<open>[(（〔\[［【])\s*(?=第)"
)
_CLOSING: Final = {"(": ")", "（": "）", "〔": "〕", "[": "]", "［": "］", "【": "】"}
_RANGE_SEPS: Final = frozenset(words("separators", "range"))
# the enumeration comma and the conjunctions: what lists a heading and an article as two citations
_LISTING: Final = frozenset(["、", *words("separators", "conjunction")])
_SPLIT_NUMS: Final = regex(rf"\s*({_NUM_SEP})\s*(?:第\s*)?")
_PNUM_SPLIT: Final = regex(_PNUM)
_PNUM_VALUE: Final = regex(rf"[(（﹙]\s*({NUM})\s*[)）﹚]")
# 第三十条（一）, 第五条第一款（三）、（四）: items in brackets with neither 第 nor 项, read only
# where the citation ends after them (the end, a sentence or list mark); before words they open
# the article's quoted enumeration (第三十条（一）申请人…), and before a title they number the
# next entry (第十条（2）《乙法》)
_BARE_ITEMS: Final = regex(
    rf"\s*(?P<pnums>{_PNUM}(?:\s*{alternation(words('separators', 'bracketed'))}?\s*{_PNUM})*)"
    rf"(?=\s*(?:\Z|[{SENTENCE_END}，,、\n]))"
    # 第十条第一款之（一）: the item joined by 之, which no quoted enumeration opens with, so read
    # whatever follows
    rf"|\s*之\s*(?P<zpnums>{_PNUM}(?:\s*{alternation(words('separators', 'bracketed'))}?\s*"
    rf"{_PNUM})*)"
)
_CLOSE_BRACKETS: Final = ")）﹚〕]］】"
# 第三十条、三十二, 第三十条、第三十二 and 第三十条至三十二: the last number of a list or range
# written without its level word, read at the level before it only where the citation ends after
# it (the end, a sentence or clause mark, a closing bracket, 的/规定/等): before other words the
# number counts something (第十条、三十二人)
_LAST_BARE: Final = regex(
    rf"[ \t\u3000]*(?P<sep>{alternation(sorted({*_LISTING, *_RANGE_SEPS}))})[ \t\u3000]*"
    rf"(?:第[ \t\u3000]*)?(?P<n>{NUM})"
    rf"(?=[ \t\u3000]*(?:\Z|[{SENTENCE_END}:：)）\]］】\n的规等]))"
)
#: The levels a last number without its level word may continue.
_LAST_BARE_LEVELS: Final = frozenset({"article", "paragraph"})
# 第五、基本医疗保险基金的支付: a numbered section of a policy document (a point)
_POINT_DUNHAO: Final = regex(rf"第\s*(?P<n>{NUM})\s*、")
# 《社会保险法》八十七条: an article number without its 第
_BARE_ARTICLE: Final = regex(rf"{NUM}\s*{_ARTICLE_WORD}")
# what a run of chain characters is written with, apart from numerals, 第 and 之
_RUN_CHARS: Final = "".join(
    dict.fromkeys("".join([*_LEVELS, *words("separators")]) + "(（﹙)）﹚〔〕[［]］【】")
)


class Provision(NamedTuple):
    """One provision in a chain, with the span of the words that name it (a tuple: built
    thousands of times a second, and shared between the chains cached by their text)."""

    start: int
    end: int
    part: int | None = None
    chapter: int | None = None
    section: int | None = None
    article: int | None = None
    article_suffix: int | None = None
    point: int | None = None
    paragraph: int | None = None
    item: int | None = None
    subitem: int | None = None

    def top(self) -> Level | None:
        """The shallowest level this provision names."""
        for level in ("part", "chapter", "section", "article", "point", "paragraph", "item"):
            if getattr(self, level) is not None:
                return level
        return "subitem" if self.subitem is not None else None


class Chain(NamedTuple):
    """The provisions of one chain (第五十五条、第五十六条 …) and where it ends."""

    provisions: tuple[Provision, ...]
    end: int
    warnings: tuple[str, ...] = ()


_new_tuple = tuple.__new__


def shift(p: Provision, by: int) -> Provision:
    """``p`` with its span moved ``by`` characters (a cached chain placed in its text)."""
    return _new_tuple(Provision, (p[0] + by, p[1] + by, *p[2:]))


def _shift_chain(chain: Chain, by: int) -> Chain:
    provisions = chain.provisions
    if len(provisions) == 1:
        return Chain((shift(provisions[0], by),), chain.end + by, chain.warnings)
    return Chain(tuple([shift(p, by) for p in provisions]), chain.end + by, chain.warnings)


def _article(start: int, end: int, article: int) -> Provision:
    """``Provision(start, end, article=article)``, built without the keyword-argument call."""
    return _new_tuple(
        Provision, (start, end, None, None, None, article, None, None, None, None, None)
    )


# Where each level sits in a Provision after (start, end); a provision's path is kept as a list in
# that order. Depth never decreases along it (article, its suffix and point share depth 3), so
# dropping every level at or below a depth is clearing the list from one index on.
_SLOT: Final[dict[str, int]] = {
    "part": 0,
    "chapter": 1,
    "section": 2,
    "article": 3,
    "article_suffix": 4,
    "point": 5,
    "paragraph": 6,
    "item": 7,
    "subitem": 8,
}
_FIRST_AT_DEPTH: Final[dict[str, int]] = {
    level: min(i for name, i in _SLOT.items() if _DEPTH.get(name, 3) >= _DEPTH[level])
    for level in _DEPTH
}
_ITEM: Final = _SLOT["item"]
_SUFFIX: Final = _SLOT["article_suffix"]


class _Builder:
    """Accumulates the path of the provision being read; emits it when a sibling starts."""

    def __init__(self) -> None:
        self.path: list[int | None] = [None] * 9  # by _SLOT; None: the level is not named
        self.start = 0
        self.end = 0
        self.out: list[Provision] = []
        self.warnings: list[str] = []

    def emit(self) -> None:
        self.out.append(_new_tuple(Provision, (self.start, self.end, *self.path)))

    def truncate(self, level: Level) -> None:
        """Forget ``level`` and everything at its depth or deeper."""
        first = _FIRST_AT_DEPTH[level]
        self.path[first:] = _NONE_PATH[first:]

    def add(self, level: Level, values: list[int], seps: list[str], start: int, end: int) -> None:
        """Set ``level`` to the last of ``values``; emit the ones before it (a list or range)."""
        slot = _SLOT[level]
        for i, v in enumerate(values[:-1]):
            nxt = values[i + 1]
            self.truncate(level)
            self.path[slot] = v
            self.start, self.end = start, end
            self.emit()
            if seps[i] in _RANGE_SEPS:
                self.range_fill(level, v, nxt, start, end)
        self.truncate(level)
        self.path[slot] = values[-1]
        self.start, self.end = start, end

    def suffixes(self, text: str, pos: int) -> int:
        """Read the suffixes listed after the article's own (、之二, 至之三) from ``pos``, each a
        provision of the same article; where the last ends (``pos`` when there is none)."""
        while (m := _NEXT_SUFFIX.match(text, pos)) is not None:
            value = parse_suffix("之" + m.group("suf"))
            first = self.path[_SUFFIX]
            if first is None:
                first = 0  # 第一百二十条至之二, 第一百二十条、之一: from the article itself
            if value is None or first is None:
                break
            self.emit()
            if m.group("sep") in _RANGE_SEPS:
                if value <= first or value - first > MAX_RANGE:
                    self.warnings.append(f"range 之{first}–之{value} not expanded")
                else:
                    for x in range(first + 1, value):
                        self.path[_SUFFIX] = x
                        self.out.append(_new_tuple(Provision, (self.start, m.end(), *self.path)))
            self.path[_SUFFIX] = value
            self.start, self.end = m.start("zhi"), m.end()
            pos = m.end()
        return pos

    def range_fill(self, level: Level, a: int, b: int, start: int, end: int) -> None:
        if b <= a or b - a > MAX_RANGE:
            self.warnings.append(f"range {a}–{b} not expanded")
            return
        path = list(self.path)
        slot = _SLOT[level]
        for x in range(a + 1, b):
            path[slot] = x
            self.out.append(_new_tuple(Provision, (start, end, *path)))


_NONE_PATH: Final[list[int | None]] = [None] * 9
_RANGE_MARK: Final = words("separators", "range")[0]


def _values(m: re.Match[str]) -> tuple[list[int], list[str]] | None:
    """The numbers of one unit (第十、十一条 → [10, 11]) and the separators between them."""
    nums_written = m.group("nums")
    if nums_written is not None:
        single = parse_numeral(nums_written)
        if single is not None:
            return [single], []
        parts = _SPLIT_NUMS.split(nums_written)
        nums = [parse_numeral(p) for p in parts[::2]]
        seps = parts[1::2]
    else:
        return _bracketed(m.group("pnums"))
    if any(n is None for n in nums):
        return None
    return [n for n in nums if n is not None], seps


def _bracketed(pn: str) -> tuple[list[int], list[str]] | None:
    """The numbers of bracketed units (（一）、（二）, （三）至（五）) and what separates them."""
    nums = [parse_numeral(x) for x in _PNUM_VALUE.findall(pn)]
    seps = [
        _RANGE_MARK if any(r in g for r in _RANGE_SEPS) else "、"
        for g in _PNUM_SPLIT.split(pn)[1:-1]
    ]
    if any(n is None for n in nums):
        return None
    return [n for n in nums if n is not None], seps


def _suffix_of(m: re.Match[str]) -> str | None:
    """The suffix number of a _UNIT match, written after its level word (第六十九条之一) or,
    as some lists do, before it (第六十九之一条)."""
    return m.group("suf") or m.group("isuf")


def _lone(m: re.Match[str]) -> Provision | None:
    """The provision named by a single unit with a single number, or None for anything else."""
    nums = m.group("nums")
    level = _LEVELS[m.group("lvl")]
    if nums is None or level == "subitem":
        return None
    value = parse_numeral(nums)
    if value is None:
        return None
    values: dict[str, int | None] = {level: value}
    if level == "article" and (suf := _suffix_of(m)):
        values["article_suffix"] = parse_suffix("之" + suf)
    return Provision(m.start(), m.end(), **values)


# A run of the characters a provision chain is written with (numerals, levels, separators,
# brackets, white space), starting at 第. A chain never ends in a separator, bracket or space,
# so what it reads depends only on the run without those at its end (and on the character after
# a final 编, for the lookahead after it): chains are cached on that text.
CHAIN_RUN: Final = regex(rf"第[{NUMERAL_CHARS}\s第之{re.escape(_RUN_CHARS)}]*")
CHAIN_TRAIL: Final = " \t\n\r\u3000\xa0" + "".join(
    c for c in _RUN_CHARS if c not in "".join(_LEVELS)
)


def parse_chain(text: str, pos: int, *, need_di: bool = True, fast: bool = True) -> Chain | None:
    """The provision chain that starts at ``pos``, or None when none does; ``fast`` picks the
    backend (the general reader alone when False).

    >>> [(p.article, p.paragraph) for p in parse_chain("第七条第二款、第三款", 0).provisions]
    [(7, 2), (7, 3)]
    >>> [p.article for p in parse_chain("第十条至第十三条", 0, fast=False).provisions]
    [10, 11, 12, 13]
    """
    if not need_di or not fast:
        return _read_chain(text, pos, need_di=need_di)
    chain = chain_at(text, pos)
    if chain is None or pos == 0:
        return chain
    return _shift_chain(chain, pos)


def chain_at(text: str, pos: int, *, fast: bool = True) -> Chain | None:
    """As :func:`parse_chain`, with offsets relative to ``pos`` (shared, cached chains).

    >>> chain_at("依据第八十七条", 2).provisions[0][:2]
    (0, 5)
    """
    if not fast:
        chain = _read_chain(text, pos, need_di=True)
        return chain if chain is None or pos == 0 else _shift_chain(chain, -pos)
    run = CHAIN_RUN.match(text, pos)
    if run is None:
        return None
    return chain_of_run(text, pos, run.group())


def chain_of_run(text: str, pos: int, run: str) -> Chain | None:
    """:func:`chain_at` for the CHAIN_RUN match ``run`` at ``pos`` (matched by the caller).

    >>> chain_of_run("第三条、", 0, "第三条、").provisions[0].article
    3
    """
    if (
        run[-1] in _LOOKAHEAD_LAST
        or any(c in _CLOSE_BRACKETS for c in run[len(run.rstrip(CHAIN_TRAIL)) :])
        or _NUMERAL.match(run.rstrip(CHAIN_TRAIL)[-1]) is not None
    ):
        # 第三十条、三十二 (the end, or 三十二人): what follows a number ending the run decides
        # whether it is the list's last
        # 第三编辑 (no 编), 第三十条（一）申请人 (no item): what follows decides the reading
        return _chain_of(text[pos : pos + len(run) + 1])
    return _run_chain(run)


@lru_cache(maxsize=16384)
def _run_chain(run: str) -> Chain | None:
    """:func:`chain_of_run` for a run whose reading does not depend on what follows it."""
    key = run.rstrip(CHAIN_TRAIL)
    if key[-1] in _LOOKAHEAD_LAST:
        key = run[: len(key) + 1]
    return _chain_of(key)


@lru_cache(maxsize=16384)
def _chain_of(written: str) -> Chain | None:
    """The chain at the start of ``written``, read by the fast readers when it has one of their
    shapes, by the general reader otherwise."""
    simple = _SIMPLE_CHAIN.fullmatch(written)
    if simple is not None and (chain := _simple_chain(simple)) is not None:
        return chain
    if _ARTICLE_LIST.fullmatch(written) is not None and (chain := _article_list(written)):
        return chain
    return _read_chain(written, 0, need_di=True)


# Whole articles, each with its 第, joined by a separator and nothing else (第四十四条、第四十五条,
# 第十七条至第二十一条): most chains of more than one provision.
_ARTICLE_LIST: Final = regex(
    rf"(?:第[{NUMERAL_CHARS}]+{_ARTICLE_WORD}{_SEP_WORD})+第[{NUMERAL_CHARS}]+{_ARTICLE_WORD}"
)
_ARTICLE_UNIT: Final = regex(rf"(?P<sep>{_SEP_WORD})?第(?P<n>[{NUMERAL_CHARS}]+){_ARTICLE_WORD}")


def _article_list(written: str) -> Chain | None:
    """The chain :func:`_read_chain` reads from an _ARTICLE_LIST match, or None when one of its
    numbers is not well formed (the general reader stops there)."""
    out: list[Provision] = []
    warnings: list[str] = []
    start = end = 0
    value = 0
    for m in _ARTICLE_UNIT.finditer(written):
        sep, number = m.groups()
        v = parse_numeral(number)
        if v is None:
            return None
        if sep:
            out.append(_article(start, end, value))
            if sep in _RANGE_SEPS:
                if v <= value or v - value > MAX_RANGE:
                    warnings.append(f"range {value}–{v} not expanded")
                else:
                    out.extend(_article(start, m.end(), x) for x in range(value + 1, v))
            start = m.end(1)  # the next article starts with its 第
        end, value = m.end(), v
    out.append(_article(start, end, value))
    return _zero_checked(_new_tuple(Chain, (tuple(out), end, tuple(warnings))), written)


# One article with, at most, a suffix, a paragraph and an item, each with its 第 and nothing
# between the units (第十八条第一款第（八）项): half the distinct chains of a list, one provision
# whose span is the whole chain, read without the builder.
_SIMPLE_CHAIN: Final = regex(
    rf"第({NUM}){_ARTICLE_WORD}(?:之({NUM}))?(?:第({NUM}){_PARAGRAPH_WORD})?"
    rf"(?:第(?:({NUM})|[(（﹙]({NUM})[)）﹚]){_ITEM_WORD})?"
)


def _simple_chain(m: re.Match[str]) -> Chain | None:
    """The chain :func:`_read_chain` reads from a _SIMPLE_CHAIN match, or None when one of its
    numbers is not well formed (the general reader stops there)."""
    article_w, suffix_w, paragraph_w, item_w, item_pw = m.groups()
    article = parse_numeral(article_w)
    if article is None:
        return None
    suffix = parse_suffix("之" + suffix_w) if suffix_w is not None else None
    paragraph = item = None
    if paragraph_w is not None and (paragraph := parse_numeral(paragraph_w)) is None:
        return None
    if (item_w := item_w or item_pw) is not None and (item := parse_numeral(item_w)) is None:
        return None
    end = m.end()
    provision = _new_tuple(
        Provision, (0, end, None, None, None, article, suffix, None, paragraph, item, None)
    )
    return _zero_checked(_new_tuple(Chain, ((provision,), end, ())), m.string[:end])


def _read_chain(text: str, pos: int, *, need_di: bool) -> Chain | None:
    """The general reader: any chain the grammar knows, from ``pos`` (offsets into ``text``)."""
    m = _UNIT.match(text, pos)
    if m is None or (need_di and m.group("di") is None):
        return None
    end = m.end()
    s = _SEP.match(text, end)
    if (
        (s is None or _UNIT.match(text, s.end()) is None)
        and text.find("第", end, end + 4) == -1
        and not text.startswith(("(", "（", "﹙", "之"), end)
        and _NUMERAL.match(text, end) is None
        and _NEXT_SUFFIX.match(text, end) is None
        and _LAST_BARE.match(text, end) is None
    ):
        # the common case, one unit on its own (第八十七条：…): no path to carry
        lone = _lone(m)
        if lone is not None:
            return _zero_checked(Chain((lone,), end), text[pos:end])
    b = _Builder()
    last: Level | None = None
    last_written = ""
    sep: str | None = None
    closed = -1  # where the bracket of a unit written in brackets of its own closes
    while True:
        parsed = _values(m)
        level = _LEVELS[m.group("lvl")]
        if parsed is None or (level == "subitem" and b.path[_ITEM] is None and last is None):
            break
        if level == "subitem" and b.path[_ITEM] is None:
            # 第十条第一款第三目: a sub-item of no item, kept as written and flagged
            b.warnings.append(f"{m.group().strip()} is cited with no 项 above it")
        values, seps = parsed
        if m.group("di"):
            unit_start = m.start("di")
        else:
            unit_start = m.start("nums" if m.group("nums") else "pnums")
        if last == "point" and sep is None and level == "point" and last_written != m["lvl"]:
            # 第二部分第（三）点: a point of a part (the two words of the point level in a row);
            # the sub-point is kept as the item
            level = "item"
        if last is None:
            b.add(level, values, seps, unit_start, m.end())
        elif sep is None:
            if level == last and last_written == m["lvl"] and m.group("di"):
                # 第十条第十一条: a level cannot hold another of its own, so the second is a
                # sibling, listed with nothing between (as with spaces: 第十条 第十一条)
                b.emit()
                b.add(level, values, seps, unit_start, m.end())
            elif _DEPTH[level] <= _DEPTH[last]:
                break
            else:
                b.add(level, values, seps, b.start, m.end())
        elif (
            sep in _RANGE_SEPS
            and level == "article"
            and values == [b.path[_SLOT[level]]]
            and (upto := parse_suffix("之" + (_suffix_of(m) or ""))) is not None
        ):
            # 第一百二十条之一至第一百二十条之三 (or from 第一百二十条 itself): a range of the
            # suffixes of one article
            first = b.path[_SUFFIX] or 0
            b.emit()
            if upto <= first or upto - first > MAX_RANGE:
                b.warnings.append(f"range 之{first}–之{upto} not expanded")
            for x in range(first + 1, upto):
                b.path[_SUFFIX] = x
                b.out.append(_new_tuple(Provision, (b.start, m.end(), *b.path)))
            b.add(level, values, seps, unit_start, m.end())
        elif sep in _RANGE_SEPS and (a := b.path[_SLOT[level]]) is not None:
            b.emit()
            b.range_fill(level, a, values[0], b.start, m.end())
            b.add(level, values, seps, unit_start, m.end())
        elif last in _STRUCTURAL and level == "article" and sep in _LISTING:
            # 第七章、第八十一条: the enumeration comma and the conjunctions list two citations,
            # the heading's and the article's (numbered through the whole law, in no heading)
            b.emit()
            b.truncate("part")
            b.add(level, values, seps, unit_start, m.end())
        elif last in _STRUCTURAL and _DEPTH[level] > _DEPTH[last]:
            # 第七章，第三十五条: a heading then an article in it, not two citations
            b.add(level, values, seps, b.start, m.end())
        else:
            b.emit()
            b.add(level, values, seps, unit_start, m.end())
        if level == "article" and (suf := _suffix_of(m)):
            suffix = parse_suffix("之" + suf)
            if suffix is not None:
                b.path[_SLOT["article_suffix"]] = suffix
        last, last_written = level, m.group("lvl")
        nxt = _NEXT_UNIT.match(text, m.end())
        if nxt is None and closed > m.end():
            nxt = _NEXT_UNIT.match(text, closed)  # past the bracket the units were written in
        if (
            nxt is None
            and level in ("article", "paragraph")
            and (bare := _BARE_ITEMS.match(text, m.end())) is not None
            and (items := _bracketed(bare.group("pnums") or bare.group("zpnums"))) is not None
        ):
            items_end = bare.end("pnums" if bare.group("pnums") else "zpnums")
            b.add("item", items[0], items[1], b.start, items_end)
            last, last_written = "item", _ITEM_WORD
            nxt = _NEXT_UNIT.match(text, items_end)
        if nxt is None and level == "article":
            # 第一百三十三条之一、之二, 第十条之一至之三: more suffixes of the same article
            at = b.suffixes(text, m.end())
            if at != m.end():
                nxt = _NEXT_UNIT.match(text, at)
        if nxt is None and (undi := _unit_without_di(text, m.end(), level)) is not None:
            # 第三十二条一款: a deeper level glued on without its 第, read and flagged
            b.warnings.append(f"第 missing before {undi.group()}")
            sep = None
            m = undi
            continue
        if nxt is None and (
            (br := _bracketed_unit(text, m.end(), level)) is not None
            or (closed > m.end() and (br := _bracketed_unit(text, closed, level)) is not None)
        ):
            sep, m, closed = br
            continue
        if (
            nxt is None
            and level in _LAST_BARE_LEVELS
            and (lb := _LAST_BARE.match(text, m.end())) is not None
            and (value := parse_numeral(lb.group("n"))) is not None
        ):
            # 第三十条、三十二: the list's last number, its level word left out
            if lb.group("sep") in _RANGE_SEPS and (a := b.path[_SLOT[level]]) is not None:
                b.emit()
                b.range_fill(level, a, value, b.start, lb.end())
            else:
                b.emit()
            b.add(level, [value], [], lb.start("n"), lb.end())
            break
        if nxt is None:
            break
        if nxt.group("sepw") is not None:
            sep = nxt.group("sep")
        elif nxt.group("gap") is None:
            sep = None
        elif "\n" in nxt.group("gap") and _DEPTH[_LEVELS[nxt.group("lvl")]] <= _DEPTH["article"]:
            break
        else:
            # 《…》第十二条 第十三条: a list written with spaces; 第十条 第一款: a deeper level
            nxt_level = _LEVELS[nxt.group("lvl")]
            if _DEPTH[nxt_level] == _DEPTH[level] and nxt_level == level:
                sep = "、"
            elif _DEPTH[nxt_level] > _DEPTH[level]:
                sep = None
            elif nxt_level in _LISTED_AFTER_DEEPER:
                # 第一百二十二条第一款 第一百二十三条: the next article (or paragraph) after a
                # deeper level, listed with spaces as with 、
                sep = "、"
            else:
                break
        m = nxt
    if last is None:
        return None
    b.emit()
    # a chain that ends inside brackets of its own (第三十条（第一款、第二款）) ends past them
    end = closed if closed > m.end() else b.end
    chain = Chain(tuple(b.out), end, tuple(dict.fromkeys(b.warnings)))
    return _zero_checked(chain, text[pos : b.end])


def _bracketed_unit(
    text: str, pos: int, above: Level
) -> tuple[str | None, re.Match[str], int] | None:
    """A unit in brackets of its own after the unit ``above`` that ends at ``pos`` (第十条（第二
    款）, 第十七条、〔第十八条〕): the separator before it (None: glued, so deeper), its match and
    where its closing bracket ends, or None. Glued, it must be deeper than ``above``; the closing
    bracket must follow it.

    >>> _bracketed_unit("第十条（第二款）", 3, "article")[1].group().strip()
    '第二款'
    >>> _bracketed_unit("第三十条（第二十七条）", 4, "article") is None
    True
    """
    br = _BRACKETED_NEXT.match(text, pos)
    if br is None:
        return None
    m = _UNIT.match(text, br.end())
    if m is None or m.group("di") is None:
        return None
    close = _bracket_closed(text, m.end(), br.group("open"))
    if close is None:
        return None
    sep = br.group("sep") if br.group("sepw") is not None else None
    if sep is None and _DEPTH[_LEVELS[m.group("lvl")]] <= _DEPTH[above]:
        return None
    return sep, m, close


def _bracket_closed(text: str, pos: int, opened: str) -> int | None:
    """Where the bracket ``opened`` before a unit closes (the end of its closing mark), with
    nothing but chain characters from ``pos`` to it (第一款、第二款）, 第一款第（二）项〕), or None.

    >>> _bracket_closed("第三十条（第一款、第二款）", 8, "（")
    13
    """
    closing = _CLOSING[opened]
    depth = 0
    for i in range(pos, min(len(text), pos + 40)):
        c = text[i]
        if c == closing and depth == 0:
            return i + 1
        if c in "(（":
            depth += 1
        elif c in ")）":
            if depth == 0:
                return None
            depth -= 1
        elif not (c in _RUN_CHARS or c in NUMERAL_CHARS or c in "第之" or c.isspace()):
            return None
    return None


def _unit_without_di(text: str, pos: int, above: Level) -> re.Match[str] | None:
    """A paragraph, item or sub-item glued without its 第 to the unit ``above`` that ends at
    ``pos`` (第三十二条一款, 第十条第一款三项), or None. Only a level deeper than the one before
    may be written so: a level holds none of its own (第十条十一条 is no chain), and the number
    must follow with nothing between (第十条 三项措施 is prose).

    >>> _unit_without_di("第三十二条一款", 5, "article").group()
    '一款'
    >>> _unit_without_di("第十条十一条", 3, "article") is None
    True
    """
    if _NUMERAL.match(text, pos) is None:
        return None
    m = _UNIT.match(text, pos)
    if m is None or m.group("nums") is None:
        return None
    level = _LEVELS[m.group("lvl")]
    if _DEPTH[level] <= max(_DEPTH[above], _DEPTH["article"]):
        return None
    return m


# the numbered fields of a Provision, after its span: every level, and the suffix of 之一
_NUMBERED: Final[tuple[Level | Literal["article_suffix"], ...]] = (
    "part", "chapter", "section", "article", "article_suffix", "point", "paragraph", "item",
    "subitem",
)  # fmt: skip


# 第两条: 两 is the word for two before a measure word (两条), never a digit of a number in a
# provision's number, which writes 二 (第二条, 第二百条); a number written with it is read, and said
_LIANG: Final = regex(rf"[{NUMERAL_CHARS}]*两[{NUMERAL_CHARS}]*")

# 第1百条, 第8十6条: Arabic digits typed among Chinese numerals in one number; read, and said
_MIXED: Final = regex(
    r"[0-9０-９][\s0-9０-９]*[零〇一二两三四五六七八九十百千][\s0-9０-９零〇一二两三四五六七八九十百千]*"
    r"|[零〇一二两三四五六七八九十百千][\s零〇一二两三四五六七八九十百千]*[0-9０-９][\s0-9０-９零〇一二两三四五六七八九十百千]*"
)


def _zero_checked(chain: Chain, written: str) -> Chain:
    """``chain`` (read from ``written``), warned when a number in it is 0 (第〇条, 第0款):
    provisions are numbered from 1, so the reading is kept as written but is probably wrong; or
    when a number is written with 两 (第两条), which numbering never uses: read as 二, and said.

    >>> parse_chain("第〇条", 0).warnings
    ('第0条: provisions are numbered from 1',)
    >>> parse_chain("第两条", 0).warnings
    ('第两条: 两 written for 二 in a number, read as 2',)
    >>> parse_chain("第二节", 0).warnings
    ('第2节 is cited with no 章 above it',)
    """
    if "两" in written and (liang := _LIANG.search(written)) is not None:
        number = SPACE.sub("", liang.group())
        value = parse_numeral(number)
        written_unit = written[max(liang.start() - 1, 0) : liang.end() + 1]
        warning = f"{SPACE.sub('', written_unit)}: 两 written for 二 in a number, read as {value}"
        chain = chain._replace(warnings=(*chain.warnings, warning))
    if (mixed := _MIXED.search(written)) is not None:
        number = SPACE.sub("", mixed.group())
        warning = (
            f"{number}: Arabic and Chinese numerals mixed in a number, read as "
            f"{parse_numeral(number)}"
        )
        chain = chain._replace(warnings=(*chain.warnings, warning))
    for p in chain.provisions:
        if p.section is not None and p.chapter is None and p.article is None:
            # 《行政处罚法》第二节: sections are numbered within each chapter, so a section with
            # no chapter above it names none of them (kept as written, said)
            warning = f"第{p.section}节 is cited with no 章 above it"
            chain = chain._replace(warnings=(*chain.warnings, warning))
            break
    for p in chain.provisions:
        if 0 in p[2:]:
            level = next(f for f, v in zip(_NUMBERED, p[2:], strict=True) if v == 0)
            written = "之0" if level == "article_suffix" else "第0" + _word_of(level)
            warning = f"{written}: provisions are numbered from 1"
            return chain._replace(warnings=(*chain.warnings, warning))
    return chain


def bare_article_at(text: str, pos: int) -> bool:
    """True when an article number without its 第 starts at ``pos`` (《社会保险法》八十七条).

    >>> bare_article_at("八十七条", 0), bare_article_at("2018年修正", 0)
    (True, False)
    """
    return _BARE_ARTICLE.match(text, pos) is not None


def numbered_section_at(text: str, pos: int) -> Chain | None:
    """A numbered section of a policy document at ``pos``, read as a point (《…的决定》第五、基本
    医疗保险基金的支付: not an article), or None.

    >>> numbered_section_at("第五、基本医疗", 0).provisions[0].point
    5
    """
    m = _POINT_DUNHAO.match(text, pos)
    if m is None or (value := parse_numeral(m.group("n"))) is None:
        return None
    return Chain((Provision(m.start(), m.end() - 1, point=value),), m.end() - 1)
