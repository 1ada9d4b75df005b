"""Where a ``quanze build --jobs 1``'s CPU goes (issue #24): one build of ``bench.national``'s lists
in this process, its CPU seconds (user and system, every thread) split by phase.

- reading, citing and making the lines: the main thread's CPU while the load asks for the next
  list's lines (``graph.build.build``, the readers and the citation grammar it pulls);
- Oxigraph: the rest of the load, that is parsing the lines (on the main thread), sorting and
  writing the batches (its sorting threads), adding the files and the merge (``Store.optimize``);
- the commit: record, tallies, derived graph (``graph.build.build._Build.commit``);
- the rest: opening the store, reading its record, ordering the lists, the ontology.

The peak is this process's resident memory at its largest so far (the first run's, or larger).

The phases are timed by wrapping ``graph.store.load.load`` and ``_Build.commit`` (the build is
otherwise as the command runs it). A machine shared with other work stretches CPU seconds too (a
100k-item build took 55.8 s of CPU quiet and 73.8 s at a load of 15): compare revisions back to
back, several times, with the load average printed beside each run.

With ``--floor``, the machine's floor is measured after the runs (``bench.national.floor``:
pyoxigraph's own bulk load and merge of the same lists' quads) and each run's rate is stated
against it, as the floor's quads over the run's CPU seconds (the record, tallies and derived
graph a build also stores are not counted).

Usage: python -m bench.phases [--items 20000] [--runs 1] [--floor]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bench.national import floor, floor_line, write_lists
from bench.store import parse_size


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime


class Phases:
    """CPU seconds by phase, summed over the calls timed."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = {}

    def note(self, phase: str, seconds: float) -> None:
        self.cpu[phase] = self.cpu.get(phase, 0.0) + seconds

    def timed(self, phase: str, function: Callable[..., Any]) -> Callable[..., Any]:
        """``function``, its process CPU noted under ``phase``."""

        def call(*args: Any, **kwargs: Any) -> Any:
            start = _cpu()
            try:
                return function(*args, **kwargs)
            finally:
                self.note(phase, _cpu() - start)

        return call

    def pulled(self, phase: str, items: Iterator[Any]) -> Iterator[Any]:
        """``items``, the calling thread's CPU while each is made noted under ``phase``."""
        while True:
            start = time.thread_time()
            try:
                item = next(items)
            except StopIteration:
                self.note(phase, time.thread_time() - start)
                return
            self.note(phase, time.thread_time() - start)
            yield item


def build(paths: list[str], store: Path) -> tuple[Phases, float]:
    """One ``quanze build --jobs 1`` of ``paths`` into ``store``: its phases and its CPU."""
    from typer.main import get_command

    from graph.app.cli import app
    from graph.build import build as building
    from graph.store import load

    phases = Phases()
    loading, committing = load.load, building._Build.commit

    def load_timed(target: Any, documents: Iterator[Any], *args: Any, **kwargs: Any) -> None:
        made = phases.pulled("making", documents)
        phases.timed("load", loading)(target, made, *args, **kwargs)

    load.load = load_timed  # type: ignore[assignment]
    building._Build.commit = phases.timed("commit", committing)  # type: ignore[method-assign]
    start = _cpu()
    try:
        command = ["build", *paths, "--store", str(store), "--jobs", "1"]
        get_command(app).main(command, standalone_mode=False)
    finally:
        load.load, building._Build.commit = loading, committing  # type: ignore[method-assign]
    return phases, _cpu() - start


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", default="20000")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument(
        "--floor", action="store_true", help="Also pyoxigraph's own load of the same quads."
    )
    args = parser.parse_args(argv)
    items = parse_size(args.items)
    work = Path(tempfile.mkdtemp(prefix="quanze-phases-"))
    try:
        paths = [str(p) for p in write_lists(work / "in", items)]
        print(
            f"{'items':>8} {'cpu s':>7} {'making':>7} {'oxigraph':>8} {'commit':>7} "
            f"{'rest':>6} {'peak MB':>8}  load",
            flush=True,
        )
        totals = []
        for _ in range(args.runs):
            load = os.getloadavg()[0]
            phases, total = build(paths, work / "store")
            totals.append(total)
            shutil.rmtree(work / "store")
            making = phases.cpu.get("making", 0.0)
            oxigraph = phases.cpu.get("load", 0.0) - making
            commit = phases.cpu.get("commit", 0.0)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(
                f"{items:>8} {total:>7.1f} {making:>7.1f} {oxigraph:>8.1f} {commit:>7.1f} "
                f"{total - making - oxigraph - commit:>6.1f} {peak:>8.0f}  "
                f"{load:.2f}→{os.getloadavg()[0]:.2f}",
                flush=True,
            )
        if args.floor:
            load = os.getloadavg()[0]
            found = floor(paths, work)
            runs = [(f"run {n}", cpu) for n, cpu in enumerate(totals, start=1)]
            print(floor_line(items, found, runs, load), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
