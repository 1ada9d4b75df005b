"""Round 8 of the table readers' shapes: sub-items listed in a table of their own, joined to the
main items they name; and shapes of spreadsheets, web pages, JSON, CSV and Word files found in
the wild that earlier rounds did not cover. Each list is read item by item and citation by
citation (``test_read_shapes._read_back``) and, where the format is read in batches, in batches
too (``test_stream._same``)."""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
import xlwt

from extractors import read_list
from tests.extractors.reading.tables import Table, write
from tests.extractors.reading.test_read_shapes import HEADER, ITEMS, _read_back
from tests.extractors.reading.test_stream import _same

FIRST, SECOND, THIRD = ITEMS
#: The main items' table: their type and department, no basis.
MAINS = Table(
    (
        ("序号", "主项名称", "事项类型", "实施主体"),
        ("1", "职业资格审批", *FIRST[2:4]),
        ("2", SECOND[1], *SECOND[2:4]),
    )
)
#: Item 1 with sub-items 1-1 (FIRST's basis) and 1-2 (THIRD's), item 2 with 2-1 (SECOND's).
JOINED = (
    ("1", "职业资格审批", *FIRST[2:4], FIRST[4] + THIRD[4], FIRST[5] + THIRD[5]),
    ("2", SECOND[1], *SECOND[2:]),
)
#: Every format a table of sub-items after the main items' is read right in (a PDF without
#: ruling loses the main items' table: another reader's, left out).
SUB_FORMATS = ("md", "csv", "html", "xlsx", "xls", "docx", "pdf", "spaced.txt")


@pytest.mark.parametrize("suffix", SUB_FORMATS)
def test_sub_items_in_a_table_of_their_own_join_the_main_item_their_serial_names(
    tmp_path: Path, suffix: str
) -> None:
    # 序号 | 子项名称 | 设定依据 | 追责依据 under the main items' table, the sub-items numbered
    # 1-1, 1-2, 2-1: before, in a page or a document (tables read apart) every sub-item was an
    # item of its own without type or department (orphan-subitem), and where the tables are
    # read as one (a sheet, CSV) 1-1 and 1-2 under item 2 were items with item 2's name as
    # parent, their citations not item 1's.
    subs = Table(
        (
            ("序号", "子项名称", "设定依据", "追责依据"),
            ("1-1", FIRST[1], *FIRST[4:]),
            ("1-2", THIRD[1], *THIRD[4:]),
            ("2-1", SECOND[1], *SECOND[4:]),
        )
    )
    path = write(tmp_path, [MAINS, subs], suffix)
    plist = _read_back(path, JOINED)
    assert [i.subitems for i in plist.items] == [
        (f"1-1 {FIRST[1]}", f"1-2 {THIRD[1]}"),
        (f"2-1 {SECOND[1]}",),
    ]
    assert not [a for i in plist.items for a in i.anomalies if a.code == "orphan-subitem"]
    assert plist.rows_seen == plist.rows_accounted()
    _same(path, size=1)


@pytest.mark.parametrize("suffix", ["md", "csv", "html", "xlsx", "docx"])
def test_sub_items_in_a_table_of_their_own_join_the_main_item_they_name(
    tmp_path: Path, suffix: str
) -> None:
    # The sub-items' table numbers its own rows (1, 2, 3) and names each one's main item in a
    # column of its own (所属主项): before, each sub-item was an item of its own without type
    # or department; where the tables are read as one, numbered again from 1 (duplicate-row).
    subs = Table(
        (
            ("序号", "所属主项", "子项名称", "设定依据", "追责依据"),
            ("1", "职业资格审批", FIRST[1], *FIRST[4:]),
            ("2", "职业资格审批", THIRD[1], *THIRD[4:]),
            ("3", SECOND[1], SECOND[1], *SECOND[4:]),
        )
    )
    path = write(tmp_path, [MAINS, subs], suffix)
    plist = _read_back(path, JOINED)
    assert [len(i.subitems) for i in plist.items] == [2, 1]
    assert ("所属主项", "职业资格审批") in plist.items[0].extra  # kept, as every cell is
    _same(path, size=1)


