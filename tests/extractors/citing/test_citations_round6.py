"""Citation styles an analyst from another province writes, checked against the grammar in round 5
of its generalisation (docs/citations.md): ranges written with any dash, the implementing
instrument named after its parent law, version notes before the title, document numbers written
the other way round (国务院第N号令) or issued jointly, and 前款/前条 in the author's words. Each
style the grammar read wrong has a case here, read through every backend of the cell pass (the
``cite`` fixture). The titles are the registry's; the sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.extractors.citing.conftest import Cite
from tests.extractors.citing.test_citations_forms import run

CF = "中华人民共和国行政处罚法"


@pytest.mark.parametrize(
    "dash",
    ["——", "–", "―", "‒", "‐", "﹣", "〜", "─", " —— "],
    ids=lambda d: f"U+{ord(d.strip()[0]):04X}",
)
def test_a_range_is_read_with_every_dash(cite: Cite, dash: str) -> None:
    """第二十条——第二十二条 (a doubled em dash, an en dash, a horizontal bar …): only the first
    article was read, the range and its last article dropped."""
    expected = [(CF, n, None, None, None, "abbreviation") for n in (20, 21, 22)]
    assert run(cite, f"《行政处罚法》第二十条{dash}第二十二条") == expected
    assert run(cite, f"《行政处罚法》第20{dash}22条") == expected


def test_a_range_of_bracketed_items_is_read_with_a_dash(cite: Cite) -> None:
    """第十条第（一）—（三）项: the items were dropped (only 至 and 到 joined bracketed numbers)."""
    expected = [(CF, 10, None, n, None, "abbreviation") for n in (1, 2, 3)]
    assert run(cite, "《行政处罚法》第十条第（一）—（三）项") == expected


@pytest.mark.parametrize(
    ("text", "law", "known"),
    [
        pytest.param(
            "《中华人民共和国食品安全法》及其实施条例第二十条",
            "中华人民共和国食品安全法实施条例",
            True,
            id="regulation-known",
        ),
        pytest.param(
            "《中华人民共和国防洪法》及其实施办法第五条",
            "中华人民共和国防洪法实施办法",
            False,
            id="measures-unknown",
        ),
        pytest.param(
            "依据《中华人民共和国行政处罚法》和实施办法",
            "中华人民共和国行政处罚法实施办法",
            False,
            id="measures-whole",
        ),
    ],
)
def test_an_implementing_instrument_named_after_its_law_is_resolved_or_flagged(
    cite: Cite, text: str, law: str, known: bool
) -> None:
    """《X法》及其实施办法: the title made from the parent's (X法实施办法) is resolved where the
    registry knows it; where it does not, it was passed off silently as an instrument found (a
    province's implementing measures are titled 甲省实施《X法》办法, so the made title need not
    be one)."""
    implementing = cite(text)[-1]
    assert implementing.law == law
    assert (implementing.law_id is not None) is known
    assert known or any("is not in the registry" in w for w in implementing.warnings)


@pytest.mark.parametrize(
    ("text", "version"),
    [
        pytest.param(
            "2017年9月1日修正的《中华人民共和国行政处罚法》第十条", "2017年9月1日修正", id="dated"
        ),
        pytest.param("依据2021年修订的《中华人民共和国行政处罚法》第十条", "2021年修订", id="year"),
        pytest.param("1996年《中华人民共和国行政处罚法》第十条", "1996年", id="year-alone"),
        pytest.param("《中华人民共和国行政处罚法》（1996年）第十条", "1996年", id="year-note"),
        pytest.param("《中华人民共和国行政处罚法》第十条（2017年修正）", "2017年修正", id="after"),
    ],
)
def test_a_version_is_read_wherever_it_is_written(cite: Cite, text: str, version: str) -> None:
    """A version written before the title (2021年修订的《…》) or as a year alone in a note
    （1996年） was dropped: the record cited the text in force instead."""
    cites = cite(text)
    assert [(c.article, c.version) for c in cites] == [(10, version)]
    assert text[cites[0].start] == "《"  # the record starts at the title


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        pytest.param(
            "《中华人民共和国行政处罚法》（2017年修正）第八十七条",
            "the registry holds no text of the 2017 version",
            id="past-the-text-in-force-of-an-older-version",
        ),
        pytest.param(
            "《中华人民共和国行政处罚法》（2023年版）第八十七条",
            "past the last article (第86条) of the text of 2021-01-22",
            id="a-later-year-is-the-text-in-force",
        ),
        pytest.param(
            "《中华人民共和国社会保险法》（2008年版）第十条",
            "older than the instrument (adopted 2010-10-28)",
            id="a-year-before-the-law",
        ),
    ],
)
def test_an_article_of_a_version_the_registry_cannot_check_is_flagged(
    cite: Cite, text: str, warned: str
) -> None:
    """An article cited with a version whose text the registry does not hold was taken as
    written, unchecked: past the last article of every text the registry holds, or of a year
    before the law was adopted, it is probably wrong and is flagged."""
    (c,) = cite(text)
    assert any(warned in w for w in c.warnings), c.warnings


def test_an_article_of_an_older_version_within_the_text_in_force_is_not_flagged(
    cite: Cite,
) -> None:
    """第六十四条 of the 1996 行政处罚法 (64 articles then, 86 now) stays unflagged."""
    (c,) = cite("《中华人民共和国行政处罚法》（1996年）第六十四条")
    assert c.warnings == ()


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("国务院第735号令第三十八条", id="alone"),
        pytest.param("依据国务院第735号令第三十八条", id="after-a-verb"),
        pytest.param("《医疗保障基金使用监督管理条例》（国务院第735号令）第三十八条", id="note"),
        pytest.param("国务院第735号令《医疗保障基金使用监督管理条例》第三十八条", id="before"),
    ],
)
def test_an_order_numbered_before_its_kind_is_read(cite: Cite, text: str) -> None:
    """国务院第735号令 (the number before 令, as people say it): no citation was read alone, and
    the note's number was dropped."""
    (c,) = cite(text)
    assert (c.law, c.article, c.doc_number) == (
        "医疗保障基金使用监督管理条例",
        38,
        "国务院令第735号",
    )


