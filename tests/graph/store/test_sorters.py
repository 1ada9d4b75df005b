"""The bulk load's sorting threads (graph.store.sorters): each holds a batch of a million quads, so
their number is the load's memory; ``quanze build --jobs N`` gives the load the cores its workers
leave it (#24: one on two cores, within 2 GB at 1M items)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.app.parallel import MAX_SORTERS, left_to_load
from graph.store import load
from graph.store.sorters import counted_as

CORES = len(os.sched_getaffinity(0))
#: Documents of this many lines each, enough of them to fill two of the loader's batches; one
#: more line is read after them, once the second batch went to its sorting thread.
LINES = 50_000
DOCUMENTS = 2 * load.BULK_BATCH // LINES

two_cores = pytest.mark.skipif(CORES < 2, reason="one core: the loader sorts on one thread anyway")


def threads() -> int:
    return len(os.listdir("/proc/self/task"))


def block(n: int, lines: int = LINES) -> load.Document:
    """``lines`` short lines of a graph of their own (the loader's cost is per quad)."""
    text = "".join(f'<u:s{n}_{k}> <u:p> "{k}" <u:g{n}> .\n' for k in range(lines))
    return load.Document(text.encode(), lines)


def most_sorting_threads(store_dir: Path, sorters: int | None) -> int:
    """The most threads a bulk load of three batches had beside those the process had before,
    counted as each document is read: the loader's sorting threads at once."""
    store = ox.Store(str(store_dir))
    before, most = threads(), 0
    allowed = os.sched_getaffinity(0)

    def documents() -> Iterator[load.Document]:
        nonlocal most
        for n in range(DOCUMENTS + 1):
            most = max(most, threads() - before)
            # read once the loader counted its cores: the reading thread has them all again
            assert os.sched_getaffinity(0) == allowed
            yield block(n, LINES if n < DOCUMENTS else 1)

    load.load(store, documents(), sorters=sorters)
    assert os.sched_getaffinity(0) == allowed
    for n in (0, DOCUMENTS - 1):  # the first batch's lists and the last's, all there
        assert (
            len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(f"u:g{n}")))) == LINES
        )
    return most


@two_cores
@pytest.mark.parametrize(("sorters", "most"), [(1, 1), (None, 2)], ids=["one", "a core each"])
def test_the_loader_sorts_on_as_many_threads_at_once_as_it_is_given_cores(
    tmp_path: Path, sorters: int | None, most: int
) -> None:
    """One sorting thread holds one batch at a time where, given the two cores, the loader sorts
    two batches at once (the second started while the first is sorted)."""
    assert most_sorting_threads(tmp_path, sorters) == most


@two_cores
def test_the_affinity_is_narrowed_until_widened_and_given_back_at_the_end() -> None:
    allowed = os.sched_getaffinity(0)
    with counted_as(1) as widen:
        assert len(os.sched_getaffinity(0)) == 1
        widen()
        assert os.sched_getaffinity(0) == allowed
    with counted_as(1):
        assert len(os.sched_getaffinity(0)) == 1
    assert os.sched_getaffinity(0) == allowed
    with counted_as(None), counted_as(CORES):  # nothing to narrow
        assert os.sched_getaffinity(0) == allowed


def test_the_load_counts_the_cores_the_workers_leave_it() -> None:
    """``--jobs N`` with ``N - 1`` workers: on two cores the load sorts one batch at a time."""
    assert left_to_load(CORES - 1) == 1 and left_to_load(CORES) == 1
    assert left_to_load(0) == min(CORES, MAX_SORTERS)


def test_the_load_sorts_on_two_threads_at_most_whatever_the_cores() -> None:
    # it counted every core the workers left it: 15 sorting threads, 8 GB, with one worker on 16
    assert [left_to_load(workers, 16) for workers in (0, 1, 14, 15)] == [2, 2, 2, 1]
    assert [left_to_load(0, cores) for cores in (1, 2, 3, 64)] == [1, 2, 2, 2]
