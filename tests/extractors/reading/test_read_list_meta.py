"""What a list says about itself, read from the lines above its table (``ListMeta``): the title
past a portal's metadata lines and region switcher, the department when a year or 部门 ends it,
and the region a title names when it names no department, else the one its items' departments
name. ``region`` is where the list's items
are exercised (the graph's ``qz:region``, and the province a local regulation cited without it
belongs to), so a list whose region is lost cannot be found by county. In five formats that
carry lines above a table; 29 of the 40 cases fail on 3d61174 (the others are guards)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors import read_list
from tests.extractors.reading.tables import Table, write
from tests.extractors.reading.test_read_shapes import HEADER, ITEMS
from tests.extractors.reading.test_stream import _same

_FORMATS = ["md", "csv", "xlsx", "html", "docx"]


def _meta(tmp_path: Path, suffix: str, before: tuple[str, ...]) -> tuple[str | None, ...]:
    path = write(tmp_path, [Table((HEADER, *ITEMS), before=before)], suffix)
    plist = read_list(path)
    assert [i.name for i in plist.items] == [i[1] for i in ITEMS]
    return plist.meta.title, plist.meta.department, plist.meta.region


@pytest.mark.parametrize("suffix", _FORMATS)
def test_a_portals_metadata_lines_are_no_title(tmp_path: Path, suffix: str) -> None:
    # a 政务公开 page's 索引号 / 组配分类 line ends with the catalogue's class (…清单总表), which
    # was taken for the title: the list's own title below it names the place
    before = (
        "索引号: 11340000000000000A/202401-00007 组配分类: 权责清单总表",
        "主题分类: 综合政务",
        "石门市临江区区级政府权责清单目录(2024年本)",
    )
    title, _, region = _meta(tmp_path, suffix, before)
    assert (title, region) == ("石门市临江区区级政府权责清单目录(2024年本)", "石门市临江区")


@pytest.mark.parametrize("suffix", _FORMATS)
def test_a_region_switcher_is_no_title(tmp_path: Path, suffix: str) -> None:
    before = ("临江区 切换", "即将前往:", "临江区人力资源和社会保障局权责清单")
    assert _meta(tmp_path, suffix, before) == (
        "临江区人力资源和社会保障局权责清单",
        "临江区人力资源和社会保障局",
        "临江区",
    )


@pytest.mark.parametrize("suffix", _FORMATS)
@pytest.mark.parametrize(
    ("line", "department", "region"),
    [
        pytest.param(
            "石门市交通运输局2024年权责清单", "石门市交通运输局", "石门市", id="year-after"
        ),
        pytest.param(
            "临江县财政部门权责清单通用目录(2021版)", "临江县财政部门", "临江县", id="部门"
        ),
        pytest.param(
            "附件1：2023年临江县林业局权责清单", "临江县林业局", "临江县", id="annex-and-year"
        ),
    ],
)
def test_a_titles_department_and_its_region(
    tmp_path: Path, suffix: str, line: str, department: str, region: str
) -> None:
    assert _meta(tmp_path, suffix, (line,))[1:] == (department, region)


@pytest.mark.parametrize("suffix", _FORMATS)
@pytest.mark.parametrize(
    ("line", "region"),
    [
        pytest.param(
            "附件：石门市市、县级民政部门行政审批事项通用目录", "石门市", id="city-and-counties"
        ),
        pytest.param(
            "临江市文化旅游系统三级行政权力和责任事项清单(2019年)", "临江市", id="a-system"
        ),
        pytest.param("社区公共服务事项清单", None, id="no-place"),
    ],
)
def test_a_title_naming_a_place_and_no_department(
    tmp_path: Path, suffix: str, line: str, region: str | None
) -> None:
    assert _meta(tmp_path, suffix, (line,)) == (line, None, region)


def _with_departments(*departments: str) -> tuple[tuple[str, ...], ...]:
    column = HEADER.index("实施主体")
    return tuple(
        tuple(
            departments[k % len(departments)] if c == column else cell for c, cell in enumerate(i)
        )
        for k, i in enumerate(ITEMS)
    )


@pytest.mark.parametrize("suffix", [*_FORMATS, "spaced.txt"])
@pytest.mark.parametrize(
    ("departments", "region"),
    [
        pytest.param(("临江县人力资源和社会保障局",), "临江县", id="one-region"),
        pytest.param(("临江县人力资源和社会保障局", "县医疗保障局"), "临江县", id="and-no-place"),
        pytest.param(("临江县人力资源和社会保障局", "石门市医疗保障局"), None, id="two-regions"),
    ],
)
def test_the_items_departments_give_the_region_a_list_does_not_name(
    tmp_path: Path, suffix: str, departments: tuple[str, ...], region: str | None
) -> None:
    # 行政执法事项清单 names no place; every item's department that names one names 临江县: the list
    # is of 临江县, read whole and in batches alike (the batches' head is made after the items
    # were summed); departments of two places name no region of the list
    rows = _with_departments(*departments)
    path = write(tmp_path, [Table((HEADER, *rows), before=("行政执法事项清单(2023年版)",))], suffix)
    plist = read_list(path)
    assert [i.department for i in plist.items] == [r[3] for r in rows]
    assert (plist.meta.title, plist.meta.region) == ("行政执法事项清单(2023年版)", region)
    _same(path, size=1)
