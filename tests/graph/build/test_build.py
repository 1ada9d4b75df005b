"""The build: what triples a list becomes, and that rebuilding replaces rather than adds."""

from __future__ import annotations

import dataclasses

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from extractors.models import CellCitation, Citation, ListMeta, PowerItem, PowerList
from graph.build.build import build_graph, list_quads
from graph.build.lists import item_keys
from graph.build.quads import date_literal
from graph.errors import BuildError
from graph.store.open import to_rdflib
from tests.graph.handmade import citations_a, citations_b, list_a, list_b

ID = "https://w3id.org/quanze/id/"


def assert_isomorphic(got: Graph, expected: Graph) -> None:
    if not isomorphic(got, expected):
        _, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
        pytest.fail(
            "graphs differ\nonly in built graph:\n"
            + only_got.serialize(format="nt")
            + "\nonly in expected graph:\n"
            + only_expected.serialize(format="nt")
        )


def build(*lists: PowerList, citations: list[CellCitation]) -> ox.Store:
    store = ox.Store()
    build_graph(lists, store, citations=citations)
    return store


def test_store_holds_exactly_what_list_quads_makes() -> None:
    store = build(list_a(), citations=citations_a())
    quads, _ = list_quads(list_a(), citations_a())
    expected = Graph()
    for q in quads:
        expected.parse(data=f"{q.subject} {q.predicate} {q.object} .", format="nt")
    built = to_rdflib(store, f"{ID}graph/list/000_a") + to_rdflib(store, f"{ID}graph/shared")
    assert_isomorphic(built, expected)


def test_rebuild_is_isomorphic_and_adds_nothing() -> None:
    store = build(list_a(), list_b(), citations=citations_a() + citations_b())
    before, size = to_rdflib(store), len(store)
    build_graph([list_a(), list_b()], store, citations=citations_a() + citations_b())
    assert len(store) == size
    assert_isomorphic(to_rdflib(store), before)


def test_rebuilding_one_list_replaces_its_graph_and_leaves_the_other() -> None:
    store = build(list_a(), list_b(), citations=citations_a() + citations_b())
    other = to_rdflib(store, f"{ID}graph/list/001_b")
    shorter = dataclasses.replace(list_a(), items=list_a().items[:1])
    build_graph([shorter], store, citations=citations_a()[:2])
    graph_a = to_rdflib(store, f"{ID}graph/list/000_a")
    assert {str(s) for s in graph_a.subjects() if "/item/" in str(s)} >= {f"{ID}list/000_a/item/1"}
    assert not [s for s in graph_a.subjects() if str(s).startswith(f"{ID}list/000_a/item/2")]
    assert_isomorphic(to_rdflib(store, f"{ID}graph/list/001_b"), other)


