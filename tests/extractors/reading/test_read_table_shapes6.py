"""Round 6 of the table readers' shapes: a web page that lays its list out without ``<table>``
(rows of ``<div>`` cells, a CSS grid, ``<li>`` items of ``<span>`` parts, ``<dl>`` records,
``<li>`` of label：value lines), and more shapes found in the wild. Each list is read item by
item and citation by citation (``test_read_shapes._read_back``) and, where the format is read
in batches, in batches too (``test_stream._same``)."""

from __future__ import annotations

import csv
import html
import io
from copy import deepcopy
from pathlib import Path
from typing import Literal

import docx
import pytest
from docx.oxml import OxmlElement
from lxml import etree

from extractors import read_list
from extractors.errors import InputError
from extractors.reading.formats.documents import office
from tests.extractors.reading.tables import FORMATS, Table, write
from tests.extractors.reading.test_read_shapes import HEADER, ITEMS, _read_back
from tests.extractors.reading.test_stream import _same

ROWS = (HEADER, *ITEMS)


def _cell(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _rows(row: str, cell: str, rows: tuple[tuple[str, ...], ...] = ROWS) -> str:
    """``rows`` each in the element ``row`` opens, each cell in the element ``cell`` opens."""
    end = lambda tag: "</" + tag.split()[0].strip("<>") + ">"  # noqa: E731
    return "".join(row + "".join(cell + _cell(c) + end(cell) for c in r) + end(row) for r in rows)


def _records(pair: str, rows: tuple[tuple[str, ...], ...] = ITEMS) -> list[str]:
    return ["".join(pair.format(h, _cell(c)) for h, c in zip(HEADER, r, strict=True)) for r in rows]


_NAV = (
    "<ul class='nav'><li><a href='/'>首页</a></li><li><a>政务公开</a></li>"
    "<li><a>权责清单</a></li></ul>"
)
_FOOT = "<div class='foot'><p>主办：某县人民政府办公室</p><p>网站标识码 5000000000</p></div>"

PAGES = {
    "div-rows": _rows("<div class='row'>", "<div class='col'>"),
    "div-thead-tbody": "<div class='thead'>"
    + _rows("<div class='tr'>", "<div class='th'>", (HEADER,))
    + "</div><div class='tbody'>"
    + _rows("<div class='tr'>", "<div class='td'>", ITEMS)
    + "</div>",
    "css-grid": "<div style='display:grid;grid-template-columns:repeat(6,1fr)'>"
    + "".join(f"<div>{_cell(c)}</div>" for r in ROWS for c in r)
    + "</div>",
    "css-grid-unstyled": "<div class='grid'>"
    + "".join(f"<div>{_cell(c)}</div>" for r in ROWS for c in r)
    + "</div>",
    "flex-spans": _rows("<div style='display:flex'>", "<span style='flex:1'>"),
    "li-spans": "<ul>" + _rows("<li>", "<span>") + "</ul>",
    "li-labelled-paragraphs": "<ul>"
    + "".join(f"<li>{r}</li>" for r in _records("<p>{}：{}</p>"))
    + "</ul>",
    "li-labelled-lines": "<ol>"
    + "".join(f"<li>{r}</li>" for r in _records("<b>{}</b>：{}<br>"))
    + "</ol>",
    "dl-a-record-each": "".join(f"<dl>{r}</dl>" for r in _records("<dt>{}</dt><dd>{}</dd>")),
    "dl-of-all-records": "<dl>" + "".join(_records("<dt>{}：</dt><dd>{}</dd>")) + "</dl>",
    "label-value-divs": "".join(
        f"<div class='item'>{r}</div>"
        for r in _records("<div class='field'><label>{}</label><span>{}</span></div>")
    ),
    "div-rows-under-a-layout-table": "<table><tr><td><a href='/'>首页</a></td><td>政务公开</td>"
    "<td>权责清单</td></tr></table>" + _rows("<div class='tr'>", "<div class='td'>"),
}


@pytest.mark.parametrize("shape", PAGES)
def test_a_list_laid_out_without_a_table(tmp_path: Path, shape: str) -> None:
    # A web page whose list is rows of <div> cells, a CSS grid, <li> items or <dl> records,
    # between a site's navigation and its footer: before, refused in one line (no
    # recognisable table), the list on the page unread.
    path = tmp_path / "list.html"
    path.write_text(
        f"<html><body>{_NAV}<h1>某县人力社保局权责清单</h1>"
        f"<div class='main'>{PAGES[shape]}</div>{_FOOT}</body></html>",
        encoding="utf-8",
    )
    plist = _read_back(path, ITEMS)
    assert plist.format == "html"
    assert plist.meta.title == "某县人力社保局权责清单"
    _same(path, size=2)


def test_a_list_laid_out_in_divs_paginated_with_its_header_again(tmp_path: Path) -> None:
    pages = "".join(
        "<div class='page'>"
        + _rows("<div class='tr'>", "<div class='td'>", (HEADER, i))
        + f"<p>第{k + 1}页</p></div>"
        for k, i in enumerate(ITEMS)
    )
    path = tmp_path / "list.html"
    path.write_text(f"<html><body>{pages}</body></html>", encoding="utf-8")
    _read_back(path, ITEMS)
    _same(path, size=2)


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("<div><p>为深入推进简政放权，现将我县权责清单公布如下。</p><p>特此公告。</p></div>",
                     id="a-notice"),
        pytest.param("<ul>" + "".join(f"<li>{h}</li>" for h in HEADER) + "</ul>",
                     id="header-words-alone"),
        pytest.param(_rows("<div>", "<span>", (("首页", "政务公开", "权责清单"),) * 3),
                     id="rows-without-a-header"),
    ],
)  # fmt: skip
def test_a_page_without_a_list_is_refused_in_one_line(tmp_path: Path, body: str) -> None:
    path = tmp_path / "notice.html"
    path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="no recognisable table") as error:
        read_list(path)
    assert "\n" not in str(error.value) and str(path) in str(error.value)
    _same(path)


