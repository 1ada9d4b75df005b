"""Lays a sheet's merged ranges over its cells: the first cell's value shown across the range,
each covered cell marked as repeating it, and text hidden under a range kept as a note."""

from __future__ import annotations

from bisect import insort
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import compress

from openpyxl.utils.cell import get_column_letter

from extractors.models import Anomaly
from extractors.reading.formats.cells import clean_cell
from extractors.reading.formats.grid import Grid, SourceRow, Span
from extractors.reading.formats.sheets.sheetnames import department_and_type, sheet_heading
from extractors.reading.formats.sheets.sheetxml import MAX_ROWS, Bounds


@dataclass(slots=True)
class Merged:
    """What laying the merged ranges over a sheet found, by 0-based row index."""

    spans: dict[int, list[Span]] = field(default_factory=dict)
    notes: dict[int, list[Anomaly]] = field(default_factory=dict)


def _name(min_col: int, min_row: int, max_col: int, max_row: int) -> str:
    first = f"{get_column_letter(min_col)}{min_row}"
    return f"{first}:{get_column_letter(max_col)}{max_row}"


def fill_merged(rows: list[list[str]], ranges: list[Bounds]) -> Merged:
    """Fills each merged range of ``rows`` (in place) with the value of its top-left cell and
    tells which cells repeat it: "above" below the range's first row, "left" right of its first
    column on that row. A covered cell that holds text of its own (a spreadsheet program keeps
    but never shows it) is not read: a note on its row names it.

    >>> rows = [["1", "城乡医疗救助", "第一步"], ["", "旧文字", "第二步"]]
    >>> merged = fill_merged(rows, [(1, 1, 1, 2), (2, 1, 2, 2)])
    >>> rows[1], merged.spans[1]
    (['1', '城乡医疗救助', '第二步'], ['above', 'above'])
    >>> merged.notes[1][0].message
    'cell B2 holds text hidden under the merged range B1:B2; not read'
    """
    out = Merged()
    laying = MergedRanges(ranges, max(map(len, rows), default=0), len(rows))
    number = laying.quiet_until(0)
    while number < len(rows):
        spans, notes = laying.lay(number, rows[number])
        if spans is not None:
            out.spans[number] = spans
        if notes:
            out.notes[number] = notes
        number = laying.quiet_until(number + 1)
    return out


class _Range:
    """A merged range as it is laid over the rows: its index among the sheet's ranges and its
    bounds as the sheet gives them, its first and last rows (0-based), columns (1-based, cut to
    the cells present), and its value once its first row is met."""

    __slots__ = ("bounds", "first", "index", "last", "max_col", "min_col", "value")

    def __init__(self, index: int, bounds: Bounds, width: int, count: int) -> None:
        min_col, min_row, claimed_col, max_row = bounds
        self.index, self.bounds = index, bounds
        self.first, self.last = min_row - 1, min(max_row, count) - 1
        self.min_col, self.max_col = min_col, min(claimed_col, width)
        self.value = ""


