"""Citation styles of round 8 (docs/citations.md): numbers written with 两 (read, and said),
titles the registry does not know (never passed as resolved: repealed instruments it has no
catalogue entry of, technical standards, local instruments, departmental rules), titles one
character off a registry title (read as it, and said), local titles whose place is written by
its unit alone (《省道路运输条例》), back-references by the kind alone (《条例》第十四条), and the
list's date against an instrument's repeal. Each case read wrong on aedbcc6, silently (the
controls aside); every case goes through each backend of the cell pass (the ``cite`` fixture).
The titles are the registry's; the sentences are written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extractors.citing.conftest import Cite

XK = "中华人民共和国行政许可法"
CF = "中华人民共和国行政处罚法"
XF = "中华人民共和国刑法"


def _fields(cite: Cite, text: str) -> list[tuple[object, ...]]:
    return [(c.law, c.article, c.paragraph, c.item) for c in cite(text)]


# --- 两 in a provision's number: read as 二, and said


@pytest.mark.parametrize(
    ("text", "expected", "written"),
    [
        pytest.param("《行政许可法》第两条", [(XK, 2, None, None)], "第两条", id="two"),
        pytest.param("《行政许可法》第两十条", [(XK, 20, None, None)], "第两十条", id="twenty"),
        pytest.param("《刑法》第两百条", [(XF, 200, None, None)], "第两百条", id="hundreds"),
        pytest.param("《行政许可法》第十两条", [(XK, 12, None, None)], "第十两条", id="twelve"),
        pytest.param("《行政处罚法》第十条第两款", [(CF, 10, 2, None)], "第两款", id="paragraph"),
        pytest.param(
            "《行政处罚法》第十条第（两）项", [(CF, 10, None, 2)], "（两）", id="bracketed-item"
        ),
        pytest.param(
            "《行政许可法》第一条、第两条", [(XK, 1, None, None), (XK, 2, None, None)], "第两条",
            id="listed",
        ),
    ],
)  # fmt: skip
def test_a_number_written_with_liang_is_read_and_said(
    cite: Cite, text: str, expected: list[tuple[object, ...]], written: str
) -> None:
    """A provision's number writes two as 二 (第二条, 第二百条); 两 is the word before a measure
    word (两条), so 第两条 is a writing error: read as 二, and said. It was read with no word."""
    found = cite(text)
    assert [(c.law, c.article, c.paragraph, c.item) for c in found] == expected
    assert any(w.startswith(f"{written}: 两 written for 二") for w in found[-1].warnings)


def test_a_number_written_with_er_is_not_flagged(cite: Cite) -> None:
    (c,) = cite("《刑法》第二百零二条")
    assert (c.article, c.warnings) == (202, ())


# --- a title the registry does not know never looks resolved


@pytest.mark.parametrize(
    ("text", "law", "why"),
    [
        pytest.param(
            "《劳动教养试行办法》第十条", "劳动教养试行办法", "a repealed instrument",
            id="repealed-before-the-catalogue",
        ),
        pytest.param("依据《劳动教养试行办法》", "劳动教养试行办法", "a repealed", id="whole"),
        pytest.param(
            "《道路运输车辆技术管理规定》第十条", "道路运输车辆技术管理规定",
            "a departmental rule", id="departmental-rule",
        ),
        pytest.param(
            "《道路运输从业人员管理规定》（交通运输部令2016年第52号）第十条",
            "道路运输从业人员管理规定", "a departmental rule", id="rule-with-its-order",
        ),
        pytest.param(
            "《四川省安全生产条例》第十条", "四川省安全生产条例", "a local instrument",
            id="province-the-registry-has-none-of",
        ),
        pytest.param(
            "《浙江省甲乙管理条例》第十条", "浙江省甲乙管理条例", "a local instrument",
            id="province-the-registry-holds",
        ),
        pytest.param(
            "《国务院对确需保留的甲类审批项目设定行政许可的决定》第36项",
            "国务院对确需保留的甲类审批项目设定行政许可的决定", "not checked",
            id="state-council-decision",
        ),
    ],
)  # fmt: skip
def test_a_title_the_registry_does_not_know_is_said_to_be_unchecked(
    cite: Cite, text: str, law: str, why: str
) -> None:
    """Kept as written, ``law_id`` null, and said: these passed with no warning, as if the
    registry had checked them (劳动教养试行办法, repealed in 2013, is in no catalogue)."""
    found = cite(text)
    assert [(c.law, c.law_id) for c in found] == [(law, None)] * len(found)
    assert all(any("not in the registry" in w and why in w for w in c.warnings) for c in found)


# --- technical standards are not statutes


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param("《生活饮用水卫生标准》第四条", "生活饮用水卫生标准", id="standard"),
        pytest.param(
            "《生活饮用水卫生标准》（GB 5749-2022）第四条", "生活饮用水卫生标准", id="numbered"
        ),
        pytest.param("《建筑设计防火规范》（GB 50016-2014）", "建筑设计防火规范", id="code"),
        pytest.param(
            "《城镇燃气设施运行、维护和抢修安全技术规程》",
            "城镇燃气设施运行、维护和抢修安全技术规程",
            id="rules-of-practice",
        ),
        pytest.param(
            "《食品安全国家标准 食品添加剂使用标准》", "食品安全国家标准食品添加剂使用标准",
            id="national-food-standard",
        ),
    ],
)  # fmt: skip
def test_a_technical_standard_is_said_to_be_no_statute(cite: Cite, text: str, title: str) -> None:
    """A standard (GB, GB/T) in title marks was kept as a title of an instrument, unflagged."""
    found = cite(text)
    assert found and all(c.law == title and c.law_id is None for c in found)
    assert all(any("a technical standard, not a statute" in w for w in c.warnings) for c in found)


def test_a_law_on_standards_is_no_standard(cite: Cite) -> None:
    (c,) = cite("《标准化法》第十条")
    assert (c.law, c.warnings) == ("中华人民共和国标准化法", ())


# --- a title one character off a registry title: read as it, and said


@pytest.mark.parametrize(
    ("text", "law", "article"),
    [
        pytest.param("《中华人民共和国行政许可》第十二条", XK, 12, id="missing-last"),
        pytest.param("《行政许法》第十二条", XK, 12, id="missing-in-a-short-title"),
        pytest.param("《中华人民共和国行政处罚罚法》第十条", CF, 10, id="doubled"),
        pytest.param(
            "《中华人民共和国食品全法》第三十四条", "中华人民共和国食品安全法", 34, id="missing"
        ),
        pytest.param("《工伤保险险条例》第十七条", "工伤保险条例", 17, id="regulation-extra"),
        pytest.param("《工伤保条例》第十七条", "工伤保险条例", 17, id="regulation-missing"),
        pytest.param("《社会救助暂行办》第十条", "社会救助暂行办法", 10, id="ending-cut"),
        pytest.param("《浙江省道路运条例》第十条", "浙江省道路运输条例", 10, id="local-regulation"),
        pytest.param(
            "《浙江道路运输条例》第十条", "浙江省道路运输条例", 10, id="place-without-its-unit"
        ),
    ],
)
def test_a_title_one_character_off_is_read_as_the_registry_title_and_said(
    cite: Cite, text: str, law: str, article: int
) -> None:
    """The title was kept as written (or titled by rule), with no word or a word that the law
    was repealed or wrong; it is the registry's title with a character missing or doubled."""
    (c,) = cite(text)
    assert (c.law, c.article, c.law_id is not None) == (law, article, True)
    assert any("one character apart" in w for w in c.warnings)


