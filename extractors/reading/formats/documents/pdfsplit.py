"""Rows a page break split in a PDF's tables, joined again: the cells a page's foot began a
row with (``PdfReading.opened``) closed when the table ends, the rest of a row alone atop a page
of no serial (without ruling), and a ruled table's first row atop a page that ends the row
before it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from extractors.models import Anomaly
from extractors.reading.assemble import MERGED_DOWN
from extractors.reading.formats.documents.pdfwords import Column, Word, loose_row, placing
from extractors.reading.formats.grid import SourceRow, Span
from extractors.reading.headers import is_header, map_header
from extractors.reading.vocab import is_power_type

if TYPE_CHECKING:
    from extractors.reading.formats.documents.pdf import PdfReading


def close_opened(reading: PdfReading) -> None:
    """The cells of a row begun at a page's foot (``PdfReading.opened``) when its table does
    not go on to the next page: a row of their own, after the table's last, which the
    assembler joins to the row above and says so (``continuation-row``)."""
    if reading.opened is not None and reading.tables:
        reading.number += 1
        reading.tables[-1].append(SourceRow(reading.number, reading.opened, reading.opened))
    reading.opened = None


def joined_split(
    rows: list[SourceRow],
    header: tuple[str, ...],
    width: int,
    page: int,
    reading: PdfReading,
    open_break: bool = False,
    carried: bool = False,
) -> list[SourceRow]:
    """``rows`` (a ruled table's atop page ``page``, going on from the table the page before
    ended on, whose header is ``header``) without the first row's when that row is the rest of
    the last row before, split by the page break: joined to it, cell by cell, and said. Such a
    rest has no serial and no type where the header has them (or the type's end, the break
    cutting it: 行政 | 强制), the row it ends having both; a
    word processor splits a row anywhere, a piece of its name (…违 | 法行为的处罚) among the
    rest, which the assembler took for an item without serial (``missing-cell``). Not under a
    header with a 子项 column (its rows have no serial of their own), nor below a serial merged
    over rows, nor when the rest has merged cells; below a type merged over items (a Word table
    converted by LibreOffice) it is joined (before, the last row's name lost its end, silently).
    The rest of a row of a table without ruling atop a page, above its first serial
    (``carried``, ``pdfcells.CARRIED``), is joined under a 子项 column too: the row the break
    split, or a sub-item's row of the last item, its serial merged over it on the page before.

    A row's cells centred in it put its serial where its middle falls: on the part after the
    break when most of the row is there (a sheet printed by LibreOffice Calc, each part showing
    its piece of the centred text). When the ruling is open at the break (``open_break``: no
    rule closed the page's last row, or none opened this page's first), a last row of no serial
    under a row that has one, followed atop the page by a row with a serial, is that row's
    first part: the two are joined and said (before, the first part was an item of no serial,
    its name and type cut, 行政 | 确认, and the second an item of half a name, silently)."""
    if _serial_after_break(rows, header, width, reading, open_break):
        return _joined_rows(rows, 0, page, reading)
    if not reading.tables or not reading.tables[-1] or reading.widths[-1] != width or not rows:
        return rows
    keys = [map_header(c) for c in header]
    at = next((k for k, row in enumerate(rows[:3]) if not is_header(row.cells)), None)
    if at is None or ("subitem" in keys and not carried) or "row" not in keys:
        return rows
    last, rest = reading.tables[-1][-1], rows[at]
    marks = [c for c, key in enumerate(keys) if key in ("row", "type")]
    serials = [c for c in marks if keys[c] == "row"]
    if (
        any(last.spans[c] != "own" for c in serials if last.spans)
        or rest.spans
        or len(last.cells) != len(rest.cells)
        or is_header(last.cells)
        or any(
            (rest.cells[c] and not _type_cut(last, rest, c, keys)) or not last.cells[c]
            for c in marks
        )
        or not any(rest.cells)
    ):
        return rows
    return _joined_rows(rows, at, page, reading)


def _joined_rows(rows: list[SourceRow], at: int, page: int, reading: PdfReading) -> list[SourceRow]:
    """``rows`` without ``rows[at]``, joined cell by cell to the table's last row, and said."""
    last, rest = reading.tables[-1][-1], rows[at]
    joined = tuple(
        "\n".join(filter(None, pair)) for pair in zip(last.cells, rest.cells, strict=True)
    )
    raw = tuple("\n".join(filter(None, pair)) for pair in zip(last.raw, rest.raw, strict=False))
    note = Anomaly(
        "continuation-row",
        f"row at line {rest.line}, atop page {page}, is the rest of this row, split by the "
        "page break; merged",
    )
    reading.tables[-1][-1] = SourceRow(last.line, joined, raw, (*last.notes, note))
    return rows[:at] + rows[at + 1 :]


def _serial_after_break(
    rows: list[SourceRow],
    header: tuple[str, ...],
    width: int,
    reading: PdfReading,
    open_break: bool,
) -> bool:
    """True when the table's last row is the first part of a row the break split whose serial
    fell on its part atop this page, ``rows[0]`` (see :func:`joined_split`)."""
    if not open_break or not rows or not reading.tables or len(reading.tables[-1]) < 2:
        return False
    keys = [map_header(c) for c in header]
    if reading.widths[-1] != width or "row" not in keys:
        return False
    serial = keys.index("row")
    last, above, first = reading.tables[-1][-1], reading.tables[-1][-2], rows[0]
    return (
        len(last.cells) == len(first.cells) == len(above.cells) == len(keys)
        # under a 子项 column, a row of no serial with a 子项 of its own is a sub-item's row
        and not any(last.cells[c] for c, key in enumerate(keys) if key == "subitem")
        and not last.spans
        and not first.spans
        and not any(is_header(r.cells) for r in (above, last, first))
        and not last.cells[serial]
        and bool(above.cells[serial])
        and bool(first.cells[serial])
        and any(last.cells)
    )


def _type_cut(last: SourceRow, rest: SourceRow, column: int, keys: list[str | None]) -> bool:
    """True when the type cell of ``rest`` is the end of the last row's type, the page break
    cutting the word (行政 | 强制, a narrow column wrapping it): neither part a power type, the
    two together one."""
    if keys[column] != "type":
        return False
    head, tail = last.cells[column], rest.cells[column]
    return not is_power_type(head) and not is_power_type(tail) and is_power_type(head + tail)


def rest_row(lines: list[list[Word]], columns: list[Column], reading: PdfReading) -> SourceRow:
    """``lines`` atop a page that hold no serial, as the rest of the row the page break split
    (a row without serial, which the assembler joins to the row above), after the cells the
    page before ended on that began it (``PdfReading.opened``)."""
    column_of, _ = placing(columns)
    row = loose_row(lines, column_of, len(columns), reading)
    if reading.opened is None:
        return row
    texts = tuple(
        "\n".join(filter(None, pair)) for pair in zip(reading.opened, row.cells, strict=True)
    )
    reading.opened = None
    return SourceRow(row.line, texts, texts)


def in_columns(lines: list[list[Word]], columns: list[Column]) -> bool:
    """True when every word of ``lines`` stands inside one of ``columns`` (none runs across a
    column's start) and some begin where a column's header word begins: the table's cells,
    not a note or a signature set across the page."""
    starts = [x0 for x0, _, _ in columns]
    words = [w for line in lines for w in line]
    crossing = any(w["x0"] < x0 - 2 and w["x1"] > x0 + 2 for w in words for x0 in starts[1:])
    aligned = any(abs(w["x0"] - x0) <= 2 for w in words for x0 in starts)
    return not crossing and aligned


def carried_down(
    rows: list[SourceRow], header: tuple[str, ...], width: int, page: int, reading: PdfReading
) -> list[SourceRow]:
    """``rows`` (a ruled table's atop page ``page``, going on from the table the page before
    ended on) with a cell merged down across the page break carried on: a column of the
    fields a table merges down (``assemble.MERGED_DOWN``: a type over its items) whose first
    cell on the page is empty, merged over the rows below it or under a merged cell that ran
    to the foot of the page before, the last row there holding its text. A word processor
    prints the merged cell's text on its first page only (a Word table converted by
    LibreOffice); before, the rows after the break had no type (``missing-cell``), and a row
    the break split there was not joined (its rest an item of its own, silently). Said on each
    row (``carried-cell``)."""
    table = reading.tables[-1] if reading.tables else []
    last = next((r for r in reversed(table) if r.cells and not is_header(r.cells)), None)
    at = next((k for k, row in enumerate(rows[:3]) if not is_header(row.cells)), None)
    if last is None or at is None or reading.widths[-1] != width:
        return rows
    keys = [map_header(c) for c in header]
    out = list(rows)
    for c, key in enumerate(keys):
        if key not in MERGED_DOWN or c >= len(last.cells) or not last.cells[c]:
            continue
        first = out[at]
        below = out[at + 1] if at + 1 < len(out) else None
        ran = bool(last.spans) and last.spans[c] == "above"
        spans_on = below is not None and bool(below.spans) and below.spans[c] == "above"
        if first.cells[c] or not (ran or spans_on):
            continue
        k = at
        while k < len(out) and not out[k].cells[c] and (k == at or _spanned(out[k], c)):
            out[k] = _with_cell(out[k], c, last.cells[c], page)
            k += 1
    return out


def _spanned(row: SourceRow, column: int) -> bool:
    return bool(row.spans) and row.spans[column] == "above"


def _with_cell(row: SourceRow, column: int, text: str, page: int) -> SourceRow:
    cells = list(row.cells)
    cells[column] = text
    spans: list[Span] = list(row.spans) if row.spans else ["own"] * len(cells)
    spans[column] = "above"
    note = Anomaly(
        "carried-cell",
        f"column {column + 1}'s cell, merged down across the break to page {page}, was printed "
        "on the page before only: carried on from the row above",
        str(column + 1),
        text,
    )
    return SourceRow(row.line, tuple(cells), row.raw, (*row.notes, note), tuple(spans))
