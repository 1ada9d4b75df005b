"""The first page of a query paged by list asks only the lists the builds say hold rows of it
(``graph.store.holding``, ``graph.build.listholds``): at 1M items ``unresolved-citations`` took
22 s to an empty first page, asking 3,334 lists for nothing, and three more over 5 s.

For each query whose lists holding rows are kept, on stores where its answer is empty, sparse
(rows in a list after one holding none) and dense, after a rebuild of one list, a removal, a
items whose IRIs meet (counted by the engine) and each law given a
second title (``quanze laws import``): the lists kept are those holding rows, the pages give the
rows the whole query gives, and no list outside those kept is asked."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

import graph.store.pages as pages
from bench.synthetic import Generator
from graph.build import derived
from graph.build.build import build_cited, build_graph
from graph.build.lawrows import ENGINE
from graph.iri import Iris
from graph.store import holding
from graph.store.query import load_query, run_query
from tests.graph.build.test_listrows import _rows_meeting
from tests.graph.handmade import citations_a, citations_b, list_a, list_b
from tests.graph.store.rows import normal
from tests.graph.store.test_boundcount import titled_twice

_PART_OF = "<http://data.europa.eu/eli/ontology#is_part_of>"
_GRAPHS = (
    "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?l a <https://w3id.org/quanze/ontology#PowerList> } }"
)


def engine_holding(store: ox.Store, name: str) -> set[str]:
    """The list graphs whose lists the engine finds rows of ``name`` in, asked one by one."""
    found = set()
    for row in run_query(store, _GRAPHS).rows:
        graph = row["g"].value  # type: ignore[union-attr]
        lists = derived.graph_lists(store, graph)
        if lists and run_query(store, name, {"list": lists}, timeout=60).rows:
            found.add(graph)
    return found


def asked_lists(monkeypatch: pytest.MonkeyPatch) -> list[set[str]]:
    """The lists each query of ``graph.store.pages`` is asked for, from now on."""
    seen: list[set[str]] = []
    real = pages.run_query

    def counting(store, text, bindings=None, **kw):  # type: ignore[no-untyped-def]
        if bindings and "list" in bindings:
            seen.append({term.value for term in bindings["list"]})
        return real(store, text, bindings, **kw)

    monkeypatch.setattr(pages, "run_query", counting)
    return seen


def held_as_given(store: ox.Store, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Each kept query's lists holding rows are those the engine finds rows in, and its pages
    ask no other and give its rows; per query, how many lists hold rows."""
    held = {}
    for name in sorted(holding.kept_queries()):
        kept = holding.lists_holding(store, name, {})
        assert kept is not None, name  # the kept path is taken
        found = engine_holding(store, name)
        assert kept >= found, name
        if name not in holding.by_law():  # exact by list; by law, an upper bound (the titles)
            assert kept == found, name
        lists = {v.value for g in kept for v in derived.graph_lists(store, g)}
        with monkeypatch.context() as patched:
            seen = asked_lists(patched)
            paged = [
                row for page in pages.answer_pages(store, name, page_size=7).pages for row in page
            ]
        assert all(asked <= lists for asked in seen), name
        assert bool(set().union(*seen)) == bool(kept), name  # an empty answer asks no list
        text, whole = load_query(name), run_query(store, name, timeout=60).rows
        # as sets: a law of two titles gives analysis-citations rows its ORDER BY leaves tied
        assert sorted(normal(text, paged)) == sorted(normal(text, whole)), name
        held[name] = len(found)
    return held


def test_the_queries_whose_lists_holding_rows_are_kept() -> None:
    assert holding.kept_queries() >= {
        "unresolved-citations",
        "items-without-article-basis",
        "responsibility-without-accountability-basis",
        "accountability-law-differs-from-basis",
        "view-items",
    }
    assert holding.by_law() == {
        "accountability-law-differs-from-basis": "beyond",
        "analysis-citations": "analysis",
    }
    assert set(holding._ENGINE_COUNTED) == set(ENGINE)  # not kept per list: the engine's


