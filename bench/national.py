"""``quanze build --jobs 1`` against ``--jobs 2`` (issue #24, target: ≥ 1.7× at 100 k items), and
``--nquads-out`` (no store), on lists shaped as a county department's (``ITEMS_PER_LIST`` items).

Each build is a real ``quanze build`` process; its peak memory is the largest sum of the resident
memory of it and its worker processes, sampled every ``SAMPLE_S``; its CPU time (user and system,
its workers' included) is printed beside its wall time, and the load average beside each figure:
a loaded machine gives less than its cores, so triples per CPU second ("/cpu s") is the figure to
compare between runs, and CPU time over wall time ("cores") says how many cores a build kept busy.

Usage: python -m bench.national [--items 10000,100000] [--jobs 1,2] [--workdir DIR] [--no-nquads]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from bench.biglist import HEADER, rows, write_csv
from bench.store import parse_size

#: Items per list: a county department's (2,800 counties × 40 departments × 300 items ≈ 34 M).
ITEMS_PER_LIST = 300
SAMPLE_S = 0.1
QUANZE = str(Path(sys.executable).with_name("quanze"))


def write_lists(folder: Path, items: int) -> list[Path]:
    """``items`` items in lists of ``ITEMS_PER_LIST``, each list its own (its names numbered)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(0, items, ITEMS_PER_LIST):
        path = folder / f"dept{n // ITEMS_PER_LIST:05d}.csv"
        count = min(ITEMS_PER_LIST, items - n)
        table = ((r[0], r[1], f"{r[2]}·{n}", *r[3:]) for r in rows(count))
        write_csv(path, table)
        paths.append(path)
    assert len(HEADER) == 5
    return paths


def _children_cpu() -> float:
    """CPU seconds of the processes this one has waited for (and theirs)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def timed(args: list[str]) -> tuple[float, float, float, str]:
    """Run ``quanze`` with ``args``: seconds, CPU seconds (its workers' included), peak memory of
    its process tree (MiB), stderr."""
    cpu = _children_cpu()
    start = time.perf_counter()
    # stderr to a file, not a pipe: a pipe nobody reads until the end fills (64 KiB, a build of
    # thousands of lists says more) and stops the build at its next line
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        process = subprocess.Popen(
            [QUANZE, *args], stdout=subprocess.DEVNULL, stderr=log, text=True
        )
        watched = psutil.Process(process.pid)
        peak = 0.0
        while process.poll() is None:
            try:
                tree = [watched, *watched.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree) / 2**20)
            except psutil.Error:
                pass
            time.sleep(SAMPLE_S)
        wall = time.perf_counter() - start
        log.seek(0)
        err = log.read()
    if process.returncode != 0:
        raise SystemExit(f"quanze {' '.join(args[:1])} failed: {err.strip()[-500:]}")
    return wall, _children_cpu() - cpu, peak, err


def triples(stderr: str) -> int:
    """The triples a build's summary line counts."""
    found = re.search(r"list\(s\): .*?, ([\d,]+) triples", stderr)
    return int(found.group(1).replace(",", "")) if found else 0


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", default="10000,100000")
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--no-nquads", action="store_true", help="Build stores only.")
    args = parser.parse_args(argv)
    jobs = [int(j) for j in args.jobs.split(",")]
    work = Path(tempfile.mkdtemp(prefix="quanze-national-", dir=args.workdir))
    print(f"cores: {os.cpu_count()}; lists of {ITEMS_PER_LIST} items", flush=True)
    print(
        f"{'items':>8} {'mode':>14} {'wall s':>8} {'cpu s':>8} {'cores':>5} {'triples/s':>10} "
        f"{'/cpu s':>9} {'peak MB':>8} {'disk MB':>8} {'speed-up':>8}  load",
        flush=True,
    )
    try:
        for items in (parse_size(s) for s in args.items.split(",")):
            paths = [str(p) for p in write_lists(work / f"in{items}", items)]
            first = None
            for j in jobs:
                store = work / f"store{items}-{j}"
                load = os.getloadavg()[0]
                wall, cpu, peak, err = timed(
                    ["build", *paths, "--store", str(store), "--jobs", str(j)]
                )
                count = triples(err)
                first = first or wall
                disk = sum(f.stat().st_size for f in store.rglob("*") if f.is_file()) / 2**20
                print(
                    f"{items:>8} {f'--jobs {j}':>14} {wall:>8.1f} {cpu:>8.1f} {cpu / wall:>5.2f} "
                    f"{count / wall:>10,.0f} {count / cpu:>9,.0f} {peak:>8.0f} {disk:>8.0f} "
                    f"{first / wall:>7.2f}×  {load:.2f}",
                    flush=True,
                )
                shutil.rmtree(store)
            if args.no_nquads:
                continue
            out = work / f"nq{items}"
            load = os.getloadavg()[0]
            wall, cpu, peak, err = timed(
                ["build", *paths, "--nquads-out", str(out), "--jobs", str(max(jobs))]
            )
            disk = sum(f.stat().st_size for f in out.rglob("*") if f.is_file()) / 2**20
            count = triples(err)
            print(
                f"{items:>8} {f'nquads -j{max(jobs)}':>14} {wall:>8.1f} {cpu:>8.1f} "
                f"{cpu / wall:>5.2f} {count / wall:>10,.0f} {count / cpu:>9,.0f} {peak:>8.0f} "
                f"{disk:>8.0f} {'':>8}  {load:.2f}",
                flush=True,
            )
            shutil.rmtree(out)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
