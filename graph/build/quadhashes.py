"""The hashes of a rebuilt list's new quads, kept compact, to tell which of its old quads are stale.

A rebuild of a stored list loads the new quads beside the old ones and then removes the old
quads the new build no longer has (``graph.build.build``). Telling those needs every new quad
known; a Python ``set`` of their ``hash()`` cost some 50 bytes a quad (an int object and a set
slot), 140 MB for a list of 200,000 items (2.8 M quads). Here the hashes are 8-byte integers in
numpy arrays: gathered chunk by chunk, then sorted once, and looked up a batch at a time
(``numpy.searchsorted``), some 8 bytes a quad (16 while the chunks are joined).

A hash shared by chance keeps an old quad that is stale (never loses one the new build has),
as the set did.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

import numpy as np
import pyoxigraph as ox

#: Old quads looked up at a time.
_LOOKUP_BATCH = 8_192


class QuadHashes:
    """The ``hash()`` of each quad added, compact; :meth:`missing` gives the quads whose hash is
    not among them."""

    def __init__(self) -> None:
        self._chunks: list[np.ndarray[Any, np.dtype[np.int64]]] = []
        self._sorted: np.ndarray[Any, np.dtype[np.int64]] | None = None

    def add(self, quads: Iterable[ox.Quad]) -> None:
        """Add the hashes of ``quads`` (one chunk of a list's new quads)."""
        self._chunks.append(np.fromiter(map(hash, quads), dtype=np.int64))
        self._sorted = None

    def _frozen(self) -> np.ndarray[Any, np.dtype[np.int64]]:
        if self._sorted is None:
            joined = np.concatenate(self._chunks) if self._chunks else np.empty(0, np.int64)
            self._chunks = [joined]
            joined.sort()
            self._sorted = joined
        return self._sorted

    def missing(self, quads: Iterable[ox.Quad]) -> Iterator[ox.Quad]:
        """The quads of ``quads`` whose hash was not added, in order.

        >>> node = ox.NamedNode("http://example.org/a")
        >>> kept, gone = ox.Quad(node, node, ox.Literal("1")), ox.Quad(node, node, ox.Literal("2"))
        >>> hashes = QuadHashes()
        >>> hashes.add([kept])
        >>> list(hashes.missing([kept, gone])) == [gone]
        True
        """
        known = self._frozen()
        it = iter(quads)
        while batch := list(islice(it, _LOOKUP_BATCH)):
            wanted = np.fromiter(map(hash, batch), dtype=np.int64, count=len(batch))
            if not len(known):
                yield from batch
                continue
            at = np.minimum(np.searchsorted(known, wanted), len(known) - 1)
            for n in np.flatnonzero(known[at] != wanted).tolist():
                yield batch[n]
