"""An XLSX workbook read in batches (``extractors.reading.workbook_stream``) is the workbook read
whole: the same items in the same order, the same description, rejects, sections, counts,
plausibility and digest; the same one-line error for a damaged or hostile one, within the same
bounds. Each is streamed with ``min_bytes=0`` and small batches, so that merged ranges, sub-items
and continuation rows run across batch boundaries."""

from __future__ import annotations

import io
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.utils.cell import get_column_letter

from bench.biglist import WRITERS, rows
from extractors import read_list
from extractors.errors import InputError
from extractors.models import PowerList
from extractors.reading.stream import open_list
from extractors.reading.workbook_stream import WorkbookStream
from tests.extractors.reading import hostile
from tests.extractors.reading.bounded import BoundedReader
from tests.extractors.reading.test_stream import _same
from tests.shared import shared_path

HEADER = ["序号", "职权类型", "职权名称", "子项", "实施主体", "设定依据"]


@pytest.fixture(scope="module")
def bounded() -> Iterator[BoundedReader]:
    with BoundedReader(cpu_seconds=20, memory_bytes=1 << 30) as reader:
        yield reader


def _streamed(path: Path, size: int = 3) -> WorkbookStream:
    opened = _same(path, size)
    assert isinstance(opened, WorkbookStream), f"{path.name} was read whole"
    return opened


def _save(book: openpyxl.Workbook, path: Path) -> Path:
    book.save(path)
    return path


def test_real_workbooks_read_in_batches_are_read_whole() -> None:
    files = sorted(shared_path("realworld").glob("*.xlsx"))
    assert files
    for path in files:
        _streamed(path)


