"""The rules a ruled table leaves out where a page break splits a row: its column rules run
on to the page's foot (or down from its top on the next page), but no rule closes the row's
part there. pdfplumber finds cells only between rules, so the part, serial and all, fell
outside the table and was read as text: the item lost, or its rest left out of it.

Such a table is closed where its column rules end: a rule across them at the lowest end (the
highest start) of three or more column rules that end (start) together (two for a band of
one column printed apart, its row as tall as the page: ``pdfapart.one_cell_band``), each with
no rule meeting it there (two ruled tables side by side, each closed, are not joined); a horizontal
piece no wider than a rule's stroke, the corner of a cell's border drawn at the rule's end
(Chromium's print), is no rule meeting it; rules a stroke or two apart are one column bound
(a table's frame drawn beside its cells' borders, running on below the last whole row)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any

Edge = dict[str, Any]
#: Points within which two rule ends stand at one height, or two segments of a rule touch.
_TOLERANCE = 1.5


def _rules(edges: Iterable[Edge]) -> list[tuple[float, float, float]]:
    """The vertical rules of ``edges`` as (x, top, bottom), touching segments of a rule joined."""
    out: list[tuple[float, float, float]] = []
    verticals = sorted(
        ((round(e["x0"], 1), e["top"], e["bottom"]) for e in edges if e["orientation"] == "v"),
    )
    for x, group in itertools.groupby(verticals, key=lambda v: v[0]):
        runs: list[list[float]] = []
        for _, top, bottom in group:
            if runs and top <= runs[-1][1] + _TOLERANCE:
                runs[-1][1] = max(runs[-1][1], bottom)
            else:
                runs.append([top, bottom])
        out += [(x, top, bottom) for top, bottom in runs]
    return out


def closing_lines(edges: list[Edge], least: int = 3) -> list[Edge]:
    """Lines closing a table whose column rules end (or start) together, ``least`` or more, where
    no horizontal rule crosses them (:mod:`pdfopen`), as pdfplumber takes explicit lines.

    >>> v = [{"orientation": "v", "x0": x, "top": 10, "bottom": 90} for x in (0, 50, 100)]
    >>> h = [{"orientation": "h", "x0": 0, "x1": 100, "top": 10, "bottom": 10}]
    >>> [(line["top"], line["x0"], line["x1"]) for line in closing_lines(v + h)]
    [(90, 0, 100)]
    >>> corners = [{"orientation": "h", "x0": x - 0.7, "x1": x, "top": 90} for x in (0, 50, 100)]
    >>> [(line["top"], line["x0"], line["x1"]) for line in closing_lines(v + h + corners)]
    [(90, 0, 100)]
    """
    rules = _rules(edges)
    # a corner piece where a rule ends (Chromium draws each cell's border as four rectangles,
    # the corners a stroke wide, on a row's part at a page's foot too) closes nothing
    horizontals = [
        e for e in edges if e["orientation"] == "h" and e["x1"] - e["x0"] > 2 * _TOLERANCE
    ]

    def closed(x: float, y: float) -> bool:
        return any(
            abs(h["top"] - y) <= _TOLERANCE and h["x0"] - _TOLERANCE <= x <= h["x1"] + _TOLERANCE
            for h in horizontals
        )

    out: list[Edge] = []
    for end in (1, 2):  # tops, bottoms
        # the rules whose end no horizontal rule meets, grouped by the height of their ends
        ends = sorted((r for r in rules if not closed(r[0], r[end])), key=lambda r: r[end])
        groups: list[list[tuple[float, float, float]]] = []
        for rule in ends:
            if groups and rule[end] - groups[-1][0][end] <= _TOLERANCE:
                groups[-1].append(rule)
            else:
                groups.append([rule])
        for group in groups:
            if _columns(group) < least:
                continue
            y = min(r[end] for r in group) if end == 1 else max(r[end] for r in group)
            x0, x1 = min(r[0] for r in group), max(r[0] for r in group)
            out.append(
                {
                    "object_type": "line",
                    "x0": x0,
                    "x1": x1,
                    "top": y,
                    "bottom": y,
                    "width": x1 - x0,
                    "height": 0,
                }
            )
    return out


def _columns(rules: list[tuple[float, float, float]]) -> int:
    """How many column bounds ``rules`` stand at: rules closer than a stroke or two are one
    (Chromium draws a table's frame and each cell's border apart, two strokes side by side; a
    table's frame alone, running on to a page's foot below its last whole row, is two bounds).

    >>> _columns([(33.7, 0, 9), (34.5, 0, 9), (561.0, 0, 9), (561.7, 0, 9)])
    2
    """
    xs = sorted(x for x, _, _ in rules)
    return sum(
        1 for a, b in zip([None, *xs], xs, strict=False) if a is None or b - a > 2 * _TOLERANCE
    )
