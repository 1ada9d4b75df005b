"""Verifies a store (``quanze check``): reads all of it, every index, and compares what its list
graphs hold with the build's own record (``graph.build.record``) and its tallies with the lists'
citations (``graph.build.tally``).

A full read, not a look at one index: Oxigraph keeps each quad in several RocksDB indexes
(subject-, predicate-, object- and graph-first), and a damaged file of one of them goes unnoticed
by a read through another (an overwritten block of the subject-first index was read by no query
that binds no subject). So every quad is read through each index: all graphs through the
graph-first ones, then each subject, predicate and object through theirs, and the counts must
agree. That is some ten times the work of one scan, and the distinct terms of the store are held
in memory while it runs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from graph.build import tally
from graph.build.record import Record, list_graphs
from graph.iri import Iris, unsegment


@dataclass(slots=True)
class Verdict:
    """What ``check_store`` found: the problems (one line each), and what it read."""

    problems: list[str] = field(default_factory=list)
    lists: int = 0
    quads: int = 0

    @property
    def ok(self) -> bool:
        """True when nothing is wrong."""
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        """The verdict as JSON-ready keys."""
        return {"ok": self.ok, "lists": self.lists, "quads": self.quads, "problems": self.problems}

    def summary(self) -> str:
        """One line: what was read and whether it is right."""
        state = "fine" if self.ok else f"{len(self.problems)} problem(s)"
        return f"{self.lists} list(s), {self.quads} quads read in full: {state}"


class _Damaged(Exception):
    """A read the store could not do; the message says which."""


def _count(store: ox.Store, pattern: list[Any], what: str) -> int:
    """The quads of ``pattern`` (one term bound, maybe a graph), read through the index that
    begins with that term. A lookup by an integer object can give other integers too
    (pyoxigraph 0.5.13 gives the quads with "516" for "511"): only those with the term count."""
    position, term = next((n, t) for n, t in enumerate(pattern[:3]) if t is not None)
    try:
        return sum(1 for quad in store.quads_for_pattern(*pattern) if quad[position] == term)
    except (OSError, RuntimeError, ValueError) as failure:
        raise _Damaged(f"the store is damaged: reading {what} failed: {failure}") from failure


def check_store(store: ox.Store, *, base: str | None = None) -> Verdict:
    """Check ``store`` in full; see the module's docstring."""
    iris = Iris(base) if base else Iris()
    verdict = Verdict()
    try:
        _read_everything(store, verdict, iris)
    except _Damaged as damage:
        verdict.problems.append(str(damage))
    return verdict


def _read_everything(store: ox.Store, verdict: Verdict, iris: Iris) -> None:
    """The full read, then the record and tallies against what was read."""
    try:
        graphs = list(store.named_graphs())
    except (OSError, RuntimeError) as failure:
        raise _Damaged(f"the store is damaged: its graphs cannot be listed: {failure}") from failure
    lists = list_graphs(store, iris)
    verdict.lists = len(lists)
    sizes: Counter[str] = Counter()
    everywhere: tuple[set[Any], set[Any], set[Any]] = (set(), set(), set())
    for graph in [ox.DefaultGraph(), *graphs]:
        name = graph.value if isinstance(graph, ox.NamedNode) else "the default graph"
        here: tuple[set[Any], set[Any], set[Any]] = (set(), set(), set())
        try:
            for quad in store.quads_for_pattern(None, None, None, graph):
                sizes[name] += 1
                for terms, term in zip(
                    here, (quad.subject, quad.predicate, quad.object), strict=True
                ):
                    terms.add(term)
        except (OSError, RuntimeError, ValueError) as failure:
            raise _Damaged(f"the store is damaged: reading {name} failed: {failure}") from failure
        for position in (1, 2):  # the graph-first indexes by predicate and by object
            _agree(store, here[position], position, graph, sizes[name], f"graph {name}", verdict)
        for terms, own in zip(everywhere, here, strict=True):
            terms |= own
    verdict.quads = sum(sizes.values())
    for position in (0, 1, 2):  # the indexes that begin with the subject, predicate, object
        _agree(store, everywhere[position], position, None, verdict.quads, "the store", verdict)
    names = {g.value for g in graphs if isinstance(g, ox.NamedNode)}
    _compare_with_record(store, verdict, iris, lists, sizes, names)


