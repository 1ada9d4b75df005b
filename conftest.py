"""Doctest collection: a module that runs compiled has no docstrings to collect, so its source is
left out here and tests/extractors/citing/test_native.py runs its examples from source instead."""

from __future__ import annotations

from extractors.citing.native import compiled_sources

collect_ignore = [str(path) for path in compiled_sources()]
