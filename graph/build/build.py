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
whole: one 200 k-item list is 11 M lines, which held whole and joined took 7.8 GB. Its new quads
go in beside its old ones, and the commit (``graph.build.commit``) then removes the old ones the
new build no longer has, so a list is never removed before its replacement is in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any, NamedTuple, Protocol, cast

import pyoxigraph as ox

from extractors.errors import QuanzeError
from extractors.models import CellCitation, PowerItem, PowerList
from extractors.report import Building, FileReport, Reading, Report
from graph.build import derived, lawparts, lawrows, listholds, listrows, tally
from graph.build.citations import CitationWriter
from graph.build.commit import replace_graphs
from graph.build.identity import ListIds, content_digest
from graph.build.lists import ListWriter
from graph.build.packed import pack, unpack
from graph.build.quadhashes import QuadHashes
from graph.build.record import Entry, Record, graph_size, lines_digest, list_graphs
from graph.errors import BuildError, BuildInterruptedError, LoadError
from graph.iri import DEFAULT_BASE, Iris
from graph.store import load
from ontology import ONTOLOGY_PATH


class Batched(NamedTuple):
    """A list read in batches (``extractors.reading.stream``), as the build takes it: ``head``
    is the list but for its items, which come in ``batches``, each with its cell citations;
    its report's reading part, its content digest (``graph.build.identity``) and its path."""

    head: PowerList
    batches: Iterable[tuple[Sequence[PowerItem], Iterable[CellCitation]]]
    reading: Reading
    digest: str
    path: str

    def writing(self, iris: Iris, list_id: str) -> _Built:
        """The list's lines, made here as the load takes them."""
        return _Built(self, iris, list_id)


class Writing(Protocol):
    """One list's lines as the load takes them: made in this process (``_Built``) or made before
    in a worker process (``graph.build.parallel``)."""

    graph: str
    list_id: str
    source: str

    def chunks(self) -> Iterator[list[bytes]]: ...
    def lines(self) -> int: ...
    def shared(self) -> list[bytes]: ...
    def counts(self) -> dict[str, tuple[int, int]]: ...
    def collected(self) -> derived.Collector: ...
    def rows(self) -> dict[str, int] | None: ...
    def report(self) -> FileReport: ...


class Made(Protocol):
    """A list as the build takes it, read and counted: its head, reading, digest and path tell
    the build whether it is a duplicate, ``writing`` gives its lines under the id it is given."""

    @property
    def head(self) -> PowerList: ...
    @property
    def reading(self) -> Reading: ...
    @property
    def digest(self) -> str: ...
    @property
    def path(self) -> str: ...
    def writing(self, iris: Iris, list_id: str) -> Writing: ...


#: A list and its cell citations, as the build takes them, optionally with the path of its file
#: (which tells apart files of the same name, ``graph.build.identity``; else its ``source``); or
#: a list in batches.
Cited = (
    tuple[PowerList, Iterable[CellCitation]]
    | tuple[PowerList, Iterable[CellCitation], str]
    | Batched
    | Made
)


def in_store_order(
    sources: Sequence[str], *, base: str = DEFAULT_BASE, ids: ListIds | None = None
) -> list[int]:
    """Positions in ``sources`` (list files, as ``PowerList.source`` or paths), in the order the
    store keys the lists' graphs: a large build given its lists in this order leaves a third of
    the store's indexes out of the merge that ends it (``graph.store.load``). ``ids`` names the
    lists as the build will (each file's stem when not given)."""
    iris = Iris(base)
    ids = ids or ListIds()
    if not ids.given:
        ids.plan(sources)
    return load.store_order([iris.list_graph(ids.assign(source)) for source in sources])


#: Lines of a list's own graph handed to the store at a time (some 6 MB): a larger list is
#: written and loaded in chunks of about this size, so its build holds one chunk, not the list.
CHUNK_LINES = 20_000


