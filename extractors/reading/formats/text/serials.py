"""The run of a list's serials in page text and label：value records: numbered 1, 2, 3 … item by
item, a list that skips a number (2, then 4) may have lost an item (cut from the copy, or run
into the item before it) and one that goes back (3, then 2) may have two items' parts mixed, or
a page printed out of turn. Neither is repaired or guessed at: the item after the gap or the
turn says so (``serial-gap``, ``serial-order``). A run numbered again from 1 (each section
numbering its own items) and serials that are no plain numbers (1-1, 一, a code) say nothing;
a serial used twice is said elsewhere (``duplicate-row``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from extractors.models import Anomaly
from extractors.reading.formats.grid import SourceRow
from extractors.reading.headers import map_headers

#: A plain serial: digits, a dot or 、 after them, or in brackets.
_SERIAL = re.compile(r"[（(]?(\d{1,6})[)）]?[.．、]?")


def serial_number(cell: str) -> int | None:
    """The number of a plain serial cell, else None.

    >>> serial_number("12"), serial_number("3、"), serial_number("（4）"), serial_number("1-1")
    (12, 3, 4, None)
    """
    match = _SERIAL.fullmatch(cell.strip())
    return int(match.group(1)) if match else None


def noted_serials(rows: Iterable[SourceRow], header: Sequence[str]) -> Iterator[SourceRow]:
    """``rows`` (the records of one list under ``header``, in order), each record whose serial
    skips numbers after the one before, or goes back, noted."""
    keys = map_headers(header)
    column = next((i for i, k in enumerate(keys) if k == "row"), None)
    if column is None:
        yield from rows
        return
    last: int | None = None
    for row in rows:
        number = None
        if len(row.cells) > column and len(row.cells) >= 2:
            number = serial_number(row.cells[column])
        if number is None:
            yield row
            continue
        note = None
        if last is not None and number > last + 1:
            skipped = f"{last + 1}" if number == last + 2 else f"{last + 1}-{number - 1}"
            note = Anomaly(
                "serial-gap",
                f"serial {number} follows {last}: {skipped} not in the list (left out, or lost "
                "in the copy?)",
                header[column],
                row.cells[column],
            )
        elif last is not None and 1 < number < last:
            note = Anomaly(
                "serial-order",
                f"serial {number} follows {last}: out of order",
                header[column],
                row.cells[column],
            )
        last = number
        yield row if note is None else replace(row, notes=(*row.notes, note))
