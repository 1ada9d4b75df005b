"""Property tests: any citation rendered in any width, bracket and spacing style is extracted back
unchanged; arbitrary text never raises and every span round-trips."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import get_citations
from extractors.citing.cell import read_cell
from extractors.citing.lawdb import load_registry
from extractors.citing.numerals import to_chinese

TITLES = sorted(
    e.title for e in load_registry().entries if "处分条例" not in e.title and "《" not in e.title
)
WIDE = str.maketrans("0123456789", "０１２３４５６７８９")
SPACES = [" ", "\u3000", "\n", "  "]
DOC_BRACKETS = [("〔", "〕"), ("[", "]"), ("【", "】"), ("(", ")"), ("﹝", "﹞"), ("（", "）")]


@st.composite
def numeral(draw: st.DrawFn, n: int) -> str:
    style = draw(st.sampled_from(["chinese", "arabic", "wide"]))
    if style == "chinese":
        return to_chinese(n)
    return str(n) if style == "arabic" else str(n).translate(WIDE)


@st.composite
def spaced(draw: st.DrawFn, s: str) -> str:
    """``s`` with white space (spaces, U+3000, line wraps) inserted at a few random places."""
    chars = list(s)
    for _ in range(draw(st.integers(0, 2))):
        i = draw(st.integers(1, max(1, len(chars) - 1)))
        chars.insert(i, draw(st.sampled_from(SPACES)))
    return "".join(chars)


@st.composite
def citation(draw: st.DrawFn) -> tuple[str, dict[str, object]]:
    title = draw(st.sampled_from(TITLES))
    article = draw(st.integers(1, 300))
    suffix = draw(st.sampled_from([None, None, 1, 2]))
    paragraph = draw(st.sampled_from([None, None, 1, 2, 3]))
    item = draw(st.sampled_from([None, None, 1, 4, 12]))
    version = draw(st.sampled_from([None, "2018修正", "2019年修订"]))
    doc_style = draw(st.sampled_from([None, "order", "order-no-di", "bracketed"]))
    lp, rp = draw(st.sampled_from([("（", "）"), ("(", ")")]))
    text = draw(st.sampled_from(["", "依据", "【法律】", "1.", "根据"]))
    text += "《" + draw(spaced(title)) + "》"
    if version:
        text += lp + version + rp
    doc = None
    if doc_style == "order":
        doc = "国务院令第709号"
        text += lp + doc + rp
    elif doc_style == "order-no-di":
        doc = "国务院令第709号"
        text += lp + "国务院令709号" + rp
    elif doc_style == "bracketed":
        a, b = draw(st.sampled_from(DOC_BRACKETS))
        sp = draw(st.sampled_from(["", " "]))
        doc = "藏医保〔2019〕136号"
        text += lp + f"藏医保{sp}{a}2019{b}{sp}136号" + rp
    text += draw(st.sampled_from(["", " "]))
    text += "第" + draw(spaced(draw(numeral(article)))) + "条"
    if suffix:
        text += "之" + to_chinese(suffix)
    if paragraph:
        text += "第" + draw(numeral(paragraph)) + "款"
    if item:
        ilp, irp = draw(st.sampled_from([("（", "）"), ("(", ")"), ("", "")]))
        text += "第" + ilp + draw(numeral(item)) + irp + "项"
    text += draw(st.sampled_from(["", "：", " 规定", "。", "的规定"]))
    expected: dict[str, object] = {
        "law": title,
        "article": article,
        "article_suffix": suffix,
        "paragraph": paragraph,
        "item": item,
        "version": version,
        "doc_number": doc,
    }
    return text, expected


@settings(max_examples=400, deadline=None)
@given(citation())
def test_rendered_citation_is_extracted_back(case: tuple[str, dict[str, object]]) -> None:
    text, expected = case
    cites = get_citations(text)
    assert len(cites) == 1, (text, cites)
    c = cites[0]
    assert text[c.start : c.end] == c.text
    got = {key: getattr(c, key) for key in expected}
    assert got == expected, text


ALPHABET = st.sampled_from(
    list("《》〈〉<>＜＞第条款项章节目之一二三四五六七十百千零0123456789０１２")
    + list("()（）〔〕[]【】、，,。；;：:\n 　")
    + list("法条例办法规定通知关于印发本的和及至号令国务院社会保险")
)


@settings(max_examples=600, deadline=None)
@given(st.text(ALPHABET, max_size=80) | st.text(max_size=60))
def test_arbitrary_text_never_raises_and_spans_round_trip(text: str) -> None:
    for c in get_citations(text):
        assert text[c.start : c.end] == c.text
        assert c.start < c.end or c.text == ""
        assert c.law is not None or c.kind == "unresolved"


@settings(max_examples=200, deadline=None)
@given(st.lists(citation(), min_size=2, max_size=4))
def test_citations_in_one_cell_keep_their_order(cases: list[tuple[str, dict[str, object]]]) -> None:
    text = "\n".join(t for t, _ in cases)
    cites = get_citations(text)
    starts = [c.start for c in cites]
    assert starts == sorted(starts)
    assert [c.article for c in cites] == [e["article"] for _, e in cases]


#: Pieces of citations and of the text around them, for texts that reach every reader.
PIECES = [
    *["《社会保险法》", "《中华人民共和国社会保险法", "》", "〈", "〉", "<", ">", "《立案审批表》"],
    *["第十条", "第（一）项", "第二款", "第三编", "第二部分", "第五点", "第十条之一", "第10-12条"],
    *[
        "八十七条",
        "、",
        "，",
        "和",
        "至",
        "（2018修正）",
        "(试行)",
        "（十八）",
        "（以下简称《办法》）",
    ],
    *["《办法》", "本法", "该条例", "同法", "依据", "违反", "\n", "。", "；", "“", "”", "「", "」"],
    *["规定：", "国务院令第709号", "国发〔2014〕8号", "关于印发", "的通知", "甲市人民政府批转"],
    *["西藏自治区城镇职工基本医疗保险暂行办法", "社会保险工作要点", "第六章 责任", "附件1目录"],
    *["第66项", "及其实施条例", "中的", " ", "1.", "【法律】", "法律：", "对有", "所列"],
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join) | st.text(ALPHABET, max_size=80))
def test_both_backends_read_any_text_alike(text: str) -> None:
    assert get_citations(text) == read_cell(text, "fast") == read_cell(text, "general")


#: What may join the articles of one list: list marks, conjunctions, slashes, spaces, nothing.
ARTICLE_JOINS = ["、", "，", ",", "和", "及", "或者", "/", "／", " ", "\u3000", ""]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(1, 300), min_size=2, max_size=4, unique=True),
    st.data(),
)
def test_a_list_of_articles_gives_each_article_in_order(
    articles: list[int], data: st.DataObject
) -> None:
    """第十条、第十一条 / 第十条/第十一条 / 第十条第十一条 …: whatever joins the articles (each
    written with its 第, in any numeral style), each is one record of the law, in order, and both
    backends agree."""
    text = "《中华人民共和国社会保险法》"
    for i, article in enumerate(articles):
        if i:
            text += data.draw(st.sampled_from(ARTICLE_JOINS))
        text += "第" + data.draw(numeral(article)) + "条"
    for backend in ("fast", "general"):
        got = [(c.law, c.article) for c in read_cell(text, backend=backend)]
        assert got == [("中华人民共和国社会保险法", a) for a in articles], (backend, text)
