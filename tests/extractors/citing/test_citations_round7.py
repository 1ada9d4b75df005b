"""Citation styles of round 7 (docs/citations.md): orders cited by a short form of their issuer
(人社部令第8号), rules cited by the order that promulgated them, instruments the registry holds
none of (normative documents, party regulations: not checked, and said), instruments no longer in
force (flagged, never put on their successor), and the number and note styles the probe round
read wrong (（2021）, 第⑴项, 附则第六十四条, 《我国行政许可法》). Each case read wrong on aff2ea5,
silently or unresolved (the controls aside); every case goes through each backend of the cell
pass (the ``cite`` fixture). The titles are the registry's; the sentences are written for these
tests."""

from __future__ import annotations

import json
from importlib.resources import files

import jsonschema
import pytest

from extractors.citing.issuers import load_issuers, official_issuer
from extractors.citing.lawdb import doc_key, load_registry
from tests.extractors.citing.conftest import Cite
from tests.extractors.citing.test_citations_forms import run

CF = "中华人民共和国行政处罚法"
SIF = "实施《中华人民共和国社会保险法》若干规定"


# --- the issuers' short forms (data/issuers.json)


def test_the_issuer_file_holds_to_its_schema() -> None:
    schema = json.loads(files("extractors").joinpath("data/issuers.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(load_issuers(), schema)


def test_every_issuer_example_names_its_department() -> None:
    """Each example (an order number written with a short form) reads as an order of the
    department, by its official name."""
    for issuer in load_issuers()["issuers"]:
        for example in issuer["examples"]:
            key = doc_key(example)
            assert key is not None, example
            assert official_issuer(key[0]) == issuer["name"], example


def test_no_short_form_names_two_departments_or_another_department() -> None:
    """A short form is one department's, and never another's official name: a predecessor
    (环境保护部) is no alias of its successor (生态环境部), whose orders are numbered anew."""
    issuers = load_issuers()["issuers"]
    names = {i["name"] for i in issuers}
    shorts = [s for i in issuers for s in i["short"]]
    assert len(shorts) == len(set(shorts))
    assert not names & set(shorts)
    assert official_issuer("环保部") == "环境保护部" != official_issuer("生态环境部")


@pytest.mark.parametrize(
    ("text", "law"),
    [
        pytest.param("人社部令第13号第二十五条", SIF, id="renshebu"),
        pytest.param("人力资源社会保障部令第13号第二十五条", SIF, id="official-short-form"),
        pytest.param("依据人社部令第8号第五条", "工伤认定办法", id="after-a-lead-verb"),
        pytest.param("中华人民共和国人力资源社会保障部令第8号第五条", "工伤认定办法", id="state"),
    ],
)
def test_an_order_cited_by_a_short_form_of_its_issuer_is_resolved(
    cite: Cite, text: str, law: str
) -> None:
    """人社部令第13号: the registry knows the order as 人力资源和社会保障部令第13号; the short form
    was not known, and the record was unresolved."""
    (c,) = cite(text)
    assert (c.law, c.law_id is not None, c.warnings) == (law, True, ())


@pytest.mark.parametrize(
    ("text", "law"),
    [
        pytest.param("市场监管总局令第46号第十条", "化妆品生产经营监督管理办法", id="short"),
        pytest.param("国家市场监督管理总局令第46号第十条", "化妆品生产经营监督管理办法", id="full"),
        pytest.param("国家工商总局令第73号第五条", "侵害消费者权益行为处罚办法", id="predecessor"),
        pytest.param("公安部令第125号第十条", "公安机关办理行政案件程序规定", id="gonganbu"),
        pytest.param("国务院令第656号第十条", "不动产登记暂行条例", id="regulation"),
        pytest.param(
            "国务院、中央军委令第436号第三条", "军队参加抢险救灾条例", id="joint-short-forms"
        ),
    ],
)
def test_a_rule_is_resolved_by_the_order_its_text_names(cite: Cite, text: str, law: str) -> None:
    """The catalogue's texts name the orders that promulgated them (…国家市场监督管理总局令第46号
    公布): the registry now holds those numbers (catalogue.json ``doc_numbers``); before, only the
    hand entries' numbers were known and these were unresolved."""
    (c,) = cite(text)
    assert (c.law, c.kind, c.law_id is not None) == (law, "unmarked", True)


def test_an_order_of_a_body_the_registry_has_no_order_of_stays_unresolved(cite: Cite) -> None:
    (c,) = cite("国家质检总局令第999号第十条")
    assert (c.kind, c.law) == ("unresolved", None)
    # round 8: and says why it could not be looked up
    assert c.warnings == (
        "国家质检总局令第999号 is not in the registry: it holds no order of "
        "国家质量监督检验检疫总局 (not checked)",
    )


# --- instruments the registry holds none of: not checked, and said


@pytest.mark.parametrize(
    ("text", "law"),
    [
        pytest.param(
            "《浙江省人民政府办公厅关于加强甲工作的通知》（浙政办发〔2019〕12号）第三条",
            "浙江省人民政府办公厅关于加强甲工作的通知",
            id="local-organ-with-number",
        ),
        pytest.param(
            "《杭州市人民政府关于加强甲工作的意见》",
            "杭州市人民政府关于加强甲工作的意见",
            id="local-organ-whole",
        ),
        pytest.param(
            "《关于加强甲工作的通知》（乙政办发〔2019〕12号）第三条",
            "关于加强甲工作的通知",
            id="file-number-only",
        ),
        pytest.param(
            "《甲市人民政府关于印发〈甲市乙管理办法〉的通知》（甲政发〔2019〕5号）第八条",
            "甲市乙管理办法",
            id="issued-by-a-notice",
        ),
        pytest.param("关于印发甲市乙办法的通知第三条", "甲市乙办法", id="notice-unmarked"),
        pytest.param("《中国共产党党内监督条例》第十条", "中国共产党党内监督条例", id="party"),
        pytest.param(
            "《关于实行甲干部问责的暂行规定》第五条",
            "关于实行甲干部问责的暂行规定",
            id="issuer-left-out",
        ),
    ],
)
def test_a_document_the_registry_holds_none_of_is_flagged_as_not_checked(
    cite: Cite, text: str, law: str
) -> None:
    """Normative documents (a local organ's 关于…, a file number 〔2019〕12号, what a notice
    issues), party regulations and titles written from 关于 on: the registry holds none, so that
    it does not know one proves nothing. They passed with no warning, as if checked."""
    (c,) = cite(text)
    assert (c.law, c.law_id) == (law, None)
    assert [w for w in c.warnings if w.endswith("which it does not hold (not checked)")]


def test_a_normative_document_number_alone_is_said_to_be_unchecked(cite: Cite) -> None:
    (c,) = cite("浙政办发〔2019〕12号第三条")
    assert (c.kind, c.article) == ("unresolved", 3)
    assert c.warnings[0].endswith("a file number, which it holds none of (not checked)")


def test_a_local_regulation_or_rule_is_not_called_a_normative_document(cite: Cite) -> None:
    """Not a normative document; a local instrument the registry does not know (round 8: said,
    as a title the registry does not know never looks resolved)."""
    (c,) = cite("《重庆市医疗救助办法》第十条")
    assert not [w for w in c.warnings if "normative" in w]
    assert [w for w in c.warnings if "a local instrument it does not know" in w]


# --- instruments no longer in force


@pytest.mark.parametrize(
    ("text", "law", "why"),
    [
        pytest.param(
            "《治安管理处罚条例》第二十条",
            "中华人民共和国治安管理处罚条例",
            "repealed on 2006-03-01",
            id="replaced-by-a-law",
        ),
        pytest.param(
            "《食品卫生法》第二十条",
            "中华人民共和国食品卫生法",
            "repealed on 2009-06-01",
            id="renamed",
        ),
        pytest.param(
            "《中华人民共和国执业医师法》第十条",
            "中华人民共和国执业医师法",
            "repealed on 2022-03-01",
            id="note-made-an-event",
        ),
        pytest.param(
            "《中华人民共和国契税暂行条例》第三条",
            "中华人民共和国契税暂行条例",
            "every text of it the catalogue holds has expired",
            id="catalogue-expired",
        ),
    ],
)
def test_an_instrument_no_longer_in_force_is_what_was_cited_and_flagged(
    cite: Cite, text: str, law: str, why: str
) -> None:
    """Resolved to the instrument cited (never to its successor), and flagged: a repealed
    instrument resolved with no warning (契税暂行条例, 执业医师法) or was titled by rule."""
    (c,) = cite(text)
    assert (c.law, c.law_id is not None) == (law, True)
    assert any(w.startswith(f"{law!r} is not in force: {why}") for w in c.warnings)


def test_an_instrument_in_force_is_not_flagged(cite: Cite) -> None:
    (c,) = cite("《中华人民共和国治安管理处罚法》第二十条")
    assert c.warnings == ()


# --- numbers, notes and titles the probe round read wrong


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("《行政处罚法》第三十条第⑴项", [(CF, 30, None, 1)], id="parenthesized"),
        pytest.param("《行政处罚法》第三十条第①项", [(CF, 30, None, 1)], id="circled"),
        pytest.param(
            "《行政处罚法》第三十条第②、③项", [(CF, 30, None, 2), (CF, 30, None, 3)], id="listed"
        ),
        pytest.param("《行政处罚法》第⑿条", [(CF, 12, None, None)], id="twelve"),
        pytest.param("《行政处罚法》第Ⅹ条", [(CF, 10, None, None)], id="roman"),
        pytest.param("《行政处罚法》第十条第ⅲ项", [(CF, 10, None, 3)], id="roman-small"),
    ],
)
def test_an_enclosed_number_is_read(
    cite: Cite, text: str, expected: list[tuple[object, ...]]
) -> None:
    """①, ⑴ (word processors' item numbers), Ⅹ (a Roman numeral character): the number was
    dropped, with its provision (the title cited whole)."""
    assert [(c.law, c.article, c.paragraph, c.item) for c in cite(text)] == expected