EXPECTED_TINY = """
@prefix qz: <https://w3id.org/quanze/ontology#> .
@prefix qzpt: <https://w3id.org/quanze/ontology/power-type#> .
@prefix qzkind: <https://w3id.org/quanze/ontology/citation-kind#> .
@prefix qzfield: <https://w3id.org/quanze/ontology/field#> .
@prefix qzsub: <https://w3id.org/quanze/ontology/subdivision#> .
@prefix qzrank: <https://w3id.org/quanze/ontology/legal-rank#> .
@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://w3id.org/quanze/id/> .

<https://w3id.org/quanze/id/list/t> a qz:PowerList ;
    qz:sourceFile "t.csv" ; qz:format "csv" ; qz:rowsSeen 1 ; qz:region "巫溪县" ;
    dcterms:issued "2025-04-02"^^xsd:date .

<https://w3id.org/quanze/id/list/t/item/7> a qz:PowerItem ;
    qz:inList <https://w3id.org/quanze/id/list/t> ;
    qz:row "7" ; qz:sourceLine 2 ;
    dcterms:title "对骗保的处罚" ;
    qz:powerTypeText "行政处罚" ; qz:powerType qzpt:penalty ;
    qz:departmentText "县医保局" ;
    qz:exercisedBy <https://w3id.org/quanze/id/org/巫溪县/县医保局> ;
    qz:basisText "《巫溪县骗取医保基金处理办法》第七条第二款" ;
    qz:legalBasis <https://w3id.org/quanze/id/law/巫溪县骗取医保基金处理办法/art_7/para_2> .

<https://w3id.org/quanze/id/org/巫溪县/县医保局> a org:Organization ;
    skos:prefLabel "县医保局"@zh ; skos:altLabel "巫溪县医保局"@zh .

<https://w3id.org/quanze/id/law/巫溪县骗取医保基金处理办法> a eli:LegalResource ;
    eli:title "巫溪县骗取医保基金处理办法"@zh ;
    qz:inRegistry false ;
    eli:has_part <https://w3id.org/quanze/id/law/巫溪县骗取医保基金处理办法/art_7> .

<https://w3id.org/quanze/id/law/巫溪县骗取医保基金处理办法/art_7>
    a eli:LegalResourceSubdivision ;
    eli:type_subdivision qzsub:article ; eli:number "7" ; rdfs:label "第7条"@zh ;
    eli:is_part_of <https://w3id.org/quanze/id/law/巫溪县骗取医保基金处理办法> ;
    eli:has_part <https://w3id.org/quanze/id/law/巫溪县骗取医保基金处理办法/art_7/para_2> .

<https://w3id.org/quanze/id/law/巫溪县骗取医保基金处理办法/art_7/para_2>
    a eli:LegalResourceSubdivision ;
    eli:type_subdivision qzsub:paragraph ; eli:number "2" ; rdfs:label "第7条第2款"@zh ;
    eli:is_part_of <https://w3id.org/quanze/id/law/巫溪县骗取医保基金处理办法/art_7> .

<https://w3id.org/quanze/id/list/t/item/7/citation/basis/1> a qz:Citation ;
    qz:citedBy <https://w3id.org/quanze/id/list/t/item/7> ;
    oa:hasSource <https://w3id.org/quanze/id/list/t/item/7> ;
    qz:field qzfield:basis ;
    qz:kind qzkind:explicit ;
    qz:cites <https://w3id.org/quanze/id/law/巫溪县骗取医保基金处理办法/art_7/para_2> ;
    qz:citesArticle <https://w3id.org/quanze/id/law/巫溪县骗取医保基金处理办法/art_7> ;
    qz:citesLaw <https://w3id.org/quanze/id/law/巫溪县骗取医保基金处理办法> ;
    qz:docNumber "渝府令第231号" ;
    qz:rankTag "地方政府规章" ;
    oa:hasSelector <https://w3id.org/quanze/id/list/t/item/7/citation/basis/1/quote> ,
        <https://w3id.org/quanze/id/list/t/item/7/citation/basis/1/position> .

<https://w3id.org/quanze/id/list/t/item/7/citation/basis/1/quote> a oa:TextQuoteSelector ;
    oa:exact "《巫溪县骗取医保基金处理办法》第七条第二款" .

<https://w3id.org/quanze/id/list/t/item/7/citation/basis/1/position> a oa:TextPositionSelector ;
    oa:start 0 ; oa:end 21 .
"""


def test_tiny_list_gives_exactly_the_expected_graph() -> None:
    basis = "《巫溪县骗取医保基金处理办法》第七条第二款"
    item = PowerItem(
        "t.csv", "7", 2, name="对骗保的处罚", type="行政处罚", department="县医保局", basis=basis
    )
    meta = ListMeta(date="2025-04-02", region="巫溪县")
    plist = PowerList("t.csv", "csv", None, meta, (item,), (), 1)
    citation = Citation(
        basis,
        0,
        len(basis),
        "巫溪县骗取医保基金处理办法",
        "explicit",
        article=7,
        paragraph=2,
        doc_number="渝府令第231号",
        rank="地方政府规章",
    )
    store = build(plist, citations=[CellCitation("t.csv", "7", "basis", citation)])
    expected = Graph().parse(data=EXPECTED_TINY, format="turtle")
    built = to_rdflib(store, f"{ID}graph/list/t") + to_rdflib(store, f"{ID}graph/shared")
    assert_isomorphic(built, expected)


def test_paragraph_citation_answers_for_its_article() -> None:
    store = build(list_b(), citations=citations_b())
    ask = """
        PREFIX qz: <https://w3id.org/quanze/ontology#>
        PREFIX eli: <http://data.europa.eu/eli/ontology#>
        ASK { ?c qz:cites ?p . ?p eli:is_part_of+
              <https://w3id.org/quanze/id/law/shehui-baoxian-fa/art_87> }"""
    assert bool(store.query(ask, use_default_graph_as_union=True))


def test_version_recorded_on_citation_and_dated_from_registry() -> None:
    store = build(list_a(), citations=citations_a())
    rows = list(
        store.query(
            """PREFIX qz: <https://w3id.org/quanze/ontology#>
            PREFIX eli: <http://data.europa.eu/eli/ontology#>
            SELECT ?v ?note ?date WHERE { ?c qz:citedVersion ?v ; qz:versionNote ?note .
              ?v eli:version_date ?date ; eli:realizes ?law . ?law eli:is_realized_by ?v }""",
            use_default_graph_as_union=True,
        )
    )
    assert [(r["v"].value, r["note"].value, r["date"].value) for r in rows] == [
        (f"{ID}law/shehui-baoxian-fa/2018-12-29", "2018修正", "2018-12-29")
    ]


