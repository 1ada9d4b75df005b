"""Reads the tables of a PDF with a text layer into Grids: ruled tables from their lines (merged
cells marked), text outside them as context, and pages without ruling as flattened text.

The pages are read one at a time (:func:`read_pages`), each let go once its rows and lines are
taken: pdfplumber keeps a page's characters, objects and layout until the page is closed, some
100 KB an item of a ruled list (a 8,000-item PDF held 830 MB when every page was kept), and its
``PDF.pages`` makes every page at once. ``formats.documents.pdfrows`` gives the rows of a PDF's
tables a page at a time, for a large list read in batches."""

from __future__ import annotations

import io
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from io import BufferedReader, BytesIO
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError
from pdfminer.pdfexceptions import PDFException
from pdfminer.pdfpage import PDFPage
from pdfminer.psexceptions import PSException
from pdfplumber.page import Page
from pdfplumber.table import Table
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from extractors.errors import InputError
from extractors.models import Anomaly, Reject
from extractors.reading.assemble import MERGED_DOWN
from extractors.reading.formats.cells import clean_cell, unified
from extractors.reading.formats.documents.pdfapart import joined_apart, joined_band, one_cell_band
from extractors.reading.formats.documents.pdfatop import merged_atop
from extractors.reading.formats.documents.pdfbeside import levelled
from extractors.reading.formats.documents.pdfcells import (
    CARRIED,
    OPENED,
    centred,
    centred_owners,
    merged_runs,
)
from extractors.reading.formats.documents.pdfcolumns import (
    as_before,
    blocks,
    parted,
    refitted,
    under_header,
)
from extractors.reading.formats.documents.pdffills import ruled
from extractors.reading.formats.documents.pdffurniture import strip_furniture
from extractors.reading.formats.documents.pdffused import unfused
from extractors.reading.formats.documents.pdfopen import closing_lines
from extractors.reading.formats.documents.pdfpages import (
    BLANK,
    HEADER_ONLY,
    columns_apart,
    scanned,
)
from extractors.reading.formats.documents.pdfrepair import Unindexed, repair
from extractors.reading.formats.documents.pdfsections import heading_line, section_lines
from extractors.reading.formats.documents.pdfsigned import signed
from extractors.reading.formats.documents.pdfspaced import unspaced
from extractors.reading.formats.documents.pdfsplit import (
    carried_down,
    close_opened,
    in_columns,
    joined_split,
    rest_row,
)
from extractors.reading.formats.documents.pdftitles import titled_owner
from extractors.reading.formats.documents.pdfturned import turned
from extractors.reading.formats.documents.pdfwords import (
    Column,
    Word,
    by_column,
    loose_row,
    placing,
)
from extractors.reading.formats.documents.pdfwraps import unwrapped_cells
from extractors.reading.formats.grid import Grid, SourceRow, Span
from extractors.reading.formats.text.page import read_plain
from extractors.reading.headers import is_header, map_header
from extractors.reading.sidebyside import side_by_side
from extractors.reading.vocab import (
    is_compound_serial,
    is_serial,
    is_sub_header,
    names_section,
    section_department,
)

# A glyph that a font without a Unicode map (no ToUnicode, no known character collection) gives
# pdfminer: "(cid:1234)"; fonts that map glyphs into the private use area do the same in effect.
_UNMAPPED = re.compile(r"\(cid:\d+\)|[\ue000-\uf8ff]")
# What a damaged PDF makes pdfminer raise (plain ValueError/KeyError/TypeError from its parser
# on some truncated files).
_BROKEN = (
    PdfminerException,
    MalformedPDFException,
    PDFException,
    PSException,
    ValueError,
    KeyError,
    TypeError,
)
#: Above this share of unmapped characters the text is not read at all.
MAX_UNMAPPED_SHARE = 0.2


def unmapped(text: str) -> int:
    """The number of glyphs in ``text`` that came out without a Unicode value.

    >>> unmapped("《(cid:2345)(cid:77)法》第十条"), unmapped("\\ue0a1\\ue0a2条"), unmapped("第十条")
    (2, 2, 0)
    """
    return len(_UNMAPPED.findall(text))


@dataclass(slots=True)
class PdfReading:
    """What reading the pages found so far: the tables' rows (a table that goes on over a page
    break is one), the lines outside them (``context``), the text of pages without a table
    (kept only while no table is found: it is read as page text only when there is none), and
    the characters counted for the checks of :func:`check_text`."""

    path: str
    number: int = 0  # the last block number given (context lines and table rows, in order)
    tables: list[list[SourceRow]] = field(default_factory=list)
    widths: list[int] = field(default_factory=list)
    #: per table, the heading just above it that names a power type (``Grid.lead``), or None
    leads: list[tuple[int, str] | None] = field(default_factory=list)
    #: per table, the list's title naming its department above it (``Grid.owner``), or None;
    #: ``titled``: the number of context lines read when the last table began
    owners: list[tuple[int, str] | None] = field(default_factory=list)
    titled: int = 0
    context: list[tuple[int, str]] = field(default_factory=list)
    plain: list[str] = field(default_factory=list)  # the text of pages without a ruled table
    #: The columns (x0, x1, header text) of the last table without ruling read, and where
    #: its header's words put them (before its rows' gaps moved the bounds)
    columns: list[tuple[float, float, str]] | None = None
    header_columns: list[tuple[float, float, str]] | None = None
    #: the last header row of a ruled table read, to tell a repeated header fused with the row
    #: below it (``pdffused``)
    header: tuple[str, ...] | None = None
    #: the cells at a page's foot that begin a row whose serial the next page holds
    #: (``pdfcells.OPENED``), put before that row's cells when the table goes on
    opened: tuple[str, ...] | None = None
    #: notes on pages read as no part of the tables, each a row of no cells that the assembler
    #: makes a reject with the note's reason (``pdfpages``): a scanned page, kept until a table
    #: is there to hold it; a page a table without ruling is carried on to that gives none of
    #: its rows, kept until the table's rows go on after it (else it is the table's end)
    unread: list[SourceRow] = field(default_factory=list)
    gaps: list[SourceRow] = field(default_factory=list)
    #: the rows the last table was given by the last page that gave it any
    added: int = 0
    #: per page that gave the last table rows, the indices of its rows there (``pdfapart``),
    #: counted from the table's first row, of which ``gone`` were given out (in batches)
    pages: list[list[int]] = field(default_factory=list)
    gone: int = 0
    #: a band of columns printed apart, down then over: the index in ``pages`` of the page its
    #: next page joins (-1: a band printed over, then down; None: none joined), its header
    band: int | None = None
    band_header: tuple[str, ...] | None = None
    #: the cells of a band's row that its page's foot split, open there: put before the
    #: cells of the next band page's first row
    band_rest: tuple[str, ...] | None = None
    #: a wide table's columns printed on a page of their own were joined to rows read before
    #: (``pdfapart``): rows already given out change, so a reading in batches reads it whole
    joined: bool = False
    #: the last ruled table read ran on to its page's foot with no rule closing its last row
    #: (``pdfopen``): a row the page break split, which the next page's first row may end
    open_foot: bool = False
    chars: int = 0
    fonts: Counter[str] = field(default_factory=Counter)  # unmapped glyphs by font
    unmapped: int = 0


