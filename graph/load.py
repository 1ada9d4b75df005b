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
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from hashlib import blake2b
from itertools import chain
from typing import IO, cast

import pyoxigraph as ox

from graph.errors import LoadError

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

#: An N-Quads document (UTF-8) and its line count.
Document = tuple[bytes, int]


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
        self.lines += document[1]
        return document


class Feed:
    """Documents as a binary file whose ``read`` makes the next document when the last is used up.

    Oxigraph's bulk loader reads it on the thread that called ``bulk_load``, so the Python that
    makes the quads runs while Oxigraph's own threads sort and write what it read before.

    >>> feed = Feed(iter([b"ab", b"cde"]))
    >>> [feed.read(2) for _ in range(4)]
    [b'ab', b'cd', b'e', b'']
    """

    def __init__(self, documents: Iterator[bytes]) -> None:
        self.documents = documents
        self.buffer = b""
        self.offset = 0

    def read(self, size: int) -> bytes:
        """Up to ``size`` bytes; b"" at the end."""
        while self.offset >= len(self.buffer):
            document = next(self.documents, None)
            if document is None:
                return b""
            self.buffer, self.offset = document, 0
        start = self.offset
        self.offset += size
        return self.buffer[start : self.offset]


def _drained(texts: list[bytes]) -> Iterator[bytes]:
    """``texts`` in order, each dropped from the list as it is handed out, so a bulk load does not
    hold the documents it read first until it ends (500 k lines are some 120 MB).

    >>> texts = [b"a", b"b", b"c"]
    >>> drained = _drained(texts)
    >>> next(drained), texts
    (b'a', [b'c', b'b'])
    >>> list(drained), texts
    ([b'b', b'c'], [])
    """
    texts.reverse()
    while texts:
        yield texts.pop()


def load(store: ox.Store, documents: Iterator[Document], threshold: int | None = None) -> None:
    """Load N-Quads ``documents`` into ``store``: in one transaction if together they have fewer
    than ``threshold`` lines (default ``BULK_THRESHOLD``), else in one bulk load that reads them
    as they are made.

    The documents are made from IRIs ``graph.iri`` guarantees valid and literals the builder
    escapes, so a bulk load parses them leniently (no IRI re-validation). An exception raised
    while the documents are made is raised here after the documents made before it are loaded;
    a store that fails raises ``LoadError`` and holds nothing of this load.
    """
    threshold = BULK_THRESHOLD if threshold is None else threshold
    made = _UntilError(documents)
    head: list[bytes] = []
    for text, _ in made:
        head.append(text)
        if made.lines >= threshold:
            break
    try:
        if made.lines >= threshold:
            feed = Feed(chain(_drained(head), (text for text, _ in made)))
            # pyoxigraph calls nothing but read(size) on a binary file
            store.bulk_load(cast(IO[bytes], feed), format=ox.RdfFormat.N_QUADS, lenient=True)
            if made.error is None and made.lines >= MERGE_THRESHOLD:
                store.optimize()  # merge the loaded files now, not in the background: see above
        elif head:
            store.load(b"".join(head), format=ox.RdfFormat.N_QUADS)
    except (OSError, RuntimeError, ValueError, SyntaxError) as failure:
        raise LoadError(f"the store did not take the build's quads: {failure}") from failure
    if made.error is not None:
        raise made.error
