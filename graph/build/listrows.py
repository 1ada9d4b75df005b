"""The rows each query counted by list (``# counted: by-list``) gives for one list, counted as the
build writes the list, so the commit need not ask the engine.

The derived graph keeps, per such query, its rows summed over the lists (``LIST_ROWS`` of
``graph.build.derived``), so that ``quanze query NAME --count`` reads one number. They were
counted by the engine, each query's COUNT form bound to each list once the list was current
(``derived.list_rows``): six queries a list, some 15% of a build's CPU (a 10 k-item build spent
1.9 s of its 10 s in them, docs/national.md). Each of these queries gives a row per item or per
citation of the list, or per item with or without some citation or clause, which the build knows
as it writes them: ``ListRows`` is told each item and citation (``graph.build.lists``,
``graph.build.citations``) and counts them.

A count here stands for a query's text as it was when the count was written (``COUNTED``: a
digest of the text but its comments). A query whose text has changed since, or a query counted
by list that is not in ``COUNTED``, is counted by the engine as before, so a change to a query
never leaves a wrong count, only a slower build (and a failing test saying which query to look at
again, ``tests/graph/build/test_listrows.py``). A list whose items' IRIs meet (a repeated row
keyed ``1.2`` beside a row written ``1.2``: one node with two rows, which the queries count as
two or four rows) is counted by the engine too.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache

import pyoxigraph as ox

from graph.build.derived import LIST_ROWS, Facts

#: The field keys whose citations the queries below look at.
_BASIS, _ACCOUNTABILITY_BASIS = "basis", "accountability_basis"
#: The fields whose text audit-cells gives (one text each: the cell a citation was read from).
_CELLS = frozenset(
    ("basis", "accountability_basis", "responsibility", "accountability", "remarks", "name")
)


@dataclass(slots=True)
class ListRows:
    """One list's counts, as its build writes it: its items and citations, the items whose basis
    cites an article, those with clauses and those whose accountability basis cites a law. Plain
    values, so a worker of ``--jobs N`` hands it back with the list's lines."""

    sourced: bool  # the list names its source file (qz:sourceFile), which most queries start at
    items: int = 0
    authorities: int = 0  # (item, authority exercising it) pairs, an authority once an item
    resolved: int = 0
    unresolved: int = 0
    without_article_basis: int = 0  # items whose basis (设定依据) cites no article
    unaccounted: int = 0  # items with clauses whose accountability basis cites no law
    cells: int = 0  # (item, field) with a citation, of the fields audit-cells reads
    exact: bool = True  # False once two items share an IRI: the engine counts the list
    _iris: set[int] = field(default_factory=set)  # hashes of the items' IRIs (a repeat: inexact)
    _clauses: set[str] = field(default_factory=set)  # the batch's items with clauses
    _batch: list[str] = field(default_factory=list)  # the batch's items
    _article: set[str] = field(default_factory=set)  # … whose basis cites an article
    _accounted: set[str] = field(default_factory=set)  # … whose accountability basis cites a law
    _cells: set[tuple[str, str]] = field(default_factory=set)  # … and (item, field) citing

    def item(self, node: str, clauses: int, authorities: int = 0) -> None:
        """A power item, how many clauses (责任事项, 追责情形) it was written with and how many
        distinct authorities exercise it."""
        key = hash(node)
        if key in self._iris:  # a hash met by chance only costs the engine's count
            self.exact = False
        self._iris.add(key)
        self.items += 1
        self.authorities += authorities
        self._batch.append(node)
        if clauses:
            self._clauses.add(node)

    def citation(self, item: str, field_key: str, resolved: bool, article: bool) -> None:
        """A citation of ``item`` in the field ``field_key``: resolved (it cites a provision)
        or not, and whether it rolls up to an article (``qz:citesArticle``)."""
        if field_key in _CELLS:
            self._cells.add((item, field_key))
        if not resolved:
            self.unresolved += 1
            return
        self.resolved += 1
        if field_key == _BASIS and article:
            self._article.add(item)
        elif field_key == _ACCOUNTABILITY_BASIS:
            self._accounted.add(item)

    def next_batch(self) -> None:
        """A batch's items and citations are told (an item's citations all come in its batch):
        count its items by what their citations are, and let them go."""
        self.without_article_basis += sum(1 for node in self._batch if node not in self._article)
        self.unaccounted += len(self._clauses - self._accounted)
        self.cells += len(self._cells)
        for batch in (self._clauses, self._article, self._accounted):
            batch.clear()
        self._cells.clear()
        self._batch.clear()

    def rows(self) -> dict[str, int] | None:
        """Rows per query counted here (``counted``), or None when the engine must count the
        list (``exact`` is False)."""
        self.next_batch()
        if not self.exact:
            return None
        return {name: COUNTED[name][1](self) for name in counted()}


