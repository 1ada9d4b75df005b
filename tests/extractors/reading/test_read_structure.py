"""Structures the first pass of the readers missed: pages without serials, departments run into
the name, label | value tables, blank rows and section headings, sub-items under merged cells,
JSON envelopes with coded keys, and the per-file report that counts all of it."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from html import escape
from pathlib import Path

import docx
import openpyxl
import pytest

from extractors.models import PowerList
from extractors.report import Reading
from tests.extractors.reading.support import read_written


def _read(tmp_path: Path, name: str, content: str | bytes) -> PowerList:
    return read_written(tmp_path, name, content)


def _fields(plist: PowerList, *keys: str) -> list[tuple[str | None, ...]]:
    return [tuple(item.get(k) for k in keys) for item in plist.items]


# -- flattened pages without a 序号 column ------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        pytest.param(
            "某县医疗保障局权力清单\n实施部门 事项名称 事项类型 设定依据 行使层级\n\n"
            "县医保局 城乡医疗救助 行政确认 《社会救助暂行办法》第二十八条 区县级\n\n"
            "县医保局 对用人单位的处罚 行政处罚 《社会保险法》\n第八十六条 区县级\n",
            [
                ("城乡医疗救助", "行政确认", "《社会救助暂行办法》第二十八条"),
                ("对用人单位的处罚", "行政处罚", "《社会保险法》\n第八十六条"),
            ],
            id="records-separated-by-blank-lines",
        ),
        pytest.param(
            "事项类型 事项名称 实施主体 设定依据\n"
            "行政处罚 对用人单位不办理社会保险登记的处罚 县医保局 《社会保险法》第八十六条\n"
            "行政确认 城乡医疗救助 县医保局 《社会救助暂行办法》\n第二十八条\n"
            "行政检查 医疗保险稽核 县医保局 《社会保险法》第七十九条\n",
            [
                ("对用人单位不办理社会保险登记的处罚", "行政处罚", "《社会保险法》第八十六条"),
                ("城乡医疗救助", "行政确认", "《社会救助暂行办法》\n第二十八条"),
                ("医疗保险稽核", "行政检查", "《社会保险法》第七十九条"),
            ],
            id="each-record-opens-with-its-power-type",
        ),
        pytest.param(
            "事项编码 事项名称 事项类型 实施主体 设定依据\n"
            "330217001000 城乡居民养老保险待遇申领 公共服务 区社保中心 《社会保险法》第二十条\n"
            "330217002000 失业保险金申领 公共服务 区社保中心 《失业保险条例》\n第十六条\n",
            [
                ("城乡居民养老保险待遇申领", "公共服务", "《社会保险法》第二十条"),
                ("失业保险金申领", "公共服务", "《失业保险条例》\n第十六条"),
            ],
            id="each-record-opens-with-its-code",
        ),
    ],
)
def test_flat_page_without_serials(
    tmp_path: Path, page: str, expected: list[tuple[str, ...]]
) -> None:
    plist = _read(tmp_path, "page.txt", page)
    assert plist.format == "text"
    assert _fields(plist, "name", "type", "basis") == expected
    assert [i.row for i in plist.items] == [None] * len(expected)


# -- cells run together ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param(
            "4270 县医保局对采取虚报、隐瞒等手段骗取医疗救助基金的处罚 行政处罚 市级、区县级",
            ("县医保局", "对采取虚报、隐瞒等手段骗取医疗救助基金的处罚", "行政处罚"),
            id="department-run-into-the-name",
        ),
        pytest.param(
            "4271 县人力社保局/县医保局对用人单位的处罚 行政处罚 区县级",
            ("县人力社保局/县医保局", "对用人单位的处罚", "行政处罚"),
            id="joined-departments-run-into-the-name",
        ),
    ],
)
def test_department_glued_to_name_is_split(
    tmp_path: Path, line: str, expected: tuple[str, ...]
) -> None:
    page = f"序号 实施部门 事项名称 事项类型 行使层级\n{line}\n"
    plist = _read(tmp_path, "page.txt", page)
    assert _fields(plist, "department", "name", "type") == [expected]


def test_department_glued_to_citation_is_split(tmp_path: Path) -> None:
    page = (
        "序号 事项名称 事项类型 实施部门 设定依据\n"
        "12 医疗保险稽核 行政检查 县医保局《社会保险法》第七十九条\n"
    )
    plist = _read(tmp_path, "page.txt", page)
    assert _fields(plist, "department", "basis") == [("县医保局", "《社会保险法》第七十九条")]


# -- label | value tables --------------------------------------------------------------------

PAIRS = [
    ("事项名称", "城乡医疗救助"),
    ("事项类型", "行政确认"),
    ("实施主体", "县医保局"),
    ("设定依据", "《社会救助暂行办法》第二十八条"),
    ("事项名称", "医疗保险稽核"),
    ("事项类型", "行政检查"),
    ("实施主体", "县医保局"),
    ("设定依据", "《社会保险法》第七十九条"),
]
VERTICAL = [
    ("城乡医疗救助", "行政确认", "县医保局", "《社会救助暂行办法》第二十八条"),
    ("医疗保险稽核", "行政检查", "县医保局", "《社会保险法》第七十九条"),
]


def _label_xlsx() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["某县医疗保障局权责事项表"])
    sheet.merge_cells("A1:C1")
    for label, value in PAIRS:
        sheet.append([label, value])
        # The value cell spans two columns, as forms are laid out.
        sheet.merge_cells(
            start_row=sheet.max_row, start_column=2, end_row=sheet.max_row, end_column=3
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _label_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("某县医疗保障局权责事项表")
    table = document.add_table(rows=len(PAIRS), cols=2)
    for r, (label, value) in enumerate(PAIRS):
        table.cell(r, 0).text = label
        table.cell(r, 1).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _label_html() -> bytes:
    # Four columns: two label | value pairs per row.
    cells = [f"<td>{escape(label)}</td><td>{escape(value)}</td>" for label, value in PAIRS]
    rows = "".join(f"<tr>{cells[i]}{cells[i + 1]}</tr>" for i in range(0, len(cells), 2))
    return (
        f"<html><body><h1>某县医疗保障局权责事项表</h1><table>{rows}</table></body></html>".encode()
    )


@pytest.mark.parametrize(
    ("name", "make"),
    [
        pytest.param("form.xlsx", _label_xlsx, id="xlsx-two-columns-value-merged"),
        pytest.param("form.docx", _label_docx, id="docx-two-columns"),
        pytest.param("form.html", _label_html, id="html-two-pairs-per-row"),
    ],
)
def test_label_value_tables(tmp_path: Path, name: str, make: Callable[[], bytes]) -> None:
    plist = _read(tmp_path, name, make())
    assert _fields(plist, "name", "type", "department", "basis") == VERTICAL
    assert plist.meta.title == "某县医疗保障局权责事项表"


def test_label_table_merged_label_continues_the_value(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    for label, value in [*PAIRS[:3], ("设定依据", "《社会保险法》"), ("", "第七十九条")]:
        sheet.append([label, value])
    sheet.merge_cells("A4:A5")
    out = io.BytesIO()
    book.save(out)
    plist = _read(tmp_path, "form.xlsx", out.getvalue())
    assert _fields(plist, "name", "basis") == [("城乡医疗救助", "《社会保险法》\n第七十九条")]


def test_two_column_table_of_other_things_is_no_list(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    for row in [("办公地址", "某县某路1号"), ("服务电话", "0891-6332123"), ("邮编", "850000")]:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(Exception, match="no recognisable table"):
        _read(tmp_path, "a.xlsx", out.getvalue())


# -- blank rows and section headings ----------------------------------------------------------

SECTIONED = (
    "| 序号 | 事项名称 | 事项类型 | 实施主体 |\n|--|--|--|--|\n"
    "| 一、行政许可（1项） | | | |\n"
    "| 1 | 林木采伐许可 | | 县林业局 |\n"
    "| | | | |\n"
    "| 行政处罚类 | 行政处罚类 | 行政处罚类 | 行政处罚类 |\n"
    "| 2 | 对违法采伐林木的处罚 | | 县林业局 |\n"
    "| 3 | 对毁坏林木的处罚 | 行政强制 | 县林业局 |\n"
    "| | | | |\n"
)


def test_sections_carry_their_type_and_blank_rows_are_counted(tmp_path: Path) -> None:
    plist = _read(tmp_path, "a.md", SECTIONED)
    assert _fields(plist, "row", "type") == [
        ("1", "行政许可"),
        ("2", "行政处罚"),
        ("3", "行政强制"),
    ]
    assert [[a.code for a in i.anomalies] for i in plist.items] == [
        ["type-from-section"],
        ["type-from-section"],
        [],
    ]
    assert [(s.line, s.text, s.type) for s in plist.sections] == [
        (3, "一、行政许可（1项）", "行政许可"),
        (6, "行政处罚类", "行政处罚"),
    ]
    assert plist.rejects == ()
    # The blank row after the last item is past the table's end, not inside it.
    assert (plist.rows_seen, plist.blank_rows) == (6, 1)


def test_blank_rows_inside_a_sheet_are_counted(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["序号", "事项名称", "事项类型", "实施主体"])
    sheet.append([1, "林木采伐许可", "行政许可", "县林业局"])
    sheet.append([])
    sheet.append([])
    sheet.append([2, "对违法采伐林木的处罚", "行政处罚", "县林业局"])
    out = io.BytesIO()
    book.save(out)
    plist = _read(tmp_path, "a.xlsx", out.getvalue())
    assert (len(plist.items), plist.blank_rows, plist.rows_seen) == (2, 2, 4)


def test_report_states_every_count(tmp_path: Path) -> None:
    report = Reading.of(_read(tmp_path, "a.md", SECTIONED + "| 4 | | | 县林业局 |\n"))
    head, *rest = report.lines("a.md")
    assert "rows seen=8 items=3 sub-items=0 rejects=1 sections=2 blank rows=2" in head
    assert "  rejects: row has no item name: 1" in rest
    assert "  anomalies: type-from-section 2" in rest
    assert report.to_json()["sections"][1] == {"line": 6, "text": "行政处罚类", "type": "行政处罚"}


# -- sub-items -------------------------------------------------------------------------------


def test_sub_items_under_merged_cells_are_one_item(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["序号", "事项名称", "子项", "事项类型"])
    sheet.append([3, "对医疗机构的处罚", "对骗取基金的处罚", "行政处罚"])
    sheet.append([None, None, "对违规收费的处罚", "行政处罚"])
    sheet.append([None, None, "对拒不配合检查的处罚", "行政处罚"])
    sheet.append([4, "城乡医疗救助", "", "行政给付"])
    sheet.merge_cells("A2:A4")
    sheet.merge_cells("B2:B4")
    out = io.BytesIO()
    book.save(out)
    plist = _read(tmp_path, "a.xlsx", out.getvalue())
    assert _fields(plist, "row", "name", "type") == [
        ("3", "对医疗机构的处罚", "行政处罚"),
        ("4", "城乡医疗救助", "行政给付"),
    ]
    assert plist.items[0].subitems == (
        "对骗取基金的处罚",
        "对违规收费的处罚",
        "对拒不配合检查的处罚",
    )
    assert (plist.rows_seen, plist.rows_accounted()) == (2, 2)


# -- JSON envelopes and coded keys -------------------------------------------------------------


def test_json_envelope_keeps_line_numbers_and_reads_coded_keys(tmp_path: Path) -> None:
    text = (
        '{"code": 200, "msg": "success", "title": "某县医疗保障局权责清单",\n'
        ' "data": {"total": 2, "list": [\n'
        '   {"xh": 1, "sxmc": "城乡医疗救助", "sxlx": "行政确认", "sszt": "县医保局",\n'
        '    "sdyj": "《社会救助暂行办法》第二十八条"},\n'
        "\n"
        '   {"xh": 2, "sxmc": "医疗保险稽核", "sxlx": "行政检查", "sszt": "县医保局",\n'
        '    "sdyj": "《社会保险法》第七十九条", "bz": "无"}\n'
        " ]}}\n"
    )
    plist = _read(tmp_path, "api.json", text)
    assert _fields(plist, "row", "name", "type", "department", "remarks") == [
        ("1", "城乡医疗救助", "行政确认", "县医保局", None),
        ("2", "医疗保险稽核", "行政检查", "县医保局", "无"),
    ]
    assert [i.line for i in plist.items] == [3, 6]
    assert plist.meta.title == "某县医疗保障局权责清单"


@pytest.mark.parametrize(
    "keys",
    [
        pytest.param(("qlmc", "qllx", "ssbm"), id="pinyin-initials"),
        pytest.param(("name", "type", "department"), id="english"),
        pytest.param(("itemName", "itemType", "deptName", "sdyj"), id="camel-case"),
        pytest.param(("powerName", "powerType", "implDeptName", "setBasis"), id="camel-words"),
        pytest.param(("matter_name", "matter_category", "org_name", "legal_basis"), id="snake"),
    ],
)
def test_json_coded_keys(tmp_path: Path, keys: tuple[str, ...]) -> None:
    values = ("城乡医疗救助", "行政确认", "县医保局", "《社会救助暂行办法》第二十八条")
    records = [dict(zip(keys, values[: len(keys)], strict=True))]
    plist = _read(tmp_path, "api.json", json.dumps({"rows": records}, ensure_ascii=False))
    fields = ("name", "type", "department", "basis")[: len(keys)]
    assert _fields(plist, *fields) == [values[: len(keys)]]
    assert plist.items[0].extra == ()


# Lists laid out as one table per power type: a heading above each table (a paragraph of the
# page or document), or a sheet named for the type. (heading, rows of serial | name | basis)
TYPED_TABLES = [
    ("一、行政许可（1项）", [("1", "医疗机构执业登记", "《医疗机构管理条例》第十五条")]),
    (
        "二、行政处罚（2项）",
        [
            ("2", "对使用非卫生技术人员的处罚", "《医疗机构管理条例》第四十七条"),
            ("3", "对无证行医的处罚", "《中华人民共和国医师法》第五十九条"),
        ],
    ),
]
TYPED_HEADER = ("序号", "权责事项", "实施依据")


def _typed_html() -> bytes:
    parts = ["<html><body><h2>某县卫生健康委员会权责清单</h2>"]
    for heading, rows in TYPED_TABLES:
        cells = ["".join(f"<td>{escape(c)}</td>" for c in row) for row in (TYPED_HEADER, *rows)]
        parts.append(f"<p>{heading}</p><table>{''.join(f'<tr>{c}</tr>' for c in cells)}</table>")
    return ("".join(parts) + "</body></html>").encode()


def _typed_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("某县卫生健康委员会权责清单")
    for heading, rows in TYPED_TABLES:
        document.add_paragraph(heading)
        table = document.add_table(rows=len(rows) + 1, cols=len(TYPED_HEADER))
        for r, row in enumerate((TYPED_HEADER, *rows)):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _typed_xlsx() -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for heading, rows in TYPED_TABLES:
        sheet = book.create_sheet(heading[2:6])  # the sheet named for the type: 行政许可
        for row in (TYPED_HEADER, *rows):
            sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "make"),
    [
        pytest.param("list.html", _typed_html, id="html-headings"),
        pytest.param("list.docx", _typed_docx, id="docx-headings"),
        pytest.param("list.xlsx", _typed_xlsx, id="xlsx-sheet-names"),
    ],
)
def test_a_heading_above_each_table_types_its_items(
    tmp_path: Path, name: str, make: Callable[[], bytes]
) -> None:
    plist = _read(tmp_path, name, make())
    assert [(i.row, i.type) for i in plist.items] == [
        ("1", "行政许可"),
        ("2", "行政处罚"),
        ("3", "行政处罚"),
    ]
    assert all(a.code == "type-from-section" for i in plist.items for a in i.anomalies)
    assert [s.type for s in plist.sections] == ["行政许可", "行政处罚"]
    assert plist.rows_seen == len(plist.items) + len(plist.sections)


def test_a_title_above_a_lone_table_types_nothing(tmp_path: Path) -> None:
    # the list's title names a type among other words, and there is one table: no section
    page = (
        "<html><body><p>某县林业局行政许可事项清单</p><table>"
        + "".join(
            "<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>"
            for row in (TYPED_HEADER, ("1", "林木采伐许可证核发", "《森林法》第五十六条"))
        )
        + "</table></body></html>"
    )
    plist = _read(tmp_path, "list.html", page)
    assert [(i.type, i.anomalies) for i in plist.items] == [(None, ())]
    assert plist.sections == ()