class MergedRanges:
    """Lays a sheet's merged ranges over its rows one row at a time (:meth:`lay`, rows in
    order), as :func:`fill_merged` over the whole sheet: a sheet read a row at a time
    (``streamed``) holds its ranges, not its rows. ``width`` is the longest row's length and
    ``count`` the number of rows: a range reaches no further than the cells present (A1:
    XFD1048576 over a table of six columns fills six, not sixteen thousand).

    A range that names no cell (row 0) is left out. Where ranges overlap (no spreadsheet
    program writes either), the later range is laid over the
    earlier one, and its value is its first cell as the earlier ones left it, as when laid one
    range after another over the whole sheet."""

    def __init__(self, ranges: Sequence[Bounds], width: int, count: int) -> None:
        covered = sum(
            max(0, min(c2, width) - c1 + 1) * max(0, min(r2, count) - r1 + 1)
            for c1, r1, c2, r2 in ranges
        )
        if covered > width * count:
            # Ranges that do not overlap cover each cell once at most.
            raise ValueError(f"merged ranges overlap ({len(ranges)} ranges cover {covered} cells)")
        laid = [_Range(index, bounds, width, count) for index, bounds in enumerate(ranges)]
        self._waiting = sorted(
            (
                r
                for r in laid
                if 0 <= r.first < count
                and 1 <= r.min_col <= r.max_col
                and not (r.min_col == r.max_col and r.first == r.bounds[3] - 1)
            ),
            key=lambda r: (r.first, r.index),
        )
        self._next = 0  # the first range of _waiting not yet met
        self._active: list[_Range] = []  # the ranges met, in their order in the sheet

    def reaches(self) -> Iterator[tuple[int, int]]:
        """The first and last column (1-based) of each range that is laid over some cells."""
        return ((r.min_col, r.max_col) for r in self._waiting if r.first <= r.last)

    def quiet_until(self, number: int) -> int:
        """The first row from ``number`` on that a range reaches (rows before it are left as
        they are); a number past every row when none does."""
        if any(r.last >= number for r in self._active):
            return number
        waiting = self._waiting
        return waiting[self._next].first if self._next < len(waiting) else MAX_ROWS

    def left_out(self, start: int, stop: int, blank: Callable[[int, int], object]) -> Iterator[int]:
        """The rows from ``start`` to ``stop`` (0-based) that a sheet's XML leaves out and a
        range reaches, in order: each is to be laid (:meth:`lay`) as an empty row before the
        next is asked for; a run of them no range reaches is given to ``blank(first, stop)``."""
        number = start
        while number < stop:
            quiet = min(stop, self.quiet_until(number))
            if quiet > number:
                blank(number, quiet)
                number = quiet
            else:
                yield number
                number += 1

    def lay(self, number: int, row: list[str]) -> tuple[list[Span] | None, list[Anomaly]]:
        """Lays the ranges that reach row ``number`` (0-based) over its cells ``row`` (in
        place, called for each row a range reaches, in order): what each cell repeats, or None
        when no range reaches it, and the notes on text hidden under a range."""
        waiting = self._waiting
        met = self._next
        while met < len(waiting) and waiting[met].first == number:
            insort(self._active, waiting[met], key=lambda r: r.index)
            met += 1
        self._next = met
        spans: list[Span] | None = None
        notes: list[Anomaly] = []
        still = []
        for laid in self._active:
            if laid.last < number:
                continue
            still.append(laid)
            min_col, max_col, first = laid.min_col, laid.max_col, number == laid.first
            if first:
                laid.value = row[min_col - 1] if min_col - 1 < len(row) else ""
            value = laid.value
            if len(row) < max_col:
                row.extend([""] * (max_col - len(row)))
            if spans is None:
                spans = []
            if len(spans) < max_col:
                spans.extend(["own"] * (max_col - len(spans)))
            span: Span = "left" if first else "above"
            for c in range(min_col - 1, max_col):
                if first and c == min_col - 1:
                    continue
                hidden = row[c]
                if hidden and hidden.strip() and hidden != value:
                    where = f"{get_column_letter(c + 1)}{number + 1}"
                    notes.append(
                        Anomaly(
                            "hidden-cell",
                            f"cell {where} holds text hidden under the merged range "
                            f"{_name(*laid.bounds)}; not read",
                            where,
                            hidden,
                        )
                    )
                row[c] = value
                spans[c] = span
        self._active = still
        return spans, notes


def sheet_grid(rows: list[list[str]], name: str, merged: Merged | None = None) -> Grid:
    """The Grid of one sheet, every row cut or padded to the sheet's used width (a sheet
    formatted out to column XFD reports 16384 columns, mostly empty). Empty rows inside the
    table are kept (they are counted as blank rows); those before and after it are dropped.
    What is laid out follows the cells present, not where they are: long runs of empty columns
    (:func:`kept_columns`) and blank rows (:data:`_MAX_BLANK_RUN`) are left out.

    >>> grid = sheet_grid([["序号", "备注", ""], [], ["1", ""], []], "清单")
    >>> [(r.line, r.cells) for r in grid.rows]
    [(1, ('序号', '备注')), (2, ('', '')), (3, ('1', ''))]
    """
    spans_of = merged.spans if merged is not None else {}
    notes_of = merged.notes if merged is not None else {}
    width = max(map(used_width, rows), default=0)
    keep = kept_columns(occupied_columns(rows), width) if width > WIDE else None
    laying = GridRows(width, keep)
    out: list[SourceRow] = []
    for number, cells in enumerate(rows):
        out.extend(laying.add(number, cells, notes_of.get(number), spans_of.get(number)))
    return Grid(tuple(out), name=name, lead=sheet_lead(name), owner=sheet_owner(name))


def sheet_lead(name: str) -> tuple[int, str]:
    """A sheet's name as the lead of its table (a sheet named 行政处罚 types its rows, one named
    1.县人力社保局 or 县人力社保局权责清单 gives them their department: ``sheet_heading``; of
    县人力社保局-行政许可, the type)."""
    both = department_and_type(name)
    return (0, both[1] if both else sheet_heading(name))


