"""Round 14 of Markdown: each table under its own list's title takes that title's department
(``section_department``), and lines outside the pipe rows that hold list content (a 责任清单 of
label：value records, a second list in a spaced layout) end in an item or a reject, never in the
context alone. Each whole and in batches."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extractors.reading.support import read_written
from tests.extractors.reading.test_stream import _same

FOREST = "《中华人民共和国森林法》"
WATER = "《中华人民共和国水法》"
CIVIL = "《中华人民共和国公务员法》"
HEADER = ("序号", "事项名称", "事项类型", "设定依据")
FORESTRY = (
    ("1", "林木采伐许可证核发", "行政许可", f"{FOREST}第五十六条"),
    ("2", "对盗伐林木的行政处罚", "行政处罚", f"{FOREST}第七十六条"),
    ("3", "对滥伐林木的行政处罚", "行政处罚", f"{FOREST}第七十七条"),
)
WATERWORKS = (
    ("1", "取水许可", "行政许可", f"{WATER}第四十八条"),
    ("2", "对未经批准擅自取水的行政处罚", "行政处罚", f"{WATER}第六十九条"),
)
FIRST, SECOND = "某县林业局", "某县水利局"


def _pipe(rows, align: str = "---") -> list[str]:
    """A pipe table: the header, its alignment row, the rows."""
    lines = [f"| {' | '.join(r)} |" for r in rows]
    return [lines[0], f"|{'|'.join([align] * len(rows[0]))}|", *lines[1:]]


def _owned(plist) -> list[tuple[str | None, str | None, str | None]]:
    return [(i.name, i.department, i.section_department) for i in plist.items]


# ---- 1. two titled pipe tables: each table's items take its own title's department ----------

TITLES = {
    "heading": "## {}权责清单",
    "bold": "**{}权责清单**",
    "plain": "{}权责清单",
    "annex": "### 附件{n}：{}权责清单",
    "edition": "# {}权责清单（2023年版）",
    "numbered": "#### {o}、{}权责清单",
}


@pytest.mark.parametrize("blank", [True, False], ids=["blank", "tight"])
@pytest.mark.parametrize("title", TITLES, ids=list(TITLES))
def test_each_titled_table_takes_its_own_titles_department(
    tmp_path: Path, title: str, blank: bool
) -> None:
    # Before: no item had a section_department, and the second table's serials 1, 2 were said
    # duplicate-row (the page-text, sheet and PDF readers gave each its title's department)
    write = TITLES[title]
    space = [""] if blank else []
    lines = [write.format(FIRST, n=1, o="一"), *space, *_pipe([HEADER, *FORESTRY]), ""]
    lines += [write.format(SECOND, n=2, o="二"), *space, *_pipe([HEADER, *WATERWORKS])]
    plist = read_written(tmp_path, "list.md", "\n".join(lines) + "\n")
    assert _owned(plist) == [
        *((r[1], None, FIRST) for r in FORESTRY),
        *((r[1], None, SECOND) for r in WATERWORKS),
    ]
    assert not any(a.code == "duplicate-row" for i in plist.items for a in i.anomalies)
    _same(tmp_path / "list.md", 1)


def test_a_department_column_is_the_items_own_and_no_title_goes_into_department(
    tmp_path: Path,
) -> None:
    # the second table has a 实施主体 column: its cells are the items' department, the title's
    # department none of theirs; the first table's items take its title's, as section_department
    header = ("序号", "事项名称", "事项类型", "实施主体", "设定依据")
    rows = [(r[0], r[1], r[2], "县水务局", r[3]) for r in WATERWORKS]
    lines = [f"## {FIRST}权责清单", *_pipe([HEADER, *FORESTRY]), "", f"## {SECOND}权责清单"]
    lines += _pipe([header, *rows])
    plist = read_written(tmp_path, "list.md", "\n".join(lines) + "\n")
    assert _owned(plist) == [
        *((r[1], None, FIRST) for r in FORESTRY),
        *((r[1], "县水务局", None) for r in WATERWORKS),
    ]
    _same(tmp_path / "list.md", 1)


def test_a_page_of_titled_tables_under_the_pages_own_title(tmp_path: Path) -> None:
    # 某县权责清单汇总 over the page names a place alone: no department; each annex's title does
    lines = ["# 某县权责清单汇总", "", f"## 附件1 {FIRST}权责清单", *_pipe([HEADER, *FORESTRY])]
    lines += ["", f"## 附件2 {SECOND}权责清单", *_pipe([HEADER, *WATERWORKS], align=":---:")]
    plist = read_written(tmp_path, "list.md", "\n".join(lines) + "\n")
    assert [i.section_department for i in plist.items] == [FIRST] * 3 + [SECOND] * 2
    _same(tmp_path / "list.md", 1)


@pytest.mark.parametrize("level", [1, 2, 3, 4])
def test_one_table_under_its_departments_title(tmp_path: Path, level: int) -> None:
    # a single list's title names its department, as a sheet's title row does
    lines = ["#" * level + " 附件1", "#" * level + f" {FIRST}权责清单", *_pipe([HEADER, *FORESTRY])]
    plist = read_written(tmp_path, "list.md", "\n".join(lines) + "\n")
    assert [i.section_department for i in plist.items] == [FIRST] * 3
    assert plist.meta.department == FIRST
    _same(tmp_path / "list.md", 1)


def test_titles_naming_a_place_alone_give_no_department(tmp_path: Path) -> None:
    lines = ["## 某县权责清单（一）", *_pipe([HEADER, *FORESTRY]), "", "## 某县权责清单（二）"]
    lines += _pipe([HEADER, *WATERWORKS])
    plist = read_written(tmp_path, "list.md", "\n".join(lines) + "\n")
    assert [i.section_department for i in plist.items] == [None] * 5
    assert len(plist.items) == 5


# ---- 2. lines outside the pipe rows that hold list content: items or rejects, never lost ----

STAGES = "受理阶段责任：依法受理申请；审查阶段责任：审查申请材料"
ARTICLES = ("五十九", "六十", "六十一")


def _record(k: int, name: str, style: str) -> list[str]:
    """The 责任清单's record of item ``name`` written in ``style``."""
    fields = [("事项名称", name), ("责任事项", STAGES), ("追责依据", f"{CIVIL}第{ARTICLES[k]}条")]
    if style == "bold":
        return [f"**{label}：**{value}" for label, value in fields]
    if style == "bullet":
        return [f"- {label}：{value}" for label, value in fields]
    if style == "numbered":
        return [f"{k + 1}. {fields[0][0]}：{fields[0][1]}", *(f"{a}：{b}" for a, b in fields[1:])]
    if style == "one-line":
        return ["  ".join(f"{label}：{value}" for label, value in fields)]
    return [f"{label}：{value}" for label, value in fields]


