"""``quanze build --jobs 1`` against ``--jobs 2`` (issue #24, target: ≥ 1.7× at 100 k items), and
``--nquads-out`` (no store), on lists shaped as a county department's (``ITEMS_PER_LIST`` items).

Each build is a real ``quanze build`` process; its peak memory is the largest sum of the resident
memory of it and its worker processes, sampled every ``SAMPLE_S``; its CPU time (user and system,
its workers' included) is printed beside its wall time, and the load average beside each figure:
a loaded machine gives less than its cores, so triples per CPU second ("/cpu s") is the figure to
compare between runs, and CPU time over wall time ("cores") says how many cores a build kept busy.

With ``--floor``, each size also gets the machine's floor measured in the same run: pyoxigraph's
own bulk load (``Store.bulk_load``, then the merge ``Store.optimize``) of the quads a
``--nquads-out`` of the same lists writes, in a fresh store in a process of its own with nothing
of quanze around it, in quads per CPU second; and each build's rate in the same quads (the
floor's quads over the build's CPU seconds) as a share of it. Machines differ (869 CPU s for the
same 1M-item build on one, 678 on another), so a build is stated against the loader's own rate
on the day.

Usage: python -m bench.national [--items 10000,100000] [--jobs 1,2] [--workdir DIR] [--no-nquads]
       [--floor]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

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


class Floor(NamedTuple):
    """pyoxigraph's own bulk load of a build's quads: the quads, the CPU seconds of the load and of
    the merge after it."""

    quads: int
    load_cpu: float
    merge_cpu: float

    @property
    def rate(self) -> float:
        """Quads per CPU second of the load alone."""
        return self.quads / self.load_cpu

    @property
    def merged(self) -> float:
        """Quads per CPU second of the load and the merge."""
        return self.quads / (self.load_cpu + self.merge_cpu)


def floor(paths: list[str], work: Path) -> Floor:
    """The floor under a store build of ``paths``: their N-Quads made by ``quanze build
    --nquads-out`` (shared graph and lists, one file), bulk-loaded and merged by pyoxigraph in a
    fresh store, in a process of its own (``--floor-of``), its CPU seconds counted there."""
    out, joined = work / "floor-nq", work / "floor.nq"
    made = subprocess.run([QUANZE, "build", *paths, "--nquads-out", str(out)], capture_output=True)
    if made.returncode != 0:
        raise SystemExit(f"quanze build --nquads-out failed: {made.stderr.decode()[-500:]}")
    with joined.open("wb") as whole:
        for part in [out / "shared.nq", *sorted((out / "lists").iterdir())]:
            whole.write(part.read_bytes())
    shutil.rmtree(out)
    try:
        loaded = subprocess.run(
            [sys.executable, "-m", "bench.national", "--floor-of", str(joined)],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        joined.unlink()
    return Floor(*json.loads(loaded.stdout.splitlines()[-1]))


def _floor_of(source: Path) -> None:
    """Bulk-load ``source`` into a fresh store beside it and merge it; print [quads, load CPU s,
    merge CPU s] as JSON (this process's CPU, every thread)."""
    import pyoxigraph as ox

    folder = tempfile.mkdtemp(prefix="floor-store-", dir=source.parent)
    try:
        store = ox.Store(folder)
        start = _cpu()
        store.bulk_load(path=source, format=ox.RdfFormat.N_QUADS, lenient=True)
        loaded = _cpu()
        store.optimize()
        merged = _cpu()
        del store
        with source.open("rb") as lines:
            quads = sum(1 for _ in lines)
        print(json.dumps([quads, loaded - start, merged - loaded]), flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _cpu() -> float:
    """CPU seconds of this process, every thread."""
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime


def floor_line(items: int, found: Floor, builds: list[tuple[str, float]], load: float) -> str:
    """One line for the floor of ``items`` items, with each build (``builds``: mode, its CPU
    seconds) as a rate in the floor's units, the floor's quads over the build's CPU seconds,
    and that as a share of the floor's rate with the merge (the build's summary counts a
    shared-graph line once per list that wrote it, so its own triples are not those units).

    >>> print(floor_line(10, Floor(1000, 4.0, 1.0), [("--jobs 1", 10.0)], 1.5)[:60])
          10 floor: 1,000 quads, load 4.0 + merge 1.0 CPU s: 250
    >>> floor_line(10, Floor(1000, 4.0, 1.0), [("--jobs 1", 10.0)], 1.5).split("; ")[1]
    '--jobs 1: 100 quads /cpu s, 50% of it  1.50'
    """
    rates = [(mode, found.quads / cpu) for mode, cpu in builds]
    shares = "; ".join(
        f"{mode}: {rate:,.0f} quads /cpu s, {rate / found.merged:.0%} of it" for mode, rate in rates
    )
    return (
        f"{items:>8} floor: {found.quads:,} quads, load {found.load_cpu:.1f} + merge "
        f"{found.merge_cpu:.1f} CPU s: {found.rate:,.0f} /cpu s, {found.merged:,.0f} with the "
        f"merge{'; ' + shares if shares else ''}  {load:.2f}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", default="10000,100000")
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--no-nquads", action="store_true", help="Build stores only.")
    parser.add_argument(
        "--floor", action="store_true", help="Also pyoxigraph's own load of the same quads."
    )
    parser.add_argument("--floor-of", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.floor_of:
        _floor_of(args.floor_of)
        return
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
            rates: list[tuple[str, float]] = []
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
                rates.append((f"--jobs {j}", cpu))
            if args.floor:
                load = os.getloadavg()[0]
                print(floor_line(items, floor(paths, work), rates, load), flush=True)
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
