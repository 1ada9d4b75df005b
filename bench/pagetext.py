"""Reading a large list of page text alone, whole and in batches (issue #20, item 13): the peak
RSS above the RSS before the reading, and the CPU seconds of each pass.

Usage: ``python -m bench.pagetext [--items 40000,200000]``. Writes ``bench.biglist``'s page text
(a title, the header's words, a row a line, a date below) of each size and reads it in a process
of its own each way: ``read_list`` (the whole reading) and ``open_list`` with every batch (the
survey and first reading, then the batches; ``formats.text.pagerows``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.biglist import WRITERS, rows
from bench.memory import current_rss_mb, peak_rss_mb


def _measure(path: Path, way: str) -> dict[str, float]:
    """One reading of ``path`` (``whole`` or ``batches``), in this process."""
    from extractors.reading.formats.text.page import read_plain
    from extractors.reading.read import read_list
    from extractors.reading.stream import open_list

    read_plain("序号 事项名称 事项类型 实施主体\n1 林木采伐许可 行政许可 县林业局", "warm.txt")
    before = current_rss_mb()
    started = time.process_time()
    if way == "whole":
        items = len(read_list(path).items)
        opened = time.process_time() - started
        batches = 0.0
    else:
        stream = open_list(path)
        assert not hasattr(stream, "items"), "read whole"
        opened = time.process_time() - started
        items = sum(len(batch) for batch in stream.batches())  # type: ignore[union-attr]
        batches = time.process_time() - started - opened
    return {
        "items": items,
        "rise_mib": peak_rss_mb() - before,
        "open_cpu_s": opened,
        "batches_cpu_s": batches,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", default="40000", help="sizes, comma-separated")
    parser.add_argument("--measure", nargs=2, metavar=("WAY", "PATH"), help=argparse.SUPPRESS)
    args, _ = parser.parse_known_args(argv)
    if args.measure:
        print(json.dumps(_measure(Path(args.measure[1]), args.measure[0])))
        return
    with tempfile.TemporaryDirectory(prefix="quanze-pagetext-") as folder:
        print("| items | file | way | peak RSS above before | CPU: read / open | CPU: batches |")
        print("|---|---|---|---|---|---|")
        for size in (int(s) for s in args.items.split(",")):
            path = Path(folder) / f"list-{size}.txt"
            WRITERS["txt"](path, rows(size))
            mib = path.stat().st_size / 2**20
            for way in ("whole", "batches"):
                out = subprocess.run(
                    [sys.executable, "-m", "bench.pagetext", "--measure", way, str(path)],
                    check=True,
                    capture_output=True,
                    text=True,
                )
                got = json.loads(out.stdout.splitlines()[-1])
                print(
                    f"| {size:,} | {mib:.1f} MiB | {way} | {got['rise_mib']:.1f} MiB "
                    f"| {got['open_cpu_s']:.2f} s | {got['batches_cpu_s']:.2f} s |",
                    flush=True,
                )
            path.unlink()


if __name__ == "__main__":
    main()
