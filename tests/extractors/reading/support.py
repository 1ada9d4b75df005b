"""Test helper: write a list to a temporary file, read it, and check that no row was lost."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from extractors import get_citations
from extractors.models import PowerItem, PowerList
from extractors.reading.read import read_list
from extractors.reading.stream import open_list

#: A forestry bureau's list as the round tests of records and annexes under a list write it:
#: the laws its bases and accountability bases cite, its header and its three items.
FOREST = "《中华人民共和国森林法》"
CIVIL = "《中华人民共和国公务员法》"
LIST_HEADER = ("序号", "事项名称", "事项类型", "设定依据")
FORESTRY_ITEMS = (
    ("1", "林木采伐许可证核发", "行政许可", f"{FOREST}第五十六条"),
    ("2", "对盗伐林木的行政处罚", "行政处罚", f"{FOREST}第七十六条"),
    ("3", "对滥伐林木的行政处罚", "行政处罚", f"{FOREST}第七十六条"),
)


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


def squashed(items: list[dict[str, Any]]) -> list[dict[str, str]]:
    """The fields without white space (a value going on over lines keeps its line break)."""
    return [{k: "".join(str(v).split()) for k, v in item.items()} for item in items]


def check_fields(plist: PowerList, expected: list[dict[str, str]], fields: tuple[str, ...]) -> None:
    """The items have the ``expected`` values of ``fields`` (white space aside) and cite the
    same provisions, and the reading is not doubtful."""
    items = filled_fields(plist, fields)
    assert squashed(items) == squashed(expected)
    assert basis_citations(items) == basis_citations(expected)
    assert plist.plausibility is not None and not plist.plausibility.doubtful


def batched_items(path: Path) -> list[PowerItem]:
    """The items of ``path`` read in batches of one (or whole, when its format is read so),
    checked to be the items read whole."""
    from tests.extractors.reading.test_stream import _same

    _same(path, 1)
    opened = open_list(path, min_bytes=0)
    if isinstance(opened, PowerList):
        return list(opened.items)
    return [item for batch in opened.batches(1) for item in batch]
