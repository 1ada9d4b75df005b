"""Which list graphs hold rows of a query whose answer comes list by list, kept per list by the
builds (``derived.LIST_HOLDS``), so that its first page asks those lists alone.

``quanze query`` asks such a query a few lists at a time in the answer's order
(``graph.store.pages``); where the answer is empty or sparse, every list before the first holding
a row is asked for nothing: at 1M items (3,334 lists) ``unresolved-citations`` took 22 s to say
it has no row, three others over 5 s. The builds already count, per list, the rows of the
queries counted by list (``graph.build.listrows``, or the engine: ``derived.list_rows``) and, per
list and law, the rows before the laws' titles of those counted by law (``derived.Collector``);
kept per list graph as well as summed, they say which lists hold rows. A list graph is replaced
whole by a rebuild (its part taken away and the new one added, as every derived fact is), and a
store counted afresh counts every list again, so the lists kept are those holding rows now.

For a query counted by law the rows of a list before the titles are an upper bound: a list
holding none holds no row whatever titles its laws are given, so ``quanze laws import`` leaves
the lists kept right (it may only leave a list kept whose rows' laws have no title, asked for
nothing).
"""

from __future__ import annotations

from collections.abc import Mapping

import pyoxigraph as ox

from graph.build.derived import LAW_ROWS, LIST_HOLDS, Collector, Facts
from graph.store.holding import by_law, kept_queries


def of_rows(graph: str, rows: Mapping[str, int]) -> Facts:
    """The list graph ``graph``'s part of ``LIST_HOLDS`` from its rows per query counted by
    list (``graph.build.listrows``' or the engine's)."""
    facts = Facts()
    node = ox.NamedNode(graph)
    for name, n in rows.items():
        if name in kept_queries():
            facts.rows[LIST_HOLDS.name][(ox.Literal(name), node)][0] += n
    return facts


def of_laws(graph: str, collector: Collector) -> Facts:
    """The list graph ``graph``'s part of ``LIST_HOLDS`` for the queries counted by law: its
    rows before the titles, summed over the laws (read before ``collector`` folds them)."""
    facts = Facts()
    node = ox.NamedNode(graph)
    for name, count in by_law().items():
        column = LAW_ROWS.counts.index(count)
        rows = sum(counts[column] for counts in collector.by_law.values())
        facts.rows[LIST_HOLDS.name][(ox.Literal(name), node)][0] += rows
    return facts
