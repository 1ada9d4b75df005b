"""A reading is judged on what power items look like; one that is probably wrong is refused with
the file, the line and the reason, and a doubtful one is kept but said."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractors.errors import InputError
from extractors.models import PowerItem
from extractors.reading.plausibility import judge, name_reads_like_name
from extractors.reading.read import read_list
from graph.app.cli import app


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("城乡居民基本医疗保险参保登记", True, id="power-name"),
        pytest.param("对用人单位未按时足额缴纳社会保险费的处罚", True, id="penalty-name"),
        pytest.param(
            "第十五条 用人单位应当自用工之日起三十日内办理登记。", False, id="article-text"
        ),
        pytest.param("第 十五 条", False, id="bare-provision"),
        pytest.param("《社会救助暂行办法》第二十七条", False, id="citation"),
        pytest.param("（一）未按照规定办理登记的；", False, id="enumeration-of-article"),
        pytest.param("县医疗保障局", False, id="department"),
        pytest.param("行政处罚", False, id="power-type"),
        pytest.param("| 参保登记 |", False, id="table-syntax"),
        pytest.param("审", False, id="too-short"),
        pytest.param(None, False, id="missing"),
    ],
)
def test_name_reads_like_name(name: str | None, expected: bool) -> None:
    assert name_reads_like_name(name) is expected


def _item(row: str, name: str, basis: str = "《社会保险法》第八十七条") -> PowerItem:
    return PowerItem("a.md", row, int(row), name=name, type="行政处罚", basis=basis)


def test_a_list_read_right_is_sure() -> None:
    items = [_item("1", "对骗取社会保险基金的处罚"), _item("2", "对医疗机构违规使用基金的处罚")]
    plausibility = judge(items)
    assert (plausibility.score, plausibility.verdict) == (1.0, "sure")


def test_rows_of_a_merged_block_read_as_items_make_a_reading_doubtful() -> None:
    item = _item("1", "对骗取社会保险基金的处罚")
    plausibility = judge([item, item, item, _item("2", "对医疗机构违规使用基金的处罚")])
    assert plausibility.doubtful
    assert plausibility.doubt() == "items are distinct in 50% of items"


def test_codes_in_the_serial_column_and_serials_going_back_lower_the_score() -> None:
    items = [_item("1", "甲事项"), _item("3", "乙事项"), _item("000122021002", "丙事项")]
    checks = dict(judge(items).checks)
    assert checks["serials"] == pytest.approx(3 / 5)  # 2 of 3 are serials, 1 of 1 step forward
    items = [_item("3", "甲事项"), _item("1", "乙事项")]
    assert dict(judge(items).checks)["serials"] == pytest.approx(2 / 3)  # 0 of 1 step forward


ARTICLE_TEXT_TABLE = """\
| 序号 | 事项名称 | 事项类型 | 设定依据 |
| --- | --- | --- | --- |
| 1 | 第十五条 用人单位应当自用工之日起三十日内为其职工申请办理登记。 | 处罚 | 无 |
| 2 | 第十六条 社会保险经办机构应当自收到申请之日起十五日内审核。 | 检查 | 无 |
"""


def test_a_reading_that_is_probably_wrong_is_refused_with_line_and_reason(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(ARTICLE_TEXT_TABLE, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_list(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:1: read as markdown but probably wrong")
    assert "names read like names in 0% of items" in message


DUPLICATED_ROWS = """\
| 序号 | 事项名称 | 事项类型 | 设定依据 |
| --- | --- | --- | --- |
| 1 | 对骗取社会保险基金的处罚 | 行政处罚 | 《社会保险法》第八十八条 |
| 1 | 对骗取社会保险基金的处罚 | 行政处罚 | 《社会保险法》第八十八条 |
| 1 | 对骗取社会保险基金的处罚 | 行政处罚 | 《社会保险法》第八十八条 |
| 2 | 对医疗机构违规使用基金的处罚 | 行政处罚 | 《社会保险法》第八十七条 |
"""


def test_a_doubtful_reading_is_kept_and_said(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(DUPLICATED_ROWS, encoding="utf-8")
    plist = read_list(path)
    assert plist.plausibility is not None and plist.plausibility.doubtful
    result = CliRunner().invoke(app, ["parse", str(path), "--report"])
    assert result.exit_code == 0
    assert "quanze: warning: list.md: read as markdown with doubts" in result.stderr
    assert "reading: plausibility 0.90 (doubtful; weakest: items are distinct" in result.stderr


UNREAD_BASIS = """\
| 序号 | 事项名称 | 事项类型 | 出处 |
| --- | --- | --- | --- |
| 1 | 对骗取社会保险基金的处罚 | 行政处罚 | 《社会保险法》第八十八条 |
| 2 | 对医疗机构违规使用基金的处罚 | 行政处罚 | 《社会保险法》第八十七条 |
"""


BASIS_AND_SOURCE = """\
| 序号 | 事项名称 | 事项类型 | 设定依据 | 出处 |
| --- | --- | --- | --- | --- |
| 1 | 对骗取社会保险基金的处罚 | 行政处罚 | 《社会保险法》第八十八条 | 《社会保险法》第八十八条 |
| 2 | 对违规使用基金的处罚 | 行政处罚 | 《社会保险法》第八十七条 | 《社会保险法》第八十七条 |
"""


def test_citations_only_in_a_column_read_as_no_field_make_a_reading_doubtful(
    tmp_path: Path,
) -> None:
    # 出处 names the basis in words the vocabulary lacks: its citations would go unread.
    path = tmp_path / "list.md"
    path.write_text(UNREAD_BASIS, encoding="utf-8")
    plist = read_list(path)
    assert plist.plausibility is not None and plist.plausibility.doubtful
    assert plist.plausibility.doubt() == "citations sit in columns read as fields in 0% of items"
    result = CliRunner().invoke(app, ["parse", str(path), "--report"])
    assert "quanze: warning: list.md: read as markdown with doubts" in result.stderr
    # with the basis in a column of its own as well, a citation elsewhere is no doubt
    path.write_text(BASIS_AND_SOURCE, encoding="utf-8")
    plist = read_list(path)
    assert plist.plausibility is not None and not plist.plausibility.doubtful


UNREAD_BASIS_WITH_ACCOUNTABILITY = """\
| 序号 | 事项名称 | 事项类型 | 出处 | 追责依据 |
| --- | --- | --- | --- | --- |
| 1 | 对骗取社会保险基金的处罚 | 行政处罚 | 《社会保险法》第八十八条 | 《公务员法》第六十二条 |
| 2 | 对违规使用基金的处罚 | 行政处罚 | 《社会保险法》第八十七条 | 《公务员法》第六十一条 |
"""


def test_an_accountability_basis_does_not_hide_an_unread_basis(tmp_path: Path) -> None:
    # The item's accountability basis is read, its basis (under 出处) is not: the citations of
    # the basis would go unread all the same, so the reading is doubtful.
    path = tmp_path / "list.md"
    path.write_text(UNREAD_BASIS_WITH_ACCOUNTABILITY, encoding="utf-8")
    plist = read_list(path)
    assert plist.items[0].accountability_basis == "《公务员法》第六十二条"
    assert plist.plausibility is not None and plist.plausibility.doubtful
    assert plist.plausibility.doubt() == "citations sit in columns read as fields in 0% of items"


def test_the_seeds_read_without_doubt(sample_paths: list[Path]) -> None:
    for path in sample_paths:
        plausibility = read_list(path).plausibility
        assert plausibility is not None and not plausibility.doubtful, path.name


def test_a_build_says_which_lists_were_read_with_doubts(tmp_path: Path) -> None:
    path = tmp_path / "list.md"
    path.write_text(DUPLICATED_ROWS, encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(path), "--store", str(tmp_path / "store")])
    assert result.exit_code == 0, result.output
    assert "list.md: 4 items" in result.stderr
    assert "read with doubts (0.90; weakest: items are distinct in 50% of items)" in result.stderr
