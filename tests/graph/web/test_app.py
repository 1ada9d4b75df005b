"""The workbench in-process (Starlette's TestClient on a real store): search lands on the right
page, pages and exports carry the answers, facets filter, errors are one line, list text is
escaped, the words exist in both languages, and a crowded neighbourhood is drawn in groups."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Iterator
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from openpyxl import load_workbook
from starlette.testclient import TestClient

from graph.store.open import open_store
from graph.store.query import run_query
from graph.store.results import term_text
from graph.views.write import build_view
from graph.web.app import create_app, messages
from graph.web.panel import ITEMS_SHOWN, aggregate, render_panel
from graph.web.regions import region_parts
from tests.graph.web.conftest import CROWD, XSS_ROW

ARTICLE = "/article?ref=社会保险法第八十七条"
REF = {"ref": "社会保险法第八十七条"}


@pytest.fixture(scope="module")
def client(sample_store: Path) -> Iterator[TestClient]:
    with TestClient(create_app(sample_store), base_url="http://127.0.0.1") as c:
        yield c


@pytest.mark.parametrize(
    ("typed", "page", "param"),
    [
        pytest.param("社会保险法第八十七条", "/article", "社会保险法第八十七条", id="article"),
        pytest.param("《中华人民共和国社会保险法》第87条", "/article", None, id="article-arabic"),
        pytest.param("社会保险法", "/law", "社会保险法", id="law"),
        pytest.param("国务院令第709号", "/law", "《社会救助暂行办法》", id="document-number"),
        pytest.param("000_814c7fb49acd7d24.txt#1", "/item", None, id="item-source-row"),
        pytest.param("县医保局", "/authority", None, id="authority"),
        pytest.param("骗取", "/items", "骗取", id="item-name-words"),
    ],
)
def test_search_lands_on_the_page_of_what_was_typed(
    client: TestClient, typed: str, page: str, param: str | None
) -> None:
    response = client.get("/search", params={"q": typed}, follow_redirects=False)
    assert response.status_code == 303
    target = urlsplit(response.headers["location"])
    assert target.path == page
    values = [v for vs in parse_qs(target.query).values() for v in vs]
    assert values == [param or typed]
    assert client.get(response.headers["location"]).status_code == 200


def test_search_for_nothing_known_is_one_line_naming_what_was_typed(client: TestClient) -> None:
    response = client.get("/search", params={"q": "无此事物"})
    assert response.status_code == 404
    (line,) = re.findall(r'id="qz-error">([^<]*)<', response.text)
    assert "无此事物" in line and "\n" not in line
    assert "Traceback" not in response.text
    api = client.get("/api/search", params={"q": "无此事物"})
    assert api.status_code == 404 and "无此事物" in api.json()["error"]


def test_article_page_lists_every_citing_item_with_counts_and_facets(client: TestClient) -> None:
    answer = client.get("/api/article", params={"ref": "社会保险法第八十七条"}).json()
    assert answer["title"] == "《中华人民共和国社会保险法》第87条"
    assert answer["facts"] == {"citations": 3, "items": 3, "lists": 2, "departments": 2}
    counties = sorted(r["county"] for r in answer["rows"])
    assert counties == ["巫溪县", "巫溪县", "达孜区"]
    page = client.get(ARTICLE).text
    assert 'data-facet="county"' in page and 'src="/graph/article?ref=' in page
    narrowed = client.get("/article", params={**REF, "county": "巫溪县", "format": "json"}).json()
    assert {r["county"] for r in narrowed["rows"]} == {"巫溪县"} and len(narrowed["rows"]) == 2


def test_csv_export_has_a_bom_and_the_rows(client: TestClient) -> None:
    response = client.get("/article", params={**REF, "format": "csv"})
    assert response.content.startswith(b"\xef\xbb\xbf")  # Excel on Windows reads UTF-8
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 3 and {r["county"] for r in rows} == {"巫溪县", "达孜区"}


def test_xlsx_and_json_exports_hold_the_same_rows(client: TestClient) -> None:
    book = load_workbook(
        io.BytesIO(client.get("/article", params={**REF, "format": "xlsx"}).content)
    )
    sheet = list(book.active.values)
    header, body = sheet[0], sheet[1:]
    data = client.get("/article", params={**REF, "format": "json"}).json()
    assert list(header) == data["columns"] and len(body) == len(data["rows"]) == 3
    assert sorted(r[header.index("name")] for r in body) == sorted(r["name"] for r in data["rows"])


def test_item_page_marks_each_citation_and_links_it_to_its_article(client: TestClient) -> None:
    answer = client.get("/api/item", params={"ref": "000_814c7fb49acd7d24.txt#1"}).json()
    basis = next(f for f in answer["sections"]["fields"] if f["field"] == "basis")
    assert "".join(s["text"] for s in basis["spans"]) == basis["text"]
    cited = [s for s in basis["spans"] if s["href"]]
    assert cited[0]["text"].endswith("第八十七条")
    followed = client.get(cited[0]["href"] + "&format=json").json()
    assert followed["iri"].endswith("/shehui-baoxian-fa/art_87")
    assert answer["rows"] and answer["sections"]["clauses"]


def test_law_list_and_authority_pages(client: TestClient) -> None:
    law = client.get("/api/law", params={"ref": "社会保险法"}).json()
    assert law["rows"][0]["article"] == "第93条" and law["rows"][0]["items"] == 8
    listed = client.get("/api/list", params={"source": "000_814c7fb49acd7d24.txt"}).json()
    assert listed["facts"]["items"] == "5" and len(listed["rows"]) == 5
    org = client.get("/api/authority", params={"name": "县医保局"}).json()
    assert org["rows"] and all(r["source"] == "001_6c98652daac37f2e.txt" for r in org["rows"])


def test_bundled_query_with_a_binding_runs_from_its_form(client: TestClient) -> None:
    forms = client.get("/api/queries").json()
    who = next(f for f in forms if f["name"] == "who-cites")
    assert who["variables"][0] == "target" and who["required"] == ["target"]
    empty = client.get("/queries/who-cites")  # the form, waiting for its required value
    assert empty.status_code == 200 and 'name="target"' in empty.text and "required" in empty.text
    law = "https://w3id.org/quanze/id/law/shehui-baoxian-fa"
    page = client.get("/queries/who-cites", params={"target": law})
    assert page.status_code == 200 and 'name="target"' in page.text
    answer = client.get("/api/queries/who-cites", params={"target": law}).json()
    assert answer["facts"]["rows"] == 24
    bad = client.get("/queries/no-such-query")
    assert bad.status_code == 400 and "no bundled query named" in bad.text


def test_language_toggle_keeps_the_page_and_never_leaves_the_site(client: TestClient) -> None:
    to_en = client.get("/lang", params={"to": "en", "next": ARTICLE}, follow_redirects=False)
    assert (
        unquote(to_en.headers["location"]) == ARTICLE and "lang=en" in to_en.headers["set-cookie"]
    )
    assert "Export" in client.get(ARTICLE).text  # the cookie set above
    client.cookies.clear()
    assert "导出" in client.get(ARTICLE).text
    away = client.get(
        "/lang", params={"to": "en", "next": "//evil.example/"}, follow_redirects=False
    )
    assert away.headers["location"] == "/"


def test_every_word_the_templates_use_exists_in_both_languages() -> None:
    words = messages()
    assert words["zh"].keys() == words["en"].keys()
    folder = resources.files("graph.web").joinpath("templates")
    used = set()
    for entry in folder.iterdir():
        used |= set(re.findall(r"t\('([a-z_]+)'\)", entry.read_text(encoding="utf-8")))
    assert used and used <= words["zh"].keys()


def test_pages_are_served_with_a_policy_that_forbids_other_origins(client: TestClient) -> None:
    policy = client.get(ARTICLE).headers["content-security-policy"]
    assert "default-src 'none'" in policy and "http" not in policy
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400  # DNS rebinding


class Tags(HTMLParser):
    """The start tags and event-handler attributes of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.handlers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "iframe" or ("id", "qz-graph") not in attrs:  # the page's own graph frame
            self.tags.append(tag)
        self.handlers += [k for k, v in attrs if k.startswith("on") or "javascript:" in (v or "")]


