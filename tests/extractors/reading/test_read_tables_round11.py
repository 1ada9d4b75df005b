"""Table formats, round 11: a table under its list's title names its department as the items'
``section_department`` (never their ``department``), in every table format; an annex keyed to
the items by name (附件2: 序号 | 事项名称 | 追责依据) is joined to them, never read as more items;
a JSON answer that is one page of a longer list says so, whole and in batches."""

from __future__ import annotations

import json
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
def test_a_title_over_a_block_of_labelled_lines_names_the_section_department(
    tmp_path: Path, suffix: str
) -> None:
    # 某县林业局权责清单 / 单位名称：某县林业局 / 填报日期：… over the header: before, the
    # nearest line above the header (a date) named none, and the title was not looked at
    block = ("某县林业局权责清单", "单位名称：某县林业局", "填报日期：2023年5月1日")
    path = write(tmp_path, [Table((HEADER, *PRICES), before=block)], suffix)
    assert filled_fields(read_list(path), KEYS) == _expected(("某县林业局", PRICES))
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


LETTER = (
    "某县市场监督管理局关于公布权责清单的通知",
    "各乡镇人民政府，县直各部门：",
    "现将我局权责清单及追责依据予以公布，请遵照执行。",
    "某县市场监督管理局",
    "2023年5月1日",
)
BASES = (
    "《行政机关公务员处分条例》第二十条",
    "《中华人民共和国公务员法》第五十九条",
)


def _notice(annex_header: tuple[str, ...], annex_rows: tuple[tuple[str, ...], ...]) -> list[Table]:
    return [
        Table((HEADER, *PRICES), before=(*LETTER, "附件1", "某县市场监督管理局权责清单")),
        Table((annex_header, *annex_rows), before=("附件2", "权责事项追责依据表")),
    ]


ANNEXES = [
    pytest.param(
        ("序号", "事项名称", "追责依据"),
        tuple((r[0], r[1], b) for r, b in zip(PRICES, BASES, strict=True)),
        id="serial-name",
    ),
    pytest.param(
        ("事项名称", "追责依据"),
        tuple((r[1], b) for r, b in zip(PRICES, BASES, strict=True)),
        id="name-only",
    ),
    pytest.param(
        ("事项名称", "追责情形", "追责依据"),
        tuple((r[1], "不依法履行职责的", b) for r, b in zip(PRICES, BASES, strict=True)),
        id="name-situation",
    ),
]


@pytest.mark.parametrize("suffix", ["docx", "xlsx", "csv"])
@pytest.mark.parametrize(("annex_header", "annex_rows"), ANNEXES)
def test_an_annex_keyed_by_name_is_joined_to_the_items(
    tmp_path: Path, suffix: str, annex_header: tuple[str, ...], annex_rows: tuple[tuple[str, ...]]
) -> None:
    # before: in DOCX 2 more items (type and basis empty, nothing said) or the rows rejected;
    # in a sheet, more items said missing-cell, the 2-column header read as an item
    path = write(tmp_path, _notice(annex_header, annex_rows), suffix)
    plist = read_list(path)
    assert [(i.name, i.type, i.accountability_basis) for i in plist.items] == [
        (r[1], r[2], b) for r, b in zip(PRICES, BASES, strict=True)
    ]
    assert [[a.code for a in i.anomalies] for i in plist.items] == [["joined-record"]] * 2
    assert plist.rejects == ()
    assert plist.rows_seen == plist.rows_accounted()
    _same(path, 1)


@pytest.mark.parametrize("suffix", ["docx", "xlsx", "csv"])
def test_an_annex_row_naming_no_item_is_said_never_an_item(tmp_path: Path, suffix: str) -> None:
    rows = (("1", PRICES[0][1], BASES[0]), ("2", "对未按规定明码标价的处罚", BASES[1]))
    path = write(tmp_path, _notice(("序号", "事项名称", "追责依据"), rows), suffix)
    plist = read_list(path)
    assert [i.name for i in plist.items] == [r[1] for r in PRICES]
    assert [i.accountability_basis for i in plist.items] == [BASES[0], None]
    assert [a.code for a in plist.items[1].anomalies] == ["missing-cell"]
    assert [r.reason for r in plist.rejects] == [
        "a row of an annex keyed to the items by name names no item of the list"
    ]
    assert plist.rows_seen == plist.rows_accounted()


def test_an_annex_name_written_with_spaces_joins_its_item(tmp_path: Path) -> None:
    # 对 价 格 违 法 行 为 的 处 罚: the same name, white space aside
    rows = (("1", " ".join(PRICES[0][1]), BASES[0]), ("2", PRICES[1][1], BASES[1]))
    plist = read_list(write(tmp_path, _notice(("序号", "事项名称", "追责依据"), rows), "docx"))
    assert [(i.name, i.accountability_basis) for i in plist.items] == [
        (r[1], b) for r, b in zip(PRICES, BASES, strict=True)
    ]


