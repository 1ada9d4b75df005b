"""The builds keep each name's authorities in IRI order (``graph.build.named``), and
``view-authority-named``'s pages are read from them (``graph.store.named``), where the first page
came once the engine had read every authority of the name (3,334 IRIs at 1M items, 73-116 ms);
a store that keeps none (built before) is asked the query, with the same rows in the same order."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

import graph.store.pages as pages
from bench.synthetic import Generator
from graph.build import derived
from graph.build.build import build_cited
from graph.iri import Iris
from graph.store.counting import count_rows
from graph.store.named import kept_named
from graph.store.query import run_query

FORMER = (Path(__file__).parent / "former" / "view-authority-named.rq").read_text(encoding="utf-8")
QZD = "https://w3id.org/quanze/derived#"
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
ORGANIZATION = ox.NamedNode("http://www.w3.org/ns/org#Organization")
PREF = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
#: A relative name (县医保局) is one authority per region: the lists below are of four regions.
SHARED = "县医保局"
#: Every name an authority's label has, as text.
NAMES = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?name WHERE {
  ?org a <http://www.w3.org/ns/org#Organization> ; skos:prefLabel|skos:altLabel ?label
  BIND(STR(?label) AS ?name)
}"""


def regions(*lists: int) -> ox.Store:
    """A store of generated lists of 200 items, one of each region of ``lists`` (list numbers:
    ten lists a region)."""
    store = ox.Store()
    build_cited(Generator(6_200).generate(order=lists), store)
    return store


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return regions(30, 0, 20, 10)


def names(store: ox.Store) -> list[str]:
    return sorted(str(row["name"].value) for row in run_query(store, NAMES).rows)  # type: ignore[union-attr]


def former(store: ox.Store, name: str) -> list[str]:
    """The authorities the query's former text gives for ``name``, in IRI order."""
    return sorted({row["org"].value for row in run_query(store, FORMER, {"name": name}).rows})  # type: ignore[union-attr]


def whole(store: ox.Store, name: str) -> list[dict[str, ox.NamedNode | ox.Literal]]:
    return list(run_query(store, "view-authority-named", {"name": name}).rows)  # type: ignore[arg-type]


def paged(store: ox.Store, name: str, size: int = 2) -> list[object]:
    answer = pages.answer_pages(store, "view-authority-named", {"name": name}, page_size=size)
    assert answer.variables == ("name", "org")
    return [row for page in answer.pages for row in page]


def test_the_build_keeps_each_names_authorities_in_iri_order(store: ox.Store) -> None:
    found = names(store)
    assert SHARED in found and len(found) > 10  # departments, full names, the laws' issuers
    for name in found:
        kept = kept_named(store, ox.Literal(name))
        assert kept is not None
        assert [org.value for org in kept] == former(store, name), name
    assert len(former(store, SHARED)) == 4


def test_a_name_no_authority_has_is_kept_as_none(store: ox.Store) -> None:
    assert kept_named(store, ox.Literal("无此机关")) == []
    assert paged(store, "无此机关") == []


def test_a_name_given_other_than_as_text_is_not_read_from_the_kept(store: ox.Store) -> None:
    assert kept_named(store, ox.Literal(SHARED, language="zh")) is None
    assert kept_named(store, None) is None


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the pager hands the engine itself (the kept authorities are read elsewhere)."""
    texts: list[str] = []
    real = pages.run_query

    def watched(source, text, bindings=None, **kw):  # type: ignore[no-untyped-def]
        texts.append(text)
        return real(source, text, bindings, **kw)

    monkeypatch.setattr(pages, "run_query", watched)
    return texts


def test_the_pages_are_read_from_the_kept_authorities(store: ox.Store, asked: list[str]) -> None:
    for name in (SHARED, *names(store)[:5]):
        rows = paged(store, name)
        assert rows == whole(store, name), name  # the same rows, in the same order
    assert asked == []  # the query was not asked: its answer was read from one literal


def test_a_store_that_keeps_no_names_is_asked_the_query(store: ox.Store, asked: list[str]) -> None:
    # a derived graph written by earlier code: no qzd:AuthorityNames node
    before = ox.Store()
    before.extend(q for q in store if q.object != ox.NamedNode(QZD + "AuthorityNames"))
    assert kept_named(before, ox.Literal(SHARED)) is None
    assert paged(before, SHARED) == whole(store, SHARED)
    assert len(asked) == 1  # the query, sorted here


def test_a_build_of_more_lists_keeps_their_authorities_too() -> None:
    store = regions(0, 10)
    assert len(former(store, SHARED)) == 2
    build_cited(Generator(6_200).generate(order=[20]), store)
    kept = kept_named(store, ox.Literal(SHARED))
    assert kept is not None and len(kept) == 3
    assert [org.value for org in kept] == former(store, SHARED)
    assert paged(store, SHARED) == whole(store, SHARED)


def test_an_authority_that_is_a_blank_node_leaves_the_names_to_the_query() -> None:
    store = regions(0)
    graph = ox.NamedNode(Iris().shared_graph())
    blank = ox.BlankNode()
    store.add(ox.Quad(blank, TYPE, ORGANIZATION, graph))
    store.add(ox.Quad(blank, PREF, ox.Literal(SHARED, language="zh"), graph))
    derived.refresh(store, Iris())  # the derived graph written again, as a laws import does
    assert kept_named(store, ox.Literal(SHARED)) is None
    rows = paged(store, SHARED)
    assert len(rows) == 2 and any(isinstance(r["org"], ox.BlankNode) for r in rows)  # type: ignore[index]


def test_the_count_is_the_kept_authorities(store: ox.Store) -> None:
    # the engine counted the 3,334 authorities of one name at 1M items in 55-238 ms
    before = ox.Store()
    before.extend(q for q in store if q.object != ox.NamedNode(QZD + "AuthorityNames"))
    for name in (SHARED, "无此机关", *names(store)[:3]):
        counted = count_rows(store, "view-authority-named", {"name": name})
        assert counted == len(whole(store, name)) == len(kept_named(store, ox.Literal(name)) or [])
        assert count_rows(before, "view-authority-named", {"name": name}) == counted
