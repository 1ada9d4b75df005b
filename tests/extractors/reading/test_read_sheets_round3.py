"""Round 3 of spreadsheets and delimited text as departments publish them: a sheet's name read
for a department as a heading is (its serial, list-title words, year and edition taken off),
an item's name split over two rows under merged cells read as one item, and CSV as Excel and
sites export it (the ``sep=`` line, the ``="0101"`` text guard). Each list is read item by item
and citation by citation (``test_read_shapes._read_back``), and in batches where the reader
batches (``test_stream._same``)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import openpyxl
import pytest
import xlwt

from extractors import read_list
from extractors.reading.workbook_stream import WorkbookStream
from tests.extractors.reading.test_read_shapes import HEADER, ITEMS, _read_back
from tests.extractors.reading.test_stream import _same

FIRST, SECOND, THIRD = ITEMS
NO_DEPARTMENT = HEADER[:3] + HEADER[4:]


def _without(item: tuple[str, ...], column: int) -> tuple[str, ...]:
    return item[:column] + item[column + 1 :]


# A workbook of a sheet per department, the sheet's name the department's with a serial, or the
# list's title (县人力社保局权责清单), a year or an edition.

_DEPARTMENTS = {"县人力社保局": (FIRST, THIRD), "县医疗保障局": (SECOND,)}


def _sheet_names(pattern: str) -> list[str]:
    return [pattern.format(n=n, d=d) for n, d in enumerate(_DEPARTMENTS, start=1)]


_NAMED = [
    pytest.param("{n}.{d}", id="serial-dot"),
    pytest.param("{n}、{d}", id="serial-dunhao"),
    pytest.param("0{n} {d}", id="serial-space"),
    pytest.param("{d}权责清单", id="title"),
    pytest.param("{d}权力清单（2023年版）", id="title-edition"),
    pytest.param("2023年{d}权责清单", id="year-title"),
    pytest.param("{d}行政权力事项目录", id="catalogue-title"),
    pytest.param("{n}.{d}权责清单", id="serial-title"),
    pytest.param("{d}（2023年版）", id="edition"),
]


@pytest.mark.parametrize("pattern", _NAMED)
def test_xlsx_sheet_named_for_its_department_with_serial_or_title(
    tmp_path: Path, pattern: str
) -> None:
    # Before (d095254), these items had no department, read as sure.
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, items in zip(_sheet_names(pattern), _DEPARTMENTS.values(), strict=True):
        sheet = workbook.create_sheet(name)
        for values in (NO_DEPARTMENT, *(_without(item, 3) for item in items)):
            sheet.append(list(values))
    path = tmp_path / "list.xlsx"
    workbook.save(path)
    plist = _read_back(path, (FIRST, THIRD, SECOND), heading=True)
    assert {a.code for i in plist.items for a in i.anomalies} == set()
    assert isinstance(_same(path, size=1), WorkbookStream)


@pytest.mark.parametrize("pattern", ["{n}.{d}", "{d}权责清单"], ids=["serial", "title"])
def test_xls_sheet_named_for_its_department_with_serial_or_title(
    tmp_path: Path, pattern: str
) -> None:
    workbook = xlwt.Workbook(encoding="utf-8")
    for name, items in zip(_sheet_names(pattern), _DEPARTMENTS.values(), strict=True):
        sheet = workbook.add_sheet(name)
        for r, values in enumerate((NO_DEPARTMENT, *(_without(item, 3) for item in items))):
            for c, text in enumerate(values):
                sheet.write(r, c, text)
    path = tmp_path / "list.xls"
    workbook.save(str(path))
    _read_back(path, (FIRST, THIRD, SECOND), heading=True)
    _same(path, size=1)


def test_sheet_names_that_name_no_department_give_none(tmp_path: Path) -> None:
    # A serial or a title alone (附件1, 权责清单, Sheet1) names nobody: the items keep none.
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, item in zip(("1.权责清单", "附件1", "Sheet1"), ITEMS, strict=True):
        sheet = workbook.create_sheet(name)
        sheet.append(list(NO_DEPARTMENT))
        sheet.append(list(_without(item, 3)))
    path = tmp_path / "list.xlsx"
    workbook.save(path)
    assert [i.department for i in read_list(path).items] == [None, None, None]


# An item's name split over two rows, every other column merged down over both.


def _split_name_sheet(sheet: openpyxl.worksheet.worksheet.Worksheet) -> None:
    sheet.append(list(HEADER))
    for item in ITEMS:
        top = sheet.max_row + 1
        half = len(item[1]) // 2
        sheet.append([item[0], item[1][:half], *item[2:]])
        sheet.append([None, item[1][half:], None, None, None, None])
        for column in "ACDEF":
            sheet.merge_cells(f"{column}{top}:{column}{top + 1}")


def test_xlsx_name_over_two_rows_under_merged_cells_is_one_item(tmp_path: Path) -> None:
    # Before (d095254), each half of the name was an item of its own (said, duplicate-row).
    workbook = openpyxl.Workbook()
    _split_name_sheet(workbook.active)
    path = tmp_path / "list.xlsx"
    workbook.save(path)
    plist = _read_back(path, ITEMS)
    assert [i.name for i in plist.items] == [
        f"{i[1][: len(i[1]) // 2]}\n{i[1][len(i[1]) // 2 :]}" for i in ITEMS
    ]
    assert {a.code for i in plist.items for a in i.anomalies} == {"continuation-row"}
    assert not plist.rejects
    assert isinstance(_same(path, size=1), WorkbookStream)


def test_xls_name_over_two_rows_under_merged_cells_is_one_item(tmp_path: Path) -> None:
    workbook = xlwt.Workbook(encoding="utf-8")
    sheet = workbook.add_sheet("Sheet1")
    for c, text in enumerate(HEADER):
        sheet.write(0, c, text)
    for n, item in enumerate(ITEMS):
        top, half = 1 + 2 * n, len(item[1]) // 2
        sheet.write(top, 1, item[1][:half])
        sheet.write(top + 1, 1, item[1][half:])
        for c in (0, 2, 3, 4, 5):
            sheet.write_merge(top, top + 1, c, c, item[c])
    path = tmp_path / "list.xls"
    workbook.save(str(path))
    _read_back(path, ITEMS)
    _same(path, size=1)


@pytest.mark.parametrize("own", [0, 4], ids=["own-serial", "own-basis"])
def test_a_row_under_merged_cells_with_more_of_its_own_stays_an_item(
    tmp_path: Path, own: int
) -> None:
    # A second row that writes its own serial or basis beside its name is an item (or a sub-
    # item) sharing the merged cells, as before: only a name's rest alone is joined.
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(list(HEADER))
    sheet.append(list(FIRST))
    second = [FIRST[0], "对未按规定办理社会保险登记的处罚", *FIRST[2:]]
    sheet.append([text if c in (1, own) else None for c, text in enumerate(second)])
    for column in "ACDEF":
        if column != "ACDEF"[0 if own == 0 else 3]:
            sheet.merge_cells(f"{column}2:{column}3")
    path = tmp_path / "list.xlsx"
    workbook.save(path)
    assert len(read_list(path).items) == 2


# CSV as Excel writes it for another locale: a first line sep=X naming the delimiter.


def _csv(rows: tuple[tuple[str, ...], ...], delimiter: str) -> list[str]:
    return [delimiter.join(cells) for cells in rows]


@pytest.mark.parametrize(
    ("first", "delimiter", "encoding"),
    [
        pytest.param("sep=,", ",", "utf-8", id="comma"),
        pytest.param("sep=;", ";", "utf-8", id="semicolon"),
        pytest.param("sep=|", "|", "utf-8", id="pipe"),
        pytest.param('"sep=\t"', "\t", "utf-8", id="tab-quoted"),
        pytest.param("sep=,", ",", "gbk", id="comma-gbk"),
        pytest.param("sep=|", "|", "gb18030", id="pipe-gb18030"),
    ],
)
def test_csv_sep_line_names_the_delimiter_and_is_no_row(
    tmp_path: Path, first: str, delimiter: str, encoding: str
) -> None:
    # Before (d095254), the sep= line was read as the list's title ("sep="), silently; a pipe
    # CSV so opened was read as a Markdown table.
    path = tmp_path / "list.csv"
    lines = [first, *_csv((HEADER, *ITEMS), delimiter)]
    path.write_bytes("\r\n".join(lines).encode(encoding) + b"\r\n")
    plist = _read_back(path, ITEMS)
    assert plist.meta.title is None
    assert plist.format == ("tsv" if delimiter == "\t" else "csv")
    assert [i.line for i in plist.items] == [3, 4, 5]
    _same(path, size=2)


def test_csv_sep_line_with_quoted_cells_over_lines(tmp_path: Path) -> None:
    # A pipe CSV whose basis cell holds a line break: read as CSV records, not Markdown rows.
    second = (*SECOND[:4], f'"{SECOND[4]}\n《社会保险费征缴暂行条例》第十条"', SECOND[5])
    path = tmp_path / "list.csv"
    lines = ["sep=|", *_csv((HEADER, FIRST, second, THIRD), "|")]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    basis = f"{SECOND[4]}《社会保险费征缴暂行条例》第十条"
    plist = _read_back(path, (FIRST, (*SECOND[:4], basis, SECOND[5]), THIRD))
    assert [i.line for i in plist.items] == [3, 4, 6]


# Excel's text guard ="0101": a code or serial kept as text.


@pytest.mark.parametrize("quoted", [False, True], ids=["bare", "quoted"])
def test_csv_excel_text_guard_is_read_as_its_text(tmp_path: Path, quoted: bool) -> None:
    # Before (d095254), the serial read ="1" (the list doubtful) and the code ="0101", silently.
    def guard(text: str) -> str:
        return f'"=""{text}"""' if quoted else f'="{text}"'

    header = ("序号", "事项编码", *HEADER[1:])
    rows = [
        ",".join((guard(item[0]), guard(f"010{n}"), *item[1:]))
        for n, item in enumerate(ITEMS, start=1)
    ]
    path = tmp_path / "list.csv"
    path.write_text("\r\n".join([",".join(header), *rows]) + "\r\n", encoding="gbk")
    plist = _read_back(path, ITEMS)
    assert [i.code for i in plist.items] == ["0101", "0102", "0103"]
    assert plist.items[0].raw[0] == ("序号", '="1"')
    _same(path, size=2)


