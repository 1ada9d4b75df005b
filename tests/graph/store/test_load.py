"""Loading a build's N-Quads (graph.store.load): one transaction when small, one bulk load when big,
what was made before a failure kept, a store that fails leaving nothing of the load."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.build.build import build_graph
from graph.errors import LoadError
from graph.store import load
from tests.graph.handmade import citations_a, citations_b, list_a, list_b

EX = "https://example.org/"


def nquads(graph: str, lines: int) -> bytes:
    return "".join(
        f'<{EX}s{graph}_{n}> <{EX}p> "第{n}条" <{EX}g{graph}> .\n' for n in range(lines)
    ).encode()


def document(graph: int, lines: int, shared: int = 0) -> load.Document:
    return load.Document(nquads(str(graph), lines), lines, nquads(f"s{graph}", shared), shared)


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
    load.load(
        store, iter([document(1, 3), document(2, 4), document(4, 0), document(3, 2)]), threshold
    )
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
    broken = load.Document(b"<not an iri at all> .\n", 1)
    with pytest.raises(LoadError, match="did not take"):
        load.load(store, iter([document(1, 3), broken, document(2, 4)]), threshold=2)
    assert len(store) == 0


def test_shared_lines_the_store_refuses_leave_the_own_lines_and_say_so() -> None:
    store = ox.Store()
    broken = load.Document(nquads("2", 4), 4, b"<not an iri at all> .\n", 1)
    with pytest.raises(LoadError, match="took the lists' own graphs but not"):
        load.load(store, iter([document(1, 3, shared=2), broken]), threshold=2)
    assert graphs(store) == {f"{EX}g1": 3, f"{EX}g2": 4}


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
    shared: list[bytes] = []
    real = load.load

    def spy(
        store: ox.Store,
        documents: Iterator[load.Document],
        threshold: int = 5,
        sorters: int | None = None,
    ) -> None:
        def seen() -> Iterator[load.Document]:
            for document in documents:
                handed.extend(document.own.splitlines() + document.shared.splitlines())
                shared.extend(document.shared.splitlines())
                yield document

        real(store, seen(), threshold, sorters=sorters)

    monkeypatch.setattr(load, "load", spy)
    store = ox.Store()
    build_graph([list_a(), list_b()], store, citations=citations_a() + citations_b())
    assert len(handed) == len(set(handed))
    assert shared  # both lists cite 社会保险法: its law node is written once
    assert all(line.endswith(b"/graph/shared> .") for line in shared)
    assert len(store) > len(handed)  # plus the ontology and tally graphs


def graph_of(line: bytes) -> bytes:
    return line.rsplit(b" ", 2)[-2]


def spooled(documents: list[load.Document], batch: int) -> tuple[list[list[bytes]], bytes]:
    """What ``aligned`` hands a loader that takes ``batch`` lines at a time, batch by batch, and
    what it spooled."""
    with tempfile.TemporaryFile() as spool:
        lines = b"".join(load.aligned(documents, spool, batch)).splitlines()
        spool.seek(0)
        kept = spool.read()
    return [lines[start : start + batch] for start in range(0, len(lines), batch)], kept


@given(
    sizes=st.lists(st.tuples(st.integers(0, 12), st.integers(0, 5)), max_size=12),
    batch=st.integers(1, 10),
)
def test_aligned_keeps_each_graph_in_one_batch_and_the_shared_lines_apart(
    sizes: list[tuple[int, int]], batch: int
) -> None:
    documents = [document(n, own, shared) for n, (own, shared) in enumerate(sizes)]
    handed, kept = spooled(documents, batch)
    lines = [line for lines in handed for line in lines]
    assert set(lines) == {line for d in documents for line in d.own.splitlines()}
    assert kept == b"".join(d.shared for d in documents)
    for d in documents:
        if 0 < d.own_lines <= batch:  # a graph that fits a batch is in one batch
            own = set(d.own.splitlines())
            assert sum(1 for lines in handed if own & set(lines)) == 1
    order = [graph_of(line) for line in lines]
    assert order == sorted(order, key=[graph_of(d.own) for d in documents if d.own].index)


def test_aligned_pads_with_the_line_before() -> None:
    handed, kept = spooled([document(1, 3), document(2, 3, shared=2)], batch=4)
    one, two = nquads("1", 3).splitlines(), nquads("2", 3).splitlines()
    assert handed == [[*one, one[-1]], two]
    assert kept == nquads("s2", 2)


def test_a_padded_bulk_load_holds_exactly_the_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "BULK_BATCH", 4)
    store = ox.Store()
    documents = [document(1, 3, shared=1), document(2, 6), document(3, 2, shared=3)]
    load.load(store, iter(documents), threshold=2)
    assert graphs(store) == {
        f"{EX}g1": 3,
        f"{EX}g2": 6,
        f"{EX}g3": 2,
        f"{EX}gs1": 1,
        f"{EX}gs3": 3,
    }


def test_store_order_is_the_order_a_store_keys_its_graphs_by(tmp_path: Path) -> None:
    names = [f"{EX}graph/{n}" for n in range(40)] + [f"{EX}graph/7"]
    order = load.store_order(names)
    assert sorted(order) == list(range(41))
    assert abs(order.index(7) - order.index(40)) == 1  # a name given twice: side by side
    store = ox.Store(str(tmp_path / "store"))  # a store as builds make them: bulk-loaded
    store.bulk_load(
        b"".join(nquads(f"x{n}", 1).replace(b"gx", b"graph/") for n in range(40)),
        format=ox.RdfFormat.N_QUADS,
    )
    kept = [graph.value for graph in store.named_graphs()]
    assert kept == [names[n] for n in order if n != 40]
    assert order != list(range(41))  # not the order given: the store keys graphs by a hash


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
    [(8, ["bulk_load", "bulk_load", "optimize"]), (100, ["bulk_load", "bulk_load"])],
    ids=["large-merged", "small-left"],
)
def test_a_large_bulk_load_is_merged_before_it_returns(
    monkeypatch: pytest.MonkeyPatch, merge_threshold: int, calls: list[str]
) -> None:
    monkeypatch.setattr(load, "MERGE_THRESHOLD", merge_threshold)
    store = Recording()
    documents = iter([document(1, 3), document(2, 5, shared=1)])
    load.load(cast(ox.Store, store), documents, threshold=2)
    assert store.calls == calls  # the own lines, then the shared ones
    assert graphs(store.store) == {f"{EX}g1": 3, f"{EX}g2": 5, f"{EX}gs2": 1}


def test_a_load_cut_short_is_not_merged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "MERGE_THRESHOLD", 2)
    store = Recording()
    with pytest.raises(KeyboardInterrupt):
        load.load(cast(ox.Store, store), failing([document(1, 3)], KeyboardInterrupt()), 2)
    assert store.calls == ["bulk_load"]  # Ctrl-C: stop now, not after minutes of merging
