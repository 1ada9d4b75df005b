"""Government departments' names as order and document numbers write them: the official name
(人力资源和社会保障部) and its short forms (人力资源社会保障部, 人社部), read from
``data/issuers.json`` (schema ``data/issuers.schema.json``), so that an order cited by a short
form of its issuer (人社部令第8号) finds the instrument the registry knows by the full one.

A predecessor body (环境保护部, 国家工商行政管理总局) is a department of its own, numbered apart
from its successor: its short forms name it, never the successor.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any, Final

#: The data file, in the ``extractors`` package.
ISSUERS_FILE: Final = "data/issuers.json"


@cache
def load_issuers() -> dict[str, Any]:
    """The parsed ``data/issuers.json`` (read once).

    >>> load_issuers()["issuers"][0]["name"]
    '国家发展和改革委员会'
    """
    text = resources.files("extractors").joinpath(ISSUERS_FILE).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def _official() -> dict[str, str]:
    names: dict[str, str] = {}
    for issuer in load_issuers()["issuers"]:
        for short in issuer["short"]:
            if names.setdefault(short, issuer["name"]) != issuer["name"]:
                raise ValueError(
                    f"{ISSUERS_FILE}: {short!r} names {names[short]} and {issuer['name']}"
                )
    return names


def official_issuer(name: str) -> str:
    """The official name of the department written ``name`` (itself when no short form).

    >>> official_issuer("人社部"), official_issuer("国家发改委"), official_issuer("国务院")
    ('人力资源和社会保障部', '国家发展和改革委员会', '国务院')
    >>> official_issuer("环保部")
    '环境保护部'
    """
    return _official().get(name, name)
