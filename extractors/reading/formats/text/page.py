"""Splits a web page copied as text into the lists it holds and reads each into a Grid: the lists
stand after breadcrumbs, metadata and an issuing notice, one or several (附件1…6, each with its
own title and header), a header printed again at a page break going on with the same list."""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Generic, TypeVar

from extractors.models import Anomaly, Reject
from extractors.reading.annexed import is_annex_header
from extractors.reading.formats.cells import plain_characters
from extractors.reading.formats.furniture import page_numbers, running_headers
from extractors.reading.formats.grid import Grid, SourceRow
from extractors.reading.formats.labelled import (
    RECORDS_UNDER_TABLE,
    opens_named_record,
    read_labelled,
    records_rejected,
)
from extractors.reading.formats.text.annex import (
    Gift,
    Widened,
    add_gift,
    annex_headers,
    is_annex,
    is_annex_label,
)
from extractors.reading.formats.text.fixedwidth import column_starts, cut, is_fixed_width, join
from extractors.reading.formats.text.flat import Body, BodyReading, split_body, without_ordinal
from extractors.reading.formats.text.header import PageHeader, find_headers
from extractors.reading.formats.text.linenumbers import noted_grid, unnumbered
from extractors.reading.formats.text.lines import PageLines, Spans
from extractors.reading.formats.text.serials import Serials, noted_serials, serial_number
from extractors.reading.formats.text.spacing import collapse_spacing
from extractors.reading.formats.titles import titled_department
from extractors.reading.headers import (
    SUBITEM,
    is_other_header,
    map_header,
    map_headers,
    simplified,
)
from extractors.reading.vocab import (
    is_list_title,
    is_page_chrome,
    is_section_heading,
    section_department,
    section_type,
    simplified_heading,
    types_named,
)

#: How many lines below a header show whether its list is printed in fixed-width columns.
_FIXED_SAMPLE = 400
#: How many title lines above a header (附件2 / …事项清单 / 表一) open its list.
_MAX_TITLE_LINES = 3
_QUOTES = re.compile(r"[\s\"'“”‘’]+")
# Fields of long text, which a download may cut short.
_TEXTS = frozenset({"basis", "responsibility", "accountability", "accountability_basis", "remarks"})


@dataclass(frozen=True, slots=True)
class _Part:
    """One header with the text it governs: its preamble (titles above it) and its body."""

    header: PageHeader
    preamble: tuple[tuple[int, str], ...]
    body: Body


