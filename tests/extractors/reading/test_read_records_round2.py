"""Label：value records and pipe tables in the shapes of round 2: fields written as Markdown list
items, several pairs on a line parted by one space, records of two fields, an item page's
履责方式 given stage by stage; pipe headers wrapped inside their cells, a second header level
repeating the first's words, a pipe inside a cell's text, a cell broken over lines in a table
whose rows close with no pipe, vertical tables each under its own 项目 | 内容 header. Each item
must keep its name, type, department, basis and accountability basis, whole and in batches."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.errors import InputError
from extractors.models import PowerList
from extractors.reading.read import read_list
from tests.extractors.reading.support import (
    batched_items,
    check_fields,
    filled_fields,
    read_written,
    squashed,
)

FIELDS = ("name", "type", "department", "basis", "accountability_basis")
LABELS = ("职权名称", "职权类型", "行使主体", "职权依据", "责任事项依据")
#: (serial, name, type, department, basis, accountability basis)
ITEMS = (
    ("1", "民办学校筹设审批", "行政许可", "县教育体育局",
     "《中华人民共和国民办教育促进法》第十二条", "《行政机关公务员处分条例》第二十条"),
    ("2", "对学校违规招生的处罚", "行政处罚", "县教育体育局",
     "《中华人民共和国教育法》第七十六条", "《中华人民共和国公职人员政务处分法》第三十九条"),
    ("3", "对校车安全的检查", "行政检查", "县交通运输局",
     "《校车安全管理条例》第四十二条、第四十三条", "《行政机关公务员处分条例》第二十一条"),
)  # fmt: skip
EXPECTED = [dict(zip(FIELDS, item[1:], strict=True)) for item in ITEMS]
TITLE = "某县教育体育局权责清单"
HEADER = ("序号", "事项名称", "事项类型", "实施主体", "设定依据", "追责依据")


def _check(
    plist: PowerList, expected: list[dict[str, str]], fields: tuple[str, ...] = FIELDS
) -> None:
    check_fields(plist, expected, fields)


def _records(form: str, between: str = "\n\n", labels: tuple[str, ...] = LABELS) -> str:
    body = (
        "\n".join(form.format(label, value) for label, value in zip(labels, item[1:], strict=True))
        for item in ITEMS
    )
    return TITLE + "\n\n" + between.join(body) + "\n"


def _row(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(cells) + " |"


def _table(*head: tuple[str, ...], rows: tuple[tuple[str, ...], ...] = ITEMS) -> str:
    rule = _row(tuple("---" for _ in head[0]))
    return "\n".join([*map(_row, head[:1]), rule, *map(_row, head[1:]), *map(_row, rows)]) + "\n"


# -- label：value records ---------------------------------------------------------------------

RECORDS = {
    # before: refused (no recognisable table), a list item's marker before each label
    "dash-items": lambda: _records("- {}：{}"),
    "star-items": lambda: _records("* {}：{}"),
    "plus-items": lambda: _records("+ {}：{}"),
    "dash-items-bold-labels": lambda: _records("- **{}**：{}"),
    "dash-items-no-blank-between": lambda: _records("- {}：{}", between="\n"),
    "nested-items-under-the-name": lambda: (
        TITLE
        + "\n\n"
        + "\n".join(
            f"- {LABELS[0]}：{item[1]}\n"
            + "\n".join(f"  - {k}：{v}" for k, v in zip(LABELS[1:], item[2:], strict=True))
            for item in ITEMS
        )
        + "\n"
    ),
    "heading-names-the-items": lambda: (
        "# "
        + TITLE
        + "\n\n"
        + "\n\n".join(
            f"### {item[0]}. {item[1]}\n\n"
            + "\n".join(f"- **{k}**：{v}" for k, v in zip(LABELS[1:], item[2:], strict=True))
            for item in ITEMS
        )
        + "\n"
    ),
    # before: the name ran on over the pairs after it on its line, parted by one space
    "pairs-parted-by-a-space": lambda: (
        TITLE
        + "\n\n"
        + "\n\n".join(
            f"{LABELS[0]}：{i[1]} {LABELS[1]}：{i[2]} {LABELS[2]}：{i[3]}\n"
            f"{LABELS[3]}：{i[4]}\n{LABELS[4]}：{i[5]}"
            for i in ITEMS
        )
        + "\n"
    ),
    "pairs-parted-by-an-ideographic-space": lambda: (
        TITLE
        + "\n\n"
        + "\n\n".join(
            f"{LABELS[0]}：{i[1]}\u3000{LABELS[1]}：{i[2]}\u3000{LABELS[2]}：{i[3]}\n"
            f"{LABELS[3]}：{i[4]}\n{LABELS[4]}：{i[5]}"
            for i in ITEMS
        )
        + "\n"
    ),
    # before: refused, the colon the ratio sign an input method gives (∶), or spaces inside
    # the brackets of a label
    "ratio-sign-colons": lambda: _records("{}∶{}"),
    "spaces-inside-brackets": lambda: _records("【 {} 】：{}"),
    # before: a form's narrow column of colons between labels and values (label, ：, value)
    # began every value with the colon, said as doubtful
    "a-column-of-colons": lambda: _records("{}\t：\t{}"),
}


@pytest.mark.parametrize("shape", RECORDS)
def test_records_in_round_2_shapes(tmp_path: Path, shape: str) -> None:
    plist = read_written(tmp_path, "page.txt", RECORDS[shape]())
    _check(plist, EXPECTED)


@pytest.mark.parametrize(
    ("second", "field"),
    [
        pytest.param("职权类型", "type", id="name-and-type"),
        pytest.param("设定依据", "basis", id="name-and-basis"),
        pytest.param("实施主体", "department", id="name-and-department"),
    ],
)
@pytest.mark.parametrize("between", ["\n\n", "\n"], ids=["blank-between", "nothing-between"])
def test_records_of_two_fields(tmp_path: Path, second: str, field: str, between: str) -> None:
    # before: refused, two fields being too few for a header row's three
    column = {"type": 2, "department": 3, "basis": 4}[field]
    text = between.join(f"职权名称：{i[1]}\n{second}：{i[column]}" for i in ITEMS)
    plist = read_written(tmp_path, "page.txt", f"{TITLE}\n\n{text}\n")
    assert filled_fields(plist, ("name", field)) == [
        {"name": i[1], field: i[column]} for i in ITEMS
    ]


def test_records_of_a_name_and_a_remark_are_no_list(tmp_path: Path) -> None:
    # a name and a remark, record after record, are no power's fields: still refused
    text = "\n\n".join(f"职权名称：{i[1]}\n备注：无" for i in ITEMS)
    with pytest.raises(InputError, match="no recognisable table"):
        read_list(_written(tmp_path, "page.txt", f"{TITLE}\n\n{text}\n"))


def _written(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _staged(item: tuple[str, ...], bases: bool) -> str:
    """An item page whose 履责方式 is given stage by stage, each stage's 责任事项 (and, with
    ``bases``, its 责任事项依据) under the stage's name."""
    lines = [f"{k}：{v}" for k, v in zip(LABELS[:4], item[1:5], strict=True)]
    for stage, duty in (("受理环节", "对申请材料进行审查"), ("决定环节", "依法作出决定")):
        lines += [f"{stage}：", f"责任事项：{duty}"]
        lines += [f"责任事项依据：{item[5]}"] if bases else []
    lines += [] if bases else [f"责任事项依据：{item[5]}"]
    return "\n".join(lines)


