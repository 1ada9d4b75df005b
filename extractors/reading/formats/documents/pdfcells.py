"""Which row of a PDF table without ruling each piece of text belongs to, when its cells are
centred in their rows: a cell of many lines then stands as far above its row's serial as below
it, and its lines reach into the rows above and below. Taken line by line (each line to the
nearest serial), a long cell's first and last lines went to the neighbouring rows. Taken cell by
cell, it does not: in each column, lines one line's spacing apart make one cell, and a cell is
its row's whose serial stands nearest its middle."""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Callable, Sequence
from typing import Any

Word = dict[str, Any]

#: The owner of the cells atop a page that end the row the page break split (``carried``).
CARRIED = -1
#: The owner of the cells at a page's foot that begin a row the page break split, its serial
#: centred in what is left of the row on the next page.
OPENED = -2


Piece = tuple[int, float, float]  # (line, top, bottom) of a column's words on one line


def _column_cells(
    lines: Sequence[Sequence[Word]], column_of: Callable[[Word], int]
) -> tuple[dict[int, list[list[Piece]]], float]:
    """Each column's cells, as runs of its pieces: a column's lines whose gap (the top of one
    to the bottom of the one above) is no wider than the closest lines' of the page by more
    than a third of a line's height make one cell. Also the line height (the median word's)."""
    pieces: dict[int, list[Piece]] = {}
    for i, line in enumerate(lines):
        for column in sorted({column_of(w) for w in line}):
            words = [w for w in line if column_of(w) == column]
            top = min(w["top"] for w in words)
            bottom = max(w["bottom"] for w in words)
            pieces.setdefault(column, []).append((i, top, bottom))
    height = statistics.median(w["bottom"] - w["top"] for line in lines for w in line)
    gaps = [b[1] - a[2] for run in pieces.values() for a, b in itertools.pairwise(run)]
    closest = min(gaps, default=0.0)
    cells: dict[int, list[list[Piece]]] = {}
    for column, run in pieces.items():
        runs = cells.setdefault(column, [])
        for piece in run:
            if runs and piece[1] - runs[-1][-1][2] <= closest + height / 3:
                runs[-1].append(piece)
            else:
                runs.append([piece])
    return cells, height


def centred(
    lines: Sequence[Sequence[Word]], starts: Sequence[int], column_of: Callable[[Word], int]
) -> bool:
    """True when the rows' cells are centred in their rows, seen below the first row (a page
    may open on a row of one line, whose cells say nothing): a cell begins on a line between
    two rows' serials, below the upper serial's line, and runs on without a break into the
    lower serial's line. Aligned to their tops, cells begin on their serial's line, and one
    running into the next row's serial began at or above the upper one."""
    marks = set(starts)
    cells, _ = _column_cells(lines, column_of)
    for above, below in itertools.pairwise(starts):
        for runs in cells.values():
            for cell in runs:
                first = cell[0][0]
                if above < first < below and first not in marks and cell[-1][0] >= below:
                    return True
    return False


def centred_owners(
    lines: Sequence[Sequence[Word]],
    starts: Sequence[int],
    column_of: Callable[[Word], int],
    carried: bool = False,
) -> dict[tuple[int, int], int]:
    """For each (line, column) of ``lines`` holding words, the start (the index of the line of a
    row's serial, one of ``starts``) of the row they belong to. Of a column's cells
    (:func:`_column_cells`), a cell whose middle is nearer one
    serial's middle than any other's is that row's. A cell reaching over the middles of two
    serials or more (rows without space between them) is parted line by line, each to the
    nearest serial.

    ``carried`` (a page the table goes on to): a cell ending above the first serial's line is
    no cell of its row, centred or aligned to the top: it is the rest of the row the page break
    split, owned by :data:`CARRIED`. A cell that runs on over that line is the first row's,
    even when not centred on its serial (a row split by the break, its part on this page
    centred in what is left of it): a row's rest and the next row's cell are apart by the
    rows' padding, two cells."""
    columns, height = _column_cells(lines, column_of)
    middles = {s: (lines[s][0]["top"] + max(w["bottom"] for w in lines[s])) / 2 for s in starts}

    first_top = lines[starts[0]][0]["top"] if starts else 0.0

    def nearest(middle: float) -> int:
        return min(starts, key=lambda s: abs(middles[s] - middle))

    owners: dict[tuple[int, int], int] = {}
    for column, cells in columns.items():
        for cell in cells:
            top, bottom = cell[0][1], cell[-1][2]
            if carried and bottom < first_top:  # wholly above the first serial's line
                owners.update(((i, column), CARRIED) for i, _, _ in cell)
                continue
            inside = [s for s in starts if top <= middles[s] <= bottom]
            if len(inside) <= 1:
                owner = nearest((top + bottom) / 2)
                owners.update(((i, column), owner) for i, _, _ in cell)
            else:
                owners.update(((i, column), nearest((t + b) / 2)) for i, t, b in cell)
        _opened(cells, owners, column, starts[-1], middles[starts[-1]], height)
    return owners


def _opened(
    cells: list[list[Piece]],
    owners: dict[tuple[int, int], int],
    column: int,
    last: int,
    middle: float,
    height: float,
) -> None:
    """The cells of ``column`` below the last row's own cell (one centred on its serial's
    ``middle``) that the last row was given too: a row holds one cell a column, so they begin
    the next row, which the page break split with its serial below the break; owned by
    :data:`OPENED`. A cell parted by a blank line is not centred on its serial in either part,
    and stays whole."""
    mine = [cell for cell in cells if owners[(cell[0][0], column)] == last]
    if len(mine) < 2 or abs((mine[0][0][1] + mine[0][-1][2]) / 2 - middle) > height:
        return
    owners.update(((i, column), OPENED) for cell in mine[1:] for i, _, _ in cell)
