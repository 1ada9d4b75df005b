"""Issue #20, item 13: memory does not grow with the size of one list. One list of 200 k items
took 7.8 GB; a list is now read, cited and written a batch of items at a time
(``extractors.reading.stream``, ``graph.build.build.Batched``).

Each size is read, cited and written in a process of its own (``memory_probe``), with no store:
Oxigraph's bulk loader takes some 1.4 GB of its own whatever the list (docs/performance.md), which
would hide the list's share. Before the change, 15,000 and 75,000 items of Markdown rose 50 and
160 MiB above the RSS before the reading (some 1.9 KB an item); now about 50 and 60 MiB: the
citation extractor's cache, a batch, a chunk of lines. HTML and DOCX were read whole until
they too were read in batches (HTML 4.2 KB an item, DOCX 4.9 KB), and the decoded text of a
text file was held while it was read until each reading decoded the file again. XLSX rose 43
and 136 MiB read whole; now 44 (15,000 items, 0.5 MiB, still read whole) and 39 MiB
(``extractors.reading.workbook_stream``: the shared strings are held, compactly). JSON in an
envelope and pages of several tables were read whole until they were read in batches too
(``extractors.reading.tables_stream``, ``formats.jsonwindow``). A PDF kept
every page it had read (some 110 KB an item); its pages are now let go one by one, and a large
PDF of one table or several is read in batches (``formats.documents.pdfrows``), and so is page
text (``formats.text.pagerows``)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.extractors.reading.bounded import ROOT


def _rise(items: int, folder: Path, fmt: str, *mode: str) -> float:
    folder.mkdir()
    probe = [sys.executable, "-m", "tests.graph.app.memory_probe", str(items), str(folder), fmt]
    probe += mode
    out = subprocess.run(probe, cwd=ROOT, check=True, capture_output=True, text=True, timeout=300)
    measured = json.loads(out.stdout.splitlines()[-1])
    assert measured["items"] == items
    return float(measured["rise_mib"])


@pytest.mark.parametrize(
    ("fmt", "sizes"),
    [
        ("md", (15_000, 75_000)),
        ("json", (15_000, 75_000)),
        ("xlsx", (15_000, 75_000)),
        # read whole, 30,000 more items of HTML were some 125 MiB more, 20,000 of DOCX 98 MiB
        ("html", (10_000, 40_000)),
        ("docx", (5_000, 25_000)),
        # read whole, 60,000 more items in an envelope rose 125 MiB more (2.1 KB an item), HTML in
        # tables of 5,000 under headings 3.9 KB an item (docs/performance.md)
        ("json-envelope", (10_000, 40_000)),
        ("html-tables", (10_000, 40_000)),
        # page text read whole: 10,000 and 40,000 items rose 38 and 95 MiB (some 2 KB an item)
        ("txt", (10_000, 40_000)),
    ],
)
def test_more_items_take_no_more_memory(tmp_path: Path, fmt: str, sizes: tuple[int, int]) -> None:
    small = _rise(sizes[0], tmp_path / "small", fmt)
    large = _rise(sizes[1], tmp_path / "large", fmt)
    # 60,000 more items of Markdown held as before, at about 1.9 KB each, are 110 MiB more
    assert large - small < 40, f"{sizes} items: {small:.0f} MiB, {large:.0f} MiB"


def test_a_pdf_of_several_tables_takes_no_more_memory(tmp_path: Path) -> None:
    """A PDF of a table per 1,000 items, read in batches (of 200 items, so that lists small
    enough to lay out in a test are many batches; ``memory_probe ... batches``). Read whole,
    5,000 items rose 17.5 MiB more than 1,000 (27.4 and 9.8 MiB); in batches 8.7 MiB more (17.6
    and 8.9), what 4,000 more items of Markdown take (the citation extractor's cache filling).
    Before its pages were let go (every page kept: pdfplumber's characters, objects and
    layout), 1,000 and 4,000 items of a ruled PDF rose 102 and 436 MiB, some 110 KB an item."""
    small = _rise(1_000, tmp_path / "small", "pdf-tables", "batches")
    large = _rise(5_000, tmp_path / "large", "pdf-tables", "batches")
    assert large - small < 13, f"1,000 and 5,000 items: {small:.1f} MiB, {large:.1f} MiB"
