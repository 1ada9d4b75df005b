"""Citation styles of round 12 (docs/citations.md): the one left from round 11 (an unmarked
title with 的 and no 关于 before an annex: 国务院对确需保留的…的决定附件第213项) and the styles
the round's probes found read wrong. Each case read wrong on 050aa79, silently or not at all (the
controls aside); every cell case goes through each backend of the cell pass (the ``cite``
fixture). The titles are the registry's or made up; the sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.extractors.citing.conftest import Cite

CF = "中华人民共和国行政处罚法"
KJ = "中华人民共和国会计法"
# not in the registry: the State Council's decision of 2004 (国务院令第412号), titled 对…, not 关于…
DJ = "国务院对确需保留的行政审批项目设定行政许可的决定"

Row = tuple[str | None, int | None, int | None, int | None, int | None]


def rows(cite: Cite, text: str) -> list[Row]:
    return [(c.law, c.article, c.paragraph, c.item, c.point) for c in cite(text)]


# --- an organ's instrument titled 对…, unmarked, before an annex


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "依据国务院对确需保留的行政审批项目设定行政许可的决定附件第213项",
            [(DJ, None, None, None, 213)],
            id="lead-verb",
        ),
        pytest.param(
            "依据国务院对确需保留的行政审批项目设定行政许可的决定 附件第213项、第214项",
            [(DJ, None, None, None, 213), (DJ, None, None, None, 214)],
            id="space-and-list",
        ),
        pytest.param(
            "国务院对确需保留的行政审批项目设定行政许可的决定附件1第5项",
            [(DJ, None, None, None, 5)],
            id="numbered-annex",
        ),
        pytest.param(
            "国务院对确需保留的行政审批项目设定行政许可的决定附件第２１３项",
            [(DJ, None, None, None, 213)],
            id="full-width-digits",
        ),
        pytest.param(
            "国务院对确需保留的行政审批项目设定行政许可的决定第36项",
            [(DJ, None, None, None, 36)],
            id="no-annex-word",
        ),
        pytest.param(
            "依据浙江省人民政府对甲类事项实行备案管理的决定附件第3项",
            [("浙江省人民政府对甲类事项实行备案管理的决定", None, None, None, 3)],
            id="a-places-organ",
        ),
    ],
)
def test_an_organs_title_with_dui_before_an_annex_is_read(
    cite: Cite, text: str, expected: list[Row]
) -> None:
    """The entry was dropped silently: a title with 的 and no 关于 was read as prose."""
    found = cite(text)
    assert rows(cite, text) == expected
    assert all(c.kind == "unmarked" and c.warnings for c in found)


def test_the_titles_notes_before_the_annex_are_read(cite: Cite) -> None:
    """…决定（国务院令第412号）附件第213项: the notes stood between the title and the annex, and
    the entry was dropped silently."""
    text = "国务院对确需保留的行政审批项目设定行政许可的决定（国务院令第412号）附件第213项"
    (c,) = cite(text)
    assert (c.law, c.point, c.doc_number) == (DJ, 213, "国务院令第412号")
    assert text[c.start : c.end] == c.text and c.start == 0


def test_the_marked_title_is_read_as_before(cite: Cite) -> None:
    """Control: in marks it was read (said to be unchecked, as any title the registry lacks)."""
    (c,) = cite("《国务院对确需保留的行政审批项目设定行政许可的决定》附件第213项")
    assert (c.law, c.point) == (DJ, 213)
    assert any("not checked" in w for w in c.warnings)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("县政府对违法行为的处理决定第三条", id="no-place-no-national-organ"),
        pytest.param("执法人员对当事人的处理意见第三条", id="prose"),
    ],
)
def test_prose_with_dui_is_no_title(cite: Cite, text: str) -> None:
    """Control: 对 after words that name no organ of a place or of the state opens prose."""
    assert all(c.law is None for c in cite(text))


def test_a_national_title_with_dui_inside_is_not_an_organs(cite: Cite) -> None:
    """Control: 中华人民共和国对外贸易法 is a law, found in the registry."""
    (c,) = cite("《中华人民共和国对外贸易法》第十条")
    assert (c.law, c.article, c.warnings) == ("中华人民共和国对外贸易法", 10, ())


# --- an unmarked title with a version note that names the amending decision


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "中华人民共和国会计法（根据2017年11月4日《关于修改〈中华人民共和国会计法〉等十一部法律的决定》"
            "修正）第四十二条",
            id="batch-decision",
        ),
        pytest.param(
            "依据中华人民共和国会计法(根据《全国人民代表大会常务委员会关于修改<中华人民共和国会计法>的决定》"
            "修正)第四十二条",
            id="half-width",
        ),
    ],
)
def test_an_unmarked_titles_version_note_is_its_note(cite: Cite, text: str) -> None:
    """The article was dropped and the amending decision read as a citation of its own."""
    (c,) = cite(text)
    assert (c.law, c.article, c.kind) == (KJ, 42, "unmarked")
    assert c.version is not None and c.version.endswith("修正")


# --- chapters, sections and suffixes


def test_a_section_with_no_chapter_above_it_is_said(cite: Cite) -> None:
    """《行政处罚法》第二节: sections are numbered within each chapter; it was read silently."""
    (c,) = cite("《行政处罚法》第二节")
    assert (c.law, c.chapter, c.section, c.article) == (CF, None, 2, None)
    assert c.warnings == ("第2节 is cited with no 章 above it",)


def test_a_section_under_its_chapter_is_not_said(cite: Cite) -> None:
    """Control: 第五章第二节 names the section."""
    (c,) = cite("《行政处罚法》第五章第二节")
    assert (c.chapter, c.section, c.warnings) == (5, 2, ())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("《行政处罚法》第七章、第八十一条", [(7, None), (None, 81)], id="dunhao"),
        pytest.param("《行政处罚法》第七章及第八十一条", [(7, None), (None, 81)], id="ji"),
        pytest.param(
            "《行政许可法》第四章第一节和第二十九条", [(4, None), (None, 29)], id="section-he"
        ),
    ],
)
def test_a_chapter_and_an_article_listed_are_two_citations(
    cite: Cite, text: str, expected: list[tuple[int | None, int | None]]
) -> None:
    """The chapter's record was lost: the article was read as one under it."""
    assert [(c.chapter, c.article) for c in cite(text)] == expected


