"""Citation styles of round 13 (docs/citations.md): the three left from round 12 (an unmarked
title that white space splits, an order's issuer apart from its number, a short unmarked title
before a note) and the styles the round's probes found read wrong (typos of 第, other brackets
as title marks). Each case read wrong on 3d61174, silently or not at all (the controls aside);
every cell case goes through each backend of the cell pass (the ``cite`` fixture). The titles are
the registry's; the articles exist in the texts of ../shared/lawtexts; the sentences are written
for these tests."""

from __future__ import annotations

import pytest

from tests.extractors.citing.conftest import Cite

CF = "中华人民共和国行政处罚法"  # 86 articles (2021)
SP = "中华人民共和国食品安全法"  # 154 articles (2021)
XK = "中华人民共和国行政许可法"
ZJAQ = "浙江省安全生产条例"  # 51 articles (2016)
HZRQ = "杭州市燃气管理条例"  # 43 articles (2021)

Row = tuple[str | None, int | None, int | None, int | None]


def rows(cite: Cite, text: str) -> list[Row]:
    return [(c.law, c.article, c.paragraph, c.item) for c in cite(text)]


# --- an unmarked title that white space splits (a cell flattened from a page)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("浙江省 安全生产条例 第十条", [(ZJAQ, 10, None, None)], id="place-apart"),
        pytest.param("依据浙江省 安全生产条例第十条", [(ZJAQ, 10, None, None)], id="lead-verb"),
        pytest.param(
            "浙江省\u3000安全生产条例第十条", [(ZJAQ, 10, None, None)], id="ideographic-space"
        ),
        pytest.param("杭州市 燃气管理条例 第五条", [(HZRQ, 5, None, None)], id="a-city"),
        pytest.param(
            "1.浙江省 安全生产条例 第十条、第十一条",
            [(ZJAQ, 10, None, None), (ZJAQ, 11, None, None)],
            id="entry-and-list",
        ),
        pytest.param(
            "中华 人民 共和国 行政 处罚法第十条", [(CF, 10, None, None)], id="word-by-word"
        ),
    ],
)
def test_a_title_that_spaces_split_is_read_whole(
    cite: Cite, text: str, expected: list[Row]
) -> None:
    """The place was lost (the placeless 安全生产条例, flagged with six provinces' titles), or
    the article dropped (…行政 处罚法第十条)."""
    found = cite(text)
    assert rows(cite, text) == expected
    assert not any(c.warnings for c in found)
    assert text[found[0].start : found[0].end] == found[0].text
    assert found[0].text.replace(" ", "").replace("\u3000", "").startswith(expected[0][0][:3])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parts together are no title: the last one alone is read, as before
        pytest.param(
            "社会保险法 劳动法第十条", ("中华人民共和国劳动法", "劳动法第十条"), id="two-titles"
        ),
        pytest.param(
            "用人单位 安全生产条例第十条", ("安全生产条例", "安全生产条例第十条"), id="prose-before"
        ),
    ],
)
def test_parts_that_name_no_title_together_are_not_joined(
    cite: Cite, text: str, expected: tuple[str, str]
) -> None:
    (c,) = cite(text)
    assert (c.law, c.text) == expected


# --- an order's issuer apart from 令 (a cell flattened from a page)

HZP = "化妆品生产经营监督管理办法"  # 国家市场监督管理总局令第46号


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("国家市场监督管理总局 令第46号 第五十条", id="space"),
        pytest.param("国家市场监督管理总局\u3000令第46号第五十条", id="ideographic-space"),
        pytest.param("依据国家市场监督管理总局 令第46号 第五十条", id="lead-verb"),
        pytest.param("国家市场监督管理总局 令 第46号 第五十条", id="spaces-around-ling"),
        pytest.param("国家市场监督管理总局\n令第46号第五十条", id="wrapped"),
    ],
)
def test_an_orders_issuer_apart_from_its_number_names_the_rule(cite: Cite, text: str) -> None:
    """The article was dropped silently: the issuer and 令 were no document number apart."""
    (c,) = cite(text)
    assert (c.law, c.article, c.doc_number) == (HZP, 50, "国家市场监督管理总局令第46号")
    assert c.text.startswith("国家市场监督管理总局") and text[c.start : c.end] == c.text


