"""Every format reads the same list the same way: fixtures are generated from the Markdown seed
(XLSX with a title row, a cover sheet and merged cells; DOCX with merged cells; HTML with
rowspan/colspan inside a layout table; CSV, TSV, JSON) and must give the seed's items."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from html import escape
from importlib import resources
from pathlib import Path

import docx
import openpyxl
import pytest

from extractors import read_list
from extractors.errors import InputError
from extractors.models import PowerList
from extractors.reading.formats.markdown import read_markdown
from tests.extractors.reading.support import read_written

SEED = (resources.files("extractors") / "samples" / "000_814c7fb49acd7d24.txt").read_text(
    encoding="utf-8"
)
_GRID = read_markdown(SEED)  # the rows from the header on (the list's title above it is a row)
_ROWS = [r.cells for r in _GRID.rows[_GRID.header or 0 :] if any(r.cells)]
HEADER, DATA = list(_ROWS[0]), [list(r) for r in _ROWS[1:]]
TITLE = "2023年拉萨市达孜区医保局行政权力和责任清单详表"
DEPARTMENT = HEADER.index("行使主体")
FIELDS = ("row", "name", "type", "code", "department", "basis", "accountability_basis")


def _xlsx() -> bytes:
    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "说明"
    cover["A1"] = "本表依据权责清单制度编制"
    sheet = book.create_sheet("清单")
    sheet.append([TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet.append(["发布日期：2023年3月1日"])
    sheet.append(HEADER)
    for row in DATA:
        cells: list[object] = list(row)
        cells[0] = int(row[0])  # serials as numbers, as spreadsheets keep them
        sheet.append(cells)
    # The department column is one merged cell over all data rows, value in the top cell only.
    first, last = 4, 3 + len(DATA)
    for r in range(first + 1, last + 1):
        sheet.cell(r, DEPARTMENT + 1).value = None
    sheet.merge_cells(
        start_row=first, start_column=DEPARTMENT + 1, end_row=last, end_column=DEPARTMENT + 1
    )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _docx() -> bytes:
    document = docx.Document()
    document.add_heading(TITLE, level=1)
    document.add_paragraph("发布日期：2023年3月1日")
    table = document.add_table(rows=1 + len(DATA), cols=len(HEADER))
    for c, text in enumerate(HEADER):
        table.cell(0, c).text = text
    for r, row in enumerate(DATA, start=1):
        for c, text in enumerate(row):
            if c != DEPARTMENT:
                table.cell(r, c).text = text
    merged = table.cell(1, DEPARTMENT).merge(table.cell(len(DATA), DEPARTMENT))
    merged.text = DATA[0][DEPARTMENT]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _html() -> bytes:
    def cell(text: str, **attrs: str) -> str:
        escaped = "<br/>".join(escape(line) for line in text.split("\n"))
        extra = "".join(f' {k}="{v}"' for k, v in attrs.items())
        return f"<td{extra}>{escaped}</td>"

    body = ["<tr>" + "".join(f"<th>{h}</th>" for h in HEADER) + "</tr>"]
    body.append(f'<tr><td colspan="{len(HEADER)}">一、本级权力事项</td></tr>')
    for r, row in enumerate(DATA):
        cells = [
            cell(text, rowspan=str(len(DATA))) if c == DEPARTMENT else cell(text)
            for c, text in enumerate(row)
            if c != DEPARTMENT or r == 0
        ]
        body.append("<tr>" + "".join(cells) + "</tr>")
    page = (
        f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body>"
        f"<table class='layout'><tr><td><h1>{TITLE}</h1><p>日期：2023-03-01</p>"
        f"<table border='1'>{''.join(body)}</table></td></tr></table></body></html>"
    )
    return page.encode("utf-8")


def _delimited(delimiter: str) -> Callable[[], bytes]:
    def make() -> bytes:
        out = io.StringIO()
        writer = csv.writer(out, delimiter=delimiter)
        writer.writerow([TITLE])
        writer.writerow(HEADER)
        writer.writerows(DATA)
        return out.getvalue().encode("utf-8")

    return make


def _json() -> bytes:
    records = [
        {h: (int(v) if h == "序号" else v) for h, v in zip(HEADER, row, strict=True) if v}
        for row in DATA
    ]
    return json.dumps({"title": TITLE, "data": records}, ensure_ascii=False, indent=1).encode()


MAKERS: list[tuple[str, str, Callable[[], bytes]]] = [
    ("xlsx", "list.xlsx", _xlsx),
    ("docx", "list.docx", _docx),
    ("html", "list.html", _html),
    ("csv", "list.csv", _delimited(",")),
    ("tsv", "list.tsv", _delimited("\t")),
    ("json", "list.json", _json),
]


@pytest.fixture(scope="module")
def seed_items(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, str | None]]:
    path = tmp_path_factory.mktemp("seed") / "seed.md"
    path.write_text(SEED, encoding="utf-8")
    return [{k: i.get(k) for k in FIELDS} for i in read_list(path).items]


def _read(tmp_path: Path, name: str, content: bytes, **options: str) -> PowerList:
    return read_written(tmp_path, name, content, **options)


@pytest.mark.parametrize(("fmt", "name", "make"), [pytest.param(*m, id=m[0]) for m in MAKERS])
def test_format_gives_seed_items(
    tmp_path: Path,
    seed_items: list[dict[str, str | None]],
    fmt: str,
    name: str,
    make: Callable[[], bytes],
) -> None:
    plist = _read(tmp_path, name, make())
    assert plist.format == fmt
    assert [{k: i.get(k) for k in FIELDS} for i in plist.items] == seed_items
    assert plist.meta.title == TITLE
    assert plist.items[1].time_limit == "60个工作日"  # the misplaced-cell rule holds everywhere
    codes = {a.code for i in plist.items for a in i.anomalies}
    assert codes == {"misplaced-cell"}  # an empty last column (备注) is no short row


@pytest.mark.parametrize(("fmt", "name", "make"), [pytest.param(*m, id=m[0]) for m in MAKERS])
def test_format_detected_from_content_not_name(
    tmp_path: Path, fmt: str, name: str, make: Callable[[], bytes]
) -> None:
    assert _read(tmp_path, "download.dat", make()).format == fmt


@pytest.mark.parametrize(
    ("fmt", "name", "make", "date"),
    [
        pytest.param("xlsx", "a.xlsx", _xlsx, "2023-03-01", id="xlsx-title-row-and-date-row"),
        pytest.param("docx", "a.docx", _docx, "2023-03-01", id="docx-paragraphs"),
        pytest.param("html", "a.html", _html, "2023-03-01", id="html-in-layout-table"),
    ],
)
def test_format_metadata(
    tmp_path: Path, fmt: str, name: str, make: Callable[[], bytes], date: str
) -> None:
    meta = _read(tmp_path, name, make()).meta
    assert (meta.title, meta.date, meta.department) == (TITLE, date, "拉萨市达孜区医保局")


def test_html_colspan_section_row_is_a_section_not_a_reject(tmp_path: Path) -> None:
    plist = _read(tmp_path, "a.html", _html())
    assert [(s.text, s.type) for s in plist.sections] == [("一、本级权力事项", None)]
    assert plist.rejects == ()


def test_format_flag_overrides_detection(tmp_path: Path) -> None:
    with pytest.raises(Exception, match="no recognisable table"):
        _read(tmp_path, "a.csv", _delimited(",")(), format="tsv")


def test_xls_sheet_with_merged_cells(tmp_path: Path) -> None:
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("清单")
    sheet.write_merge(0, 0, 0, 3, TITLE)
    for c, text in enumerate(["序号", "事项名称", "事项类型", "实施主体"]):
        sheet.write(1, c, text)
    rows = [(1, "城乡医疗救助", "行政确认"), (2, "医疗保险稽核", "行政检查")]
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    sheet.write_merge(2, 3, 3, 3, "县医保局")
    out = io.BytesIO()
    book.save(out)
    plist = _read(tmp_path, "a.xls", out.getvalue())
    assert plist.format == "xls"
    assert [(i.row, i.name, i.department) for i in plist.items] == [
        ("1", "城乡医疗救助", "县医保局"),
        ("2", "医疗保险稽核", "县医保局"),
    ]
    assert plist.meta.title == TITLE


def test_json_top_level_array_keeps_lines_and_rejects_non_objects(tmp_path: Path) -> None:
    text = (
        '[\n {"序号": 1, "事项名称": "城乡医疗救助", "事项类型": "行政确认"},\n "注：无",\n'
        ' {"序号": 2, "事项名称": "医疗保险稽核", "事项类型": "行政检查"}\n]'
    )
    plist = _read(tmp_path, "a.json", text.encode())
    assert [(i.row, i.line) for i in plist.items] == [("1", 2), ("2", 4)]
    assert [(r.line, r.reason) for r in plist.rejects] == [(3, "array element is not an object")]


def test_json_lines_keep_lines_and_reject_non_objects(tmp_path: Path) -> None:
    text = (
        '{"序号": 1, "事项名称": "城乡医疗救助", "事项类型": "行政确认"}\n\n"注：无"\n'
        '{"序号": 2, "事项名称": "医疗保险稽核", "事项类型": "行政检查"}\n'
    )
    plist = _read(tmp_path, "a.jsonl", text.encode())
    assert plist.format == "json"
    assert [(i.row, i.line) for i in plist.items] == [("1", 1), ("2", 4)]
    assert [(r.line, r.reason) for r in plist.rejects] == [(3, "line is not an object")]
    with pytest.raises(InputError, match="not valid JSON Lines") as caught:
        _read(tmp_path, "b.jsonl", text.replace('"注：无"', "{注").encode())
    assert caught.value.line == 3