@dataclass(frozen=True, slots=True)
class Layout:
    """Where the lists of a page stand, found before any is read: the page (its lines made
    ``collapse_spacing``-ed, joined by line feeds), its lines, the headers, where the text that
    opens each list begins (``opens``), and the lines before the first (its context)."""

    page: str
    lines: PageLines
    headers: list[PageHeader]
    opens: list[int]
    #: where each list's text ends: where the next list opens, or a table of another kind
    #: below it begins (an appendix the items refer to, :func:`_other_header`)
    ends: list[int]
    context: list[tuple[int, str]]
    #: of each list printed in fixed-width columns, where its columns start (else ())
    fixed: list[tuple[int, ...]]
    #: the page as written, when ``page`` is its simplified form (a page in traditional
    #: script, whose words the vocabularies know in simplified script): cells are cut from it
    written: str | None = None
    #: the numbers of the lines that are page numbers alone (``furniture.page_numbers``)
    furniture: frozenset[int] = frozenset()
    #: of each list, where the label：value records written under its rows stand (start, end;
    #: empty when there are none): rejects of its body
    below_records: list[tuple[int, int]] = field(default_factory=list)
    #: of each list, where the rows of a table of another kind below it stand (start, end;
    #: empty when there is none) and that table's header: rejects of its body
    below_other: list[tuple[int, int, tuple[str, ...]]] = field(default_factory=list)

    @classmethod
    def of(cls, page: str, furniture: frozenset[int] = frozenset()) -> Layout:
        written = None
        lines = PageLines(page)
        headers = find_headers(page, lines)
        if not headers and (converted := _simplified_page(page)) is not None:
            headers = find_headers(converted)
            if headers:
                page, written, lines = converted, page, PageLines(converted)
        headers = annex_headers(page, lines, headers)
        starts = lines.starts
        headers, fixed = _fixed_widths(page, lines, headers)
        opens = [
            _preamble_start(lines, starts, h, headers[k - 1].end if k else 0)
            for k, h in enumerate(headers)
        ]
        context = _numbered(page, starts, 0, opens[0] if opens else len(page))
        ends = []
        below_records: list[tuple[int, int]] = []
        below_other: list[tuple[int, int, tuple[str, ...]]] = []
        for k, header in enumerate(headers):
            end = opens[k + 1] if k + 1 < len(headers) else len(page)
            below = bisect_left(starts, header.end)  # the line after the header
            other = _other_header(lines, below, bisect_left(starts, end))
            if other is not None:
                # a table of another kind (with its title above it) ends the list: its lines
                # are context, not the last item's cells
                top = _preamble_start(lines, starts, replace(header, line=other + 1), header.end)
                rows, words = _other_rows(lines, other, bisect_left(starts, end))
                context += _numbered(page, starts, top, starts[rows] if rows < len(starts) else end)
                if rows < len(starts) and starts[rows] < end:
                    # its rows are no items, but rows of the page: a reject each (``body``)
                    below_other.append((starts[rows], end, words))
                end = top
            elif (records := _records_below(lines, below, bisect_left(starts, end))) is not None:
                # label：value records under the list's rows (a 责任清单 after the 权力清单): they
                # end the list, their title is context, and each record a reject (``body``)
                top = _preamble_start(lines, starts, replace(header, line=records + 1), header.end)
                context += _numbered(page, starts, top, starts[records])
                below_records.append((starts[records], end))
                end = top
            elif (annexed := _annex_below(lines, below, bisect_left(starts, end))) is not None:
                # an annex's label, then a table whose header names none of a list's fields
                # (序号 收费项目 收费标准): the list ends at the label, the table's rows are
                # rejects, as those of a table of another kind are
                label, rows, words = annexed
                top = _preamble_start(lines, starts, replace(header, line=label + 1), header.end)
                context += _numbered(page, starts, top, starts[rows])
                below_other.append((starts[rows], end, words))
                end = top
            ends.append(end)
            if len(below_records) < len(ends):
                below_records.append((end, end))
            if len(below_other) < len(ends):
                below_other.append((end, end, ()))
        if written is not None:
            context = _as_written(written, lines, context)
        return cls(
            page,
            lines,
            headers,
            opens,
            ends,
            context,
            fixed,
            written,
            furniture,
            below_records,
            below_other,
        )

    def body(self, k: int, path: str) -> tuple[tuple[tuple[int, str], ...], BodyReading]:
        """The preamble of the ``k``-th list and its body, split into records (not yet read)."""
        page, starts, header = self.page, self.lines.starts, self.headers[k]
        last = k + 1 == len(self.headers)
        preamble = tuple(_numbered(self.written or page, starts, self.opens[k], header.start))
        # the list's title and date, which a print repeats atop each page of the body
        running = running_headers(text for _, text in (*self.context, *preamble))
        body = split_body(
            page,
            _spans(starts, header.end, self.ends[k]),
            header.cells,
            path,
            last=last,
            running=running,
            fixed=self.fixed[k],
            written=self.written,
            furniture=self.furniture,
        )
        if (
            self.below_records
            and (span := self.below_records[k])[0] < span[1]
            and self.records(k) is None
        ):
            text = (self.written or page)[span[0] : span[1]]
            first = bisect_right(starts, span[0])
            rejected = records_rejected(text, first, path, RECORDS_UNDER_TABLE)
            body = replace(body, rejects=(*body.rejects, *rejected))
        if self.below_other and (other := self.below_other[k])[0] < other[1]:
            reason = (
                f"a row of a table of another kind under the list (its header "
                f"{' | '.join(other[2])}: an annex of other fields, no power of the list): "
                "not read as an item"
            )
            text = (self.written or page)[other[0] : other[1]]
            first = bisect_right(starts, other[0])
            body = replace(
                body, rejects=(*body.rejects, *_rows_rejected(text, first, path, reason, other[2]))
            )
        return preamble, body

    def records(self, k: int) -> tuple[PageHeader, Body] | None:
        """The label：value records written under the ``k``-th list's rows (a 责任清单 after
        the 权力清单) as a part of their own, when their labels are an annex's header keyed to
        the items (事项名称 with 责任事项, 追责情形 or 追责依据, a 序号 perhaps:
        ``annexed.is_annex_header``): its header the labels, a row a record, joined to the item
        of the same name (and serial) as an annex's rows are (:func:`_dedupe`, ``pagerows``).
        None when there are none, or their labels give a list's fields (a type, a basis): each
        record is then a reject (:meth:`body`)."""
        if not self.below_records or (span := self.below_records[k])[0] >= span[1]:
            return None
        grid = read_labelled((self.written or self.page)[span[0] : span[1]])
        if len(grid.rows) < 2:
            return None
        labels, rows = _fields_only(grid.rows[0].cells, grid.rows[1:])
        if not labels or not is_annex_header(labels, map_headers(self.headers[k].cells)):
            return None
        first = bisect_right(self.lines.starts, span[0])  # the page's line of the text's first
        rows = tuple(replace(r, line=first + r.line - 1) for r in rows)
        chrome = tuple((first + n - 1, t) for n, t in grid.context if t.strip())
        header = PageHeader(span[0], span[0], rows[0].line, labels)
        return header, Body(labels, rows, (), chrome, False)


