"""A query paged by list reads the lists and their source files from the one literal the builds
keep (``graph.store.listing``, ``derived.LIST_SOURCES``), not from two quads a list graph (~100 ms
at 1M items): the lists kept are those the list graphs hold, through rebuilds, removals and a
store counted afresh; the pages are the whole query's; and a derived graph written by earlier
code, or only partly by this code, is read from the list graphs."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

import graph.store.pages as pages
from bench.synthetic import Generator
from graph.build import derived
from graph.build.build import build_cited, build_graph
from graph.iri import Iris
from graph.store.listing import kept_lists
from graph.store.query import load_query, run_query
from graph.store.results import term_text
from tests.graph.handmade import citations_a, citations_b, list_a, list_b
from tests.graph.store.rows import normal

#: Queries paged by list, one of each order (source, item IRI, list IRI) and a sparse one.
PAGED = ("view-items", "view-citations", "lists", "unresolved-citations", "audit-cells")


def engine_lists(store: ox.Store) -> list[tuple[str, str, str]]:
    """Each (list graph, list, source file) as the list graphs hold them."""
    rows = run_query(store, pages._LISTS).rows
    return sorted(
        (term_text(r["graph"]), term_text(r["list"]), term_text(r["source"])) for r in rows
    )


def lists_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The times ``graph.store.pages`` reads the lists from the list graphs, from now on."""
    read: list[str] = []
    real = pages.run_query

    def watched(store, text, bindings=None, **kw):  # type: ignore[no-untyped-def]
        if text == pages._LISTS:
            read.append(text)
        return real(store, text, bindings, **kw)

    monkeypatch.setattr(pages, "run_query", watched)
    return read


def pages_as_whole(store: ox.Store, monkeypatch: pytest.MonkeyPatch, kept: bool) -> None:
    """The lists kept are the store's (or, with ``kept`` False, none are: read from the list
    graphs), and each query's pages give its whole rows."""
    found = kept_lists(store)
    assert (sorted(found) if found is not None else None) == (engine_lists(store) if kept else None)
    reads = []
    for name in PAGED:
        with monkeypatch.context() as patched:
            read = lists_read(patched)
            paged = [
                row for page in pages.answer_pages(store, name, page_size=5).pages for row in page
            ]
        whole = run_query(store, name, timeout=60).rows
        assert normal(load_query(name), paged) == normal(load_query(name), whole), name
        reads.append(bool(read))
    # the lists read from their graphs only when not kept (audit-cells reads none: no law texts)
    assert any(reads) != kept and all(reads[:-1]) != kept


def test_the_lists_kept_are_the_stores_through_rebuilds_and_removals(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = ox.Store()
    build_graph([list_a(), list_b()], store, citations=citations_a() + citations_b())
    pages_as_whole(store, monkeypatch, kept=True)
    build_cited(Generator(400).generate(), store)
    pages_as_whole(store, monkeypatch, kept=True)
    build_graph([list_b()], store, citations=citations_b()[:1])  # rebuilt, changed
    pages_as_whole(store, monkeypatch, kept=True)
    store.remove_graph(ox.NamedNode(Iris().list_graph("000_a")))  # removed by an update
    build_graph([list_b()], store, citations=citations_b())  # the store counted afresh
    assert all("000_a" not in g for g, _, _ in kept_lists(store) or ())
    pages_as_whole(store, monkeypatch, kept=True)


def test_a_list_with_no_source_file_is_kept_and_left_out_of_the_pages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = ox.Store()
    build_graph([list_a(), list_b()], store, citations=citations_a() + citations_b())
    graph = Iris().list_graph("000_a")
    source = "<https://w3id.org/quanze/ontology#sourceFile>"
    store.update(f"DELETE WHERE {{ GRAPH <{graph}> {{ ?l {source} ?s }} }}")  # by hand
    store.remove_graph(ox.NamedNode(Iris().derived_graph()))  # so that it is counted afresh
    build_graph([list_b()], store, citations=citations_b())
    assert [g for g, _, _ in engine_lists(store)] == [Iris().list_graph("001_b")]
    kept = kept_lists(store)
    assert kept is not None and [g for g, _, _ in kept] == [Iris().list_graph("001_b")]
    assert sorted(kept) == engine_lists(store)
    # (its rows, from queries not starting at the source file, are left out either way)
    for order in ("source", "iri", "list"):
        fast = pages._list_batches(store, order, None)
        with monkeypatch.context() as patched:
            patched.setattr(pages, "kept_lists", lambda store, timeout=None: None)
            assert pages._list_batches(store, order, None) == fast


def test_a_derived_graph_of_earlier_code_is_read_from_the_list_graphs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = ox.Store()
    build_graph([list_a(), list_b()], store, citations=citations_a() + citations_b())
    graph = ox.NamedNode(Iris().derived_graph())
    kept = f"{{ ?fact a <{derived.QZD}ListSources> ; ?p ?o }}"
    store.update(f"DELETE {{ GRAPH {graph} {kept} }} WHERE {{ GRAPH {graph} {kept} }}")
    pages_as_whole(store, monkeypatch, kept=False)
    # a build of this code keeps its own lists alone: still fewer than the store's
    build_cited(Generator(300).generate(), store)
    pages_as_whole(store, monkeypatch, kept=False)
    build_graph([list_a()], store, citations=citations_a())  # the earlier list rebuilt
    pages_as_whole(store, monkeypatch, kept=False)
    store.remove_graph(graph)  # no derived graph
    pages_as_whole(store, monkeypatch, kept=False)
