"""The "who cites" queries bound to a law or an article are counted from the tallies
(``graph.store.boundcount``), and the count is the rows they give, on shapes that could make it
otherwise: an item exercised by two departments, a law of two titles, a 款 and a 项 cited, items
whose IRIs meet, a list naming no source file (issue 23: the engine took over 5 s at 100 k
items to count them)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pyoxigraph as ox
import pytest

from bench.synthetic import Generator
from graph.build.build import build_cited, build_graph
from graph.iri import Iris
from graph.store import boundcount
from graph.store.counting import count_rows
from graph.store.query import Binding, run_query
from tests.graph.build.test_listrows import _rows_meeting
from tests.graph.handmade import citations_a, citations_b, list_a, list_b
from tests.graph.store.test_counting import engine_refused

LAW = "https://w3id.org/quanze/id/law/shehui-baoxian-fa"
NUMBER = "中华人民共和国主席令第二十五号"


def handmade() -> ox.Store:
    """list_a and list_b (a joint department, a 款 cited), one citation of a 项 added."""
    first = citations_a()[0]
    point = dataclasses.replace(
        first, citation=dataclasses.replace(first.citation, paragraph=1, item=2)
    )
    store = ox.Store()
    build_graph([list_a(), list_b()], store, citations=citations_a() + citations_b() + [point])
    return store


def titled_twice(store: ox.Store) -> ox.Store:
    """Every law given a second title, as ``quanze laws import`` may."""
    store.update(
        "PREFIX eli: <http://data.europa.eu/eli/ontology#> "
        f"INSERT {{ GRAPH <{Iris().shared_graph()}> {{ ?law eli:title ?other }} }} "
        "WHERE { GRAPH ?g { ?law a eli:LegalResource ; eli:title ?title } "
        'BIND(STRLANG(CONCAT(STR(?title), "（修订）"), "zh") AS ?other) }'
    )
    return store


def asked(store: ox.Store) -> Iterator[tuple[str, dict[str, Binding]]]:
    """Each query bound to the laws and articles the store's tallies count, most cited first."""
    query = (
        "SELECT ?t ?title WHERE { ?t <https://w3id.org/quanze/ontology#citationCount> ?n "
        "OPTIONAL { ?t <http://data.europa.eu/eli/ontology#title> ?title } } ORDER BY DESC(?n) ?t"
    )
    targets = run_query(store, query).rows
    for row in targets[:3] + targets[len(targets) // 2 : len(targets) // 2 + 2]:
        target = row["t"]
        assert isinstance(target, ox.NamedNode)
        yield "who-cites", {"target": target}
        yield "view-cited-under", {"target": target}
        yield "accountability-resting-on", {"target": target}
        if "title" in row:
            words = row["title"].value[-4:]  # type: ignore[union-attr]
            yield "who-cites-law", {"law": words}
            yield "who-cites-article", {"law": words, "article": "1"}
        if "/art_" in target.value:
            article = target.value.rsplit("/art_", 1)[1]
            yield "who-cites-article", {"law": "法", "article": article}
    yield "who-cites-doc-number", {"docNumber": NUMBER}
    yield "who-cites-doc-number", {"docNumber": "中华人民共和国主席令第三十五号"}


def counted_as_given(store: ox.Store, monkeypatch: pytest.MonkeyPatch) -> int:
    """Each bound count is the rows the query gives, none counted by the engine; how many
    were not 0."""
    given = [(name, b, len(run_query(store, name, b, timeout=60).rows)) for name, b in asked(store)]
    with monkeypatch.context() as patched:
        engine_refused(patched)
        for name, bindings, rows in given:
            assert count_rows(store, name, bindings) == rows, (name, bindings)
    return sum(rows > 0 for _, _, rows in given)


def test_the_bound_queries_are_counted_from_the_tallies(monkeypatch: pytest.MonkeyPatch) -> None:
    store = handmade()
    assert boundcount.regular(store)
    assert counted_as_given(store, monkeypatch) > 10
    generated = ox.Store()
    build_cited(Generator(300).generate(), generated)
    assert counted_as_given(generated, monkeypatch) > 10


def test_a_law_of_two_titles_gives_its_rows_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    store = handmade()
    bindings: dict[str, Binding] = {"target": ox.NamedNode(LAW + "/art_87")}
    once = count_rows(store, "who-cites", bindings)
    titled_twice(store)
    assert count_rows(store, "who-cites", bindings) == 2 * once > 0
    assert counted_as_given(store, monkeypatch) > 10


def test_a_paragraph_and_an_item_are_counted_from_what_cites_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # no tally counts a 款 or a 项: the citations of the provisions under it are counted (a
    # join of two patterns, not every row made)
    store, given = handmade(), []
    for target in (LAW + "/art_87/para_1", LAW + "/art_87/para_1/point_2", LAW + "/art_93"):
        for name in ("who-cites", "view-cited-under", "accountability-resting-on"):
            bindings: dict[str, Binding] = {"target": ox.NamedNode(target)}
            rows = len(run_query(store, name, bindings).rows)
            given.append(rows)
            with monkeypatch.context() as patched:
                engine_refused(patched)
                assert count_rows(store, name, bindings) == rows, (name, target)
    assert all(given[:2]) and given[-1]  # the 款 and 项 cited, a clause resting on 第93条


def test_items_whose_iris_meet_are_counted_by_the_engine() -> None:
    # one item node with two rows gives each of its citations twice
    first = list_a().items[0]
    extra = [dataclasses.replace(c, row=f"{first.row}.2") for c in citations_a()]
    store = ox.Store()
    build_graph([_rows_meeting(list_a())], store, citations=citations_a() + extra)
    assert not boundcount.regular(store)
    bindings: dict[str, Binding] = {"target": ox.NamedNode(LAW + "/art_87")}
    rows = run_query(store, "who-cites", bindings).rows
    assert count_rows(store, "who-cites", bindings) == len(rows) > 0
    # rebuilt without them, the store is regular again
    build_graph([list_a()], store, citations=citations_a())
    assert boundcount.regular(store)


def test_a_list_naming_no_source_is_counted_by_the_engine() -> None:
    # the who-cites queries start at the list's source file: its citations give no row
    store = handmade()
    store.update(
        "DELETE WHERE { GRAPH ?g { ?list <https://w3id.org/quanze/ontology#sourceFile> ?s } }"
    )
    from graph.build import derived

    facts = derived.recount(store, Iris())  # as the next build counts a store changed by hand
    assert sum(n for (n,) in facts.rows[derived.IRREGULAR.name].values()) == 2
    store.remove_graph(ox.NamedNode(Iris().derived_graph()))
    derived.write(store, facts, Iris())
    assert not boundcount.regular(store)
    bindings: dict[str, Binding] = {"target": ox.NamedNode(LAW)}
    assert count_rows(store, "who-cites", bindings) == len(
        run_query(store, "who-cites", bindings).rows
    )
    assert count_rows(store, "view-cited-under", bindings) > 0  # it does not start at the source
