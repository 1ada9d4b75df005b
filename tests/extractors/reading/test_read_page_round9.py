"""Round 9 of page text: what the round's probes (web pages, notices, PDF viewer copies) found
read silently wrong or refused: a site's footer and page links after or between the list's
pages, a notice's signature under the list, a last column (备注) most rows leave empty, a basis
of two citations apart at a space narrower than the cells' gaps, a row's cells run together
(a type between a name and a department; two citation columns: said), a header apart at tabs
over rows apart at full-width spaces. Each whole and in batches alike."""

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


def _sure(tmp_path: Path, lines: list[str], expected: list[dict[str, str]]) -> None:
    """The page of ``lines`` read as ``expected``, sure, whole and in batches alike."""
    plist = read_written(tmp_path, "page.txt", "\n".join(lines) + "\n")
    assert filled_fields(plist, tuple(expected[0])) == expected
    assert plist.plausibility is not None and not plist.plausibility.doubtful
    _same(tmp_path / "page.txt", 1)


# ---- 1. a site's footer and page links -----------------------------------------------------------

# What a government site prints under an article, copied with the list: its copyright and
# registration lines (ICP 备案, 公网安备), the units that run it, the links to its pages.
FOOTERS = {
    "copyright-and-icp": ["版权所有：某县人民政府 备案号：渝ICP备05003300号"],
    "icp-and-police": ["蜀ICP备12345678号-1  川公网安备 51012302000123号"],
    "units": ["承办单位：某县大数据发展中心", "技术支持：某某信息技术有限公司"],
    "copyright-mark": ["Copyright © 2023 某县人民政府 All Rights Reserved"],
    "page-links": ["首页 上一页 1 2 3 下一页 尾页"],
    "page-links-counted": ["共3条 首页 上一页 1 下一页 尾页"],
}  # fmt: skip


@pytest.mark.parametrize("footer", FOOTERS)
def test_a_sites_footer_under_the_list_is_no_text_of_the_last_cell(
    tmp_path: Path, footer: str
) -> None:
    # before: the footer run into item 3's accountability basis, sure
    lines = [TITLE, "  ".join(HEADER), *ROWS, "", *FOOTERS[footer]]
    _sure(tmp_path, lines, EXPECTED)


@pytest.mark.parametrize("links", ["上一页 1 2 下一页", "首页 上一页 1 2 3 下一页 尾页"])
@pytest.mark.parametrize("again", [False, True], ids=["once", "header-again"])
def test_page_links_between_the_lists_pages_are_no_text_of_a_cell(
    tmp_path: Path, links: str, again: bool
) -> None:
    # a list a site pages, copied page after page: the links under each page. Before: run into
    # item 1's accountability basis, sure (with the header again below them, the links read as
    # an item of their own, said)
    lines = [
        TITLE,
        "  ".join(HEADER),
        ROWS[0],
        "",
        links,
        *(["  ".join(HEADER)] * again),
        *ROWS[1:],
    ]
    _sure(tmp_path, lines, EXPECTED)


# ---- 2. a notice's signature under the list ------------------------------------------------------

SIGNATURES = {
    "office-and-date": ["某县人力资源和社会保障局", "2023年6月1日"],
    "two-offices": ["某县人力资源和社会保障局", "某县医疗保障局", "2023年6月1日"],
    "dashed-date": ["某县人力资源和社会保障局", "2023-06-01"],
    "chinese-date": ["某县人力资源和社会保障局", "二〇二三年六月一日"],
}


@pytest.mark.parametrize("signature", SIGNATURES)
@pytest.mark.parametrize("blank", [True, False], ids=["apart", "close"])
def test_a_notices_signature_under_the_list_is_no_text_of_the_last_cell(
    tmp_path: Path, signature: str, blank: bool
) -> None:
    # a notice publishing its list in its body, signed below it. Before: the office and the
    # date run into item 3's accountability basis, sure
    notice = [
        "关于公布某县人力社保局权责清单的公告",
        "根据《中华人民共和国劳动法》第六十九条的规定，现公告如下：",
    ]
    lines = [*notice, TITLE, "  ".join(HEADER), *ROWS, *[""] * blank, *SIGNATURES[signature]]
    _sure(tmp_path, lines, EXPECTED)


