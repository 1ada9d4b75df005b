"""``quanze audit`` called in-process: a store without law texts is one line and exit 1."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.app.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def bare_store(tmp_path_factory: pytest.TempPathFactory, sample_paths: list[Path]) -> Path:
    """The samples built, no law texts imported."""
    where = tmp_path_factory.mktemp("bare") / "store"
    assert (
        runner.invoke(app, ["build", *map(str, sample_paths), "--store", str(where)]).exit_code == 0
    )
    return where


def test_a_store_without_law_texts_says_to_import_them(bare_store: Path) -> None:
    result = runner.invoke(app, ["audit", "--store", str(bare_store)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.strip() == (
        "quanze: error: the store holds no law texts: run `quanze laws import DIR --store DIR` "
        "first"
    )


def test_no_store_and_a_bad_format(tmp_path: Path, bare_store: Path) -> None:
    missing = runner.invoke(app, ["audit", "--store", str(tmp_path / "none")])
    assert missing.exit_code == 1 and "no quanze store here" in missing.stderr
    assert len(missing.stderr.strip().splitlines()) == 1
    bad = runner.invoke(app, ["audit", "--store", str(bare_store), "--format", "xml"])
    assert bad.exit_code == 2
