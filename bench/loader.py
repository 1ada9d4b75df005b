"""The floor under ``quanze build``'s store side: pyoxigraph's own bulk load of the N-Quads a build
makes, with nothing of quanze around it (issue #24: "find where the store side's time goes").

Makes the N-Quads of ``--items`` items in lists of a county department's size
(``bench.national.write_lists``, ``quanze build --nquads-out``), joins them into one file, and
loads that file into a fresh store once per mode, each in its own process (so each peak is its
own): ``path`` (``Store.bulk_load(path=…)``), ``file`` (an open binary file), ``bytes`` (the whole
file in memory), ``chunks1``/``chunks2`` (one bulk load per ``CHUNK_LINES`` lines, on one or two
threads); each then merged (``Store.optimize``), as a build ends. Prints wall and CPU seconds (all
the process's threads), quads per CPU second, the peak resident memory and the load average:
the machine may be shared, and CPU seconds are the figure that survives it.

Usage: python -m bench.loader [--items 100000] [--modes path,file,bytes,chunks1,chunks2]
"""

from __future__ import annotations

import argparse
import os
import queue
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from bench.national import QUANZE, write_lists
from bench.store import parse_size

#: Lines per bulk load in the chunked modes: just under the million quads pyoxigraph 0.5's loader
#: sorts as one batch, so each load is one batch and one sorting thread.
CHUNK_LINES = 990_000
MODES = ("path", "file", "bytes", "chunks1", "chunks2")
_NQ = ox.RdfFormat.N_QUADS


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime


def _chunks(source: Path) -> Iterator[bytes]:
    """``source``'s lines, ``CHUNK_LINES`` at a time."""
    with source.open("rb") as lines:
        while chunk := b"".join(line for _, line in zip(range(CHUNK_LINES), lines, strict=False)):
            yield chunk


def _in_chunks(store: ox.Store, source: Path, threads: int) -> None:
    """One bulk load per chunk, on ``threads`` threads, a chunk handed over at a time."""
    handed: queue.Queue[bytes | None] = queue.Queue(maxsize=1)

    def loading() -> None:
        while (data := handed.get()) is not None:
            store.bulk_load(data, format=_NQ, lenient=True)

    loaders = [threading.Thread(target=loading) for _ in range(threads)]
    for loader in loaders:
        loader.start()
    for chunk in _chunks(source):
        handed.put(chunk)
    for _ in loaders:
        handed.put(None)
    for loader in loaders:
        loader.join()


def load_once(mode: str, source: Path) -> None:
    """Load ``source`` in ``mode`` into a fresh store beside it and print one line of figures."""
    folder = tempfile.mkdtemp(prefix="store-", dir=source.parent)
    try:
        store = ox.Store(folder)
        data = source.read_bytes() if mode == "bytes" else b""
        average = os.getloadavg()[0]
        start, cpu = time.perf_counter(), _cpu()
        if mode == "path":
            store.bulk_load(path=source, format=_NQ, lenient=True)
        elif mode == "file":
            with source.open("rb") as stream:
                store.bulk_load(stream, format=_NQ, lenient=True)
        elif mode == "bytes":
            store.bulk_load(data, format=_NQ, lenient=True)
        else:
            _in_chunks(store, source, threads=int(mode.removeprefix("chunks")))
        loaded, loaded_cpu = time.perf_counter() - start, _cpu() - cpu
        store.optimize()
        merged, merged_cpu = time.perf_counter() - start - loaded, _cpu() - cpu - loaded_cpu
        quads = sum(1 for _ in source.open("rb"))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{mode:>8} {loaded:>8.1f} {loaded_cpu:>8.1f} {merged:>8.1f} {merged_cpu:>8.1f} "
            f"{quads / (loaded_cpu + merged_cpu):>10,.0f} {peak:>8.0f}  {average:.2f}",
            flush=True,
        )
        del store
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", default="100000")
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--one", nargs=2, metavar=("MODE", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        load_once(args.one[0], Path(args.one[1]))
        return
    work = Path(tempfile.mkdtemp(prefix="quanze-loader-", dir=args.workdir))
    try:
        paths = write_lists(work / "lists", parse_size(args.items))
        out = work / "nq"
        subprocess.run(
            [QUANZE, "build", *map(str, paths), "--nquads-out", str(out)],
            check=True,
            capture_output=True,
        )
        source = work / "all.nq"
        with source.open("wb") as joined:
            for part in [out / "shared.nq", *sorted((out / "lists").iterdir())]:
                joined.write(part.read_bytes())
        shutil.rmtree(out)
        print(f"{args.items} items: {source.stat().st_size / 2**20:,.0f} MB of N-Quads", flush=True)
        print(
            f"{'mode':>8} {'load s':>8} {'cpu s':>8} {'merge s':>8} {'cpu s':>8} "
            f"{'quads/cpu s':>10} {'peak MB':>8}  load",
            flush=True,
        )
        for mode in args.modes.split(","):
            subprocess.run([sys.executable, "-m", "bench.loader", "--one", mode, str(source)])
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
