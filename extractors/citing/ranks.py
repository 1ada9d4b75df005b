"""The rank a list writes of an instrument (a tag before its title, 【部门规章】《…》, or a note
after it, 《安全生产法》（行政法规）), checked against the registry's rank of the instrument it
resolved to: a rank that contradicts it is said on the record (docs/citations.md, "Notes after a
title")."""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from extractors.citing.lawdb import RANKS, load_registry
from extractors.citing.patterns import regex
from extractors.citing.words import alternation, words
from extractors.models import Citation

#: A rank written anywhere in a cell (【部门规章】, （行政法规）, 法律：): the cells with none skip
#: :func:`ranks_said`.
RANK_WRITTEN: Final = regex(alternation(RANKS))
# a rank written as a note after the title, in any bracket: （行政法规）, 【部门规章】, [法律]
_RANK_NOTE: Final = regex(
    rf"[(（【\[［〔][ \t\u3000]*({alternation(RANKS)})[ \t\u3000]*[)）】\]］〕]"
)


def written_ranks(c: Citation) -> tuple[str, ...]:
    """The ranks the list writes of the instrument ``c`` cites: its rank tag, and the rank notes
    in its text.

    >>> from extractors import get_citations
    >>> [written_ranks(c) for c in get_citations("【法律】《安全生产法》（行政法规）第十条")]
    [('法律', '行政法规')]
    """
    notes = tuple(m.group(1) for m in _RANK_NOTE.finditer(c.text))
    return ((c.rank,) if c.rank in RANKS else ()) + notes


# what lists the titles a rank tag heads (【法律】《甲法》、《乙法》和《丙法》): the list separators
# (、 ， 和 及 …) and spaces, no sentence or line break
_LISTED: Final = regex(rf"(?:[\t \u3000]|{alternation(words('separators', 'list'))})*")


def tags_over_lists(text: str, found: list[Citation]) -> list[Citation]:
    """``found``, with a rank tag carried to the titles listed after the one it stands before
    (【法律】《安全生产法》、《消防法》: the tag heads both), up to a break or the next tag.

    >>> from extractors.citing.cell import read_cell
    >>> text = "【法律】《安全生产法》第十条、《工伤保险条例》第十七条"
    >>> [c.rank for c in tags_over_lists(text, read_cell(text))]
    ['法律', '法律']
    """
    out: list[Citation] = []
    for c in found:
        if c.rank is None and out and out[-1].rank in RANKS:
            gap = text[out[-1].end : c.start]
            if out[-1].end <= c.start and _LISTED.fullmatch(gap) is not None:
                c = replace(c, rank=out[-1].rank)
        out.append(c)
    return out


def ranks_said(found: list[Citation]) -> list[Citation]:
    """``found``, each record whose written rank contradicts the registry's rank of its
    instrument saying so (the list's claim is kept in ``rank``; the registry's stands). The cell
    pass applies it to every cell that writes a rank:

    >>> from extractors import get_citations
    >>> [c.warnings for c in get_citations("《安全生产法》（行政法规）第十条")]
    [("the rank written, 行政法规, is not the registry's rank of 中华人民共和国安全生产法: 法律",)]
    """
    out = []
    for c in found:
        written = written_ranks(c) if c.law_id is not None else ()
        entry = load_registry().by_id(c.law_id) if written and c.law_id is not None else None
        wrong = [w for w in written if entry is not None and w != entry.rank]
        if entry is not None and wrong:
            why = tuple(
                f"the rank written, {w}, is not the registry's rank of {c.law}: {entry.rank}"
                for w in dict.fromkeys(wrong)
            )
            c = replace(c, warnings=(*c.warnings, *why))
        out.append(c)
    return out
