"""An XLS workbook read in batches, a sheet at a time (``formats.sheets.xls.xls_tables`` through
``tables_stream``), is the workbook read whole: sheets named for power types, a cover, a sheet of
label | value rows, an empty sheet, merged cells, damaged workbooks (the same one-line error)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import xlwt

from bench.biglist import rows
from extractors.errors import InputError
from extractors.reading.stream import open_list
from extractors.reading.tables_stream import TablesStream
from tests.extractors.reading import documents
from tests.extractors.reading.test_read_fuzz import _POWERS, OTHER_SEEDS, _cut
from tests.extractors.reading.test_stream import _same
from tests.shared import shared_path

_TYPELESS = ("序号", "职权名称", "实施主体", "设定依据")


def _sheet(book: xlwt.Workbook, name: str, table: list[tuple[str, ...]]) -> None:
    sheet = book.add_sheet(name)
    for r, cells in enumerate(table):
        for c, text in enumerate(cells):
            sheet.write(r, c, text)


def _typeless(start: int, count: int) -> list[tuple[str, ...]]:
    made = [(r[0], r[2], r[3], r[4]) for r in rows(start + count)][start:]
    return [_TYPELESS, *made]


def _workbook(*sheets: str) -> bytes:
    book = xlwt.Workbook(encoding="utf-8")
    start = 0
    for name in sheets:
        if name == "封面":
            _sheet(book, name, [("某县市场监管局权责清单",), ("2024年5月",)])
        elif name == "表单":
            _sheet(book, name, [("事项名称", "城乡医疗救助"), ("事项类型", "行政确认")])
        elif name == "空白":
            book.add_sheet(name)
        else:
            _sheet(book, name, _typeless(start, 7))
            start += 7
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    "sheets",
    [
        pytest.param(("行政许可", "行政处罚", "行政检查"), id="per-type"),
        pytest.param(("封面", "行政许可", "空白", "行政处罚"), id="cover-first"),
        pytest.param(("行政许可", "表单", "行政处罚", "封面"), id="label-and-cover-after"),
        pytest.param(("表单", "行政许可"), id="label-first"),
    ],
)
def test_workbooks_of_several_sheets_in_batches(tmp_path: Path, sheets: tuple[str, ...]) -> None:
    path = tmp_path / "list.xls"
    path.write_bytes(_workbook(*sheets))
    opened = _same(path, size=3)
    assert isinstance(opened, TablesStream)


def test_sheet_names_type_their_rows(tmp_path: Path) -> None:
    path = tmp_path / "list.xls"
    path.write_bytes(_workbook("封面", "行政许可", "行政处罚"))
    opened = open_list(path, min_bytes=0)
    assert isinstance(opened, TablesStream)
    assert opened.head.meta.title == "某县市场监管局权责清单"
    types = [item.type for batch in opened.batches(4) for item in batch]
    assert types == ["行政许可"] * 7 + ["行政处罚"] * 7


def test_merged_cells_and_the_real_workbooks_in_batches(tmp_path: Path) -> None:
    path = tmp_path / "merged.xls"
    path.write_bytes(documents.render(_POWERS, "xls", title=True))
    assert isinstance(_same(path, size=1), TablesStream)
    real = sorted(shared_path("realworld").glob("*.xls"))
    assert real
    for workbook in real:
        assert isinstance(_same(workbook, size=5), TablesStream)


@pytest.mark.parametrize("cut", [0.4, 0.97])
def test_damaged_workbooks_in_batches_are_read_whole(tmp_path: Path, cut: float) -> None:
    """Cut short: xlrd cannot open it (or a sheet), so the whole reader reads it, through
    LibreOffice or not, and says the same."""
    path = tmp_path / "list.xls"
    path.write_bytes(_cut(OTHER_SEEDS["list.xls"], cut))
    _same(path)


def test_a_workbook_changed_between_the_readings_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "list.xls"
    path.write_bytes(_workbook("行政许可", "行政处罚"))
    opened = open_list(path, min_bytes=0)
    assert isinstance(opened, TablesStream)
    path.write_bytes(_workbook("行政许可", "行政检查"))
    with pytest.raises(InputError, match="changed while it was read"):
        list(opened.batches())
