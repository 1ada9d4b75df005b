"""Round 3 of spreadsheets and delimited text as departments publish them: a sheet's name read
for a department as a heading is (its serial, list-title words, year and edition taken off),
an item's name split over two rows under merged cells read as one item, and CSV as Excel and
sites export it (the ``sep=`` line, the ``="0101"`` text guard). Each list is read item by item
and citation by citation (``test_read_shapes._read_back``), and in batches where the reader
batches (``test_stream._same``)."""

from __future__ import annotations

from pathlib import Path

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
    plist = _read_back(path, (FIRST, THIRD, SECOND))
    assert {a.code for i in plist.items for a in i.anomalies} == {"department-from-heading"}
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
    _read_back(path, (FIRST, THIRD, SECOND))
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
