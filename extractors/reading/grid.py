"""The format-neutral shape every table reader produces: rows of cells with their line numbers."""

from __future__ import annotations

from dataclasses import dataclass

from extractors.models import Anomaly, Reject


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One row of a table as read: ``line`` is where it starts (1-based line, or sheet row).

    ``raw`` holds each cell as written (HTML and all), ``cells`` the clean text of the same cells;
    ``notes`` are what the reader noticed about the row (wrapped over lines, cut off at the end).
    """

    line: int
    cells: tuple[str, ...]
    raw: tuple[str, ...]
    notes: tuple[Anomaly, ...] = ()


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
