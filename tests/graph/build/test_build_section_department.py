"""The authority of an item whose list has no department column: the department its heading,
group row or sheet's name names (``PowerItem.section_department``) exercises it; the item's
``qz:departmentText`` stays the column's cell, and a column's department wins over a heading."""

from __future__ import annotations

import pyoxigraph as ox

from extractors.models import ListMeta, PowerItem, PowerList
from graph.build.build import build_graph

ID = "https://w3id.org/quanze/id/"
QZ = "https://w3id.org/quanze/ontology#"


def _items(store: ox.Store, prop: str) -> dict[str, set[str]]:
    """Each item's objects of ``qz:prop`` (IRIs or texts)."""
    rows = store.query(
        f"SELECT ?i ?o WHERE {{ ?i <{QZ}{prop}> ?o }}", use_default_graph_as_union=True
    )
    out: dict[str, set[str]] = {}
    for r in rows:
        out.setdefault(r["i"].value.removeprefix(ID), set()).add(r["o"].value.removeprefix(ID))
    return out


def test_an_items_section_department_is_its_authority_where_it_has_no_department() -> None:
    items = (
        PowerItem("dir.txt", "1", 3, name="企业投资项目核准", section_department="县发展和改革局"),
        PowerItem("dir.txt", "1", 7, name="民办学校设立审批", section_department="县教育局"),
        # a column's department wins over the heading's
        PowerItem(
            "dir.txt", "3", 9, name="x", department="县林业局", section_department="县教育局"
        ),
        PowerItem("dir.txt", "4", 11, name="y"),
    )
    plist = PowerList("dir.txt", "txt", "utf-8", ListMeta(region="某县"), items, (), 4)
    store = ox.Store()
    build_graph([plist], store, citations=[])
    authorities = _items(store, "exercisedBy")
    assert authorities == {
        "list/dir/item/1": {"org/某县/县发展和改革局"},
        "list/dir/item/1.2": {"org/某县/县教育局"},
        "list/dir/item/3": {"org/某县/县林业局"},
    }
    # the text of the department column only: none for the items under headings
    assert _items(store, "departmentText") == {"list/dir/item/3": {"县林业局"}}