class _Built:
    """One list being written: its graph's lines in chunks, its part of the shared graph, what it
    cites. The report and the counts are whole once ``chunks`` is used up."""

    def __init__(self, source: Batched, iris: Iris, list_id: str | None = None):
        self.written = ListWriter(source.head, iris, list_id)
        self.cited = CitationWriter(self.written)
        self.batches = source.batches
        self.reading = source.reading
        self.graph = self.written.g.name
        self.list_id = self.written.list_id
        self.source = self.written.list.source

    def lines(self) -> int:
        """The lines of the list's own graph (whole once ``chunks`` is used up)."""
        return self.written.g.count

    def shared(self) -> list[bytes]:
        """The list's lines of the shared graph (whole once ``chunks`` is used up)."""
        return list(self.written.shared.lines)

    def counts(self) -> dict[str, tuple[int, int]]:
        """What the list cites, as the tallies count it."""
        return self.cited.counts()

    def collected(self) -> derived.Collector:
        """The list's part of the derived facts (whole once ``chunks`` is used up)."""
        return self.written.derived

    def rows(self) -> dict[str, int] | None:
        """The rows of the queries counted by list, for the list (``graph.build.listrows``;
        None: the engine counts them; whole once ``chunks`` is used up)."""
        return self.written.rows.rows()

    def chunks(self) -> Iterator[list[bytes]]:
        """The lines of the list's own graph, about ``CHUNK_LINES`` at a time, as they are
        written: the list, then batch by batch its items and their citations (consumed as they
        come), each batch let go before the next is read; the last may be empty."""
        g, written, cited = self.written.g, self.written, self.cited
        for n, (items, citations) in enumerate(self.batches):
            writing = written.write(items) if n == 0 else written.write_items(items)
            for _ in chain(writing, cited.write(citations)):
                if len(g.lines) >= CHUNK_LINES:
                    yield g.take()
            cited.next_batch()
            g.next_batch()
            del items, citations, writing
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
            reading=self.reading,
            extraction=self.cited.extraction(),
            building=building,
        )


def _whole(power_list: PowerList, citations: Iterable[CellCitation], path: str) -> Batched:
    """A list read whole as one batch."""
    batches = [(power_list.items, citations)]
    return Batched(power_list, batches, Reading.of(power_list), content_digest(power_list), path)


def list_quads(
    power_list: PowerList, citations: Iterable[CellCitation], *, base: str = DEFAULT_BASE
) -> tuple[list[ox.Quad], FileReport]:
    """The quads one list contributes (its own graph and its part of the shared graph) and its
    report, without touching a store."""
    built = _Built(_whole(power_list, citations, power_list.source), Iris(base))
    own = b"".join(line for chunk in built.chunks() for line in chunk)
    data = own + b"".join(built.written.shared.lines)
    return list(ox.parse(data, format=ox.RdfFormat.N_QUADS)), built.report()


def build_graph(
    lists: Iterable[PowerList],
    store: ox.Store,
    *,
    citations: Iterable[CellCitation] | None = None,
    base: str = DEFAULT_BASE,
    warn: Callable[[str], None] | None = None,
) -> Report:
    """Write each list (with its citations) into its own named graph of ``store``, replacing what
    an earlier build of the same list wrote; also (re)load the ontology into its own graph.

    ``citations`` are the cell citations of all the lists, matched to a list by ``source``; when
    None each list's are extracted as it is built (``extractors.cite_items``). Lists are named
    as ``graph.build.identity`` says (their ``source`` as path); ``build_cited`` takes each list
    with its own citations.
    """
    if citations is None:
        from extractors import cite_items
        from extractors.citing.in_force import list_date

        return build_cited(
            (
                (plist, cite_items(plist.items, plist.meta.region, list_date(plist.meta)))
                for plist in lists
            ),
            store,
            base=base,
            warn=warn,
        )
    by_source: dict[str, list[CellCitation]] = defaultdict(list)
    for cc in citations:
        by_source[cc.source].append(cc)
    pairs = ((power_list, by_source.pop(power_list.source, [])) for power_list in lists)
    report = build_cited(pairs, store, base=base, warn=warn)
    if by_source:
        raise BuildError(
            "citations given for sources that are not among the lists: "
            + ", ".join(sorted(by_source))
        )
    return report


@dataclass(slots=True)
class _Pending:
    """A list whose new quads were handed to the store, to be made current by the commit: its
    record, the old quads to remove, and what it cites now and (when its old graph was as
    recorded) before; ``dirty`` when its old graph was not as recorded."""

    graph: str
    list_id: str
    entry: Entry
    stale: list[ox.Quad]
    cites: dict[str, tuple[int, int]]
    #: the list's ``derived.Collector`` once folded, packed (``graph.build.packed``): what is
    #: left of it needs the store to name it, and held as it is grew with the build
    collected: bytes
    cited: dict[str, tuple[int, int]] | None = None
    facts: derived.Facts | None = None  # the old graph's derived facts (when ``cited`` is)
    dirty: bool = False
    #: the queries counted by list whose rows the engine counts once the list is current (those
    #: ``graph.build.listrows`` does not count, or all of them when it cannot)
    uncounted: tuple[str, ...] = ()
    #: irregular (``graph.build.irregular``): its rows per law the engine counts once it is
    #: current (``graph.build.lawrows``)
    odd: bool = False


