"""Keeps the citation tallies: for every cited law and article, how many power items, citations
and lists cite it (``qz:citingItems``, ``qz:citationCount``, ``qz:citingLists``), in a named graph
of their own (``Iris.tally_graph``).

"Most cited" would otherwise group every citation in the store, which on Oxigraph takes 1.6 s at
10 k items and grows with the store. A build knows what each list it writes cites, so it adds that
list's counts and takes away those of the graph it replaces; as items and citations belong to one
list, the per-list counts add up to the store's exactly. The tallies are written in the same
transaction that makes the build's lists current (``graph.build.commit``), so they never count a
list the store does not hold in full. A store with list graphs but no tally graph (made before
tallies existed, or by a build stopped while it counted afresh), or whose list graphs are not as
the build's record says (a build cut short), is counted in full at its next build.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping

import pyoxigraph as ox

from graph.build.record import list_graphs
from graph.iri import Iris
from ontology.namespace import QZ

_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
#: The three counts, in the order a tally row holds them.
COUNTS = (
    ox.NamedNode(str(QZ.citingItems)),
    ox.NamedNode(str(QZ.citationCount)),
    ox.NamedNode(str(QZ.citingLists)),
)
_POSITION = {p.value: n for n, p in enumerate(COUNTS)}


def _per_list(graph: str | None = None) -> str:
    """SPARQL for what each list graph (or the one named) cites: one row per graph and target,
    with the items and citations citing it (an article's paragraphs and items count for it)."""
    name = f"<{graph}>" if graph else "?g"
    return f"""
SELECT ({name} AS ?graph) ?target (COUNT(DISTINCT ?item) AS ?items)
       (COUNT(DISTINCT ?citation) AS ?citations)
WHERE {{
  GRAPH {name} {{
    {{ ?citation <{QZ.citesLaw}> ?target }} UNION {{ ?citation <{QZ.citesArticle}> ?target }}
    ?citation <{QZ.citedBy}> ?item .
  }}
}}
GROUP BY {"?g " if graph is None else ""}?target
"""


class Tally:
    """Counts per cited law or article: [items, citations, lists]."""

    def __init__(self) -> None:
        self.rows: defaultdict[str, list[int]] = defaultdict(lambda: [0, 0, 0])

    def add_list(self, cited: Mapping[str, tuple[int, int]], sign: int = 1) -> None:
        """Add (or with ``sign=-1`` take away) one list's (items, citations) per target."""
        for target, (items, citations) in cited.items():
            row = self.rows[target]
            row[0] += sign * items
            row[1] += sign * citations
            row[2] += sign

    def add(self, other: Tally) -> None:
        """Add another's counts (lists' counts summed as they come, added at the commit)."""
        for target, counts in other.rows.items():
            row = self.rows[target]
            for n, count in enumerate(counts):
                row[n] += count


def _counted(
    store: ox.Store, graph: str | None = None
) -> Iterator[tuple[str, str, tuple[int, int]]]:
    """(list graph, target, (items, citations)) for every list graph, or the one named."""
    result = store.query(_per_list(graph))
    assert isinstance(result, ox.QuerySolutions)
    for row in result:
        counts = (int(row["items"].value), int(row["citations"].value))
        yield row["graph"].value, row["target"].value, counts


def list_counts(store: ox.Store, graph: str) -> dict[str, tuple[int, int]]:
    """What the list graph ``graph`` now in the store cites: target → (items, citations)."""
    return {target: counts for _, target, counts in _counted(store, graph)}


def take(store: ox.Store, iris: Iris) -> Tally | None:
    """The tallies the store holds (left in it: the build's commit replaces them); None when the
    store must be counted afresh: it has list graphs but no tally graph."""
    graph = ox.NamedNode(iris.tally_graph())
    held = Tally()
    if not store.contains_named_graph(graph):
        return None if list_graphs(store, iris) else held
    for quad in store.quads_for_pattern(None, None, None, graph):
        position = _POSITION.get(quad.predicate.value)
        subject, value = quad.subject, quad.object
        if (
            position is not None
            and isinstance(subject, ox.NamedNode)
            and isinstance(value, ox.Literal)
        ):
            held.rows[subject.value][position] = int(value.value)
    return held


def recount(store: ox.Store, iris: Iris) -> Tally:
    """The tallies of every list graph in the store, counted afresh."""
    prefix = iris.list_graphs()
    total = Tally()
    for graph, target, counts in _counted(store):
        if graph.startswith(prefix):
            total.add_list({target: counts})
    return total


def quads(tallies: Tally, iris: Iris) -> Iterator[ox.Quad]:
    """``tallies`` as the quads of the tally graph (a target no citation names is left out)."""
    graph = ox.NamedNode(iris.tally_graph())
    for target, counts in sorted(tallies.rows.items()):
        if counts[1] > 0:
            yield from _quads(ox.NamedNode(target), counts, graph)


def _quads(node: ox.NamedNode, counts: Iterable[int], graph: ox.NamedNode) -> list[ox.Quad]:
    return [
        ox.Quad(node, predicate, ox.Literal(str(n), datatype=_XSD_INTEGER), graph)
        for predicate, n in zip(COUNTS, counts, strict=True)
    ]