def test_a_title_far_from_every_registry_title_is_not_read_as_one(cite: Cite) -> None:
    (c,) = cite("《中华人民共和国甲乙丙法》第十条")
    assert (c.law, c.law_id) == ("中华人民共和国甲乙丙法", None)
    assert not any("one character apart" in w for w in c.warnings)


# --- the list's own place written by its unit alone: 《本省…》, 《省…》


@pytest.mark.parametrize(
    ("text", "region", "law"),
    [
        pytest.param("《省道路运输条例》第十条", "浙江省", "浙江省道路运输条例", id="province"),
        pytest.param("《本省道路运输条例》第十条", "浙江省", "浙江省道路运输条例", id="ben"),
        pytest.param(
            "《我省道路运输条例》第十条", "山东省交通运输厅", "山东省道路运输条例", id="wo"
        ),
        pytest.param(
            "《市物业管理条例》第十条", "浙江省杭州市", "杭州市物业管理条例", id="city"
        ),
    ],
)  # fmt: skip
def test_a_local_title_with_its_place_written_by_its_unit_takes_the_lists_region(
    text: str, region: str, law: str
) -> None:
    """《省道路运输条例》 was kept as written, unflagged, and the region was not asked."""
    from extractors.citing.cite import cite_items
    from extractors.models import PowerItem

    item = PowerItem(source="a.csv", row="1", line=1, basis=text)
    (c,) = [x.citation for x in cite_items([item], region=region)]
    assert (c.law, c.article, c.law_id is not None) == (law, 10, True)
    assert any("taken from the list's region" in w for w in c.warnings)


