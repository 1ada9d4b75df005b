"""Endpoint benchmark: what the guard in front of ``quanze serve``'s oxigraph server costs, and how
soon a runaway query stops using CPU.

On a store of the two sample lists: the median latency of a small query (``counts``) and of a
10,000-row answer, straight to the server and through the guard; then, with a 2 s time limit, a
cartesian GROUP BY that Oxigraph does not cancel by itself: when the client hears back, when the
server is quiet again, and how long the restart took.

    python -m bench.serve
"""

from __future__ import annotations

import statistics
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

LIMIT = 2.0
CARTESIAN = (
    "SELECT ?c (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } GROUP BY ?c"
)
ROWS = "SELECT * WHERE { ?s ?p ?o VALUES ?n { 1 2 } } LIMIT 10000"


def _ask(url: str, query: str) -> int:
    body = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(
        url, data=body, headers={"Accept": "application/sparql-results+json"}
    )
    with urllib.request.urlopen(request, timeout=120) as response:
        return len(response.read())


def _median_ms(work: Callable[[], object], runs: int = 20) -> float:
    work()  # warm
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 2)


def main() -> None:
    from extractors.reading.read import read_list
    from graph.build.build import build_graph
    from graph.store.guard import Limits
    from graph.store.open import open_store
    from graph.store.query import load_query
    from graph.store.serve import cpu_seconds, start_server

    samples = sorted((Path(__file__).parent.parent / "extractors" / "samples").glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        where = Path(tmp) / "store"
        store = open_store(where)
        build_graph([read_list(p) for p in samples], store)
        store.flush()
        del store
        server = start_server(where, port=0, limits=Limits(LIMIT))
        try:
            guarded, direct = server.endpoint.url, server.backend_url
            counts = load_query("counts")
            for name, query in (("counts", counts), ("10k rows", ROWS)):
                straight = _median_ms(lambda q=query: _ask(direct, q))
                through = _median_ms(lambda q=query: _ask(guarded, q))
                print(f"{name:>9}: {straight} ms straight, {through} ms through the guard")
            start = time.monotonic()
            try:
                _ask(guarded, CARTESIAN)
            except urllib.error.HTTPError as exc:
                said = exc.read().decode().strip()
            heard = time.monotonic() - start
            print(f"cartesian GROUP BY, limit {LIMIT:g} s: answered in {heard:.1f} s: {said}")
            while True:  # quiet: the server process used under 0.1 CPU s in 0.5 s
                assert server.process is not None
                pid = server.process.pid
                before = cpu_seconds(pid)
                time.sleep(0.5)
                if server.process.pid == pid and cpu_seconds(pid) - before < 0.05:
                    break
            print(
                f"server quiet {time.monotonic() - start:.1f} s after the query was sent "
                f"({server.restarts} restart)"
            )
        finally:
            server.stop()


if __name__ == "__main__":
    main()
