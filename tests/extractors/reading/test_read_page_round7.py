"""Round 7: rows numbered with a sub-item's serial (1-1, 1.1, 1－2) folded into their main item,
one item per main serial, in every format; and page text in the shapes round 6 left: records
with all pairs on one line apart at `` | ``, items numbered 一、二、 in a spaced table or in a
table flattened one cell per line, a name wrapped onto its own line under a spaced row. Each
whole and in batches alike."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from extractors.models import PowerList
from extractors.reading.read import read_list
from extractors.report import Reading
from tests.extractors.reading.support import filled_fields, read_written
from tests.extractors.reading.tables import FORMATS, Table, write
from tests.extractors.reading.test_read_shapes import HEADER, ITEMS
from tests.extractors.reading.test_stream import _same

FIELDS = ("row", "name", "type", "department", "basis", "accountability_basis")
TITLE = "某县人力社保局权责清单"
LABELS = HEADER[1:]
EXPECTED = [dict(zip(FIELDS, item, strict=True)) for item in ITEMS]


def _squeezed(plist: PowerList) -> list[tuple[str | None, ...]]:
    """Each item's fields and sub-items, white space dropped (a PDF's cells wrap)."""
    return [
        (
            *("".join(v.split()) if (v := getattr(i, k)) else None for k in FIELDS),
            tuple("".join(s.split()) for s in i.subitems),
            i.parent,
        )
        for i in plist.items
    ]


# ---- 1. sub-item serials: one item per main serial ------------------------------------------


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("dash", ["-", "－", "."], ids=["hyphen", "fullwidth", "dot"])
def test_sub_serial_rows_fold_into_their_main_item(tmp_path: Path, suffix: str, dash: str) -> None:
    # 1-1 (1－1, 1.1) and 1-2 right under item 1, no 子项 column: realworld/NOTES.md counts one
    # item per main serial, and the scorer matches items and citations by (source, row). Before
    # (f8aec24): items of their own, rows 1-1 and 1-2, item 1's name in ``parent``, so their
    # citations carried rows no gold item has.
    first, second, third = ITEMS
    rows = (first, (f"1{dash}1", *second[1:]), (f"1{dash}2", *third[1:]), ("2", *second[1:]))
    path = write(tmp_path, [Table((HEADER, *rows))], suffix)
    plist = read_list(path)
    joined = [first[k] + second[k] + third[k] for k in (4, 5)]
    subs = (f"1{dash}1{second[1]}", f"1{dash}2{third[1]}")
    assert _squeezed(plist) == [
        (*first[:4], *joined, subs, None),
        ("2", *second[1:], (), None),
    ]
    assert plist.rows_seen == plist.rows_accounted()  # the folded rows are part of item 1
    _same(path, 1)


@pytest.mark.parametrize("suffix", ["md", "csv", "xlsx", "spaced.txt"])
def test_sub_serial_rows_under_a_subitem_column_fold_into_their_main_item(
    tmp_path: Path, suffix: str
) -> None:
    # 序号 | 事项名称 | 子项名称 | …: the main item's row, then its 子项 numbered 1-1, 1-2, the
    # main name written again on each. Before: items of their own named by their 子项.
    first, second, third = ITEMS
    header = (*HEADER[:2], "子项名称", *HEADER[2:])
    rows = (
        (*first[:2], "", *first[2:]),
        ("1-1", first[1], "现场检查", *first[2:4], second[4], second[5]),
        ("1-2", first[1], "书面检查", *first[2:4], third[4], third[5]),
        (*second[:2], "", *second[2:]),
    )
    path = write(tmp_path, [Table((header, *rows))], suffix)
    plist = read_list(path)
    joined = [first[k] + second[k] + third[k] for k in (4, 5)]
    assert _squeezed(plist) == [
        (*first[:4], *joined, ("1-1现场检查", "1-2书面检查"), None),
        (*second, (), None),
    ]
    _same(path, 1)


def test_a_sub_serial_under_another_main_item_is_said(tmp_path: Path) -> None:
    # 2-1 right under item 1 (item 2 missing), then 2-2: neither is folded into item 1; each is
    # an item of its own, and said (orphan-subitem). Before: items without a word.
    first, second, third = ITEMS
    rows = (first, ("2-1", *second[1:]), ("2-2", *third[1:]), ("3", *third[1:]))
    text = "\n".join([TITLE, "  ".join(HEADER), *("  ".join(r) for r in rows)]) + "\n"
    plist = read_written(tmp_path, "page.txt", text)
    assert [i.row for i in plist.items] == ["1", "2-1", "2-2", "3"]
    said = [[a.code for a in i.anomalies if a.code == "orphan-subitem"] for i in plist.items]
    assert said == [[], ["orphan-subitem"], ["orphan-subitem"], []]
    _same(tmp_path / "page.txt", 1)


def test_a_list_numbered_only_with_two_levels_keeps_its_items(tmp_path: Path) -> None:
    # 1-1, 1-2, 2-1 and no main item's row: each is an item, nothing to fold them into, nothing
    # said (read so before too)
    rows = [(s, *i[1:]) for s, i in zip(("1-1", "1-2", "2-1"), ITEMS, strict=True)]
    text = "\n".join([TITLE, "  ".join(HEADER), *("  ".join(r) for r in rows)]) + "\n"
    plist = read_written(tmp_path, "page.txt", text)
    assert filled_fields(plist, FIELDS) == [
        {**e, "row": s} for s, e in zip(("1-1", "1-2", "2-1"), EXPECTED, strict=True)
    ]
    assert not any(a.code == "orphan-subitem" for i in plist.items for a in i.anomalies)


# ---- 2. page text round 6 left ----------------------------------------------------------------

SERIALED = EXPECTED
UNNUMBERED = [{k: v for k, v in e.items() if k != "row"} for e in EXPECTED]
CHINESE = "一二三"


def _sure(tmp_path: Path, lines: list[str], expected: list[dict[str, str]]) -> None:
    """The page of ``lines`` read as ``expected``, sure, whole and in batches alike."""
    plist = read_written(tmp_path, "page.txt", "\n".join(lines) + "\n")
    assert filled_fields(plist, FIELDS) == expected
    assert plist.plausibility is not None and not plist.plausibility.doubtful
    _same(tmp_path / "page.txt", 1)


def _pairs(item: tuple[str, ...]) -> list[str]:
    return [f"{label}：{value}" for label, value in zip(LABELS, item[1:], strict=True)]


@pytest.mark.parametrize("bar", [" | ", "｜", "|"], ids=["spaced", "fullwidth", "bare"])
@pytest.mark.parametrize("serials", [False, True], ids=["no-serials", "serials"])
def test_records_with_their_pairs_on_one_line_apart_at_bars(
    tmp_path: Path, bar: str, serials: bool
) -> None:
    # 事项名称：… | 事项类型：… | 设定依据：…, a record a line. Before: refused (no recognisable
    # table)
    lines = [TITLE, ""]
    lines += [(f"{i[0]}. " if serials else "") + bar.join(_pairs(i)) for i in ITEMS]
    _sure(tmp_path, lines, SERIALED if serials else UNNUMBERED)


def _chinese(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    return [{**r, "row": CHINESE[n]} for n, r in enumerate(rows)]


CHINESE_SHAPES = {
    # before: one item, the others run into its accountability basis, doubtful
    "spaced": lambda: [
        TITLE,
        "  ".join(HEADER),
        *("  ".join((f"{CHINESE[n]}、", *i[1:])) for n, i in enumerate(ITEMS)),
    ],
    "spaced-run-into-the-name": lambda: [
        TITLE,
        "  ".join(HEADER),
        *("  ".join((f"{CHINESE[n]}、{i[1]}", *i[2:])) for n, i in enumerate(ITEMS)),
    ],
    # before: refused (names read like names in 40% of items)
    "one-cell-per-line": lambda: [
        TITLE,
        "",
        *HEADER,
        *(c for n, i in enumerate(ITEMS) for c in (f"{CHINESE[n]}、", *i[1:])),
    ],
    # before: refused (names read like names in 25% of items)
    "one-cell-per-line-bare": lambda: [
        TITLE,
        "",
        *HEADER,
        *(c for n, i in enumerate(ITEMS) for c in (CHINESE[n], *i[1:])),
    ],
}


@pytest.mark.parametrize("shape", CHINESE_SHAPES)
def test_items_numbered_in_chinese_numerals(tmp_path: Path, shape: str) -> None:
    _sure(tmp_path, CHINESE_SHAPES[shape](), _chinese(EXPECTED))


def test_a_numbered_line_inside_a_cell_opens_no_item(tmp_path: Path) -> None:
    # (read so before too) a basis whose lines are numbered 一、 二、 under an item numbered 1:
    # Arabic serials open the items; the numbered lines stay in the cell
    first = "  ".join((*ITEMS[0][:4], "一、" + ITEMS[0][4], ITEMS[0][5]))
    rows = [first, "二、" + ITEMS[1][4], *("  ".join(i) for i in ITEMS[1:])]
    plist = read_written(tmp_path, "page.txt", "\n".join([TITLE, "  ".join(HEADER), *rows]))
    assert [i.row for i in plist.items] == ["1", "2", "3"]
    assert "二、" in (plist.items[0].basis or "") + (plist.items[0].accountability_basis or "")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _wrapped(column: int, width: bool) -> list[str]:
    """The spaced rows, each one's cell ``column`` (1 the name, 3 the department) cut after its
    third character and the rest on a line of its own under the cell's start (by display
    position when ``width``, a CJK character two columns wide; else by character)."""
    lines = [TITLE, "  ".join(HEADER)]
    for item in ITEMS:
        cells = list(item)
        cells[column] = item[column][:3]
        before = "".join(c + "  " for c in cells[:column])
        lines += ["  ".join(cells), " " * (_width(before) if width else len(before))]
        lines[-1] += item[column][3:]
    return lines


@pytest.mark.parametrize(
    ("column", "width"),
    [(1, False), (3, False), (3, True)],
    ids=["name", "department-by-character", "department-by-display-width"],
)
def test_a_cell_wrapped_under_its_start_is_more_of_that_cell(
    tmp_path: Path, column: int, width: bool
) -> None:
    # 1  职业技  行政许可  …  《…》第二十条 / "   能鉴定机构设立审批": the piece stands under the
    # name's cell (or the department's). Before: run into the accountability basis, as sure
    key = FIELDS[column]
    expected = [{**e, key: e[key][:3] + "\n" + e[key][3:]} for e in EXPECTED]
    _sure(tmp_path, _wrapped(column, width), expected)


def test_a_line_under_the_last_cell_stays_in_it(tmp_path: Path) -> None:
    # (read so before too) a citation wrapped under the row, standing where no cell but the
    # last starts: more of the last cell
    lines = [TITLE, "  ".join(HEADER)]
    for item in ITEMS:
        lines += ["  ".join(item), "        " + FURTHER]
    plist = read_written(tmp_path, "page.txt", "\n".join(lines) + "\n")
    assert [i.accountability_basis for i in plist.items] == [f"{i[5]}\n{FURTHER}" for i in ITEMS]
    assert [i.name for i in plist.items] == [i[1] for i in ITEMS]


FURTHER = "《中华人民共和国行政许可法》第十二条"


@pytest.mark.parametrize("said", [1, 3])
def test_a_headings_count_holds_the_folded_rows(tmp_path: Path, said: int) -> None:
    # 一、行政许可（共3项） or （共1项） over item 1 and its rows 1-1 and 1-2, folded into it: the
    # heading counts the rows or the main items, and neither is said to differ (the rows are
    # item 1's own and its two folded ones)
    first, second, third = ITEMS
    rows = (first, ("1-1", *second[1:]), ("1-2", *third[1:]))
    heading = f"一、行政许可（共{said}项）"
    text = "\n".join([TITLE, "  ".join(HEADER), heading, *("  ".join(r) for r in rows)]) + "\n"
    plist = read_written(tmp_path, "page.txt", text)
    assert len(plist.items) == 1
    assert Reading.of(plist).miscounts == ()
    _same(tmp_path / "page.txt", 1)


@pytest.mark.parametrize("typed", [False, True], ids=["no-type-column", "type-column"])
def test_lines_numbered_1_1_inside_a_cell_open_no_row(tmp_path: Path, typed: bool) -> None:
    # a responsibility cell whose lines are numbered 1.1, 1.2 (one a sentence naming a power
    # type) under item 1: lines of the cell, not rows 1.1 and 1.2 folded into item 1
    header = ("序号", "事项名称", *(("事项类型",) if typed else ()), "设定依据", "责任事项")
    steps = ["1.1 受理阶段责任：依法受理申请", "1.2 决定阶段责任：依法作出行政处罚决定"]
    lines = [TITLE, "  ".join(header)]
    for item in ITEMS:
        cells = (*item[:2], *((item[2],) if typed else ()), item[4])
        lines += ["  ".join((*cells, "1.受理阶段责任")), *(steps if item[0] == "1" else ())]
    plist = read_written(tmp_path, "page.txt", "\n".join(lines) + "\n")
    assert [(i.row, i.name, i.subitems) for i in plist.items] == [(i[0], i[1], ()) for i in ITEMS]
    assert (plist.items[0].responsibility or "").endswith(steps[1])
    _same(tmp_path / "page.txt", 1)
