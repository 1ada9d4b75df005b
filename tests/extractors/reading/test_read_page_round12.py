"""Round 12 of page text: what the round's probes (a list under one department's title, records
numbered before their first label, a 责任清单 of records under the 权力清单's table, literal
``\\n`` in delimited cells, two-line headers, paging links, 1.1 / 1.2 under group rows, text
copied from a PDF viewer, traditional script, annexes of two departments) found read silently
wrong, refused or said where structure tells. Each whole and in batches."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extractors.reading.support import filled_fields, read_written
from tests.extractors.reading.test_read_page_round11 import _sure
from tests.extractors.reading.test_stream import _same

FOREST = "《中华人民共和国森林法》"
FOOD = "《中华人民共和国食品安全法》"
ITEMS = (
    ("1", "林木采伐许可证核发", "行政许可", f"{FOREST}第五十六条"),
    ("2", "对盗伐林木的行政处罚", "行政处罚", f"{FOREST}第七十六条"),
    ("3", "食品生产经营日常监督检查", "行政检查", f"{FOOD}第一百一十条"),
)
HEADER = ("序号", "事项名称", "事项类型", "设定依据")
KEYS = ("row", "name", "type", "basis")


def _expected(items=ITEMS, **extra: str) -> list[dict[str, str]]:
    return [{**dict(zip(KEYS, r, strict=True)), **extra} for r in items]


def _rows(header: tuple[str, ...], rows, gap: str = "  ") -> list[str]:
    return [gap.join(header), *(gap.join(r) for r in rows)]


# ---- 1. one list under one department's title --------------------------------------------------

TITLES = {
    "county-bureau": ("某县林业局权责清单", "某县林业局"),
    "year-version": ("县林业局行政权力清单（2023年版）", "县林业局"),
    "annex-label": ("附件：某县林业局权责清单", "某县林业局"),
    "year-first": ("2023年某县市场监督管理局权责清单", "某县市场监督管理局"),
    "ordinal": ("一、某县林业局权力清单", "某县林业局"),
    "traditional": ("某縣林業局權責清單", "某縣林業局"),
}


# spaced rows: a tab-separated page is read as TSV, which took the title already
@pytest.mark.parametrize("title", TITLES, ids=list(TITLES))
def test_one_list_under_one_departments_title_falls_under_it(tmp_path: Path, title: str) -> None:
    # Before: with one titled list on the page (with two or more it did) its items had no
    # section_department, sure. The department never goes into `department` (a column's).
    line, department = TITLES[title]
    text = "\n".join([line, *_rows(HEADER, ITEMS)]) + "\n"
    if title == "traditional":
        text = text.replace("序号", "序號").replace("事项名称", "事項名稱")
    plist = read_written(tmp_path, "page.txt", text)
    assert [(i.section_department, i.department) for i in plist.items] == [(department, None)] * 3
    assert plist.plausibility is not None and not plist.plausibility.doubtful
    _same(tmp_path / "page.txt", 1)


def test_a_title_above_a_portals_date_line_names_the_lists_department(tmp_path: Path) -> None:
    # the title stands above the page's 发布时间 line, not right over the header
    lines = ["首页 > 政务公开 > 权责清单", "某县林业局权责清单"]
    lines.append("发布时间：2023-05-06  来源：县林业局")
    text = "\n".join([*lines, *_rows(HEADER, ITEMS), "打印本页  关闭窗口"]) + "\n"
    _sure(tmp_path, text, _expected(section_department="某县林业局"))


def test_a_title_over_a_list_of_a_cell_a_line_names_its_department(tmp_path: Path) -> None:
    text = "\n".join(["某县林业局权责清单", *HEADER, *(c for r in ITEMS for c in r)]) + "\n"
    _sure(tmp_path, text, _expected(section_department="某县林业局"))


def test_records_under_one_departments_title_fall_under_it(tmp_path: Path) -> None:
    # label：value records under 县林业局权责清单. Before: no section_department, sure
    records = [f"事项名称：{r[1]}\n事项类型：{r[2]}\n设定依据：{r[3]}" for r in ITEMS]
    text = "某县林业局权责清单\n\n" + "\n\n".join(records) + "\n"
    expected = [{k: v for k, v in e.items() if k != "row"} for e in _expected()]
    _sure(tmp_path, text, [{**e, "section_department": "某县林业局"} for e in expected])


# ---- 2. a record numbered by an enclosed number before its first label ---------------------


@pytest.mark.parametrize("gap", ["", " "], ids=["glued", "apart"])
@pytest.mark.parametrize("blank", ["\n\n", "\n"], ids=["blank-between", "tight"])
@pytest.mark.parametrize("marks", ["①②③", "⑴⑵⑶", "⒈⒉⒊"], ids=["circled", "bracketed", "stopped"])
def test_an_enclosed_number_before_a_records_first_label_is_its_serial(
    tmp_path: Path, marks: str, blank: str, gap: str
) -> None:
    # ①事项名称：… as (1)事项名称：… and 1. 事项名称：… are. Before: ① glued was lost (no
    # serial), sure; ① apart ran into the label (①事项名称), the name taken from the heading
    records = [
        f"{m}{gap}事项名称：{r[1]}\n事项类型：{r[2]}\n设定依据：{r[3]}"
        for m, r in zip(marks, ITEMS, strict=True)
    ]
    text = "某县权责清单\n" + blank.join(records) + "\n"
    expected = [{**e, "row": m} for e, m in zip(_expected(), marks, strict=True)]
    _sure(tmp_path, text, expected)


# ---- 3. a 责任清单 of label：value records under the 权力清单's table ------------------------

STAGES = {r[1]: f"1.受理阶段责任：依法受理{r[1]}。" for r in ITEMS}
ACCOUNTABILITY = "《行政机关公务员处分条例》第二十条"


@pytest.mark.parametrize(
    "title", ["某县责任清单", "二、责任清单", ""], ids=["titled", "ordinal", "bare"]
)
@pytest.mark.parametrize("blank", ["\n\n", "\n"], ids=["blank-between", "tight"])
def test_records_under_the_lists_table_join_the_items_they_name(
    tmp_path: Path, title: str, blank: str
) -> None:
    # the page's 权力清单 as spaced rows, then its 责任清单 as label：value records naming the
    # items. Before round 12: every record ran into the last item's basis, sure; rounds 12-13:
    # a reject each (not joined); now (rec14) joined to the item each names, said
    records = [
        f"事项名称：{r[1]}\n责任事项：{STAGES[r[1]]}\n追责依据：{ACCOUNTABILITY}" for r in ITEMS
    ]
    lines = ["某县权力清单", *_rows(HEADER, ITEMS), "", *([title] if title else [])]
    text = "\n".join(lines) + "\n" + blank.join(records) + "\n"
    plist = read_written(tmp_path, "page.txt", text)
    keys = (*KEYS, "responsibility", "accountability_basis")
    assert filled_fields(plist, keys) == [
        {**e, "responsibility": STAGES[e["name"]], "accountability_basis": ACCOUNTABILITY}
        for e in _expected()
    ]
    assert [[a.code for a in i.anomalies] for i in plist.items] == [["joined-record"]] * 3
    assert plist.rejects == ()
    _same(tmp_path / "page.txt", 1)


# ---- 4. a line break written as text in a delimited or pipe table's cell -------------------

BROKEN = f"{FOREST}第五十六条\\n{FOREST}第五十七条"


def _pipes(rows) -> list[str]:
    return ["| " + " | ".join(r) + " |" for r in rows]


DELIMITED = {
    "tsv": ("list.tsv", lambda rows: ["\t".join(r) for r in rows]),
    "tab-text": ("list.txt", lambda rows: ["\t".join(r) for r in rows]),
    "csv": ("list.csv", lambda rows: [",".join(r) for r in rows]),
    "pipes": ("list.txt", _pipes),
    "bare-pipes": ("list.txt", lambda rows: ["|".join(r) for r in rows]),
    "markdown": (
        "list.md",
        lambda rows: [*_pipes(rows[:1]), "|---|---|---|---|", *_pipes(rows[1:])],
    ),
}


@pytest.mark.parametrize("crlf", [False, True], ids=["n", "r-n"])
@pytest.mark.parametrize("shape", DELIMITED, ids=list(DELIMITED))
def test_a_line_break_written_as_text_in_a_delimited_cell_is_its_line_break(
    tmp_path: Path, shape: str, crlf: bool
) -> None:
    # 《森林法》第五十六条\n《森林法》第五十七条, backslash and n, in a TSV, CSV or pipe
    # table's cell. Before: the two characters stayed in the basis, sure
    name, write = DELIMITED[shape]
    broken = BROKEN.replace("\\n", "\\r\\n") if crlf else BROKEN
    rows = [HEADER, ("1", ITEMS[0][1], ITEMS[0][2], broken), *ITEMS[1:]]
    first = ("1", ITEMS[0][1], ITEMS[0][2], f"{FOREST}第五十六条\n{FOREST}第五十七条")
    _sure(tmp_path, "\n".join(write(rows)) + "\n", _expected((first, *ITEMS[1:])), name)


# ---- 5. section headings in traditional script ------------------------------------------------

TRADITIONAL = (
    ("1", "林木採伐許可證核發", "《中華人民共和國森林法》第五十六條"),
    ("2", "對盜伐林木的行政處罰", "《中華人民共和國森林法》第七十六條"),
)
TRADITIONAL_HEADER = ("序號", "事項名稱", "設定依據")


@pytest.mark.parametrize("count", ["", "（1項）"], ids=["bare", "counted"])
def test_a_section_heading_in_traditional_script_over_a_header_types_its_items(
    tmp_path: Path, count: str
) -> None:
    # 一、行政許可 over one list's header, 二、行政處罰 over the next's. Before: no item had a
    # type, sure (as group rows under one header they had theirs)
    header, rows = "  ".join(TRADITIONAL_HEADER), ["  ".join(r) for r in TRADITIONAL]
    lines = ["某縣權責清單", f"一、行政許可{count}", header, rows[0]]
    lines += [f"二、行政處罰{count}", header, rows[1]]
    plist = read_written(tmp_path, "page.txt", "\n".join(lines) + "\n")
    assert [(i.row, i.name, i.type) for i in plist.items] == [
        ("1", TRADITIONAL[0][1], "行政许可"),
        ("2", TRADITIONAL[1][1], "行政处罚"),
    ]
    assert [s.type for s in plist.sections] == ["行政许可", "行政处罚"]
    assert plist.plausibility is not None and not plist.plausibility.doubtful
    _same(tmp_path / "page.txt", 1)


# ---- 6. annexes holding two departments' lists ------------------------------------------------

FORESTRY = ITEMS[:2]
MARKET = (
    ("1", "食品生产经营日常监督检查", "行政检查", f"{FOOD}第一百一十条"),
    ("2", "食品经营许可", "行政许可", f"{FOOD}第三十五条"),
)


@pytest.mark.parametrize("label", ["附件1：", "附件1 "], ids=["colon", "space"])
def test_annexes_titled_on_their_labels_line_give_each_its_department(
    tmp_path: Path, label: str
) -> None:
    # 附件1：县林业局权责清单 over one list, 附件2：县市场监督管理局权责清单 over the other.
    # Before: one list, no section_department, the second annex's serials said duplicate-row
    second = label.replace("1", "2")
    lines = ["关于公布权责清单的通知", f"{label}县林业局权责清单", *_rows(HEADER, FORESTRY)]
    lines += [f"{second}县市场监督管理局权责清单", *_rows(HEADER, MARKET)]
    expected = _expected(FORESTRY, section_department="县林业局")
    expected += _expected(MARKET, section_department="县市场监督管理局")
    _sure(tmp_path, "\n".join(lines) + "\n", expected)


# ---- 7. a two-line header: a group word over the basis columns --------------------------------

IMPLEMENTING = "《林木采伐许可证管理办法》第三条"


@pytest.mark.parametrize("group", ["权力依据", "职权依据", "法律依据"])
@pytest.mark.parametrize("after", [(), ("备注",)], ids=["last", "before-remarks"])
def test_a_basis_group_word_over_its_columns_words_heads_them(
    tmp_path: Path, group: str, after: tuple[str, ...]
) -> None:
    # 权力依据 in the header's first line, 设定依据 / 实施依据 alone on the line under it.
    # Before: read as a third basis column, a row's cells shifted (对盗伐林木的 | 行政处罚 read
    # as the name and the basis's start), said cut-off and doubtful
    upper = ("序号", "事项名称", "事项类型", group, *after)
    rows = [(*r, IMPLEMENTING, *("无" for _ in after)) for r in ITEMS]
    lines = ["某县权责清单", "  ".join(upper), "设定依据  实施依据", *("  ".join(r) for r in rows)]
    expected = [{**e, "basis": f"{e['basis']}\n{IMPLEMENTING}"} for e in _expected()]
    _sure(tmp_path, "\n".join(lines) + "\n", expected)


# ---- 8. items numbered 1.1 / 1.2 under group rows numbered 1 / 2 ------------------------------

GROUPED = (
    ("1.1", "林木采伐许可证核发", f"{FOREST}第五十六条"),
    ("1.2", "林草种子生产经营许可", "《中华人民共和国种子法》第三十一条"),
    ("2.1", "对盗伐林木的行政处罚", f"{FOREST}第七十六条"),
)


@pytest.mark.parametrize("dot", [".", "-"], ids=["dotted", "dashed"])
def test_a_serial_and_a_type_alone_over_its_items_sub_serials_is_a_group_row(
    tmp_path: Path, dot: str
) -> None:
    # 1  行政许可 over 1.1 / 1.2, 2  行政处罚 over 2.1. Before: refused (read as items named
    # 行政许可, plausibility 0.62)
    rows = ["  ".join((r[0].replace(".", dot), *r[1:])) for r in GROUPED]
    lines = [
        "某县权责清单",
        "序号  事项名称  设定依据",
        "1  行政许可",
        *rows[:2],
        "2  行政处罚",
        rows[2],
    ]
    plist = read_written(tmp_path, "page.txt", "\n".join(lines) + "\n")
    assert [(i.row, i.name, i.type, i.basis) for i in plist.items] == [
        (r[0].replace(".", dot), r[1], t, r[2])
        for r, t in zip(GROUPED, ("行政许可", "行政许可", "行政处罚"), strict=True)
    ]
    assert [s.type for s in plist.sections] == ["行政许可", "行政处罚"]
    assert plist.plausibility is not None and not plist.plausibility.doubtful
    _same(tmp_path / "page.txt", 1)