@pytest.mark.parametrize(
    "written",
    ["人力资源和社会保障部 监察部令第18号", "人力资源和社会保障部、监察部令第18号"],
)
def test_a_joint_order_keeps_every_issuer(cite: Cite, written: str) -> None:
    """The issuers of a joint order before the last one were cut off (监察部令第18号, a number
    of no instrument): the number is kept whole, its issuers joined by one space as the registry
    writes them, and names the instrument."""
    for text in (f"{written}第五条", f"《事业单位工作人员处分暂行规定》（{written}）第五条"):
        (c,) = cite(text)
        assert c.doc_number == "人力资源和社会保障部 监察部令第18号"
        assert (c.law, c.article) == ("事业单位工作人员处分暂行规定", 5)


def test_a_joint_order_the_registry_does_not_know_keeps_its_issuers(cite: Cite) -> None:
    (c,) = cite("《甲管理办法》（财政部 国家税务总局令第12号）第五条")
    assert c.doc_number == "财政部 国家税务总局令第12号"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "《中华人民共和国行政处罚法》第十条第一款；前款第（一）项",
            (10, 1, 1),
            id="paragraph-after-a-semicolon",
        ),
        pytest.param(
            "《中华人民共和国行政处罚法》第十条第一款、前款第（一）项",
            (10, 1, 1),
            id="paragraph-listed",
        ),
        pytest.param(
            "《中华人民共和国行政处罚法》第十条第二款；上款第（二）项", (10, 2, 2), id="shang-kuan"
        ),
        pytest.param(
            "《中华人民共和国行政处罚法》第十条；依照前条第一款", (10, 1, None), id="article"
        ),
    ],
)
def test_a_preceding_unit_in_the_authors_words_is_read(
    cite: Cite, text: str, expected: tuple[int, int, int | None]
) -> None:
    """前款第（一）项 listed right after 《…》第十条第一款 is that paragraph's item: it was
    dropped."""
    first, second = cite(text)
    assert second.kind == "continuation" and second.law == first.law
    assert (second.article, second.paragraph, second.item) == expected
    assert second.warnings == ()


def test_a_preceding_unit_not_certain_from_the_cell_is_flagged(cite: Cite) -> None:
    """After other words than a list mark (a sentence that may be quoted article text), 前条 is
    read as the article cited before, and flagged; with no paragraph cited before, 前款 is
    unresolved and flagged."""
    _, after_words = cite("《中华人民共和国行政处罚法》第十条。对违反前条第二款的")
    assert (after_words.article, after_words.paragraph) == (10, 2)
    assert any("not certain" in w for w in after_words.warnings)
    _, no_paragraph = cite("《中华人民共和国行政处罚法》第十条；前款第（二）项")
    assert no_paragraph.law is None and no_paragraph.warnings


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("对有前款第（一）项规定情形的", id="no-citation-before"),
        pytest.param(
            "《中华人民共和国行政处罚法》第十条：……有前款第（一）项规定情形的", id="quoted"
        ),
    ],
)
def test_a_preceding_unit_of_quoted_text_stays_unread(cite: Cite, text: str) -> None:
    """Quoted article text says 前款 of its own paragraphs: nothing is read for it."""
    assert all("前款" not in c.text for c in cite(text))


@pytest.mark.parametrize(
    "title",
    [
        pytest.param("全国人民代表大会常务委员会关于甲事项的决定", id="npc-decision"),
        pytest.param("全国人大常委会关于甲事项的决议", id="npc-short"),
        pytest.param("最高人民法院关于审理甲类案件若干问题的解释", id="interpretation"),
        pytest.param("国务院办公厅关于加强甲工作的意见", id="normative-document"),
    ],
)
def test_a_national_instrument_the_registry_does_not_hold_is_flagged(
    cite: Cite, title: str
) -> None:
    """A decision, judicial interpretation or normative document of a national organ that the
    registry does not hold was kept without a word: it is kept as written, not put on another
    instrument, and flagged."""
    (c,) = cite(f"《{title}》第三条")
    assert (c.law, c.article, c.law_id) == (title, 3, None)
    assert any("not in the registry" in w for w in c.warnings)


def test_a_local_normative_document_is_not_flagged_as_a_national_one(cite: Cite) -> None:
    """The registry holds no local normative documents: not holding one says nothing of the
    document, and the record says it was not checked (round 8: a title the registry does not
    know never looks resolved), never that a national instrument is missing."""
    (c,) = cite("《甲市人民政府关于加强甲工作的意见》第三条")
    assert c.law_id is None
    assert [w for w in c.warnings if "not checked" in w and "national" not in w]


def test_an_interpretation_cited_without_its_issuer_is_resolved_and_flagged(cite: Cite) -> None:
    """《关于审理行政许可案件若干问题的规定》, the court's name left out, was kept as a title of no
    instrument: the registry's one instrument of that subject is meant, and the record says the
    issuer was supplied."""
    (c,) = cite("《关于审理行政许可案件若干问题的规定》第三条")
    assert c.law == "最高人民法院关于审理行政许可案件若干问题的规定" and c.law_id is not None
    assert c.kind == "abbreviation" and any("issuer left out" in w for w in c.warnings)
