"""Citation styles real lists use that the development set lacks, written from the structure of
Chinese legal citation (not from any line of a list): each style that was read wrong has a case
here, read through every backend of the cell pass (the ``cite`` fixture of conftest.py). The
styles the grammar already read right are in ``test_citations_forms.py``."""

from __future__ import annotations

import pytest

from tests.extractors.citing.conftest import Cite
from tests.extractors.citing.test_citations_forms import run

XK = "中华人民共和国行政许可法"
CF = "中华人民共和国行政处罚法"
SP = "中华人民共和国食品安全法"
SPT = "中华人民共和国食品安全法实施条例"


def rec(
    law: str | None,
    article: int | None = None,
    paragraph: int | None = None,
    item: int | None = None,
    kind: str = "explicit",
) -> tuple[object, ...]:
    """One expected record, as ``run`` gives it (law, article, paragraph, item, point, kind)."""
    return (law, article, paragraph, item, None, kind)


def test_the_next_entry_glued_to_a_provision_starts_a_new_citation(cite: Cite) -> None:
    """Cells run together so that the next entry's number follows the provision with nothing
    between: （1）《甲法》第十条（2）《乙法》第十一条. Statutory text never opens with a title, so
    the number and title are the author's next entry, not the article's quoted words."""
    for number in ("（2）", "(2)", "2.", "2、", "二、", "②"):
        text = (
            f"（1）《中华人民共和国行政处罚法》第十条{number}《中华人民共和国行政许可法》第十一条"
        )
        assert run(cite, text) == [
            rec(CF, 10),
            rec(XK, 11),
        ], number


def test_words_after_a_provision_still_open_its_quoted_text(cite: Cite) -> None:
    """The rule above needs a title after the number: 第十条（一）申请人… quotes the article."""
    text = "《中华人民共和国行政处罚法》第十条（一）依照本法第八条处罚"
    assert run(cite, text) == [rec(CF, 10)]


@pytest.mark.parametrize(
    ("text", "law"),
    [
        pytest.param(
            "杭州市城市市容和环境卫生管理条例第十条", "杭州市城市市容和环境卫生管理条例", id="city"
        ),
        pytest.param(
            "依据浙江省杭州市城市市容和环境卫生管理条例第十条",
            "浙江省杭州市城市市容和环境卫生管理条例",
            id="province-and-city",
        ),
        pytest.param(
            "依据巫溪县城市市容和环境卫生管理条例第十条",
            "巫溪县城市市容和环境卫生管理条例",
            id="county",
        ),
    ],
)
def test_an_unmarked_local_title_keeps_its_place_before_a_national_title(
    cite: Cite, text: str, law: str
) -> None:
    """A city's regulation named after a national one (杭州市 + 城市市容和环境卫生管理条例) is the
    city's own instrument: the place is part of its title, not a word before it."""
    assert run(cite, text) == [rec(law, 10, kind="unmarked")]


def test_prose_before_an_unmarked_national_title_is_still_left_out(cite: Cite) -> None:
    text = "用人单位违反城市市容和环境卫生管理条例第十条"
    assert run(cite, text) == [("城市市容和环境卫生管理条例", 10, None, None, None, "unmarked")]


@pytest.mark.parametrize("form", ["营业执照", "排污许可证", "驾驶执照", "行政执法登记簿"])
def test_certificates_and_registers_in_title_marks_are_not_citations(cite: Cite, form: str) -> None:
    assert run(cite, f"申请人提交《{form}》复印件") == []


