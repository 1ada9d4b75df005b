"""Reads one power-list file, in whatever format and encoding, into a PowerList."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from extractors.errors import InputError
from extractors.models import PowerItem, PowerList
from extractors.reading.annexed import is_annex_header, join_annexes, records_under
from extractors.reading.assemble import Assembled, assemble
from extractors.reading.continued import Continued
from extractors.reading.decode import (
    MIXED,
    REPAIRED,
    damaged_lines,
    decode_text,
    gb_lines,
    said_gb_lines,
    said_lines,
    utf8_lines,
)
from extractors.reading.detect import (
    BINARY_FORMATS,
    FORMATS,
    HTML_BLOCK,
    HTML_DOCUMENT,
    detect_binary,
    detect_text,
    is_encrypted,
    other_archive,
)
from extractors.reading.drafts import Header
from extractors.reading.formats.delimited import read_delimited
from extractors.reading.formats.documents.docsaved import read_rtf, read_wordml
from extractors.reading.formats.documents.docx import read_docx
from extractors.reading.formats.documents.office import read_doc, read_old_workbook
from extractors.reading.formats.documents.opendocument import read_ods, read_odt
from extractors.reading.formats.documents.pdf import read_pdf
from extractors.reading.formats.fieldorder import unordered_records
from extractors.reading.formats.grid import Grid, SourceRow
from extractors.reading.formats.html import read_html, shown_lines
from extractors.reading.formats.htmlembedded import renumbered
from extractors.reading.formats.labelled import read_label_table
from extractors.reading.formats.markdown import read_markdown
from extractors.reading.formats.mhtml import read_mhtml
from extractors.reading.formats.records import read_records
from extractors.reading.formats.sheets.spreadsheetml import read_spreadsheetml
from extractors.reading.formats.sheets.xlsx import read_xlsx
from extractors.reading.formats.text.links import linked_file
from extractors.reading.formats.text.page import read_plain
from extractors.reading.formats.transposed import read_transposed
from extractors.reading.limits import MAX_FILE_BYTES
from extractors.reading.meta import read_meta, with_item_region
from extractors.reading.plausibility import Plausibility, judge
from extractors.reading.subtables import join_subitem_tables
from extractors.reading.unread import unread_part

_BINARY_READERS: dict[str, Callable[[bytes, str], list[Grid]]] = {
    "xlsx": read_xlsx,
    "xls": read_old_workbook,  # XLS and Kingsoft ET; LibreOffice where xlrd cannot
    "docx": read_docx,
    "doc": read_doc,  # DOC and Kingsoft WPS, through LibreOffice
    "pdf": read_pdf,
    "ods": read_ods,  # OpenDocument, through LibreOffice
    "odt": read_odt,
    "spreadsheetml": read_spreadsheetml,  # XML Spreadsheet 2003, often under an .xls name
    "rtf": read_rtf,  # RTF and Word 2003 XML, often under a .doc name, through LibreOffice
    "wordml": read_wordml,
}
_TEXT_READERS: dict[str, Callable[[str, str], list[Grid]]] = {
    "markdown": lambda text, path: [read_markdown(text)],
    "html": read_html,
    "csv": lambda text, path: [read_delimited(text, path, ",")],
    "tsv": lambda text, path: [read_delimited(text, path, "\t")],
    "json": lambda text, path: [read_records(text, path)],
    "text": read_plain,
    "mhtml": read_mhtml,
}


def read_bytes(path: Path) -> bytes:
    """The bytes of ``path``, refusing what cannot be a power list: missing, huge or empty."""
    where = str(path)
    if not path.exists():
        raise InputError(where, "no such file")
    if not path.is_file():
        raise InputError(where, "not a regular file; expected a power-list file")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputError(where, f"file is {size} bytes; the limit is {MAX_FILE_BYTES} bytes")
    data = path.read_bytes()
    if not data.strip():
        raise InputError(where, "empty file; expected a power list with a header row")
    return data


def read_list(
    path: str | Path, *, format: str | None = None, encoding: str | None = None
) -> PowerList:
    """Reads the power list in ``path``; format and encoding are detected unless given.

    Formats: markdown (pipe tables), html, xlsx, xls (and Kingsoft ET), docx, doc (and
    Kingsoft WPS, through LibreOffice), pdf (with a text layer), csv, tsv, json, text (a table
    flattened into text, or label：value records, also as two-column tables). Every table with
    a header row contributes items; every row seen is an item, a reject, a section heading or
    a blank row: ``plist.rows_seen == plist.rows_accounted()``.

    >>> from importlib import resources
    >>> seed = resources.files("extractors") / "samples" / "001_6c98652daac37f2e.txt"
    >>> plist = read_list(str(seed))
    >>> plist.format, plist.meta.title, plist.items[0].row, plist.items[0].department
    ('text', '巫溪县医疗保障局行政权力事项清单', '1177', '县人力社保局/县医保局')
    """
    path = Path(path)
    where = str(path)
    if format is not None and format not in FORMATS:
        raise InputError(where, f"unknown format {format!r}; valid formats: {', '.join(FORMATS)}")
    data = read_bytes(path)
    if is_encrypted(data):
        raise InputError(where, "encrypted (password-protected) file; save an unprotected copy")
    fmt = format or detect_binary(data)
    if fmt is None and (archive := other_archive(data)) is not None:
        raise InputError(where, archive)
    used: str | None = None
    if fmt in BINARY_FORMATS:
        reading = _Reading.of(fmt, _BINARY_READERS[fmt](data, where), path.name, where)
    else:
        text, used = decode_text(data, where, encoding)
        if not text.strip():
            raise InputError(where, "empty file; expected a power list with a header row")
        reading = _read_text(text, fmt, path.name, where)
    fmt, assembled, parts = reading.format, reading.assembled, reading.parts
    if not parts and fmt == "text" and (linked := linked_file(text)) is not None:
        raise InputError(
            where,
            f"no list on the page: it links its list as a file ({linked}); read that file",
            line=1,
            text=linked,
        )
    if not parts and fmt == "text" and (unordered := unordered_records(text)) is not None:
        raise InputError(where, f"no recognisable table: {unordered[1]}", line=unordered[0])
    if not parts:
        raise InputError(
            where,
            "no recognisable table: expected a header row whose cells map to at least three "
            "field keys including a name column (e.g. 序号 | 事项名称 | 事项类型 | 实施部门)",
            line=1,
            text=_first_text([g for g, _ in assembled]),
        )
    if reading.plausibility.verdict == "wrong":
        raise InputError(
            where,
            f"read as {fmt} but probably wrong (plausibility {reading.plausibility.score:.2f}: "
            f"{reading.plausibility.doubt()}); --input-format reads it as another format",
            line=parts[0].header.line,
            text=" | ".join(c for c in parts[0].header.cells if c),
        )
    meta = read_meta(parts[0].context, parts[0].header.line)
    if meta.title is None:
        # A cover sheet or caption table without a header row may carry the title.
        cover = [(0, " ".join(r.cells)) for g, a in assembled if a is None for r in g.rows[:5]]
        meta = read_meta(cover + list(parts[0].context), parts[0].header.line)
    meta = with_item_region(meta, (i.department for a in parts for i in a.items))
    return PowerList(
        source=path.name,
        format=fmt,
        encoding=used,
        meta=meta,
        items=_said_mixed(tuple(i for a in parts for i in a.items), data, used),
        rejects=tuple(r for a in parts for r in a.rejects),
        rows_seen=sum(a.rows_seen for a in parts),
        sections=tuple(s for a in parts for s in a.sections),
        blank_rows=sum(a.blank_rows for a in parts),
        plausibility=reading.plausibility,
    )


def _said_mixed(
    items: tuple[PowerItem, ...], data: bytes, used: str | None
) -> tuple[PowerItem, ...]:
    """``items`` with each line of the other encoding of a file of two said (``decode``), or
    each damaged line of a damaged UTF-8 file."""
    if used in REPAIRED:
        return said_lines(items, damaged_lines(data, used), "damaged-bytes")
    if used != MIXED:
        return items
    if gb := gb_lines(data):
        return said_gb_lines(items, gb)
    return said_gb_lines(items, utf8_lines(data), utf8=True)


@dataclass(frozen=True, slots=True)
class _Reading:
    """One way of reading a file: its format, its grids with what each assembled to, and how
    plausible the items are."""

    format: str
    assembled: list[tuple[Grid, Assembled | None]]
    plausibility: Plausibility

    @property
    def parts(self) -> list[Assembled]:
        return [a for _, a in self.assembled if a is not None]

    @classmethod
    def of(cls, fmt: str, grids: list[Grid], source: str, where: str) -> _Reading:
        assembled: list[tuple[Grid, Assembled | None]] = []
        above: Header | None = None  # the header of the table right before, if it had one
        listed: Header | None = None  # the header of the last table that gave a list
        for grid in grids:
            found = assemble_grid(grid, source, where, above, listed)
            if found is None and listed is not None:  # rows after a list: rejected, not lost
                assembled.append((grid, unread_part(grid, listed, source)))
            else:
                assembled.append((grid, found))
            above = found.header if found is not None else None
            if found is not None and (found.items or listed is None):
                listed = found.header  # (records of its items, rejected, leave the list's)
        joined = iter(said_continued(join_subitem_tables([a for _, a in assembled if a])))
        assembled = [(g, a if a is None else next(joined)) for g, a in assembled]
        assembled = _annexes_joined(assembled, source)
        items = [i for _, a in assembled if a is not None for i in a.items]
        return cls(fmt, assembled, judge(items))


def _annexes_joined(
    assembled: list[tuple[Grid, Assembled | None]], source: str
) -> list[tuple[Grid, Assembled | None]]:
    """``assembled`` with the rows of an annex keyed to the items by name (附件2: 序号 |
    事项名称 | 追责依据) joined to the items they name, no items of their own
    (``annexed.join_annexes``)."""
    parts = [a for _, a in assembled if a is not None]
    found = join_annexes([a.items for a in parts], source)
    if found is None:
        return assembled
    given = iter(
        replace(
            a,
            items=found.items[i],
            rejects=(*a.rejects, *found.rejects[i]),
            rows_seen=a.rows_seen - found.joined[i],
        )
        for i, a in enumerate(parts)
    )
    return [(g, a if a is None else next(given)) for g, a in assembled]


#: Other readings tried for text of a detected format when its own reading finds no table or is
#: wrong (text with pipe rows that is no pipe table), in order of preference.
_TEXT_ALTERNATIVES: dict[str, tuple[str, ...]] = {
    "markdown": ("text",),
    "text": ("html",),
    # a header apart at tabs over rows apart at full-width spaces (a page copied in two steps)
    "tsv": ("text",),
}


def _read_text(text: str, fmt: str | None, source: str, where: str) -> _Reading:
    """The reading of ``text`` in the given format; when none is given, in the detected format,
    or, when that reading finds no table or is wrong, in the first alternative that is not (see
    :mod:`extractors.reading.plausibility`). A doubtful reading in the detected format is kept
    (and said): a reader that leaves a field empty would dodge that field's check."""
    if fmt is not None:
        return _Reading.of(fmt, _TEXT_READERS[fmt](text, where), source, where)
    detected = detect_text(text)
    if detected == "text" and HTML_DOCUMENT.match(text):
        try:  # a page's markup: read as a page first, as page text when that finds nothing
            page = _Reading.of("html", read_html(text, where), source, where)
        except InputError:
            page = None
        if page is not None and page.parts and page.plausibility.verdict != "wrong":
            return page
        shown = _shown_text(text, source, where)
        if shown is not None:
            return shown
    best = _Reading.of(detected, _TEXT_READERS[detected](text, where), source, where)
    if best.parts and best.plausibility.verdict != "wrong":
        return best
    if detected == "html" and (shown := _shown_text(text, source, where)) is not None:
        return shown  # the page's tables hold no list: its paragraphs may
    for other in _TEXT_ALTERNATIVES.get(detected, ()):
        if other == "html" and HTML_BLOCK.search(text) is None:
            continue
        try:
            grids = _TEXT_READERS[other](text, where)
        except InputError:
            continue
        reading = _Reading.of(other, grids, source, where)
        if reading.parts and reading.plausibility.verdict != "wrong":
            return reading
    return best