def test_list_text_is_escaped_on_every_page(xss_store: Path) -> None:
    store = open_store(xss_store, read_only=True)
    names = [term_text(r["name"]) for r in run_query(store, "view-items").rows]
    assert names == [XSS_ROW["事项名称"]]  # the payload is stored as written
    del store
    with TestClient(create_app(xss_store), base_url="http://127.0.0.1") as client:
        pages = [
            "/",
            "/item?ref=xss.csv%231",
            "/list?source=xss.csv",
            ARTICLE,
            "/law?ref=社会保险法",
            "/items?q=骗保",
            "/queries/lists",
            "/search?q=" + XSS_ROW["事项名称"],
        ]
        for url in pages:
            response = client.get(url)
            assert response.status_code in (200, 404), url
            tags = Tags()
            tags.feed(response.text)
            assert "script" not in tags.tags and "img" not in tags.tags, url
            assert "svg" not in tags.tags and "iframe" not in tags.tags, url
            assert tags.handlers == [], url
        item = client.get("/item?ref=xss.csv%231").text
        assert "&lt;script&gt;window.__xss=1" in item
        csv_text = client.get("/item?ref=xss.csv%231&format=csv").content.decode("utf-8-sig")
        assert "'=HYPERLINK" in csv_text  # a formula is shown, not run, in a spreadsheet


