"""Round 8 of page text: a browser print's date line between a cell's halves, look-alikes of
ideographs (Kangxi radicals) copied out of a PDF into page text and into other formats, and the
shapes the round's probes found said or refused. Each whole and in batches alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extractors.reading.support import filled_fields, read_written
from tests.extractors.reading.tables import Table, write
from tests.extractors.reading.test_read_shapes import HEADER, ITEMS
from tests.extractors.reading.test_stream import _same

FIELDS = ("row", "name", "type", "department", "basis", "accountability_basis")
TITLE = "某县人力社保局权责清单"
LABELS = HEADER[1:]
EXPECTED = [dict(zip(FIELDS, item, strict=True)) for item in ITEMS]
UNNUMBERED = [{k: v for k, v in e.items() if k != "row"} for e in EXPECTED]


def _columns(expected: dict[str, str]) -> dict[str, str]:
    """``expected`` without its department: a heading's department is the items'
    ``section_department``, their ``department`` a column's only."""
    return {k: v for k, v in expected.items() if k != "department"}


def _sure(tmp_path: Path, lines: list[str], expected: list[dict[str, str]]) -> None:
    """The page of ``lines`` read as ``expected``, sure, whole and in batches alike."""
    plist = read_written(tmp_path, "page.txt", "\n".join(lines) + "\n")
    assert filled_fields(plist, (*FIELDS, "section_department")) == expected
    assert plist.plausibility is not None and not plist.plausibility.doubtful
    _same(tmp_path / "page.txt", 1)


def _records(items: tuple[tuple[str, ...], ...] = ITEMS) -> list[str]:
    """``items`` as label：value records, a blank line after each."""
    return [
        line
        for i in items
        for line in (*(f"{k}：{v}" for k, v in zip(LABELS, i[1:], strict=True)), "")
    ]


# ---- 1. a browser print's date line between a cell's halves ----------------------------------

# A browser prints the date and time atop each page (Chrome: 2024/5/6 10:31; in English
# 5/6/24, 10:31 AM); a copy of the print keeps it, between the halves of the cell the page
# break cut.
PRINTED = ["2024/5/6 10:31", "2024-05-06 10:31:12", "2024/5/6 下午2:31", "5/6/24, 10:31 AM"]


@pytest.mark.parametrize("when", PRINTED)
def test_a_print_date_line_between_a_cells_halves_is_no_text_of_it(
    tmp_path: Path, when: str
) -> None:
    # before: 《中华人民共和国社会保险法》2024/5/6 10:31 第八十四条, doubtful
    rows = ["  ".join(i) for i in ITEMS]
    at = rows[1].index("第八十四条")
    lines = [TITLE, "  ".join(HEADER), rows[0], rows[1][:at], when, rows[1][at:], rows[2]]
    _sure(tmp_path, lines, _cut_basis(EXPECTED))


def test_a_print_header_of_time_and_title_between_a_cells_halves_is_no_text_of_it(
    tmp_path: Path,
) -> None:
    # the time and the page's title (with the site's name) on one line, as a browser prints
    # them atop a page. Before: run into the basis, sure
    rows = ["  ".join(i) for i in ITEMS]
    at = rows[1].index("第八十四条")
    printed = f"2024/5/6 10:31  {TITLE} - 某县人民政府门户网站"
    lines = [TITLE, "  ".join(HEADER), rows[0], rows[1][:at], printed, rows[1][at:], rows[2]]
    _sure(tmp_path, lines, _cut_basis(EXPECTED))


def test_a_print_date_line_inside_a_records_value_is_no_text_of_it(tmp_path: Path) -> None:
    # before: the basis 《…社会保险法》2024/5/6 10:31 第八十四条, doubtful
    lines = _records()
    at = lines.index(f"设定依据：{ITEMS[1][4]}")
    lines[at : at + 1] = ["设定依据：《中华人民共和国社会保险法》", "2024/5/6 10:31", "第八十四条"]
    _sure(tmp_path, [TITLE, "", *lines], _cut_basis(UNNUMBERED))


