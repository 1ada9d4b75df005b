"""Citation styles of round 9 (docs/citations.md): a title written without marks that also lacks
its kind ending (依据中华人民共和国行政许可第十二条: read as the registry's one title it starts,
and said), a title with one character typed for another (《行政处罚发》: read as the registry's
one title one substitution away, and said; several named, none chosen), and the list's date
given to a plain text (``quanze extract --plain``). Each case read wrong on b099094, silently or
not at all (the controls aside); every cell case goes through each backend of the cell pass (the
``cite`` fixture). The titles are the registry's; the sentences are written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extractors.citing.conftest import Cite

XK = "中华人民共和国行政许可法"
CF = "中华人民共和国行政处罚法"
SB = "中华人民共和国社会保险法"
GS = "工伤保险条例"

# --- a title without marks lacking its kind ending, before a provision


@pytest.mark.parametrize(
    ("text", "law", "article"),
    [
        pytest.param("依据中华人民共和国行政许可第十二条", XK, 12, id="state-name"),
        pytest.param("行政处罚第三十条", CF, 30, id="short-title"),
        pytest.param("根据中华人民共和国社会保险第八十六条", SB, 86, id="after-a-lead"),
        pytest.param("违反工伤保险第六十二条第一款", GS, 62, id="regulation"),
        pytest.param("依照 中华人民共和国行政处罚 第三十条", CF, 30, id="spaced"),
    ],
)
def test_a_title_lacking_its_ending_is_read_as_the_registry_title_and_said(
    cite: Cite, text: str, law: str, article: int
) -> None:
    """Nothing was read (no title ends before the provision): the stem is the registry's one
    title without its ending (法, 条例, 办法, 规定)."""
    (c,) = cite(text)
    assert (c.law, c.article, c.law_id is not None) == (law, article, True)
    assert any("lacks its kind ending" in w for w in c.warnings), c.warnings


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("依据行政许可决定第十二条", id="another-ending"),
        pytest.param("依据许可第十二条", id="a-word"),
        pytest.param("按照安全第十条", id="too-short"),
    ],
)
def test_words_that_are_no_registry_stem_are_not_read_as_a_title(cite: Cite, text: str) -> None:
    assert not any("lacks its kind ending" in w for c in cite(text) for w in c.warnings)


def test_a_title_with_its_ending_is_not_said_to_lack_it(cite: Cite) -> None:
    (c,) = cite("依据中华人民共和国行政许可法第十二条")
    assert (c.law, c.article, c.warnings) == (XK, 12, ())


# --- one character typed for another in a title


@pytest.mark.parametrize(
    ("text", "law", "article"),
    [
        pytest.param("《行政处罚发》第三十条", CF, 30, id="homophone-ending"),
        pytest.param("《社会保险去》第八十六条", SB, 86, id="look-alike-ending"),
        pytest.param("《中华人民共和国行政许刻法》第十二条", XK, 12, id="inside"),
        pytest.param("《工伤保险条列》第十七条", GS, 17, id="regulation"),
        pytest.param("《公伤保险条例》第十七条", GS, 17, id="first-character"),
    ],
)
def test_a_title_with_one_character_replaced_is_read_and_said(
    cite: Cite, text: str, law: str, article: int
) -> None:
    """The title was kept as written and flagged unknown, not offered as the title it is."""
    (c,) = cite(text)
    assert (c.law, c.article, c.law_id is not None) == (law, article, True)
    assert any("one character differs" in w for w in c.warnings), c.warnings


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("《山西省安全生产条例》第十条", id="another-place"),
        pytest.param("《工伤保险规则》第十条", id="another-kind"),
        pytest.param("《行政许法》第十二条", id="four-characters"),
    ],
)
def test_a_replacement_that_names_another_instrument_is_no_typo(cite: Cite, text: str) -> None:
    assert not any("one character differs" in w for c in cite(text) for w in c.warnings)


def test_several_titles_one_character_away_are_named_and_none_chosen(cite: Cite) -> None:
    """刑事诉讼法 and 民事诉讼法 are each one replacement from 某事诉讼法: neither is chosen."""
    (c,) = cite("《中华人民共和国某事诉讼法》第十条")
    assert c.law_id is None
    (why,) = [w for w in c.warnings if "one character differs" in w]
    assert "中华人民共和国刑事诉讼法" in why and "中华人民共和国民事诉讼法" in why


def test_another_city_of_a_local_title_is_no_typo() -> None:
    from extractors.citing.lawdb import load_registry

    assert load_registry().replaced("丙州市制定地方性法规条例") == []


def test_a_title_the_registry_knows_is_not_said_to_differ(cite: Cite) -> None:
    (c,) = cite("《行政处罚法》第三十条")
    assert (c.law, c.warnings) == (CF, ())


# --- the list's date, given to a plain text


def test_a_plain_text_says_the_repeal_against_the_date_given() -> None:
    """``cite_text`` took no date: a plain text citing a repealed regulation was told only that
    it is repealed, however old the list."""
    from extractors.citing.cite import cite_text

    (c,) = [x.citation for x in cite_text("a.txt", "《治安管理处罚条例》第二十条", date="2005")]
    assert any("was in force on the list's date 2005" in w for w in c.warnings), c.warnings


def test_a_plain_text_takes_the_year_its_title_line_names() -> None:
    from extractors.citing.cite import cite_text

    text = "2005年甲县公安局权责清单\n1 处罚 对扰乱公共秩序的处罚 《治安管理处罚条例》第十九条"
    cited = [x.citation for x in cite_text("a.txt", text) if x.citation.law_id is not None]
    assert cited and all("was in force on the list's date 2005" in c.warnings[0] for c in cited)


def test_extract_plain_takes_a_date_option(tmp_path: Path) -> None:
    """``quanze extract --plain --date`` hands the date to the citing API."""
    import json

    from typer.testing import CliRunner

    from graph.app.cli import app

    path = tmp_path / "list.txt"
    path.write_text("甲县公安局权责清单\n1 处罚 《治安管理处罚条例》第十九条\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", "--plain", "--date", "2005-06-01", str(path)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert rows and all(
        any("was in force on the list's date 2005-06-01" in w for w in r["warnings"]) for r in rows
    )