#: Six items: the three, then again under other names.
SIX = (*ITEMS, *((str(3 + int(i[0])), f"{i[1]}（乡镇）", *i[2:]) for i in ITEMS))


@pytest.mark.parametrize(
    ("first", "last"), [(0, 1), (0, 2), (1, 3), (2, 5), (0, 5)], ids=lambda k: str(k)
)
def test_a_basis_merged_over_items_in_a_pdf_without_ruling(
    tmp_path: Path, first: int, last: int
) -> None:
    # One 设定依据 merged over items first..last, its text centred over them: before, it was
    # the item's on whose serial it stood (over three items, the middle one's), and the items
    # above it had no basis, without a word (those below were said, missing-cell).
    common = SIX[first][4]
    items = tuple((*i[:4], common if first <= k <= last else i[4], i[5]) for k, i in enumerate(SIX))
    path = write(tmp_path, [Table((HEADER, *items), ((1 + first, 4, 1 + last, 4),))], "unruled.pdf")
    plist = _read_back(path, tuple(tuple("".join(c.split()) for c in i) for i in items))
    said = [any(a.code == "centred-cell" for a in i.anomalies) for i in plist.items]
    assert said == [first <= k <= last for k in range(len(SIX))]
    _same(path, size=2)


def test_a_lone_basis_between_empty_ones_in_a_pdf_without_ruling_is_said(tmp_path: Path) -> None:
    # Only the middle item has a basis: as drawn without ruling, a cell merged over the three;
    # read so, and said on each item (before: items 1 and 3 had none, item 1 without a word).
    items = tuple((*i[:4], i[4] if k == 1 else "", i[5]) for k, i in enumerate(ITEMS))
    path = write(tmp_path, [Table((HEADER, *items))], "unruled.pdf")
    plist = read_list(path)
    assert all(any(a.code == "centred-cell" for a in i.anomalies) for i in plist.items)


_GHOST = "《中华人民共和国刑法》第三百九十七条"


@pytest.mark.parametrize(
    ("columns", "cell"),
    [
        pytest.param(
            "<colgroup><col span=5><col style='display:none'><col></colgroup>", "<td>",
            id="col-display-none",
        ),
        pytest.param(
            "<col><col><col><col><col><col style='visibility: collapse'><col>", "<td>",
            id="col-collapse",
        ),
        pytest.param("", "<td style='display:none'>", id="cells-display-none"),
        pytest.param("", "<td hidden>", id="cells-hidden"),
    ],
)  # fmt: skip
def test_a_column_a_page_hides_is_not_read_but_said(
    tmp_path: Path, columns: str, cell: str
) -> None:
    # A 备用依据 column the page hides, by its <col> or cell by cell: before, its citation was
    # read into every item's basis, as sure (a hidden element inside a cell was left out, a
    # hidden cell or column not).
    header = (*HEADER[:5], "备用依据", HEADER[5])
    rows = (header, *((*i[:5], _GHOST, i[5]) for i in ITEMS))
    body = "".join(
        "<tr>"
        + "".join((cell if k == 5 else "<td>") + _cell(c) + "</td>" for k, c in enumerate(r))
        + "</tr>"
        for r in rows
    )
    path = tmp_path / "list.html"
    path.write_text(f"<html><body><table>{columns}{body}</table></body></html>", "utf-8")
    plist = _read_back(path, ITEMS)
    said = [[(a.code, a.text) for a in i.anomalies] for i in plist.items]
    assert said == [[("hidden-text", _GHOST)]] * 3
    _same(path, size=2)


