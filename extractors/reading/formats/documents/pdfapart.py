"""A wide table printed across pages, its last columns on a page of their own (序号 … 设定依据
on one page, 追责依据, with the serials printed again or not, on the next): those columns
joined to the rows they belong to, when the rows can be told, and said on each. The rows are
told by their serials, the same in both tables; without serials, by their order, when the page
gives as many rows as the page before gave the table. Else each of its rows stays a reject
naming the page (``pdfpages.columns_apart``).

A sheet printed down, then over (LibreOffice's order: columns A–C on pages 1–3, D on pages 4–6,
E on pages 7–9) puts each band of columns on as many pages as the table's first columns, page
for page the same rows: the first page of a band, after a table of two pages or more with no
band joined yet, is matched to the table's first page, and each page after it that holds the
band's columns alone (no header: one as wide as the band) to the table's next page (before, the
first band page was matched to the table's last page and refused, and the pages after it read
as a table of no header: every row a reject, the items without their bases, silently)."""

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
    pages = reading.pages
    if reading.band != -1 and len(pages) >= 2:  # down, then over: each band from page one
        recent, band = [i - reading.gone for i in pages[0]], 1
    else:  # printed over, then down (or the table on one page): the last page's rows
        recent = [
            i
            for i in range(max(len(table) - reading.added, 0), len(table))
            if table[i].cells
            and not is_header(table[i].cells)
            and len(table[i].cells) == len(header)
        ]
        band = -1
    if not _joined(rows[0].cells, body, recent, mine, serial, page, reading):
        return False
    reading.band = band
    reading.band_header = tuple(rows[0].cells)
    extra = tuple(rows[0].cells[c] for c in range(len(rows[0].cells)) if c != mine)
    for i, row in enumerate(table):
        if row.cells and is_header(row.cells):
            table[i] = SourceRow(row.line, (*row.cells, *extra), (*row.raw, *extra), row.notes)
    return True


def joined_band(rows: Sequence[SourceRow], page: int, reading: PdfReading) -> bool:
    """True when ``rows`` (a ruled table atop page ``page`` with no header) go on with the band
    of columns printed apart that the pages before began (:func:`joined_apart`, down then
    over): as wide as the band, joined to the rows of the table's next page, by serial or by
    order. False, and nothing changed, else."""
    header = reading.band_header
    if reading.band is None or reading.band < 0 or header is None or not rows:
        return False
    if reading.band >= len(reading.pages) or len(rows[0].cells) != len(header):
        return False
    if any(is_header(r.cells) for r in rows):
        return False
    keys = [map_header(c) for c in header]
    mine = keys.index("row") if "row" in keys else None
    theirs = [map_header(c) for c in reading.header or ()]
    serial = theirs.index("row") if "row" in theirs else None
    body = [r for r in rows if any(r.cells)]
    recent = [i - reading.gone for i in reading.pages[reading.band]]
    if not _joined(header, body, recent, mine, serial, page, reading):
        return False
    reading.band += 1
    return True


def _joined(
    names: Sequence[str],
    body: Sequence[SourceRow],
    recent: Sequence[int],
    mine: int | None,
    serial: int | None,
    page: int,
    reading: PdfReading,
) -> bool:
    """Each row of ``body`` (columns printed apart, their header ``names``, the serial in
    column ``mine``) joined to the row of the last table it belongs to among ``recent``: by
    serial (the table's in column ``serial``), else by order when as many."""
    table = reading.tables[-1]
    if any(i < 0 for i in recent):
        # rows a reading in batches gave out already (a band printed down, then over, is
        # joined to the table's first pages): the list is read whole
        reading.joined = True
        return False
    if mine is not None and serial is not None:
        where = {table[i].cells[serial]: i for i in recent}
        matched = [where.get(r.cells[mine]) for r in body]
    else:
        matched = list(recent) if len(recent) == len(body) else []
    if not body or len(matched) != len(body) or None in matched or len(set(matched)) < len(body):
        return False
    kept = [c for c in range(len(names)) if c != mine]
    named = " | ".join(names[c] for c in kept)
    for row, at in zip(body, matched, strict=True):
        assert at is not None
        target = table[at]
        note = Anomaly(
            "joined-record",
            f"the column(s) {named} of this row printed apart, on page {page} (a wide table "
            "printed across pages), matched to it by "
            + ("serial" if mine is not None and serial is not None else "order")
            + ": joined",
        )
        cells = (*target.cells, *(row.cells[c] for c in kept))
        raw = (*target.raw, *(row.raw[c] if c < len(row.raw) else row.cells[c] for c in kept))
        own: tuple[Span, ...] = tuple("own" for _ in kept)
        spans = (*target.spans, *own) if target.spans else ()
        table[at] = SourceRow(target.line, cells, raw, (*target.notes, note), spans)
    reading.joined = True
    return True