def _fields_only(
    labels: tuple[str, ...], rows: Sequence[SourceRow]
) -> tuple[tuple[str, ...], tuple[SourceRow, ...]]:
    """Records' ``labels`` and ``rows`` with each label that names no field (2.审查阶段责任, a
    numbered line of the value above it read as a label of its own) joined to the field
    before it: its ``label：value`` on a line of its own in that field's cell.

    >>> labels = ("事项名称", "责任事项", "审查阶段责任")
    >>> row = SourceRow(1, ("甲", "1.受理", "审查"), ("甲", "1.受理", "审查"))
    >>> kept, rows = _fields_only(labels, [row])
    >>> kept, rows[0].cells
    (('事项名称', '责任事项'), ('甲', '1.受理\\n审查阶段责任：审查'))
    """
    keys = map_headers(labels)
    kept = [i for i, key in enumerate(keys) if key is not None or i == 0]
    if len(kept) == len(labels):
        return labels, tuple(rows)
    out = []
    for row in rows:
        cells = list(row.cells) + [""] * (len(labels) - len(row.cells))
        for i, key in enumerate(keys):
            if key is None and i and cells[i]:
                to = max(k for k in kept if k < i)
                text = f"{labels[i]}：{cells[i]}"
                cells[to] = f"{cells[to]}\n{text}" if cells[to] else text
        taken = tuple(cells[i] for i in kept)
        out.append(replace(row, cells=taken, raw=taken))
    return tuple(labels[i] for i in kept), tuple(out)


def _fixed_widths(
    page: str, lines: PageLines, headers: list[PageHeader]
) -> tuple[list[PageHeader], list[tuple[int, ...]]]:
    """The headers, each of a list printed in fixed-width columns (``fixedwidth``) with its
    cells read column by column (a header word wrapped in its column, 事项 / 类型, joined), and
    where each list's columns start (() for a list that is not so printed). The body is judged
    on its first lines (``_FIXED_SAMPLE``), up to the next header."""
    out, fixed = [], []
    starts = lines.starts
    for k, header in enumerate(headers):
        first, last = header.line - 1, bisect_left(starts, header.end) - 1
        at_line_start = header.start == starts[first]
        texts = [lines[i] for i in range(first, last + 1)]
        columns = column_starts(texts) if at_line_start else ()
        stop = bisect_left(starts, headers[k + 1].start) if k + 1 < len(headers) else len(lines)
        sample = [lines[i] for i in range(last + 1, min(stop, last + 1 + _FIXED_SAMPLE))]
        if columns and is_fixed_width(sample, columns):
            cells = tuple(join(c) for c in zip(*(cut(t, columns) for t in texts), strict=True))
            keys = [key for key in map_headers(cells) if key]
            if len(keys) >= 3 and "name" in keys:
                out.append(replace(header, cells=cells))
                fixed.append(columns)
                continue
        out.append(header)
        fixed.append(())
    return out, fixed


def page_of(lines: Iterable[str]) -> str:
    """The page read as :func:`read_page` reads it from the lines of its text: each line with
    its letter spacing undone, joined by line feeds."""
    return "\n".join(collapse_spacing(line) for line in lines)


def _preamble_start(
    lines: Sequence[str], starts: Sequence[int], header: PageHeader, floor: int
) -> int:
    """Where the text that opens ``header``'s list begins: the start of the header's line (a
    line may open with ``附件2：`` or ``Download "``), or higher up, over blank lines, page
    chrome and up to three title lines (a section heading such as 一、行政许可 among them, or a
    department's, 二、县医疗保障局, over its own list), never above ``floor``."""
    index = header.line - 1
    start = max(starts[index], floor)
    titles = 0
    index -= 1
    while index >= 0 and starts[index] >= floor:
        line = lines[index].strip()
        if line and not is_page_chrome(line):
            if titles == _MAX_TITLE_LINES or not (
                is_list_title(line)
                or is_section_heading(line)
                or section_department(without_ordinal(line, arabic=True))
            ):
                break
            titles += 1
        start = starts[index]
        index -= 1
    return start