#: Each style as (text, records), grouped by the rule that reads it.
STYLES = [
    # kinds rank continuation > unmarked > abbreviation > law-level > explicit: an abbreviated
    # title cited whole is an abbreviation; only a full title cited whole is law-level
    pytest.param(
        "《行政处罚法》",
        [rec(CF, kind="abbreviation")],
        id="whole-abbreviated/abbreviated",
    ),
    pytest.param(
        "违反《行政许可法》《行政处罚法》的",
        [rec(XK, kind="abbreviation"), rec(CF, kind="abbreviation")],
        id="whole-abbreviated/two-abbreviated",
    ),
    pytest.param(
        "《中华人民共和国行政处罚法》",
        [rec(CF, kind="law-level")],
        id="whole-abbreviated/full-title",
    ),
    # the implementing instrument named after a law: …法及其实施条例 is written with any
    # conjunction, with or without 其; marks closed before 实施条例 cite the regulation alone
    pytest.param(
        "《中华人民共和国食品安全法》及实施条例第十条",
        [rec(SP, kind="law-level"), rec(SPT, 10, kind="unmarked")],
        id="implementing/ji",
    ),
    pytest.param(
        "《中华人民共和国食品安全法》和实施条例",
        [rec(SP, kind="law-level"), rec(SPT, kind="law-level")],
        id="implementing/he",
    ),
    pytest.param(
        "《中华人民共和国食品安全法》以及其实施条例第十条",
        [rec(SP, kind="law-level"), rec(SPT, 10, kind="unmarked")],
        id="implementing/yiji-qi",
    ),
    pytest.param(
        "《中华人民共和国食品安全法》实施条例第十条",
        [rec(SPT, 10, kind="unmarked")],
        id="implementing/marks-closed-too-early",
    ),
    # provisions of one level listed with no separator, or a slash: an article holds no article
    # (nor a paragraph a paragraph), so 第十条第十一条 is a list
    pytest.param(
        "《中华人民共和国行政处罚法》第十条第十一条",
        [rec(CF, 10), rec(CF, 11)],
        id="same-level-list/articles",
    ),
    pytest.param(
        "《中华人民共和国行政处罚法》第十条第一款第二款",
        [rec(CF, 10, 1), rec(CF, 10, 2)],
        id="same-level-list/paragraphs",
    ),
    pytest.param(
        "《中华人民共和国行政处罚法》第十条第（一）项第（二）项",
        [rec(CF, 10, None, 1), rec(CF, 10, None, 2)],
        id="same-level-list/items",
    ),
    pytest.param(
        "《中华人民共和国行政处罚法》第十条/第十一条",
        [rec(CF, 10), rec(CF, 11)],
        id="same-level-list/slash",
    ),
    pytest.param(
        "《中华人民共和国行政处罚法》第十条／第十一条第二款",
        [rec(CF, 10), rec(CF, 11, 2)],
        id="same-level-list/full-width-slash",
    ),
    # plain double quotes used as title marks, as “ ” are, around what reads as a title
    pytest.param(
        '"中华人民共和国行政处罚法"第十条',
        [rec(CF, 10)],
        id="plain-quotes/full",
    ),
    pytest.param(
        '依据"行政处罚法"第十条',
        [rec(CF, 10, kind="abbreviation")],
        id="plain-quotes/abbreviated",
    ),
    pytest.param(
        '"行政处罚法"、"行政许可法"',
        [rec(CF, kind="abbreviation"), rec(XK, kind="abbreviation")],
        id="plain-quotes/two",
    ),
    pytest.param(
        '《行政处罚法》第十条规定："违反本法规定的"',
        [rec(CF, 10, kind="abbreviation")],
        id="plain-quotes/quoted-text-is-no-title",
    ),
    # a reference back opening a line after quoted words is the author's: quoted statutory text
    # says 本法 of itself, never 该法, 同法 or 上述法律
    pytest.param(
        "《行政处罚法》第十条\n依照该法第十一条",
        [rec(CF, 10, kind="abbreviation"), rec(CF, 11, kind="continuation")],
        id="refer-back/lead-verb-line",
    ),
    pytest.param(
        "《行政处罚法》第十条：违反本法规定的。\n同法第十一条",
        [rec(CF, 10, kind="abbreviation"), rec(CF, 11, kind="continuation")],
        id="refer-back/after-quoted-words",
    ),
    pytest.param(
        "《行政处罚法》第十条：“违反本法规定的。”该法第十一条",
        [rec(CF, 10, kind="abbreviation"), rec(CF, 11, kind="continuation")],
        id="refer-back/after-a-closed-quotation",
    ),
    pytest.param(
        "《行政处罚法》第十条：违反本法规定的。\n依照本法第十一条",
        [rec(CF, 10, kind="abbreviation")],
        id="refer-back/benfa-is-the-quoted-laws-own",
    ),
    pytest.param(
        "《行政处罚法》第十条：违反该法第十一条",
        [rec(CF, 10, kind="abbreviation")],
        id="refer-back/inside-the-quoted-sentence",
    ),
    # --- round 3: each group below was read wrong before its fix ---
    # Financial numerals (大写数字: 壹贰叁…拾佰仟) and the old 廿/卅 are numbers like the usual
    # ones; before, the chain stopped at them and the article was lost (a law-level record).
    pytest.param("《中华人民共和国行政处罚法》第壹拾条", [rec(CF, 10)], id="financial/article"),
    pytest.param(
        "《中华人民共和国行政处罚法》第贰拾叁条第壹款",
        [rec(CF, 23, 1)],
        id="financial/paragraph",
    ),
    pytest.param(
        "《中华人民共和国行政处罚法》第十条、第贰拾条",
        [rec(CF, 10), rec(CF, 20)],
        id="financial/in-a-list",
    ),
    pytest.param(
        "《中华人民共和国行政处罚法》第十条至第拾贰条",
        [rec(CF, 10), rec(CF, 11), rec(CF, 12)],
        id="financial/range-end",
    ),
    pytest.param("《中华人民共和国行政处罚法》第廿条", [rec(CF, 20)], id="financial/nian-twenty"),
    # 《X》（第十条）: the provisions written in brackets after the title are cited; before, the
    # bracket was taken for a note and the citation read as the whole law.
    pytest.param(
        "《中华人民共和国行政处罚法》（第十条）", [rec(CF, 10)], id="bracketed/full-width"
    ),
    pytest.param(
        "《中华人民共和国行政处罚法》(第十条第一款)", [rec(CF, 10, 1)], id="bracketed/half-width"
    ),
    pytest.param(
        "《中华人民共和国行政处罚法》【第十条】", [rec(CF, 10)], id="bracketed/lenticular"
    ),
    pytest.param(
        "依据《中华人民共和国行政许可法》（第十二条、第十三条）",
        [rec(XK, 12), rec(XK, 13)],
        id="bracketed/list",
    ),
    pytest.param(
        "依据《中华人民共和国行政许可法》（第十二条规定）", [rec(XK, 12)], id="bracketed/规定"
    ),
    pytest.param(
        "《中华人民共和国行政处罚法》（2021修订）（第十条）",
        [rec(CF, 10)],
        id="bracketed/after-a-note",
    ),
    # 同上 / 同前 (as above) before a provision refer back to the instrument cited just before, of
    # any kind, like 该法; before, the provision after them was dropped.
    pytest.param(
        "1.《中华人民共和国行政许可法》第十条\n2.《中华人民共和国行政处罚法》第十一条\n3.同上第十二条",
        [rec(XK, 10), rec(CF, 11), rec(CF, 12, kind="continuation")],
        id="same-as-above/numbered-entry",
    ),
    pytest.param(
        "《中华人民共和国行政许可法》第十条；同前第十二条、第十三条",
        [rec(XK, 10), rec(XK, 12, kind="continuation"), rec(XK, 13, kind="continuation")],
        id="same-as-above/同前",
    ),
    pytest.param(
        "《娱乐场所管理条例》第十条；同上条例第十一条",
        [rec("娱乐场所管理条例", 10), rec("娱乐场所管理条例", 11, kind="continuation")],
        id="same-as-above/同上-with-a-noun",
    ),
    pytest.param(
        "同上第十二条", [rec(None, 12, kind="unresolved")], id="same-as-above/nothing-before"
    ),
    # A、B第十一条 unmarked: the article is B's and A is cited whole, as with marks; before, A was
    # dropped, and A和B alone on a line was read as one title that names no instrument.
    pytest.param(
        "依据中华人民共和国行政许可法、中华人民共和国行政处罚法第十一条",
        [rec(XK, kind="law-level"), rec(CF, 11, kind="unmarked")],
        id="listed-unmarked/dunhao",
    ),
    pytest.param(
        "依据中华人民共和国行政许可法和中华人民共和国行政处罚法第十一条",
        [rec(XK, kind="law-level"), rec(CF, 11, kind="unmarked")],
        id="listed-unmarked/和",
    ),
    pytest.param(
        "依据中华人民共和国行政许可法和中华人民共和国行政处罚法",
        [rec(XK, kind="law-level"), rec(CF, kind="law-level")],
        id="listed-unmarked/two-on-their-line",
    ),
    pytest.param(
        "根据城市市容和环境卫生管理条例",
        [rec("城市市容和环境卫生管理条例", kind="law-level")],
        id="listed-unmarked/和-inside-one-title",
    ),
    pytest.param(
        "依据重庆市城镇职工基本医疗保险、生育保险实施办法第十条",
        [rec("重庆市城镇职工基本医疗保险、生育保险实施办法", 10, kind="unmarked")],
        id="listed-unmarked/dunhao-inside-one-title",
    ),
    # 及其实施细则 after the provisions cited from a law (not only after its title): before, the
    # implementing instrument and its provisions were dropped.
    pytest.param(
        "《娱乐场所管理条例》第十一条及其实施细则第五条",
        [rec("娱乐场所管理条例", 11), rec("娱乐场所管理条例实施细则", 5, kind="unmarked")],
        id="implementing-after-provisions/及其",
    ),
    pytest.param(
        "《中华人民共和国食品安全法》第十条和实施条例第五条",
        [rec(SP, 10), rec(SPT, 5, kind="unmarked")],
        id="implementing-after-provisions/和",
    ),
    pytest.param(
        "《中华人民共和国食品安全法》第十条及其实施条例",
        [rec(SP, 10), rec(SPT, kind="law-level")],
        id="implementing-after-provisions/cited-whole",
    ),
]


