"""Section headings that state how many items they hold (一、行政许可（共3项）, 行政处罚共计2项,
县林业局（3项）) checked against the items read under them: a difference is said in the list's
report (``Reading.miscounts``, ``parse --report``), the same whole and in batches."""

from __future__ import annotations

from pathlib import Path

from extractors.reading.tables_stream import TablesStream
from extractors.report import Reading
from tests.extractors.reading.support import read_written
from tests.extractors.reading.test_stream import _same

HEADER = "序号  事项名称  事项类型  设定依据"
FOREST = "《中华人民共和国森林法》"


def _row(n: int, kind: str) -> str:
    name = "林木采伐许可" if kind == "行政许可" else "对盗伐林木的处罚"
    return f"{n}  第{n}号{name}  {kind}  {FOREST}第{n}条"


def _report(tmp_path: Path, lines: list[str]) -> Reading:
    """The reading of page text ``lines``, the same whole and in batches of one and two."""
    plist = read_written(tmp_path, "page.txt", "\n".join(["某县林业局权责清单", *lines, ""]))
    for size in (1, 2):
        assert isinstance(_same(tmp_path / "page.txt", size), TablesStream), "read whole"
    return Reading.of(plist)


def test_a_heading_whose_count_differs_from_the_items_under_it_is_reported(
    tmp_path: Path,
) -> None:
    # Before: 一、行政许可（共3项） over two items and 行政处罚共计3项 over three passed without
    # a word (and 行政处罚共计3项 was no heading at all: 共计 was not read as a count).
    lines = [HEADER, "一、行政许可（共3项）", _row(1, "行政许可"), _row(2, "行政许可")]
    lines += ["二、行政处罚共计3项", *(_row(n, "行政处罚") for n in (3, 4, 5))]
    reading = _report(tmp_path, lines)
    assert [(m.section.text, m.said, m.read) for m in reading.miscounts] == [
        ("一、行政许可（共3项）", 3, 2)
    ]
    assert [s.type for s in reading.sections] == ["行政许可", "行政处罚"]
    said = [line for line in reading.lines("page.txt") if "count differs" in line]
    assert said == [
        "  count differs: section line 3 '一、行政许可（共3项）' says 3 items; 2 read under it"
    ]
    assert reading.to_json()["miscounts"] == [
        {"line": 3, "text": "一、行政许可（共3项）", "said": 3, "read": 2}
    ]


def test_a_departments_count_holds_the_power_types_headings_inside_it(tmp_path: Path) -> None:
    # 县林业局（3项） holds the items under 一、行政许可 and 二、行政处罚 up to the next
    # department: agreeing counts say nothing; 县农业农村局（2项） over one item is said.
    lines = [HEADER, "县林业局（3项）", "一、行政许可（1项）"]
    lines += [_row(1, "行政许可"), "二、行政处罚（2项）", _row(2, "行政处罚"), _row(3, "行政处罚")]
    lines += ["县农业农村局（2项）", _row(4, "行政处罚")]
    reading = _report(tmp_path, lines)
    assert [(m.section.text, m.said, m.read) for m in reading.miscounts] == [
        ("县农业农村局（2项）", 2, 1)
    ]
