"""A build that extracts each list's citations itself (``build_graph`` without citations) hands
the list's date to the citing API, as ``quanze build`` and ``quanze extract`` do: a regulation
repealed after the list was made is said to have been in force then, in the graph."""

from __future__ import annotations

import pyoxigraph as ox

from extractors.models import ListMeta, PowerItem, PowerList
from graph.build.build import build_graph


def _warnings(meta: ListMeta) -> list[str]:
    item = PowerItem(
        source="list.csv",
        row="1",
        line=2,
        name="对扰乱公共秩序的处罚",
        basis="《治安管理处罚条例》第十九条",
    )
    store = ox.Store()
    build_graph(
        [PowerList(source="list.csv", format="csv", encoding="utf-8", meta=meta, items=[item])],
        store,
    )
    query = "SELECT ?w WHERE { GRAPH ?g { ?c <https://w3id.org/quanze/ontology#warning> ?w } }"
    return [str(row["w"].value) for row in store.query(query)]


def test_the_repeal_is_said_against_the_date_the_lists_title_names() -> None:
    (warning,) = _warnings(ListMeta(title="2005年甲县公安局权责清单"))
    assert "was in force on the list's date 2005" in warning


def test_a_list_of_no_date_is_told_the_repeal_date_alone() -> None:
    (warning,) = _warnings(ListMeta(title="甲县公安局权责清单"))
    assert "repealed on 2006-03-01" in warning and "list's date" not in warning
