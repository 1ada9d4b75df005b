"""Writes the store out as N-Quads, N-Triples, Turtle or JSON-LD, for loading into other engines.

N-Quads keeps every list's named graph and is streamed by Oxigraph (any size); N-Triples streams
the triples of one graph, or of all of them (a triple several lists hold is written once per
list, which loaders fold together). Turtle and JSON-LD of the whole store are made in memory, for
small stores: Turtle merges the graphs, JSON-LD keeps them.
"""

from __future__ import annotations

from typing import BinaryIO, Literal, get_args

import pyoxigraph as ox

from graph.errors import StoreError
from graph.iri import DEFAULT_BASE
from graph.store.open import graph_names

ExportFormat = Literal["nq", "nt", "ttl", "jsonld"]
EXPORT_FORMATS: tuple[str, ...] = get_args(ExportFormat)

#: The prefixes Turtle and JSON-LD output is written with.
PREFIXES = {
    "qz": "https://w3id.org/quanze/ontology#",
    "qzpt": "https://w3id.org/quanze/ontology/power-type#",
    "qzlevel": "https://w3id.org/quanze/ontology/exercise-level#",
    "qzrank": "https://w3id.org/quanze/ontology/legal-rank#",
    "qzkind": "https://w3id.org/quanze/ontology/citation-kind#",
    "qzfield": "https://w3id.org/quanze/ontology/field#",
    "qzsub": "https://w3id.org/quanze/ontology/subdivision#",
    "eli": "http://data.europa.eu/eli/ontology#",
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "oa": "http://www.w3.org/ns/oa#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "id": DEFAULT_BASE,
}


def export_store(store: ox.Store, fmt: str, output: BinaryIO, *, graph: str | None = None) -> None:
    """Write the store, or its named graph ``graph``, to ``output`` in ``fmt`` (nq, nt, ttl,
    jsonld). Raises StoreError for an unknown format or graph."""
    if fmt not in EXPORT_FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; formats: {', '.join(EXPORT_FORMATS)}")
    name = _graph(store, graph) if graph is not None else None
    if fmt == "nq":
        if name is None:
            store.dump(output, format=ox.RdfFormat.N_QUADS)
        else:
            quads = store.quads_for_pattern(None, None, None, name)
            ox.serialize(quads, output, format=ox.RdfFormat.N_QUADS)
    elif fmt == "nt":
        if name is None:
            triples = (quad.triple for quad in store)
            ox.serialize(triples, output, format=ox.RdfFormat.N_TRIPLES)
        else:
            store.dump(output, format=ox.RdfFormat.N_TRIPLES, from_graph=name)
    elif fmt == "ttl":
        if name is None:
            merged = sorted(set(quad.triple for quad in store), key=str)
            ox.serialize(merged, output, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
        else:
            store.dump(output, format=ox.RdfFormat.TURTLE, from_graph=name, prefixes=PREFIXES)
    elif name is None:
        store.dump(output, format=ox.RdfFormat.JSON_LD, prefixes=PREFIXES)
    else:
        store.dump(output, format=ox.RdfFormat.JSON_LD, from_graph=name, prefixes=PREFIXES)


def _graph(store: ox.Store, graph: str) -> ox.NamedNode:
    try:
        name = ox.NamedNode(graph)
    except ValueError as exc:
        raise StoreError(f"{graph!r} is not a graph IRI: {exc}") from exc
    if not store.contains_named_graph(name):
        known = ", ".join(graph_names(store)) or "none"
        raise StoreError(f"no graph {graph} in the store; graphs: {known}")
    return name
