"""Who cites an article, page by page: the pages make the whole answer in its order, the first
comes from a few lists, and the count comes from the tallies (issue 23: who-cites for the most
cited article took 6.7–8.2 s at 100 k items before its first row)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

import graph.store.paging as paging
from bench.synthetic import Generator
from graph.app.cli import app
from graph.build.build import build_cited
from graph.store.cites import answer_order, citing_pages, citing_rows, clauses_of
from graph.store.open import open_store
from graph.store.paging import count_citing, row_key
from graph.store.query import run_query
from graph.store.results import term_text

QZ = "https://w3id.org/quanze/ontology#"
ITEMS = 1_200  # six lists


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("paging") / "store"
    store = open_store(where)
    build_cited(Generator(ITEMS).generate(), store)
    store.flush()
    del store
    return where


@pytest.fixture(scope="module")
def store(store_dir: Path) -> ox.Store:
    return open_store(store_dir, read_only=True)


def most_cited(store: ox.Store, kind: str = "article") -> ox.NamedNode:
    top = run_query(
        store,
        f"SELECT ?a WHERE {{ ?a <{QZ}citationCount> ?n ; <http://data.europa.eu/eli/ontology#"
        f"type_subdivision> <https://w3id.org/quanze/ontology/subdivision#{kind}> }} "
        "ORDER BY DESC(?n) ?a LIMIT 1",
    ).rows[0]["a"]
    assert isinstance(top, ox.NamedNode)
    return top


def whole(store: ox.Store, target: ox.NamedNode) -> list[dict[str, Any]]:
    """The answer of one who-cites query over the whole store, in the answer's order."""
    rows = run_query(store, "who-cites", {"target": target}).rows
    return [{key: term_text(value) for key, value in row.items()} for row in rows]


def test_the_pages_make_the_whole_answer_inanswer_order(store: ox.Store) -> None:
    target = most_cited(store)
    pages = list(citing_pages(store, [target], page_size=7))
    paged = [row for page in pages for row in page]
    expected = whole(store, target)
    assert len(expected) > 60 and len(pages) > 3
    assert sorted(r["citation"] for r in paged) == sorted(r["citation"] for r in expected)
    assert len({r["citation"] for r in paged}) == len(paged)
    assert paged == sorted(paged, key=answer_order)  # the whole in order, page after page
    assert len(pages[0]) >= 7
    assert [len(p) for p in pages[1:-1]] == sorted(len(p) for p in pages[1:-1])  # growing


