"""The CLI starts without loading what only some commands need; the packages' public names
still resolve (loaded on first use)."""

from __future__ import annotations

import subprocess
import sys

import pytest

import extractors
import graph


def test_importing_the_cli_loads_no_heavy_libraries() -> None:
    probe = (
        "import sys, graph.app.cli; "
        "print(sorted(m for m in ('rdflib', 'pyshacl', 'cn2an', 'openpyxl', 'docx', "
        "'extractors.reading.read', 'extractors.citing.cite') if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert loaded.strip() == "[]"


def test_asking_the_store_loads_no_rdflib() -> None:
    # quanze cites and quanze query run through graph.store.query, which imported rdflib (45 ms
    # of every such call) to tell an rdflib term from a str
    probe = (
        "import sys, pyoxigraph as ox, graph.store.cites, graph.store.paging; "
        "from graph.store.query import run_query; "
        "run_query(ox.Store(), 'ASK { ?s ?p ?o }', {'o': 'x'}); "
        "print('rdflib' in sys.modules)"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert loaded.strip() == "False"


def test_an_rdflib_term_is_still_bound_as_its_rdf_term() -> None:
    import pyoxigraph as ox
    from rdflib import Literal, URIRef

    from graph.store.query import run_query

    store = ox.Store()
    store.add(
        ox.Quad(
            ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"), ox.Literal("x", language="zh")
        )
    )
    ask = "ASK { ?s <http://e/p> ?o }"
    assert run_query(store, ask, {"s": URIRef("http://e/a"), "o": Literal("x", lang="zh")}).boolean
    assert not run_query(store, ask, {"s": "http://e/a"}).boolean  # a str is a literal


@pytest.mark.parametrize(
    ("package", "names"), [(extractors, extractors.__all__), (graph, graph.__all__)]
)
def test_every_public_name_resolves(package: object, names: list[str]) -> None:
    assert names and all(callable(getattr(package, name)) for name in names)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'nope'"):
        _ = extractors.nope  # type: ignore[attr-defined]