def _shown_text(text: str, source: str, where: str) -> _Reading | None:
    """A page whose markup holds no list (no table with a header, no rows of blocks, no data
    in its scripts) read as the text it shows (:func:`html.shown_lines`: a paragraph, a list
    item, a cell each a line; paragraphs set apart by blank lines as a browser's copy gives
    them, or not, whichever reads more plausibly) by the page-text reader, each row on the line
    of the page its text starts on: a list written as paragraphs, read as its markup, would
    give names like ``</p><p>1对…``. None when the page shows no text or no reading is not
    wrong."""
    apart = shown_lines(text)
    if not apart:
        return None
    best: _Reading | None = None
    for lines in (apart, [line for line in apart if line[1]]):  # the blank lines kept, or not
        try:
            grids = read_plain("\n".join(t for _, t in lines), where)
        except InputError:
            continue
        starts = [n for n, _ in lines]
        placed = [renumbered(g, partial(_line_of, starts)) for g in grids]
        reading = _Reading.of("html", placed, source, where)
        if not reading.parts or reading.plausibility.verdict == "wrong":
            continue
        if best is None or reading.plausibility.score > best.plausibility.score:
            best = reading
    return best


def _line_of(starts: list[int], line: int) -> int:
    """The page's line that line ``line`` of its shown text (``starts``: each one's) starts on."""
    return starts[min(max(line, 1), len(starts)) - 1]