@pytest.mark.parametrize("suffix", ["md", "html", "xlsx", "docx"])
def test_a_sub_item_naming_no_main_item_stays_an_item_and_is_said(
    tmp_path: Path, suffix: str
) -> None:
    # 3-1 names item 3, which no table has: not joined to any item, said.
    subs = Table(
        (
            ("序号", "子项名称", "设定依据", "追责依据"),
            ("1-1", FIRST[1], *FIRST[4:]),
            ("3-1", THIRD[1], *THIRD[4:]),
        )
    )
    plist = read_list(write(tmp_path, [MAINS, subs], suffix))
    read = [(i.row, [a.code for a in i.anomalies if a.code == "orphan-subitem"])
            for i in plist.items]  # fmt: skip
    assert read == [("1", []), ("2", []), ("3-1", ["orphan-subitem"])]
    assert plist.items[0].basis == FIRST[4]


_DEPARTMENTS = ("县人力资源和社会保障局", "县医疗保障局")


@pytest.mark.parametrize("key", ["deptName", "实施主体"])
def test_json_items_grouped_under_their_department_take_it(tmp_path: Path, key: str) -> None:
    # An API's items grouped by department ({"deptName": …, "items": [...]}), no department
    # in the items: before, each item had no department, as sure (the group's row read as a
    # section heading, its department given to no item).
    items = tuple((*i[:3], d, *i[4:]) for i, d in zip(ITEMS, _DEPARTMENTS, strict=False))
    fields = ("序号", "事项名称", "事项类型", "设定依据", "追责依据")
    groups = [
        {key: i[3], "items": [dict(zip(fields, (*i[:3], *i[4:]), strict=True))]} for i in items
    ]
    path = tmp_path / "list.json"
    path.write_text(json.dumps({"code": 200, "data": groups}, ensure_ascii=False), "utf-8")
    plist = _read_back(path, items)
    assert [s.text for s in plist.sections] == list(_DEPARTMENTS)  # the groups' rows
    _same(path, size=1)


@pytest.mark.parametrize(("header", "rows"), [("header", "rows"), ("titles", "list")])
def test_json_header_and_rows_under_keys_of_their_own(
    tmp_path: Path, header: str, rows: str
) -> None:
    # {"code": 200, "data": {"header": [...], "rows": [[...], ...]}}: pandas' split layout
    # under other keys. Before: refused, "no array of objects found".
    data = {"total": 3, header: list(HEADER), rows: [list(i) for i in ITEMS]}
    path = tmp_path / "list.json"
    path.write_text(json.dumps({"code": 200, "data": data}, ensure_ascii=False), "utf-8")
    plist = _read_back(path, ITEMS)
    assert [i.line for i in plist.items] == [1, 1, 1]  # (the file is one line)
    _same(path, size=1)


def _rezip(path: Path, edit: Callable[[str, bytes], bytes]) -> None:
    """The archive at ``path`` written again, each member's bytes through ``edit``."""
    with zipfile.ZipFile(path) as archive:
        members = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in members:
            archive.writestr(info.filename, edit(info.filename, data))


def test_serials_a_formula_adds_up_read_as_the_sheet_shows_them(tmp_path: Path) -> None:
    # =A2+1 saved with its cached value 2.0000000000000004 (a serial that floating point
    # carried off by a hair), as some tools save it: before, the serial read 2.0000000000000004,
    # the reading doubtful (a serial that is no serial); Excel shows 2.
    path = write(tmp_path, [Table((HEADER, *ITEMS))], "xlsx")

    def noisy(name: str, data: bytes) -> bytes:
        if not name.startswith("xl/worksheets/"):
            return data
        for row in (3, 4):
            cached = f"{row - 1}.0000000000000004".encode()
            data = re.sub(
                rf'<c r="A{row}" t="inlineStr"><is><t>{row - 1}</t></is></c>'.encode(),
                f'<c r="A{row}"><f>A{row - 1}+1</f><v>'.encode() + cached + b"</v></c>",
                data,
            )
        return data

    _rezip(path, noisy)
    assert b"0000000000000004" in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    _read_back(path, ITEMS)
    _same(path, size=1)


