"""The ``quanze`` command: a thin layer turning library calls into stdout data and stderr messages.

Exit codes: 0 ok, 1 data error or validation failure, 2 usage error.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

import typer
from rich.console import Console

from extractors.errors import QuanzeError

app = typer.Typer(
    name="quanze",
    help="Read power lists (权责清单), extract their statute citations, query the graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)

T = TypeVar("T")
OutFormat = Literal["table", "json", "csv"]

Files = Annotated[
    list[Path], typer.Argument(help="Power-list files (md, html, txt, xlsx, docx, csv, json).")
]
FormatOpt = Annotated[
    str | None,
    typer.Option("--format", "-f", help="Input format; detected from content if omitted."),
]
EncodingOpt = Annotated[
    str | None,
    typer.Option("--encoding", "-e", help="Text encoding, e.g. gb18030; detected if omitted."),
]
StoreOpt = Annotated[Path, typer.Option("--store", "-s", help="Directory of the on-disk store.")]
OutFormatOpt = Annotated[
    str, typer.Option("--format", "-f", help="Output: table, json or csv.", case_sensitive=False)
]


class DataError(Exception):
    """Raised inside a command to leave with exit code 1 after the messages were printed."""


def command(fn: Callable[..., None]) -> Callable[..., None]:
    """Register ``fn`` as a subcommand whose library errors become one line and exit code 1."""

    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> None:
        try:
            fn(*args, **kwargs)
        except (QuanzeError, DataError) as exc:
            if str(exc):
                fail(str(exc))
            raise typer.Exit(1) from None

    app.command()(run)
    return run


def fail(message: str) -> None:
    """Print one error line on stderr."""
    err.print(f"[bold red]quanze: error:[/] {message}", markup=True)


def each_file(paths: Iterable[Path], work: Callable[[Path], T]) -> Iterator[T]:
    """Run ``work`` on every path; a bad file is reported and the others still go through."""
    failed = seen = 0
    for path in paths:
        seen += 1
        try:
            yield work(path)
        except QuanzeError as exc:
            fail(str(exc))
            failed += 1
    if failed:
        raise DataError(f"{failed} of {seen} files could not be read" if seen > 1 else "")


def print_jsonl(records: Iterable[dict[str, Any]]) -> int:
    """Write one JSON object per line on stdout; return how many."""
    n = 0
    out = sys.stdout
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False))
        out.write("\n")
        n += 1
    out.flush()
    return n


def check_out_format(value: str) -> OutFormat:
    """Validate --format for commands that print results."""
    lowered = value.lower()
    if lowered not in ("table", "json", "csv"):
        raise typer.BadParameter(f"{value!r} is not one of table, json, csv", param_hint="--format")
    return lowered  # type: ignore[return-value]


@command
def parse(
    files: Files,
    fmt: FormatOpt = None,
    encoding: EncodingOpt = None,
    report: Annotated[
        bool, typer.Option("--report", help="Print a per-file report on stderr.")
    ] = False,
) -> None:
    """Read power lists and print one JSON object per item (JSON Lines)."""
    from extractors.read import read_list

    for plist in each_file(files, lambda p: read_list(p, format=fmt, encoding=encoding)):
        print_jsonl(item.to_json() for item in plist.items)
        if report:
            print_report(plist)


def print_report(plist: Any) -> None:
    """The per-file reading report on stderr (rows seen = items + rejects + sections + blank
    rows, always): rejects with reasons, anomalies by code, section headings."""
    from extractors.report import report_list

    for line in report_list(plist).lines():
        err.print(line, markup=False)


@command
def extract(
    files: Files,
    fmt: FormatOpt = None,
    encoding: EncodingOpt = None,
    plain: Annotated[
        bool, typer.Option("--plain", help="Treat each file as one plain-text cell.")
    ] = False,
) -> None:
    """Extract every statute citation from every field and print one JSON object per citation."""
    from extractors.citations import cite_items, cite_text
    from extractors.read import read_list, read_text

    def work(path: Path) -> int:
        if plain:
            text = read_text(path, encoding=encoding)
            return print_jsonl(c.to_json() for c in cite_text(path.name, text))
        plist = read_list(path, format=fmt, encoding=encoding)
        return print_jsonl(c.to_json() for c in cite_items(plist.items))

    total = sum(each_file(files, work))
    err.print(f"{total} citation(s)")


@command
def annotate(
    file: Annotated[Path, typer.Argument(help="A power-list file.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write.")],
    fmt: FormatOpt = None,
    encoding: EncodingOpt = None,
) -> None:
    """Write an offline HTML page of the list's cells with their citations highlighted."""
    from extractors.annotate import annotate_list
    from extractors.read import read_list

    plist = read_list(file, format=fmt, encoding=encoding)
    out.write_text(annotate_list(plist), encoding="utf-8")
    err.print(f"wrote {out}")


