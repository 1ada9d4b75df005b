"""``view-authority-named`` finds an authority by its name under whatever form its label takes
(it looks each literal of that text up in the index, where it compared STR() of every label:
424 ms at 1M items), and ``quanze query`` sorts its rows by IRI itself (``# paged: whole, sorted
here``), as the engine's ORDER BY would."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

import graph.store.pages as pages
from graph.store.counting import count_rows
from graph.store.query import load_query, run_query
from tests.graph.store.rows import normal

FORMER = (Path(__file__).parent / "former" / "view-authority-named.rq").read_text(encoding="utf-8")
ORG = "https://w3id.org/quanze/id/org/"
GRAPH = "https://w3id.org/quanze/id/graph/"
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
ORGANIZATION = ox.NamedNode("http://www.w3.org/ns/org#Organization")
CONCEPT = ox.NamedNode("http://www.w3.org/2004/02/skos/core#Concept")
PREF = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
ALT = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
XSD_STRING = ox.NamedNode("http://www.w3.org/2001/XMLSchema#string")
NAME = "城关区市场监管局"


def store_of(*nodes: tuple[str, ox.NamedNode, ox.NamedNode, ox.Literal, str]) -> ox.Store:
    """A store of (node, its class, label property, label, graph) in named graphs, beside a
    department named the usual way (``…@zh``), as a build writes it."""
    store = ox.Store()
    for key, kind, prop, label, graph in (
        ("shared", ORGANIZATION, PREF, ox.Literal("县财政局", language="zh"), "shared"),
        *nodes,
    ):
        node, where = ox.NamedNode(ORG + key), ox.NamedNode(GRAPH + graph)
        store.add(ox.Quad(node, TYPE, kind, where))
        store.add(ox.Quad(node, prop, label, where))
    return store


FORMS = [
    pytest.param(ox.Literal(NAME, language="zh"), id="zh-as-built"),
    pytest.param(ox.Literal(NAME), id="plain"),
    pytest.param(ox.Literal(NAME, datatype=XSD_STRING), id="xsd-string"),
    pytest.param(ox.Literal(NAME, language="en"), id="another-tag"),
    pytest.param(ox.Literal(NAME, language="zh-Hans"), id="tag-with-script"),
    pytest.param(ox.Literal(NAME, datatype=ox.NamedNode("urn:x:name")), id="own-datatype"),
]


@pytest.mark.parametrize("label", FORMS)
@pytest.mark.parametrize("prop", [PREF, ALT], ids=["name", "full-name"])
def test_an_authority_is_found_whatever_the_form_of_its_label(
    label: ox.Literal, prop: ox.NamedNode
) -> None:
    store = store_of(
        ("a", ORGANIZATION, prop, label, "list/a"),
        ("b", ORGANIZATION, PREF, ox.Literal(NAME, language="zh"), "list/b"),
        ("c", CONCEPT, PREF, ox.Literal(NAME, language="zh"), "list/c"),  # not an authority
        ("d", ORGANIZATION, PREF, ox.Literal(NAME + "稽查局", language="zh"), "list/d"),
        ("e", ORGANIZATION, PREF, ox.Literal(NAME[1:], language="zh"), "list/e"),
    )
    rows = run_query(store, "view-authority-named", {"name": NAME}).rows
    assert [str(row["org"]) for row in rows] == [f"<{ORG}a>", f"<{ORG}b>"]
    assert normal(FORMER, run_query(store, FORMER, {"name": NAME}).rows) == normal(FORMER, rows)


def test_a_name_given_twice_or_in_two_graphs_is_one_row() -> None:
    store = store_of(
        ("a", ORGANIZATION, PREF, ox.Literal(NAME, language="zh"), "list/a"),
        ("a", ORGANIZATION, PREF, ox.Literal(NAME, language="zh"), "list/b"),
        ("a", ORGANIZATION, ALT, ox.Literal(NAME), "list/b"),
    )
    rows = run_query(store, "view-authority-named", {"name": NAME}).rows
    assert [str(row["org"]) for row in rows] == [f"<{ORG}a>"]
    assert count_rows(store, "view-authority-named", {"name": NAME}) == 1


def test_no_authority_of_that_name_is_no_row() -> None:
    store = store_of(("a", ORGANIZATION, PREF, ox.Literal(NAME, language="zh"), "list/a"))
    assert run_query(store, "view-authority-named", {"name": "县医保局"}).rows == ()
    assert (
        next(pages.answer_pages(store, "view-authority-named", {"name": "县医保局"}).pages, [])
        == []
    )


def many_authorities(count: int) -> ox.Store:
    """``count`` authorities of one name, one a list, added in an order that is not their IRIs'."""
    keys = [f"list{n:03d}/{NAME}" for n in range(count)]
    order = keys[1::2] + keys[::2]
    return store_of(*((k, ORGANIZATION, PREF, ox.Literal(NAME, language="zh"), k) for k in order))