def test_an_orders_issuer_apart_lists_its_articles(cite: Cite) -> None:
    text = "1.国家市场监督管理总局 令第46号 第五十条、第五十一条"
    assert rows(cite, text) == [(HZP, 50, None, None), (HZP, 51, None, None)]


# --- a short unmarked title (a stem and 法) the registry does not hold, before a provision


@pytest.mark.parametrize(
    ("text", "law", "article"),
    [
        pytest.param("担保法第十条", "中华人民共和国担保法", 10, id="repealed"),
        pytest.param("物权法（2007）第十条", "中华人民共和国物权法", 10, id="before-a-note"),
        pytest.param("依据婚姻法第二十条", "中华人民共和国婚姻法", 20, id="lead-verb"),
        # 同法 is no reference back here: 合 and 同 are one word
        pytest.param("合同法第五十二条", "中华人民共和国合同法", 52, id="tong-inside-the-word"),
    ],
)
def test_a_short_title_not_in_the_registry_is_read_and_said(
    cite: Cite, text: str, law: str, article: int
) -> None:
    """The article was dropped silently (a title under five characters had to be the
    registry's), or read as 同法 with no law before it."""
    (c,) = cite(text)
    assert (c.law, c.article, c.kind) == (law, article, "unmarked")
    assert c.law_id is None and "not in the registry" in c.warnings[0]


def test_ben_glued_into_a_title_is_no_reference_back(cite: Cite) -> None:
    """香港特别行政区基本法第十条 was read as 本法 with no law before it (unresolved)."""
    (c,) = cite("香港特别行政区基本法第十条")
    assert (c.law, c.article) == ("中华人民共和国香港特别行政区基本法", 10)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("依照本法第十条", id="verb-and-benfa"),
        pytest.param("违反同法第十条", id="verb-and-tongfa"),
        pytest.param("对本法第十条规定", id="sentence-start"),
    ],
)
def test_a_reference_back_after_a_verb_stays_one(cite: Cite, text: str) -> None:
    """Controls: no title is made of a verb and 本法 / 同法."""
    (c,) = cite(text)
    assert (c.law, c.kind) == (None, "unresolved")


@pytest.mark.parametrize("text", ["实施办法第十条", "管理办法第十条", "依法第十条"])
def test_a_word_ending_in_fa_is_no_short_title(cite: Cite, text: str) -> None:
    """Controls: 办法 and 依法 end no national law's short title."""
    assert cite(text) == []


# --- characters typed for 第 (弟, 笫, 苐)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "《中华人民共和国行政处罚法》弟三十条", [(CF, 30, None, None)], id="di-brother"
        ),
        pytest.param("《行政处罚法》笫三十条", [(CF, 30, None, None)], id="zi-bamboo"),
        pytest.param(
            "《行政许可法》第十二条、笫十三条",
            [(XK, 12, None, None), (XK, 13, None, None)],
            id="listed",
        ),
        pytest.param("《食品安全法》弟三十五条第一款", [(SP, 35, 1, None)], id="with-paragraph"),
        pytest.param(
            "依据《中华人民共和国消防法》苐六十条",
            [("中华人民共和国消防法", 60, None, None)],
            id="variant",
        ),
        pytest.param("《行政许可法》第十二条笫一款", [(XK, 12, 1, None)], id="paragraph-only"),
        pytest.param("《行政处罚法》弟30条", [(CF, 30, None, None)], id="arabic"),
        pytest.param("行政处罚法弟三十条", [(CF, 30, None, None)], id="unmarked-title"),
    ],
)
def test_a_character_typed_for_di_is_read_and_said(
    cite: Cite, text: str, expected: list[Row]
) -> None:
    """The provision was dropped silently: the title was cited whole, or the chain cut."""
    found = cite(text)
    assert rows(cite, text) == expected
    assert any("typed for 第" in w for c in found for w in c.warnings)
    assert all(text[c.start : c.end] == c.text for c in found)


@pytest.mark.parametrize(
    "text", ["《行政处罚法》，兄弟三人", "《行政处罚法》子弟十条", "弟弟三十岁"]
)
def test_di_in_a_word_is_no_typo(cite: Cite, text: str) -> None:
    """Controls: 弟 glued after a character it makes a word with, or before no level word."""
    assert all(c.article is None for c in cite(text))