def _span_of(table: Table, r: int, c: int) -> tuple[int, int] | None:
    """The (row, column) of the cell of ``table`` that covers the empty slot (r, c)."""
    row = table.rows[r]
    column = table.columns[c]
    x = (column.bbox[0] + column.bbox[2]) / 2
    y = (row.bbox[1] + row.bbox[3]) / 2
    for i, other in enumerate(table.rows[: r + 1]):
        for j, box in enumerate(other.cells):
            if box is not None and box[0] <= x <= box[2] and box[1] <= y <= box[3]:
                return i, j
    return None


def _table_rows(table: Table, page: int, reading: PdfReading) -> list[SourceRow]:
    """The rows of one ruled table: a cell merged over several rows or columns gives its text
    to each slot it covers, marked as repeated there."""
    texts = unwrapped_cells(table)  # lines the column's width wrapped joined again
    rows = []
    for r, cells in enumerate(texts):
        reading.number += 1
        out: list[str] = []
        spans: list[Span] = []
        for c, text in enumerate(cells):
            if text is not None:
                out.append(text)
                spans.append("own")
                continue
            origin = _span_of(table, r, c)
            if origin is None:
                out.append("")
                spans.append("own")
                continue
            out.append(texts[origin[0]][origin[1]] or "")
            spans.append("above" if origin[0] < r else "left")
        clean = tuple(clean_cell(t) for t in out)
        notes = tuple(_unmapped_notes(clean, page, reading))
        below = unfused(clean, reading.header)
        if below is not None:  # a repeated header fused with the row under it: two rows again
            assert reading.header is not None
            rows.append(SourceRow(reading.number, reading.header, reading.header))
            reading.number += 1
            clean, out = below, list(below)
        elif is_header(clean):
            reading.header = clean
        rows.append(
            SourceRow(
                reading.number,
                clean,
                tuple(out),
                notes,
                tuple(spans) if any(s != "own" for s in spans) else (),
            )
        )
    return rows


def _unmapped_notes(cells: Iterable[str], page: int, reading: PdfReading) -> Iterable[Anomaly]:
    for text in cells:
        count = unmapped(text)
        if count:
            yield Anomaly(
                "unmapped-glyph",
                f"{count} character(s) on page {page} come from a font without a Unicode map "
                "and read as glyph numbers; the cell's text is incomplete",
                None,
                text,
            )


# -- tables without ruling, from the positions of their words ------------------------------------

#: Points within which two words stand on one line.
_LINE_TOLERANCE = 3.0