def test_quanze_query_sorts_the_rows_itself_as_the_engine_would(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the engine's ORDER BY read both IRIs from the store at each comparison: 145 ms of the 175
    # the 3,334 authorities named 县医保局 took at 1M items
    store = many_authorities(23)
    asked: list[str] = []
    real = pages.run_query

    def watched(source, text, bindings=None, **kw):  # type: ignore[no-untyped-def]
        asked.append(text)
        return real(source, text, bindings, **kw)

    monkeypatch.setattr(pages, "run_query", watched)
    answer = pages.answer_pages(store, "view-authority-named", {"name": NAME}, page_size=5)
    rows = [row for page in answer.pages for row in page]
    whole = run_query(store, "view-authority-named", {"name": NAME}).rows
    assert answer.variables == ("name", "org")
    assert len(whole) == 23
    assert rows == list(whole)  # in the same order
    assert len(asked) == 1
    assert "ORDER BY" not in asked[0]
    assert "ORDER BY ?org" in load_query("view-authority-named")


SORTED_HERE = """# description: test
# paged: whole, sorted here
SELECT ?x WHERE { VALUES ?x { %s } }
ORDER BY ?x"""


@pytest.mark.parametrize(
    "values",
    [
        pytest.param("<urn:x:b> <urn:x:a> <urn:x:c>", id="iris"),
        pytest.param('<urn:x:b> "a" <urn:x:a>', id="an-iri-and-a-literal"),
        pytest.param('"b" "a" "c"', id="literals"),
        pytest.param('"10"^^<http://www.w3.org/2001/XMLSchema#integer> 9', id="numbers"),
    ],
)
def test_rows_sorted_here_come_in_the_engine_s_order(values: str) -> None:
    # rows are sorted here only when every key is an IRI (SPARQL orders IRIs by their text);
    # any other term has the query asked as written, the engine sorting it
    store = ox.Store()
    text = SORTED_HERE % values
    paged = [row for page in pages.answer_pages(store, text, page_size=2).pages for row in page]
    assert paged == list(run_query(store, text).rows)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            SORTED_HERE % "<urn:x:a>",
            (SORTED_HERE % "<urn:x:a>").removesuffix("ORDER BY ?x"),
            id="one-variable",
        ),
        pytest.param("# paged: whole, sorted here\nSELECT * { } ORDER BY ?a $b", "", id="two"),
        pytest.param(
            "# paged: whole, sorted here\nSELECT * { } ORDER BY DESC(?a)", None, id="descending"
        ),
        pytest.param(
            "# paged: whole, sorted here\nSELECT * { } ORDER BY ?a LIMIT 5", None, id="a-slice"
        ),
        pytest.param("SELECT * { } ORDER BY ?a", None, id="no-header"),
        pytest.param("# paged: whole, sorted here\nSELECT * { }", None, id="no-order"),
    ],
)
def test_sorted_here_is_read_from_the_header_and_the_last_clause(
    text: str, expected: str | None
) -> None:
    found = pages.sorted_here(text)
    if expected is None:
        assert found is None
    elif expected == "":
        assert found == ("# paged: whole, sorted here\nSELECT * { } ", ("a", "b"))
    else:
        assert found == (expected, ("x",))