# --- 〔…〕 and «…» standing for title marks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("〔中华人民共和国行政许可法〕第十二条", [(XK, 12, None, None)], id="tortoise"),
        pytest.param("«中华人民共和国行政处罚法»第三十条", [(CF, 30, None, None)], id="guillemets"),
        pytest.param(
            "«行政处罚法»第三十条、«行政许可法»第十二条",
            [(CF, 30, None, None), (XK, 12, None, None)],
            id="guillemets-listed",
        ),
    ],
)
def test_other_brackets_stand_for_title_marks(cite: Cite, text: str, expected: list[Row]) -> None:
    """The provision was dropped silently: nothing was read."""
    assert rows(cite, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the year of a file number, in the same brackets: no title
        pytest.param("国办发〔2019〕39号第三条", (None, 3, "国办发〔2019〕39号"), id="file-number"),
    ],
)
def test_a_tortoise_bracket_holding_no_known_title_is_none(
    cite: Cite, text: str, expected: tuple[object, ...]
) -> None:
    """Controls: only what the registry knows is a title in 〔…〕, as in 【…】."""
    assert [(c.law, c.article, c.doc_number) for c in cite(text)] == [expected]


def test_a_tortoise_bracket_holding_prose_names_no_law(cite: Cite) -> None:
    assert all(c.law is None for c in cite("〔甲市规划〕第三条"))


# --- a short unmarked title and its note: in 【】 or [] before a provision, alone on its line


@pytest.mark.parametrize(
    ("text", "version", "doc"),
    [
        pytest.param("食品安全法【2021年修正】第三十五条", "2021年修正", None, id="lenticular"),
        pytest.param("食品安全法[2021修正]第三十五条", "2021修正", None, id="square"),
        pytest.param(
            "依据食品安全法［2021年修正］第三十五条", "2021年修正", None, id="wide-square"
        ),
    ],
)
def test_a_short_titles_note_in_other_brackets_is_its_note(
    cite: Cite, text: str, version: str, doc: str | None
) -> None:
    """The article was dropped silently: only （…） and (…) were notes before a provision."""
    (c,) = cite(text)
    assert (c.law, c.article, c.version, c.doc_number) == (SP, 35, version, doc)
    assert c.text.startswith("食品安全法")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("食品安全法（2021年修正）", [(SP, "2021年修正")], id="alone"),
        pytest.param(
            "1.食品安全法（2021年修正）\n2.行政许可法(2019年修正)",
            [(SP, "2021年修正"), (XK, "2019年修正")],
            id="two-entries",
        ),
        pytest.param("食品安全法（2021年修正）等法律法规", [(SP, "2021年修正")], id="etc"),
    ],
)
def test_a_title_and_its_version_note_alone_on_a_line_are_cited_whole(
    cite: Cite, text: str, expected: list[tuple[str, str]]
) -> None:
    """The title was dropped silently: a line ending in a note was no title's line."""
    found = cite(text)
    assert [(c.law, c.version) for c in found] == expected
    assert all(c.kind == "law-level" and c.article is None for c in found)


def test_a_line_ending_in_a_note_that_is_no_version_is_no_title(cite: Cite) -> None:
    """Control: 对社会保险违法行为的处罚（898）, a name and its number, stays prose."""
    assert cite("对社会保险违法行为的处罚办法（898）") == []


# --- an unmarked title and its implementing instrument (及其实施条例)

SPSS = "中华人民共和国食品安全法实施条例"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "食品安全法及其实施条例第二十条",
            [(SP, None, None, None), (SPSS, 20, None, None)],
            id="and-its",
        ),
        pytest.param(
            "依据药品管理法及其实施条例第十条",
            [
                ("中华人民共和国药品管理法", None, None, None),
                ("中华人民共和国药品管理法实施条例", 10, None, None),
            ],
            id="lead-verb",
        ),
        pytest.param(
            "社会保险法、食品安全法及其实施条例第二十条",
            [
                ("中华人民共和国社会保险法", None, None, None),
                (SP, None, None, None),
                (SPSS, 20, None, None),
            ],
            id="listed-before",
        ),
    ],
)
def test_an_unmarked_titles_implementing_instrument_is_its_own(
    cite: Cite, text: str, expected: list[Row]
) -> None:
    """Read as one title 食品安全法及其实施条例, not in the registry (flagged)."""
    found = cite(text)
    assert rows(cite, text) == expected
    assert not any(c.warnings for c in found)


