"""Round 8 of the PDF readers: what round 7 left (two tables without ruling side by side, a
page of a table that gives none of its rows, a row's own lone cell taken for a merged one) and
a probe round of further shapes (scanned pages among text pages, a category row inside a table
without ruling, a two-level header over a group, encrypted PDFs that open without a password,
a damaged cross-reference table). Each test builds its PDF (reportlab) in the shape exporters
and printers give, reads it whole and in batches, and checks the items; each failed on aedbcc6."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from extractors import read_list
from extractors.models import PowerList
from tests.extractors.reading.documents import _SONG
from tests.extractors.reading.test_read_pdf_round7 import _LAWS, _TYPES, _article
from tests.extractors.reading.test_stream import _same

_HEADER = ("序号", "事项名称", "事项类型", "设定依据", "追责依据")
_KEYS = ("row", "name", "type", "basis", "accountability_basis")
_WIDTHS = [40, 160, 70, 330, 160]


def _item(k: int, long: bool = False) -> tuple[str, ...]:
    basis = f"{_LAWS[k % 3]}{_article(10 + k % 20)}"
    if long:
        basis += "；" + "；".join(f"{_LAWS[(k + j) % 3]}{_article(20 + j)}" for j in range(4))
    name = f"对用人单位第{k}类违法行为的处罚"
    return (str(k), name, _TYPES[k % 5], basis, "《行政机关公务员处分条例》第二十条")


def _table(
    rows: list[tuple[str, ...]],
    ruled: bool = False,
    widths: list[int] | None = None,
    style: list[Any] | None = None,
    repeat: int = 1,
) -> Table:
    """A table, ruled or not (cells centred in their rows, as tables without ruling are)."""
    cells = [[Paragraph(c, _SONG) for c in r] for r in rows]
    table = Table(cells, colWidths=widths or _WIDTHS, repeatRows=repeat)
    grid = [("GRID", (0, 0), (-1, -1), 0.5, colors.black)] if ruled else []
    table.setStyle(TableStyle([*grid, ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), *(style or [])]))
    return table


def _written(tmp_path: Path, flow: list[Any], pagesize: Any = None) -> Path:
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=pagesize or landscape(A4)).build(flow)
    path = tmp_path / "list.pdf"
    path.write_bytes(out.getvalue())
    return path


def _read(path: Path) -> PowerList:
    """The list read whole, checked to be the list read in batches."""
    _same(path, size=2)
    return read_list(path)


def _cells(plist: PowerList) -> list[tuple[str, ...]]:
    return [tuple("".join((i.get(k) or "").split()) for k in _KEYS) for i in plist.items]


# -- two tables without ruling side by side ------------------------------------------------------


@pytest.mark.parametrize("valign", ["MIDDLE", "TOP"])
@pytest.mark.parametrize("pages", [1, 2])
def test_two_tables_without_ruling_side_by_side_are_read_left_then_right(
    tmp_path: Path, pages: int, valign: str
) -> None:
    # A page printed in two columns of its list, each under the header. Before, the rows
    # were read line by line across both (1, 4, 2, 5, 3, 6): the list's order lost, silently;
    # with rows of other heights the two columns' rows parted at the other's serials.
    count = 6 * pages
    items = [_item(k, long=k % 2 == 0) for k in range(1, count + 1)]
    widths = [25, 80, 50, 120, 95]
    cells = [("VALIGN", (0, 0), (-1, -1), valign)]  # centred in their rows, or at their tops
    flow: list[Any] = []
    for page in range(pages):
        mine = items[6 * page : 6 * page + 6]
        halves = [
            _table([_HEADER, *half], widths=widths, style=cells) for half in (mine[:3], mine[3:])
        ]
        pair = Table([halves], colWidths=[380, 380])
        pair.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))  # headers on one line
        flow += [pair, PageBreak()]
    plist = _read(_written(tmp_path, flow[:-1]))
    assert _cells(plist) == items
    assert not plist.rejects


# -- pages that give none of a table's rows -------------------------------------------------------


def test_a_page_of_a_table_holding_only_its_header_is_said(tmp_path: Path) -> None:
    # The header printed again atop a page that holds no row, the table going on on the page
    # after. Before, nothing was said of the page (rows may have been lost there).
    items = [_item(k) for k in range(1, 11)]
    flow = [_table([_HEADER, *items[:5]]), PageBreak(), _table([_HEADER]), PageBreak()]
    plist = _read(_written(tmp_path, [*flow, _table([_HEADER, *items[5:]])]))
    assert _cells(plist) == items
    assert [r.text for r in plist.rejects] == ["page 2"]
    assert "no row" in plist.rejects[0].reason


def test_a_blank_page_inside_a_table_is_said(tmp_path: Path) -> None:
    items = [_item(k) for k in range(1, 11)]
    flow = [_table([_HEADER, *items[:5]]), PageBreak(), Spacer(1, 5), PageBreak()]
    plist = _read(_written(tmp_path, [*flow, _table(items[5:])]))
    assert _cells(plist) == items
    assert [r.text for r in plist.rejects] == ["page 2"]
    assert "blank" in plist.rejects[0].reason


@pytest.mark.parametrize("last", ["blank", "header"])
def test_a_page_after_a_tables_end_is_not_said(tmp_path: Path, last: str) -> None:
    # a guard: a blank page, or a header over no row, after the table's last row is its end
    items = [_item(k) for k in range(1, 6)]
    end = Spacer(1, 5) if last == "blank" else _table([_HEADER])
    plist = _read(_written(tmp_path, [_table([_HEADER, *items]), PageBreak(), end]))
    assert _cells(plist) == items
    assert not plist.rejects


def _scan() -> Any:
    """A page-sized image of ruled lines, as a scanner gives (no text layer)."""
    from PIL import Image, ImageDraw
    from reportlab.platypus import Image as Picture

    image = Image.new("L", (800, 500), 255)
    draw = ImageDraw.Draw(image)
    for y in range(20, 480, 30):
        draw.line((20, y, 780, y), fill=0)
    data = io.BytesIO()
    image.save(data, "PNG")
    data.seek(0)
    return Picture(data, 700, 430)


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
@pytest.mark.parametrize("where", [1, 2, 3])
def test_a_scanned_page_among_text_pages_is_said_and_the_others_read(
    tmp_path: Path, where: int, ruled: bool
) -> None:
    # A scanned page (an image, no text layer) among pages with text: a scanned cover letter
    # before the list, a page of it scanned, a sealed page after it. Before, the scanned page
    # was passed over without a word (its rows lost, silently).
    items = [_item(k) for k in range(1, 11)]
    tables = [_table([_HEADER, *items[:5]], ruled), _table([_HEADER, *items[5:]], ruled)]
    flow: list[Any] = [tables[0], PageBreak(), tables[1]]
    flow[(where - 1) * 2 : (where - 1) * 2] = [_scan(), PageBreak()] if where < 3 else []
    if where == 3:
        flow += [PageBreak(), _scan()]
    plist = _read(_written(tmp_path, flow))
    assert _cells(plist) == items
    assert [r.text for r in plist.rejects] == [f"page {where}"]
    assert "scanned" in plist.rejects[0].reason


# -- a lone cell without ruling: a row's own, or merged over rows --------------------------------


def _lines(k: int, count: int) -> tuple[str, ...]:
    """Item ``k`` with a basis of ``count`` lines in the table's basis column (each citation a
    line's worth of text)."""
    number, name, kind, basis, accountability = _item(k)
    more = "".join(f"；{_LAWS[(k + j) % 3]}{_article(20 + j)}" * 2 for j in range(count - 1))
    return (number, name, kind, basis + more, accountability)