def test_report_counts() -> None:
    store = ox.Store()
    report = build_graph([list_a(), list_b()], store, citations=citations_a() + citations_b())
    assert (report.items, report.citations, report.unresolved, report.rejects) == (5, 7, 1, 1)
    assert [built.list_id for built in report.built] == ["000_a", "001_b"]
    assert report.triples == sum(built.triples for built in report.built) > 0
    assert store.contains_named_graph(ox.NamedNode(f"{ID}graph/ontology"))
    assert "unresolved" in report.summary()
    assert report.to_json()["files"][0]["items"] == 2


def test_a_chapter_heading_after_a_registry_law_cites_it_by_its_registry_id() -> None:
    basis = "《中华人民共和国行政处罚法》。第五章、第六章。"
    item = PowerItem("h.md", "1", 2, name="处罚", basis=basis)
    store = ox.Store()
    build_graph([PowerList("h.md", "md", "utf-8", ListMeta(), (item,))], store)
    laws = store.quads_for_pattern(
        None,
        ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
        ox.NamedNode("http://data.europa.eu/eli/ontology#LegalResource"),
    )
    assert {q.subject.value for q in laws} == {f"{ID}law/xingzheng-chufa-fa"}


def test_lists_alone_have_their_citations_extracted() -> None:
    item = PowerItem("c.md", "1", 2, name="处罚", basis="《社会保险法》第八十七条")
    store = ox.Store()
    report = build_graph([PowerList("c.md", "md", "utf-8", ListMeta(), (item,))], store)
    assert report.citations == 1
    article = f"{ID}law/shehui-baoxian-fa/art_87"
    ask = f"ASK {{ ?c <https://w3id.org/quanze/ontology#citesArticle> <{article}> }}"
    assert bool(store.query(ask, use_default_graph_as_union=True))


def test_repeated_row_items_stay_apart_and_citations_find_their_item() -> None:
    store = build(list_b(), citations=citations_b())
    titles = {
        r["i"].value: r["t"].value
        for r in store.query(
            "SELECT ?i ?t WHERE { ?i <http://purl.org/dc/terms/title> ?t }",
            use_default_graph_as_union=True,
        )
    }
    assert titles[f"{ID}list/001_b/item/4273"] == "价格监督"
    assert titles[f"{ID}list/001_b/item/4273.2"] == "价格监督（子项）"


def test_citation_of_a_row_the_list_lacks_fails_that_list_alone() -> None:
    bad = dataclasses.replace(citations_b()[0], row="9999")
    store = ox.Store()
    report = build_graph([list_b(), list_a()], store, citations=[bad, *citations_a()])
    assert [f.source for f in report.failed] == ["001_b.txt"]
    assert "9999" in (report.failed[0].error or "")
    assert [b.list_id for b in report.built] == ["000_a"]


def test_citations_for_a_source_not_built_are_an_error() -> None:
    with pytest.raises(BuildError, match=r"001_b\.txt"):
        build(list_a(), citations=citations_a() + citations_b())


@pytest.mark.parametrize(
    ("text", "value", "datatype"),
    [
        pytest.param("2025-04-02", "2025-04-02", "date", id="iso"),
        pytest.param("2025年4月2日", "2025-04-02", "date", id="chinese"),
        pytest.param("2023年", "2023", "gYear", id="year"),
        pytest.param("2023-4", "2023-04", "gYearMonth", id="year-month"),
        pytest.param("四月", "四月", "string", id="kept-as-written"),
    ],
)
def test_date_literal(text: str, value: str, datatype: str) -> None:
    literal = date_literal(text)
    assert (literal.value, literal.datatype.value.rsplit("#", 1)[1]) == (value, datatype)


def test_item_keys() -> None:
    items = [PowerItem("a", "1", 1), PowerItem("a", "1", 2), PowerItem("a", None, 3)]
    assert item_keys(items) == ["1", "1.2", "line-3"]


def _one_item_list(source: str, department: str, region: str | None) -> PowerList:
    item = PowerItem(source, "1", 2, name="对骗保的处罚", department=department)
    meta = ListMeta(region=region, department=f"{region}医疗保障局" if region else None)
    return PowerList(source, "txt", "utf-8", meta, (item,), (), 1)