def _cut_basis(expected: list[dict[str, str]]) -> list[dict[str, str]]:
    """``expected`` with item 2's basis on two lines, as the print's page break left it."""
    basis = "《中华人民共和国社会保险法》\n第八十四条"
    return [{**e, "basis": basis} if n == 1 else e for n, e in enumerate(expected)]


# ---- 2. look-alikes of ideographs in every format ----------------------------------------------

# A PDF whose font maps glyphs to Kangxi radicals (⼈ U+2F08 for 人, ⾏ U+2F8F for 行) or to
# CJK compatibility ideographs (金 U+F90A): its text copied into a page or a sheet keeps them.
LOOK_ALIKES = str.maketrans({"人": "\u2f08", "力": "\u2f12", "行": "\u2f8f", "金": "\uf90a"})
KANGXI_ITEMS = (
    ("1", "对人力资源市场活动的检查", "行政检查", "县人力社保局",
     "《人力资源市场暂行条例》第三十三条", "《行政机关公务员处分条例》第二十条"),
    ("2", "对骗取社会保险基金的处罚", "行政处罚", "县医疗保障局",
     "《中华人民共和国社会保险法》第八十八条", "《中华人民共和国公务员法》第六十二条"),
)  # fmt: skip
KANGXI = [dict(zip(FIELDS, item, strict=True)) for item in KANGXI_ITEMS]


@pytest.mark.parametrize("shape", ["spaced", "records", "one-cell-per-line"])
def test_kangxi_radicals_in_page_text_read_as_the_ideographs(tmp_path: Path, shape: str) -> None:
    # before: types ⾏政检查 outside the vocabulary, names and titles with ⼈⼒, doubtful
    if shape == "spaced":
        lines = ["  ".join(HEADER), *("  ".join(i) for i in KANGXI_ITEMS)]
        expected = KANGXI
    elif shape == "records":
        lines = ["", *_records(KANGXI_ITEMS)]
        expected = [{k: v for k, v in e.items() if k != "row"} for e in KANGXI]
    else:
        lines = [*HEADER, *(c for i in KANGXI_ITEMS for c in i)]
        expected = KANGXI
    _sure(tmp_path, [line.translate(LOOK_ALIKES) for line in [TITLE, *lines]], expected)


@pytest.mark.parametrize("suffix", ["md", "csv", "html"])
def test_kangxi_radicals_in_a_tables_cells_read_as_the_ideographs(
    tmp_path: Path, suffix: str
) -> None:
    # before: the cells as written (⾏政检查 no type, ⼈⼒ in names and titles)
    rows = tuple(tuple(c.translate(LOOK_ALIKES) for c in row) for row in (HEADER, *KANGXI_ITEMS))
    path = write(tmp_path, [Table(rows)], suffix)
    plist = read_written(tmp_path, path.name, path.read_bytes())
    assert filled_fields(plist, FIELDS) == KANGXI
    _same(path, 1)


def test_a_compatibility_ideograph_in_a_cell_reads_as_the_unified_one(tmp_path: Path) -> None:
    # 金 U+F90A in a department's name, as a font's map gives it
    rows = (HEADER, (*ITEMS[0][:3], "县\uf90a融办", *ITEMS[0][4:]))
    plist = read_written(tmp_path, "list.md", "\n".join("| " + " | ".join(r) + " |" for r in rows))
    assert plist.items[0].department == "县金融办"


# ---- 3. a list printed on over a page break, marked so ----------------------------------------

ROWS = ["  ".join(i) for i in ITEMS]
CONTINUED = {
    # before (each but the one read so before too, the title with its header again under it,
    # a guard): the mark read into item 1's accountability basis, doubtful
    "title-continued": [TITLE, "  ".join(HEADER), ROWS[0], f"{TITLE}（续）", *ROWS[1:]],
    "title-continued-header-again": [
        TITLE, "  ".join(HEADER), ROWS[0], f"{TITLE}(续表)", "  ".join(HEADER), *ROWS[1:]
    ],
    "continued-table": [TITLE, "  ".join(HEADER), ROWS[0], "续表", *ROWS[1:]],
    "continued-from-the-page-above": [TITLE, "  ".join(HEADER), ROWS[0], "（接上页）", *ROWS[1:]],
    "continued-page": [TITLE, "  ".join(HEADER), ROWS[0], "（续上页）", *ROWS[1:]],
}  # fmt: skip