def test_generated_workbook_in_batches(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    WRITERS["xlsx"](path, rows(3_000))
    assert _streamed(path, size=700).counts.items == 3_000


def _table(sheet: openpyxl.worksheet.worksheet.Worksheet, start: int, groups: int) -> int:
    """Items from row ``start`` on, each with three sub-items whose serial, type and name are
    cells merged down their rows (the way real lists are drawn), the first with text hidden
    under its merged type; the row after them."""
    row = start
    for n in range(1, groups + 1):
        for step in range(3):
            name = f"对第{n}类经营者的检查"
            values = [str(n), "行政检查", name, f"检查方式{step + 1}", "县市场监管局"]
            for column, value in enumerate(values, start=1):
                if step == 0 or column > 3:
                    sheet.cell(row + step, column, value)
            sheet.cell(row + step, 6, f"《中华人民共和国食品安全法》第{n % 90 + 1}条")
        if n == 1:
            sheet.cell(row + 2, 2, "被合并单元格遮住的文字")
        for column in (1, 2, 3):
            letter = get_column_letter(column)
            sheet.merge_cells(f"{letter}{row}:{letter}{row + 2}")
        row += 3
    return row


def test_merged_ranges_and_several_sheets_in_batches(tmp_path: Path) -> None:
    """A title merged wider than the table, a section heading merged across it, sub-items under
    merged cells across every batch boundary, text hidden under a range, a formula never
    calculated, a merged range of empty cells over the only text past the table's columns (the
    width it leaves is found only once the rows went by: read again), blank rows, a thousand
    and more empty rows, a further header adding a column, a second table sheet and a cover
    sheet after them that gives the title (read again to know it)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "清单"
    sheet.append(HEADER)
    sheet.append(["一、行政检查"])
    sheet.merge_cells("A2:F2")
    row = _table(sheet, 3, 40)
    sheet.cell(row, 1, "41")
    sheet.cell(row, 3, "未计算的公式")
    sheet.cell(row, 5, "=CONCATENATE(A1,B1)")
    sheet.cell(row - 5, 9, "遮住的文字")  # under an empty range, past the table's columns
    sheet.merge_cells(f"H{row - 6}:J{row - 5}")
    row += 3  # two blank rows
    row = _table(sheet, row, 5) + 1_500  # a run of empty rows
    for column, value in enumerate([*HEADER, "备注"], start=1):
        sheet.cell(row, column, value)
    for n in range(3):
        values = [str(50 + n), "行政处罚", f"对违法行为{n}的处罚", "", "县市场监管局", "", "无"]
        for column, value in enumerate(values, start=1):
            sheet.cell(row + 1 + n, column, value)
    other = book.create_sheet("其他")
    other.append(["序号", "事项名称", "事项类型", "实施部门"])
    for n in range(12):
        other.append([str(n + 1), f"其他事项{n}", "行政确认", "县医保局"])
    other.merge_cells("D2:D13")
    cover = book.create_sheet("封面")
    cover.append(["某县市场监管局权责清单"])
    cover.merge_cells("A1:F1")
    cover.append(["2024年5月"])
    opened = _streamed(_save(book, tmp_path / "list.xlsx"), size=7)
    assert opened.head.meta.title == "某县市场监管局权责清单"
    assert opened.counts.items == 41 + 5 + 3 + 12
    # The survey foresaw the text under H:J at column 9; once laid over, the range left 7.
    assert opened.plans[0].layout.width == 7


def test_a_sheet_wider_than_its_table_keeps_the_columns_with_text(tmp_path: Path) -> None:
    """Text at column 400 of one row and an empty range out to column 600: long runs of empty
    columns are left out, as when the sheet is read whole."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["序号", "事项名称", "事项类型", "实施部门"])
    for n in range(30):
        sheet.append([str(n + 1), f"事项{n}", "行政确认", "县医保局"])
    sheet.cell(10, 400, "远处的文字")
    sheet.merge_cells("KA20:WB21")  # columns 287 to 600, empty
    opened = _streamed(_save(book, tmp_path / "wide.xlsx"), size=4)
    assert opened.plans[0].layout.keep is not None


def test_rows_out_of_order_are_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    WRITERS["xlsx"](path, rows(20))
    content = hostile.rewrite(
        path.read_bytes(),
        hostile.SHEET,
        lambda xml: xml.replace('<row r="5">', '<row r="40">', 1),
    )
    path.write_bytes(content)
    assert isinstance(open_list(path, min_bytes=0), PowerList)
    _same(path)


def test_a_workbook_changed_between_the_readings_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    WRITERS["xlsx"](path, rows(50))
    opened = open_list(path, min_bytes=0)
    assert isinstance(opened, WorkbookStream)
    # a cell now names another shared string
    path.write_bytes(hostile.rewrite(path.read_bytes(), hostile.SHEET, _other_string))
    with pytest.raises(InputError, match="changed while it was read"):
        list(opened.batches())


def _other_string(xml: str) -> str:
    return xml.replace("<v>30</v>", "<v>31</v>", 1)


_HOSTILE: dict[str, Callable[[], bytes]] = {
    "XFD1048576": lambda: hostile.rewrite(hostile.xlsx(), hostile.SHEET, hostile.far_cell),
    "row beyond": lambda: hostile.rewrite(
        hostile.xlsx(), hostile.SHEET, lambda x: x.replace('<row r="3"', '<row r="99999999999"')
    ),
    "cell beyond": lambda: hostile.rewrite(
        hostile.xlsx(), hostile.SHEET, lambda x: x.replace('r="A3"', 'r="ZZZZZZ3"')
    ),
    "merged whole sheet": lambda: hostile.rewrite(
        hostile.xlsx(more=3000),
        hostile.SHEET,
        lambda x: x.replace(
            "</sheetData>",
            '</sheetData><mergeCells count="1"><mergeCell ref="E1:XFD1048576"/></mergeCells>',
        ),
    ),
    "overlapping merges": lambda: hostile.rewrite(
        hostile.xlsx(more=3000),
        hostile.SHEET,
        lambda x: x.replace(
            "</sheetData>",
            "</sheetData><mergeCells>" + '<mergeCell ref="A2:D3002"/>' * 1000 + "</mergeCells>",
        ),
    ),
    "merge at row 0": lambda: hostile.rewrite(
        hostile.xlsx(more=30),
        hostile.SHEET,
        lambda x: x.replace(
            "</sheetData>",
            '</sheetData><mergeCells><mergeCell ref="B0:B4"/><mergeCell ref="C5:C9"/></mergeCells>',
        ),
    ),
    "bad shared string": lambda: _bad_shared_string(),
    "truncated": lambda: hostile.xlsx()[:-300],
}


def _bad_shared_string() -> bytes:
    """A cell naming a shared string the table has not."""
    return hostile.rewrite(
        hostile.xlsx(), hostile.SHEET, lambda xml: xml.replace("<v>3</v>", "<v>999</v>", 1)
    )


@pytest.mark.parametrize("name", list(_HOSTILE))
def test_hostile_workbooks_in_batches_are_read_whole(tmp_path: Path, name: str) -> None:
    """Items alike, or the same one-line error."""
    path = tmp_path / "list.xlsx"
    path.write_bytes(_HOSTILE[name]())
    _same(path)


@pytest.mark.parametrize("name", ["XFD1048576", "merged whole sheet", "overlapping merges"])
def test_hostile_workbooks_in_batches_within_bounds(
    tmp_path: Path, bounded: BoundedReader, name: str
) -> None:
    """Read in batches, in a child under hard CPU and memory limits."""
    path = tmp_path / "list.xlsx"
    path.write_bytes(_HOSTILE[name]())
    outcome = bounded.read(path, batches=True)
    assert outcome.kind in ("items", "error"), outcome
    assert outcome.peak_rss_bytes < 200 << 20, outcome


def test_damaged_members_in_batches_are_one_line(tmp_path: Path) -> None:
    for at in (0.1, 0.3, 0.5, 0.7, 0.9):
        path = tmp_path / "list.xlsx"
        path.write_bytes(hostile.damage_member(hostile.xlsx(), hostile.SHEET, at))
        _same(path)


_WORDS = [
    "序号",
    "事项名称",
    "事项类型",
    "实施部门",
    "1",
    "2",
    "行政确认",
    "县医保局",
    "",
    " ",
    "x",
]


@st.composite
def _workbooks(draw: st.DrawFn) -> bytes:
    """A small sheet or two of header words, serials and names, with merged ranges anywhere
    (some overlapping, some of one cell, some past the cells) and rows left out."""
    book = openpyxl.Workbook()
    sheets = [book.active] + ([book.create_sheet("二")] if draw(st.booleans()) else [])
    merges = []
    for sheet in sheets:
        height, width = draw(st.integers(1, 14)), draw(st.integers(1, 6))
        sheet.append(["序号", "事项名称", "事项类型", "实施部门"])
        for r in range(2, height + 2):
            if draw(st.integers(0, 5)) == 0:
                continue  # a row the XML leaves out
            for c in range(1, width + 1):
                sheet.cell(r, c, draw(st.sampled_from(_WORDS)))
        corner = st.tuples(st.integers(1, 8), st.integers(1, height + 3))
        stretch = st.tuples(st.integers(0, 3), st.integers(0, 4))
        ranges = draw(st.lists(st.tuples(corner, stretch), max_size=5))
        merges.append(
            "".join(
                f'<mergeCell ref="{get_column_letter(c)}{r}:{get_column_letter(c + w)}{r + h}"/>'
                for (c, r), (w, h) in ranges
            )
        )
    out = io.BytesIO()
    book.save(out)
    content = out.getvalue()
    # Written into the XML as drawn: openpyxl would refuse or fill some of them.
    for number, merged in enumerate(merges, start=1):
        if merged:
            content = hostile.rewrite(
                content,
                f"xl/worksheets/sheet{number}.xml",
                lambda xml, m=merged: xml.replace(  # type: ignore[misc]
                    "</sheetData>", f"</sheetData><mergeCells>{m}</mergeCells>"
                ),
            )
    return content


@settings(max_examples=60, deadline=None, derandomize=True)
@given(content=_workbooks(), size=st.integers(1, 4))
def test_generated_workbooks_in_batches_are_read_whole(content: bytes, size: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "list.xlsx"
        path.write_bytes(content)
        _same(path, size)


def test_archive_members_checked_as_by_the_whole_reading(tmp_path: Path) -> None:
    """A zip bomb is refused before anything is unpacked, in the same words."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", "0" * 5_000_000)
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(out.getvalue())
    _same(path)


def test_a_hidden_row_is_read_and_said_in_batches_as_whole(tmp_path: Path) -> None:
    # A row the sheet hides (<row hidden="1">): before, read as any item, without a word.
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    for n in range(1, 8):
        book.active.append([n, "行政许可", f"事项{n}", "", "县林业局", "《森林法》第五十六条"])
    book.active.row_dimensions[4].hidden = True
    path = _save(book, tmp_path / "hidden.xlsx")
    _streamed(path)  # the same items both ways
    said = [[a.code for a in i.anomalies] for i in read_list(path).items]
    assert said == [[], [], ["hidden-row"], [], [], [], []]