def _other_header(lines: Sequence[str], first: int, stop: int) -> int | None:
    """The index of the first line from ``first`` (0-based, before ``stop``) that heads a table
    of another kind (an appendix ``序号  追责情形  追责依据``, or its cells one per paragraph):
    the list above ends there, and its rows are no items (``headers.is_other_header``)."""
    for index in range(first, stop):
        words = lines[index].split()
        if len(words) >= 2:
            if is_other_header(words):
                return index
        elif words and _other_key(words[0]):
            # one cell per paragraph: the header's cells on the lines that follow
            cells: list[str] = []
            for line in lines[index:stop]:
                if line.strip() and not _other_key(line.strip()):
                    break
                cells += line.split()
            if is_other_header(cells):
                return index
    return None


def _other_rows(lines: Sequence[str], first: int, stop: int) -> tuple[int, tuple[str, ...]]:
    """The index of the first line under the header of a table of another kind that starts at
    line ``first`` (0-based, :func:`_other_header`; before ``stop``), and the header's words: a
    line of two words or more, or its cells one per paragraph (blank lines between them)."""
    words: list[str] = []
    index = first
    while index < stop:
        written = lines[index].split()
        if len(written) >= 2:  # the header's line (under a title of one word, 追责情形及依据)
            return index + 1, tuple(written)
        if written and not _other_key(written[0]):
            break
        words += written
        index += 1
    return index, tuple(words)


def _annex_below(
    lines: Sequence[str], first: int, stop: int
) -> tuple[int, int, tuple[str, ...]] | None:
    """Where a table under an annex's label (``annex.is_annex_label``) below a list's rows
    stands (from ``first``, before ``stop``): the index of the label's line, of the table's
    first row (the first line opening with a serial under its header, the first line among
    the three written after the label whose first word is a header word, 序号) and the
    header's words (on one line, or one a paragraph)."""
    for index in range(first + 1, stop):
        if not is_annex_label(lines[index]):
            continue
        written = [k for k in range(index + 1, stop) if lines[k].strip()][:3]
        top = next((k for k in written if map_header(lines[k].split()[0]) is not None), None)
        if top is None:
            continue
        rows = next(
            (
                k
                for k in range(top + 1, stop)
                if serial_number(lines[k].split()[0] if lines[k].split() else "") is not None
            ),
            None,
        )
        if rows is not None:
            words = tuple(w for k in range(top, rows) for w in lines[k].split())
            return index, rows, words
    return None


def _rows_rejected(
    text: str, first: int, path: str, reason: str, header: Sequence[str] = ()
) -> list[Reject]:
    """A reject for each row of ``text`` (its first line the page's line ``first``): a line
    opening with a serial opens a row, a line without one goes on with the row above (a cell
    wrapped, or its cells one per paragraph); its lines joined by `` | ``. Under a ``header``
    without a serial's column, each line is a row."""
    rejects: list[Reject] = []
    rows: list[tuple[int, list[str]]] = []
    serials = any(map_header(word) == "row" for word in header)
    for n, line in enumerate(text.split("\n")):
        words = line.split()
        if not words:
            continue
        if not rows or not serials or serial_number(words[0]) is not None:
            rows.append((first + n, []))
        rows[-1][1].append(" ".join(words))
    for number, parts in rows:
        rejects.append(Reject(path, number, " | ".join(parts), reason))
    return rejects


def _records_below(lines: Sequence[str], first: int, stop: int) -> int | None:
    """The index of the first line from ``first`` (0-based, before ``stop``) that opens a
    label：value record with the item's name (``labelled.opens_named_record``): records written
    under a list's rows, which are none of its cells."""
    written = (index for index in range(first, stop) if lines[index].strip())
    return next(
        (a for a, b in itertools.pairwise(written) if opens_named_record(lines[a], lines[b])),
        None,
    )


def _other_key(word: str) -> bool:
    """True for a header word of a table of another kind (a field, not the item's name)."""
    return map_header(word) not in (None, "name", SUBITEM)


def _between(starts: Sequence[int], start: int, end: int) -> range:
    """The lines that may overlap ``[start, end)``: those that begin before ``end`` and end
    after ``start``."""
    return range(
        max(bisect_right(starts, start) - 1, 0), min(bisect_left(starts, end), len(starts) - 1)
    )


def _numbered(page: str, starts: Sequence[int], start: int, end: int) -> list[tuple[int, str]]:
    """The non-blank lines of ``page[start:end]`` with their 1-based numbers."""
    out = []
    for index in _between(starts, start, end):
        a, b = max(starts[index], start), min(starts[index + 1] - 1, end)
        if a < b and page[a:b].strip():
            out.append((index + 1, page[a:b].strip()))
    return out