def test_a_rows_own_lone_cell_between_rows_of_other_heights_stays_its_own(
    tmp_path: Path,
) -> None:
    # The accountability basis given on items 1, 3 and 5 only, item 4 two lines tall. Before,
    # item 3's own cell was taken for one merged over items 2-4 (the middles of serials 2 and
    # 4 averaged near it): its text given to items 2 and 4, said as a centred cell.
    items = [_lines(k, 2 if k == 4 else 1) for k in range(1, 6)]
    items = [(*i[:4], i[4] if int(i[0]) % 2 else "") for i in items]
    plist = _read(_written(tmp_path, [_table([_HEADER, *items])]))
    assert _cells(plist) == [tuple("".join(c.split()) for c in i) for i in items]
    assert not any(a.code == "centred-cell" for i in plist.items for a in i.anomalies)


def test_a_cell_merged_over_rows_of_other_heights_fills_each(tmp_path: Path) -> None:
    # The accountability basis merged over items 1-3 and 4-6, items 3 and 6 three lines tall:
    # the merged cell centred between item 1's top and item 3's foot, a line off the middle
    # of serials 1 and 3. Before, it was read as item 2's own, items 1 and 3 without one.
    items = [_lines(k, 3 if k % 3 == 0 else 1) for k in range(1, 7)]
    rows = [_HEADER, *((*i[:4], i[4] if int(i[0]) % 3 == 1 else "") for i in items)]
    spans = [("SPAN", (4, r), (4, r + 2)) for r in (1, 4)]
    plist = _read(_written(tmp_path, [_table(rows, style=spans)]))
    assert _cells(plist) == [tuple("".join(c.split()) for c in i) for i in items]