def test_serials_of_floating_point_noise_in_an_xls(tmp_path: Path) -> None:
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("清单")
    for r, row in enumerate((HEADER, *ITEMS)):
        for c, text in enumerate(row):
            sheet.write(r, c, int(text) + 4e-16 if r and not c else text)
    path = tmp_path / "list.xls"
    book.save(str(path))
    _read_back(path, ITEMS)


_STRICT = {
    b"http://schemas.openxmlformats.org/spreadsheetml/2006/main": (
        b"http://purl.oclc.org/ooxml/spreadsheetml/main"
    ),
    b"http://schemas.openxmlformats.org/officeDocument/2006/relationships": (
        b"http://purl.oclc.org/ooxml/officeDocument/relationships"
    ),
}


def test_a_workbook_saved_as_strict_open_xml_is_read(tmp_path: Path) -> None:
    # Excel's "Strict Open XML Spreadsheet" (ISO/IEC 29500 Strict): the same parts under other
    # namespaces. Before: no sheet was found, and the workbook was refused (no recognisable
    # table).
    path = write(tmp_path, [Table((HEADER, *ITEMS), before=("某县人力社保局权责清单",))], "xlsx")

    def strict(name: str, data: bytes) -> bytes:
        for transitional, iso in _STRICT.items():
            data = data.replace(transitional, iso)
        return data

    _rezip(path, strict)
    plist = _read_back(path, ITEMS)
    assert plist.meta.title == "某县人力社保局权责清单"
    _same(path, size=1)


@pytest.mark.parametrize("title_in", ["cell", "row"])
def test_a_list_table_nested_in_a_layout_table_of_a_document(tmp_path: Path, title_in: str) -> None:
    # A page saved from a web site's layout: the list's table inside the cell of a table of
    # one cell (or under a row holding the title): before, the list was read as the text of
    # that cell, and the document was refused (no recognisable table).
    document = docx.Document()
    outer = document.add_table(rows=2 if title_in == "row" else 1, cols=1)
    outer.cell(0, 0).paragraphs[0].text = "某县人力社保局权责清单"
    holder = outer.cell(len(outer.rows) - 1, 0)
    inner = holder.add_table(rows=len(ITEMS) + 1, cols=len(HEADER))
    for r, row in enumerate((HEADER, *ITEMS)):
        for c, text in enumerate(row):
            inner.cell(r, c).text = text
    path = tmp_path / "list.docx"
    document.save(str(path))
    plist = _read_back(path, ITEMS)
    assert plist.meta.title == "某县人力社保局权责清单"
    _same(path, size=1)


_NO_TYPE = tuple(h for h in HEADER if h != "事项类型")


@pytest.mark.parametrize("suffix", ["md", "csv", "html", "xlsx", "xls", "docx"])
@pytest.mark.parametrize(
    "heading",
    [
        pytest.param(lambda k, kind: ("一二三"[k], kind), id="ordinal-in-the-serial-column"),
        pytest.param(lambda k, kind: (f"（{'一二三'[k]}）", kind), id="bracketed-ordinal"),
        pytest.param(
            lambda k, kind: (f"{'一二三'[k]}、{kind}", "", "", "", "共1项"), id="count-cell-apart"
        ),
        pytest.param(lambda k, kind: ("一二三"[k], kind, "", "", "共1项"), id="three-cells"),
    ],
)
def test_a_heading_row_written_over_cells_of_its_own_types_the_items_below(
    tmp_path: Path, suffix: str, heading: Callable[[int, str], tuple[str, ...]]
) -> None:
    # 一 | 行政许可 (the ordinal in the serial column, the type in the name column), or
    # 一、行政许可 | … | 共1项 (the count in a column of its own), over the items of each type,
    # and no type column: before, such a row was read as an item named 行政许可 (doubtful), or
    # as a row without a name (a reject), and the items below had no type, without a word.
    rows: list[tuple[str, ...]] = [_NO_TYPE]
    for k, item in enumerate(ITEMS):
        rows += [heading(k, item[2]), tuple(c for j, c in enumerate(item) if j != 2)]
    path = write(tmp_path, [Table(tuple(rows))], suffix)
    plist = _read_back(path, ITEMS)
    assert [s.type for s in plist.sections] == [i[2] for i in ITEMS]
    assert [i.anomalies[-1].code for i in plist.items] == ["type-from-section"] * 3
    _same(path, size=1)


