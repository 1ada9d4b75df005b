"""Page text: lists inside web pages copied as text, in the shapes flattening leaves (one table of
cases per part of the reader: finding lists, headers, rows, directories)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.models import PowerList
from extractors.reading.formats.text.header import find_headers
from extractors.reading.formats.text.spacing import collapse_spacing
from tests.extractors.reading.support import read_written


def _read(tmp_path: Path, text: str) -> PowerList:
    return read_written(tmp_path, "page.txt", text, expect="text")


def _items(plist: PowerList, *keys: str) -> list[tuple[str | None, ...]]:
    return [tuple(item.get(k) for k in keys) for item in plist.items]


# -- headers ---------------------------------------------------------------------------------

# (id, header text, its cells separated by spaces)
HEADERS = [
    (
        "spaced",
        "序号 事项名称 事项类型 实施主体 设定依据",
        "序号 事项名称 事项类型 实施主体 设定依据",
    ),
    (
        "run-together",
        "序号职权名称职权类型行使主体职权依据责任事项备注",
        "序号 职权名称 职权类型 行使主体 职权依据 责任事项 备注",
    ),
    (
        "words-wrapped-one-half-per-line",
        "序号\n权力\n类型\n项目\n名称\n实施依据 追责情形",
        "序号 权力类型 项目名称 实施依据 追责情形",
    ),
    (
        "a-word-over-three-lines",
        "序号\n地方\n权力\n编码\n事项名称\n事项类型",
        "序号 地方权力编码 事项名称 事项类型",
    ),
    (
        "one-word-per-paragraph-with-an-unknown-word",
        "序号\n\n事项\n名称\n\n事项类型\n\n服务\n对象\n\n行使\n\n层级\n\n备注",
        "序号 事项名称 事项类型 服务对象 行使层级 备注",
    ),
    (
        "letter-spaced-words",
        "序  号    事  项  名  称    事  项  类  型    实  施  依  据",
        "序号 事项名称 事项类型 实施依据",
    ),
    (
        "two-level-lower-row-after",
        "序号 项目名称 执法依据 办理时限 备注\n法律 行政法规 地方性法规",
        "序号 项目名称 执法依据/法律 执法依据/行政法规 执法依据/地方性法规 办理时限 备注",
    ),
    (
        "two-level-main-and-sub-items",
        "序号 职权名称 主项 子项 职权类型 职权依据",
        "序号 职权名称/主项 职权名称/子项 职权类型 职权依据",
    ),
    (
        "without-serial-and-joined-words",
        "事项名称 子项名称 事项类型 设定依据 实施主体和责任主体 追责情形及依据",
        "事项名称 子项名称 事项类型 设定依据 实施主体和责任主体 追责情形及依据",
    ),
    (
        "opening-a-line-that-goes-on-with-data",
        '下载 "类别:行政处罚目录名称依据行使主体服务对象备注12 对超限运输的处罚',
        "名称 依据 行使主体 服务对象 备注",
    ),
    (
        "pipe-rules-and-a-last-unknown-word",
        "序号 | 权力类型 | 权力名称 | 权力依据 | 承办机构 | 联系电话 |",
        "序号 权力类型 权力名称 权力依据 承办机构 联系电话",
    ),
]


@pytest.mark.parametrize(
    ("text", "cells"), [pytest.param(text, cells, id=name) for name, text, cells in HEADERS]
)
def test_header_shapes(text: str, cells: str) -> None:
    page = "\n".join(collapse_spacing(line) for line in text.split("\n"))
    assert [h.cells for h in find_headers(page)] == [tuple(cells.split())]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("某县林业局权力事项清单\n发布日期：2023年5月6日", id="title-and-date"),
        pytest.param("事项名称 林木采伐许可\n子项名称\n实施主体\n责任主体", id="label-and-value"),
        pytest.param("职责：负责审查事项名称、事项类型、实施主体等内容。", id="sentence"),
    ],
)
def test_no_header(text: str) -> None:
    assert find_headers(text) == []


# -- rows --------------------------------------------------------------------------------------

SPACED = "序号 事项名称 事项类型 实施主体 设定依据 行使层级"
FIRST = "1|对未取得许可擅自经营的处罚|行政处罚|县文旅局|《旅游条例》第十条|县级"
SECOND = "2|旅行社设立许可|行政许可|县文旅局|《旅游条例》第二十条|县级"
# (id, page, the items read: row|name|type|department|basis|level, an empty cell for None)
ROWS = [
    (
        "cells-separated-by-runs-of-spaces",
        f"{SPACED}\n1    对未取得许可擅自经营的处罚   行政处罚   县文旅局   《旅游条例》第十条"
        "   县级\n",
        [FIRST],
    ),
    (
        "name-broken-onto-its-own-line",
        f"{SPACED}\n1 对未取得许可擅自经营的处罚\n行政处罚 县文旅局 《旅游条例》第十条 县级\n"
        "2 旅行社设立许可\n行政许可 县文旅局 《旅游条例》第二十条 县级\n",
        [FIRST, SECOND],
    ),
    (
        "one-cell-per-paragraph",
        "序号\n\n事项\n名称\n\n事项类型\n\n实施主体\n\n设定依据\n\n行使层级\n\n"
        "1\n\n对未取得许可擅自经营的处罚\n\n行政处罚\n\n县文旅局\n\n《旅游条例》第十条 经营者"
        "应当\n取得许可。\n\n县级\n\n2\n\n旅行社设立许可\n\n行政许可\n\n县文旅局\n\n"
        "《旅游条例》第二十条\n\n县级\n",
        [FIRST.replace("第十条", "第十条 经营者应当\n取得许可。"), SECOND],
    ),
    (
        "serial-run-into-the-name",
        "序号事项名称事项类型实施主体设定依据行使层级\n"
        "1对未取得许可擅自经营的处罚    行政处罚县文旅局    《旅游条例》第十条\n县级\n",
        [FIRST],
    ),
    (
        "group-rows-between-records",
        "序号 权力类型 事项名称 设定依据 实施主体\n"
        "一、行政许可(1项)\n1 行政许可 林木采伐许可 《森林法》第五十六条 县林业局\n"
        "二、行政处罚(1项)\n2 行政处罚 对盗伐林木的处罚 《森林法》第七十六条 县林业局\n",
        [
            "1|林木采伐许可|行政许可|县林业局|《森林法》第五十六条|",
            "2|对盗伐林木的处罚|行政处罚|县林业局|《森林法》第七十六条|",
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [pytest.param(text, items, id=name) for name, text, items in ROWS]
)
def test_row_shapes(tmp_path: Path, text: str, expected: list[str]) -> None:
    plist = _read(tmp_path, text)
    read = _items(plist, "row", "name", "type", "department", "basis", "level")
    assert read == [tuple(cell or None for cell in item.split("|")) for item in expected]


def test_cells_by_how_they_open(tmp_path: Path) -> None:
    text = (
        "权力类型 事项名称 实施依据 责任事项\n"
        "1 行政确认 渔业船舶登记 1.《渔业法》第二十三条：…。\n"
        "2.《渔港水域交通安全管理条例》第十二条。\n"
        "1.受理阶段责任：公示应当提交的材料。\n2.审查阶段责任：审查申请材料。\n"
    )
    item = _read(tmp_path, text).items[0]
    assert item.basis == "1.《渔业法》第二十三条：…。\n2.《渔港水域交通安全管理条例》第十二条。"
    assert (
        item.responsibility
        == "1.受理阶段责任：公示应当提交的材料。\n2.审查阶段责任：审查申请材料。"
    )
    assert [a.code for a in item.anomalies] == ["implicit-column"]


def test_glued_type_department_and_accountability(tmp_path: Path) -> None:
    text = (
        "序号事项名称设定依据事项类型实施主体追责情形\n"
        "3对擅自占用林地的处罚    《森林法》\n    第七十三条  擅自占用林地的，责令限期恢复。\n"
        "行政处罚县林业局直属执法机构因不履行或不正确履行行政职责，有下列情形之一的：\n"
        "1.未依法处罚的；\n2.滥用职权的。\n"
    )
    item = _read(tmp_path, text).items[0]
    assert (item.row, item.name, item.type) == ("3", "对擅自占用林地的处罚", "行政处罚")
    assert item.department == "县林业局直属执法机构"
    assert item.accountability is not None and item.accountability.startswith("因不履行")
    assert item.basis is not None and item.basis.endswith("责令限期恢复。")


def test_letter_spaced_page(tmp_path: Path) -> None:
    text = (
        " ".join("序号事项名称事项类型设定依据")
        + "\n"
        + " ".join("1水路运输经营许可行政许可1.[行政法规]国内水路运输管理条例第八条")
    )
    item = _read(tmp_path, text).items[0]
    assert (item.row, item.name, item.type) == ("1", "水路运输经营许可", "行政许可")
    assert item.basis == "1.[行政法规]国内水路运输管理条例第八条"


def test_transcript_running_records_on_one_line(tmp_path: Path) -> None:
    records = [("林木采伐许可", "森林法实施条例"), ("渔业捕捞许可", "渔业法实施细则")]
    text = " ".join("序号事项名称事项类型设定依据") + "".join(
        f" {n} " + " ".join(f"{name}行政许可1.[行政法规]{law}第十条")
        for n, (name, law) in enumerate(records, start=1)
    )
    plist = _read(tmp_path, text)
    assert _items(plist, "row", "name", "basis") == [
        ("1", "林木采伐许可", "1.[行政法规]森林法实施条例第十条"),
        ("2", "渔业捕捞许可", "1.[行政法规]渔业法实施细则第十条"),
    ]


def test_short_cell_outside_the_vocabulary_is_reported(tmp_path: Path) -> None:
    text = (
        "序号 事项名称 事项类型 设定依据 实施层级 责任事项\n"
        "1 会计师事务所设立审批 行政许可 《注册会计师法》第二十五条。 省财政部门 "
        "直接实施责任：依法审批。"
    )
    item = _read(tmp_path, text).items[0]
    assert item.level == "省财政部门"
    assert "unanchored-cell" in [a.code for a in item.anomalies]


def test_record_without_its_type_is_reported(tmp_path: Path) -> None:
    text = (
        "序号 事项名称 事项类型 实施主体\n1 林木采伐许可 行政许可 县林业局\n"
        "2 对盗伐林木的处罚 行政处分 县林业局\n3 渔业捕捞许可 行政许可 县农业农村局\n"
    )
    items = _read(tmp_path, text).items
    assert [i.type for i in items] == ["行政许可", None, "行政许可"]
    assert [(a.code, a.column) for a in items[1].anomalies] == [("missing-cell", "事项类型")]


# -- lists on a page -------------------------------------------------------------------------

NOTICE = (
    "您当前的位置：首页 > 政务公开 > 权责清单\n"
    "关于印发《某县权责清单》的通知\n发布时间：2023-05-06 浏览次数：118\n"
    "索引号： 000014349/2023-00021 发文机关： 某县人民政府办公室\n\n"
    "各乡镇人民政府，县直各单位：\n    现将《某县权责清单》印发给你们，请认真贯彻执行。\n"
    " \n\n \n\n                某县人民政府办公室\n                2023年5月6日\n \n\n"
)


# (id, page, the items read as row|name|type, the group rows and list titles read as sections)
LISTS = [
    (
        "lists-after-an-issuing-notice",
        NOTICE + "附件1\n某县林业局行政许可事项清单\n序号 事项名称 实施主体 设定依据\n"
        "1 林木采伐许可证核发 县林业局 《中华人民共和国森林法》第五十六条\n"
        "2 林草种子生产经营许可 县林业局 《中华人民共和国种子法》第三十一条\n"
        "附件2\n某县林业局行政处罚事项清单\n序号 事项名称 实施主体 处罚依据\n"
        "1 对盗伐林木的处罚 县林业局 《中华人民共和国森林法》第七十六条\n",
        [
            "1|林木采伐许可证核发|行政许可",
            "2|林草种子生产经营许可|行政许可",
            "1|对盗伐林木的处罚|行政处罚",
        ],
        ["某县林业局行政许可事项清单", "某县林业局行政处罚事项清单"],
    ),
    (
        "directory-with-group-rows-starting-at-117",
        "当前位置：首页 > 信息公开 > 权责清单\n某区发展和改革委员会权责清单目录\n"
        "一、区发展和改革委员会\n序号 事项名称 子项名称 备注\n"
        "行政许可 共2项\n117 固定资产投资项目核准\n118 企业投资项目核准\n"
        "行政处罚 共1项\n119 对违反节能审查规定的处罚\n",
        [
            "117|固定资产投资项目核准|行政许可",
            "118|企业投资项目核准|行政许可",
            "119|对违反节能审查规定的处罚|行政处罚",
        ],
        ["行政许可 共2项", "行政处罚 共1项"],
    ),
]


@pytest.mark.parametrize(
    ("text", "items", "sections"),
    [pytest.param(text, items, sections, id=name) for name, text, items, sections in LISTS],
)
def test_lists_on_a_page(tmp_path: Path, text: str, items: list[str], sections: list[str]) -> None:
    plist = _read(tmp_path, text)
    assert _items(plist, "row", "name", "type") == [tuple(i.split("|")) for i in items]
    assert [s.text for s in plist.sections] == sections
    assert not plist.rejects


def test_item_printed_twice_is_read_once(tmp_path: Path) -> None:
    block = "名称 依据 行使主体 备注\n渔业船舶登记 《渔业法》第二十三条 县农业农村局 无\n"
    text = block + "Size: px\n" + block.replace("渔业船舶登记", "5 渔业船舶登记")
    plist = _read(tmp_path, text)
    assert _items(plist, "row", "name") == [("5", "渔业船舶登记")]
    assert [r.reason for r in plist.rejects] == [
        "the same item as the record at line 5, printed twice"
    ]
    assert "duplicate-item" in [a.code for a in plist.items[0].anomalies]


def test_record_cut_off_keeps_the_partial_item(tmp_path: Path) -> None:
    text = (
        "序号\n\n事项名称\n\n事项类型\n\n实施主体\n\n设定依据\n\n"
        "1\n\n旅行社设立许可\n\n行政许可\n\n县文旅局\n\n《旅游条例》第二十条\n\n"
        "2\n\n对未取得许可擅自经营的处"
    )
    plist = _read(tmp_path, text)
    assert _items(plist, "row", "name") == [
        ("1", "旅行社设立许可"),
        ("2", "对未取得许可擅自经营的处"),
    ]
    assert "cut-off" in [a.code for a in plist.items[1].anomalies]


def test_page_without_a_list_falls_back_to_records(tmp_path: Path) -> None:
    text = "首页 > 权责清单\n事项名称：林木采伐许可\n事项类型：行政许可\n实施主体：县林业局\n"
    plist = _read(tmp_path, text)
    assert _items(plist, "name", "type") == [("林木采伐许可", "行政许可")]


def test_one_cell_per_paragraph_keeps_main_and_sub_item_names_apart(tmp_path: Path) -> None:
    # An unread column (行业分类) before the name must not take the main item's paragraph
    # because that leaves the sub-item column empty; sub-items are numbered (1.… 2.…).
    head = "序号\n\n行业分类\n\n主项名称\n\n子项名称\n\n事项类型\n\n设定依据\n\n备注\n\n"
    records = [
        ("1", "道路旅客运输经营许可(含2个子项)", "1.班车客运经营许可", "第八条"),
        ("2", "道路货物运输经营许可", "2.普通货运经营许可", "第二十一条"),
    ]
    body = "".join(
        f"{row}\n\n交通运输\n\n{name}\n\n{sub}\n\n行政许可\n\n《道路运输条例》{article}\n\n无\n\n"
        for row, name, sub, article in records
    )
    plist = _read(tmp_path, "附件\n交通运输部门行政许可事项目录\n" + head + body)
    read = [(i.row, i.name, i.subitems, dict(i.extra).get("行业分类")) for i in plist.items]
    assert read == [(row, name, (sub,), "交通运输") for row, name, sub, _ in records]
