"""Round 10 of page text: what the round's probes (WeChat articles, pdftotext copies with and
without -layout, Word documents saved as text, item codes, numbered bases, departments under
headings, spaced and traditional header words, a 备注 most rows leave empty, lists cut off) found
read silently wrong, refused or said where structure tells. Each whole and in batches alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extractors.reading.support import filled_fields, read_written
from tests.extractors.reading.test_read_shapes import HEADER, ITEMS
from tests.extractors.reading.test_stream import _same

FIELDS = ("row", "name", "type", "department", "basis", "accountability_basis")
TITLE = "某县人力社保局权责清单"
EXPECTED = [dict(zip(FIELDS, item, strict=True)) for item in ITEMS]
ROWS = ["  ".join(i) for i in ITEMS]
FW = "\u3000"


def _sure(tmp_path: Path, lines: list[str], expected: list[dict[str, str]]) -> None:
    """The page of ``lines`` read as ``expected``, sure, whole and in batches alike."""
    plist = read_written(tmp_path, "page.txt", "\n".join(lines) + "\n")
    assert filled_fields(plist, tuple(expected[0])) == expected
    assert plist.plausibility is not None and not plist.plausibility.doubtful
    assert [a.code for i in plist.items for a in i.anomalies] == []
    _same(tmp_path / "page.txt", 1)


# ---- 1. header words spaced out with full-width spaces ------------------------------------------


@pytest.mark.parametrize("gap", [FW * 2, FW * 3], ids=["two", "three"])
def test_header_words_spaced_out_with_full_width_spaces_are_read(tmp_path: Path, gap: str) -> None:
    # 事　项　名　称 (Word spreads a short header cell so), the cells apart at full-width spaces
    # too: before, the reader failed (IndexError: no gap of ASCII spaces to take out)
    header = gap.join(FW.join(word) for word in HEADER)
    _sure(tmp_path, [TITLE, header, *(gap.join(i) for i in ITEMS)], EXPECTED)


# ---- 2. a list copied from a WeChat article ------------------------------------------------------

TOP = ["点击上方蓝字关注我们", "", "某县人社发布 2023-06-01 09:30 发表于某省", ""]
ENDS = {
    "image-and-credits": ["[图片]", "", "来源：某县人力社保局", "编辑：张三 审核：李四"],
    "bare-image": ["图片", "责任编辑：王五"],
    "emoji-and-link": ["👇👇👇", "点击“阅读原文”查看完整清单", "阅读原文"],
    "qr-code": ["长按识别二维码关注", "预览时标签不可点"],
    "end-and-more-posts": ["- END -", "", "往期推荐", "· 关于开展劳动保障监察执法检查的通知"],
}


def _paragraphs(cells: list[str]) -> list[str]:
    return [x for c in cells for x in (c, "")]


@pytest.mark.parametrize("end", ENDS)
@pytest.mark.parametrize("cells", ["paragraphs", "spaced"])
def test_a_wechat_articles_chrome_under_the_list_is_no_text_of_the_last_cell(
    tmp_path: Path, end: str, cells: str
) -> None:
    # each cell a paragraph (or the rows apart at spaces), an image, the editors' credits, a QR
    # code, emoji and links to other posts under the list. Before: run into item 3's
    # accountability basis, sure (9 of 105 round-10 probes)
    if cells == "paragraphs":
        body = _paragraphs([c for row in (HEADER, *ITEMS) for c in row])
    else:
        body = ["  ".join(HEADER), *ROWS]
    _sure(tmp_path, [*TOP, "📢" + TITLE, "", *body, "", *ENDS[end]], EXPECTED)


def test_an_image_between_two_rows_is_no_text_of_the_cell_above(tmp_path: Path) -> None:
    # before: [图片] ran into item 1's accountability basis, sure
    body = [*_paragraphs(list(HEADER)), *_paragraphs(list(ITEMS[0])), "[图片]", ""]
    body += _paragraphs([c for row in ITEMS[1:] for c in row])
    _sure(tmp_path, [TITLE, "", *body], EXPECTED)


# ---- 3. a department run into the name after it --------------------------------------------------

FOREST = "《中华人民共和国森林法》"
DEPARTMENT_FIRST = ("序号", "实施主体", "事项名称", "事项类型", "设定依据")
OFFICES = {
    "bureau": ("县林业局", "县林业局"),
    "commission": ("县发展和改革委员会", "县发展和改革委员会"),
    "two-offices": ("县林业局", "县人民政府办公室"),
}
NAMES = ("林木采伐许可证核发", "林草种子生产经营许可证核发")


@pytest.mark.parametrize("offices", OFFICES)
@pytest.mark.parametrize("rows", ["glued", "spaced"])
def test_a_department_run_into_the_name_after_it_is_parted_at_a_guess_and_said(
    tmp_path: Path, offices: str, rows: str
) -> None:
    # the department column before the name, the two cells run together (1县林业局林木采伐
    # 许可证核发行政许可《森林法》…): before, the name held the department, no department,
    # sure (round 9 left it). Where an office's name ends is not written: said
    records = [
        ("1", OFFICES[offices][0], NAMES[0], "行政许可", f"{FOREST}第五十六条"),
        ("2", OFFICES[offices][1], NAMES[1], "行政许可", f"{FOREST}第五十七条"),
    ]
    if rows == "glued":
        lines = ["".join(r) for r in records]
    else:
        lines = ["  ".join((r[0], r[1] + r[2], *r[3:])) for r in records]
    plist = read_written(
        tmp_path, "page.txt", "\n".join([TITLE, "  ".join(DEPARTMENT_FIRST), *lines])
    )
    assert [(i.row, i.department, i.name, i.type) for i in plist.items] == [r[:4] for r in records]
    assert [[a.code for a in i.anomalies] for i in plist.items] == [["guessed-split"]] * 2
    _same(tmp_path / "page.txt", 1)


def test_a_department_run_into_a_name_opening_with_dui_is_parted_sure(tmp_path: Path) -> None:
    # a guard: 县林业局对擅自改变林地用途的处罚, the name's 对 shows where the office ends
    records = [("1", "县林业局", "对擅自改变林地用途的处罚", "行政处罚", f"{FOREST}第七十三条")]
    lines = ["  ".join((r[0], r[1] + r[2], *r[3:])) for r in records]
    expected = [
        dict(zip(("row", "department", "name", "type", "basis"), r, strict=True)) for r in records
    ]
    _sure(tmp_path, [TITLE, "  ".join(DEPARTMENT_FIRST), *lines], expected)


# ---- 4. an item code run into the name ----------------------------------------------------------

CODED = ("序号", "行政职权编码", *HEADER[1:])
CODE_FIELDS = ("row", "code", *FIELDS[1:])
CODES = {
    "digits": ("330217001000", "330217002000", "330217003000"),
    "lettered": ("XK-330217-001", "CF-330217-002", "JC-330217-003"),
}


@pytest.mark.parametrize(
    ("cells", "codes"),
    [("paragraphs", "digits"), ("paragraphs", "lettered"), ("spaced", "lettered")],
)
def test_an_item_code_run_into_the_name_is_its_cell(tmp_path: Path, codes: str, cells: str) -> None:
    # 330217001000职业技能鉴定… one cell per paragraph, or XK-330217-001职业技能鉴定…: before,
    # the name held the code, no code, sure (3 of 105 round-10 probes)
    records = [(i[0], c, *i[1:]) for i, c in zip(ITEMS, CODES[codes], strict=True)]
    glued = [(r[0], r[1] + r[2], *r[3:]) for r in records]
    if cells == "paragraphs":
        body = ["", *_paragraphs([c for row in (CODED, *glued) for c in row])]
    else:
        body = ["  ".join(CODED), *("  ".join(r) for r in glued)]
    expected = [dict(zip(CODE_FIELDS, r, strict=True)) for r in records]
    _sure(tmp_path, [TITLE, *body], expected)


# ---- 5. a Word table saved as text: a line per cell, the rows apart at blank lines ---------------

REMARKED = (*HEADER, "备注")


@pytest.mark.parametrize("empty", ["gone", "blank"])
def test_a_remark_in_one_row_of_a_table_saved_a_line_per_cell_is_its_cell(
    tmp_path: Path, empty: str
) -> None:
    # 备注 last, filled in item 2 only, the others' empty cells gone or a blank line of their
    # own. Before: the remark ran into item 2's accountability basis, sure (2 of 105 probes)
    records = [(*i, "委托乡镇人民政府实施" if n == 1 else "") for n, i in enumerate(ITEMS)]
    body = [x for r in records for x in (*(c for c in r if c or empty == "blank"), "")]
    lines = [TITLE, "", *REMARKED, "", *body]
    expected = [
        {**e, "remarks": "委托乡镇人民政府实施"} if n == 1 else e for n, e in enumerate(EXPECTED)
    ]
    plist = read_written(tmp_path, "page.txt", "\n".join(lines))
    assert filled_fields(plist, (*FIELDS, "remarks")) == expected
    assert plist.plausibility is not None and not plist.plausibility.doubtful
    _same(tmp_path / "page.txt", 1)


def test_a_basis_of_two_lines_over_an_empty_remark_is_not_parted_at_them(tmp_path: Path) -> None:
    # a guard: as many lines as columns, but a basis of two lines and no remark: the second
    # line of the basis is no accountability basis
    records = [(*i[:4], f"{i[4]}\n由劳动行政部门责令改正。", i[5]) for i in ITEMS]
    body = [x for r in records for x in (*r, "")]
    plist = read_written(tmp_path, "page.txt", "\n".join([TITLE, "", *REMARKED, "", *body]))
    assert [i.accountability_basis for i in plist.items] == [i[5] for i in ITEMS]
    assert [i.remarks for i in plist.items] == [None] * 3


# ---- 6. several departments' items under one header, each under its heading -------------------

SECTIONS = (
    ("县人力社保局", ITEMS[0], ITEMS[2]),
    ("县医疗保障局", ITEMS[1]),
)
FOUR = ("序号", "事项名称", "事项类型", "设定依据")
#: a heading's department is the items' section_department: department is a column's only
SECTION_FIELDS = ("row", "name", "type", "department", "section_department")


def _sections(heading: str, gap: str, every: bool) -> tuple[list[str], list[dict[str, str]]]:
    lines, expected = [], []
    for k, (department, *items) in enumerate(SECTIONS):
        lines.append(heading.format(n="一二"[k], d=department))
        if every or not k:
            lines.append(gap.join(FOUR))
        for n, item in enumerate(items, start=1):
            lines.append(gap.join((str(n), *item[1:3], item[4])))
            expected.append(
                {"row": str(n), "name": item[1], "type": item[2], "section_department": department}
            )
    return lines, expected


@pytest.mark.parametrize("heading", ["{n}、{d}", "（{n}）{d}"], ids=["dunhao", "brackets"])
def test_a_departments_heading_between_records_under_one_header_heads_its_items(
    tmp_path: Path, heading: str
) -> None:
    # 二、县医疗保障局 between item 2 of the first department and item 1 of the second, the header
    # printed once: before, the heading ran into the basis above it and the second department's
    # items took the first's, said only by their serials used twice
    lines, expected = _sections(heading, "  ", every=False)
    plist = read_written(tmp_path, "page.txt", "\n".join(["某县权责清单", *lines]))
    assert filled_fields(plist, SECTION_FIELDS) == expected
    assert [i.basis for i in plist.items] == [ITEMS[0][4], ITEMS[2][4], ITEMS[1][4]]
    assert [a.code for i in plist.items for a in i.anomalies] == []
    _same(tmp_path / "page.txt", 1)


def test_serials_starting_again_under_each_departments_heading_are_no_duplicates(
    tmp_path: Path,
) -> None:
    # the header under each heading, apart at tabs (read as TSV): before, item 1 of the second
    # department was said to use serial 1 twice (duplicate-row)
    lines, expected = _sections("{n}、{d}", "\t", every=True)
    plist = read_written(tmp_path, "page.txt", "\n".join(["某县权责清单", *lines]))
    assert filled_fields(plist, SECTION_FIELDS) == expected
    assert [a.code for i in plist.items for a in i.anomalies] == []
    _same(tmp_path / "page.txt", 1)


# ---- 7. a basis of numbered citations, a line each ---------------------------------------------


@pytest.mark.parametrize("dot", ["", "."], ids=["serials", "dotted-serials"])
def test_a_numbered_citation_after_the_first_goes_on_with_its_basis(
    tmp_path: Path, dot: str
) -> None:
    # a table flattened one cell per line, the basis 1.《…》 / 2.《…》 over two lines: before,
    # where the basis ends was said to be a guess (guessed-split) though no cell opens with 2.
    bases = [f"1.{i[4]}\n2.《中华人民共和国劳动法》第七十条" for i in ITEMS]
    cells = [c for i, b in zip(ITEMS, bases, strict=True) for c in (i[0] + dot, *i[1:4], b, i[5])]
    expected = [{**e, "basis": b} for e, b in zip(EXPECTED, bases, strict=True)]
    _sure(tmp_path, [TITLE, *HEADER, *cells], expected)


# ---- 8. pdftotext -layout: a print's footer in pieces at its place on the line -----------------

WIDTHS = (6, 24, 12, 16, 28, 28)
WRAP = (3, 10, 5, 7, 12, 12)


def _wide(text: str) -> int:
    return sum(2 if ord(c) > 0x2E80 else 1 for c in text)


def _laid_out(rows: tuple[tuple[str, ...], ...]) -> list[str]:
    """``rows`` in fixed-width columns, each cell wrapped within its column over lines."""
    lines = []
    for row in rows:
        parts = [
            [c[i : i + w] for i in range(0, len(c), w)] for c, w in zip(row, WRAP, strict=True)
        ]
        for k in range(max(map(len, parts))):
            cells = [p[k] if k < len(p) else "" for p in parts]
            line = "".join(
                c + " " * max(1, w - _wide(c)) for c, w in zip(cells, WIDTHS, strict=True)
            )
            lines.append(line.rstrip())
        lines.append("")
    return lines


@pytest.mark.parametrize(
    "footer",
    ["2023年6月1日{gap}第{n}页", "某县人民政府{gap}第 {n} 页 共 2 页"],
    ids=["date", "office"],
)
def test_a_prints_footer_in_pieces_is_no_text_of_the_cells_above_it(
    tmp_path: Path, footer: str
) -> None:
    # pdftotext -layout: each page's footer (a date or the issuer left, the page number right)
    # and a form feed before the header repeated. Before: the footer broke the columns, which
    # were read as words: the wrapped lines ran into the last cell, sure
    gap = " " * 40
    header = "".join(h + " " * max(1, w - _wide(h)) for h, w in zip(HEADER, WIDTHS, strict=True))
    pages = [
        [header.rstrip(), "", *_laid_out(ITEMS[:2]), footer.format(gap=gap, n=1)],
        [header.rstrip(), "", *_laid_out(ITEMS[2:]), footer.format(gap=gap, n=2)],
    ]
    text = "\f".join("\n".join(p) + "\n" for p in pages)
    expected = [{k: "".join(v.split()) for k, v in e.items()} for e in EXPECTED]
    plist = read_written(tmp_path, "page.txt", f"{TITLE}\n\n{text}")
    got = [{k: "".join(v.split()) for k, v in e.items()} for e in filled_fields(plist, FIELDS)]
    assert got == expected
    assert plist.plausibility is not None and not plist.plausibility.doubtful
    _same(tmp_path / "page.txt", 1)


def test_a_departments_numbered_title_over_its_header_names_its_items_department(
    tmp_path: Path,
) -> None:
    # 一、县人力社保局权责清单 over each department's header: before, the ordinal hid the
    # department the title names, no department, said only by serials used twice
    lines, expected = _sections("{n}、{d}权责清单", "  ", every=True)
    plist = read_written(tmp_path, "page.txt", "\n".join(["某县权责清单", *lines]))
    assert filled_fields(plist, SECTION_FIELDS) == expected
    assert [a.code for i in plist.items for a in i.anomalies] == []
    _same(tmp_path / "page.txt", 1)


def test_a_departments_heading_of_an_arabic_ordinal_over_its_header_names_its_items(
    tmp_path: Path,
) -> None:
    # 1.县人力社保局 over its header, 2.县医疗保障局 over the next: before, the second heading ran
    # into the basis above it (read as the last record's), no department, said only by serials
    # used twice
    lines, expected = _sections("{n}.{d}", "  ", every=True)
    lines = [line.replace("一.", "1.").replace("二.", "2.") for line in lines]
    plist = read_written(tmp_path, "page.txt", "\n".join(["某县权责清单", *lines]))
    assert filled_fields(plist, SECTION_FIELDS) == expected
    assert [i.basis for i in plist.items] == [ITEMS[0][4], ITEMS[2][4], ITEMS[1][4]]
    assert [a.code for i in plist.items for a in i.anomalies] == []
    _same(tmp_path / "page.txt", 1)


# ---- 9. pdftotext without -layout: a page number alone before each form feed -------------------


@pytest.mark.parametrize("end", ["\f", ""], ids=["form-feed-last", "no-form-feed-last"])
def test_a_page_number_before_a_form_feed_is_no_text_of_the_cell_above(
    tmp_path: Path, end: str
) -> None:
    # a cell a line, each page's number alone on its last line, the header printed again on
    # page 2. Before: 1 and 2 ran into items 1's and 3's accountability bases, sure
    first = [c for i in ITEMS[:1] for c in i]
    rest = [c for i in ITEMS[1:] for c in i]
    text = "\n".join([TITLE, *HEADER, *first, "1"]) + "\n\f" + "\n".join([*HEADER, *rest, "2"])
    plist = read_written(tmp_path, "page.txt", text + "\n" + end)
    assert filled_fields(plist, FIELDS) == EXPECTED
    assert plist.plausibility is not None and not plist.plausibility.doubtful
    _same(tmp_path / "page.txt", 1)


def test_numbers_closing_pages_that_do_not_go_up_one_a_page_are_cells(tmp_path: Path) -> None:
    # a guard: 承诺时限 last, 20 and 15 days the last lines before the form feed and the end
    records = [(*i[:5], d) for i, d in zip(ITEMS, ("20", "30", "15"), strict=True)]
    header = (*HEADER[:5], "承诺时限")
    text = "\n".join([TITLE, *header, *records[0], *records[1]]) + "\n\f"
    text += "\n".join(records[2]) + "\n"
    plist = read_written(tmp_path, "page.txt", text)
    assert [i.time_limit for i in plist.items] == ["20", "30", "15"]


def test_a_spaced_record_over_as_many_lines_as_columns_keeps_the_vocabularys_cells(
    tmp_path: Path,
) -> None:
    """A row apart at single spaces whose last cells go on over lines, four lines under four
    columns: the vocabulary read every column, so the lines are no cells (a case the property
    test found: the name took the whole first line, the basis a step of the responsibility)."""
    page = (
        "附件1\n某县行政许可事项清单\n事项名称设定依据责任事项追责情形\n\n"
        "林木采伐审批 《中华人民共和国森林法》第三条违反本法规定的，由主管部门责令改正。"
        " 1.受理阶段责任：公示依法应当提交的材料。\n"
        "2.审查阶段责任：审查申请材料。 因不履行或不正确履行行政职责，有下列情形之一的，"
        "应承担相应责任：\n1.对符合法定条件的申请不予受理的；\n2.未依法说明理由的。\n"
    )
    plist = read_written(tmp_path, "page.txt", page, expect="text")
    assert [(i.name, i.basis) for i in plist.items] == [
        ("林木采伐审批", "《中华人民共和国森林法》第三条违反本法规定的，由主管部门责令改正。")
    ]
