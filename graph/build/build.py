"""Builds the store from power lists and their citations: each list into its own named graph,
which a rebuild replaces whole, so building the same input twice gives the same (isomorphic)
store. Laws, provisions and authorities a list mentions are written into that list's graph too:
every list graph stands on its own, and queries read the union.

A list is written by ``graph.build.lists`` (the list, its items, their cells and authorities), its
citations by ``graph.build.citations`` (the laws, provisions and versions they cite), both as
N-Quads lines (``graph.build.quads``), which ``graph.store.load`` hands to Oxigraph's parser as
they are made: in one transaction when small, else in one bulk load. This module is the driver:
one list at a time, the tallies kept, the report made, the ontology (re)loaded.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

import pyoxigraph as ox

from extractors.models import CellCitation, PowerList
from graph.build import tally
from graph.build.citations import CitationWriter
from graph.build.lists import ListWriter, list_id_of
from graph.errors import BuildError
from graph.iri import DEFAULT_BASE, Iris
from graph.store import load
from ontology import ONTOLOGY_PATH

#: A list and its cell citations, as the build takes them.
Cited = tuple[PowerList, Iterable[CellCitation]]


@dataclass(frozen=True, slots=True)
class ListReport:
    """What the build made of one list."""

    list_id: str
    source: str
    graph: str
    items: int
    citations: int
    unresolved: int
    rejects: int
    anomalies: int
    triples: int
    unmapped: tuple[
        tuple[str, str], ...
    ] = ()  # (what, value as written), e.g. ("power type", "备案")

    def to_json(self) -> dict[str, Any]:
        """The counts as a JSON-ready dict."""
        return {
            "list": self.list_id,
            "source": self.source,
            "graph": self.graph,
            "items": self.items,
            "citations": self.citations,
            "unresolved": self.unresolved,
            "rejects": self.rejects,
            "anomalies": self.anomalies,
            "triples": self.triples,
            "unmapped": [{"what": w, "value": v} for w, v in self.unmapped],
        }


@dataclass(frozen=True, slots=True)
class BuildReport:
    """Totals and per-list counts of one build; ``triples`` counts the list graphs only.

    What the whole store holds is not counted: Oxigraph counts by reading an entire index, which
    grows with the store, not with the build (``len(store)`` when it is wanted).
    """

    lists: tuple[ListReport, ...]
    ontology_triples: int = 0

    @property
    def items(self) -> int:
        """Power items built."""
        return sum(r.items for r in self.lists)

    @property
    def citations(self) -> int:
        """Citations built, unresolved ones included."""
        return sum(r.citations for r in self.lists)

    @property
    def unresolved(self) -> int:
        """Citations with no law in reach."""
        return sum(r.unresolved for r in self.lists)

    @property
    def rejects(self) -> int:
        """Stretches of input kept as rejects."""
        return sum(r.rejects for r in self.lists)

    @property
    def triples(self) -> int:
        """Triples written into the list graphs."""
        return sum(r.triples for r in self.lists)

    def summary(self) -> str:
        """A few human-readable lines (what ``quanze build`` prints on stderr)."""
        lines = [
            f"{len(self.lists)} list(s): {self.items} items, {self.citations} citations "
            f"({self.unresolved} unresolved), {self.rejects} rejects, {self.triples} triples"
        ]
        for r in self.lists:
            lines.append(
                f"  {r.source}: {r.items} items, {r.citations} citations ({r.unresolved} "
                f"unresolved), {r.rejects} rejects, {r.anomalies} anomalies, {r.triples} triples"
            )
            counts = Counter(r.unmapped)
            for (what, value), n in sorted(counts.items()):
                lines.append(f"    unmapped {what} {value!r} ×{n}")
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        """The report as a JSON-ready dict."""
        return {
            "items": self.items,
            "citations": self.citations,
            "unresolved": self.unresolved,
            "rejects": self.rejects,
            "triples": self.triples,
            "ontology_triples": self.ontology_triples,
            "lists": [r.to_json() for r in self.lists],
        }


def in_store_order(sources: Sequence[str], *, base: str = DEFAULT_BASE) -> list[int]:
    """Positions in ``sources`` (list files, as ``PowerList.source``), in the order the store keys
    the lists' graphs: a large build given its lists in this order leaves a third of the store's
    indexes out of the merge that ends it (``graph.store.load``)."""
    iris = Iris(base)
    return load.store_order([iris.list_graph(list_id_of(source)) for source in sources])


@dataclass(frozen=True, slots=True)
class _Built:
    """One list written: its graph's lines, its part of the shared graph, what it cites."""

    written: ListWriter
    cited: CitationWriter

    def report(self) -> ListReport:
        """What the build made of the list."""
        written, cited = self.written, self.cited
        return ListReport(
            list_id=written.list_id,
            source=written.list.source,
            graph=written.g.name,
            items=len(written.list.items),
            citations=cited.citations,
            unresolved=cited.unresolved,
            rejects=len(written.list.rejects),
            anomalies=sum(len(item.anomalies) for item in written.list.items),
            triples=len(written.g.lines) + len(written.shared.lines),
            unmapped=tuple(written.unmapped),
        )


