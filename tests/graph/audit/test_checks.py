"""The six kinds of finding on small generated cases (plain values, no store): each check finds
what it must and stays silent on a faithful citation."""

from __future__ import annotations

import pytest

from graph.audit.audit import audit_citations
from graph.audit.checks import check
from graph.audit.compare import ArticleIndex, compare, coverage
from graph.audit.models import (
    Article,
    Chosen,
    CitedProvision,
    Expression,
    Finding,
    Instrument,
    Paragraph,
    provision_label,
)
from graph.audit.quotes import find_quote
from graph.audit.versions import choose_version

LAW = "https://w3id.org/quanze/id/law/x"

# a small law in two versions: 2010 with 5 articles (liability in 第四章, 第四条–第五条), 2018
# renumbered: a new 第二条 pushed the others down by one (liability 第五条–第六条)
TEXTS = {
    "总则甲": "为了规范医疗保障基金的使用，保障参保人员的合法权益，制定本法。",
    "新增": "医疗保障经办机构应当建立健全内部控制制度，明确对定点医药机构的监督职责。",
    "监督": "县级以上人民政府医疗保障行政部门负责本行政区域的医疗保障基金使用监督管理工作。",
    "程序": "医疗保障行政部门实施监督检查，可以采取下列措施：",
    "责任一": "定点医药机构以欺诈手段骗取医疗保障基金支出的，由医疗保障行政部门责令退回，"
    "处骗取金额二倍以上五倍以下的罚款。",
    "责任二": "医疗保障行政部门工作人员滥用职权、玩忽职守、徇私舞弊的，依法给予处分。",
}
ITEMS = ("（一）进入现场检查；", "（二）询问有关人员；", "（三）要求提供有关资料。")


def article(n: int, key: str, chapter: str) -> Article:
    paras = (
        Paragraph(
            TEXTS[key] + ("\n" + "\n".join(ITEMS) if key == "程序" else ""),
            ITEMS if key == "程序" else (),
        ),
    )
    if key == "责任二":
        paras += (Paragraph("构成犯罪的，依法追究刑事责任。"),)
    return Article(n, paras, chapter)


def version(date: str, keys: list[str], liability_from: int) -> Expression:
    return Expression(
        f"{LAW}/{date}",
        date,
        tuple(
            article(n, key, "第四章 法律责任" if n >= liability_from else "第二章 监督管理")
            for n, key in enumerate(keys, start=1)
        ),
    )


OLD = version("2010-10-28", ["总则甲", "监督", "程序", "责任一", "责任二"], 4)
NEW = version("2018-12-29", ["总则甲", "新增", "监督", "程序", "责任一", "责任二"], 5)
LAW_X = Instrument(
    LAW, "某某法", (OLD, NEW), events=(("2010-10-28", "通过"), ("2018-12-29", "修正"))
)


def cite(
    cell: str,
    reference: str,
    *,
    field: str = "basis",
    date: str | None = "2019-06-01",
    note: str | None = None,
    article: int | None = None,
    paragraph: int | None = None,
    item: int | None = None,
) -> CitedProvision:
    start = cell.index(reference)
    return CitedProvision(
        "c1", "list-a", "某县清单", date, "7", field, reference, cell, start,
        start + len(reference), "某某法", LAW, note, article, None, paragraph, item,
    )  # fmt: skip


def findings(c: CitedProvision, law: Instrument = LAW_X) -> list[Finding]:
    chosen = choose_version(law, c.list_date)
    index = ArticleIndex((a.label, a.text) for a in chosen.expression.articles) if chosen else None
    return list(check(c, law, chosen, index))


def kinds_of(c: CitedProvision, law: Instrument = LAW_X) -> list[str]:
    return [f.kind for f in findings(c, law)]


def test_a_faithful_citation_and_quote_give_no_finding() -> None:
    cell = f"《某某法》第五条：{TEXTS['责任一']}"
    assert kinds_of(cite(cell, "《某某法》第五条", article=5)) == []


