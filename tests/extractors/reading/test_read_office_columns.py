"""Headers naming an internal office of the department (承办科室, 责任处（科）室, 内设机构,
承办机构): the department is the body that holds the power (``PowerItem.department``, the graph's
authority); the office that handles the item inside it is no field of the contract
(``spec/cli.md``), so it is kept in ``extra`` under its own header. 承办机构 alone is the
department (the real lists' convention); beside another department column it is the office."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors import read_list
from extractors.reading.headers import load_headers, map_headers, normalise_header
from tests.extractors.reading.tables import Table, write
from tests.extractors.reading.test_stream import _same

_OFFICE = "职业能力建设科"
_ROWS = (
    ("1", "职业技能鉴定机构设立审批", "行政许可", "《中华人民共和国劳动法》第六十九条"),
    ("2", "对用人单位遵守劳动保障法律情况的检查", "行政检查", "《劳动保障监察条例》第十一条"),
)


def _list(tmp_path: Path, suffix: str, office: str, department: str | None) -> Path:
    """The rows under a header with ``office`` before the ``department`` column (if any)."""
    header = (
        "序号",
        "事项名称",
        "事项类型",
        office,
        *((department,) if department else ()),
        "设定依据",
    )
    rows = [(*r[:3], _OFFICE, *(("县人力社保局",) if department else ()), r[3]) for r in _ROWS]
    return write(tmp_path, [Table((header, *rows))], suffix)


def test_the_office_words_examples() -> None:
    offices = load_headers()["fields"]["department"]["offices"]
    words = {normalise_header(w) for w in offices["words"]}
    for example in offices["examples"]:
        keys = map_headers(example)
        for cell, key in zip(example, keys, strict=True):
            assert key == (None if normalise_header(cell) in words else "department"), example


@pytest.mark.parametrize("suffix", ["csv", "md", "xlsx", "html", "docx"])
@pytest.mark.parametrize("office", ["承办机构", "承办部门"])
def test_an_office_column_before_the_department_column(
    tmp_path: Path, suffix: str, office: str
) -> None:
    # 承办机构 | 实施主体: before, the first column won, every item's department was the office
    # (职业能力建设科) and 实施主体 went to extra as a duplicate-column.
    path = _list(tmp_path, suffix, office, "实施主体")
    plist = read_list(path)
    assert [i.department for i in plist.items] == ["县人力社保局"] * 2
    assert [i.extra for i in plist.items] == [((office, _OFFICE),)] * 2
    assert not [a for i in plist.items for a in i.anomalies if a.code == "duplicate-column"]
    _same(path, size=1)


@pytest.mark.parametrize("office", ["承办科室", "责任处（科）室", "内设机构", "责任科室"])
@pytest.mark.parametrize("department", ["实施主体", None])
def test_an_internal_office_is_never_the_department(
    tmp_path: Path, office: str, department: str | None
) -> None:
    # The decision: a 科室 column is extra, with or without a department column beside it.
    plist = read_list(_list(tmp_path, "csv", office, department))
    expected = "县人力社保局" if department else None
    assert [i.department for i in plist.items] == [expected] * 2
    assert [i.extra for i in plist.items] == [((office, _OFFICE),)] * 2


def test_an_office_word_alone_is_the_department(tmp_path: Path) -> None:
    # 承办机构 with no other department column names the body (as the real lists use it).
    plist = read_list(_list(tmp_path, "csv", "承办机构", None))
    assert [i.department for i in plist.items] == [_OFFICE] * 2