def test_a_department_column_last_keeps_its_cell_without_a_date_under_it(tmp_path: Path) -> None:
    # a guard: the department alone on the last line is the last row's cell, not a signature
    order = (0, 1, 2, 4, 5, 3)
    header = "  ".join(HEADER[k] for k in order)
    rows = ["  ".join(i[k] for k in order[:-1]) + "\n" + i[3] for i in ITEMS]
    _sure(tmp_path, [TITLE, header, *rows], EXPECTED)


# ---- 3. a last column most rows leave empty -----------------------------------------------------

REMARKED = ("序号", "事项名称", "事项类型", "实施主体", "设定依据", "追责依据", "备注")


@pytest.mark.parametrize("gap", ["  ", "    ", "\t"])
def test_a_remark_in_one_row_of_a_column_the_others_leave_empty_is_its_cell(
    tmp_path: Path, gap: str
) -> None:
    # 备注 last, filled in item 2 only (the others' empty cells leave no trace). Before: the
    # remark run into item 2's accountability basis, sure
    rows = [gap.join(i) for i in ITEMS]
    rows[1] += f"{gap}委托乡镇人民政府实施"
    lines = [TITLE, gap.join(REMARKED), *rows]
    expected = [
        {**e, "remarks": "委托乡镇人民政府实施"} if n == 1 else e for n, e in enumerate(EXPECTED)
    ]
    plist = read_written(tmp_path, "page.txt", "\n".join(lines) + "\n")
    assert filled_fields(plist, (*FIELDS, "remarks")) == expected
    assert plist.plausibility is not None and not plist.plausibility.doubtful
    _same(tmp_path / "page.txt", 1)


def test_a_basis_with_a_gap_inside_is_not_parted_at_it(tmp_path: Path) -> None:
    # a guard: a basis written with a gap between its citation and the article's words has
    # more pieces than the columns: read by the vocabularies, as before
    rows = [f"{r}  责令改正" if n == 1 else r for n, r in enumerate(ROWS)]
    rows[1] = "  ".join((*ITEMS[1][:4], ITEMS[1][4] + "  责令改正", ITEMS[1][5]))
    plist = read_written(tmp_path, "page.txt", "\n".join([TITLE, "  ".join(REMARKED), *rows]))
    assert plist.items[1].basis == ITEMS[1][4] + "  责令改正"
    assert plist.items[1].remarks is None


# ---- 4. a row's cells run together ---------------------------------------------------------------

FIVE = ("row", "name", "type", "department", "basis")


@pytest.mark.parametrize("header", ["glued", "spaced"])
def test_a_type_run_in_between_a_name_and_a_department_parts_the_three(
    tmp_path: Path, header: str
) -> None:
    # 职业技能鉴定机构设立审批行政许可县人力社保局《…》: before, the name read as 职业技能鉴定…
    # 审批行政许可县人力社保局, no type or department, said (names read like names in 0%)
    words = HEADER[:5]
    rows = ["".join(i[:5]) for i in ITEMS]
    lines = [TITLE, ("" if header == "glued" else "  ").join(words), *rows]
    _sure(tmp_path, lines, [{k: e[k] for k in FIVE} for e in EXPECTED])


def test_a_type_run_in_between_a_name_and_a_department_after_a_code_parts_the_three(
    tmp_path: Path,
) -> None:
    # 职权编码 first, the code run into the name: the department's end is found from the type
    # before it (before: read into the basis, 县医疗保障局《…》第八十四条, said)
    codes = ("000112001000", "000212002000", "000612003000")
    rows = ["".join((c, *i[1:5])) for c, i in zip(codes, ITEMS, strict=True)]
    lines = [TITLE, "".join(("职权编码", *HEADER[1:5])), *rows]
    expected = [
        {"code": c, **{k: e[k] for k in FIVE[1:]}} for c, e in zip(codes, EXPECTED, strict=True)
    ]
    _sure(tmp_path, lines, expected)


def test_two_citation_columns_run_together_are_split_at_a_guess_and_said(tmp_path: Path) -> None:
    # 《劳动法》第六十九条《处分条例》第二十条 with nothing between the basis and the
    # accountability basis: where one ends is not written. Before: the name run into the
    # type and department; with them parted, both citations read as the basis, sure
    rows = ["".join(i) for i in ITEMS]
    plist = read_written(tmp_path, "page.txt", "\n".join([TITLE, "".join(HEADER), *rows]))
    assert [(i.name, i.type, i.department) for i in plist.items] == [i[1:4] for i in ITEMS]
    assert all("guessed-split" in [a.code for a in i.anomalies] for i in plist.items)
    _same(tmp_path / "page.txt", 1)


