"""Merged cells as departments lay their lists out: a power whose name and basis cells are merged
down over the rows of its responsibility steps is one item, in XLSX, XLS, DOCX and HTML alike;
spacer rows under merges are blank rows, text hidden under a merge is reported and not read,
formula serials give their cached values."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest

from extractors.models import PowerList
from tests.extractors.reading.support import read_written

HEADER = ["序号", "事项名称", "事项类型", "设定依据", "责任事项", "追责情形", "实施主体"]
# Item 1 spans three rows, one per responsibility step; item 2 spans two, the second a spacer.
STEPS = ["1.受理责任：依法受理申请。", "2.审查责任：审查申请材料。", "3.决定责任：作出决定。"]
ITEM1 = [
    "1",
    "城乡医疗救助",
    "行政给付",
    "《社会救助暂行办法》第二十八条",
    None,
    "不履行职责的",
    "县医保局",
]
ITEM2 = [
    "2",
    "医疗保险稽核",
    "行政检查",
    "《社会保险法》第七十九条",
    "依法开展稽核。",
    "",
    "县医保局",
]
HIDDEN = "旧的追责情形"
MERGED_ALWAYS = (0, 1, 2, 3, 5, 6)  # every column but 责任事项


def _rows() -> list[list[str]]:
    """The sheet as written: title, header, item 1 over rows 3-5, item 2 over rows 6-7."""
    first = [*ITEM1]
    first[4] = STEPS[0]
    return [
        ["某县医疗保障局权责清单"],
        HEADER,
        first,
        ["", "", "", "", STEPS[1], "", ""],
        ["", "", "", "", STEPS[2], "", ""],
        ITEM2,
        [""] * len(HEADER),
    ]


def _saved(document: Any) -> bytes:
    """The bytes of a workbook or document (openpyxl, xlwt, python-docx) as saved."""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _patch_sheet(data: bytes, edit: Callable[[str], str]) -> bytes:
    """``data`` (an XLSX package) with its first sheet's XML rewritten by ``edit``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = edit(content.decode()).encode()
            target.writestr(info, content)
    return out.getvalue()


def _xlsx() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in _rows():
        sheet.append([c or None for c in row])
    sheet.merge_cells("A1:G1")
    for column in MERGED_ALWAYS:
        letter = "ABCDEFG"[column]
        sheet.merge_cells(f"{letter}3:{letter}5")
    for letter in "ABCDEFG":
        sheet.merge_cells(f"{letter}6:{letter}7")
    sheet["A3"] = "=ROW()-2"  # a formula serial, cached value 1

    def edit(xml: str) -> str:
        xml = xml.replace("<f>ROW()-2</f><v></v>", "<f>ROW()-2</f><v>1</v>")
        # Text left in a cell that the merge F3:F5 covers: Excel keeps it, and never shows it.
        hidden = f'<c r="F4" t="inlineStr"><is><t>{HIDDEN}</t></is></c>'
        return re.sub(r'(<row r="4"[^>]*>.*?)(</row>)', rf"\g<1>{hidden}\g<2>", xml, count=1)

    return _patch_sheet(_saved(book), edit)


def _xls() -> bytes:
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("清单", cell_overwrite_ok=True)
    rows = _rows()
    sheet.write_merge(0, 0, 0, 6, rows[0][0])
    for c, text in enumerate(HEADER):
        sheet.write(1, c, text)
    for c in range(len(HEADER)):
        if c in MERGED_ALWAYS:
            sheet.write_merge(2, 4, c, c, int(ITEM1[c]) if c == 0 else ITEM1[c])
        else:
            for r in range(3):
                sheet.write(2 + r, c, STEPS[r])
        sheet.write_merge(5, 6, c, c, int(ITEM2[c]) if c == 0 else ITEM2[c])
    sheet.write(3, 5, HIDDEN)  # hidden under F3:F5, as xlrd still shows it
    return _saved(book)


