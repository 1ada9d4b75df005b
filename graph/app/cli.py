"""The ``quanze`` command: a thin layer turning library calls into stdout data and stderr messages.

Exit codes: 0 ok, 1 data error or validation failure, 2 usage error.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import json
import signal
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

import typer

from extractors.errors import QuanzeError, unforeseen
from graph.app import stdin
from graph.app.messages import Messages
from graph.app.output import reader_gone, stop_writing, writes_stdout
from graph.app.usage import QuanzeCommand, QuanzeGroup, choose, usage_error

app = typer.Typer(
    name="quanze",
    cls=QuanzeGroup,
    help="Read power lists (权责清单), extract their statute citations, query the graph.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
err = Messages(highlight=False, soft_wrap=True)

T = TypeVar("T")
OutFormat = Literal["table", "json", "jsonl", "csv"]
#: The output formats of commands that print answer rows (``cites``, ``query``).
ROW_FORMATS: tuple[OutFormat, ...] = ("table", "json", "jsonl", "csv")


def _show_version(asked: bool) -> None:
    if asked:
        from importlib.metadata import version

        sys.stdout.write(f"quanze {version('quanze')}\n")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Read power lists (权责清单), extract their statute citations, query the graph."""


Files = Annotated[
    list[Path],
    typer.Argument(
        help="Power-list files (md, html, txt, xlsx, docx, csv, json); - reads stdin.",
        metavar="FILE",
        show_default=False,
    ),
]
FormatOpt = Annotated[
    str | None,
    typer.Option(
        "--input-format",
        "-i",
        metavar="FORMAT",
        help="The lists' format (md, html, xlsx, …); detected from content if omitted.",
    ),
]
EncodingOpt = Annotated[
    str | None,
    typer.Option("--encoding", "-e", help="Text encoding, e.g. gb18030; detected if omitted."),
]
StoreOpt = Annotated[
    Path, typer.Option("--store", "-s", metavar="DIR", help="Directory of the on-disk store.")
]
OutFormatOpt = Annotated[
    str,
    typer.Option(
        "--format", "-f", metavar="FORMAT", help="Output: table, json or csv.", case_sensitive=False
    ),
]
RowFormatOpt = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help="Output: table, json, jsonl (JSON Lines: one object per row) or csv.",
    ),
]
WideOpt = Annotated[
    bool,
    typer.Option("--wide", "-w", help="Show table cells in full rather than fit the terminal."),
]
QueryStoreOpt = Annotated[
    Path | None,
    typer.Option("--store", "-s", metavar="DIR", help="Directory of the on-disk store."),
]
EndpointOpt = Annotated[
    str | None,
    typer.Option(
        "--endpoint",
        help="Ask this SPARQL 1.1 endpoint (e.g. http://127.0.0.1:7878/query) instead of --store.",
    ),
]
TimeoutOpt = Annotated[
    float,
    typer.Option("--timeout", help="Give up on a query after this many seconds.", min=0.001),
]
AllowServiceOpt = Annotated[
    bool,
    typer.Option(
        "--allow-service",
        help="Allow SERVICE (federated queries, which make requests to other endpoints).",
    ),
]

#: Rows (or triples) a query prints unless --limit says otherwise, in every output format: a
#: runaway result is cut, and stderr says so, rather than filling memory or a disk.
ROW_LIMIT = 10_000


class DataError(Exception):
    """Raised inside a command to leave with exit code 1 after the messages were printed."""


def command(fn: Callable[..., None]) -> Callable[..., None]:
    """Register ``fn`` as a subcommand whose library errors become one line and exit code 1."""
    run = guarded(fn)
    app.command(cls=QuanzeCommand)(run)
    return run


def guarded(fn: Callable[..., None]) -> Callable[..., None]:
    """``fn`` with its library errors turned into one line and exit code 1."""

    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> None:
        try:
            fn(*args, **kwargs)
        except (QuanzeError, DataError) as exc:
            if str(exc):
                fail(str(exc))
            raise typer.Exit(1) from None
        except typer.Exit:  # an exit code a command chose (click's Exit is a RuntimeError)
            raise
        except BrokenPipeError as exc:
            if reader_gone():  # the reader stopped early (`quanze export | head`): not a fault
                stop_writing()
                raise typer.Exit(0) from None
            # a pipe to a process the command started (a worker's resource tracker, killed)
            fail(f"stopped: a process this command writes to is gone ({exc})")
            raise typer.Exit(1) from None
        except (OSError, RuntimeError) as exc:  # the store failed under a command (RocksDB)
            fail(_store_failure(exc))
            raise typer.Exit(1) from None

    return run


