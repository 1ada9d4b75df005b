"""The quanze vocabulary: the OWL ontology, its SHACL shapes and the generated namespace module."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rdflib import Graph

#: The ontology (OWL classes, properties and SKOS concept schemes); the source of truth.
ONTOLOGY_PATH = Path(__file__).with_name("quanze.ttl")
#: The SHACL shapes every built graph must satisfy.
SHAPES_PATH = Path(__file__).with_name("shapes.ttl")


@cache
def _parse(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


def load_ontology() -> Graph:
    """A fresh rdflib Graph of quanze.ttl (a copy: callers may change it).

    >>> from ontology.namespace import QZ
    >>> (QZ.PowerItem, None, None) in load_ontology()
    True
    """
    graph = Graph()
    graph += _parse(ONTOLOGY_PATH)
    return graph


def load_shapes() -> Graph:
    """A fresh rdflib Graph of shapes.ttl."""
    graph = Graph()
    graph += _parse(SHAPES_PATH)
    return graph
