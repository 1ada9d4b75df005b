"""Lazy re-exports for a package ``__init__``: public names load their module on first use."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any


def lazy_exports(package: str, exports: Mapping[str, str]) -> Callable[[str], Any]:
    """A module-level ``__getattr__`` serving each name in ``exports`` from its module.

    Importing a package then costs nothing until a re-exported name is used (``quanze --help``
    would otherwise load rdflib, pyshacl and every table reader).

    >>> getattr_ = lazy_exports("extractors", {"PowerItem": "extractors.models"})
    >>> getattr_("PowerItem").__name__
    'PowerItem'
    """

    def get(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(import_module(module), name)

    return get