def _store_failure(exc: BaseException) -> str:
    """One line for an error the store (or the system under it) raised mid-command: a damaged
    file, a full disk."""
    message = " ".join(str(exc).split())
    if "corrupt" in message.lower():
        return f"the store is damaged ({message}); `quanze check --store DIR` says what is wrong"
    return f"the store failed: {message}"


def fail(message: str) -> None:
    """Print one error line on stderr (the message as written: a file's text may hold [...])."""
    from rich.markup import escape

    err.print(f"[bold red]quanze: error:[/] {escape(message)}", markup=True)


def each_file(paths: Iterable[Path], work: Callable[[Path], T]) -> Iterator[T]:
    """Run ``work`` on every path (``-``: stdin); a bad file is reported and the others still go
    through.

    A fault quanze did not foresee in one file (a library's own exception on a damaged file) is
    one line too, naming the file and the exception, rather than a traceback that loses the
    files after it."""
    paths = list(paths)
    if sum(str(p) == stdin.STDIN for p in paths) > 1:
        usage_error("stdin (-) can be read once only", "FILE")
    failed = seen = 0
    with stdin.stdin_as_file(paths) as (files, copy):
        for path in files:
            seen += 1
            try:
                yield work(path)
            except QuanzeError as exc:
                fail(stdin.shown(str(exc), copy))
                failed += 1
            except Exception as exc:  # the other files go through
                fail(stdin.shown(unforeseen(path, exc), copy))
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


def check_out_format(value: str, choices: tuple[str, ...] = ("table", "json", "csv")) -> OutFormat:
    """Validate --format for commands that print results (a usage error, with the closest)."""
    return choose(value, choices, "--format")  # type: ignore[return-value]


def check_input_format(value: str | None) -> str | None:
    """Validate --input-format against the formats the readers know (a usage error otherwise)."""
    if value is None:
        return None
    from extractors.reading.detect import FORMATS

    return choose(value, FORMATS, "--input-format")


@command
def parse(
    files: Files,
    fmt: FormatOpt = None,
    encoding: EncodingOpt = None,
    report: Annotated[
        bool, typer.Option("--report", help="Print a per-file reading report on stderr.")
    ] = False,
) -> None:
    """Read power lists and print one JSON object per item (JSON Lines)."""
    from extractors.reading.read import read_list
    from extractors.report import FileReport, Reading

    fmt = check_input_format(fmt)

    def work(path: Path) -> None:
        plist = read_list(path, format=fmt, encoding=encoding)
        warn_doubtful(plist)
        print_jsonl(item.to_json() for item in plist.items)
        if report:
            print_lines(FileReport(plist.source, reading=Reading.of(plist)).lines())

    for _ in each_file(files, work):
        pass


def warn_doubtful(plist: Any) -> None:
    """One warning line on stderr when a list was read with doubts (see
    ``extractors.reading.plausibility``): the items are kept, the reading is said."""
    doubt = plist.plausibility
    if doubt is not None and doubt.doubtful:
        err.print(
            f"quanze: warning: {plist.source}: read as {plist.format} with doubts "
            f"(plausibility {doubt.score:.2f}; weakest: {doubt.doubt()})",
            markup=False,
        )


def warn(message: str) -> None:
    """Print one warning line on stderr, as written (no markup)."""
    err.print(f"quanze: warning: {message}", markup=False)


def print_lines(lines: Iterable[str]) -> None:
    """Print report lines on stderr, as written (no markup)."""
    for line in lines:
        err.print(line, markup=False)


