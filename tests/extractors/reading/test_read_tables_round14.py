"""Table formats, round 14: a formula a workbook saved without its value read where the
formula alone gives it (=D2, =$D$2, =A2+1, =ROW()-1); each case read whole and in batches where
the reader batches (``test_stream._same``)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest

from extractors import read_list
from extractors.reading.formats.documents import office
from tests.extractors.reading.tables import Table, write
from tests.extractors.reading.test_read_shapes import HEADER, ITEMS
from tests.extractors.reading.test_stream import _same


# ── formulas saved without their values (openpyxl and web exporters never calculate) ─────────
def _formula_book(tmp_path: Path, cell: dict[int, str]) -> Path:
    """The items under HEADER, the cell of each data row whose column ``cell`` names replaced by
    the formula it gives for that row's 1-based number (no cached value: openpyxl saves none)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(HEADER))
    for number, item in enumerate(ITEMS, start=2):
        values: list[object] = list(item)
        for column, formula in cell.items():
            if number > 2 or "ROW" in formula:
                values[column] = formula.format(n=number, above=number - 1)
        sheet.append(values)
    path = tmp_path / "list.xlsx"
    book.save(path)
    return path


_FORMULAS = [
    pytest.param({0: "=A{above}+1"}, "row", ["1", "2", "3"], id="serial-counted-down"),
    pytest.param({0: "=ROW()-1"}, "row", ["1", "2", "3"], id="serial-of-the-row-number"),
    pytest.param({0: "=A{above} + 1"}, "row", ["1", "2", "3"], id="serial-spaced"),
    pytest.param({3: "=D{above}"}, "department", [ITEMS[0][3]] * 3, id="copied-down"),
    pytest.param({3: "=$D$2"}, "department", [ITEMS[0][3]] * 3, id="copied-absolute"),
    pytest.param({2: "=c{above}"}, "type", [ITEMS[0][2]] * 3, id="lower-case-reference"),
]


@pytest.mark.parametrize(("formulas", "key", "expected"), _FORMULAS)
def test_a_formula_saved_without_its_value_is_read_from_the_cells_it_names(
    tmp_path: Path, formulas: dict[int, str], key: str, expected: list[str]
) -> None:
    # before (47282f5): each such cell read empty, said uncached-formula (a serial lost, a
    # department said missing-cell)
    path = _formula_book(tmp_path, formulas)
    plist = read_list(path)
    assert [getattr(i, key) for i in plist.items] == expected
    assert [a.code for i in plist.items for a in i.anomalies] == []
    _same(path, 1)


@pytest.mark.parametrize(
    "formula",
    ["=COUNTA($B$2:B{n})", "=D{n}", "=Sheet1!D2", '=A{above}&"号"', "=A{above}+1.5"],
    ids=["function", "itself", "another-sheet", "text-joined", "fraction"],
)
def test_any_other_formula_saved_without_its_value_is_still_said(
    tmp_path: Path, formula: str
) -> None:
    plist = read_list(_formula_book(tmp_path, {0: formula}))
    assert [i.row for i in plist.items][1:] == [None, None]
    said = [a.code for i in plist.items for a in i.anomalies]
    assert said == ["uncached-formula", "uncached-formula"]


def test_a_formula_naming_a_cell_no_formula_above_named_is_still_said(tmp_path: Path) -> None:
    # a sheet is read a row at a time: a cell rows above, named by no formula before, is gone
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(HEADER))
    for item in ITEMS:
        sheet.append(list(item))
    sheet.append(["4", "对拒不支付劳动报酬的行政强制", "行政强制", "=D2", ITEMS[0][4]])
    path = tmp_path / "list.xlsx"
    book.save(path)
    last = read_list(path).items[-1]
    assert last.department is None
    assert "uncached-formula" in [a.code for a in last.anomalies]


