"""A list is written and loaded in chunks of its lines (``graph.build.build.CHUNK_LINES``), so a
large list is never held whole: written in chunks of a few lines, the store and the report are
those of the list written whole, and a list that fails part-way leaves no half graph."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

import graph.build.build as build
from extractors.models import CellCitation
from graph.app.pipeline import build_files
from graph.build.build import build_graph
from tests.graph.handmade import citations_a, citations_b, list_a, list_b

LIST_A = "https://w3id.org/quanze/id/graph/list/000_a"


def built(paths: list[Path], folder: Path) -> tuple[set[str], list[int]]:
    report = build_files(paths, folder)
    store = ox.Store.read_only(str(folder))
    return {str(quad) for quad in store}, [b.triples for b in report.built]


def test_lists_written_in_chunks_of_seven_lines_give_the_same_store_and_counts(
    sample_paths: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = built(sample_paths, tmp_path / "whole")
    monkeypatch.setattr(build, "CHUNK_LINES", 7)
    # clause concepts shared by items and shortcuts named by several citations cross chunks
    assert built(sample_paths, tmp_path / "chunks") == whole


def test_citations_naming_a_target_again_in_later_chunks_give_the_same_store_and_counts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # every citation twice: the item's shortcut and its clauses' restsOn lines are written again
    # by the second, three lines to a chunk: they must be counted once
    twice = [*citations_a(), *citations_a(), *citations_b()]

    def store_and_counts() -> tuple[set[str], list[int]]:
        store = ox.Store()
        report = build_graph([list_a(), list_b()], store, citations=twice)
        return {str(quad) for quad in store}, [b.triples for b in report.built]

    whole = store_and_counts()
    monkeypatch.setattr(build, "CHUNK_LINES", 3)
    assert store_and_counts() == whole


def test_a_list_that_fails_part_way_through_its_chunks_leaves_no_half_graph(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(build, "CHUNK_LINES", 3)
    store = ox.Store()
    build_graph([list_b()], store, citations=citations_b())
    kept = {str(quad) for quad in store if "graph/list/001_b" in str(quad.graph_name)}
    stray = CellCitation("000_a.txt", "9", "basis", citations_a()[0].citation)
    report = build_graph([list_a()], store, citations=[*citations_a(), stray])
    assert [f.source for f in report.failed] == ["000_a.txt"]  # reported; the others go on
    assert "names row '9'" in (report.failed[0].error or "")
    assert not store.contains_named_graph(ox.NamedNode(LIST_A))
    assert {str(quad) for quad in store if "graph/list/001_b" in str(quad.graph_name)} == kept
