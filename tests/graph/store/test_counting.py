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
from graph.store.query import bundled_queries, load_query, run_query
from tests.graph.store.rows import comparable
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


def counted_as_given(store: ox.Store) -> None:
    """Each query counted by list, by law or by its ranking: the number the builds keep is the
    rows it gives."""
    from graph.store import counting

    for name in counting.by_list_queries():
        kept = run_query(store, counting._KEPT, {"query": ox.Literal(name)}).rows
        assert len(kept) == 1, name  # read from the derived graph, not counted by the engine
        assert count_rows(store, name) == len(run_query(store, name, timeout=60).rows), name
    for name in (*KEPT_ELSE, *SHARED):
        assert count_rows(store, name) == len(run_query(store, name, timeout=60).rows), name
    spread = QZD + "ArticleSpread"
    assert run_query(store, counting._RANKED_ROWS, {"kind": ox.NamedNode(spread)}).rows


#: Counted from the derived facts, not by list: by law (``accountability-law-differs-from-basis``,
#: ``analysis-citations``: their rows follow the laws' titles, so a count kept per list would go
#: stale with ``quanze laws import``) and by the rows its ranking keeps
#: (``articles-across-departments``).
KEPT_ELSE = (
    "accountability-law-differs-from-basis",
    "articles-across-departments",
    "analysis-citations",
)
QZD = "https://w3id.org/quanze/derived#"
#: The queries over data the lists share (the laws' titles and structure), counted from what the
#: builds keep per law: by law times its titles (``audit-citations``), by law alone
#: (``audit-provisions``, ``view-provisions``; ``graph.build.lawparts``).
SHARED = ("audit-citations", "audit-provisions", "view-provisions")


def engine_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """Counting a query by the engine (its COUNT form) fails from now on."""
    from graph.store import counting

    def refused(text: str) -> str:
        raise AssertionError("counted by the engine: " + text[:80])

    monkeypatch.setattr(counting, "count_form", refused)


def test_the_queries_over_shared_data_are_counted_from_kept_facts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the engine took over 5 s at 100 k items to count each of them (issue 23): audit-cells is
    # each list's rows (counted by list), the others per law
    from bench.synthetic import Generator
    from graph.build.build import build_cited, build_graph
    from tests.graph.handmade import citations_a, citations_b, list_a, list_b

    handmade, generated = ox.Store(), ox.Store()
    build_graph([list_a(), list_b()], handmade, citations=citations_a() + citations_b())
    build_cited(Generator(300).generate(), generated)
    rows = {
        (n, name): len(run_query(store, name, timeout=60).rows)
        for n, store in enumerate((handmade, generated))
        for name in ("audit-cells", *SHARED)
    }
    engine_refused(monkeypatch)
    for (n, name), given in rows.items():
        assert given > 0 and count_rows((handmade, generated)[n], name) == given, name


def test_a_store_without_kept_counts_counts_the_shared_queries_by_the_engine() -> None:
    # lines made with --nquads-out and loaded hold no derived graph: never a count of 0
    from graph.build.build import build_graph
    from graph.iri import Iris
    from tests.graph.handmade import citations_a, list_a

    store = ox.Store()
    build_graph([list_a()], store, citations=citations_a())
    store.remove_graph(ox.NamedNode(Iris().derived_graph()))
    for name in ("audit-cells", "analysis-citations", *SHARED):
        rows = run_query(store, name).rows
        assert rows and count_rows(store, name) == len(rows), name


def test_the_queries_counted_from_facts_other_than_by_list() -> None:
    # their counts took 1.1-1.4 s and over 5 s at 100 k items (analysis-citations over 10 s at
    # 10 k), the engine making every row
    from graph.store.counting import counted_by_law

    assert counted_by_law(load_query(KEPT_ELSE[0])) == "beyond"
    assert counted_by_law(load_query(KEPT_ELSE[1])) is None
    assert counted_by_law(load_query(KEPT_ELSE[2])) == "analysis"


def test_the_counts_from_facts_follow_the_laws_titles() -> None:
    # quanze laws import writes the laws' titles and then the derived graph again (derived.refresh):
    # a law given a second title gives its rows twice, in both queries
    from bench.synthetic import Generator
    from graph.build import derived
    from graph.build.build import build_cited
    from graph.iri import Iris

    store = ox.Store()
    build_cited(Generator(300).generate(), store)
    counted_as_given(store)
    before = {name: count_rows(store, name) for name in KEPT_ELSE}
    store.update(
        "PREFIX eli: <http://data.europa.eu/eli/ontology#> "
        f"INSERT {{ GRAPH <{Iris().shared_graph()}> {{ ?law eli:title ?other }} }} "
        "WHERE { GRAPH ?g { ?law a eli:LegalResource ; eli:title ?title } "
        'BIND(STRLANG(CONCAT(STR(?title), "（修订）"), "zh") AS ?other) }'
    )
    derived.refresh(store, Iris())
    counted_as_given(store)
    former = (Path(__file__).with_name("former") / f"{KEPT_ELSE[0]}.rq").read_text(encoding="utf-8")
    new, old = run_query(store, KEPT_ELSE[0]), run_query(store, former, timeout=60)
    assert comparable(load_query(KEPT_ELSE[0]), new.rows) == comparable(former, old.rows)
    after = {name: count_rows(store, name) for name in KEPT_ELSE}
    assert all(after[name] == 2 * n > 0 for name, n in before.items()), (before, after)


def test_the_queries_counted_by_list() -> None:
    # their counts took 1.8 s to over 5 s at 100 k items, the engine making every row (issue 23)
    from graph.store.counting import by_list_queries

    assert set(by_list_queries()) >= {"analysis-items", "unresolved-citations", "view-items"}
    # theirs 1.9 s and more at 100 k items: the lists' own triples, the authorities' names
    assert set(by_list_queries()) >= {"lists", "view-authorities"}


def test_a_count_kept_by_list_follows_rebuilds_and_removals(store: ox.Store) -> None:
    import dataclasses

    from bench.synthetic import Generator
    from graph.build.build import build_cited, build_graph
    from graph.iri import Iris
    from tests.graph.handmade import citations_a, citations_b, list_a, list_b

    counted_as_given(store)  # the analyzed samples
    built = ox.Store()
    build_graph([list_a(), list_b()], built, citations=citations_a() + citations_b())
    counted_as_given(built)
    shorter = dataclasses.replace(list_a(), items=list_a().items[:1])
    build_graph([shorter], built, citations=citations_a()[:1])
    counted_as_given(built)
    built.remove_graph(ox.NamedNode(Iris().list_graph("000_a")))  # removed by an update
    build_graph([list_b()], built, citations=citations_b())
    counted_as_given(built)
    generated = ox.Store()
    build_cited(Generator(300).generate(), generated)
    counted_as_given(generated)


def test_a_store_without_kept_counts_is_counted_by_the_engine() -> None:
    # a store built before the counts were kept, or asked while a build rewrites them
    from graph.build.build import build_graph
    from graph.iri import Iris
    from tests.graph.handmade import citations_a, list_a

    store = ox.Store()
    build_graph([list_a()], store, citations=citations_a())
    store.remove_graph(ox.NamedNode(Iris().derived_graph()))
    rows = run_query(store, "analysis-items").rows
    assert rows and count_rows(store, "analysis-items") == len(rows)
