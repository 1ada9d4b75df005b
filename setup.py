"""Build step: compile the citation extractor's hot modules with mypyc (extractors/citing/native).

Everything else about the package is in pyproject.toml. ``QUANZE_PURE=1`` at install time skips
compiling; without mypy or a working C compiler the install keeps the pure Python modules and
says so, so installing never fails for want of a compiler.
"""

from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.errors import CCompilerError, CompileError, ExecError, LinkError, PlatformError

#: The modules extraction spends its time in (profiled with bench.citations), all plain typed
#: Python that mypy checks, named below extractors/citing (the first one at its root); models.py
#: stays interpreted, as its dataclasses are slower compiled.
COMPILED = (
    "cell",
    "cite",
    "lawdb",
    "numerals",
    "records",
    "resolve",
    "words",
    "grammar.anchors",
    "grammar.chains",
    "grammar.context",
    "grammar.docnums",
    "grammar.notes",
    "grammar.titles",
    "grammar.unmarked",
)
_FAILURES = (CCompilerError, CompileError, ExecError, LinkError, PlatformError, OSError)
# digest and write_manifest, shared with the runtime check (run from its file: the package's
# dependencies are not installed in the build environment)
_PACKAGE = Path("extractors") / "citing"
_NATIVE = runpy.run_path(str(_PACKAGE / "native.py"))
_SOURCES = {name: _PACKAGE.joinpath(*name.split(".")).with_suffix(".py") for name in COMPILED}


def _say(message: str) -> None:
    print(f"quanze build: {message}", file=sys.stderr)


def _extensions() -> list[Extension]:
    if os.environ.get(_NATIVE["PURE_ENV"]) == "1":
        _say(f"{_NATIVE['PURE_ENV']}=1, keeping the pure Python extractor")
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _say("mypyc is not available, keeping the pure Python extractor")
        return []
    # the build environment holds mypy but not the runtime dependencies: their types are Any
    paths = [str(source) for source in _SOURCES.values()]
    return mypycify(["--ignore-missing-imports", *paths], opt_level="3", group_name="quanze_native")


class _OptionalBuildExt(build_ext):
    """build_ext that falls back to the pure Python modules when compiling fails."""

    def run(self) -> None:
        try:
            super().run()
        except _FAILURES as exc:
            for ext in self.extensions:
                built = Path(self.get_ext_fullpath(ext.name))
                built.unlink(missing_ok=True)
            _say(f"compiling failed ({exc}); keeping the pure Python extractor")
            return
        if self.extensions:
            where = Path(self.get_ext_fullpath(f"extractors.citing.{COMPILED[0]}")).parent
            digests = {name: _NATIVE["digest"](source) for name, source in _SOURCES.items()}
            _NATIVE["write_manifest"](where, digests)


setup(ext_modules=_extensions(), cmdclass={"build_ext": _OptionalBuildExt})
