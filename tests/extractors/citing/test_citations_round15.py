"""Citation shapes of round 15 (docs/citations.md), each read wrong and silently on 47282f5
(the controls aside): a code's short title ending in 总则 (民法总则第十条) and a chapter named
without its number between a title and its article (刑法总则第十三条, 行政许可法附则第八十三条); a
rank the list writes that contradicts the registry's (《安全生产法》（行政法规）第十条); characters
typed for 第 (地三十条) and for the level words (第三十调, 第二宽, 第三向); a document number alone,
or after a title, in angle or tortoise-shell brackets (〈人社部令第8号〉第五条). Every case goes
through each backend of the cell pass (the ``cite`` fixture). The titles are the registry's; the
articles exist in the texts of ../shared/lawtexts; the sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.extractors.citing.conftest import Cite

CF = "中华人民共和国行政处罚法"  # 86 articles (2021)
XK = "中华人民共和国行政许可法"  # 83 articles (2019)
SP = "中华人民共和国食品安全法"  # 154 articles (2021)
AQ = "中华人民共和国安全生产法"  # 119 articles (2021)
XFA = "中华人民共和国刑法"
GS = "工伤保险条例"  # 67 articles (2010)
ZJAQ = "浙江省安全生产条例"
GR = "工伤认定办法"  # 人社部令第8号

Row = tuple[str | None, int | None, int | None, int | None]


def rows(cite: Cite, text: str) -> list[Row]:
    return [(c.law, c.article, c.paragraph, c.item) for c in cite(text)]


# --- a code's short title ending in 总则, and a chapter named without its number


@pytest.mark.parametrize(
    ("text", "articles"),
    [
        pytest.param("民法总则第十条", [10], id="alone"),
        pytest.param("依据民法总则第一百四十三条", [143], id="lead-verb"),
        pytest.param("根据民法总则第五十四条、第五十五条", [54, 55], id="list"),
        pytest.param("1.民法总则第十条", [10], id="entry"),
        pytest.param("民法总则（2017年）第十条", [10], id="version-note"),
    ],
)
def test_a_codes_short_title_ending_in_zongze_is_read_and_said(
    cite: Cite, text: str, articles: list[int]
) -> None:
    """民法总则 (repealed in 2021, superseded by 民法典) is in no catalogue: the provision was
    dropped, silently (民法通则 was read since round 14)."""
    found = cite(text)
    assert [(c.law, c.article) for c in found] == [("民法总则", a) for a in articles]
    assert all("not in the registry" in c.warnings[0] for c in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("刑法总则第十三条", [(XFA, 13, None, None)], id="general-part"),
        pytest.param("依据行政许可法附则第八十三条", [(XK, 83, None, None)], id="supplementary"),
        pytest.param("工伤保险条例附则第六十四条", [(GS, 64, None, None)], id="regulation"),
        pytest.param("《中华人民共和国行政处罚法》总则第三条", [(CF, 3, None, None)], id="marked"),
        pytest.param(
            "《行政处罚法》总则第三条、第四条",
            [(CF, 3, None, None), (CF, 4, None, None)],
            id="marked-list",
        ),
    ],
)
def test_a_chapter_named_without_its_number_is_passed_over(
    cite: Cite, text: str, expected: list[Row]
) -> None:
    """The article was dropped, silently (the law cited whole, or nothing read)."""
    found = cite(text)
    assert rows(cite, text) == expected
    assert not any(c.warnings for c in found)
    assert found[0].text == text.removeprefix("依据").split("、")[0]  # the division inside


def test_a_word_that_is_no_title_before_zongze_is_not_read(cite: Cite) -> None:
    """Control: 民法总则编 is a part of the civil code named in prose, with no provision."""
    assert cite("民法总则编的规定") == []


# --- a rank the list writes that contradicts the registry's


@pytest.mark.parametrize(
    ("text", "expected", "written", "registry"),
    [
        pytest.param("《安全生产法》（行政法规）第十条", (AQ, 10), "行政法规", "法律", id="note"),
        pytest.param(
            "《中华人民共和国行政处罚法》【部门规章】第三十条",
            (CF, 30),
            "部门规章",
            "法律",
            id="tag-after",
        ),
        pytest.param(
            "【部门规章】《中华人民共和国行政处罚法》第三十条",
            (CF, 30),
            "部门规章",
            "法律",
            id="tag-before",
        ),
        pytest.param("行政处罚法（部门规章）第三十条", (CF, 30), "部门规章", "法律", id="unmarked"),
        pytest.param(
            "【法律】《工伤保险条例》第十七条", (GS, 17), "法律", "行政法规", id="regulation"
        ),
        pytest.param(
            "【法律】《浙江省安全生产条例》第十条", (ZJAQ, 10), "法律", "地方性法规", id="local"
        ),
        pytest.param(
            "行政法规：《中华人民共和国食品安全法》第三十五条",
            (SP, 35),
            "行政法规",
            "法律",
            id="label",
        ),
        pytest.param(
            "［部门规章］《中华人民共和国安全生产法》第十条",
            (AQ, 10),
            "部门规章",
            "法律",
            id="full-width-square",
        ),
        pytest.param(
            "《中华人民共和国行政处罚法》（司法解释）第三十条",
            (CF, 30),
            "司法解释",
            "法律",
            id="interpretation",
        ),
    ],
)
def test_a_rank_that_contradicts_the_registrys_is_said(
    cite: Cite, text: str, expected: tuple[str, int], written: str, registry: str
) -> None:
    """The rank written was not checked: read without a word."""
    (c,) = cite(text)
    assert (c.law, c.article) == expected
    assert c.warnings == (
        f"the rank written, {written}, is not the registry's rank of {c.law}: {registry}",
    )


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("【法律】《中华人民共和国行政处罚法》第三十条、第三十二条", id="law"),
        pytest.param("【行政法规】《工伤保险条例》第十七条", id="regulation"),
        pytest.param("【地方性法规】《浙江省安全生产条例》第十条", id="local"),
        pytest.param("《中华人民共和国安全生产法》（法律）第十条", id="note"),
        pytest.param("【法律法规】《工伤保险条例》第十七条", id="a-group-of-ranks"),
        pytest.param("【规章】《工伤认定办法》第五条", id="no-rank-of-the-registry"),
    ],
)
def test_a_rank_that_agrees_or_names_no_rank_says_nothing(cite: Cite, text: str) -> None:
    """Controls: the rank agrees with the registry's, or names none of its ranks."""
    found = cite(text)
    assert found and not any(c.warnings for c in found)


