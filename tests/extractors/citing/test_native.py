"""The compiled extractor (extractors/citing/native.py): it gives exactly the citations its source
gives, the source's doctests still run, and the source runs when asked to or when the build is
stale."""

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

from extractors.citing.native import (
    PURE_ENV,
    compiled_modules,
    compiled_sources,
    digest,
    stale,
    write_manifest,
)

REPO = Path(__file__).resolve().parents[3]
needs_build = pytest.mark.skipif(
    not compiled_sources(), reason="this process runs no compiled build (extractors.citing.native)"
)

# Every cell of the embedded samples, and a generated corpus of basis text (bench.citations).
_EXTRACT = """
import json, sys
from importlib.resources import files
from bench.citations import Corpus
from extractors import get_citations, read_list
from extractors.models import TEXT_FIELDS
from extractors.citing.native import build_name
cells = Corpus(11).cells(float(sys.argv[1]))
for sample in sorted(files("extractors").joinpath("samples").iterdir(), key=str):
    if sample.name.endswith(".txt"):
        for item in read_list(str(sample)).items:
            cells += [item.get(key) or "" for key in TEXT_FIELDS]
out = [[c.to_json() for c in get_citations(cell)] for cell in cells]
print(json.dumps({"build": build_name(), "cells": len(cells), "out": out}, ensure_ascii=False))
"""


#: Prints the file the citation extractor was loaded from.
_WHERE = "import extractors.citing.cite as c; print(c.__file__)"


def _run(argv: list[str], *, pure: bool, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != PURE_ENV}
    if pure:
        env[PURE_ENV] = "1"
    return subprocess.run(
        argv, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=600
    )


def _python(
    code: str, *args: str, pure: bool, cwd: Path = REPO
) -> subprocess.CompletedProcess[str]:
    return _run([sys.executable, "-c", code, *args], pure=pure, cwd=cwd)


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
    pytest_argv = ["-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", *sources]
    run = _run([sys.executable, *pytest_argv], pure=True)
    assert run.returncode == 0, run.stdout[-3000:]
    passed = re.search(r"(\d+) passed", run.stdout)
    assert passed is not None and int(passed.group(1)) >= 30, run.stdout[-500:]


def test_pure_env_runs_the_source() -> None:
    run = _python(_WHERE, pure=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().endswith("cite.py")


@needs_build
def test_without_the_env_the_build_runs() -> None:
    run = _python(_WHERE, pure=False)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


@needs_build
def test_a_stale_build_is_not_run(tmp_path: Path) -> None:
    """A copy of the package whose source changed after the build runs the source, and says so."""
    shutil.copytree(REPO / "extractors", tmp_path / "extractors")
    for runtime in REPO.glob("quanze_native__mypyc*"):
        shutil.copy2(runtime, tmp_path)
    as_built = _python(_WHERE, pure=False, cwd=tmp_path)
    assert as_built.stdout.strip().endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))
    assert "RuntimeWarning" not in as_built.stderr
    chains = tmp_path / "extractors" / "citing" / "grammar" / "chains.py"
    chains.write_text(chains.read_text() + "\n# edited after the build\n")
    edited = _python(_WHERE, pure=False, cwd=tmp_path)
    assert edited.returncode == 0, edited.stderr
    assert edited.stdout.strip() == str(tmp_path / "extractors" / "citing" / "cite.py")
    assert "compiled modules built from another source (grammar.chains)" in edited.stderr


def test_staleness_is_read_from_the_build_manifest(tmp_path: Path) -> None:
    suffix = importlib.machinery.EXTENSION_SUFFIXES[0]
    source = tmp_path / "mod.py"
    source.write_text("x = 1\n")
    (tmp_path / f"mod{suffix}").write_bytes(b"")
    (tmp_path / f"orphan{suffix}").write_bytes(b"")  # no source beside it: not ours to judge
    package = tmp_path / "sub"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "part.py").write_text("y = 1\n")
    (package / f"part{suffix}").write_bytes(b"")
    (tmp_path / "data").mkdir()  # not a package: what lies in it is no module of ours
    (tmp_path / "data" / "loose.py").write_text("")
    (tmp_path / "data" / f"loose{suffix}").write_bytes(b"")
    modules = compiled_modules(tmp_path)
    assert list(modules) == ["mod", "sub.part"]
    assert modules["sub.part"] == (package / f"part{suffix}", package / "part.py")
    assert stale(modules, tmp_path) == ["mod", "sub.part"]  # no manifest: nothing matches
    write_manifest(tmp_path, {"mod": digest(source), "sub.part": digest(package / "part.py")})
    assert stale(modules, tmp_path) == []
    os.utime(source, (4_000_000_000, 4_000_000_000))  # a newer file with the same text
    assert stale(modules, tmp_path) == []
    source.write_text("x = 2\n")
    assert stale(modules, tmp_path) == ["mod"]