def test_a_local_title_with_its_unit_and_no_region_names_its_namesakes(cite: Cite) -> None:
    (c,) = cite("《省道路运输条例》第十条")
    assert (c.law, c.law_id) == ("省道路运输条例", None)
    assert "with their place: 山东省道路运输条例" in c.warnings[0]


def test_a_national_title_of_which_the_region_has_its_own_says_so() -> None:
    """《道路运输条例》 is the State Council's 中华人民共和国道路运输条例; a list of 浙江省 may mean
    浙江省道路运输条例: said (it was not: the national title has the state's name, its
    namesakes were looked up by it)."""
    from extractors.citing.cite import cite_items
    from extractors.models import PowerItem

    item = PowerItem(source="a.csv", row="1", line=1, basis="《道路运输条例》第十条")
    (c,) = [x.citation for x in cite_items([item], region="浙江省交通运输厅")]
    assert c.law == "中华人民共和国道路运输条例"
    assert c.warnings == ("the list's region has its own 浙江省道路运输条例",)


# --- back-references: the kind alone in title marks, 该法 with nothing before it


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "《工伤保险条例》第十条；《条例》第十四条",
            [("工伤保险条例", 10, None, None), ("工伤保险条例", 14, None, None)],
            id="tiaoli",
        ),
        pytest.param(
            "《社会救助暂行办法》第十条；《办法》第十二条",
            [("社会救助暂行办法", 10, None, None), ("社会救助暂行办法", 12, None, None)],
            id="banfa",
        ),
        pytest.param(
            "《中华人民共和国行政许可法》第十条，《法》第十二条",
            [(XK, 10, None, None), (XK, 12, None, None)],
            id="fa",
        ),
        pytest.param(
            "《行政许可法》第十条、《工伤保险条例》第五条；《法》第十二条",
            [(XK, 10, None, None), ("工伤保险条例", 5, None, None), (XK, 12, None, None)],
            id="the-last-of-its-kind",
        ),
    ],
)
def test_the_kind_alone_in_title_marks_is_the_instrument_of_that_kind_cited_before(
    cite: Cite, text: str, expected: list[tuple[object, ...]]
) -> None:
    """《条例》 was read as a local title without its place (16 namesakes), 《办法》 kept as a
    title unflagged, 《法》 titled by rule 中华人民共和国法: it refers back, as 该条例 does."""
    found = cite(text)
    assert [(c.law, c.article, c.paragraph, c.item) for c in found] == expected
    assert "cited before it" in found[-1].warnings[0]


