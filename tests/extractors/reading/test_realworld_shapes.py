"""The real lists of ``../shared/realworld`` in the other shapes the same lists are published in
(``bench.crossformat``: LibreOffice's CSV, ODS, XLS, XLSX, HTML and PDF of each spreadsheet, the
spreadsheet's cells laid out as the set's text shapes, Writer's DOCX, ODT and PDF of the page and
Chromium's print of it) read at least as well as they do today. A floor sits at today's score: a
change that loses items or citations in any shape fails here; raise a floor when a change gains.
The shapes are made by the real LibreOffice and Chromium, which CI installs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bench.crossformat import ShapeScore, score_shapes
from tests.shared import shared_path

PDF, WRITER_PDF, CHROMIUM_PDF = "pdf", "pdf (Writer)", "pdf (Chromium)"
SPACED, LINES, RECORDS = (
    "text: cells apart at a space",
    "text: a line a cell",
    "text: label：value records",
)
# (list, shape) → (item accuracy floor, citation F1 floor) where a shape reads below its list's
# gold today; every other shape of every list reads as the gold (1.0 and 1.0).
BELOW_GOLD: dict[tuple[str, str], tuple[float, float]] = {
    ("205_zhejiang_sheng_shipin_yaopin_choucha.html", WRITER_PDF): (0.8889, 0.9655),
    ("205_zhejiang_sheng_shipin_yaopin_choucha.html", CHROMIUM_PDF): (0.9722, 1.0),
}
SHEETS = (
    "201_xinjiang_kelamayi_tjj.xlsx",
    "202_xinjiang_kelamayi_kjj.xls",
    "207_xinjiang_kelamayi_jtysj.xlsx",
)
PAGES = ("205_zhejiang_sheng_shipin_yaopin_choucha.html",)
SHEET_SHAPES = (
    "csv (UTF-8)", "csv (GB18030)", "ods", "xls", "xlsx", "html", PDF, SPACED,
    "text: a paragraph a cell", LINES, "text: tab-separated", "text: pipe table", RECORDS,
)  # fmt: skip
PAGE_SHAPES = ("docx (Writer)", "odt (Writer)", WRITER_PDF, CHROMIUM_PDF)
EXPECTED = [(s, shape) for s in SHEETS for shape in SHEET_SHAPES] + [
    (p, shape) for p in PAGES for shape in PAGE_SHAPES
]


@pytest.fixture(scope="module")
def scores(soffice: str, browser: Any) -> dict[tuple[str, str], ShapeScore]:
    folder = shared_path("realworld")
    return {(s.source, s.shape): s for s in score_shapes(Path(folder), browser)}


def test_every_shape_of_every_list_is_made_and_read(
    scores: dict[tuple[str, str], ShapeScore],
) -> None:
    assert sorted(scores) == sorted(EXPECTED)
    assert not [key for key, s in scores.items() if s.read.startswith("error")]


@pytest.mark.parametrize(("source", "shape"), EXPECTED)
def test_a_real_list_in_another_shape_reads_at_least_as_well_as_today(
    scores: dict[tuple[str, str], ShapeScore], source: str, shape: str
) -> None:
    items, citations = BELOW_GOLD.get((source, shape), (1.0, 1.0))
    score = scores[(source, shape)]
    assert score.item_accuracy is not None and score.item_accuracy >= items - 1e-4, score
    assert score.citation_f1 is not None and score.citation_f1 >= citations - 1e-4, score