def _docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("某县医疗保障局权责清单")
    rows = _rows()[1:]
    table = document.add_table(rows=len(rows), cols=len(HEADER))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    for c in MERGED_ALWAYS:
        table.cell(1, c).merge(table.cell(3, c))
    for c in range(len(HEADER)):
        table.cell(4, c).merge(table.cell(5, c))
    # python-docx joins the texts of merged cells; the top cell keeps the value alone.
    for c in range(len(HEADER)):
        if c in MERGED_ALWAYS:
            table.cell(1, c).text = ITEM1[c] or ""
        table.cell(4, c).text = ITEM2[c] or ""
    # Text in a cell that continues the merge F2:F4: Word keeps it, and never shows it.
    covered = table._tbl.tr_lst[2].tc_lst[5]  # the sixth <w:tc> of table row 3: column F
    covered.add_p().add_r().text = HIDDEN
    return _saved(document)


def _html() -> bytes:
    def td(text: str, rowspan: int = 1) -> str:
        span = f' rowspan="{rowspan}"' if rowspan > 1 else ""
        return f"<td{span}>{escape(text)}</td>"

    first = [td(STEPS[0]) if c == 4 else td(ITEM1[c] or "", 3) for c in range(len(HEADER))]
    body = [
        "<tr>" + "".join(f"<th>{h}</th>" for h in HEADER) + "</tr>",
        "<tr>" + "".join(first) + "</tr>",
        f"<tr>{td(STEPS[1])}</tr>",
        f"<tr>{td(STEPS[2])}</tr>",
        "<tr>" + "".join(td(t or "", 2) for t in ITEM2) + "</tr>",
        "<tr></tr>",
    ]
    page = (
        f"<html><body><h1>某县医疗保障局权责清单</h1><table>{''.join(body)}</table></body></html>"
    )
    return page.encode()


MAKERS = [
    pytest.param("list.xlsx", _xlsx, id="xlsx"),
    pytest.param("list.xls", _xls, id="xls"),
    pytest.param("list.docx", _docx, id="docx"),
    pytest.param("list.html", _html, id="html"),
]


def _read(tmp_path: Path, name: str, content: bytes) -> PowerList:
    return read_written(tmp_path, name, content)


@pytest.mark.parametrize(("name", "make"), MAKERS)
def test_power_merged_over_its_steps_is_one_item(
    tmp_path: Path, name: str, make: Callable[[], bytes]
) -> None:
    plist = _read(tmp_path, name, make())
    got = [(i.row, i.name, i.type, i.basis, i.department) for i in plist.items]
    assert got == [
        ("1", "城乡医疗救助", "行政给付", ITEM1[3], "县医保局"),
        ("2", "医疗保险稽核", "行政检查", ITEM2[3], "县医保局"),
    ]
    # The steps join in order; the merged cells count once.
    assert plist.items[0].responsibility == "\n".join(STEPS)
    assert plist.items[0].accountability == "不履行职责的"
    assert plist.meta.title == "某县医疗保障局权责清单"


@pytest.mark.parametrize(("name", "make"), MAKERS)
def test_spacer_rows_under_merges_are_blank_rows(
    tmp_path: Path, name: str, make: Callable[[], bytes]
) -> None:
    plist = _read(tmp_path, name, make())
    # Rows 4 and 5 join item 1 (they are not rows of their own), row 7 is item 2's spacer.
    assert (len(plist.items), plist.rejects, plist.sections, plist.blank_rows) == (2, (), (), 1)


@pytest.mark.parametrize(
    ("name", "make", "where", "merge"),
    [
        pytest.param("list.xlsx", _xlsx, "F4", "F3:F5", id="xlsx"),
        pytest.param("list.xls", _xls, "F4", "F3:F5", id="xls"),
        pytest.param("list.docx", _docx, "F3", "F2", id="docx"),  # table rows, no title row
    ],
)
def test_text_hidden_under_a_merge_is_reported_not_read(
    tmp_path: Path, name: str, make: Callable[[], bytes], where: str, merge: str
) -> None:
    item = _read(tmp_path, name, make()).items[0]
    assert HIDDEN not in (item.accountability or "")
    hidden = [a for a in item.anomalies if a.code == "hidden-cell"]
    assert [(a.column, a.text) for a in hidden] == [(where, HIDDEN)]
    assert merge in hidden[0].message


