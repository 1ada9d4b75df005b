"""``most-cited-articles`` from the facts the build keeps of the articles it shows
(``qzd:MostCitedArticle``, graph.build.ranked.most_cited): the same rows as the query it
replaced, which sorted every tallied article (issue 23: 98-168 ms at 100 k items), through
builds that add and remove lists, a title given after the build, ties at the hundredth article,
and a store built before the facts were kept (asked the query it replaced)."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

import graph.store.pages as pages
from bench.synthetic import Generator
from graph.app.cli import app
from graph.build import derived, ranked
from graph.build.build import build_cited
from graph.iri import Iris
from graph.store.asbuilt import before, built_before, numbered
from graph.store.counting import count_rows
from graph.store.open import open_store
from graph.store.query import load_query, run_query

NAME = "most-cited-articles"
TEXT = load_query(NAME)
FORMER = before(f"{NAME}.rq")
_DERIVED = ox.NamedNode(Iris().derived_graph())
_KIND = ox.NamedNode(derived.QZD + derived.MOST_CITED)
_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
runner = CliRunner()
_SHOWN = ("law", "article", "articleNode", "items", "citations", "lists")
_QZ = "https://w3id.org/quanze/ontology#"
_ARTICLE = (
    "<http://data.europa.eu/eli/ontology#type_subdivision>"
    " <https://w3id.org/quanze/ontology/subdivision#article>"
)
_INTEGER = "^^<http://www.w3.org/2001/XMLSchema#integer>"


@pytest.fixture(scope="module")
def generated() -> ox.Store:
    """Lists citing some hundreds of articles, many tied on their tallies."""
    store = ox.Store()
    build_cited(Generator(600).generate(), store)
    return store


def _rows(store: ox.Store, text: str) -> list[tuple[str, ...]]:
    return [
        tuple(row[v].value for v in _SHOWN)  # type: ignore[union-attr]
        for row in run_query(store, text).rows
    ]


def same_as_former(store: ox.Store) -> list[tuple[str, ...]]:
    """Asserts the answer is the former query's, row for row and in order; gives it."""
    new = _rows(store, NAME)
    assert new == _rows(store, FORMER)
    return new


def _facts(store: ox.Store) -> set[ox.NamedNode | ox.BlankNode]:
    return {q.subject for q in store.quads_for_pattern(None, _TYPE, _KIND, _DERIVED)}


def test_the_query_reads_the_kept_facts_and_its_limit_is_the_builds() -> None:
    assert "qzd:MostCitedArticle" in TEXT and "citingItems ?" not in TEXT
    limit = re.search(r"\bLIMIT\s+(\d+)\s*$", TEXT)
    assert limit is not None and int(limit.group(1)) == ranked.MOST_CITED_ROWS
    assert "LIMIT 100" in FORMER and "qz:citingItems" in FORMER


def test_the_samples_give_the_former_rows(samples: ox.Store) -> None:
    rows = same_as_former(samples)
    assert 0 < len(rows) < ranked.MOST_CITED_ROWS  # fewer articles than the limit: all of them
    assert len(_facts(samples)) == len({row[2] for row in rows})


def test_a_store_of_many_tied_articles_gives_the_former_hundred(generated: ox.Store) -> None:
    rows = same_as_former(generated)
    assert len(rows) == ranked.MOST_CITED_ROWS
    tallied = run_query(
        generated,
        f"SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ ?a <{_QZ}citingItems> ?i ; {_ARTICLE} }}",
    ).rows[0]["n"]
    assert int(tallied.value) > 2 * ranked.MOST_CITED_ROWS  # the store has far more
    last = (rows[-1][3], rows[-1][4])
    beyond = run_query(
        generated,
        f'SELECT (COUNT(*) AS ?n) WHERE {{ ?a <{_QZ}citingItems> "{last[0]}"{_INTEGER} ;'
        f' <{_QZ}citationCount> "{last[1]}"{_INTEGER} ; {_ARTICLE} }}',
    ).rows[0]["n"]
    assert int(beyond.value) > sum(1 for r in rows if (r[3], r[4]) == last)  # tied past the 100th
    # the derived graph keeps the articles shown, numbered in their order, no more
    facts = _facts(generated)
    assert len(facts) == len({row[2] for row in rows}) <= ranked.MOST_CITED_ROWS
    assert numbered(generated, derived.MOST_CITED) == len(facts)