def _spans(starts: Sequence[int], start: int, end: int) -> Spans:
    spans = Spans()
    for index in _between(starts, start, end):
        a, b = max(starts[index], start), min(starts[index + 1] - 1, end)
        if a <= b and starts[index] < end and starts[index + 1] > start:
            spans.append(index + 1, a, b)
    return spans


def title_row(cells: Sequence[str], preamble: Sequence[tuple[int, str]]) -> SourceRow | None:
    """A group row from the nearest title above a header without a type column that names one
    power type (鸠江区水务局行政许可分表, 类别：行政许可): its items take that type."""
    if "type" in map_headers(cells):
        return None
    for number, line in reversed(preamble):
        # (a title in traditional script, 二、行政處罰, names its type as the simplified one)
        if len(types_named(simplified_heading(line))) == 1 and section_type(line) is not None:
            return SourceRow(number, (line,), (line,))
    return None


def owner_of(preamble: Sequence[tuple[int, str]]) -> tuple[int, str] | None:
    """The nearest line above a list's header that names a department alone (二、县医疗保障局,
    the heading of a department's list among several), with its number: the department of its
    items when its header has no department column."""
    # an Arabic ordinal (1.县发展和改革局) left out: section_department reads Chinese ones only
    named = ((n, without_ordinal(line, arabic=True)) for n, line in reversed(preamble))
    return next(((n, line) for n, line in named if section_department(line)), None)


def owners(
    preambles: Sequence[Sequence[tuple[int, str]]], context: Sequence[tuple[int, str]] = ()
) -> list[tuple[int, str] | None]:
    """The department each part of a page falls under: its own heading (:func:`owner_of`), or,
    on a page of lists each titled by its department (a directory: 县林业局权责清单 over one
    short table, 县水利局权责清单 over the next, two departments or more; numbered or not), the
    department its nearest title names, as ``(line, name)``; on a page whose list titles (above
    its first list, ``context``, or over each) name one department alone (县林业局权责清单,
    县林业局行政权力清单（2023年版）), that department, for the parts without a heading."""
    own = [owner_of(p) for p in preambles]
    # a title may be numbered (一、县发展和改革局权责清单) or an annex's (附件1：县林业局权责清单)
    titled = [
        next(((n, d) for n, line in reversed(p) if (d := _titled(line))), None) for p in preambles
    ]
    if len({t[1] for t in titled if t is not None}) < 2:
        page_titles = [*context, *(line for p in preambles for line in p)]
        named = {(n, d) for n, line in page_titles if (d := _titled(line)) is not None}
        if len({d for _, d in named}) != 1:
            return own
        first = min(named)
        return [o if o is not None else first for o in own]
    return [o if o is not None else t for o, t in zip(own, titled, strict=True)]


def _titled(line: str) -> str | None:
    """The department a list's title names (``titles.titled_department``), as the line writes
    it: of a title in traditional script (某縣林業局權責清單) found in its simplified form."""
    converted = simplified(line)
    named = titled_department(converted)
    if named is None or converted == line or len(converted) != len(line):
        return named
    at = converted.find(named)
    return line[at : at + len(named)]


def row_values(cells: Sequence[str], row: SourceRow) -> dict[str, str]:
    """A record's cells by field key (columns of one key joined), for comparing records."""
    values: dict[str, str] = {}
    for key, text in zip(map_headers(cells), row.cells, strict=False):
        if key is not None and text:
            values[key] = values.get(key, "") + _QUOTES.sub("", text)
    return values


def may_repeat(row: SourceRow) -> bool:
    """Whether ``row`` is compared with the records before it (a record, not a group row)."""
    return len(row.cells) >= 2


def _same_item(a: dict[str, str], b: dict[str, str]) -> bool:
    """True when two records are one item printed twice: the same name, and every other field
    they both fill alike (a text cell of one copy may be cut short of the other's)."""
    if not a.get("name") or a.get("name") != b.get("name"):
        return False
    return all(
        a[k] == b[k] or (k in _TEXTS and (a[k].startswith(b[k]) or b[k].startswith(a[k])))
        for k in a.keys() & b.keys()
    )


K = TypeVar("K", bound=Hashable)


