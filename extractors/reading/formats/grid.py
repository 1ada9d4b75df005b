"""The format-neutral shape every table reader produces: rows of cells with their line numbers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from extractors.models import Anomaly, Reject

#: Where a cell's text comes from: the cell itself, or the first cell of a merged range
#: (rowspan/colspan) that covers it, begun in a row above or in a cell to its left.
Span = Literal["own", "above", "left"]


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One row of a table as read: ``line`` is where it starts (1-based line, or sheet row).

    ``raw`` holds each cell as written (HTML and all), ``cells`` the clean text of the same cells;
    ``notes`` are what the reader noticed about the row (wrapped over lines, cut off at the end).
    ``spans`` says, cell by cell, whether a merged range repeats its text there (empty when no
    merged range reaches the row): such a cell holds one value of the row the range starts on.
    """

    line: int
    cells: tuple[str, ...]
    raw: tuple[str, ...]
    notes: tuple[Anomaly, ...] = ()
    spans: tuple[Span, ...] = field(default=(), repr=False)


@dataclass(frozen=True, slots=True)
class Grid:
    """The rows of one table with the text around it (``context``: numbered lines for metadata).

    ``header`` is the index in ``rows`` of the header row when the reader already knows it;
    ``rejects`` are stretches the reader could not make into rows; ``name`` names the sheet or
    table when the format has several.
    """

    rows: tuple[SourceRow, ...]
    context: tuple[tuple[int, str], ...] = ()
    rejects: tuple[Reject, ...] = ()
    header: int | None = None
    name: str | None = None
    #: What stands above the table outside it and may name the power type of its first rows
    #: (``vocab.names_section``): a sheet's name, or the line of text between the document's
    #: previous table and this one, with its line.
    lead: tuple[int, str] | None = None
    #: The last line of text above the table outside every table that names a department and
    #: nothing else (县人力社保局 as a heading over the tables of its items, one per power type),
    #: with its line: the department of the tables below it, up to the next such line.
    owner: tuple[int, str] | None = None


class ReadWhole(Exception):
    """Raised by a reader that gives rows one at a time when it meets what only the whole reader
    reads right (a table whose spans pass their budget, say): the list is then read whole, which
    reads it or says what is wrong (``extractors.reading.stream``)."""