@pytest.mark.parametrize("bases", [False, True], ids=["one-basis", "a-basis-a-stage"])
@pytest.mark.parametrize("between", ["\n\n", "\n"], ids=["blank-between", "nothing-between"])
def test_an_item_page_of_stages_is_one_item(tmp_path: Path, bases: bool, between: str) -> None:
    # before: each stage's 责任事项 opened a record of its own, run into the next item as a
    # continuation row (its responsibility and accountability basis the item's below), as sure
    text = "当前位置：首页 > 权责清单\n\n" + between.join(_staged(i, bases) for i in ITEMS) + "\n"
    plist = read_written(tmp_path, "page.txt", text)
    expected = [
        {
            **item,
            "responsibility": "对申请材料进行审查\n依法作出决定",
            "accountability_basis": "\n".join([item["accountability_basis"]] * (2 if bases else 1)),
        }
        for item in EXPECTED
    ]
    _check(plist, expected, (*FIELDS, "responsibility"))


# -- pipe tables ------------------------------------------------------------------------------

STACKED = (
    ("序", "事项", "事项", "实施", "设定", "追责"),
    ("号", "名称", "类型", "主体", "依据", "依据"),
)
THREE = (
    ("序", "事", "事", "实", "设定", "追责"),
    ("", "项名", "项类", "施主", "依", "依"),
    ("号", "称", "型", "体", "据", "据"),
)