@pytest.mark.parametrize(
    ("reference", "numbers", "said"),
    [
        pytest.param("第九条", {"article": 9}, "第九条 is", id="article"),
        pytest.param("第六条第三款", {"article": 6, "paragraph": 3}, "第三款 is", id="paragraph"),
        pytest.param("第四条第四项", {"article": 4, "item": 4}, "第四项 is", id="item"),
    ],
)
def test_kind_1_a_provision_beyond_the_last(
    reference: str, numbers: dict[str, int], said: str
) -> None:
    (found,) = findings(cite(f"《某某法》{reference}", reference, **numbers))
    assert found.kind == "beyond-last" and found.severity == "error"
    assert (
        f"{said} beyond the last" in found.message
        and "2018-12-29 (in force on 2019-06-01)" in found.message
    )


def test_kind_1_is_judged_in_the_version_in_force_on_the_lists_date() -> None:
    # 第六条 exists from 2018 only: a list of 2015 citing it cites what was not there yet
    early = kinds_of(cite("《某某法》第六条", "第六条", article=6, date="2015-01-01"))
    assert early == ["beyond-last", "amended-after-list"]
    assert kinds_of(cite("《某某法》第六条", "第六条", article=6, date="2019-01-01")) == []


def test_kind_2_a_quote_that_differs_has_a_score_and_a_character_diff() -> None:
    quote = TEXTS["责任一"].replace("二倍以上五倍", "一倍以上三倍")
    cell = f"《某某法》第五条：{quote}"
    (found,) = findings(cite(cell, "《某某法》第五条", article=5))
    assert found.kind == "quote-differs" and found.quote == quote
    assert 0.8 < (found.similarity or 0) < 1
    changed = [(p.written, p.official) for p in found.diff if p.op != "equal"]
    assert changed == [("一", "二"), ("三", "五")]
    assert found.official == TEXTS["责任一"]


def test_kind_2_a_quote_in_quotation_marks_of_one_item() -> None:
    cell = "《某某法》第四条第二项规定“（二）询问有关的人员；”"
    (found,) = findings(cite(cell, "《某某法》第四条第二项", article=4, item=2))
    assert found.kind == "quote-differs"
    assert [(p.written, p.official) for p in found.diff if p.op != "equal"] == [("的", "")]


def test_kind_3_a_quote_of_the_old_numbering_names_the_article_it_matches() -> None:
    # the list of 2019 quotes the old 第四条 (now 第五条) under its old number
    cell = f"《某某法》第四条：{TEXTS['责任一']}"
    (found,) = findings(cite(cell, "《某某法》第四条", article=4))
    assert found.kind == "article-moved" and found.other_article == "第五条"
    assert found.similarity == 1.0 and "the article moved" in found.message


def test_kinds_2_and_3_say_when_the_citation_names_a_version_of_another_year() -> None:
    # the list of 2019 is checked against the 2018 text; its note names the 2010 version, whose
    # numbering the quote follows: the finding says so, and says nothing when the note names 2018
    cell = f"《某某法》（2010年10月28日通过）第四条：{TEXTS['责任一']}"
    c = cite(cell, "《某某法》（2010年10月28日通过）第四条", article=4, note="2010年10月28日通过")
    (found,) = findings(c)
    assert found.kind == "article-moved"
    assert found.message.endswith(
        "; the citation names the version of 2010 (2010年10月28日通过), whose text of 第四条 the "
        "quote is"
    )
    # the named version's text unknown: the finding names the version alone
    only_new = Instrument(LAW, "某某法", (NEW,), events=LAW_X.events)
    (found,) = findings(c, only_new)
    assert found.message.endswith("; the citation names the version of 2010 (2010年10月28日通过)")
    cell = f"《某某法》（2018年修正）第四条：{TEXTS['责任一']}"
    (found,) = findings(cite(cell, "《某某法》（2018年修正）第四条", article=4, note="2018年修正"))
    assert found.kind == "article-moved" and "names the version" not in found.message


