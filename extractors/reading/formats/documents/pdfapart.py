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
as a table of no header: every row a reject, the items without their bases, silently).

Rows half a page tall or more (LibreOffice Calc, round 12): a band of one column gives a page a
single ruled cell, no table to pdfplumber, which is read as the band's next row
(:func:`one_cell_band`); a band opens under the empty row a title merged across the first
columns left in it, and under a header some of whose words name no field (部门职责); a band's
header cell merged across two columns stays merged in the list's header; a row the page's
foot splits inside a band (one row more than the rows it joins, the ruling open at the foot)
begins the next band page's first row (``PdfReading.band_rest``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from extractors.models import Anomaly
from extractors.reading.formats.cells import clean_cell
from extractors.reading.formats.documents.pdfopen import closing_lines
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
    # a header cell of theirs merged across columns (实施层级及权限 over two) stays merged
    theirs_spans: tuple[Span, ...] = tuple(
        rows[0].spans[c] if rows[0].spans else "own" for c in range(len(rows[0].cells)) if c != mine
    )
    for i, row in enumerate(table):
        if row.cells and is_header(row.cells):
            own: tuple[Span, ...] = row.spans or tuple("own" for _ in row.cells)
            spans = (*own, *theirs_spans) if "left" in (*own, *theirs_spans) else ()
            cells, raw = (*row.cells, *extra), (*row.raw, *extra)
            table[i] = SourceRow(row.line, cells, raw, row.notes, spans)
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
    if reading.band_rest is not None and body:  # the part of a row the page before began
        body[0] = _prefixed(reading.band_rest, body[0])
    recent = [i - reading.gone for i in reading.pages[reading.band]]
    rest = None
    if reading.open_foot and len(body) == len(recent) + 1:
        # a row the page's foot splits, open there: its part here begins the next page's row
        body, rest = body[:-1], tuple(body[-1].cells)
    if not _joined(header, body, recent, mine, serial, page, reading):
        return False
    reading.band_rest = rest
    reading.band += 1
    return True


def _prefixed(cells: tuple[str, ...], row: SourceRow) -> SourceRow:
    """``row`` with ``cells`` (a row's part at the foot of the page before) put before its own."""
    texts = tuple("\n".join(filter(None, pair)) for pair in zip(cells, row.cells, strict=False))
    return SourceRow(row.line, texts, texts, row.notes)


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


def one_cell_band(page: Any, number: int, reading: PdfReading) -> bool:
    """True when ``page``, on which no table was found, holds the next row of a band of one
    column printed apart, down then over (a basis column alone, its row as tall as the page:
    one ruled cell, which pdfplumber finds but gives no table of, a table needing two cells;
    or the cell with the part of the next row the page's foot splits, left open there),
    and that row is joined to its row (:func:`joined_band`). False, and nothing changed,
    else (before, the band's rows after its first page were read as page text: the items
    lost their bases, silently or said)."""
    header = reading.band_header
    if reading.band is None or reading.band < 0 or header is None or len(header) != 1:
        return False
    # its column's two rules, open at the page's top or foot, closed there (a table's frame
    # alone is no such band: only a band of one column is looked for)
    closing = closing_lines(page.edges, least=2)
    settings = {"explicit_horizontal_lines": closing} if closing else None
    cells = sorted(page.debug_tablefinder(settings).cells, key=lambda box: box[1])
    if not cells or len({(round(a), round(c)) for a, _, c, _ in cells}) != 1:
        return False  # no cell, or cells of more than one column
    x0, top, x1, bottom = page.bbox
    rows = []
    for a, b, c, d in cells:
        box = (max(a, x0), max(b, top), min(c, x1), min(d, bottom))  # within the page
        text = clean_cell(page.crop(box).extract_text() or "")
        reading.number += 1
        rows.append(SourceRow(reading.number, (text,), (text,)))
    if not any(row.cells[0] for row in rows):
        return False
    # a row the page's foot splits, open there (a closing rule drawn at its foot)
    reading.open_foot = any(abs(line["top"] - cells[-1][3]) <= 1.5 for line in closing)
    if joined_band(rows, number, reading):
        return True
    reading.open_foot = False
    return False