@pytest.mark.parametrize(("suffix", "target"), [("xlsx", "ods"), ("docx", "odt")])
def test_an_opendocument_file_is_read(
    tmp_path: Path, soffice: str, suffix: str, target: Literal["ods", "odt"]
) -> None:
    # A sheet or text LibreOffice or WPS saved as OpenDocument: before, refused as a binary
    # file ("expected … an xlsx/xls/docx file").
    written = write(tmp_path, [Table(ROWS, before=("某县人力社保局权责清单",))], suffix)
    path = tmp_path / f"list.{target}"
    path.write_bytes(office.convert(written.read_bytes(), str(written), suffix, target))
    plist = _read_back(path, ITEMS)
    assert plist.format == target
    _same(path, size=2)


@pytest.mark.parametrize("suffix", ["csv", "md"])
@pytest.mark.parametrize("row", [1, 3])
def test_a_row_in_gbk_in_a_utf8_file_is_read_and_said(
    tmp_path: Path, suffix: str, row: int
) -> None:
    # One row pasted in from a GBK file: before, the whole file was refused (not UTF-8; pass
    # --encoding GB18030, which read every other row as mojibake).
    written = write(tmp_path, [Table(ROWS)], suffix)
    lines = written.read_text("utf-8").splitlines(keepends=True)
    at = next(k for k, line in enumerate(lines) if ITEMS[row - 1][1] in line)
    path = tmp_path / f"mixed.{suffix}"
    path.write_bytes(
        b"".join(ln.encode("gbk" if k == at else "utf-8") for k, ln in enumerate(lines))
    )
    plist = _read_back(path, ITEMS)
    assert plist.encoding == "utf-8+gb18030"
    said = [[a.code for a in i.anomalies if a.code == "mixed-encoding"] for i in plist.items]
    assert said == [["mixed-encoding"] if k == row - 1 else [] for k in range(3)]
    _same(path, size=2)


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_a_header_cell_broken_over_lines_inside_quotes(tmp_path: Path, delimiter: str) -> None:
    # 事项\n名称 and 设定\n依据 typed with Alt+Enter in a sheet's header, exported to CSV
    # inside quotes: before, no line of the file split into a header row, and it was refused
    # (no recognisable table).
    header = ("序号", "事项\n名称", "事项类型", "实施主体", "设定\n依据", "追责依据")
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows((header, *ITEMS))
    path = tmp_path / "list.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    _read_back(path, ITEMS)
    _same(path, size=2)


_OLD = ("1", "已取消的职业技能鉴定审批", *ITEMS[0][2:])


@pytest.mark.parametrize(
    "holder",
    [
        pytest.param("<div style='display:none'><p>旧版</p>{}</div>", id="in-a-hidden-div"),
        pytest.param("<template>{}</template>", id="in-a-template"),
        pytest.param("<section hidden>{}</section>", id="in-a-hidden-section"),
        pytest.param("{}", id="its-tbody-hidden"),
    ],
)
def test_a_table_the_page_hides_is_read_and_said(tmp_path: Path, holder: str) -> None:
    # An old version's table the page keeps but hides (in a hidden <div>, a <template>, its
    # <tbody> display:none): before, its item was read as one more of the list, as sure (a
    # hidden row was said, a hidden table not).
    head = "".join(f"<th>{h}</th>" for h in HEADER)
    body = "".join(f"<td>{_cell(c)}</td>" for c in _OLD)
    hidden = " style='display:none'" if holder == "{}" else ""
    old = f"<table><tr>{head}</tr><tbody{hidden}><tr>{body}</tr></tbody></table>"
    page = _rows("<tr>", "<td>")
    path = tmp_path / "list.html"
    path.write_text(f"<html><body>{holder.format(old)}<table>{page}</table></body></html>", "utf-8")
    plist = _read_back(path, (_OLD, *ITEMS))
    assert [any(a.code == "hidden-row" for a in i.anomalies) for i in plist.items] == [
        True, False, False, False
    ]  # fmt: skip
    _same(path, size=2)