def build_list(power_list: PowerList, citations: Iterable[CellCitation], iris: Iris) -> _Built:
    """Write one list and then its citations (consumed as they come)."""
    written = ListWriter(power_list, iris)
    written.write()
    cited = CitationWriter(written)
    cited.write(citations)
    return _Built(written, cited)


def list_quads(
    power_list: PowerList, citations: Iterable[CellCitation], *, base: str = DEFAULT_BASE
) -> tuple[list[ox.Quad], ListReport]:
    """The quads one list contributes (its own graph and its part of the shared graph) and its
    report, without touching a store."""
    built = build_list(power_list, citations, Iris(base))
    data = b"".join(chain(built.written.g.lines, built.written.shared.lines))
    return list(ox.parse(data, format=ox.RdfFormat.N_QUADS)), built.report()


def build_graph(
    lists: Iterable[PowerList],
    store: ox.Store,
    *,
    citations: Iterable[CellCitation] | None = None,
    base: str = DEFAULT_BASE,
) -> BuildReport:
    """Write each list (with its citations) into its own named graph of ``store``, replacing what
    an earlier build of the same list wrote; also (re)load the ontology into its own graph.

    ``citations`` are the cell citations of all the lists, matched to a list by ``source``; when
    None each list's are extracted as it is built (``extractors.cite_items``). Two lists with the
    same id (file name without directory and extension) in one build are refused: they would
    share a graph. ``build_cited`` takes each list with its own citations.
    """
    if citations is None:
        from extractors import cite_items

        return build_cited(((plist, cite_items(plist.items)) for plist in lists), store, base=base)
    by_source: dict[str, list[CellCitation]] = defaultdict(list)
    for cc in citations:
        by_source[cc.source].append(cc)
    pairs = ((power_list, by_source.pop(power_list.source, [])) for power_list in lists)
    report = build_cited(pairs, store, base=base)
    if by_source:
        raise BuildError(
            "citations given for sources that are not among the lists: "
            + ", ".join(sorted(by_source))
        )
    return report


def build_cited(
    pairs: Iterable[Cited], store: ox.Store, *, base: str = DEFAULT_BASE
) -> BuildReport:
    """``build_graph`` for lists that come with their own cell citations, one pair at a time, so
    a build of any size holds one list in memory, not all of them.

    Keeps the citation tallies (``graph.build.tally``) up to date: each list's counts are added and
    those of the graph it replaces taken away.
    """
    iris = Iris(base)
    tallies = tally.take(store, iris)  # None: an older store, counted afresh at the end
    reports: list[ListReport] = []
    sent = load.Seen()  # shared-graph lines already handed to the store

    def documents() -> Iterator[load.Document]:
        for built in _built(pairs, iris):
            written = built.written
            graph = ox.NamedNode(written.g.name)
            if store.contains_named_graph(graph):
                if tallies is not None:
                    tallies.add_list(tally.list_counts(store, written.g.name), sign=-1)
                store.remove_graph(graph)
            if tallies is not None:
                tallies.add_list(built.cited.counts())
            reports.append(built.report())
            fresh = sent.fresh(written.shared.lines)
            own = written.g.lines
            yield load.Document(b"".join(own), len(own), b"".join(fresh), len(fresh))

    try:
        load.load(store, documents())
    except BaseException:
        # the lists made before the failure are in the store, but a failure (Ctrl-C) between a
        # list's counts and its load would leave the kept counts off: count afresh
        tallies = None
        raise
    finally:
        tally.put(store, tally.recount(store, iris) if tallies is None else tallies, iris)
    ontology_triples = load_ontology_graph(store, iris)
    return BuildReport(tuple(reports), ontology_triples)


def _built(pairs: Iterable[Cited], iris: Iris) -> Iterator[_Built]:
    """Each list built (its graph, its part of the shared graph, its report and counts)."""
    seen: dict[str, str] = {}
    for power_list, cited in pairs:
        if power_list.source in seen.values():
            raise BuildError(f"{power_list.source}: the same list was given twice in one build")
        list_id = list_id_of(power_list.source)
        if list_id in seen:
            raise BuildError(
                f"{power_list.source}: has the same list id {list_id!r} as {seen[list_id]}; "
                "rename one of the files"
            )
        seen[list_id] = power_list.source
        yield build_list(power_list, cited, iris)


def load_ontology_graph(store: ox.Store, iris: Iris | None = None) -> int:
    """Replace the ontology graph of ``store`` with quanze.ttl; returns its triple count."""
    graph = ox.NamedNode((iris or Iris()).ontology_graph())
    store.remove_graph(graph)
    store.load(path=str(ONTOLOGY_PATH), format=ox.RdfFormat.TURTLE, to_graph=graph)
    return sum(1 for _ in store.quads_for_pattern(None, None, None, graph))
