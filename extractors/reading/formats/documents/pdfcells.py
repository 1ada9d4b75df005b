"""Which row of a PDF table without ruling each piece of text belongs to, when its cells are
centred in their rows: a cell of many lines then stands as far above its row's serial as below
it, and its lines reach into the rows above and below. Taken line by line (each line to the
nearest serial), a long cell's first and last lines went to the neighbouring rows. Taken cell by
cell, it does not: in each column, lines one line's spacing apart make one cell, and a cell is
its row's whose serial stands nearest its middle."""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

Word = dict[str, Any]

#: Points within which a cell is as well centred on one span of rows as on another (rows of
#: one height put a cell merged over three on the middle one's own middle): either reading
#: may be the right one, and the longer run is taken, and said.
_EVEN = 1.0

#: The owner of the cells atop a page that end the row the page break split (``carried``).
CARRIED = -1
#: The owner of the cells at a page's foot that begin a row the page break split, its serial
#: centred in what is left of the row on the next page.
OPENED = -2


#: Points by which a gap between a column's lines must exceed the page's usual one to be another
#: kind of gap (between rows, not inside a cell, whose lines stand at one line gap to a tenth).
_APART = 1.0
#: Gaps are counted rounded to this many points.
_ROUNDED = 0.25

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
    reach = closest + height / 3
    # rows set close (a browser's cell padding of 2 points): the gap between two rows' lines
    # is the line gap and the padding, under a third of a line's height wider; a cell's lines
    # stand at the line gap (the page's most common), so a wider gap, a point or more wider,
    # that the page shows again and again parts rows (before, every row's cells of a column
    # ran into one cell over the page)
    counts = Counter(round(g / _ROUNDED) * _ROUNDED for g in gaps)
    if counts:
        usual = counts.most_common(1)[0][0]
        wider = [g for g, n in counts.items() if usual + _APART <= g <= reach + _ROUNDED and n > 1]
        if wider:
            reach = (usual + min(wider)) / 2
    cells: dict[int, list[list[Piece]]] = {}
    for column, run in pieces.items():
        runs = cells.setdefault(column, [])
        for piece in run:
            if runs and piece[1] - runs[-1][-1][2] <= reach:
                runs[-1].append(piece)
            else:
                runs.append([piece])
    return cells, height


def _over_rows(
    cell: list[Piece], lines: Sequence[Sequence[Word]], starts: Sequence[int], height: float
) -> bool:
    """True when ``cell`` (a column's lines one line's spacing apart) stands on the lines of
    two serials or more that are spaced wider apart than its own lines: one cell merged over
    those rows (a row's own cell ends above the next row's first line; rows without space
    between them have their serials as close as a cell's lines, and say nothing)."""
    on = [i for i, _, _ in cell if i in set(starts)]
    if len(on) < 2 or len(cell) < 2:
        return False
    own = max(b[1] - a[1] for a, b in itertools.pairwise(cell))
    rows = min(lines[b][0]["top"] - lines[a][0]["top"] for a, b in itertools.pairwise(on))
    return rows > own + height / 3


def centred(
    lines: Sequence[Sequence[Word]], starts: Sequence[int], column_of: Callable[[Word], int]
) -> bool:
    """True when the rows' cells are centred in their rows, seen below the first row (a page
    may open on a row of one line, whose cells say nothing): a cell begins on a line between
    two rows' serials, below the upper serial's line, and runs on without a break into the
    lower serial's line. Aligned to their tops, cells begin on their serial's line, and one
    running into the next row's serial began at or above the upper one."""
    marks = set(starts)
    cells, height = _column_cells(lines, column_of)
    if any(_over_rows(cell, lines, starts, height) for runs in cells.values() for cell in runs):
        return True
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
            if len(inside) <= 1 or _over_rows(cell, lines, starts, height):
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


