"""The fast backend reads what the general readers read, piece by piece: simple chains and
article lists, titles read apart from their notes, the chain run taken from the title match,
cells and lines skipped unread; and every input of these tables, read whole as a cell, gives the
same citations through both backends."""

from __future__ import annotations

import pytest

from extractors import get_citations
from extractors.citing.cell import read_cell
from extractors.citing.cite import _cached
from extractors.citing.grammar.anchors import SHORT_HEAD, TITLE_HEAD, TOKEN, head_spans
from extractors.citing.grammar.chains import (
    _ARTICLE_LIST,
    _SIMPLE_CHAIN,
    CHAIN_RUN,
    _chain_of,
    _read_chain,
    chain_at,
    chain_of_run,
)
from extractors.citing.grammar.titles import title_unit, title_unit_whole
from extractors.citing.grammar.unmarked import may_stand_alone, standalone_titles, unmarked_before

#: Chains, each with the fast reader it has the shape of (None: the general reader reads it).
CHAINS = [
    pytest.param("第八十七条", "simple", id="article"),
    pytest.param("第十八条第一款第（八）项", "simple", id="article-paragraph-bracketed-item"),
    pytest.param("第10条之一第2款第3项", "simple", id="suffix-paragraph-item"),
    pytest.param("第二十一条第(4)项", "simple", id="article-item"),
    pytest.param("第十 三条第二款", "simple", id="space-inside-number"),
    pytest.param("第零十一条第二款", "simple", id="malformed-article"),
    pytest.param("第十条第零十一款", "simple", id="malformed-paragraph"),
    pytest.param("第十条之规定", None, id="suffix-not-a-number"),
    pytest.param("第七条第二款、第三款", None, id="list-not-simple"),
    pytest.param("第四十四条、第四十五条、第46条、第四十七条", "list", id="list"),
    pytest.param("第十七条至第二十一条", "list", id="range"),
    pytest.param("第3条至第5条、第7条", "list", id="range-then-list"),
    pytest.param("第一条，第二条及第三条到第五条", "list", id="mixed-marks"),
    pytest.param("第十条至第八条", "list", id="backward-range"),
    pytest.param("第1条至第500条", "list", id="range-too-wide"),
    pytest.param("第十条和第零十一条", "list", id="malformed-second-number"),
    pytest.param("第十条以及第十一条或者第十二条", "list", id="two-character-separators"),
    pytest.param("第3条-第5条～第7条", "list", id="dash-and-tilde-ranges"),
]


@pytest.mark.parametrize(("written", "shape"), CHAINS)
def test_a_chain_the_fast_readers_read_reads_as_general(written: str, shape: str | None) -> None:
    simple = _SIMPLE_CHAIN.fullmatch(written) is not None
    listed = _ARTICLE_LIST.fullmatch(written) is not None
    assert ("simple" if simple else "list" if listed else None) == shape
    assert _chain_of(written) == _read_chain(written, 0, need_di=True)


RUNS = [
    pytest.param("《社会保险法》第七条第二款、第三款：", 7, id="list"),
    pytest.param("依据第十条 第一款规定", 2, id="space-gap-deeper"),
    pytest.param("第三编辑", 0, id="bian-lookahead"),
]


@pytest.mark.parametrize(("text", "pos"), RUNS)
def test_chain_of_run_reads_as_chain_at(text: str, pos: int) -> None:
    run = CHAIN_RUN.match(text, pos)
    assert run is not None
    assert chain_of_run(text, pos, run.group()) == chain_at(text, pos)
    assert chain_at(text, pos) == chain_at(text, pos, fast=False)


TITLES_AND_NOTES = [
    pytest.param("《社会救助暂行办法》", "（2019修订）", id="version-note"),
    pytest.param("《社会救助暂行办法》", "(试行)（国务院令第649号）：", id="glued-and-number"),
    pytest.param("《中华人民共和国社会保险法（2018年修正）》", " 中的", id="note-inside-marks"),
    pytest.param("〈行政处罚决定书〉", "", id="angle-marks-not-instrument"),
    pytest.param(
        "《实施〈中华人民共和国社会保险法〉若干规定》", "（以下简称《规定》）", id="alias"
    ),
    pytest.param("《（2018修正）》", "", id="nothing-but-notes"),
]


@pytest.mark.parametrize(("title", "notes"), TITLES_AND_NOTES)
def test_title_read_apart_from_notes(title: str, notes: str) -> None:
    assert title_unit(title, notes) == title_unit_whole(title + notes)


LINES = [
    pytest.param("对社会保险违法行为的处罚（898）", False, id="ends-in-number"),
    pytest.param("西藏自治区城镇职工基本医疗保险暂行办法", True, id="ends-in-title"),
    pytest.param("某办法（试行） ", True, id="trial-bracket"),
    pytest.param("第一行。\n某办法(暂行)\n", True, id="trial-bracket-on-later-line"),
    pytest.param("甲市社会保险条例（征求意见稿）", True, id="longer-trial-mark"),
    pytest.param("甲市社会保险工作纲要\n", True, id="line-ending-not-strong"),
]