def said_continued(parts: list[Assembled]) -> list[Assembled]:
    """``parts`` with the first items of a table that goes on from the one before under the same
    header said to lack what the items above had (:class:`continued.Continued`)."""
    continued = Continued()
    out = []
    for part in parts:
        continued.table(part.header)
        out.append(replace(part, items=tuple(continued.item(i) for i in part.items)))
    return out


def assemble_grid(
    grid: Grid,
    source: str,
    where: str,
    above: Header | None = None,
    listed: Header | None = None,
) -> Assembled | None:
    """The items of a table with a header row, or else of a table of one item per column, or
    of label | value rows, or else, when the table right before it had the header ``above``
    and this one has as many columns, of its rows under that header: a table the page break
    of a document split in two, its header not repeated."""
    found = assemble(grid, source, where)
    if found is not None or grid.header is not None:
        return found
    if above is not None and (at := _annex_header_row(grid, above)) is not None:
        # an annex of two columns after the list (事项名称 | 追责依据): too few for a list's
        # header, its rows are joined to the items they name (``annexed``)
        return assemble(replace(grid, header=at), source, where)
    vertical = read_transposed(grid) or read_label_table(grid)
    if vertical is not None:
        return records_under(assemble(vertical, source, where), listed, source)
    if above is None or not grid.rows:
        return None
    width = len(above.cells)
    if max(len(r.cells) for r in grid.rows) != width:
        # wider only by columns empty in every row (a DOCX table whose grid has a spare column
        # at its right): those columns left out, it goes on under the header as well
        if max(len(r.cells) for r in grid.rows) < width or any(
            any(r.cells[width:]) for r in grid.rows
        ):
            return None
        grid = replace(grid, rows=tuple(_narrowed(r, width) for r in grid.rows))
    head = SourceRow(above.line, above.cells, above.cells)
    return assemble(replace(grid, rows=(head, *grid.rows), header=0), source, where)