def _calculated_on_load(path: Path, cached: str) -> Path:
    """The workbook at ``path`` as XlsxWriter writes one: calculated when opened
    (``fullCalcOnLoad``), each formula's cached value the placeholder ``cached``."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    book = parts["xl/workbook.xml"].decode()
    parts["xl/workbook.xml"] = book.replace(
        "</workbook>", '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>'
    ).encode()
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    parts["xl/worksheets/sheet1.xml"] = re.sub(
        r"(<f>[^<]*</f>)(<v\s*/>|<v></v>)?", rf"\1<v>{cached}</v>", sheet
    ).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize(("formulas", "key", "expected"), _FORMULAS[:5])
def test_a_workbook_calculated_when_opened_caches_placeholders(
    tmp_path: Path, formulas: dict[int, str], key: str, expected: list[str]
) -> None:
    # before (47282f5): XlsxWriter's cached 0 was read as the value, nothing said (serials
    # 0, 0; a department 0)
    path = _calculated_on_load(_formula_book(tmp_path, formulas), "0")
    plist = read_list(path)
    assert [getattr(i, key) for i in plist.items] == expected
    assert [a.code for i in plist.items for a in i.anomalies] == []
    _same(path, 1)


def test_a_placeholder_no_formula_gives_is_said(tmp_path: Path) -> None:
    path = _calculated_on_load(_formula_book(tmp_path, {0: "=COUNTA($B$2:B{n})"}), "0")
    plist = read_list(path)
    assert [i.row for i in plist.items] == ["1", None, None]
    assert [a.code for i in plist.items for a in i.anomalies] == ["uncached-formula"] * 2


def test_a_value_given_with_a_formula_calculated_when_opened_is_kept(tmp_path: Path) -> None:
    # XlsxWriter's write_formula(..., value=): the value the exporter knew, read as cached
    path = _calculated_on_load(_formula_book(tmp_path, {0: "=COUNTA($B$2:B{n})"}), "7")
    assert [i.row for i in read_list(path).items] == ["1", "7", "7"]


# ── a list's title in the page headers of a Word document ───────────────────────────────────
NO_DEPARTMENT = HEADER[:3] + HEADER[4:]


def _headed_document(tmp_path: Path, header: list[str], body: list[str] = ()) -> Path:
    """A DOCX of the items without a department column under the paragraphs ``body``, its page
    header holding the paragraphs ``header``."""
    document = docx.Document()
    part = document.sections[0].header
    part.paragraphs[0].text = header[0]
    for line in header[1:]:
        part.add_paragraph(line)
    for line in body:
        document.add_paragraph(line)
    rows = [NO_DEPARTMENT, *(i[:3] + i[4:] for i in ITEMS)]
    table = document.add_table(rows=len(rows), cols=len(NO_DEPARTMENT))
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            table.cell(r, c).text = text
    path = tmp_path / "list.docx"
    document.save(path)
    return path


@pytest.mark.parametrize(
    "header",
    [["某县人力资源和社会保障局权责清单"], ["第 1 页", "2023年某县人力资源和社会保障局权力清单"]],
    ids=["title", "title-under-a-page-number"],
)
def test_a_title_in_the_page_header_names_the_items_department(
    tmp_path: Path, header: list[str]
) -> None:
    # before (47282f5): the header part was not read, the items had no section_department, and
    # the list no title, nothing said (a title paragraph over the table gave both)
    path = _headed_document(tmp_path, header)
    plist = read_list(path)
    assert [i.section_department for i in plist.items] == ["某县人力资源和社会保障局"] * 3
    assert [i.department for i in plist.items] == [None] * 3
    assert plist.meta.title == header[-1]
    _same(path, 1)


def test_a_title_over_the_table_comes_before_the_page_header(tmp_path: Path) -> None:
    path = _headed_document(
        tmp_path, ["某县人力资源和社会保障局权责清单"], ["某县医疗保障局权责清单"]
    )
    assert {i.section_department for i in read_list(path).items} == {"某县医疗保障局"}
    _same(path, 1)


@pytest.mark.parametrize("header", ["填报单位：县人力社保局", "某县人民政府办公室", "第 1 页"])
def test_a_page_header_that_is_no_title_names_no_department(tmp_path: Path, header: str) -> None:
    # an issuing office or a unit's label over the pages names the list's sender, not the
    # items' department (the gold's convention: department only from a column or a title)
    path = _headed_document(tmp_path, [header])
    assert {i.section_department for i in read_list(path).items} == {None}


def test_a_doc_keeps_its_page_header_title(tmp_path: Path, soffice: str) -> None:
    # a DOC is read as the DOCX LibreOffice makes of it, which keeps the header part
    source = _headed_document(tmp_path, ["某县人力资源和社会保障局权责清单"]).read_bytes()
    # (through ODT: LibreOffice drops python-docx's tables written as DOC straight away)
    odt = office.convert(source, "list.docx", "docx", "odt")
    converted = tmp_path / "list.doc"
    converted.write_bytes(office.convert(odt, "list.odt", "odt", "doc"))
    assert {i.section_department for i in read_list(converted).items} == {
        "某县人力资源和社会保障局"
    }


# ── a count row under the items opened by 以上 / 本清单 ───────────────────────────────────────
@pytest.mark.parametrize("suffix", ["csv", "xlsx", "docx", "md"])
@pytest.mark.parametrize("count", ["以上共计3项", "本清单共计3项", "以上共3项", "以上合计：3项"])
def test_a_count_of_the_items_above_is_a_count_row(tmp_path: Path, suffix: str, count: str) -> None:
    # before (47282f5): 以上共计3项 in the name column was a fourth item, said missing-cell
    rows = (HEADER, *ITEMS, ("", count, "", "", "", ""))
    plist = read_list(write(tmp_path, [Table(rows)], suffix))
    assert [i.name for i in plist.items] == [i[1] for i in ITEMS]
    assert [r.reason for r in plist.rejects] == ["a note or count row"]


# ── a Word table the page break split, a row's rest atop the second part ─────────────────────
_REST = "《中华人民共和国社会保险法》第八十五条"


def _split_document(tmp_path: Path, between: list[str], header_again: bool = False) -> Path:
    """The items in two tables (two rows, then one), the paragraphs ``between`` between them,
    the second's first row the rest of the second item's basis (no serial, no name): a table
    the page break split, as Word documents converted from PDF have them."""
    document = docx.Document()

    def table(rows: list[tuple[str, ...]]) -> None:
        made = document.add_table(rows=len(rows), cols=len(HEADER))
        for r, values in enumerate(rows):
            for c, text in enumerate(values):
                made.cell(r, c).text = text

    table([HEADER, *ITEMS[:2]])
    for line in between:
        document.add_paragraph(line)
    rest = ("", "", "", "", _REST, "")
    table([*([HEADER] if header_again else []), rest, ITEMS[2]])
    path = tmp_path / "list.docx"
    document.save(path)
    return path


@pytest.mark.parametrize("between", [[""], [], ["", ""]], ids=["page-break", "none", "two"])
def test_a_rows_rest_atop_the_next_part_of_a_split_table_joins_its_row(
    tmp_path: Path, between: list[str]
) -> None:
    # before (47282f5): the rest was a reject (row has no item name), the basis cut short
    path = _split_document(tmp_path, between)
    plist = read_list(path)
    assert [i.name for i in plist.items] == [i[1] for i in ITEMS]
    assert plist.items[1].basis == f"{ITEMS[1][4]}\n{_REST}"
    assert [a.code for a in plist.items[1].anomalies] == ["continuation-row"]
    assert plist.rejects == ()
    _same(path, 1)


@pytest.mark.parametrize(
    ("between", "header_again"),
    [(["续表"], False), (["一、行政处罚"], False), ([""], True)],
    ids=["a-line-between", "a-heading-between", "its-header-again"],
)
def test_a_table_after_text_or_under_its_own_header_is_a_table_of_its_own(
    tmp_path: Path, between: list[str], header_again: bool
) -> None:
    path = _split_document(tmp_path, between, header_again)
    plist = read_list(path)
    assert [i.name for i in plist.items] == [i[1] for i in ITEMS]
    assert plist.items[1].basis == ITEMS[1][4]
    assert [r.reason for r in plist.rejects] == ["row has no item name"]
    _same(path, 1)


# ── a number shown as a percentage ────────────────────────────────────────────────────────────
@pytest.mark.parametrize(
    ("value", "shown", "expected"),
    [(0.3, "0.00%", "30.00%"), (0.05, "0%", "5%"), (0.125, "0.0%", "12.5%"), (0.3, "0.00", "0.3")],
    ids=["two-places", "none", "one", "no-percent"],
)
@pytest.mark.parametrize("suffix", ["xlsx", "xls"])
def test_a_number_shown_as_a_percentage_reads_as_shown(
    tmp_path: Path, suffix: str, value: float, shown: str, expected: str, soffice: str
) -> None:
    # before (47282f5): 0.3 where the sheet shows 30.00%, nothing said
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([*HEADER, "备注"])
    for item in ITEMS:
        sheet.append([*item, value])
        sheet.cell(sheet.max_row, len(HEADER) + 1).number_format = shown
    path = tmp_path / "list.xlsx"
    book.save(path)
    if suffix == "xls":
        converted = tmp_path / "list.xls"
        converted.write_bytes(office.convert(path.read_bytes(), "list.xlsx", "xlsx", "xls"))
        path = converted
    plist = read_list(path)
    assert [i.remarks for i in plist.items] == [expected] * 3
    _same(path, 1)
