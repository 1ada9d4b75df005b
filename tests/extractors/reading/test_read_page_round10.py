"""Round 10 of page text: what the round's probes (WeChat articles, pdftotext copies with and
without -layout, Word documents saved as text, item codes, numbered bases, departments under
headings, spaced and traditional header words, a 备注 most rows leave empty, lists cut off) found
read silently wrong, refused or said where structure tells. Each whole and in batches alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extractors.reading.support import filled_fields, read_written
from tests.extractors.reading.test_read_shapes import HEADER, ITEMS
from tests.extractors.reading.test_stream import _same

FIELDS = ("row", "name", "type", "department", "basis", "accountability_basis")
TITLE = "某县人力社保局权责清单"
EXPECTED = [dict(zip(FIELDS, item, strict=True)) for item in ITEMS]
ROWS = ["  ".join(i) for i in ITEMS]
FW = "\u3000"


def _sure(tmp_path: Path, lines: list[str], expected: list[dict[str, str]]) -> None:
    """The page of ``lines`` read as ``expected``, sure, whole and in batches alike."""
    plist = read_written(tmp_path, "page.txt", "\n".join(lines) + "\n")
    assert filled_fields(plist, tuple(expected[0])) == expected
    assert plist.plausibility is not None and not plist.plausibility.doubtful
    assert [a.code for i in plist.items for a in i.anomalies] == []
    _same(tmp_path / "page.txt", 1)


# ---- 1. header words spaced out with full-width spaces ------------------------------------------


@pytest.mark.parametrize("gap", [FW * 2, FW * 3], ids=["two", "three"])
def test_header_words_spaced_out_with_full_width_spaces_are_read(tmp_path: Path, gap: str) -> None:
    # 事　项　名　称 (Word spreads a short header cell so), the cells apart at full-width spaces
    # too: before, the reader failed (IndexError: no gap of ASCII spaces to take out)
    header = gap.join(FW.join(word) for word in HEADER)
    _sure(tmp_path, [TITLE, header, *(gap.join(i) for i in ITEMS)], EXPECTED)
