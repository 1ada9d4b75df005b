"""Reads the official texts the store holds (``quanze laws import``, schema in docs/laws.md) as
the audit's ``Instrument``s: versions with their dates and whether they expired, articles with
their chapter headings, paragraphs and items, the events of each law's history, and the
successor of an expired law where the registry's notes or the titles say.

Versions are read for every law (the bundled query ``audit-versions``); articles only for the
laws asked for (those the citations cite), one version's graph at a time.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Mapping
from typing import Final

import pyoxigraph as ox

from extractors.citing.lawdb import load_registry
from extractors.lawtext.parse import history_decisions, history_event
from graph.audit.models import Article, Expression, Instrument, Paragraph
from graph.build.quads import QZ
from graph.iri import Iris, unsegment
from graph.laws.links import Expressions
from graph.store.query import Term, run_query

#: A registry note naming the instrument that replaced one (由《中华人民共和国医师法》取代).
_REPLACED_BY: Final = re.compile(r"由[^《]{0,30}《([^》]+)》(?:取代|替代|代替)")
#: Marks of a provisional title whose lasting successor drops them (社会保险费征缴暂行条例).
_PROVISIONAL: Final = re.compile(r"暂行|（试行）|\(试行\)|试行")
_ENDING: Final = re.compile(r"(?:条例|办法|规定|细则)$")
_STATE: Final = "中华人民共和国"
#: The last token of an expression's IRI: kind, number, 之N suffix (art_20-1).
_TOKEN: Final = re.compile(r"/(art|para|point|chp|sec|part|subpart)_(\d+)(?:-(\d+))?$")
#: What the audit reads of each expression in a version's graph.
_READ: Final = {
    QZ.partOfExpression: "parent",
    QZ.text: "text",
    QZ.heading: "heading",
    QZ.ordinal: "ordinal",
}


def _value(row: Mapping[str, Term], name: str) -> str | None:
    term = row.get(name)
    return term.value if isinstance(term, ox.NamedNode | ox.Literal) else None


def successor_in_note(note: str | None) -> str | None:
    """The title a registry note says replaced the instrument.

    >>> successor_in_note("2022年3月1日起废止，由《中华人民共和国医师法》取代。")
    '中华人民共和国医师法'
    """
    m = _REPLACED_BY.search(note or "")
    return m.group(1) if m else None


def lasting_titles(title: str) -> list[str]:
    """The titles a provisional instrument's lasting successor may have: without its
    provisional marks, and as a law (契税暂行条例 was replaced by 契税法); none when the title is
    not provisional.

    >>> lasting_titles("中华人民共和国契税暂行条例"), lasting_titles("行政处罚法")
    (['契税条例', '契税法'], [])
    """
    bare = title.removeprefix(_STATE)
    lasting = _PROVISIONAL.sub("", bare)
    if lasting == bare:
        return []
    as_law = _ENDING.sub("法", lasting)
    return [lasting] + ([as_law] if as_law != lasting else [])


def _articles(store: ox.Store, version: str) -> tuple[Article, ...]:
    """The articles of one version with their chapter, paragraphs and items, read from its
    graph (an index lookup; a query with the graph bound scans every law's graph). An
    expression's kind and number are the last token of its IRI (docs/laws.md: the version's IRI,
    then the work-level tokens); an article of one paragraph has no paragraph nodes: its items
    are the article's, its one paragraph the article."""
    facts: defaultdict[str, dict[str, str]] = defaultdict(dict)
    graph = ox.NamedNode(Expressions(store, Iris()).graph_of(version))
    for quad in store.quads_for_pattern(None, None, None, graph):
        predicate = quad.predicate.value
        if predicate in _READ and isinstance(quad.object, ox.NamedNode | ox.Literal):
            facts[quad.subject.value][_READ[predicate]] = quad.object.value  # type: ignore[union-attr]
    children: defaultdict[str, list[tuple[str, int, str]]] = defaultdict(list)  # parent → kids
    articles: list[tuple[int, str, int, int | None]] = []
    for iri, fact in facts.items():
        m = _TOKEN.search(iri)
        if m is None or "parent" not in fact:
            continue
        kind, number = m.group(1), int(m.group(2))
        if kind == "art":
            suffix = int(m.group(3)) if m.group(3) else None
            articles.append((int(fact.get("ordinal", "0")), iri, number, suffix))
        elif kind in ("para", "point"):
            children[fact["parent"]].append((kind, number, iri))
    out = []
    for _, iri, number, suffix in sorted(articles):
        paras = []
        for kind, _, para in sorted(children[iri], key=lambda k: k[1]):
            if kind == "para":
                items = sorted(c[1:] for c in children[para] if c[0] == "point")
                paras.append(
                    Paragraph(
                        facts[para].get("text", ""), tuple(facts[i]["text"] for _, i in items)
                    )
                )
        if not paras:  # one paragraph: the article, with the article's items
            items = sorted(c[1:] for c in children[iri] if c[0] == "point")
            paras = [
                Paragraph(facts[iri].get("text", ""), tuple(facts[i]["text"] for _, i in items))
            ]
        out.append(Article(number, tuple(paras), _chapter(facts, iri), suffix))
    return tuple(out)


