"""Splitting responsibility and accountability cells into clauses: one row per marking shape."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.clauses import split_clauses
from extractors.reading.read import read_list

LEAD = "因不履行或不正确履行行政职责，有下列情形的，行政机关及相关工作人员应承担相应责任："

CASES = [
    pytest.param(
        f"{LEAD}\n1. 没有法律依据的；\n2. 擅自改变种类的；",
        LEAD,
        [1, 2],
        id="lead-then-arabic-dots",
    ),
    pytest.param(
        "1、受理责任：一次性告知；\n2、审查责任：审查材料。", None, [1, 2], id="arabic-dunhao"
    ),
    pytest.param(
        "（一）对符合条件的不予受理的；\n（二）对不符合条件的予以批准的。",
        None,
        [1, 2],
        id="paren-chinese",
    ),
    pytest.param("(1)未按规定公示的;(2)泄露信息的。", None, [1, 2], id="paren-arabic-run-together"),
    pytest.param(
        "一、检查责任：依法检查。\n二、处置责任：依法处置。", None, [1, 2], id="chinese-dunhao"
    ),
    pytest.param("①不予受理的；②不予批准的；③其他。", None, [1, 2, 3], id="circled"),
    pytest.param("１．全角数字的；\n２．第二条情形。", None, [1, 2], id="full-width-digits"),
    pytest.param(
        "1. 受理责任：材料包括：（1）申请书；（2）结算单。\n2. 审查责任：审查。",
        None,
        [1, 2],
        id="inner-style-stays-inside",
    ),
    pytest.param(
        "（一）受理责任：1. 甲；2. 乙；3. 丙。\n（二）审查责任：审查。",
        None,
        [1, 2],
        id="first-mark-names-the-style-not-the-most-marks",
    ),
    pytest.param(
        "1. 处骗取金额2.5倍罚款的；\n2. 2019年以前的。", None, [1, 2], id="decimals-are-not-marks"
    ),
    pytest.param("滥用职权、玩忽职守、徇私舞弊的。", None, [None], id="one-unnumbered-clause"),
    pytest.param("检查责任：检查；\n处置责任：处置。", None, [None, None], id="labelled-lines"),
    pytest.param("", None, [], id="empty-cell"),
]


@pytest.mark.parametrize(("text", "lead", "numbers"), CASES)
def test_split(text: str, lead: str | None, numbers: list[int | None]) -> None:
    split = split_clauses(text)
    assert split.lead == lead
    assert [c.number for c in split.clauses] == numbers
    for clause in split.clauses:
        assert text[clause.start : clause.end] == clause.text
        assert clause.text and clause.text == clause.text.strip(" ；;，,\n")


WARNINGS = [
    pytest.param("1. 甲的；\n2. 乙的；\n4. 丁的。", 4, "skips from 2 to 4", id="gap"),
    pytest.param("1. 甲的；\n2. 乙的；2. 丙的。", 2, "repeated", id="repeat"),
    pytest.param("1. 甲的；\n2. 乙的；\n1. 丙的。", 1, "restarts", id="restart"),
    pytest.param("1. 甲的；\n2. 乙的;3. 丙的。", 3, "runs on from clause 2", id="two-on-one-line"),
]


@pytest.mark.parametrize(("text", "number", "says"), WARNINGS)
def test_numbering_oddities_are_kept_and_flagged(text: str, number: int, says: str) -> None:
    flagged = [c for c in split_clauses(text).clauses if c.warnings]
    assert [c.number for c in flagged] == [number]
    assert says in flagged[0].warnings[0]


def test_labels_name_unnumbered_and_numbered_clauses() -> None:
    split = split_clauses("1. 受理责任：一次性告知；\n2. 其他：法律法规规定的责任。")
    assert [c.label for c in split.clauses] == ["受理责任", None]


@given(
    st.text(
        alphabet=st.sampled_from(list("1234567890.、．（）()一二三十①②；;。\n 的甲乙责任：")),
        max_size=80,
    )
)
def test_never_raises_and_spans_round_trip(text: str) -> None:
    for clause in split_clauses(text).clauses:
        assert text[clause.start : clause.end] == clause.text


def _item(paths: list[Path], prefix: str, row: str) -> object:
    path = next(p for p in paths if p.name.startswith(prefix))
    return next(i for i in read_list(path).items if i.row == row)


def test_seed_dazi_item_1(sample_paths: list[Path]) -> None:
    item = _item(sample_paths, "000", "1")
    accountability = split_clauses(item.accountability)  # type: ignore[attr-defined]
    assert accountability.lead and accountability.lead.startswith("因不履行")
    assert [c.number for c in accountability.clauses] == list(range(1, 8))
    assert len(split_clauses(item.responsibility).clauses) == 9  # type: ignore[attr-defined]


def test_seed_wuxi_item_1177_keeps_the_13_14_glitch(sample_paths: list[Path]) -> None:
    clauses = split_clauses(_item(sample_paths, "001", "1177").accountability).clauses  # type: ignore[attr-defined]
    assert [c.number for c in clauses] == list(range(1, 20))
    assert clauses[13].warnings == ("clause 14 runs on from clause 13 on one line",)
    assert clauses[12].text.endswith("遭受损害的")
