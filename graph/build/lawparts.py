"""Per law, the rows of the queries over the laws' structure, counted by the engine when a build
or ``quanze laws import`` may have changed them, so that their count is one sum read.

``view-provisions`` (the subdivisions of every law) and ``audit-provisions`` (the levels of every
cited provision) read the shared graph and the imported laws' graphs, made DISTINCT over the union:
their rows are no list's, and are not a sum of the lists' parts (two lists citing one article give
its rows once). Counting them took the engine over 5 s at 100 k items. Each row is of one law (a
provision is part of one law: its IRI is the law's and more, ``graph/iri.py``), and a law's rows
change only when a list citing it is built (the shared graph gains its provisions, the cited ones
change), rebuilt or removed, or when its text is imported. So the derived graph keeps each law's
rows (``LAW_PARTS``), counted again for the laws the lists a build writes cite now or cited before
(``touched``), for every law when the store is counted afresh (a list removed by hand, a store
built before) and after ``quanze laws import`` (``derived.refresh``); a law no row is of any longer
is left out. ``quanze query NAME --count`` sums them (``# counted: per-law NAME``,
``graph.store.counting``).
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from graph.build.derived import LAW_PARTS, Facts

#: Per count of ``LAW_PARTS``, its query (which has ``?law``, the law each row is of).
QUERIES = {"provisions": "view-provisions", "cited": "audit-provisions"}
_ALL = "SELECT DISTINCT ?law WHERE { ?law a <http://data.europa.eu/eli/ontology#LegalResource> }"


def count(store: ox.Store, facts: Facts, laws: Iterable[str] | None = None) -> None:
    """Count again in ``facts`` the rows of ``laws`` (every law in the store when None)."""
    from graph.store.counting import grouped_form
    from graph.store.query import inline_bindings, load_query, run_query

    if laws is None:
        laws = {row["law"].value for row in run_query(store, _ALL).rows}  # type: ignore[union-attr]
    nodes = tuple(ox.NamedNode(law) for law in sorted(set(laws)))
    if not nodes:
        return
    rows = facts.rows[LAW_PARTS.name]
    for node in nodes:
        rows.pop((node,), None)
    for column, name in enumerate(LAW_PARTS.counts):
        text = inline_bindings(load_query(QUERIES[name]), {"law": nodes})
        for row in run_query(store, grouped_form(text, "law")).rows:
            law, n = row["law"], row["rows"]
            if isinstance(law, ox.NamedNode) and isinstance(n, ox.Literal):
                rows[(law,)][column] = int(n.value)