def test_csv_formula_that_is_no_text_guard_is_kept(tmp_path: Path) -> None:
    rows = [",".join(('="1"&"号"', *FIRST[1:]))]
    path = tmp_path / "list.csv"
    path.write_text("\n".join([",".join(HEADER), *rows]) + "\n", encoding="utf-8")
    assert [i.row for i in read_list(path).items] == ['="1"&"号"']


# Characters an XLSX writes escaped (_x000D_: a carriage return, as Excel keeps a line break
# pasted from a web page; _x0009_ a tab; _x005F_ the underscore of a literal _x…_).

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"


def _xlsx(
    path: Path, rows: list[list[str]], rows_as: dict[int, str] | None = None, columns: str = ""
) -> Path:
    """An XLSX as Excel writes one: every text a shared string, written as given (escapes
    and all); ``rows_as`` the attributes of rows by number, ``columns`` the ``<cols>``."""
    strings = list(dict.fromkeys(text for cells in rows for text in cells if text))
    sheet = "".join(
        f'<row r="{r}" {(rows_as or {}).get(r, "")}>'
        + "".join(
            f'<c r="{chr(65 + c)}{r}" t="s"><v>{strings.index(text)}</v></c>'
            for c, text in enumerate(cells)
            if text
        )
        + "</row>"
        for r, cells in enumerate(rows, start=1)
    )
    kinds = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    parts = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
        'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{kinds}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{kinds}.worksheet+xml"/>'
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{kinds}.sharedStrings+xml"/>'
        "</Types>",
        "_rels/.rels": f'<Relationships xmlns="{_PACKAGE}"><Relationship Id="rId1" '
        f'Type="{_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{_MAIN}" xmlns:r="{_RELS}"><sheets>'
        '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{_PACKAGE}">'
        f'<Relationship Id="rId1" Type="{_RELS}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{_RELS}/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>",
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{_MAIN}">{columns}<sheetData>{sheet}'
        "</sheetData></worksheet>",
        "xl/sharedStrings.xml": f'<sst xmlns="{_MAIN}">'
        + "".join(f'<si><t xml:space="preserve">{escape(t)}</t></si>' for t in strings)
        + "</sst>",
    }
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


