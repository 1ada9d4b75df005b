"""A bundled query as the store asked can answer it: the queries that read facts the build keeps
in its derived graph (``graph.build.derived``, ``graph.build.ranked``) name them in their header,
and a store built before those facts were kept is asked the query they replaced.

Two header lines say it:

- ``# paged: by-position Kind``: the query's rows follow the places the build gave the facts of
  class ``qzd:Kind`` (``?fact qzd:position ?position``, ``graph.store.pages``). A store whose facts
  of that kind are not numbered is asked the query without its places (``unnumbered``): the facts
  were kept before, only not numbered.
- ``# derived: Kind; built before: before/NAME.rq``: the query reads the facts of class
  ``qzd:Kind``, which the build numbers too, and a store that numbers none of them (built before
  they were kept) is asked the query of that file instead, beside the bundled queries
  (``most-cited-articles``: the tallies sorted whole, ``before/most-cited-articles.rq``).

An endpoint (``quanze serve``, Virtuoso) is asked the query as written: ``quanze export`` says when
the store it exports was built before (``built_before``).
"""

from __future__ import annotations

import re
from collections.abc import Container
from pathlib import Path

import pyoxigraph as ox

from graph.build.form import QZD

_RANKED = re.compile(r"#\s*paged:\s*by-position\s+(\w+)")
_DERIVED = re.compile(r"#\s*derived:\s*(\w+)\s*;\s*built before:\s*(\S+\.rq)\s*$")
#: A ranking query's places, ``?fact qzd:position ?position ;`` (its fact's first pattern).
_PLACES_READ = re.compile(r"(\?\w+)\s+qzd:position\s+\?position\s*;\s*")
_QUERIES = Path(__file__).with_name("queries")
_RANKS = ox.NamedNode(QZD + "ranks")
_POSITIONS = ox.NamedNode(QZD + "positions")


def header_line(text: str, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """The first of a query's header comment lines (those before its first other line) that
    ``pattern`` matches."""
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = pattern.match(line)
        if match:
            return match
    return None


def ranking(text: str) -> str | None:
    """The class of derived facts whose places a query's answer follows (its ``# paged:
    by-position Kind`` header line), or None.

    >>> ranking("# paged: by-position ItemsByType\\nSELECT …"), ranking("SELECT …")
    ('ItemsByType', None)
    """
    match = header_line(text, _RANKED)
    return None if match is None else match.group(1)


def derived(text: str) -> tuple[str, str] | None:
    """The class of derived facts a query reads and the file of the query a store built before
    them is asked (its ``# derived: Kind; built before: FILE`` header line), or None.

    >>> derived("# derived: MostCitedArticle; built before: before/x.rq\\nSELECT …")
    ('MostCitedArticle', 'before/x.rq')
    """
    match = header_line(text, _DERIVED)
    return None if match is None else (match.group(1), match.group(2))


def unnumbered(text: str) -> str:
    """A ranking query (``# paged: by-position Kind``) without the places of its facts, asked of
    a store whose facts of that kind are not numbered (built before they were: read as written,
    it would give no row).

    >>> unnumbered("SELECT ?n WHERE { ?f qzd:position ?position ;\\n  a qzd:K ; qzd:n ?n }")
    'SELECT ?n WHERE { ?f a qzd:K ; qzd:n ?n }'
    """
    return _PLACES_READ.sub(r"\1 ", text, count=1)


def numbered(store: ox.Store, kind: str) -> int | None:
    """How many places the ranking of the derived facts of class ``qzd:{kind}`` has; None when
    the store numbers none of them (built before: ``graph.build.ranked``). Two lookups."""
    places = [
        int(quad.object.value)
        for ranking_quad in store.quads_for_pattern(None, _RANKS, ox.NamedNode(QZD + kind))
        for quad in store.quads_for_pattern(ranking_quad.subject, _POSITIONS, None)
        if isinstance(quad.object, ox.Literal) and quad.object.value.isdigit()
    ]
    return max(places) if places else None


def as_built(store: ox.Store, text: str, bound: Container[str] = ()) -> str:
    """The query to ask ``store`` for ``text``: itself, or, when the store was built before the
    facts it reads were kept or numbered, the query it replaced (``bound``: the variables given
    values; a ranking asked for some places is asked as written)."""
    kind = ranking(text)
    if kind is not None and "position" not in bound and numbered(store, kind) is None:
        return unnumbered(text)
    reads = derived(text)
    if reads is not None and numbered(store, reads[0]) is None:
        return before(reads[1])
    return text


def before(name: str) -> str:
    """The text of a query kept for stores built before the facts its successor reads."""
    path = (_QUERIES / name).resolve()
    if _QUERIES.resolve() not in path.parents or not path.is_file():
        raise FileNotFoundError(f"graph/store/queries/{name}: no such query")
    return path.read_text(encoding="utf-8")


def built_before(store: ox.Store, texts: dict[str, str]) -> list[str]:
    """The names of the queries (name → text) that ``store`` answers only through the query they
    replaced or without their places: what an engine loaded from its export answers with no
    rows, until the store is built again."""
    return [name for name, text in texts.items() if as_built(store, text) != text]
