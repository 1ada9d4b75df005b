"""Citation styles of round 11 (docs/citations.md): the five left from round 10 (a paragraph on
the line after its article, a stem and its provision on two lines, provisions in brackets of their
own after a provision, a quoted stem that starts several titles, a short stem inside a sentence)
and the styles the round's probes found read wrong: the implementing instrument written
《X法》的实施条例, an interpretation of one provision without its marks (…关于《X》第N条的解释),
…. Each case read wrong on d095254, silently or not at all (the controls aside); every cell
case goes through each backend of the cell pass (the ``cite`` fixture). The titles are the
registry's; the sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.extractors.citing.conftest import Cite

CF = "中华人民共和国行政处罚法"
QZ = "中华人民共和国行政强制法"
XF = "中华人民共和国消防法"
GSF = "中华人民共和国公司法"
ZA = "中华人民共和国治安管理处罚法"
ZA_OLD = "中华人民共和国治安管理处罚条例"

Row = tuple[str | None, int | None, int | None, int | None]


def rows(cite: Cite, text: str) -> list[Row]:
    return [(c.law, c.article, c.paragraph, c.item) for c in cite(text)]


# --- a unit deeper than the article on the next line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("《行政处罚法》第三十条\n第一款", [(CF, 30, 1, None)], id="paragraph"),
        pytest.param(
            "《行政处罚法》第三十条\n第二款、第三款",
            [(CF, 30, 2, None), (CF, 30, 3, None)],
            id="paragraphs",
        ),
        pytest.param("《行政处罚法》第三十条第一款\n第（二）项", [(CF, 30, 1, 2)], id="item"),
        pytest.param("《行政处罚法》第三十条 \n 第一款", [(CF, 30, 1, None)], id="spaces-around"),
    ],
)
def test_a_deeper_unit_on_the_next_line_continues_the_chain(
    cite: Cite, text: str, expected: list[Row]
) -> None:
    """The paragraph was dropped silently: the line break opened the article's quoted text."""
    assert rows(cite, text) == expected


def test_an_article_on_the_next_line_is_still_its_own() -> None:
    """Control: 第十一条 on the next line is a continuation, as before (its own record)."""
    from extractors import get_citations

    found = get_citations("《行政处罚法》第三十条\n第三十一条")
    assert [(c.article, c.paragraph) for c in found] == [(30, None), (31, None)]


# --- a stem at the end of the line before its provision


@pytest.mark.parametrize(
    ("text", "law"),
    [
        pytest.param("依据 消防\n第六十条", XF, id="spaced"),
        pytest.param("根据商标\n第六十条", "中华人民共和国商标法", id="glued"),
    ],
)
def test_a_stem_wrapped_before_its_provision_is_read_and_said(
    cite: Cite, text: str, law: str
) -> None:
    """The article was unresolved, with no warning."""
    (c,) = cite(text)
    assert (c.law, c.article) == (law, 60)
    assert any("lacks its kind ending" in w for w in c.warnings), c.warnings


# --- a provision in brackets of its own after a provision


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("《行政处罚法》第十条〔第二款〕", [(CF, 10, 2, None)], id="tortoise"),
        pytest.param("《行政处罚法》第十条（第二款）", [(CF, 10, 2, None)], id="round"),
        pytest.param("《行政处罚法》第十条(第二款)", [(CF, 10, 2, None)], id="half-width"),
        pytest.param("《行政处罚法》第十条第一款（第三项）", [(CF, 10, 1, 3)], id="item"),
        pytest.param(
            "《行政处罚法》第十七条、〔第十八条〕",
            [(CF, 17, None, None), (CF, 18, None, None)],
            id="listed",
        ),
        pytest.param(
            "《行政处罚法》第十七条（第一款）、第十八条",
            [(CF, 17, 1, None), (CF, 18, None, None)],
            id="then-listed",
        ),
    ],
)
def test_a_bracketed_unit_after_a_provision_is_read(
    cite: Cite, text: str, expected: list[Row]
) -> None:
    """The unit in brackets was dropped silently."""
    assert rows(cite, text) == expected


def test_an_article_in_brackets_after_an_article_is_not_read_as_listed(cite: Cite) -> None:
    """Control: a glued article in brackets may be the old number (第三十条（第二十七条）)."""
    assert rows(cite, "《行政处罚法》第三十条（第二十七条）") == [(CF, 30, None, None)]


# --- a quoted stem that starts several titles


@pytest.mark.parametrize("text", ["“治安管理处罚”第十条", "‘治安管理处罚’第十条"])
def test_a_quoted_stem_of_several_titles_names_them(cite: Cite, text: str) -> None:
    """Read as the 法 (one character apart), the 条例 (two apart) not named."""
    (c,) = cite(text)
    assert (c.law, c.law_id, c.article) == ("治安管理处罚", None, 10)
    (why,) = c.warnings
    assert ZA in why and ZA_OLD in why and "none chosen" in why