def test_xlsx_escaped_characters_are_read_as_excel_shows_them(tmp_path: Path) -> None:
    # Before (d095254), _x000D_ and _x0009_ were read as written, in the basis and the name
    # (the citation's text with _x000D_ in it), silently.
    later = "《社会保险费征缴暂行条例》第十条"
    header = ["序号", "事项_x000D_\n名称", *HEADER[2:]]
    rows = [
        header,
        [FIRST[0], f"{FIRST[1][:6]}_x0009_{FIRST[1][6:]}", *FIRST[2:]],
        [*SECOND[:4], f"{SECOND[4]}_x000D_\n{later}", SECOND[5]],
        [*THIRD[:5], f"{THIRD[5]}_x005F_x000D_"],
    ]
    path = _xlsx(tmp_path / "list.xlsx", rows)
    expected = (
        FIRST,
        (*SECOND[:4], SECOND[4] + later, SECOND[5]),
        (*THIRD[:5], THIRD[5] + "_x000D_"),
    )
    plist = _read_back(path, expected)
    assert plist.items[0].name == f"{FIRST[1][:6]}\t{FIRST[1][6:]}"
    assert plist.items[1].basis == f"{SECOND[4]}\n{later}"
    assert plist.items[0].raw[1][0] == "事项\n名称"
    _same(path, size=2)