@pytest.mark.parametrize("shape", CONTINUED)
def test_a_continuation_mark_between_rows_is_no_text_of_a_cell(tmp_path: Path, shape: str) -> None:
    _sure(tmp_path, CONTINUED[shape], EXPECTED)


def test_a_continuation_mark_between_records_is_no_text_of_a_value(tmp_path: Path) -> None:
    records = _records()
    lines = [TITLE, "", *records[:6], f"{TITLE}（续）", "", *records[6:]]
    _sure(tmp_path, lines, UNNUMBERED)


@pytest.mark.parametrize("mark", ["（续）", "(续)"])
def test_a_departments_heading_printed_again_continued_goes_on_with_its_section(
    tmp_path: Path, mark: str
) -> None:
    # 一、县人力社保局 over its list, then 一、县人力社保局（续） atop the next page, no header
    # under it. Before: the heading read into item 1's accountability basis, doubtful
    header = [h for h in HEADER if h != "实施主体"]
    rows = ["  ".join(c for k, c in enumerate(i) if k != 3) for i in ITEMS]
    heading = "一、县人力社保局"
    lines = [TITLE, heading, "  ".join(header), rows[0], heading + mark, *rows[1:]]
    expected = [{**_columns(e), "section_department": "县人力社保局"} for e in EXPECTED]
    _sure(tmp_path, lines, expected)


# ---- 4. items numbered 1) / 1） / ① / （一） / 第一项 in a spaced table --------------------------

NUMBERED = {
    # before (each): the mark read into the name, no serial (missing-cell), or refused
    # (names read like names in 0% of items)
    "closing-bracket": (lambda n: f"{n})", "123"),
    "full-width-closing-bracket": (lambda n: f"{n}）", "123"),
    "circled": (lambda n: "①②③"[n - 1], "①②③"),
    "parenthesized": (lambda n: "⑴⑵⑶"[n - 1], "⑴⑵⑶"),
    "bracketed-chinese": (lambda n: f"（{'一二三'[n - 1]}）", "一二三"),
    "di-xiang": (lambda n: f"第{'一二三'[n - 1]}项", "一二三"),
    "di-xiang-arabic": (lambda n: f"第{n}项", "123"),
}


@pytest.mark.parametrize("gap", ["  ", ""], ids=["apart", "run-into-the-name"])
@pytest.mark.parametrize("shape", NUMBERED)
def test_items_numbered_with_a_mark_open_their_records(
    tmp_path: Path, shape: str, gap: str
) -> None:
    mark, rows = NUMBERED[shape]
    lines = [TITLE, "  ".join(HEADER)]
    lines += [f"{mark(n)}{gap}" + "  ".join(i[1:]) for n, i in enumerate(ITEMS, start=1)]
    _sure(tmp_path, lines, [{**e, "row": r} for e, r in zip(EXPECTED, rows, strict=True)])


def test_rows_numbered_with_a_closing_bracket_apart_at_tabs_are_sure(tmp_path: Path) -> None:
    # 1)\t职业技能…\t行政许可…: read as tab-separated rows, the 序号 cells 1) 2) 3) are serials.
    # Before: read right but doubtful (serials 0%)
    lines = [TITLE, "\t".join(HEADER), *("\t".join((f"{i[0]})", *i[1:])) for i in ITEMS)]
    _sure(tmp_path, lines, [{**e, "row": f"{e['row']})"} for e in EXPECTED])


def test_a_cells_lines_numbered_with_a_mark_open_no_record(tmp_path: Path) -> None:
    # (read so before too) bare serials open the items; a basis whose lines are numbered 1) 2)
    # or ① ② stays one cell
    first = "  ".join((*ITEMS[0][:4], "1）" + ITEMS[0][4], ITEMS[0][5]))
    rows = [first, "2）" + ITEMS[1][4], "②" + ITEMS[2][4], *("  ".join(i) for i in ITEMS[1:])]
    plist = read_written(tmp_path, "page.txt", "\n".join([TITLE, "  ".join(HEADER), *rows]))
    assert [i.row for i in plist.items] == ["1", "2", "3"]
    assert "2）" in (plist.items[0].accountability_basis or "")


