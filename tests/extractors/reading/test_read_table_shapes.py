"""Round 4 of the table readers' shapes (CSV/TSV, XLSX, HTML, Markdown, DOCX, JSON): forms of one
item per table, sheet, block of rows or column; a department's heading over each pipe table;
tracked changes, content controls, nested tables and hidden text in DOCX; hidden rows, hidden and
struck-out text, scripts and nested tables in HTML; nested fields and children in JSON; a table a
page break split without repeating its header. Each list is read item by item and citation by
citation (``test_read_shapes._read_back``), and, where the format is read in batches, in batches
too (``test_stream._same``): a field lost or taken from text the file does not show, without a
word, is the defect these tests catch."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from extractors import read_list
from extractors.models import PowerList
from tests.extractors.reading.tables import Table, write, xls, xlsx
from tests.extractors.reading.test_read_shapes import HEADER, ITEMS, _read_back
from tests.extractors.reading.test_stream import _same

#: A citation no item has: text a file hides, deletes or scripts, never to be read.
GHOST = "《中华人民共和国刑法》第三百九十七条"


def _codes(plist: PowerList, code: str) -> list[int]:
    """How many anomalies of ``code`` each item has."""
    return [sum(a.code == code for a in i.anomalies) for i in plist.items]


def _csv(rows: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    return out.getvalue()


# -- a department's heading over each pipe table --------------------------------------------------


@pytest.mark.parametrize("mark", ["## {}", "**{}**", "{}"])
def test_a_department_heading_over_each_pipe_table(tmp_path: Path, mark: str) -> None:
    # ## 县人力社保局 over its table, no department column: before, the items had no department,
    # without a word (HTML and DOCX, whose heading is the table's lead, gave it already).
    header = tuple(h for h in HEADER if h != "实施主体")
    departments = dict.fromkeys(i[3] for i in ITEMS)
    lines = ["# 某县权责清单", ""]
    for department in departments:
        lines += [mark.format(department), "", "| " + " | ".join(header) + " |"]
        lines.append("|" + "---|" * len(header))
        lines += [
            "| " + " | ".join(c for k, c in enumerate(i) if k != 3) + " |"
            for i in ITEMS
            if i[3] == department
        ]
        lines.append("")
    path = tmp_path / "list.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = tuple(i for d in departments for i in ITEMS if i[3] == d)
    _read_back(path, expected, heading=True)
    _same(path, size=2)


# -- forms: one item per block of label | value rows, per column, per table -----------------------

LABELS = ("序号", "事项名称", "事项类型", "实施主体", "设定依据", "追责依据")


def _form_blocks(blank: bool, padding: int, serial: bool) -> list[list[str]]:
    rows: list[list[str]] = [["某县人力资源和社会保障局权责清单", *[""] * padding]]
    for item in ITEMS:
        rows += [
            [label, value, *[""] * padding]
            for label, value in zip(LABELS, item, strict=True)
            if serial or label != "序号"
        ]
        rows += [[""] * (2 + padding)] if blank else []
    return rows


@pytest.mark.parametrize(
    ("blank", "padding", "serial"), [(True, 0, True), (False, 0, False), (True, 2, True)]
)
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_a_form_list_in_csv(
    tmp_path: Path, blank: bool, padding: int, serial: bool, delimiter: str
) -> None:
    # label,value rows, an item's after another's (a blank row between or not, the empty
    # columns of a sheet's export): before, a CSV was refused (no recognisable table), its
    # lines having one comma each and no header row.
    path = tmp_path / "list.csv"
    path.write_text(_csv(_form_blocks(blank, padding, serial), delimiter), encoding="utf-8")
    expected = ITEMS if serial else tuple((None, *i[1:]) for i in ITEMS)
    _read_back(path, expected)  # type: ignore[arg-type]


def _by_column() -> list[list[str]]:
    return [[label, *(item[k] for item in ITEMS)] for k, label in enumerate(LABELS)]


@pytest.mark.parametrize("suffix", ["csv", "xlsx", "xls"])
def test_a_table_of_one_item_per_column(tmp_path: Path, suffix: str) -> None:
    # The labels down the first column, an item in each further column: before, a CSV was
    # refused, and a sheet read as one item of every item's text run together (said doubtful).
    path = tmp_path / f"list.{suffix}"
    if suffix == "csv":
        path.write_text(_csv(_by_column()), encoding="utf-8")
    else:
        table = Table(tuple(tuple(r) for r in _by_column()))
        path.write_bytes((xlsx if suffix == "xlsx" else xls)([table]))
    plist = _read_back(path, ITEMS)
    assert [i.line for i in plist.items] == [2, 3, 4]  # (its column)


def test_a_label_value_pair_per_row_is_no_item_per_column(tmp_path: Path) -> None:
    # 事项名称 | … | 事项类型 | … (two pairs a row): one form, not three columns of items.
    rows = [
        ["事项名称", ITEMS[0][1], "事项类型", ITEMS[0][2]],
        ["实施主体", ITEMS[0][3], "设定依据", ITEMS[0][4]],
        ["追责依据", ITEMS[0][5], "", ""],
    ]
    path = tmp_path / "list.csv"
    path.write_text(_csv(rows), encoding="utf-8")
    assert [(i.name, i.type, i.basis) for i in read_list(path).items] == [
        (ITEMS[0][1], ITEMS[0][2], ITEMS[0][4])
    ]


def test_forms_one_under_another_in_a_sheet_each_under_its_title(tmp_path: Path) -> None:
    # 事项2 over the second form, under a blank row: before, read as more of the first item's
    # last value (its accountability basis), as sure.
    tables = [
        Table(((f"事项{item[0]}", ""), *zip(LABELS[1:], item[1:], strict=True)), ((0, 0, 0, 1),))
        for item in ITEMS
    ]
    path = tmp_path / "list.xlsx"
    path.write_bytes(xlsx(tables))
    _read_back(path, tuple((None, *i[1:]) for i in ITEMS))


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_a_semicolon_csv_under_a_title(tmp_path: Path, encoding: str) -> None:
    # Excel saves CSV with ";" where a comma is the decimal mark: before, refused.
    rows = [["某县人力资源和社会保障局权责清单"], list(HEADER), *map(list, ITEMS)]
    path = tmp_path / "list.csv"
    path.write_bytes(_csv(rows, ";").encode(encoding))
    assert _read_back(path, ITEMS).meta.title == "某县人力资源和社会保障局权责清单"


# -- DOCX -----------------------------------------------------------------------------------------


def _document(rows: tuple[tuple[str, ...], ...] = (HEADER, *ITEMS)) -> tuple[object, object]:
    document = docx.Document()
    document.add_paragraph("某县人力资源和社会保障局权责清单")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    return document, table


def _run(tag: str, text: str, wrapper: str | None = None) -> OxmlElement:
    """A run of ``text`` (``tag`` w:t or w:delText), in a ``wrapper`` (w:ins, w:del …)."""
    run = OxmlElement("w:r")
    t = OxmlElement(tag)
    t.text = text
    run.append(t)
    if wrapper is None:
        return run
    outer = OxmlElement(wrapper)
    outer.set(qn("w:id"), "1")
    outer.set(qn("w:author"), "审核人")
    outer.append(run)
    return outer


def _saved(document: object, tmp_path: Path) -> Path:
    path = tmp_path / "list.docx"
    document.save(str(path))  # type: ignore[attr-defined]
    return path


def test_tracked_changes_in_a_docx_read_as_accepted(tmp_path: Path) -> None:
    # A reviewer's changes left tracked: before, inserted text (w:ins) was lost, as python-docx's
    # paragraph text reads only the runs directly in a paragraph; and a row deleted with its text
    # kept (w:trPr/w:del) was read as an item.
    withdrawn = ("9", "已取消的事项", "行政许可", "县人力社保局", GHOST, ITEMS[0][5])
    document, table = _document((HEADER, ITEMS[0], withdrawn, *ITEMS[1:]))
    for r in (1, 3, 4):
        name = table.cell(r, 1).paragraphs[0]._p
        name.append(_run("w:t", "（调整）", "w:ins"))
        basis = table.cell(r, 4).paragraphs[0]._p
        basis.append(_run("w:delText", GHOST, "w:del"))
        basis.append(_run("w:t", GHOST, "w:moveFrom"))
    deleted = OxmlElement("w:del")
    deleted.set(qn("w:id"), "2")
    deleted.set(qn("w:author"), "审核人")
    table.rows[2]._tr.get_or_add_trPr().append(deleted)
    path = _saved(document, tmp_path)
    _read_back(path, tuple((i[0], i[1] + "（调整）", *i[2:]) for i in ITEMS))
    _same(path, size=2)


def _wrap(element: object, tag: str = "w:sdt") -> None:
    """Puts ``element`` inside a content control (w:sdt/w:sdtContent) where it stands."""
    parent = element.getparent()  # type: ignore[attr-defined]
    at = parent.index(element)
    control, content = OxmlElement(tag), OxmlElement("w:sdtContent")
    parent.remove(element)
    content.append(element)
    control.append(content)
    parent.insert(at, control)


def test_content_controls_and_nested_tables_in_a_docx(tmp_path: Path) -> None:
    # A form's content controls around a cell's paragraph or a whole row, and a table nested in
    # a basis cell: before, the accountability basis, the second row and the basis were lost.
    document, table = _document()
    for r in (1, 2, 3):
        _wrap(table.cell(r, 5).paragraphs[0]._p)
        cell = table.cell(r, 4)
        cell.text = ""
        nested = cell.add_table(rows=1, cols=2)
        nested.cell(0, 0).text, nested.cell(0, 1).text = "法律", ITEMS[r - 1][4]
    _wrap(table.rows[2]._tr)
    path = _saved(document, tmp_path)
    _read_back(path, tuple((*i[:4], "法律" + i[4], i[5]) for i in ITEMS))
    _same(path, size=2)


def test_hidden_text_in_a_docx_is_not_read_and_said(tmp_path: Path) -> None:
    # Text formatted hidden (w:vanish), which Word neither shows nor prints: before, read, a
    # citation the list does not show.
    document, table = _document()
    for r in (1, 2, 3):
        table.cell(r, 5).paragraphs[0].add_run(GHOST).font.hidden = True
    path = _saved(document, tmp_path)
    plist = _read_back(path, ITEMS)
    assert _codes(plist, "hidden-text") == [1, 1, 1]
    assert plist.items[0].anomalies[0].text == GHOST
    _same(path, size=2)


@pytest.mark.parametrize("suffix", ["docx", "html"])
def test_a_table_split_by_a_page_break_without_its_header_repeated(
    tmp_path: Path, suffix: str
) -> None:
    # Items 1-2 in a table, item 3 in a second one after a page break, no header repeated:
    # before, item 3 was lost without a word (a table without a header, of no other kind).
    tables = [Table((HEADER, *ITEMS[:2])), Table((ITEMS[2],))]
    path = write(tmp_path, tables, suffix)
    _read_back(path, ITEMS)
    _same(path, size=2)


# -- HTML -----------------------------------------------------------------------------------------


def _page(tmp_path: Path, rows: str, header: str = "") -> Path:
    head = header or "<tr>" + "".join(f"<th>{h}</th>" for h in HEADER) + "</tr>"
    path = tmp_path / "list.html"
    path.write_text(f"<html><body><table>{head}{rows}</table></body></html>", encoding="utf-8")
    return path


def _tr(item: tuple[str, ...], attributes: str = "", last: Callable[[str], str] = str) -> str:
    cells = "".join(f"<td>{c}</td>" for c in item[:-1])
    return f"<tr{attributes}>{cells}<td>{last(item[-1])}</td></tr>"


def test_a_row_hidden_on_a_page_is_read_and_said(tmp_path: Path) -> None:
    # <tr style="display:none">: withdrawn, or hidden by a filter? before, read as any other,
    # without a word (as an XLSX hidden row is said).
    hidden = ("9", "已取消的事项", *ITEMS[0][2:])
    rows = _tr(ITEMS[0]) + _tr(hidden, ' style="display: none"') + "".join(map(_tr, ITEMS[1:]))
    path = _page(tmp_path, rows)
    plist = read_list(path)
    assert [i.name for i in plist.items] == [ITEMS[0][1], hidden[1], ITEMS[1][1], ITEMS[2][1]]
    assert _codes(plist, "hidden-row") == [0, 1, 0, 0]
    _same(path, size=2)


@pytest.mark.parametrize(
    ("wrap", "said"),
    [
        ('<span style="display:none">{}</span>', True),
        ("<span hidden>{}</span>", True),
        ("<del>{}</del>", True),
        ("<script>var basis = '{}';</script>", False),
        ("<style>/* {} */</style>", False),
    ],
)
def test_text_a_page_hides_in_a_cell_is_not_read(tmp_path: Path, wrap: str, said: bool) -> None:
    # Before, read as the cell's text: a citation the page does not show.
    path = _page(tmp_path, "".join(_tr(i, last=lambda c: c + wrap.format(GHOST)) for i in ITEMS))
    plist = _read_back(path, ITEMS)
    assert _codes(plist, "hidden-text") == [int(said)] * 3
    _same(path, size=2)


def test_a_table_nested_in_a_cell_of_the_list(tmp_path: Path) -> None:
    # 设定依据 cells holding a table (法律 | 《…》): before, the list's table, which holds
    # tables, was taken for a layout table and skipped, its nested tables read instead, and the
    # file refused (no recognisable table).
    rows = "".join(
        "<tr>"
        + "".join(f"<td>{c}</td>" for c in i[:4])
        + f"<td><table><tr><td>法律</td><td>{i[4]}</td></tr></table></td><td>{i[5]}</td></tr>"
        for i in ITEMS
    )
    path = _page(tmp_path, rows)
    _read_back(path, tuple((*i[:4], "法律" + i[4], i[5]) for i in ITEMS))
    _same(path, size=2)


def test_a_layout_table_around_the_list_is_still_skipped(tmp_path: Path) -> None:
    inner = "<table>" + "<tr>" + "".join(f"<th>{h}</th>" for h in HEADER) + "</tr>"
    inner += "".join(map(_tr, ITEMS)) + "</table>"
    path = tmp_path / "list.html"
    page = f"<table><tr><td>某县权责清单</td></tr><tr><td>{inner}</td></tr></table>"
    path.write_text(f"<html><body>{page}</body></html>", encoding="utf-8")
    _read_back(path, ITEMS)


# -- JSON -----------------------------------------------------------------------------------------


def _records() -> list[dict[str, str]]:
    return [dict(zip(HEADER, i, strict=True)) for i in ITEMS]


def _json(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "list.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_json_fields_nested_in_an_object_of_the_record(tmp_path: Path) -> None:
    # "依据": {"设定依据": …, "追责依据": …}: before, the basis was the object's JSON text and
    # the accountability basis lost, as sure.
    data = [
        {**{k: v for k, v in r.items() if "依据" not in k}, "依据": {k: r[k] for k in HEADER[4:]}}
        for r in _records()
    ]
    path = _json(tmp_path, {"code": 200, "data": {"list": data}})
    _read_back(path, ITEMS)
    _same(path, size=2)


def test_json_children_of_a_record_are_its_sub_items(tmp_path: Path) -> None:
    # "子项": [{…}, {…}] under a main item, "children": [{…}] under another: before, the sub-
    # items were JSON text in a column of their own, their bases lost, as sure.
    first, second, third = ITEMS
    subs = [{"子项名称": i[1], "设定依据": i[4], "追责依据": i[5]} for i in (first, second)]
    main: dict[str, object] = {"序号": "1", "事项名称": "职业资格审批", "事项类型": first[2]}
    main |= {"实施主体": first[3], "子项": subs}
    parent = dict(zip(HEADER, third, strict=True))
    child = {**parent, "序号": "3-1", "事项名称": "对用人单位的专项检查"}
    path = _json(tmp_path, {"rows": [main, {**parent, "children": [child]}]})
    plist = read_list(path)
    read = [(i.row, i.name, i.subitems, "".join((i.basis or "").split())) for i in plist.items]
    assert read == [
        ("1", "职业资格审批", (first[1], second[1]), first[4] + second[4]),
        # (round 7: the child 3-1 under item 3 folded into it, one item per main serial;
        # before, an item of its own)
        ("3", third[1], ("3-1 对用人单位的专项检查",), third[4]),
    ]
    assert not plist.plausibility.doubtful  # type: ignore[union-attr]
    _same(path, size=2)


def test_json_keys_in_pinyin_and_english(tmp_path: Path) -> None:
    # wzyj (问责依据) and index (序号): before, the accountability basis and the serial lost.
    keys = ("index", "qlmc", "qllx", "ssbm", "ssyj", "wzyj")
    path = _json(tmp_path, [dict(zip(keys, i, strict=True)) for i in ITEMS])
    _read_back(path, ITEMS)


@pytest.mark.parametrize(
    "department", ["主体", "职权主体", "权力主体", "行权主体", "执法单位", "办理机构", "行使机关"]
)
def test_a_department_column_in_other_words(tmp_path: Path, department: str) -> None:
    # before, the column was kept under its own header, every item without a department.
    header = (*HEADER[:3], department, *HEADER[4:])
    path = tmp_path / "list.xlsx"
    workbook = openpyxl.Workbook()
    for row in (header, *ITEMS):
        workbook.active.append(row)
    workbook.save(path)
    _read_back(path, ITEMS)


@pytest.mark.parametrize("gap", [("",), ()], ids=["gap", "no-gap"])
@pytest.mark.parametrize("suffix", ["csv", "xlsx", "xls", "html", "docx", "md"])
def test_two_lists_side_by_side_on_one_sheet(
    tmp_path: Path, suffix: str, gap: tuple[str, ...]
) -> None:
    # The header twice across the sheet, an empty column between or none: before, the
    # right-hand list's cells were read as second columns of the left-hand one's items (its
    # bases joined to theirs, its names in extra), as sure.
    rows = ((*HEADER, *gap, *HEADER), (*ITEMS[0], *gap, *ITEMS[1]), (*ITEMS[2], *gap, *[""] * 6))
    path = write(tmp_path, [Table(rows)], suffix)
    _read_back(path, ITEMS)
    _same(path, size=2)


def test_a_pdf_table_without_ruling_whose_long_cells_are_centred(tmp_path: Path) -> None:
    # Bases of one to ten citations, centred in their rows: a long cell reaches above and below
    # its row's serial, and before, its last lines were read as the first of the next row's
    # basis (八十四条《劳动保障监察条例》…), as sure.
    items = tuple(
        (str(n), f"{item[1]}（{n}）", *item[2:4], "；".join([item[4]] * (1 + n % 4 * 3)), item[5])
        for n, item in ((n, ITEMS[n % 3]) for n in range(1, 13))
    )
    path = write(tmp_path, [Table((HEADER, *items))], "unruled.pdf")
    _read_back(path, tuple(tuple("".join(c.split()) for c in i) for i in items))
    _same(path, size=5)


@pytest.mark.parametrize("suffix", ["md", "csv", "xlsx", "html", "docx"])
def test_a_department_heading_over_headings_of_power_types(tmp_path: Path, suffix: str) -> None:
    # 县人力社保局, then 一、行政许可 over a table and 二、行政处罚 over the next, then the next
    # department: before, the heading of a power type ended the department's section (or, over
    # a table of a page, was its only lead), and no item had a department, without a word.
    header = ("序号", "事项名称", "设定依据", "追责依据")
    tables, expected = [], []
    for department in ("县人力社保局", "县医疗保障局"):
        for n, (ordinal, kind) in enumerate((("一", "行政许可"), ("二", "行政处罚"))):
            serial, name, _, _, basis, accountability = ITEMS[n]
            name = f"{name}（{department}）"
            heading = (department,) if n == 0 else ()
            row = (serial, name, basis, accountability)
            tables.append(Table((header, row), before=(*heading, f"{ordinal}、{kind}")))
            expected.append((serial, name, kind, department, basis, accountability))
    path = write(tmp_path, tables, suffix)
    _read_back(path, tuple(expected), heading=True)
    _same(path, size=2)


def test_a_code_a_spreadsheet_showed_in_e_notation_is_said(tmp_path: Path) -> None:
    # 权力编码 330217001000 exported from a sheet as 3.30217E+11: its last digits are gone, which
    # is not repaired by guess; before, kept as the code without a word.
    header = ("权力编码", *HEADER[1:])
    rows = [list(header), *(["3.30217E+11", *i[1:]] for i in ITEMS)]
    path = tmp_path / "list.csv"
    path.write_text(_csv(rows), encoding="utf-8")
    plist = read_list(path)
    assert [i.code for i in plist.items] == ["3.30217E+11"] * 3
    assert _codes(plist, "e-notation") == [1, 1, 1]