@command
def extract(
    files: Files,
    fmt: FormatOpt = None,
    encoding: EncodingOpt = None,
    plain: Annotated[
        bool, typer.Option("--plain", help="Treat each file as one plain-text cell.")
    ] = False,
    report: Annotated[
        bool,
        typer.Option(
            "--report", help="Print per file on stderr: citations by kind, unresolved, malformed."
        ),
    ] = False,
    region: Annotated[
        str | None,
        typer.Option(
            "--region",
            help="The region (浙江省杭州市) local titles cited without their place belong to; "
            "by default the one the list's title names.",
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="YYYY[-MM[-DD]]",
            help="The date the list was made, which repeal dates are said against; "
            "by default the list's own (its page's date, else a year its title names).",
        ),
    ] = None,
) -> None:
    """Extract every statute citation from every field and print one JSON object per citation."""
    from collections import Counter

    from extractors.citing.cite import cite_items, cite_text
    from extractors.citing.in_force import list_date
    from extractors.reading.read import read_list, read_text
    from extractors.report import Extraction, FileReport, count_citations

    fmt = check_input_format(fmt)

    def work(path: Path) -> int:
        if plain:
            source = path.name
            text = read_text(path, encoding=encoding)
            cited = cite_text(source, text, region=region, date=date)
        else:
            plist = read_list(path, format=fmt, encoding=encoding)
            warn_doubtful(plist)
            made = date or list_date(plist.meta)
            source, cited = plist.source, cite_items(plist.items, region or plist.meta.region, made)
        kinds: Counter[str] = Counter()
        n = print_jsonl(c.to_json() for c in count_citations(cited, kinds))
        if report:
            print_lines(FileReport(source, extraction=Extraction.of(kinds)).lines())
        return n

    total = sum(each_file(files, work))
    err.print(f"{total} citation(s)")


@command
def annotate(
    file: Annotated[Path, typer.Argument(help="A power-list file.")],
    out: Annotated[
        Path,
        typer.Option("--out", "-o", metavar="FILE", help="The HTML file to write (-: stdout)."),
    ],
    fmt: FormatOpt = None,
    encoding: EncodingOpt = None,
) -> None:
    """Write an offline HTML page of the list's cells with their citations highlighted."""
    from extractors.citing.annotate import annotate_list
    from extractors.reading.read import read_list

    plist = read_list(file, format=check_input_format(fmt), encoding=encoding)
    page = annotate_list(plist)
    if writes_stdout(out):
        sys.stdout.write(page)
        sys.stdout.flush()
        return
    out.write_text(page, encoding="utf-8")
    err.print(f"wrote {out}")


@command
def build(
    files: Files,
    store: Annotated[
        Path | None,
        typer.Option(
            "--store", "-s", help="Directory of the on-disk store (not with --nquads-out)."
        ),
    ] = None,
    fmt: FormatOpt = None,
    encoding: EncodingOpt = None,
    validate: Annotated[
        bool,
        typer.Option("--validate", help="Check each built list graph against the SHACL shapes."),
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            min=1,
            help="Processes: this one loads the store, the others read the lists (with "
            "--nquads-out all of them read); default: 1 on two cores or fewer, else 2 (with "
            "--nquads-out: the cores).",
        ),
    ] = None,
    nquads_out: Annotated[
        Path | None,
        typer.Option(
            "--nquads-out",
            help="Write an N-Quads shard per list, and the shared graph, here; no store.",
        ),
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option("--dask", help="With --nquads-out: run on this Dask scheduler (host:port)."),
    ] = None,
) -> None:
    """Read lists, extract their citations and build them into the store; the same input again
    changes nothing."""
    from graph.app.parallel import build_jobs, default_jobs
    from graph.app.pipeline import build_files
    from graph.errors import BuildInterruptedError

    fmt = check_input_format(fmt)
    if nquads_out is not None or dask is not None:
        if nquads_out is None or store is not None:
            raise typer.BadParameter("--nquads-out DIR writes files, no store; --dask needs it")
        from graph.app.shards import write_shards

        shards = write_shards(
            files,
            nquads_out,
            jobs=jobs or default_jobs(),
            dask=dask,
            format=fmt,
            encoding=encoding,
            on_error=fail,
            on_warning=warn,
        )
        err.print(shards.summary())
        if shards.failed:
            raise DataError("")
        return
    if store is None:
        raise typer.BadParameter("give the store's directory (--store DIR), or --nquads-out DIR")

    try:
        report = build_files(
            files,
            store,
            format=fmt,
            encoding=encoding,
            on_error=fail,
            on_warning=warn,
            console=err.console,
            jobs=jobs or build_jobs(),
        )
    except BuildInterruptedError as stop:
        fail(str(stop))
        raise typer.Exit(130) from None
    except KeyboardInterrupt:  # a second Ctrl-C, while the first one's lists were committed
        fail(
            "interrupted while storing the lists already built: the store keeps every list it "
            f"held; `quanze check --store {store}` says which lists are incomplete"
        )
        raise typer.Exit(130) from None
    err.print(report.summary())
    _link_texts(store)
    failed = bool(report.failed)
    if validate:
        from graph.iri import Iris
        from graph.store.open import open_store
        from graph.store.validate import validate_graphs

        graphs = [built.graph for built in report.built] + [Iris().tally_graph()]
        verdict = validate_graphs(open_store(store, read_only=True), graphs)
        err.print(verdict.summary())
        failed = failed or not verdict.conforms
    if failed:
        raise DataError("")