@pytest.mark.parametrize(("text", "expected"), LINES)
def test_a_line_that_may_hold_a_title_is_read(text: str, expected: bool) -> None:
    assert may_stand_alone(text) is expected
    # what the cheap test rules out, the line pattern would not have matched
    assert expected or standalone_titles(text) == []


def test_cell_without_anchor_has_no_citations_but_standalone_titles_count() -> None:
    assert read_cell("对社会保险违法行为的处罚（898）", "general") == []
    assert get_citations("对社会保险违法行为的处罚（898）") == []
    cites = get_citations("西藏自治区城镇职工基本医疗保险暂行办法\n责任及其他")
    assert [c.text for c in cites] == ["西藏自治区城镇职工基本医疗保险暂行办法"]


UNMARKED = [
    pytest.param("依据社会保险法第八十七条", (2, "社会保险法"), id="verb-before"),
    pytest.param(
        "依据重庆市城镇职工基本医疗保险、生育保险实施办法第十条",
        (2, "重庆市城镇职工基本医疗保险、生育保险实施办法"),
        id="dunhao-inside-title-from-cell-start",
    ),
    pytest.param("根据社会保险法、劳动法第十条", (8, "劳动法"), id="two-titles"),
    pytest.param("对有第（三）项", None, id="prose"),
    pytest.param("依据社会保险工作要点第三条", (2, "社会保险工作要点"), id="weak-ending"),
]


@pytest.mark.parametrize(("text", "expected"), UNMARKED)
def test_unmarked_title_before_a_provision(text: str, expected: tuple[int, str] | None) -> None:
    assert unmarked_before(text, text.rindex("第")) == expected


def test_scan_groups_are_shared_with_the_exact_title_head() -> None:
    for name in ("title", "notes", "join", "run"):
        assert name in TITLE_HEAD.groupindex and name in TOKEN.groupindex
    text = "《" + "社会保险" * 60 + "法》第八十七条"  # longer than SHORT_HEAD: read again
    m = TOKEN.match(text)
    assert m is not None and m.end() - m.start() > SHORT_HEAD
    assert head_spans(m) is None  # 242 characters between the marks: TITLE_HEAD stops at 198
    short = "《社会保险法》（2018修正）第八十七条"
    m = TOKEN.match(short)
    assert m is not None
    assert head_spans(m) == (7, 15, 15, 15, 20)


SCANS = [
    pytest.param("规定：“社会保险经办机构，处罚款。”", [], id="quoted-article-text-skipped"),
    pytest.param(
        "「中华人民共和国社会保险法」第八十七条", ["「", "第八十七条"], id="quoted-title-kept"
    ),
    pytest.param("《社会保险法", ["《"], id="unclosed-title-mark"),
    pytest.param("第十条第一款", ["第十条第一款"], id="bare-run"),
]


@pytest.mark.parametrize(("text", "anchors"), SCANS)
def test_scan_stops_only_where_a_reader_reads(text: str, anchors: list[str]) -> None:
    assert [m.group() for m in TOKEN.finditer(text)] == anchors


def test_a_cell_is_cached_when_met_again() -> None:
    """The per-cell cache admits a cell on its second reading; a cell met once is not kept, and
    every call returns a list of its own."""
    text = "依据《中华人民共和国社会保险法》第八十六条（test_a_cell_is_cached_when_met_again）"
    before = _cached.cache_info()
    first = get_citations(text)
    assert _cached.cache_info().misses == before.misses  # read directly, not through the cache
    second = get_citations(text)
    assert _cached.cache_info().misses == before.misses + 1
    third = get_citations(text)
    assert _cached.cache_info().hits == before.hits + 1
    assert first == second == third and [c.article for c in first] == [86]
    assert first is not second and second is not third
    third.clear()
    assert get_citations(text) == first


def _cells() -> list[object]:
    """Every input of the tables above, read whole as one cell."""
    texts: dict[str, str] = {}
    for table in (CHAINS, RUNS, TITLES_AND_NOTES, LINES, UNMARKED, SCANS):
        for param in table:
            values = param.values  # type: ignore[attr-defined]
            whole = values[0] + values[1] if table is TITLES_AND_NOTES else values[0]
            texts.setdefault(whole, param.id)  # type: ignore[attr-defined]
    return [pytest.param(text, id=name) for text, name in texts.items()]


@pytest.mark.parametrize("text", _cells())
def test_every_input_reads_alike_through_both_backends(text: str) -> None:
    fast = get_citations(text)
    assert fast == read_cell(text, "fast") == read_cell(text, "general")