def _stacked(*rows: tuple[str, ...], above: tuple[str, ...] = ()) -> str:
    """A table whose header's words wrap inside its cells, a row a line, over ``rows``."""
    rule = _row(tuple("---" for _ in HEADER))
    return "\n".join([*above, *map(_row, rows), rule, *map(_row, ITEMS)]) + "\n"


def _split(item: tuple[str, ...], column: int, at: int) -> tuple[str, ...]:
    """``item`` with a pipe the converter did not escape inside the text of ``column``."""
    cell = item[column]
    return (*item[:column], cell[:at], cell[at:], *item[column + 1 :])


def _joined(item: tuple[str, ...], column: int, at: int) -> dict[str, str]:
    cell = item[column]
    fields = dict(zip(FIELDS, item[1:], strict=True))
    fields[FIELDS[column - 1]] = f"{cell[:at]}|{cell[at:]}"
    return fields


PIPES = {
    # before: the lower header line read alone (名称 | 类型 | 主体 | 依据 | 依据): both bases
    # joined into the basis, no accountability basis, as sure
    "header-wrapped-in-two-lines": (lambda: _stacked(*STACKED), EXPECTED),
    "header-wrapped-under-a-title": (
        lambda: _stacked(*STACKED, above=(f"| {TITLE} | | | | | |",)),
        EXPECTED,
    ),
    # before: refused, no line of the header naming three fields
    "header-wrapped-in-three-lines": (lambda: _stacked(*THREE), EXPECTED),
    # before: the lower level, 序号 | 名称 | 类型 … naming fields itself, was taken for more
    # header cells: both bases joined into the basis, as sure
    "two-levels-the-lower-repeating-words": (
        lambda: _table(
            ("序号", "事项", "事项", "实施主体", "依据", "依据"),
            ("序号", "名称", "类型", "实施主体", "设定依据", "追责依据"),
        ),
        EXPECTED,
    ),
    # before: the basis cut at a stray pipe, its article read as the accountability basis
    # and the accountability basis as an extra cell, as sure
    "pipe-inside-a-basis": (
        lambda: _table(HEADER, rows=(_split(ITEMS[0], 4, 19), *ITEMS[1:])),
        [_joined(ITEMS[0], 4, 19), *EXPECTED[1:]],
    ),
    "pipe-inside-every-basis": (
        lambda: _table(HEADER, rows=tuple(_split(i, 4, i[4].index("》") + 1) for i in ITEMS)),
        [_joined(i, 4, i[4].index("》") + 1) for i in ITEMS],
    ),
    "pipe-after-a-dunhao": (
        lambda: _table(HEADER, rows=(*ITEMS[:2], _split(ITEMS[2], 4, ITEMS[2][4].index("、") + 1))),
        [*EXPECTED[:2], _joined(ITEMS[2], 4, ITEMS[2][4].index("、") + 1)],
    ),
    # (the name and department cut: the type and department stand under their columns only
    # once the cut is joined)
    "pipe-inside-a-department": (
        lambda: _table(HEADER, rows=(_split(ITEMS[0], 3, 3), *ITEMS[1:])),
        [_joined(ITEMS[0], 3, 3), *EXPECTED[1:]],
    ),
    # before: the rows closing with no pipe, a basis broken over two lines read as a row cut
    # short and an item named by the accountability basis, said as doubtful
    "no-closing-pipes-a-cell-broken": (
        lambda: (
            "\n".join(
                [" | ".join(HEADER), " | ".join("---" for _ in HEADER)]
                + [" | ".join(i[:4]) + f" | {i[4][:9]}\n{i[4][9:]} | {i[5]}" for i in ITEMS]
            )
            + "\n"
        ),
        EXPECTED,
    ),
    # before: only the first item read (named 项目 内容), the others rejects
    "vertical-tables-under-their-own-header": (
        lambda: (
            TITLE
            + "\n\n"
            + "\n\n".join(
                f"**{i[0]}. {i[1]}**\n\n| 项目 | 内容 |\n| --- | --- |\n"
                + "\n".join(f"| {k} | {v} |" for k, v in zip(HEADER[2:], i[2:], strict=True))
                for i in ITEMS
            )
            + "\n"
        ),
        EXPECTED,
    ),
    # before: read as page text and refused (names read like names in 0% of items)
    "vertical-tables-without-outer-pipes": (
        lambda: (
            TITLE
            + "\n\n"
            + "\n\n".join(
                "\n".join(f"{k} | {v}" for k, v in zip(HEADER, i, strict=True)) for i in ITEMS
            )
            + "\n"
        ),
        EXPECTED,
    ),
    # before: 二、行政处罚（1项） over the next form ran into the accountability basis above,
    # and the forms, which name no type, had none, as sure
    "vertical-tables-under-section-rows": (
        lambda: (
            TITLE
            + "\n\n"
            + "\n".join(
                f"| {'一二三'[k]}、{i[2]}（1项） | |\n"
                + "\n".join(
                    f"| {label} | {value} |"
                    for label, value in zip(HEADER[:2] + HEADER[3:], i[:2] + i[3:], strict=True)
                )
                for k, i in enumerate(ITEMS)
            )
            + "\n"
        ),
        EXPECTED,
    ),
}