#: 同条/该条 (the same article) and 同款/该款 (the same paragraph) in the author's words: parts of
#: the provision cited just before; 本条 is what quoted statutory text says of itself.
SAME_PROVISION = [
    pytest.param(
        "《中华人民共和国行政处罚法》第十条第一款；同条第二款",
        [rec(CF, 10, 1), rec(CF, 10, 2, kind="continuation")],
        id="same-article",
    ),
    pytest.param(
        "《中华人民共和国行政处罚法》第十条第一款、该条第二款第（一）项",
        [rec(CF, 10, 1), rec(CF, 10, 2, 1, kind="continuation")],
        id="that-article",
    ),
    pytest.param(
        "《中华人民共和国行政处罚法》第十条第一款，同款第三项",
        [rec(CF, 10, 1), rec(CF, 10, 1, 3, kind="continuation")],
        id="same-paragraph",
    ),
    pytest.param(
        "《中华人民共和国行政处罚法》第十条；同款第三项",
        [rec(CF, 10), rec(None, None, None, 3, kind="unresolved")],
        id="no-paragraph-before",
    ),
    pytest.param(
        "《中华人民共和国行政处罚法》第十条第一款；本条第二款",
        [rec(CF, 10, 1)],
        id="this-article-is-statute-speak",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SAME_PROVISION)
def test_the_same_article_or_paragraph(
    cite: Cite, text: str, expected: list[tuple[object, ...]]
) -> None:
    assert run(cite, text) == expected


#: Items in brackets glued to the provision with neither 第 nor 项: read where the citation ends
#: after them; before words they open the article's quoted enumeration, and before a title they
#: number the next entry.
BARE_ITEMS = [
    pytest.param(XK + "》第三十条（一）", [rec(XK, 30, None, 1)], id="item"),
    pytest.param(XK + "》第三十条（十八）、", [rec(XK, 30, None, 18)], id="item-then-a-list-mark"),
    pytest.param(
        XK + "》第三十条第一款（三）至（五）；",
        [rec(XK, 30, 1, 3), rec(XK, 30, 1, 4), rec(XK, 30, 1, 5)],
        id="range-of-items",
    ),
    pytest.param(
        XK + "》第三十条（一）、第三十一条",
        [rec(XK, 30, None, 1), rec(XK, 31)],
        id="then-an-article",
    ),
    pytest.param(XK + "》第三十条（一）申请人应当", [rec(XK, 30)], id="quoted-enumeration"),
    pytest.param(XK + "》第三十条 （一）", [rec(XK, 30)], id="spaced-is-quoted"),
]


@pytest.mark.parametrize(("text", "expected"), BARE_ITEMS)
def test_items_in_brackets_without_di_or_xiang(
    cite: Cite, text: str, expected: list[tuple[object, ...]]
) -> None:
    assert run(cite, "《" + text) == expected


@pytest.mark.parametrize(("text", "expected"), STYLES)
def test_styles(cite: Cite, text: str, expected: list[tuple[object, ...]]) -> None:
    assert run(cite, text) == expected


@pytest.mark.parametrize("gap", ["", " ", "\u3000"], ids=["glued", "space", "wide-space"])
def test_a_version_note_written_without_brackets(cite: Cite, gap: str) -> None:
    """《…法》2012年修正 第十条: the note is read as the version, and the article after it is
    cited (it was left out, and the title read as cited whole)."""
    cites = cite(f"《中华人民共和国行政处罚法》2021年修订{gap}第十条")
    assert [(c.law, c.article, c.version, c.kind) for c in cites] == [
        (CF, 10, "2021年修订", "explicit")
    ]


def test_a_year_alone_after_a_title_is_no_version_note(cite: Cite) -> None:
    cites = cite("《中华人民共和国行政处罚法》2021年第十条")
    assert [(c.law, c.article, c.version) for c in cites] == [(CF, None, None)]


@pytest.mark.parametrize(
    ("text", "warning"),
    [
        pytest.param(
            "《中华人民共和国行政处罚法》第〇条",
            "第0条: provisions are numbered from 1",
            id="article",
        ),
        pytest.param(
            "《中华人民共和国行政处罚法》第十条第0款",
            "第0款: provisions are numbered from 1",
            id="paragraph",
        ),
        pytest.param(
            "《中华人民共和国行政处罚法》第十条之〇",
            "之0: provisions are numbered from 1",
            id="suffix",
        ),
        pytest.param(
            "《中华人民共和国行政处罚法》第十条第（0）项",
            "第0项: provisions are numbered from 1",
            id="item",
        ),
    ],
)
def test_a_zero_in_a_provision_is_kept_and_flagged(cite: Cite, text: str, warning: str) -> None:
    """Provisions are numbered from 1: a 0 is kept as written (never repaired) and reported."""
    (found,) = cite(text)
    assert warning in found.warnings


XF = "中华人民共和国消防法"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "依据浙江省实施《中华人民共和国消防法》办法第十条、第十一条",
            [
                rec(f"浙江省实施《{XF}》办法", 10, kind="unmarked"),
                rec(f"浙江省实施《{XF}》办法", 11, kind="unmarked"),
            ],
            id="province",
        ),
        pytest.param(
            "新疆维吾尔自治区实施<中华人民共和国消防法>若干规定第四条",
            [rec(f"新疆维吾尔自治区实施《{XF}》若干规定", 4, kind="unmarked")],
            id="region-half-width-marks",
        ),
        pytest.param(
            "组织实施《中华人民共和国消防法》办法", [rec(XF, kind="law-level")], id="prose-before"
        ),
        pytest.param(
            "各级政府实施《中华人民共和国消防法》规定的职责",
            [rec(XF, kind="law-level")],
            id="prose-after",
        ),
    ],
)
def test_a_local_implementing_title_written_without_outer_marks(
    cite: Cite, text: str, expected: list[tuple[object, ...]]
) -> None:
    """甲省实施《…法》办法 with its outer marks lost is one title, the marks its inner ones; the
    provisions are the local instrument's, not the national law's (which was cited whole)."""
    assert run(cite, text) == expected


