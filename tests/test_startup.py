"""The CLI starts without loading what only some commands need; the packages' public names
still resolve (loaded on first use).

Start-up is guarded by what a command loads, not by a timed test (the figures are
``python -m bench.startup``'s): ``quanze cites`` ≤ 0.3 s (issue #23) holds while it imports no
pydantic (Typer's value conversion), no cn2an (numerals), no rdflib, and reads the grammar's
compiled patterns instead of compiling them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import extractors
import graph
from graph.app.pipeline import build_files

#: What a process of ``quanze`` reports after running: the heavy modules it loaded, how many
#: patterns of the grammar it compiled (None: the grammar was not loaded at all) and the commands
#: Typer built (each one's signature and annotations read: 1-2 ms a command).
_PROBE = """
import json, sys
import typer.main
from graph.app.cli import main
built = []
build = typer.main.get_command_from_info
def recorded(command_info, **options):
    command = build(command_info, **options)
    built.append(command.name)
    return command
typer.main.get_command_from_info = recorded
try:
    main()
finally:
    patterns = sys.modules.get("extractors.citing.patterns")
    heavy = ("pydantic", "cn2an", "rdflib", "pyshacl", "jieba", "rich.table", "pyoxigraph",
             "extractors.citing.cell", "openpyxl", "http.client", "rich.console")
    report = {
        "loaded": sorted(m for m in heavy if m in sys.modules),
        "compiled": patterns.compiled_here() if patterns else None,
        "built": built,
    }
    print(json.dumps(report), file=sys.stderr)
