"""The views: which nodes and edges each focus selects from a store built from the sample lists,
how references are resolved, and the page written (offline, UTF-8, deterministic, escaped)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pyoxigraph as ox
import pytest

from extractors.errors import QuanzeError
from graph.app.pipeline import build_files
from graph.build.build import build_graph
from graph.iri import Iris
from graph.store.open import open_store
from graph.store.query import run_query
from graph.store.results import term_text
from graph.views.focus import UnknownFocusError
from graph.views.model import ViewGraph
from graph.views.write import build_view, write_view
from tests.graph.handmade import citations_a, citations_b, list_a, list_b

IDS = Iris()
LAW = IDS.law("shehui-baoxian-fa")
ART_87 = f"{LAW}/art_87"
DAZI = "000_814c7fb49acd7d24"
WUXI = "001_6c98652daac37f2e"
ITEMS_87 = {IDS.item(DAZI, "1"), IDS.item(WUXI, "4268"), IDS.item(WUXI, "4271")}

ITEMS_CITING = """
PREFIX qz: <https://w3id.org/quanze/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
SELECT DISTINCT ?target ?powerItem WHERE {
  ?provision eli:is_part_of* ?target . ?citation qz:cites ?provision ; qz:citedBy ?powerItem .
}"""
CITED_BY_ITEM = """
PREFIX qz: <https://w3id.org/quanze/ontology#>
SELECT DISTINCT ?powerItem ?provision ?field WHERE {
  ?citation qz:citedBy ?powerItem ; qz:cites ?provision ; qz:field ?field .
}"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, sample_paths: list[Path]) -> ox.Store:
    """A store built from the two sample lists."""
    folder = tmp_path_factory.mktemp("views") / "store"
    build_files(sample_paths, folder)
    return open_store(folder)


def kinds(view: ViewGraph, kind: str) -> set[str]:
    """The ids of the view's nodes of one kind."""
    return {n.id for n in view.nodes.values() if n.kind == kind}


def labels(view: ViewGraph, kind: str) -> set[str]:
    """The labels of the view's nodes of one kind."""
    return {n.label for n in view.nodes.values() if n.kind == kind}


def named(view: ViewGraph, label: str) -> str:
    """The id of the one node labelled ``label``."""
    (found,) = [n.id for n in view.nodes.values() if n.label == label]
    return found


def edges_of(view: ViewGraph, kind: str) -> set[tuple[str, str]]:
    """The (source, target) pairs of the view's edges of one kind."""
    return {(e.source, e.target) for e in view.edges.values() if e.kind == kind}


def column(store: ox.Store, query: str, name: str, **bindings: str) -> set[str]:
    """One column of a query's rows, as strings."""
    values = {k: ox.NamedNode(v) for k, v in bindings.items()}
    return {term_text(row[name]) for row in run_query(store, query, values).rows}


# article ---------------------------------------------------------------------------------------


def test_article_view_shows_the_items_citing_it_their_departments_lists_and_field(
    store: ox.Store,
) -> None:
    view = build_view(store, article="社会保险法第八十七条", depth=1)
    assert view.nodes[ART_87].focus and view.nodes[ART_87].kind == "provision"
    assert (
        kinds(view, "item") == ITEMS_87 == column(store, ITEMS_CITING, "powerItem", target=ART_87)
    )
    assert labels(view, "authority") == {"达孜区医保局", "县医保局"}
    assert kinds(view, "list") == {IDS.power_list(DAZI), IDS.power_list(WUXI)}
    assert kinds(view, "law") == {LAW}
    assert edges_of(view, "basis") == {(item, ART_87) for item in ITEMS_87}
    assert (IDS.item(WUXI, "4271"), named(view, "县医保局")) in edges_of(view, "exercised_by")
    assert (ART_87, LAW) in edges_of(view, "part_of")
    quotes = view.edges[(IDS.item(DAZI, "1"), ART_87, "basis")].quotes
    assert quotes == [
        "《中华人民共和国社会保险法》（2018修正）（中华人民共和国主席令第二十五号）第八十七条"
    ]


def test_article_reference_forms_give_the_same_view(store: ox.Store) -> None:
    plain = build_view(store, article="社会保险法第八十七条")
    formal = build_view(store, article="《中华人民共和国社会保险法》第87条")
    assert plain.nodes.keys() == formal.nodes.keys() and plain.edges.keys() == formal.edges.keys()


def test_depth_two_adds_what_those_items_also_cite(store: ox.Store) -> None:
    near = build_view(store, article="社会保险法第八十七条", depth=1)
    far = build_view(store, article="社会保险法第八十七条", depth=2)
    assert near.nodes.keys() < far.nodes.keys()
    cited = set()
    for item in ITEMS_87:
        cited |= column(store, CITED_BY_ITEM, "provision", powerItem=item)
    assert cited <= far.nodes.keys()


