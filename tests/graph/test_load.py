"""Loading a build's N-Quads (graph.load): one transaction when small, one bulk load when big,
what was made before a failure kept, a store that fails leaving nothing of the load."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pyoxigraph as ox
import pytest

from graph import load
from graph.build import build_graph
from graph.errors import LoadError
from tests.graph.handmade import citations_a, citations_b, list_a, list_b

EX = "https://example.org/"


def document(graph: int, lines: int) -> load.Document:
    text = "".join(f'<{EX}s{graph}_{n}> <{EX}p> "第{n}条" <{EX}g{graph}> .\n' for n in range(lines))
    return text.encode(), lines


def graphs(store: ox.Store) -> dict[str, int]:
    counts: dict[str, int] = {}
    for quad in store:
        name = quad.graph_name.value  # type: ignore[union-attr]
        counts[name] = counts.get(name, 0) + 1
    return counts


def failing(documents: list[load.Document], error: BaseException) -> Iterator[load.Document]:
    yield from documents
    raise error


@pytest.mark.parametrize("threshold", [10_000, 5], ids=["transaction", "bulk"])
def test_every_document_is_loaded(threshold: int) -> None:
    store = ox.Store()
    load.load(store, iter([document(1, 3), document(2, 4), (b"", 0), document(3, 2)]), threshold)
    assert graphs(store) == {f"{EX}g1": 3, f"{EX}g2": 4, f"{EX}g3": 2}


@pytest.mark.parametrize("threshold", [10_000, 5], ids=["transaction", "bulk"])
@pytest.mark.parametrize("error", [ValueError("bad row"), KeyboardInterrupt()])
def test_what_was_made_before_a_failure_is_loaded(threshold: int, error: BaseException) -> None:
    store = ox.Store()
    documents = failing([document(1, 3), document(2, 4)], error)
    with pytest.raises(type(error)):
        load.load(store, documents, threshold)
    assert graphs(store) == {f"{EX}g1": 3, f"{EX}g2": 4}


def test_a_bulk_load_the_store_refuses_leaves_nothing_of_it() -> None:
    store = ox.Store()
    broken = (b"<not an iri at all> .\n", 1)
    with pytest.raises(LoadError, match="did not take"):
        load.load(store, iter([document(1, 3), broken, document(2, 4)]), threshold=2)
    assert len(store) == 0


def test_a_read_only_store_gives_a_load_error(tmp_path: Path) -> None:
    ox.Store(str(tmp_path / "store")).flush()  # made, then closed when collected
    store = ox.Store.read_only(str(tmp_path / "store"))
    with pytest.raises(LoadError):
        load.load(store, iter([document(1, 3)]), threshold=2)


def test_the_feed_hands_out_documents_in_reads_of_the_size_asked() -> None:
    text = b"<a> <b> <c> <d> .\n" * 50
    feed = load.Feed(iter([text, b"", text]))
    read = b""
    while chunk := feed.read(7):
        assert len(chunk) <= 7
        read += chunk
    assert read == text * 2


def test_shared_lines_reach_the_store_once(monkeypatch: pytest.MonkeyPatch) -> None:
    handed: list[bytes] = []
    real = load.load

    def spy(store: ox.Store, documents: Iterator[load.Document], threshold: int = 5) -> None:
        def seen() -> Iterator[load.Document]:
            for text, count in documents:
                handed.extend(text.splitlines())
                yield text, count

        real(store, seen(), threshold)

    monkeypatch.setattr(load, "load", spy)
    store = ox.Store()
    build_graph([list_a(), list_b()], store, citations=citations_a() + citations_b())
    assert len(handed) == len(set(handed))
    shared = [line for line in handed if line.endswith(b"/graph/shared> .")]
    assert shared  # both lists cite 社会保险法: its law node is written once
    assert len(store) > len(handed)  # plus the ontology and tally graphs


class Recording:
    """A real store that notes which of its loading methods were called, in order."""

    def __init__(self) -> None:
        self.store = ox.Store()
        self.calls: list[str] = []

    def __getattr__(self, name: str) -> Any:
        self.calls.append(name)
        return getattr(self.store, name)


@pytest.mark.parametrize(
    ("merge_threshold", "calls"),
    [(8, ["bulk_load", "optimize"]), (100, ["bulk_load"])],
    ids=["large-merged", "small-left"],
)
def test_a_large_bulk_load_is_merged_before_it_returns(
    monkeypatch: pytest.MonkeyPatch, merge_threshold: int, calls: list[str]
) -> None:
    monkeypatch.setattr(load, "MERGE_THRESHOLD", merge_threshold)
    store = Recording()
    load.load(cast(ox.Store, store), iter([document(1, 3), document(2, 5)]), threshold=2)
    assert store.calls == calls
    assert graphs(store.store) == {f"{EX}g1": 3, f"{EX}g2": 5}


def test_a_load_cut_short_is_not_merged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "MERGE_THRESHOLD", 2)
    store = Recording()
    with pytest.raises(KeyboardInterrupt):
        load.load(cast(ox.Store, store), failing([document(1, 3)], KeyboardInterrupt()), 2)
    assert store.calls == ["bulk_load"]  # Ctrl-C: stop now, not after minutes of merging
