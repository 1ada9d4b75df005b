"""Fields beyond the provision: rank tags, version notes, document numbers, carriers (via), spans
on Chinese text, and the item-level entry point."""

from __future__ import annotations

import pytest

from extractors.citing.cite import cite_items, cite_text
from extractors.models import PowerItem
from tests.extractors.citing.conftest import Cite

SIF = "《中华人民共和国社会保险法》"
JZ = "《社会救助暂行办法》"


def first(cite: Cite, text: str, key: str) -> object:
    cites = cite(text)
    assert cites, text
    return getattr(cites[0], key)


@pytest.mark.parametrize(
    ("text", "rank"),
    [
        pytest.param("【法律】" + SIF + "第八十七条", "法律", id="rank-corner-brackets"),
        pytest.param("[部门规章]" + SIF + "第八十七条", "部门规章", id="rank-square-brackets"),
        pytest.param("【地方性法规】：" + SIF + "第八十七条", "地方性法规", id="rank-with-colon"),
        pytest.param("［规范性文件］ " + SIF, "规范性文件", id="rank-full-width-square"),
        pytest.param("法律：" + SIF + "第八十七条", "法律", id="rank-word-before-colon"),
        pytest.param("2.行政法规：" + JZ + "第八条", "行政法规", id="rank-word-after-numbering"),
        pytest.param("依据法律：" + SIF, None, id="rank-word-mid-sentence-is-not-a-tag"),
        pytest.param(SIF + "第八十七条", None, id="no-rank"),
    ],
)
def test_rank(cite: Cite, text: str, rank: str | None) -> None:
    assert first(cite, text, "rank") == rank


@pytest.mark.parametrize(
    ("text", "version", "doc"),
    [
        pytest.param(
            SIF + "（2018修正）（中华人民共和国主席令第二十五号）第八十七条",
            "2018修正",
            "中华人民共和国主席令第二十五号",
            id="version-and-order",
        ),
        pytest.param(
            JZ + "(2019修订)(国务院令709号)", "2019修订", "国务院令第709号", id="order-without-di"
        ),
        pytest.param(JZ + "（2016年修正）", "2016年修正", None, id="version-with-year-character"),
        pytest.param(
            JZ + "（2014年2月21日中华人民共和国国务院令第649号发布）第二条",
            None,
            "中华人民共和国国务院令第649号",
            id="enactment-clause",
        ),
        pytest.param(
            JZ + "（根据2019年3月2日《国务院关于修改部分行政法规的决定》修订）第二条",
            "根据2019年3月2日《国务院关于修改部分行政法规的决定》修订",
            None,
            id="amended-by-note",
        ),
        pytest.param(
            "《某办法》（藏医保[2019]136号）", None, "藏医保〔2019〕136号", id="doc-square"
        ),
        pytest.param(
            "《某办法》（藏医保【2019】 136号）", None, "藏医保〔2019〕136号", id="doc-corner"
        ),
        pytest.param("《某办法》(藏医保(2019)136号)", None, "藏医保〔2019〕136号", id="doc-parens"),
        pytest.param(
            "《某办法》（藏医保﹝2019﹞136号）", None, "藏医保〔2019〕136号", id="doc-small"
        ),
        pytest.param(
            "《某办法》（藏医保 〔２０１９〕 １３６号）", None, "藏医保〔2019〕136号", id="doc-wide"
        ),
        pytest.param(
            "《某办法》渝府令第231号第三条", None, "渝府令第231号", id="doc-without-parens"
        ),
        pytest.param(
            JZ + "（2010年12月20日国务院令第586号修订）第二条",
            "2010年12月20日国务院令第586号修订",
            "国务院令第586号",
            id="version-in-enactment-clause",
        ),
        pytest.param(
            JZ + "（2014年2月21日国务院令第649号公布 根据2019年3月24日"
            "《国务院关于修改部分行政法规的决定》修订）第二条",
            "根据2019年3月24日《国务院关于修改部分行政法规的决定》修订",
            "国务院令第649号",
            id="last-amendment-of-enactment-clause",
        ),
        pytest.param(
            "《关于印发甲市临时救助办法的通知》（甲府办发〔2018〕12）",
            None,
            "甲府办发〔2018〕12",
            id="doc-number-without-hao",
        ),
        pytest.param("《某办法》（甲府办发[2018]）", None, "甲府办发〔2018〕", id="doc-year-only"),
        pytest.param(
            "《中华人民共和国社会保险法（2018年修正）》第八十七条",
            "2018年修正",
            None,
            id="version-inside-marks",
        ),
    ],
)
def test_version_and_doc_number(
    cite: Cite, text: str, version: str | None, doc: str | None
) -> None:
    assert (first(cite, text, "version"), first(cite, text, "doc_number")) == (version, doc)


