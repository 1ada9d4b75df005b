"""Every ``$ quanze …`` line in the README runs, in order, and exits 0."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.app.cli import app

README = Path(__file__).resolve().parent.parent / "README.md"


def readme_commands() -> list[list[str]]:
    """The quanze commands of the README's console blocks, in order."""
    blocks = re.findall(r"```console\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    lines = [line for block in blocks for line in block.splitlines()]
    return [shlex.split(line[2:])[1:] for line in lines if line.startswith("$ quanze ")]


def test_readme_has_commands() -> None:
    assert len(readme_commands()) >= 8


def test_readme_commands_run(
    tmp_path: Path, samples_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "extractors").mkdir()
    (tmp_path / "extractors" / "samples").symlink_to(samples_dir)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    for args in readme_commands():
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (args, result.output, result.exception)
        if "--out" in args:
            assert (tmp_path / args[args.index("--out") + 1]).stat().st_size > 0, args
        elif args[0] != "build":
            assert result.stdout.strip(), args
    page = (tmp_path / "article87.html").read_text(encoding="utf-8")
    assert "4268" in page and "达孜区医保局" in page
