"""Citation styles an analyst from another province writes, checked against the grammar in round 5
of its generalisation (docs/citations.md): ranges written with any dash, the implementing
instrument named after its parent law, version notes before the title, document numbers written
the other way round (国务院第N号令) or issued jointly, and 前款/前条 in the author's words. Each
style the grammar read wrong has a case here, read through every backend of the cell pass (the
``cite`` fixture). The titles are the registry's; the sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.extractors.citing.conftest import Cite
from tests.extractors.citing.test_citations_forms import run

CF = "中华人民共和国行政处罚法"


@pytest.mark.parametrize(
    "dash",
    ["——", "–", "―", "‒", "‐", "﹣", "〜", "─", " —— "],
    ids=lambda d: f"U+{ord(d.strip()[0]):04X}",
)
def test_a_range_is_read_with_every_dash(cite: Cite, dash: str) -> None:
    """第二十条——第二十二条 (a doubled em dash, an en dash, a horizontal bar …): only the first
    article was read, the range and its last article dropped."""
    expected = [(CF, n, None, None, None, "abbreviation") for n in (20, 21, 22)]
    assert run(cite, f"《行政处罚法》第二十条{dash}第二十二条") == expected
    assert run(cite, f"《行政处罚法》第20{dash}22条") == expected


def test_a_range_of_bracketed_items_is_read_with_a_dash(cite: Cite) -> None:
    """第十条第（一）—（三）项: the items were dropped (only 至 and 到 joined bracketed numbers)."""
    expected = [(CF, 10, None, n, None, "abbreviation") for n in (1, 2, 3)]
    assert run(cite, "《行政处罚法》第十条第（一）—（三）项") == expected


@pytest.mark.parametrize(
    ("text", "law", "known"),
    [
        pytest.param(
            "《中华人民共和国食品安全法》及其实施条例第二十条",
            "中华人民共和国食品安全法实施条例",
            True,
            id="regulation-known",
        ),
        pytest.param(
            "《中华人民共和国防洪法》及其实施办法第五条",
            "中华人民共和国防洪法实施办法",
            False,
            id="measures-unknown",
        ),
        pytest.param(
            "依据《中华人民共和国行政处罚法》和实施办法",
            "中华人民共和国行政处罚法实施办法",
            False,
            id="measures-whole",
        ),
    ],
)
def test_an_implementing_instrument_named_after_its_law_is_resolved_or_flagged(
    cite: Cite, text: str, law: str, known: bool
) -> None:
    """《X法》及其实施办法: the title made from the parent's (X法实施办法) is resolved where the
    registry knows it; where it does not, it was passed off silently as an instrument found (a
    province's implementing measures are titled 甲省实施《X法》办法, so the made title need not
    be one)."""
    implementing = cite(text)[-1]
    assert implementing.law == law
    assert (implementing.law_id is not None) is known
    assert known or any("is not in the registry" in w for w in implementing.warnings)
