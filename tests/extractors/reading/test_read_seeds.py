"""The two seed lists read exactly as the gold file says, with nothing lost."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest

from extractors import read_list
from extractors.models import PowerList
from tests.shared import shared_path

SAMPLES = resources.files("extractors") / "samples"
MARKDOWN_SEED = str(SAMPLES / "000_814c7fb49acd7d24.txt")
PAGE_SEED = str(SAMPLES / "001_6c98652daac37f2e.txt")
GOLD_FIELDS = ("name", "type", "code", "department", "level", "guiding_department")


def _squash(value: str | None) -> str | None:
    return re.sub(r"\s+", "", value) or None if value is not None else None


@pytest.fixture(scope="module")
def lists() -> dict[str, PowerList]:
    return {Path(p).name: read_list(p) for p in (MARKDOWN_SEED, PAGE_SEED)}


def test_seed_items_match_gold(lists: dict[str, PowerList]) -> None:
    gold_file = shared_path("gold", "seed_items.jsonl")
    gold = [json.loads(line) for line in gold_file.read_text(encoding="utf-8").splitlines() if line]
    got = {(i.source, i.row): i for plist in lists.values() for i in plist.items}
    wrong = [
        (g["source"], g["row"], field, g[field], got[(g["source"], g["row"])].get(field))
        for g in gold
        for field in GOLD_FIELDS
        if (g["source"], g["row"]) in got
        and _squash(g[field]) != _squash(got[(g["source"], g["row"])].get(field))
    ]
    missing = [(g["source"], g["row"]) for g in gold if (g["source"], g["row"]) not in got]
    assert not missing
    assert not wrong


@pytest.mark.parametrize(
    ("seed", "fmt", "count", "title", "date", "department"),
    [
        pytest.param(
            "000_814c7fb49acd7d24.txt",
            "markdown",
            5,
            "2023年拉萨市达孜区医保局行政权力和责任清单详表",
            None,
            "拉萨市达孜区医保局",
            id="markdown-seed",
        ),
        pytest.param(
            "001_6c98652daac37f2e.txt",
            "text",
            17,
            "巫溪县医疗保障局行政权力事项清单",
            "2025-04-02",
            "巫溪县医疗保障局",
            id="flattened-page-seed",
        ),
    ],
)
def test_seed_list_shape(
    lists: dict[str, PowerList],
    seed: str,
    fmt: str,
    count: int,
    title: str,
    date: str | None,
    department: str,
) -> None:
    plist = lists[seed]
    assert (plist.format, plist.encoding, len(plist.items)) == (fmt, "utf-8", count)
    assert plist.rows_seen == plist.rows_accounted()
    assert not plist.rejects
    assert (plist.meta.title, plist.meta.date, plist.meta.department) == (title, date, department)


@pytest.mark.parametrize(
    ("row", "field", "expected"),
    [
        pytest.param(
            "1",
            "accountability_basis",
            "【法律】《中华人民共和国社会保险法》（2018修正）（中华人民共和国主席令第二十五号）"
            "第九十三条：国家工作人员在社会保险管理、监督工作中滥用职权、玩忽职守、徇私舞弊的，"
            "依法给予处分。",
            id="paragraph-tags-removed",
        ),
        pytest.param("2", "time_limit", "60个工作日", id="time-limit-moved-from-phone-column"),
        pytest.param("3", "time_limit", "无", id="time-limit-kept-when-its-column-is-filled"),
        pytest.param("1", "remarks", None, id="empty-cell-is-none"),
    ],
)
def test_markdown_seed_cells(
    lists: dict[str, PowerList], row: str, field: str, expected: str | None
) -> None:
    item = next(i for i in lists["000_814c7fb49acd7d24.txt"].items if i.row == row)
    assert item.get(field) == expected


def test_markdown_seed_cells_are_clean_and_raw_kept(lists: dict[str, PowerList]) -> None:
    for item in lists["000_814c7fb49acd7d24.txt"].items:
        for key in ("basis", "responsibility", "accountability", "accountability_basis"):
            text = item.get(key) or ""
            assert "<p>" not in text and "</p>" not in text
            assert all(line == line.strip() and line for line in text.split("\n"))
        assert dict(item.raw)["职权依据"].startswith("<p>")
        assert item.raw[0][0] == "序号"


@pytest.mark.parametrize(
    ("row", "in_extra", "moved"),
    [
        pytest.param("2", {}, True, id="phone-column-holds-time-limit-time-column-empty"),
        pytest.param("3", {"服务电话": "30个工作日"}, False, id="time-column-says-none"),
        pytest.param("1", {"服务电话": "无明确规定"}, None, id="no-time-shape-no-anomaly"),
    ],
)
def test_markdown_seed_misplaced_cells(
    lists: dict[str, PowerList], row: str, in_extra: dict[str, str], moved: bool | None
) -> None:
    item = next(i for i in lists["000_814c7fb49acd7d24.txt"].items if i.row == row)
    assert dict(item.extra) == in_extra
    codes = [a for a in item.anomalies if a.code == "misplaced-cell"]
    if moved is None:
        assert not codes
    else:
        assert len(codes) == 1 and codes[0].column == "服务电话"
        assert ("moved" in codes[0].message) is moved


@pytest.mark.parametrize(
    ("row", "field", "start", "end"),
    [
        pytest.param(
            "1177", "accountability", "因不履行", "腐败行为的。", id="numbered-lines-stay"
        ),
        pytest.param(
            "1177", "accountability_basis", "1. 《重庆市劳动", "第二十三条。", id="split-n"
        ),
        pytest.param("4281", "accountability_basis", "《行政机关", "第二十条。", id="split-line"),
        pytest.param("4277", "accountability", "滥用职权", "徇私舞弊的,", id="split-mid-line"),
        pytest.param("4267", "department", None, None, id="optional-column-missing"),
        pytest.param(
            "4267", "basis", "《中华人民共和国社会保险法》第八十四条", "罚款。", id="alone"
        ),
        pytest.param("4282", "accountability_basis", "《重庆市", "第十五条。", id="before-chrome"),
    ],
)
def test_page_seed_cells(
    lists: dict[str, PowerList], row: str, field: str, start: str | None, end: str | None
) -> None:
    item = next(i for i in lists["001_6c98652daac37f2e.txt"].items if i.row == row)
    value = item.get(field)
    if start is None:
        assert value is None
    else:
        assert value is not None and value.startswith(start) and value.endswith(end or "")
