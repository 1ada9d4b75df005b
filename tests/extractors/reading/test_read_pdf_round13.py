"""Round 13 of the PDF readers: a PDF of one list titled by its department (县林业局权责清单, on
the first page or atop every page), a borderless list whose rows a page break splits (printed
by Chromium), and a page's running head and foot. Each test builds its PDF in the test
(reportlab, or Chromium, skipped with a reason when missing), reads it whole and in batches,
and checks the items; each failed on 3d61174."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from tests.extractors.reading.documents import _SONG
from tests.extractors.reading.test_read_pdf_round8 import _HEADER, _cells, _item, _read
from tests.extractors.reading.test_read_pdf_round10 import _printed

# -- a list titled by its department -------------------------------------------------------

#: titles of one department's list, and the department each names
_TITLES = (
    ("某县林业局权责清单", "某县林业局"),
    ("附件1：县水利局权责清单（2023年版）", "县水利局"),
    ("某市某区人力资源和社会保障局行政权力清单", "某市某区人力资源和社会保障局"),
    ("2024年县交通运输局权责事项清单", "县交通运输局"),
)


def _titled(path: Path, title: str, items: list[tuple[str, ...]], ruled: bool, every: bool) -> Path:
    """``items`` as a table under ``title``: a heading over it on the first page, or (``every``)
    a running head drawn atop every page."""
    cells = [[Paragraph(c, _SONG) for c in r] for r in [_HEADER, *items]]
    table = Table(cells, colWidths=[40, 160, 70, 330, 160], repeatRows=1)
    grid = [("GRID", (0, 0), (-1, -1), 0.5, colors.black)] if ruled else []
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), *grid]))
    width, height = landscape(A4)

    def head(canvas: Any, _doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("STSong-Light", 14)
        canvas.drawCentredString(width / 2, height - 40, title)
        canvas.restoreState()

    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=(width, height))
    if every:
        doc.build([table], onFirstPage=head, onLaterPages=head)
    else:
        big = ParagraphStyle("title", parent=_SONG, fontSize=16, leading=20, alignment=1)
        doc.build([Paragraph(title, big), table])
    path.write_bytes(out.getvalue())
    return path


@pytest.mark.parametrize("rows", [8, 30])
@pytest.mark.parametrize("every", [False, True], ids=["first-page", "every-page"])
@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "no-ruling"])
@pytest.mark.parametrize(("title", "department"), _TITLES)
def test_a_list_titled_by_its_department_gives_its_section_department(
    tmp_path: Path, title: str, department: str, ruled: bool, every: bool, rows: int
) -> None:
    # The sheet and page-text readers give a list titled 县林业局权责清单 the department as its
    # items' section_department; a PDF of it gave none (the title was context only).
    items = [_item(k, long=k % 4 == 0) for k in range(1, rows + 1)]
    plist = _read(_titled(tmp_path / "list.pdf", title, items, ruled, every))
    assert _cells(plist) == items
    assert [i.section_department for i in plist.items] == [department] * rows
    assert not any(i.department for i in plist.items)
    assert not plist.rejects


def test_a_title_naming_no_department_gives_none(tmp_path: Path) -> None:
    items = [_item(k) for k in range(1, 9)]
    plist = _read(_titled(tmp_path / "list.pdf", "某县权责清单", items, True, False))
    assert _cells(plist) == items
    assert not any(i.section_department or i.department for i in plist.items)


# -- a borderless list printed by Chromium and by Writer ------------------------------------

_BORDERLESS_LAWS = (
    "《中华人民共和国食品安全法》",
    "《中华人民共和国药品管理法》",
    "《医疗器械监督管理条例》",
    "《化妆品监督管理条例》",
)
_BORDERLESS_HEADER = ("序号", "事项名称", "事项类型", "设定依据", "实施主体")
_BORDERLESS_KEYS = ("row", "name", "type", "basis", "department")
#: column widths a site sets (narrow serial, type and department columns; a wide basis)
_BORDERLESS_CSS = {
    "auto": "",
    "narrow": "table{width:100%;table-layout:fixed} th:nth-child(1){width:30px}"
    " th:nth-child(3){width:40px} th:nth-child(5){width:60px}",
    "wide-basis": "table{width:100%;table-layout:fixed} th:nth-child(1){width:24px}"
    " th:nth-child(2){width:90px} th:nth-child(3){width:36px} th:nth-child(4){width:60%}",
}


def _borderless_item(k: int, laws: int) -> tuple[str, ...]:
    numerals = "一二三四五六七八九"
    basis = "；".join(
        f"{_BORDERLESS_LAWS[(k + j) % 4]}第{numerals[(k + j) % 9]}十{numerals[j % 9]}条"
        for j in range(laws)
    )
    types = ("行政许可", "行政处罚", "行政强制", "行政检查", "行政确认")
    return (str(k), f"对第{k}类生产经营单位违法行为的处罚", types[k % 5], basis, "县市场监督管理局")


def _borderless_page(items: list[tuple[str, ...]], css: str, valign: str) -> str:
    head = "".join(f"<th>{c}</th>" for c in _BORDERLESS_HEADER)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in items)
    return (
        '<!doctype html><html><head><meta charset="utf-8"><style>'
        "body{font-family:'Noto Sans CJK SC',sans-serif;font-size:12px}"
        f"td{{vertical-align:{valign}}} {css}</style></head><body>"
        f'<table border="0" cellspacing="0" cellpadding="3"><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></body></html>"
    )


def _borderless_cells(plist: Any) -> list[tuple[str, ...]]:
    return [tuple("".join((i.get(k) or "").split()) for k in _BORDERLESS_KEYS) for i in plist.items]


@pytest.mark.parametrize("laws", [3, 6])
@pytest.mark.parametrize("rows", [14, 24])
@pytest.mark.parametrize("valign", ["middle", "top"])
@pytest.mark.parametrize("css", ["narrow", "wide-basis"])
def test_a_borderless_list_printed_by_chromium_keeps_each_rows_lines(
    tmp_path: Path, css: str, valign: str, rows: int, laws: int
) -> None:
    # A page's table without borders printed by Chromium: cells set flush left under header
    # words centred in their columns. A department's wrapped line (县市场监督 / 管理局) begins
    # left of its header word, and so ran across the header's bound: taken for a note under
    # the table, the last row cut at it (行政确 for 行政确认, its basis's last line lost); a
    # last page of one row showed too few gaps to part its columns (the basis in 事项类型).
    items = [_borderless_item(k, 1 + (k * laws) % (laws + 1)) for k in range(1, rows + 1)]
    plist = _read(
        _printed(tmp_path, _borderless_page(items, _BORDERLESS_CSS[css], valign), margins=False)
    )
    assert _borderless_cells(plist) == items
    assert not plist.rejects


@pytest.mark.parametrize("title", ["某县林业局权责清单", "县医疗保障局权责清单"])
def test_a_titled_borderless_list_over_three_pages_in_chromiums_print(
    tmp_path: Path, title: str
) -> None:
    # The table's last page holds one row under the header printed again: its basis, one
    # short line, was read into 事项类型 (the page's rows left no gap to part the columns at),
    # the row parted into three items. The columns stand where the page before had them.
    items = [_item(k, long=k % 4 == 0) for k in range(1, 31)]
    cells = ["".join(f"<td>{c}</td>" for c in row) for row in items]
    head = "".join(f"<th>{c}</th>" for c in _HEADER)
    page = (
        '<!doctype html><html><head><meta charset="utf-8"><style>'
        "body{font-family:'Noto Sans CJK SC',sans-serif;font-size:12px}</style></head><body>"
        f'<h2 style="text-align:center">{title}</h2><table border="0" cellpadding="4">'
        f"<thead><tr>{head}</tr></thead><tbody>"
        + "".join(f"<tr>{c}</tr>" for c in cells)
        + "</tbody></table></body></html>"
    )
    plist = _read(_printed(tmp_path, page, margins=False))
    assert _cells(plist) == items
    assert not plist.rejects


# -- a print's running head and foot -----------------------------------------------------------


@pytest.mark.parametrize("rows", [14, 24])
@pytest.mark.parametrize("valign", ["middle", "top"])
@pytest.mark.parametrize("css", ["narrow", "wide-basis"])
def test_a_borderless_list_with_chromiums_header_and_footer_keeps_its_last_row(
    tmp_path: Path, css: str, valign: str, rows: int
) -> None:
    # The footer's URL, under the table across its first columns, joined the gaps between
    # them: the columns stayed at the header words' bounds, and the last row's last line
    # (的处罚, set left of its centred header word) was taken for a note under the table,
    # the row cut (silently: 对第14类生产经营单位违法行为), or a row of no name said.
    items = [_borderless_item(k, 1 + (k * 3) % 4) for k in range(1, rows + 1)]
    page = _borderless_page(items, _BORDERLESS_CSS[css], valign)
    page = page.replace("<head>", "<head><title>某县权责清单</title>")
    plist = _read(_printed(tmp_path, page))
    assert _borderless_cells(plist) == items
    assert not plist.rejects
