"""Rebuild benchmark: what keeping a list's old quads until its new ones are in costs (#20).

A build loads each list's new quads beside its old ones and then, in one transaction, removes the
old quads the new build no longer has and writes the record and tallies (``graph.build.commit``).
This prints, for synthetic lists (``bench.synthetic``) in an on-disk store: the first build, a
rebuild of the same input (nothing to remove), a rebuild where every item changed (every old
item quad to remove), and ``quanze check`` (a full read of every index).

    python -m bench.rebuild                 # 2,000 items in 20 lists
    python -m bench.rebuild --items 20000   # more
"""

from __future__ import annotations

import argparse
import dataclasses
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def _changed(pairs: Iterator[tuple[Any, Any]]) -> Iterator[tuple[Any, Any]]:
    """Each list with every item renamed (so every item quad with the name changes)."""
    for power_list, citations in pairs:
        items = tuple(dataclasses.replace(i, name=f"{i.name}（修订）") for i in power_list.items)
        yield dataclasses.replace(power_list, items=items), citations


def main() -> None:
    import pyoxigraph as ox

    from bench.memory import peak_rss_mb
    from bench.synthetic import Generator
    from graph.build.build import build_cited
    from graph.store.check import check_store

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=2000)
    items = parser.parse_args().items
    generator = Generator(items)
    with tempfile.TemporaryDirectory(prefix="quanze-rebuild-") as scratch:
        store = ox.Store(str(Path(scratch) / "store"))
        figures: dict[str, float] = {}
        for name, pairs in (
            ("first build s", generator.generate()),
            ("same rebuild s", generator.generate()),
            ("changed rebuild s", _changed(generator.generate())),
        ):
            start = time.perf_counter()
            build_cited(pairs, store)
            store.flush()
            figures[name] = round(time.perf_counter() - start, 2)
        start = time.perf_counter()
        verdict = check_store(store)
        figures["check s"] = round(time.perf_counter() - start, 2)
        print(f"{items} items, {len(store)} quads: {verdict.summary()}")
        for name, value in figures.items():
            print(f"  {name:>18}: {value}")
        print(f"  {'peak RSS MB':>18}: {round(peak_rss_mb())}")
        del store


if __name__ == "__main__":
    main()