def test_a_year_alone_in_brackets_is_the_version(cite: Cite) -> None:
    """《…法》（2021）第十条: read as a point too large to be one, the article was dropped."""
    (c,) = cite("《行政处罚法》（2021）第十条")
    assert (c.law, c.article, c.version) == (CF, 10, "2021")


def test_the_supplementary_chapter_named_before_an_article_is_passed_over(cite: Cite) -> None:
    """《…》附则第六十四条: the article was dropped, the title cited whole."""
    (c,) = cite("《工伤保险条例》附则第六十四条")
    assert (c.law, c.article) == ("工伤保险条例", 64)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        pytest.param("《我国行政许可法》第十二条", "我国", id="wo-guo"),
        pytest.param("《国家行政许可法》第十二条", "国家", id="guo-jia"),
        pytest.param(
            "《2021年修订的中华人民共和国行政处罚法》第十条", "2021年修订的", id="version"
        ),
    ],
)
def test_words_before_the_title_inside_its_marks_are_read_and_said(
    cite: Cite, text: str, written: str
) -> None:
    """The author's words inside the marks before a title the registry knows: the title with them
    was kept as written (《2021年修订的…》, silently) or titled by rule (中华人民共和国我国…法)."""
    (c,) = cite(text)
    assert c.law_id is not None
    assert any(w.startswith(f"{written!r} inside the title marks") for w in c.warnings)