def test_group_rows_between_rows_of_divs_type_the_items_below(tmp_path: Path) -> None:
    # 行政许可 in a <div> of its own over the rows of its items, and no type column: before, the
    # group rows were left out and the items had no type, without a word.
    header = tuple(h for h in HEADER if h != "事项类型")
    rows = [_rows("<div class='tr'>", "<div class='td'>", (header,))]
    for item in ITEMS:
        rows.append(f"<div class='group'>{item[2]}</div>")
        rows.append(_rows("<div class='tr'>", "<div class='td'>", ((*item[:2], *item[3:]),)))
    path = tmp_path / "list.html"
    path.write_text(f"<html><body>{''.join(rows)}<p>版权所有</p></body></html>", "utf-8")
    plist = _read_back(path, ITEMS)
    assert [s.type for s in plist.sections] == [i[2] for i in ITEMS]
    _same(path, size=2)


@pytest.mark.parametrize("wrapped", ["table", "both-tables", "heading"])
def test_a_table_a_content_control_wraps_is_read(tmp_path: Path, wrapped: str) -> None:
    # A form's content control (w:sdt) around a table, or around the heading over it: before,
    # a table so wrapped was not seen (no recognisable table, or its items missing).
    document = docx.Document()
    heading = document.add_paragraph("某县人力社保局权责清单")
    tables = []
    for rows in ((HEADER, ITEMS[0]), (HEADER, *ITEMS[1:])):
        table = document.add_table(rows=len(rows), cols=len(HEADER))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        tables.append(table._tbl)
    targets = {"table": tables[1:], "both-tables": tables, "heading": [heading._p]}[wrapped]
    for element in targets:
        parent = element.getparent()
        at = parent.index(element)
        sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
        sdt.append(OxmlElement("w:sdtPr"))
        sdt.append(content)
        parent.remove(element)
        content.append(element)
        parent.insert(at, sdt)
    path = tmp_path / "list.docx"
    document.save(str(path))
    plist = _read_back(path, ITEMS)
    assert plist.meta.title == "某县人力社保局权责清单"
    _same(path, size=2)


@pytest.mark.parametrize("suffix", [f for f in FORMATS if not f.endswith(".txt")])
@pytest.mark.parametrize(
    "numbers",
    [("1", "2", "3", "4", "5", "6"), ("（1）", "（2）", "（3）", "（4）", "（5）", "（6）")],
)
def test_the_columns_numbers_under_the_header_are_no_item(
    tmp_path: Path, suffix: str, numbers: tuple[str, ...]
) -> None:
    # 1 | 2 | 3 | 4 | 5 | 6 printed under the header, numbering its columns: before, read as a
    # first item (serial 1, named 2, of type 3), the reading doubtful. (Page text, whose rows
    # are found by their serials, is left to its own readers.)
    path = write(tmp_path, [Table((HEADER, numbers, *ITEMS))], suffix)
    plist = _read_back(path, ITEMS)
    assert [r.reason for r in plist.rejects] == ["the columns' numbers"]


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.mark.parametrize("text", ["%1", "%1.", "%1、"])
def test_serials_word_numbers_are_read_as_word_shows_them(tmp_path: Path, text: str) -> None:
    # 序号 cells numbered by Word (a numbered list's paragraphs, no text of their own), the
    # count running on from one table to the next: before, every item had no serial, as sure.
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(
        etree.fromstring(
            f'<w:abstractNum xmlns:w="{_W}" w:abstractNumId="90"><w:lvl w:ilvl="0">'
            f'<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="{text}"/>'
            "</w:lvl></w:abstractNum>"
        )
    )
    numbering.append(
        etree.fromstring(
            f'<w:num xmlns:w="{_W}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'
        )
    )
    for rows in ((HEADER, ITEMS[0]), (HEADER, *ITEMS[1:])):
        table = document.add_table(rows=len(rows), cols=len(HEADER))
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                if r and not c:
                    properties = table.cell(r, c).paragraphs[0]._p.get_or_add_pPr()
                    properties.append(
                        etree.fromstring(
                            f'<w:numPr xmlns:w="{_W}"><w:ilvl w:val="0"/><w:numId w:val="90"/>'
                            "</w:numPr>"
                        )
                    )
                else:
                    table.cell(r, c).text = cell
        document.add_paragraph("")
    path = tmp_path / "list.docx"
    document.save(str(path))
    plist = read_list(path)
    assert [i.row for i in plist.items] == ["1", "2", "3"]
    assert [i.name for i in plist.items] == [i[1] for i in ITEMS]
    _same(path, size=2)


