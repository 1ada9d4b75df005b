"""Builds the store from power lists and their citations: each list into its own named graph,
which a rebuild replaces whole, so building the same input twice gives the same (isomorphic)
store. Laws, provisions and authorities a list mentions are written into that list's graph too:
every list graph stands on its own, and queries read the union.

A list is written by ``graph.build.lists`` (the list, its items, their cells and authorities), its
citations by ``graph.build.citations`` (the laws, provisions and versions they cite), both as
N-Quads lines (``graph.build.quads``), which ``graph.store.load`` hands to Oxigraph's parser as
they are made: in one transaction when small, else in one bulk load. This module is the driver:
one list at a time, the tallies kept, the report made, the ontology (re)loaded.

A list's own graph goes to the loader in chunks of ``CHUNK_LINES`` lines as it is written, not
whole: one 200 k-item list is 11 M lines, which held whole and joined took 7.8 GB. A list of one
chunk is written whole before the graph it replaces is removed; a longer one replaces it as its
first chunk goes, and is taken out again if it fails part-way (no half list in the store).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import suppress
from itertools import chain

import pyoxigraph as ox

from extractors.models import CellCitation, PowerList
from extractors.report import Building, FileReport, Reading, Report
from graph.build import tally
from graph.build.citations import CitationWriter
from graph.build.lists import ListWriter, list_id_of
from graph.errors import BuildError
from graph.iri import DEFAULT_BASE, Iris
from graph.store import load
from ontology import ONTOLOGY_PATH

#: A list and its cell citations, as the build takes them.
Cited = tuple[PowerList, Iterable[CellCitation]]


def in_store_order(sources: Sequence[str], *, base: str = DEFAULT_BASE) -> list[int]:
    """Positions in ``sources`` (list files, as ``PowerList.source``), in the order the store keys
    the lists' graphs: a large build given its lists in this order leaves a third of the store's
    indexes out of the merge that ends it (``graph.store.load``)."""
    iris = Iris(base)
    return load.store_order([iris.list_graph(list_id_of(source)) for source in sources])


#: Lines of a list's own graph handed to the store at a time (some 6 MB): a larger list is
#: written and loaded in chunks of about this size, so its build holds one chunk, not the list.
CHUNK_LINES = 20_000


class _Built:
    """One list being written: its graph's lines in chunks, its part of the shared graph, what it
    cites. The report and the counts are whole once ``chunks`` is used up."""

    def __init__(self, power_list: PowerList, citations: Iterable[CellCitation], iris: Iris):
        self.written = ListWriter(power_list, iris)
        self.cited = CitationWriter(self.written)
        self.citations = citations

    def chunks(self) -> Iterator[list[bytes]]:
        """The lines of the list's own graph, about ``CHUNK_LINES`` at a time, as they are
        written: the list, then its citations (consumed as they come); the last may be empty."""
        g = self.written.g
        for _ in chain(self.written.write(), self.cited.write(self.citations)):
            if len(g.lines) >= CHUNK_LINES:
                yield g.take()
        yield g.take()

    def report(self) -> FileReport:
        """The list's report: reading and extraction counts, and what the build wrote."""
        written = self.written
        building = Building(
            list_id=written.list_id,
            graph=written.g.name,
            triples=written.g.count + len(written.shared.lines),
            unmapped=tuple(written.unmapped),
        )
        return FileReport(
            written.list.source,
            reading=Reading.of(written.list),
            extraction=self.cited.extraction(),
            building=building,
        )


def list_quads(
    power_list: PowerList, citations: Iterable[CellCitation], *, base: str = DEFAULT_BASE
) -> tuple[list[ox.Quad], FileReport]:
    """The quads one list contributes (its own graph and its part of the shared graph) and its
    report, without touching a store."""
    built = _Built(power_list, citations, Iris(base))
    own = b"".join(line for chunk in built.chunks() for line in chunk)
    data = own + b"".join(built.written.shared.lines)
    return list(ox.parse(data, format=ox.RdfFormat.N_QUADS)), built.report()


def build_graph(
    lists: Iterable[PowerList],
    store: ox.Store,
    *,
    citations: Iterable[CellCitation] | None = None,
    base: str = DEFAULT_BASE,
) -> Report:
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


def build_cited(pairs: Iterable[Cited], store: ox.Store, *, base: str = DEFAULT_BASE) -> Report:
    """``build_graph`` for lists that come with their own cell citations, one pair at a time, so
    a build of any size holds one list in memory, not all of them.

    Keeps the citation tallies (``graph.build.tally``) up to date: each list's counts are added and
    those of the graph it replaces taken away.
    """
    iris = Iris(base)
    tallies = tally.take(store, iris)  # None: an older store, counted afresh at the end
    reports: list[FileReport] = []
    sent = load.Seen()  # shared-graph lines already handed to the store

    partial: list[ox.NamedNode] = []  # the graph of a list part of which went to the store

    def documents() -> Iterator[load.Document]:
        for built in _built(pairs, iris):
            written = built.written
            graph = ox.NamedNode(written.g.name)
            chunks = built.chunks()
            # the first two chunks made before the old graph goes: a list of one chunk (the
            # second is None) is then written whole, as a failure while writing it leaves the
            # old graph; a longer one replaces the old graph as its first chunk goes
            pending, following = next(chunks), next(chunks, None)
            if store.contains_named_graph(graph):
                if tallies is not None:
                    tallies.add_list(tally.list_counts(store, written.g.name), sign=-1)
                store.remove_graph(graph)
            if following is not None:
                partial.append(graph)
                for n, chunk in enumerate(chain([following], chunks)):
                    yield load.Document(b"".join(pending), len(pending), continued=n > 0)
                    pending = chunk
            if tallies is not None:
                tallies.add_list(built.cited.counts())
            reports.append(built.report())
            fresh = sent.fresh(written.shared.lines)
            yield load.Document(
                b"".join(pending),
                len(pending),
                b"".join(fresh),
                len(fresh),
                continued=following is not None,
            )
            partial.clear()

    try:
        load.load(store, documents())
    except BaseException:
        # the lists made before the failure are in the store, but a failure (Ctrl-C) between a
        # list's counts and its load would leave the kept counts off: count afresh
        tallies = None
        # a list that failed part-way through its chunks leaves no half graph behind, unless
        # the store cannot even take that (a full disk): the first failure is the one to tell
        for graph in partial:
            with suppress(OSError, RuntimeError):
                store.remove_graph(graph)
        raise
    finally:
        tally.put(store, tally.recount(store, iris) if tallies is None else tallies, iris)
    load_ontology_graph(store, iris)
    return Report(tuple(reports))


def _built(pairs: Iterable[Cited], iris: Iris) -> Iterator[_Built]:
    """Each list to be built (its graph, its part of the shared graph, its report and counts)."""
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
        yield _Built(power_list, cited, iris)


def load_ontology_graph(store: ox.Store, iris: Iris | None = None) -> int:
    """Replace the ontology graph of ``store`` with quanze.ttl; returns its triple count."""
    graph = ox.NamedNode((iris or Iris()).ontology_graph())
    store.remove_graph(graph)
    store.load(path=str(ONTOLOGY_PATH), format=ox.RdfFormat.TURTLE, to_graph=graph)
    return sum(1 for _ in store.quads_for_pattern(None, None, None, graph))
