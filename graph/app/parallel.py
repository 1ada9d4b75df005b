"""Reads, extracts and writes the N-Quads of lists in worker processes (``quanze build --jobs N``),
so the one process that bulk-loads the store (``graph.store.load``) is left the load: in a build
on one core, reading and extracting took 3% of the time, making the lines 35–40% and the load
about 55% (issue #24).

Each worker takes one file (``make``): reads it (in batches when it is large,
``extractors.reading.stream``), extracts its citations and writes its own graph's lines to a
spool file chunk by chunk, so a worker holds one batch of one list whatever the list's size. It
hands back what is small (the list's head, its report, its shared-graph lines, what it cites)
and where its lines are; the build reads them back from the spool a chunk at a time
(``Premade.chunks``) exactly as it would have made them (``graph.build.build.Writing``). At most
``AHEAD`` lists per worker are read ahead of the load, so neither memory nor the spool grows
with the build.

A list's IRIs hold its id, which the build gives it as it meets it (``graph.build.identity``:
a duplicate left out claims none). A worker names the list with the id the build will give it
if no duplicate comes before; in the rare case the build then gives another id (a duplicate
earlier in the build claimed none and a list of the same file name takes its place), the list is
made again, in the build's process, under the id it was given.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from extractors.errors import QuanzeError, unforeseen
from extractors.models import PowerList
from extractors.reading.stream import open_list
from extractors.report import FileReport, Reading
from graph.build.build import Writing, _unpacked
from graph.build.derived import Collector
from graph.iri import DEFAULT_BASE, Iris

if TYPE_CHECKING:
    from extractors.reading.stream import Streamed

#: Lists read ahead of the load, per worker: enough to keep the workers busy while the load takes
#: a large list, few enough that their spooled lines stay small.
AHEAD = 2


def default_jobs() -> int:
    """The cores this process may run on (``--jobs`` of ``--nquads-out`` when not given: every
    process writes lines)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


#: Sorting threads the bulk load runs at most (``graph.store.sorters``): each holds a batch of a
#: million quads, some 540 MB. Two kept a 1 M-item build within its 2 GB (docs/national.md); a
#: third would not, and on more cores the load would count one per core (8 GB on 16).
MAX_SORTERS = 2


def build_jobs(cores: int | None = None) -> int:
    """``quanze build --jobs`` when not given, on ``cores`` (those this process may use): the
    processes that keep the load busy, no more (docs/national.md, measured).

    On two cores or fewer, one: the load's own threads (one parsing and making the lines, one
    sorting per core) keep them busy, and a worker would take a sorting thread (0.91× at 100k
    items). On more, two: a worker makes the lines (4.3 s of CPU of a 16 s build at 20k items)
    while the loading process parses them on its own thread and sorts on ``MAX_SORTERS`` (4.8 s
    each); a second worker would make lines the load cannot take, and add its memory.

    >>> build_jobs(1), build_jobs(2), build_jobs(3), build_jobs(64)
    (1, 1, 2, 2)
    """
    return 1 if (cores or default_jobs()) <= 2 else 2


def left_to_load(workers: int, cores: int | None = None) -> int:
    """The cores the load may count beside ``workers`` worker processes on ``cores`` (those this
    process may use), at least one and at most ``MAX_SORTERS``: the sorting threads its bulk
    loader runs, each holding a batch of a million quads (``graph.store.sorters``). On two
    cores, one worker leaves the load one: within 2 GB at 1M items, where a second sorting
    thread beside the worker took it past (docs/national.md).

    >>> left_to_load(0, 2), left_to_load(1, 2), left_to_load(1, 16), left_to_load(0, 1)
    (2, 1, 2, 1)
    """
    return max(1, min(MAX_SORTERS, (cores or default_jobs()) - workers))


@dataclass(frozen=True, slots=True)
class Task:
    """One file for a worker: how to read it, the id and base to name it by, where to spool."""

    path: str
    list_id: str
    spool: str
    format: str | None = None
    encoding: str | None = None
    base: str = DEFAULT_BASE


