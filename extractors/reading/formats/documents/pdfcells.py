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


def centred_owners(
    lines: Sequence[Sequence[Word]],
    starts: Sequence[int],
    column_of: Callable[[Word], int],
    carried: bool = False,
) -> dict[tuple[int, int], int]:
    """For each (line, column) of ``lines`` holding words, the start (the index of the line of a
    row's serial, one of ``starts``) of the row they belong to. A column's lines whose gap (the
    top of one to the bottom of the one above) is no wider than the closest lines' of the page
    by more than a third of a line's height make one cell; a cell whose middle is nearer one
    serial's middle than any other's is that row's. A cell reaching over the middles of two
    serials or more (rows without space between them) is parted line by line, each to the
    nearest serial.

    ``carried`` (a page the table goes on to): a cell ending above the first serial's line is
    no cell of its row, centred or aligned to the top: it is the rest of the row the page break
    split, owned by :data:`CARRIED`; so are the lines above that line of a cell that runs on
    into the first row's without being centred on its serial."""
    pieces: dict[int, list[tuple[int, float, float]]] = {}  # column -> (line, top, bottom)
    for i, line in enumerate(lines):
        for column in sorted({column_of(w) for w in line}):
            words = [w for w in line if column_of(w) == column]
            top = min(w["top"] for w in words)
            bottom = max(w["bottom"] for w in words)
            pieces.setdefault(column, []).append((i, top, bottom))
    height = statistics.median(w["bottom"] - w["top"] for line in lines for w in line)
    gaps = [b[1] - a[2] for run in pieces.values() for a, b in itertools.pairwise(run)]
    closest = min(gaps, default=0.0)
    middles = {s: (lines[s][0]["top"] + max(w["bottom"] for w in lines[s])) / 2 for s in starts}

    first_top = lines[starts[0]][0]["top"] if starts else 0.0

    def nearest(middle: float) -> int:
        return min(starts, key=lambda s: abs(middles[s] - middle))

    owners: dict[tuple[int, int], int] = {}
    for column, run in pieces.items():
        cells: list[list[tuple[int, float, float]]] = []
        for piece in run:
            if cells and piece[1] - cells[-1][-1][2] <= closest + height / 3:
                cells[-1].append(piece)
            else:
                cells.append([piece])
        for cell in cells:
            top, bottom = cell[0][1], cell[-1][2]
            if carried and top < first_top:
                if bottom < first_top:  # wholly above the first serial's line: the rest
                    owners.update(((i, column), CARRIED) for i, _, _ in cell)
                    continue
                if abs((top + bottom) / 2 - middles[starts[0]]) > height:
                    # not centred on the first serial: the rest, run on into the first row's
                    # cell below it; its lines above the serial's line are the rest's
                    owners.update(
                        ((i, column), CARRIED if b < first_top else nearest((t + b) / 2))
                        for i, t, b in cell
                    )
                    continue
            inside = [s for s in starts if top <= middles[s] <= bottom]
            if len(inside) <= 1:
                owner = nearest((top + bottom) / 2)
                owners.update(((i, column), owner) for i, _, _ in cell)
            else:
                owners.update(((i, column), nearest((t + b) / 2)) for i, t, b in cell)
    return owners