def _link_texts(store: Path) -> None:
    """Link the citations to the law texts the store holds (docs/laws.md), after a build."""
    from graph.laws.links import refresh_links
    from graph.store.open import open_store

    linked = refresh_links(open_store(store))
    if linked:
        err.print(f"{linked} citation(s) linked to their text in force")


@command
def check(
    store: StoreOpt,
    out: Annotated[
        str, typer.Option("--format", "-f", help="Output: table or json.", case_sensitive=False)
    ] = "table",
) -> None:
    """Verify a store: read all of it, compare each list with what its build recorded and the
    tallies with the citations; one line per problem, then one of what was read (exit 1 when
    anything is wrong)."""
    from graph.store.check import check_store
    from graph.store.open import open_store

    out = choose(out, ("table", "json"), "--format")
    verdict = check_store(open_store(store, create=False, read_only=True))
    if out == "json":
        sys.stdout.write(json.dumps(verdict.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        for problem in verdict.problems:
            sys.stdout.write(f"{problem}\n")
        sys.stdout.write(f"{store}: {verdict.summary()}\n")
    if not verdict.ok:
        raise DataError("")


def table_width() -> int | None:
    """The width a table is fitted to: the terminal's ($COLUMNS if set) when stdout is one; none
    when it is a file or a pipe (cells are then cut at 48 columns only), as ``ls`` does."""
    import shutil

    return shutil.get_terminal_size().columns if sys.stdout.isatty() else None


def query_source(store: Path | None, endpoint: str | None, *, writable: bool = False) -> Any:
    """The store or endpoint a query command asks: exactly one of --store and --endpoint."""
    if (store is None) == (endpoint is None):
        raise typer.BadParameter("give either --store or --endpoint")
    if endpoint is not None:
        from graph.store.endpoint import Endpoint

        return Endpoint(endpoint)
    from graph.store.open import open_store

    assert store is not None
    return open_store(store, create=False, read_only=not writable)


@command
def cites(
    ref: Annotated[str, typer.Argument(help="A provision or law, e.g. 社会保险法第八十七条.")],
    store: QueryStoreOpt = None,
    out: RowFormatOpt = "table",
    endpoint: EndpointOpt = None,
    timeout: TimeoutOpt = 30.0,
    wide: WideOpt = False,
) -> None:
    """List the power items that cite REF (citing 第八十七条第二款 counts as citing 第八十七条)."""
    from graph.store.cites import (
        TABLE_COLUMNS,
        citing_items,
        citing_pages,
        citing_targets,
        flat_row,
        whole_articles,
    )
    from graph.store.paging import count_citing
    from graph.store.results import RowStream

    fmt = check_out_format(out, ROW_FORMATS)
    source = query_source(store, endpoint)
    targets = citing_targets(source, ref, warn=warn)
    # the first page is written as soon as it is read, the rest as it comes (graph.store.paging)
    pages = citing_pages(source, targets, timeout=timeout)
    first = next(pages, [])
    title = f"items citing {ref}"
    if not first:
        articles, first = whole_articles(source, ref, timeout=timeout)
        if first:
            whole = "、".join(articles)
            warn(
                f"no item cites {ref} itself; {citing_items(first)} item(s) cite {whole} as a "
                "whole, which includes it: shown below"
            )
            title = f"items citing {whole} as a whole"
    counted = count_citing(source, targets, timeout=timeout)
    if counted is not None and counted.citations > len(first):  # say how much is coming
        err.print(
            f"{counted.items} citing item(s), {counted.citations} citation(s) in "
            f"{counted.lists} list(s) (from the tallies); the rows follow as they are read"
        )
    written = RowStream(
        fmt, sys.stdout, title=title, columns=TABLE_COLUMNS, width=table_width(), wide=wide
    )
    items: set[str] = set()
    citations = 0
    for page in itertools.chain([first], pages):
        items.update(row["power_item"] for row in page)
        citations += len(page)
        written.write(page if fmt in ("json", "jsonl") else [flat_row(r) for r in page])
    written.close()
    if fmt not in ("json", "jsonl"):
        err.print(f"{len(items)} citing item(s), {citations} citation(s)")


@command
def query(
    text: Annotated[
        str | None,
        typer.Argument(
            metavar="QUERY",
            help="SPARQL text, a .rq file, the name of a bundled query, or - (stdin).",
        ),
    ] = None,
    store: QueryStoreOpt = None,
    out: RowFormatOpt = "table",
    list_queries: Annotated[
        bool, typer.Option("--list", help="List the bundled queries and exit.")
    ] = False,
    endpoint: EndpointOpt = None,
    bind: Annotated[
        list[str] | None,
        typer.Option(
            "--bind",
            "-b",
            metavar="NAME=VALUE",
            help="NAME=VALUE, repeatable: an IRI if VALUE looks like one, an integer if digits, "
            "else a literal (e.g. --bind law=社会保险法 --bind article=87).",
        ),
    ] = None,
    timeout: TimeoutOpt = 30.0,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit",
            min=0,
            help=f"Keep at most this many rows ({ROW_LIMIT} unless given; raise it to see more).",
        ),
    ] = None,
    allow_update: Annotated[
        bool, typer.Option("--allow-update", help="Allow SPARQL UPDATE (changes the store).")
    ] = False,
    allow_service: AllowServiceOpt = False,
    wide: WideOpt = False,
    count: Annotated[
        bool,
        typer.Option("--count", help="Print how many rows the SELECT gives, not the rows."),
    ] = False,
) -> None:
    """Run SPARQL against the store or an endpoint: text, a .rq file, a bundled named query, or
    - to read the query from stdin."""
    from graph.app.asking import read_bindings, read_query
    from graph.store.pages import answer_pages, is_select, write_pages
    from graph.store.query import bundled_queries, load_query, run_query
    from graph.store.results import write_result

    if list_queries:
        for name, description in bundled_queries().items():
            sys.stdout.write(f"{name}\t{description}\n")
        return
    if text is None:
        raise typer.BadParameter("give a QUERY and --store or --endpoint (or --list)")
    fmt = check_out_format(out, ROW_FORMATS)
    text = read_query(text)
    bindings = read_bindings(text, bind or ())
    source = query_source(store, endpoint, writable=allow_update)
    if count:  # the engine counts them (graph.store.counting)
        from graph.store.counting import count_rows

        sys.stdout.write(f"{count_rows(source, text, bindings, timeout=timeout)}\n")
        return
    if limit is None:
        limit = ROW_LIMIT
    if not allow_update and is_select(load_query(text)):  # page by page (graph.store.pages)
        answer = answer_pages(source, text, bindings, timeout=timeout, allow_service=allow_service)
        done = write_pages(answer, fmt, sys.stdout, limit=limit, width=table_width(), wide=wide)
        if done.truncated:
            err.print(
                f"showing the first {done.rows} rows; more were cut (raise --limit to see them)"
            )
        elif done.pages > 1 and fmt != "json":  # streamed: say how many came
            err.print(f"{done.rows} rows")
        return
    result = run_query(
        source,
        text,
        bindings,
        allow_update=allow_update,
        allow_service=allow_service,
        timeout=timeout,
        limit=limit,
    )
    write_result(result, fmt, sys.stdout, width=table_width(), wide=wide)
    if result.truncated:
        shown = len(result.rows) if result.kind == "select" else len(result.triples)
        err.print(f"showing the first {shown} rows; more were cut (raise --limit to see them)")


