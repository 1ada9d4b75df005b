"""The examples of the README and of docs/*.md run: every ``$ quanze …`` line of their console
blocks, in order and exiting 0, and every ``>>>`` example."""

from __future__ import annotations

import doctest
import gc
import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.app.cli import app
from tests.shared import shared_path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").glob("*.md"))


def console_commands(page: Path) -> list[list[str]]:
    """The quanze commands of a page's console blocks, in order, as argument lists."""
    blocks = re.findall(r"```console\n(.*?)```", page.read_text(encoding="utf-8"), re.S)
    lines = [line for block in blocks for line in block.splitlines()]
    return [shlex.split(line[2:])[1:] for line in lines if line.startswith("$ quanze ")]


def readme_commands() -> list[list[str]]:
    """The quanze commands of the README's console blocks, in order."""
    return console_commands(README)


def run_commands(commands: list[list[str]], where: Path, samples_dir: Path) -> None:
    """Run ``commands`` in ``where``, with the sample lists under extractors/samples and, when a
    command reads ``../shared`` (the law texts), the shared folder beside ``where`` as it is beside
    the repository: each exits 0, and writes its --out file or prints something (build and laws
    import report on stderr only)."""
    (where / "extractors").mkdir()
    (where / "extractors" / "samples").symlink_to(samples_dir)
    if any(arg.startswith("../shared/") for args in commands for arg in args):
        (where.parent / "shared").symlink_to(shared_path())
    runner = CliRunner()
    for args in commands:
        result = runner.invoke(app, args)
        if args[0] in ("build", "analyze") or "--allow-update" in args:
            # A command's frame can outlive it in a reference cycle (through an exception caught
            # while it first imported a module: seen after `analyze`), and with it the store it
            # opened for writing, which RocksDB keeps locked, and compacting, until the cycle is
            # collected; the next command would find the store locked or changing under it. A
            # process that runs one command never meets this.
            gc.collect()
        assert result.exit_code == 0, (args, result.output, result.exception)
        if "--out" in args:
            assert (where / args[args.index("--out") + 1]).stat().st_size > 0, args
        elif args[0] != "build" and args[:2] != ["laws", "import"]:
            assert result.stdout.strip(), args


def test_readme_has_commands() -> None:
    assert len(readme_commands()) >= 8


def test_readme_commands_run(
    tmp_path: Path, samples_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    where = tmp_path / "repo"
    where.mkdir()
    monkeypatch.chdir(where)
    run_commands(readme_commands(), where, samples_dir)
    page = (where / "article87.html").read_text(encoding="utf-8")
    assert "4268" in page and "达孜区医保局" in page


def test_docs_exist() -> None:
    names = {page.name for page in DOCS}
    assert {"README.md", "citations.md", "formats.md", "architecture.md"} <= names
    assert {"operations.md", "performance.md"} <= names


@pytest.mark.parametrize("page", DOCS, ids=lambda page: f"docs/{page.name}")
def test_docs_commands_run(
    page: Path, tmp_path: Path, samples_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    where = tmp_path / "repo"
    where.mkdir()
    monkeypatch.chdir(where)
    run_commands(console_commands(page), where, samples_dir)


@pytest.mark.parametrize("page", [README, *DOCS], ids=lambda page: str(page.relative_to(ROOT)))
def test_examples_run(page: Path) -> None:
    failed, _ = doctest.testfile(
        str(page), module_relative=False, encoding="utf-8", optionflags=doctest.ELLIPSIS
    )
    assert failed == 0, f"{page.name}: {failed} example(s) failed (doctest output above)"