def test_formula_serial_reads_its_cached_value(tmp_path: Path) -> None:
    assert _read(tmp_path, "list.xlsx", _xlsx()).items[0].row == "1"


@pytest.mark.parametrize(
    ("shared", "shown"),
    [
        # (=ROW()-1 alone is read from the row's number: test_read_tables_round14)
        pytest.param(False, "SUBTOTAL(3,$B$2:B2)", id="formula"),
        pytest.param(True, "(shared formula 0)", id="shared"),
    ],
)
def test_formula_without_cached_value_is_reported(tmp_path: Path, shared: bool, shown: str) -> None:
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    book.active.append(["=SUBTOTAL(3,$B$2:B2)", "城乡医疗救助", "行政给付", "", "", "", "县医保局"])
    data = _saved(book)
    if shared:  # a later cell of a shared formula holds only the formula's index
        data = _patch_sheet(
            data, lambda xml: xml.replace("<f>SUBTOTAL(3,$B$2:B2)</f>", '<f t="shared" si="0"/>')
        )
    item = _read(tmp_path, "list.xlsx", data).items[0]
    assert item.row is None
    assert [(a.code, a.column, a.text) for a in item.anomalies] == [
        ("uncached-formula", "A2", shown)
    ]


def test_sub_item_rows_under_a_merged_parent(tmp_path: Path) -> None:
    """Serial, name and basis merged over two sub-items, each with its own 子项 cell: one item,
    the basis once, the sub-items listed, the second sub-item's own body kept in extra."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["序号", "事项名称", "子项名称", "设定依据", "实施主体"])
    sheet.append([5, "药品经营检查", "批发企业检查", "《药品管理法》第九十九条", "市局"])
    sheet.append([None, None, "零售企业检查", None, "县局"])
    for letter in "ABD":
        sheet.merge_cells(f"{letter}2:{letter}3")
    plist = _read(tmp_path, "a.xlsx", _saved(book))
    got = [(i.row, i.name, i.subitems, i.basis, i.department) for i in plist.items]
    assert got == [
        ("5", "药品经营检查", ("批发企业检查", "零售企业检查"), "《药品管理法》第九十九条", "市局")
    ]
    assert plist.items[0].extra == (("实施主体", "县局"),)


def test_rowspan_parent_with_sub_rows_of_their_own(tmp_path: Path) -> None:
    """An HTML list whose serial and name span two rows, each row with its own basis and body:
    one item, the bases joined in order, the second body reported (the first stands)."""
    page = (
        "<table><tr><th>编号</th><th>抽查事项名称</th><th>抽查依据</th><th>抽查主体</th></tr>"
        "<tr><td rowspan=2>3</td><td rowspan=2>食品经营单位证后监管</td>"
        "<td>《食品安全法》相关规定</td><td>市县食品药品监管部门</td></tr>"
        "<tr><td>《食品生产经营日常监督检查管理办法》</td><td>市、县食品药品监管部门</td></tr>"
        "</table>"
    )
    plist = _read(tmp_path, "a.html", page.encode())
    (item,) = plist.items
    assert (item.row, item.name, item.department) == (
        "3",
        "食品经营单位证后监管",
        "市县食品药品监管部门",
    )
    assert item.basis == "《食品安全法》相关规定\n《食品生产经营日常监督检查管理办法》"
    assert [a.code for a in item.anomalies] == ["merged-row-conflict"]
    assert ("department", "市、县食品药品监管部门") in item.extra


def test_old_xls_saved_as_xlsx_and_several_sheets(tmp_path: Path) -> None:
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook(encoding="utf-8")
    for number, (name, power) in enumerate([("许可", "林木采伐许可"), ("处罚", "对毁林的处罚")]):
        sheet = book.add_sheet(name)
        sheet.write(0, 0, "某县林业局权责清单")
        for c, text in enumerate(["序号", "事项名称", "事项类型", "实施主体"]):
            sheet.write(1, c, text)
        for c, value in enumerate([number + 1, power, f"行政{name}", "县林业局"]):
            sheet.write(2, c, value)
    plist = _read(tmp_path, "list.xlsx", _saved(book))
    assert plist.format == "xls"
    assert [(i.row, i.name, i.type) for i in plist.items] == [
        ("1", "林木采伐许可", "行政许可"),
        ("2", "对毁林的处罚", "行政处罚"),
    ]


def test_heading_row_across_merged_columns_is_a_section_not_a_step(tmp_path: Path) -> None:
    """The department cell is merged down the whole table, over a group heading merged across
    the other columns: the heading is a section, not a step of the item above it."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["序号", "事项名称", "事项类型", "责任事项", "实施主体"])
    sheet.append([1, "林木采伐许可", "行政许可", "1.受理", "县林业局"])
    sheet.append([None, None, None, "2.决定", None])
    sheet.append([None, "二、行政处罚", None, None, None])
    sheet.append([2, "对毁林的处罚", None, "立案", None])
    for merged in ("A2:A3", "B2:B3", "C2:C3", "B4:D4", "E2:E5"):
        sheet.merge_cells(merged)
    plist = _read(tmp_path, "a.xlsx", _saved(book))
    got = [(i.row, i.name, i.type, i.responsibility, i.department) for i in plist.items]
    assert got == [
        ("1", "林木采伐许可", "行政许可", "1.受理\n2.决定", "县林业局"),
        ("2", "对毁林的处罚", "行政处罚", "立案", "县林业局"),
    ]
    assert [(s.line, s.text) for s in plist.sections] == [(4, "二、行政处罚")]


