"""Vertical records as departments publish them: label：value lines, label value lines, label |
value tables; names given as headings, labels with empty values and blocks of text under them,
letter-spaced labels, labels of no field, sub-tables that belong to the record, several records
in one page."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.errors import InputError
from extractors.models import PowerList
from tests.extractors.reading.support import anomaly_codes, filled_fields, read_written

FIELDS = ("row", "name", "type", "department", "level", "basis", "responsibility")


def _read(tmp_path: Path, name: str, text: str) -> PowerList:
    return read_written(tmp_path, name, text)


TWO = [
    {"name": "林木采伐许可", "type": "行政许可", "department": "县林业局", "level": "县级",
     "basis": "《森林法》第五十六条"},
    {"name": "森林植被恢复费征收", "type": "行政征收", "department": "县林业局", "level": "县级",
     "basis": "《森林法》第三十七条"},
]  # fmt: skip


_LABELS = ("事项名称", "类别", "实施主体", "实施依据", "行使层级")


def _marked(form: str) -> str:
    """The two records, each label written in ``form`` (label, value; ``n`` its number)."""
    lines = ["某县林业局权责清单", ""]
    for record in TWO:
        values = (record[k] for k in ("name", "type", "department", "basis", "level"))
        for n, (label, value) in enumerate(zip(_LABELS, values, strict=True), 1):
            lines.append(form.format(label, value, n="一二三四五"[n - 1]))
        lines.append("")
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        pytest.param(
            "page.txt",
            "某县林业局权责清单\n林木采伐许可\n类别：行政许可\n实施主体：县林业局\n"
            "实施依据：《森林法》第五十六条\n行使层级：县级\n"
            "森林植被恢复费征收\n类别：行政征收\n实施主体：县林业局\n"
            "实施依据：《森林法》第三十七条\n行使层级：县级\n",
            id="heading-then-colon-lines",
        ),
        pytest.param(
            "page.md",
            "某县林业局权责清单\n## 林木采伐许可\n| 类别 | 行政许可 |\n| 实施主体 | 县林业局 |\n"
            "| 实施依据 | 《森林法》第五十六条 |\n| 行使层级 | 县级 |\n\n"
            "## 森林植被恢复费征收\n| 类别 | 行政征收 |\n| 实施主体 | 县林业局 |\n"
            "| 实施依据 | 《森林法》第三十七条 |\n| 行使层级 | 县级 |\n扫一扫在手机打开当前页\n",
            id="heading-then-label-table",
        ),
        pytest.param(
            "page.md",
            "事项名称 | 林木采伐许可 |\n类别 | 行政许可 |\n实施主体 | 县林业局 |\n"
            "实施依据 | 《森林法》第五十六条 |\n行使层级 | 县级 |\n"
            "事项名称 | 森林植被恢复费征收 |\n类别 | 行政征收 |\n实施主体 | 县林业局 |\n"
            "实施依据 | 《森林法》第三十七条 |\n行使层级 | 县级 |\n",
            id="label-table-without-opening-pipes",
        ),
        pytest.param(
            "page.txt",
            "首页 > 权责清单 > 详情\n事项名称：林木采伐许可\n类 别：行政许可\n"
            "实 施 主 体：县林业局\n实施依据：\n《森林法》第五十六条\n行使层级：县级\n\n"
            "事项名称：森林植被恢复费征收\n类 别：行政征收\n实 施 主 体：县林业局\n"
            "实施依据：\n《森林法》第三十七条\n行使层级：县级\n",
            id="letter-spaced-labels-and-blocks",
        ),
        pytest.param(
            "page.txt",
            "权责事项\n事项名称 林木采伐许可\n类别 行政许可  实施主体 县林业局\n"
            "实施依据 《森林法》第五十六条\n行使层级 县级\n"
            "事项名称 森林植被恢复费征收\n类别 行政征收  实施主体 县林业局\n"
            "实施依据 《森林法》第三十七条\n行使层级 县级\n",
            id="label-value-lines-without-colons",
        ),
        # Forms that mark their labels (before: refused, no recognisable table), or number them
        # with Chinese numerals (before: 一、事项名称 named no field and each record ran into
        # the one above it, as sure).
        *(
            pytest.param("page.txt", _marked(form), id=f"labels-marked-{k}")
            for k, form in enumerate(
                ("【{}】{}", "【{}】：{}", "■ {}：{}", "{n}、{}：{}", "（{n}）{}：{}")
            )
        ),
        pytest.param(
            "page.txt",
            "某县林业局权责清单\n\n事项名称\n林木采伐许可\n类别\n行政许可\n实施主体\n县林业局\n"
            "实施依据\n《森林法》第五十六条\n行使层级\n县级\n\n事项名称\n森林植被恢复费征收\n类别\n"
            "行政征收\n实施主体\n县林业局\n实施依据\n《森林法》第三十七条\n行使层级\n县级\n",
            id="labels-alone-values-below",  # before: refused
        ),
    ],
)
def test_records_in_their_shapes(tmp_path: Path, name: str, text: str) -> None:
    plist = _read(tmp_path, name, text)
    assert filled_fields(plist, FIELDS) == TWO
    assert plist.rows_seen == 2


def test_numbered_headings_give_the_serial_and_are_reported(tmp_path: Path) -> None:
    text = (
        "1. 林木采伐许可\n类别：行政许可\n行使层级：县级\n实施主体：县林业局\n"
        "2、森林植被恢复费征收\n类别：行政征收\n行使层级：县级\n实施主体：县林业局\n"
    )
    plist = _read(tmp_path, "page.txt", text)
    assert [(i.row, i.name) for i in plist.items] == [
        ("1", "林木采伐许可"),
        ("2", "森林植被恢复费征收"),
    ]
    assert anomaly_codes(plist) == [["name-from-heading"], ["name-from-heading"]]
    assert plist.items[0].extra == ()


def test_headings_numbered_in_brackets_name_the_record_without_their_number(
    tmp_path: Path,
) -> None:
    # （1） before the name: before, the name kept it ('（1）林木采伐许可').
    text = (
        "（1）林木采伐许可\n类别：行政许可\n实施主体：县林业局\n\n"
        "(2) 森林植被恢复费征收\n类别：行政征收\n实施主体：县林业局\n"
    )
    plist = _read(tmp_path, "page.txt", text)
    assert [(i.row, i.name) for i in plist.items] == [
        (None, "林木采伐许可"),
        (None, "森林植被恢复费征收"),
    ]


def test_labels_of_no_field_are_kept_in_extra(tmp_path: Path) -> None:
    # The lines of a block under a label without a value are the block, label-like or not.
    text = (
        "详情信息\n发布时间：2024-03-01\n"
        "职权名称：林木采伐许可\n机构名称：县林业局\n承办科室：资源股\n职权类型：行政许可\n"
        "责任事项：\n受理责任：公示应当提交的材料。\n审查责任：审查申请材料。\n"
        "追责情形：不依法受理的\n追责对象范围：单位负责人、具体承办人\n"
    )
    item = _read(tmp_path, "page.txt", text).items[0]
    assert (item.name, item.department, item.type) == ("林木采伐许可", "县林业局", "行政许可")
    assert item.responsibility == "受理责任：公示应当提交的材料。\n审查责任：审查申请材料。"
    assert dict(item.extra) == {
        "承办科室": "资源股",
        "追责对象范围": "单位负责人、具体承办人",
    }


def test_label_table_with_labels_of_no_field_and_a_sub_table(tmp_path: Path) -> None:
    text = (
        "职权名称 | 林木采伐许可 |\n编码 | LY-XK-001 |\n类型 | 行政许可 |\n"
        "实施机构 | 县林业局 |\n管理权限 | |\n管理权限说明 | 县级权限 |\n"
        "责任事项 | 环节 | 内容 |\n受理 | 依法受理申请 |\n决定 | 按《行政许可法》作出决定 |\n"
        "追责情形 | 不依法受理的 |\n监督方式 | 投诉电话"
    )
    item = _read(tmp_path, "page.md", text).items[0]
    assert (item.name, item.code, item.type, item.department, item.level) == (
        "林木采伐许可",
        "LY-XK-001",
        "行政许可",
        "县林业局",
        None,
    )
    assert item.responsibility == "环节\n内容\n受理 依法受理申请\n决定 按《行政许可法》作出决定"
    assert dict(item.extra) == {"管理权限说明": "县级权限", "监督方式": "投诉电话"}


def test_flattened_form_with_empty_labels_and_a_sub_table(tmp_path: Path) -> None:
    text = (
        "权责内容(林业局-行政许可)\n"
        "事项编码 LY001  职权类别 行政许可\n事项名称 林木采伐许可\n子项名称\n实施主体\n"
        "县林业局 联系方式\n0000-1234567\n设定依据 【法律】《森林法》第五十六条\n"
        "履责方式 办理环节 责任事项 责任科室\n受 理 依法受理申请 窗口\n"
        "审 查 按《森林法实施条例》审查 资源股\n"
    )
    plist = _read(tmp_path, "page.txt", text)
    item = plist.items[0]
    assert (item.row, item.code, item.name, item.type, item.department) == (
        None,
        "LY001",
        "林木采伐许可",
        "行政许可",
        "县林业局",
    )
    assert item.basis == "【法律】《森林法》第五十六条"
    assert item.responsibility is not None and item.responsibility.endswith("资源股")
    assert dict(item.extra) == {"无标签文字": "联系方式\n0000-1234567"}
    assert anomaly_codes(plist) == [["unlabelled-text"]]
    assert plist.meta.title is None or "林业局" in plist.meta.title


def test_a_line_of_header_words_makes_no_record(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no recognisable table"):
        _read(tmp_path, "page.txt", "实施依据 责任事项 追责情形\n1 行政许可 林木采伐许可\n")
