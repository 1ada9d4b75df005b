"""A store of the sample lists with the analysis graph ``quanze analyze`` writes, for the tests that
ask every bundled query (``equivalent-powers`` answers nothing without it)."""

from __future__ import annotations

import gc
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

import graph.store.pages as pages
from extractors.reading.read import read_list
from graph.app.cli import app
from graph.build.build import build_graph


@pytest.fixture(scope="module")
def samples(sample_paths: list[Path]) -> ox.Store:
    """The two sample lists built into a store in memory (one per test module)."""
    store = ox.Store()
    build_graph([read_list(p) for p in sample_paths], store)
    return store


@pytest.fixture(scope="session")
def analyzed_dir(tmp_path_factory: pytest.TempPathFactory, sample_paths: list[Path]) -> Path:
    where = tmp_path_factory.mktemp("analyzed") / "store"
    for args in (
        ["build", *map(str, sample_paths), "--store", str(where)],
        ["analyze", "--store", str(where)],
    ):
        done = CliRunner().invoke(app, args)
        assert done.exit_code == 0, done.output
    # the commands' writable store lives on in the cycle of the exit's traceback (CliRunner keeps
    # it) until a collection: opened read-only before that, its files may be compacted away
    del done
    gc.collect()
    return where


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, int]]:
    """How many values each query ``graph.store.pages`` asks binds to each variable, in order."""
    seen: list[dict[str, int]] = []
    real = pages.run_query

    def counting(store: ox.Store, name: str, bindings: dict[str, object] | None = None, **kw):  # type: ignore[no-untyped-def]
        if bindings:
            seen.append({k: len(v) if isinstance(v, tuple) else 1 for k, v in bindings.items()})
        return real(store, name, bindings, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(pages, "run_query", counting)
    return seen
