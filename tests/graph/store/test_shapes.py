"""Every graph the build writes passes the SHACL shapes; broken graphs do not."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from graph.build.build import build_graph
from graph.store.open import to_rdflib
from graph.store.validate import validate_graph, validate_store
from tests.graph.handmade import citations_a, citations_b, list_a, list_b

QZ = "https://w3id.org/quanze/ontology#"
OA = "http://www.w3.org/ns/oa#"
ITEM = URIRef("https://w3id.org/quanze/id/list/001_b/item/4268")
CITATION = URIRef("https://w3id.org/quanze/id/list/001_b/item/4268/citation/basis/1")


@pytest.fixture(scope="module")
def built() -> Graph:
    store = ox.Store()
    build_graph([list_a(), list_b()], store, citations=citations_a() + citations_b())
    return to_rdflib(store)


def test_handmade_lists_conform(built: Graph) -> None:
    report = validate_graph(built)
    assert report.conforms, report.text


def broken(graph: Graph, remove: tuple, add: tuple | None = None) -> Graph:  # type: ignore[type-arg]
    copy = Graph()
    copy += graph
    copy.remove(remove)
    if add:
        copy.add(add)
    return copy


@pytest.mark.parametrize(
    ("remove", "add", "message"),
    [
        pytest.param((ITEM, URIRef(QZ + "inList"), None), None, "inList", id="item-without-list"),
        pytest.param(
            (CITATION, URIRef(QZ + "cites"), None), None, "Xone", id="resolved-kind-cites-nothing"
        ),
        pytest.param(
            (URIRef(str(CITATION) + "/position"), URIRef(OA + "start"), None),
            (URIRef(str(CITATION) + "/position"), URIRef(OA + "start"), Literal(99)),
            "LessThan",
            id="start-after-end",
        ),
        pytest.param(
            (ITEM, URIRef(QZ + "powerType"), None),
            (ITEM, URIRef(QZ + "powerType"), URIRef(QZ + "PowerList")),
            "powerType",
            id="power-type-outside-scheme",
        ),
    ],
)
def test_broken_graphs_fail(built: Graph, remove: tuple, add: tuple | None, message: str) -> None:  # type: ignore[type-arg]
    report = validate_graph(broken(built, remove, add))
    assert not report.conforms
    assert message in report.text


def test_seeds_conform(sample_paths: list[Path]) -> None:
    from extractors.reading.read import read_list

    store = ox.Store()
    build_graph([read_list(p) for p in sample_paths], store)
    report = validate_store(store)
    assert report.conforms, report.text