# The same two shapes in an XML Spreadsheet 2003 and in an ODS that LibreOffice wrote.


def test_spreadsheetml_serial_sheet_names_and_a_name_over_two_rows(tmp_path: Path) -> None:
    from tests.extractors.reading.test_read_sheets_round2 import book, cell, row

    def split(item: tuple[str, ...]) -> list[str]:
        half = len(item[1]) // 2
        merged = [cell(text, down=1) for text in item[2:]]
        return [
            row(cell(item[0], down=1), cell(item[1][:half]), *merged),
            row(cell(item[1][half:], at=2)),
        ]

    no_department = [_without(item, 3) for item in ITEMS]
    sheets = (
        ("1.县人力社保局", [row(*map(cell, NO_DEPARTMENT)), *split(no_department[0])]),
        ("2.县医疗保障局权责清单", [row(*map(cell, NO_DEPARTMENT)), *split(no_department[1])]),
    )
    path = tmp_path / "list.xls"
    path.write_text(book(*sheets), encoding="utf-8")
    _read_back(path, (FIRST, SECOND), heading=True)
    _same(path, size=1)


_ODS = "urn:oasis:names:tc:opendocument:xmlns:"


def _ods_cell(text: str = "", down: int = 1, covered: bool = False) -> str:
    tag = "table:covered-table-cell" if covered else "table:table-cell"
    spans = f' table:number-rows-spanned="{down}" table:number-columns-spanned="1"'
    spans = spans if down > 1 else ""
    if not text:
        return f"<{tag}{spans}/>"
    return f'<{tag}{spans} office:value-type="string"><text:p>{escape(text)}</text:p></{tag}>'


_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
    f'"{_ODS}manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
    'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
)


def test_ods_serial_sheet_names_and_a_name_over_two_rows(tmp_path: Path, soffice: str) -> None:
    # Read through LibreOffice's conversion to XLSX: merges become merged ranges, covered
    # cells the cells they cover; before (d095254) the items had no department and each half
    # of a name was an item.
    def sheet(name: str, items: tuple[tuple[str, ...], ...]) -> str:
        rows = ["".join(map(_ods_cell, NO_DEPARTMENT))]
        for item in (_without(i, 3) for i in items):
            half = len(item[1]) // 2
            down = [_ods_cell(text, down=2) for text in item[2:]]
            rows.append(_ods_cell(item[0], down=2) + _ods_cell(item[1][:half]) + "".join(down))
            covered = _ods_cell(covered=True)
            rows.append(covered + _ods_cell(item[1][half:]) + covered * 3)
        body = "".join(f"<table:table-row>{cells}</table:table-row>" for cells in rows)
        return f'<table:table table:name="{name}">{body}</table:table>'

    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        f'xmlns:office="{_ODS}office:1.0" xmlns:table="{_ODS}table:1.0" '
        f'xmlns:text="{_ODS}text:1.0" office:version="1.3"><office:body><office:spreadsheet>'
        + sheet("1.县人力社保局", (FIRST, THIRD))
        + sheet("县医疗保障局权力清单（2023年版）", (SECOND,))
        + "</office:spreadsheet></office:body></office:document-content>"
    )
    path = tmp_path / "list.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", _MANIFEST)
    _read_back(path, (FIRST, THIRD, SECOND), heading=True)


def test_pipe_csv_with_a_quoted_cell_over_lines_is_read_as_csv(tmp_path: Path) -> None:
    # No sep= line, no pipes framing the lines: the quoted cell over two lines tells a CSV of
    # pipes from a Markdown table. Before (d095254), read as Markdown: the quotes kept in the
    # basis, the row said wrapped.
    second = (*SECOND[:4], f'"{SECOND[4]}\n《社会保险费征缴暂行条例》第十条"', SECOND[5])
    path = tmp_path / "list.csv"
    path.write_text("\n".join(_csv((HEADER, FIRST, second, THIRD), "|")) + "\n", encoding="gbk")
    basis = f"{SECOND[4]}《社会保险费征缴暂行条例》第十条"
    plist = _read_back(path, (FIRST, (*SECOND[:4], basis, SECOND[5]), THIRD))
    assert plist.format == "csv"
    assert not [a for i in plist.items for a in i.anomalies]
    _same(path, size=2)