def sheet_owner(name: str) -> tuple[int, str] | None:
    """The department a sheet's name gives beside a power type (县人力社保局-行政许可), as the
    owner of its table (``Grid.owner``); None for any other name."""
    both = department_and_type(name)
    return (0, both[0]) if both else None


class GridRows:
    """Lays out a sheet's rows, merged ranges laid over them, as the rows of its Grid, one
    row at a time (:meth:`add`, every row in order): each cut or padded to ``width`` (the
    sheet's used width), only the columns ``keep`` when given (:func:`kept_columns`), blank
    rows before the first row with text and after the last left out, and of a run of blank
    rows only :data:`_MAX_BLANK_RUN`. Blank rows are held until a row with text shows they lie
    inside the table."""

    def __init__(self, width: int, keep: Sequence[int] | None) -> None:
        self.width = width
        self.keep = keep
        self._padding = [""] * width
        self._blank = tuple(self._padding)
        self._since: int | None = None  # the first row of the run of blank rows going on
        self._held: list[SourceRow] = []

    def add(
        self,
        number: int,
        cells: list[str],
        notes: list[Anomaly] | None = None,
        spans: list[Span] | None = None,
    ) -> list[SourceRow]:
        """The rows that go out once row ``number`` (0-based) is laid out: none, while blank
        rows are held; else those held and this one."""
        since = self._since
        if not used_width(cells):
            if since is not None and (notes or number - since < _MAX_BLANK_RUN):
                blank = self._blank
                self._held.append(SourceRow(number + 1, blank, blank, tuple(notes or ())))
            return []
        self._since = number + 1
        width, keep = self.width, self.keep
        if keep is not None:
            cells = [cells[c] if c < len(cells) else "" for c in keep]
            spans = [spans[c] if c < len(spans) else "own" for c in keep] if spans else None
        raw = tuple(cells if len(cells) == width else (cells + self._padding)[:width])
        row = SourceRow(number + 1, tuple(map(clean_cell, raw)), raw)
        if notes or spans:
            fitted = _fit(spans, width) if spans else ()
            row = replace(row, notes=tuple(notes or ()), spans=fitted)
        out, self._held = self._held, []
        out.append(row)
        return out

    def add_blank(self, number: int, stop: int) -> None:
        """Rows ``number`` up to ``stop`` are empty, with no notes (a long run is added at
        once: a cell at A1048576 lays out a million empty rows)."""
        since = self._since
        if since is not None:
            blank = self._blank
            last = min(stop, since + _MAX_BLANK_RUN)
            self._held.extend(SourceRow(n + 1, blank, blank) for n in range(number, last))


#: Past this many columns a sheet is looked at for long runs of columns empty in every row.
WIDE = 256
#: A run of this many columns empty in every row is no part of the table: a cell far to its
#: right (XFD1) is read next to it, not sixteen thousand empty cells away.
_EMPTY_RUN = 64
#: Of a run of blank rows only this many are laid out (and so counted as blank rows): a cell
#: far below the table (A1048576) is read after the table and these, not a million blank rows.
_MAX_BLANK_RUN = 1000


def occupied_columns(rows: Iterable[list[str]], occupied: set[int] | None = None) -> set[int]:
    """The columns (0-based) with text in some row, added to ``occupied`` when given."""
    occupied = set() if occupied is None else occupied
    for cells in rows:
        occupied.update(compress(range(len(cells)), map(str.strip, cells)))
    return occupied


def kept_columns(occupied: Iterable[int], width: int) -> tuple[int, ...] | None:
    """The columns of a wide sheet left once each run of :data:`_EMPTY_RUN` or more columns
    empty in every row is dropped, or None when there is no such run; ``occupied`` are the
    columns with text (:func:`occupied_columns`).

    >>> kept_columns(occupied_columns([["序号", "事项名称"] + [""] * 300 + ["x"]]), 303)
    (0, 1, 302)
    """
    keep: list[int] = []
    last = -1
    for column in sorted(occupied):
        gap = column - last - 1
        keep.extend(range(last + 1, column) if gap < _EMPTY_RUN else ())
        keep.append(column)
        last = column
    return tuple(keep) if len(keep) < width else None


def _fit(spans: list[Span], width: int) -> tuple[Span, ...]:
    own: list[Span] = ["own"]
    return tuple(spans[:width] + own * (width - len(spans)))


def used_width(cells: list[str]) -> int:
    """The number of cells up to the last one that is not blank."""
    size = len(cells)
    while size and not cells[size - 1].strip():
        size -= 1
    return size