STYLES = ("plain", "bold", "bullet", "numbered", "one-line")


@pytest.mark.parametrize("title", ["## 二、责任清单", f"{FIRST}责任清单", ""], ids=str)
@pytest.mark.parametrize("blank", [True, False], ids=["blank-between", "tight"])
@pytest.mark.parametrize("style", STYLES)
def test_records_after_a_pipe_table_join_their_items_or_are_a_reject_each(
    tmp_path: Path, style: str, blank: bool, title: str
) -> None:
    # the 权力清单 as a pipe table, then its 责任清单 as label：value records. Before: every
    # record's line was context, in no item and no reject (rows_seen counted the table alone).
    # A record a line a label joins the item it names, as in the other formats (rec14); one
    # written on one line is a reject with its reason
    lines = [f"# {FIRST}权力清单", "", *_pipe([HEADER, *FORESTRY]), ""]
    lines += [title, ""] if title else []
    starts = []
    for k, row in enumerate(FORESTRY):
        starts.append(len(lines) + 1)
        lines += [*_record(k, row[1], style), *([""] if blank else [])]
    plist = read_written(tmp_path, "list.md", "\n".join(lines) + "\n")
    assert _owned(plist) == [(r[1], None, FIRST) for r in FORESTRY]
    if style == "one-line":
        assert [r.line for r in plist.rejects] == starts
        for k, (row, reject) in enumerate(zip(FORESTRY, plist.rejects, strict=True)):
            assert row[1] in reject.text and f"第{ARTICLES[k]}条" in reject.text
            assert "责任清单" in reject.reason
    else:
        assert plist.rejects == ()
        for k, item in enumerate(plist.items):
            assert item.accountability_basis == f"{CIVIL}第{ARTICLES[k]}条"
            assert item.responsibility is not None and "受理阶段责任" in item.responsibility
            assert "joined-record" in {a.code for a in item.anomalies}
    _same(tmp_path / "list.md", 1)