@dataclass(slots=True)
class _Build:
    """The state of one build: the store's record and tallies, the lists loaded and not yet
    committed. Nothing here changes until the commit, so a build stopped anywhere before it
    (Ctrl-C while a list is made) leaves the record and tallies as the store holds them."""

    store: ox.Store
    iris: Iris
    record: Record
    tallies: tally.Tally | None
    facts: derived.Facts | None
    pending: list[_Pending] = field(default_factory=list)
    committed: list[str] = field(default_factory=list)
    #: the graph of a new list whose chunks are being sent (dropped by the commit if it fails)
    sending: str | None = None
    #: the pending lists' tallies and the derived counts that need no store, summed as each
    #: list comes (one entry per article however many lists cite it), added at the commit:
    #: held per list until then, they grew with the build (34 KB a 300-item list, pickled)
    cited: tally.Tally = field(default_factory=tally.Tally)
    folded: derived.Facts = field(default_factory=derived.Facts)
    #: the laws the pending lists cite, or cited before: their rows counted again at the commit
    #: (``graph.build.lawparts``); one set for the build, as a set a list held the same IRIs
    #: over again (some 27 KB a 200-item list, ``test_pending_memory``)
    laws: set[str] = field(default_factory=set)
    dropped: list[str] = field(default_factory=list)

    def documents(self, built: Writing, path: str, digest: str) -> Iterator[load.Document]:
        """The list's own lines for the loader, chunk by chunk, while noting what the commit must
        do for it: the old quads its new build no longer has, what its old graph cited, its
        record. What the old graph cites and holds is read before any new quad goes in; which
        old quads are stale once every new one is known (a quad read then that the new build
        has is kept, so reading part of the new quads does no harm). A list rebuilt with the
        lines its record holds, in a graph that held as many quads, is only counted."""
        graph = built.graph
        node = ox.NamedNode(graph)
        held = self.record.entries.get(graph)
        exists = self.store.contains_named_graph(node)
        size = graph_size(self.store, graph) if exists else 0
        clean = held is not None and held.quads == size
        cited = tally.list_counts(self.store, graph) if exists and clean else None
        odd = derived.held_odd(self.facts, graph)
        facts = derived.list_facts(self.store, graph, odd) if exists and clean else None
        new = QuadHashes()  # a hash per new quad of a list that replaces one
        self.sending = None if exists else graph
        crc, lines = 0, ""
        for n, chunk in enumerate(built.chunks()):
            crc, lines = lines_digest(chunk, crc)
            data = b"".join(chunk)
            if exists:
                new.add(ox.parse(data, format=ox.RdfFormat.N_QUADS))
            yield load.Document(data, len(chunk), continued=n > 0)
        entry = Entry(built.lines(), path, digest, lines)
        pending = _Pending(graph, built.list_id, entry, [], built.counts(), b"")
        pending.cited, pending.facts = cited, facts
        if exists and not (clean and held is not None and held.lines == entry.lines):
            # a hash shared by chance keeps a quad: never loses one
            pending.stale.extend(new.missing(self.store.quads_for_pattern(None, None, None, node)))
            pending.dirty = not clean
        del new
        self.sending = None
        self.cited.add_list(pending.cites)
        targets = chain(pending.cites, cited or ())
        self.laws.update(law for t in targets if (law := self.iris.law_of(t)))
        pending.cites = {}
        rows = built.rows()
        # irregular (graph.build.irregular): items' IRIs meet, or no source file (``lists``, which
        # starts at it, gives it no row)
        pending.odd = rows is None or rows.get("lists", 0) == 0
        collected = built.collected()
        if pending.odd:  # its items' IRIs meet: the engine counts it (graph.build.lawrows)
            collected.uncount(*lawrows.ENGINE)
            collected.bare = 0  # and its clauses of no text resting on a provision (resting)
        self.folded.add(listholds.of_laws(graph, collected))  # before the fold lets them go
        collected.fold(self.folded)
        pending.collected = pack(collected)
        if rows is None:
            pending.uncounted = listrows.counted() + listrows.uncounted()
        else:
            self.folded.add(listrows.facts(rows))
            self.folded.add(listholds.of_rows(graph, rows))
            pending.uncounted = listrows.uncounted()
        self.pending.append(pending)

    def commit(self) -> None:
        """Make the loaded lists current in one transaction (``graph.build.commit``) with the
        tallies, dropping the derived graph; then, when they must be, count the tallies afresh
        and write them, and write the derived graph (counted afresh when it must be)."""
        tallies, facts = self.tallies, self.facts
        named = None  # the labels the lists' facts name, asked at once (none dirty: all counted)
        if facts is not None and not any(pending.dirty for pending in self.pending):
            named = derived.labels_of(self.store, (unpack(p.collected) for p in self.pending))
        for pending in self.pending:
            self.record.entries[pending.graph] = pending.entry
            if pending.dirty:
                tallies = facts = None
            if tallies is not None:
                if pending.cited is not None:
                    tallies.add_list(pending.cited, sign=-1)
                tallies.add_list(pending.cites)
            if facts is not None:
                if pending.facts is not None:
                    facts.add(pending.facts, sign=-1)
                facts.add(unpack(pending.collected).facts(self.store, named))
        if tallies is not None:
            tallies.add(self.cited)
        if facts is not None:
            facts.add(self.folded)
        self.cited, self.folded = tally.Tally(), derived.Facts()
        iris = self.iris
        record = (iris.record_graph(), self.record.quads(iris))
        stale = chain.from_iterable(p.stale for p in self.pending)
        graphs, drop = [record], list(self.dropped)
        if tallies is None:
            drop.append(iris.tally_graph())
        else:
            graphs.append((iris.tally_graph(), tally.quads(tallies, iris)))
        drop.append(iris.derived_graph())  # written again below, in a transaction of its own
        replace_graphs(self.store, remove=stale, graphs=graphs, drop=drop)
        self.committed += [p.list_id for p in self.pending]
        if facts is not None:  # the rows the engine counts by list, now the lists are current
            for pending in self.pending:
                facts.add(derived.asked_of_current(self.store, pending.graph, pending.odd))
                if pending.uncounted:
                    facts.add(derived.list_rows(self.store, pending.graph, pending.uncounted))
                if pending.odd:
                    lists = derived.graph_lists(self.store, pending.graph)
                    facts.add(lawrows.law_rows(self.store, lists))
                odd = facts.rows[derived.IRREGULAR.name][(ox.NamedNode(pending.graph),)]
                odd[0] += pending.odd
            lawparts.count(self.store, facts, self.laws)
        self.pending.clear()
        self.laws = set()
        if tallies is None:
            recounted = tally.recount(self.store, iris)
            replace_graphs(self.store, graphs=[(iris.tally_graph(), tally.quads(recounted, iris))])
        if facts is None:
            facts = derived.recount(self.store, iris)
        derived.write(self.store, facts, iris)
        self.tallies, self.facts = tallies, facts


