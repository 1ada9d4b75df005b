"""Runs the pipeline over files in three steps, each lazy, one list at a time: read each file into
a list (``extractors.reading.stream.open_list``: a large list in batches of items), extract its
citations (``extractors.cite_items``, batch by batch), build the list and its citations into a
store (``graph.build.build_cited``), so a build holds one batch of one list, whatever its size."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from extractors import cite_items
from extractors.citing.in_force import list_date
from extractors.models import PowerList
from extractors.reading.stream import open_list
from extractors.report import FileReport, Reading, Report
from graph.app.parallel import Premade, Workers, left_to_load, read_failure
from graph.build.build import Batched, Cited, build_cited, in_store_order
from graph.build.identity import ListIds
from graph.build.record import Record
from graph.build.stored import check_stored
from graph.iri import Iris

if TYPE_CHECKING:
    from extractors.reading.stream import Streamed
from graph.store.open import open_store


def read_lists(
    paths: Sequence[Path],
    *,
    format: str | None = None,
    encoding: str | None = None,
    failures: list[FileReport],
    on_error: Callable[[str], None] | None = None,
    console: Console | None = None,
) -> Iterator[tuple[PowerList | Streamed, Path]]:
    """Read each file in turn, giving each list (or, for a large one, its batches: ``open_list``)
    with its path; a file that fails is reported in ``failures`` and the rest go on."""
    with shown(paths, console) as advance:
        for path in paths:
            try:
                power_list = open_list(path, format=format, encoding=encoding)
            except Exception as exc:  # a bad file never stops the others
                message = read_failure(path, exc)
                failures.append(FileReport(str(path), error=message))
                if on_error is not None:
                    on_error(message)
            else:
                yield power_list, path
                del power_list  # not held while the next file is read
            advance()


@contextmanager
def shown(paths: Sequence[Path], console: Console | None) -> Iterator[Callable[[], None]]:
    """A progress bar over ``paths`` (none for one file or no console), advanced by the function
    given; at its end, a word that the store is being finished."""
    quiet = console is None or len(paths) < 2
    progress = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=quiet,
    )
    with progress:
        task = progress.add_task("building", total=len(paths))
        yield lambda: progress.advance(task)
    if console is not None and not quiet:
        # the store is written after the last list is read: minutes for a large build
        console.print("all lists read; finishing the store …")


def cite_lists(lists: Iterable[tuple[PowerList | Streamed, Path]]) -> Iterator[Cited]:
    """Each list with its cell citations, extracted as the build consumes them (batch by batch
    for a list read in batches), and its path."""
    for power_list, path in lists:
        if not isinstance(power_list, PowerList):
            yield _batched(power_list, str(path))
        else:
            meta = power_list.meta
            yield power_list, cite_items(power_list.items, meta.region, list_date(meta)), str(path)


def _batched(stream: Streamed, path: str) -> Batched:
    """A list read in batches, each batch with its citations, as the build takes it."""
    region = stream.head.meta.region  # as for a list read whole: a local title takes its place
    date = list_date(stream.head.meta)
    batches = ((items, cite_items(items, region, date)) for items in stream.batches())
    reading = Reading.counted(stream.head, stream.counts)
    return Batched(stream.head, batches, reading, stream.digest, path)


def build_files(
    paths: Iterable[Path],
    store_dir: Path,
    *,
    format: str | None = None,
    encoding: str | None = None,
    on_error: Callable[[str], None] | None = None,
    on_warning: Callable[[str], None] | None = None,
    console: Console | None = None,
    jobs: int = 1,
) -> Report:
    """Read, extract and build every file into the on-disk store at ``store_dir``.

    Each list replaces its own named graph, so running it twice on the same input leaves the same
    store. Files are named as ``graph.build.identity`` says, from their paths as given (two files
    of the same name are two lists; the same list given twice is stored once, and
    ``on_warning`` told). The files are read in the order the store keys their graphs
    (``in_store_order``: a large build then merges less); the report keeps the order they were
    given in, a file that could not be read included.

    With ``jobs`` above 1 the lists are read, extracted and written in ``jobs - 1`` worker
    processes (``graph.app.parallel``) and this one loads them: the same store, ``jobs``
    processes in all. The load keeps this process busy on threads of its own (Oxigraph parses on
    one and sorts on two), and making the lines is a fifth of a build's CPU, so one worker keeps
    two cores' load fed; a second would add its memory (some 100 MB) and no speed
    (docs/national.md). The load sorts on the cores the workers leave it, at least one and at
    most two (``left_to_load``): each sorting thread holds a batch of some 540 MB.
    """
    given = list(dict.fromkeys(paths))  # a path given twice is one file
    store = open_store(store_dir)
    held = Record.read(store, Iris()).held_ids(Iris())
    # the ids as planned order the reading; the build gives them as it meets the lists, so that
    # a duplicate it leaves out claims none
    planned = ListIds(held)
    planned.plan(str(path) for path in given)
    ordered = [given[n] for n in in_store_order([str(path) for path in given], ids=planned)]
    failures: list[FileReport] = []
    fed: list[Path] = []  # the paths of the lists handed to the build, in its order

    def noted(
        lists: Iterable[tuple[PowerList | Streamed, Path]],
    ) -> Iterator[tuple[PowerList | Streamed, Path]]:
        for power_list, path in lists:
            fed.append(path)
            yield power_list, path

    if jobs > 1 and len(ordered) > 1:
        makers = min(jobs - 1, len(ordered))
        with Workers(makers) as workers, shown(ordered, console) as advance:
            made = workers.made(
                ordered,
                ListIds(held).assign,  # as the build will give them, but for a duplicate
                format=format,
                encoding=encoding,
                failures=failures,
                on_error=on_error,
                advance=advance,
            )
            pairs: Iterable[Cited] = _fed(made, fed)
            sorters = left_to_load(makers)
            report = build_cited(pairs, store, ids=ListIds(held), warn=on_warning, sorters=sorters)
    else:
        # three steps, each a generator: the build pulls one list at a time through all three
        lists = read_lists(
            ordered,
            format=format,
            encoding=encoding,
            failures=failures,
            on_error=on_error,
            console=console,
        )
        report = build_cited(
            cite_lists(noted(lists)),
            store,
            ids=ListIds(held),
            warn=on_warning,
            sorters=left_to_load(0),
        )
    store.flush()
    rank = {path: n for n, path in enumerate(given)}
    placed = [(rank[path], f) for path, f in zip(fed, report.files, strict=True)]
    placed += [(rank[Path(f.source)], f) for f in failures]
    built = Report(tuple(f for _, f in sorted(placed, key=lambda pair: pair[0])))
    check_stored(store, built, store_dir)  # never a success that stored nothing
    return built


def _fed(made: Iterable[Premade], fed: list[Path]) -> Iterator[Premade]:
    """The lists made by workers, each path noted as it is handed to the build."""
    for premade in made:
        fed.append(Path(premade.path))
        yield premade
