"""A block printed under a table without ruling that is none of its cells: the issuing office
and the date (某县人力资源和社会保障局 / 2023年6月1日) set to the right of the page or centred on
it, closer than a wide gap. Its words may stand inside a column (the last one, reaching to the
right margin), so being inside the columns says nothing; where they begin does: a cell's lines
begin at its column's left edge, where that column's words begin on every line above. A line
below the last row's serial whose every word begins elsewhere in a column whose words all begin
at one edge is no cell, and neither is any line after it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from extractors.reading.formats.documents.pdfwords import Word

#: Points within which two words begin at one edge.
_EDGE = 2.0
#: The share of a column's words that begin at one edge for the column to be set flush left.
_FLUSH = 0.9


def signed(lines: list[list[Word]], column_of: Callable[[Word], int], last: int) -> int:
    """How many of ``lines`` are the table's: up to the first line after ``last`` (the line of
    the last row's serial) that begins a block of lines standing apart from the columns' left
    edges (:func:`_apart`) to the end; all of them when there is none, or when a column's words
    do not begin at one edge (cells centred in their columns: where a line begins says
    nothing, and the block stays the last row's, said as its continuation)."""
    edges = _edges(lines[: last + 1], column_of)
    end = len(lines)
    for i in range(len(lines) - 1, last, -1):
        if not _apart(lines[i], column_of, edges):
            break
        end = i
    return end


def _edges(lines: list[list[Word]], column_of: Callable[[Word], int]) -> dict[int, float | None]:
    """Per column, the x at which its words begin when nine in ten or more begin there (a
    column set flush left), else None."""
    starts: dict[int, list[float]] = {}
    for line in lines:
        for column, x0 in _begins(line, column_of).items():
            starts.setdefault(column, []).append(x0)
    out: dict[int, float | None] = {}
    for column, xs in starts.items():
        edge, _ = Counter(round(x) for x in xs).most_common(1)[0]
        near = sum(1 for x in xs if abs(x - edge) <= _EDGE)
        out[column] = edge if near >= _FLUSH * len(xs) else None
    return out


def _apart(
    line: list[Word], column_of: Callable[[Word], int], edges: dict[int, float | None]
) -> bool:
    """True when ``line`` begins at no column's left edge in any column it stands in, each
    set flush left."""
    for column, x0 in _begins(line, column_of).items():
        edge = edges.get(column)
        if edge is None or abs(x0 - edge) <= _EDGE:
            return False
    return True


def _begins(line: list[Word], column_of: Callable[[Word], int]) -> dict[int, float]:
    """Where ``line`` begins in each column it has words in (a cell's line may hold several
    words, apart at spaces)."""
    out: dict[int, float] = {}
    for word in line:
        column = column_of(word)
        out[column] = min(out.get(column, word["x0"]), word["x0"])
    return out
