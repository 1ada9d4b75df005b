"""Test helper: write a list to a temporary file, read it, and check that no row was lost."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from extractors import get_citations
from extractors.models import PowerList
from extractors.reading.read import read_list


def read_written(
    tmp_path: Path, name: str, content: str | bytes, *, expect: str | None = None, **options: Any
) -> PowerList:
    """Read ``content`` saved as ``tmp_path/name``; every row seen is accounted for."""
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    plist = read_list(path, **options)
    if expect is not None:
        assert plist.format == expect
    assert plist.rows_seen == plist.rows_accounted()
    return plist


def filled_fields(plist: PowerList, keys: tuple[str, ...]) -> list[dict[str, Any]]:
    """Each item as a dict of those of ``keys`` that it has a value for."""
    return [{k: v for k in keys if (v := item.to_json()[k]) is not None} for item in plist.items]


def anomaly_codes(plist: PowerList) -> list[list[str]]:
    """The codes of each item's anomalies."""
    return [[a.code for a in item.anomalies] for item in plist.items]


def basis_citations(items: list[dict[str, str]]) -> list[tuple[str | None, int | None]]:
    """The (law, article) of every citation in the items' basis and accountability basis,
    sorted: two readings cite alike whatever order their items come in."""
    return sorted(
        (c.law, c.article)
        for item in items
        for k in ("basis", "accountability_basis")
        for c in get_citations(item.get(k, ""))
    )
