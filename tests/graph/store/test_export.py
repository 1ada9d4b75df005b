"""Export: every format reads back as the same data; N-Quads round-trips quad for quad."""

from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from typer.testing import CliRunner

from graph.app.cli import app
from graph.build.build import build_graph
from graph.errors import StoreError
from graph.store.export import export_store
from graph.store.open import open_store, to_rdflib
from tests.graph.build.test_build import assert_isomorphic
from tests.graph.handmade import citations_a, citations_b, list_a, list_b

GRAPH_A = "https://w3id.org/quanze/id/graph/list/000_a"
runner = CliRunner()


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("export") / "store"
    store = open_store(where)
    build_graph([list_a(), list_b()], store, citations=citations_a() + citations_b())
    store.flush()
    return where


@pytest.fixture(scope="module")
def store(store_dir: Path) -> ox.Store:
    return open_store(store_dir, read_only=True)


def exported(store: ox.Store, fmt: str, graph: str | None = None) -> bytes:
    out = io.BytesIO()
    export_store(store, fmt, out, graph=graph)
    return out.getvalue()


def test_nquads_round_trip_into_a_fresh_store(store: ox.Store, tmp_path: Path) -> None:
    fresh = ox.Store(str(tmp_path / "fresh"))
    fresh.bulk_load(exported(store, "nq"), format=ox.RdfFormat.N_QUADS)
    assert len(fresh) == len(store)
    assert set(fresh) == set(store)
    for graph in (GRAPH_A, "https://w3id.org/quanze/id/graph/list/001_b"):
        assert_isomorphic(to_rdflib(fresh, graph), to_rdflib(store, graph))


def test_one_graph_as_nquads_and_ntriples(store: ox.Store) -> None:
    quads = list(ox.parse(exported(store, "nq", GRAPH_A), format=ox.RdfFormat.N_QUADS))
    assert {q.graph_name.value for q in quads} == {GRAPH_A}  # type: ignore[union-attr]
    assert set(quads) == set(store.quads_for_pattern(None, None, None, ox.NamedNode(GRAPH_A)))
    triples = Graph().parse(data=exported(store, "nt", GRAPH_A), format="nt")
    assert_isomorphic(triples, to_rdflib(store, GRAPH_A))


@pytest.mark.parametrize("fmt", ["nt", "ttl"])
def test_triple_formats_of_the_whole_store_merge_the_graphs(store: ox.Store, fmt: str) -> None:
    parsed = Graph().parse(data=exported(store, fmt), format="nt" if fmt == "nt" else "turtle")
    assert_isomorphic(parsed, to_rdflib(store))


def test_turtle_uses_prefixes(store: ox.Store) -> None:
    text = exported(store, "ttl", GRAPH_A).decode("utf-8")
    assert "@prefix qz: <https://w3id.org/quanze/ontology#> ." in text
    assert "qz:PowerItem" in text


def test_jsonld_keeps_the_named_graphs(store: ox.Store) -> None:
    back = ox.parse(exported(store, "jsonld"), format=ox.RdfFormat.JSON_LD)
    assert set(back) == set(store)
    one = ox.parse(exported(store, "jsonld", GRAPH_A), format=ox.RdfFormat.JSON_LD)
    expected = store.quads_for_pattern(None, None, None, ox.NamedNode(GRAPH_A))
    assert {q.triple for q in one} == {q.triple for q in expected}


def test_unknown_graph_and_format(store: ox.Store) -> None:
    with pytest.raises(StoreError, match="no graph"):
        exported(store, "nq", "https://w3id.org/quanze/id/graph/list/nope")
    with pytest.raises(StoreError, match="formats: nq, nt, ttl, jsonld"):
        exported(store, "rdfxml")


def test_cli_export(store_dir: Path, store: ox.Store, tmp_path: Path) -> None:
    out = tmp_path / "all.nq"
    result = runner.invoke(app, ["export", "--store", str(store_dir), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert len(list(ox.parse(path=out, format=ox.RdfFormat.N_QUADS))) == len(store)
    to_stdout = runner.invoke(app, ["export", "-s", str(store_dir), "-f", "nt", "--graph", GRAPH_A])
    assert to_stdout.exit_code == 0
    assert_isomorphic(Graph().parse(data=to_stdout.stdout, format="nt"), to_rdflib(store, GRAPH_A))
    assert runner.invoke(app, ["export", "-s", str(store_dir), "-f", "xml"]).exit_code == 2
    missing = runner.invoke(app, ["export", "-s", str(tmp_path / "none")])
    assert missing.exit_code == 1 and "quanze build" in missing.stderr