# --- characters typed for 第 and for the level words


@pytest.mark.parametrize(
    ("text", "expected", "typos"),
    [
        pytest.param("《中华人民共和国行政处罚法》地三十条", [(CF, 30, None, None)], "地", id="di"),
        pytest.param(
            "《行政许可法》第十二条、地十三条",
            [(XK, 12, None, None), (XK, 13, None, None)],
            "地",
            id="di-listed",
        ),
        pytest.param("《行政许可法》第十二条地一款", [(XK, 12, 1, None)], "地", id="di-paragraph"),
        pytest.param("依据食品安全法地三十五条", [(SP, 35, None, None)], "地", id="di-unmarked"),
        pytest.param("《行政处罚法》地30条", [(CF, 30, None, None)], "地", id="di-digits"),
        pytest.param("《行政处罚法》地３０条", [(CF, 30, None, None)], "地", id="di-wide-digits"),
        pytest.param(
            "《行政处罚法》第三十条至地三十二条",
            [(CF, 30, None, None), (CF, 31, None, None), (CF, 32, None, None)],
            "地",
            id="di-range",
        ),
        pytest.param(
            "《中华人民共和国行政处罚法》第三十调", [(CF, 30, None, None)], "调", id="tiao"
        ),
        pytest.param(
            "《行政处罚法》第三十调、第三十二条",
            [(CF, 30, None, None), (CF, 32, None, None)],
            "调",
            id="tiao-listed",
        ),
        pytest.param("《行政处罚法》第三十条第二宽", [(CF, 30, 2, None)], "宽", id="kuan"),
        pytest.param("《行政处罚法》第30条第2宽", [(CF, 30, 2, None)], "宽", id="kuan-digits"),
        pytest.param("《行政处罚法》第三十条第一款第二向", [(CF, 30, 1, 2)], "向", id="xiang"),
        pytest.param(
            "《行政处罚法》第三十条第一款第（二）向", [(CF, 30, 1, 2)], "向", id="xiang-bracketed"
        ),
        pytest.param(
            "《食品安全法》第一百二十二条第一款第三相的规定", [(SP, 122, 1, 3)], "相", id="xiang-de"
        ),
    ],
)
def test_a_character_typed_for_di_or_a_level_word_is_read_and_said(
    cite: Cite, text: str, expected: list[Row], typos: str
) -> None:
    """The provision was dropped, silently (the title cited whole, or the chain cut)."""
    found = cite(text)
    assert rows(cite, text) == expected
    said = [w for c in found for w in c.warnings]
    assert said and all(w.startswith(f"{typos!r} typed for ") for w in said)
    for c in found:
        assert text[c.start : c.end] == c.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("各地三十条措施已印发", [], id="gedi"),
        pytest.param("根据地三十条规定执行", [], id="genjudi"),
        pytest.param("《行政处罚法》规定的本地三十家企业", [(CF, None, None, None)], id="bendi"),
        pytest.param(
            "《中华人民共和国乡村振兴促进法》在民族地区十条措施",
            [("中华人民共和国乡村振兴促进法", None, None, None)],
            id="diqu",
        ),
        pytest.param("第三十调查组", [], id="diaocha"),
        pytest.param("《行政处罚法》第三十条规定第三相限", [(CF, 30, None, None)], id="xiangxian"),
        pytest.param("《行政处罚法》第三十条第二相关规定", [(CF, 30, None, None)], id="xiangguan"),
    ],
)
def test_a_character_that_is_a_real_word_is_no_typo(
    cite: Cite, text: str, expected: list[Row]
) -> None:
    """Controls: 地, 调, 相 make a word with the character before or after them."""
    found = cite(text)
    assert rows(cite, text) == expected
    assert not any(c.warnings for c in found)


