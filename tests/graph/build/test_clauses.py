"""Clauses in the graph: 责任事项 and 追责情形 cut into clause nodes, their shared concepts, the
provisions accountability clauses rest on, the bundled clause queries, cites and views."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib.compare import isomorphic

from extractors.models import CellCitation, Citation, ListMeta, PowerItem, PowerList
from graph.app.pipeline import build_files
from graph.build.build import build_graph
from graph.build.clauses import normalise_clause
from graph.iri import Iris
from graph.store.cites import find_citing_items
from graph.store.open import open_store, to_rdflib
from graph.store.query import run_query
from graph.store.results import term_text
from graph.store.validate import validate_store
from graph.views.write import build_view

IDS = Iris()
DAZI, WUXI = "000_814c7fb49acd7d24", "001_6c98652daac37f2e"
SHEBAO_ID = "shehui-baoxian-fa"
SHEBAO = IDS.law(SHEBAO_ID)
PREFIXES = """
PREFIX qz: <https://w3id.org/quanze/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""
CLAUSES = (
    PREFIXES
    + """
SELECT ?clause ?number ?mark ?text ?start ?end ?concept ?powerItem ?has WHERE {
  ?powerItem ?has ?clause .
  ?clause qz:clauseOf ?powerItem ; qz:text ?text ; qz:clauseConcept ?concept ;
          oa:hasSelector [ oa:start ?start ; oa:end ?end ] .
  OPTIONAL { ?clause qz:clauseNumber ?number }
  OPTIONAL { ?clause qz:clauseMark ?mark }
} ORDER BY ?start"""
)
ACCOUNTABILITY = ox.NamedNode("https://w3id.org/quanze/ontology#hasAccountabilityClause")
RESPONSIBILITY = ox.NamedNode("https://w3id.org/quanze/ontology#hasResponsibilityItem")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, sample_paths: list[Path]) -> ox.Store:
    """A store built from the two sample lists."""
    folder = tmp_path_factory.mktemp("clauses") / "store"
    build_files(sample_paths, folder)
    return open_store(folder)


def clauses(store: ox.Store, item: str, has: ox.NamedNode) -> list[dict[str, str]]:
    rows = run_query(store, CLAUSES, {"powerItem": ox.NamedNode(item), "has": has}).rows
    return [{k: term_text(v) for k, v in r.items()} for r in rows]


def literal(store: ox.Store, s: str, p: str) -> str:
    (quad,) = store.quads_for_pattern(
        ox.NamedNode(s), ox.NamedNode(f"https://w3id.org/quanze/ontology#{p}"), None
    )
    return term_text(quad.object)


def rows(store: ox.Store, query: str, **bindings: str) -> list[dict[str, str]]:
    bound = {k: ox.NamedNode(v) for k, v in bindings.items()}
    return [{k: term_text(v) for k, v in r.items()} for r in run_query(store, query, bound).rows]


# the seed facts ---------------------------------------------------------------------------------


def test_dazi_item_1_has_9_responsibility_steps_and_7_accountability_clauses(
    store: ox.Store,
) -> None:
    item = IDS.item(DAZI, "1")
    steps, situations = clauses(store, item, RESPONSIBILITY), clauses(store, item, ACCOUNTABILITY)
    assert [c["number"] for c in steps] == [str(n) for n in range(1, 10)]
    assert [c["number"] for c in situations] == [str(n) for n in range(1, 8)]
    assert steps[0]["text"].startswith("案前审查：") and situations[0]["mark"] == "1."
    lead = literal(store, item, "accountabilityLead")
    assert (
        lead == "因不履行或不正确履行行政职责，有下列情形的行政机关及相关工作人员应承担相应的责任："
    )
    assert all(lead not in c["text"] for c in situations)  # the lead belongs to the cell
    cell = literal(store, item, "accountabilityText")
    assert all(cell[int(c["start"]) : int(c["end"])] == c["text"] for c in situations)


def test_wuxi_item_1177_keeps_19_clauses_and_flags_the_13_14_glitch(store: ox.Store) -> None:
    item = IDS.item(WUXI, "1177")
    found = clauses(store, item, ACCOUNTABILITY)
    assert [c["number"] for c in found] == [str(n) for n in range(1, 20)]
    warnings = {
        term_text(q.subject).rsplit("/", 1)[-1]: term_text(q.object)
        for q in store.quads_for_pattern(
            None, ox.NamedNode("https://w3id.org/quanze/ontology#clauseWarning"), None
        )
        if term_text(q.subject).startswith(item + "/")
    }
    assert warnings == {"14": "clause 14 runs on from clause 13 on one line"}
    cell = literal(store, item, "accountabilityText")
    assert all(cell[int(c["start"]) : int(c["end"])] == c["text"] for c in found)
    assert clauses(store, item, RESPONSIBILITY) == []  # 巫溪县 has no 责任事项 column


