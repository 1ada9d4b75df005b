"""Checks built graphs against the SHACL shapes (pyshacl), with the ontology mixed in."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
from pyshacl import validate
from rdflib import Graph

from graph.store import to_rdflib
from ontology import load_ontology, load_shapes


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """Whether a graph conforms, and pyshacl's report (text and graph) when it does not."""

    conforms: bool
    text: str
    results: Graph


def validate_graph(data: Graph) -> ValidationReport:
    """Validate an rdflib graph against ontology/shapes.ttl (quanze.ttl as the ontology graph)."""
    conforms, results, text = validate(
        data,
        shacl_graph=load_shapes(),
        ont_graph=load_ontology(),
        inference="none",
        allow_warnings=True,
    )
    return ValidationReport(bool(conforms), str(text), results)


def validate_store(store: ox.Store, graph: str | None = None) -> ValidationReport:
    """Validate one named graph of the store, or all of them merged (small stores only)."""
    return validate_graph(to_rdflib(store, graph))