@dataclass(slots=True)
class Premade:
    """One list made by a worker: what the build needs to tell a duplicate (``head``,
    ``reading``, ``digest``, ``path``) and, as a ``Writing``, its lines in ``file`` (chunk sizes in
    ``sizes``, bytes), the count of them, its shared-graph lines, what it cites and its report.
    ``error`` is what stopped its lines being made (raised when the build takes them)."""

    head: PowerList
    reading: Reading
    digest: str
    path: str
    task: Task
    graph: str = ""
    list_id: str = ""
    source: str = ""
    file: str | None = None
    sizes: list[int] = field(default_factory=list)
    own: int = 0
    shared_lines: list[bytes] = field(default_factory=list)
    cites: dict[str, tuple[int, int]] = field(default_factory=dict)
    collector: Collector = field(default_factory=Collector)
    counted: dict[str, int] | None = None  # the rows of the queries counted by list
    made: FileReport | None = None
    error: QuanzeError | None = None

    def writing(self, iris: Iris, list_id: str) -> Writing:
        """Itself, when made under ``list_id``; else made again here under it."""
        if list_id == self.task.list_id and iris.base == self.task.base:
            return self
        self.discard()
        again = make(replace(self.task, list_id=list_id, base=iris.base))
        if isinstance(again, str):  # the file changed since the worker read it
            raise _Unreadable(again)
        return again

    def chunks(self) -> Iterator[list[bytes]]:
        """The lines of the list's own graph, read back from the spool a chunk at a time (each a
        list of lines, as ``_Built.chunks`` gives them); the spool is removed once read."""
        if self.error is not None:
            self.discard()
            raise self.error
        if self.file is None:
            return
        try:
            with open(self.file, "rb") as spool:
                for size in self.sizes:
                    yield spool.read(size).splitlines(keepends=True)
        finally:
            self.discard()

    def discard(self) -> None:
        """Remove the spool file, if there is one still."""
        if self.file is not None:
            Path(self.file).unlink(missing_ok=True)
            self.file = None

    def lines(self) -> int:
        return self.own

    def shared(self) -> list[bytes]:
        return self.shared_lines

    def counts(self) -> dict[str, tuple[int, int]]:
        return self.cites

    def collected(self) -> Collector:
        return self.collector

    def rows(self) -> dict[str, int] | None:
        return self.counted

    def report(self) -> FileReport:
        assert self.made is not None, "the report of a list whose lines were not made"
        return self.made


class _Unreadable(QuanzeError):
    """A file that read in a worker and not when made again (it changed in between)."""


def read_failure(path: Path | str, exc: Exception) -> str:
    """The one line for a file that could not be read (its error's own, or one saying which
    unforeseen exception it was)."""
    return str(exc) if isinstance(exc, QuanzeError) else unforeseen(path, exc)


def make(task: Task) -> Premade | str:
    """Read, extract and write one list (in a worker); a file that cannot be read, or whose lines
    cannot be made or spooled, gives the line saying why instead: whatever goes wrong, a worker
    hands back a line naming the file, never an exception (on a cluster that would end the whole
    build in a traceback, ``graph.app.shards``)."""
    path = Path(task.path)
    try:
        power_list = open_list(path, format=task.format, encoding=task.encoding)
    except Exception as exc:  # a bad file never stops the others
        return read_failure(path, exc)
    try:
        return _made(task, path, power_list)
    except Exception as exc:  # its spool not there (a cluster without a shared file system) …
        return unmade(path, exc)


def unmade(path: Path | str, exc: BaseException) -> str:
    """The one line for a list that was read and then could not be made: the file, the
    exception's type and the first line of its message.

    >>> unmade("a.csv", FileNotFoundError(2, "No such file or directory"))
    'a.csv: not built (FileNotFoundError: [Errno 2] No such file or directory)'
    """
    first = (str(exc).splitlines() or [""])[0][:200]
    return f"{path}: not built ({type(exc).__name__}: {first})"


def _made(task: Task, path: Path, power_list: PowerList | Streamed) -> Premade | str:
    """``make`` once its file is read."""
    from graph.app.pipeline import cite_lists  # the pipeline's own extraction, batch by batch

    (cited,) = cite_lists([(power_list, path)])
    source = _unpacked(cited)
    # its items stay here: the build needs the head to name and report the list
    head = replace(source.head, items=(), rejects=())
    made = Premade(head, source.reading, source.digest, source.path, task)
    built = source.writing(Iris(task.base), task.list_id)
    made.graph, made.list_id, made.source = built.graph, built.list_id, built.source
    fd, made.file = tempfile.mkstemp(prefix="list-", suffix=".part", dir=task.spool)
    try:
        with os.fdopen(fd, "wb") as spool:
            for chunk in built.chunks():
                data = b"".join(chunk)
                spool.write(data)
                made.sizes.append(len(data))
    except QuanzeError as error:  # raised again when the build takes it: reported as there
        made.discard()
        made.error = error
        return made
    except Exception as exc:
        made.discard()
        return read_failure(path, exc)
    made.own, made.shared_lines, made.cites = built.lines(), built.shared(), built.counts()
    made.collector, made.counted = built.collected(), built.rows()
    made.made = built.report()
    return made


