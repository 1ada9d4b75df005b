"""The extractor's fast paths read what the general readers read: simple chains, titles read
apart from their notes, the chain run taken from the title match, cells skipped unread."""

from __future__ import annotations

import pytest

from extractors import get_citations
from extractors.citations import _title_unit, _title_unit_whole
from extractors.find import (
    CHAIN_RUN,
    _chain_of,
    _read_chain,
    chain_at,
    chain_of_run,
    may_end_title_line,
)


@pytest.mark.parametrize(
    "written",
    [
        pytest.param("第八十七条", id="article"),
        pytest.param("第十八条第一款第（八）项", id="article-paragraph-bracketed-item"),
        pytest.param("第10条之一第2款第3项", id="suffix-paragraph-item"),
        pytest.param("第二十一条第(4)项", id="article-item"),
        pytest.param("第十 三条第二款", id="space-inside-number"),
        pytest.param("第零十一条第二款", id="malformed-article"),
        pytest.param("第十条第零十一款", id="malformed-paragraph"),
        pytest.param("第十条之规定", id="suffix-not-a-number"),
        pytest.param("第七条第二款、第三款", id="list-not-simple"),
    ],
)
def test_simple_chain_reads_as_general(written: str) -> None:
    assert _chain_of(written) == _read_chain(written, 0, need_di=True)


@pytest.mark.parametrize(
    ("text", "pos"),
    [
        pytest.param("《社会保险法》第七条第二款、第三款：", 7, id="list"),
        pytest.param("依据第十条 第一款规定", 2, id="space-gap-deeper"),
        pytest.param("第三编辑", 0, id="bian-lookahead"),
    ],
)
def test_chain_of_run_reads_as_chain_at(text: str, pos: int) -> None:
    run = CHAIN_RUN.match(text, pos)
    assert run is not None
    assert chain_of_run(text, pos, run.group()) == chain_at(text, pos)


@pytest.mark.parametrize(
    ("title", "notes"),
    [
        pytest.param("《社会救助暂行办法》", "（2019修订）", id="version-note"),
        pytest.param("《社会救助暂行办法》", "(试行)（国务院令第649号）：", id="glued-and-number"),
        pytest.param("《中华人民共和国社会保险法（2018年修正）》", " 中的", id="note-inside-marks"),
        pytest.param("〈行政处罚决定书〉", "", id="angle-marks-not-instrument"),
        pytest.param(
            "《实施〈中华人民共和国社会保险法〉若干规定》", "（以下简称《规定》）", id="alias"
        ),
        pytest.param("《（2018修正）》", "", id="nothing-but-notes"),
    ],
)
def test_title_read_apart_from_notes(title: str, notes: str) -> None:
    assert _title_unit(title, notes) == _title_unit_whole(title + notes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("对社会保险违法行为的处罚（898）", False, id="ends-in-number"),
        pytest.param("西藏自治区城镇职工基本医疗保险暂行办法", True, id="ends-in-title"),
        pytest.param("某办法（试行） ", True, id="trial-bracket"),
        pytest.param("第一行。\n某办法(暂行)\n", True, id="trial-bracket-on-later-line"),
    ],
)
def test_may_end_title_line(text: str, expected: bool) -> None:
    assert may_end_title_line(text) is expected


def test_cell_without_anchor_has_no_citations_but_standalone_titles_count() -> None:
    assert get_citations("对社会保险违法行为的处罚（898）") == []
    cites = get_citations("西藏自治区城镇职工基本医疗保险暂行办法\n责任及其他")
    assert [c.text for c in cites] == ["西藏自治区城镇职工基本医疗保险暂行办法"]
