"""The compiled build of the citation extractor, and when its source runs instead.

Installing the package (``make`` does) compiles the modules the extractor spends its time in
(``setup.py`` lists them) with mypyc, into extension modules next to their source; Python imports
an extension before a source file of the same name. The modules stay plain typed Python, and
their source is what runs when

- ``QUANZE_PURE=1`` is set (to compare the two builds, or to step through the source), or
- a compiled module's source is not the one it was built from (edited since the build, as
  recorded in ``compiled.json`` by ``setup.py``): stale code is not run; a warning asks for a
  rebuild (``make``, or ``pip install -e .``).

The set is loaded from source as a whole: compiled modules call each other natively, so one
module loaded from source next to compiled ones would still run their old code.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

_HERE = Path(__file__).parent
_PACKAGE = __name__.rpartition(".")[0]
#: Set to 1 to run the extractor from source although a compiled build is installed.
PURE_ENV = "QUANZE_PURE"
#: Written by the build beside the extensions: the digest of each source compiled.
MANIFEST = "compiled.json"


def digest(source: Path) -> str:
    """The SHA-256 of a source file, as the build records it."""
    return hashlib.sha256(source.read_bytes()).hexdigest()


def write_manifest(directory: Path, sources: dict[str, str]) -> None:
    """Record, beside the extensions built into ``directory``, the digest of each compiled
    module's source (``sources``: name → digest, taken when the build read them)."""
    (directory / MANIFEST).write_text(json.dumps(sources, indent=1, sort_keys=True) + "\n")


def compiled_modules(directory: Path = _HERE) -> dict[str, tuple[Path, Path]]:
    """Each module of ``directory`` and its sub-packages built as an extension: name (dotted
    below ``directory``: ``grammar.chains``) → (extension, source).

    >>> compiled_modules(Path("/nonexistent"))
    {}
    """
    out: dict[str, tuple[Path, Path]] = {}
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        for extension in sorted(directory.rglob(f"*{suffix}")):
            *packages, stem = extension.relative_to(directory).parts
            stem = stem[: -len(suffix)]
            name = ".".join((*packages, stem))
            source = extension.with_name(f"{stem}.py")
            in_packages = all(
                (extension.parents[i] / "__init__.py").is_file() for i in range(len(packages))
            )
            named = all(p.isidentifier() for p in (*packages, stem))
            if named and in_packages and source.is_file() and name not in out:
                out[name] = (extension, source)
    return out


def stale(modules: dict[str, tuple[Path, Path]], directory: Path = _HERE) -> list[str]:
    """The modules whose source is not the one their extension was built from (all of them when
    the build left no manifest)."""
    try:
        built = json.loads((directory / MANIFEST).read_text())
    except (OSError, ValueError):
        built = {}
    return sorted(
        name for name, (_, source) in modules.items() if built.get(name) != digest(source)
    )


class _SourceFinder(importlib.abc.MetaPathFinder):
    """Finds the listed modules as their source files, ahead of the extensions beside them."""

    def __init__(self, sources: dict[str, Path]) -> None:
        self.sources = sources

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        source = self.sources.get(fullname)
        return None if source is None else importlib.util.spec_from_file_location(fullname, source)


_finder: _SourceFinder | None = None


def use_source_when_needed() -> None:
    """Load the compiled modules from source when asked to or when their build is stale (see
    the module docstring). Called by the package on import, before any of them is loaded."""
    global _finder
    modules = compiled_modules()
    if not modules or _finder is not None:
        return
    old = stale(modules)
    if os.environ.get(PURE_ENV) != "1" and not old:
        return
    if old:
        warnings.warn(
            f"quanze: compiled modules built from another source ({', '.join(old)}); running "
            "the source (rebuild with `make` or `pip install -e .`)",
            RuntimeWarning,
            stacklevel=2,
        )
    _finder = _SourceFinder({f"{_PACKAGE}.{n}": src for n, (_, src) in modules.items()})
    sys.meta_path.insert(0, _finder)


def compiled_sources() -> list[Path]:
    """The source files of the modules that this process runs compiled (none when it runs the
    source: no build, ``QUANZE_PURE=1``, or a stale build)."""
    if _finder is not None:
        return []
    return sorted(source for _, source in compiled_modules().values())


def build_name() -> str:
    """How this process runs the extractor, for benchmark and report headers."""
    sources = compiled_sources()
    if sources:
        return f"compiled with mypyc ({len(sources)} modules)"
    if compiled_modules():
        return "pure Python (compiled build present but not used)"
    return "pure Python (no compiled build)"