def test_a_law_whose_name_starts_with_guojia_is_not_cut(cite: Cite) -> None:
    (c,) = cite("《国家赔偿法》第十条")
    assert (c.law, c.warnings) == ("中华人民共和国国家赔偿法", ())


def test_the_party_accountability_regulation_is_known_by_its_short_title(cite: Cite) -> None:
    assert run(cite, "《问责条例》第七条") == [
        ("中国共产党问责条例", 7, None, None, None, "abbreviation")
    ]


def test_the_catalogue_holds_the_order_numbers_of_its_texts() -> None:
    """catalogue.json ``doc_numbers``: what 不动产登记暂行条例's text says promulgated it."""
    (entry,) = load_registry().lookup("不动产登记暂行条例")
    assert "中华人民共和国国务院令第656号" in entry.doc_numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "【中华人民共和国行政处罚法】第十条",
            [(CF, 10, None, None, None, "explicit")],
            id="title",
        ),
        pytest.param(
            "【地方性法规】【浙江省安全生产条例】第十条",
            [("浙江省安全生产条例", 10, None, None, None, "explicit")],
            id="after-a-rank-tag",
        ),
        pytest.param(
            "【党纪政纪条例】《行政机关公务员处分条例》第二十三条",
            [("行政机关公务员处分条例", 23, None, None, None, "explicit")],
            id="a-tag-before-a-title-is-no-title",
        ),
        pytest.param(
            "【某某管理条例】第十条", [(None, 10, None, None, None, "unresolved")], id="unknown"
        ),
    ],
)
def test_a_title_in_the_brackets_of_a_rank_tag_is_read_when_the_registry_knows_it(
    cite: Cite, text: str, expected: list[tuple[object, ...]]
) -> None:
    """【中华人民共和国行政处罚法】第十条: the article was unresolved, its title unread. A tag that
    heads a title (【党纪政纪条例】《…》) stays a tag, and what the registry does not know is not
    guessed to be a title."""
    assert run(cite, text) == expected