def test_an_article_after_its_chapter_and_a_comma_is_under_it(cite: Cite) -> None:
    """Control: 第七章，第三十五条 is a heading then an article in it."""
    assert [(c.chapter, c.article) for c in cite("《行政处罚法》第七章，第八十一条")] == [(7, 81)]


XFA = "中华人民共和国刑法"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "《刑法》第一百二十条之一至第一百二十条之三",
            [(120, 1), (120, 2), (120, 3)],
            id="suffixes",
        ),
        pytest.param(
            "《刑法》第一百二十条至第一百二十条之二",
            [(120, None), (120, 1), (120, 2)],
            id="from-plain",
        ),
        pytest.param("《刑法》第120条之1至第120条之3", [(120, 1), (120, 2), (120, 3)], id="arabic"),
    ],
)
def test_a_range_of_one_articles_suffixes_is_filled(
    cite: Cite, text: str, expected: list[tuple[int, int | None]]
) -> None:
    """The range was not filled in (said as a range 120–120 running nowhere)."""
    found = cite(text)
    assert [(c.article, c.article_suffix) for c in found] == expected
    assert all(c.law == XFA and not c.warnings for c in found)


def test_a_backward_range_of_suffixes_is_said(cite: Cite) -> None:
    """Control: 之三至之一 runs backwards: its ends kept, and said."""
    found = cite("《刑法》第一百二十条之三至第一百二十条之一")
    assert [(c.article, c.article_suffix) for c in found] == [(120, 3), (120, 1)]
    assert all("not expanded" in c.warnings[0] for c in found)