@command
def serve(
    store: StoreOpt,
    port: Annotated[int, typer.Option("--port", "-p", help="TCP port to listen on.")] = 7878,
    host: Annotated[
        str, typer.Option("--bind", help="Address to listen on (loopback by default).")
    ] = "127.0.0.1",
    writable: Annotated[
        bool, typer.Option("--writable", help="Accept SPARQL UPDATE (takes the store's lock).")
    ] = False,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout",
            min=0.001,
            help="Stop a request after this many seconds (the server is restarted if need be).",
        ),
    ] = 30.0,
    max_result_mb: Annotated[
        float,
        typer.Option("--max-result-mb", min=0.001, help="Cut an answer larger than this (MB)."),
    ] = 256.0,
    allow_service: AllowServiceOpt = False,
) -> None:
    """Serve the store as a SPARQL 1.1 endpoint (oxigraph server) until interrupted."""
    from graph.store.guard import Limits
    from graph.store.serve import Server, start_server

    server: Server | None = None
    asked: list[int] = []

    def stop_on_sigterm(signum: int, frame: object) -> None:
        # SIGTERM (kill, a service manager) stops quanze and its server as Ctrl-C does; Python's
        # default would exit without the finally below (the server would still die with this
        # process, but not cleanly). The exception raised here can be lost (Python ignores one
        # raised while an object is being finalised), so the server is told to stop here too,
        # which ends the wait below.
        asked.append(signum)
        if server is not None:
            server.interrupt()
        raise KeyboardInterrupt

    limits = Limits(timeout, max_bytes=round(max_result_mb * 1e6), allow_service=allow_service)
    if store.exists():
        from graph.store.open import open_store

        _warn_built_before(store, open_store(store, create=False, read_only=True), "the endpoint")
    # in place before the server starts: a SIGTERM while it starts stops it too
    previous = signal.signal(signal.SIGTERM, stop_on_sigterm)
    try:
        server = start_server(store, host=host, port=port, writable=writable, limits=limits)
        if asked:  # asked to stop while the server started, and the exception was lost
            raise KeyboardInterrupt
        mode = "read-write" if writable else "read-only"
        err.print(f"SPARQL endpoint ({mode}): {server.endpoint.url}  (Ctrl-C to stop)")
        code = server.wait()
    except KeyboardInterrupt:
        code = 0
    finally:
        if server is not None:
            server.stop()
        signal.signal(signal.SIGTERM, previous)
    if code and not asked:  # not the server this SIGTERM stopped
        assert server is not None
        raise DataError(server.failure or f"the oxigraph server stopped with exit code {code}")


