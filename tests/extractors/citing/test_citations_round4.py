"""Citation styles of round 4, written from the structure of Chinese legal citation (levels
written without 第, brackets and quotation marks around titles, document numbers without their
brackets, characters with no width): each style that was read wrong has a case here, read
through every backend of the cell pass (the ``cite`` fixture of conftest.py)."""

from __future__ import annotations

import pytest

from tests.extractors.citing.conftest import Cite
from tests.extractors.citing.test_citations_forms import run

SB = "中华人民共和国社会保险法"
CF = "中华人民共和国行政处罚法"


def rec(
    law: str | None,
    article: int | None = None,
    paragraph: int | None = None,
    item: int | None = None,
    kind: str = "abbreviation",
) -> tuple[object, ...]:
    """One expected record, as ``run`` gives it (law, article, paragraph, item, point, kind)."""
    return (law, article, paragraph, item, None, kind)


@pytest.mark.parametrize("mark", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"])
def test_characters_with_no_width_read_as_white_space(cite: Cite, mark: str) -> None:
    """Text copied from a web page keeps zero-width spaces and joiners where it was wrapped;
    they show as nothing, so the title and number read through them as through a space (the
    article was lost and the law kept the mark)."""
    text = f"依据《社会{mark}保险法》第八十{mark}七条"
    assert run(cite, text) == [rec(SB, 87)]
