"""Reads one sheet of an XLSX workbook a row at a time, merged ranges laid over its rows: the same
rows :func:`~extractors.reading.formats.sheets.xlsx.read_xlsx` gives in that sheet's Grid, with
the sheet's ranges, a few counts and the shared-string table held, not its rows (issue #20, item
13: a list of 200 k items took 7.8 GB).

A sheet is read twice. Its survey (:func:`survey_sheet`) reads what must be known before the
first row goes out: its merged ranges (which the XML gives after the rows), how many rows and how
long the longest (how far a range reaches), and its used width and columns (every row is cut or
padded to the width). The used width and columns are those of the cells once the ranges are laid
over them, which the survey, meeting the ranges last, can only foresee: the rows
(:class:`SheetRows`) tell what they were, and a reading that foresaw them wrong is read again
(``extractors.reading.workbook``)."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

from extractors.reading.formats.grid import SourceRow
from extractors.reading.formats.sheets.merged import (
    WIDE,
    GridRows,
    MergedRanges,
    kept_columns,
    occupied_columns,
    used_width,
)
from extractors.reading.formats.sheets.sheetxml import (
    Bounds,
    Cell,
    SharedStrings,
    Sheet,
    Workbook,
    laid_rows,
    uncached_note,
)


@dataclass(frozen=True, slots=True)
class Layout:
    """What must be known of a sheet before its rows go out: its rows (``count``, the last
    row's number) and the length of the longest (how far a merged range reaches), its merged
    ranges, and the used width and columns of its cells once the ranges are laid over them
    (``keep``: :func:`~extractors.reading.formats.sheets.merged.kept_columns`, None when
    every column up to ``width`` is kept). ``keep`` is not known (``known`` False) of a
    sheet wider than ``WIDE`` whose columns were not looked at."""

    count: int
    length: int
    merged: tuple[Bounds, ...]
    width: int
    keep: tuple[int, ...] | None
    known: bool = True


def survey_sheet(
    archive: zipfile.ZipFile, member: str, book: Workbook, strings: SharedStrings
) -> Layout | None:
    """The layout of the sheet ``member``, its used width and columns foreseen (from its cells
    and the reach of its ranges); None when its rows do not come in order (a row written twice,
    or before one above it), which only the whole sheet held puts right. Raises what the
    whole reading raises for a sheet out of bounds or a shared string that is not there."""
    sheet = Sheet()
    last = -1
    length = width = 0
    occupied: set[int] = set()
    for index, values in laid_rows(archive, member, book, sheet):
        if index <= last:
            return None
        last = index
        texts = _texts(values, sheet, strings)
        sheet.uncached.clear()
        sheet.hidden.clear()
        length = max(length, len(texts))
        width = max(width, used_width(texts))
        occupied_columns((texts,), occupied)
    count = last + 1
    merged = tuple(sheet.merged)
    # A range lays its first cell's text across its columns (foreseen: its text is not known
    # once the rows are gone, and is nearly always there). Ranges that overlap beyond what the
    # sheet holds are refused here, as by the whole reading.
    for first, reach in MergedRanges(merged, length, count).reaches():
        width = max(width, reach)
        occupied.update(range(first - 1, reach))
    keep = kept_columns(occupied, width) if width > WIDE else None
    return Layout(count, length, merged, width, keep)


def _texts(values: list[Cell], sheet: Sheet, strings: SharedStrings) -> list[str]:
    """The cells of a row with each shared-string index replaced by its text; the indexes of
    the cells it replaced (a cell written twice) are looked up too, as the whole reading
    does, so that a bad one is the same error."""
    for cell in sheet.replaced:
        if isinstance(cell, int):
            strings[cell]
    sheet.replaced.clear()
    return [strings[c] if isinstance(c, int) else c for c in values]


class SheetRows:
    """The rows of one sheet laid out as its Grid's rows, read from its XML as they are handed
    out, laid out by ``layout`` (from :func:`survey_sheet`). Once they are all out, ``found`` is
    the layout they had: when it is not ``layout``, the rows were cut to a width or columns
    foreseen wrong, and are to be read again with ``found``."""

    def __init__(
        self,
        archive: zipfile.ZipFile,
        member: str,
        book: Workbook,
        strings: SharedStrings,
        layout: Layout,
    ) -> None:
        self.archive, self.member, self.book, self.strings = archive, member, book, strings
        self.layout = layout
        self.found: Layout | None = None

    def __iter__(self) -> Iterator[SourceRow]:
        layout = self.layout
        sheet = Sheet()
        ranges = MergedRanges(layout.merged, layout.length, layout.count)
        laying = GridRows(layout.width, layout.keep if layout.known else None)
        # The columns with text are looked at only where the columns kept depend on them.
        look = layout.width > WIDE
        occupied: set[int] = set()
        width = 0
        number = 0  # the next row to lay out
        for index, values in laid_rows(self.archive, self.member, self.book, sheet):
            if index < number or index >= layout.count:
                raise ValueError("the sheet changed while it was read; read it again")
            # rows the XML leaves out are empty (a range may reach them)
            for empty in ranges.left_out(number, index, laying.add_blank):
                cells: list[str] = []
                spans, notes = ranges.lay(empty, cells)
                width = max(width, used_width(cells))
                if look:
                    occupied_columns((cells,), occupied)
                yield from laying.add(empty, cells, notes, spans)
            number = index
            cells = _texts(values, sheet, self.strings)
            spans, notes = ranges.lay(number, cells)
            if sheet.uncached:
                notes = notes + [uncached_note(*found) for found in sheet.uncached]
                sheet.uncached.clear()
            if sheet.hidden:
                notes = notes + [note for _, note in sheet.hidden]
                sheet.hidden.clear()
            width = max(width, used_width(cells))
            if look:
                occupied_columns((cells,), occupied)
            yield from laying.add(number, cells, notes, spans)
            number += 1
        if number != layout.count:
            raise ValueError("the sheet changed while it was read; read it again")
        known = look or width <= WIDE
        keep = kept_columns(occupied, width) if look and width > WIDE else None
        self.found = Layout(layout.count, layout.length, layout.merged, width, keep, known)
