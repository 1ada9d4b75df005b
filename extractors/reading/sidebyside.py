"""Lists side by side on one sheet: the same header written twice or more across a row, empty
columns between (a sheet printed two lists to a page, 序号 | 事项名称 | … || 序号 | 事项名称 | …),
or twice with none (a page printed in two columns, copied as text: its cells apart at gaps).
Each row then holds an item of each list: it is read as one row per list, under the one header,
so that no item's cells are taken for a second column of another's."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TypeVar

from extractors.reading.formats.grid import SourceRow, Span
from extractors.reading.headers import is_header

T = TypeVar("T")


def side_by_side(cells: Sequence[str]) -> list[tuple[int, int]] | None:
    """The column ranges ``[start, stop)`` of each copy of the header in the header row
    ``cells`` when it is the same header written twice or more, empty columns between; None
    otherwise.

    >>> side_by_side(["序号", "事项名称", "事项类型", "", "序号", "事项名称", "事项类型"])
    [(0, 3), (4, 7)]
    >>> side_by_side(["序号", "事项名称", "事项类型", "序号", "事项名称", "事项类型"])
    [(0, 3), (3, 6)]
    >>> side_by_side(["序号", "事项名称", "事项类型", "", "备注"]) is None
    True
    """
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for at, cell in enumerate([*cells, ""]):
        if cell and start is None:
            start = at
        elif not cell and start is not None:
            runs.append((start, at))
            start = None
    if not runs:
        return None
    if len(runs) == 1:  # one run: the header twice with no empty column between?
        start, stop = runs[0]
        half, odd = divmod(stop - start, 2)
        if odd or half < 3:
            return None
        runs = [(start, start + half), (start + half, stop)]
    first = tuple(cells[runs[0][0] : runs[0][1]])
    if not is_header(first) or any(tuple(cells[a:b]) != first for a, b in runs[1:]):
        return None
    return runs


def split_rows(rows: Iterable[SourceRow], runs: Sequence[tuple[int, int]]) -> Iterator[SourceRow]:
    """Each of ``rows`` as one row per copy of the header (:func:`side_by_side`): the cells of
    its columns, in turn (a row with nothing in a copy's columns gives a blank row).

    >>> row = SourceRow(7, ("1", "甲", "", "2", "乙"), ("1", "甲", "", "2", "乙"))
    >>> [(r.line, r.cells) for r in split_rows([row], [(0, 2), (3, 5)])]
    [(7, ('1', '甲')), (7, ('2', '乙'))]
    """
    width = runs[0][1] - runs[0][0]
    for row in rows:
        for n, (start, _) in enumerate(runs):
            stop = start + width
            spans: tuple[Span, ...] = _part(row.spans, start, stop, "own") if row.spans else ()
            yield SourceRow(
                row.line,
                _part(row.cells, start, stop, ""),
                _part(row.raw, start, stop, ""),
                row.notes if n == 0 else (),
                spans if any(s != "own" for s in spans) else (),
            )


def _part(cells: tuple[T, ...], start: int, stop: int, fill: T) -> tuple[T, ...]:
    """``cells[start:stop]``, filled up to its width with ``fill``."""
    part = cells[start:stop]
    return (*part, *(fill,) * (stop - start - len(part)))