def test_the_kind_alone_with_none_of_its_kind_before_is_said(cite: Cite) -> None:
    (c,) = cite("《行政许可法》第十条；《规定》第三条")[1:]
    assert (c.law, c.law_id, c.warnings) == ("规定", None, ("no 规定 is cited before 《规定》",))


@pytest.mark.parametrize(
    ("text", "said"),
    [
        pytest.param("该法第十二条", "no 法 is cited before 该法", id="gaifa"),
        pytest.param("依照该条例第三条", "no 条例 is cited before 该条例", id="gai-tiaoli"),
    ],
)
def test_a_back_reference_with_nothing_cited_before_it_is_said(
    cite: Cite, text: str, said: str
) -> None:
    """The record was unresolved with no word; the docs promised one."""
    (c,) = cite(text)
    assert (c.kind, c.law, c.warnings) == ("unresolved", None, (said,))


def test_items_listed_with_a_slash_are_each_cited(cite: Cite) -> None:
    """第（一）/（二）项: the article was cited, its items dropped."""
    assert _fields(cite, "《行政处罚法》第十条第（一）/（二）项") == [
        (CF, 10, None, 1),
        (CF, 10, None, 2),
    ]


@pytest.mark.parametrize(
    ("text", "articles"),
    [
        pytest.param("《行政许可法》第10/11条", [10, 11], id="slash"),
        pytest.param("《行政许可法》第十／十一条", [10, 11], id="full-width-slash"),
    ],
)
def test_numbers_listed_with_a_slash_are_each_cited(
    cite: Cite, text: str, articles: list[int]
) -> None:
    """第10/11条: the slash joined articles (第10条/第11条) but not numbers, and the title was
    cited whole."""
    assert [(c.law, c.article) for c in cite(text)] == [(XK, a) for a in articles]


# --- an instrument no longer in force, against the list's date


@pytest.mark.parametrize(
    ("date", "said"),
    [
        pytest.param(
            "2005-06-01",
            "'中华人民共和国治安管理处罚条例' was in force on the list's date 2005-06-01: "
            "repealed on 2006-03-01, after it",
            id="list-before-the-repeal",
        ),
        pytest.param(
            "2019",
            "'中华人民共和国治安管理处罚条例' is not in force: repealed on 2006-03-01, before "
            "the list's date 2019",
            id="list-after-the-repeal",
        ),
        pytest.param(
            "2006",
            "'中华人民共和国治安管理处罚条例' is not in force: repealed on 2006-03-01, in the "
            "time of the list's date 2006",
            id="same-year",
        ),
    ],
)
def test_a_repeal_is_said_against_the_lists_date(date: str, said: str) -> None:
    """The citing API did not receive the list's date: a list made while the regulation was in
    force was said to cite one not in force, as one made years after its repeal was."""
    from extractors.citing.cite import cite_items
    from extractors.models import PowerItem

    item = PowerItem(source="a.csv", row="1", line=1, basis="《治安管理处罚条例》第二十条")
    (c,) = [x.citation for x in cite_items([item], date=date)]
    assert c.law_id is not None
    assert any(w.startswith(said) for w in c.warnings), c.warnings


def test_the_list_date_is_its_metadata_date_or_the_year_its_title_names() -> None:
    from extractors.citing.in_force import list_date
    from extractors.models import ListMeta

    assert list_date(ListMeta(title="2005年甲县公安局权责清单")) == "2005"
    assert list_date(ListMeta(title="甲县公安局权责清单", date="2005-06-01")) == "2005-06-01"
    assert list_date(ListMeta(title="甲县公安局权责清单")) is None


