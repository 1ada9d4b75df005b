"""Reads the official texts the store holds (``quanze laws import``, schema in docs/laws.md) as
the audit's ``Instrument``s: versions with their dates and whether they expired, articles with
their chapter headings, paragraphs and items, the events of each law's history, and the
successor of an expired law where the registry's notes or the titles say.

Versions are read for every law; articles only for the laws asked for (those the citations
cite), one version at a time, with the bundled queries ``audit-versions``, ``audit-articles``
and ``audit-paragraphs``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Mapping
from typing import Final

import pyoxigraph as ox

from extractors.citing.lawdb import load_registry
from extractors.lawtext.parse import history_event
from graph.audit.models import Article, Expression, Instrument, Paragraph
from graph.iri import unsegment
from graph.store.query import Term, run_query

#: A registry note naming the instrument that replaced one (由《中华人民共和国医师法》取代).
_REPLACED_BY: Final = re.compile(r"由[^《]{0,30}《([^》]+)》(?:取代|替代|代替)")
#: Marks of a provisional title whose lasting successor drops them (社会保险费征缴暂行条例).
_PROVISIONAL: Final = re.compile(r"暂行|（试行）|\(试行\)|试行")
_NUMBER: Final = re.compile(r"(\d+)(?:之(\d+))?")


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


def lasting_title(title: str) -> str | None:
    """A provisional title without its provisional marks (None when it has none).

    >>> lasting_title("社会保险费征缴暂行条例"), lasting_title("行政处罚法")
    ('社会保险费征缴条例', None)
    """
    lasting = _PROVISIONAL.sub("", title)
    return lasting if lasting != title else None


def _articles(store: ox.Store, version: str) -> tuple[Article, ...]:
    bound = {"version": ox.NamedNode(version)}
    paragraphs: defaultdict[str, dict[str, tuple[str, list[str]]]] = defaultdict(dict)
    for r in run_query(store, "audit-paragraphs", bound).rows:
        para = paragraphs[_value(r, "article") or ""].setdefault(
            _value(r, "paragraph") or "", (_value(r, "text") or "", [])
        )
        item = _value(r, "itemText")
        if item is not None:
            para[1].append(item)
    out = []
    for r in run_query(store, "audit-articles", bound).rows:
        m = _NUMBER.fullmatch(_value(r, "number") or "")
        if m is None:
            continue
        iri = _value(r, "article") or ""
        paras = tuple(Paragraph(text, tuple(items)) for text, items in paragraphs[iri].values())
        if not paras:  # an article read without paragraphs: its text is its one paragraph
            paras = (Paragraph(_value(r, "text") or ""),)
        suffix = int(m.group(2)) if m.group(2) else None
        out.append(Article(int(m.group(1)), paras, _value(r, "chapter"), suffix))
    return tuple(out)


def load_instruments(store: ox.Store, laws: Collection[str] | None = None) -> dict[str, Instrument]:
    """Law IRI → its instrument, for every law with an official text in the store; the articles
    of only those in ``laws`` (all when None) are read."""
    versions: defaultdict[str, list[Mapping[str, Term]]] = defaultdict(list)
    for r in run_query(store, "audit-versions").rows:
        versions[_value(r, "law") or ""].append(r)
    titles = {(_value(rows[0], "title") or ""): law for law, rows in versions.items()}
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
        entry = registry.by_id(unsegment(law.rsplit("/", 1)[-1]))
        if entry is not None:
            events |= {(v.date, v.note) for v in entry.versions}
        # expired: the catalogue says so of the latest version; its successor is the one the
        # registry's note names, else a lasting title of the same words the store holds
        expired = expressions[-1].expired
        successor = successor_in_note(entry.notes if entry is not None else None)
        if expired and successor is None:
            lasting = lasting_title(title)
            other = titles.get(lasting) if lasting else None
            if other is not None and _value(versions[other][-1], "expired") != "true":
                successor = lasting
        out[law] = Instrument(law, title, expressions, tuple(sorted(events)), expired, successor)
    return out