# -- files a writer or a tool got wrong -----------------------------------------------------------


@pytest.mark.parametrize("strength", [40, 128])
def test_an_encrypted_pdf_that_opens_without_a_password_is_read(
    tmp_path: Path, strength: int
) -> None:
    # An owner password only (copying and editing forbidden, printing allowed), written by
    # reportlab, which leaves the font's CIDSystemInfo strings unencrypted. Before, they were
    # deciphered into no registry, the font lost its Unicode map, and the list was refused as
    # "characters from fonts without a Unicode map".
    from reportlab.lib import pdfencrypt

    items = [_item(k) for k in range(1, 9)]
    out = io.BytesIO()
    locked = pdfencrypt.StandardEncryption(
        "", ownerPassword="owner", canModify=0, canCopy=0, strength=strength
    )
    document = SimpleDocTemplate(out, pagesize=landscape(A4), encrypt=locked)
    document.build([_table([_HEADER, *items], ruled=True)])
    path = tmp_path / "list.pdf"
    path.write_bytes(out.getvalue())
    assert _cells(_read(path)) == items


@pytest.mark.parametrize(("password", "strength"), [("owner1", 128), ("owner24", 128)])
def test_an_encrypted_pdf_whose_collection_name_deciphers_to_print_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, password: str, strength: int
) -> None:
    # As above, with the document's key fixed (reportlab's invariant mode) to one under which
    # the unencrypted ``GB1`` deciphers to printable bytes: before, those were taken, the font
    # lost its Unicode map and the list was refused (the test above failed so 8% of its runs).
    from reportlab import rl_config
    from reportlab.lib import pdfencrypt

    monkeypatch.setattr(rl_config, "invariant", 1)
    items = [_item(k) for k in range(1, 9)]
    out = io.BytesIO()
    locked = pdfencrypt.StandardEncryption(
        "", ownerPassword=password, canModify=0, canCopy=0, strength=strength
    )
    document = SimpleDocTemplate(out, pagesize=landscape(A4), encrypt=locked)
    document.build([_table([_HEADER, *items], ruled=True)])
    path = tmp_path / "list.pdf"
    path.write_bytes(out.getvalue())
    assert _cells(_read(path)) == items


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
def test_a_pdf_whose_cross_references_point_elsewhere_is_read(tmp_path: Path, ruled: bool) -> None:
    # A line added under the %PDF header by a tool that did not write the cross-reference
    # table again: every offset some bytes short of its object. Before, pdfminer read the
    # wrong objects, found no text, and the list was refused as a scan.
    items = [_item(k) for k in range(1, 9)]
    path = _written(tmp_path, [_table([_HEADER, *items], ruled)])
    data = path.read_bytes()
    head = data.index(b"\n") + 1
    path.write_bytes(data[:head] + b"% stamped by the archive\n" + data[head:])
    assert _cells(_read(path)) == items