# --- a document number alone in brackets; an amending decision written before its title

HZP = "化妆品生产经营监督管理办法"  # 国家市场监督管理总局令第46号


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("（国家市场监督管理总局令第46号）第五十条", id="cell-start"),
        pytest.param("依据(国家市场监督管理总局令第46号)第五十条", id="lead-verb-half-width"),
        pytest.param("1.（国家市场监督管理总局令第46号） 第五十条", id="entry-space"),
    ],
)
def test_an_order_number_alone_in_brackets_names_its_rule(cite: Cite, text: str) -> None:
    """The title lost, its note kept: the article was dropped silently."""
    (c,) = cite(text)
    assert (c.law, c.article, c.doc_number) == (HZP, 50, "国家市场监督管理总局令第46号")
    assert text[c.start : c.end] == c.text and c.text.startswith(("（", "("))


def test_a_number_in_brackets_after_a_title_is_the_titles(cite: Cite) -> None:
    """Control: 《…》（国务院令第722号）第十条 is read from the title, as before."""
    (c,) = cite("《优化营商环境条例》（国务院令第722号）第十条")
    assert (c.law, c.article, c.start) == ("优化营商环境条例", 10, 0)


@pytest.mark.parametrize(
    ("text", "law", "article"),
    [
        pytest.param(
            "根据《全国人民代表大会常务委员会关于修改〈中华人民共和国会计法〉等十一部法律的决定》修正的"
            "《中华人民共和国会计法》第四十二条",
            KJ,
            42,
            id="batch",
        ),
        pytest.param(
            "依据《关于修改〈中华人民共和国安全生产法〉的决定》第三次修正的《安全生产法》第九十四条",
            "中华人民共和国安全生产法",
            94,
            id="nth-amendment",
        ),
    ],
)
def test_an_amending_decision_before_a_title_is_its_version(
    cite: Cite, text: str, law: str, article: int
) -> None:
    """The decision was cited whole (said to be unheld) besides the title it amended."""
    (c,) = cite(text)
    assert (c.law, c.article) == (law, article)
    assert c.version is not None and c.version.endswith("修正") and "决定》" in c.version


def test_an_amending_decision_cited_for_its_provisions_is_as_before(cite: Cite) -> None:
    """Control: 《国务院关于修改〈X〉的决定》第十六条 is X's article, the decision in via."""
    (c,) = cite("《国务院关于修改〈营业性演出管理条例〉的决定》第十六条")
    assert (c.law, c.article, c.via) == (
        "营业性演出管理条例",
        16,
        "国务院关于修改〈营业性演出管理条例〉的决定",
    )


@pytest.mark.parametrize(
    ("text", "doc"),
    [
        pytest.param("京政发〔2020〕12号附件第3项", "京政发〔2020〕12号", id="file-number"),
        pytest.param("依据京政发[2020]12号附件1第3项", "京政发〔2020〕12号", id="ascii-brackets"),
    ],
)
def test_an_annex_entry_after_a_number_alone_is_kept_and_said(
    cite: Cite, text: str, doc: str
) -> None:
    """The entry was dropped silently: no title before the annex."""
    (c,) = cite(text)
    assert (c.law, c.point, c.doc_number, c.kind) == (None, 3, doc, "unresolved")
    assert any("not checked" in w for w in c.warnings)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("《刑法》第一百二十条至之二", [(120, None), (120, 1), (120, 2)], id="range"),
        pytest.param("《刑法》第一百二十条、之一", [(120, None), (120, 1)], id="list"),
    ],
)
def test_a_suffix_after_the_plain_article_is_read(
    cite: Cite, text: str, expected: list[tuple[int, int | None]]
) -> None:
    """The suffix after the article itself was dropped silently."""
    assert [(c.article, c.article_suffix) for c in cite(text)] == expected
