"""Pipe tables as departments publish them: rows without an opening pipe, rows that wrap over
lines or put each cell on a line of its own, title and count rows above the header, two-level
headers, ragged sub-item rows, group rows that give the type, and CR-only line ends."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.models import PowerList
from extractors.reading.detect import detect_text
from tests.extractors.reading.support import anomaly_codes, filled_fields, read_written

FIELDS = ("row", "name", "parent", "type", "department", "basis")


def _read(tmp_path: Path, text: str, newline: str = "\n") -> PowerList:
    data = text.replace("\n", newline).encode("utf-8")
    return read_written(tmp_path, "list.md", data, expect="markdown")


TWO = [
    {"row": "1", "name": "典当业特种行业许可", "type": "行政许可", "department": "治安大队",
     "basis": "《典当管理办法》第二十四条"},
    {"row": "2", "name": "对违法出租房屋的处罚", "type": "行政处罚", "department": "治安大队",
     "basis": "《治安管理处罚法》第五十七条"},
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "items", "codes"),
    [
        pytest.param(
            "某县公安局权力清单(共2项) | | | | |\n"
            "(行政许可1项、行政处罚1项) | | | | |\n"
            "序号 | 权力类型 | 权力名称 | 权力依据 | 承办机构 |\n"
            "1 | 行政许可 | 典当业特种行业许可 | 《典当管理办法》第二十四条 | 治安大队 |\n"
            "2 | 行政处罚 | 对违法出租房屋的处罚 | 《治安管理处罚法》第五十七条 | 治安大队 |\n",
            TWO,
            [[], []],
            id="no-opening-pipe-title-and-count-rows",
        ),
        pytest.param(
            "序号 | 权力类型 | 权力名称 | 权力依据 | 承办机构 |\n"
            "1 | 行政许可 | 典当业特种行业许可 | 《典当管理办法》第二十四条 |\n"
            "治安大队 |\n"
            "2 | 行政处罚 | 对违法出租房屋的处罚 |\n"
            "《治安管理处罚法》第五十七条 | 治安大队 |\n",
            TWO,
            [["wrapped-row"], ["wrapped-row"]],
            id="rows-broken-between-cells",
        ),
        pytest.param(
            "序号 | 权力类型 | 权力名称 | 权力依据 | 承办机构 |\n"
            "1 | 行政许可 | 典当业特种行业许可 | 《典当管理办法》\n"
            "第二十四条 | 治安大队 |\n",
            [
                {
                    "row": "1",
                    "name": "典当业特种行业许可",
                    "type": "行政许可",
                    "department": "治安大队",
                    "basis": "《典当管理办法》\n第二十四条",
                },
            ],
            [["wrapped-row"]],
            id="cell-broken-inside",
        ),
        pytest.param(
            "权力清单\n序号 |\n权力名称 |\n权力类型 |\n承办机构 |\n"
            "1 |\n典当业特种行业许可 |\n行政许可 |\n治安大队 |\n"
            "2 |\n对违法出租房屋的处罚 |\n行政处罚 |\n治安大队 |\n",
            [
                {
                    "row": "1",
                    "name": "典当业特种行业许可",
                    "type": "行政许可",
                    "department": "治安大队",
                },
                {
                    "row": "2",
                    "name": "对违法出租房屋的处罚",
                    "type": "行政处罚",
                    "department": "治安大队",
                },
            ],
            [["wrapped-row"], ["wrapped-row"]],
            id="each-cell-on-its-own-line",
        ),
        pytest.param(
            "| 序号 | 事项名称 | 事项类型 |\n|--|--|--|\n"
            "| 1 | 林木采伐许可 |\n| 行政许可 |\n"
            "| 2 | 森林植被恢复费征收 | 行政征收 |\n",
            [
                {"row": "1", "name": "林木采伐许可", "type": "行政许可"},
                {"row": "2", "name": "森林植被恢复费征收", "type": "行政征收"},
            ],
            [["wrapped-row"], []],
            id="opening-pipes-row-broken-between-cells",
        ),
        pytest.param(
            "序号 | 权力名称 | 权力类型 | 承办机构 |\n"
            "1 | 典当业特种行业许可 | 行政许可 | 治安大队 |\n"
            "2 | 对违法出租房屋的处",
            [
                {
                    "row": "1",
                    "name": "典当业特种行业许可",
                    "type": "行政许可",
                    "department": "治安大队",
                },
                {"row": "2", "name": "对违法出租房屋的处"},
            ],
            [[], ["cut-off"]],
            id="cut-off-inside-the-last-row",
        ),
    ],
)
def test_rows_as_published(
    tmp_path: Path, text: str, items: list[dict[str, str]], codes: list[list[str]]
) -> None:
    plist = _read(tmp_path, text)
    assert filled_fields(plist, FIELDS) == items
    assert anomaly_codes(plist) == codes


def test_header_and_metadata_rows_above_it_are_context(tmp_path: Path) -> None:
    text = (
        "| [ 索引号 ] | 0001/2020-01 | [ 发文字号 ] | |\n"
        "| [ 发布机构 ] | 某市林业局 | | |\n"
        "| [ 索引号 ] | 0001/2020-01 |\n"
        "某市林业局权责清单（2020年）\n"
        "| 序号 | 事项名称 | 事项类型 | 实施主体 |\n"
        "| 1. | 林木采伐许可 | 行政许可 | 市林业局 |\n"
    )
    plist = _read(tmp_path, text)
    assert filled_fields(plist, FIELDS) == [
        {"row": "1", "name": "林木采伐许可", "type": "行政许可", "department": "市林业局"}
    ]
    assert plist.meta.title == "某市林业局权责清单（2020年）"


def test_ragged_sub_item_rows_move_under_their_columns(tmp_path: Path) -> None:
    text = (
        "| 序号 | 主项编码 | 事项名称 | 子项编码 | 子项名称 | 事项类型 | 行使层级 | 指导部门 |\n"
        "| 一、行政许可2项（子项3项） | |||||||\n"
        "| 1. | 0001Y | 娱乐场所审批 | 000100001 | 歌舞娱乐场所审批 "
        "| 行政许可 | 市级 | 市文旅委 |\n"
        "| 000100002 | 游艺娱乐场所审批 | 行政许可 | 市级 | 市文旅委 | |||\n"
        "| 2. | 0002Y | 演出经纪机构审批 | 000200001 | 演出经纪机构设立审批 "
        "| 行政许可 | 市级 | 市文旅委 |\n"
        "| 000200002 | 演出经纪机构变更审批 | | 区县级 | 区文旅委 |\n"
    )
    plist = _read(tmp_path, text)
    assert [(i.row, i.name, i.subitems, i.code, i.level) for i in plist.items] == [
        ("1", "娱乐场所审批", ("歌舞娱乐场所审批", "游艺娱乐场所审批"), "0001Y", "市级"),
        (
            "2",
            "演出经纪机构审批",
            ("演出经纪机构设立审批", "演出经纪机构变更审批"),
            "0002Y",
            "市级",
        ),
    ]
    assert [i.type for i in plist.items] == ["行政许可"] * 2
    assert anomaly_codes(plist) == [
        ["duplicate-column", "ragged-row"],
        ["duplicate-column", "ragged-row", "misplaced-cell"],  # 区县级 under a 市级 main item
    ]
    # each sub-item's own code, level and guiding body are kept, under their headers
    assert [i.extra for i in plist.items] == [
        (("子项编码", "000100001"), ("子项编码", "000100002")),
        (
            ("子项编码", "000200001"),
            ("子项编码", "000200002"),
            ("行使层级", "区县级"),
            ("指导部门", "区文旅委"),
        ),
    ]
    assert [(s.line, s.type) for s in plist.sections] == [(2, "行政许可")]


def test_two_level_header_with_sub_columns(tmp_path: Path) -> None:
    text = (
        "| 序号 | 职权名称 | | 职权类型 | 执法依据 | | 实施主体 |\n"
        "| | 项 目 | 子项 | | 法律 | 行政法规 | |\n"
        "| 1 | 对违法排污的处罚 | 对超标排放的处罚 | 行政处罚 "
        "| 《环境保护法》第五十九条 | 《排污许可管理条例》第三十三条 | 市生态环境局 |\n"
    )
    assert filled_fields(_read(tmp_path, text), FIELDS) == [
        {
            "row": "1",
            "name": "对违法排污的处罚",
            "type": "行政处罚",
            "department": "市生态环境局",
            "basis": "《环境保护法》第五十九条\n《排污许可管理条例》第三十三条",
        }
    ]


def test_group_rows_give_the_type_but_not_to_a_row_cut_off(tmp_path: Path) -> None:
    text = (
        "| 序号 | 事项名称 | 事项类型 | 实施主体 |\n"
        "| 行政处罚 共2项 | | | |\n"
        "| 1 | 对无证经营的处罚 | | 县局 |\n"
        "| 2 | 对超范围经营的处"
    )
    plist = _read(tmp_path, text)
    assert [(i.row, i.type) for i in plist.items] == [("1", "行政处罚"), ("2", None)]
    assert anomaly_codes(plist) == [["type-from-section"], ["cut-off"]]


@pytest.mark.parametrize("newline", ["\r", "\r\n"], ids=["cr-only", "crlf"])
def test_line_ends(tmp_path: Path, newline: str) -> None:
    text = (
        "| 序号 | 事项名称 | 事项类型 |\n|--|--|--|\n"
        "| 1 | 林木采伐许可 | 行政许可 |\n| 2 | 森林植被恢复费征收 | 行政征收 |\n"
    )
    plist = _read(tmp_path, text, newline)
    assert [(i.row, i.name, i.line) for i in plist.items] == [
        ("1", "林木采伐许可", 3),
        ("2", "森林植被恢复费征收", 4),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "序号 | 事项名称 | 事项类型 |\n1 | 林木采伐许可 |", "markdown", id="no-opening"
        ),
        pytest.param("序号 |\n事项名称 |\n事项类型 |\n1 |\n", "markdown", id="cell-per-line"),
        pytest.param(
            "事项名称 | 林木采伐许可 |\n类型 | 行政许可 |\n", "markdown", id="label-table"
        ),
        pytest.param("| 序号 | 事项名称 |\r| 1 | 林木采伐许可 |\r", "markdown", id="cr-only"),
        pytest.param("首页 | 政务公开\n序号 事项名称 事项类型\n", "text", id="chrome-pipe"),
    ],
)
def test_detection(text: str, expected: str) -> None:
    assert detect_text(text) == expected
