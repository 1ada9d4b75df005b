"""The CLI starts without loading what only some commands need; the packages' public names
still resolve (loaded on first use)."""

from __future__ import annotations

import subprocess
import sys

import pytest

import extractors
import graph


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


@pytest.mark.parametrize(
    ("package", "names"), [(extractors, extractors.__all__), (graph, graph.__all__)]
)
def test_every_public_name_resolves(package: object, names: list[str]) -> None:
    assert names and all(callable(getattr(package, name)) for name in names)


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'nope'"):
        _ = extractors.nope  # type: ignore[attr-defined]