def merged_runs(
    lines: Sequence[Sequence[Word]],
    starts: Sequence[int],
    column_of: Callable[[Word], int],
    owners: dict[tuple[int, int], int],
    columns: Sequence[int],
) -> dict[tuple[int, int], tuple[int, int, int]]:
    """The cells of ``columns`` (a type, department or basis: cells a table merges down over
    items) that a merged cell spans, without ruling: a cell alone in its column over a run of
    rows whose own cells there are empty, its middle at the run's middle (between the run's
    first and last serials) rather than at its own row's serial. For each (start of a row of
    the run, column): (first start of the run, last start, start of the row owning the text).
    Centred, a cell merged over three rows stands on the middle one's serial, over two rows
    between their serials: before, the other rows of the run had no cell there (the first of
    them without a word). The run is the one whose middle is nearest the cell's, between the
    first row's top and the last's foot (``_row_bounds``), the longest of those as near; a
    cell nearer its own row's middle than any run's is that row's own (before, a run around
    it whose serials' middles averaged near it took it: a row's own cell spread over its
    neighbours, whose cells were empty). The rows a run fills are said (with rows of one
    height, the text may still be one row's own, its neighbours' cells empty)."""
    cells, height = _column_cells(lines, column_of)
    index = {s: k for k, s in enumerate(starts)}
    runs: dict[tuple[int, int], tuple[int, int, int]] = {}
    for column in columns:
        bounds = _row_bounds(cells, owners, starts, column)
        owned = [
            index.get(owners.get((cell[0][0], column), -9), -1) for cell in cells.get(column, [])
        ]
        filled = {k for k in owned if k >= 0}
        for cell, k in zip(cells.get(column, []), owned, strict=True):
            if k < 0 or sum(1 for o in owned if o == k) > 1:
                continue
            middle = (cell[0][1] + cell[-1][2]) / 2
            lo = k
            while lo > 0 and lo - 1 not in filled:
                lo -= 1
            hi = k
            while hi < len(starts) - 1 and hi + 1 not in filled:
                hi += 1
            off = {
                (a, b): abs((bounds[a] + bounds[b + 1]) / 2 - middle)
                for a in range(lo, k + 1)
                for b in range(k, hi + 1)
            }
            fits = {run: d for run, d in off.items() if run[1] > run[0] and d <= height / 2}
            if not fits or off[(k, k)] + _EVEN < min(fits.values()):
                # no run it is centred on, or centred on its own row closer than on any: the
                # row's own cell, its neighbours' empty
                continue
            closest = min(fits.values())
            best = max(
                (r for r, d in fits.items() if d <= closest + _EVEN), key=lambda r: r[1] - r[0]
            )
            for r in range(best[0], best[1] + 1):
                runs[(starts[r], column)] = (starts[best[0]], starts[best[1]], starts[k])
    return runs


def _row_bounds(
    cells: dict[int, list[list[Piece]]],
    owners: dict[tuple[int, int], int],
    starts: Sequence[int],
    column: int,
) -> list[float]:
    """Where each row of ``starts`` begins, and the last one ends: halfway between one row's
    text and the next's, in every column but ``column`` (the one a merged cell is looked for
    in); the first row's top and the last row's foot as far out as the rows' usual half gap.
    A cell merged over rows is centred between the first's top and the last's foot; their
    serials' middles say where only when the rows are of one height (a row of three lines
    beside rows of one put the middle of their serials a line off the merged cell's)."""
    tops: dict[int, float] = {}
    feet: dict[int, float] = {}
    for other, runs in cells.items():
        if other == column:
            continue
        for cell in runs:
            for i, top, bottom in cell:
                owner = owners.get((i, other), i)
                tops[owner] = min(tops.get(owner, top), top)
                feet[owner] = max(feet.get(owner, bottom), bottom)
    rows = [(tops.get(s, 0.0), feet.get(s, 0.0)) for s in starts]
    gaps = [b[0] - a[1] for a, b in itertools.pairwise(rows)]
    half = statistics.median(gaps) / 2 if gaps else 0.0
    inner = [(a[1] + b[0]) / 2 for a, b in itertools.pairwise(rows)]
    return [rows[0][0] - half, *inner, rows[-1][1] + half]
