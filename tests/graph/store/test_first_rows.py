"""Queries rewritten so that the engine gives their first rows before it has joined the whole
store (issue 23: every first page ≤ 100 ms at 100 k items) answer as their former formulations
(``tests/graph/store/former/``) did, whole and per law as a build counts them."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

import graph.store.pages as pages
from bench.synthetic import Generator
from graph.build.build import build_cited, build_graph
from graph.store.counting import grouped_form
from graph.store.query import inline_bindings, load_query, run_query
from tests.graph.handmade import citations_a, citations_b, list_a, list_b
from tests.graph.store.rows import normal

FORMER = Path(__file__).parent / "former"
_LAWS = "SELECT DISTINCT ?law WHERE { ?law a <http://data.europa.eu/eli/ontology#LegalResource> }"


def per_law(store: ox.Store, text: str) -> list[tuple[str, str]]:
    """The rows of ``text`` per law, as ``graph.build.lawparts`` counts them."""
    laws = tuple(row["law"] for row in run_query(store, _LAWS).rows)
    grouped = grouped_form(inline_bindings(text, {"law": laws}), "law")  # type: ignore[dict-item]
    rows = run_query(store, grouped, timeout=60).rows
    return sorted((str(row["law"]), str(row["rows"])) for row in rows)


def test_audit_provisions_makes_the_cited_provisions_distinct_before_their_law() -> None:
    # made distinct with their law (read from the IRI), Oxigraph joined eli:is_part_of* over every
    # node of the store before the first row: 94-139 ms at 100 k items, 831 ms at 1M; the cited
    # provisions alone made distinct first, 9-17 ms. Found from the laws' structure, each asked
    # whether a citation cites it, not as the distinct objects of every citation (at 1M items some
    # 20,000 citations a provision were read past: 84-105 ms quiet, 376-444 at load 7; now 50-55)
    text = load_query("audit-provisions")
    inner = (
        r"\{\s*SELECT DISTINCT \?provision WHERE \{\s*"
        r"\{ \?provision eli:type_subdivision \?\w+ \} UNION \{ \?provision eli:is_part_of \?\w+ \}"
        r"\s*FILTER EXISTS \{ \?citation qz:cites \?provision \}\s*\}\s*\}"
    )
    assert re.search(inner, text)
    # each provision's levels looked up for it alone, not joined for all before the first row
    levels = r"LATERAL \{\s*\?provision eli:is_part_of\* \?part \."
    assert re.search(levels, text)
    store = ox.Store()
    build_cited(Generator(400).generate(), store)
    build_graph([list_a(), list_b()], store, citations=citations_a() + citations_b())
    former = (FORMER / "audit-provisions.rq").read_text(encoding="utf-8")
    whole = run_query(store, "audit-provisions", timeout=60).rows
    before = run_query(store, former, timeout=60).rows
    assert len(whole) > 50
    assert sorted(normal(text, whole)) == sorted(normal(former, before))
    paged = [row for page in pages.answer_pages(store, "audit-provisions").pages for row in page]
    assert sorted(normal(text, paged)) == sorted(normal(former, before))
    assert per_law(store, text) == per_law(store, former)


def test_view_items_asks_the_first_items_of_the_first_list_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the first list's 300 items took ~120 ms to the first page at 100 k items; 16 of them 21-41
    store = ox.Store()
    build_cited(Generator(400).generate(), store)
    asked: list[dict[str, int]] = []
    real = pages.run_query

    def counting(store, text, bindings=None, **kw):  # type: ignore[no-untyped-def]
        if text == "view-items":
            asked.append({k: len(v) for k, v in (bindings or {}).items()})
        return real(store, text, bindings, **kw)

    monkeypatch.setattr(pages, "run_query", counting)
    answer = pages.answer_pages(store, "view-items", page_size=50)
    first = next(answer.pages)
    assert asked == [{"list": 1, "powerItem": pages.FIRST_ITEMS}]
    rows = first + [row for page in answer.pages for row in page]
    whole = run_query(store, "view-items", timeout=60).rows
    assert len(whole) > 2 * pages.FIRST_ITEMS
    assert normal(load_query("view-items"), rows) == normal(load_query("view-items"), whole)


def test_audit_provisions_finds_every_cited_provision_from_the_structure() -> None:
    # a provision gives rows if it is, or is part of, a subdivision: one written without its own
    # type, the law cited whole, a node that is neither, and subdivisions no citation cites
    eli, qz = "http://data.europa.eu/eli/ontology#", "https://w3id.org/quanze/ontology#"
    sub = "https://w3id.org/quanze/ontology/subdivision#"
    law = "https://w3id.org/quanze/id/law/x"
    graphs = [ox.NamedNode(f"https://w3id.org/quanze/id/graph/list/{n}") for n in range(2)]

    def node(path: str) -> ox.NamedNode:
        return ox.NamedNode(f"{law}{path}")

    def quad(s: ox.NamedNode, p: str, o: ox.NamedNode | ox.Literal, g: int = 0) -> ox.Quad:
        return ox.Quad(s, ox.NamedNode(p), o, graphs[g])

    store = ox.Store()
    for n, g in ((1, 0), (2, 0), (2, 1), (3, 1)):  # article 2 written in both graphs
        article = node(f"/art_{n}")
        store.add(quad(article, eli + "type_subdivision", ox.NamedNode(sub + "article"), g))
        store.add(quad(article, eli + "number", ox.Literal(str(n)), g))
        store.add(quad(article, eli + "is_part_of", node(""), g))
    store.add(quad(node("/art_1/par_2"), eli + "type_subdivision", ox.NamedNode(sub + "paragraph")))
    store.add(quad(node("/art_1/par_2"), eli + "number", ox.Literal("2")))
    store.add(quad(node("/art_1/par_2"), eli + "is_part_of", node("/art_1")))
    store.add(quad(node("/art_2/untyped"), eli + "is_part_of", node("/art_2"), 1))
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    store.add(quad(node(""), rdf_type, ox.NamedNode(eli + "LegalResource")))
    cited = ["/art_1/par_2", "/art_2/untyped", "", "/nowhere", "/art_2"]
    for n, path in enumerate(cited * 3):
        citation = ox.NamedNode(f"https://w3id.org/quanze/id/citation/{n}")
        store.add(quad(citation, qz + "cites", node(path), n % 2))
    text = load_query("audit-provisions")
    former = (FORMER / "audit-provisions.rq").read_text(encoding="utf-8")
    whole = run_query(store, text).rows
    assert sorted(normal(text, whole)) == sorted(normal(former, run_query(store, former).rows))
    assert {str(row["provision"]) for row in whole} == {
        f"<{law}{p}>" for p in ("/art_1/par_2", "/art_2/untyped", "/art_2")
    }
    assert per_law(store, text) == per_law(store, former) != []