@dataclass(slots=True)
class Copies(Generic[K]):
    """Records that repeat one read before: ``dropped`` (a record's key → the line of the copy
    kept) and ``noted`` (the key of a copy kept → the lines of those dropped for it); records
    of an annex keyed to an item (``annex``): ``joined`` (a record's key → the key of the item
    it joins), and ``unread`` (of a record joined, or of one that would be but matches several
    items, the fields it gives)."""

    dropped: dict[K, int] = field(default_factory=dict)
    noted: dict[K, list[int]] = field(default_factory=dict)
    joined: dict[K, K] = field(default_factory=dict)
    unread: dict[K, tuple[str, ...]] = field(default_factory=dict)
    #: of a record that matches several items, their lines
    several: dict[K, tuple[int, ...]] = field(default_factory=dict)
    #: records of an annex that match no item (``orphan``): a reject each, the reason given
    orphans: dict[K, str] = field(default_factory=dict)

    def find(
        self,
        records: Iterable[tuple[K, int, dict[str, str]]],
        annex: Callable[[K], bool] = lambda _: False,
    ) -> None:
        """Goes through ``records`` (a key, the line and the values of each record, in order):
        a record that is the same item as one before (:func:`_same_item`) is a copy, and the
        fuller of the two is kept (the one with more fields filled; the first on a tie), the other
        a reject (saying so when it gives fields the kept one lacks). A later record of an
        ``annex`` (附件2 of accountability bases keyed by serial and name, ``annex.is_annex``)
        that gives fields the earlier lacks is joined to it when it is the only record it
        matches.
        A record is only ever the same item as one of its name: records of other names may be
        left out, or gone through apart."""
        # (key, line, values) of the records read so far, by name and serial
        seen: dict[str, dict[str, list[tuple[K, int, dict[str, str]]]]] = {}
        for key, line, values in records:
            name, serial = values.get("name", ""), values.get("row", "")
            by_serial = seen.setdefault(name, {})
            named = by_serial.setdefault(serial, [])
            # a copy may lack the serial (or the other may): those are compared too
            others = [
                s
                for r, group in by_serial.items()
                if r != serial and not (r and serial)
                for s in group
            ]
            twins = [s for s in [*named, *others] if _same_item(s[2], values)]
            if not twins:
                named.append((key, line, values))
                continue
            twin = twins[0]
            own, theirs = values.keys() - twin[2].keys(), twin[2].keys() - values.keys()
            if own and theirs and annex(key):  # an annex's row keyed to an item above
                self.unread[key] = tuple(sorted(own))
                if len(twins) == 1:
                    self.joined[key] = twin[0]
                else:
                    self.several[key] = tuple(s[1] for s in twins)
                continue
            keep_new = len(values) > len(twin[2])
            kept, gone = ((key, line), twin[:2]) if keep_new else (twin[:2], (key, line))
            self.dropped[gone[0]] = kept[1]
            self.noted.setdefault(kept[0], []).append(gone[1])
            kept_values, gone_values = (values, twin[2]) if keep_new else (twin[2], values)
            if lacking := tuple(sorted(gone_values.keys() - kept_values.keys())):
                self.unread[gone[0]] = lacking
            if keep_new:
                group = by_serial[twin[2].get("row", "")]
                group[group.index(twin)] = (key, line, values)

    def orphan(self, key: K) -> None:
        """Notes the record ``key`` of an annex (a table keyed to the items, other rows of
        which joined them) that matches no item: a reject, not an item without a type."""
        if key not in self.joined and key not in self.several and key not in self.dropped:
            self.orphans[key] = (
                "a row of an annex keyed to the items above (other rows joined theirs) that "
                "matches no item's serial and name: not read"
            )

    def mark(self, key: K, row: SourceRow, path: str) -> SourceRow | Reject | None:
        """``row`` as it is read: a reject naming the copy kept when it is dropped (or naming
        the items an annex's row matches, or saying it matches none), None when it is joined
        to its item, noted when it is a copy kept, else as it is."""
        if key in self.joined:
            return None
        text = " | ".join(c for c in row.cells if c)
        if key in self.several:
            lines = ", ".join(map(str, self.several[key]))
            reason = (
                f"keyed (serial and name) like the records at lines {lines}, with fields they "
                f"lack ({', '.join(self.unread[key])}): which one it belongs to is unclear, "
                "not read into any"
            )
            return Reject(path, row.line, text, reason)
        if key in self.orphans:
            return Reject(path, row.line, text, self.orphans[key])
        if key in self.dropped:
            reason = f"the same item as the record at line {self.dropped[key]}, printed twice"
            if key in self.unread:
                reason = (
                    f"the same item as the record at line {self.dropped[key]}, with fields that "
                    f"record lacks ({', '.join(self.unread[key])}): not read into it"
                )
            return Reject(path, row.line, text, reason)
        if key in self.noted:
            lines = ", ".join(map(str, self.noted[key]))
            note = Anomaly("duplicate-item", f"printed again at line {lines}; read once")
            return replace(row, notes=(*row.notes, note))
        return row


