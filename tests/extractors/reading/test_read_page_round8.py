"""Round 8 of page text: a browser print's date line between a cell's halves, look-alikes of
ideographs (Kangxi radicals) copied out of a PDF into page text and into other formats, and the
shapes the round's probes found said or refused. Each whole and in batches alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extractors.reading.support import filled_fields, read_written
from tests.extractors.reading.tables import Table, write
from tests.extractors.reading.test_read_shapes import HEADER, ITEMS
from tests.extractors.reading.test_stream import _same

FIELDS = ("row", "name", "type", "department", "basis", "accountability_basis")
TITLE = "某县人力社保局权责清单"
LABELS = HEADER[1:]
EXPECTED = [dict(zip(FIELDS, item, strict=True)) for item in ITEMS]
UNNUMBERED = [{k: v for k, v in e.items() if k != "row"} for e in EXPECTED]


def _sure(tmp_path: Path, lines: list[str], expected: list[dict[str, str]]) -> None:
    """The page of ``lines`` read as ``expected``, sure, whole and in batches alike."""
    plist = read_written(tmp_path, "page.txt", "\n".join(lines) + "\n")
    assert filled_fields(plist, FIELDS) == expected
    assert plist.plausibility is not None and not plist.plausibility.doubtful
    _same(tmp_path / "page.txt", 1)


def _records(items: tuple[tuple[str, ...], ...] = ITEMS) -> list[str]:
    """``items`` as label：value records, a blank line after each."""
    return [
        line
        for i in items
        for line in (*(f"{k}：{v}" for k, v in zip(LABELS, i[1:], strict=True)), "")
    ]


# ---- 1. a browser print's date line between a cell's halves ----------------------------------

# A browser prints the date and time atop each page (Chrome: 2024/5/6 10:31; in English
# 5/6/24, 10:31 AM); a copy of the print keeps it, between the halves of the cell the page
# break cut.
PRINTED = ["2024/5/6 10:31", "2024-05-06 10:31:12", "2024/5/6 下午2:31", "5/6/24, 10:31 AM"]


@pytest.mark.parametrize("when", PRINTED)
def test_a_print_date_line_between_a_cells_halves_is_no_text_of_it(
    tmp_path: Path, when: str
) -> None:
    # before: 《中华人民共和国社会保险法》2024/5/6 10:31 第八十四条, doubtful
    rows = ["  ".join(i) for i in ITEMS]
    at = rows[1].index("第八十四条")
    lines = [TITLE, "  ".join(HEADER), rows[0], rows[1][:at], when, rows[1][at:], rows[2]]
    _sure(tmp_path, lines, _cut_basis(EXPECTED))


def test_a_print_date_line_inside_a_records_value_is_no_text_of_it(tmp_path: Path) -> None:
    # before: the basis 《…社会保险法》2024/5/6 10:31 第八十四条, doubtful
    lines = _records()
    at = lines.index(f"设定依据：{ITEMS[1][4]}")
    lines[at : at + 1] = ["设定依据：《中华人民共和国社会保险法》", "2024/5/6 10:31", "第八十四条"]
    _sure(tmp_path, [TITLE, "", *lines], _cut_basis(UNNUMBERED))


def _cut_basis(expected: list[dict[str, str]]) -> list[dict[str, str]]:
    """``expected`` with item 2's basis on two lines, as the print's page break left it."""
    basis = "《中华人民共和国社会保险法》\n第八十四条"
    return [{**e, "basis": basis} if n == 1 else e for n, e in enumerate(expected)]
