"""The compiled extractor (extractors/native.py): it gives exactly the citations its source gives,
the source's doctests still run, and the source runs when asked to or when the build is stale."""

from __future__ import annotations

import importlib.machinery
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extractors.native import PURE_ENV, compiled_modules, compiled_sources, stale

REPO = Path(__file__).resolve().parents[2]
needs_build = pytest.mark.skipif(
    not compiled_sources(), reason="this process runs no compiled build (extractors/native.py)"
)

# Every cell of the embedded samples, and a generated corpus of basis text (bench.citations).
_EXTRACT = """
import json, sys
from importlib.resources import files
from bench.citations import Corpus
from extractors import get_citations, read_list
from extractors.models import TEXT_FIELDS
from extractors.native import build_name
cells = Corpus(11).cells(float(sys.argv[1]))
for sample in sorted(files("extractors").joinpath("samples").iterdir(), key=str):
    if sample.name.endswith(".txt"):
        for item in read_list(str(sample)).items:
            cells += [item.get(key) or "" for key in TEXT_FIELDS]
out = [[c.to_json() for c in get_citations(cell)] for cell in cells]
print(json.dumps({"build": build_name(), "cells": len(cells), "out": out}, ensure_ascii=False))
"""


def _python(code: str, *args: str, pure: bool) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != PURE_ENV}
    if pure:
        env[PURE_ENV] = "1"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


@needs_build
def test_compiled_and_source_give_the_same_citations() -> None:
    runs = [_python(_EXTRACT, "5", pure=pure) for pure in (False, True)]
    assert all(r.returncode == 0 for r in runs), [r.stderr[-2000:] for r in runs]
    compiled, source = (json.loads(r.stdout) for r in runs)
    assert compiled["build"].startswith("compiled with mypyc")
    assert source["build"].startswith("pure Python")
    assert compiled["cells"] == source["cells"] > 9000
    assert sum(map(len, compiled["out"])) > 12000
    differ = [
        i for i, (a, b) in enumerate(zip(compiled["out"], source["out"], strict=True)) if a != b
    ]
    assert not differ, f"{len(differ)} cells differ, first {differ[:5]}"


@needs_build
def test_the_doctests_of_compiled_modules_run_from_source() -> None:
    """A compiled module keeps no docstrings; conftest.py leaves it out of doctest collection,
    and its examples run here, on the source."""
    sources = [str(p.relative_to(REPO)) for p in compiled_sources()]
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:xdist",
            *sources,
        ],
        cwd=REPO,
        env={**os.environ, PURE_ENV: "1"},
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout[-3000:]
    passed = re.search(r"(\d+) passed", run.stdout)
    assert passed is not None and int(passed.group(1)) >= 30, run.stdout[-500:]


def test_pure_env_runs_the_source() -> None:
    run = _python("import extractors.citations as c; print(c.__file__)", pure=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().endswith("citations.py")


@needs_build
def test_without_the_env_the_build_runs() -> None:
    run = _python("import extractors.citations as c; print(c.__file__)", pure=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


@needs_build
def test_a_stale_build_is_not_run(tmp_path: Path) -> None:
    """A copy of the package whose source changed after the build runs the source, and says so."""
    shutil.copytree(REPO / "extractors", tmp_path / "extractors")
    for runtime in REPO.glob("quanze_native__mypyc*"):
        shutil.copy2(runtime, tmp_path)
    find = tmp_path / "extractors" / "find.py"
    extension = compiled_modules(tmp_path / "extractors")["find"][0]
    os.utime(find, (extension.stat().st_mtime + 10, extension.stat().st_mtime + 10))
    run = subprocess.run(
        [sys.executable, "-c", "import extractors.citations as c; print(c.__file__)"],
        cwd=tmp_path,
        env={k: v for k, v in os.environ.items() if k != PURE_ENV},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == str(tmp_path / "extractors" / "citations.py")
    assert "compiled modules older than their source (find)" in run.stderr


def test_staleness_is_read_from_modification_times(tmp_path: Path) -> None:
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    (tmp_path / "mod.py").write_text("x = 1\n")
    (tmp_path / f"mod{suffix}").write_bytes(b"")
    (tmp_path / f"orphan{suffix}").write_bytes(b"")  # no source beside it: not ours to judge
    modules = compiled_modules(tmp_path)
    assert list(modules) == ["mod"]
    os.utime(tmp_path / "mod.py", (1_000, 1_000))
    os.utime(tmp_path / f"mod{suffix}", (2_000, 2_000))
    assert stale(modules) == []
    os.utime(tmp_path / "mod.py", (3_000, 3_000))
    assert stale(modules) == ["mod"]