# -- heading rows inside a table without ruling -----------------------------------------------


@pytest.mark.parametrize("valign", ["MIDDLE", "TOP"])
@pytest.mark.parametrize("align", ["left", "centre"])
@pytest.mark.parametrize("heading", ["type", "department"])
def test_heading_rows_inside_a_table_without_ruling_are_sections(
    tmp_path: Path, heading: str, align: str, valign: str
) -> None:
    # 一、行政许可（共3项） (or a department with its count) in a row of its own, its cell
    # merged across the table, the items under it without a type (or department) column.
    # Before, the heading was read as more of the row below it: item 1 named
    # 一、行政许可（共3项）对用人单位…, every item without its type, silently.
    from reportlab.lib.styles import ParagraphStyle

    centred = ParagraphStyle("centred", parent=_SONG, alignment=1)
    by_type = heading == "type"
    names = (
        [f"{'一二三'[n]}、{kind}（共3项）" for n, kind in enumerate(_TYPES[:3])]
        if by_type
        else [f"县{office}（3项）" for office in ("人力资源和社会保障局", "医疗保障局", "司法局")]
    )
    key = "type" if by_type else "department"
    header = ("序号", "事项名称", "设定依据", "追责依据") if by_type else _HEADER[:4]
    rows: list[Any] = [[Paragraph(c, _SONG) for c in header]]
    expected = []
    spans = []
    for n, name in enumerate(names):
        spans.append(("SPAN", (0, len(rows)), (-1, len(rows))))
        cell = Paragraph(name, centred if align == "centre" else _SONG)
        rows.append([cell, *([""] * (len(header) - 1))])
        for k in range(3 * n + 1, 3 * n + 4):
            number, title, kind, basis, accountability = _item(k, long=k % 2 == 0)
            cells = (
                (number, title, basis, accountability) if by_type else (number, title, kind, basis)
            )
            rows.append([Paragraph(c, _SONG) for c in cells])
            owner = _TYPES[n] if by_type else name.split("（")[0]
            expected.append((number, title, owner, "".join(basis.split())))
    widths = [40, 200, 330, 160] if by_type else [40, 200, 70, 330]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), valign), *spans]))
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=landscape(A4)).build([table])
    path = tmp_path / "list.pdf"
    path.write_bytes(out.getvalue())
    plist = _read(path)
    # a group row's department is the items' section_department (department: a column's only)
    key = "section_department" if key == "department" else key
    got = [(i.row, i.name, getattr(i, key), "".join((i.basis or "").split())) for i in plist.items]
    assert got == expected
    assert [s.text for s in plist.sections] == names


# -- a two-level header without ruling: a group over fields -------------------------------------


@pytest.mark.parametrize("count", [6, 30])
def test_a_group_over_two_fields_in_a_header_without_ruling(tmp_path: Path, count: int) -> None:
    # 依据 over 设定依据 | 追责依据, the header's other cells merged down over both lines.
    # Before, the lower line was read as the first row's (item 1's basis
    # 设定依据追责依据《…》), silently; over pages, on every page.
    items = [_item(k) for k in range(1, count + 1)]
    top = ("序号", "事项名称", "事项类型", "依据", "")
    low = ("", "", "", "设定依据", "追责依据")
    spans = [("SPAN", (c, 0), (c, 1)) for c in range(3)] + [("SPAN", (3, 0), (4, 0))]
    table = _table([top, low, *items], style=spans, repeat=2)
    plist = _read(_written(tmp_path, [table]))
    assert _cells(plist) == items
    assert all(not i.extra for i in plist.items)


# (a wide table's last column printed on a page of its own: test_read_pdf_round9.py)


# -- notes under a table without ruling -----------------------------------------------------------


