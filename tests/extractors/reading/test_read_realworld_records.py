"""The pipe tables and vertical records of the development set (``../shared/realworld``) read at
least as well as they do today: per file, the format, every row accounted for, and a floor on the
item fields that match the gold (white space ignored, as the official scorer does)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from extractors.reading.read import read_list
from tests.shared import shared_path

GOLD_FIELDS = ("name", "type", "code", "department", "level", "guiding_department")
SOURCE_LINE = b"# source:"


def _squash(value: str | None) -> str | None:
    return re.sub(r"\s+", "", value) or None if value is not None else None


@pytest.mark.parametrize(
    ("name", "fmt", "floor"),
    [
        pytest.param("102_guizhou_xifeng_gaj_2025.md", "markdown", 12, id="pipe-wrapped-rows"),
        pytest.param("104_hunan_heshan_nyncj.txt", "text", 6, id="colon-record"),
        pytest.param("107_chongqing_shiji_whlyw_2019.md", "markdown", 20, id="pipe-ragged-rows"),
        pytest.param("114_henan_jiyuan_jtj_2020.txt", "text", 6, id="space-record-sub-table"),
        pytest.param("115_tianjin_shi_wjw.md", "markdown", 5, id="label-table"),
    ],
)
def test_development_lists_reach_their_floor(
    tmp_path: Path, name: str, fmt: str, floor: int
) -> None:
    folder = shared_path("realworld")
    data = (folder / name).read_bytes()
    if data.startswith(SOURCE_LINE):  # the set's own line, not part of the page
        data = data.split(b"\n", 1)[1]
    page = tmp_path / name
    page.write_bytes(data)
    plist = read_list(page)
    assert plist.format == fmt
    assert plist.rows_seen == plist.rows_accounted()
    lines = (folder / "gold_items.jsonl").read_text(encoding="utf-8").splitlines()
    gold = [g for g in map(json.loads, lines) if g["source"] == name]
    got = {item.row: item for item in plist.items}  # the last item of a row, as the scorer
    right = sum(
        _squash(g[key]) == _squash(got[g["row"]].get(key))
        for g in gold
        if g["row"] in got
        for key in GOLD_FIELDS
    )
    assert right >= floor, f"{right} of {len(gold) * len(GOLD_FIELDS)} fields"