XS = "中华人民共和国刑法"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("第一百三十三条之一、之二", [(133, 1, None), (133, 2, None)], id="list"),
        pytest.param("第十条之一至之三", [(10, 1, None), (10, 2, None), (10, 3, None)], id="range"),
        pytest.param("第十条之一和之二第二款", [(10, 1, None), (10, 2, 2)], id="then-a-paragraph"),
        pytest.param(
            "第十条之一、第十一条", [(10, 1, None), (11, None, None)], id="then-an-article"
        ),
    ],
)
def test_suffixes_of_one_article_listed_after_it(
    cite: Cite, text: str, expected: list[tuple[object, ...]]
) -> None:
    """第一百三十三条之一、之二 cites two articles 之N of 第一百三十三条 (the second was lost)."""
    cites = cite(f"《{XS}》{text}")
    assert [(c.article, c.article_suffix, c.paragraph) for c in cites] == expected
    assert {c.law for c in cites} == {XS}


@pytest.mark.parametrize("note", ["2015修订版", "2018年修正版", "2019年修订本"])
def test_a_version_note_is_kept_whole_as_written(cite: Cite, note: str) -> None:
    (found,) = cite(f"《中华人民共和国行政处罚法》（{note}）第十条")
    assert (found.article, found.version) == (10, note)