def test_an_implementing_name_glued_to_an_unmarked_title_is_one_title(cite: Cite) -> None:
    """Control: 防洪法实施办法, with no conjunction, is one title (not in the registry, said)."""
    (c,) = cite("防洪法实施办法第五条")
    assert (c.law, c.article) == ("防洪法实施办法", 5) and c.warnings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("食品安全法（主席令第21号）", (SP, None, "主席令第21号"), id="order-number"),
        pytest.param(
            "社会救助暂行办法（国务院令第649号）",
            ("社会救助暂行办法", None, "国务院令第649号"),
            id="state-council-order",
        ),
        # the entry number was taken into a title of three characters (1.消防法)
        pytest.param(
            "1.消防法（2021年修正）",
            ("中华人民共和国消防法", "2021年修正", None),
            id="entry-number",
        ),
    ],
)
def test_a_title_and_its_number_alone_on_a_line_are_cited_whole(
    cite: Cite, text: str, expected: tuple[str, str | None, str | None]
) -> None:
    (c,) = cite(text)
    assert (c.law, c.version, c.doc_number) == expected
    assert not c.warnings


def test_an_entry_number_is_no_part_of_a_short_title_alone_on_its_line(cite: Cite) -> None:
    """1.消防法 was cited as the title '1.消防法', not in the registry (flagged)."""
    assert [c.law for c in cite("1.消防法\n2.安全生产法")] == [
        "中华人民共和国消防法",
        "中华人民共和国安全生产法",
    ]


def test_a_title_ending_in_tongze_is_an_instrument(cite: Cite) -> None:
    """企业财务通则 (a ministry's rule) ends as titles do; its article was dropped silently."""
    (c,) = cite("依据企业财务通则第五条")
    assert (c.law, c.article, c.kind) == ("企业财务通则", 5, "unmarked") and c.warnings


@pytest.mark.parametrize(
    ("text", "law"),
    [
        # the city's own regulation, named after the national one, as when glued (not held)
        pytest.param(
            "杭州市 城市市容和环境卫生管理条例 第十条",
            "杭州市城市市容和环境卫生管理条例",
            id="a-place-apart",
        ),
        # the registry's title is the nearest join, not the one with the province as well
        pytest.param("浙江省 杭州市 燃气管理条例 第五条", HZRQ, id="province-and-city"),
        # a law is no place's own: the place is another cell's words
        pytest.param("拉萨市 社会保险法第十条", "中华人民共和国社会保险法", id="a-law"),
    ],
)
def test_a_place_apart_from_a_title(cite: Cite, text: str, law: str) -> None:
    """杭州市 城市市容和环境卫生管理条例 第十条 was read as the national regulation, silently."""
    (c,) = cite(text)
    assert (c.law, c.article) == (law, int(c.article or 0)) and c.article


# --- a standard's number next to a title makes it a standard's, whatever its ending


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("JT/T 1094-2016《营运客车安全技术条件》", id="number-before"),
        pytest.param("《机动车运行安全技术条件》（GB 7258-2017）", id="number-in-the-note"),
        pytest.param("《机动车运行安全技术条件》GB7258-2017", id="number-after"),
        pytest.param("依据GB/T 19001-2016《质量管理体系 要求》", id="gb-t"),
    ],
)
def test_a_title_next_to_a_standards_number_is_said_to_be_a_standard(cite: Cite, text: str) -> None:
    """The title was said to be a departmental rule or document not held: a statute unchecked."""
    (c,) = cite(text)
    assert c.law_id is None and "a technical standard, not a statute" in c.warnings[0]


@pytest.mark.parametrize("text", ["XK-001 《甲市物业管理办法》", "《甲市物业管理办法》A1"])
def test_an_item_code_is_no_standards_number(cite: Cite, text: str) -> None:
    """Controls: an item's code (no year) leaves the title a document not held."""
    (c,) = cite(text)
    assert "technical standard" not in c.warnings[0]