# --- a document number in angle or tortoise-shell brackets


@pytest.mark.parametrize(
    ("text", "expected", "doc"),
    [
        pytest.param(
            "《工伤保险条例》<国务院令第586号>第十七条",
            (GS, 17),
            "国务院令第586号",
            id="after-a-title-angle",
        ),
        pytest.param(
            "《工伤保险条例》＜国务院令第586号＞第十七条",
            (GS, 17),
            "国务院令第586号",
            id="after-a-title-wide-angle",
        ),
        pytest.param(
            "《工伤认定办法》〈人社部令第8号〉第五条",
            (GR, 5),
            "人社部令第8号",
            id="after-a-title-single-angle",
        ),
        pytest.param("[国务院令第586号]第十七条", (GS, 17), "国务院令第586号", id="alone-square"),
        pytest.param("【人社部令第8号】第五条", (GR, 5), "人社部令第8号", id="alone-lenticular"),
        pytest.param("〔国务院令第586号〕第十七条", (GS, 17), "国务院令第586号", id="alone-shell"),
        pytest.param("〈人社部令第8号〉第五条", (GR, 5), "人社部令第8号", id="alone-angle"),
    ],
)
def test_a_number_in_any_bracket_names_its_instrument(
    cite: Cite, text: str, expected: tuple[str, int], doc: str
) -> None:
    """The provision was dropped, silently (the title cited whole, or unresolved)."""
    (c,) = cite(text)
    assert (c.law, c.article, c.doc_number) == (*expected, doc)
    assert not c.warnings


def test_an_inner_title_in_angle_brackets_is_no_number(cite: Cite) -> None:
    """Control: angle brackets after a title that hold a title cite it."""
    assert rows(cite, "《工伤保险条例》〈工伤认定办法〉第五条") == [
        (GS, None, None, None),
        (GR, 5, None, None),
    ]


# --- a version note dated in Chinese numerals


@pytest.mark.parametrize(
    ("text", "version"),
    [
        pytest.param(
            "《中华人民共和国行政处罚法》（二〇二一年修订）第三十条", "二〇二一年修订", id="ling"
        ),
        pytest.param("《行政处罚法》（二○二一年修订）第三十条", "二○二一年修订", id="circle"),
        pytest.param(
            "《中华人民共和国食品安全法》（二〇一五年四月二十四日修订）第三十五条",
            "二〇一五年四月二十四日修订",
            id="a-date",
        ),
        pytest.param("《行政处罚法》（一九九六年）第三十条", "一九九六年", id="a-year-alone"),
        pytest.param("二〇二一年修订的《行政处罚法》第三十条", "二〇二一年修订", id="before"),
        pytest.param(
            "《中华人民共和国行政处罚法》（一九九六年三月十七日第八届全国人民代表大会"
            "第四次会议通过　根据二〇二一年一月二十二日第十三届全国人民代表大会常务委员会"
            "第二十五次会议修订）第三十条",
            "根据二〇二一年一月二十二日第十三届全国人民代表大会常务委员会第二十五次会议修订",
            id="enactment-note",
        ),
    ],
)
def test_a_version_dated_in_chinese_numerals_is_read(cite: Cite, text: str, version: str) -> None:
    """The note was passed over: no version, silently."""
    (c,) = cite(text)
    assert (c.article, c.version) == (30 if "处罚法" in text else 35, version)
    assert not c.warnings


@pytest.mark.parametrize(
    ("text", "said"),
    [
        pytest.param(
            "《行政处罚法》（二〇一七年修正）第八十七条",
            "第87条 is past the last article (第86条) of the text of 2021-01-22, and the registry"
            " holds no text of the 2017 version cited to check it against",
            id="an-older-version",
        ),
        pytest.param(
            "《社会保险法》（二〇〇八年版）第十条",
            "the version of 2008 cited is older than the instrument (adopted 2010-10-28)",
            id="before-adoption",
        ),
    ],
)
def test_a_version_dated_in_chinese_numerals_is_checked(cite: Cite, text: str, said: str) -> None:
    """The record was checked against the text in force, the version cited not named."""
    (c,) = cite(text)
    assert c.warnings == (said,)