def test_a_note_opening_with_a_session_number_is_no_provision(cite: Cite) -> None:
    text = "《中华人民共和国行政处罚法》（第十三届全国人大常委会第二十八次会议修订）第十条"
    assert run(cite, text) == [rec(CF, 10)]


@pytest.mark.parametrize(
    ("note", "version", "doc"),
    [
        pytest.param(
            "（第十三届全国人大常委会第七次会议修正）",
            "第十三届全国人大常委会第七次会议修正",
            None,
            id="session",
        ),
        pytest.param(
            "（十三届全国人民代表大会常务委员会第二十八次会议修订）",
            "十三届全国人民代表大会常务委员会第二十八次会议修订",
            None,
            id="session-without-第",
        ),
        pytest.param(
            "（第十二届全国人大常委会第十次会议第一次修正，第十三届全国人大常委会第七次会议第二次修正）",
            "第十三届全国人大常委会第七次会议第二次修正",
            None,
            id="the-last-session",
        ),
        pytest.param(
            "（国务院令第557号公布，国务院令第721号修订）",
            "国务院令第721号修订",
            "国务院令第557号",
            id="amending-order",
        ),
    ],
)
def test_undated_amendment_notes_are_versions(
    cite: Cite, note: str, version: str, doc: str | None
) -> None:
    """An amendment named by the session or the order that made it, without a date, is a
    version note as written; before, only dated ones were (the version was null)."""
    (c,) = cite(f"《中华人民共和国行政处罚法》{note}第十条")
    assert (c.article, c.version, c.doc_number) == (10, version, doc)


