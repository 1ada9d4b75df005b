"""The derived facts a build keeps (graph.build.derived) agree with counting the store afresh, and
the queries reading them answer as their former formulations did over the whole store, through
first builds, rebuilds, removals, failed builds, parallel builds and stores made before them."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from graph.app.cli import app
from graph.build import derived
from graph.build.build import build_cited, build_graph
from graph.errors import BuildError
from graph.iri import Iris
from graph.store.open import open_store
from graph.store.query import load_query, run_query
from tests.graph.handmade import citations_a, citations_b, list_a, list_b, stopped_part_way
from tests.graph.store.rows import comparable

FORMER = Path(__file__).parents[1] / "store" / "former"
#: The bundled queries that read the derived graph.
READERS = (
    "items-per-type",
    "accountability-only-articles",
    "articles-across-departments",
    "conflicting-versions",
    "counts",
    "most-reused-clauses",
    "citations-by-rank",
    "accountability-law-differs-from-basis",
)
runner = CliRunner()


def kept(store: ox.Store) -> dict[str, dict[derived.Key, list[int]]]:
    facts = derived.take(store, Iris())
    assert facts is not None, "no derived graph"
    return {name: {k: v for k, v in rows.items() if any(v)} for name, rows in facts.rows.items()}


def live(store: ox.Store) -> dict[str, dict[derived.Key, list[int]]]:
    facts = derived.recount(store, Iris())
    return {name: {k: v for k, v in rows.items() if any(v)} for name, rows in facts.rows.items()}


def answers_as_before(store: ox.Store) -> None:
    for name in READERS:
        former = (FORMER / f"{name}.rq").read_text(encoding="utf-8")
        new, old = run_query(store, name, timeout=60), run_query(store, former, timeout=60)
        assert comparable(load_query(name), new.rows) == comparable(former, old.rows), name


def both(store: ox.Store) -> None:
    build_graph([list_a(), list_b()], store, citations=citations_a() + citations_b())


def test_a_first_build_keeps_what_its_lists_hold() -> None:
    store = ox.Store()
    both(store)
    facts = kept(store)
    assert facts == live(store)
    assert facts["Held"][()][0] == 2
    answers_as_before(store)


def test_rebuilding_a_list_replaces_its_part() -> None:
    store = ox.Store()
    both(store)
    before = kept(store)
    shorter = dataclasses.replace(list_a(), items=list_a().items[:1])
    build_graph([shorter], store, citations=citations_a()[:1])
    after = kept(store)
    assert after == live(store)
    assert after != before
    answers_as_before(store)
    build_graph([list_a()], store, citations=citations_a())
    assert kept(store) == before


def test_an_unchanged_rebuild_keeps_the_facts() -> None:
    store = ox.Store()
    both(store)
    before = set(store.quads_for_pattern(None, None, None, ox.NamedNode(Iris().derived_graph())))
    build_graph([list_b(), list_a()], store, citations=citations_a() + citations_b())
    after = set(store.quads_for_pattern(None, None, None, ox.NamedNode(Iris().derived_graph())))
    assert after == before


def test_a_removed_list_is_counted_out_at_the_next_build() -> None:
    store = ox.Store()
    both(store)
    store.remove_graph(ox.NamedNode(Iris().list_graph("000_a")))  # removed by an update
    build_graph([list_b()], store, citations=citations_b())
    assert kept(store) == live(store)
    assert kept(store)["Held"][()][0] == 1


def test_a_store_without_derived_facts_is_counted_afresh() -> None:
    store = ox.Store()
    both(store)
    expected = kept(store)
    store.remove_graph(ox.NamedNode(Iris().derived_graph()))  # as a store built before them
    build_graph([list_b()], store, citations=citations_b())
    assert kept(store) == expected == live(store)


def test_a_build_that_fails_part_way_keeps_what_it_loaded() -> None:
    store = ox.Store()
    with pytest.raises(BuildError):
        build_graph(stopped_part_way(), store, citations=citations_a() + citations_b())
    assert kept(store) == live(store)
    assert kept(store)["Held"][()][0] == 2


def test_the_build_counts_as_the_store_says_on_generated_lists() -> None:
    from bench.synthetic import Generator

    store = ox.Store()
    build_cited(Generator(400).generate(), store)
    facts = kept(store)
    assert facts == live(store)
    # every kind has facts to compare (no list is irregular here: graph.build.irregular; no
    # clause lacks a text: graph.build.resting, tests/graph/store/test_resting.py)
    odd = (derived.IRREGULAR, derived.BARE_RESTING)
    assert all(facts[kind.name] for kind in derived.KINDS if kind not in odd)


def test_a_parallel_build_keeps_the_same_facts(tmp_path: Path, sample_paths: list[Path]) -> None:
    graphs = []
    for jobs in ("1", "2"):
        where = tmp_path / f"jobs{jobs}"
        done = runner.invoke(
            app, ["build", *map(str, sample_paths), "--store", str(where), "--jobs", jobs]
        )
        assert done.exit_code == 0, done.output
        store = open_store(where, read_only=True)
        graph = ox.NamedNode(Iris().derived_graph())
        graphs.append(set(store.quads_for_pattern(None, None, None, graph)))
        assert kept(store) == live(store)
        del store
    assert graphs[0] == graphs[1]
    assert graphs[0]


def test_the_rank_rows_are_made_again_when_a_law_is_given_a_rank() -> None:
    # citations-by-rank takes a law's rank from the store when the derived graph is written;
    # quanze laws import gives laws ranks (graph.laws.importer calls derived.refresh)
    from bench.synthetic import Generator

    store = ox.Store()
    build_cited(Generator(200).generate(), store)
    name = "citations-by-rank"
    former, text = (FORMER / f"{name}.rq").read_text(encoding="utf-8"), load_query(name)
    law = run_query(
        store,
        "SELECT ?l WHERE { ?l <https://w3id.org/quanze/ontology#citingItems> ?n } "
        "ORDER BY DESC(?n) ?l LIMIT 1",
    ).rows[0]["l"]
    store.update(
        "PREFIX eli: <http://data.europa.eu/eli/ontology#> "
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
        f"INSERT DATA {{ GRAPH <{Iris().shared_graph()}> {{ <{law.value}> eli:type_document "
        '<https://example.org/rank> . <https://example.org/rank> skos:prefLabel "新级别"@zh } }'
    )
    old = comparable(former, run_query(store, former).rows)
    assert comparable(text, run_query(store, name).rows) != old  # made before the law's rank
    derived.refresh(store, Iris())
    assert comparable(text, run_query(store, name).rows) == old
    assert kept(store) == live(store)


def test_a_derived_graph_of_an_earlier_form_is_counted_afresh() -> None:
    # one written before the clause and rank facts held none of them: summed as it was, a build
    # of one list would then count that list's alone
    store = ox.Store()
    both(store)
    expected = kept(store)
    graph = ox.NamedNode(Iris().derived_graph())
    earlier = {
        f"{derived.QZD}{kind}"
        for kind in (derived.RANK_CITED.name, derived.RANK_ITEMS.name, derived.CLAUSE_USE.name)
    }
    for quad in list(store.quads_for_pattern(None, None, None, graph)):
        if quad.predicate.value.endswith("#form") or quad.object.value in earlier:
            store.remove(quad)
    build_graph([list_b()], store, citations=citations_b())
    assert kept(store) == expected == live(store)


def test_a_list_waiting_for_the_commit_holds_no_counts_per_article() -> None:
    # A build sums each list's counts that need no store to name them as the list comes
    # (Collector.fold): before, every list's counts per article stayed with it until the commit
    # at the build's end, some 34 KB a 300-item list, which took --jobs 2 at 1M items past 2 GB.
    store = ox.Store()
    both(store)
    for graph in derived.list_graphs(store, Iris()):
        whole = derived.Collector.stored(store, graph)
        waiting = derived.Collector.stored(store, graph)
        summed = derived.Facts()
        waiting.fold(summed)
        assert not (waiting.use or waiting.laws or waiting.versions or waiting.ranked)
        assert not (waiting.pairs or waiting.concepts or waiting.variants or any(waiting.held))
        summed.add(waiting.facts(store))
        expected = whole.facts(store)
        assert expected.rows[derived.ARTICLE_USE.name], "a list citing no article tells nothing"
        for name, rows in expected.rows.items():
            assert {k: v for k, v in summed.rows[name].items() if any(v)} == {
                k: v for k, v in rows.items() if any(v)
            }, name