def test_a_list_read_from_a_file_says_the_repeal_against_its_date(tmp_path: Path) -> None:
    """The build and ``quanze extract`` hand the list's date (here its title's year) to the
    citing API: read end to end from a file."""
    from extractors.citing.cite import cite_items
    from extractors.citing.in_force import list_date
    from extractors.reading.read import read_list

    path = tmp_path / "list.csv"
    path.write_text(
        "2005年甲县公安局权责清单\n序号,事项名称,设定依据\n"
        "1,对扰乱公共秩序的处罚,《治安管理处罚条例》第十九条\n",
        encoding="utf-8",
    )
    plist = read_list(path)
    cited = [
        x.citation
        for x in cite_items(plist.items, plist.meta.region, list_date(plist.meta))
        if x.citation.law_id is not None
    ]
    assert cited and all("was in force on the list's date 2005" in c.warnings[0] for c in cited)


# --- orders numbered within a year: the catalogue names none, said


@pytest.mark.parametrize(
    ("text", "why"),
    [
        pytest.param(
            "交通运输部令2016年第28号第十条", "an order numbered within its year", id="year"
        ),
        pytest.param(
            "交通运输部令〔2016〕第28号第十条", "an order numbered within its year", id="brackets"
        ),
        pytest.param(
            "国家税务总局公告2018年第31号第三条", "an order numbered within its year", id="notice"
        ),
        pytest.param(
            "交通运输部令第28号第十条", "it holds no order of 交通运输部", id="issuer-not-held"
        ),
    ],
)
def test_an_order_the_catalogue_cannot_name_is_said_to_be_unchecked(
    cite: Cite, text: str, why: str
) -> None:
    """The catalogue's texts name the orders that promulgated them serially (公安部令第127号),
    none numbered within its year and none of 交通运输部: the record said only that the number
    was not in the registry, as of a wrong number."""
    (c,) = cite(text)
    assert (c.kind, c.law) == ("unresolved", None)
    assert f"is not in the registry: {why}" in c.warnings[0]
    assert c.warnings[0].endswith("(not checked)")


def test_an_order_the_registry_could_know_is_not_said_to_be_unchecked(cite: Cite) -> None:
    (c,) = cite("国务院令第9999号第十条")
    assert c.warnings == ("国务院令第9999号 is not in the registry",)


def test_an_abbreviation_the_cell_defines_is_read_without_marks(cite: Cite) -> None:
    """（以下简称处罚法） then 处罚法第十二条: too short for an unmarked title, the article was
    dropped; the cell defined it."""
    text = "《中华人民共和国行政处罚法》（以下简称处罚法）第十条；处罚法第十二条"
    assert [(c.law, c.article, c.law_id is not None) for c in cite(text)] == [
        (CF, 10, True),
        (CF, 12, True),
    ]


@pytest.mark.parametrize(
    ("text", "law"),
    [
        pytest.param("依据行政许可法等法律法规", XK, id="laws-and-regulations"),
        pytest.param("依据行政许可法等有关法律、法规的规定", XK, id="relevant"),
        pytest.param("根据社会救助暂行办法等规定", "社会救助暂行办法", id="provisions"),
    ],
)
def test_an_unmarked_title_before_a_tail_of_kinds_is_cited_whole(
    cite: Cite, text: str, law: str
) -> None:
    """行政许可法等法律法规: a marked title before 等法律法规 was read, an unmarked one was not."""
    assert [(c.law, c.article) for c in cite(text)] == [(law, None)]


@pytest.mark.parametrize("text", ["有关法律法规", "依照法律法规等规定", "依据国家有关法律法规"])
def test_kinds_alone_name_no_instrument(cite: Cite, text: str) -> None:
    assert cite(text) == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("《劳动教养试行办法》第十条。第十一条", id="continuation"),
        pytest.param(
            "劳动教养试行办法\n第六章 法律责任\n第十条 违反本办法的\n第十一条 ……", id="heading"
        ),
    ],
)
def test_provisions_under_a_title_the_registry_does_not_know_say_so_too(
    cite: Cite, text: str
) -> None:
    """The title's own record was flagged; the articles continuing it, or under it when it heads
    the lines below, looked resolved."""
    found = cite(text)
    assert [c.article for c in found] == [10, 11]
    assert all(
        any("'劳动教养试行办法' is not in the registry" in w for w in c.warnings) for c in found
    )
