"""The words of a PDF page without ruling placed in a table's columns: the column a word
stands in, a line's words by column, and lines gathered into one row."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from extractors.reading.formats.grid import SourceRow
from extractors.reading.headers import map_header

if TYPE_CHECKING:
    from extractors.reading.formats.documents.pdf import PdfReading

Word = dict[str, Any]
#: A column of a table without ruling: (x0, x1, its header's text).
Column = tuple[float, float, str]


def placing(columns: list[tuple[float, float, str]]) -> tuple[Callable[[Word], int], int]:
    """The column a word stands in (its centre between the columns' midpoints), and the serial
    column (序号, wherever it stands; else the first)."""
    bounds = [(a[1] + b[0]) / 2 for a, b in itertools.pairwise(columns)]
    serial = next((c for c, (_, _, text) in enumerate(columns) if map_header(text) == "row"), 0)

    def column_of(word: Word) -> int:
        centre = (word["x0"] + word["x1"]) / 2
        return sum(1 for b in bounds if centre > b)

    return column_of, serial


def by_column(line: list[Word], column_of: Any) -> dict[int, str]:
    out: dict[int, list[str]] = {}
    for word in line:
        out.setdefault(column_of(word), []).append(word["text"])
    return {c: " ".join(parts) for c, parts in out.items()}


def loose_row(
    lines: list[list[Word]], column_of: Callable[[Word], int], width: int, reading: PdfReading
) -> SourceRow:
    """``lines`` as one row, each column's words joined line by line."""
    cells: list[list[str]] = [[] for _ in range(width)]
    for line in lines:
        for column, text in by_column(line, column_of).items():
            cells[min(column, width - 1)].append(text)
    reading.number += 1
    texts = tuple("\n".join(parts) for parts in cells)
    return SourceRow(reading.number, texts, texts)