def _authorities(store: ox.Store) -> dict[str, tuple[str, ...]]:
    """Each power item's authorities: IRI, preferred and alternative labels."""
    rows = store.query(
        """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?i ?o ?pref (GROUP_CONCAT(?alt) AS ?alts) WHERE {
          ?i <https://w3id.org/quanze/ontology#exercisedBy> ?o . ?o skos:prefLabel ?pref .
          OPTIONAL { ?o skos:altLabel ?alt } } GROUP BY ?i ?o ?pref ORDER BY ?i""",
        use_default_graph_as_union=True,
    )
    return {
        r["i"].value.removeprefix(ID): (
            r["o"].value.removeprefix(ID),
            r["pref"].value,
            r["alts"].value if r["alts"] is not None else "",
        )
        for r in rows
    }


def test_relative_authorities_are_scoped_by_region_absolute_ones_are_shared() -> None:
    lists = [
        _one_item_list("wuxi.txt", "县医保局", "巫溪县"),
        _one_item_list("yunyang.txt", "县医保局", "云阳县"),
        _one_item_list("dazi.txt", "达孜区医保局", "拉萨市达孜区"),
        _one_item_list("dazi-2024.txt", "达孜区医保局", "达孜区"),
    ]
    store = build(*lists, citations=[])
    assert _authorities(store) == {
        "list/wuxi/item/1": ("org/巫溪县/县医保局", "县医保局", "巫溪县医保局"),
        "list/yunyang/item/1": ("org/云阳县/县医保局", "县医保局", "云阳县医保局"),
        "list/dazi/item/1": ("org/达孜区医保局", "达孜区医保局", ""),
        "list/dazi-2024/item/1": ("org/达孜区医保局", "达孜区医保局", ""),
    }
    publishers = {
        r["p"].value.removeprefix(ID)
        for r in store.query(
            "SELECT ?p WHERE { ?l <http://purl.org/dc/terms/publisher> ?p }",
            use_default_graph_as_union=True,
        )
    }
    assert publishers == {
        "org/巫溪县医疗保障局",
        "org/云阳县医疗保障局",
        "org/拉萨市达孜区医疗保障局",
        "org/达孜区医疗保障局",
    }


def test_region_comes_from_the_publisher_when_not_given_else_the_list_scopes() -> None:
    from_department = dataclasses.replace(
        _one_item_list("a.txt", "市医保局", None), meta=ListMeta(department="巫溪县医疗保障局")
    )
    nowhere = _one_item_list("b.txt", "县医保局", None)
    assert _authorities(build(from_department, nowhere, citations=[])) == {
        "list/a/item/1": ("org/巫溪县/市医保局", "市医保局", ""),  # the city is not written
        "list/b/item/1": ("list/b/org/县医保局", "县医保局", ""),
    }


def test_different_lists_with_the_same_file_name_are_both_stored() -> None:
    warnings: list[str] = []
    store = ox.Store()
    report = build_graph(
        [
            _one_item_list("a/x.txt", "县医保局", "巫溪县"),
            _one_item_list("b/x.txt", "县医保局", "云阳县"),
        ],
        store,
        citations=[],
        warn=warnings.append,
    )
    assert [b.list_id for b in report.built] == ["x", "x~b"]
    assert not warnings
    regions = {
        r["r"].value
        for r in store.query(
            "SELECT ?r WHERE { ?l <https://w3id.org/quanze/ontology#region> ?r }",
            use_default_graph_as_union=True,
        )
    }
    assert regions == {"巫溪县", "云阳县"}


def test_the_same_list_given_twice_is_stored_once_with_a_warning() -> None:
    warnings: list[str] = []
    one = _one_item_list("a/x.txt", "县医保局", "巫溪县")
    again = dataclasses.replace(one, source="b/y.csv", format="csv")
    report = build_graph([one, again], ox.Store(), citations=[], warn=warnings.append)
    assert [b.list_id for b in report.built] == ["x"]
    assert warnings == ["b/y.csv: the same list as a/x.txt (same items); stored once"]
    assert not report.failed


def test_one_file_given_twice_with_different_items_is_built_once() -> None:
    warnings: list[str] = []
    one = _one_item_list("a/x.txt", "县医保局", "巫溪县")
    other = _one_item_list("a/x.txt", "县医保局", "云阳县")
    report = build_graph([one, other], ox.Store(), citations=[], warn=warnings.append)
    assert [b.list_id for b in report.built] == ["x"]
    assert warnings == ["a/x.txt: given twice in one build with different items; built once"]
