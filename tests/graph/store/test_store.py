"""The on-disk store: created where asked, refused where it is missing, locked or not a store."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.build.build import build_graph
from graph.errors import StoreCorruptError, StoreError, StoreLockedError, StoreMissingError
from graph.store.open import graph_names, is_store, open_store, to_rdflib
from tests.graph.handmade import citations_a, list_a


def test_create_reopen_and_read(tmp_path: Path) -> None:
    where = tmp_path / "store"
    store = open_store(where)
    build_graph([list_a()], store, citations=citations_a())
    store.flush()
    size = len(store)
    del store
    assert is_store(where)
    again = open_store(where, read_only=True)
    assert len(again) == size
    assert "https://w3id.org/quanze/id/graph/list/000_a" in graph_names(again)


def test_missing_store_for_queries(tmp_path: Path) -> None:
    with pytest.raises(StoreMissingError, match="quanze build"):
        open_store(tmp_path / "nowhere", read_only=True)
    with pytest.raises(StoreMissingError):
        open_store(tmp_path / "nowhere", create=False)


def test_a_directory_that_is_not_a_store_is_never_written_into(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(StoreCorruptError, match="not a store"):
        open_store(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_corrupt_store(tmp_path: Path) -> None:
    where = tmp_path / "store"
    open_store(where).flush()
    (where / "CURRENT").write_text("garbage\n", encoding="utf-8")
    with pytest.raises(StoreCorruptError, match="damaged"):
        open_store(where)


def test_store_locked_by_another_process(tmp_path: Path) -> None:
    where = tmp_path / "store"
    open_store(where).flush()
    holder = _hold_open(where)
    try:
        with pytest.raises(StoreLockedError, match="another process"):
            open_store(where)
        assert len(open_store(where, read_only=True)) == 0  # queries still work
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


def test_unknown_graph(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no graph"):
        to_rdflib(ox.Store(), "https://w3id.org/quanze/id/graph/list/nope")


def _hold_open(where: Path) -> subprocess.Popen[str]:
    """A second process that opens the store for writing and keeps it until its stdin closes."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, pyoxigraph as ox; s = ox.Store(sys.argv[1]); print('ready', flush=True);"
            " sys.stdin.read()",
            str(where),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
    return holder


def test_cli_on_a_locked_store(tmp_path: Path, sample_paths: list[Path]) -> None:
    from typer.testing import CliRunner

    from graph.app.cli import app

    runner = CliRunner()
    where = tmp_path / "store"
    assert runner.invoke(app, ["build", str(sample_paths[0]), "-s", str(where)]).exit_code == 0
    holder = _hold_open(where)
    try:
        build = runner.invoke(app, ["build", str(sample_paths[0]), "-s", str(where)])
        assert build.exit_code == 1
        assert "open for writing in another process" in build.stderr
        assert "Traceback" not in build.output
        query = runner.invoke(app, ["query", "counts", "-s", str(where), "-f", "csv"])
        assert query.exit_code == 0 and query.stdout.splitlines()[1].startswith("1,5,")
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


@pytest.mark.parametrize("damage", ["current", "manifest", "truncated-sst"])
def test_cli_on_a_damaged_store(tmp_path: Path, damage: str) -> None:
    from typer.testing import CliRunner

    from graph.app.cli import app

    where = tmp_path / "store"
    store = open_store(where)
    build_graph([list_a()], store, citations=citations_a())
    store.flush()
    del store
    if damage == "current":
        (where / "CURRENT").write_text("garbage\n", encoding="utf-8")
    elif damage == "manifest":
        for manifest in where.glob("MANIFEST-*"):
            manifest.write_bytes(b"\0" * 64)
    else:
        for table in where.glob("*.sst"):
            table.write_bytes(table.read_bytes()[:100])
    runner = CliRunner()
    result = runner.invoke(app, ["query", "counts", "-s", str(where)])
    assert result.exit_code == 1, result.output
    assert str(where) in result.stderr and "damaged" in result.stderr
    assert "Traceback" not in result.output