@pytest.mark.parametrize("gap", ["  ", "\t", "\u3000\u3000"], ids=["spaces", "tab", "ideographic"])
def test_a_second_list_in_a_spaced_layout_under_a_pipe_table_is_read(
    tmp_path: Path, gap: str
) -> None:
    # a further department's list under the table, its title, header and rows spaced. Before:
    # its lines were context, its items lost
    lines = [f"# {FIRST}权力清单", *_pipe([HEADER, *FORESTRY]), "", f"{SECOND}权力清单"]
    lines += [gap.join(r) for r in (HEADER, *WATERWORKS)]
    plist = read_written(tmp_path, "list.md", "\n".join(lines) + "\n")
    assert [(i.row, i.name, i.type, i.basis, i.section_department) for i in plist.items] == [
        *((*r, FIRST) for r in FORESTRY),
        *((*r, SECOND) for r in WATERWORKS),
    ]
    _same(tmp_path / "list.md", 1)


def test_a_numbered_item_written_out_under_the_table_is_a_reject(tmp_path: Path) -> None:
    # 4. 对…的行政处罚，行政处罚，依据《…》第七十八条 under the rows, in no row of the table.
    # Before: context, in no item and no reject
    line = f"4. 对非法收购盗伐林木的行政处罚，行政处罚，依据{FOREST}第七十八条"
    lines = [*_pipe([HEADER, *FORESTRY]), "", line]
    plist = read_written(tmp_path, "list.md", "\n".join(lines) + "\n")
    assert [i.name for i in plist.items] == [r[1] for r in FORESTRY]
    assert [(r.line, r.text) for r in plist.rejects] == [(len(lines), line)]
    assert "under the pipe tables" in plist.rejects[0].reason
    _same(tmp_path / "list.md", 1)


def test_a_label_line_in_no_record_is_a_reject(tmp_path: Path) -> None:
    # 追责依据：… under the table with no 事项名称 to open its record
    line = f"追责依据：{CIVIL}第六十二条"
    lines = [*_pipe([HEADER, *FORESTRY]), "", line]
    plist = read_written(tmp_path, "list.md", "\n".join(lines) + "\n")
    assert [i.name for i in plist.items] == [r[1] for r in FORESTRY]
    assert [(r.line, r.text) for r in plist.rejects] == [(len(lines), line)]
    assert "in no record" in plist.rejects[0].reason
    _same(tmp_path / "list.md", 1)


FOOTERS = {
    "note-signature-links": [
        "注：本清单根据法律法规立改废情况动态调整。",
        "",
        FIRST,
        "2023年5月1日",
        "",
        "[返回顶部](#) | [打印本页](#) | [关闭窗口](#)",
    ],
    "quote-rule-site": [
        "> 说明：事项类型按省级目录填写。",
        "",
        "---",
        "",
        "版权所有：某县人民政府 | 技术支持：某县大数据中心",
    ],
    "numbered-notes-naming-types": [
        "注：",
        "1. 本清单中行政处罚事项的裁量基准另行公布。",
        f"2. 行政许可事项按照{FOREST}第五十六条设定。",
    ],
    "notes-heading-over-a-list": [
        "### 说明",
        "",
        "1. 行政检查事项每年公布一次。",
        "2. 对行政处罚事项实行动态调整。",
    ],
    "spaced-prose-and-footer": [
        "本清单共计  3  项，  自公布之日起施行。",
        f"{FIRST}    2023年5月1日",
        "主办单位：某县人民政府办公室  承办单位：某县大数据中心  网站标识码：5001000001",
    ],
    "numbered-notes": [
        "### 说明",
        "1. 本清单依据《某省权责清单管理办法》编制。",
        "2. 本清单实行动态管理。",
    ],
}


@pytest.mark.parametrize("footer", FOOTERS, ids=list(FOOTERS))
def test_notes_chrome_and_a_signature_under_the_table_are_no_rows(
    tmp_path: Path, footer: str
) -> None:
    # Before: a row of a page's links (or its footer) between pipes was an item, said doubtful
    lines = [f"# {FIRST}权力清单", *_pipe([HEADER, *FORESTRY]), "", *FOOTERS[footer]]
    plist = read_written(tmp_path, "list.md", "\n".join(lines) + "\n")
    assert [i.name for i in plist.items] == [r[1] for r in FORESTRY]
    assert not [r for r in plist.rejects if "pipe tables" in r.reason]
    assert plist.plausibility is not None and not plist.plausibility.doubtful


# ---- 3. a JSON list in a Markdown code fence -------------------------------------------------

KEYS = {
    "chinese": HEADER,
    "english": ("no", "name", "type", "basis"),
    "pinyin": ("xh", "sxmc", "sxlx", "sdyj"),
}


def _json(rows, keys) -> str:
    import json

    return json.dumps([dict(zip(keys, r, strict=True)) for r in rows], ensure_ascii=False, indent=2)