def test_a_quote_is_compared_with_the_text_of_the_version_the_citation_names() -> None:
    # the list of 2019 quotes 第四条 of the 2010 text with two characters changed: compared with
    # the 2018 text in force (where 第四条 is another article) and with the 2010 text it names
    quote = TEXTS["责任一"].replace("二倍以上五倍", "一倍以上三倍")
    cell = f"《某某法》（2010年）第四条：{quote}"
    (found,) = findings(cite(cell, "《某某法》（2010年）第四条", article=4, note="2010年"))
    assert "the citation names the version of 2010 (2010年) (similarity 0." in found.message
    assert found.message.endswith("with its text of 第四条)")
    # by the decision it cites the law through, dated by the history; the list undated, so
    # compared with the latest text, where the quote is of 第五条
    law = Instrument(
        LAW, "某某法", (OLD, NEW), decisions=(("2010-10-28", "关于修改〈某某法〉的决定"),)
    )
    via = "《关于修改〈某某法〉的决定》第四条"
    c = cite(f"{via}：{TEXTS['责任一']}", via, article=4, date=None)
    c = CitedProvision(**{**_fields(c), "via": "关于修改〈某某法〉的决定"})
    (found,) = findings(c, law)
    assert found.kind == "article-moved" and found.message.endswith(
        "the version of 2010-10-28, made by 关于修改〈某某法〉的决定, "
        "whose text of 第四条 the quote is"
    )


def _fields(c: CitedProvision) -> dict[str, object]:
    return {name: getattr(c, name) for name in CitedProvision.__dataclass_fields__}


def test_kind_4_an_accountability_basis_outside_the_liability_chapter() -> None:
    c = cite("《某某法》第三条", "《某某法》第三条", field="accountability_basis", article=3)
    (found,) = findings(c)
    assert found.kind == "outside-liability"
    assert "第四章 法律责任 (第五条–第六条" in found.message
    # the same article as a legal basis, and a liability article as accountability basis: silent
    assert kinds_of(cite("《某某法》第三条", "《某某法》第三条", article=3)) == []
    liable = cite("《某某法》第六条", "《某某法》第六条", field="accountability_basis", article=6)
    assert kinds_of(liable) == []


def test_kind_4_needs_a_liability_chapter_to_judge() -> None:
    flat = Instrument(
        LAW, "某某条例", (Expression(f"{LAW}/1", "2010-01-01", (article(1, "监督", None),)),)
    )  # type: ignore[arg-type]
    c = cite("《某某条例》第一条", "《某某条例》第一条", field="accountability_basis", article=1)
    assert kinds_of(c, flat) == []


def test_kind_5_an_expired_instrument_names_its_successor() -> None:
    gone = Instrument(LAW, "某某暂行办法", (OLD,), expired=True, successor="某某办法")
    (found,) = [f for f in findings(cite("《某某暂行办法》第一条", "第一条", article=1), gone)]
    assert found.kind == "expired" and found.successor == "某某办法"


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        pytest.param("2018修正", [], id="known-amendment"),
        pytest.param("2010年", [], id="known-adoption-year"),
        pytest.param("2014修正", ["unknown-version"], id="unknown-year"),
        pytest.param("2010修订", ["unknown-version"], id="year-of-another-event"),
    ],
)
def test_kind_6_a_version_note_that_matches_no_known_version(
    note: str, expected: list[str]
) -> None:
    # the 2018 text only; the history tells of the 2010 adoption
    law = Instrument(LAW, "某某法", (NEW,), events=LAW_X.events)
    c = cite(f"《某某法》（{note}）第一条", "第一条", article=1, note=note)
    assert kinds_of(c, law) == expected


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        pytest.param("2016年2月6日予以修改", [], id="修改-for-a-修订"),
        pytest.param("2016年修正", [], id="修正-for-a-修订"),
        pytest.param(
            "2010年10月28日通过，根据2016年2月6日《关于修改〈某某法〉的决定》修订",
            [],
            id="a-history-of-known-events",
        ),
        pytest.param(
            "2010年10月28日通过，2014年修正", ["unknown-version"], id="a-history-ending-unknown"
        ),
        pytest.param("2016年通过", ["unknown-version"], id="adopted-in-a-year-of-amendment"),
    ],
)
def test_kind_6_amendment_words_and_notes_telling_a_history(note: str, expected: list[str]) -> None:
    # lists write 修改 / 修正 / 修订 for one another, and notes that tell the law's history
    # (adopted, then amended) name several years; the 2018 text, a 2016 amendment without text
    events = (("2010-10-28", "通过"), ("2016-02-06", "修订"), ("2018-12-29", "修正"))
    law = Instrument(LAW, "某某法", (NEW,), events=events)
    c = cite(f"《某某法》（{note}）第一条", "第一条", article=1, note=note)
    assert kinds_of(c, law) == expected


