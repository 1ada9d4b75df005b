"""Anchors: scanning one cell for where statute references start, in one pass. A single pattern
whose alternatives read a marked title with its notes and the provision run after it (the shape
of most citations, which the fast backend reads through its caches), a bare provision run (第…),
or a lone mark left to the general readers.

The pattern stops only at the rare literals a reference starts with (《 〈 < ＜ 「 “ 第); it names
no law (STYLE.md: anchor patterns on rare literals).
"""

from __future__ import annotations

import re
from typing import Final

from extractors.citing.grammar.chains import CHAIN_RUN
from extractors.citing.patterns import regex
from extractors.citing.words import (
    CLOSE_MARK,
    CLOSE_PAREN,
    IN_PAREN,
    IN_TITLE,
    OPEN_MARK,
    OPEN_PAREN,
    TITLE_JOIN,
    TITLE_OPEN,
    char_class,
)

_NESTED_TITLE: Final = rf"{OPEN_MARK}{IN_TITLE}{{1,150}}{CLOSE_MARK}"
_NESTED_PAREN: Final = rf"{OPEN_PAREN}{IN_PAREN}{{0,196}}{CLOSE_PAREN}"
#: The pairs of quotation marks that may stand for title marks: corner brackets, double and
#: single, and curly quotes, double and single (plain " apart: it opens and closes alike).
_QUOTE_PAIRS: Final = (
    *(("「", "」"), ("“", "”"), ("『", "』"), ("‘", "’"), ("【", "】")),
    # «中华人民共和国行政处罚法»: the guillemets of a Western keyboard; 〔…〕 as 【…】 (cell.py)
    *(("«", "»"), ("〔", "〕")),
)
_QUOTE_CHARS: Final = "".join(o + c for o, c in _QUOTE_PAIRS)
_QUOTED: Final = rf"[^{_QUOTE_CHARS}《》。;；\n]{{2,60}}"  # the words of a quoted title
_QUOTED_PLAIN: Final = rf'[^"{_QUOTE_CHARS}《》。;；\n]{{2,60}}'  # the same between two plain "
#: Quotation marks that may stand for title marks.
QUOTE_MARKS: Final = "".join(o for o, _ in _QUOTE_PAIRS) + '"'
_QUOTED_ALTERNATIVES: Final = [f"{o}{_QUOTED}{c}" for o, c in _QUOTE_PAIRS]
#: The characters a reference starts with: a title mark, a quotation mark around a title, 第.
ANCHOR_CHARS: Final = TITLE_OPEN + QUOTE_MARKS + "第"


def _head(title: str, paren: str) -> str:
    """What follows the opening mark of 《title》 (or 〈title〉, one level of marks nested in it):
    the rest of the title, parentheticals (one level of brackets nested: （渝人社发【2020】24号）)
    and what joins them to a provision chain, then the chain's run (CHAIN_RUN) when one follows:
    an optional group at the end of the pattern leaves every group before it as the title, notes
    and join alone would match them."""
    return (
        rf"(?P<title>{title})"
        rf"(?P<notes>(?:\s*{paren})*)"
        rf"(?!\s*{OPEN_PAREN})"
        rf"(?P<join>{TITLE_JOIN})"
        rf"(?P<run>{CHAIN_RUN.pattern})?"
    )


#: The title head as the general readers bound it: at most 198 characters or nested titles
#: between the marks, and as many in each parenthetical. All the general path reads of a title
#: lies within this match (document numbers outside the notes are checked for by the caller),
#: so its reading is cached on the text matched.
TITLE_HEAD: Final = regex(
    OPEN_MARK
    + _head(
        rf"(?:{IN_TITLE}|{_NESTED_TITLE}){{1,198}}{CLOSE_MARK}",
        rf"{OPEN_PAREN}(?:{IN_PAREN}|{_NESTED_PAREN}){{0,198}}{CLOSE_PAREN}",
    )
)
# The same without the counted repeats of an alternation (each character of a title went
# through a branch and a counter: 4 µs a title): runs of plain characters between nested marks.
# Within SHORT_HEAD characters it matches as TITLE_HEAD does, since no bound can be reached.
_FAST_HEAD: Final = _head(
    rf"(?!{CLOSE_MARK}){IN_TITLE}*(?:(?P<nested>{_NESTED_TITLE}){IN_TITLE}*)*{CLOSE_MARK}",
    rf"{OPEN_PAREN}{IN_PAREN}*(?:{_NESTED_PAREN}{IN_PAREN}*)*{CLOSE_PAREN}",
)
SHORT_HEAD: Final = 190

#: Every anchor of a cell, in order: a title head, a bare run (第…), or a lone mark (《 with no
#: closing mark, 「 or “ before what may be a quoted title) that only the general readers read.
#: The pattern opens with the class of anchor characters, so that a scan skips the text between
#: anchors in C (a pattern opening with alternatives is tried at every character).
TOKEN: Final = regex(
    rf"{char_class(ANCHOR_CHARS)}(?:(?<={OPEN_MARK})(?P<head>{_FAST_HEAD})|(?<=第)(?P<bare>{CHAIN_RUN.pattern[1:]})"
    # a lone title mark; a quotation mark only where it may quote a title (「…法」, “…条例”): the
    # general readers skip any other, and so does the scan
    rf"|(?<={OPEN_MARK})"
    + "".join(f"|(?<={o})(?={_QUOTED}{c})" for o, c in _QUOTE_PAIRS)
    + rf"|(?<=\")(?={_QUOTED_PLAIN}\"))"
)
#: 「中华人民共和国社会保险法」, “…条例”, ‘…条例’, "…办法": quotation marks around what may be
#: a title.
QUOTED_TITLE: Final = regex("|".join([*_QUOTED_ALTERNATIVES, f'"{_QUOTED_PLAIN}"']))
HEAD: Final = TOKEN.groupindex["head"]
BARE: Final = TOKEN.groupindex["bare"]
TITLE: Final = TOKEN.groupindex["title"]
NESTED: Final = TOKEN.groupindex["nested"]
NOTES: Final = TOKEN.groupindex["notes"]
JOIN: Final = TOKEN.groupindex["join"]
RUN: Final = TOKEN.groupindex["run"]
_SPANS: Final = tuple(TOKEN.groupindex[g] for g in ("title", "notes", "join", "run"))
_EXACT_SPANS: Final = tuple(TITLE_HEAD.groupindex[g] for g in ("title", "notes", "join", "run"))


def head_spans(m: re.Match[str]) -> tuple[int, int, int, int, int] | None:
    """Where the parts of the title head that the TOKEN match ``m`` read end, as TITLE_HEAD reads
    them (re-read when long enough to reach one of its bounds): the title's closing mark, the
    notes, the join (where provisions may start), and the run's start and end (-1, -1 when there
    is none); None when TITLE_HEAD would not match.

    >>> head_spans(TOKEN.match("《社会保险法》（2018修正）第八十七条"))
    (7, 15, 15, 15, 20)
    """
    regs = m.regs
    t, n, j, r = _SPANS
    start = m.start()
    if regs[n][1] - start > SHORT_HEAD:
        exact = TITLE_HEAD.match(m.string, start)
        if exact is None:
            return None
        regs = exact.regs
        t, n, j, r = _EXACT_SPANS
    return regs[t][1], regs[n][1], regs[j][1], regs[r][0], regs[r][1]
