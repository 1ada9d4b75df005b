"""A commit names the authorities and power types of all its lists' facts in one query
(``derived.labels_of``), not one per list: the same facts as each list asking its own."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph.build import derived
from graph.build.build import build_graph
from graph.iri import Iris
from tests.graph.handmade import citations_a, citations_b, list_a, list_b


def test_the_lists_facts_named_at_once_are_those_each_names_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = ox.Store()
    build_graph([list_a(), list_b()], store, citations=citations_a() + citations_b())
    graphs = [Iris().list_graph(name) for name in ("000_a", "001_b")]
    collectors = [derived.Collector.stored(store, graph) for graph in graphs]
    assert all(c.nodes() for c in collectors)
    monkeypatch.setattr(derived, "LABELS_AT_ONCE", 2)  # several queries, their answers joined
    named = derived.labels_of(store, collectors)
    for graph in graphs:
        alone = derived.Collector.stored(store, graph).facts(store)
        together = derived.Collector.stored(store, graph).facts(store, named)
        assert together.rows == alone.rows and alone.rows
