"""Page text and label：value records in the shapes of round 5, as another province writes
them: items as numbered sentences under headings of their power type, several ``label：value``
pairs on one line, ditto words (见上) for the record above's basis, serials that skip a number
or go back, labels that change part-way, a name alone above its labels, full-width spaces as
the only separators, a CMS article's chrome, lines a PDF cut at a fixed width. Each item keeps
its name, type, department, basis and accountability basis and every citation, or the oddity
is said on it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.extractors.reading.support import (
    anomaly_codes,
    basis_citations,
    filled_fields,
    read_written,
)
from tests.extractors.reading.test_read_records_shapes import (
    EXPECTED,
    FIELDS,
    ITEMS,
    LABELS,
)
from tests.extractors.reading.test_stream import _same

TITLE = "某县人力社保局权责清单"
OWNER = "某县人力社保局"
HEADER = ("序号", *LABELS)
ROWS = [(str(n), *item) for n, item in enumerate(ITEMS, 1)]
SERIALED = [{"row": str(n), **e} for n, e in enumerate(EXPECTED, 1)]


def _records(rows: list[tuple[str, ...]], labels: tuple[str, ...] = HEADER) -> list[str]:
    lines = [TITLE, ""]
    for row in rows:
        lines += [f"{k}：{v}" for k, v in zip(labels, row, strict=True)] + [""]
    return lines


def _table(rows: list[tuple[str, ...]], gap: str = "  ") -> list[str]:
    return [TITLE, gap.join(HEADER), *(gap.join(row) for row in rows)]


def _read(tmp_path: Path, lines: list[str]) -> list[dict[str, str]]:
    plist = read_written(tmp_path, "page.txt", "\n".join(lines) + "\n")
    _same(tmp_path / "page.txt", 2)
    assert plist.plausibility is not None and not plist.plausibility.doubtful
    return filled_fields(plist, ("row", *FIELDS, "section_department"))


def _sentences() -> list[str]:
    """Each item a numbered sentence and its basis, under a heading of its type."""
    lines = [TITLE]
    for n, (row, heading) in enumerate(
        zip(ROWS, ("一、行政许可", "二、行政处罚", "三、行政检查"), strict=True)
    ):
        lines += [heading, f"{n + 1}. {row[1]}。依据：{row[4]}。"]
    return lines


def _pairs_on_a_line() -> list[str]:
    return [
        TITLE,
        *("  ".join(f"{k}：{v}" for k, v in zip(LABELS, item, strict=True)) for item in ITEMS),
    ]


# before: refused (no recognisable table)
NEW: dict[str, tuple[Callable[[], list[str]], list[dict[str, str]]]] = {
    # under the one department its title names (round 12: before, under none)
    "numbered-sentences": (
        _sentences,
        [
            {**{k: e[k] for k in ("row", "name", "type", "basis")}, "section_department": OWNER}
            for e in SERIALED
        ],
    ),
    "pairs-on-a-line": (_pairs_on_a_line, EXPECTED),
}


@pytest.mark.parametrize("shape", NEW)
def test_items_as_sentences_or_pairs_on_a_line(tmp_path: Path, shape: str) -> None:
    write, expected = NEW[shape]
    items = _read(tmp_path, write())
    assert [{k: v.rstrip("。") for k, v in i.items()} for i in items] == expected
    assert basis_citations(items) == basis_citations(expected)


# read before too: kept so
READ: dict[str, Callable[[], list[str]]] = {
    "labels-change-part-way": lambda: (
        _records(ROWS[:1])
        + _records(
            ROWS[1:], ("序号", "权力名称", "权力类型", "实施部门", "法律依据", "责任追究依据")
        )[2:]
    ),
    "fullwidth-space-separators": lambda: _table(ROWS, "\u3000"),
    "cms-chrome": lambda: [
        "首页 > 政务公开 > 权责清单",
        "来源：某县人力社保局  发布时间：2023-05-06 10:21  阅读次数：1234",
        "字号：大 中 小",
        "分享到：微信 微博 QQ空间",
        *_table(ROWS),
        "附件下载：",
        "某县权责清单.xlsx",
        "扫一扫在手机打开当前页",
    ],
}


@pytest.mark.parametrize("shape", READ)
def test_round_5_shapes_read_before_too(tmp_path: Path, shape: str) -> None:
    assert _read(tmp_path, READ[shape]()) == SERIALED


def _dittos() -> list[tuple[str, ...]]:
    rows = [list(row) for row in ROWS]
    rows[1][4], rows[1][5], rows[2][5] = "同上", "同上一项", "见上"
    return [tuple(row) for row in rows]


def test_ditto_words_copy_the_record_above(tmp_path: Path) -> None:
    # before: 见上 was read as the third item's accountability basis, without a word
    plist = read_written(tmp_path, "page.txt", "\n".join(_records(_dittos())) + "\n")
    assert [(i.basis, i.accountability_basis) for i in plist.items] == [
        (ITEMS[0][3], ITEMS[0][4]),
        (ITEMS[0][3], ITEMS[0][4]),
        (ITEMS[2][3], ITEMS[0][4]),
    ]
    assert [c.count("copied-cell") for c in anomaly_codes(plist)] == [0, 2, 1]


@pytest.mark.parametrize("records", [False, True], ids=["table", "records"])
@pytest.mark.parametrize(
    ("serials", "said"),
    [
        (("1", "2", "4"), [[], [], ["serial-gap"]]),
        (("1", "3", "2"), [[], [], ["serial-order"]]),  # 2 is there: no gap, but a turn
        (("1", "2", "5"), [[], [], ["serial-gap"]]),
        (("1", "2", "1"), [[], [], []]),  # numbered again from 1: a section of its own
        (("117", "118", "119"), [[], [], []]),
    ],
)
def test_serials_that_skip_or_go_back_are_said(
    tmp_path: Path, records: bool, serials: tuple[str, ...], said: list[list[str]]
) -> None:
    # before: 1, 2, 4 (an item lost in the copy?) and 1, 3, 2 read as sure, without a word
    rows = [(s, *row[1:]) for s, row in zip(serials, ROWS, strict=True)]
    lines = _records(rows) if records else _table(rows)
    plist = read_written(tmp_path, "page.txt", "\n".join(lines) + "\n")
    assert [i.name for i in plist.items] == [row[1] for row in ROWS]
    codes = [[c for c in codes if c.startswith("serial-")] for codes in anomaly_codes(plist)]
    assert codes == said
    _same(tmp_path / "page.txt", 2)


def test_ditto_words_for_the_department_and_type_copy_the_record_above(tmp_path: Path) -> None:
    # before: department 同上 read as the department's name, type 同上 as an unknown type
    rows = [list(row) for row in ROWS]
    rows[1][3], rows[2][2] = "同上", "同上"
    plist = read_written(tmp_path, "page.txt", "\n".join(_records([tuple(r) for r in rows])))
    assert [(i.type, i.department) for i in plist.items] == [
        ("行政许可", "县人力社保局"),
        ("行政处罚", "县人力社保局"),
        ("行政处罚", "县人力社保局"),
    ]
    assert anomaly_codes(plist) == [[], ["copied-cell"], ["copied-cell"]]


def test_a_department_heading_between_lists_opens_its_own(tmp_path: Path) -> None:
    # 一、县人力社保局 over a list, 二、县医疗保障局 over another of the same header. Before: the
    # second heading ran into the first list's last accountability basis, and the two lists
    # were one, without a department.
    header = ("序号", "事项名称", "事项类型", "设定依据", "追责依据")
    rows = ["  ".join((r[0], r[1], r[2], r[4], r[5])) for r in ROWS]
    lines = ["某县权责清单", "一、县人力社保局", "  ".join(header), rows[0], "二、县医疗保障局"]
    lines += ["  ".join(header), *rows[1:]]
    items = _read(tmp_path, lines)
    # a heading's department is the items' section_department (department: a column's only)
    assert [(i["section_department"], i["accountability_basis"]) for i in items] == [
        ("县人力社保局", ITEMS[0][4]),
        ("县医疗保障局", ITEMS[1][4]),
        ("县医疗保障局", ITEMS[2][4]),
    ]


def _side_by_side(cells: list[tuple[str, ...]]) -> list[str]:
    header = ("序号", "事项名称", "事项类型", "设定依据")
    lines = [TITLE, "  ".join(header) + "        " + "  ".join(header)]
    left, right = cells[: (len(cells) + 1) // 2], cells[(len(cells) + 1) // 2 :]
    lines += ["  ".join(a) + "        " + "  ".join(b) for a, b in zip(left, right, strict=False)]
    return lines + (["  ".join(left[-1])] if len(left) > len(right) else [])


def test_two_lists_side_by_side_are_read_item_by_item(tmp_path: Path) -> None:
    # a page printed in two columns of the list: the header twice across its line, two items
    # on each line below it. Before: the right-hand items taken for second columns of the
    # left-hand ones (duplicate-column) and lost, as sure.
    cells = [(r[0], r[1], r[2], r[4]) for r in ROWS]
    cells.append(("4", "对劳动保障监察的检查", "行政检查", "《劳动保障监察条例》第十条"))
    items = _read(tmp_path, _side_by_side(cells))
    assert sorted((i["row"], i["name"], i["type"], i["basis"]) for i in items) == cells


def test_two_lists_side_by_side_with_a_last_item_alone_is_doubtful(tmp_path: Path) -> None:
    # the last line holds the left-hand item alone: its cells are not laid out again under one
    # copy of the header, and the reading says it is doubtful
    cells = [(r[0], r[1], r[2], r[4]) for r in ROWS]
    plist = read_written(tmp_path, "page.txt", "\n".join(_side_by_side(cells)) + "\n")
    assert plist.plausibility is not None and plist.plausibility.doubtful


WECHAT_TOP = [
    "原创 某县人力社保局 某县发布 2023-05-06 10:21 发表于浙江",
    "收录于合集 #权责清单 3个",
]
WECHAT_FOOT = ["阅读原文", "阅读 1234", "点赞", "在看", "写留言", "微信扫一扫关注该公众号"]


@pytest.mark.parametrize("records", [False, True], ids=["table", "records"])
def test_a_wechat_articles_chrome_is_no_cell(tmp_path: Path, records: bool) -> None:
    # before: 阅读原文, 阅读 1234, 点赞, 在看 … ran into the last item's accountability basis
    body = _records(ROWS) if records else _table(ROWS)
    body = [*body[:3], "点赞", "在看", *body[3:]] if not records else body
    items = _read(tmp_path, [*WECHAT_TOP, *body, *WECHAT_FOOT])
    assert items == SERIALED


def test_two_columns_of_records_one_lower_are_not_parted_as_pairs(tmp_path: Path) -> None:
    # two records side by side, the right one a line lower (序号：1 … alone, then 事项名称：A
    # padded to the column of 序号：2): the pairs on a line are of two records, not one. Parted
    # a pair a line, the records mixed (item 1 without its type or basis), as sure.
    left = [f"{k}：{v}" for k, v in zip(HEADER, ROWS[0], strict=True)] + [""]
    right = [""] + [f"{k}：{v}" for k, v in zip(HEADER, ROWS[1], strict=True)]
    width = max(map(len, left))
    lines = [TITLE, ""]
    lines += [a + "\u3000" * (width - len(a) + 4) + b for a, b in zip(left, right, strict=True)]
    plist = read_written(tmp_path, "page.txt", "\n".join(lines) + "\n")
    assert plist.plausibility is not None and plist.plausibility.doubtful