@pytest.mark.parametrize("count", [8, 30])
@pytest.mark.parametrize(
    "notes",
    [
        [
            "备注：1.本清单所列事项依据截至2023年6月的法律法规。",
            "2.法律法规修订的，以修订后的为准。",
        ],
        ["注：本清单中的设定依据如有调整，按调整后的规定执行，不再另行通知。"],
    ],
    ids=["numbered", "one"],
)
def test_notes_under_a_table_without_ruling_are_no_row(
    tmp_path: Path, notes: list[str], count: int
) -> None:
    # Notes printed under the table across its width, closer than a wide gap. Before, they
    # were read into the table: 2.法律法规修订的… as item 2 again (of no type), or a note
    # as the last row's further cells.
    items = [_item(k, long=k % 3 == 0) for k in range(1, count + 1)]
    flow = [_table([_HEADER, *items]), Spacer(1, 6), *(Paragraph(n, _SONG) for n in notes)]
    path = _written(tmp_path, flow)
    plist = _read(path)
    assert _cells(plist) == [tuple("".join(c.split()) for c in i) for i in items]
    assert not plist.rejects
    from extractors.reading.formats.documents.pdf import read_pdf

    context = [text for grid in read_pdf(path.read_bytes(), "list.pdf") for _, text in grid.context]
    assert all(n in context for n in notes)


# -- a Word table without borders, printed by LibreOffice ---------------------------------------


def _printed_docx(
    soffice: str, folder: Path, repeat: bool, landscape_page: bool, borders: bool = False
) -> Path:
    """A Word table of 30 items, without borders or with, the header marked to repeat on each
    page or not, printed to PDF by LibreOffice (without borders, its last row's last line
    falls alone on the last page; with, the row of item 16 splits inside its name)."""
    import subprocess

    import docx
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    if landscape_page:
        section = document.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    document.add_paragraph("某县人力资源和社会保障局权责清单")
    items = [_item(k, long=True) for k in range(1, 31)]
    table = document.add_table(rows=len(items) + 1, cols=len(_HEADER))
    if borders:
        table.style = "Table Grid"
    for row, cells in enumerate([_HEADER, *items]):
        for column, text in enumerate(cells):
            table.cell(row, column).text = text
    if repeat:
        marked = OxmlElement("w:tblHeader")
        marked.set(qn("w:val"), "true")
        table.rows[0]._tr.get_or_add_trPr().append(marked)
    source = folder / "list.docx"
    document.save(source)
    profile = folder / "profile"
    command = [soffice, f"-env:UserInstallation=file://{profile}", "--headless"]
    command += ["--convert-to", "pdf", "--outdir", str(folder), str(source)]
    subprocess.run(command, check=True, capture_output=True, timeout=240)
    return folder / "list.pdf"


@pytest.mark.parametrize(
    ("repeat", "landscape_page"), [(True, True), (False, False)], ids=["header-repeated", "once"]
)
def test_the_rest_of_a_split_row_alone_on_a_page_is_that_rows(
    soffice: str, tmp_path: Path, repeat: bool, landscape_page: bool
) -> None:
    # The last row's last line (…法》第二十三条) alone atop the last page, under the header
    # printed again or not. Before, under the header it was no row (no serial) and vanished;
    # without it, it was the page's text: item 30's basis cut short, silently.
    path = _printed_docx(soffice, tmp_path, repeat, landscape_page)
    import pdfplumber

    with pdfplumber.open(path) as pdf:  # the shape: the last page holds no serial
        assert not any(w["text"] == "30" for w in pdf.pages[-1].extract_words())
    items = [_item(k, long=True) for k in range(1, 31)]
    assert _cells(_read(path)) == [tuple("".join(c.split()) for c in i) for i in items]


def test_a_ruled_row_split_inside_its_name_by_a_page_break_is_one_item(
    soffice: str, tmp_path: Path
) -> None:
    # A Word table with borders, its header once: item 16's row split by the page break,
    # 对用人单位第16类违 | 法行为的处罚 (and its bases) on the next page, closed by rules on
    # both. Before, the rest was an item without serial (said missing-cell), item 16 cut short.
    path = _printed_docx(soffice, tmp_path, repeat=False, landscape_page=True, borders=True)
    items = [_item(k, long=True) for k in range(1, 31)]
    plist = _read(path)
    assert _cells(plist) == [tuple("".join(c.split()) for c in i) for i in items]
    assert not any(a.code == "missing-cell" for i in plist.items for a in i.anomalies)