def _lines(words: list[Word]) -> list[list[Word]]:
    """``words`` grouped into lines by their tops, each line left to right, top to bottom."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= _LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _columns_of(lines: list[list[Word]]) -> list[tuple[float, float, str]]:
    """The columns that the words of ``lines`` (a header, perhaps wrapped over lines) stand in:
    words that overlap horizontally share a column, their texts joined top to bottom."""
    columns: list[list[Word]] = []
    for word in sorted((w for line in lines for w in line), key=lambda w: w["x0"]):
        if columns and word["x0"] < max(w["x1"] for w in columns[-1]):
            columns[-1].append(word)
        else:
            columns.append([word])
    out: list[tuple[float, float, str]] = []
    for column in columns:
        text = "".join(w["text"] for w in sorted(column, key=lambda w: (w["top"], w["x0"])))
        x0, x1 = min(w["x0"] for w in column), max(w["x1"] for w in column)
        if out and _spaced_apart(out[-1], (x0, x1, text), column):
            out[-1] = (out[-1][0], x1, out[-1][2] + text)
        else:
            out.append((x0, x1, text))
    return out


def _spaced_apart(
    left: tuple[float, float, str], right: tuple[float, float, str], words: list[Word]
) -> bool:
    """True when two header words side by side are one header written with a space inside
    (序　号, 实施　主体): they stand closer than two characters' height, and together they name
    a field that one of them alone does not; not two headers set close (抽查主体 抽查对象: the
    left names the field whole, the right is a word of three characters or more).

    >>> w = [{"top": 0, "bottom": 12}]
    >>> _spaced_apart((0, 24, "实施"), (28, 52, "主体"), w)
    True
    >>> _spaced_apart((0, 48, "抽查主体"), (53, 101, "抽查对象"), w)
    False
    """
    height = max(w["bottom"] - w["top"] for w in words)
    if right[0] - left[1] > 2 * height:
        return False
    joined = map_header(left[2] + right[2])
    if joined is not None and map_header(left[2]) == joined and _CJK_WORD.search(right[2]):
        # the left word names the field whole (抽查主体), the right one is a header of its
        # own (抽查对象, naming no field): two columns set close, not one word spaced
        return False
    return joined is not None and None in (map_header(left[2]), map_header(right[2]))


#: Three CJK characters in a row: a header word of its own, not the end of one (主体, 号).
_CJK_WORD = re.compile(r"[\u4e00-\u9fff]{3}")


def _find_text_header(lines: list[list[Word]]) -> tuple[int, int] | None:
    """(first, end) of the lines that make the header row: the first lines, fewest first (up
    to three), whose columns read as a header; then, above and below, the lines close to them
    that put words only inside its columns or beside them (序 above 号, a centred header's
    short cells on lines of their own), not a title that runs across columns."""
    for end in range(1, len(lines) + 1):
        for first in range(end - 1, max(end - 3, 0) - 1, -1):
            if is_header([text for _, _, text in _columns_of(lines[first:end])]):
                while first > 0 and _joins_header(lines[first - 1], lines[first:end]):
                    first -= 1
                while end < len(lines) and _joins_header(lines[end], lines[first:end]):
                    end += 1
                return first, end
    return None


def _joins_header(line: list[Word], header: list[list[Word]]) -> bool:
    """True when ``line`` continues the header lines: close above or below them, each of its
    words inside one of their columns or clear of all of them. A line of words that each name
    a part of a column (法律 | 行政法规) is the lower level of a two-level header
    (:func:`_lower_level`), not more of its lines."""
    if all(is_sub_header(w["text"]) for w in line):
        return False
    height = max(w["bottom"] - w["top"] for w in header[0])
    near = min(abs(line[0]["top"] - ln[0]["top"]) for ln in header) <= 1.5 * height
    columns = _columns_of(header)
    return near and all(
        all(w["x1"] <= x0 or w["x0"] >= x1 for x0, x1, _ in columns)
        or any(x0 - 2 <= w["x0"] and w["x1"] <= x1 + 2 for x0, x1, _ in columns)
        for w in line
    )


def _lower_level(
    line: list[Word], columns: list[tuple[float, float, str]]
) -> list[tuple[float, float, str]] | None:
    """The columns of a two-level header whose lower row is ``line`` (设定依据 over 法律 |
    行政法规 | 规章, 职权名称 over 主项 | 子项, 依据 over 设定依据 | 追责依据), or None when
    ``line`` is no such row: each of its words names a part of a column
    (``vocab.is_sub_header``) or a field (two or more under one column, a group's parts;
    before, such a lower row was read as the first row of the table, its words in the first
    item's cells), and stands under the header
    column whose centre is nearest; such a column gives way to its parts, each named with it
    ("设定依据 法律"), as ``headers.merge_header_levels`` names the parts of a merged cell."""
    named = [map_header(w["text"]) is not None for w in line]
    if not all(is_sub_header(w["text"]) or known for w, known in zip(line, named, strict=True)):
        return None
    parts: dict[int, list[Word]] = {}
    for word in line:
        centre = (word["x0"] + word["x1"]) / 2
        nearest = min(range(len(columns)), key=lambda c: abs(sum(columns[c][:2]) / 2 - centre))
        parts.setdefault(nearest, []).append(word)
    if any(named) and all(len(below) < 2 for below in parts.values()):
        # field names under a group (依据 over 设定依据 | 追责依据) part it in two or more; one
        # alone under a column is more of its name, a header wrapped over two lines; unless
        # the group is centred over them, the one column whose middle stands within the line
        # (its parts reaching past its word into the columns' gaps either side)
        group = _centred_over(line, columns) if all(named) and len(line) > 1 else None
        if group is None:
            return None
        parts = {group: line}
    out: list[tuple[float, float, str]] = []
    for index, (x0, x1, text) in enumerate(columns):
        below = parts.get(index)
        if not below:
            out.append((x0, x1, text))
            continue
        out += [(w["x0"], w["x1"], f"{text} {w['text']}") for w in below]
    return out if is_header([text for _, _, text in out]) else None


def _centred_over(line: list[Word], columns: list[Column]) -> int | None:
    """The column of a group header centred over the words of ``line`` (依据 over 设定依据 |
    追责依据, its middle between theirs): the only column whose middle stands between the
    line's first word's start and last word's end; None when none or several do."""
    low, high = line[0]["x0"], line[-1]["x1"]
    inside = [c for c, (x0, x1, _) in enumerate(columns) if low < (x0 + x1) / 2 < high]
    return inside[0] if len(inside) == 1 else None


def _text_rows(
    lines: list[list[Word]],
    columns: list[tuple[float, float, str]],
    reading: PdfReading,
    continued: bool = False,
) -> list[SourceRow]:
    """The rows of a table without ruling: a row starts on each line with a word in the serial
    column (序号, wherever it stands; else the first column); the other lines join the row
    whose start they belong to: the row above when cells are aligned to their top; when they are
    centred (lines stand between the header and the first serial, or a cell begins between two
    serials and runs on into the lower one's line: ``pdfcells.centred``, for a page that opens
    on a row of one line), cell by cell, the row whose serial stands nearest the cell's middle
    (``pdfcells.centred_owners``).

    On a page the table goes on to (``continued``), lines above the first serial may be the
    rest of the last row of the page before, split by the break: the cells ending above the
    first serial's line (``pdfcells.CARRIED``) make a row without serial, which the assembler
    joins to the row above (before, they ran into the page's first row)."""
    column_of, serial = placing(columns)
    starts = [i for i, line in enumerate(lines) if any(column_of(w) == serial for w in line)]
    if not starts:
        return []
    by_cell = starts[0] > 0 or centred(lines, starts, column_of)
    carried = continued and starts[0] > 0
    owned = centred_owners(lines, starts, column_of, carried) if by_cell else {}
    owner: list[int] = []
    for i in range(len(lines)):
        before = max((s for s in starts if s <= i), default=starts[0])
        owner.append(before)
    order = [CARRIED, *starts, OPENED] if carried else [*starts, OPENED]
    laid: dict[int, tuple[str, ...]] = {}
    for start in order:
        cells: list[list[str]] = [[] for _ in columns]
        for i, line in enumerate(lines):
            for column, group in by_column(line, column_of).items():
                if owned.get((i, column), owner[i]) == start:
                    cells[column].append(group)
        laid[start] = tuple("\n".join(parts) for parts in cells)
    merged = _merged(lines, starts, column_of, owned, columns) if by_cell else {}
    if not by_cell:  # a cell merged over two rows, set at the top (``pdfatop``)
        mergeable = [c for c, (_, _, text) in enumerate(columns) if map_header(text) in MERGED_DOWN]
        merged = merged_atop(lines, starts, column_of, mergeable)
    rows = []
    pending, reading.opened = reading.opened if continued else None, None
    for start in order:
        texts, spans, notes = _merged_into(start, laid, merged)
        if start == OPENED:
            reading.opened = texts if any(texts) else None
            continue
        if pending is not None:
            # a row begun at the foot of the page before: its rest above this page's first
            # serial (CARRIED) and the first serial's row are that row
            texts = tuple(
                "\n".join(filter(None, pair)) for pair in zip(pending, texts, strict=True)
            )
            pending = texts if start == CARRIED else None
            if start == CARRIED:
                continue
        if any(texts):
            reading.number += 1
            rows.append(SourceRow(reading.number, texts, texts, notes, spans))
    return rows


def _merged(
    lines: list[list[Word]],
    starts: list[int],
    column_of: Callable[[Word], int],
    owned: dict[tuple[int, int], int],
    columns: list[tuple[float, float, str]],
) -> dict[tuple[int, int], tuple[int, int, int]]:
    """The cells of a centred table without ruling that a cell merged down spans
    (``pdfcells.merged_runs``), in the columns of the fields a table merges down."""
    mergeable = [c for c, (_, _, text) in enumerate(columns) if map_header(text) in MERGED_DOWN]
    return merged_runs(lines, starts, column_of, owned, mergeable) if mergeable else {}


def _merged_into(
    start: int,
    laid: dict[int, tuple[str, ...]],
    merged: dict[tuple[int, int], tuple[int, int, int]],
) -> tuple[tuple[str, ...], tuple[Span, ...], tuple[Anomaly, ...]]:
    """The cells of the row at ``start``, with the text of a merged cell it lies under
    (:func:`_merged`) in each cell of the run, as a ruled table's merge gives it (its rows but
    the first marked as spanned from above), and said on the row."""
    texts = list(laid[start])
    spans: list[Span] = ["own"] * len(texts)
    notes: list[Anomaly] = []
    for column in range(len(texts)):
        run = merged.get((start, column))
        if run is None:
            continue
        first, _, owner = run
        texts[column] = laid[owner][column]
        spans[column] = "own" if start == first else "above"
        notes.append(
            Anomaly(
                "centred-cell",
                f"column {column + 1}'s cell stands alone, centred over this row and the rows "
                "around it whose cells there are empty (or set at the top of the first, its lines "
                "running into the next): read as one cell merged over them",
                str(column + 1),
                texts[column],
            )
        )
    return tuple(texts), tuple(spans) if "above" in spans else (), tuple(notes)


def _inside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _read_page(page: Any, number: int, reading: PdfReading) -> None:
    page = turned(page)  # a table set sideways on its page: turned back
    chars = page.chars
    reading.chars += len(chars)
    for char in chars:
        # ⼈⼒ (Kangxi radicals) from a font's map: the ideographs 人力 they show
        char["text"] = unified(char["text"])
        if unmapped(char["text"]):
            reading.unmapped += 1
            reading.fonts[char.get("fontname", "?")] += 1
    if (scan := scanned(page, len(chars))) is not None:
        _note_page(reading, number, scan, reading.unread)
    # a watermark or a seal drawn over the list: no text of its cells, the page's context
    page, marks = strip_furniture(page)
    _read_content(page, number, reading)
    _add_context("\n".join(marks), reading)


def _read_content(page: Any, number: int, reading: PdfReading) -> None:
    # a table whose column rules run on to the page's foot (or from its top) with no rule
    # closing the row a page break split there: closed where they end
    closing = closing_lines(page.edges)
    # fills behind a table without rules (zebra rows) are no ruling: read from its words
    settings = {"explicit_horizontal_lines": closing} if closing else None
    tables = page.find_tables(settings) if ruled(page) else []
    foot, reading.open_foot = reading.open_foot, False
    if not tables and ruled(page) and one_cell_band(page, number, reading):
        return  # a band of one column printed apart goes on (down, then over)
    if not tables:
        _read_unruled(page, number, reading)
        return
    close_opened(reading)
    # a row split by the break before this page: open at the last page's foot or this one's top
    split = foot or any(abs(line["top"] - tables[0].bbox[1]) <= 1.5 for line in closing)
    reading.open_foot = any(abs(line["top"] - tables[-1].bbox[3]) <= 1.5 for line in closing)
    boxes = [t.bbox for t in tables]
    outside = page.filter(lambda obj: not _inside(obj, boxes))
    first = len(reading.context)
    _add_context(outside.extract_text() or "", reading)
    page_lines = reading.context[first:]
    for index, table in enumerate(tables):
        header = reading.header if reading.tables else None  # the last ruled list's
        rows = _table_rows(table, number, reading)
        lead = _heading_above(outside, table.bbox, tables[index - 1].bbox if index else None)
        found = next((c for c in reversed(page_lines) if c[1] == lead), None) if lead else None
        # A table that goes on over a page break comes back as one table per page: the first
        # table of a page, as wide as the last one read, continues it (a repeated header and
        # a row split by the break are the assembler's to join), unless a heading that names
        # a power type stands above it (one table per type).
        if index == 0 and found is None and header is not None:
            rows = joined_split(rows, header, len(table.columns), number, reading, split)
            rows = carried_down(rows, header, len(table.columns), number, reading)
        if index == 0 and found is None and joined_band(rows, number, reading):
            continue  # a band of columns printed apart goes on (down, then over)
        # (columns printed apart open the page they are printed on, under the empty row a
        # sheet's title left in their band, as a title merged across the first columns does)
        shown = list(itertools.dropwhile(lambda row: not any(row.cells), rows))
        if index == 0 and shown and (apart := columns_apart(shown[0].cells, header)) is not None:
            if header is not None and joined_apart(shown, header, number, reading):
                reading.header = header  # the list's, not its columns' printed apart
                continue
            # no table of its own (its header no list's, its column's name no title): each
            # row a reject that says what it is
            for row in shown:
                text = " | ".join(c for c in row.cells if c)
                _note_page(reading, number, apart, reading.unread, text)
            continue
        _add_table(rows, len(table.columns), reading, index == 0 and found is None, found)


def _heading_above(
    outside: Any, box: tuple[float, float, float, float], previous: Any
) -> str | None:
    """The line of text right above the table at ``box`` (below the table before it on the
    page) when it names a power type (一、行政许可): the section the table's rows are in; or a
    department alone (一、县林业局, 【县林业局】: ``vocab.section_department``), the part of a
    list of several departments the rows are in (their ``section_department``)."""
    top = previous[3] if previous is not None else 0
    if box[1] - top < 1:
        return None
    text = outside.crop((0, top, outside.width, box[1])).extract_text() or ""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines and _heads_table(lines[-1]) else None


def _heads_table(line: str) -> bool:
    """True when ``line``, right above a table, heads it: it names a power type or a
    department alone (the table one of a list's sections, or of its departments' parts)."""
    return bool(names_section(line)) or section_department(line) is not None


def _add_context(text: str, reading: PdfReading) -> None:
    for line in text.splitlines():
        if line.strip():
            reading.number += 1
            reading.context.append((reading.number, line.strip()))


def _add_table(
    rows: list[SourceRow],
    width: int,
    reading: PdfReading,
    may_continue: bool,
    lead: tuple[int, str] | None = None,
) -> None:
    if may_continue and reading.widths and reading.widths[-1] == width:
        if any(not is_header(row.cells) for row in rows):
            # the table goes on: the pages between that gave none of its rows are said
            reading.tables[-1].extend(reading.gaps)
            reading.gaps.clear()
        reading.tables[-1].extend(rows)
    else:
        reading.gaps.clear()  # a page the table ended on
        reading.tables.append(rows)
        reading.widths.append(width)
        reading.leads.append(lead)
        before = reading.owners[-1] if reading.owners else None
        reading.owners.append(titled_owner(reading.context, reading.titled, before))
        reading.titled = len(reading.context)
        reading.pages, reading.band, reading.gone = [], None, 0
    said = len(reading.unread)
    if reading.unread:
        # scanned pages met before this table: said after its header (its rows stay apart)
        at = next((k + 1 for k, row in enumerate(rows[:1]) if is_header(row.cells)), 0)
        table = reading.tables[-1]
        where = len(table) - len(rows) + at
        table[where:where] = reading.unread
        reading.unread.clear()
    # the rows this page gave, where they stand in the table (``pdfapart``: down, then over)
    table, given = reading.tables[-1], {id(row) for row in rows if not is_header(row.cells)}
    tail = range(max(len(table) - len(rows) - said, 0), len(table))
    if body := [i + reading.gone for i in tail if id(table[i]) in given and any(table[i].cells)]:
        reading.pages.append(body)
    reading.added = len(rows)
    reading.plain.clear()  # read only when there is no table


def _header_at(words: list[Word]) -> tuple[float, list[str]] | None:
    """The top and the columns' texts of the first header among ``words``, or None."""
    lines = _lines(words)
    found = _find_text_header(lines)
    if found is None:
        return None
    first, end = found
    return lines[first][0]["top"], [text for _, _, text in _columns_of(lines[first:end])]


def _read_unruled(page: Any, number: int, reading: PdfReading) -> None:
    """A page without ruling lines: a table laid out by the positions of its words, under a
    header found on this page or carried on from the page before; the tables after it on the
    page, each under its own header, one after another (:func:`_read_headed`). A page set
    letter-spaced has its characters joined into words first (``pdfspaced.unspaced``)."""
    words = unspaced(page.extract_words(return_chars=True))
    lines = _lines(words)
    found = _find_text_header(lines)
    if found is not None:
        # two tables side by side, their headers at different heights: set level
        last = _columns_of(lines[found[0] : found[1]])[-1][0]  # where its last column begins
        if (level := levelled(words, last, _header_at)) is not None:
            lines = _lines(level)
            found = _find_text_header(lines)
    if found is not None:
        rest = _read_headed(lines, found, reading, number)
    elif reading.columns is not None and reading.tables:
        # the table laid out anew on this page (narrower, shifted), its header not printed
        # again: its columns where the page's words stand
        column_of, _ = placing(reading.columns)
        if (fitted := refitted(lines, reading.columns, column_of)) is not None:
            reading.columns = fitted
        body, rest = _table_lines(lines, reading.columns)
        rows, width = _copies_rows(body, reading.columns, reading, continued=True)
        if body and not rows and in_columns(body, reading.columns):
            # no serial, but lines set in the table's columns: the last row's rest, the page
            # break having split it (before, kept as the page's text, the row cut short)
            rows = [rest_row(body, reading.columns, reading)]
        elif body and not rows:  # no row of the table: the page's lines, kept as its text
            body, rest = [], lines
        if not lines and scanned(page, 0) is None:
            # a blank page: said if the table's rows go on after it
            _note_page(reading, number, BLANK, reading.gaps)
        _add_table(rows, width, reading, True)
    else:
        close_opened(reading)
        rest = lines
    text = _text_of(rest)
    if not reading.tables:
        reading.plain.append(text)
    _add_context(text, reading)


def _note_page(
    reading: PdfReading,
    number: int,
    note: Anomaly,
    into: list[SourceRow],
    text: str | None = None,
) -> None:
    """A row of no cells saying ``note`` of page ``number`` (its ``text``, else the page's
    number): into the last table when the note is of a scan and a table is there, else kept
    in ``into`` (``PdfReading.unread``, ``PdfReading.gaps``)."""
    reading.number += 1
    message = note.message.format(page=number)
    named = replace(note, message=message, text=text or f"page {number}")
    row = SourceRow(reading.number, (), (), (named,))
    if into is reading.unread and reading.tables:
        reading.tables[-1].append(row)
    else:
        into.append(row)


def _text_of(lines: list[list[Word]]) -> str:
    return "\n".join(" ".join(w["text"] for w in ln) for ln in lines)


def _read_headed(
    lines: list[list[Word]], found: tuple[int, int], reading: PdfReading, number: int
) -> list[list[Word]]:
    """The table under the header at ``found`` (first, end) of ``lines``, read into
    ``reading``, up to the next header on the page, whose table is read the same way after it
    (several lists on a page, a heading over each: 一、行政许可 … 二、行政处罚); the lines left
    after the last table (its context)."""
    first, end = found
    before = [text for _, _, text in reading.columns or ()]
    last, last_header = reading.columns, reading.header_columns
    reading.columns = _columns_of(lines[first:end])
    if end < len(lines) and (lower := _lower_level(lines[end], reading.columns)):
        reading.columns, end = lower, end + 1
    reading.header_columns = header_columns = reading.columns
    above = len(reading.context)
    _add_context(_text_of(lines[:first]), reading)
    # the line right above the header naming a power type (一、行政许可): the table's
    # section, as over a ruled table (``_heading_above``)
    lead = reading.context[-1] if len(reading.context) > above else None
    lead = lead if lead is not None and _heads_table(lead[1]) else None
    reading.number += 1
    cells = tuple(text for _, _, text in reading.columns)
    copies = _copies(reading.columns)
    shown = cells if copies is None else tuple(text for _, _, text in copies[0])
    header = [SourceRow(reading.number, shown, shown)]
    # another header further down the page: the table ends above it and the headings that
    # stand right above it
    # (only where a word below names a field: a header's cells do, rows' seldom)
    named = any(map_header(w["text"]) is not None for line in lines[end:] for w in line)
    after = _find_text_header(lines[end:]) if named else None
    cut = len(lines) if after is None else end + after[0]
    if after is not None:
        while cut > end and heading_line(lines[cut - 1]):
            cut -= 1
        again_here = [t for _, _, t in _columns_of(lines[end + after[0] : end + after[1]])]
        if cut == end + after[0] and again_here == [t for _, _, t in _columns_of(lines[first:end])]:
            # the same header again, no heading over it (a writer printing it above a row's
            # part the page break left): the table goes on, as before
            after, cut = None, len(lines)
    if _copies(reading.columns) is None:
        # cells set flush left in columns whose header words are centred (a table without
        # borders printed by a browser): the columns are where the cells' words stand, two
        # cells' words the word tolerance joined parted again; the table's end found at
        # them (a cell's wrapped line beginning left of its header word, 县市场监督 / 管理局,
        # ran across the header's bound: a note under the table, the row cut there)
        rows_lines = _to_last_serial(lines[end:cut], reading.columns)
        spread = under_header(parted(rows_lines, reading.columns), reading.columns)
        at = as_before(spread, header_columns, last_header, last)
        body, rest = _table_lines(lines[end:cut], at)
        body = parted(body, reading.columns)
        spread = under_header(body, reading.columns)
        reading.columns = as_before(spread, header_columns, last_header, last)
    else:
        body, rest = _table_lines(lines[end:cut], reading.columns)
    # the same header printed again atop a page: the table goes on (a row the break split
    # joins its row); another header begins another table
    again = bool(reading.tables) and before == list(cells)
    if not again:
        close_opened(reading)
    rows, width = _copies_rows(body, reading.columns, reading, continued=again)
    if again and rows and _copies(reading.columns) is None:
        # the rest of the last row, atop the page above its first serial (``pdfcells.CARRIED``):
        # joined to that row and said (before, left to the assembler, a rest holding the end
        # of a type cut by the break, 行政 | 处罚, was an item or a reject of its own)
        rows = joined_split(rows, cells, width, number, reading, carried=True)
    if again and not rows and body and _copies(reading.columns) is None:
        # the header printed again over the last row's rest alone (a page that holds no
        # serial): that row's rest, joined to it (before, these lines were lost)
        rows = [rest_row(body, reading.columns, reading)]
    if again and not rows and after is None:
        # the table's header printed again over no row: said if its rows go on after it
        _note_page(reading, number, HEADER_ONLY, reading.gaps)
    _add_table(header + rows, width, reading, again and lead is None, lead)
    if after is None:
        return rest
    _add_context(_text_of(rest), reading)
    below = lines[cut:]
    return _read_headed(below, (after[0] + end - cut, after[1] + end - cut), reading, number)


def _copies(columns: list[Column]) -> list[list[Column]] | None:
    """The copies of a header written twice or more across the page (two tables without ruling
    side by side, a list printed in two columns: 序号 … 追责依据 序号 … 追责依据), each its
    columns; None for a header written once (``sidebyside.side_by_side``)."""
    runs = side_by_side([text for _, _, text in columns])
    if runs is None or len(runs) < 2:
        return None
    return [columns[a:b] for a, b in runs]


def _copies_rows(
    body: list[list[Word]], columns: list[Column], reading: PdfReading, continued: bool
) -> tuple[list[SourceRow], int]:
    """The rows of ``body`` under ``columns``, and their width. Under a header written twice
    across the page (:func:`_copies`), the rows of the left copy's columns, then the right's:
    the page read as it is printed, column after column (before, a line's rows of both copies
    were read together, 1, 4, 2, 5, 3, 6, each copy's rows parted where the other's lay). The
    words of each copy are those standing between the gaps that part it from its neighbours;
    a copy after the first goes on from the one before it, as a page goes on from the page
    before (a row its foot split runs on atop the next column)."""
    copies = _copies(columns)
    if copies is None:
        return _sectioned_rows(body, columns, reading, continued), len(columns)
    found = blocks(body)
    cuts = [_cut(found, a[-1][0], b[0][0]) for a, b in itertools.pairwise(copies)]
    rows: list[SourceRow] = []
    for index, copy in enumerate(copies):
        low = cuts[index - 1] if index else float("-inf")
        high = cuts[index] if index < len(cuts) else float("inf")
        part = [
            kept
            for line in body
            if (kept := [w for w in line if low <= (w["x0"] + w["x1"]) / 2 < high])
        ]
        rows += _sectioned_rows(part, copy, reading, continued or index > 0)
    return rows, len(copies[0])


def _sectioned_rows(
    lines: list[list[Word]], columns: list[Column], reading: PdfReading, continued: bool
) -> list[SourceRow]:
    """The rows of ``lines`` (:func:`_text_rows`), a heading row inside the table
    (:func:`section_lines`) a row of its own, its text in the first cell, as a ruled table's
    merged heading row gives it; the rows between two headings read apart (before, the
    heading was taken for more of the row below it: 一、行政许可（共3项）对用人单位…, its
    items without their type)."""
    marks = section_lines(lines, columns)
    if not marks:
        return _text_rows(lines, columns, reading, continued)
    rows: list[SourceRow] = []
    begin = 0
    for mark in [*marks, len(lines)]:
        part = lines[begin:mark]
        if part:
            got = _text_rows(part, columns, reading, continued and begin == 0)
            if not got:  # lines of no row: kept, a row of their own (joined to the one above)
                column_of, _ = placing(columns)
                got = [loose_row(part, column_of, len(columns), reading)]
            rows += got
            if mark < len(lines) and reading.opened is not None:
                # cells below the last row, before the heading: that row's rest
                reading.number += 1
                rows.append(SourceRow(reading.number, reading.opened, reading.opened))
                reading.opened = None
        if mark < len(lines):
            reading.number += 1
            text = lines[mark][0]["text"]
            cells = (text, *("",) * (len(columns) - 1))
            rows.append(SourceRow(reading.number, cells, cells))
        begin = mark + 1
    return rows


def _cut(found: list[tuple[float, float]], left: float, right: float) -> float:
    """Where the words of two copies of a header part: the last gap between the word blocks
    (``pdfcolumns.blocks``) that opens after the left copy's last column begins and before the
    right copy's first word; the cells of the left copy's last column reach far past its header
    word, the right copy's serials stand under theirs."""
    gaps = [b[0] for a, b in itertools.pairwise(found) if left < a[1] and b[0] <= right + 1]
    return max(gaps, default=right) - 0.5


def _table_lines(
    lines: list[list[Word]], columns: list[tuple[float, float, str]]
) -> tuple[list[list[Word]], list[list[Word]]]:
    """``lines`` cut where the table ends: at a gap over three times the usual one between
    lines (the page number or a note below the table). Lines closer than a line's height
    interleave (cells centred in their rows put a short cell's line between the lines of a
    long one): those gaps say nothing of the spacing, and are left out of the usual one. A gap
    the table's rows go on below (:func:`_opens_row`) is inside the table: a tall row, its
    text at the top or centred, a row split by a page break in what is left of it. Closer
    than such a gap, the table ends above a note printed across it (:func:`_noted`)."""
    gaps = sorted(
        gap
        for a, b in itertools.pairwise(lines)
        if (gap := b[0]["top"] - a[0]["top"]) >= 0.9 * (a[0]["bottom"] - a[0]["top"])
    )
    if not gaps:
        return lines, []
    usual = gaps[len(gaps) // 2]
    wide = [
        i
        for i in range(1, len(lines))
        if lines[i][0]["top"] - lines[i - 1][0]["top"] > 3 * max(usual, 1.0)
    ]
    end = next(
        (
            i
            for i, below in itertools.pairwise([*wide, len(lines)])
            if not _opens_row(lines[i:below], columns)
        ),
        len(lines),
    )
    end = _noted(lines[:end], columns)
    return lines[:end], lines[end:]


def _to_last_serial(lines: list[list[Word]], columns: list[Column]) -> list[list[Word]]:
    """``lines`` up to the last that holds a serial in the serial column: the rows' lines, by
    which the columns are found before the table's end is (a print's footer below them, its
    URL across the first columns, would join their gaps)."""
    column_of, serial = placing(columns)
    last = max(
        (
            i
            for i, line in enumerate(lines)
            if any(column_of(w) == serial and is_serial(w["text"]) for w in line)
        ),
        default=len(lines) - 1,
    )
    return lines[: last + 1]


def _noted(lines: list[list[Word]], columns: list[Column]) -> int:
    """How many of ``lines`` (a table's, up to a wide gap) are the table's: up to a line below
    the last row's serial that runs across a column's start (备注：1.本清单所列事项…, 注：…, printed
    under the table across its width): a cell stays inside its column, so such a line is
    none, and the table ended above it (before, the notes were read into the last row, or as
    a row of their own, 2.法律法规修订的… taken for item 2 of no type); and above a block set
    apart from the columns' left edges, a signature and date (``pdfsigned.signed``)."""
    column_of, serial = placing(columns)
    starts = [x0 for x0, _, _ in columns[1:]]
    last = max(
        (i for i, line in enumerate(lines) if any(column_of(w) == serial for w in line)),
        default=len(lines),
    )
    for i in range(last + 1, len(lines)):
        # (a note begins at the table's left, before the second column: a line of the last
        # row's cells begins in a column of its own, its words the cells' of narrow columns
        # that abut, 食品药营企业, which are no note)
        if lines[i][0]["x0"] < starts[0] - 2 and any(
            w["x0"] < x0 - 2 and w["x1"] > x0 + 2 for w in lines[i] for x0 in starts
        ):
            return i
    # a signature and date block set apart from the columns' edges (``pdfsigned``)
    return signed(lines, column_of, last) if last < len(lines) else len(lines)


def _opens_row(block: list[list[Word]], columns: list[tuple[float, float, str]]) -> bool:
    """True when the lines ``block`` (up to the next wide gap) hold a row of the table: a
    serial (``vocab.is_serial``, 1-1, （3）) in the serial column and words in three columns or
    more; not a note, a page number or a date line under the table."""
    column_of, serial = placing(columns)
    placed = {column_of(w) for line in block for w in line}
    return len(placed) >= 3 and any(
        column_of(w) == serial and (is_serial(w["text"]) or is_compound_serial(w["text"]))
        for line in block
        for w in line
    )


def read_pages(source: BufferedReader | BytesIO, reading: PdfReading) -> Iterator[int]:
    """Reads the pages of the PDF in ``source`` into ``reading``, one at a time, yielding each
    page's number once it is read and let go (``Page.close``: its characters, objects and
    layout). The pages are made one by one from the page tree, not all at once
    (pdfplumber's ``PDF.pages``, which its ``close`` makes too). A damaged or encrypted PDF is
    refused in one line (:class:`InputError`)."""
    path = reading.path
    try:
        try:
            pdf = pdfplumber.open(source)  # the stream is the caller's to close
        except _BROKEN:  # opened again from its objects; what else is wrong raises again
            pdf = pdfplumber.open(io.BufferedReader(Unindexed(source)))
        repair(pdf.doc)  # offsets that point elsewhere, strings left unencrypted
        top: Any = 0
        for number, obj in enumerate(_page_objects(pdf.doc), start=1):
            page = Page(pdf, obj, page_number=number, initial_doctop=top)
            top += page.height
            try:
                _read_page(page, number, reading)
            finally:
                page.close()
                _forget_contents(pdf.doc, obj)
            yield number
        if reading.opened is not None:  # the last page's foot began a row
            close_opened(reading)
            yield number
    except _BROKEN as err:
        # pdfplumber wraps what pdfminer raises
        cause = err.args[0] if isinstance(err, PdfminerException) and err.args else err
        if isinstance(cause, PDFEncryptionError):
            message = "encrypted (password-protected) PDF; save an unprotected copy"
            raise InputError(path, message) from None
        raise InputError(path, f"not a readable PDF ({cause})") from None


def _forget_contents(doc: Any, page: PDFPage) -> None:
    """Lets go of a page's content streams, which pdfminer keeps decoded among every object it
    has parsed (``PDFDocument._cached_objs``) once they are read: some 560 bytes an item of a
    ruled list, growing with the pages. They are read once; fonts and other resources a later
    page shares stay cached."""
    cached = getattr(doc, "_cached_objs", None)
    if not isinstance(cached, dict):
        return
    for stream in page.contents:
        cached.pop(getattr(stream, "objid", None), None)


def _page_objects(doc: Any) -> Iterator[PDFPage]:
    """The pages of the page tree one at a time, what goes wrong wrapped as pdfplumber wraps it
    (``PDF.pages``)."""
    pages = PDFPage.create_pages(doc)
    while True:
        try:
            obj = next(pages)
        except StopIteration:
            return
        except Exception as err:  # as pdfplumber: any fault of the page tree is the PDF's
            raise PdfminerException(err) from err
        yield obj


def check_text(reading: PdfReading) -> None:
    """Refuses, in one line, a PDF whose pages gave no text (a scan) or mostly glyph numbers
    (fonts without a Unicode map)."""
    path = reading.path
    if not reading.chars:
        raise InputError(
            path,
            "PDF has no text layer (a scanned image?); run OCR on it first, or get the list "
            "as a spreadsheet or document",
        )
    if reading.unmapped > MAX_UNMAPPED_SHARE * reading.chars:
        fonts = ", ".join(f"{name} ({n})" for name, n in reading.fonts.most_common(3))
        raise InputError(
            path,
            f"{reading.unmapped} of {reading.chars} characters come from fonts without a "
            f"Unicode map and read as glyph numbers, not text: {fonts}; export the PDF again "
            "with Unicode fonts, or run OCR on it",
        )


def read_pdf(data: bytes, path: str) -> list[Grid]:
    """One Grid per ruled table (one that runs over several pages counted once), with the text
    outside the tables as context; without ruled tables, the text of the pages read as a
    flattened table or label：value records. A PDF without a text layer (a scan) is refused in
    one line, and so is one whose fonts give glyph numbers rather than text; where only some
    cells suffer, their rows carry an ``unmapped-glyph`` anomaly."""
    reading = PdfReading(path)
    for _ in read_pages(io.BytesIO(data), reading):
        pass
    check_text(reading)
    context = tuple(reading.context)
    if not reading.tables:
        # No table, ruled or laid out: the pages may still hold one flattened into text.
        grids = read_plain("\n".join(reading.plain), path)
        if reading.unread and grids:  # scanned pages among them, said
            said = tuple(
                Reject(path, row.line, n.text or "", n.message)
                for row in reading.unread
                for n in row.notes
            )
            grids[0] = replace(grids[0], rejects=(*grids[0].rejects, *said))
        return grids
    return [
        Grid(
            tuple(rows),
            context if index == 0 else (),
            name=f"table {index + 1}",
            lead=reading.leads[index],
            owner=reading.owners[index],
        )
        for index, rows in enumerate(reading.tables)
    ]
