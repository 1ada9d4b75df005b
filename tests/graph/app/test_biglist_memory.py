"""Issue #20, item 13: memory does not grow with the size of one list. One list of 200 k items
took 7.8 GB; a list is now read, cited and written a batch of items at a time
(``extractors.reading.stream``, ``graph.build.build.Batched``).

Each size is read, cited and written in a process of its own (``memory_probe``), with no store:
Oxigraph's bulk loader takes some 1.4 GB of its own whatever the list (docs/performance.md), which
would hide the list's share. Before the change, 15,000 and 75,000 items rose 50 and 160 MiB above
the RSS before the reading (some 1.9 KB an item); now 50 and 65 MiB: the citation extractor's
cache, a batch, a chunk of lines, and the file's text, which is held while the list is read.
XLSX rose 43 and 136 MiB read whole; now 44 (15,000 items, 0.5 MiB, still read whole) and 39 MiB
(``extractors.reading.workbook_stream``: the shared strings are held, compactly)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.extractors.reading.bounded import ROOT


def _rise(items: int, folder: Path, fmt: str) -> float:
    folder.mkdir()
    probe = [sys.executable, "-m", "tests.graph.app.memory_probe", str(items), str(folder), fmt]
    out = subprocess.run(probe, cwd=ROOT, check=True, capture_output=True, text=True, timeout=300)
    measured = json.loads(out.stdout.splitlines()[-1])
    assert measured["items"] == items
    return float(measured["rise_mib"])


@pytest.mark.parametrize("fmt", ["md", "json", "xlsx"])
def test_five_times_the_items_take_no_more_memory(tmp_path: Path, fmt: str) -> None:
    small = _rise(15_000, tmp_path / "small", fmt)
    large = _rise(75_000, tmp_path / "large", fmt)
    # 60,000 more items held as before, at about 1.9 KB each, are 110 MiB more
    assert large - small < 40, f"15,000 items: {small:.0f} MiB, 75,000 items: {large:.0f} MiB"
