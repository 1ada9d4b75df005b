"""Every bundled query counted without reading its rows (``graph.store.counting``, ``quanze query
NAME --count``) gives the number of rows it gives (issue 23: a count was every row read)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from graph.app.cli import app
from graph.store.counting import count_form, count_rows
from graph.store.open import open_store
from graph.store.query import bundled_queries, run_query
from tests.graph.store.test_virtuoso import BINDINGS

runner = CliRunner()


@pytest.fixture(scope="module")
def store_dir(analyzed_dir: Path) -> Path:
    return analyzed_dir


@pytest.fixture(scope="module")
def store(store_dir: Path) -> ox.Store:
    return open_store(store_dir, read_only=True)


@pytest.mark.parametrize("name", sorted(bundled_queries()))
def test_a_count_is_the_rows_the_query_gives(store: ox.Store, name: str) -> None:
    bindings = BINDINGS.get(name, {})
    rows = run_query(store, name, bindings, timeout=60).rows  # type: ignore[arg-type]
    assert count_rows(store, name, bindings, timeout=60) == len(rows)  # type: ignore[arg-type]


def test_the_order_is_dropped_unless_a_slice_keeps_part_of_the_answer() -> None:
    assert "ORDER" not in count_form("SELECT ?s WHERE { ?s ?p ?o } ORDER BY DESC(?s)")
    kept = count_form("SELECT ?s WHERE { ?s ?p ?o } ORDER BY DESC(?s) LIMIT 3")
    assert kept.endswith("ORDER BY DESC(?s) LIMIT 3  }")
    store = ox.Store()
    for n in range(5):
        store.add(ox.Quad(ox.NamedNode(f"urn:{n}"), ox.NamedNode("urn:p"), ox.Literal(str(n))))
    assert count_rows(store, "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 3") == 3
    assert count_rows(store, "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s OFFSET 4") == 1


def test_quanze_query_count_prints_the_number(store_dir: Path, store: ox.Store) -> None:
    done = runner.invoke(app, ["query", "items-per-type", "--store", str(store_dir), "--count"])
    assert done.exit_code == 0, done.output
    assert done.stdout.strip() == str(len(run_query(store, "items-per-type").rows))
    refused = runner.invoke(
        app, ["query", "ASK { ?s ?p ?o }", "--store", str(store_dir), "--count"]
    )
    assert refused.exit_code != 0
    assert "only a SELECT query can be counted" in refused.output
