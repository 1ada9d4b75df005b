"""Table formats, round 11: a table under its list's title names its department as the items'
``section_department`` (never their ``department``), in every table format; an annex keyed to
the items by name (附件2: 序号 | 事项名称 | 追责依据) is joined to them, never read as more items;
a JSON answer that is one page of a longer list says so, whole and in batches."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors import read_list
from extractors.reading.formats.documents import office
from tests.extractors.reading.support import filled_fields
from tests.extractors.reading.tables import Table, document, write, xlsx
from tests.extractors.reading.test_stream import _same

HEADER = ("序号", "事项名称", "事项类型", "设定依据")
PRICES = (
    ("1", "对价格违法行为的处罚", "行政处罚", "《中华人民共和国价格法》第三十九条"),
    ("2", "对哄抬价格的处罚", "行政处罚", "《中华人民共和国价格法》第四十条"),
)
SCHOOLS = (
    ("1", "民办学校设立审批", "行政许可", "《中华人民共和国民办教育促进法》第十二条"),
    ("2", "对违法举办学校的处罚", "行政处罚", "《中华人民共和国教育法》第七十五条"),
)
KEYS = ("row", "name", "department", "section_department")


def _expected(*lists: tuple[str, tuple[tuple[str, ...], ...]]) -> list[dict[str, str]]:
    return [
        {"row": r[0], "name": r[1], "section_department": department}
        for department, rows in lists
        for r in rows
    ]


def _converted(tables: list[Table], suffix: str) -> bytes:
    """The tables as LibreOffice saves them: ODS from XLSX, DOC (through ODT) from DOCX."""
    if suffix == "ods":
        return office.convert(xlsx(tables), "list.xlsx", "xlsx", "ods")
    odt = office.convert(document(tables), "list.docx", "docx", "odt")
    return office.convert(odt, "list.odt", "odt", "doc")


def _written(folder: Path, tables: list[Table], suffix: str) -> Path:
    if suffix in ("ods", "doc", "wps"):
        path = folder / f"list.{suffix}"
        path.write_bytes(_converted(tables, "ods" if suffix == "ods" else "doc"))
        return path
    return write(folder, tables, suffix)


TITLES = [
    pytest.param("某县市场监督管理局权责清单", "某县市场监督管理局", id="title"),
    pytest.param("某县市场监督管理局行政权力清单（2023年版）", "某县市场监督管理局", id="edition"),
    pytest.param("2023年某县林业局权责清单", "某县林业局", id="year-first"),
    pytest.param("附件1：某县林业局行政处罚事项清单", "某县林业局", id="annex-label"),
]
TABLE_FORMATS = ["xlsx", "xls", "csv", "docx"]


@pytest.mark.parametrize("suffix", TABLE_FORMATS)
@pytest.mark.parametrize(("title", "department"), TITLES)
def test_a_title_row_names_the_items_section_department(
    tmp_path: Path, suffix: str, title: str, department: str
) -> None:
    # a title row (merged across a sheet, a CSV's first line, a paragraph over a Word table)
    # naming a department's list: before, no section_department (page text's directory gives it)
    path = write(tmp_path, [Table((HEADER, *PRICES), before=(title,))], suffix)
    plist = read_list(path)
    assert filled_fields(plist, KEYS) == _expected((department, PRICES))
    _same(path, 1)


@pytest.mark.parametrize("suffix", TABLE_FORMATS)
@pytest.mark.parametrize("numbered", [False, True], ids=["bare", "numbered"])
def test_a_directory_of_titled_tables_gives_each_its_department(
    tmp_path: Path, suffix: str, numbered: bool
) -> None:
    # 县发展和改革局权责清单 over one table, 县教育体育局权责清单 over the next, on one sheet or
    # one after another in a document: before, neither department, and the second table's
    # serials said duplicate
    mark = ("一、", "二、") if numbered else ("", "")
    tables = [
        Table((HEADER, *PRICES), before=(f"{mark[0]}某县发展和改革局权责清单",)),
        Table((HEADER, *SCHOOLS), before=(f"{mark[1]}某县教育体育局权责清单",)),
    ]
    path = write(tmp_path, tables, suffix)
    plist = read_list(path)
    assert filled_fields(plist, KEYS) == _expected(
        ("某县发展和改革局", PRICES), ("某县教育体育局", SCHOOLS)
    )
    assert [a.code for i in plist.items for a in i.anomalies] == []
    _same(path, 1)


@pytest.mark.parametrize("suffix", ["ods", "doc", "wps"])
def test_a_title_names_the_section_department_through_libreoffice(
    tmp_path: Path, soffice: str, suffix: str
) -> None:
    path = _written(
        tmp_path, [Table((HEADER, *PRICES), before=("某县市场监督管理局权责清单",))], suffix
    )
    assert filled_fields(read_list(path), KEYS) == _expected(("某县市场监督管理局", PRICES))


@pytest.mark.parametrize("suffix", ["xlsx", "csv", "docx"])
def test_a_title_never_fills_a_department_column(tmp_path: Path, suffix: str) -> None:
    # the title's department is the items' section_department only where the table has no
    # department column: a column's cell is the department, the title none
    header = (*HEADER, "实施主体")
    rows = tuple((*r, "某县物价局") for r in PRICES)
    title = ("某县市场监督管理局权责清单",)
    items = read_list(write(tmp_path, [Table((header, *rows), before=title)], suffix)).items
    assert [(i.department, i.section_department) for i in items] == [("某县物价局", None)] * 2
    items = read_list(write(tmp_path, [Table((HEADER, *PRICES), before=title)], suffix)).items
    assert [(i.department, i.section_department) for i in items] == [
        (None, "某县市场监督管理局")
    ] * 2
