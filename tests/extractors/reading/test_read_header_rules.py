"""Headers mapped by their wording (the rules of ``data/headers.json``) and two-level headers
folded into one row."""

from __future__ import annotations

import re

import pytest

from extractors.models import FIELD_KEYS
from extractors.reading.headers import SUBITEM, load_headers, map_header, merge_header_levels

RULES = load_headers()["rules"] + load_headers()["ascii_rules"]


def test_rules_name_field_keys_and_compile() -> None:
    for rule in RULES:
        assert rule["key"] in FIELD_KEYS or rule["key"] == SUBITEM
        assert rule["examples"]
        re.compile(rule["pattern"])


@pytest.mark.parametrize(
    ("key", "header", "expected"),
    [
        pytest.param(rule["key"], header, expected, id=f"{rule['key']}-{header}")
        for rule in RULES
        for field, expected in (("examples", True), ("counterexamples", False))
        for header in rule.get(field, [])
    ],
)
def test_rule_examples(key: str, header: str, expected: bool) -> None:
    assert (map_header(header) == key) is expected


@pytest.mark.parametrize(
    ("header", "key"),
    [
        pytest.param("抽查依据", "basis", id="inspection-basis"),
        pytest.param("行政执法依据（法律法规）", "basis", id="qualified-with-brackets"),
        pytest.param("追责情形及依据", "accountability_basis", id="situations-and-basis"),
        pytest.param("问责依据及情形", "accountability_basis", id="basis-and-situations"),
        pytest.param("追究责任的情形", "accountability", id="situations-alone"),
        pytest.param("责任事项依据", "accountability_basis", id="synonym-wins"),
        pytest.param("执法依据 地方性法规", "basis", id="two-level-flattened"),
        pytest.param("依据文号", None, id="basis-not-last"),
        pytest.param("追责对象范围", None, id="no-rule"),
    ],
)
def test_headers_by_wording(header: str, key: str | None) -> None:
    assert map_header(header) == key


@pytest.mark.parametrize(
    ("top", "below", "expected"),
    [
        pytest.param(
            ["序号", "职权名称", "", "职权类型"],
            ["", "项 目", "子 项", ""],
            ("序号", "职权名称 项目", "职权名称 子项", "职权类型"),
            id="name-over-item-and-subitem",
        ),
        pytest.param(
            ["序号", "事项名称", "事项名称", "实施主体"],
            ["", "主项", "子项", ""],
            ("序号", "事项名称 主项", "事项名称 子项", "实施主体"),
            id="merged-text-repeated",
        ),
        pytest.param(
            ["序号", "事项名称", "执法依据", "", "", "事项类型"],
            ["序号", "", "法律", "行政法规", "地方性法规", ""],
            (
                "序号",
                "事项名称",
                "执法依据 法律",
                "执法依据 行政法规",
                "执法依据 地方性法规",
                "事项类型",
            ),
            id="basis-over-ranks-with-rowspan-repeat",
        ),
        pytest.param(
            ["序号", "事项名称", "事项类型"], ["1", "城乡医疗救助", "行政确认"], None, id="data-row"
        ),
        pytest.param(
            ["事项名称", "", "事项类型"],
            ["医疗救助", "城乡", "行政确认"],
            None,
            id="no-serial-data",
        ),
        pytest.param(
            ["序号", "事项名称", "事项类型"], ["", "", "备注"], None, id="nothing-under-a-span"
        ),
    ],
)
def test_two_level_headers(
    top: list[str], below: list[str], expected: tuple[str, ...] | None
) -> None:
    assert merge_header_levels(top, below) == expected
