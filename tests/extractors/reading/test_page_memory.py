"""Page text read whole (a page under ``stream.STREAM_MIN_BYTES``; a larger one is read in
batches, ``formats.text.pagerows``) holds no more at a time than it needs: a record's tokens are
made when it is split and let go after, not every record's at once (which held some 1 KB an item
more)."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from bench.biglist import WRITERS, rows
from extractors.reading.formats.text.page import read_plain


def test_page_text_peak_per_item(tmp_path: Path) -> None:
    path = tmp_path / "list.txt"
    WRITERS["txt"](path, rows(1_000))
    text = path.read_text(encoding="utf-8")
    read_plain(text[:5_000], "warm.txt")  # the vocabularies, loaded before the measure
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        grids = read_plain(text, "list.txt")
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    assert len(grids) == 1 and len(grids[0].rows) == 1_001
    # every record's tokens held at once: 3,000 bytes an item; one record's: 2,000
    assert peak / 1_000 < 2_500, f"{peak / 1_000:.0f} bytes an item"