def build_cited(
    pairs: Iterable[Cited],
    store: ox.Store,
    *,
    base: str = DEFAULT_BASE,
    ids: ListIds | None = None,
    warn: Callable[[str], None] | None = None,
    sorters: int | None = None,
) -> Report:
    """``build_graph`` for lists that come with their own cell citations, one pair at a time, so
    a build of any size holds one list in memory, not all of them.

    Nothing the store held is lost, whatever stops the build (a bad file, Ctrl-C, a kill, a full
    disk): each list's new quads go in beside its old ones, and one transaction then removes the
    old ones it no longer has and writes the build's record and tallies (``graph.build.commit``).
    Lists are named by ``ids`` (``graph.build.identity``; planned from the store's record when
    not given). A list whose content another list of the build or the store already has is a
    duplicate: ``warn`` is told, and it is stored once. A list that cannot be built is reported
    in its file's report and the others go on. Ctrl-C raises ``BuildInterruptedError`` once the
    lists loaded before it are committed, saying which they are. ``sorters`` bounds the bulk
    load's sorting threads, and so its memory (``graph.store.sorters``).
    """
    iris = Iris(base)
    record = Record.adopted(store, iris)
    if not record.exists:  # so that a first build cut short leaves its lists unrecorded
        store.add_graph(ox.NamedNode(iris.record_graph()))
        replace_graphs(store, graphs=[(iris.record_graph(), record.quads(iris))])
    # first: the derived facts name power types by the ontology's labels (graph.build.derived)
    load_ontology_graph(store, iris)
    tallies = tally.take(store, iris)  # None: counted afresh at the end
    facts = derived.take(store, iris)
    present = set(list_graphs(store, iris))
    if any(graph not in present for graph in record.entries):
        facts = None  # a list removed since: its part of the derived facts is counted afresh
    record.entries = {g: e for g, e in record.entries.items() if g in present}  # removed: forgot
    if any(graph not in record.entries for graph in present):
        tallies = facts = None  # a list graph a build cut short left unrecorded: count afresh
    state = _Build(store, iris, record, tallies, facts)
    ids = ids or ListIds(record.held_ids(iris))
    say = warn or _unsaid
    reports: list[FileReport] = []
    sent = load.Seen()  # shared-graph lines already handed to the store

    def documents() -> Iterator[load.Document]:
        for built, path, digest in _built(pairs, iris, ids, record, reports, say):
            try:
                yield from state.documents(built, path, digest)
            except QuanzeError as error:  # this list alone, and no half of it if it is new
                if state.sending is not None:
                    state.dropped.append(state.sending)
                reports.append(FileReport(built.source, error=f"not built: {error}"))
                say(f"{path}: not built: {error}")
                continue
            reports.append(built.report())
            fresh = sent.fresh(built.shared())
            yield load.Document(b"", 0, b"".join(fresh), len(fresh), continued=True)

    stopped: BaseException | None = None
    try:
        load.load(store, documents(), sorters=sorters)
    except LoadError as failure:
        raise LoadError(
            f"{failure}; the lists the store held before are all still in it"
            + _committed(state.committed)
        ) from failure
    except BaseException as error:  # loaded what was made before it: commit that, then say
        stopped = error
    try:
        state.commit()
    except LoadError as failure:
        raise LoadError(f"{failure}; the lists the store held before are all still in it") from (
            stopped or failure
        )
    if isinstance(stopped, KeyboardInterrupt):
        raise BuildInterruptedError(
            "interrupted: the store holds every list it held before, none lost"
            + _committed(state.committed)
        ) from None
    if stopped is not None:
        raise stopped
    return Report(tuple(reports))


