"""A table printed in fixed-width columns, each cell wrapped inside its column (a report printed
to text, a terminal's table): the wrap cuts words, a department's name, a law's title, a header
word (事项 / 类型). Each cell is read by the position of its column, whole and in batches."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from extractors import get_citations
from tests.extractors.reading.support import filled_fields, read_written
from tests.extractors.reading.test_read_shapes import FIELDS, HEADER, ITEMS
from tests.extractors.reading.test_stream import _same

EXPECTED = [dict(zip(FIELDS, item, strict=True)) for item in ITEMS]


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _wrapped(text: str, width: int) -> list[str]:
    """``text`` cut into pieces of at most ``width`` display columns."""
    pieces = [""]
    for char in text:
        if _width(pieces[-1] + char) > width:
            pieces.append("")
        pieces[-1] += char
    return pieces


def _printed(rows: tuple[tuple[str, ...], ...], widths: tuple[int, ...]) -> list[str]:
    """The rows in columns of ``widths``, two spaces apart, each cell wrapped in its column."""
    lines = []
    for row in rows:
        cells = [_wrapped(c, w) for c, w in zip(row, widths, strict=True)]
        for k in range(max(map(len, cells))):
            parts = [(c[k] if k < len(c) else "") for c in cells]
            text = "  ".join(p + " " * (w - _width(p)) for p, w in zip(parts, widths, strict=True))
            lines.append(text.rstrip())
    return lines


@pytest.mark.parametrize(
    "widths",
    [
        # before: the second line's pieces ran into the last cell (县人力社 without 保局, the
        # basis cut), read as doubtful
        pytest.param((4, 12, 8, 8, 16, 16), id="cells-wrapped"),
        # before: the header's 事项类型 and 实施主体 wrapped too, no type or department read
        pytest.param((4, 14, 4, 6, 20, 20), id="header-wrapped"),
    ],
)
def test_cells_wrapped_in_fixed_width_columns(tmp_path: Path, widths: tuple[int, ...]) -> None:
    text = "\n".join(["某县权责清单", *_printed((HEADER, *ITEMS), widths), ""])
    plist = read_written(tmp_path, "page.txt", text)
    assert filled_fields(plist, FIELDS) == EXPECTED
    cited = [c.law for i in plist.items for c in get_citations(i.basis or "")]
    assert cited == [c.law for i in ITEMS for c in get_citations(i[4])]
    assert plist.plausibility is not None and not plist.plausibility.doubtful
    _same(tmp_path / "page.txt", 1)