@command
def build(
    files: Files, store: StoreOpt, fmt: FormatOpt = None, encoding: EncodingOpt = None
) -> None:
    """Parse, extract and load lists into the store; the same input again changes nothing."""
    from graph.pipeline import build_files

    report = build_files(files, store, format=fmt, encoding=encoding, on_error=fail, console=err)
    err.print(report.summary())
    if report.failed_files:
        raise DataError("")


@command
def cites(
    ref: Annotated[str, typer.Argument(help="A provision or law, e.g. 社会保险法第八十七条.")],
    store: StoreOpt,
    out: OutFormatOpt = "table",
) -> None:
    """List the power items that cite REF (citing 第八十七条第二款 counts as citing 第八十七条)."""
    from graph.cites import TABLE_COLUMNS, find_citing_items
    from graph.results import write_rows
    from graph.store import open_store

    fmt = check_out_format(out)
    rows = find_citing_items(open_store(store, read_only=True), ref)
    write_rows(rows, fmt, sys.stdout, title=f"items citing {ref}", columns=TABLE_COLUMNS)
    if fmt != "json":
        err.print(f"{len(rows)} citing item(s)")


@command
def query(
    text: Annotated[
        str | None,
        typer.Argument(help="SPARQL text, a .rq file, or the name of a bundled query."),
    ] = None,
    store: Annotated[Path | None, typer.Option("--store", "-s", help="Store directory.")] = None,
    out: OutFormatOpt = "table",
    list_queries: Annotated[
        bool, typer.Option("--list", help="List the bundled queries and exit.")
    ] = False,
) -> None:
    """Run SPARQL against the store: text, a .rq file, or a bundled named query."""
    from graph.query import bundled_queries, run_query
    from graph.results import write_result
    from graph.store import open_store

    if list_queries:
        for name, description in bundled_queries().items():
            sys.stdout.write(f"{name}\t{description}\n")
        return
    if text is None or store is None:
        raise typer.BadParameter("give a QUERY and --store (or --list)")
    fmt = check_out_format(out)
    result = run_query(open_store(store, read_only=True), text)
    write_result(result, fmt, sys.stdout)


@command
def view(
    store: StoreOpt,
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write.")],
    article: Annotated[
        str | None, typer.Option(help="A provision, e.g. 社会保险法第八十七条.")
    ] = None,
    law: Annotated[str | None, typer.Option(help="A law, e.g. 社会保险法.")] = None,
    item: Annotated[
        str | None, typer.Option(help="A power item, as SOURCE#ROW or its IRI.")
    ] = None,
    authority: Annotated[
        str | None, typer.Option(help="An authority (department), e.g. 县医保局.")
    ] = None,
    everything: Annotated[bool, typer.Option("--all", help="The whole store.")] = False,
    depth: Annotated[int, typer.Option(min=1, help="Citation hops around the focus.")] = 2,
    max_nodes: Annotated[int, typer.Option(min=10, help="Node cap; larger views aggregate.")] = 500,
) -> None:
    """Write an interactive HTML view of part of the graph that works offline."""
    from graph.store import open_store
    from graph.views import write_view

    chosen = [x for x in (article, law, item, authority) if x] + (["all"] if everything else [])
    if len(chosen) != 1:
        raise typer.BadParameter("give exactly one of --article, --law, --item, --authority, --all")
    summary = write_view(
        open_store(store, read_only=True),
        out,
        article=article,
        law=law,
        item=item,
        authority=authority,
        everything=everything,
        depth=depth,
        max_nodes=max_nodes,
    )
    err.print(f"wrote {out} ({summary})")


@command
def demo(
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Directory for the store and views.")
    ] = Path("quanze-demo"),
) -> None:
    """Build the graph from the two embedded sample lists and show what it can answer."""
    from graph.demo import run_demo

    run_demo(out, sys.stdout, err)


def main() -> None:
    """Entry point of the ``quanze`` console script."""
    app()