def _unsaid(message: str) -> None:
    """A warning nobody asked to hear."""


def _committed(list_ids: Sequence[str]) -> str:
    """What a build stopped part-way had stored, for its message."""
    if not list_ids:
        return "; this build stored no list"
    shown = ", ".join(list_ids[:10]) + (
        f" and {len(list_ids) - 10} more" if len(list_ids) > 10 else ""
    )
    return f"; this build stored {len(list_ids)} list(s): {shown}"


def _built(
    pairs: Iterable[Cited],
    iris: Iris,
    ids: ListIds,
    record: Record,
    reports: list[FileReport],
    warn: Callable[[str], None],
) -> Iterator[tuple[Writing, str, str]]:
    """Each list to be built (its graph, its part of the shared graph, its report and counts),
    with its path and content digest. A duplicate (same content as a list of this build or the
    store) is reported and skipped, and does not stop the others."""
    stored = {
        entry.digest: (name, entry.path)
        for name, entry in record.entries.items()
        if entry.digest is not None
    }
    seen: dict[str, str] = {}  # content digest → path, in this build
    paths: set[str] = set()  # the paths built in this build
    for pair in pairs:
        source = _unpacked(pair)
        power_list, path, digest = source.head, source.path, source.digest
        twin = seen.get(digest)
        held = stored.get(digest)
        if twin is None and held is not None and held[1] != path:
            twin = held[1] or held[0]
        if twin is not None:
            warn(f"{path}: the same list as {twin} (same items); stored once")
            reports.append(FileReport(power_list.source, reading=source.reading))
            continue
        if path in paths:
            reports.append(
                FileReport(power_list.source, error="given twice with different items; not built")
            )
            warn(f"{path}: given twice in one build with different items; built once")
            continue
        seen[digest] = path
        paths.add(path)
        yield source.writing(iris, ids.assign(path)), path, digest


def _unpacked(pair: Any) -> Batched | Made:
    """A ``Cited`` pair or triple as a list of one batch."""
    if not isinstance(pair, tuple) or isinstance(pair, Batched):
        return cast(Batched | Made, pair)
    if len(pair) == 3:
        return _whole(pair[0], pair[1], pair[2])
    return _whole(pair[0], pair[1], pair[0].source)


def load_ontology_graph(store: ox.Store, iris: Iris | None = None) -> int:
    """Replace the ontology graph of ``store`` with quanze.ttl, in one transaction (a build
    stopped here leaves the old one); returns its triple count."""
    graph = ox.NamedNode((iris or Iris()).ontology_graph())
    triples = list(ox.parse(path=str(ONTOLOGY_PATH), format=ox.RdfFormat.TURTLE))
    quads = [ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples]
    replace_graphs(store, graphs=[(graph.value, quads)])
    return len(quads)
