"""Store benchmark: build time, triples/s, disk size, peak memory and query latency at scale.

Synthetic lists (``bench.synthetic``: value objects, no parsing, so the graph is what is timed) of
10 k and 100 k items by default, 1 M on request, each size in its own process so peak RSS is its
own; the rdflib in-memory store is measured on the same data as the baseline (small sizes only).

    python -m bench.store                      # 10k and 100k
    python -m bench.store --sizes 10k,100k,1M  # 1 M items: see docs/performance.md
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

#: Targets at 1 M items (issue 5).
TARGETS = {"triples/s": 100_000, "who-cites ms": 20, "most-cited ms": 1000, "peak RSS MB": 2048}
RDFLIB_TIMEOUT = 120.0  # seconds an rdflib query may take before it is reported as "> …"
QUERY_TIMEOUT = 120.0  # the same for Oxigraph queries (run_query's own time limit)


def parse_size(text: str) -> int:
    """``10k`` → 10000, ``1M`` → 1000000."""
    text = text.strip().lower()
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text.rstrip("km")) * scale)


def _timed(work: Callable[[], Any], runs: int = 5) -> tuple[float | str, Any]:
    """Median wall time in ms over ``runs`` and the last result; a first run over a second is
    the only one, and one over ``QUERY_TIMEOUT`` is reported as ``> … s`` with no result."""
    from graph.store.query import QueryTimeoutError

    start = time.perf_counter()
    try:
        result = work()
    except QueryTimeoutError:
        return f"> {QUERY_TIMEOUT:g} s", None
    first = (time.perf_counter() - start) * 1000
    if first > 1000:
        return round(first), result
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1), result


def _disk_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


class _Timed:
    """Iterates ``source`` and adds up the time spent making each element (the generator's share
    of a build, which is not the builder's)."""

    def __init__(self, source: Iterator[Any]) -> None:
        self.source = source
        self.seconds = 0.0

    def __iter__(self) -> Iterator[Any]:
        while True:
            start = time.perf_counter()
            try:
                element = next(self.source)
            except StopIteration:
                return
            finally:
                self.seconds += time.perf_counter() - start
            yield element


def measure_oxigraph(items: int, workdir: Path) -> dict[str, Any]:
    """Build ``items`` synthetic items into an on-disk store, one list at a time as ``quanze
    build`` does, and time the two key queries; the generator's time is not counted as build."""
    import pyoxigraph as ox

    from bench.memory import peak_rss_mb
    from bench.synthetic import Generator
    from graph.build.build import build_cited, in_store_order
    from graph.store.query import run_query

    generator = Generator(items)
    store = ox.Store(str(workdir / "store"))
    start = time.perf_counter()
    # as quanze build reads its files: in the order the store keys their graphs
    lists = _Timed(generator.generate(in_store_order(generator.sources())))
    report = build_cited(lists, store)
    store.flush()
    build_s = time.perf_counter() - start - lists.seconds
    start = time.perf_counter()
    quads = len(store)  # what the store holds: each shared fact counted once
    count_s = time.perf_counter() - start
    limit = QUERY_TIMEOUT
    # the articles asked about, from the tallies: a typical one (the median of the articles
    # cited) and the most cited one, asked last: a query abandoned at the time limit runs on
    counts = run_query(
        store,
        "SELECT ?a WHERE { ?a <https://w3id.org/quanze/ontology#citationCount> ?n ; "
        "<http://data.europa.eu/eli/ontology#type_subdivision> "
        "<https://w3id.org/quanze/ontology/subdivision#article> } ORDER BY DESC(?n) ?a",
        timeout=limit,
    ).rows
    top, typical = counts[0]["a"], counts[len(counts) // 2]["a"]
    who_ms, hits = _timed(lambda: run_query(store, "who-cites", {"target": typical}, timeout=limit))
    most_ms, _ = _timed(lambda: run_query(store, "most-cited-articles", timeout=limit), runs=3)
    who_top_ms, top_hits = _timed(
        lambda: run_query(store, "who-cites", {"target": top}, timeout=limit)
    )
    return {
        "engine": "oxigraph (disk)",
        "items": report.items,
        "triples": quads,
        "generate s": round(lists.seconds, 1),
        "build s": round(build_s, 1),
        "triples/s": round(quads / build_s),
        "count s": round(count_s, 1),
        "disk MB": round(_disk_mb(workdir / "store")),
        "peak RSS MB": round(peak_rss_mb()),
        "who-cites ms": who_ms,
        "who-cites rows": len(hits.rows) if hits is not None else "",
        "who-cites top ms": who_top_ms,
        "who-cites top rows": len(top_hits.rows) if top_hits is not None else "",
        "most-cited ms": most_ms,
    }


def _with_limit(work: Callable[[], Any], seconds: float) -> float | None:
    """Wall time in ms of ``work``, or None if it did not finish within ``seconds``."""
    done: list[float] = []

    def run() -> None:
        start = time.perf_counter()
        work()
        done.append((time.perf_counter() - start) * 1000)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    return done[0] if done else None


def measure_rdflib(items: int) -> dict[str, Any]:
    """The same lists in rdflib's in-memory Dataset: load rate, memory and the same queries."""
    import pyoxigraph as ox
    from rdflib import Dataset, URIRef

    from bench.memory import peak_rss_mb
    from bench.synthetic import Generator
    from graph.build.build import build_graph
    from graph.store.query import load_query, run_query, standard_form

    pairs = list(Generator(items).generate())
    scratch = ox.Store()
    build_graph([p for p, _ in pairs], scratch, citations=[c for _, cs in pairs for c in cs])
    counts = run_query(
        scratch,
        "SELECT ?a (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?c <https://w3id.org/quanze/ontology#cites> "
        "?a } } GROUP BY ?a ORDER BY DESC(?n)",
    ).rows
    typical = URIRef(str(counts[len(counts) // 2]["a"])[1:-1])
    data = scratch.dump(format=ox.RdfFormat.N_QUADS)
    del pairs, scratch
    dataset = Dataset(default_union=True)
    start = time.perf_counter()
    dataset.parse(data=data, format="nquads")
    load_s = time.perf_counter() - start
    triples = sum(1 for _ in dataset.quads((None, None, None, None)))
    who = standard_form(load_query("who-cites"))  # rdflib knows no LATERAL
    who_ms = _with_limit(
        lambda: list(dataset.query(who, initBindings={"target": typical})), RDFLIB_TIMEOUT
    )
    most = load_query("most-cited-articles")
    most_ms = _with_limit(lambda: list(dataset.query(most)), RDFLIB_TIMEOUT)
    return {
        "engine": "rdflib (memory)",
        "items": items,
        "triples": triples,
        "build s": round(load_s, 1),
        "triples/s": round(triples / load_s),
        "disk MB": 0,
        "peak RSS MB": round(peak_rss_mb()),
        "who-cites ms": round(who_ms, 1) if who_ms is not None else f"> {RDFLIB_TIMEOUT:g} s",
        "most-cited ms": round(most_ms) if most_ms is not None else f"> {RDFLIB_TIMEOUT:g} s",
    }


def _child(engine: str, items: int) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench.store", "--one", str(items), "--engine", engine]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"engine": engine, "items": items, "error": done.stderr.strip()[-400:]}
    last: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return last


def print_table(rows: list[dict[str, Any]]) -> None:
    """The figures as a Markdown table."""
    keys = ["engine", "items", "triples", "generate s", "build s", "triples/s", "count s"]
    keys += ["disk MB", "peak RSS MB"]
    keys += ["who-cites ms", "who-cites rows", "who-cites top ms", "most-cited ms"]
    print("| " + " | ".join(keys) + " |")
    print("|" + "---|" * len(keys))
    for row in rows:
        print("| " + " | ".join(str(row.get(k, "")) for k in keys) + " |")
    errors = [r for r in rows if "error" in r]
    for row in errors:
        print(f"{row['engine']} at {row['items']}: {row['error']}")
    print(
        "targets at 1 M items: "
        + ", ".join(f"{k} {'≥' if k == 'triples/s' else '≤'} {v:,}" for k, v in TARGETS.items())
    )


def main(argv: list[str]) -> int:
    """Run the benchmark; each (engine, size) in its own process."""
    parser = argparse.ArgumentParser(prog="python -m bench.store", description=__doc__)
    parser.add_argument("--sizes", default="10k,100k", help="item counts, e.g. 10k,100k,1M")
    parser.add_argument(
        "--rdflib-max", default="10k", help="largest size also measured with rdflib (0: none)"
    )
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--engine", default="oxigraph", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one is not None:
        if args.engine == "rdflib":
            figures = measure_rdflib(args.one)
        else:
            with tempfile.TemporaryDirectory(prefix="quanze-bench-") as workdir:
                figures = measure_oxigraph(args.one, Path(workdir))
        print(json.dumps(figures, ensure_ascii=False))
        return 0
    rows = []
    for size in (parse_size(s) for s in args.sizes.split(",")):
        print(f"… {size:,} items (oxigraph)", file=sys.stderr, flush=True)
        rows.append(_child("oxigraph", size))
        if size <= parse_size(args.rdflib_max):
            print(f"… {size:,} items (rdflib)", file=sys.stderr, flush=True)
            rows.append(_child("rdflib", size))
    print_table(rows)
    return int(any("error" in r for r in rows))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
