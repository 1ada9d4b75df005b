"""Test helper: the memory one large list takes to read, cite and write, in a process of its own.

Run as ``python -m tests.graph.app.memory_probe ITEMS FOLDER [FORMAT [whole|batches]]``: writes
a list of ITEMS items (``bench.biglist``; FORMAT ``md``, the default, ``csv``, ``json``,
``html``, ``docx``, ``xlsx``, ``xls``, ``json-envelope``, ``html-tables``, ``docx-tables``: a
table per 5,000 items, ``pdf``, ``pdf-tables``: a table per 1,000 items, or ``txt``, page text)
in FOLDER (``whole``: every list read whole, as before they were read in batches; ``batches``:
every list read in batches of 200 items whatever its size, where its format allows, so that a
list small enough to lay out quickly, a PDF, shows its share), then reads it (``open_list``),
extracts its citations and writes its graph's lines as ``quanze build`` does, with no store
(whose bulk loader's own buffers, some 1.4 GB whatever the list, would hide the list's share);
prints one JSON line: the items built and how far the peak RSS rose above the RSS before the
reading, in MiB.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bench.biglist import WRITERS, rows, suffix
from extractors.reading import stream
from graph.app.pipeline import cite_lists, read_lists
from graph.build.build import _Built, _unpacked
from graph.iri import Iris


def _status_mib(field: str) -> float:
    """A memory figure of this process (``VmRSS``, ``VmHWM``: its peak) from /proc, in MiB."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc/self/status")


def _reset_peak() -> None:
    """Start the peak (``VmHWM``) afresh from the RSS now (Linux: ``clear_refs`` 5)."""
    with open("/proc/self/clear_refs", "w") as clear:
        clear.write("5")


def _build(path: Path) -> int:
    """Read, cite and write the list in ``path`` as ``quanze build`` does; the items built."""
    built = 0
    for cited in cite_lists(read_lists([path], failures=[])):
        one = _Built(_unpacked(cited), Iris())
        for _chunk in one.chunks():
            pass
        built += one.reading.items
    return built


def main() -> None:
    items, folder = int(sys.argv[1]), Path(sys.argv[2])
    fmt = sys.argv[3] if len(sys.argv) > 3 else "md"
    if sys.argv[4:] == ["whole"]:  # as before lists were read in batches: every list read whole
        stream.STREAM_MIN_BYTES = stream.XLSX_STREAM_MIN_BYTES = stream.PDF_STREAM_MIN_BYTES = (
            1 << 62
        )
    if sys.argv[4:] == ["batches"]:  # every list read in batches when its format allows, small
        stream.STREAM_MIN_BYTES = stream.XLSX_STREAM_MIN_BYTES = stream.PDF_STREAM_MIN_BYTES = 0
        stream.BATCH_ITEMS = 200  # lists of a few thousand items: many batches, not one
    small, path = folder / f"small.{suffix(fmt)}", folder / f"big.{suffix(fmt)}"
    WRITERS[fmt](small, rows(100))
    WRITERS[fmt](path, rows(items))
    _build(small)  # the registry, the grammar, the caches: loaded before the measure
    before = _status_mib("VmRSS")
    _reset_peak()
    built = _build(path)
    print(json.dumps({"items": built, "rise_mib": _status_mib("VmHWM") - before}))


if __name__ == "__main__":
    main()
