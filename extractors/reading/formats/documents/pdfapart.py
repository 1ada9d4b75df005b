"""A wide table printed across pages, its last columns on a page of their own (序号 … 设定依据
on one page, 追责依据, with the serials printed again or not, on the next): those columns
joined to the rows they belong to, when the rows can be told, and said on each. The rows are
told by their serials, the same in both tables; without serials, by their order, when the page
gives as many rows as the page before gave the table. Else each of its rows stays a reject
naming the page (``pdfpages.columns_apart``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from extractors.models import Anomaly
from extractors.reading.formats.grid import SourceRow, Span
from extractors.reading.headers import is_header, map_header

if TYPE_CHECKING:
    from extractors.reading.formats.documents.pdf import PdfReading


def joined_apart(
    rows: Sequence[SourceRow], header: Sequence[str], page: int, reading: PdfReading
) -> bool:
    """True when ``rows`` (a table on page ``page`` of a list's columns alone, its first row
    their header) are joined to the rows of the last table read (whose header is ``header``):
    each of its cells but the serial appended to the row it belongs to, and its header's to
    the table's header rows. False, and nothing changed, when the rows cannot be told."""
    if not reading.tables or not rows:
        return False
    table = reading.tables[-1]
    keys = [map_header(c) for c in rows[0].cells]
    mine = keys.index("row") if "row" in keys else None
    theirs = [map_header(c) for c in header]
    serial = theirs.index("row") if "row" in theirs else None
    body = [r for r in rows[1:] if any(r.cells)]
    recent = [
        i
        for i in range(max(len(table) - reading.added, 0), len(table))
        if table[i].cells and not is_header(table[i].cells) and len(table[i].cells) == len(header)
    ]
    if mine is not None and serial is not None:
        where = {table[i].cells[serial]: i for i in recent}
        matched = [where.get(r.cells[mine]) for r in body]
    else:
        matched = list(recent) if len(recent) == len(body) else []
    if not body or len(matched) != len(body) or None in matched or len(set(matched)) < len(body):
        return False
    kept = [c for c in range(len(rows[0].cells)) if c != mine]
    names = " | ".join(rows[0].cells[c] for c in kept)
    for row, at in zip(body, matched, strict=True):
        assert at is not None
        target = table[at]
        note = Anomaly(
            "joined-record",
            f"the column(s) {names} of this row printed apart, on page {page} (a wide table "
            "printed across pages), matched to it by "
            + ("serial" if mine is not None and serial is not None else "order")
            + ": joined",
        )
        cells = (*target.cells, *(row.cells[c] for c in kept))
        raw = (*target.raw, *(row.raw[c] if c < len(row.raw) else row.cells[c] for c in kept))
        own: tuple[Span, ...] = tuple("own" for _ in kept)
        spans = (*target.spans, *own) if target.spans else ()
        table[at] = SourceRow(target.line, cells, raw, (*target.notes, note), spans)
    extra = tuple(rows[0].cells[c] for c in kept)
    for i, row in enumerate(table):
        if row.cells and is_header(row.cells) and len(row.cells) == len(header):
            table[i] = SourceRow(row.line, (*row.cells, *extra), (*row.raw, *extra), row.notes)
    reading.joined = True
    return True
