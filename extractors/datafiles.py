"""The package's data files (``extractors/data/*.json``: word lists, synonyms, registries), read
from the installed package wherever it lives."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def read_data(name: str) -> dict[str, Any]:
    """The parsed ``data/NAME.json`` of the package (read afresh: callers cache it).

    >>> sorted(read_data("radicals"))
    ['about', 'examples', 'radicals']
    """
    text = resources.files("extractors").joinpath(f"data/{name}.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data
