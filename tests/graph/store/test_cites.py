"""`find_citing_items`: free-text references answered from the store."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.build.build import build_graph
from graph.errors import UnknownReferenceError
from graph.store.cites import find_citing_items
from tests.graph.handmade import citations_a, citations_b, list_a, list_b


@pytest.fixture(scope="module")
def store() -> ox.Store:
    store = ox.Store()
    build_graph([list_a(), list_b()], store, citations=citations_a() + citations_b())
    return store


def hits(store: ox.Store, ref: str) -> list[tuple[str, str, str]]:
    return [(r["source"], r["row"], r["field"]) for r in find_citing_items(store, ref)]


@pytest.mark.parametrize(
    "ref",
    [
        pytest.param("社会保险法第八十七条", id="bare-abbreviation"),
        pytest.param("《中华人民共和国社会保险法》第87条", id="full-title-arabic"),
        pytest.param("中华人民共和国社会保险法第八十七条", id="full-title-unmarked"),
    ],
)
def test_article_includes_its_paragraphs(store: ox.Store, ref: str) -> None:
    assert hits(store, ref) == [("000_a.txt", "1", "basis"), ("001_b.txt", "4268", "basis")]


def test_paragraph_is_narrower(store: ox.Store) -> None:
    assert hits(store, "社会保险法第八十七条第二款") == [("001_b.txt", "4268", "basis")]


def test_whole_law(store: ox.Store) -> None:
    assert hits(store, "社会保险法") == [
        ("000_a.txt", "1", "accountability_basis"),
        ("000_a.txt", "1", "basis"),
        ("001_b.txt", "4268", "basis"),
    ]


def test_rows_carry_the_contract_keys(store: ox.Store) -> None:
    (row, _) = find_citing_items(store, "社会保险法第八十七条")
    assert row["department"] == "达孜区医保局"
    assert row["law"] == "中华人民共和国社会保险法"
    assert row["article"] == 87
    assert row["region"] == "达孜区"
    assert row["version"] == "2018修正"
    assert row["name"] == "对骗取社会保险基金支出的处罚"
    assert row["power_item"] == "https://w3id.org/quanze/id/list/000_a/item/1"


def test_nobody_cites_it(store: ox.Store) -> None:
    assert find_citing_items(store, "社会保险法第一条") == []


def test_no_law_in_reference(store: ox.Store) -> None:
    with pytest.raises(UnknownReferenceError, match="社会保险法第八十七条"):
        find_citing_items(store, "第八十七条")


def test_seeds(sample_paths: list[Path]) -> None:
    from extractors.reading.read import read_list

    store = ox.Store()
    build_graph([read_list(p) for p in sample_paths], store)
    rows = find_citing_items(store, "社会保险法第八十七条")
    assert [(r["source"][:3], r["row"], r["field"], r["article"]) for r in rows] == [
        ("000", "1", "basis", 87),
        ("001", "4268", "basis", 87),
        ("001", "4271", "basis", 87),
    ]
    departments = [r["department"] for r in rows]
    assert departments == ["达孜区医保局", None, "县医保局"]  # 4268's 实施部门 cell is empty


@pytest.mark.parametrize(
    ("ref", "unread"),
    [
        pytest.param("《社会保险法》第}{1条", "第}{1条", id="garbled-article"),
        pytest.param("《社会保险法》第条", "第条", id="article-without-number"),
        pytest.param("《社会保险法》全文第", "全文第", id="trailing-garbage"),
    ],
)
def test_an_unreadable_provision_is_an_error_not_the_whole_law(
    store: ox.Store, ref: str, unread: str
) -> None:
    """A provision the grammar cannot read must not widen the answer to every item citing the
    law: the error names the text it could not read."""
    with pytest.raises(UnknownReferenceError, match=f"cannot read {unread!r}"):
        find_citing_items(store, ref)


def test_a_partly_readable_reference_warns_what_was_ignored(store: ox.Store) -> None:
    said: list[str] = []
    rows = find_citing_items(store, "《社会保险法》第八十七条和第}{1条", warn=said.append)
    assert [(r["source"], r["row"]) for r in rows] == [("000_a.txt", "1"), ("001_b.txt", "4268")]
    assert len(said) == 1 and "'和第}{1条'" in said[0] and "ignored" in said[0]


@pytest.mark.parametrize("ref", ["社会保险法", "《社会保险法》", " 社会保险法第八十七条、第九十条"])
def test_a_fully_read_reference_says_nothing(store: ox.Store, ref: str) -> None:
    said: list[str] = []
    find_citing_items(store, ref, warn=said.append)
    assert said == []
