"""Citation records: one per provision cited, its span starting with the title for the first
(docs/citations.md, "One record per provision"), built positionally — the hot loop of the
extractor — flagged malformed when its shape is (an item with no article), and warned when the
article is past the last one of the cited text the registry knows."""

from __future__ import annotations

from typing import Final

from extractors.citing.grammar.chains import Provision
from extractors.citing.lawdb import past_last_article
from extractors.models import Citation, CitationKind

_EMPTY: Final = Provision(0, 0)
_new_citation: Final = Citation.fast


def cite_one(
    text: str,
    start: int,
    end: int,
    kind: CitationKind,
    prov: Provision | None,
    *,
    law: str | None,
    version: str | None = None,
    doc: str | None = None,
    via: str | None = None,
    rank: str | None = None,
    law_id: str | None = None,
    warnings: tuple[str, ...] = (),
) -> Citation:
    """The record of one provision (or of a whole instrument, ``prov`` None) spanning
    ``text[start:end]``.

    >>> cite_one("《社会保险法》", 0, 7, "law-level", None, law="中华人民共和国社会保险法").text
    '《社会保险法》'
    """
    p = prov or _EMPTY
    if law_id is not None and p.article is not None:
        warnings = _checked(law_id, version, p.article, warnings)
    return _new_citation(
        text[start:end], start, end, law, kind, p.chapter, p.article, p.article_suffix,
        p.paragraph, p.item, p.point, version, doc, via, rank, law_id, warnings, p.part,
        p.section, p.subitem,
    )  # fmt: skip


def _checked(
    law_id: str, version: str | None, article: int, warnings: tuple[str, ...]
) -> tuple[str, ...]:
    """``warnings``, with one more when the article is past the last of the cited text (the
    registry's article figures, from the official catalogue)."""
    past = past_last_article(law_id, version, article)
    return warnings if past is None else (*warnings, past)


def below_article(p: Provision) -> bool:
    """``p.top() in ("paragraph", "item", "subitem")``, without the method's loop (asked of
    every bare chain inside quoted text: 有前款第（一）项规定情形的)."""
    _, _, part, chapter, section, article, _, point, paragraph, item, subitem = p
    if part is not None or chapter is not None or section is not None:
        return False
    if article is not None or point is not None:
        return False
    return paragraph is not None or item is not None or subitem is not None


def heading_only(provisions: tuple[Provision, ...]) -> bool:
    """True when no provision names an article, point, paragraph or item (第六章 责任及其他)."""
    for p in provisions:
        if p.article is not None or p.point is not None:
            return False
        if p.paragraph is not None or p.item is not None:
            return False
    return True


def cite_chain(
    out: list[Citation | None],
    text: str,
    start: int,
    base: int,
    provisions: tuple[Provision, ...],
    law: str | None,
    kind: CitationKind,
    version: str | None,
    doc: str | None,
    via: str | None,
    rank: str | None,
    law_id: str | None,
    warnings: tuple[str, ...],
    chapter: int | None,
) -> None:
    """One record per provision (offsets relative to ``base``; the first record starts at
    ``start``, with its title); ``chapter`` is that of a heading the articles sit under.
    The hot loop of the extractor: provisions are unpacked once, records built positionally."""
    first = True
    for ps, pe, part, ch, section, article, suffix, point, paragraph, item, subitem in provisions:
        s = start if first else ps + base  # the first record starts with the title
        first = False
        e = pe + base
        if ch is None and article is not None:
            ch = chapter
        warned = warnings
        if law_id is not None and article is not None:
            warned = _checked(law_id, version, article, warnings)
        out.append(
            _new_citation(
                text[s:e], s, e, law,
                # 《价格法》第四项 (an item with no article) is kept but flagged
                "malformed" if article is None and point is None and (paragraph or item or subitem)
                else kind,
                ch, article, suffix, paragraph, item, point, version, doc, via, rank, law_id,
                warned, part, section, subitem,
            )
        )  # fmt: skip
