"""The power lists and their source files, as a query paged by list needs them
(``graph.store.pages``), read from the one literal the builds keep (``derived.LIST_SOURCES``).

A query paged by list first orders the lists: read from the list graphs, two quads a list
(``rdf:type``, ``qz:sourceFile``), each term decoded from the store's files: ~100 ms at 1M items
(3,334 lists), before any answer. The builds keep each list graph with its lists and sources in
one JSON literal of the derived graph, summed over the list graphs as every derived fact is
(added for a built list, taken away for the one it replaces or a removed one). A derived graph
written by earlier code keeps none, or (once a build of this code has added or taken away a few
lists) fewer list graphs than its ``qzd:Held`` counts lists: the lists are then read from the
list graphs, as before.
"""

from __future__ import annotations

import json

import pyoxigraph as ox

from graph.build.form import QZD as _QZD
from graph.store.query import run_query
from graph.store.results import term_text

#: The lists the derived graph counts, and the lists kept with their sources (packed).
_KEPT = f"""
SELECT ?lists ?packed WHERE {{
  ?held a <{_QZD}Held> ; <{_QZD}lists> ?lists .
  OPTIONAL {{ ?kept a <{_QZD}ListSources> ; <{_QZD}packed> ?packed }}
}}"""

#: A list graph, a power list in it and its source file.
Listed = tuple[str, str, str]


def kept_lists(store: ox.Store, timeout: float | None = None) -> list[Listed] | None:
    """Each (list graph, list, source file) of the store's lists that have a source file, as
    the derived graph keeps them; None when it does not keep every list graph's (a derived
    graph of earlier code, or none)."""
    rows = run_query(store, _KEPT, timeout=timeout).rows
    if len(rows) != 1:  # no derived graph (or not one Held fact)
        return None
    lists = int(term_text(rows[0]["lists"]))
    packed = rows[0].get("packed")
    entries = json.loads(term_text(packed)) if packed is not None else []
    graphs: set[str] = set()
    found: list[Listed] = []
    for (graph, iri, source), (n,) in entries:
        if n <= 0:  # taken away by this code from a graph earlier code kept no part of
            continue
        graphs.add(graph)
        if iri is not None and source is not None:
            found.append((graph, iri, source))
    if len(graphs) != lists:
        return None
    return found