def test_region_is_split_into_province_city_and_county() -> None:
    assert region_parts("重庆市巫溪县") == ("重庆市", "", "巫溪县")
    assert region_parts("新疆维吾尔自治区乌鲁木齐市天山区") == (
        "新疆维吾尔自治区",
        "乌鲁木齐市",
        "天山区",
    )


def test_a_crowded_neighbourhood_is_drawn_in_groups_not_as_a_hairball(crowded_store: Path) -> None:
    store = open_store(crowded_store, read_only=True)
    whole = build_view(store, article="社会保险法第八十七条", depth=1, max_nodes=500)
    items = [n for n in whole.nodes.values() if n.kind == "item"]
    assert len(items) == CROWD > ITEMS_SHOWN  # the views alone draw every item
    grouped = aggregate(whole)
    assert not [n for n in grouped.nodes.values() if n.kind == "item"]
    lists = sorted(n.label for n in grouped.nodes.values() if n.kind == "list")
    assert [label.rsplit(" · ", 1)[-1] for label in lists] == ["50项"] * 3
    cites = [e for e in grouped.edges.values() if e.kind == "basis"]
    assert len(cites) == 3 and all(e.target.endswith("/art_87") for e in cites)
    assert len(grouped.nodes) < 12 and grouped.notes
    page = render_panel(store, "article", "社会保险法第八十七条")
    data = json.loads(
        re.search(r'<script type="application/json" id="quanze-data">(.*?)</script>', page, re.S)[1]  # type: ignore[index]
    )
    assert len(data["nodes"]) == len(grouped.nodes)


def test_a_law_cited_in_many_provisions_is_drawn_as_lists_citing_the_law(
    crowded_store: Path,
) -> None:
    store = open_store(crowded_store, read_only=True)
    whole = build_view(store, law="社会保险法", depth=1, max_nodes=1000)
    assert sum(n.kind == "provision" for n in whole.nodes.values()) == CROWD + 1
    grouped = aggregate(whole)
    kinds = Counter(n.kind for n in grouped.nodes.values())
    assert kinds == {"list": 3, "authority": 3, "law": 1}
    law = next(n for n in grouped.nodes.values() if n.kind == "law")
    assert law.label.endswith(f" · {CROWD + 1}条")
    cites = {(e.source, e.kind) for e in grouped.edges.values() if e.target == law.id}
    assert len(cites) == 6  # each list, by 设定依据 and by 追责依据


def test_the_overview_is_which_lists_cite_which_laws(crowded_store: Path) -> None:
    store = open_store(crowded_store, read_only=True)
    page = render_panel(store, "everything", "")
    data = json.loads(
        re.search(r'<script type="application/json" id="quanze-data">(.*?)</script>', page, re.S)[1]  # type: ignore[index]
    )
    assert Counter(n["kind"] for n in data["nodes"]) == {"list": 3, "authority": 3, "law": 1}


def test_a_small_neighbourhood_is_drawn_item_by_item(sample_store: Path) -> None:
    store = open_store(sample_store, read_only=True)
    view = build_view(store, article="社会保险法第八十七条", depth=1)
    before = {n for n, node in view.nodes.items() if node.kind == "item"}
    assert {n for n, node in aggregate(view).nodes.items() if node.kind == "item"} == before


