"""accountability-resting-on is counted without reading each clause's text where no clause
resting on a provision lacks one (``graph.build.resting``, ``graph.store.boundcount``): 2.1 s
for the most cited law at 100 k items with the texts read (issue 23), and the count equals the
rows with a clause of no text (``2.`` followed by nothing: no text), after a rebuild and when the
derived graph is of an earlier form."""

from __future__ import annotations

import dataclasses

import pyoxigraph as ox
import pytest

from graph.build import derived
from graph.build.build import build_graph
from graph.iri import Iris
from graph.store import boundcount
from graph.store.counting import count_rows
from graph.store.query import run_query
from tests.graph.build.test_derived import kept, live
from tests.graph.handmade import citations_a, list_a
from tests.graph.store.test_counting import engine_refused

NAME = "accountability-resting-on"
#: A pattern no clause matches: the count would be 0 if it were the one asked.
NOTHING = "?clause <https://w3id.org/quanze/ontology#restsOn> ?provision ; <urn:none> ?x"


def bare_first() -> ox.Store:
    """list_a with its accountability clauses written ``1.…；2.（nothing）3.…``: 2 has no text."""
    power_list = list_a()
    first = dataclasses.replace(
        power_list.items[0], accountability="1.不依法处理的；\n2.\n3.泄露秘密的"
    )
    store = ox.Store()
    build_graph(
        [dataclasses.replace(power_list, items=(first, *power_list.items[1:]))],
        store,
        citations=citations_a(),
    )
    return store


def targets(store: ox.Store) -> list[ox.NamedNode]:
    """The laws and provisions clauses rest on, and what they are part of."""
    query = (
        "SELECT DISTINCT ?t WHERE { ?c <https://w3id.org/quanze/ontology#restsOn> ?p . "
        "?p <http://data.europa.eu/eli/ontology#is_part_of>* ?t } ORDER BY ?t"
    )
    return [row["t"] for row in run_query(store, query).rows]  # type: ignore[misc]


def counted(store: ox.Store, monkeypatch: pytest.MonkeyPatch, unread: str) -> int:
    """Each target's count is its rows, with the pattern ``unread`` made to match nothing (the
    engine's COUNT form refused); how many rows in all."""
    found = 0
    with monkeypatch.context() as patched:
        engine_refused(patched)
        patched.setattr(boundcount, unread, NOTHING)
        for target in targets(store):
            rows = len(run_query(store, NAME, {"target": target}).rows)
            assert count_rows(store, NAME, {"target": target}) == rows, target
            found += rows
    return found


def test_the_clauses_texts_are_not_read_where_every_clause_has_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = ox.Store()
    build_graph([list_a()], store, citations=citations_a())
    assert counted(store, monkeypatch, "_RESTING") > 0  # the texts not read


def test_a_clause_of_no_text_is_left_out_reading_the_texts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = bare_first()
    whole = "SELECT (COUNT(*) AS ?n) WHERE { ?c <https://w3id.org/quanze/ontology#restsOn> ?p }"
    pairs = int(run_query(store, whole).rows[0]["n"].value)  # type: ignore[union-attr]
    assert kept(store) == live(store)  # kept as counted afresh
    assert kept(store)[derived.BARE_RESTING.name] == {(): [1]}
    rows = counted(store, monkeypatch, "_RESTING_ALL")  # the texts read
    assert rows > 0
    law = "https://w3id.org/quanze/id/law/shehui-baoxian-fa"
    rested = len(run_query(store, NAME, {"target": ox.NamedNode(law)}).rows)
    assert rested < pairs  # the clause of no text rests on it and gives no row
    # list_a rebuilt with its clauses written in full: no clause without a text is kept
    build_graph([list_a()], store, citations=citations_a())
    assert kept(store) == live(store)
    assert not any(kept(store)[derived.BARE_RESTING.name].values())
    assert counted(store, monkeypatch, "_RESTING") > 0


def test_a_derived_graph_of_an_earlier_form_reads_the_texts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = ox.Store()
    build_graph([list_a()], store, citations=citations_a())
    graph = ox.NamedNode(Iris().derived_graph())
    for quad in list(
        store.quads_for_pattern(None, ox.NamedNode(derived.QZD + "form"), None, graph)
    ):
        store.remove(quad)
        seven = ox.Literal("7", datatype=quad.object.datatype)  # type: ignore[union-attr]
        store.add(ox.Quad(quad.subject, quad.predicate, seven, graph))
    assert counted(store, monkeypatch, "_RESTING_ALL") > 0
