"""Issue #24, item 3: what the build keeps of each list until its commit is packed
(``graph.build.packed``). A list's derived counts that need the store to name them (per article
and authorities) waited as Python objects, some 84 KB a 300-item list and 280 MB at 1 M items,
held while the bulk loader holds its batches: the build's peak, past 1,907 MiB.

Measured with ``tracemalloc``: real lists handed through ``_Build.documents`` one after another,
as ``build_cited`` does, then the Python memory the lists waiting for the commit hold (what is
freed when they are let go). That the packed counts give the same facts is tested with every
build (``test_derived``: the facts the build keeps equal the store's, counted afresh)."""

from __future__ import annotations

import gc
import tracemalloc

import pyoxigraph as ox

from bench.synthetic import Generator
from graph.build import derived, tally
from graph.build.build import _Build, _unpacked
from graph.build.identity import ListIds
from graph.build.record import Record
from graph.iri import Iris

LISTS = 6


def test_a_list_waiting_for_the_commit_holds_a_few_kilobytes() -> None:
    iris, store = Iris(), ox.Store()
    state = _Build(store, iris, Record.adopted(store, iris), tally.Tally(), derived.Facts())
    ids = ListIds()
    tracemalloc.start()
    try:
        for pair in Generator(LISTS * 200, seed=3).generate():
            made = _unpacked(pair)
            for _ in state.documents(made.writing(iris, ids.assign(made.path)), made.path, ""):
                pass
        assert len(state.pending) == LISTS
        gc.collect()
        waiting = tracemalloc.get_traced_memory()[0]
        state.pending.clear()
        gc.collect()
        held = waiting - tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    per_list = held / LISTS
    # held as the Collector it was: some 60 KB a 200-item list of these
    assert per_list < 12_000, f"{per_list:,.0f} bytes a list"