# A two-level header: 设定依据 merged over the columns its lower row names (法律法规 | 规章), the
# other header cells merged down over both rows.
TWO_LEVEL_TOP = ["序号", "事项名称", "事项类型", "设定依据", "", "实施主体"]
TWO_LEVEL_BELOW = ["", "", "", "法律法规", "规章", ""]
TWO_LEVEL_ITEM = [
    "1",
    "对无证经营的处罚",
    "行政处罚",
    "《某某法》第十条",
    "《某某办法》第五条",
    "县局",
]


def _two_level_xlsx() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (TWO_LEVEL_TOP, TWO_LEVEL_BELOW, TWO_LEVEL_ITEM):
        sheet.append([c or None for c in row])
    sheet.merge_cells("D1:E1")
    for letter in "ABCF":
        sheet.merge_cells(f"{letter}1:{letter}2")
    return _saved(book)


def _two_level_docx() -> bytes:
    document = docx.Document()
    table = document.add_table(rows=3, cols=len(TWO_LEVEL_TOP))
    for r, row in enumerate((TWO_LEVEL_TOP, TWO_LEVEL_BELOW, TWO_LEVEL_ITEM)):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    table.cell(0, 3).merge(table.cell(0, 4))
    for c in (0, 1, 2, 5):
        table.cell(0, c).merge(table.cell(1, c))
    return _saved(document)


def _two_level_html() -> bytes:
    top = "".join(
        '<th colspan="2">设定依据</th>' if h == "设定依据" else f'<th rowspan="2">{h}</th>'
        for h in TWO_LEVEL_TOP
        if h
    )
    below = "<th>法律法规</th><th>规章</th>"
    item = "".join(f"<td>{escape(c)}</td>" for c in TWO_LEVEL_ITEM)
    rows = f"<tr>{top}</tr><tr>{below}</tr><tr>{item}</tr>"
    return f"<html><body><table>{rows}</table></body></html>".encode()


@pytest.mark.parametrize(
    ("name", "make"),
    [
        pytest.param("list.xlsx", _two_level_xlsx, id="xlsx"),
        pytest.param("list.docx", _two_level_docx, id="docx"),
        pytest.param("list.html", _two_level_html, id="html"),
    ],
)
def test_two_level_header_reads_the_lower_row_as_parts_of_the_upper(
    tmp_path: Path, name: str, make: Callable[[], bytes]
) -> None:
    (item,) = _read(tmp_path, name, make()).items
    assert (item.row, item.name, item.type, item.department) == (
        "1",
        "对无证经营的处罚",
        "行政处罚",
        "县局",
    )
    assert item.basis == "《某某法》第十条\n《某某办法》第五条"
    assert item.extra == ()
