"""Runs the pipeline over files in three steps, each lazy, one list at a time: read each file into
a list (``extractors.read_list``), extract its citations (``extractors.cite_items``), build the
list and its citations into a store (``graph.build.build_cited``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from extractors import cite_items, read_list
from extractors.errors import QuanzeError
from extractors.models import CellCitation, PowerList
from extractors.report import FileReport, Report
from graph.build.build import build_cited, in_store_order
from graph.store.open import open_store


def read_lists(
    paths: Sequence[Path],
    *,
    format: str | None = None,
    encoding: str | None = None,
    failures: list[FileReport],
    on_error: Callable[[str], None] | None = None,
    console: Console | None = None,
) -> Iterator[PowerList]:
    """Read each file in turn; a file that fails is reported in ``failures`` and the rest go on."""
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
        for path in paths:
            try:
                yield read_list(path, format=format, encoding=encoding)
            except QuanzeError as exc:
                failures.append(FileReport(str(path), error=str(exc)))
                if on_error is not None:
                    on_error(str(exc))
            progress.advance(task)
    if console is not None and not quiet:
        # the store is written after the last list is read: minutes for a large build
        console.print("all lists read; finishing the store …")


def cite_lists(
    lists: Iterable[PowerList],
) -> Iterator[tuple[PowerList, Iterator[CellCitation]]]:
    """Each list with its cell citations, extracted as the build consumes them."""
    for power_list in lists:
        yield power_list, cite_items(power_list.items)


def build_files(
    paths: Iterable[Path],
    store_dir: Path,
    *,
    format: str | None = None,
    encoding: str | None = None,
    on_error: Callable[[str], None] | None = None,
    console: Console | None = None,
) -> Report:
    """Read, extract and build every file into the on-disk store at ``store_dir``.

    Each list replaces its own named graph, so running it twice on the same input leaves the same
    store. The files are read in the order the store keys their graphs (``in_store_order``: a
    large build then merges less); the report keeps the order they were given in, a file that
    could not be read included.
    """
    given = list(paths)
    rank: dict[str, int] = {}  # a file's place in ``given``, by name (as its list's source)
    for n, path in enumerate(given):
        rank.setdefault(path.name, n)
    ordered = [given[n] for n in in_store_order([path.name for path in given])]
    failures: list[FileReport] = []
    store = open_store(store_dir)
    # three steps, each a generator: the build pulls one list at a time through all three
    lists = read_lists(
        ordered,
        format=format,
        encoding=encoding,
        failures=failures,
        on_error=on_error,
        console=console,
    )
    cited = cite_lists(lists)
    report = build_cited(cited, store)
    store.flush()
    files = sorted((*report.files, *failures), key=lambda f: rank[Path(f.source).name])
    return Report(tuple(files))
