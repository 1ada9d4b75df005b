"""Round 10 of the PDF readers: lists as sites serve them printed to PDF by headless Chromium
(an HTML table, its header repeated on each page or not, the print's date, title, URL and page
count on every page, A4 portrait and landscape, Noto CJK) and office files printed by
LibreOffice. Each test builds its PDF in the test (skipped with a reason when Chromium is not
installed), reads it whole and in batches, and checks the items; each failed on 463c2ff."""

from __future__ import annotations

import json
import shutil
import subprocess
from importlib import resources
from pathlib import Path

import pytest

from extractors.reading.formats.cells import unified
from tests.extractors.reading.test_read_pdf_round8 import _HEADER, _cells, _read

_LAWS = ("《中华人民共和国劳动法》", "《中华人民共和国道路交通安全法》", "《医疗机构管理条例》")
_NAMES = ("对机动车驾驶人的处罚", "门诊部设置审批", "对用人单位违法行为的处罚", "药品零售企业检查")
_TYPES = ("行政许可", "行政处罚", "行政强制", "行政检查", "行政确认")


def _item(k: int, long: bool = False) -> tuple[str, ...]:
    basis = f"{_LAWS[k % 3]}第{'一二三四五六七八九'[k % 9]}十条"
    if long:  # a basis of several laws: a row some lines tall
        basis += "".join(f"；{_LAWS[(k + j) % 3]}第{'一二三四五六七八九'[j]}条" for j in range(7))
    name = f"{_NAMES[k % 4]}（第{k}项）"
    return (str(k), name, _TYPES[k % 5], basis, "《行政机关公务员处分条例》第二十条")


def _html(
    rows: list[tuple[str, ...]], page: str = "portrait", head: bool = True, css: str = ""
) -> str:
    cells = ["".join(f"<td>{c}</td>" for c in row) for row in rows]
    top = f"<thead><tr>{cells[0].replace('td>', 'th>')}</tr></thead>" if head else ""
    body = "".join(f"<tr>{c}</tr>" for c in (cells[1:] if head else cells))
    return (
        '<!doctype html><html><head><meta charset="utf-8"><title>某县权责清单</title><style>'
        f"@page{{size:A4 {page}}} body{{font-family:'Noto Sans CJK SC',sans-serif;font-size:12px}}"
        f"{css}</style></head><body><h2>某县权责清单</h2>"
        f'<table border="1" cellspacing="0" cellpadding="4">{top}<tbody>{body}</tbody></table>'
        "</body></html>"
    )


def _printed(tmp_path: Path, page: str, *, margins: bool = True) -> Path:
    """``page`` printed to PDF by headless Chromium, the print's header and footer on (the date
    and the page's title atop each page, its URL and the page count at the foot) or off."""
    program = shutil.which("chromium") or shutil.which("chromium-browser")
    if program is None:
        pytest.skip("Chromium is not installed: apt-get install chromium")
    source = tmp_path / "list.html"
    source.write_text(page, encoding="utf-8")
    out = tmp_path / "list.pdf"
    run = [program, "--headless", "--no-sandbox", "--disable-gpu", f"--print-to-pdf={out}"]
    if not margins:
        run.append("--no-pdf-header-footer")
    subprocess.run([*run, str(source)], capture_output=True, timeout=180, check=False)
    if not out.exists():
        pytest.skip("Chromium did not print the page")
    return out


# -- the CJK radicals supplement a font maps ideographs to --------------------------------------


@pytest.mark.parametrize("head", [True, False], ids=["thead", "no-thead"])
@pytest.mark.parametrize("page", ["portrait", "landscape"])
def test_a_list_printed_by_chromium_reads_its_ideographs(
    tmp_path: Path, page: str, head: bool
) -> None:
    # Chromium's subset of Noto CJK maps the glyph 民 shares with the radical ⺠ (U+2EA0) to the
    # radical, and so 门 ⻔, 车 ⻋: before, every law's title 《中华人⺠共和国…》 and such names
    # were read with the radical, silently (no law resolved, a name matching no other copy).
    items = [_item(k) for k in range(1, 31)]
    plist = _read(_printed(tmp_path, _html([_HEADER, *items], page, head)))
    assert _cells(plist) == items
    assert not plist.rejects


