"""A department named by a heading, a group row or a sheet's name is not the item's
``department`` (only a department column gives that, as the gold files of the real lists have
it): it is kept as ``section_department``, for every section alike, the first one too, whole and
in batches."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors import read_list
from tests.extractors.reading.support import filled_fields, read_written
from tests.extractors.reading.tables import FORMATS, Table, write, xls, xlsx
from tests.extractors.reading.test_stream import _same

HEADER = ("序号", "事项名称", "事项类型", "设定依据")
#: Each department's items, numbered from 1 again (a directory of departments' lists).
SECTIONS = (
    (
        "区发展和改革委员会",
        ("1", "企业投资项目核准", "行政许可", "《企业投资项目核准和备案管理条例》第三条"),
        ("2", "对价格违法行为的处罚", "行政处罚", "《中华人民共和国价格法》第三十九条"),
    ),
    (
        "区教育体育局",
        ("1", "民办学校设立审批", "行政许可", "《中华人民共和国民办教育促进法》第十二条"),
        ("2", "对违法举办学校的处罚", "行政处罚", "《中华人民共和国教育法》第七十五条"),
    ),
)
KEYS = ("row", "name", "department", "section_department")
EXPECTED = [
    {"row": item[0], "name": item[1], "section_department": department}
    for department, *items in SECTIONS
    for item in items
]


def _tables(heading: str) -> list[Table]:
    return [
        Table((HEADER, *items), before=(heading.format(n="一二"[k], d=department),))
        for k, (department, *items) in enumerate(SECTIONS)
    ]


@pytest.mark.parametrize("heading", ["{n}、{d}", "{d}"], ids=["numbered", "bare"])
def test_a_directory_of_departments_headings_gives_each_its_section_department(
    tmp_path: Path, heading: str
) -> None:
    # 一、区发展和改革委员会 / header / rows / 二、区教育体育局 / header / rows as page text:
    # before, the items took the headings' departments as their department, against the gold
    lines = []
    for k, (department, *items) in enumerate(SECTIONS):
        lines += [heading.format(n="一二"[k], d=department), "  ".join(HEADER)]
        lines += ["  ".join(i) for i in items]
    plist = read_written(tmp_path, "page.txt", "\n".join(["某区权责清单目录", *lines]) + "\n")
    assert filled_fields(plist, KEYS) == EXPECTED
    assert [a.code for i in plist.items for a in i.anomalies] == []
    _same(tmp_path / "page.txt", 1)


@pytest.mark.parametrize("suffix", [f for f in FORMATS if f in ("md", "csv", "xlsx", "html")])
def test_a_table_under_each_departments_heading_gives_its_section_department(
    tmp_path: Path, suffix: str
) -> None:
    path = write(tmp_path, _tables("{n}、{d}"), suffix)
    plist = read_list(path)
    assert filled_fields(plist, KEYS) == EXPECTED
    _same(path, 1)


@pytest.mark.parametrize("writer", [xlsx, xls], ids=["xlsx", "xls"])
def test_a_workbook_of_a_sheet_per_department_gives_section_departments(
    tmp_path: Path, writer: object
) -> None:
    # sheets named 1.区发展和改革委员会, 2.区教育体育局: before, each sheet's name was its items'
    # department
    tables = [
        Table((HEADER, *items), sheet=f"{k}.{department}")
        for k, (department, *items) in enumerate(SECTIONS, start=1)
    ]
    suffix = "xlsx" if writer is xlsx else "xls"
    path = tmp_path / f"book.{suffix}"
    path.write_bytes(writer(tables, sheets=True))  # type: ignore[operator]
    plist = read_list(path)
    assert filled_fields(plist, KEYS) == EXPECTED
    _same(path, 1)


def test_a_department_column_is_the_department_and_no_heading_overrides_it(
    tmp_path: Path,
) -> None:
    header = (*HEADER, "实施主体")
    tables = [
        Table((header, *((*i, "区林业局") for i in items)), before=(f"{'一二'[k]}、{department}",))
        for k, (department, *items) in enumerate(SECTIONS)
    ]
    plist = read_list(write(tmp_path, tables, "csv"))
    assert {(i.department, i.section_department) for i in plist.items} == {("区林业局", None)}
