"""Law registry figures: generating it from the official catalogue (``quanze laws registry``) and
loading the shipped, merged registry in a fresh process (target: load < 0.2 s).

Usage: python -m bench registry
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

_LOAD = (
    "import time; t = time.perf_counter(); "
    "from extractors.citing.lawdb import load_registry; r = load_registry(); "
    "print(time.perf_counter() - t, len(r.entries))"
)
LAWTEXTS = Path(__file__).resolve().parent.parent.parent / "shared" / "lawtexts"


def main() -> None:
    """Print generation time and cold load time (median of five fresh processes)."""
    if LAWTEXTS.is_dir():
        from importlib import resources

        from extractors.citing.lawdb import with_hand
        from extractors.registry.generate import generate

        start = time.perf_counter()
        generated = generate(LAWTEXTS)
        took = time.perf_counter() - start
        laws = generated.registry["laws"]
        national = sum(1 for e in laws if e["rank"] != "地方性法规")
        versions = sum(len(e["versions"]) for e in laws)
        hand = resources.files("extractors").joinpath("data/laws.json")
        with resources.as_file(hand) as path:
            ambiguous = with_hand(path, generated.registry).ambiguous()
        print(
            f"generate: {len(laws):,} instruments ({national:,} national), {versions:,} versions "
            f"in {took:.2f} s; {len(ambiguous)} ambiguous alias(es) with the hand entries merged"
        )
    else:
        print(f"generate: skipped ({LAWTEXTS} is missing)")
    runs = []
    for _ in range(5):
        command = [sys.executable, "-W", "ignore", "-c", _LOAD]
        out = subprocess.run(command, capture_output=True, text=True, check=True).stdout.split()
        runs.append(float(out[0]))
    print(
        f"    load: {statistics.median(runs) * 1000:.0f} ms median of 5 cold processes "
        f"(import and merge included; target < 200 ms), {int(out[1]):,} entries"
    )


if __name__ == "__main__":
    main()
