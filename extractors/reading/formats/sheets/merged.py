"""Lays a sheet's merged ranges over its cells: the first cell's value shown across the range,
each covered cell marked as repeating it, and text hidden under a range kept as a note."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from openpyxl.utils.cell import get_column_letter

from extractors.models import Anomaly
from extractors.reading.formats.cells import clean_cell
from extractors.reading.formats.grid import Grid, SourceRow, Span
from extractors.reading.formats.sheets.sheetxml import Bounds


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
    # A range reaches no further than the cells present: A1:XFD1048576 over a table of six
    # columns fills six, not sixteen thousand.
    width = max(map(len, rows), default=0)
    covered = sum(
        max(0, min(c2, width) - c1 + 1) * max(0, min(r2, len(rows)) - r1 + 1)
        for c1, r1, c2, r2 in ranges
    )
    if covered > width * len(rows):
        # Ranges that do not overlap cover each cell once at most.
        raise ValueError(f"merged ranges overlap ({len(ranges)} ranges cover {covered} cells)")
    for min_col, min_row, claimed_col, max_row in ranges:
        max_col = min(claimed_col, width)
        if min_row > len(rows) or min_col > max_col or (min_col == max_col and min_row == max_row):
            continue
        top = rows[min_row - 1]
        value = top[min_col - 1] if min_col - 1 < len(top) else ""
        for r in range(min_row - 1, min(max_row, len(rows))):
            row = rows[r]
            if len(row) < max_col:
                row.extend([""] * (max_col - len(row)))
            spans = out.spans.get(r)
            if spans is None:
                spans = out.spans[r] = []
            if len(spans) < max_col:
                spans.extend(["own"] * (max_col - len(spans)))
            for c in range(min_col - 1, max_col):
                if r == min_row - 1 and c == min_col - 1:
                    continue
                hidden = row[c]
                if hidden and hidden.strip() and hidden != value:
                    where = f"{get_column_letter(c + 1)}{r + 1}"
                    out.notes.setdefault(r, []).append(
                        Anomaly(
                            "hidden-cell",
                            f"cell {where} holds text hidden under the merged range "
                            f"{_name(min_col, min_row, claimed_col, max_row)}; not read",
                            where,
                            hidden,
                        )
                    )
                row[c] = value
                spans[c] = "above" if r > min_row - 1 else "left"
    return out


def sheet_grid(rows: list[list[str]], name: str, merged: Merged | None = None) -> Grid:
    """The Grid of one sheet, every row cut or padded to the sheet's used width (a sheet
    formatted out to column XFD reports 16384 columns, mostly empty). Empty rows inside the
    table are kept (they are counted as blank rows); those before and after it are dropped.
    What is laid out follows the cells present, not where they are: long runs of empty columns
    (:func:`_kept_columns`) and blank rows (:data:`_MAX_BLANK_RUN`) are left out.

    >>> grid = sheet_grid([["序号", "备注", ""], [], ["1", ""], []], "清单")
    >>> [(r.line, r.cells) for r in grid.rows]
    [(1, ('序号', '备注')), (2, ('', '')), (3, ('1', ''))]
    """
    spans_of = merged.spans if merged is not None else {}
    notes_of = merged.notes if merged is not None else {}
    used = [_used_width(cells) for cells in rows]
    width = max(used, default=0)
    keep = _kept_columns(rows, width) if width > _WIDE else None
    if keep is not None:
        width = len(keep)
    filled = [n for n, last in enumerate(used) if last]
    padding = [""] * width
    blank = tuple(padding)
    out = []
    since = filled[0] if filled else 0  # the first row of the run of blank rows going on
    for number in range(filled[0], filled[-1] + 1) if filled else ():
        cells = rows[number]
        notes = notes_of.get(number)
        if not used[number]:
            if notes or number - since < _MAX_BLANK_RUN:
                out.append(SourceRow(number + 1, blank, blank, tuple(notes) if notes else ()))
            continue
        since = number + 1
        spans = spans_of.get(number)
        if keep is not None:
            cells = [cells[c] if c < len(cells) else "" for c in keep]
            spans = [spans[c] if c < len(spans) else "own" for c in keep] if spans else None
        raw = tuple(cells if len(cells) == width else (cells + padding)[:width])
        row = SourceRow(number + 1, tuple(map(clean_cell, raw)), raw)
        if notes or spans:
            fitted = _fit(spans, width) if spans else ()
            row = replace(row, notes=tuple(notes or ()), spans=fitted)
        out.append(row)
    return Grid(tuple(out), name=name)


#: Past this many columns a sheet is looked at for long runs of columns empty in every row.
_WIDE = 256
#: A run of this many columns empty in every row is no part of the table: a cell far to its
#: right (XFD1) is read next to it, not sixteen thousand empty cells away.
_EMPTY_RUN = 64
#: Of a run of blank rows only this many are laid out (and so counted as blank rows): a cell
#: far below the table (A1048576) is read after the table and these, not a million blank rows.
_MAX_BLANK_RUN = 1000


def _kept_columns(rows: list[list[str]], width: int) -> list[int] | None:
    """The columns of a wide sheet left once each run of :data:`_EMPTY_RUN` or more columns
    empty in every row is dropped, or None when there is no such run.

    >>> rows = [["序号", "事项名称"] + [""] * 300 + ["x"]]
    >>> _kept_columns(rows, 303)
    [0, 1, 302]
    """
    occupied = sorted({c for cells in rows for c, text in enumerate(cells) if text.strip()})
    keep: list[int] = []
    last = -1
    for column in occupied:
        gap = column - last - 1
        keep.extend(range(last + 1, column) if gap < _EMPTY_RUN else ())
        keep.append(column)
        last = column
    return keep if len(keep) < width else None


def _fit(spans: list[Span], width: int) -> tuple[Span, ...]:
    own: list[Span] = ["own"]
    return tuple(spans[:width] + own * (width - len(spans)))


def _used_width(cells: list[str]) -> int:
    """The number of cells up to the last one that is not blank."""
    size = len(cells)
    while size and not cells[size - 1].strip():
        size -= 1
    return size