def test_citing_a_paragraph_counts_as_citing_its_article() -> None:
    store = ox.Store()
    build_graph([list_a(), list_b()], store, citations=citations_a() + citations_b())
    view = build_view(store, article="社会保险法第八十七条", depth=1)
    para = f"{ART_87}/para_2"
    item = IDS.item("001_b", "4268")
    assert item in kinds(view, "item") and para in kinds(view, "provision")
    assert (item, para) in edges_of(view, "basis") and (para, ART_87) in edges_of(view, "part_of")


# law, item, authority, everything ---------------------------------------------------------------


def test_law_view_shows_its_cited_provisions_and_the_items_citing_them(store: ox.Store) -> None:
    view = build_view(store, law="社会保险法", depth=1)
    assert view.nodes[LAW].focus
    assert kinds(view, "item") == column(store, ITEMS_CITING, "powerItem", target=LAW)
    assert all(p.startswith(LAW + "/") for p in kinds(view, "provision"))
    assert {ART_87, f"{LAW}/art_93"} <= kinds(view, "provision")
    assert kinds(view, "law") == {LAW}


def test_item_view_shows_its_basis_and_accountability_provisions_and_laws(
    store: ox.Store,
) -> None:
    item = IDS.item(DAZI, "1")
    view = build_view(store, item=f"{DAZI}.txt#1", depth=1)
    assert view.nodes[item].focus
    cited = {
        (term_text(row["provision"]), term_text(row["field"]).rsplit("#", 1)[-1])
        for row in run_query(store, CITED_BY_ITEM, {"powerItem": ox.NamedNode(item)}).rows
    }
    drawn = {(t, e.kind) for (s, t, _), e in view.edges.items() if s == item}
    assert cited <= drawn
    assert {k for _, k in cited} >= {"basis", "accountability_basis"}
    assert LAW in kinds(view, "law") and kinds(view, "item") == {item}
    assert build_view(store, item=item, depth=1).nodes.keys() == view.nodes.keys()


def test_authority_view_shows_its_powers_and_their_laws(store: ox.Store) -> None:
    view = build_view(store, authority="县医保局")
    org = named(view, "县医保局")
    exercised = {
        term_text(row["powerItem"])
        for row in run_query(store, "view-authorities", {"org": ox.NamedNode(org)}).rows
    }
    assert view.nodes[org].focus
    assert exercised <= kinds(view, "item") and len(exercised) == 14
    assert LAW in kinds(view, "law")
    assert build_view(store, authority="巫溪县医保局").nodes.keys() == view.nodes.keys()
    assert build_view(store, authority=org).nodes.keys() == view.nodes.keys()


def test_everything_and_its_cap_keeps_the_most_connected(store: ox.Store) -> None:
    whole = build_view(store, everything=True)
    n_items = len(column(store, "view-items", "powerItem"))
    assert len(kinds(whole, "item")) == n_items == 22 and not whole.notes
    capped = build_view(store, everything=True, max_nodes=20)
    assert len(capped.nodes) == 20 and capped.truncated and "20 most connected" in capped.notes[0]
    degree = {n: 0 for n in whole.nodes}
    for s, t, _ in whole.edges:
        degree[s] += 1
        degree[t] += 1
    assert min(degree[n] for n in capped.nodes) >= sorted(degree.values(), reverse=True)[19]
    assert all(s in capped.nodes and t in capped.nodes for s, t, _ in capped.edges)


def test_focused_view_respects_the_node_cap(store: ox.Store) -> None:
    view = build_view(store, authority="县医保局", max_nodes=8)
    assert len(view.nodes) <= 8 and view.truncated and "Capped at 8" in view.notes[0]


# references that do not resolve ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("focus", "message"),
    [
        pytest.param({"article": "社会保险法第九百条"}, "no power item", id="uncited-article"),
        pytest.param({"article": "社会保险法"}, "no article", id="article-without-number"),
        pytest.param(
            {"article": "第八十七条"}, "no law or provision found", id="article-without-law"
        ),
        pytest.param(
            {"law": "中华人民共和国刑法"}, "no power item in the store cites", id="uncited-law"
        ),
        pytest.param({"law": "hello"}, "no law or provision found", id="not-a-reference"),
        pytest.param({"item": "nope.txt#1"}, "no list in the store", id="unknown-source"),
        pytest.param({"item": f"{WUXI}.txt#99999"}, "no power item", id="unknown-row"),
        pytest.param({"item": "4268"}, "SOURCE#ROW", id="item-without-source"),
        pytest.param({"authority": "县公安局"}, "县医保局", id="unknown-authority"),
    ],
)
def test_unknown_references_raise_a_clear_quanze_error(
    store: ox.Store, focus: dict[str, str], message: str
) -> None:
    with pytest.raises(UnknownFocusError, match=message) as caught:
        build_view(store, **focus)  # type: ignore[arg-type]
    assert isinstance(caught.value, QuanzeError)


