"""A flattened table of page text printed over several pages, as a print copied into text keeps
it: page numbers (第 2 页 共 3 页, - 2 -, 2/3), the list's title and date atop each page, rules
between rows, 第一部分 行政许可 headings. None of it is a cell; every item keeps its cells,
read whole and in batches alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extractors.reading.support import filled_fields, read_written
from tests.extractors.reading.test_read_shapes import FIELDS, ITEMS
from tests.extractors.reading.test_read_shapes import HEADER as COLUMNS
from tests.extractors.reading.test_stream import _same

TITLE = "某县人力社保局权责清单"
HEADER = "  ".join(COLUMNS)
EXPECTED = [dict(zip(FIELDS, item, strict=True)) for item in ITEMS]


def _paged(*furniture: str) -> str:
    """A page a row, the ``furniture`` lines (``{n}`` the page's number) under each row."""
    lines = [TITLE, "2023年5月6日", HEADER]
    for n, item in enumerate(ITEMS, 1):
        lines += ["  ".join(item), *(f.format(n=n) for f in furniture)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "furniture",
    [
        # before: 第 2 页 共 3 页 was cut at 3 (a record opening in a transcript) and ran into
        # the item above's last cell
        pytest.param(("第 {n} 页 共 3 页",), id="page-of-pages"),
        # before: each ran into the last cell of the item above, as sure
        pytest.param(("- {n} -",), id="dashed-page-number"),
        pytest.param(("{n}/3",), id="page-slash-pages"),
        pytest.param(("第 {n} 页 共 3 页", TITLE, "2023年5月6日"), id="running-title-and-date"),
        pytest.param(("────────────",), id="rule-between-rows"),
    ],
)
def test_page_furniture_between_rows_is_no_cell(tmp_path: Path, furniture: tuple[str, ...]) -> None:
    text = _paged(*furniture)
    plist = read_written(tmp_path, "page.txt", text)
    assert filled_fields(plist, FIELDS) == EXPECTED
    assert plist.meta.title == TITLE
    _same(tmp_path / "page.txt", 1)  # read in batches, the same


def test_part_headings_type_the_rows_below(tmp_path: Path) -> None:
    # 第一部分 行政许可 above each part, no type column: before, the headings ran into the last
    # cell of the row above and no item had a type.
    header = HEADER.replace("  事项类型", "")
    lines = [TITLE, header]
    parts = ("第一部分 行政许可", "第二部分 行政处罚", "第三部分 行政检查")
    for heading, item in zip(parts, ITEMS, strict=True):
        lines += [heading, "  ".join(c for k, c in enumerate(item) if k != 2)]
    plist = read_written(tmp_path, "page.txt", "\n".join(lines) + "\n")
    assert filled_fields(plist, FIELDS) == EXPECTED
    assert [s.type for s in plist.sections] == ["行政许可", "行政处罚", "行政检查"]
    _same(tmp_path / "page.txt", 1)


def test_download_links_and_back_to_top_under_the_list_are_no_cells(tmp_path: Path) -> None:
    # Before: 附件下载：, the file's name and 返回顶部 ran into the last item's last cell, as sure.
    text = (
        _paged()
        + "附件下载：\n1. 某县权责清单.xls\n2. 某县责任清单.doc\n【打印】 【关闭】\n返回顶部\n"
    )
    plist = read_written(tmp_path, "page.txt", text)
    assert filled_fields(plist, FIELDS) == EXPECTED
    _same(tmp_path / "page.txt", 1)


def test_an_item_code_run_into_the_name_is_read_as_its_code(tmp_path: Path) -> None:
    # No 编码 column, each name opening with its code (330217001000职业技能…). Before: the code
    # was read as part of the name, as sure.
    lines = [TITLE, HEADER]
    lines += [f"{i[0]}  33021700{n}000{'  '.join(i[1:])}" for n, i in enumerate(ITEMS)]
    plist = read_written(tmp_path, "page.txt", "\n".join(lines) + "\n")
    assert filled_fields(plist, FIELDS) == EXPECTED
    assert [i.code for i in plist.items] == ["330217000000", "330217001000", "330217002000"]
    assert {a.code for i in plist.items for a in i.anomalies} == {"implicit-column"}
    _same(tmp_path / "page.txt", 1)