def test_the_lists_date_picks_the_quoted_stems_title() -> None:
    from extractors.citing.cite import cite_items
    from extractors.models import PowerItem

    item = PowerItem(source="a.csv", row="1", line=1, basis="违反“治安管理处罚”第二十三条")
    (c,) = [x.citation for x in cite_items([item], date="2023")]
    assert (c.law, c.article) == (ZA, 23)


# --- a short stem inside a sentence


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("签约后，公司第十条约定的事项由双方协商", id="after-a-comma"),
        pytest.param("本单位与合作公司第十条约定的事项", id="inside-words"),
    ],
)
def test_a_short_stem_inside_a_sentence_is_no_title(cite: Cite, text: str) -> None:
    """公司第十条 after words of the sentence was read as the 公司法 (flagged)."""
    assert cite(text) == [] or all(c.law != GSF for c in cite(text))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("依据公司第十条", id="lead-verb"),
        pytest.param("1.公司第十条", id="entry-number"),
        pytest.param("《行政处罚法》第十条，公司第十一条", id="comma-after-a-citation"),
        pytest.param("《行政处罚法》第十条、公司第十一条", id="dunhao"),
    ],
)
def test_a_short_stem_at_an_entrys_start_is_read(cite: Cite, text: str) -> None:
    """Controls: where a basis entry starts, the stem names its title, and says so."""
    (c,) = [c for c in cite(text) if c.law == GSF]
    assert any("lacks its kind ending" in w for w in c.warnings)


# --- the implementing instrument written after 的


@pytest.mark.parametrize(
    ("text", "law", "article"),
    [
        pytest.param(
            "《食品安全法》的实施条例第二十条",
            "中华人民共和国食品安全法实施条例",
            20,
            id="regulation",
        ),
        pytest.param(
            "《中华人民共和国土地管理法》的实施条例第五十七条",
            "中华人民共和国土地管理法实施条例",
            57,
            id="full-title",
        ),
        pytest.param(
            "《税收征收管理法》的实施细则第九十条",
            "中华人民共和国税收征收管理法实施细则",
            90,
            id="rules",
        ),
        pytest.param(
            "《税收征收管理法》的实施细则", "中华人民共和国税收征收管理法实施细则", None, id="whole"
        ),
    ],
)
def test_the_laws_implementing_instrument_after_de_is_cited(
    cite: Cite, text: str, law: str, article: int | None
) -> None:
    """The parent law was cited whole, the article dropped."""
    (c,) = cite(text)
    assert (c.law, c.article, c.law_id is not None) == (law, article, True)


# --- an instrument about one provision of a law, without its own marks


@pytest.mark.parametrize(
    ("text", "law"),
    [
        pytest.param(
            "全国人民代表大会常务委员会关于《中华人民共和国刑法》第三百一十三条的解释",
            "全国人民代表大会常务委员会关于《中华人民共和国刑法》第三百一十三条的解释",
            id="npc-interpretation",
        ),
        pytest.param(
            "依据最高人民法院关于《中华人民共和国行政诉讼法》第十条的答复",
            "最高人民法院关于《中华人民共和国行政诉讼法》第十条的答复",
            id="court-reply",
        ),
    ],
)
def test_an_interpretation_of_a_provision_is_cited_whole(cite: Cite, text: str, law: str) -> None:
    """The provision it interprets was cited as the list's own, silently."""
    (c,) = cite(text)
    assert (c.law, c.article, c.kind) == (law, None, "law-level")
    assert c.warnings  # the registry holds neither: not checked, and said


def test_a_provision_in_words_about_it_is_still_cited(cite: Cite) -> None:
    """Control: 关于《…》第N条的规定 is the author's prose about the provision."""
    assert rows(cite, "按照关于《中华人民共和国刑法》第九十三条的规定") == [
        ("中华人民共和国刑法", 93, None, None)
    ]


# --- several units in the brackets after a provision


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "《行政处罚法》第三十条（第一款、第二款）",
            [(CF, 30, 1, None), (CF, 30, 2, None)],
            id="listed-inside",
        ),
        pytest.param("《行政处罚法》第三十条〔第一款第（二）项〕", [(CF, 30, 1, 2)], id="nested"),
        pytest.param("《行政处罚法》第三十条【第一款】", [(CF, 30, 1, None)], id="lenticular"),
        pytest.param(
            "《行政处罚法》第十条〔第二款〕、〔第十一条〕",
            [(CF, 10, 2, None), (CF, 11, None, None)],
            id="bracketed-then-bracketed",
        ),
    ],
)
def test_the_units_inside_the_brackets_after_a_provision_are_read(
    cite: Cite, text: str, expected: list[Row]
) -> None:
    """The units in the brackets were dropped silently."""
    assert rows(cite, text) == expected


