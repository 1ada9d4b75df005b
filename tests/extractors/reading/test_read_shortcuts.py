"""The shortcuts that make reading cheaper leave every reading as it was: a quick test that lets a
long cell leave early says what the full test would say, and the readings of generated lists
of every format are compared between two revisions by ``bench.readings``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bench.readings import compare
from extractors.models import PowerItem
from extractors.reading import cellparts, headers
from extractors.reading.plausibility import Judge

# Cells of the shapes the shortcuts must tell apart: references with closing marks, white space
# of several kinds (letter-spaced 序　号), long text.
_CHARS = st.sampled_from([*"同上见第3项设定依据。.．， \u3000\t\n\u2003"])
_CELLS = st.text(_CHARS, max_size=60)


@given(_CELLS)
def test_a_cell_longer_than_a_reference_is_what_a_reference_cannot_be(text: str) -> None:
    # the shortcut counts the characters a bare reference keeps whatever follows them (neither
    # white space nor a closing stop); more of them than a reference holds: no reference
    kept = sum(1 for c in text if not c.isspace() and c not in "。.")
    assert bool(cellparts._LONGER.match(text)) == (kept > cellparts._MAX_REFERENCE)
    if kept > cellparts._MAX_REFERENCE:
        assert len("".join(text.split()).rstrip("。.")) > cellparts._MAX_REFERENCE


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("同上" + "。" * 30, id="reference-then-many-stops"),
        pytest.param("同 上 一 项 " + "." * 25, id="letter-spaced-then-dots"),
        pytest.param("见第12项" + " \u3000" * 20, id="reference-then-white-space"),
    ],
)
def test_a_reference_padded_past_the_limit_is_still_a_reference(text: str) -> None:
    # the stops and spaces after a reference are no characters of it: the shortcut counts
    # neither, so such a cell is not taken for text
    assert not cellparts._LONGER.match(text)
    assert cellparts.is_reference(text)


@given(st.lists(_CELLS, max_size=6))
def test_a_long_cell_makes_no_other_header_as_the_squashed_cells_say(cells: list[str]) -> None:
    written = ["".join(c.split()) for c in cells if c]
    over = any(len(c) > headers._MAX_OTHER_CHARS for c in written)
    assert any(headers._OVER_OTHER.match(c) for c in cells) == over


def test_items_are_distinct_by_row_name_and_basis_whatever_their_text() -> None:
    # triples that one text for all three could confuse: None against "None", quotes, commas
    triples = [
        ("1", "None", None),
        ("1", None, "None"),
        ("1", "a', 'b", None),
        ("1", "a", "b"),
        ("1, a", None, "b"),
        ("1", "a", "b"),
    ]
    judged = Judge()
    for row, name, basis in triples:
        judged.add(PowerItem("a.csv", row, 1, name=name, basis=basis))
    assert len(judged.distinct) == len(set(triples)) == 5


def _snapshot(path: Path, readings: dict[str, object]) -> Path:
    files = {
        name: {"format": "gen:csv", "cpu": 0.1, "reading": reading}
        for name, reading in readings.items()
    }
    path.write_text(json.dumps({"load": 1.0, "files": files}), encoding="utf-8")
    return path


def test_readings_compared_between_revisions_say_the_file_that_differs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot(tmp_path / "a.json", {"a.csv": {"items": [1]}, "b.csv": {"items": [2]}})
    same = _snapshot(tmp_path / "b.json", {"a.csv": {"items": [1]}, "b.csv": {"items": [2]}})
    other = _snapshot(tmp_path / "c.json", {"a.csv": {"items": [1]}, "b.csv": {"items": [3]}})
    assert compare(before, same) == 0
    assert compare(before, other) == 1
    assert "reading differs: b.csv" in capsys.readouterr().out
