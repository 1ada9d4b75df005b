"""Reads a table flattened into text (a web page copied as text: cells separated only by spaces
and line breaks) by anchoring each record on its serial number and each cell on the closed
vocabularies of power lists."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from extractors.errors import InputError
from extractors.models import Anomaly, Reject
from extractors.reading.grid import Grid, SourceRow
from extractors.reading.headers import is_header, map_headers
from extractors.reading.limits import MAX_CELL_CHARS
from extractors.reading.vocab import (
    find_glued_cells,
    is_code,
    is_level,
    is_org_name,
    is_page_chrome,
    is_power_type,
    is_serial,
    is_time_limit,
    starts_citation,
)

# A token is a run of non-space text; a sub-line number written apart from its text
# ("1. 《重庆市劳动保障监察条例》第四十五条") stays with it.
_TOKEN = re.compile(r"(?:\d{1,3}[.、．][ \t\u3000]*)?\S+")
_SERIAL_LINE = re.compile(r"[ \t\u3000]*(\d{1,6})(?=\s|$)")
# A cell that ends a sentence; used to prefer cell boundaries that fall between sentences when a
# stray space has split a phrase ("由县级 人民政府") into something that looks like a cell.
_SENTENCE_END = re.compile(r"[。；;.!！?？）)】」”\"]$")
_NEG = float("-inf")


@dataclass(frozen=True, slots=True)
class _Anchor:
    """How a column's cell is recognised: a shape test and the score of a match."""

    test: Callable[[str], bool]
    score: float
    empty: float


# Columns whose cells have a recognisable shape. The scores rank how sure a match is: a power type
# or a serial is near-certain, an organisation-shaped word much less so.
_ANCHORS: dict[str, _Anchor] = {
    "row": _Anchor(is_serial, 10.0, -5.0),
    "type": _Anchor(is_power_type, 10.0, -2.0),
    "level": _Anchor(is_level, 6.0, -2.0),
    "code": _Anchor(is_code, 5.0, -1.0),
    "time_limit": _Anchor(is_time_limit, 3.0, -1.0),
    "department": _Anchor(is_org_name, 3.0, -1.0),
    "guiding_department": _Anchor(is_org_name, 3.0, -1.0),
}
# Free-text columns whose cell usually opens with a citation (《…》, 1.《…》, 【法律】《…》).
_CITING = frozenset({"basis", "accountability_basis"})
_MAX_ANCHOR_TOKENS = 3


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    text: str


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    """The tokens of ``text[start:end]``, cut where cells were run together without a space."""
    tokens = []
    for match in _TOKEN.finditer(text, start, end):
        cuts = [0, *find_glued_cells(match.group()), len(match.group())]
        for a, b in itertools.pairwise(cuts):
            tokens.append(_Token(match.start() + a, match.start() + b, match.group()[a:b]))
    return tokens


def _all_headers(words: Sequence[str]) -> bool:
    return bool(words) and all(k is not None for k in map_headers(words))


def find_flat_header(lines: Sequence[str]) -> tuple[int, int, tuple[str, ...]] | None:
    """Where the header is: (first line, line after it, its words), or None.

    A header may run over several lines when the page wrapped it (every word of each added line
    is a known header).

    >>> find_flat_header(["权力清单", "序号 实施部门 事项名称", "事项类型 设定依据", "1 县医保局"])
    (1, 3, ('序号', '实施部门', '事项名称', '事项类型', '设定依据'))
    """
    for i, line in enumerate(lines):
        words = line.split()
        if not (is_header(words) or _all_headers(words)):
            continue
        stop = i + 1
        while stop < len(lines) and _all_headers(lines[stop].split()):
            words += lines[stop].split()
            stop += 1
        if is_header(words):
            return i, stop, tuple(words)
    return None