def test_builds_that_add_and_remove_lists_keep_the_former_rows() -> None:
    store = ox.Store()
    generator = Generator(600)
    build_cited(generator.generate([0, 1]), store)
    first = same_as_former(store)
    build_cited(generator.generate([2]), store)  # a list added
    added = same_as_former(store)
    assert added != first
    build_cited(generator.generate([1]), store)  # a list built again
    same_as_former(store)


def test_a_title_given_after_the_build_is_shown(generated: ox.Store) -> None:
    # quanze laws import writes the laws' titles (graph.laws.importer: derived.refresh)
    store = ox.Store()
    store.extend(generated)
    rows = _rows(store, NAME)
    law = rows[-1][2].rsplit("/", 1)[0]
    title = "<http://data.europa.eu/eli/ontology#title>"
    store.update(
        f"DELETE WHERE {{ GRAPH ?g {{ <{law}> {title} ?t }} }} ; "
        f"INSERT DATA {{ GRAPH <{Iris().shared_graph()}> {{ <{law}> {title} "
        '"〇 a title first among its ties"@zh } }'
    )
    derived.refresh(store, Iris())
    after = same_as_former(store)
    assert any(row[0] == "〇 a title first among its ties" for row in after)


def _as_built_before(store: ox.Store) -> ox.Store:
    """The store as form 9 wrote it: no facts of the articles shown, no ranking of them."""
    old = ox.Store()
    old.extend(store)
    ranking = ox.NamedNode(f"{Iris().derived_graph()}/ranking/{derived.MOST_CITED}")
    facts = _facts(old)
    for quad in list(old.quads_for_pattern(None, None, None, _DERIVED)):
        if quad.subject in facts or quad.subject == ranking:
            old.remove(quad)
    return old


def test_a_store_built_before_is_asked_the_former_query(generated: ox.Store) -> None:
    old = _as_built_before(generated)
    whole = run_query(generated, NAME).rows
    assert run_query(old, NAME).rows == whole
    answer = pages.answer_pages(old, NAME, page_size=7)
    assert [row for page in answer.pages for row in page] == list(whole)
    assert count_rows(old, NAME) == count_rows(generated, NAME) == len(whole)
    assert built_before(old, {NAME: TEXT}) == [NAME]
    assert built_before(generated, {NAME: TEXT}) == []


def test_the_pages_are_the_whole_answer(generated: ox.Store) -> None:
    whole = run_query(generated, NAME).rows
    for size in (1, 7, 50, 101):
        answer = pages.answer_pages(generated, NAME, page_size=size)
        assert [row for page in answer.pages for row in page] == list(whole)


def test_export_and_serve_say_when_the_store_was_built_before(
    generated: ox.Store, tmp_path: Path
) -> None:
    where = tmp_path / "store"
    store = open_store(where)
    store.extend(_as_built_before(generated))
    store.flush()
    del store
    done = runner.invoke(app, ["export", "--store", str(where), "--out", str(tmp_path / "q.nq")])
    assert done.exit_code == 0, done.output
    assert "warning" in done.output and NAME in done.output
    assert "conflicting-versions" not in done.output  # its places are there
    current = tmp_path / "current"
    store = open_store(current)
    store.extend(generated)
    store.flush()
    del store
    done = runner.invoke(app, ["export", "--store", str(current), "--out", str(tmp_path / "c.nq")])
    assert done.exit_code == 0 and "warning" not in done.output, done.output


def test_a_derived_graph_of_an_earlier_form_is_counted_afresh_when_written_again(
    generated: ox.Store,
) -> None:
    # quanze laws import writes the derived graph again (derived.refresh): on a store an earlier
    # version wrote (its form older), the facts are counted afresh from the lists (it failed)
    store = _as_built_before(generated)
    form = ox.NamedNode(derived.QZD + "form")
    (quad,) = list(store.quads_for_pattern(None, form, None, _DERIVED))
    store.remove(quad)
    old = ox.Literal("9", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    store.add(ox.Quad(quad.subject, form, old, _DERIVED))
    assert derived.take(store, Iris()) is None
    derived.refresh(store, Iris())
    assert derived.take(store, Iris()) is not None
    assert _rows(store, NAME) == _rows(generated, NAME)
    assert _facts(store) == _facts(generated)
