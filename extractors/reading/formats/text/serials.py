"""The run of a list's serials in page text and label：value records: numbered 1, 2, 3 … item by
item, a list that skips a number (2, then 4) may have lost an item (cut from the copy, or run
into the item before it) and one that goes back (3, then 2) may have two items' parts mixed, or
a page printed out of turn. Neither is repaired or guessed at: the item after the gap or the
turn says so (``serial-gap``, ``serial-order``). A run numbered again from 1 (each section
numbering its own items) and serials that are no plain numbers (1-1, 一, a code) say nothing;
a serial used twice is said elsewhere (``duplicate-row``)."""

from __future__ import annotations

import re
from array import array
from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import replace

import numpy as np

from extractors.models import Anomaly
from extractors.reading.formats.grid import SourceRow
from extractors.reading.headers import map_headers

#: How many skipped numbers are looked for (a jump to a code is no gap to list).
_MAX_GAP = 1000
#: A plain serial: digits, a dot or 、 after them, or in brackets.
_SERIAL = re.compile(r"[（(]?(\d{1,6})[)）]?[.．、]?")


def serial_number(cell: str) -> int | None:
    """The number of a plain serial cell, else None.

    >>> serial_number("12"), serial_number("3、"), serial_number("（4）"), serial_number("1-1")
    (12, 3, 4, None)
    """
    match = _SERIAL.fullmatch(cell.strip())
    return int(match.group(1)) if match else None


def serial_column(header: Sequence[str]) -> int | None:
    """The index of the serial's column in ``header``, or None."""
    return next((i for i, k in enumerate(map_headers(header)) if k == "row"), None)


def row_serial(row: SourceRow, column: int | None) -> int | None:
    """The plain serial of ``row`` (a record, two cells or more) in ``column``, or None."""
    if column is None or len(row.cells) <= column or len(row.cells) < 2:
        return None
    return serial_number(row.cells[column])


class Serials(Container[int]):
    """The plain serials of a list's records, kept as a sorted array (8 bytes a record)."""

    def __init__(self, numbers: Iterable[int] = ()) -> None:
        self._found = array("q", numbers)
        self._sorted: np.ndarray | None = None

    def add(self, number: int) -> None:
        self._found.append(number)
        self._sorted = None

    def __contains__(self, number: object) -> bool:
        if not isinstance(number, int):
            return False
        if self._sorted is None:
            self._sorted = np.unique(np.frombuffer(self._found, dtype=np.int64))
        at = int(np.searchsorted(self._sorted, number))
        return at < len(self._sorted) and int(self._sorted[at]) == number

    @classmethod
    def merged(cls, many: Iterable[Serials]) -> Serials:
        """The serials of several parts of one list."""
        out = cls()
        for one in many:
            out._found.extend(one._found)
        return out

    @classmethod
    def of(cls, rows: Iterable[SourceRow], header: Sequence[str]) -> Serials:
        """The serials of ``rows`` under ``header``."""
        column = serial_column(header)
        return cls(n for row in rows if (n := row_serial(row, column)) is not None)


def noted_serials(
    rows: Iterable[SourceRow], header: Sequence[str], present: Container[int]
) -> Iterator[SourceRow]:
    """``rows`` (the records of one list under ``header``, in order), each record whose serial
    skips numbers the list has nowhere (``present``: the serials of all its records), or goes
    back other than to 1, since the record before it, noted. A group row (a section heading,
    a title) between them starts the run again (sections numbered each from 1, or a list
    grouped by department after its items were numbered)."""
    column = serial_column(header)
    if column is None:
        yield from rows
        return
    last: int | None = None
    for row in rows:
        if len(row.cells) < 2:
            last = None
        number = row_serial(row, column)
        if number is None:
            yield row
            continue
        note = None
        gap = range(last + 1, min(number, last + 1 + _MAX_GAP)) if last is not None else ()
        missing = [n for n in gap if n not in present]
        if missing:
            skipped = f"{missing[0]}" if len(missing) == 1 else f"{missing[0]}-{missing[-1]}"
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