def test_an_adoption_note_by_session_is_no_version(cite: Cite) -> None:
    (c,) = cite("《中华人民共和国行政处罚法》（第八届全国人民代表大会第四次会议通过）第十条")
    assert (c.article, c.version) == (10, None)


@pytest.mark.parametrize(
    "title",
    [
        "<<娱乐场所管理条例>>",
        "《<娱乐场所管理条例>》",
        "<《娱乐场所管理条例》>",
        "《《娱乐场所管理条例》》",
    ],
)
def test_a_title_marked_twice_over_is_read_once(cite: Cite, title: str) -> None:
    """Title marks written twice (<<X>>, 《<X>》) hold no inner title: before, the law kept the
    inner marks (《娱乐场所管理条例》) or the provision was lost."""
    assert run(cite, f"{title}第十条") == [rec("娱乐场所管理条例", 10)]


@pytest.mark.parametrize("tag", ["【行政法规】", "[行政法规]", "2.【行政法规】", "行政法规："])
def test_a_rank_tag_glued_to_a_provision_opens_the_next_entry(cite: Cite, tag: str) -> None:
    """【法律】《甲法》第十条【行政法规】《乙条例》第十一条 (entries run together): statutory text
    never opens with a rank tag and a title, so they are the author's next entry; before, they
    were taken for the article's quoted words and the second citation was dropped."""
    text = f"【法律】《中华人民共和国行政许可法》第十条{tag}《娱乐场所管理条例》第十一条"
    assert run(cite, text) == [rec(XK, 10), rec("娱乐场所管理条例", 11)]