def _warn_built_before(path: Path, source: Any, engine: str) -> None:
    """One warning line when the store (``source``, a ``pyoxigraph.Store``) was built before
    facts some bundled queries read were kept (``graph.store.asbuilt``): the embedded store
    answers them as it did, ``engine`` not."""
    from graph.store.asbuilt import built_before
    from graph.store.query import bundled_queries, load_query

    stale = built_before(source, {name: load_query(name) for name in bundled_queries()})
    if stale:
        warn(
            f"{path}: built by an earlier version of quanze; {engine} answers "
            f"{', '.join(stale)} with no rows until a build writes the store again "
            "(quanze build FILE --store …: the derived graph is counted afresh)"
        )


@command
def export(
    store: StoreOpt,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="nq (default), nt, ttl or jsonld.")
    ] = "nq",
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", metavar="FILE", help="File to write (default or -: stdout)."),
    ] = None,
    graph: Annotated[
        str | None, typer.Option("--graph", help="Only this named graph (its IRI).")
    ] = None,
) -> None:
    """Write the store as N-Quads, N-Triples, Turtle or JSON-LD (for other SPARQL engines)."""
    from graph.store.export import EXPORT_FORMATS, export_store
    from graph.store.open import open_store

    fmt = choose(fmt, tuple(EXPORT_FORMATS), "--format")
    source = open_store(store, create=False, read_only=True)
    if graph is None:
        _warn_built_before(store, source, "an engine loaded from this export")
    if writes_stdout(out):
        export_store(source, fmt, sys.stdout.buffer, graph=graph)
        sys.stdout.buffer.flush()
    else:
        assert out is not None
        with out.open("wb") as stream:
            export_store(source, fmt, stream, graph=graph)
        err.print(f"wrote {out}")


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
    from graph.store.open import open_store
    from graph.views.write import write_view

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
def analyze(
    store: StoreOpt,
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="Rows per ranking.")] = 10,
    threshold: Annotated[
        float,
        typer.Option(
            "--threshold",
            min=0.0,
            max=1.0,
            help="Lowest score (0–1) for a pair of items to count as equivalent powers.",
        ),
    ] = 0.3,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="Output: table or json.", case_sensitive=False)
    ] = "table",
) -> None:
    """Analyse the citation network (central articles and laws, laws cited together, communities,
    equivalent powers across lists, keywords) and write the analysis graph into the store."""
    from graph.analytics.analyze import analyze as run_analysis
    from graph.analytics.analyze import load_network
    from graph.analytics.enrich import analysis_graph, write_analysis
    from graph.store.open import open_store

    fmt = choose(fmt, ("table", "json"), "--format")
    source = open_store(store, create=False)
    analysis = run_analysis(load_network(source), top=top, threshold=threshold)
    quads = write_analysis(source, analysis)
    source.flush()
    if fmt == "json":
        sys.stdout.write(json.dumps(analysis.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(analysis.to_text())
    err.print(
        f"{len(analysis.equivalences)} equivalent pair(s), {len(analysis.keywords)} item(s) with "
        f"keywords: {quads} triples in {analysis_graph()}"
    )


@command
def audit(
    store: StoreOpt,
    out: OutFormatOpt = "table",
    html_out: Annotated[
        Path | None, typer.Option("--html", help="Also write an offline HTML report here.")
    ] = None,
    wide: WideOpt = False,
) -> None:
    """Check every citation against the official law texts in the store (quanze laws import):
    provisions past the last, quotes that differ or belong to another article, accountability
    bases outside the liability chapter, expired instruments, unknown versions, amendments after
    the list. Findings are data: exit 0 when the audit ran."""
    from graph.audit.audit import audit_store
    from graph.audit.report import count_lines, write_findings
    from graph.store.open import open_store

    fmt = check_out_format(out)
    result = audit_store(open_store(store, create=False, read_only=True))
    write_findings(result, fmt, sys.stdout, width=table_width(), wide=wide)
    if html_out is not None:
        from graph.audit.page import render_report

        html_out.write_text(render_report(result), encoding="utf-8")
        err.print(f"wrote {html_out}")
    if fmt != "table":  # the table ends with them already
        print_lines(count_lines(result))


@command
def demo(
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Directory for the store and views.")
    ] = Path("quanze-demo"),
) -> None:
    """Build the graph from the two embedded sample lists and show what it can answer."""
    from graph.app.demo import run_demo

    run_demo(out, sys.stdout, err.console)


laws = typer.Typer(
    cls=QuanzeGroup, help="The law registry and the official law texts.", no_args_is_help=True
)
app.add_typer(laws, name="laws")


def laws_registry(
    catalogue: Annotated[
        Path, typer.Argument(help="Folder of an official catalogue (db.sqlite3, DLC/, texts).")
    ],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="The JSON file to write (default: stdout).")
    ] = None,
) -> None:
    """Generate the law registry from an official catalogue: titles, ranks, issuers, versions
    with article counts, aliases by rule. Ambiguous aliases (with the hand entries merged in, as
    shipped) and left-out rows go to stderr."""
    from importlib import resources

    from extractors.citing.lawdb import with_hand
    from extractors.errors import InputError
    from extractors.registry.catalogue import databases
    from extractors.registry.generate import generate, write_registry

    if not databases(catalogue):
        raise InputError(str(catalogue), "no catalogue here (db.sqlite3 or DLC/*/db.sqlite3)")
    generated = generate(catalogue)
    for problem in generated.problems:
        warn(problem)
    # ambiguous once merged with the hand entries, as the shipped registry would be
    with resources.as_file(resources.files("extractors").joinpath("data/laws.json")) as hand:
        merged = with_hand(hand, generated.registry)
    for alias, titles in merged.ambiguous().items():
        warn(f"ambiguous alias {alias!r}: {' | '.join(titles)} (kept on each; never guessed)")
    if out is None:
        sys.stdout.write(json.dumps(generated.registry, ensure_ascii=False) + "\n")
    else:
        write_registry(generated, out)
    err.print(
        f"{len(generated.registry['laws'])} instrument(s)" + (f": wrote {out}" if out else "")
    )


