"""A build that says it succeeded holds what it wrote (``graph.build.stored``): a store missing a
graph the build reports written is refused, naming it (issue #24: exit 0 and an empty store)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph.build.build import build_graph
from graph.build.stored import check_stored, missing
from graph.errors import BuildError
from graph.iri import Iris
from tests.graph.handmade import citations_a, citations_b, list_a, list_b


def test_a_built_store_holds_what_its_report_says() -> None:
    store = ox.Store()
    report = build_graph([list_a(), list_b()], store, citations=citations_a() + citations_b())
    assert len(report.built) == 2 and missing(store, report) == []
    check_stored(store, report, "s")  # no error


def test_a_store_missing_a_graph_the_build_wrote_is_refused() -> None:
    store = ox.Store()
    report = build_graph([list_a(), list_b()], store, citations=citations_a() + citations_b())
    first, second = (b.graph for b in report.built)
    store.remove_graph(ox.NamedNode(second))
    assert missing(store, report) == [second]
    with pytest.raises(BuildError, match=r"^s: the store does not hold .*1 graph\(s\) missing"):
        check_stored(store, report, "s")
    iris = Iris()  # a store holding nothing: the ontology's graph first
    graphs = [iris.ontology_graph(), iris.record_graph(), first, second]
    assert missing(ox.Store(), report) == graphs


def test_a_build_of_no_list_holds_its_ontology_and_record() -> None:
    store = ox.Store()
    report = build_graph([], store)
    assert report.built == () and missing(store, report) == []