def test_a_row_of_divs_lacking_a_cell_stays_in_its_list(tmp_path: Path) -> None:
    # The second item's row lacks its last cell (a <div> left out where it was empty), and a
    # footer of four links follows the list: before (round 6's first reading of <div> rows),
    # the list ended at that row, and the rows below it were lost without a word.
    short = (ITEMS[1][:5],)
    rows = _rows("<div class='tr'>", "<div>", (HEADER, ITEMS[0], *short, ITEMS[2]))
    foot = (
        "<ul>"
        + "".join(f"<li>{t}</li>" for t in ("关于我们", "联系我们", "网站地图", "隐私"))
        + "</ul>"
    )
    path = tmp_path / "list.html"
    path.write_text(f"<html><body>{rows}{foot}</body></html>", "utf-8")
    plist = _read_back(path, (ITEMS[0], (*ITEMS[1][:5], None), ITEMS[2]))  # type: ignore[arg-type]
    assert "short-row" in {a.code for a in plist.items[1].anomalies}
    assert plist.rows_seen == 3 and not plist.rejects
    _same(path, size=2)


@pytest.mark.parametrize("fallback", [False, True])
def test_a_table_in_a_text_box_is_read(tmp_path: Path, fallback: bool) -> None:
    # The list laid out in a floating text box (a VML shape's w:txbxContent), under a title
    # paragraph; or a drawing (mc:AlternateContent) whose fallback for old readers holds the
    # same box again: before, the document had no table, its text was read as page text of
    # one line, and it was refused as probably wrong.
    document = docx.Document()
    document.add_paragraph("某县人力社保局权责清单")
    table = document.add_table(rows=len(ROWS), cols=len(HEADER))
    for r, row in enumerate(ROWS):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    tbl = table._tbl
    tbl.getparent().remove(tbl)

    def box() -> etree._Element:
        return etree.fromstring(
            f'<w:r xmlns:w="{_W}" xmlns:v="urn:schemas-microsoft-com:vml"><w:pict>'
            "<v:shape><v:textbox><w:txbxContent/></v:textbox></v:shape></w:pict></w:r>"
        )[0]

    run = OxmlElement("w:r")
    if fallback:
        mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
        alternate = etree.SubElement(run, f"{{{mc}}}AlternateContent")
        choice, spare = box(), box()
        etree.SubElement(alternate, f"{{{mc}}}Choice", Requires="wps").append(choice)
        etree.SubElement(alternate, f"{{{mc}}}Fallback").append(spare)
        spare.find(f".//{{{_W}}}txbxContent").append(deepcopy(tbl))
    else:
        run.append(box())
    holder = run.find(f".//{{{_W}}}txbxContent")
    holder.append(tbl)
    holder.append(OxmlElement("w:p"))
    document.add_paragraph()._p.append(run)
    path = tmp_path / "list.docx"
    document.save(str(path))
    plist = _read_back(path, ITEMS)
    assert plist.meta.title == "某县人力社保局权责清单"
    _same(path, size=2)


def test_a_text_box_in_a_cell_is_read_once(tmp_path: Path) -> None:
    # A drawing's text box in a basis cell, kept twice as Word writes it (mc:Choice, and
    # mc:Fallback for old readers): before, its text was read twice (the citation cited twice).
    table_path = write(tmp_path, [Table(ROWS)], "docx")
    document = docx.Document(str(table_path))
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    extra = ITEMS[0][4]
    for r in range(1, 4):
        paragraph = document.tables[0].cell(r, 4).paragraphs[0]
        run = OxmlElement("w:r")
        alternate = etree.SubElement(run, f"{{{mc}}}AlternateContent")
        for part in ("Choice", "Fallback"):
            holder = etree.SubElement(alternate, f"{{{mc}}}{part}")
            box = etree.SubElement(holder, f"{{{_W}}}txbxContent")
            box.append(etree.fromstring(f'<w:p xmlns:w="{_W}"><w:r><w:t>{extra}</w:t></w:r></w:p>'))
        paragraph._p.append(run)
    path = tmp_path / "boxed.docx"
    document.save(str(path))
    _read_back(path, tuple((*i[:4], i[4] + extra, i[5]) for i in ITEMS))  # (spaces dropped)