def test_identical_clauses_of_4267_4268_4269_share_concepts(store: ox.Store) -> None:
    found = {row: clauses(store, IDS.item(WUXI, row), ACCOUNTABILITY) for row in WUXI_ROWS}
    concepts = {row: {c["concept"] for c in cs} for row, cs in found.items()}
    assert concepts["4267"] == concepts["4268"] == concepts["4269"]
    all_clauses = {c["clause"] for cs in found.values() for c in cs}
    assert len(set().union(*concepts.values())) < len(all_clauses) == 3
    (concept,) = concepts["4267"]
    labels = rows(
        store,
        PREFIXES
        + "SELECT ?pref ?concept WHERE { ?concept skos:prefLabel ?pref ; skos:inScheme ?s }",
        concept=concept,
    )
    assert {r["pref"] for r in labels} == {normalise_clause(found["4267"][0]["text"])}


WUXI_ROWS = ("4267", "4268", "4269")


def test_path_item_to_clause_to_provision_to_law(store: ox.Store) -> None:
    query = (
        PREFIXES
        + """
SELECT DISTINCT ?title ?powerItem WHERE {
  ?powerItem qz:hasAccountabilityClause ?clause .
  ?clause qz:restsOn ?provision .
  ?provision eli:is_part_of* ?law .
  ?law a eli:LegalResource ; eli:title ?title .
}"""
    )
    dazi = {r["title"] for r in rows(store, query, powerItem=IDS.item(DAZI, "1"))}
    assert dazi == {"中华人民共和国社会保险法"}
    wuxi = {r["title"] for r in rows(store, query, powerItem=IDS.item(WUXI, "1177"))}
    assert {"中华人民共和国行政处罚法", "重庆市劳动保障监察条例", "行政机关公务员处分条例"} <= wuxi


def test_responsibility_steps_rest_on_nothing(store: ox.Store) -> None:
    ask = PREFIXES + "ASK { ?c a qz:ResponsibilityItem ; qz:restsOn ?p }"
    assert not run_query(store, ask).boolean


def test_seed_store_conforms_to_the_shapes(store: ox.Store) -> None:
    report = validate_store(store)
    assert report.conforms, report.text


def test_a_clause_without_its_concept_fails_the_shapes(store: ox.Store) -> None:
    broken = ox.Store()
    broken.extend(store)
    concept = ox.NamedNode("https://w3id.org/quanze/ontology#clauseConcept")
    (quad, *_) = broken.quads_for_pattern(None, concept, None)
    broken.remove(quad)
    assert not validate_store(broken).conforms


def test_rebuild_is_isomorphic(store: ox.Store, sample_paths: list[Path], tmp_path: Path) -> None:
    build_files(sample_paths, tmp_path / "again")
    build_files(sample_paths, tmp_path / "again")
    again = open_store(tmp_path / "again")
    assert len(again) == len(store)
    assert isomorphic(to_rdflib(again), to_rdflib(store))


# a clause's own citations ------------------------------------------------------------------------

OWN = "1. 违反《中华人民共和国社会保险法》第九十二条的；\n2. 其他。"


def test_a_clause_rests_on_what_it_cites_itself_and_on_the_items_accountability_basis() -> None:
    law = "中华人民共和国社会保险法"
    cited = "《中华人民共和国社会保险法》第九十二条"
    start = OWN.index(cited)
    item = PowerItem(
        "x.txt",
        "1",
        3,
        name="处罚",
        accountability=OWN,
        accountability_basis="《社会保险法》第九十三条",
    )
    power_list = PowerList("x.txt", "md", "utf-8", ListMeta(region="某县"), (item,))
    citations = [
        CellCitation(
            "x.txt",
            "1",
            "accountability",
            Citation(
                cited, start, start + len(cited), law, "explicit", article=92, law_id=SHEBAO_ID
            ),
        ),
        CellCitation(
            "x.txt",
            "1",
            "accountability_basis",
            Citation(
                "《社会保险法》第九十三条", 0, 13, law, "abbreviation", article=93, law_id=SHEBAO_ID
            ),
        ),
    ]
    store = ox.Store()
    build_graph([power_list], store, citations=citations)
    rested = {
        (term_text(q.subject).rsplit("/", 1)[-1], term_text(q.object).rsplit("/", 1)[-1])
        for q in store.quads_for_pattern(
            None, ox.NamedNode("https://w3id.org/quanze/ontology#restsOn"), None
        )
    }
    assert rested == {("1", "art_92"), ("1", "art_93"), ("2", "art_93")}
    assert validate_store(store).conforms


# the bundled queries ----------------------------------------------------------------------------


def test_accountability_resting_on_rolls_paragraphs_and_articles_up(store: ox.Store) -> None:
    on_law = rows(store, "accountability-resting-on", target=SHEBAO)
    on_93 = rows(store, "accountability-resting-on", target=f"{SHEBAO}/art_93")
    assert {(r["source"][:3], r["row"]) for r in on_93} == {("000", "1")} | {
        ("001", row) for row in ("4267", "4268", "4269", "4271", "4273", "4274", "4279")
    }
    assert len({r["clause"] for r in on_93}) == 14
    assert {r["clause"] for r in on_93} <= {r["clause"] for r in on_law}  # every 92 one cites 93
    assert {r["provision"].rsplit("/", 1)[-1] for r in on_law} == {"art_92", "art_93"}
    dazi = [r for r in on_93 if r["row"] == "1"]
    assert [r["number"] for r in dazi] == [str(n) for n in range(1, 8)]