def test_xlsx_row_of_no_height_and_column_of_no_width_are_said_hidden(tmp_path: Path) -> None:
    # ht="0" and width="0" (a row or column hidden by hand, as openpyxl and some exporters write
    # it) show nothing in Excel: read and said as a hidden row or column is. Before (d095254),
    # the withdrawn item under the list and the note in column G were read as shown, silently.
    withdrawn = [
        "4",
        "已取消的旧事项",
        "行政许可",
        "县人力社保局",
        "《劳动法》第六十条",
        "第二十条",
    ]
    rows = [[*HEADER, "内部备注"], *([*item, ""] for item in ITEMS), [*withdrawn, "已取消"]]
    rows[1][6] = "旧依据：《劳动法》第一条"
    columns = '<cols><col min="7" max="7" width="0" customWidth="1"/></cols>'
    path = _xlsx(tmp_path / "list.xlsx", rows, {5: 'ht="0" customHeight="1"'}, columns)
    plist = read_list(path)
    assert [i.name for i in plist.items] == [*(i[1] for i in ITEMS), withdrawn[1]]
    codes = [sorted({a.code for a in i.anomalies}) for i in plist.items]
    assert codes == [["hidden-column"], [], [], ["hidden-column", "hidden-row"]]
    _same(path, size=2)


# A sheet per department and power type, its name of both (县人力社保局-行政许可).

_BOTH = (
    ("县人力社保局-行政许可", FIRST),
    ("行政处罚_县医疗保障局", SECOND),
    ("3.县人力社保局 行政检查", THIRD),
)
_NEITHER = ("序号", "事项名称", "设定依据", "追责依据")


def _neither(item: tuple[str, ...]) -> tuple[str, ...]:
    return (item[0], item[1], *item[4:])


def test_xlsx_sheets_named_for_a_department_and_a_type(tmp_path: Path) -> None:
    # Before (d095254), neither was read from such a name: no type, no department, as sure.
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, item in _BOTH:
        sheet = workbook.create_sheet(name)
        sheet.append(list(_NEITHER))
        sheet.append(list(_neither(item)))
    path = tmp_path / "list.xlsx"
    workbook.save(path)
    plist = _read_back(path, ITEMS, heading=True)
    codes = {a.code for i in plist.items for a in i.anomalies}
    assert codes == {"type-from-section"}
    assert isinstance(_same(path, size=1), WorkbookStream)


def test_xls_and_spreadsheetml_sheets_named_for_a_department_and_a_type(tmp_path: Path) -> None:
    from tests.extractors.reading.test_read_sheets_round2 import book, texts

    workbook = xlwt.Workbook(encoding="utf-8")
    for name, item in _BOTH:
        sheet = workbook.add_sheet(name)
        for r, values in enumerate((_NEITHER, _neither(item))):
            for c, text in enumerate(values):
                sheet.write(r, c, text)
    path = tmp_path / "list.xls"
    workbook.save(str(path))
    _read_back(path, ITEMS, heading=True)
    _same(path, size=1)
    spreadsheetml = tmp_path / "list2.xls"
    spreadsheetml.write_text(book(*((n, texts(_NEITHER, _neither(i))) for n, i in _BOTH)))
    _read_back(spreadsheetml, ITEMS, heading=True)
    _same(spreadsheetml, size=1)


# A template's foot under the list: 填表人 / 审核人 / 填报日期, a label and its colon.


@pytest.mark.parametrize(
    "foot",
    [
        pytest.param(
            ("", "填表人：张三", "", "审核人：李四", "", "填表日期：2023年5月"), id="name-column"
        ),
        pytest.param(("", "单位负责人：张三", "", "", "", ""), id="head-of-unit"),
        pytest.param(("", "联系人：张三  联系电话：0000-1234567", "", "", "", ""), id="contact"),
    ],
)
def test_signature_row_under_the_list_is_no_item(tmp_path: Path, foot: tuple[str, ...]) -> None:
    # Before (d095254), a signature whose label stood in the name column was an item named
    # 填表人：张三 (its empty cells said missing, the list sure).
    workbook = openpyxl.Workbook()
    for values in (HEADER, *ITEMS, *[("",) * 6] * 3, foot):
        workbook.active.append(list(values))
    path = tmp_path / "list.xlsx"
    workbook.save(path)
    plist = _read_back(path, ITEMS)
    assert [(r.line, r.reason) for r in plist.rejects] == [(8, "a note or count row")]
    _same(path, size=2)
    text = tmp_path / "list.csv"
    text.write_text("\n".join(",".join(r) for r in (HEADER, *ITEMS, foot)) + "\n", "gbk")
    _read_back(text, ITEMS)