laws.command("registry", cls=QuanzeCommand)(guarded(laws_registry))


def laws_import(
    folder: Annotated[
        Path,
        typer.Argument(
            help="Folder of official texts (TITLE(YYYY-MM-DD).md, catalogues), or one file."
        ),
    ],
    store: StoreOpt,
) -> None:
    """Read official law texts into the store: each instrument, version, chapter, section,
    article, paragraph, item and point with its text, and the catalogue's facts; importing again
    changes nothing, a newer version is added. Citations are then linked to their text."""
    from extractors.errors import InputError
    from graph.build.build import load_ontology_graph
    from graph.laws.importer import import_laws
    from graph.store.open import open_store

    if not folder.exists():
        raise InputError(str(folder), "no such file or folder")
    opened = open_store(store)
    load_ontology_graph(opened)
    report = import_laws(folder, opened, on_problem=warn)
    err.print(report.summary())
    if report.failed:
        raise DataError("")


laws.command("import", cls=QuanzeCommand)(guarded(laws_import))


def laws_show(
    ref: Annotated[str, typer.Argument(help="A provision, e.g. 社会保险法第八十七条第二款.")],
    store: StoreOpt,
    on: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="YYYY-MM-DD",
            help="Show the version in force on this day (YYYY-MM-DD).",
        ),
    ] = None,
    version: Annotated[
        str | None,
        typer.Option("--version", help="Show this version: its date, or a note such as 2018修正."),
    ] = None,
) -> None:
    """Print the official text of a provision (article, paragraph or item) written as free
    text, naming the instrument and the version: the one in force today unless told."""
    import datetime as dt

    from graph.laws.show import show
    from graph.store.open import open_store

    if on is not None:
        try:
            on = dt.date.fromisoformat(on).isoformat()
        except ValueError:
            raise typer.BadParameter(
                f"{on!r} is not a date YYYY-MM-DD", param_hint="--date"
            ) from None
    for shown in show(open_store(store, create=False, read_only=True), ref, on=on, version=version):
        sys.stdout.write(shown.render())