@pytest.mark.parametrize("fence", ["```json", "```", "~~~JSON"], ids=["json", "bare", "tildes"])
@pytest.mark.parametrize("keys", KEYS, ids=list(KEYS))
def test_a_json_list_in_a_code_fence_is_read(tmp_path: Path, keys: str, fence: str) -> None:
    # Before: the page was read as text (refused, or an item per line of JSON)
    close = fence[:3]
    lines = [
        f"# {FIRST}权责清单",
        "",
        "接口返回：",
        fence,
        *_json(FORESTRY, KEYS[keys]).splitlines(),
    ]
    lines += [close, ""]
    plist = read_written(tmp_path, "list.md", "\n".join(lines) + "\n")
    assert [(i.row, i.name, i.type, i.basis, i.section_department) for i in plist.items] == [
        (*r, FIRST) for r in FORESTRY
    ]
    # each item on the line its record opens on
    assert [i.line for i in plist.items] == [6, 12, 18]
    _same(tmp_path / "list.md", 1)


def test_a_json_fence_under_a_pipe_table_is_the_next_departments_list(tmp_path: Path) -> None:
    # Before: the fenced list's lines were context, its items lost
    lines = [f"## {FIRST}权责清单", *_pipe([HEADER, *FORESTRY]), "", f"## {SECOND}权责清单"]
    lines += ["```json", *_json(WATERWORKS, HEADER).splitlines(), "```"]
    plist = read_written(tmp_path, "list.md", "\n".join(lines) + "\n")
    assert [(i.row, i.name, i.basis, i.section_department) for i in plist.items] == [
        *((r[0], r[1], r[3], FIRST) for r in FORESTRY),
        *((r[0], r[1], r[3], SECOND) for r in WATERWORKS),
    ]
    _same(tmp_path / "list.md", 1)


def test_a_code_fence_of_a_pipe_table_or_of_code_is_no_json(tmp_path: Path) -> None:
    # a fence round a pipe table reads as the table; a fence of code that is no list is context
    lines = ["```", *_pipe([HEADER, *FORESTRY]), "```", "", "```json", '{"code": 200}', "```"]
    plist = read_written(tmp_path, "list.md", "\n".join(lines) + "\n")
    assert [i.name for i in plist.items] == [r[1] for r in FORESTRY]
    assert not plist.rejects


# ---- 4. rows that close with no pipe: a cell broken onto lines without one -------------------


def _open_rows(rows) -> list[str]:
    """A pipe table a converter wrote without outer pipes."""
    lines = [" | ".join(r) for r in rows]
    return [lines[0], " | ".join(["---"] * len(rows[0])), *lines[1:]]


@pytest.mark.parametrize(
    "broken",
    [
        [f"{CIVIL}第五十九条"],
        [f"{CIVIL}第五十九条", f"{CIVIL}第六十条"],
        ["2.依据《中华人民共和国森林法》第七十条"],
    ],
    ids=["one-line", "two-lines", "numbered"],
)
def test_a_last_cell_broken_onto_lines_without_a_pipe_goes_on_with_it(
    tmp_path: Path, broken: list[str]
) -> None:
    # 1 | 林木采伐许可证核发 | 行政许可 | 《…》第五十六条 over a line 《…》第五十九条, then row 2.
    # Before: the line was context, the cell cut short, silently
    lines = _open_rows([HEADER, *FORESTRY])
    lines[3:3] = broken
    plist = read_written(tmp_path, "list.md", "\n".join(lines) + "\n")
    assert [i.basis for i in plist.items] == [
        "\n".join([FORESTRY[0][3], *broken]),
        *(r[3] for r in FORESTRY[1:]),
    ]
    assert [a.code for a in plist.items[0].anomalies] == ["wrapped-row"]
    _same(tmp_path / "list.md", 1)


def test_a_title_or_a_note_between_rows_without_closing_pipes_is_no_cell(tmp_path: Path) -> None:
    lines = [f"{FIRST}权责清单", *_open_rows([HEADER, *FORESTRY]), f"{SECOND}权责清单"]
    lines += [*_open_rows([HEADER, *WATERWORKS]), "注：本清单动态调整。"]
    plist = read_written(tmp_path, "list.md", "\n".join(lines) + "\n")
    assert [(i.basis, i.section_department) for i in plist.items] == [
        *((r[3], FIRST) for r in FORESTRY),
        *((r[3], SECOND) for r in WATERWORKS),
    ]
    _same(tmp_path / "list.md", 1)