def _assign(tokens: Sequence[_Token], keys: Sequence[str | None], text: str) -> list[range]:
    """The best split of ``tokens`` into one contiguous (possibly empty) run per column.

    Dynamic programming over (token, column): an anchored column takes 0-3 tokens whose text has
    its shape; a free-text column takes any run, with a bonus when a citing column opens on a
    citation and a small one when a run ends a sentence. Ties go to the earliest boundary and
    to filling the earlier column.
    """
    n, width = len(tokens), len(keys)
    best = [[_NEG] * (width + 1) for _ in range(n + 1)]
    choice = [[0] * (width + 1) for _ in range(n + 1)]
    best[n][width] = 0.0
    for c in range(width - 1, -1, -1):
        key = keys[c]
        anchor = _ANCHORS.get(key or "")
        if anchor is not None:
            for i in range(n, -1, -1):
                top, take = anchor.empty + best[i][c + 1], 0
                for k in range(min(_MAX_ANCHOR_TOKENS, n - i), 0, -1):
                    if best[i + k][c + 1] == _NEG:
                        continue
                    if anchor.test(text[tokens[i].start : tokens[i + k - 1].end]):
                        score = anchor.score + best[i + k][c + 1]
                        if score > top:
                            top, take = score, k
                best[i][c], choice[i][c] = top, take
            continue
        empty = -20.0 if key == "name" else -0.5
        # suffix[j]: best over j' >= j of (end bonus at j') + best[j'][c+1], earliest j' on ties.
        suffix_score, suffix_at = _NEG, n
        for i in range(n, -1, -1):
            if i < n:
                j = i + 1
                bonus = 0.5 if _SENTENCE_END.search(tokens[j - 1].text) else 0.0
                candidate = bonus + best[j][c + 1]
                if candidate >= suffix_score:
                    suffix_score, suffix_at = candidate, j
            top, take = empty + best[i][c + 1], 0
            if i < n and suffix_score > _NEG:
                opening = 2.0 if key in _CITING and starts_citation(tokens[i].text) else 0.0
                score = -1.0 + opening + suffix_score
                # Ties fill the earlier column: a record cut off at the end of a file lacks its
                # last cells, not its first ones.
                if score >= top:
                    top, take = score, suffix_at - i
            best[i][c], choice[i][c] = top, take
    spans: list[range] = []
    i = 0
    for c in range(width):
        take = choice[i][c]
        spans.append(range(i, i + take))
        i += take
    return spans


def _cell(text: str, tokens: Sequence[_Token], span: range) -> tuple[str, str]:
    if not span:
        return "", ""
    raw = text[tokens[span.start].start : tokens[span.stop - 1].end]
    return "\n".join(line.strip() for line in raw.splitlines() if line.strip()), raw


def read_flat(text: str, path: str) -> Grid:
    """The records of a flattened table, each split into the header's columns.

    >>> page = "权力清单\\n序号 实施部门 事项名称 事项类型 行使层级\\n"
    >>> read_flat(page + "4281 县医保局 医疗救助 行政确认 区县级", "a.txt").rows[1].cells
    ('4281', '县医保局', '医疗救助', '行政确认', '区县级')
    """
    lines = text.splitlines()
    found = find_flat_header(lines)
    if found is None:
        return Grid((), tuple((i + 1, ln) for i, ln in enumerate(lines) if ln.strip()))
    header_at, body_at, header_cells = found
    keys = map_headers(header_cells)
    context = [(i + 1, ln.strip()) for i, ln in enumerate(lines[:header_at]) if ln.strip()]
    # Page furniture after the table ("扫一扫在手机打开当前页") is context, not the last cell.
    end = len(lines)
    while end > body_at and (not lines[end - 1].strip() or is_page_chrome(lines[end - 1])):
        if lines[end - 1].strip():
            context.append((end, lines[end - 1].strip()))
        end -= 1
    footer = any(number > end for number, _ in context)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    repeated = {i for i in range(body_at, end) if lines[i].split() == list(header_cells)}
    body = [i for i in range(body_at, end) if i not in repeated]
    starts = _record_starts(lines, body, keys)
    rejects = [
        Reject(path, i + 1, lines[i].strip(), "text before the first record")
        for i in body
        if (not starts or i < starts[0]) and lines[i].strip() and not is_page_chrome(lines[i])
    ]
    records: list[tuple[int, list[tuple[str, str]]]] = []
    bounds = [*starts, end]
    for n, first in enumerate(starts):
        length = offsets[bounds[n + 1]] - offsets[first]
        if length > MAX_CELL_CHARS:
            raise InputError(
                path,
                f"a record of {length} characters; the limit is {MAX_CELL_CHARS}",
                line=first + 1,
                text=lines[first][:40],
            )
        tokens = [
            t
            for t in _tokens(text, offsets[first], offsets[bounds[n + 1]])
            if bisect.bisect_right(offsets, t.start) - 1 not in repeated
        ]
        spans = _assign(tokens, keys, text)
        records.append((first, [_cell(text, tokens, span) for span in spans]))
    rows = [SourceRow(header_at + 1, header_cells, header_cells)]
    for n, (first, cells) in enumerate(records):
        notes: tuple[Anomaly, ...] = ()
        if n == len(records) - 1 and not footer:
            notes = _cut_off(cells, [c for _, c in records[:-1]], header_cells)
        texts = tuple(c for c, _ in cells)
        rows.append(SourceRow(first + 1, texts, tuple(r for _, r in cells), notes))
    return Grid(tuple(rows), tuple(sorted(context)), tuple(rejects), header=0)


