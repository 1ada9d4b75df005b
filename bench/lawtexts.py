"""Law-text figures: ``quanze laws import`` of the whole official folder (``../shared/lawtexts``,
~3,400 files) into a fresh on-disk store, phase by phase, and again (nothing changes); then the
citations' links to the texts recomputed over a store of synthetic lists with ~N citations
(``--citations N``, default 100,000), as ``quanze build`` and ``quanze laws import`` end.

Usage: python -m bench lawtexts [--citations N] [--skip-links]
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

LAWTEXTS = Path(__file__).resolve().parent.parent.parent / "shared" / "lawtexts"


def _cpu() -> float:
    """CPU seconds this process has used (its threads included: Oxigraph's loader), a figure
    less swayed than wall time by other work on the machine."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _import(workdir: Path) -> Path:
    """Time each phase of a full import, then the import and a second one; the store's path."""
    from bench.memory import peak_rss_mb
    from extractors.citing.lawdb import load_registry
    from graph.iri import Iris
    from graph.laws.importer import ImportReport, import_laws, read_texts
    from graph.laws.versions import group_versions
    from graph.laws.write import write_version
    from graph.store.open import open_store

    start = time.perf_counter()
    texts = list(read_texts(LAWTEXTS, ImportReport(), lambda _: None))
    versions = group_versions(texts, load_registry(), LAWTEXTS, [])
    parsed = time.perf_counter() - start
    start = time.perf_counter()
    lines = sum(write_version(v, Iris()).lines for v in versions)
    written = time.perf_counter() - start
    print(
        f"read and parse {len(texts):,} files: {parsed:.1f} s; "
        f"write {lines:,} lines: {written:.1f} s"
    )
    del texts, versions
    path = workdir / "store"
    store = open_store(path)
    start, cpu = time.perf_counter(), _cpu()
    report = import_laws(LAWTEXTS, store, link=False)
    first, cpu = time.perf_counter() - start, _cpu() - cpu
    print(f"import (fresh store): {first:.1f} s wall, {cpu:.1f} s CPU; {report.summary()}")
    print(f"peak RSS: {peak_rss_mb():,.0f} MB")
    start = time.perf_counter()
    again = import_laws(LAWTEXTS, store, link=False)
    second = time.perf_counter() - start
    print(
        f"import again: {second:.1f} s; {again.new} new, {again.changed} changed, "
        f"{again.unchanged} unchanged"
    )
    print(f"store: {len(store):,} quads")
    del store
    return path


def _links(path: Path, citations: int) -> None:
    """Build synthetic lists with ~``citations`` citations into the store, then time the links."""
    from bench.synthetic import Generator
    from graph.build.build import build_cited, in_store_order
    from graph.laws.links import refresh_links
    from graph.store.open import open_store

    store = open_store(path)
    generator = Generator(max(1, citations * 10 // 25))  # some 2.5 citations an item
    start = time.perf_counter()
    report = build_cited(generator.generate(in_store_order(generator.sources())), store)
    store.flush()
    print(
        f"built {report.items:,} items, {report.citations:,} citations: "
        f"{time.perf_counter() - start:.1f} s"
    )
    for run in ("links", "links again"):
        start, cpu = time.perf_counter(), _cpu()
        linked = refresh_links(store)
        wall, cpu = time.perf_counter() - start, _cpu() - cpu
        print(f"{run}: {linked:,} citations linked in {wall:.1f} s wall, {cpu:.1f} s CPU")


def main(argv: list[str]) -> int:
    """Run the figures; 0, or 1 without the law texts."""
    print("load average at start: {:.1f} {:.1f} {:.1f}".format(*os.getloadavg()))
    if not LAWTEXTS.is_dir():
        print(f"skipped: {LAWTEXTS} is missing")
        return 1
    citations = 100_000
    if "--citations" in argv:
        citations = int(argv[argv.index("--citations") + 1])
    with tempfile.TemporaryDirectory(prefix="quanze-bench-laws-") as work:
        path = _import(Path(work))
        if "--skip-links" not in argv:
            _links(path, citations)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
