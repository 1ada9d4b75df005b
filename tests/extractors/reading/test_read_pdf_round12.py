"""Round 12 of the PDF readers: real lists as the programs that print them print them (a sheet
printed by LibreOffice, a page printed by Writer and Chromium), in the shapes that the cross-format
benchmark (``bench.crossformat``) found read wrong: a header cell merged across two columns
printed again atop each page, a row a page break splits, a department's heading above a printed
list. Each test builds its PDF in the test (reportlab, or LibreOffice / Chromium, skipped with a
reason when missing), reads it whole and in batches, and checks the items; each failed on
050aa79."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib import colors
from reportlab.platypus import Paragraph, Table, TableStyle

from tests.extractors.reading.documents import _SONG
from tests.extractors.reading.test_read_pdf_round8 import _cells, _item, _read, _written

# -- a header cell merged across two columns, printed again atop each page ---------------------

#: header words a list merges across two columns, the second of which holds what the first's
#: field is about (a level and its powers, a department and its office)
_GROUPS = ("实施层级及权限", "行使层级", "实施主体", "承办机构")


def _merged_header_rows(k: int, group: str) -> tuple[str, ...]:
    base = _item(k, long=k % 3 == 0)
    return (
        *base[:3],
        "市级" if "层级" in group else "市交通运输局",
        f"负责第{k}类事项的办理",
        *base[3:],
    )


@pytest.mark.parametrize("rows", [12, 20, 31])
@pytest.mark.parametrize("group", _GROUPS)
def test_a_header_cell_merged_across_two_columns_repeated_on_each_page_is_read_once(
    tmp_path: Path, group: str, rows: int
) -> None:
    # A sheet's header cell merged over two columns (实施层级及权限 over 市级 | 负责…), the header
    # printed again atop each page. The first header's merge made the second column a part of
    # the first (kept in extra); the header printed again was read as two columns of one field:
    # every item after the first page said `duplicate-column`.
    header = ("序号", "事项名称", "事项类型", group, "", "设定依据", "追责依据")
    items = [_merged_header_rows(k, group) for k in range(1, rows + 1)]
    cells = [[Paragraph(c, _SONG) for c in row] for row in [header, *items]]
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("SPAN", (3, 0), (4, 0)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    table = Table(cells, colWidths=[30, 120, 55, 50, 90, 260, 140], repeatRows=1)
    table.setStyle(TableStyle(style))
    plist = _read(_written(tmp_path, [table]))
    assert [i.row for i in plist.items] == [str(k) for k in range(1, rows + 1)]
    assert len({i.source for i in plist.items}) == 1
    for item, want in zip(plist.items, items, strict=True):
        assert not [a for a in item.anomalies if a.code == "duplicate-column"]
        kept = dict(item.extra)
        assert "".join(kept[f"{group}#2"].split()) == want[4]
    assert not plist.rejects


# -- a row a page break splits, its serial centred onto the part after the break --------------


def _split_printed(
    path: Path, items: list[tuple[str, ...]], widths: list[int], closed: bool = False
) -> Path:
    """``items`` drawn as a ruled table on landscape A4 pages, each cell's lines centred in
    its row, a row the page's foot reaches split over the break as a spreadsheet prints it:
    each part showing the piece of the row's text that falls in it (the rest clipped, still
    in the text layer), the column rules open at the break (no rule across it) unless
    ``closed``."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    from tests.extractors.reading.documents import _SONG

    width, height = landscape(A4)
    canvas = Canvas(str(path), pagesize=(width, height))
    top, foot = height - 40, 40.0
    room = top - foot
    xs = [40.0]
    for w in widths:
        xs.append(xs[-1] + w)
    header = ("序号", "事项名称", "事项类型", "设定依据", "追责依据")
    laid = []  # (top, bottom, cells, heights) of each row, from the table's top down
    v = 0.0
    for row in [header, *items]:
        cells = [Paragraph(text, _SONG) for text in row]
        tall = [p.wrap(w - 6, 4000)[1] for p, w in zip(cells, widths, strict=True)]
        step = max(tall) + 14
        laid.append((v, v + step, cells, tall))
        v += step
    for page in range(int(v // room) + 1):
        low, high = page * room, (page + 1) * room
        for start, end, cells, tall in laid:
            if end <= low or start >= high:
                continue
            a, b = max(start, low), min(end, high)
            y_a, y_b = top - (a - low), top - (b - low)
            canvas.saveState()
            clip = canvas.beginPath()
            clip.rect(xs[0], y_b, xs[-1] - xs[0], y_a - y_b)
            canvas.clipPath(clip, stroke=0, fill=0)
            middle = top - ((start + end) / 2 - low)
            for cell, x, h in zip(cells, xs, tall, strict=False):
                cell.drawOn(canvas, x + 3, middle - h / 2)
            canvas.restoreState()
            for x in xs:
                canvas.line(x, y_a, x, y_b)
            if a == start or closed:
                canvas.line(xs[0], y_a, xs[-1], y_a)
            if b == end or closed:
                canvas.line(xs[0], y_b, xs[-1], y_b)
        canvas.showPage()
    canvas.save()
    return path


def _tall(k: int, repeat: int) -> tuple[str, ...]:
    """Item ``k`` with a basis of its several laws ``repeat`` times over: a row some inches tall."""
    item = _item(k, long=True)
    return (*item[:3], "；".join([item[3]] * repeat), item[4])


_SPLIT_WIDTHS = {
    "wide": [40, 160, 70, 330, 160],
    "narrow": [30, 120, 60, 260, 120],
    "wide-name": [50, 200, 80, 360, 60],
}


@pytest.mark.parametrize(
    ("lines", "widths"),
    [
        (1, "wide"),
        (1, "narrow"),
        (2, "wide"),
        (2, "narrow"),
        (2, "wide-name"),
        (3, "narrow"),
        (3, "wide-name"),
    ],
)
def test_a_row_split_with_its_serial_after_the_break_is_one_row(
    tmp_path: Path, lines: int, widths: str
) -> None:
    # A sheet printed by LibreOffice Calc: a row the page's foot reaches is split, each part
    # showing its piece of the cells' centred text, the column rules open at the break. When
    # most of the row falls after the break, so does its serial: the part at the foot, of no
    # serial, was an item of half a name and a cut type (行政 | 处罚, unknown-type), the part
    # atop the next page another (silently, or a list of 21 items where 20 were printed).
    items = [_tall(k, 1 + (k * lines) % 4) for k in range(1, 21)]
    plist = _read(_split_printed(tmp_path / "list.pdf", items, _SPLIT_WIDTHS[widths]))
    assert _cells(plist) == [tuple("".join(c.split()) for c in i) for i in items]
    assert not plist.rejects
    joined = [i for i in plist.items if any(a.code == "continuation-row" for a in i.anomalies)]
    assert joined


# -- a department's heading above its printed list ------------------------------------------

_DEPARTMENTS = ("县林业局", "县水利局", "县医疗保障局")


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "no-ruling"])
@pytest.mark.parametrize(
    "heading", ["{n}、{d}", "【{d}】", "{d}"], ids=["ordinal", "bracketed", "alone"]
)
@pytest.mark.parametrize("break_", [False, True], ids=["same-page", "page-each"])
def test_a_departments_heading_above_its_list_gives_its_section_department(
    tmp_path: Path, ruled: bool, heading: str, break_: bool
) -> None:
    # A list of several departments, each one's part under its heading (一、县林业局) over a
    # table of the list's columns, no department column. The page-text and sheet readers
    # give the items the department as their section_department; a PDF gave none (the
    # heading was context, or the tables read as one).
    from reportlab.platypus import PageBreak
    from reportlab.platypus import Paragraph as Para

    from tests.extractors.reading.test_read_pdf_round8 import _HEADER, _table

    flow: list[object] = []
    want: list[str] = []
    k = 0
    for n, department in enumerate(_DEPARTMENTS):
        items = [_item(k + j) for j in range(1, 4)]
        k += 3
        if break_ and n:
            flow.append(PageBreak())
        text = heading.format(n="一二三"[n], d=department)
        flow += [Para(text, _SONG), _table([_HEADER, *items], ruled=ruled)]
        want += [department] * len(items)
    plist = _read(_written(tmp_path, flow))
    assert [i.row for i in plist.items] == [str(j) for j in range(1, k + 1)]
    assert [i.section_department for i in plist.items] == want
    assert not any(i.department for i in plist.items)