_POSITIONS = ("subject", "predicate", "object")


def _agree(
    store: ox.Store,
    terms: Iterable[Any],
    position: int,
    graph: Any,
    expected: int,
    where: str,
    verdict: Verdict,
) -> None:
    """Read ``where`` again through the index that begins with each of ``terms`` in
    ``position``; the quads must be as many as ``expected``."""
    read = 0
    label = _POSITIONS[position]
    for term in terms:
        pattern: list[Any] = [None, None, None, graph]
        pattern[position] = term
        read += _count(store, pattern, f"{where} by {label}")
    if read != expected:
        verdict.problems.append(
            f"the store is damaged: {where} holds {expected} quads, read by {label} {read}"
        )


def _compare_with_record(
    store: ox.Store,
    verdict: Verdict,
    iris: Iris,
    lists: list[str],
    sizes: Counter[str],
    names: set[str],
) -> None:
    """Each list graph against its record; unknown graphs; the tallies against the citations."""
    from graph.analytics.enrich import analysis_graph  # (networkx and jieba load on first use)

    record = Record.read(store, iris)
    prefix = iris.list_graphs()
    if not record.exists and lists:
        verdict.problems.append(
            "no build record: the store was made before quanze recorded its builds; "
            "build it again to record it"
        )
    else:
        for graph in lists:
            list_id = unsegment(graph[len(prefix) :])
            entry = record.entries.get(graph)
            if entry is None:
                verdict.problems.append(
                    f"list {list_id}: not recorded: a build stopped before this list was "
                    "committed; it may be incomplete (build its file again)"
                )
            elif entry.quads != sizes[graph]:
                verdict.problems.append(
                    f"list {list_id}: holds {sizes[graph]} quads, its build recorded "
                    f"{entry.quads}: a rebuild stopped part-way or the store was changed "
                    "(build its file again)"
                )
        for graph in sorted(set(record.entries) - names):
            verdict.problems.append(
                f"list {unsegment(graph[len(prefix) :])}: recorded but not in the store "
                "(removed by an update; the next build forgets it)"
            )
    known = {
        iris.shared_graph(),
        iris.tally_graph(),
        iris.derived_graph(),
        iris.record_graph(),
        iris.ontology_graph(),
        analysis_graph(iris.base),
        iris.law_record_graph(),
        iris.text_links_graph(),
    }
    for name in sorted(names - known):
        own = name.startswith(prefix) or name.startswith(iris.law_graphs())
        if name.startswith(f"{iris.base}graph/") and not own:
            verdict.problems.append(f"graph {name}: not a graph quanze writes (a leftover?)")
    _compare_tallies(store, verdict, iris, bool(lists))


def _compare_tallies(store: ox.Store, verdict: Verdict, iris: Iris, has_lists: bool) -> None:
    """The tally graph against the tallies counted afresh from the list graphs."""
    kept = tally.take(store, iris)
    if kept is None:
        if has_lists:
            verdict.problems.append(
                "tallies: no tally graph (a build stopped while counting them); the next build "
                "counts them afresh"
            )
        return
    counted = tally.recount(store, iris)
    rows = {t: tuple(c) for t, c in kept.rows.items() if c[1] > 0}
    fresh = {t: tuple(c) for t, c in counted.rows.items() if c[1] > 0}
    wrong = sorted(t for t in rows.keys() | fresh.keys() if rows.get(t) != fresh.get(t))
    if wrong:
        first = wrong[0]
        verdict.problems.append(
            f"tallies: {len(wrong)} law(s) or article(s) counted wrong, e.g. {first}: kept "
            f"{rows.get(first, (0, 0, 0))}, counted {fresh.get(first, (0, 0, 0))} (items, "
            "citations, lists); drop the tally graph and build again to count them afresh"
        )
