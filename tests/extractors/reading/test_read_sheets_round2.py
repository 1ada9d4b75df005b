"""Round 2 of spreadsheets as departments publish them: an "XLS" that is an XML Spreadsheet 2003
(SpreadsheetML, read with lxml: merges across and down, ``ss:Index`` skipping cells and rows,
several worksheets, ``&#10;`` line breaks, numbers and dates, hidden sheets, rows and columns),
an XLSX whose web exporter wrote its members' paths with backslashes, and an XLS cut short that
xlrd cannot read, read through LibreOffice. Each list is read item by item and citation by
citation (``test_read_shapes._read_back``) and in batches too (``test_stream._same``)."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import pytest
import xlwt

from extractors import read_list
from extractors.errors import InputError
from extractors.reading.stream import STREAM_MIN_BYTES
from extractors.reading.tables_stream import TablesStream
from extractors.reading.workbook_stream import WorkbookStream
from tests.extractors.reading.bounded import BoundedReader
from tests.extractors.reading.test_read_shapes import HEADER, ITEMS, _read_back
from tests.extractors.reading.test_stream import _same

SS = "urn:schemas-microsoft-com:office:spreadsheet"
FIRST, SECOND, THIRD = ITEMS


# SpreadsheetML, written as Excel 2003 and web exporters write it.


def cell(text: str = "", *, at: int = 0, across: int = 0, down: int = 0, kind: str = "") -> str:
    """A ``<Cell>``: its ``Data`` typed Number when it is a serial (or as ``kind`` says), a line
    break written ``&#10;``; ``at`` its 1-based place (``ss:Index``), ``across`` / ``down`` the
    merge it opens."""
    attributes = "".join(
        f' ss:{name}="{value}"'
        for name, value in (("Index", at), ("MergeAcross", across), ("MergeDown", down))
        if value
    )
    if not text:
        return f"<Cell{attributes}/>"
    kind = kind or ("Number" if text.isdigit() else "String")
    body = escape(text).replace("\n", "&#10;")
    return f'<Cell{attributes}><Data ss:Type="{kind}">{body}</Data></Cell>'


def row(*cells: str, attributes: str = "") -> str:
    return f"<Row{attributes}>{''.join(cells)}</Row>"


def texts(*rows: tuple[str, ...]) -> list[str]:
    return [row(*(cell(text) for text in cells)) for cells in rows]


def book(*sheets: tuple[str, list[str]], options: dict[str, str] | None = None) -> str:
    """A workbook of the worksheets given (name, rows); ``options`` the ``x:WorksheetOptions``
    of a sheet by name."""
    out = [
        '<?xml version="1.0"?>',
        '<?mso-application progid="Excel.Sheet"?>',
        f'<Workbook xmlns="{SS}" xmlns:o="urn:schemas-microsoft-com:office:office" '
        f'xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="{SS}" '
        'xmlns:html="http://www.w3.org/TR/REC-html40">',
        '<Styles><Style ss:ID="Default" ss:Name="Normal"/></Styles>',
    ]
    for name, rows in sheets:
        option = (options or {}).get(name, "")
        out += [f'<Worksheet ss:Name="{name}"><Table>', *rows, "</Table>", option, "</Worksheet>"]
    return "\n".join([*out, "</Workbook>"])


def _write(tmp_path: Path, text: str | bytes, name: str = "list.xls") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def _both(path: Path) -> None:
    """Read in batches, the items as read whole."""
    assert isinstance(_same(path, size=2), TablesStream), path.name


_PLAIN = texts(HEADER, *ITEMS)
_TYPE_DOWN = [
    *texts(HEADER),
    # 行政许可 merged down over items 1 and 2: the cells under it left out, the next one placed
    row(cell(FIRST[0]), cell(FIRST[1]), cell("行政许可", down=1), *map(cell, FIRST[3:])),
    row(cell(SECOND[0]), cell(SECOND[1]), cell(SECOND[3], at=4), *map(cell, SECOND[4:])),
    texts(THIRD)[0],
]
_TWO_LEVEL = [
    row(*(cell(h, down=1) for h in HEADER[:4]), cell("依据", across=1)),
    row(cell("设定依据", at=5), cell("追责依据")),
    *texts(*ITEMS),
]
_STEPS = [
    *texts((*HEADER, "责任事项")),
    *(
        line
        for item in ITEMS
        for line in (
            row(*(cell(text, down=1) for text in item), cell("1.受理责任")),
            row(cell("2.审查责任", at=7)),
        )
    ),
]
_TITLED = [
    row(cell("县人力资源和社会保障局权责清单", across=5)),
    row(cell("填报单位：县人力社保局", across=2), cell("填报日期：2024年5月6日", at=4, across=2)),
    *texts(HEADER, *ITEMS),
]
_GAPS = [
    *texts(HEADER, FIRST),
    row(*map(cell, SECOND), attributes=' ss:Index="5"'),  # rows 3 and 4 left out: blank
    row(*map(cell, THIRD), attributes=' ss:Index="6" ss:Span="2"'),
]
_RICH = [
    *texts(HEADER),
    *(
        row(
            *map(cell, item[:4]),
            # a basis written in runs of rich text, a comment on the cell (not read)
            f'<Cell><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40">'
            f"<B>{item[4][:5]}</B><Font>{item[4][5:]}</Font></ss:Data>"
            '<Comment ss:Author="审核"><ss:Data>待核对</ss:Data></Comment></Cell>',
            cell(item[5]),
        )
        for item in ITEMS
    ),
]
_BROKEN = [
    row(*(cell(h[:2] + "\n" + h[2:]) for h in HEADER)),
    *texts(*((*i[:4], i[4].replace("中华人民共和国", "中华\n人民共和国"), i[5]) for i in ITEMS)),
]
_DATED = [
    *texts((*HEADER, "更新日期")),
    *(row(*map(cell, item), cell("2024-05-06T00:00:00.000", kind="DateTime")) for item in ITEMS),
]
_FORMULA = [
    *texts(HEADER, FIRST),
    *(
        row(
            f'<Cell ss:Formula="=R[-1]C+1"><Data ss:Type="Number">{item[0]}</Data></Cell>',
            *map(cell, item[1:]),
        )
        for item in (SECOND, THIRD)
    ),
]
_TOTALS = [
    *texts(HEADER, FIRST, SECOND),
    row(cell(across=5)),  # a spacer row merged across the table
    *texts(THIRD),
    row(cell("合计", across=1), cell("共3项", at=3)),
]
_NO_DEPARTMENT = ("序号", "事项名称", "事项类型", "设定依据", "追责依据")
_NO_TYPE = ("序号", "事项名称", "实施主体", "设定依据", "追责依据")


def _without(item: tuple[str, ...], column: int) -> tuple[str, ...]:
    return item[:column] + item[column + 1 :]


_BOOKS: dict[str, str | bytes] = {
    "strings": book(("Sheet1", _PLAIN)),
    "merged-type-and-skipped-cells": book(("Sheet1", _TYPE_DOWN)),
    "two-level-header": book(("Sheet1", _TWO_LEVEL)),
    "item-over-two-rows": book(("Sheet1", _STEPS)),
    "title-and-filler-rows": book(("权责清单", _TITLED)),
    "rows-left-out": book(("Sheet1", _GAPS)),
    "rich-text-and-comments": book(("Sheet1", _RICH)),
    "line-breaks": book(("Sheet1", _BROKEN)),
    "dates": book(("Sheet1", _DATED)),
    "formula-serials": book(("Sheet1", _FORMULA)),
    "spacer-and-totals": book(("Sheet1", _TOTALS)),
    "prefixed": book(("Sheet1", _PLAIN))
    .replace(f'xmlns="{SS}" ', "")
    .replace("<Workbook", "<ss:Workbook")
    .replace("</Workbook", "</ss:Workbook")
    .replace("<Worksheet", "<ss:Worksheet")
    .replace("</Worksheet", "</ss:Worksheet")
    .replace("<Table", "<ss:Table")
    .replace("</Table", "</ss:Table")
    .replace("<Styles><Style ", "<ss:Styles><ss:Style ")
    .replace("</Styles>", "</ss:Styles>")
    .replace("<Row", "<ss:Row")
    .replace("</Row", "</ss:Row")
    .replace("<Cell", "<ss:Cell")
    .replace("</Cell", "</ss:Cell")
    .replace("<Data", "<ss:Data")
    .replace("</Data", "</ss:Data"),
    "gb2312": book(("Sheet1", _PLAIN))
    .replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="gb2312"?>')
    .encode("gb18030"),
    "utf-16": book(("Sheet1", _PLAIN))
    .replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>')
    .encode("utf-16"),
    "byte-order-mark": "\ufeff" + book(("Sheet1", _PLAIN)),
    # a web exporter's script printing blank lines ahead of the XML declaration
    "blank-lines-before-the-declaration": "\ufeff\r\n\r\n" + book(("Sheet1", _PLAIN)),
    "sheet-per-department": book(
        ("县人力社保局", texts(_NO_DEPARTMENT, _without(FIRST, 3), _without(THIRD, 3))),
        ("县医疗保障局", texts(_NO_DEPARTMENT, _without(SECOND, 3))),
    ),
    "sheet-per-type": book(
        ("行政许可", texts(_NO_TYPE, _without(FIRST, 2))),
        ("行政处罚", texts(_NO_TYPE, _without(SECOND, 2))),
        ("行政检查", texts(_NO_TYPE, _without(THIRD, 2))),
    ),
}
#: The items each book gives, when not ITEMS.
_ORDER = {
    "sheet-per-department": (FIRST, THIRD, SECOND),
    "merged-type-and-skipped-cells": (FIRST, (*SECOND[:2], "行政许可", *SECOND[3:]), THIRD),
}


@pytest.mark.parametrize("name", list(_BOOKS))
def test_spreadsheetml_workbooks_under_an_xls_name(tmp_path: Path, name: str) -> None:
    # Before, an XML Spreadsheet was taken for text: "no recognisable table", refused.
    path = _write(tmp_path, _BOOKS[name])
    plist = _read_back(path, _ORDER.get(name, ITEMS), heading=name == "sheet-per-department")
    assert plist.format == "spreadsheetml"
    _both(path)


def test_spreadsheetml_title_and_filler_rows_are_context(tmp_path: Path) -> None:
    plist = read_list(_write(tmp_path, _BOOKS["title-and-filler-rows"]))
    assert plist.meta.title == "县人力资源和社会保障局权责清单"
    assert plist.meta.date == "2024-05-06"


def test_spreadsheetml_totals_row_is_a_reject_and_spacer_a_blank_row(tmp_path: Path) -> None:
    plist = read_list(_write(tmp_path, _BOOKS["spacer-and-totals"]))
    assert [r.reason for r in plist.rejects] == ["a note or count row"]
    assert plist.blank_rows == 1
    assert plist.rows_seen == plist.rows_accounted()


def test_spreadsheetml_merged_cells_are_said_where_xlsx_says_them(tmp_path: Path) -> None:
    # a cell written where a merge covers it (text a spreadsheet keeps but never shows)
    rows = [
        *texts(HEADER),
        row(*(cell(t, down=1) for t in FIRST)),
        row(cell("旧名称", at=2)),
        *texts(SECOND, THIRD),
    ]
    path = _write(tmp_path, book(("Sheet1", rows)))
    plist = _read_back(path, ITEMS)
    hidden = [a for a in plist.items[0].anomalies if a.code == "hidden-cell"]
    assert [(a.column, a.text) for a in hidden] == [("B3", "旧名称")]
    _both(path)


def test_spreadsheetml_what_the_workbook_hides_is_read_and_said(tmp_path: Path) -> None:
    rows = [
        '<Column ss:Index="1" ss:Hidden="1"/>',  # a code column, hidden
        *texts(("编码", *HEADER), ("001", *FIRST)),
        row(*map(cell, ("002", *SECOND)), attributes=' ss:Hidden="1"'),
        *texts(("003", *THIRD)),
    ]
    old = texts(HEADER, ("1", "旧事项名称", *FIRST[2:]))
    hidden = '<WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel">'
    hidden += "<Visible>SheetHidden</Visible></WorksheetOptions>"
    path = _write(tmp_path, book(("清单", rows), ("旧版", old), options={"旧版": hidden}))
    plist = read_list(path)
    codes = [sorted({a.code for a in item.anomalies}) for item in plist.items]
    assert codes == [
        ["hidden-column"],
        ["hidden-column", "hidden-row"],
        ["hidden-column"],
        ["hidden-sheet"],
    ]
    _same(path)


def test_spreadsheetml_formula_without_its_value_is_said(tmp_path: Path) -> None:
    rows = [*texts(HEADER, FIRST), row('<Cell ss:Formula="=R[-1]C+1"/>', *map(cell, SECOND[1:]))]
    plist = read_list(_write(tmp_path, book(("Sheet1", rows))))
    assert plist.items[1].row is None
    assert "uncached-formula" in {a.code for a in plist.items[1].anomalies}


def test_spreadsheetml_is_told_from_content_and_named_as_a_format(tmp_path: Path) -> None:
    text = book(("Sheet1", _PLAIN)).replace('<?mso-application progid="Excel.Sheet"?>\n', "")
    for name in ("list.xml", "list.txt", "list.xlsx"):
        assert read_list(_write(tmp_path, text, name)).format == "spreadsheetml"
    path = _write(tmp_path, text, "list.xml")
    assert len(read_list(path, format="spreadsheetml").items) == 3


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(book(("Sheet1", _PLAIN))[:-300], "bad XML", id="cut-short"),
        pytest.param(
            book(("Sheet1", [*texts(HEADER), row(cell("1", at=3), cell("x", at=2))])),
            "out of order",
            id="cell-before-the-one-left-of-it",
        ),
        pytest.param(
            book(("Sheet1", [row(cell("x")), row(cell("y"), attributes=' ss:Index="1"')])),
            "out of order",
            id="row-written-twice",
        ),
        pytest.param(
            book(("Sheet1", [row(cell("1", across=2, down=2)), row(cell("2", at=2, down=1))])),
            "overlap",
            id="overlapping-merges",
        ),
        pytest.param(
            book(("Sheet1", [row(cell("x", at=20_000))])), "outside the sheet", id="past-XFD"
        ),
    ],
)
def test_damaged_spreadsheetml_is_one_line(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(InputError, match=message) as raised:
        read_list(path)
    assert str(raised.value).startswith(str(path)) and "\n" not in str(raised.value)
    _same(path)  # the same error in batches


def test_spreadsheetml_entities_expanding_past_the_limit_are_one_line(tmp_path: Path) -> None:
    laughs = "".join(f'<!ENTITY l{k + 1} "{f"&l{k};" * 10}">' for k in range(9))
    text = book(("Sheet1", [*_PLAIN, row(cell("&l9;"))])).replace(
        '<?mso-application progid="Excel.Sheet"?>',
        f'<!DOCTYPE Workbook [<!ENTITY l0 "哈">{laughs}]>',
    )
    path = _write(tmp_path, text.replace("&amp;l9;", "&l9;"))
    with BoundedReader(cpu_seconds=20, memory_bytes=1 << 30) as bounded:
        outcome = bounded.read(path)
    # libxml2's amplification limit: one line (before, taken for text: no recognisable table)
    assert outcome.kind == "error" and "SpreadsheetML workbook (bad XML" in outcome.message
    assert outcome.peak_rss_bytes < 300 << 20, outcome


def _large(path: Path, count: int) -> Path:
    """A SpreadsheetML list of ``count`` items, its type merged down over each run of 10."""
    with path.open("w", encoding="utf-8") as out:
        head, tail = book(("Sheet1", ["@@"])).split("@@")
        out.write(head)
        out.write(texts(HEADER)[0])
        for k in range(count):
            item = ITEMS[k % 3]
            kind = cell(item[2], down=9) if k % 10 == 0 else ""
            place = 3 if k % 10 == 0 else 4
            cells = [cell(str(k + 1)), cell(f"{item[1]}（{k}）"), kind]
            cells += [cell(item[3], at=place if not kind else 0), *map(cell, item[4:])]
            out.write(row(*cells))
        out.write(tail)
    return path


#: Reads a list in batches in a process of its own, letting each batch go, and prints the growth
#: of its peak RSS (KiB) over that of the process with the readers imported.
_PEAK = """
import resource, sys
from extractors.reading.stream import open_list
start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
opened = open_list(sys.argv[1], min_bytes=0)
count = sum(len(batch) for batch in opened.batches())
print(type(opened).__name__, count, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - start)
"""


def _peak(path: Path) -> tuple[str, int, int]:
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[3],
    )
    kind, count, grown = done.stdout.split()
    return kind, int(count), int(grown) << 10


def test_a_large_spreadsheetml_in_batches_holds_a_batch(tmp_path: Path) -> None:
    small = _large(tmp_path / "small.xls", 2_000)
    large = _large(tmp_path / "large.xls", 20_000)
    assert large.stat().st_size >= STREAM_MIN_BYTES  # 8.6 MB: read in batches unasked
    few, many = _peak(small), _peak(large)
    assert (few[:2], many[:2]) == (("TablesStream", 2_000), ("TablesStream", 20_000))
    # Read whole, the large list's peak is some 48 MB above the small one's; in batches, each
    # row let go once read, some 4 MB (the counts kept of each item)
    assert many[2] - few[2] < 16 << 20, (few, many)


# XLSX whose exporter wrote its members' paths with backslashes (xl\worksheets\sheet1.xml).


def _backslashed(data: bytes, every: bool) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as written:
        for name in source.namelist():
            renamed = name.replace("/", "\\") if every or name.startswith("xl/") else name
            written.writestr(renamed, source.read(name))
    return out.getvalue()


@pytest.mark.parametrize("every", [True, False], ids=["every-member", "the-workbook-parts"])
def test_xlsx_members_named_with_backslashes(tmp_path: Path, every: bool) -> None:
    # Before: "binary file (NUL byte at offset 5)", refused.
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["县人力社保局权责清单"])
    sheet.merge_cells("A1:F1")
    for values in (HEADER, *ITEMS):
        sheet.append(list(values))
    saved = io.BytesIO()
    workbook.save(saved)
    path = _write(tmp_path, _backslashed(saved.getvalue(), every), "list.xlsx")
    plist = _read_back(path, ITEMS)
    assert (plist.format, plist.meta.title) == ("xlsx", "县人力社保局权责清单")
    assert isinstance(_same(path), WorkbookStream)


# Sheets named for their departments with an ordinal or a count.


@pytest.mark.parametrize(
    "names",
    [
        pytest.param(("县人力社保局（2项）", "县医疗保障局（1项）"), id="count"),
        pytest.param(("一、县人力社保局", "二、县医疗保障局"), id="ordinal"),
        pytest.param(("【县人力社保局】", "【县医疗保障局】"), id="brackets"),
    ],
)
def test_sheets_named_for_their_departments_with_a_count_or_ordinal(
    tmp_path: Path, names: tuple[str, str]
) -> None:
    # Before, only a sheet named by the department alone gave it: these items had none, read
    # as sure (a sheet named for its power type with an ordinal or a count gave it already).
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, items in zip(names, ((FIRST, THIRD), (SECOND,)), strict=True):
        sheet = workbook.create_sheet(name)
        for values in (_NO_DEPARTMENT, *(_without(item, 3) for item in items)):
            sheet.append(list(values))
    path = tmp_path / "list.xlsx"
    workbook.save(path)
    plist = _read_back(path, (FIRST, THIRD, SECOND), heading=True)
    assert {a.code for i in plist.items for a in i.anomalies} == set()
    assert isinstance(_same(path, size=1), WorkbookStream)
    text = book(*((n, texts(_NO_DEPARTMENT, _without(FIRST, 3))) for n in names))
    spreadsheetml = read_list(_write(tmp_path, text))
    assert [i.section_department for i in spreadsheetml.items] == ["县人力社保局", "县医疗保障局"]


# An XLSX list that runs on to a second sheet without its header.


@pytest.mark.parametrize("levels", [1, 2], ids=["header", "two-level-header"])
def test_xlsx_list_going_on_in_a_sheet_without_its_header_in_batches(
    tmp_path: Path, levels: int
) -> None:
    # Read whole, the second sheet's rows are read under the first sheet's header; before, read
    # in batches (a workbook of 1 MiB or more), they were left out, silently.
    workbook = openpyxl.Workbook()
    first = workbook.active
    if levels == 1:
        first.append(list(HEADER))
    else:
        first.append([*HEADER[:4], "依据", None])
        first.append([None] * 4 + list(HEADER[4:]))
        for column in "ABCD":
            first.merge_cells(f"{column}1:{column}2")
        first.merge_cells("E1:F1")
    first.append(list(FIRST))
    second = workbook.create_sheet("Sheet2")
    for values in (SECOND, THIRD):
        second.append(list(values))
    path = tmp_path / "list.xlsx"
    workbook.save(path)
    _read_back(path, ITEMS)
    assert isinstance(_same(path, size=1), WorkbookStream)


# An XLS cut short, its directory lost: xlrd cannot open it; LibreOffice can.


def test_an_xls_cut_short_is_read_through_libreoffice_and_said(
    tmp_path: Path, soffice: str
) -> None:
    from extractors.reading.formats.documents import office

    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("清单")
    for r, values in enumerate((HEADER, *ITEMS)):
        for c, text in enumerate(values):
            sheet.write(r, c, text)
    saved = io.BytesIO()
    workbook.save(saved)
    # LibreOffice's own XLS keeps its directory at the end: cut there, the sheet is all there
    written = office.convert(saved.getvalue(), "list.xls", "xls", "xls")
    path = _write(tmp_path, written[: int(len(written) * 0.95)])
    plist = _read_back(path, ITEMS)
    assert [r.reason for r in plist.rejects] == [office.DAMAGED]
    assert plist.rows_seen == plist.rows_accounted()
    _same(path)
    # xlwt's keeps it before the sheet: cut, LibreOffice's Excel filter finds no workbook
    # either (it is not read as text), and xlrd's error is the one said
    cut = _write(tmp_path, saved.getvalue()[: len(saved.getvalue()) // 2], "cut.xls")
    with pytest.raises(InputError, match="not a readable xls workbook"):
        read_list(cut)