laws.command("show", cls=QuanzeCommand)(guarded(laws_show))


def workbench(
    store: StoreOpt,
    port: Annotated[int, typer.Option("--port", "-p", help="TCP port (0: any free port).")] = 8765,
) -> None:
    """Open the analyst's workbench in the browser: search, article, law, item, list and
    authority pages with tables, graph and exports, over the store read-only (loopback)."""
    from graph.web.serve import serve_app

    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C or SIGTERM: a normal stop
        serve_app(store, port=port, say=err.print)


def mcp(store: StoreOpt) -> None:
    """Answer the workbench's questions as an MCP server over stdio (for AI assistants)."""
    from graph.web.assistant import serve_mcp

    serve_mcp(store)


app.command("app", cls=QuanzeCommand)(guarded(workbench))
app.command("mcp", cls=QuanzeCommand)(guarded(mcp))


def _one_line_warning(
    message: Warning | str, category: type[Warning], *args: object, **kwargs: object
) -> None:
    """Show a library's warning (``warnings.warn``) as one ``quanze: warning:`` line."""
    warn(str(message))


def main() -> None:
    """Entry point of the ``quanze`` console script: builds only the command it runs."""
    from graph.app.commandrun import command_run

    warnings.showwarning = _one_line_warning
    command_run(app, sys.argv[1:])()
