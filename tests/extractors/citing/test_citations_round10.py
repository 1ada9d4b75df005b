"""Citation styles of round 10 (docs/citations.md): a title without marks and without its kind
ending whose stem is two or three characters (根据消防第六十条: read when it names one
instrument, said), or that starts several titles (治安管理处罚第十条: named, none chosen, unless
the list's date rules all but one out), a title with a slip of one character in quotation marks
(“行政处罚发”第三十条), the number of the list's next entry glued to a provision with no mark or
with a bracket alone (…第八条2《乙法》, …第九十条 2)《乙法》), a document number in 〔〕 after a
title, and Arabic digits typed among Chinese numerals (第1百条). Each case read wrong on 463c2ff,
silently or not at all (the controls aside); every cell case goes through each backend of the
cell pass (the ``cite`` fixture). The titles are the registry's; the sentences are written for
these tests."""

from __future__ import annotations

import pytest

from tests.extractors.citing.conftest import Cite

CF = "中华人民共和国行政处罚法"
QZ = "中华人民共和国行政强制法"
AQ = "中华人民共和国安全生产法"
GS = "工伤保险条例"
ZA = "中华人民共和国治安管理处罚法"
ZA_OLD = "中华人民共和国治安管理处罚条例"

# --- a stem of two or three characters, without marks and without its ending


@pytest.mark.parametrize(
    ("text", "law", "article"),
    [
        pytest.param("根据消防第六十条", "中华人民共和国消防法", 60, id="two-characters"),
        pytest.param("依据商标第六十条", "中华人民共和国商标法", 60, id="another-law"),
        pytest.param("违反著作权第四十八条", "中华人民共和国著作权法", 48, id="three-characters"),
        pytest.param("档案第二十条", "中华人民共和国档案法", 20, id="no-lead-verb"),
        pytest.param("依照 消防 第六十条第一款", "中华人民共和国消防法", 60, id="spaced"),
    ],
)
def test_a_short_stem_naming_one_instrument_is_read_and_said(
    cite: Cite, text: str, law: str, article: int
) -> None:
    """Nothing was read: stems under four characters named no title."""
    (c, *_) = cite(text)
    assert (c.law, c.article, c.law_id is not None) == (law, article, True)
    assert any("lacks its kind ending" in w for w in c.warnings), c.warnings


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("依据本单位安全第十条", id="no-stem"),
        pytest.param("按照许可第十二条", id="a-word"),
        pytest.param("消防部门第六十条", id="stem-then-words"),
    ],
)
def test_words_that_are_no_short_stem_are_not_read(cite: Cite, text: str) -> None:
    """Controls: the words before the provision, whole, are no title's stem."""
    assert not any("lacks its kind ending" in w for c in cite(text) for w in c.warnings)


# --- a stem that starts several titles


def test_a_stem_of_several_titles_names_them_and_chooses_none(cite: Cite) -> None:
    """治安管理处罚第十条 was neither read nor said: the 法 and the 条例 both start so."""
    (c,) = cite("治安管理处罚第十条")
    assert (c.law, c.law_id, c.article, c.kind) == ("治安管理处罚", None, 10, "unmarked")
    (why,) = c.warnings
    assert ZA in why and ZA_OLD in why and "none chosen" in why


def test_a_short_stem_of_several_titles_is_said_too(cite: Cite) -> None:
    (c,) = cite("依据中医药第十条")
    assert c.law_id is None and c.article == 10
    assert "中华人民共和国中医药法" in c.warnings[0] and "中华人民共和国中医药条例" in c.warnings[0]


@pytest.mark.parametrize(
    ("date", "law", "law_id"),
    [
        pytest.param("2023", ZA, "zhian-guanli-chufa-fa", id="after-the-repeal"),
        pytest.param("2006-05-01", ZA, "zhian-guanli-chufa-fa", id="months-after"),
        pytest.param("2005-06-01", "治安管理处罚", None, id="before-the-repeal"),
        pytest.param("2006", "治安管理处罚", None, id="the-year-of-the-repeal"),
    ],
)
def test_the_lists_date_picks_the_title_in_force(date: str, law: str, law_id: str | None) -> None:
    """A list made after the 条例 was repealed (2006-03-01) cannot mean it: the 法 is read, and
    said; before (or in the same year, at the date's precision) both stand, none chosen."""
    from extractors.citing.cite import cite_items
    from extractors.models import PowerItem

    item = PowerItem(source="a.csv", row="1", line=1, basis="违反治安管理处罚第二十三条")
    (c,) = [x.citation for x in cite_items([item], date=date)]
    assert (c.law, c.law_id, c.article) == (law, law_id, 23)
    assert any("lacks its kind ending" in w for w in c.warnings), c.warnings