def test_article_page_shows_the_official_text_versions_and_findings(texts_store: Path) -> None:
    with TestClient(create_app(texts_store), base_url="http://127.0.0.1") as client:
        article = client.get("/api/article", params=REF).json()
        (text,) = article["sections"]["text"]
        assert text["head"] == "第八十七条" and text["text"].startswith(
            "社会保险经办机构以及医疗机构"
        )
        assert [v["date"] for v in article["sections"]["versions"]] == ["2018-12-29"]
        assert [f["kind"] for f in article["sections"]["findings"]] == ["quote-differs"]
        page = client.get(ARTICLE).text
        assert 'id="qz-text"' in page and 'id="qz-findings"' in page
        item = client.get("/api/item", params={"ref": "texts.csv#1"}).json()
        kinds = sorted(f["kind"] for f in item["sections"]["findings"])
        assert kinds == ["beyond-last", "quote-differs"]
        assert "十倍" in next(f["quote"] for f in item["sections"]["findings"] if f["quote"])


def test_query_results_link_each_iri_to_its_page(client: TestClient) -> None:
    law = "https://w3id.org/quanze/id/law/shehui-baoxian-fa"
    answer = client.get("/api/queries/who-cites", params={"target": law}).json()
    page = client.get("/queries/who-cites", params={"target": law}).text
    links = set(re.findall(r'href="(/(?:item|article|law|list)\?[^"]+)"', page))
    kinds = {urlsplit(link).path for link in links}
    assert kinds == {"/item", "/article", "/law", "/list"}
    for link in links:
        target = client.get(link.replace("&amp;", "&"))
        assert target.status_code == 200, link
    article = next(link for link in links if link.startswith("/article"))
    graph = re.search(r'src="(/graph/article\?[^"]+)"', client.get(article).text)
    assert graph and client.get(graph[1].replace("&amp;", "&")).status_code == 200
    assert answer["facts"]["rows"] == len(answer["rows"])


def test_sparql_editor_runs_a_select_and_refuses_updates_files_and_service(
    client: TestClient, tmp_path: Path
) -> None:
    select = "SELECT ?powerItem WHERE { ?powerItem a <https://w3id.org/quanze/ontology#PowerItem> }"
    answer = client.get("/api/sparql", params={"query": select}).json()
    assert answer["facts"]["rows"] == 22
    page = client.get("/sparql", params={"query": select}).text
    assert page.count('href="/item?ref=') == 22 and 'id="qz-sparql"' in page
    exported = client.get("/sparql", params={"query": select, "format": "csv"}).content
    assert exported.startswith(b"\xef\xbb\xbf") and len(exported.splitlines()) == 23
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    before = client.get("/api/sparql", params={"query": count}).json()["rows"]
    update = "INSERT DATA { <urn:x> <urn:y> <urn:z> }"
    refused = client.get("/sparql", params={"query": update})
    assert refused.status_code == 400 and "updates are refused" in refused.text
    assert client.get("/api/sparql", params={"query": count}).json()["rows"] == before
    secret = tmp_path / "secret.rq"
    secret.write_text("SELECT * WHERE { ?s ?p 'TOP-SECRET-LINE' ", encoding="utf-8")
    leaked = client.get("/sparql", params={"query": str(secret)})
    assert leaked.status_code == 400 and "TOP-SECRET" not in leaked.text
    remote = "SELECT * WHERE { SERVICE <http://example.invalid/sparql> { ?s ?p ?o } }"
    assert client.get("/sparql", params={"query": remote}).status_code == 400


def test_a_long_table_shows_its_first_rows_and_exports_them_all(crowded_store: Path) -> None:
    with TestClient(create_app(crowded_store, shown_rows=40), base_url="http://127.0.0.1") as c:
        page = c.get(ARTICLE).text
        assert page.count('<td data-col="name">') == 40 and 'id="qz-more"' in page
        assert re.search(r'id="qz-rowcount">40 / 150 ', page)
        exported = c.get("/article", params={**REF, "format": "csv"}).content.decode("utf-8-sig")
        assert len(exported.splitlines()) == CROWD + 1
