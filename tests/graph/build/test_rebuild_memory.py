"""Issue #20, item 13: a rebuild of a stored list whose lines changed tells its stale quads by the
hashes of its new ones (``graph.build.quadhashes``, used by ``graph.build.build``). Kept as a
Python set of ints they took some 50 bytes a quad (56 quads an item), the one part of a build that
still grew with the list; now 8 bytes a quad in a sorted numpy array.

Measured with ``tracemalloc`` (which counts numpy's arrays too) on the quads of a real list: the
new quads hashed chunk by chunk as the build hands them on, then every old quad looked up. (In a
whole rebuild of a test-sized list the peak falls in another step, which hides this one.)"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pyoxigraph as ox

from bench.biglist import WRITERS, rows
from graph.app.pipeline import build_files
from graph.build.quadhashes import QuadHashes
from graph.store.open import open_store


def test_the_hashes_of_a_rebuild_take_a_few_bytes_a_quad(tmp_path: Path) -> None:
    path, store_dir = tmp_path / "list.md", tmp_path / "store"
    WRITERS["md"](path, rows(3_000))
    report = build_files([path], store_dir)
    store = open_store(store_dir)
    graph = ox.NamedNode(report.built[0].graph)
    old = list(store.quads_for_pattern(None, None, None, graph))
    renamed = ox.Quad(old[0].subject, old[0].predicate, ox.Literal("改名"), graph)
    new = [renamed, *old[1:]]
    tracemalloc.start()
    try:
        hashes = QuadHashes()
        for start in range(0, len(new), 20_000):
            hashes.add(new[start : start + 20_000])
        stale = list(hashes.missing(old))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert stale == old[:1]
    per_quad = peak / len(old)
    # a set of the hashes took some 50 bytes a quad
    assert per_quad < 24, f"{per_quad:.1f} bytes a quad of {len(old)}"