# -- a wide sheet of tall rows printed down then over, a band of one column ----------------


def _banded_sheet(
    tmp_path: Path, soffice: str, items: list[tuple[str, ...]], height: int, title: bool
) -> Path:
    """A sheet of ``items`` (序号 | 事项名称 | 事项类型 | 设定依据 | 实施层级及权限 over two
    columns | 追责依据) whose rows are ``height`` points tall, each column so wide that
    LibreOffice Calc prints it down, then over: 序号 … 事项类型 on the first pages, 设定依据
    alone on the next, the rest after; ``title``: a title row merged across the sheet."""
    import subprocess

    import openpyxl
    from openpyxl.styles import Alignment, Border, Side

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    side = Side(style="thin")
    header = ("序号", "事项名称", "事项类型", "设定依据", "实施层级及权限", "", "追责依据")
    rows: list[tuple[str, ...]] = [("某县交通运输局权责清单",)] if title else []
    rows += [header, *items]
    for r, row in enumerate(rows, start=1):
        for c in range(1, 8):
            cell = sheet.cell(r, c, row[c - 1] if c <= len(row) else None)
            cell.border = Border(left=side, right=side, top=side, bottom=side)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        if r > len(rows) - len(items):
            sheet.row_dimensions[r].height = height
    top = 2 if title else 1
    if title:
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=7)
    sheet.merge_cells(start_row=top, start_column=5, end_row=top, end_column=6)
    for column, width in zip("ABCDEFG", (6, 14, 8, 70, 10, 30, 60), strict=True):
        sheet.column_dimensions[column].width = width
    source = tmp_path / "list.xlsx"
    book.save(source)
    run = [soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless"]
    run += ["--convert-to", "pdf", "--outdir", str(tmp_path), str(source)]
    subprocess.run(run, capture_output=True, timeout=300)
    return tmp_path / "list.pdf"


def _banded_item(k: int, laws: int) -> tuple[str, ...]:
    item = _item(k, long=True)
    return (*item[:3], "；".join([item[3]] * laws), "市级", f"负责第{k}类事项的办理", item[4])


@pytest.mark.parametrize("title", [True, False], ids=["titled", "untitled"])
@pytest.mark.parametrize(("height", "laws"), [(300, 4), (400, 5), (500, 6)])
def test_a_sheet_of_tall_rows_printed_down_then_over_is_joined_band_by_band(
    tmp_path: Path, soffice: str, height: int, laws: int, title: bool
) -> None:
    # Rows half a page to a page tall, the 设定依据 column alone in its band: each of its rows
    # a single ruled cell on a page of its own, which gives pdfplumber no table (a table needs
    # two cells): those rows were read as page text and the items lost their bases; the band
    # after it, under the empty row its title left and with a header cell merged across two
    # columns, was no band (a header of a field the list's header has no word for, or its
    # first row empty) and each of its rows a reject; a row the page's foot split inside a
    # band read as a row of its own. Each band is now joined to its rows, said.
    items = [_banded_item(k, laws) for k in range(1, 5)]
    plist = _read(_banded_sheet(tmp_path, soffice, items, height, title))
    plain = [tuple("".join(c.split()) for c in i) for i in items]
    assert _cells(plist) == [(*i[:4], i[6]) for i in plain]
    assert [i.level for i in plist.items] == ["市级"] * len(items)
    assert ["".join(dict(i.extra)["实施层级及权限#2"].split()) for i in plist.items] == [
        i[5] for i in plain
    ]
    assert not plist.rejects
    for item in plist.items:
        assert any(a.code == "joined-record" for a in item.anomalies)
        assert not any(a.code == "duplicate-column" for a in item.anomalies)


# -- a cell's lines wrapped by its column's width ------------------------------------------

_LONG_LAWS = (
    "《中华人民共和国道路运输条例》（2004年4月30日国务院令第406号公布，根据2023年7月20日"
    "《国务院关于修改和废止部分行政法规的决定》第五次修订）第十条",
    "《中华人民共和国公路法》（根据2017年11月4日第十二届全国人民代表大会常务委员会第三十次"
    "会议《关于修改〈中华人民共和国会计法〉等十一部法律的决定》第五次修正）第四十二条",
    "《中华人民共和国森林法》第五十六条、《中华人民共和国行政许可法》第十二条",
)


@pytest.mark.parametrize("width", [120, 180, 260])
@pytest.mark.parametrize("align", ["LEFT", "CENTER"])
def test_a_cells_lines_wrapped_by_its_column_are_one_line(
    tmp_path: Path, width: int, align: str
) -> None:
    # A basis wrapped at its column's width (《中 / 华人民共和国森林法》, 《关于修改部分法律的决
    # 定 / 》第三次修正) was read with a line break at each wrap, which cuts a law's title: 207's
    # print cited 19 laws where its sheet cites 14. The wraps are joined; a cell's own line
    # breaks (its numbered parts, each on a line) stay.
    from reportlab.lib.styles import ParagraphStyle

    centred = ParagraphStyle("centred", parent=_SONG, alignment=1 if align == "CENTER" else 0)
    items = [
        (
            str(k),
            f"对第{k}类事项的审批",
            "行政许可",
            _LONG_LAWS[k % 3],
            "1.具体承办人；<br/>2.内设机构负责人。",
        )
        for k in range(1, 13)
    ]
    header = ("序号", "事项名称", "事项类型", "设定依据", "追责依据")
    cells = [[Paragraph(c, centred) for c in row] for row in [header, *items]]
    table = Table(cells, colWidths=[30, 90, 60, width, 110], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    plist = _read(_written(tmp_path, [table]))
    # a wrap right before an article (…修正） / 第四十二条) stays a break: a writer's own, as like
    assert [(i.basis or "").replace("\n第", "第") for i in plist.items] == [i[3] for i in items]
    assert [i.accountability_basis for i in plist.items] == [
        "1.具体承办人；\n2.内设机构负责人。"
    ] * 12