# ---- 5. a directory of departments' lists, each under its heading -----------------------------

DEPARTMENTS = ("县人力社保局", "县医疗保障局", "县林业局")
HEADINGS = {
    # before: the heading read into the accountability basis above it, the items without a
    # department, sure (a serial used twice said, duplicate-row)
    "bracketed": lambda n, d: f"【{d}】",
    "with-a-labelled-note": lambda n, d: f"{'一二三'[n]}、{d}（单位编码：1150{n}）",
    # before: one list, the items without a department, sure (duplicate-row said)
    "list-titles": lambda n, d: f"{d}权责清单",
}


@pytest.mark.parametrize("shape", HEADINGS)
def test_each_departments_list_under_its_heading_takes_its_department(
    tmp_path: Path, shape: str
) -> None:
    header = [h for h in HEADER if h != "实施主体"]
    lines = ["某县部门权责清单", ""]
    for n, item in enumerate(ITEMS):
        cells = ("1", *(c for k, c in enumerate(item) if k not in (0, 3)))
        lines += [HEADINGS[shape](n, DEPARTMENTS[n]), "  ".join(header), "  ".join(cells), ""]
    pairs = zip(EXPECTED, DEPARTMENTS, strict=True)
    expected = [{**_columns(e), "row": "1", "section_department": d} for e, d in pairs]
    _sure(tmp_path, lines, expected)


@pytest.mark.parametrize(
    "heading", ["{n}、{d}", "【{d}】", "{d}权责清单"], ids=["numbered", "bracketed", "list-titles"]
)
def test_records_under_a_departments_heading_take_its_department(
    tmp_path: Path, heading: str
) -> None:
    # 一、县人力社保局 over its records (事项名称：… with no 实施主体 label). Before: the records
    # without a department, sure
    lines = [TITLE, ""]
    for n, item in enumerate(ITEMS):
        lines.append(heading.format(n="一二三"[n], d=DEPARTMENTS[n]))
        lines += [f"{k}：{v}" for k, v in zip(LABELS, item[1:], strict=True) if k != "实施主体"]
        lines.append("")
    expected = [
        {**_columns(e), "section_department": d}
        for e, d in zip(UNNUMBERED, DEPARTMENTS, strict=True)
    ]
    _sure(tmp_path, lines, expected)


def test_a_department_named_alone_under_its_label_stays_the_value(tmp_path: Path) -> None:
    # (read so before too) labels alone on their lines, values under them: 实施主体 / 县人力社保局
    # is the department's value, no heading
    lines = [TITLE, ""]
    for item in ITEMS:
        lines += [x for k, v in zip(LABELS, item[1:], strict=True) for x in (k, v)]
        lines.append("")
    _sure(tmp_path, lines, UNNUMBERED)


# ---- 6. a word broken over two lines with a hyphen --------------------------------------------


def test_a_title_broken_with_a_hyphen_in_a_spaced_row_is_one_word(tmp_path: Path) -> None:
    # 《中华人民共和国社会保险-  /  法》第八十四条  …: before, the basis 《…社会保险-\n法》, sure
    basis = ITEMS[1][4]
    at = basis.index("法》")
    rows = ["  ".join(ITEMS[0]), "  ".join((*ITEMS[1][:4], basis[:at] + "-"))]
    rows += ["  ".join((basis[at:], ITEMS[1][5])), "  ".join(ITEMS[2])]
    _sure(tmp_path, [TITLE, "  ".join(HEADER), *rows], EXPECTED)