@pytest.mark.parametrize("shape", PIPES)
def test_pipe_tables_in_round_2_shapes(tmp_path: Path, shape: str) -> None:
    text, expected = PIPES[shape]
    plist = read_written(tmp_path, "list.md", text(), expect="markdown")
    _check(plist, expected)


@pytest.mark.parametrize("shape", PIPES)
def test_pipe_tables_in_round_2_shapes_in_batches(tmp_path: Path, shape: str) -> None:
    text, expected = PIPES[shape]
    items = batched_items(_written(tmp_path, "list.md", text()))
    got = [{k: v for k in FIELDS if (v := i.to_json()[k]) is not None} for i in items]
    assert squashed(got) == squashed(expected)


def test_a_pipe_inside_a_cell_is_said(tmp_path: Path) -> None:
    text = _table(HEADER, rows=(_split(ITEMS[0], 4, 19), *ITEMS[1:]))
    plist = read_written(tmp_path, "list.md", text)
    notes = [(a.code, a.column, a.text) for a in plist.items[0].anomalies]
    cell = ITEMS[0][4]
    assert notes == [("stray-pipe", "设定依据", f"{cell[:19]}|{cell[19:]}")]


def test_a_cell_beyond_the_header_with_no_cut_stays_an_extra_cell(tmp_path: Path) -> None:
    # a cell beyond the header whose text is whole (a column the header lacks) is not joined
    # to the one before: no cut tells where a pipe would be
    rows = ((*ITEMS[0], "《教师资格条例》第十九条"), *ITEMS[1:])
    plist = read_written(tmp_path, "list.md", _table(HEADER, rows=rows))
    assert plist.items[0].accountability_basis == ITEMS[0][5]
    assert [a.code for a in plist.items[0].anomalies] == ["extra-cell"]
