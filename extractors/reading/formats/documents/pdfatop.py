"""A cell merged over two rows of a table without ruling, its text set at the top: two lines
over rows of one line each. Aligned to their tops, a row takes the lines below its serial's
line, so the cell read as the upper row's own, two lines tall, and the lower row's cell there
empty, silently. Its second line tells it apart: a row's own cell of two lines makes its row
two lines tall, the next row's serial a row's usual gap below that line; a merged cell's second
line stands inside the lower row, the next serial less than that gap below it (by about a
line's height)."""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Callable, Sequence
from typing import Any

Word = dict[str, Any]


def merged_atop(
    lines: Sequence[Sequence[Word]],
    starts: Sequence[int],
    column_of: Callable[[Word], int],
    columns: Sequence[int],
) -> dict[tuple[int, int], tuple[int, int, int]]:
    """The cells of ``columns`` (fields a table merges down) merged over two rows, set at the
    top: a row whose cell there has two lines or more, its other cells one line, the next row's
    cell there empty, and the next row's serial closer below the cell's last line than the
    rows' usual gap by half a line's height or more. For each (start of a row of the pair,
    column): (start of the upper row, start of the lower, start of the upper), as
    ``pdfcells.merged_runs`` gives them."""
    if len(starts) < 3 or not columns:
        return {}
    bounds = [*starts, len(lines)]
    rows = [lines[a:b] for a, b in itertools.pairwise(bounds)]
    gaps = [
        lines[b][0]["top"] - max(w["bottom"] for w in lines[b - 1])
        for a, b in itertools.pairwise(bounds[:-1])
    ]
    # the usual gap, below rows of one line (a merged cell's pairs would pull a median of all)
    single = [gap for gap, row in zip(gaps, rows, strict=False) if len(row) == 1]
    usual = statistics.median(single or gaps)
    height = statistics.median(w["bottom"] - w["top"] for line in lines for w in line)
    runs: dict[tuple[int, int], tuple[int, int, int]] = {}
    for k, (row, below) in enumerate(itertools.pairwise(rows)):
        if gaps[k] > usual - height / 2:
            continue
        for column in columns:
            on = [i for i, line in enumerate(row) if any(column_of(w) == column for w in line)]
            others = {column_of(w) for line in row[1:] for w in line} - {column}
            empty = not any(column_of(w) == column for line in below for w in line)
            if len(on) >= 2 and on[0] == 0 and not others and empty:
                upper, lower = starts[k], starts[k + 1]
                runs[(upper, column)] = runs[(lower, column)] = (upper, lower, upper)
    return runs
