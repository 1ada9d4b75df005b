"""The page-text lists of ../shared/realworld (text flattened from web pages) are read, and their
items reach at least the accuracy reached so far: a floor per file, raised as the reader improves.

Accuracy is the official scorer's (``../shared/eval/score.py items``): the share of the fields
name, type, code, department, level and guiding_department equal to the gold (white space
ignored), over the gold items of the file, keyed by row.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from extractors.reading.read import read_list
from tests.shared import shared_path

_FIELDS = ("name", "type", "code", "department", "level", "guiding_department")
_SPACE = re.compile(r"\s+")
# file → floor of its item accuracy
FLOORS = {
    "101_fujian_quanzhou_dishuiju_2016.txt": 1.0,
    "106_liaoning_changtu_wlgj_2023.txt": 1.0,
    # the gold keeps one item per main serial, named after the main item; the reader makes the
    # row of the first sub-item (子项名称 1.社会团体成立登记) that item
    "108_fujian_sanming_mzj_2020.txt": 0.83,
    "110_qinghai_menyuan_czj_2021.txt": 1.0,
    "112_anhui_guichi_fgw_2023.txt": 1.0,
    "116_anhui_jiujiang_swj_2023.txt": 1.0,
    "118_chongqing_qijiang_lyj_2024.txt": 1.0,
    "120_guangxi_qinzhou_jtysj_2017.txt": 1.0,
    "124_guangdong_unknown_jyj.txt": 1.0,
    "125_anhui_sheng_wht.txt": 1.0,
}


def _norm(value: object) -> object:
    return _SPACE.sub("", value) or None if isinstance(value, str) else value


def _accuracy(gold: list[dict[str, object]], read: dict[str, dict[str, object]]) -> float:
    right = total = 0
    for item in gold:
        got = read.get(str(item["row"]))
        for field in _FIELDS:
            total += 1
            right += got is not None and _norm(item.get(field)) == _norm(got.get(field))
    return right / total


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_page_text_floor(tmp_path: Path, name: str) -> None:
    folder = shared_path("realworld")
    source = folder / name
    # line 1 is the page's address, not part of the page
    page = source.read_text(encoding="utf-8").split("\n", 1)[1]
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    plist = read_list(path)
    assert plist.format == "text"
    assert plist.rows_seen == plist.rows_accounted()
    gold = [
        g
        for line in (folder / "gold_items.jsonl").read_text(encoding="utf-8").splitlines()
        if (g := json.loads(line))["source"] == name
    ]
    read = {str(i.row): i.to_json() for i in plist.items}
    assert len(plist.items) == len(gold)
    assert _accuracy(gold, read) >= FLOORS[name]
