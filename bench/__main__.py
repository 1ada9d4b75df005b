"""``make bench``: runs each benchmark in its own process (so peak memory is its own).

Usage: python -m bench [NAME ...] [--OPTION ...]   (names: readers, citations, store, rebuild,
biglist, views, serve, answers, realworld, registry, lawtexts, audit, app, national, loader, phases,
startup, pagetext, crossformat; default all). Options go to every benchmark named
(``python -m bench realworld --plain``).
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys

BENCHMARKS = (
    "readers",
    "citations",
    "registry",
    "lawtexts",
    "store",
    "rebuild",
    "biglist",
    "views",
    "serve",
    "answers",
    "realworld",
    "audit",
    "app",
    "national",
    "loader",
    "phases",
    "startup",
    "pagetext",
    "crossformat",
)


def main(argv: list[str]) -> int:
    """Run the named benchmarks (all by default); return the number that failed."""
    options = [a for a in argv if a.startswith("-")]
    names = [a for a in argv if not a.startswith("-")] or list(BENCHMARKS)
    unknown = sorted(set(names) - set(BENCHMARKS))
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
        return 2
    failed = 0
    for name in names:
        print(f"\n=== bench.{name} ===", flush=True)
        if importlib.util.find_spec(f"bench.{name}") is None:
            print(f"bench.{name} is missing")
            failed += 1
            continue
        failed += (
            subprocess.run(
                [sys.executable, "-m", f"bench.{name}", *options], check=False
            ).returncode
            != 0
        )
    return failed


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