def test_a_plain_texts_year_picks_the_title_in_force() -> None:
    from extractors.citing.cite import cite_text

    text = "2015年甲县公安局权责清单\n1 处罚 依据治安管理处罚第二十三条"
    (c,) = [x.citation for x in cite_text("a.txt", text)]
    assert (c.law, c.article) == (ZA, 23)
    assert f"{ZA_OLD} repealed before it" in c.warnings[0]


# --- one character slipped in a title in quotation marks


@pytest.mark.parametrize(
    ("text", "law", "article"),
    [
        pytest.param("“行政处罚发”第三十条", CF, 30, id="double-quotes"),
        pytest.param("‘行政处罚发’第三十条", CF, 30, id="single-quotes"),
        pytest.param("「行政处罚发」第三十条", CF, 30, id="corner-brackets"),
        pytest.param("“工伤保险条列”第十七条", GS, 17, id="regulation"),
        pytest.param("依据“中华人民共和国行政处罚”第三十条", CF, 30, id="ending-missing"),
    ],
)
def test_a_quoted_title_with_a_slip_is_read_and_said(
    cite: Cite, text: str, law: str, article: int
) -> None:
    """Nothing was read: quotation marks counted as title marks only around a title ending as
    titles end."""
    (c,) = cite(text)
    assert (c.law, c.article, c.law_id is not None) == (law, article, True)
    assert any("is not in the registry: read as" in w for w in c.warnings), c.warnings


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("落实“道路交通安全”的要求", id="quoted-words"),
        pytest.param("“道路交通安全”工作", id="quoted-words-no-provision"),
    ],
)
def test_quoted_words_one_character_off_a_title_cite_nothing(cite: Cite, text: str) -> None:
    """Controls: quoted words with no provision after them are words, not a slipped title."""
    assert cite(text) == []


# --- the next entry's number glued to a provision


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "1《行政处罚法》第八条2《行政强制法》第九条", [(CF, 8), (QZ, 9)], id="digits-no-mark"
        ),
        pytest.param(
            "1)《安全生产法》第九十条 2)《安全生产法》第九十一条",
            [(AQ, 90), (AQ, 91)],
            id="half-bracket",
        ),
        pytest.param(
            "1）《行政处罚法》第八条2）《行政强制法》第九条", [(CF, 8), (QZ, 9)], id="full-bracket"
        ),
    ],
)
def test_an_entry_number_glued_to_a_provision_opens_the_next_entry(
    cite: Cite, text: str, expected: list[tuple[str, int]]
) -> None:
    """The second title was taken for the first provision's quoted words, and dropped."""
    assert [(c.law, c.article) for c in cite(text)] == expected


def test_words_after_a_provision_are_still_its_quoted_text(cite: Cite) -> None:
    """Control: a number inside quoted words is no entry number."""
    text = "《行政处罚法》第八条 处2日以上《甲法》规定的"
    assert [(c.law, c.article) for c in cite(text)] == [(CF, 8)]


# --- a document number in the brackets of a year


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("《工伤保险条例》〔国务院令第586号〕第十七条", id="order"),
        pytest.param("《工伤保险条例》 〔国务院令第586号〕 第十七条", id="spaced"),
    ],
)
def test_a_document_number_in_tortoise_brackets_is_a_note(cite: Cite, text: str) -> None:
    """The article was dropped: the note in 〔〕 was not read, and the title cited whole."""
    (c,) = cite(text)
    assert (c.law, c.article, c.doc_number) == (GS, 17, "国务院令第586号")


def test_a_year_in_tortoise_brackets_is_a_version_note(cite: Cite) -> None:
    (c,) = cite("《工伤保险条例》〔2010〕第十七条")
    assert (c.law, c.article, c.version) == (GS, 17, "2010")


# --- Arabic digits among Chinese numerals


@pytest.mark.parametrize(
    ("text", "article", "paragraph"),
    [
        pytest.param("《社会保险法》第8十6条", 86, None, id="tens"),
        pytest.param("《行政处罚法》第1百条", 100, None, id="hundred"),
        pytest.param("《行政处罚法》第1十2条", 12, None, id="ten-typed-as-one"),
        pytest.param("《行政处罚法》第2十3条", 23, None, id="twenty-three"),
        pytest.param("《行政处罚法》第三十条第2款", 30, 2, id="not-mixed-within-a-number"),
    ],
)
def test_digits_typed_among_chinese_numerals_are_read_and_said(
    cite: Cite, text: str, article: int, paragraph: int | None
) -> None:
    """The article was dropped silently (the title cited whole)."""
    (c,) = cite(text)
    assert (c.article, c.paragraph) == (article, paragraph)
    mixed = [w for w in c.warnings if "Arabic and Chinese numerals mixed" in w]
    assert bool(mixed) == (paragraph is None), c.warnings