CARRIER = (
    "国家医疗保障局办公室 财政部办公厅关于印发〈欺诈骗取医疗保障基金行为举报奖励暂行办法〉的通知"
)


@pytest.mark.parametrize(
    ("text", "law", "via"),
    [
        pytest.param(
            "《" + CARRIER + "》（医保办发〔2018〕22号）",
            "欺诈骗取医疗保障基金行为举报奖励暂行办法",
            CARRIER,
            id="carrier-with-issuers",
        ),
        pytest.param(
            "《关于印发<拉萨市城乡居民医疗救助实施办法>的通知》",
            "拉萨市城乡居民医疗救助实施办法",
            "关于印发〈拉萨市城乡居民医疗救助实施办法〉的通知",
            id="carrier-half-width-inner",
        ),
        pytest.param(
            "《关于印发西藏自治区欺诈骗取医疗保障基金行为举报奖励办法实施细则（试行）的通知》",
            "西藏自治区欺诈骗取医疗保障基金行为举报奖励办法实施细则（试行）",
            "关于印发西藏自治区欺诈骗取医疗保障基金行为举报奖励办法实施细则（试行）的通知",
            id="carrier-inner-unmarked",
        ),
        pytest.param(
            "《关于做好2019年城乡居民基本医疗保障工作的通知》", None, None, id="plain-notice"
        ),
    ],
)
def test_carrier(cite: Cite, text: str, law: str | None, via: str | None) -> None:
    c = cite(text)[0]
    if law is None:
        assert c.via is None and c.law == text.strip("《》")
    else:
        assert (c.law, c.via) == (law, via)


def test_carrier_number_goes_to_doc_number(cite: Cite) -> None:
    c = cite("《" + CARRIER + "》（医保办发〔2018〕22号）")[0]
    assert c.doc_number == "医保办发〔2018〕22号" and c.kind == "law-level"


def test_article_suffix(cite: Cite) -> None:
    c = cite("《中华人民共和国刑法》第二百八十七条之一")[0]
    assert (c.article, c.article_suffix) == (287, 1)


def test_continuation_carries_no_version_or_number(cite: Cite) -> None:
    text = "《社会救助暂行办法》（2019修订）（国务院令709号）第六十六条：……。第六十七条：……"
    a, b = cite(text)
    assert (a.version, a.doc_number) == ("2019修订", "国务院令第709号")
    assert (b.kind, b.version, b.doc_number) == ("continuation", None, None)


def test_spans_on_chinese_text(cite: Cite) -> None:
    text = "【法律】《中华人民共和国社会保险法》第八十七条、第八十八条：社会保险经办机构……"
    a, b = cite(text)
    assert a.text == "《中华人民共和国社会保险法》第八十七条"
    assert (a.start, a.end) == (4, 23)
    assert b.text == "第八十八条" and text[b.start : b.end] == b.text


def test_nothing_carries_across_cells() -> None:
    item = PowerItem(
        source="x.txt",
        row="7",
        line=1,
        basis="《社会救助暂行办法》第五十七条",
        accountability_basis="第六十六条 违反本办法规定的",
    )
    got = [(c.field, c.citation.law, c.citation.kind) for c in cite_items([item])]
    assert got == [
        ("basis", "社会救助暂行办法", "explicit"),
        ("accountability_basis", None, "unresolved"),
    ]


def test_cite_text_treats_text_as_one_cell() -> None:
    got = [
        (c.source, c.row, c.citation.article) for c in cite_text("a.txt", "《社会保险法》第十条")
    ]
    assert got == [("a.txt", None, 10)]


def test_decision_in_version_note_is_not_a_citation(cite: Cite) -> None:
    text = JZ + "（根据2019年3月24日《国务院关于修改部分行政法规的决定》修订）第二条"
    assert [(c.law, c.article) for c in cite(text)] == [("社会救助暂行办法", 2)]
