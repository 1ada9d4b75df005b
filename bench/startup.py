"""Start-up figures: how long a ``quanze`` command takes as a whole process, from exec to exit.

On a store of the two sample lists (built once into a temporary folder), each command is run
``--runs`` times as a fresh process, alternating between commands so that a burst of load on the
machine falls on all of them alike; the median and the fastest wall time are printed with the load
average, beside a bare ``python -c pass`` (the floor no command can go under). Target (issue #23):
``quanze cites`` ≤ 0.3 s on a warm machine. ``--importtime`` also prints, per command, the modules
whose import took longest (``python -X importtime``, cumulative), to show where the time goes.

    python -m bench.startup [--runs 15] [--importtime]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: The commands timed (besides the bare interpreter), the store's directory put for {store}.
COMMANDS: dict[str, list[str]] = {
    "cites": ["cites", "社会保险法第八十七条", "--store", "{store}"],
    "--help": ["--help"],
    "query counts": ["query", "counts", "--store", "{store}"],
}
TARGET_CITES = 0.3


def _quanze() -> list[str]:
    """The ``quanze`` console script of this interpreter's environment (what a user runs)."""
    script = Path(sys.executable).with_name("quanze")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "graph.app.cli"]


def _argv(name: str, store: Path) -> list[str]:
    if name == "python -c pass":
        return [sys.executable, "-c", "pass"]
    return _quanze() + [a.replace("{store}", str(store)) for a in COMMANDS[name]]


def _wall(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def _slowest_imports(argv: list[str], top: int = 8) -> list[tuple[int, str]]:
    """The modules whose import took longest in one run of ``argv`` (µs cumulative, name)."""
    env = {**os.environ, "PYTHONPROFILEIMPORTTIME": "1"}
    done = subprocess.run(argv, capture_output=True, text=True, env=env, check=True)
    found = []
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = (part.strip() for part in line[12:].split("|"))
            if cumulative.isdigit() and not name.startswith(" "):
                found.append((int(cumulative), name))
    return sorted(found, reverse=True)[:top]


def _build_samples(where: Path) -> None:
    from graph.app.demo import sample_paths
    from graph.app.pipeline import build_files

    build_files(sample_paths(), where, jobs=1)


def main(argv: list[str] | None = None) -> None:
    """Print the median and fastest wall time of each command over ``--runs`` fresh processes."""
    parser = argparse.ArgumentParser(prog="python -m bench.startup")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--importtime", action="store_true")
    args = parser.parse_args(argv)
    names = ["python -c pass", *COMMANDS]
    with tempfile.TemporaryDirectory(prefix="quanze-startup-") as tmp:
        store = Path(tmp) / "store"
        _build_samples(store)
        for name in names:  # warm the page cache and the byte-code files
            _wall(_argv(name, store))
        times: dict[str, list[float]] = {name: [] for name in names}
        loads = [os.getloadavg()[0]]
        for _ in range(args.runs):
            for name in names:
                times[name].append(_wall(_argv(name, store)))
        loads.append(os.getloadavg()[0])
        print(f"{args.runs} runs each; load average (1 min) {loads[0]:.2f} → {loads[1]:.2f}")
        for name in names:
            median = statistics.median(times[name])
            mark = ""
            if name == "cites":
                mark = "  ok" if median <= TARGET_CITES else f"  over the {TARGET_CITES} s target"
            print(f"  {name:<16} median {median:.3f} s   fastest {min(times[name]):.3f} s{mark}")
        if args.importtime:
            for name in COMMANDS:
                print(f"slowest imports of `quanze {name}` (cumulative):")
                for micros, module in _slowest_imports(_argv(name, store)):
                    print(f"  {micros / 1000:7.1f} ms  {module}")


if __name__ == "__main__":
    main()