"""


def _quanze(*args: str, cache: Path) -> tuple[subprocess.CompletedProcess[str], dict]:
    """Run ``quanze ARGS`` in a fresh process, its grammar's pattern cache in ``cache``; return
    the process and what it loaded."""
    env = {**os.environ, "QUANZE_PATTERN_CACHE": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, env=env
    )
    return done, json.loads(done.stderr.splitlines()[-1])


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, sample_paths: list[Path]) -> Path:
    folder = tmp_path_factory.mktemp("startup") / "store"
    build_files(sample_paths, folder)
    return folder


def test_quanze_cites_loads_no_pydantic_cn2an_rdflib_or_http(store: Path, tmp_path: Path) -> None:
    # each cost quanze cites 10-180 ms: Typer's pydantic conversion of --store, cn2an for 八十七,
    # rdflib through graph.store.open, urllib.request (http.client) for the endpoint it does not ask
    done, probe = _quanze(
        "cites", "社会保险法第八十七条", "--store", str(store), cache=tmp_path / "p"
    )
    assert done.returncode == 0, done.stderr
    assert "3 citing item(s)" in done.stderr
    assert probe["loaded"] == ["extractors.citing.cell", "pyoxigraph"]


def test_quanze_cites_builds_its_command_alone_and_prints_without_rich(
    store: Path, tmp_path: Path
) -> None:
    # Typer built all 20 commands (30-40 ms at load 8) and rich's console was imported for the
    # stderr lines (40-60 ms), which it prints unchanged
    done, probe = _quanze(
        "cites", "社会保险法第八十七条", "--store", str(store), cache=tmp_path / "p"
    )
    assert done.returncode == 0, done.stderr
    assert probe["built"] == ["cites"]
    assert "rich.console" not in probe["loaded"]
    assert done.stderr.splitlines()[0] == "3 citing item(s), 3 citation(s)"


@pytest.mark.parametrize(
    ("args", "built"),
    [
        (("laws", "show", "--help"), ["registry", "import", "show"]),
        (("query", "counts", "--store", "{store}"), ["query"]),
        (("cite", "x"), None),  # misspelled: every command, for "did you mean"
    ],
    ids=["a-group", "query", "misspelled"],
)
def test_a_command_run_is_built_alone(
    args: tuple[str, ...], built: list[str] | None, store: Path, tmp_path: Path
) -> None:
    args = tuple(a.replace("{store}", str(store)) for a in args)
    done, probe = _quanze(*args, cache=tmp_path / "p")
    if built is None:
        assert done.returncode == 2
        assert "no such command 'cite' (did you mean 'cites'?)" in done.stderr
        assert len(probe["built"]) > 15
    else:
        assert done.returncode == 0, done.stderr
        assert probe["built"] == built


def test_a_second_quanze_cites_compiles_no_pattern(store: Path, tmp_path: Path) -> None:
    cache = tmp_path / "patterns.marshal"
    first, before = _quanze("cites", "社会保险法第八十七条", "--store", str(store), cache=cache)
    second, after = _quanze("cites", "社会保险法第八十七条", "--store", str(store), cache=cache)
    assert before["compiled"] > 50 and cache.is_file()
    assert after["compiled"] == 0
    assert second.stdout == first.stdout


@pytest.mark.parametrize(
    "args", [("--help",), ("cites", "--help"), ("query", "--help"), ("--version",)]
)
def test_help_loads_no_store_grammar_or_pydantic(args: tuple[str, ...], tmp_path: Path) -> None:
    done, probe = _quanze(*args, cache=tmp_path / "p")
    assert done.returncode == 0, done.stderr
    assert (probe["loaded"], probe["compiled"]) == ([], None)


def test_quanze_query_loads_no_grammar_or_pydantic(store: Path, tmp_path: Path) -> None:
    done, probe = _quanze("query", "counts", "--store", str(store), cache=tmp_path / "p")
    assert done.returncode == 0, done.stderr
    assert (probe["loaded"], probe["compiled"]) == (["pyoxigraph"], None)


def test_counting_a_bound_query_loads_no_rdflib(store: Path, tmp_path: Path) -> None:
    # its count from the tallies asked the derived graph's form, read from graph.build.derived,
    # whose record imports the ontology's namespaces and rdflib: 0.15-0.7 s at load 7, 2.8 s
    # with the page cache dropped, of a count that takes 13-30 ms
    target = "target=https://w3id.org/quanze/id/law/shehui-baoxian-fa/art_87"
    args = ("query", "who-cites", "--count", "--bind", target, "--store", str(store))
    done, probe = _quanze(*args, cache=tmp_path / "p")
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip()) > 0
    assert "rdflib" not in probe["loaded"]


def test_importing_the_cli_loads_no_heavy_libraries() -> None:
    probe = (
        "import sys, graph.app.cli; "
        "print(sorted(m for m in ('rdflib', 'pyshacl', 'cn2an', 'openpyxl', 'docx', "
        "'extractors.reading.read', 'extractors.citing.cite') if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert loaded.strip() == "[]"


def test_asking_the_store_loads_no_rdflib() -> None:
    # quanze cites and quanze query run through graph.store.query, which imported rdflib (45 ms
    # of every such call) to tell an rdflib term from a str
    probe = (
        "import sys, pyoxigraph as ox, graph.store.cites, graph.store.paging; "
        "from graph.store.query import run_query; "
        "run_query(ox.Store(), 'ASK { ?s ?p ?o }', {'o': 'x'}); "
        "print('rdflib' in sys.modules)"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert loaded.strip() == "False"


def test_an_rdflib_term_is_still_bound_as_its_rdf_term() -> None:
    import pyoxigraph as ox
    from rdflib import Literal, URIRef

    from graph.store.query import run_query

    store = ox.Store()
    store.add(
        ox.Quad(
            ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"), ox.Literal("x", language="zh")
        )
    )
    ask = "ASK { ?s <http://e/p> ?o }"
    assert run_query(store, ask, {"s": URIRef("http://e/a"), "o": Literal("x", lang="zh")}).boolean
    assert not run_query(store, ask, {"s": "http://e/a"}).boolean  # a str is a literal


@pytest.mark.parametrize(
    ("package", "names"), [(extractors, extractors.__all__), (graph, graph.__all__)]
)
def test_every_public_name_resolves(package: object, names: list[str]) -> None:
    assert names and all(callable(getattr(package, name)) for name in names)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'nope'"):
        _ = extractors.nope  # type: ignore[attr-defined]


def _rich_writes(text: str, markup: bool, terminal: bool) -> str:
    import io

    from rich.console import Console

    out = io.StringIO()
    console = Console(file=out, highlight=False, soft_wrap=True, force_terminal=terminal, width=20)
    console.print(text, markup=markup)
    return out.getvalue()


@given(
    text=st.text() | st.text(alphabet=" :-ab中\t[]/\\"),
    markup=st.booleans(),
    terminal=st.booleans(),
)
def test_a_message_written_plainly_is_what_rich_writes(
    text: str, markup: bool, terminal: bool
) -> None:
    from graph.app.messages import inert

    if inert(text):
        assert _rich_writes(text, markup, terminal) == text + "\n"


@pytest.mark.parametrize(
    "text",
    [
        "读取 [bold]x[/] 失败",
        "第 :smile: 条",
        "第:thumbs_up-text:条",
        "quanze: warning: 社会保险法: 第八十七条",
        "甲\t乙",
        "行\r首",
        "《社会保险法》第八十七条",
        "3 citing item(s), 3 citation(s)",
    ],
    ids=[
        "markup",
        "emoji-code",
        "emoji-code-variant",
        "colons-apart",
        "tab",
        "carriage-return",
        "plain-chinese",
        "plain-count",
    ],
)
def test_the_cli_messages_read_as_rich_printed_them(
    text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from graph.app.messages import Messages

    for markup in (True, False):
        Messages(highlight=False, soft_wrap=True).print(text, markup=markup)
        assert capsys.readouterr().err == _rich_writes(text, markup, terminal=False)


def test_once_rich_prints_every_message_goes_through_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # a live progress bar (quanze build) owns the console: a line written beside it would tear it
    from graph.app.messages import Messages

    err = Messages(highlight=False, soft_wrap=True)
    err.print("plain")
    assert err._console is None
    console = err.console
    err.print("plain again")
    assert err.console is console
    assert capsys.readouterr().err == "plain\nplain again\n"