def _chapter(facts: Mapping[str, Mapping[str, str]], article: str) -> str | None:
    """The heading of the chapter (章) an article stands in, going up its divisions."""
    at = facts[article].get("parent")
    while at is not None and at in facts:
        m = _TOKEN.search(at)
        if m is not None and m.group(1) == "chp":
            return facts[at].get("heading")
        at = facts[at].get("parent")
    return None


def load_instruments(store: ox.Store, laws: Collection[str] | None = None) -> dict[str, Instrument]:
    """Law IRI → its instrument, for every law with an official text in the store (an empty
    dict: the store holds none); the articles of only those in ``laws`` (all when None) are
    read."""
    versions: defaultdict[str, list[Mapping[str, Term]]] = defaultdict(list)
    for r in run_query(store, "audit-versions").rows:
        versions[_value(r, "law") or ""].append(r)
    titles = {
        (_value(rows[0], "title") or "").removeprefix(_STATE): law for law, rows in versions.items()
    }
    registry = load_registry()
    out: dict[str, Instrument] = {}
    for law, rows in versions.items():
        title = _value(rows[0], "title") or unsegment(law.rsplit("/", 1)[-1])
        wanted = laws is None or law in laws
        expressions = tuple(
            Expression(
                _value(r, "version") or "",
                (_value(r, "date") or "")[:10],
                _articles(store, _value(r, "version") or "") if wanted else (),
                (_value(r, "validFrom") or "")[:10] or None,
                _value(r, "expired") == "true",
            )
            for r in rows
        )
        events = {
            (e.date, e.action)
            for r in rows
            for n, line in enumerate((_value(r, "history") or "").splitlines())
            if (e := history_event(line, n)).date is not None
        }
        decisions = {
            named
            for r in rows
            for line in (_value(r, "history") or "").splitlines()
            for named in history_decisions(line)
        }
        entry = registry.by_id(unsegment(law.rsplit("/", 1)[-1]))
        if entry is not None:
            events |= {(v.date, v.note) for v in entry.versions}
        # expired: the catalogue says so of the latest version; its successor is the one the
        # registry's note names, else a lasting title of the same words the store holds
        expired = expressions[-1].expired
        successor = successor_in_note(entry.notes if entry is not None else None)
        for lasting in lasting_titles(title) if expired and successor is None else []:
            other = titles.get(lasting)
            if other is not None and _value(versions[other][-1], "expired") != "true":
                successor = _value(versions[other][0], "title") or lasting
                break
        out[law] = Instrument(
            law,
            title,
            expressions,
            tuple(sorted(events)),
            expired,
            successor,
            tuple(sorted(decisions)),
        )
    return out
