"""The rows of the queries counted by list, counted by the build as it writes each list
(``graph.build.listrows``), are those the engine counts in the store; the engine is asked only
for what the build cannot count (a query changed since its count was written, items sharing an
IRI)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pyoxigraph as ox
import pytest

from extractors.models import PowerList
from graph.build import build, derived, listrows
from graph.build.build import build_graph
from graph.store.counting import by_list_queries, count_rows
from graph.store.query import run_query
from tests.graph.handmade import citations_a, citations_b, list_a, list_b
from tests.shared import shared_path


@pytest.fixture
def engine_counts(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, tuple[str, ...]]]:
    """The list graphs whose rows the engine was asked to count, and for which queries."""
    asked: list[tuple[str, tuple[str, ...]]] = []
    counted = derived.list_rows

    def spied(store: ox.Store, graph: str, names: tuple[str, ...] | None = None) -> derived.Facts:
        asked.append((graph, tuple(by_list_queries() if names is None else names)))
        return counted(store, graph, names)

    monkeypatch.setattr(derived, "list_rows", spied)
    return asked


@pytest.fixture
def by_list(monkeypatch: pytest.MonkeyPatch) -> dict[str, dict[str, int] | None]:
    """Each built list graph's rows as the build counted them."""
    seen: dict[str, dict[str, int] | None] = {}
    rows = build._Built.rows

    def spied(self: build._Built) -> dict[str, int] | None:
        seen[self.graph] = rows(self)
        return seen[self.graph]

    monkeypatch.setattr(build._Built, "rows", spied)
    return seen


def engine_rows(store: ox.Store, graph: str) -> dict[str, int]:
    """The rows the engine counts for the list graph ``graph``, per query counted by list."""
    facts = derived.list_rows(store, graph)
    return {key[0].value: n for key, (n,) in facts.rows[derived.LIST_ROWS.name].items()}  # type: ignore[union-attr]


def kept_as_asked(store: ox.Store) -> None:
    """Each query counted by list: the count the derived graph keeps is the rows it gives."""
    for name in by_list_queries():
        assert count_rows(store, name) == len(run_query(store, name, timeout=60).rows), name


def test_the_build_counts_every_query_counted_by_list() -> None:
    # fails when a query counted by list has changed since graph.build.listrows counted it (or a
    # query is counted by list that it does not count): the engine counts it again (right, and
    # slower); look at the query and at COUNTED, and write its digest there when they agree
    assert listrows.counted() == by_list_queries()
    assert listrows.uncounted() == ()


def test_a_build_asks_the_engine_for_no_count_it_made(
    engine_counts: list[tuple[str, tuple[str, ...]]],
) -> None:
    # the engine counted six queries for every list once it was current: some 15% of a build
    store = ox.Store()
    build_graph([list_a(), list_b()], store, citations=citations_a() + citations_b())
    assert engine_counts == []
    kept_as_asked(store)


def test_real_lists_are_counted_as_the_engine_counts_them(
    tmp_path: Path, by_list: dict[str, dict[str, int] | None]
) -> None:
    from graph.app.pipeline import build_files
    from graph.store.open import open_store

    lists = (".txt", ".md", ".xlsx", ".xls", ".html")
    real = sorted(
        p
        for p in shared_path("realworld").iterdir()
        if p.suffix in lists and p.name != "NOTES.md" and not p.name.endswith(".source.txt")
    )
    paths = real + sorted(shared_path("seeds").iterdir())
    build_files(paths, tmp_path / "store")
    store = open_store(tmp_path / "store")
    assert len(by_list) > 20
    for graph, rows in by_list.items():
        assert rows == engine_rows(store, graph), graph
    kept_as_asked(store)


def _rows_meeting(power_list: PowerList) -> PowerList:
    """``power_list`` with its first item written again and an item whose row is written as the
    second of two rows of the same number is keyed (``1.2``): two items of one IRI."""
    first = power_list.items[0]
    again = dataclasses.replace(first, line=first.line + 100)
    meeting = dataclasses.replace(first, row=f"{first.row}.2", line=first.line + 200, name="别的")
    return dataclasses.replace(power_list, items=(*power_list.items, again, meeting))


def test_items_sharing_an_iri_are_counted_by_the_engine(
    engine_counts: list[tuple[str, tuple[str, ...]]], by_list: dict[str, dict[str, int] | None]
) -> None:
    store = ox.Store()
    build_graph([_rows_meeting(list_a())], store, citations=citations_a())
    ((graph, rows),) = by_list.items()
    assert rows is None
    assert engine_counts == [(graph, by_list_queries())]
    kept_as_asked(store)


def test_a_query_changed_since_its_count_is_counted_by_the_engine(
    monkeypatch: pytest.MonkeyPatch, engine_counts: list[tuple[str, tuple[str, ...]]]
) -> None:
    changed = dict(listrows.COUNTED)
    changed["view-items"] = ("another text", changed["view-items"][1])
    monkeypatch.setattr(listrows, "COUNTED", changed)
    for cached in (listrows.counted, listrows.uncounted):
        cached.cache_clear()
    try:
        store = ox.Store()
        build_graph([list_a(), list_b()], store, citations=citations_a() + citations_b())
        assert [names for _, names in engine_counts] == [("view-items",), ("view-items",)]
        kept_as_asked(store)
    finally:
        monkeypatch.undo()
        for cached in (listrows.counted, listrows.uncounted):
            cached.cache_clear()