def test_empty_and_sparse_answers_ask_only_the_lists_holding_rows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = ox.Store()
    build_graph([list_a(), list_b()], store, citations=citations_a() + citations_b())
    held = held_as_given(store, monkeypatch)
    assert held["accountability-law-differs-from-basis"] == 0  # empty
    assert held["responsibility-without-accountability-basis"] == 0
    assert held["unresolved-citations"] == 1  # sparse: in 001_b, after 000_a which holds none
    assert held["view-items"] == 2  # dense
    seen = asked_lists(monkeypatch)
    first = next(pages.answer_pages(store, "unresolved-citations").pages)
    assert first and seen == [{Iris().power_list("001_b")}]


def test_the_lists_kept_follow_rebuilds_removals_and_titles(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = ox.Store()
    build_cited(Generator(400).generate(), store)
    build_graph([list_a(), list_b()], store, citations=citations_a() + citations_b())
    dense = held_as_given(store, monkeypatch)
    assert (
        dense["unresolved-citations"] == 3 and dense["accountability-law-differs-from-basis"] == 2
    )
    # list_b rebuilt without the citation it did not resolve: it holds none now
    resolved = [c for c in citations_b() if c.citation.law is not None]
    assert len(resolved) < len(citations_b())
    build_graph([list_b()], store, citations=resolved)
    assert held_as_given(store, monkeypatch)["unresolved-citations"] == 2
    store.remove_graph(ox.NamedNode(Iris().list_graph("000_a")))  # removed by an update
    build_graph([list_b()], store, citations=citations_b())  # the store counted afresh
    assert held_as_given(store, monkeypatch)["unresolved-citations"] == 3
    derived.refresh(titled_twice(store), Iris())  # as quanze laws import does
    held_as_given(store, monkeypatch)


def test_irregular_lists_are_kept_as_the_engine_counts_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # items whose IRIs meet: the engine counts the list's rows (graph.build.listrows)
    store = ox.Store()
    build_graph([_rows_meeting(list_a()), list_b()], store, citations=citations_a() + citations_b())
    held_as_given(store, monkeypatch)


def test_a_store_of_an_earlier_form_answers_empty_from_its_kept_count(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the 1M store was built by form 7, which kept no lists holding rows but the counts
    store = ox.Store()
    build_graph([list_a(), list_b()], store, citations=citations_a() + citations_b())
    graph = ox.NamedNode(Iris().derived_graph())
    holds = f"{{ ?fact a <{derived.QZD}ListHolds> ; ?p ?o }}"
    store.update(f"DELETE {{ GRAPH {graph} {holds} }} WHERE {{ GRAPH {graph} {holds} }}")
    for quad in list(
        store.quads_for_pattern(None, ox.NamedNode(derived.QZD + "form"), None, graph)
    ):
        store.remove(quad)
        seven = ox.Literal("7", datatype=quad.object.datatype)  # type: ignore[union-attr]
        store.add(ox.Quad(quad.subject, quad.predicate, seven, graph))
    assert holding.lists_holding(store, "accountability-law-differs-from-basis", {}) == frozenset()
    assert holding.lists_holding(store, "unresolved-citations", {}) is None  # 1 row: ask them all
    seen = asked_lists(monkeypatch)
    assert (
        list(pages.answer_pages(store, "responsibility-without-accountability-basis").pages) == []
    )
    assert not set().union(*seen)
    store.remove_graph(graph)  # no kept facts: every list is asked
    assert holding.lists_holding(store, "accountability-law-differs-from-basis", {}) is None


def test_a_query_whose_store_lacks_what_its_rows_need_asks_no_list(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # at 1M items audit-expired took 200 ms and accountability-resting-on 527 ms to an empty first
    # page, every list asked; the audits' rows need law texts imported (none here), and
    # accountability-resting-on a clause resting on a provision under its target. That the rows
    # are the whole query's where the store has them: tests/graph/audit/test_audit_store.py and
    # test_pages.py (the same pages, every bound query paged by list)
    store = ox.Store()
    build_cited(Generator(400).generate(), store)
    rests = (
        "SELECT ?p WHERE { ?c <https://w3id.org/quanze/ontology#restsOn> ?p } ORDER BY ?p LIMIT 1"
    )
    resting = run_query(store, rests).rows[0]["p"]
    cited = run_query(store, f"SELECT ?l WHERE {{ <{resting.value}> {_PART_OF}* ?l }}").rows  # type: ignore[union-attr]
    bare = "SELECT ?l WHERE { ?l a <http://data.europa.eu/eli/ontology#LegalResource> }"
    laws = {row["l"] for row in run_query(store, bare).rows} - {row["l"] for row in cited}
    nothing = next(
        law
        for law in sorted(laws, key=str)
        if not run_query(store, "accountability-resting-on", {"target": law}).rows  # type: ignore[dict-item]
    )
    seen = asked_lists(monkeypatch)
    for name, bindings in (
        ("audit-expired", {}),
        ("audit-outside-liability", {}),
        ("accountability-resting-on", {"target": nothing}),
    ):
        assert holding.lists_holding(store, name, bindings) == frozenset(), name  # type: ignore[arg-type]
        assert list(pages.answer_pages(store, name, bindings).pages) == []  # type: ignore[arg-type]
    assert not set().union(*seen)
    bindings = {"target": resting}
    assert holding.lists_holding(store, "accountability-resting-on", bindings) is None  # type: ignore[arg-type]
    paged = [
        r for p in pages.answer_pages(store, "accountability-resting-on", bindings).pages for r in p
    ]  # type: ignore[arg-type]
    assert paged and len(paged) == len(run_query(store, "accountability-resting-on", bindings).rows)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["who-cites", "view-cited-under"])
def test_a_target_cited_in_a_few_lists_asks_those_lists_alone(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    # who-cites of an article cited three times at 100 k items asked 10 batches of lists (334
    # lists) before the one holding its rows: 82-107 ms to its first page, 14-16 ms asking it
    store = ox.Store()
    build_cited(Generator(2000).generate(), store)
    tallies = (
        "SELECT ?t ?n WHERE { ?t <https://w3id.org/quanze/ontology#citingLists> ?n } ORDER BY ?t"
    )
    rows = run_query(store, tallies).rows
    targets = {
        kind: next(r["t"] for r in rows if test(r["t"].value) and r["n"].value == "1")  # type: ignore[union-attr]
        for kind, test in (
            ("article", lambda t: "/art_" in t and "/para_" not in t),
            ("law", lambda t: "/art_" not in t),
        )
    }
    lists = len(run_query(store, _GRAPHS).rows)
    assert lists > 4
    text = load_query(name)
    for target in targets.values():
        seen = asked_lists(monkeypatch)
        whole = run_query(store, name, {"target": target}, timeout=60).rows
        answer = pages.answer_pages(store, name, {"target": target}, page_size=5)
        paged = [row for page in answer.pages for row in page]
        assert normal(text, paged) == normal(text, whole) != []
        assert len(seen) == 1 and len(seen[0]) == 1, seen  # the one list citing it
    # the graphs named are those of the lists citing the target, up to MOST_WITHIN
    most = run_query(store, tallies.replace("ORDER BY ?t", "ORDER BY DESC(?n) ?t LIMIT 1")).rows
    found = holding.within(store, text, {"target": most[0]["t"]})
    assert found is not None and len(found) == int(most[0]["n"].value) > 1  # type: ignore[union-attr]
    monkeypatch.setattr(holding, "MOST_WITHIN", len(found) - 1)
    assert holding.within(store, text, {"target": most[0]["t"]}) is None  # too many to help
