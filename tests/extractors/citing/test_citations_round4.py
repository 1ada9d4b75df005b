"""Citation styles of round 4, written from the structure of Chinese legal citation (levels
written without 第, brackets and quotation marks around titles, document numbers without their
brackets, characters with no width): each style that was read wrong has a case here, read
through every backend of the cell pass (the ``cite`` fixture of conftest.py)."""

from __future__ import annotations

from functools import partial

import pytest

from tests.extractors.citing.conftest import Cite
from tests.extractors.citing.test_citations_forms import run
from tests.extractors.citing.test_citations_styles import rec as styles_rec

SB = "中华人民共和国社会保险法"
CF = "中华人民共和国行政处罚法"


#: One expected record (law, article, paragraph, item, point, kind); abbreviated titles here.
rec = partial(styles_rec, kind="abbreviation")


@pytest.mark.parametrize("mark", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"])
def test_characters_with_no_width_read_as_white_space(cite: Cite, mark: str) -> None:
    """Text copied from a web page keeps zero-width spaces and joiners where it was wrapped;
    they show as nothing, so the title and number read through them as through a space (the
    article was lost and the law kept the mark)."""
    text = f"依据《社会{mark}保险法》第八十{mark}七条"
    assert run(cite, text) == [rec(SB, 87)]


@pytest.mark.parametrize(
    ("text", "expected", "warning"),
    [
        pytest.param(
            "《中华人民共和国行政处罚法》第三十二条一款",
            [rec(CF, 32, 1, kind="explicit")],
            "第 missing before 一款",
            id="paragraph",
        ),
        pytest.param(
            "《中华人民共和国行政处罚法》第三十二条一款（四）项",
            [rec(CF, 32, 1, 4, kind="explicit")],
            "第 missing before 一款",
            id="paragraph-then-bracketed-item",
        ),
        pytest.param(
            "《中华人民共和国行政处罚法》第三十二条第一款四项",
            [rec(CF, 32, 1, 4, kind="explicit")],
            "第 missing before 四项",
            id="item",
        ),
        pytest.param(
            "《中华人民共和国行政处罚法》第32条1款",
            [rec(CF, 32, 1, kind="explicit")],
            "第 missing before 1款",
            id="arabic",
        ),
        pytest.param(
            "《中华人民共和国行政处罚法》第三十二条一、二款",
            [rec(CF, 32, 1, kind="explicit"), rec(CF, 32, 2, kind="explicit")],
            "第 missing before 一、二款",
            id="paragraphs-listed",
        ),
    ],
)
def test_a_deeper_level_without_its_di_is_read_and_flagged(
    cite: Cite, text: str, expected: list[tuple[object, ...]], warning: str
) -> None:
    """第三十二条一款: a paragraph (or item) glued to its article without its 第 was dropped
    silently, the record citing the whole article. A level deeper than the one before it can
    only be a part of it, so it is read, and flagged as a reading of a typo."""
    found = cite(text)
    assert run(cite, text) == expected
    assert all(warning in c.warnings for c in found)


@pytest.mark.parametrize(
    "text",
    ["《中华人民共和国行政处罚法》第十条十一条", "《中华人民共和国行政处罚法》第十条 三项措施"],
    ids=["same-level", "after-a-space"],
)
def test_a_number_after_a_provision_without_di_is_not_read_as_a_level(
    cite: Cite, text: str
) -> None:
    """Only a deeper level glued to the unit before it is read so: an article holds no article,
    and a number after a space is the author's prose."""
    assert run(cite, text) == [rec(CF, 10, kind="explicit")]


def test_a_sub_item_of_no_item_is_kept_and_flagged(cite: Cite) -> None:
    """第十条第一款第三目 names a 目 (a division of an item) with no 项: the 目 was dropped
    silently. It is kept as written, not moved to the item, and flagged."""
    text = "《中华人民共和国社会保险法》第十条第一款第三目"
    (found,) = cite(text)
    assert (found.article, found.paragraph, found.item, found.subitem) == (10, 1, None, 3)
    assert found.warnings == ("第三目 is cited with no 项 above it",)


@pytest.mark.parametrize("quotes", ["“”", "「」", '""', "‘’"])
def test_a_title_in_quotation_marks_and_title_marks_keeps_its_provisions(
    cite: Cite, quotes: str
) -> None:
    """依据“《社会保险法》”第八十七条: the quotation marks around the title marks are the
    author's emphasis; the provision after the closing one was lost, the title cited whole."""
    text = f"依据{quotes[0]}《社会保险法》{quotes[1]}第八十七条、第八十八条"
    assert run(cite, text) == [rec(SB, 87), rec(SB, 88)]


@pytest.mark.parametrize("between", ["、", "", "和", " "])
def test_provisions_in_brackets_of_their_own_are_each_cited(cite: Cite, between: str) -> None:
    """《社会保险法》（第八十七条）、（第八十八条）: each provision in brackets of its own, listed;
    only the first was read."""
    text = f"依据《社会保险法》（第八十七条）{between}（第八十八条第二款）"
    assert run(cite, text) == [rec(SB, 87), rec(SB, 88, 2)]


def test_a_bracket_after_provisions_in_brackets_that_holds_none_is_not_read(cite: Cite) -> None:
    text = "依据《社会保险法》（第八十七条），（二）违反本法规定的"
    assert run(cite, text) == [rec(SB, 87)]


@pytest.mark.parametrize(
    ("text", "doc"),
    [
        pytest.param(
            "依据浙政办发2018年12号第三条", "浙政办发〔2018〕12号", id="before-a-provision"
        ),
        pytest.param("依据浙政办发 2018 年 12 号第三条", "浙政办发〔2018〕12号", id="spaced"),
        pytest.param(
            "《甲市医疗救助办法》（甲政发2018年12号）第三条", "甲政发〔2018〕12号", id="note"
        ),
    ],
)
def test_a_file_number_with_its_year_written_without_brackets(
    cite: Cite, text: str, doc: str
) -> None:
    """浙政办发2018年12号: a file number whose year is written with 年 and no brackets was not
    read at all (the provision after it was lost, the note gave no number). It is read and
    written as file numbers are, the year in 〔〕."""
    (found,) = cite(text)
    assert (found.article, found.doc_number) == (3, doc)


def test_an_order_numbered_within_its_year_gets_no_second_di(cite: Cite) -> None:
    """交通运输部令2016年第28号 has its 第 after the year: none is put after 令 (it was
    交通运输部令第2016年第28号, a number no registry holds)."""
    (found,) = cite("《港口管理规定》（交通运输部令2016年第28号）第三条")
    assert found.doc_number == "交通运输部令2016年第28号"


def test_a_year_and_number_in_prose_is_no_file_number(cite: Cite) -> None:
    assert run(cite, "《社会保险法》第八十七条规定，于2018年12号文件") == [rec(SB, 87)]


@pytest.mark.parametrize("mark", ["》", "〉", ">"])
def test_a_closing_title_mark_typed_twice(cite: Cite, mark: str) -> None:
    """《社会保险法》》第八十七条: the second closing mark is a typo; the provisions after it
    were lost and the title cited whole."""
    text = f"《社会保险法》{mark}第八十七条、第八十八条"
    assert run(cite, text) == [rec(SB, 87), rec(SB, 88)]


@pytest.mark.parametrize("gap", [" ", "\u3000", "  "])
def test_an_article_listed_with_spaces_after_a_paragraph(cite: Cite, gap: str) -> None:
    """第八十六条第一款 第八十七条: the next article listed with white space after a deeper
    level (as 第十二条 第十三条 is after an article) was lost."""
    text = f"《社会保险法》第八十六条第一款{gap}第八十七条第二款"
    assert run(cite, text) == [rec(SB, 86, 1), rec(SB, 87, 2)]


def test_a_paragraph_listed_with_spaces_after_an_item(cite: Cite) -> None:
    text = "《社会保险法》第八十六条第一款第二项 第二款"
    assert run(cite, text) == [rec(SB, 86, 1, 2), rec(SB, 86, 2)]


def test_a_heading_after_a_provision_and_a_space_is_not_listed(cite: Cite) -> None:
    assert run(cite, "《社会保险法》第八十六条第一款 第三章") == [rec(SB, 86, 1)]


@pytest.mark.parametrize("title", ["中华人民共和国行政监察法", "中华人民共和国食品卫生法实施条例"])
def test_a_full_national_title_the_registry_does_not_know_is_flagged(
    cite: Cite, title: str
) -> None:
    """The registry knows every national law in force by its full title: one it does not know,
    written in full (a repealed law: 《中华人民共和国行政监察法》, replaced by the 监察法), is kept
    as written and flagged, as a title made by rule is; it passed as found."""
    (found,) = cite(f"《{title}》第十条")
    assert (found.law, found.kind, found.law_id) == (title, "explicit", None)
    assert found.warnings == (f"{title!r} is not in the registry: repealed, or a wrong title",)


XK = "中华人民共和国行政许可法"


@pytest.mark.parametrize(
    ("written", "articles"),
    [
        pytest.param("第六十九至第七十一条", [69, 70, 71], id="range-second-with-di"),
        pytest.param("第六十九及七十一条", [69, 71], id="ji"),
        pytest.param("第六十九和第七十一条", [69, 71], id="he-second-with-di"),
        pytest.param("第十、第十一条", [10, 11], id="dunhao-second-with-di"),
    ],
)
def test_numbers_of_one_unit_joined_by_a_word_or_with_the_seconds_di(
    cite: Cite, written: str, articles: list[int]
) -> None:
    """第六十九至第七十一条, 第六十九及七十一条: the numbers of one unit, its level word written
    once at the end, joined by a conjunction or with 第 repeated on the second. The chain was
    not read at all (the title was cited whole)."""
    found = run(cite, f"《中华人民共和国行政许可法》{written}")
    assert found == [rec(XK, a, kind="explicit") for a in articles]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "《中華人民共和國行政許可法》第六十九條第二款",
            [rec(XK, 69, 2, kind="explicit")],
            id="full-title",
        ),
        pytest.param(
            "《行政許可法》第六十九條第（一）項", [rec(XK, 69, None, 1)], id="short-title"
        ),
        pytest.param("《行政许可法》第六十九條", [rec(XK, 69)], id="level-word-alone"),
    ],
)
def test_a_citation_in_traditional_script_inside_a_cell(
    cite: Cite, text: str, expected: list[tuple[object, ...]]
) -> None:
    """Text pasted in traditional script into one cell (the plain-text path converts whole
    files; cells are read as written): the 條 and 項 of its chain ended it, and the title was
    made a national law by rule with the state's name twice (中华人民共和国中華人民共和國…)."""
    assert run(cite, text) == expected


def test_di_typed_twice(cite: Cite) -> None:
    """《行政许可法》第第六十九条: the article was lost, the title cited whole."""
    assert run(cite, "《行政许可法》第第六十九条") == [rec(XK, 69)]


def test_a_version_note_after_the_provisions_cited(cite: Cite) -> None:
    """《行政许可法》第六十九条、第七十条（2019年修正）: the version of the text cited, written
    after the provisions rather than after the title, was dropped."""
    found = cite("《行政许可法》第六十九条、第七十条（2019年修正）")
    assert [(c.article, c.version) for c in found] == [(69, "2019年修正"), (70, "2019年修正")]


@pytest.mark.parametrize("note", ["（一）", "（国务院令第1号）", "（已废止）"])
def test_other_notes_after_the_provisions_are_no_version(cite: Cite, note: str) -> None:
    found = cite(f"《行政许可法》第六十九条{note}")
    assert [c.version for c in found] == [None]
