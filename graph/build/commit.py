"""Makes a build's lists current in one transaction, once their new quads are in the store.

A build loads each list's new quads into its graph beside the old ones (a quad already there is
kept once), so a list never leaves the store, whatever stops the build. What it then writes in
one SPARQL update, which Oxigraph applies as one transaction (all of it or none), is:

- the old quads the new build of each list no longer has (found before its new quads went in);
- the build's record (``graph.build.record``): each committed list graph's size, path and digest;
- the tallies (``graph.build.tally``), or, when they must be counted afresh, no tally graph, which
  a second update then writes (so a build stopped between the two leaves no tallies, which the
  next build counts afresh, rather than wrong ones);
- no derived graph (``graph.build.derived``), which is written whole next, in a transaction of
  its own (``Store.extend``).

A rebuild of the same input has no old quads to remove: its update writes the record and tallies.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pyoxigraph as ox

from graph.errors import LoadError


def _data(quads: Iterable[ox.Quad]) -> str:
    """Quads as the body of ``INSERT DATA`` / ``DELETE DATA``: one ``GRAPH`` block a graph."""
    by_graph: defaultdict[str, list[str]] = defaultdict(list)
    for quad in quads:
        by_graph[str(quad.graph_name)].append(f"{quad.subject} {quad.predicate} {quad.object} .")
    return " ".join(f"GRAPH {g} {{\n{chr(10).join(lines)}\n}}" for g, lines in by_graph.items())


def replace_graphs(
    store: ox.Store,
    *,
    remove: Iterable[ox.Quad] = (),
    graphs: Iterable[tuple[str, Iterable[ox.Quad]]] = (),
    drop: Iterable[str] = (),
) -> None:
    """In one transaction: remove the quads ``remove``, give each graph of ``graphs`` exactly its
    quads (kept as a graph when it has none), and drop the graphs ``drop``.

    Raises ``LoadError`` when the store refuses (a full disk): then nothing of it was written.
    """
    operations = []
    removed = _data(remove)
    if removed:
        operations.append(f"DELETE DATA {{ {removed} }}")
    for name, quads in graphs:
        operations.append(f"CLEAR SILENT GRAPH <{name}>")
        body = _data(quads)
        if body:
            operations.append(f"INSERT DATA {{ {body} }}")
    operations += [f"DROP SILENT GRAPH <{name}>" for name in drop]
    if not operations:
        return
    try:
        store.update(" ;\n".join(operations))
    except (OSError, RuntimeError) as failure:
        raise LoadError(f"the store did not take the build's record: {failure}") from failure
