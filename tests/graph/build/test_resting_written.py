"""The clauses of no text resting on a provision (``derived.BARE_RESTING``) are counted as the
build writes them (``graph.build.clauses``, ``Collector.bare``), not asked of the engine per list
at the commit (``graph.build.resting``, some 6 ms a list): the facts kept equal what the engine
finds in the store, over stores with and without such clauses, through rebuilds, a removed list,
a store counted afresh, a list whose items' IRIs meet and a parallel build."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from extractors.models import CellCitation, PowerList
from graph.app.cli import app
from graph.build import derived, resting
from graph.build.build import build_graph
from graph.build.record import list_graphs
from graph.iri import Iris
from graph.store.open import open_store
from tests.graph.build.test_derived import kept, live
from tests.graph.handmade import citations_a, citations_b, list_a, list_b

BARE = derived.BARE_RESTING.name
#: An accountability cell whose second clause has a number and no text.
SECOND_BARE = "1.不依法处理举报的；\n2.\n3.泄露秘密的"
#: The same clauses, each with a text.
ALL_WRITTEN = "1.不依法处理举报的；\n2.违法收取费用的\n3.泄露秘密的"
#: Two clauses of no text among four.
TWO_BARE = "有下列情形的：1.滥用职权的；2.\n3.\n4.玩忽职守的"


def with_accountability(power_list: PowerList, cell: str) -> PowerList:
    """``power_list`` with its first item's accountability cell (追责情形) written as ``cell``:
    its accountability basis (追责依据) cites a provision, on which every clause rests."""
    first = dataclasses.replace(power_list.items[0], accountability=cell)
    return dataclasses.replace(power_list, items=(first, *power_list.items[1:]))


def engine_asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The list graphs whose clauses of no text the engine is asked for, as they are asked."""
    asked: list[str] = []
    ask = resting.bare

    def spied(store: ox.Store, graph: str) -> derived.Facts:
        asked.append(graph)
        return ask(store, graph)

    monkeypatch.setattr(resting, "bare", spied)
    return asked


def bare_pairs(store: ox.Store) -> int:
    """The (clause of no text, provision) pairs of ``qz:restsOn`` in the store, by the engine."""
    return sum(resting.bare(store, graph).rows[BARE][()][0] for graph in list_graphs(store, Iris()))


def agreed(store: ox.Store) -> int:
    """The kept facts equal those counted afresh, and the clauses of no text resting on a
    provision those the engine finds: how many."""
    facts = kept(store)
    assert facts == live(store)
    held = facts[BARE].get((), [0])[0]
    assert held == bare_pairs(store)
    return held


def test_a_build_asks_the_engine_for_none_of_the_lists_it_writes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = engine_asked(monkeypatch)
    store = ox.Store()
    build_graph(
        [with_accountability(list_a(), SECOND_BARE), list_b()],
        store,
        citations=citations_a() + citations_b(),
    )
    assert asked == []
    assert kept(store)[BARE] == {(): [1]}  # clause 2 rests on 社会保险法 第九十三条
    assert agreed(store) == 1


def test_a_rebuild_asks_the_engine_for_the_old_graph_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = ox.Store()
    build_graph([with_accountability(list_a(), SECOND_BARE)], store, citations=citations_a())
    asked = engine_asked(monkeypatch)
    build_graph([with_accountability(list_a(), TWO_BARE)], store, citations=citations_a())
    assert asked == [Iris().list_graph("000_a")]  # its part before, read before it is replaced
    assert agreed(store) == 2