#: How often a worker looks whether the process that started it is still there (seconds).
ORPHAN_CHECK_S = 0.5


def _quiet(parent: int) -> None:
    """A worker leaves Ctrl-C to the build, which stops it once the lists made are committed, and
    ends when its parent does (the build killed, ``SIGKILL``): else it would hold the build's
    output open and its spool for nobody."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # the build's id is given, not read here: the build may be gone before a worker has started

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(ORPHAN_CHECK_S)
        os._exit(1)

    threading.Thread(target=watch, name="quanze-orphan-check", daemon=True).start()


class Workers:
    """A pool of ``jobs`` worker processes and their spool directory, for one build; with
    ``shards`` (a directory) the lines are spooled there, and it is kept."""

    def __init__(self, jobs: int, shards: Path | None = None) -> None:
        self.jobs = jobs
        self.shards = shards
        self.spool = str(shards) if shards else tempfile.mkdtemp(prefix="quanze-spool-")
        try:
            self.pool = self._started(jobs)
        except BaseException:  # the pool could not start (its resource tracker killed): no spool
            if shards is None:
                shutil.rmtree(self.spool, ignore_errors=True)
            raise

    @staticmethod
    def _started(jobs: int) -> ProcessPoolExecutor:
        # not forked: the build's process holds an open store and its threads; and started by
        # this process, not a fork server, so that a worker sees its parent go (``_quiet``)
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(
            jobs, mp_context=context, initializer=_quiet, initargs=(os.getpid(),)
        )

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        if self.shards is None:
            shutil.rmtree(self.spool, ignore_errors=True)

    def made(
        self,
        paths: Sequence[Path],
        list_id: Callable[[str], str],
        *,
        format: str | None = None,
        encoding: str | None = None,
        base: str = DEFAULT_BASE,
        failures: list[FileReport],
        on_error: Callable[[str], None] | None = None,
        advance: Callable[[], None] | None = None,
    ) -> Iterator[Premade]:
        """The lists at ``paths``, made by the workers, in the order of ``paths``; a file that
        fails is reported in ``failures`` (and ``on_error`` told) and the rest go on;
        ``advance`` is called once a file's list is taken (or its failure told)."""
        waiting: deque[tuple[Path, Task, Future[Premade | str]]] = deque()
        pending = iter(paths)

        def submit() -> None:
            path = next(pending, None)
            if path is not None:
                task = Task(str(path), list_id(str(path)), self.spool, format, encoding, base)
                waiting.append((path, task, self._submitted(task)))

        for _ in range(self.jobs * AHEAD):
            submit()
        while waiting:
            path, task, future = waiting.popleft()
            try:
                made = future.result()
            except BrokenProcessPool:
                made = self._after_death(task)
                # the pool's other lists died with it: made again in a new pool
                waiting = deque((p, t, self._submitted(t)) for p, t, _ in waiting)
            submit()
            if isinstance(made, str):
                failures.append(FileReport(str(path), error=made))
                if on_error is not None:
                    on_error(made)
            else:
                yield made
            if advance is not None:
                advance()

    def _submitted(self, task: Task) -> Future[Premade | str]:
        """``task`` handed to the pool; if a worker died since the pool last answered, the pool
        refuses it (``BrokenProcessPool`` from ``submit``, not only from a result): the future
        then holds that refusal, and taking its result starts the pool again as a death does
        (before, the refusal ended the build)."""
        try:
            return self.pool.submit(make, task)
        except BrokenProcessPool as broken:
            refused: Future[Premade | str] = Future()
            refused.set_exception(broken)
            return refused

    def _after_death(self, task: Task) -> Premade | str:
        """A worker died (killed, out of memory) and took the pool with it. The first list not
        yet taken was being made (workers take lists in order), or was waiting; it is made
        again alone, in a pool of its own: a list whose worker dies again is the one that kills
        it, and is reported in one line; a worker killed from outside costs the list a second
        making, never the build. The pool is then started again for the others."""
        self.pool.shutdown(wait=True, cancel_futures=True)
        alone = self._started(1)
        try:
            return alone.submit(make, task).result()
        except BrokenProcessPool:
            return died(task.path)
        finally:
            alone.shutdown(wait=True, cancel_futures=True)
            self.pool = self._started(self.jobs)


def died(path: Path | str) -> str:
    """The one line for a list whose worker died twice making it (killed by a signal, or by the
    kernel when out of memory).

    >>> died("a.csv")
    'a.csv: not built: the worker making it died, twice (killed, or out of memory)'
    """
    return f"{path}: not built: the worker making it died, twice (killed, or out of memory)"