@pytest.mark.parametrize("marks", ["『』", "‘’"])
def test_single_and_double_corner_quotes_as_title_marks(cite: Cite, marks: str) -> None:
    """『X条例』 and ‘X条例’ stand for title marks as 「」 and “” do (before: nothing read)."""
    text = f"{marks[0]}娱乐场所管理条例{marks[1]}第十条"
    assert run(cite, text) == [rec("娱乐场所管理条例", 10)]


def test_a_single_quoted_title_inside_quoted_article_text_is_not_the_lists(cite: Cite) -> None:
    text = "《娱乐场所管理条例》第十条规定：“依照‘某某条例’第五条处理”。"
    assert run(cite, text) == [rec("娱乐场所管理条例", 10)]


def test_the_articles_of_a_heading_listed_in_brackets(cite: Cite) -> None:
    """第三章第二节（第二十条至第二十二条): the articles under a chapter and section, in brackets
    after it, are cited with the heading on them; before, only the heading was."""
    cites = cite("《中华人民共和国行政许可法》第三章第二节（第二十条至第二十二条）")
    assert [(c.law, c.chapter, c.section, c.article) for c in cites] == [
        (XK, 3, 2, 20),
        (XK, 3, 2, 21),
        (XK, 3, 2, 22),
    ]


def test_a_heading_with_its_name_in_brackets_stays_a_heading(cite: Cite) -> None:
    (c,) = cite("《中华人民共和国行政许可法》第三章（行政许可的实施程序）")
    assert (c.chapter, c.article) == (3, None)


@pytest.mark.parametrize(
    ("written", "made"),
    [("食安法", "中华人民共和国食安法"), ("行政监察法", "中华人民共和国行政监察法")],
)
def test_a_national_title_made_by_rule_is_flagged(cite: Cite, written: str, made: str) -> None:
    """《食安法》: a …法 the registry does not know is titled 中华人民共和国…法 by rule, and the
    record says the title was made, not found (before: no warning, as if resolved)."""
    (c,) = cite(f"《{written}》第十条")
    assert (c.law, c.law_id, c.kind) == (made, None, "abbreviation")
    assert c.warnings == (f"{made!r} is not in the registry: titled by rule from {written!r}",)


def test_a_national_law_the_registry_knows_is_not_flagged(cite: Cite) -> None:
    (c,) = cite("《行政许可法》第十条")
    assert (c.law, c.warnings) == (XK, ())


@pytest.mark.parametrize("note", ["（已废止）", "(失效)", "（已失效）"])
def test_a_note_that_the_instrument_is_repealed_is_flagged(cite: Cite, note: str) -> None:
    """《X》（已废止）第十条: the list cites an instrument it says is no longer in force; before,
    the note was read as nothing and the record gave no sign of it."""
    (c,) = cite(f"《中华人民共和国行政处罚法》{note}第十条")
    assert (c.article, c.version) == (10, None)
    assert c.warnings == (f"the list notes the instrument as {note[1:-1]}",)


def test_a_note_that_the_instrument_is_in_force_is_no_warning(cite: Cite) -> None:
    (c,) = cite("《中华人民共和国行政处罚法》（现行有效）")
    assert (c.law, c.warnings) == (CF, ())


@pytest.mark.parametrize("gap", [" ", "\u3000", "  "])
@pytest.mark.parametrize("label", ["实施依据：", "追责依据:", "法律依据："])
def test_a_basis_label_after_a_provision_opens_the_next_entry(
    cite: Cite, gap: str, label: str
) -> None:
    """《甲法》第十条 实施依据：《乙条例》第十一条 (a cell holding two labelled parts): a field's
    label is the author's, never a statute's words, so it opens the next entry; before, the words
    after the space were taken for the article's quoted text and the second citation dropped."""
    text = f"《中华人民共和国行政许可法》第十条{gap}{label}《娱乐场所管理条例》第十一条"
    assert run(cite, text) == [rec(XK, 10), rec("娱乐场所管理条例", 11)]


def test_quoted_words_after_a_provision_stay_quoted(cite: Cite) -> None:
    """第十条 下列单位：《甲条例》… quotes the article (no basis label): its title is not cited."""
    text = "《中华人民共和国行政许可法》第十条 下列单位：《娱乐场所管理条例》规定的"
    assert run(cite, text) == [rec(XK, 10)]