@pytest.mark.parametrize("suffix", ["html", "xlsx", "xls", "docx"])
def test_a_type_merged_over_a_break_between_tables_is_said_missing_below_it(
    tmp_path: Path, suffix: str
) -> None:
    # The list goes on in a second table under the same header (a page break; a Word table
    # split by hand), its type cell merged over the last items of the first table and the
    # first of the second, the lower part left blank: before, in a page or a document (tables
    # read apart) item 3 had no type without a word; where the tables are one (a sheet) it
    # was said, as a merged cell exported as blanks is.
    same = tuple((*i[:2], FIRST[2], *i[3:]) for i in ITEMS)
    first = Table((HEADER, *same[:2]), ((1, 2, 2, 2),))
    second = Table((HEADER, (*same[2][:2], "", *same[2][3:])))
    path = write(tmp_path, [first, second], suffix)
    plist = read_list(path)
    assert [i.type for i in plist.items] == [FIRST[2], FIRST[2], None]
    said = [[a.column for a in i.anomalies if a.code == "missing-cell"] for i in plist.items]
    assert said == [[], [], ["type"]]
    _same(path, size=1)


@pytest.mark.parametrize("suffix", ["html", "docx", "xlsx"])
def test_sub_items_join_the_nearest_main_item_so_numbered(tmp_path: Path, suffix: str) -> None:
    # Two departments, each with its main items' table numbered from 1 and its sub-items'
    # table (1-1): each 1-1 joins its own department's item 1, the nearest above (before the
    # join, every 1-1 was an item of its own, orphan-subitem).
    tables = []
    for department, item in zip(_DEPARTMENTS, (FIRST, SECOND), strict=True):
        mains = Table(
            (("序号", "主项名称", "事项类型", "实施主体"), ("1", item[1], item[2], department)),
            before=(department,),
        )
        subs = Table((("序号", "子项名称", "设定依据", "追责依据"), ("1-1", item[1], *item[4:])))
        tables += [mains, subs]
    plist = read_list(write(tmp_path, tables, suffix))
    read = [(i.row, i.department, i.basis, len(i.subitems)) for i in plist.items]
    assert read == [("1", _DEPARTMENTS[0], FIRST[4], 1), ("1", _DEPARTMENTS[1], SECOND[4], 1)]


def test_a_document_saved_as_strict_open_xml_is_read(tmp_path: Path) -> None:
    # Word's "Strict Open XML Document": before, refused (python-docx finds no office document
    # among the package's relationships, which name it under a Strict namespace).
    path = write(tmp_path, [Table((HEADER, *ITEMS), before=("某县人力社保局权责清单",))], "docx")

    def strict(name: str, data: bytes) -> bytes:
        for part, iso in ((b"wordprocessingml", b"main"), (b"officeDocument", b"relationships")):
            transitional = b"http://schemas.openxmlformats.org/%s/2006/%s" % (part, iso)
            data = data.replace(transitional, b"http://purl.oclc.org/ooxml/%s/%s" % (part, iso))
        return data

    _rezip(path, strict)
    assert b"purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" in zipfile.ZipFile(
        path
    ).read("_rels/.rels")
    plist = _read_back(path, ITEMS)
    assert plist.meta.title == "某县人力社保局权责清单"
    _same(path, size=1)