def test_exactly_one_focus_is_required(store: ox.Store) -> None:
    with pytest.raises(ValueError, match="exactly one"):
        build_view(store, article="社会保险法第八十七条", law="社会保险法")


# the page ---------------------------------------------------------------------------------------


def page_data(html: str) -> dict[str, object]:
    """The JSON block the page script draws from."""
    match = re.search(
        r'<script type="application/json" id="quanze-data">(.*?)</script>', html, re.S
    )
    assert match is not None
    data: dict[str, object] = json.loads(match.group(1))
    return data


def test_page_is_utf8_offline_and_matches_the_view(store: ox.Store, tmp_path: Path) -> None:
    out = tmp_path / "article.html"
    summary = write_view(store, out, article="社会保险法第八十七条")
    html = out.read_bytes().decode("utf-8")
    view = build_view(store, article="社会保险法第八十七条")
    assert summary == view.summary() == f"{len(view.nodes)} nodes, {len(view.edges)} edges"
    assert '<meta charset="utf-8">' in html and "社会保险法" in html
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert "<link" not in html and "bootstrap" not in html.lower()
    data = page_data(html)
    assert {n["id"] for n in data["nodes"]} == view.nodes.keys()  # type: ignore[attr-defined]
    assert len(data["edges"]) == len(view.edges)  # type: ignore[arg-type]
    for label in ("权力事项 power item", "设定依据 legal basis", "追责依据 accountability basis"):
        assert label in html  # the legend


def test_same_store_same_page_and_rebuilt_store_same_page(
    store: ox.Store, sample_paths: list[Path], tmp_path: Path
) -> None:
    first, second, rebuilt = tmp_path / "1.html", tmp_path / "2.html", tmp_path / "3.html"
    write_view(store, first, law="社会保险法")
    write_view(store, second, law="社会保险法")
    build_files(sample_paths, tmp_path / "store")
    write_view(open_store(tmp_path / "store"), rebuilt, law="社会保险法")
    assert first.read_bytes() == second.read_bytes() == rebuilt.read_bytes()


XSS_LIST = (
    "| 序号 | 职权名称 | 职权类型 | 实施主体 | 设定依据 | 追责依据 |\n"
    "|--|--|--|--|--|--|\n"
    "| 1 | &lt;script&gt;window.__xss=1&lt;/script&gt;对骗保的处罚 | 行政处罚 "
    '| &lt;img src=x onerror="window.__xss=2"&gt;县医保局 '
    "| 《社会保险法》第八十七条&lt;img src=x onerror=window.__xss=3&gt; "
    "| 《社会保险法》第九十三条&lt;/script&gt;&lt;script&gt;window.__xss=4&lt;/script&gt; |\n"
    '| 2 | 对<b onmouseover="window.__xss=5">价格</b>的检查 | 行政检查 | 县医保局 '
    "| 《中华人民共和国价格法》第九条 | |\n"
)


class StartTags(HTMLParser):
    """Collects the names of the start tags of a page (script contents are not parsed)."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append(tag)


def build_xss_store(folder: Path) -> ox.Store:
    """A store built from a Markdown list whose cells carry script and onerror payloads."""
    source = folder / "xss.md"
    source.write_text(XSS_LIST, encoding="utf-8")
    build_files([source], folder / "store")
    return open_store(folder / "store")


def test_list_text_reaches_the_page_only_escaped(tmp_path: Path) -> None:
    store = build_xss_store(tmp_path)
    names = column(store, "view-items", "name")
    assert any("<script>window.__xss=1</script>" in name for name in names)  # payload is stored
    out = tmp_path / "xss.html"
    write_view(store, out, everything=True)
    html = out.read_text(encoding="utf-8")
    tags = StartTags()
    tags.feed(html)
    assert tags.seen.count("script") == 3  # the data block, vis-network, the view script
    assert "img" not in tags.seen and "b" not in tags.seen
    assert "window.__xss" in html  # there, but only inside escaped JSON
    assert "\\u003cscript\\u003ewindow.__xss=1" in html
    data = page_data(html)
    labels = " ".join(str(n["details"]) for n in data["nodes"])  # type: ignore[attr-defined]
    assert "<img src=x onerror=" in labels  # decoded back to the text as written
