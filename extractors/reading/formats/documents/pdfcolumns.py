"""The columns of a page that a table without ruling goes on to, when the page lays them out
anew: printed narrower or shifted (another page size, a landscape page among portrait ones, a
table centred on a page of another width), with no header printed again to say where they
stand. Taken at the columns of the header on an earlier page, its serials fell into no serial
column, and the page's rows were lost.

The page's words stand in blocks, x ranges that no word crosses between them; a table's
columns are such blocks. When the page's blocks number the table's columns, and the words do
not stand one block to a column under the header's columns, the blocks are the columns, in
order, each named as the header named the column in its place."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

Word = dict[str, Any]
Column = tuple[float, float, str]


def blocks(lines: Sequence[Sequence[Word]]) -> list[tuple[float, float]]:
    """The x ranges the words of ``lines`` cover, apart where no word crosses between them.

    >>> blocks([[{"x0": 0, "x1": 10}, {"x0": 30, "x1": 40}], [{"x0": 5, "x1": 20}]])
    [(0, 20), (30, 40)]
    """
    out: list[tuple[float, float]] = []
    for word in sorted((w for line in lines for w in line), key=lambda w: w["x0"]):
        if out and word["x0"] <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], word["x1"]))
        else:
            out.append((word["x0"], word["x1"]))
    return out


def refitted(
    lines: Sequence[Sequence[Word]],
    columns: Sequence[Column],
    column_of: Callable[[Word], int],
) -> list[Column] | None:
    """The columns of ``lines`` (a page the table goes on to, without its header) when they
    stand elsewhere than ``columns``: as many blocks as columns, and a block whose words fall
    into two columns, or two blocks into one; else None (the columns fit, or the page's blocks
    say nothing: a column empty on every row of the page, a cell running over a gap)."""
    found = blocks(lines)
    if len(found) != len(columns) or len(columns) < 3:
        return None
    placed: list[set[int]] = [set() for _ in found]
    for word in (w for line in lines for w in line):
        index = next(k for k, (x0, x1) in enumerate(found) if x0 <= word["x0"] <= x1)
        placed[index].add(column_of(word))
    if all(len(p) == 1 for p in placed) and len({min(p) for p in placed}) == len(placed):
        return None
    return [(x0, x1, text) for (x0, x1), (_, _, text) in zip(found, columns, strict=True)]
