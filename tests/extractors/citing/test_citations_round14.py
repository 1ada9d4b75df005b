"""Citation shapes of round 14 (docs/citations.md), each left silent by round 13: a list's last
number written without its level word (第三十条、三十二), a short unmarked title ending in 通则
(民法通则第十条), a provision after a group of instruments no title names (《…法》及其配套规章
第十条), and a rank tag written as an unmarked title's note (安全生产条例【行政法规】第十条).
Each case read wrong on d80336b (the controls aside); every case goes through each backend of the
cell pass (the ``cite`` fixture). The titles are the registry's; the articles exist in the texts
of ../shared/lawtexts; the sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.extractors.citing.conftest import Cite

CF = "中华人民共和国行政处罚法"  # 86 articles (2021)
SP = "中华人民共和国食品安全法"  # 154 articles (2021)
XK = "中华人民共和国行政许可法"
ZJAQ = "浙江省安全生产条例"  # 51 articles (2016)
HZRQ = "杭州市燃气管理条例"  # 43 articles (2021)

Row = tuple[str | None, int | None, int | None]


def rows(cite: Cite, text: str) -> list[Row]:
    return [(c.law, c.article, c.paragraph) for c in cite(text)]


# --- a list's last number without its level word


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "《行政处罚法》第三十条、三十二", [(CF, 30, None), (CF, 32, None)], id="comma"
        ),
        pytest.param(
            "《行政处罚法》第三十条、第三十二", [(CF, 30, None), (CF, 32, None)], id="with-di"
        ),
        pytest.param("《行政处罚法》第三十条和三十二", [(CF, 30, None), (CF, 32, None)], id="he"),
        pytest.param("《行政处罚法》第30条、32", [(CF, 30, None), (CF, 32, None)], id="digits"),
        pytest.param(
            "《行政处罚法》第三十条至三十二",
            [(CF, 30, None), (CF, 31, None), (CF, 32, None)],
            id="range",
        ),
        pytest.param(
            "《行政处罚法》第三十条、三十二的规定", [(CF, 30, None), (CF, 32, None)], id="de"
        ),
        pytest.param(
            "《食品安全法》第一百二十二条、一百二十三。",
            [(SP, 122, None), (SP, 123, None)],
            id="sentence-end",
        ),
        pytest.param(
            "《行政处罚法》第三十条第一款、二", [(CF, 30, 1), (CF, 30, 2)], id="paragraph"
        ),
        pytest.param(
            "依据行政许可法第十二条、十三", [(XK, 12, None), (XK, 13, None)], id="unmarked"
        ),
        pytest.param(
            "（《行政处罚法》第三十条、三十二）", [(CF, 30, None), (CF, 32, None)], id="bracketed"
        ),
        pytest.param(
            "《行政处罚法》第三十条、三十二；《行政许可法》第十二条",
            [(CF, 30, None), (CF, 32, None), (XK, 12, None)],
            id="then-another",
        ),
    ],
)
def test_a_lists_last_number_takes_the_level_before_it(
    cite: Cite, text: str, expected: list[Row]
) -> None:
    """The last number was dropped, silently."""
    found = cite(text)
    assert rows(cite, text) == expected
    assert not any(c.warnings for c in found)
    for c in found:
        assert text[c.start : c.end] == c.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # controls: a number that counts something, a year, a comma list, a level word after it
        pytest.param("《行政处罚法》第三十条、三十二人以上", [(CF, 30, None)], id="counts"),
        pytest.param("《行政处罚法》第三十条、2021年修正", [(CF, 30, None)], id="year"),
        pytest.param("《行政处罚法》第三十条和三十二名执法人员", [(CF, 30, None)], id="measure"),
        pytest.param("《行政处罚法》第三十条，3", [(CF, 30, None)], id="after-comma"),
        pytest.param(
            "《行政处罚法》第三十条、三十二条", [(CF, 30, None), (CF, 32, None)], id="level-word"
        ),
    ],
)
def test_a_number_that_is_no_lists_last_is_not_read(
    cite: Cite, text: str, expected: list[Row]
) -> None:
    assert rows(cite, text) == expected


# --- a short unmarked title ending in 通则


@pytest.mark.parametrize(
    ("text", "articles"),
    [
        pytest.param("民法通则第十条", [10], id="alone"),
        pytest.param("依据民法通则第一百零六条", [106], id="lead-verb"),
        pytest.param("根据民法通则第五十四条、第五十五条", [54, 55], id="list"),
        pytest.param("1.民法通则第十条", [10], id="entry"),
        pytest.param("民法通则（1986年）第十条", [10], id="version-note"),
    ],
)
def test_a_short_title_ending_in_tongze_is_read_and_said(
    cite: Cite, text: str, articles: list[int]
) -> None:
    """民法通则 (repealed in 2021) is in no catalogue: the provision was dropped, silently."""
    found = cite(text)
    assert [(c.law, c.article) for c in found] == [("民法通则", a) for a in articles]
    assert all("not in the registry" in c.warnings[0] for c in found)


# --- a provision after a group of instruments no title names


@pytest.mark.parametrize(
    ("text", "law", "provision"),
    [
        pytest.param("《行政处罚法》及其配套规章第十条", CF, "第十条", id="rules"),
        pytest.param("《食品安全法》及其配套法规第二十条", SP, "第二十条", id="regulations"),
        pytest.param("《行政许可法》及相关规定第十二条", XK, "第十二条", id="related"),
        pytest.param(
            "《中华人民共和国行政处罚法》和有关法律法规第三条", CF, "第三条", id="laws-and"
        ),
        pytest.param("《行政处罚法》及其配套文件第三条、第四条", CF, "第三条、第四条", id="a-list"),
        pytest.param("食品安全法及其配套规章第二十条", SP, "第二十条", id="unmarked"),
        pytest.param("依据行政许可法及相关规定第十二条", XK, "第十二条", id="unmarked-lead"),
    ],
)
def test_a_provision_of_a_group_no_title_names_is_said(
    cite: Cite, text: str, law: str, provision: str
) -> None:
    """The law was cited whole and the provision dropped, silently (or nothing was read)."""
    (c,) = cite(text)
    assert (c.law, c.article) == (law, None)
    assert any(w.startswith(provision + " after ") for w in c.warnings)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("《行政处罚法》及其配套规章", id="no-provision"),
        pytest.param("《行政处罚法》第十条及相关规定", id="provision-before"),
    ],
)
def test_a_group_with_no_provision_after_it_says_nothing(cite: Cite, text: str) -> None:
    assert not any(c.warnings for c in cite(text))


def test_an_implementing_instrument_is_no_group(cite: Cite) -> None:
    found = cite("《食品安全法》及其实施条例第十条")
    assert [(c.law, c.article) for c in found] == [(SP, None), (SP + "实施条例", 10)]
    assert not any(c.warnings for c in found)


# --- a rank tag written as an unmarked title's note


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("浙江省安全生产条例【地方性法规】第十条", (ZJAQ, 10), id="local"),
        pytest.param("浙江省安全生产条例（地方性法规）第十条", (ZJAQ, 10), id="round-brackets"),
        pytest.param("食品安全法（法律）第十条", (SP, 10), id="law"),
        pytest.param("行政处罚法【法律】第三十条", (CF, 30), id="lenticular"),
        pytest.param(
            "食品安全法实施条例（行政法规）第十条", (SP + "实施条例", 10), id="regulation"
        ),
        pytest.param("依据行政许可法［法律］第十二条", (XK, 12), id="square"),
        pytest.param("杭州市燃气管理条例[地方性法规]第五条", (HZRQ, 5), id="a-city"),
    ],
)
def test_a_rank_note_after_an_unmarked_title_shows_a_title(
    cite: Cite, text: str, expected: tuple[str, int]
) -> None:
    """Nothing was read (the note hid the title from the provision)."""
    found = cite(text)
    assert [(c.law, c.article) for c in found] == [expected]
    assert not any(c.warnings for c in found)
    assert found[0].text == text.removeprefix("依据")


def test_a_rank_note_after_a_title_the_registry_places_is_said(cite: Cite) -> None:
    """安全生产条例 is no national regulation: read, and said with the places' titles."""
    (c,) = cite("安全生产条例【行政法规】第十条")
    assert (c.law, c.article) == ("安全生产条例", 10)
    assert ZJAQ in c.warnings[0]


def test_a_note_that_is_no_rank_still_shows_nothing(cite: Cite) -> None:
    """Control: a bracket that is neither a rank, a version nor a number (12号楼) is no note."""
    assert rows(cite, "甲办法（12号楼）第十条") == []
