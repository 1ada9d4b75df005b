"""The build's own record of each list graph it committed (named graph ``Iris.record_graph``):
how many quads the graph held, the path it was built from, a digest of its content and one of
its lines.

A list graph is complete when it holds the quads its record says. A build commits a list (its
stale quads removed, its record and the tallies written) in one transaction after its new quads
are in, so whatever stops a build, a list graph is either as its record says, or holds its old
quads together with part or all of its new ones (a rebuild cut short), or has no record (a first
build cut short): ``quanze check`` tells each apart, and the next build of the list repairs it.

A store made before the record existed has list graphs and no record graph; its next build
records them as they are.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pyoxigraph as ox

from graph.iri import Iris, unsegment
from ontology.namespace import QZ

_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_QUADS = ox.NamedNode(str(QZ.storedQuads))
_PATH = ox.NamedNode(str(QZ.sourcePath))
_DIGEST = ox.NamedNode(str(QZ.contentDigest))
_LINES = ox.NamedNode(str(QZ.quadsDigest))


@dataclass(frozen=True, slots=True)
class Entry:
    """One list graph's record: its quads when committed, its path, content digest and quads
    digest (``lines_digest``); None for a graph recorded as found in a store made before the
    record existed."""

    quads: int
    path: str | None = None
    digest: str | None = None
    lines: str | None = None


def lines_digest(lines: Iterable[bytes], before: int = 0) -> tuple[int, str]:
    """An order-free digest of N-Quads lines, cheap enough to take of every list a build writes:
    the sum of their CRC-32s, ``before`` (the sum of the lines before, for a list written in
    chunks) included, and that sum as the digest the record keeps.

    >>> lines_digest([b"a", b"b"])[1] == lines_digest([b"b"], lines_digest([b"a"])[0])[1]
    True
    """
    total = before + sum(map(zlib.crc32, lines))
    return total, f"{total & 0xFFFFFFFFFFFFFFFF:016x}"


def graph_size(store: ox.Store, graph: str) -> int:
    """How many quads the named graph ``graph`` holds (counted by Oxigraph, read in full)."""
    result = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    assert isinstance(result, ox.QuerySolutions)
    return int(next(iter(result))["n"].value)


def list_graphs(store: ox.Store, iris: Iris) -> list[str]:
    """The names of the store's list graphs."""
    prefix = iris.list_graphs()
    return sorted(
        g.value
        for g in store.named_graphs()
        if isinstance(g, ox.NamedNode) and g.value.startswith(prefix)
    )


class Record:
    """The record of every list graph, by graph name; ``read`` it, change ``entries``, ``quads``
    gives what to write back."""

    def __init__(self, entries: dict[str, Entry], *, exists: bool) -> None:
        self.entries = entries
        self.exists = exists

    @classmethod
    def read(cls, store: ox.Store, iris: Iris) -> Record:
        """The record the store holds (empty, ``exists`` False, when it has no record graph)."""
        graph = ox.NamedNode(iris.record_graph())
        if not store.contains_named_graph(graph):
            return cls({}, exists=False)
        fields: dict[str, dict[str, str]] = {}
        for quad in store.quads_for_pattern(None, None, None, graph):
            if isinstance(quad.subject, ox.NamedNode) and isinstance(quad.object, ox.Literal):
                fields.setdefault(quad.subject.value, {})[quad.predicate.value] = quad.object.value
        entries = {
            name: Entry(
                int(held[_QUADS.value]),
                held.get(_PATH.value),
                held.get(_DIGEST.value),
                held.get(_LINES.value),
            )
            for name, held in fields.items()
            if held.get(_QUADS.value, "").isdigit()
        }
        return cls(entries, exists=True)

    @classmethod
    def adopted(cls, store: ox.Store, iris: Iris) -> Record:
        """The record of the store, or, for a store made before the record existed, one of its
        list graphs as they are (each counted in full, once)."""
        record = cls.read(store, iris)
        if not record.exists:
            for graph in list_graphs(store, iris):
                record.entries[graph] = Entry(graph_size(store, graph))
        return record

    def held_ids(self, iris: Iris) -> dict[str, str | None]:
        """List id → the path its record names, for ``graph.build.identity.ListIds``."""
        prefix = iris.list_graphs()
        return {
            unsegment(name[len(prefix) :]): entry.path
            for name, entry in self.entries.items()
            if name.startswith(prefix)
        }

    def quads(self, iris: Iris) -> Iterator[ox.Quad]:
        """The record as quads of the record graph."""
        graph = ox.NamedNode(iris.record_graph())
        for name, entry in sorted(self.entries.items()):
            node = ox.NamedNode(name)
            yield ox.Quad(node, _QUADS, ox.Literal(str(entry.quads), datatype=_XSD_INTEGER), graph)
            if entry.path is not None:
                yield ox.Quad(node, _PATH, ox.Literal(entry.path), graph)
            if entry.digest is not None:
                yield ox.Quad(node, _DIGEST, ox.Literal(entry.digest), graph)
            if entry.lines is not None:
                yield ox.Quad(node, _LINES, ox.Literal(entry.lines), graph)