def test_the_radicals_table_holds_to_its_schema_and_its_examples() -> None:
    import jsonschema

    data = resources.files("extractors").joinpath("data")
    table = json.loads(data.joinpath("radicals.json").read_text("utf-8"))
    schema = json.loads(data.joinpath("radicals.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(table, schema)
    for written, read in table["examples"]:
        assert unified(written) == read
    assert unified("\u2e80\u2eae") == "\u2e80\u2eae"  # a radical it does not list stays


# -- a ruled row a page break splits, in Chromium's print ---------------------------------------

_NARROW = (
    "table{width:100%;table-layout:fixed;word-break:break-all} th:nth-child(1){width:24px}"
    " th:nth-child(2){width:60px} th:nth-child(3){width:28px}"
)


@pytest.mark.parametrize("css", ["", _NARROW], ids=["wide", "narrow-columns"])
@pytest.mark.parametrize("head", [True, False], ids=["thead", "no-thead"])
@pytest.mark.parametrize("page", ["portrait", "landscape"])
def test_a_ruled_row_a_page_break_splits_in_chromiums_print_is_one_row(
    tmp_path: Path, page: str, head: bool, css: str
) -> None:
    # Chromium draws each cell's border as rectangles, their corners a stroke wide: at the
    # page's foot a row's part has its column rules and, where they end, corner pieces only.
    # Those were taken for a rule closing the row: no rule was added, and the row's part
    # (serial and all) and its rest atop the next page fell outside the table: the item lost,
    # silently, or its rest run into the row above it.
    items = [_item(k, long=k % 2 == 0) for k in range(1, 25)]
    plist = _read(_printed(tmp_path, _html([_HEADER, *items], page, head, css)))
    assert _cells(plist) == [tuple("".join(c.split()) for c in i) for i in items]
    assert not plist.rejects


@pytest.mark.parametrize("page", ["portrait", "landscape"])
def test_a_group_header_over_pages_in_chromiums_print_stays_the_header(
    tmp_path: Path, page: str
) -> None:
    # 依据 over 设定依据 | 追责依据 in a <thead> printed on each page, the table's frame drawn
    # beside its cells' borders and running on below the last whole row of a page. The frame's
    # four rules (two bounds) are no row left open there: closing them made an empty row over
    # the next page's header, the serials then read into 设定依据 (and, on 463c2ff, 民 as ⺠).
    items = [_item(k) for k in range(1, 26)]
    head = (
        "<thead><tr><th rowspan=2>序号</th><th rowspan=2>事项名称</th><th rowspan=2>事项类型</th>"
        "<th colspan=2>依据</th></tr><tr><th>设定依据</th><th>追责依据</th></tr></thead>"
    )
    page_html = _html([_HEADER, *items], page).replace(
        f"<thead><tr>{''.join(f'<th>{c}</th>' for c in _HEADER)}</tr></thead>", head
    )
    assert head in page_html
    plist = _read(_printed(tmp_path, page_html))
    assert _cells(plist) == items
    assert not plist.rejects


# -- a Word table printed by LibreOffice, its type merged down across page breaks --------------


def _word_printed(tmp_path: Path, soffice: str, items: list[tuple[str, ...]], group: int) -> Path:
    """A DOCX of ``items`` (its type merged over each ``group`` items, narrow columns wrapping
    every name over three lines) printed to PDF by LibreOffice."""
    import docx

    document = docx.Document()
    table = document.add_table(rows=1 + len(items), cols=5)
    table.style = "Table Grid"
    for c, word in enumerate(_HEADER):
        table.cell(0, c).text = word
    for r, item in enumerate(items, start=1):
        for c, text in enumerate(item):
            table.cell(r, c).text = "" if c == 2 and (r - 1) % group else text
    for first in range(1, len(items) + 1, group):
        last = min(first + group, len(items) + 1) - 1
        text = table.cell(first, 2).text
        merged = table.cell(first, 2).merge(table.cell(last, 2))
        for extra in merged.paragraphs[1:]:
            extra._element.getparent().remove(extra._element)
        merged.paragraphs[0].text = text
    source = tmp_path / "list.docx"
    document.save(str(source))
    profile = tmp_path / "profile"
    run = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf"]
    subprocess.run([*run, "--outdir", str(tmp_path), str(source)], capture_output=True, timeout=300)
    return tmp_path / "list.pdf"


def test_a_row_split_below_a_type_merged_over_items_is_one_row(
    tmp_path: Path, soffice: str
) -> None:
    # A row a page break splits (its name's last line, 罚, atop the next page) under a type
    # merged over six items. Before, the rest was not joined below merged cells: the row's
    # name lost its end, silently, and the rest was an item of its own. The rows after a
    # break inside the merged type have no type there, said (missing-cell).
    items = [(*_item(k)[:2], _TYPES[(k - 1) // 6 % 5], *_item(k)[3:]) for k in range(1, 41)]
    plist = _read(_word_printed(tmp_path, soffice, items, 6))
    read = _cells(plist)
    assert [i[:2] for i in read] == [tuple("".join(c.split()) for c in i[:2]) for i in items]
    for got, item in zip(plist.items, items, strict=True):
        if not got.get("type"):
            assert any(a.code == "missing-cell" for a in got.anomalies)
        else:
            assert got.get("type") == item[2]


# -- a cell of two lines merged over two rows of one line, set at the top, without ruling -----


@pytest.mark.parametrize("merged", [True, False], ids=["merged", "own-cell"])
def test_a_cell_of_two_lines_set_at_the_top_of_two_rows_is_told_from_an_own_cell(
    tmp_path: Path, merged: bool
) -> None:
    # The accountability basis merged over items 1-2, 3-4, 5-6, two lines set at the top of
    # rows of one line each: its second line stands inside the lower row (the lower serial
    # closer below it than the rows' usual gap). Before, it read as the upper row's own and
    # the lower row's cell empty, silently; now merged, and said. A row's own cell of two
    # lines (its row two lines tall, the next a usual gap below) stays its own (a guard).
    from reportlab.platypus import TableStyle

    from tests.extractors.reading.test_read_pdf_round8 import _item as _item8
    from tests.extractors.reading.test_read_pdf_round8 import _table, _written

    text = "《行政机关公务员处分条例》第二十条；《中华人民共和国公务员法》第六十二条"[:20]
    items = [(*_item8(k)[:4], text) for k in range(1, 7)]
    rows = [_HEADER, *((*i[:4], i[4] if int(i[0]) % 2 else "") for i in items)]
    spans = [("SPAN", (4, r), (4, r + 1)) for r in (1, 3, 5)] if merged else []
    table = _table(rows, style=spans)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    plist = _read(_written(tmp_path, [table]))
    want = items if merged else [tuple(r) for r in rows[1:]]
    assert _cells(plist) == [tuple("".join(c.split()) for c in i) for i in want]
    said = [any(a.code == "centred-cell" for a in i.anomalies) for i in plist.items]
    assert said == [merged] * 6