def _sourced(n: int, rows: ListRows) -> int:
    """``n`` when the list names its source file (the query starts from it), else none."""
    return n if rows.sourced else 0


#: Query → (the digest of its text it was counted for, its rows for one list). Each gives one
#: row per item, citation or item meeting its condition: every other pattern it matches (a row,
#: a name, a field, a quote) is written once for each, by ``graph.build.lists`` and
#: ``graph.build.citations``.
COUNTED: dict[str, tuple[str, Callable[[ListRows], int]]] = {
    # an item's field holds one text, and a citation in it was read from that text
    "audit-cells": ("3c8fdbe8a7f0b26645fa9e99", lambda r: r.cells),
    "analysis-items": ("e2b9325ff578b0f384e09129", lambda r: _sourced(r.items, r)),
    "lists": ("3e7deff5e0803336f70f8723", lambda r: _sourced(1, r)),  # a list has one of each
    # an authority's name (skos:prefLabel) is the one its IRI is made from: one per authority
    "view-authorities": ("e47be5f8a978080ab8e9d2e1", lambda r: r.authorities),
    "view-items": ("cde236f139e15f99cad54a86", lambda r: _sourced(r.items, r)),
    "view-citations": ("2715e7ca415f2e1fc30f6033", lambda r: r.resolved),
    "unresolved-citations": ("f961602055701f4f2b97f9e8", lambda r: _sourced(r.unresolved, r)),
    "items-without-article-basis": (
        "447e3bd917283a28f0805a37",
        lambda r: _sourced(r.without_article_basis, r),
    ),
    "responsibility-without-accountability-basis": (
        "41953954bcd8ab9b68f69967",
        lambda r: _sourced(r.unaccounted, r),
    ),
}


def text_digest(text: str) -> str:
    """A digest of a query's text but its comment lines and blank space at the ends of lines:
    what its rows depend on.

    >>> text_digest("# a comment\\nSELECT ?s\\n  WHERE { ?s ?p ?o }  ") == text_digest(
    ...     "SELECT ?s\\n  WHERE { ?s ?p ?o }\\n# another")
    True
    """
    lines = (line.rstrip() for line in text.splitlines())
    kept = "\n".join(line for line in lines if line and not line.lstrip().startswith("#"))
    return hashlib.blake2b(kept.encode(), digest_size=12).hexdigest()


@cache
def counted() -> tuple[str, ...]:
    """The queries counted by list that the build counts itself: in ``COUNTED``, their text as
    it was counted for."""
    from graph.store.counting import by_list_queries
    from graph.store.query import load_query

    return tuple(
        name
        for name in by_list_queries()
        if name in COUNTED and text_digest(load_query(name)) == COUNTED[name][0]
    )


@cache
def uncounted() -> tuple[str, ...]:
    """The queries counted by list that the engine counts (``derived.list_rows``)."""
    from graph.store.counting import by_list_queries

    return tuple(name for name in by_list_queries() if name not in counted())


def facts(rows: Mapping[str, int]) -> Facts:
    """A list's rows per query as the derived facts keep them (``LIST_ROWS``), to be summed."""
    counted = Facts()
    for name, n in rows.items():
        counted.rows[LIST_ROWS.name][(ox.Literal(name),)] = [n]
    return counted
