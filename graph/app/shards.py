"""Turns lists into N-Quads files without a store (``quanze build --nquads-out DIR``), for a
national build whose RDF is made by many machines and bulk-loaded into a large engine (Virtuoso,
Oxigraph, QLever): see docs/national.md.

``DIR/lists/<id>.nq`` holds each list's own graph, exactly the lines ``quanze build`` would load
for it; ``DIR/shared.nq`` the shared graph (laws, provisions, authorities the lists mention, each
line once, sorted) and the ontology graph. A store's record and tallies graphs are not written:
they describe one store's builds, and ``quanze build`` makes them when it loads the lists.

The lists are made as ``quanze build --jobs N`` makes them (``graph.app.parallel.make``), by
local worker processes or, with ``--dask SCHEDULER``, by the workers of a Dask cluster, which
must see the input files and ``DIR`` at the same paths (a shared file system). Either way a list
is named by the id planned from all the paths (``graph.build.identity``), so the shards are the
same wherever they are made; a list with the same items as one before it is a duplicate: its
shard is removed and a warning given, as a build stores it once.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import cast

import pyoxigraph as ox

from extractors.report import FileReport, Report
from graph.app.parallel import Premade, Task, Workers, make
from graph.build.build import in_store_order
from graph.build.identity import ListIds
from graph.iri import Iris
from ontology import ONTOLOGY_PATH

#: Lists a Dask run has in flight per worker thread: the client holds their results, no more.
DASK_AHEAD = 4


def _locally(
    paths: Sequence[Path], ids: ListIds, spool: Path, jobs: int, fmt: str | None, enc: str | None
) -> Iterator[tuple[Path, Premade | str]]:
    """Each list made here (one job) or by a pool of local worker processes, in order."""
    if jobs <= 1 or len(paths) < 2:
        for path in paths:
            yield path, make(Task(str(path), ids.assign(str(path)), str(spool), fmt, enc))
        return
    failures: list[FileReport] = []
    with Workers(min(jobs, len(paths)), shards=spool) as workers:
        made = workers.made(paths, ids.assign, format=fmt, encoding=enc, failures=failures)
        for premade in made:
            while failures:  # the files that failed before this one
                failed = failures.pop(0)
                yield Path(failed.source), failed.error or ""
            yield Path(premade.path), premade
    for failed in failures:
        yield Path(failed.source), failed.error or ""


def _on_dask(
    paths: Sequence[Path],
    ids: ListIds,
    spool: Path,
    scheduler: str,
    fmt: str | None,
    enc: str | None,
) -> Iterator[tuple[Path, Premade | str]]:
    """Each list made by a worker of the Dask cluster at ``scheduler``, a bounded number at a
    time, handed back in the order of ``paths``."""
    from distributed import Client, Future

    with Client(scheduler) as client:
        threads = max(1, sum(client.nthreads().values()))
        pending = iter(paths)
        waiting: deque[tuple[Path, Future]] = deque()

        def submit() -> None:
            path = next(pending, None)
            if path is not None:
                task = Task(str(path), ids.assign(str(path)), str(spool), fmt, enc)
                waiting.append((path, client.submit(make, task, pure=False)))

        for _ in range(threads * DASK_AHEAD):
            submit()
        while waiting:
            path, future = waiting.popleft()
            try:
                made = future.result()
            except Exception as exc:  # the list's task ended without its result: this list only
                made = cluster_failure(path, exc)
            future.release()
            submit()
            yield path, made


def cluster_failure(path: Path | str, exc: BaseException) -> str:
    """The one line for a list whose task on the cluster gave no result: its worker died (killed,
    out of memory; Dask gave up after its retries), or the task could not run there (quanze not
    installed on the workers, …). ``make`` itself never raises."""
    from distributed import KilledWorker

    if isinstance(exc, KilledWorker):
        return (
            f"{path}: not built: the Dask worker making it died "
            f"({exc.last_worker.address}; its log says why)"
        )
    first = (str(exc).splitlines() or [""])[0][:200]
    return f"{path}: not built on the Dask cluster ({type(exc).__name__}: {first})"


def write_shards(
    paths: Sequence[Path],
    out: Path,
    *,
    jobs: int = 1,
    dask: str | None = None,
    format: str | None = None,
    encoding: str | None = None,
    on_error: Callable[[str], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> Report:
    """Write each list's shard into ``out/lists`` and the shared graph into ``out/shared.nq``; the
    report in the order the files were given.

    The lists are taken in the order a build takes them (``in_store_order``) and named as it
    names them, so the shards hold the lines ``quanze build`` of the same files loads; a list
    named otherwise by its worker (see ``graph.app.parallel``) is made again here."""
    given = list(dict.fromkeys(paths))
    lists = out / "lists"
    lists.mkdir(parents=True, exist_ok=True)
    spool = Path(tempfile.mkdtemp(prefix=".spool-", dir=out))
    planned = ListIds()
    planned.plan(str(path) for path in given)
    ordered = [given[n] for n in in_store_order([str(path) for path in given], ids=planned)]
    made = (
        _on_dask(ordered, ListIds(), spool, dask, format, encoding)
        if dask
        else _locally(ordered, ListIds(), spool, jobs, format, encoding)
    )
    ids = ListIds()  # given as met, a duplicate claiming none: as the build gives them
    iris = Iris()
    shared: set[bytes] = set()
    seen: dict[str, str] = {}  # content digest → path
    files: dict[Path, FileReport] = {}
    try:
        for path, premade in made:
            if isinstance(premade, str):
                files[path] = FileReport(str(path), error=premade)
                if on_error is not None:
                    on_error(premade)
                continue
            twin = seen.setdefault(premade.digest, premade.path)
            if twin != premade.path:
                premade.discard()
                files[path] = FileReport(premade.head.source, reading=premade.reading)
                if on_warning is not None:
                    on_warning(f"{path}: the same list as {twin} (same items); written once")
                continue
            writing = cast(Premade, premade.writing(iris, ids.assign(premade.path)))
            if writing.error is not None or writing.file is None:
                writing.discard()
                files[path] = FileReport(premade.head.source, error=f"not built: {writing.error}")
                if on_error is not None:
                    on_error(f"{path}: not built: {writing.error}")
                continue
            os.replace(writing.file, lists / f"{writing.list_id}.nq")
            writing.file = None
            shared.update(writing.shared_lines)
            files[path] = writing.report()
    finally:
        shutil.rmtree(spool, ignore_errors=True)
    shared.update(ontology_lines())
    (out / "shared.nq").write_bytes(b"".join(sorted(shared)))
    return Report(tuple(files[path] for path in given))


def ontology_lines(iris: Iris | None = None) -> list[bytes]:
    """The ontology graph as N-Quads lines, as ``quanze build`` loads it."""
    graph = ox.NamedNode((iris or Iris()).ontology_graph())
    triples = ox.parse(path=str(ONTOLOGY_PATH), format=ox.RdfFormat.TURTLE)
    quads = [ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples]
    data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    assert data is not None  # serialized to bytes when given no output
    return data.splitlines(keepends=True)
