"""Splits a web page copied as text into the lists it holds and reads each into a Grid: the lists
stand after breadcrumbs, metadata and an issuing notice, one or several (附件1…6, each with its
own title and header), a header printed again at a page break going on with the same list."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace

from extractors.models import Anomaly, Reject
from extractors.reading.formats.cells import drop_invisible
from extractors.reading.formats.grid import Grid, SourceRow
from extractors.reading.formats.labelled import read_labelled
from extractors.reading.formats.text.flat import Body, Span, read_body
from extractors.reading.formats.text.header import PageHeader, find_headers
from extractors.reading.formats.text.spacing import collapse_spacing
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
    section_type,
    types_named,
)

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


def _line_starts(lines: Sequence[str]) -> list[int]:
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    return starts


def _preamble_start(
    lines: Sequence[str], starts: Sequence[int], header: PageHeader, floor: int
) -> int:
    """Where the text that opens ``header``'s list begins: the start of the header's line (a
    line may open with ``附件2：`` or ``Download "``), or higher up, over blank lines, page
    chrome and up to three title lines (a section heading such as 一、行政许可 among them),
    never above ``floor``."""
    index = header.line - 1
    start = max(starts[index], floor)
    titles = 0
    index -= 1
    while index >= 0 and starts[index] >= floor:
        line = lines[index].strip()
        if line and not is_page_chrome(line):
            if titles == _MAX_TITLE_LINES or not (is_list_title(line) or is_section_heading(line)):
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


def _other_key(word: str) -> bool:
    """True for a header word of a table of another kind (a field, not the item's name)."""
    return map_header(word) not in (None, "name", SUBITEM)


def _numbered(page: str, starts: Sequence[int], start: int, end: int) -> list[tuple[int, str]]:
    """The non-blank lines of ``page[start:end]`` with their 1-based numbers."""
    out = []
    for index in range(len(starts) - 1):
        a, b = max(starts[index], start), min(starts[index + 1] - 1, end)
        if a < b and page[a:b].strip():
            out.append((index + 1, page[a:b].strip()))
    return out


def _spans(starts: Sequence[int], start: int, end: int) -> list[Span]:
    spans = []
    for index in range(len(starts) - 1):
        a, b = max(starts[index], start), min(starts[index + 1] - 1, end)
        if a <= b and starts[index] < end and starts[index + 1] > start:
            spans.append(Span(index + 1, a, b))
    return spans


def _title_row(part: _Part) -> SourceRow | None:
    """A group row from the nearest title above a header without a type column that names one
    power type (鸠江区水务局行政许可分表, 类别：行政许可): its items take that type."""
    if "type" in map_headers(part.body.cells):
        return None
    for number, line in reversed(part.preamble):
        if len(types_named(line)) == 1 and section_type(line) is not None:
            return SourceRow(number, (line,), (line,))
    return None


def _values(cells: Sequence[str], row: SourceRow) -> dict[str, str]:
    """A record's cells by field key (columns of one key joined), for comparing records."""
    values: dict[str, str] = {}
    for key, text in zip(map_headers(cells), row.cells, strict=False):
        if key is not None and text:
            values[key] = values.get(key, "") + _QUOTES.sub("", text)
    return values


def _same_item(a: dict[str, str], b: dict[str, str]) -> bool:
    """True when two records are one item printed twice: the same name, and every other field
    they both fill alike (a text cell of one copy may be cut short of the other's)."""
    if not a.get("name") or a.get("name") != b.get("name"):
        return False
    return all(
        a[k] == b[k] or (k in _TEXTS and (a[k].startswith(b[k]) or b[k].startswith(a[k])))
        for k in a.keys() & b.keys()
    )


def _dedupe(parts: list[_Part], path: str) -> list[_Part]:
    """Sets aside a record that repeats an item read before (a page that prints an item twice,
    as a download link and as a transcript): the fuller copy is kept, noted, and the other
    becomes a reject naming it."""
    # (part, row index, values) of the records read so far, by name and serial
    seen: dict[str, dict[str, list[tuple[int, int, dict[str, str]]]]] = {}
    dropped: dict[tuple[int, int], int] = {}  # (part, row) → line of the copy kept
    noted: dict[tuple[int, int], list[int]] = {}
    for p, part in enumerate(parts):
        for r, row in enumerate(part.body.rows):
            if len(row.cells) < 2:
                continue
            values = _values(part.body.cells, row)
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
            twin = next((s for s in [*named, *others] if _same_item(s[2], values)), None)
            if twin is None:
                named.append((p, r, values))
                continue
            tp, tr, twin_values = twin
            keep_new = len(values) > len(twin_values)
            kept, gone = ((p, r), (tp, tr)) if keep_new else ((tp, tr), (p, r))
            kept_row = parts[kept[0]].body.rows[kept[1]]
            dropped[gone] = kept_row.line
            noted.setdefault(kept, []).append(parts[gone[0]].body.rows[gone[1]].line)
            if keep_new:
                group = by_serial[twin[2].get("row", "")]
                group[group.index(twin)] = (p, r, values)
    if not dropped:
        return parts
    out = []
    for p, part in enumerate(parts):
        rows: list[SourceRow] = []
        rejects = list(part.body.rejects)
        for r, row in enumerate(part.body.rows):
            if (p, r) in dropped:
                text = " | ".join(c for c in row.cells if c)
                reason = f"the same item as the record at line {dropped[(p, r)]}, printed twice"
                rejects.append(Reject(path, row.line, text, reason))
                continue
            if (p, r) in noted:
                lines = ", ".join(map(str, noted[(p, r)]))
                note = Anomaly("duplicate-item", f"printed again at line {lines}; read once")
                row = replace(row, notes=(*row.notes, note))
            rows.append(row)
        body = replace(part.body, rows=tuple(rows), rejects=tuple(rejects))
        out.append(replace(part, body=body))
    return out


def _grids(parts: Sequence[_Part], context: list[tuple[int, str]]) -> list[Grid]:
    """One Grid per list: consecutive parts under the same header (printed again at a page
    break) make one."""
    grids: list[Grid] = []
    rows: list[SourceRow] = []
    rejects: list[Reject] = []
    previous: tuple[str, ...] | None = None
    for part in parts:
        if previous is not None and part.header.cells != previous:
            grids.append(Grid(tuple(rows), tuple(sorted(context)), tuple(rejects), header=0))
            rows, rejects, context = [], [], []
        previous = part.header.cells
        rows.append(SourceRow(part.header.line, part.body.cells, part.body.cells))
        title = _title_row(part)
        if title is not None:
            rows.append(title)
        rows += part.body.rows
        rejects += part.body.rejects
        context += [*part.preamble, *part.body.chrome]
    grids.append(Grid(tuple(rows), tuple(sorted(context)), tuple(rejects), header=0))
    return grids


def _traditional_headers(page: str) -> list[PageHeader]:
    """The headers of a page whose header is written in traditional script (事項名稱 設定依據),
    found in its simplified form (the header vocabulary's script) when that keeps every
    character in its place; the page itself is read as written."""
    converted = simplified(page)
    if converted == page or len(converted) != len(page):
        return []
    return find_headers(converted)


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
    lines = [collapse_spacing(line) for line in text.splitlines()]
    page = "\n".join(lines)
    starts = _line_starts(lines)
    headers = find_headers(page) or _traditional_headers(page)
    if not headers:
        return [Grid((), tuple((i + 1, ln.strip()) for i, ln in enumerate(lines) if ln.strip()))]
    opens = [
        _preamble_start(lines, starts, h, headers[k - 1].end if k else 0)
        for k, h in enumerate(headers)
    ]
    context = _numbered(page, starts, 0, opens[0])
    parts = []
    for k, header in enumerate(headers):
        end = opens[k + 1] if k + 1 < len(headers) else len(page)
        last = k + 1 == len(headers)
        below = bisect_left(starts, header.end)  # the line after the header
        other = _other_header(lines, below, bisect_left(starts, end))
        if other is not None:
            # a table of another kind (with its title above it) ends the list: its lines are
            # context, not the last item's cells
            top = _preamble_start(lines, starts, replace(header, line=other + 1), header.end)
            context += _numbered(page, starts, top, end)
            end = top
        body = read_body(page, _spans(starts, header.end, end), header.cells, path, last=last)
        preamble = tuple(_numbered(page, starts, opens[k], header.start))
        parts.append(_Part(header, preamble, body))
    return _grids(_dedupe(parts, path), context)


def read_plain(text: str, path: str) -> list[Grid]:
    """The lists of a page copied as text when it has a header (:func:`read_page`), else its
    vertical label：value records (a text file, or the text of a PDF page without a table).
    Characters that show nothing (zero-width spaces, joiners) are dropped first, as from a
    table's cells."""
    text = drop_invisible(text)
    grids = read_page(text, path)
    return grids if grids[0].rows else [read_labelled(text)]
