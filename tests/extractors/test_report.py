"""The one report model: each step fills its part of a file's report, and the lines and JSON say
what was filled, nothing else."""

from __future__ import annotations

from collections import Counter

import pytest

from extractors.models import CellCitation, Citation, ListMeta, PowerItem, PowerList, Reject
from extractors.report import (
    Building,
    Extraction,
    FileReport,
    Reading,
    Report,
    count_citations,
)

LIST = PowerList(
    "a.md",
    "markdown",
    "utf-8",
    ListMeta(),
    (PowerItem("a.md", "1", 3, name="处罚"), PowerItem("a.md", "1-1", 4, parent="处罚")),
    (Reject("a.md", 5, "扫一扫", "no cells"),),
    rows_seen=4,
    blank_rows=1,
)
READ = Reading.of(LIST)
CITED = Extraction((("explicit", 3), ("malformed", 1), ("unresolved", 1)))
BUILT = Building("a", "urn:graph:a", 120, (("power type", "备案"), ("power type", "备案")))


def test_reading_counts_every_row() -> None:
    assert (READ.items, READ.sub_items, len(READ.rejects), READ.blank_rows) == (2, 1, 1, 1)
    assert READ.rows_seen == READ.items + len(READ.rejects) + len(READ.sections) + READ.blank_rows


def test_count_citations_passes_them_on_and_counts_by_kind() -> None:
    cited = [
        CellCitation("a.md", "1", "basis", Citation("第九条", 0, 3, None, "unresolved", article=9)),
        CellCitation("a.md", "1", "basis", Citation("《价格法》", 0, 5, "价格法", "law-level")),
        CellCitation("a.md", "1", "name", Citation("《价格法》", 0, 5, "价格法", "law-level")),
    ]
    kinds: Counter[str] = Counter()
    assert list(count_citations(iter(cited), kinds)) == cited
    extraction = Extraction.of(kinds)
    assert extraction.kinds == (("law-level", 2), ("unresolved", 1))
    assert (extraction.citations, extraction.unresolved, extraction.malformed) == (3, 1, 0)


@pytest.mark.parametrize(
    ("report", "line"),
    [
        pytest.param(
            FileReport("a.md", reading=READ),
            "a.md: 2 items, 1 rejects, 0 anomalies",
            id="read",
        ),
        pytest.param(
            FileReport("a.md", extraction=CITED),
            "a.md: 5 citations (1 unresolved)",
            id="extracted",
        ),
        pytest.param(
            FileReport("a.md", reading=READ, extraction=CITED, building=BUILT),
            "a.md: 2 items, 5 citations (1 unresolved), 1 rejects, 0 anomalies, 120 triples",
            id="built",
        ),
        pytest.param(
            FileReport("dir/b.md", error="no table"),
            "dir/b.md: not read: no table",
            id="not-read",
        ),
    ],
)
def test_a_file_line_says_what_the_steps_filled(report: FileReport, line: str) -> None:
    assert report.line() == line


def test_file_lines_give_each_part_in_full() -> None:
    lines = FileReport("a.md", reading=READ, extraction=CITED, building=BUILT).lines()
    assert lines[0].startswith("a.md (markdown, utf-8): rows seen=4 items=2 sub-items=1")
    assert "  citations=5 unresolved=1 malformed=1" in lines
    assert "  kinds: explicit 3, malformed 1, unresolved 1" in lines
    assert "  graph urn:graph:a: 120 triples" in lines
    assert "    unmapped power type '备案' ×2" in lines
    alone = FileReport("a.md", extraction=CITED).lines()
    assert alone[0] == "a.md: citations=5 unresolved=1 malformed=1"


def test_the_json_of_a_file_is_flat_and_holds_only_what_was_filled() -> None:
    full = FileReport("a.md", reading=READ, extraction=CITED, building=BUILT).to_json()
    assert (full["items"], full["citations"], full["triples"], full["list"]) == (2, 5, 120, "a")
    assert full["kinds"] == {"explicit": 3, "malformed": 1, "unresolved": 1}
    assert "error" not in full
    assert FileReport("b.md", error="no table").to_json() == {"source": "b.md", "error": "no table"}


def test_a_report_totals_the_files_read_and_counts_those_not_read() -> None:
    report = Report(
        (
            FileReport("a.md", reading=READ, extraction=CITED, building=BUILT),
            FileReport("b.md", error="no table"),
        )
    )
    assert (report.items, report.citations, report.unresolved, report.rejects) == (2, 5, 1, 1)
    assert (report.triples, len(report.read), len(report.failed)) == (120, 1, 1)
    assert report.built == (BUILT,)
    assert report.summary().splitlines() == [
        "1 list(s): 2 items, 5 citations (1 unresolved), 1 rejects, 120 triples",
        "  a.md: 2 items, 5 citations (1 unresolved), 1 rejects, 0 anomalies, 120 triples",
        "    unmapped power type '备案' ×2",
        "1 file(s) not read",
    ]
    assert report.to_json()["not_read"] == 1