def _cut_off(
    cells: Sequence[tuple[str, str]],
    others: Sequence[Sequence[tuple[str, str]]],
    header: Sequence[str],
) -> tuple[Anomaly, ...]:
    """A note when the file's last record ends early: the columns after its last filled cell are
    ones the other records usually fill (or, with no other record, any column at all)."""
    filled = [c for c, (text, _) in enumerate(cells) if text]
    trailing = range((filled[-1] + 1) if filled else 0, len(cells))
    usual = [
        c for c in trailing if not others or sum(1 for o in others if o[c][0]) * 2 >= len(others)
    ]
    if not usual:
        return ()
    missing = ", ".join(header[c] for c in usual)
    return (Anomaly("cut-off", f"the file ends inside this record: {missing} missing"),)


def _record_starts(
    lines: Sequence[str], body: Sequence[int], keys: Sequence[str | None]
) -> list[int]:
    """The lines that open a record: a bare serial number at the start of the line.

    A numbered sub-line inside a cell is written ``1.`` / ``1、`` and is no candidate. A candidate
    is kept when its stretch holds a power type (if the header has a type column), or else when
    its serial is larger than the one before: a wrapped cell line that happens to open with a
    number is folded back into the record it belongs to.
    """
    candidates = [i for i in body if _SERIAL_LINE.match(lines[i])]
    if "row" not in keys or not candidates:
        return _unnumbered_starts(lines, body, keys)
    has_type = "type" in keys
    starts: list[int] = []
    previous = -1
    for n, i in enumerate(candidates):
        stop = candidates[n + 1] if n + 1 < len(candidates) else body[-1] + 1
        serial = int(lines[i].split()[0])
        if has_type:
            typed = any(is_power_type(w) for j in range(i, stop) for w in lines[j].split())
            # The file's last record may be cut off before its type: kept when its serial follows
            # on (a wrapped cell line "15 日内提交材料" in the last record rarely does).
            keep = typed or (n == len(candidates) - 1 and serial == previous + 1)
        else:
            keep = serial > previous
        if keep or not starts:
            starts.append(i)
            previous = serial
    return starts


def _unnumbered_starts(
    lines: Sequence[str], body: Sequence[int], keys: Sequence[str | None]
) -> list[int]:
    """The lines that open a record in a list without serial numbers.

    Pages without a 序号 column separate their records by blank lines, or open each record
    with the cell of the first column, which then has a shape of its own (a power type:
    ``行政处罚 对…的处罚 …``; a code: ``330217001000 城乡居民养老保险待遇申领 …``). Failing
    both, each line is a record.
    """
    filled = [i for i in body if lines[i].strip()]
    if not filled:
        return []
    after_blank = [i for n, i in enumerate(filled) if n == 0 or i - filled[n - 1] > 1]
    if len(after_blank) > 1:
        return after_blank
    anchor = _ANCHORS.get(keys[0] or "") if keys else None
    if anchor is not None:
        starts = [i for i in filled if _opens_with(lines[i], anchor.test)]
        if starts:
            return starts if starts[0] == filled[0] else [filled[0], *starts]
    return filled


def _opens_with(line: str, test: Callable[[str], bool]) -> bool:
    """True when the first token of ``line``, or its part before a glued cell, passes ``test``."""
    words = line.split(maxsplit=1)
    if not words:
        return False
    first = words[0]
    cuts = find_glued_cells(first)
    return test(first) or (bool(cuts) and test(first[: cuts[0]]))
