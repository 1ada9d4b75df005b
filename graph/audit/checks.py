"""The six kinds of finding of issue #22, each a function of one citation and the official texts
of the instrument it cites (plain values: ``graph.audit.models``).

1. ``beyond_last``: the article, paragraph or item does not exist in the version checked;
2. and 3. ``check_quote``: the list quotes the provision and the quote differs (score and
   diff), or it matches another article better (the numbering of an older version);
4. ``outside_liability``: an accountability basis citing an article outside the law's
   liability chapter (the heading words are data: ``graph.audit.kinds``);
5. ``expired``: the instrument has expired or was replaced;
6. ``check_version``: a version note that matches no known version, and amendments after the
   list was published.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from graph.audit.compare import ArticleIndex, compare
from graph.audit.kinds import is_liability_heading, kinds
from graph.audit.models import (
    Article,
    Chosen,
    CitedProvision,
    Expression,
    Finding,
    Instrument,
    Kind,
    provision_label,
)
from graph.audit.quotes import find_quote
from graph.audit.versions import (
    amendments_after,
    decision_dates,
    named_text,
    named_version,
    note_matches,
)

#: A quote that shares less than this with the cited text, and at least ``MOVED_SCORE`` with
#: another article (and ``MOVED_MARGIN`` more), is that other article's text.
MOVED_SCORE = 0.8
MOVED_MARGIN = 0.15


def finding(kind: Kind, c: CitedProvision, message: str, **more: Any) -> Finding:
    """A finding of ``kind`` on citation ``c``, with the severity its kind has."""
    return Finding(
        kind=kind,
        severity=kinds()[kind].severity,
        message=message,
        citation=c.citation,
        list_id=c.list_id,
        list_title=c.list_title,
        row=c.row,
        field=c.field,
        law=c.law,
        article=provision_label(c.article, c.suffix, None, None),
        paragraph=c.paragraph,
        item=c.item,
        written=c.text,
        **more,
    )


def _version(chosen: Chosen) -> str:
    return f"{chosen.expression.date or 'undated'} ({chosen.why})"


def _named_other(
    c: CitedProvision, chosen: Chosen, instrument: Instrument | None, quote: str
) -> str:
    """What a quote's finding adds when the citation names a version other than the text
    compared, by a note's year or by its amending decision (the list may quote that version's
    words or numbering), and, when the store holds that version's text, how the quote compares
    with the provision there."""
    if instrument is None:
        instrument = Instrument(c.law_iri, c.law, ())
    named = named_version(instrument, c.named_note, c.named_via, chosen.expression.date)
    if named is None:
        return ""
    text = named_text(instrument, c.named_note, c.named_via)
    article = None if text is None or c.article is None else text.article(c.article, c.suffix)
    if text is None or text.iri == chosen.expression.iri or article is None:
        return f"; {named}"
    result = compare(quote, official_text(article, c))
    if result.same:
        return f"; {named}, whose text of {c.reference} the quote is"
    return f"; {named} (similarity {result.similarity:.2f} with its text of {c.reference})"


def beyond_last(c: CitedProvision, chosen: Chosen) -> Finding | None:
    """Kind 1: the cited article, paragraph or item is not in the version checked.

    >>> from graph.audit.models import Expression, Paragraph
    >>> text = Expression("x/2021", "2021-01-22", (
    ...     Article(1, (Paragraph("甲"),)), Article(2, (Paragraph("乙"), Paragraph("丙")))))
    >>> c = CitedProvision("c", "l", "L", None, "1", "basis", "第二条第三款", "第二条第三款",
    ...                    0, 6, "某法", "law/x", article=2, paragraph=3)
    >>> found = beyond_last(c, Chosen(text, "latest known"))
    >>> print(found.message)  # doctest: +NORMALIZE_WHITESPACE
    某法 第二条 has 2 paragraph(s) in the version of 2021-01-22 (latest known):
    第三款 is beyond the last
    """
    if c.article is None:
        return None
    text = chosen.expression
    if not text.articles:  # a text without numbered articles (a notice in 一、二、) says nothing
        return None
    article = text.article(c.article, c.suffix)
    where = f"in the version of {_version(chosen)}"
    if article is None:
        last = text.last_article
        what = f"has {provision_label(last, None, None, None)} as its last article"
        gap = "beyond the last" if c.article > last else "not in it"
        message = f"{c.law} {what} {where}: {c.reference} is {gap}"
        return finding("beyond-last", c, message, version=_version(chosen))
    if c.paragraph is not None and c.paragraph > len(article.paragraphs):
        message = (
            f"{c.law} {article.label} has {len(article.paragraphs)} paragraph(s) {where}: "
            f"第{_cn(c.paragraph)}款 is beyond the last"
        )
        return finding("beyond-last", c, message, official=article.text, version=_version(chosen))
    if c.item is not None:
        items = _items(article, c.paragraph)
        if c.item > items:
            message = (
                f"{c.law} {article.label} has {items} item(s) {where}: "
                f"第{_cn(c.item)}项 is beyond the last"
            )
            return finding(
                "beyond-last", c, message, official=article.text, version=_version(chosen)
            )
    return None


def _cn(n: int) -> str:
    return provision_label(n, None, None, None)[1:-1]


def _items(article: Article, paragraph: int | None) -> int:
    """How many items the cited paragraph has (with no paragraph cited: the first paragraph
    that has items, as the text links read 第九条第三项, see docs/laws.md)."""
    if paragraph is not None:
        return len(article.paragraphs[paragraph - 1].items)
    return next((len(p.items) for p in article.paragraphs if p.items), 0)


def official_text(article: Article, c: CitedProvision) -> str:
    """The official text of exactly the provision cited: the item, the paragraph or the article."""
    if c.paragraph is not None and c.paragraph <= len(article.paragraphs):
        para = article.paragraphs[c.paragraph - 1]
        if c.item is not None and c.item <= len(para.items):
            return para.items[c.item - 1]
        return para.text
    if c.item is not None:
        with_items = [p for p in article.paragraphs if p.items]
        if with_items and c.item <= len(with_items[0].items):
            return with_items[0].items[c.item - 1]
    return article.text


def check_quote(
    c: CitedProvision, chosen: Chosen, index: ArticleIndex, instrument: Instrument | None = None
) -> Finding | None:
    """Kinds 2 and 3: the quote after the citation against the cited text; when another article
    of the version matches it much better, the article moved (kind 3), else the quote differs
    (kind 2). None when there is no quote, it is faithful, or the provision is not in the text.
    ``instrument`` (its history) says which version the citation names, when it names one."""
    if c.article is None or c.chained:
        return None
    quote = find_quote(c.cell, c.end, c.next_start)
    article = chosen.expression.article(c.article, c.suffix)
    if quote is None or article is None:
        return None
    official = official_text(article, c)
    result = compare(quote.text, official)
    if result.same:
        return None
    version = _version(chosen)
    named = _named_other(c, chosen, instrument, quote.text)
    if result.similarity < 1 - MOVED_MARGIN:
        for key, score in index.best(quote.text):
            if key == article.label:
                continue
            if score >= MOVED_SCORE and score >= result.similarity + MOVED_MARGIN:
                moved = compare(quote.text, index.texts[key])
                message = (
                    f"the quote after {c.law} {c.reference} is the text of {key} "
                    f"(similarity {score:.2f}; {result.similarity:.2f} with {c.reference}) in the "
                    f"version of {version}: the article moved{named}"
                )
                return finding(
                    "article-moved",
                    c,
                    message,
                    official=index.texts[key],
                    version=version,
                    quote=quote.text,
                    similarity=round(score, 4),
                    diff=moved.diff,
                    other_article=key,
                )
            break
    changed = sum(len(p.written) + len(p.official) for p in result.diff if p.op != "equal")
    message = (
        f"the quote after {c.law} {c.reference} differs from the official text of the version "
        f"of {version} (similarity {result.similarity:.2f}, {changed} character(s) differ)"
        f"{named}"
    )
    return finding(
        "quote-differs",
        c,
        message,
        official=official,
        version=version,
        quote=quote.text,
        similarity=round(result.similarity, 4),
        diff=result.diff,
    )


@lru_cache(maxsize=256)
def liability_articles(text: Expression) -> tuple[Article, ...]:
    """The articles of a version that stand in its liability chapter(s), in order."""
    return tuple(a for a in text.articles if is_liability_heading(a.chapter))


def outside_liability(c: CitedProvision, chosen: Chosen) -> Finding | None:
    """Kind 4: an accountability basis (追责依据) citing an article outside the law's liability
    chapter. None for other fields, a law with no liability chapter, or an article not in the
    text (kind 1 says that).

    >>> from graph.audit.models import Expression, Paragraph
    >>> arts = tuple(Article(n, (Paragraph(f"条文{n}"),), "第五章 行政处罚的决定" if n < 76
    ...                      else "第七章 法律责任") for n in range(55, 80))
    >>> text = Expression("x/2021", "2021-01-22", arts)
    >>> c = CitedProvision("c", "l", "L", None, "1", "accountability_basis", "第五十五条",
    ...                    "第五十五条", 0, 5, "行政处罚法", "law/x", article=55)
    >>> print(outside_liability(c, Chosen(text, "in force on 2025-04-02")).message)
    ... # doctest: +NORMALIZE_WHITESPACE
    行政处罚法 第五十五条 stands in 第五章 行政处罚的决定, not in its liability chapter
    第七章 法律责任 (第七十六条–第七十九条, version of 2021-01-22 (in force on 2025-04-02))
    """
    if c.field != "accountability_basis" or c.article is None:
        return None
    text = chosen.expression
    liable = liability_articles(text)
    article = text.article(c.article, c.suffix)
    if not liable or article is None or is_liability_heading(article.chapter):
        return None
    span = f"{liable[0].label}–{liable[-1].label}"
    where = article.chapter or "no chapter"
    message = (
        f"{c.law} {article.label} stands in {where}, not in its liability chapter "
        f"{liable[0].chapter} ({span}, version of {_version(chosen)})"
    )
    return finding("outside-liability", c, message, official=article.text, version=_version(chosen))


def expired(c: CitedProvision, instrument: Instrument) -> Finding | None:
    """Kind 5: the instrument has expired (the catalogue says so), with its successor when known.

    >>> law = Instrument("x", "社会保险费征缴暂行条例", (), expired=True,
    ...                  successor="社会保险费征缴条例")
    >>> c = CitedProvision("c", "l", "L", None, "1", "basis", "第十条", "第十条", 0, 3,
    ...                    "社会保险费征缴暂行条例", "x", article=10)
    >>> expired(c, law).message
    '社会保险费征缴暂行条例 has expired; its successor is 社会保险费征缴条例'
    """
    if not instrument.expired:
        return None
    message = f"{c.law} has expired" + (
        f"; its successor is {instrument.successor}" if instrument.successor else ""
    )
    return finding("expired", c, message, successor=instrument.successor)


def check_version(c: CitedProvision, instrument: Instrument) -> Iterator[Finding]:
    """Kind 6: a version note that names no known version; amendments after the list's date."""
    if c.version_note and not note_matches(instrument, c.version_note):
        dated = {e.date for e in instrument.expressions if e.date}
        known = sorted(dated | {d for d, _ in instrument.events})
        message = f"{c.law} has no version {c.version_note!r}; known: " + (
            "、".join(known) if known else "none"
        )
        yield finding("unknown-version", c, message)
    if c.via and instrument.decisions and not decision_dates(instrument, c.via):
        listed = "、".join(f"{d} {title}" for d, title in instrument.decisions)
        message = f"{c.law}'s history names no decision {c.via!r}; it names: {listed}"
        yield finding("unknown-version", c, message)
    after = amendments_after(instrument, c.list_date)
    if after:
        message = (
            f"{c.law} was amended after the list was published ({c.list_date}): "
            + "、".join(after)
            + "; the item may need review"
        )
        yield finding("amended-after-list", c, message)


def check(
    c: CitedProvision, instrument: Instrument, chosen: Chosen | None, index: ArticleIndex | None
) -> Iterator[Finding]:
    """Every finding of one citation, kinds in the issue's order."""
    if chosen is not None:
        found = beyond_last(c, chosen)
        if found is not None:
            yield found
        else:  # the provision is in the text: what it says, and where it stands
            quoted = check_quote(c, chosen, index, instrument) if index is not None else None
            if quoted is not None:
                yield quoted
            liability = outside_liability(c, chosen)
            if liability is not None:
                yield liability
    gone = expired(c, instrument)
    if gone is not None:
        yield gone
    yield from check_version(c, instrument)
