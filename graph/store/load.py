"""Hands the N-Quads a build makes to the store: in one transaction when small, else in one pass of
Oxigraph's bulk loader that reads them as the build makes them.

A bulk load of the whole build, rather than one per chunk, matters at scale: each bulk load ends by
adding its sorted files to the store, and RocksDB merges every such addition into everything
already there, so chunk after chunk the store is rewritten again and again (a 1 M-item build
spent most of its time in those merges). Loaded in one pass, the files are added once and merged
once.

A large load is merged before it returns (``Store.optimize``, past ``MERGE_THRESHOLD``). Left to
RocksDB's background threads, the merge is not finished when the build is: a command that opens
the store, asks and closes it gives those threads no time, and until the merge is done a lookup
reads every unmerged file (on 100 k items, who-cites for the most cited article took 37.6 s on
the store as loaded and 6.1 s once merged; a typical article 11 ms and 3 ms). The merge rewrites
the whole store, so a large list added to a much larger store costs the time of that rewrite.

Part of that merge can be skipped. Three of the six quad indexes (graph-subject-predicate-object
and its two siblings) begin with the graph name, and Oxigraph's loader sorts and writes
``BULK_BATCH`` quads at a time. When each batch holds whole list graphs, and the lists come in the
order the store keys their graph names (``store_order``), the files of those indexes do not
overlap; RocksDB then adds them to its last level as they are and the merge leaves them alone (on
30 k items the merge wrote 982 MB instead of 1,495 MB). So a list that would run past the end of a
batch is moved to the next one by repeating a line the batch already holds (the store keeps one
copy). The shared graph, which every list adds to, would be in every batch: its lines are held
back in a temporary file and bulk-loaded on their own once the lists are in. Lists in any other
order load the same quads; only the merge is longer.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from hashlib import blake2b
from itertools import chain
from typing import IO, NamedTuple, cast

import pyoxigraph as ox

from graph.errors import LoadError
from graph.store.sorters import counted_as

#: A build that makes fewer quads than this is loaded in one transaction; a bigger one is
#: bulk-loaded (fast, not transactional).
BULK_THRESHOLD = 500_000
#: Shared-graph lines a build remembers so as not to hand the store the same line twice; the
#: memory is emptied when full (a line given twice costs time, not correctness: a graph is a set).
SHARED_MEMORY = 200_000
#: A bulk load of at least this many quads ends by merging the store (``Store.optimize``). Below
#: it, Oxigraph's loader writes one file per index (it sorts 1 M quads at a time), which RocksDB
#: leaves as it is; from two files on RocksDB would merge them anyway, in the background.
MERGE_THRESHOLD = 2_000_000
#: Quads Oxigraph's bulk loader sorts and writes as one set of files (pyoxigraph 0.5 reads 1 M
#: quads, repeats included, per batch). If it changes, loads stay right and merges get longer.
BULK_BATCH = 1_000_000
#: Lines of padding handed to the loader at once (a few MB), however long the gap to fill.
_PAD_CHUNK = 20_000


class Document(NamedTuple):
    """One list's N-Quads (UTF-8): the lines of its own graph, and its lines of the shared graph
    that have not been handed to the store before, with their counts. A large list comes in
    several documents, each after the first ``continued`` (its shared lines in the last)."""

    own: bytes
    own_lines: int
    shared: bytes = b""
    shared_lines: int = 0
    continued: bool = False


_NQ = ox.RdfFormat.N_QUADS
_ANY = ox.NamedNode("urn:quanze:order")  # a scratch store's quads need terms; any will do


def store_order(graphs: Sequence[str]) -> list[int]:
    """Positions in ``graphs`` of graph names, in the order the store keys its graph-first
    indexes by (a hash of the name, not the name): asked of a scratch store on disk, so the
    answer is Oxigraph's own. A name given twice keeps both positions, side by side.

    >>> names = [f"https://example.org/graph/{n}" for n in range(6)]
    >>> order = store_order(names)
    >>> sorted(order) == list(range(6)), store_order(names) == order
    (True, True)
    """
    if len(graphs) < 2:  # nothing to order: no scratch store (a one-list build starts sooner)
        return list(range(len(graphs)))
    with tempfile.TemporaryDirectory(prefix="quanze-order-") as scratch:
        store = ox.Store(scratch)
        store.extend(ox.Quad(_ANY, _ANY, _ANY, ox.NamedNode(name)) for name in set(graphs))
        rank = {graph.value: n for n, graph in enumerate(store.named_graphs())}
        del store  # closed before its directory goes
    return sorted(range(len(graphs)), key=lambda position: rank[graphs[position]])


class Seen:
    """Lines already handed to the store, forgotten all at once past ``limit``; each is kept as a
    16-byte BLAKE2 digest (a sixth of the line's memory, and no two lines share one in practice).

    >>> seen = Seen(limit=2)
    >>> seen.fresh([b"a", b"b", b"a"]), seen.fresh([b"b", b"c"])
    ([b'a', b'b'], [b'c'])
    >>> seen.fresh([b"a"])  # three remembered: past the limit, so forgotten
    [b'a']
    """

    def __init__(self, limit: int = SHARED_MEMORY) -> None:
        self.limit = limit
        self.digests: set[bytes] = set()

    def fresh(self, lines: Iterable[bytes]) -> list[bytes]:
        """The lines not seen before, in order, now remembered."""
        if len(self.digests) > self.limit:
            self.digests.clear()
        new = []
        for line in lines:
            digest = blake2b(line, digest_size=16).digest()
            if digest not in self.digests:
                self.digests.add(digest)
                new.append(line)
        return new


class _UntilError:
    """Iterates ``documents`` until they end or raise; what they raised is kept in ``error``
    (Ctrl-C too), so the documents made before it can still be loaded. ``lines`` counts the lines
    of the documents handed out."""

    def __init__(self, documents: Iterator[Document]) -> None:
        self.documents = documents
        self.error: BaseException | None = None
        self.lines = 0

    def __iter__(self) -> Iterator[Document]:
        return self

    def __next__(self) -> Document:
        if self.error is not None:
            raise StopIteration
        try:
            document = next(self.documents)
        except StopIteration:
            raise
        except BaseException as error:
            self.error = error
            raise StopIteration from None
        self.lines += document.own_lines + document.shared_lines
        return document


class Feed:
    """Documents as a binary file whose ``read`` makes the next document when the last is used up.

    Oxigraph's bulk loader reads it on the thread that called ``bulk_load``, so the Python that
    makes the quads runs while Oxigraph's own threads sort and write what it read before.

    >>> feed = Feed(iter([b"ab", b"cde"]))
    >>> [feed.read(2) for _ in range(4)]
    [b'ab', b'cd', b'e', b'']
    """

    def __init__(
        self, documents: Iterator[bytes], started: Callable[[], None] | None = None
    ) -> None:
        self.documents = documents
        self.buffer = b""
        self.offset = 0
        self.started = started

    def read(self, size: int) -> bytes:
        """Up to ``size`` bytes; b"" at the end. The first read calls ``started`` (the loader has
        counted its cores by then: ``graph.store.sorters``)."""
        if self.started is not None:
            started, self.started = self.started, None
            started()
        while self.offset >= len(self.buffer):
            document = next(self.documents, None)
            if document is None:
                return b""
            self.buffer, self.offset = document, 0
        start = self.offset
        self.offset += size
        return self.buffer[start : self.offset]


def _drained(documents: list[Document]) -> Iterator[Document]:
    """``documents`` in order, each dropped from the list as it is handed out, so a bulk load does
    not hold the documents it read first until it ends (500 k lines are some 120 MB).

    >>> documents = [Document(b"a", 1), Document(b"b", 1), Document(b"c", 1)]
    >>> drained = _drained(documents)
    >>> next(drained).own, [d.own for d in documents]
    (b'a', [b'c', b'b'])
    >>> [d.own for d in drained], documents
    ([b'b', b'c'], [])
    """
    documents.reverse()
    while documents:
        yield documents.pop()


def _repeated(line: bytes, times: int) -> Iterator[bytes]:
    """``line`` ``times`` times over, a few MB at a time."""
    while times > 0:
        yield line * min(times, _PAD_CHUNK)
        times -= _PAD_CHUNK


def aligned(documents: Iterable[Document], spool: IO[bytes], batch: int) -> Iterator[bytes]:
    """The own lines of ``documents`` for a loader that takes ``batch`` lines at a time, those of
    each document within one batch unless they are more than a batch (the gap before them filled
    with copies of the line before) or continue the document before; their shared lines are
    written to ``spool``.

    >>> spool = tempfile.TemporaryFile()
    >>> docs = [Document(b"a1\\na2\\n", 2, b"s1\\n", 1), Document(b"b1\\nb2\\n", 2, b"s2\\n", 1)]
    >>> b"".join(aligned(docs, spool, batch=3)).split()
    [b'a1', b'a2', b'a2', b'b1', b'b2']
    >>> _ = spool.seek(0); spool.read()
    b's1\\ns2\\n'
    >>> docs[1] = docs[1]._replace(continued=True)  # the rest of the list before: no gap
    >>> b"".join(aligned(docs, spool, batch=3)).split()
    [b'a1', b'a2', b'b1', b'b2']
    """
    position = 0
    last = b""
    for document in documents:
        spool.write(document.shared)
        if not document.own_lines:
            continue
        room = batch - position % batch
        if room < document.own_lines and room < batch and not document.continued:
            yield from _repeated(last, room)
            position += room
        yield document.own
        position += document.own_lines
        last = document.own[document.own.rfind(b"\n", 0, -1) + 1 :]


def load(
    store: ox.Store,
    documents: Iterator[Document],
    threshold: int | None = None,
    *,
    sorters: int | None = None,
) -> None:
    """Load N-Quads ``documents`` into ``store``: in one transaction if together they have fewer
    than ``threshold`` lines (default ``BULK_THRESHOLD``), else in two bulk loads, one of the own
    lines of the documents as they are made, then one of their shared lines. A bulk load sorts
    on at most ``sorters`` threads (default: one a core), each holding a batch
    (``graph.store.sorters``).

    The documents are made from IRIs ``graph.iri`` guarantees valid and literals the builder
    escapes, so a bulk load parses them leniently (no IRI re-validation). An exception raised
    while the documents are made is raised here after the documents made before it are loaded. A
    store that fails raises ``LoadError``: if it fails on the own lines it holds nothing of this
    load; if it then fails on the shared lines it holds the own lines without them (build again).
    """
    threshold = BULK_THRESHOLD if threshold is None else threshold
    made = _UntilError(documents)
    head: list[Document] = []
    for document in made:
        head.append(document)
        if made.lines >= threshold:
            break
    try:
        if made.lines >= threshold:
            _bulk_load(store, chain(_drained(head), made), sorters)
            if made.error is None and made.lines >= MERGE_THRESHOLD:
                store.optimize()  # merge the loaded files now, not in the background: see above
        elif head:
            store.load(b"".join(part for d in head for part in (d.own, d.shared)), format=_NQ)
    except (OSError, RuntimeError, ValueError, SyntaxError) as failure:
        raise LoadError(f"the store did not take the build's quads: {failure}") from failure
    if made.error is not None:
        raise made.error


def _bulk_load(store: ox.Store, documents: Iterator[Document], sorters: int | None) -> None:
    """The own lines of ``documents`` in one bulk load (with at most ``sorters`` sorting threads,
    ``graph.store.sorters``), then their shared lines in another (small: one batch)."""
    with tempfile.TemporaryFile(prefix="quanze-shared-") as spool:
        with counted_as(sorters) as widen:
            feed = Feed(aligned(documents, spool, BULK_BATCH), started=widen)
            # pyoxigraph calls nothing but read(size) on a binary file
            store.bulk_load(cast(IO[bytes], feed), format=_NQ, lenient=True)
        if spool.tell():
            spool.seek(0)
            try:
                store.bulk_load(spool, format=_NQ, lenient=True)
            except (OSError, RuntimeError, ValueError, SyntaxError) as failure:
                raise LoadError(
                    "the store took the lists' own graphs but not their part of the shared graph "
                    f"(laws, provisions, authorities); build again: {failure}"
                ) from failure