def test_kind_6_a_law_amended_after_the_list_was_published() -> None:
    (found,) = findings(cite("《某某法》第一条", "第一条", article=1, date="2012-03-01"))
    assert found.kind == "amended-after-list" and found.severity == "info"
    assert "2018-12-29" in found.message
    assert kinds_of(cite("《某某法》第一条", "第一条", article=1, date=None)) == []


def test_a_chain_followed_by_a_quote_is_not_compared_article_by_article() -> None:
    cell = f"《某某法》第五条、第六条：{TEXTS['责任一']}"
    c = cite(cell, "第六条", article=6)
    chained = CitedProvision(**{**{s: getattr(c, s) for s in c.__slots__}, "chained": True})  # type: ignore[arg-type]
    assert kinds_of(chained) == []


@pytest.mark.parametrize(
    ("after", "quote"),
    [
        pytest.param(
            "：\n经办机构骗取的，责令退回。\n【部门规章】",
            "经办机构骗取的，责令退回。",
            id="colon-line-tag",
        ),
        pytest.param("规定：“经办机构骗取的”，依法处理", "经办机构骗取的", id="lead-then-marks"),
        pytest.param("「经办机构骗取的」", "经办机构骗取的", id="corner-marks"),
        pytest.param("的规定处罚。", None, id="no-mark"),
        pytest.param("，经办机构骗取的：", None, id="comma-first"),
        pytest.param("：见上", None, id="too-short"),
    ],
)
def test_quotes_are_found_by_their_marks(after: str, quote: str | None) -> None:
    found = find_quote("第八十七条" + after, 5)
    assert (found.text if found else None) == quote


def test_a_colon_quote_ends_at_the_next_reference() -> None:
    cell = "第二十七条：国家建立健全医疗救助制度。第二十九条：医疗救助采取下列方式"
    found = find_quote(cell, 5, cell.index("第二十九条"))
    assert found is not None and found.text == "国家建立健全医疗救助制度。"


def test_similarity_ignores_width_and_white_space_and_scores_excerpts_whole() -> None:
    assert coverage("处 骗取金额2倍 ,", "责令退回，处骗取金额2倍，") == 1.0
    left_out = compare("违反本法规定，截留社会救助资金", "违反本办法规定，截留社会救助资金的")
    assert 0.9 < left_out.similarity < 1
    assert [(p.written, p.official) for p in left_out.diff if p.op != "equal"] == [("", "办")]
    assert compare("罚款", "处骗取金额二倍以上五倍以下的罚款").same


def test_the_audit_counts_per_list_and_orders_by_severity() -> None:
    cells = [
        cite("《某某法》第九条", "第九条", article=9),
        cite("《某某法》第一条", "第一条", article=1, date="2012-03-01"),
        cite("《某某法》第三条", "第三条", field="accountability_basis", article=3),
    ]
    audit = audit_citations(cells, {LAW: LAW_X})
    assert [f.severity for f in audit.findings] == ["error", "warning", "info"]
    assert audit.counts() == {"list-a": {"error": 1, "warning": 1, "info": 1}}
    assert (audit.citations, audit.checked) == (3, 3)
    assert audit_citations(cells, {}).checked == 0


def test_provision_labels_are_written_as_lists_write_them() -> None:
    assert provision_label(104, None, None, None) == "第一百零四条"
    assert Chosen(OLD, "latest known").expression.last_article == 5


def test_a_version_nothing_dates_is_checked_only_when_it_is_all_there_is() -> None:
    # the importer names a text nothing dates …/undated, without eli:version_date
    undated = Expression(f"{LAW}/undated", "", OLD.articles)
    both = Instrument(LAW, "某某条例", (undated, NEW))
    alone = Instrument(LAW, "某某条例", (undated,))
    assert choose_version(both, "2019-06-01").expression is NEW  # type: ignore[union-attr]
    assert choose_version(both, None).expression is NEW  # type: ignore[union-attr]
    (found,) = findings(cite("《某某条例》第九条", "第九条", article=9, date="2019-06-01"), alone)
    assert "in the version of undated (latest known)" in found.message
    assert kinds_of(cite("《某某条例》第一条", "第一条", article=1, date="2001-01-01"), alone) == []