def _dedupe(parts: list[_Part], path: str) -> list[_Part]:
    """Sets aside a record that repeats an item read before (a page that prints an item twice,
    as a download link and as a transcript): the fuller copy is kept, noted, and the other
    becomes a reject naming it. An annex's row keyed to an item is joined to it (``annex``)."""
    copies: Copies[tuple[int, int]] = Copies()
    named = [
        ((p, r), row.line, row_values(part.body.cells, row))
        for p, part in enumerate(parts)
        for r, row in enumerate(part.body.rows)
        if may_repeat(row)
    ]
    headers = [p.body.cells for p in parts]
    copies.find(named, lambda key: is_annex(headers[key[0]]))
    if not copies.dropped and not copies.joined and not copies.several:
        return parts
    orphans(copies, [key for key, _, values in named if values.get("name")], headers)
    gifts: dict[tuple[int, int], list[Gift]] = {}
    for (p, r), item in copies.joined.items():
        add_gift(gifts, item, headers[p], parts[p].body.rows[r], copies.unread[(p, r)])
    widened = widen(headers, list_runs(headers, [p.preamble for p in parts]), gifts)
    out = []
    for p, part in enumerate(parts):
        rows: list[SourceRow] = []
        rejects = list(part.body.rejects)
        for r, row in enumerate(part.body.rows):
            marked = copies.mark((p, r), row, path)
            if isinstance(marked, Reject):
                rejects.append(marked)
            elif marked is not None:
                rows.append(widened[p].row(marked, gifts.get((p, r), ())))
        body = replace(part.body, cells=widened[p].cells, rows=tuple(rows), rejects=tuple(rejects))
        out.append(replace(part, body=body))
    return out


def orphans(
    copies: Copies[tuple[int, int]],
    named: Iterable[tuple[int, int]],
    headers: Sequence[tuple[str, ...]],
) -> None:
    """Marks in ``copies`` the named records (their keys: part, row) of each annex part (its
    header gives no item of its own, ``annex.is_annex``, and rows of it joined items) that
    match no item."""
    annexes = {p for p, _ in copies.joined if is_annex(headers[p])}
    for key in named:
        if key[0] in annexes:
            copies.orphan(key)


def widen(
    headers: Sequence[tuple[str, ...]],
    runs: Iterable[range],
    gifts: dict[tuple[int, int], list[Gift]],
) -> list[Widened]:
    """Each part's header widened for the fields its list's items take from annexes: the
    parts of one list (``runs``, :func:`list_runs`) alike, so that they stay one list."""
    out: list[Widened] = []
    for run in runs:
        given = [g for key, some in gifts.items() if key[0] in run for g in some]
        widened = Widened.of(headers[run.start], given)
        out += [widened] * len(run)
    return out


def list_runs(
    headers: Sequence[tuple[str, ...]],
    preambles: Sequence[Sequence[tuple[int, str]]] | None = None,
) -> list[range]:
    """The parts of a page that make one list each: consecutive parts under the same header
    (printed again at a page break) make one, but for a part under a department's heading of
    its own (二、县医疗保障局 over its list: :func:`owner_of` of its ``preambles``), which opens
    another list, of that department.

    >>> list_runs([("a",), ("a",), ("b",)])
    [range(0, 2), range(2, 3)]
    >>> list_runs([("a",), ("a",), ("a",)], [[(1, "县林业局")], [(5, "县水利局")], []])
    [range(0, 1), range(1, 3)]
    """
    keys: list[object] = list(headers)
    if preambles is not None:
        owner: object = None
        keys = []
        owned = owners(preambles)
        for k, (header, preamble) in enumerate(zip(headers, preambles, strict=True)):
            if owner_of(preamble) is not None:
                owner = k  # a heading opens another list, even of the same department
            elif (titled := owned[k]) is not None:
                owner = titled[1]  # a title printed again over its list goes on with it
            keys.append((header, owner))
    runs: list[range] = []
    first = 0
    for k in range(1, len(keys) + 1):
        if k == len(keys) or keys[k] != keys[k - 1]:
            runs.append(range(first, k))
            first = k
    return runs


