"""The pipe-table reader and the row assembly every table format shares: sub-items, wrapped and
short rows, title rows, section headings, continuation rows, misplaced cells."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.models import PowerList
from tests.extractors.reading.support import read_written

HEAD = (
    "| 序号 | 事项类型 | 事项名称 项目 | 子项 | 实施依据 | 实施主体 | 承诺期限 | 服务电话 |\n"
    "|--|--|--|--|--|--|--|--|\n"
)
ROW5 = "| 5 | 行政检查 | 对加油站的检查 | | 《安全生产法》第六十二条 |"


def _read(tmp_path: Path, text: str) -> PowerList:
    return read_written(tmp_path, "list.md", text, expect="markdown")


def test_sub_items_fold_into_their_main_item(tmp_path: Path) -> None:
    text = HEAD + (
        "| 3 | 行政许可 | 建设工程消防设计审查 | 特殊建设工程消防设计审查 "
        "| 《消防法》第十一条 | 县住建局 | 15个工作日 | |\n"
        "| | | | 其他建设工程消防设计备案 | 《消防法》第十二条 | 县住建局 | 5个工作日 | |\n"
        "| 4 | 行政确认 | 城乡医疗救助 | | 《社会救助暂行办法》第三十条 | 县医保局 | 即办 | |\n"
    )
    plist = _read(tmp_path, text)
    items = plist.items
    assert [(i.row, i.name, i.parent, i.subitems) for i in items] == [
        (
            "3",
            "建设工程消防设计审查",
            None,
            ("特殊建设工程消防设计审查", "其他建设工程消防设计备案"),
        ),
        ("4", "城乡医疗救助", None, ()),
    ]
    # the sub-item rows' cells join the main item; a row folded in is part of it
    assert (items[0].basis, items[0].time_limit) == (
        "《消防法》第十一条\n《消防法》第十二条",
        "15个工作日\n5个工作日",
    )
    assert plist.rows_seen == plist.rows_accounted()


def test_two_row_header_names_the_subitem_column(tmp_path: Path) -> None:
    text = (
        "| 序号 | 职权名称 | 职权名称 | 职权类型 | 行使主体 |\n|--|--|--|--|--|\n"
        "| | 项目 | 子项 | | |\n"
        "| 1 | 对违法排污的处罚 | 对超标排放的处罚 | 行政处罚 | 市生态环境局 |\n"
    )
    item = _read(tmp_path, text).items[0]
    assert (item.name, item.subitems, item.type) == (
        "对违法排污的处罚",
        ("对超标排放的处罚",),
        "行政处罚",
    )


def test_title_row_padded_with_pipes_is_metadata(tmp_path: Path) -> None:
    text = "| 某县林业局权责清单 | | | |\n" + (
        "| 序号 | 权力名称 | 权力类型 | 实施主体 |\n|--|--|--|--|\n"
        "| 1 | 林木采伐许可 | 行政许可 | 县林业局 |\n"
    )
    plist = _read(tmp_path, text)
    assert (plist.meta.title, plist.meta.department) == ("某县林业局权责清单", "某县林业局")
    assert [i.name for i in plist.items] == ["林木采伐许可"]


@pytest.mark.parametrize(
    ("rows", "expected", "codes"),
    [
        pytest.param(
            ROW5 + "\n",
            {"name": "对加油站的检查", "department": None},
            ["short-row"],
            id="missing-trailing-cells",
        ),
        pytest.param(
            "| 5 | 行政检查 | 对加油站的检查 | | 《安全生产法》\n第六十二条 | 县应急局 | | |\n",
            {"basis": "《安全生产法》\n第六十二条", "department": "县应急局"},
            ["wrapped-row"],
            id="row-wrapped-over-lines",
        ),
        pytest.param(
            ROW5 + " 县应",
            {"name": "对加油站的检查", "department": "县应"},
            ["cut-off"],
            id="cut-off-at-end-of-file",
        ),
        pytest.param(
            ROW5 + " 县应急局 | 0891-6332123 | |\n",
            {"time_limit": "0891-6332123"},
            ["misplaced-cell"],
            id="phone-under-time-limit",
        ),
        pytest.param(
            "| 5 | 监督检查 | 对加油站的检查 | | 《安全生产法》第六十二条 | 县应急局 | | |\n",
            {"type": "监督检查"},
            ["unknown-type"],
            id="type-outside-vocabulary",
        ),
        pytest.param(
            ROW5 + " 县应急局 | | 20个工作日 |\n",
            {"time_limit": "20个工作日"},
            ["misplaced-cell"],
            id="time-limit-in-phone-column-moved",
        ),
        pytest.param(
            "| 5 | 行政检查 | 对&lt;特种设备&gt;的检查 | "
            "| 《特种设备安全法》<br/>第五十七条 \\| 第六十一条 "
            "| 县市场监管局 | | |\n",
            {"name": "对<特种设备>的检查", "basis": "《特种设备安全法》\n第五十七条 | 第六十一条"},
            [],
            id="entities-breaks-escaped-pipe",
        ),
    ],
)
def test_row_quirks(
    tmp_path: Path, rows: str, expected: dict[str, str | None], codes: list[str]
) -> None:
    item = _read(tmp_path, HEAD + rows).items[0]
    assert {k: item.get(k) for k in expected} == expected
    assert [a.code for a in item.anomalies] == codes


def test_sections_continuations_repeated_headers_and_nameless_rows(tmp_path: Path) -> None:
    head = "| 序号 | 事项名称 | 事项类型 | 设定依据 | 实施主体 |\n|--|--|--|--|--|\n"
    text = head + (
        "| 一、行政许可（1项） | | | | |\n"
        "| 1 | 林木采伐许可 | 行政许可 | 《森林法》第五十六条 | 县林业局 |\n"
        "| | | | 《森林法实施条例》第三十二条 | |\n"
        "| 序号 | 事项名称 | 事项类型 | 设定依据 | 实施主体 |\n"
        "| 2 | | | 《森林法》第六十条 | |\n"
        "| 3 | 森林植被恢复费征收 | 行政征收 | 《森林法》第三十七条 | 县林业局 |\n"
    )
    plist = _read(tmp_path, text)
    assert [i.row for i in plist.items] == ["1", "3"]
    assert plist.items[0].basis == "《森林法》第五十六条\n《森林法实施条例》第三十二条"
    assert [a.code for a in plist.items[0].anomalies] == ["continuation-row"]
    assert [(r.line, r.reason) for r in plist.rejects] == [(7, "row has no item name")]
    assert [(s.line, s.type) for s in plist.sections] == [(3, "行政许可")]
    assert plist.rows_seen == 4


def test_duplicate_basis_columns_are_joined(tmp_path: Path) -> None:
    text = (
        "| 序号 | 事项名称 | 事项类型 | 设定依据 | 实施依据 |\n|--|--|--|--|--|\n"
        "| 1 | 林木采伐许可 | 行政许可 | 《森林法》第五十六条 | 《森林法实施条例》第三十二条 |\n"
    )
    item = _read(tmp_path, text).items[0]
    assert item.basis == "《森林法》第五十六条\n《森林法实施条例》第三十二条"
