"""A column whose header names a field as it was before a change (原设定依据, 旧依据,
修改前设定依据: a publisher keeps last year's bases beside this year's) holds superseded values:
its cells go to ``extra`` under its header rather than being joined into the field its header's
words name, where the sheet hides the column (each cell still said ``hidden-column``:
:func:`~extractors.reading.formats.sheets.sheetxml.hidden_notes`) or where a column of the field
as it is now stands beside it (any table format). A column headed as a field of today (设定依据,
备用依据), or a shown superseded one alone, is read as before."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from openpyxl.utils.cell import column_index_from_string

from extractors.models import Anomaly
from extractors.reading.headers import map_header
from extractors.reading.vocab import load_vocab

#: The hidden-column note's column: its letters, then the row's number (``C7``).
_WHERE = re.compile(r"([A-Z]{1,3})\d+")


@cache
def _superseded() -> re.Pattern[str]:
    return re.compile(load_vocab()["superseded_headers"]["pattern"])


def superseded_field(text: str) -> str | None:
    """The field a header cell names as it was before a change (``vocab.superseded_headers``),
    else None.

    >>> superseded_field("原设定依据"), superseded_field("设定依据（原）"), superseded_field("原因")
    ('basis', 'basis', None)
    """
    found = _superseded().fullmatch(text.strip())
    if found is None:
        return None
    return map_header(next(g for g in found.groups() if g is not None))


def hidden_columns(notes: Sequence[Anomaly]) -> set[int]:
    """The 0-based columns the ``hidden-column`` notes on a row name.

    >>> hidden_columns([Anomaly("hidden-column", "…", "C1"), Anomaly("hidden-row", "…", "1")])
    {2}
    """
    found = set()
    for note in notes:
        if note.code == "hidden-column" and note.column:
            where = _WHERE.fullmatch(note.column)
            if where is not None:
                found.add(column_index_from_string(where.group(1)) - 1)
    return found


def set_aside(
    cells: Sequence[str], keys: tuple[str | None, ...], notes: Sequence[Anomaly]
) -> tuple[str | None, ...]:
    """``keys`` (of the header ``cells``) with each column whose header names a superseded
    field keyed None, its cells going to ``extra``, where the sheet hides it (``notes`` on the
    header row) or where a column of the field as it is now stands beside it; a shown one
    alone (原设定依据 the only basis column) keeps its key.

    >>> notes = [Anomaly("hidden-column", "…", "C1")]
    >>> set_aside(("事项名称", "设定依据", "原设定依据"), ("name", "basis", "basis"), notes)
    ('name', 'basis', None)
    >>> set_aside(("事项名称", "设定依据", "原设定依据"), ("name", "basis", "basis"), [])
    ('name', 'basis', None)
    >>> set_aside(("事项名称", "原设定依据"), ("name", "basis"), [])
    ('name', 'basis')
    """
    old = [i < len(cells) and superseded_field(cells[i]) is not None for i in range(len(keys))]
    if not any(old):
        return keys
    hidden = hidden_columns(notes)
    # a column of the field as it is now beside it (设定依据 beside 原设定依据), shown or not
    current = {k for k, was in zip(keys, old, strict=True) if k is not None and not was}
    return tuple(
        None if was and (i in hidden or key in current) else key
        for i, (key, was) in enumerate(zip(keys, old, strict=True))
    )
