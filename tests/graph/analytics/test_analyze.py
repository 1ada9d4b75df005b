"""quanze analyze on the two sample lists: central articles, equivalent powers across 达孜区 and
巫溪县, keywords, and the analysis graph (rebuild-safe, SHACL-valid, queryable)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import RDF, Literal, Namespace, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from graph.analytics.analyze import (
    DEFAULT_THRESHOLD,
    Analysis,
    Network,
    analyze,
    equivalent_powers,
    load_network,
)
from graph.analytics.enrich import analysis_graph, write_analysis
from graph.app.pipeline import build_files
from graph.store.open import to_rdflib
from graph.store.query import run_query
from graph.store.results import result_rows
from graph.store.validate import validate_graph, validate_store

DAZI = "https://w3id.org/quanze/id/list/000_814c7fb49acd7d24/item/"
WUXI = "https://w3id.org/quanze/id/list/001_6c98652daac37f2e/item/"
QZ = Namespace("https://w3id.org/quanze/ontology#")
DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")


@pytest.fixture(scope="module")
def store_dir(sample_paths: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("analyze") / "store"
    build_files(sample_paths, folder)
    return folder


@pytest.fixture(scope="module")
def store(store_dir: Path) -> ox.Store:
    return ox.Store(str(store_dir))


@pytest.fixture(scope="module")
def network(store: ox.Store) -> Network:
    return load_network(store)


@pytest.fixture(scope="module")
def analysis(network: Network) -> Analysis:
    return analyze(network)


@pytest.fixture(scope="module")
def written(store: ox.Store, analysis: Analysis) -> int:
    return write_analysis(store, analysis)


def test_the_network_holds_every_item(network: Network) -> None:
    assert len(network.items) == 22
    assert network.item(DAZI + "1").region == "拉萨市达孜区"


def test_most_cited_articles_are_central(analysis: Analysis) -> None:
    top = [c.label for c in analysis.articles[:2]]
    assert top == ["中华人民共和国社会保险法第九十三条", "中华人民共和国社会保险法第九十二条"]
    assert analysis.articles[0].items == 8 and 0 < analysis.articles[0].betweenness < 1
    assert analysis.laws[0].label == "中华人民共和国社会保险法"


def test_laws_cited_together(analysis: Analysis) -> None:
    pairs = {(p.title_a, p.title_b): p for p in analysis.cocited}
    pair = pairs[("中华人民共和国社会保险法", "实施《中华人民共和国社会保险法》若干规定")]
    assert (pair.items, pair.jaccard) == (2, 0.2222)


def test_communities_group_powers_by_shared_basis(analysis: Analysis) -> None:
    (fraud,) = [c for c in analysis.communities if DAZI + "1" in c.items]
    assert {WUXI + "4268", WUXI + "4271"} <= set(fraud.items)
    assert fraud.articles[0] == "中华人民共和国社会保险法第八十七条"


def test_communities_are_deterministic(network: Network, analysis: Analysis) -> None:
    assert analyze(network).communities == analysis.communities


def test_the_same_penalty_in_two_counties_is_equivalent(analysis: Analysis) -> None:
    best = [e for e in analysis.equivalences if DAZI + "1" in (e.item_a, e.item_b)]
    assert [e.item_b for e in best[:2]] == [WUXI + "4268", WUXI + "4271"]
    first = best[0]
    assert first.score > 0.6 and first.citation_similarity == 0.6667
    assert "https://w3id.org/quanze/id/law/shehui-baoxian-fa/art_87" in first.shared


def test_same_power_with_different_local_rules_is_found_by_its_name(analysis: Analysis) -> None:
    (reward,) = [e for e in analysis.equivalences if e.item_a == DAZI + "3"]
    assert (reward.item_b, reward.citation_similarity) == (WUXI + "4282", 0.0)
    assert reward.score >= DEFAULT_THRESHOLD


def test_different_powers_score_below_the_threshold(network: Network) -> None:
    scores = {(e.item_a, e.item_b): e.score for e in equivalent_powers(network, 0.0)}
    assert scores.get((DAZI + "3", WUXI + "4273"), 0.0) < DEFAULT_THRESHOLD


def test_pairs_come_from_different_lists(network: Network) -> None:
    pairs = equivalent_powers(network, 0.0)
    lists = {item.iri: item.list_iri for item in network.items}
    assert pairs and all(lists[e.item_a] != lists[e.item_b] for e in pairs)


def test_keywords_of_an_item(analysis: Analysis) -> None:
    words = dict(analysis.keywords)
    assert {"社会保险", "骗取"} <= set(words[DAZI + "1"])
    # the legal dictionary keeps a law title whole
    assert "重庆市骗取社会保险基金处理办法" in words[WUXI + "1177"]


def test_the_analysis_graph_conforms(store: ox.Store, written: int) -> None:
    assert written > 0
    report = validate_store(store)
    assert report.conforms, report.text


def test_the_shapes_catch_a_bad_equivalence(store: ox.Store, written: int) -> None:
    data = to_rdflib(store)
    node = URIRef("https://w3id.org/quanze/id/equivalence/bad")
    data.add((node, QZ.between, URIRef(DAZI + "1")))
    data.add((node, RDF.type, QZ.Equivalence))
    data.add((node, QZ.score, Literal("1.5", datatype=DECIMAL)))
    assert not validate_graph(data).conforms


def test_the_analysis_graph_is_replaced_on_rerun(
    store: ox.Store, network: Network, written: int
) -> None:
    before = to_rdflib(store, analysis_graph())
    total = len(store)
    assert write_analysis(store, analyze(network)) == written
    after = to_rdflib(store, analysis_graph())
    assert len(store) == total
    if not isomorphic(before, after):
        _, only_before, only_after = graph_diff(to_isomorphic(before), to_isomorphic(after))
        pytest.fail(
            f"only before:\n{only_before.serialize()}\nonly after:\n{only_after.serialize()}"
        )


def test_equivalent_powers_query(store: ox.Store, written: int) -> None:
    rows = result_rows(run_query(store, "equivalent-powers"))
    pairs = [(r["row"], r["otherRow"]) for r in rows]
    assert ("1", "4268") in pairs and ("1", "4271") in pairs
    first = next(r for r in rows if (r["row"], r["otherRow"]) == ("1", "4268"))
    assert float(first["score"]) > 0.6 and first["region"] == "拉萨市达孜区"
    assert set(first["sharedProvisions"].split()) == {
        "https://w3id.org/quanze/id/law/shehui-baoxian-fa/art_87",
        "https://w3id.org/quanze/id/law/shishi-shehui-baoxian-fa-ruogan-guiding/art_25",
    }


def test_equivalence_is_symmetric_in_sparql(store: ox.Store, written: int) -> None:
    ask = "PREFIX qz: <https://w3id.org/quanze/ontology#> ASK { ?a qz:equivalentPower ?b }"
    forward = run_query(
        store, ask, {"a": ox.NamedNode(DAZI + "1"), "b": ox.NamedNode(WUXI + "4268")}
    )
    backward = run_query(
        store, ask, {"a": ox.NamedNode(WUXI + "4268"), "b": ox.NamedNode(DAZI + "1")}
    )
    assert forward.boolean and backward.boolean


def test_keyword_concepts_in_sparql(store: ox.Store, written: int) -> None:
    text = """PREFIX qz: <https://w3id.org/quanze/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?item ?label WHERE {
  ?item qz:keyword ?k . ?k skos:inScheme qz:keywords ; skos:prefLabel ?label
}"""
    rows = result_rows(run_query(store, text, {"item": ox.NamedNode(DAZI + "1")}))
    assert "社会保险" in {r["label"] for r in rows}
