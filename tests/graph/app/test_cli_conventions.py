"""The command line's conventions (docs/cli.md): one-line usage errors with exit 2 and a "did you
mean", ``-`` for stdin and stdout, ``--version``, JSON Lines, tables that fit the terminal, one
way to show a missing value, help without Python types. In-process, plus real processes where a
pipe, stdin or an exit code is the point."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from graph.app.cli import app

#: run in process, commands must leave no query result for another thread to free (conftest.py)
pytestmark = pytest.mark.usefixtures("no_query_result_left_in_a_cycle")
runner = CliRunner()
QUANZE = str(Path(sys.executable).with_name("quanze"))


def invoke(*args: str | Path, **kwargs: Any) -> Any:
    return runner.invoke(app, [str(a) for a in args], **kwargs)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, sample_paths: list[Path]) -> Path:
    where = tmp_path_factory.mktemp("conventions") / "store"
    result = invoke("build", *sample_paths, "--store", where)
    assert result.exit_code == 0, result.output
    return where


USAGE_ERRORS = [
    pytest.param(["cite", "社会保险法"], "did you mean 'cites'", id="misspelled-command"),
    pytest.param(["cites", "社会保险法", "--stor", "x"], "did you mean '--store'", id="option"),
    pytest.param(["cites", "社会保险法"], "give either --store or --endpoint", id="no-store"),
    pytest.param(
        ["query", "most-cited-article", "-s", "x"],
        "did you mean 'most-cited-articles'",
        id="query-name",
    ),
    pytest.param(
        ["query", "who-cites-article", "--bind", "law社会保险法", "-s", "x"],
        "write it as NAME=VALUE",
        id="bind-without-equals",
    ),
    pytest.param(
        ["query", "who-cites-article", "--bind", "lw=社会保险法", "-s", "x"],
        "has no variable ?lw (did you mean 'law'?)",
        id="bind-unknown-variable",
    ),
    pytest.param(
        ["query", "ASK {}", "-s", "x", "--format", "jsn"],
        "did you mean 'json'",
        id="output-format",
    ),
    pytest.param(
        ["parse", "x.md", "--input-format", "xslx"], "did you mean 'xlsx'", id="input-format"
    ),
    pytest.param(
        ["parse", "x.md", "--format", "xlsx"],
        "did you mean '--input-format'",
        id="format-names-the-output",
    ),
    pytest.param(["export", "-s", "x", "-f", "nqq"], "did you mean 'nq'", id="export-format"),
    pytest.param(
        ["build", "x.md", "-s", "x", "-i", "markdwn"], "did you mean 'markdown'", id="build-input"
    ),
    pytest.param(["check", "-s", "x", "-f", "csv"], "not one of table, json", id="check-format"),
    pytest.param(["parse"], "Missing argument", id="missing-argument"),
    pytest.param(["parse", "-", "-"], "stdin (-) can be read once only", id="stdin-twice"),
]


@pytest.mark.parametrize(("args", "says"), USAGE_ERRORS)
def test_a_usage_error_is_one_line_and_exit_2(args: list[str], says: str) -> None:
    # before: a misspelled query name, --bind law社会保险法 and parse --format foo exited 1, and
    # click's own errors printed a framed box of several lines
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("quanze: error: ") and says in line, line
    assert "╭" not in line and "Traceback" not in result.output


def _documented_errors() -> list[Any]:
    """The ``$ quanze …`` lines of docs/cli.md followed by the error line they print."""
    import shlex

    doc = Path(__file__).parents[3] / "docs" / "cli.md"
    lines = doc.read_text(encoding="utf-8").splitlines()
    return [
        pytest.param(shlex.split(line[2:])[1:], said, id=line[9:30])
        for line, said in itertools.pairwise(lines)
        if line.startswith("$ quanze ") and said.startswith("quanze: error:")
    ]


@pytest.mark.parametrize(("args", "says"), _documented_errors())
def test_docs_show_the_usage_errors_as_printed(args: list[str], says: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2 and result.stderr.splitlines() == [says]


def test_a_usage_error_in_a_real_process_is_one_line_and_exit_2() -> None:
    result = subprocess.run(
        [QUANZE, "query", "most-cited-laws", "--bind", "law社会保险法", "-s", "none"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and "NAME=VALUE" in result.stderr


def test_version() -> None:
    from importlib.metadata import version

    result = invoke("--version")
    assert result.exit_code == 0 and result.stdout == f"quanze {version('quanze')}\n"


def test_shell_completion_completes_commands() -> None:
    """Typer's completion (``quanze --install-completion``): the shell asks, quanze answers."""
    env = {**os.environ, "_QUANZE_COMPLETE": "complete_bash", "COMP_WORDS": "quanze ci"}
    env["COMP_CWORD"] = "1"
    result = subprocess.run([QUANZE], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0 and result.stdout.split() == ["cites"]
    assert "--install-completion" in invoke("--help").stdout


def _commands() -> list[list[str]]:
    import typer.main

    group: Any = typer.main.get_command(app)
    out = []
    for name, command in group.commands.items():
        subs = getattr(command, "commands", None)
        out += [[name, sub] for sub in subs] if subs else [[name]]
    return out


@pytest.mark.parametrize("command", _commands(), ids=" ".join)
def test_help_names_values_as_words_not_python_types(command: list[str]) -> None:
    # before: `quanze parse --help` showed <list[Path]>, <str>, <bool>
    result = invoke(*command, "--help")
    assert result.exit_code == 0
    for label in ("<list", "<str>", "<path>", "<bool>", "<int", "<float"):
        assert label not in result.stdout, (label, result.stdout)


def test_parse_and_extract_read_stdin(sample_paths: list[Path]) -> None:
    data = sample_paths[0].read_bytes()
    from_file = invoke("parse", sample_paths[0]).stdout.splitlines()
    from_stdin = invoke("parse", "-", input=data)
    assert from_stdin.exit_code == 0, from_stdin.output
    items = [json.loads(line) for line in from_stdin.stdout.splitlines()]
    assert [i["source"] for i in items] == ["stdin"] * len(from_file)
    assert [dict(i, source=None) for i in items] == [
        dict(json.loads(line), source=None) for line in from_file
    ]
    cited = invoke("extract", "-", input=data)
    assert cited.exit_code == 0
    assert len(cited.stdout.splitlines()) == len(
        invoke("extract", sample_paths[0]).stdout.splitlines()
    )


def test_empty_stdin_is_one_line_naming_stdin() -> None:
    result = invoke("parse", "-", input=b"")
    assert result.exit_code == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith("quanze: error: stdin: empty file"), line


def test_parse_reads_a_real_pipe(sample_paths: list[Path]) -> None:
    with sample_paths[1].open("rb") as listing:
        result = subprocess.run(
            [QUANZE, "parse", "-"], stdin=listing, capture_output=True, timeout=120
        )
    assert result.returncode == 0 and len(result.stdout.splitlines()) == 17


def test_query_reads_stdin(store: Path) -> None:
    result = invoke("query", "-", "--store", store, input="ASK { ?s ?p ?o }")
    assert result.exit_code == 0 and result.stdout == "true\n"


def test_cites_and_query_write_json_lines(store: Path) -> None:
    rows = json.loads(invoke("cites", "社会保险法第八十七条", "-s", store, "-f", "json").stdout)
    lines = invoke("cites", "社会保险法第八十七条", "-s", store, "-f", "jsonl").stdout
    assert [json.loads(line) for line in lines.splitlines()] == rows
    answer = invoke("query", "counts", "-s", store, "-f", "jsonl")
    assert answer.exit_code == 0
    (counts,) = [json.loads(line) for line in answer.stdout.splitlines()]
    assert all(isinstance(v, int) for v in counts.values()), counts  # numbers stay numbers
    unbound = "SELECT ?a ?b WHERE { BIND(1 AS ?a) }"
    assert json.loads(invoke("query", unbound, "-s", store, "-f", "jsonl").stdout) == {
        "a": 1,
        "b": None,
    }


def _width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def in_terminal(columns: int, *args: str | Path) -> str:
    """What quanze writes to a real terminal (a pseudo-terminal) ``columns`` wide."""
    import fcntl
    import pty
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    process = subprocess.Popen(
        [QUANZE, *map(str, args)], stdout=follower, stderr=subprocess.DEVNULL, env=env
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the process closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert process.wait(timeout=120) == 0
    return b"".join(chunks).decode().replace("\r\n", "\n")


def test_a_table_fits_the_terminal_and_wide_shows_it_all(store: Path) -> None:
    # before: cells were cut at 48 columns whatever the terminal, so a table ran over its width
    ref = "社会保险法第八十七条"
    narrow = in_terminal(100, "cites", ref, "-s", store)
    assert max(_width(line) for line in narrow.splitlines()) <= 100
    name = "对以违反医药价格管理政策等为手段,骗取医保基金支出行为的处罚"
    assert name not in narrow
    wide = in_terminal(100, "cites", ref, "-s", store, "--wide")
    assert name in wide and max(_width(line) for line in wide.splitlines()) > 100
    # twelve columns cannot all fit in 80: the last ones are left out, and a line says which
    trimmed = in_terminal(80, "cites", ref, "-s", store)
    assert max(_width(line) for line in trimmed.splitlines()) <= 80
    assert "(left out to fit the terminal: item, text, clauses; --wide shows them)" in trimmed
    fitted = in_terminal(60, "query", "SELECT ?s ?o WHERE { ?s ?p ?o } LIMIT 40", "-s", store)
    assert max(_width(line) for line in fitted.splitlines()) <= 60
    # piped, the table is not fitted (cells cut at 48 only), whatever $COLUMNS says
    piped = invoke("cites", ref, "-s", store, env={"COLUMNS": "80"}).stdout
    assert "left out" not in piped and max(_width(line) for line in piped.splitlines()) > 80


def test_a_missing_value_is_a_dash_in_tables_empty_in_csv_null_in_json(store: Path) -> None:
    ref = "社会保险法第八十七条"
    table = invoke("cites", ref, "-s", store, "--wide").stdout.splitlines()
    header, row = table[1].split(), table[3].split()
    assert row[header.index("paragraph")] == "–"
    csv_row = invoke("cites", ref, "-s", store, "-f", "csv").stdout.splitlines()[1]
    assert ",,," in csv_row and "–" not in csv_row
    (first, *_) = json.loads(invoke("cites", ref, "-s", store, "-f", "json").stdout)
    assert first["paragraph"] is None
    query = "SELECT ?a ?b WHERE { BIND(1 AS ?a) }"
    assert invoke("query", query, "-s", store).stdout.splitlines()[2].split() == ["1", "–"]
    assert invoke("query", query, "-s", store, "-f", "csv").stdout.splitlines() == ["a,b", "1,"]


def test_annotate_out_dash_writes_stdout(
    sample_paths: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("annotate", sample_paths[0], "--out", "-")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<!DOCTYPE html>") and "社会保险法" in result.stdout
    assert not (tmp_path / "-").exists()


def test_a_reader_that_stops_early_ends_the_command_quietly(store: Path) -> None:
    # before: `quanze export … | head` said "the store failed: [Errno 32] Broken pipe", exit 1
    process = subprocess.Popen(
        [QUANZE, "export", "--store", str(store)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline()  # the first line, as `head -1` reads it
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=120) == 0, stderr
    assert stderr == ""