def test_a_long_page_asked_in_parts_gives_the_rows_one_query_gives(
    store: ox.Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page of more citations than one query binds (Oxigraph's plan turns from a lookup per
    citation into a walk over every list's citations past a few hundred: 1,600 took over 60 s at
    100 k items) is asked in parts, and gives the rows one query gives."""
    import graph.store.cites as cites

    target = most_cited(store)
    (page,) = list(citing_pages(store, [target], page_size=10_000))
    monkeypatch.setattr(cites, "CITATIONS_PER_QUERY", 7)
    (parts,) = list(citing_pages(store, [target], page_size=10_000))
    assert len(page) > 60 and parts == page


def test_a_page_never_splits_an_items_citations_in_one_field(store: ox.Store) -> None:
    target = most_cited(store, "article")
    pages = list(paging.citation_pages(store, [target], page_size=1))
    ends = [(row_key(p[-1].value), p[-1].value.split("/citation/")[0]) for p in pages]
    starts = [(row_key(p[0].value), p[0].value.split("/citation/")[0]) for p in pages]
    assert all(end != start for end, start in zip(ends, starts[1:], strict=False))


def graphs_asked(monkeypatch: pytest.MonkeyPatch) -> list[int | None]:
    """How many list graphs each ``citations-in-lists`` is asked in (None: every graph)."""
    asked: list[int | None] = []
    real = paging.run_query

    def counting(source: Any, name: str, bindings: Any = None, **kwargs: Any) -> Any:
        if name == "citations-in-lists":
            asked.append(len(bindings["graph"]) if "graph" in bindings else None)
        return real(source, name, bindings, **kwargs)

    monkeypatch.setattr(paging, "run_query", counting)
    return asked


def test_the_first_page_reads_a_few_lists_not_the_store(
    store: ox.Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = most_cited(store)
    counted = count_citing(store, [target])
    assert counted is not None
    monkeypatch.setattr(paging, "FEW_CITATIONS", counted.citations - 1)  # too many for one query
    asked = graphs_asked(monkeypatch)
    first = next(citing_pages(store, [target], page_size=5))
    expected = paging.first_width(count_citing(store, [target]), 5)  # from the tallies
    assert len(first) >= 5 and asked == [expected]
    assert expected < len(paging.list_graphs(store)) == ITEMS // 200


def most_cited_paragraph(store: ox.Store) -> ox.NamedNode:
    paragraph = run_query(
        store,
        f"SELECT ?p (COUNT(?c) AS ?n) WHERE {{ ?c <{QZ}cites> ?p . ?p <http://data.europa.eu/eli/"
        "ontology#type_subdivision> <https://w3id.org/quanze/ontology/subdivision#paragraph> } "
        "GROUP BY ?p ORDER BY DESC(?n) ?p LIMIT 1",
    ).rows[0]["p"]
    assert isinstance(paragraph, ox.NamedNode)
    return paragraph


def walked(store: ox.Store, targets: list[ox.NamedNode], page_size: int) -> list[list[str]]:
    """The pages as asked a few list graphs at a time, however few cite the targets."""
    few, paging._few_citations = paging._few_citations, lambda *_: None
    try:
        pages = paging.citation_pages(store, targets, page_size=page_size)
        return [[c.value for c in page] for page in pages]
    finally:
        paging._few_citations = few


def test_an_article_no_item_cites_asks_no_list(
    store: ox.Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # at 1M items, asked 8, 16 … 512 list graphs at a time, all 3,334 were read (300 ms)
    cited = {
        term_text(row["p"])
        for row in run_query(store, f"SELECT DISTINCT ?p WHERE {{ ?c <{QZ}citesArticle> ?p }}").rows
    }
    law = most_cited(store).value.rsplit("/art_", 1)[0]
    uncited = next(f"{law}/art_{n}" for n in range(1, 999) if f"{law}/art_{n}" not in cited)
    asked = graphs_asked(monkeypatch)
    assert list(citing_pages(store, [ox.NamedNode(uncited)])) == []
    assert asked == [None]
    assert walked(store, [ox.NamedNode(uncited)], 5) == []


@pytest.mark.parametrize("kind", ["article", "paragraph", "both"])
def test_a_few_citations_are_asked_in_one_query_and_paged_as_the_walk_would(
    store: ox.Store, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    # a paragraph has no tally: a first look at FEW_CITATIONS + 1 tells it is few
    article = most_cited(store)
    counted = count_citing(store, [article])
    assert counted is not None and counted.citations <= paging.FEW_CITATIONS
    paragraph = most_cited_paragraph(store)
    targets = {"article": [article], "paragraph": [paragraph], "both": [article, paragraph]}[kind]
    asked = graphs_asked(monkeypatch)
    pages = [[c.value for c in page] for page in paging.citation_pages(store, targets, page_size=7)]
    assert asked == [None]
    assert pages == walked(store, targets, 7)
    assert sum(map(len, pages)) > 7


def test_a_target_cited_more_than_a_first_look_finds_is_walked(
    store: ox.Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = most_cited_paragraph(store)
    monkeypatch.setattr(paging, "FEW_CITATIONS", 2)
    asked = graphs_asked(monkeypatch)
    pages = [[c.value for c in page] for page in paging.citation_pages(store, [target])]
    assert sum(map(len, pages)) > 2
    assert asked[0] is None and all(n is not None for n in asked[1:]) and len(asked) > 1
    assert pages == walked(store, [target], paging.PAGE_SIZE)


def test_the_list_graphs_are_read_from_the_lists_kept(
    store: ox.Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = paging.list_graphs(store)
    monkeypatch.setattr(paging, "kept_lists", lambda *_: None)  # a derived graph keeping none
    assert kept == paging.list_graphs(store)
    assert len(kept) == ITEMS // 200


def test_the_count_comes_from_the_tallies(store: ox.Store) -> None:
    for kind in ("article", "law"):
        target = most_cited(store, kind) if kind == "article" else None
        if target is None:
            law = run_query(
                store,
                f"SELECT ?l WHERE {{ ?l <{QZ}citationCount> ?n ; a "
                "<http://data.europa.eu/eli/ontology#LegalResource> } ORDER BY DESC(?n) LIMIT 1",
            ).rows[0]["l"]
            assert isinstance(law, ox.NamedNode)
            target = law
        rows = citing_rows(store, [target])
        counted = count_citing(store, [target])
        assert counted is not None
        assert counted.citations == len(rows)
        assert counted.items == len({r["power_item"] for r in rows})
        assert counted.lists == len({r["list"] for r in rows})


def test_a_paragraph_has_no_tally_and_is_counted_as_read(store: ox.Store) -> None:
    paragraph = ox.NamedNode(most_cited(store).value + "/para_1")
    assert count_citing(store, [paragraph]) is None


def test_clauses_of_many_items_at_once(store: ox.Store) -> None:
    items = run_query(store, f"SELECT ?i WHERE {{ ?i a <{QZ}PowerItem> }} LIMIT 40").rows
    nodes = [i["i"] for i in items]
    together = clauses_of(store, nodes)  # type: ignore[arg-type]
    apart: dict[tuple[str, str], list[str]] = {}
    for node in nodes:
        apart.update(clauses_of(store, [node]))  # type: ignore[list-item]
    assert together == apart and together


def test_cites_says_how_many_rows_are_coming_and_streams_them(store_dir: Path) -> None:
    store = open_store(store_dir, read_only=True)
    target = most_cited(store)
    label = run_query(
        store,
        f"SELECT ?t WHERE {{ <{target.value.rsplit('/art_', 1)[0]}> "
        "<http://data.europa.eu/eli/ontology#title> ?t }",
    ).rows[0]["t"]
    number = target.value.rsplit("/art_", 1)[1]
    counted = count_citing(store, [target])
    del store
    assert counted is not None
    result = CliRunner().invoke(
        app,
        ["cites", f"《{term_text(label)}》第{number}条", "--store", str(store_dir), "-f", "csv"],
    )
    assert result.exit_code == 0, result.output
    assert f"{counted.citations} citation(s) in {counted.lists} list(s) (from the tallies)" in (
        result.stderr
    )
    assert len(result.stdout.splitlines()) == counted.citations + 1