def test_a_doc_notice_joins_its_annex_through_libreoffice(tmp_path: Path, soffice: str) -> None:
    rows = tuple((r[0], r[1], b) for r, b in zip(PRICES, BASES, strict=True))
    path = _written(tmp_path, _notice(("序号", "事项名称", "追责依据"), rows), "doc")
    plist = read_list(path)
    assert [(i.name, i.accountability_basis) for i in plist.items] == [
        (r[1], b) for r, b in zip(PRICES, BASES, strict=True)
    ]


RECORDS = [
    {"序号": r[0], "事项名称": r[1], "事项类型": r[2], "设定依据": r[3]}
    for r in (*PRICES, *SCHOOLS)
]
PAGES = [
    pytest.param(
        {"code": 200, "data": {"total": 12, "pageNum": 1, "pageSize": 4, "list": RECORDS}},
        "total: 12",
        id="pagehelper-total",
    ),
    pytest.param(
        {"code": 0, "data": {"records": RECORDS, "total": "12", "current": 1, "pages": 3}},
        "total: 12, pages: 3",
        id="mybatis-pages",
    ),
    pytest.param(
        {"content": RECORDS, "totalElements": 12, "totalPages": 3, "last": False, "number": 0},
        "totalElements: 12, totalPages: 3, last: false",
        id="spring-page",
    ),
    pytest.param({"code": 0, "msg": "", "count": 12, "data": RECORDS}, "count: 12", id="layui"),
    pytest.param({"data": {"list": RECORDS, "hasNext": True}}, "hasNext: true", id="has-next"),
    pytest.param(
        {"count": 12, "next": "https://example.gov.cn/api/items?page=2", "results": RECORDS},
        "count: 12, next: https://example.gov.cn/api/items?page=2",
        id="next-link",
    ),
    pytest.param({"pageCount": 3, "pageNo": 1, "rows": RECORDS}, "pageCount: 3", id="page-count"),
    pytest.param(
        {"code": 0, "data": {"list": RECORDS, "pagination": {"total": 30, "current": 1}}},
        "total: 30",
        id="pagination-object",
    ),
    pytest.param(
        {"columns": list(HEADER), "data": [list(r.values()) for r in RECORDS], "totalCount": 12},
        "totalCount: 12",
        id="split-table",
    ),
]


@pytest.mark.parametrize(("answer", "said"), PAGES)
def test_a_page_of_a_longer_json_list_says_the_list_is_incomplete(
    tmp_path: Path, answer: dict[str, object], said: str
) -> None:
    # before: the page's 4 records read, nothing said of the 8 others
    path = tmp_path / "list.json"
    path.write_text(json.dumps(answer, ensure_ascii=False, indent=1), encoding="utf-8")
    plist = read_list(path)
    assert len(plist.items) == 4
    assert [(r.line, r.text) for r in plist.rejects] == [(1, said)]
    assert plist.rejects[0].reason.startswith("the list is incomplete: the JSON answer ")
    assert plist.rows_seen == plist.rows_accounted()
    _same(path, 1)


@pytest.mark.parametrize(
    ("whole", "page"),
    [
        (
            {"code": 200, "data": {"total": 4, "pageNum": 1, "pages": 1, "list": RECORDS}},
            {"code": 200, "data": {"total": 5, "pageNum": 1, "pages": 2, "list": RECORDS}},
        ),
        (
            {"data": {"list": RECORDS, "hasNextPage": False, "isLastPage": True}},
            {"data": {"list": RECORDS, "hasNextPage": True, "isLastPage": False}},
        ),
        ({"total": 4, "rows": RECORDS, "pageSize": 10}, {"total": 40, "rows": RECORDS}),
    ],
    ids=["total-equal", "last-page", "page-size-over"],
)
def test_a_whole_list_in_one_json_page_says_nothing(
    tmp_path: Path, whole: dict[str, object], page: dict[str, object]
) -> None:
    path = tmp_path / "list.json"
    path.write_text(json.dumps(whole, ensure_ascii=False), encoding="utf-8")
    plist = read_list(path)
    assert (len(plist.items), plist.rejects) == (4, ())
    path.write_text(json.dumps(page, ensure_ascii=False), encoding="utf-8")
    assert len(read_list(path).rejects) == 1  # the same answer, a page of a longer list


def test_pages_saved_one_after_another_say_the_pages_missing(tmp_path: Path) -> None:
    def page(n: int) -> str:
        body = {"total": 12, "pageNum": n, "pages": 3, "list": RECORDS}
        return json.dumps({"code": 200, "data": body}, ensure_ascii=False)

    path = tmp_path / "list.json"
    path.write_text(page(1) + "\n" + page(2) + "\n", encoding="utf-8")
    plist = read_list(path)
    assert len(plist.items) == 8
    assert [r.text for r in plist.rejects] == ["total: 12, pages: 3"]
    path.write_text("\n".join(page(n) for n in (1, 2, 3)) + "\n", encoding="utf-8")
    assert read_list(path).rejects == ()  # all three pages: the whole list