def test_responsibility_without_accountability_basis() -> None:
    seeds = [
        PowerItem(
            "y.txt",
            "1",
            3,
            name="有依据",
            responsibility="1. 受理；\n2. 审查。",
            accountability_basis="《社会保险法》第九十三条",
        ),
        PowerItem(
            "y.txt",
            "2",
            4,
            name="无依据",
            responsibility="检查责任：审批情况；\n处置责任：责令改正。",
        ),
    ]
    law = "中华人民共和国社会保险法"
    store = ox.Store()
    citation = Citation(
        "《社会保险法》第九十三条", 0, 13, law, "abbreviation", article=93, law_id=SHEBAO_ID
    )
    build_graph(
        [PowerList("y.txt", "md", "utf-8", ListMeta(), tuple(seeds))],
        store,
        citations=[CellCitation("y.txt", "1", "accountability_basis", citation)],
    )
    found = rows(store, "responsibility-without-accountability-basis")
    assert [(r["row"], r["name"], r["responsibilities"]) for r in found] == [("2", "无依据", "2")]


def test_no_seed_item_lacks_an_accountability_basis(store: ox.Store) -> None:
    assert rows(store, "responsibility-without-accountability-basis") == []


def test_most_reused_clauses(store: ox.Store) -> None:
    found = rows(store, "most-reused-clauses")
    top = found[0]
    assert top["label"].startswith("泄露用人单位和个人信息的") and top["items"] == "7"
    assert top["regions"] == "巫溪县" and top["lists"] == "1"
    across = {r["label"]: r for r in found if r["lists"] == "2"}
    assert "对不符合救助条件的救助申请予以批准的" in across
    assert set(across["对不符合救助条件的救助申请予以批准的"]["regions"].split(" | ")) == {
        "巫溪县",
        "拉萨市达孜区",
    }
    assert all(int(r["items"]) > 1 for r in found)


def test_accountability_law_differs_from_basis(store: ox.Store) -> None:
    found = {
        (r["source"][:3], r["row"], r["accountabilityLaw"])
        for r in rows(store, "accountability-law-differs-from-basis")
    }
    assert ("000", "3", "中华人民共和国公务员法") in found
    assert ("001", "1177", "中华人民共和国行政处罚法") in found
    assert ("001", "1177", "重庆市劳动保障监察条例") in found
    assert not any(row == ("000", "1") for *row, _ in found)  # 社会保险法 on both sides


# cites and views ---------------------------------------------------------------------------------


def test_cites_lists_the_clauses_resting_on_an_accountability_provision(store: ox.Store) -> None:
    found = find_citing_items(store, "社会保险法第九十三条")
    dazi = next(r for r in found if r["row"] == "1" and r["field"] == "accountability_basis")
    assert len(dazi["clauses"]) == 7 and dazi["clauses"][2] == "3. 违反法定的劳动保障行政处罚程序的"
    wuxi = next(r for r in found if r["row"] == "4268")
    assert [c[:12] for c in wuxi["clauses"]] == ["泄露用人单位和个人信息的"]
    assert all("clauses" not in r for r in found if r["field"] != "accountability_basis")


def test_item_view_draws_clauses_and_what_they_rest_on(store: ox.Store) -> None:
    item = IDS.item(WUXI, "1177")
    view = build_view(store, item=f"{WUXI}.txt#1177", depth=1)
    drawn = [n for n in view.nodes.values() if n.kind == "clause"]
    assert len(drawn) == 19
    assert {(item, n.id, "has_clause") for n in drawn} <= view.edges.keys()
    rests = [k for k in view.edges if k[2] == "rests_on"]
    assert rests and all(view.nodes[t].kind == "provision" for _, t, _ in rests)
    assert any("runs on" in v for n in drawn for _, v in n.details)


def test_article_view_draws_the_clauses_resting_on_it(store: ox.Store) -> None:
    view = build_view(store, article="社会保险法第九十三条")
    drawn = {n.id for n in view.nodes.values() if n.kind == "clause"}
    assert len(drawn) == 14
    assert {s for s, _, k in view.edges if k == "rests_on"} == drawn


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(
            "违反法定的行政处罚程序的；", "违反法定的行政处罚程序的", id="closing-semicolon"
        ),
        pytest.param(
            "不依法处理举报、投诉，造成严重后果的",
            "不依法处理举报、投诉,造成严重后果的",
            id="full-width-comma",
        ),
        pytest.param("滥用职权 、玩忽职守的。", "滥用职权、玩忽职守的", id="space-and-full-stop"),
    ],
)
def test_normalised_alike(a: str, b: str) -> None:
    assert normalise_clause(a) == normalise_clause(b)


def test_or_is_not_folded() -> None:
    assert normalise_clause("不履行或者不正确履行的") != normalise_clause("不履行或不正确履行的")