@pytest.mark.parametrize("hyphen", ["-", "－", "\u00ad"], ids=["ascii", "full-width", "soft"])
def test_a_value_broken_with_a_hyphen_in_a_record_is_one_word(tmp_path: Path, hyphen: str) -> None:
    # 事项名称：职业技能鉴定机构- / 设立审批: before, the name 职业技能鉴定机构-\n设立审批, sure
    lines = _records()
    name = ITEMS[0][1]
    lines[0:1] = [f"事项名称：{name[:8]}{hyphen}", name[8:]]
    _sure(tmp_path, [TITLE, "", *lines], UNNUMBERED)


def test_a_hyphen_between_numbers_at_a_lines_end_stays(tmp_path: Path) -> None:
    # (read so before too) 第1- / 3项: no word of Chinese characters broken; kept as written
    lines = _records()
    lines[3:4] = ["设定依据：《中华人民共和国劳动法》第六十九条第1-", "3项"]
    plist = read_written(tmp_path, "page.txt", "\n".join([TITLE, "", *lines]) + "\n")
    assert plist.items[0].basis == "《中华人民共和国劳动法》第六十九条第1-\n3项"


def test_a_list_title_printed_again_over_its_header_goes_on_with_the_list(tmp_path: Path) -> None:
    # (read so before too) one department's title atop each page over the header again: one
    # list, its items without a department (the header has no column for it), under the one
    # department its title names (round 12: before, under none)
    header = [h for h in HEADER if h != "实施主体"]
    rows = ["  ".join(c for k, c in enumerate(i) if k != 3) for i in ITEMS]
    lines = [TITLE, "  ".join(header), *rows[:2], TITLE, "  ".join(header), rows[2]]
    owned = {"section_department": "某县人力社保局"}
    expected = [{**{k: v for k, v in e.items() if k != "department"}, **owned} for e in EXPECTED]
    _sure(tmp_path, lines, expected)


@pytest.mark.parametrize("words", [("展开全文", "查看详情", "收起"), ("展开", "∨", "收起全文")])
def test_a_mobile_pages_buttons_are_no_text_of_a_cell(
    tmp_path: Path, words: tuple[str, str, str]
) -> None:
    # one cell per line, a button under each item (查看详情) and around the list. Before: the
    # button read into each item's accountability basis, sure
    opened, each, closed = words
    lines = [TITLE, opened, *HEADER, *(c for i in ITEMS for c in (*i, each)), closed]
    _sure(tmp_path, lines, EXPECTED)


# ---- 7. a name that ends like an organisation ---------------------------------------------------


def test_a_name_opening_with_an_enforcement_act_reads_as_a_name(tmp_path: Path) -> None:
    # 查封违法生产经营场所 ends in 所 (as 派出所 does) but opens with the act: the power's name,
    # not a department. Before: read right, but doubtful (names read like names in 67%)
    item = ("4", "查封违法生产经营场所", "行政强制", "县市场监管局", *ITEMS[0][4:])
    lines = [TITLE, "  ".join(HEADER), *("  ".join(i) for i in (*ITEMS, item))]
    _sure(tmp_path, lines, [*EXPECTED, dict(zip(FIELDS, item, strict=True))])


# ---- 8. a mobile page: a serial over each record of labels alone on their lines ---------------


def test_a_serial_over_records_of_labels_alone_numbers_them(tmp_path: Path) -> None:
    # 1 / 事项名称 / 职业技能… / 事项类型 / 行政许可 …, no blank lines. Before: items without
    # serials, each serial read into the accountability basis above it, sure
    lines = [TITLE]
    for item in ITEMS:
        lines += [item[0], *(x for k, v in zip(LABELS, item[1:], strict=True) for x in (k, v))]
    _sure(tmp_path, lines, EXPECTED)


def test_a_number_under_a_label_alone_stays_its_value(tmp_path: Path) -> None:
    # (read so before too) 办理时限 / 20 closing every record, right above the next 事项名称:
    # the time limit's value, no serial
    lines = [TITLE]
    for item in ITEMS:
        lines += [x for k, v in zip(LABELS, item[1:], strict=True) for x in (k, v)]
        lines += ["办理时限", "20"]
    plist = read_written(tmp_path, "page.txt", "\n".join(lines) + "\n")
    assert [(i.row, i.time_limit) for i in plist.items] == [(None, "20")] * 3