# ---- 5. a header apart at tabs over rows apart at full-width spaces ------------------------------


@pytest.mark.parametrize("gap", ["\u3000\u3000", "\u3000"], ids=["two", "one"])
def test_a_tab_separated_header_over_rows_at_full_width_spaces_is_read_as_page_text(
    tmp_path: Path, gap: str
) -> None:
    # the header copied from one place (tabs), the rows from another (full-width spaces).
    # Before: detected as TSV, no item under the header, refused
    lines = [TITLE, "\t".join(HEADER), *(gap.join(i) for i in ITEMS)]
    _sure(tmp_path, lines, EXPECTED)


# ---- 6. two citation columns apart at one space, a cell of two citations among them ------------


def test_citation_cells_apart_at_the_gap_inside_one_of_them_are_split_at_a_guess_and_said(
    tmp_path: Path,
) -> None:
    # cells apart at one space, item 1's basis two citations apart at one space: which column
    # the middle one is in is not written. Before: read as the accountability basis's, sure
    bases = [f"{ITEMS[0][4]} 《中华人民共和国劳动法》第七十条", *(i[4] for i in ITEMS[1:])]
    rows = [" ".join((*i[:4], b, i[5])) for i, b in zip(ITEMS, bases, strict=True)]
    plist = read_written(tmp_path, "page.txt", "\n".join([TITLE, " ".join(HEADER), *rows]))
    assert "guessed-split" in [a.code for a in plist.items[0].anomalies]
    assert [a.code for i in plist.items[1:] for a in i.anomalies] == []
    _same(tmp_path / "page.txt", 1)


def test_a_cell_of_two_citations_apart_at_a_narrower_gap_than_the_cells_is_no_guess(
    tmp_path: Path,
) -> None:
    # a guard: cells apart at two spaces, the basis's citations at one
    basis = f"{ITEMS[0][4]} 《中华人民共和国劳动法》第七十条"
    rows = ["  ".join((*ITEMS[0][:4], basis, ITEMS[0][5])), *ROWS[1:]]
    plist = read_written(tmp_path, "page.txt", "\n".join([TITLE, "  ".join(HEADER), *rows]))
    assert plist.items[0].basis == basis
    assert [a.code for i in plist.items for a in i.anomalies] == []


# ---- 7. sub-items in a table flattened one cell per paragraph ------------------------------------

SUB_HEADER = ("序号", "事项名称", "子项名称", "事项类型", "实施主体", "设定依据")
FOREST = "《中华人民共和国森林法》"
SUB_ROWS = (
    ("1", "林木采伐许可证核发", "林木采伐许可证核发（一般）", "行政许可", "县林业局",
     f"{FOREST}第五十六条"),
    ("", "", "林木采伐许可证补发", "行政许可", "县林业局", f"{FOREST}第五十七条"),
    ("2", "对擅自改变林地用途的处罚", "", "行政处罚", "县林业局", f"{FOREST}第七十三条"),
)  # fmt: skip


@pytest.mark.parametrize("empty", ["blank", "gone"])
def test_a_sub_items_paragraphs_under_its_main_item_are_a_sub_item_of_it(
    tmp_path: Path, empty: str
) -> None:
    # an HTML table whose serial and name cells are merged down over the sub-items' rows,
    # flattened one cell per paragraph: the sub-item's row opens with its 子项, no serial.
    # Before: the row ran into item 1's basis (its type a line of it), said
    cells = [c for row in (SUB_HEADER, *SUB_ROWS) for c in row if c or empty == "blank"]
    lines = [TITLE, "", *(x for c in cells for x in (c, ""))]
    plist = read_written(tmp_path, "page.txt", "\n".join(lines))
    assert [(i.row, i.name, i.type, i.department, i.subitems) for i in plist.items] == [
        ("1", "林木采伐许可证核发", "行政许可", "县林业局", tuple(r[2] for r in SUB_ROWS[:2])),
        ("2", "对擅自改变林地用途的处罚", "行政处罚", "县林业局", ()),
    ]
    assert "第五十七条" in (plist.items[0].basis or "")
    assert plist.plausibility is not None and not plist.plausibility.doubtful
    _same(tmp_path / "page.txt", 1)