def test_the_kept_pairs_follow_rebuilds_removals_and_recounts() -> None:
    store = ox.Store()
    build_graph([list_a(), list_b()], store, citations=citations_a() + citations_b())
    assert agreed(store) == 0  # no clause without a text
    build_graph([with_accountability(list_a(), TWO_BARE)], store, citations=citations_a())
    assert agreed(store) == 2
    build_graph([with_accountability(list_a(), SECOND_BARE)], store, citations=citations_a())
    assert agreed(store) == 1
    build_graph([list_a()], store, citations=citations_a())  # written in full again
    assert agreed(store) == 0
    build_graph([with_accountability(list_a(), TWO_BARE)], store, citations=citations_a())
    store.remove_graph(ox.NamedNode(Iris().list_graph("000_a")))  # removed by an update
    build_graph([list_b()], store, citations=citations_b())
    assert agreed(store) == 0
    build_graph([with_accountability(list_a(), TWO_BARE)], store, citations=citations_a())
    store.remove_graph(ox.NamedNode(Iris().derived_graph()))  # as a store built before them
    build_graph([list_b()], store, citations=citations_b())
    assert agreed(store) == 2


def _meeting(power_list: PowerList) -> PowerList:
    """``power_list`` with an item written ``1.2`` whose second clause has no text, and its first
    item written again after it (keyed ``1.2``, as the second row numbered 1), its clauses all
    with a text: two items of one IRI, whose clause nodes meet (the store holds the clause with
    its text, resting on the provision the first of them cites)."""
    first = power_list.items[0]
    again = dataclasses.replace(first, line=first.line + 100, accountability=ALL_WRITTEN)
    meeting = dataclasses.replace(
        first, row=f"{first.row}.2", line=first.line + 200, accountability=SECOND_BARE
    )
    return dataclasses.replace(power_list, items=(*power_list.items, meeting, again))


def _meeting_citations() -> list[CellCitation]:
    """list_a's citations, and its first item's accountability basis cited by the item ``1.2``."""
    cited = citations_a()
    basis = next(c for c in cited if c.row == "1" and c.field == "accountability_basis")
    return [*cited, dataclasses.replace(basis, row="1.2")]


def test_items_sharing_an_iri_are_asked_of_the_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = engine_asked(monkeypatch)
    store = ox.Store()
    build_graph([_meeting(list_a())], store, citations=_meeting_citations())
    assert asked == [Iris().list_graph("000_a")]
    # the other facts of such a list are the engine's too, but not all as counted afresh
    # (tests/graph/build/test_listrows.py); its pairs are: the clause written with no text by
    # one item and with a text by the other has a text in the store
    assert bare_pairs(store) == 0
    assert kept(store)[BARE].get((), [0])[0] == 0


def _csv(path: Path, accountability: str) -> Path:
    """A list of two items as a CSV file, the first item's 追责情形 written as given."""
    rows = [
        "序号,事项名称,职权类型,实施依据,追责情形,追责依据",
        f'1,对骗取社会保险基金的处罚,行政处罚,《中华人民共和国社会保险法》第八十七条,"{accountability}",'
        "《中华人民共和国社会保险法》第九十三条",
        "2,对医疗救助资金的检查,行政检查,《社会救助暂行办法》第六十八条,不依法检查的,"
        "《社会救助暂行办法》第六十八条",
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_a_parallel_build_keeps_the_same_pairs(tmp_path: Path) -> None:
    files = [
        _csv(tmp_path / "甲县医保局.csv", TWO_BARE),
        _csv(tmp_path / "乙县医保局.csv", SECOND_BARE),
        _csv(tmp_path / "丙县医保局.csv", "1.滥用职权的；2.玩忽职守的"),
    ]
    graphs = []
    for jobs in ("1", "2"):
        where = tmp_path / f"jobs{jobs}"
        done = CliRunner().invoke(
            app, ["build", *map(str, files), "--store", str(where), "--jobs", jobs]
        )
        assert done.exit_code == 0, done.output
        store = open_store(where, read_only=True)
        assert agreed(store) == 3
        graph = ox.NamedNode(Iris().derived_graph())
        graphs.append(set(store.quads_for_pattern(None, None, None, graph)))
        del store
    assert graphs[0] == graphs[1]