def _grids(
    parts: Sequence[_Part], context: list[tuple[int, str]], serials: Sequence[Serials]
) -> list[Grid]:
    """One Grid per list (:func:`list_runs`); ``serials``: those of each part's records, a
    copy and an annex's row among them (as the reading in batches finds them)."""
    grids: list[Grid] = []
    owned = owners([p.preamble for p in parts], context)
    for run in list_runs([p.header.cells for p in parts], [p.preamble for p in parts]):
        rows: list[SourceRow] = []
        rejects: list[Reject] = []
        for part in (parts[k] for k in run):
            rows.append(SourceRow(part.header.line, part.body.cells, part.body.cells))
            title = title_row(part.body.cells, part.preamble)
            if title is not None:
                rows.append(title)
            rows += part.body.rows
            rejects += part.body.rejects
            context += [*part.preamble, *part.body.chrome]
        present = Serials.merged(serials[k] for k in run)
        rows = list(noted_serials(rows, parts[run.start].body.cells, present))
        owner = owned[run.start]
        grids.append(
            Grid(tuple(rows), tuple(sorted(context)), tuple(rejects), header=0, owner=owner)
        )
        context = []
    return grids


def _simplified_page(page: str) -> str | None:
    """The simplified form of a page in traditional script (事項名稱 設定依據 … 行政許可), in
    which its header and cells are known to the vocabularies, when converting keeps every
    character in its place (the cells are then cut from the page as written at the same
    offsets); else None."""
    converted = simplified(page)
    if converted == page or len(converted) != len(page):
        return None
    return converted


def _as_written(
    written: str, lines: PageLines, found: Sequence[tuple[int, str]]
) -> list[tuple[int, str]]:
    """Lines of context found in a page's simplified form, as the page writes them."""
    out = []
    for number, text in found:
        start, at = lines.starts[number - 1], lines[number - 1].find(text)
        out.append((number, written[start + at : start + at + len(text)] if at >= 0 else text))
    return out


def read_page(text: str, path: str) -> list[Grid]:
    """The lists of a page copied as text, one Grid each (header row first); a single Grid of
    context lines alone when no header is found.

    >>> page = "首页 > 权责清单\\n附件1\\n某县行政许可事项清单\\n序号 事项名称 实施依据 实施主体\\n"
    >>> page += "1 林木采伐许可 《森林法》第五十六条 县林业局\\n附件2\\n某县行政处罚事项清单\\n"
    >>> page += "序号 事项名称 处罚依据 实施主体\\n1 对盗伐林木的处罚 《森林法》第七十六条 县林业局"
    >>> for grid in read_page(page, "a.txt"):
    ...     print([r.cells for r in grid.rows[1:]])
    [('某县行政许可事项清单',), ('1', '林木采伐许可', '《森林法》第五十六条', '县林业局')]
    [('某县行政处罚事项清单',), ('1', '对盗伐林木的处罚', '《森林法》第七十六条', '县林业局')]
    """
    furniture = page_numbers(text.splitlines(keepends=True))
    layout = Layout.of(page_of(text.splitlines()), furniture)
    if not layout.headers:
        return [Grid((), tuple(layout.context))]
    parts = []
    for k, header in enumerate(layout.headers):
        preamble, split = layout.body(k, path)
        body = Body(split.cells, tuple(split.rows()), split.rejects, split.chrome, split.footer)
        parts.append(_Part(header, preamble, body))
        if (records := layout.records(k)) is not None:
            parts.append(_Part(records[0], (), records[1]))
    serials = [Serials.of(p.body.rows, p.body.cells) for p in parts]
    return _grids(_dedupe(parts, path), layout.context, serials)


def _serials_noted(grid: Grid) -> Grid:
    """The records of ``grid`` (label：value records) whose serials skip or go back, noted."""
    if grid.header is None or not grid.rows:
        return grid
    head = grid.rows[: grid.header + 1]
    records, header = grid.rows[grid.header + 1 :], grid.rows[grid.header].cells
    rows = noted_serials(records, header, Serials.of(records, header))
    return replace(grid, rows=(*head, *rows))


def read_plain(text: str, path: str) -> list[Grid]:
    """The lists of a page copied as text when it has a header (:func:`read_page`), else its
    vertical label：value records (a text file, or the text of a PDF page without a table).
    Characters that show nothing (zero-width spaces, joiners) are dropped first and look-alikes
    of ideographs (⼈⼒, copied out of a PDF) unified, as in a table's cells, and the line
    numbers that lead every line, if they do (``linenumbers``)."""
    text = plain_characters(text)
    bare = unnumbered(text)
    grids = read_page(text if bare is None else bare, path)
    if not grids[0].rows:
        grids = [_serials_noted(read_labelled(text if bare is None else bare))]
    return grids if bare is None else [noted_grid(grid) for grid in grids]