def _annex_header_row(grid: Grid, above: Header) -> int | None:
    """The index of the first filled row of ``grid`` when it heads an annex keyed to the items
    under ``above`` by name or serial (``annexed.is_annex_header``), else None."""
    first = next((i for i, r in enumerate(grid.rows) if any(r.cells)), None)
    if first is None or not is_annex_header(grid.rows[first].cells, above.keys):
        return None
    return first


def _narrowed(row: SourceRow, width: int) -> SourceRow:
    """``row`` of its first ``width`` columns (the others empty)."""
    spans = row.spans[:width] if row.spans else row.spans
    return replace(row, cells=row.cells[:width], raw=row.raw[:width], spans=spans)


def _first_text(grids: list[Grid]) -> str:
    for grid in grids:
        for _, line in grid.context:
            return line
        for row in grid.rows:
            return " | ".join(c for c in row.cells if c)
    return ""


def read_text(path: str | Path, *, encoding: str | None = None) -> str:
    """The whole text of a text file (for ``quanze extract --plain``), with the same checks and
    encoding detection as :func:`read_list`.

    >>> from importlib import resources
    >>> seed = resources.files("extractors") / "samples" / "001_6c98652daac37f2e.txt"
    >>> read_text(str(seed)).splitlines()[2]
    '日期:2025-04-02'
    """
    path = Path(path)
    text, _ = decode_text(read_bytes(path), str(path), encoding)
    return text