# --- a title whose closing mark is missing at the line end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "依据《中华人民共和国行政处罚法\n2.《行政强制法》第十条",
            [(CF, None, None, None), (QZ, 10, None, None)],
            id="before-the-next-entry",
        ),
        pytest.param("《行政处罚法\n第三十条", [(CF, 30, None, None)], id="its-article-below"),
    ],
)
def test_a_title_unclosed_at_the_line_end_is_read_and_said(
    cite: Cite, text: str, expected: list[Row]
) -> None:
    """The title was dropped silently (its article below unresolved, unsaid)."""
    found = cite(text)
    assert rows(cite, text) == expected
    assert any("is not closed" in w for w in found[0].warnings), found[0].warnings


def test_an_unclosed_mark_before_words_that_are_no_title_reads_nothing(cite: Cite) -> None:
    """Control: what stands to the line end is no title the registry knows: not guessed."""
    assert rows(cite, "填写《某某登记\n第三条") == [(None, 3, None, None)]


# --- the implementing instrument titled after its parent in inner marks


@pytest.mark.parametrize(
    ("text", "law"),
    [
        pytest.param(
            "《〈食品安全法〉实施条例》第二十条", "中华人民共和国食品安全法实施条例", id="angle"
        ),
        pytest.param(
            "《<中华人民共和国土地管理法>实施条例》第五十七条",
            "中华人民共和国土地管理法实施条例",
            id="ascii-angle",
        ),
    ],
)
def test_an_implementing_title_with_its_parent_in_inner_marks_resolves(
    cite: Cite, text: str, law: str
) -> None:
    """Kept as written (《食品安全法》实施条例) and said to be unchecked."""
    (c,) = cite(text)
    assert (c.law, c.law_id is not None) == (law, True)


# --- an entry of the annex of an unmarked title


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("国务院关于第六批取消和调整行政审批项目的决定 附件第3项", id="spaced"),
        pytest.param("国务院关于第六批取消和调整行政审批项目的决定附件1第3项", id="numbered-annex"),
    ],
)
def test_an_annex_entry_after_an_unmarked_title_is_its_point(cite: Cite, text: str) -> None:
    """Nothing was read: the entry had no law before it, the title no marks."""
    (c,) = cite(text)
    assert (c.law, c.point, c.item, c.kind) == (
        "国务院关于第六批取消和调整行政审批项目的决定",
        3,
        None,
        "unmarked",
    )


def test_an_annex_entry_with_no_title_before_it_reads_nothing(cite: Cite) -> None:
    """Control: 见附件第3项 names no instrument."""
    assert cite("见附件第3项") == []


# --- an article after a chapter and its heading's words


@pytest.mark.parametrize(
    ("text", "articles"),
    [
        pytest.param("《消防法》第五章 法律责任 第六十条", [60], id="spaced"),
        pytest.param("《消防法》第五章法律责任第六十条、第六十一条", [60, 61], id="glued-list"),
    ],
)
def test_an_article_after_a_chapters_heading_is_read_under_it(
    cite: Cite, text: str, articles: list[int]
) -> None:
    """The article was dropped silently (the chapter cited alone)."""
    found = cite(text)
    assert [(c.law, c.chapter, c.article) for c in found] == [(XF, 5, a) for a in articles]


def test_a_chapter_alone_is_still_cited(cite: Cite) -> None:
    """Control: with no article after it, the chapter is the record."""
    assert [(c.chapter, c.article) for c in cite("《消防法》第五章")] == [(5, None)]


# --- a draft


@pytest.mark.parametrize(
    ("text", "law"),
    [
        pytest.param("《中华人民共和国行政处罚法（草案）》第十条", f"{CF}（草案）", id="inside"),
        pytest.param("《行政处罚法》（草案）第十条", "行政处罚法（草案）", id="after-the-marks"),
        pytest.param(
            "《甲市物业管理条例（征求意见稿）》第五条",
            "甲市物业管理条例（征求意见稿）",
            id="consultation",
        ),
    ],
)
def test_a_draft_is_kept_and_said_to_be_one(cite: Cite, text: str, law: str) -> None:
    """It was said only to be unchecked, as any title the registry does not know."""
    (c,) = cite(text)
    assert (c.law, c.law_id) == (law, None)
    assert any("a draft, not an instrument in force" in w for w in c.warnings), c.warnings
