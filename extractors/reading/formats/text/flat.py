"""Reads the records of one list in page text (a table flattened into text: cells separated by
spaces, line breaks or blank lines, or run together) by anchoring each record on its serial
number and each cell on the closed vocabularies of power lists."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from extractors.errors import InputError
from extractors.models import Anomaly, Reject
from extractors.reading.grid import SourceRow
from extractors.reading.headers import map_headers
from extractors.reading.limits import MAX_CELL_CHARS
from extractors.reading.vocab import (
    cell_opening,
    find_glued_cells,
    is_code,
    is_level,
    is_org_name,
    is_page_chrome,
    is_power_type,
    is_section_heading,
    is_serial,
    is_time_limit,
    starts_citation,
)

# A token is a run of non-space text (the rules of a pipe table copied as text separate tokens
# too); a sub-line number written apart from its text ("1. 《重庆市劳动保障监察条例》第四十五条")
# stays with it.
_TOKEN = re.compile(r"(?:\d{1,3}[.、．][ \t\u3000]*)?[^\s|｜│]+")
# A serial opening a line: alone ("4268 县医保局 …"), or run into the name after it ("1对纳税人
# 延期申报的核准", a header and rows flattened without separators); not a number with its unit
# ("15日内提交材料") and not a numbered citation ("1《…》").
_UNITS = "日天月年个次条款项号元万千百岁人户家件台辆吨米倍期批届周分秒时"
_SERIAL_LINE = re.compile(rf"[ \t\u3000]*(\d{{1,6}})(?=\s|$|[\u4e00-\u9fff](?<![{_UNITS}]))")
# A cell that ends a sentence; used to prefer cell boundaries that fall between sentences when a
# stray space has split a phrase ("由县级 人民政府") into something that looks like a cell.
_SENTENCE_END = re.compile(r"[。；;.!！?？）)】」”\"]$")
# A numbered line inside a cell (2. / 2、 / （2） / 二、): from the second on, it goes on with
# the enumeration of the cell it is in rather than opening a new cell.
_NUMBERING = re.compile(
    r"\s*(?:[(（](\d{1,2})[)）]|(\d{1,2})[.、．](?!\d)|([一二三四五六七八九十])、)"
)
_CHINESE_DIGITS = "一二三四五六七八九十"
# A short phrase of Chinese words: what a column of short cells (level, department) may hold even
# when it is not in the vocabulary ("省财政部门" under 实施层级及权限).
_SHORT_CELL = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff、（）()/]{1,11}")
_NEG = float("-inf")
_MAX_NAME_TOKENS = 12


@dataclass(frozen=True, slots=True)
class _Anchor:
    """How a column's cell is recognised: a shape test and the score of a match."""

    test: Callable[[str], bool]
    score: float
    empty: float


def _is_number(text: str) -> bool:
    return is_serial(text) or is_code(text)


def _is_days(text: str) -> bool:
    """A time limit, or a bare number of days under a 时限 header ("20")."""
    return is_time_limit(text) or (text.isascii() and text.isdigit() and len(text) <= 3)


# Columns whose cells have a recognisable shape. The scores rank how sure a match is: a power type
# or a serial is near-certain, an organisation-shaped word much less so.
_ANCHORS: dict[str, _Anchor] = {
    "row": _Anchor(is_serial, 10.0, -5.0),
    "type": _Anchor(is_power_type, 10.0, -2.0),
    "level": _Anchor(is_level, 6.0, -2.0),
    "code": _Anchor(is_code, 5.0, -1.0),
    "time_limit": _Anchor(_is_days, 3.0, -1.0),
    "department": _Anchor(is_org_name, 3.0, -1.0),
    "guiding_department": _Anchor(is_org_name, 3.0, -1.0),
}
# Columns of short cells that may hold a short phrase outside their vocabulary, at a small gain
# over leaving them empty.
_SHORT = frozenset({"level", "department", "guiding_department"})
# Free-text columns whose cell usually opens with a citation (《…》, 1.《…》, 【法律】《…》).
_CITING = frozenset({"basis", "accountability_basis"})
# Free-text columns of a few words, which never open with a citation.
_NAMES = frozenset({"name", "subitem"})
_MAX_ANCHOR_TOKENS = 3
#: Leading columns a header may lack while its records carry them (序号 and a code before the
#: name): the header cell each gets, and how its cell is recognised (an empty one costs nothing).
_IMPLICIT: tuple[tuple[str, _Anchor], ...] = (
    ("序号", _Anchor(is_serial, 10.0, 0.0)),
    ("编码", _Anchor(is_code, 5.0, 0.0)),
    ("", _Anchor(_is_number, 1.0, 0.0)),
)


@dataclass(frozen=True, slots=True)
class Span:
    """One line of a list's body: its 1-based number and offsets (the first may start mid-line,
    after a header that the line opens with)."""

    number: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Body:
    """What the records below one header give: the header's cells (with the leading columns it
    lacked, when its records carry them), the rows (records and group rows, in order), rejects,
    and page chrome seen among them."""

    cells: tuple[str, ...]
    rows: tuple[SourceRow, ...]
    rejects: tuple[Reject, ...]
    chrome: tuple[tuple[int, str], ...]
    footer: bool


@dataclass(frozen=True, slots=True)
class _Column:
    key: str | None
    anchor: _Anchor | None
    empty: float
    implicit: bool = False


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    text: str


def _glued_serial(text: str) -> int:
    """The length of a serial run into the text after it at the start of ``text`` ("1对…"), or 0."""
    match = _SERIAL_LINE.match(text)
    if match is None or match.end() == len(text) or text[match.end()].isspace():
        return 0
    return match.end()


def _tokens(text: str, start: int, end: int, *, opening: bool = False) -> list[_Token]:
    """The tokens of ``text[start:end]``, cut where cells were run together without a space;
    ``opening`` when the stretch opens a record (its serial may be run into the name)."""
    tokens: list[_Token] = []
    for match in _TOKEN.finditer(text, start, end):
        word = match.group()
        cuts = [0, *find_glued_cells(word), len(word)]
        if opening and not tokens:
            serial = _glued_serial(word)
            if serial:
                cuts = sorted({*cuts, serial})
        for a, b in itertools.pairwise(cuts):
            tokens.append(_Token(match.start() + a, match.start() + b, word[a:b]))
    return tokens


def _numbering(text: str) -> int | None:
    match = _NUMBERING.match(text)
    if match is None:
        return None
    arabic = match.group(1) or match.group(2)
    return int(arabic) if arabic else _CHINESE_DIGITS.index(match.group(3)) + 1


@dataclass(frozen=True, slots=True)
class _Opening:
    """How a token would open a cell: with a citation, the way the template opens a field's
    cell, or with a numbered line after the first (which goes on with a cell instead)."""

    citation: bool
    field: str | None
    goes_on: bool

    @classmethod
    def of(cls, text: str) -> _Opening:
        number = _numbering(text)
        return cls(starts_citation(text), cell_opening(text), number is not None and number > 1)

    def score(self, key: str | None) -> float:
        """What opening a free-text cell of column ``key`` so is worth."""
        score = 0.0
        if self.citation:
            score += 2.0 if key in _CITING else -2.0 if key in _NAMES else 0.0
        if self.field is not None and self.field == key:
            score += 2.0
        if self.goes_on:
            score -= 2.5
        return score


def _assign(tokens: Sequence[_Token], columns: Sequence[_Column], text: str) -> list[range]:
    """The best split of ``tokens`` into one contiguous (possibly empty) run per column.

    Dynamic programming over (token, column): an anchored column takes 0-3 tokens whose text has
    its shape (or, for a column of short cells, one short phrase); a free-text column takes any
    run, scored on how its first token opens a cell of its kind (a citation under 设定依据,
    1.受理阶段责任 under 责任事项; a numbered line after the first continues a cell) and, a
    little, on ending a sentence; a name takes few tokens. Ties go to the earliest boundary and
    to filling the earlier column.
    """
    n, width = len(tokens), len(columns)
    best = [[_NEG] * (width + 1) for _ in range(n + 1)]
    choice = [[0] * (width + 1) for _ in range(n + 1)]
    best[n][width] = 0.0
    ends = [0.5 if _SENTENCE_END.search(t.text) else 0.0 for t in tokens]
    openings = [_Opening.of(t.text) for t in tokens]
    for c in range(width - 1, -1, -1):
        column = columns[c]
        anchor = column.anchor
        if anchor is not None:
            for i in range(n, -1, -1):
                top, take = column.empty + best[i][c + 1], 0
                for k in range(min(_MAX_ANCHOR_TOKENS, n - i), 0, -1):
                    score = anchor.score + best[i + k][c + 1]
                    if score > top and anchor.test(text[tokens[i].start : tokens[i + k - 1].end]):
                        top, take = score, k
                if (
                    column.key in _SHORT
                    and take == 0
                    and i < n
                    and best[i + 1][c + 1] > _NEG
                    and _SHORT_CELL.fullmatch(tokens[i].text)
                    and not is_serial(tokens[i].text)
                ):
                    score = column.empty + 0.5 + best[i + 1][c + 1]
                    if score > top:
                        top, take = score, 1
                best[i][c], choice[i][c] = top, take
            continue
        empty = column.empty
        opening = [o.score(column.key) for o in openings]
        if column.key in _NAMES:
            for i in range(n, -1, -1):
                top, take = empty + best[i][c + 1], 0
                fill, fill_take = _NEG, 0
                for k in range(1, min(_MAX_NAME_TOKENS, n - i) + 1):
                    if best[i + k][c + 1] == _NEG:
                        continue
                    score = -float(k) + opening[i] + ends[i + k - 1] + best[i + k][c + 1]
                    if score > fill:
                        fill, fill_take = score, k
                if fill >= top:
                    top, take = fill, fill_take
                best[i][c], choice[i][c] = top, take
            continue
        # suffix[j]: best over j' >= j of (end bonus at j') + best[j'][c+1], earliest j' on ties.
        suffix_score, suffix_at = _NEG, n
        for i in range(n, -1, -1):
            if i < n:
                j = i + 1
                candidate = ends[j - 1] + best[j][c + 1]
                if candidate >= suffix_score:
                    suffix_score, suffix_at = candidate, j
            top, take = empty + best[i][c + 1], 0
            if i < n and suffix_score > _NEG:
                score = -1.0 + opening[i] + suffix_score
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


def _is_paragraphs(lines: Sequence[str]) -> bool:
    """True when the body holds one cell per paragraph: blank lines between most of its lines,
    and cells of a recognisable shape (a serial, a power type) alone in theirs (records
    separated by blank lines have them inside a line of cells)."""
    filled = [n for n, line in enumerate(lines) if line.strip()]
    paragraphs = sum(1 for k, n in enumerate(filled) if not k or n - filled[k - 1] > 1)
    alone = any(is_serial(lines[n]) or is_power_type(lines[n]) for n in filled)
    return alone and paragraphs >= 3 and paragraphs >= 0.4 * len(filled)


def _record_tokens(text: str, spans: Sequence[Span], paragraphs: bool) -> list[_Token]:
    """The tokens of one record: its paragraphs (one cell per paragraph), or its words."""
    tokens: list[_Token] = []
    if paragraphs:
        groups = itertools.groupby(spans, key=lambda s: bool(text[s.start : s.end].strip()))
        for filled, group in groups:
            if filled:
                lines = list(group)
                start = (
                    lines[0].start
                    + len(text[lines[0].start : lines[0].end])
                    - len(text[lines[0].start : lines[0].end].lstrip())
                )
                end = lines[-1].start + len(text[lines[-1].start : lines[-1].end].rstrip())
                tokens.append(_Token(start, end, text[start:end]))
        return tokens
    for n, span in enumerate(spans):
        tokens += _tokens(text, span.start, span.end, opening=n == 0)
    return tokens


def _implicit(keys: Sequence[str | None], records: Sequence[Sequence[_Token]]) -> list[str]:
    """The leading columns the header lacks and its records carry: a serial before the first
    cell (a header without 序号), a code after it, and a further number (in that order)."""
    leads = []
    for tokens in records:
        lead = list(itertools.takewhile(lambda t: t.text.isascii() and _is_number(t.text), tokens))
        leads.append([t.text for t in lead[:3]])
    added: list[str] = []
    if "row" not in keys and any(lead and is_serial(lead[0]) for lead in leads):
        added.append("序号")
    # after the serial (the header's own or the one added), what the header has no column for
    after = [lead[1:] if lead and is_serial(lead[0]) else lead for lead in leads]
    if "code" not in keys and any(any(is_code(t) for t in lead) for lead in after):
        added.append("编码")
    extra = len(added) - (1 if "序号" in added else 0)
    if added and any(len(lead) > extra for lead in after):
        added.append("")
    return added


def _columns(keys: Sequence[str | None], implicit: Sequence[str]) -> list[_Column]:
    """The columns of the records: the header's, with the implicit ones put in front (a code
    after the header's own 序号)."""
    anchors = dict(_IMPLICIT)
    known = {"序号": "row", "编码": "code"}
    columns = []
    for n, key in enumerate(keys):
        anchor = _ANCHORS.get(key or "")
        if anchor is not None:
            empty = anchor.empty
        elif key == "name":
            empty = -20.0
        elif key is not None and key in (keys[n - 1] if n else None, _at(keys, n + 1)):
            # Columns of one field side by side (执法依据 divided into 法律, 行政法规 …): most of
            # them are empty in any one record.
            empty = -0.1
        else:
            empty = -0.5
        columns.append(_Column(key, anchor, empty))
    added = [_Column(known.get(c), anchors[c], 0.0, implicit=True) for c in implicit]
    at = 1 if keys and keys[0] == "row" else 0
    if added and added[0].key == "row":
        return [added[0], *columns[:at], *added[1:], *columns[at:]]
    return [*columns[:at], *added, *columns[at:]]


def _at(keys: Sequence[str | None], n: int) -> str | None:
    return keys[n] if n < len(keys) else None


def _with_implicit(
    header: Sequence[str], keys: Sequence[str | None], implicit: Sequence[str]
) -> tuple[str, ...]:
    """The header cells with the implicit columns where :func:`_columns` puts them."""
    at = 1 if keys and keys[0] == "row" else 0
    if implicit and implicit[0] == "序号":
        return (implicit[0], *header[:at], *implicit[1:], *header[at:])
    return (*header[:at], *implicit, *header[at:])


def read_body(
    text: str, spans: Sequence[Span], header: Sequence[str], path: str, *, last: bool
) -> Body:
    """The records below a header, each split into the header's columns; group rows (一、行政许可
    （3项）) as rows of their own; page chrome set aside; text before the first record rejected.
    ``last`` when the body ends the file (its last record may be cut off).

    >>> page = "4281 县医保局 医疗救助 行政确认 区县级"
    >>> body = read_body(page, [Span(2, 0, len(page))], ("序号", "实施部门", "事项名称",
    ...                  "事项类型", "行使层级"), "a.txt", last=True)
    >>> body.rows[0].cells
    ('4281', '县医保局', '医疗救助', '行政确认', '区县级')
    """
    keys = map_headers(header)
    lines = [text[s.start : s.end] for s in spans]
    paragraphs = _is_paragraphs(lines)
    starts = set(_record_starts(lines, keys, paragraphs))
    chrome: list[tuple[int, str]] = []
    rejects: list[Reject] = []
    # (index into rows-to-be, spans of a record) or a group row
    parts: list[tuple[Span, list[Span]] | tuple[Span, None]] = []
    current: list[Span] | None = None
    footer = False
    for n, span in enumerate(spans):
        line = lines[n].strip()
        if not line:
            if current is not None:
                current.append(span)
            continue
        footer = False
        if is_page_chrome(line):
            chrome.append((span.number, line))
            footer = True
            continue
        if is_section_heading(line):
            parts.append((span, None))
            current = None
            continue
        if n in starts:
            current = [span]
            parts.append((span, current))
        elif current is not None:
            current.append(span)
        else:
            rejects.append(Reject(path, span.number, line, "text before the first record"))
    records = [
        _record_tokens(text, _check_size(text, record, path), paragraphs)
        for _, record in parts
        if record is not None
    ]
    implicit = _implicit(keys, records)
    columns = _columns(keys, implicit)
    cells = _with_implicit(header, keys, implicit)
    read: list[list[tuple[str, str]]] = [
        [_cell(text, tokens, span) for span in _assign(tokens, columns, text)] for tokens in records
    ]
    rows: list[SourceRow] = []
    count = 0
    for first, record in parts:
        if record is None:
            heading = text[first.start : first.end].strip()
            rows.append(SourceRow(first.number, (heading,), (heading,)))
            continue
        values = read[count]
        count += 1
        notes: list[Anomaly] = []
        if count == len(read) and last and not footer:
            notes += _cut_off(values, read[:-1], cells)
        notes += _unanchored(values, columns, cells)
        filled = [
            cells[c] or f"列{c + 1}"
            for c, column in enumerate(columns)
            if column.implicit and values[c][0]
        ]
        if filled:
            notes.append(
                Anomaly(
                    "implicit-column",
                    f"the header has no {', '.join(filled)} column; read from the numbers "
                    "that open the record",
                )
            )
        rows.append(
            SourceRow(
                first.number,
                tuple(c for c, _ in values),
                tuple(r for _, r in values),
                tuple(notes),
            )
        )
    return Body(cells, tuple(rows), tuple(rejects), tuple(chrome), footer)


def _unanchored(
    values: Sequence[tuple[str, str]], columns: Sequence[_Column], cells: Sequence[str]
) -> list[Anomaly]:
    """Notes on short cells read by their place alone: outside their column's vocabulary."""
    notes = []
    for (text, _), column, name in zip(values, columns, cells, strict=True):
        if column.key in _SHORT and text and column.anchor and not column.anchor.test(text):
            message = f"{name} holds a phrase outside its vocabulary, read by its place in the row"
            notes.append(Anomaly("unanchored-cell", message, name, text))
    return notes


def _check_size(text: str, record: list[Span], path: str) -> list[Span]:
    length = record[-1].end - record[0].start
    if length > MAX_CELL_CHARS:
        raise InputError(
            path,
            f"a record of {length} characters; the limit is {MAX_CELL_CHARS}",
            line=record[0].number,
            text=text[record[0].start : record[0].end][:40],
        )
    return record


def _cut_off(
    cells: Sequence[tuple[str, str]],
    others: Sequence[Sequence[tuple[str, str]]],
    header: Sequence[str],
) -> list[Anomaly]:
    """A note when the file's last record ends early: the columns after its last filled cell are
    ones the other records usually fill (or, with no other record, any column at all)."""
    filled = [c for c, (text, _) in enumerate(cells) if text]
    trailing = range((filled[-1] + 1) if filled else 0, len(cells))
    usual = [
        c for c in trailing if not others or sum(1 for o in others if o[c][0]) * 2 >= len(others)
    ]
    if not usual:
        return []
    missing = ", ".join(header[c] or f"列{c + 1}" for c in usual)
    return [Anomaly("cut-off", f"the file ends inside this record: {missing} missing")]


def _serial_at(line: str, paragraphs: bool) -> int | None:
    """The serial that opens ``line``: alone in its paragraph, or opening a line of words."""
    if paragraphs:
        return int(line.strip()) if is_serial(line) else None
    match = _SERIAL_LINE.match(line)
    return int(match.group(1)) if match else None


def _record_starts(lines: Sequence[str], keys: Sequence[str | None], paragraphs: bool) -> list[int]:
    """The lines that open a record: a serial number at the start of the line (alone in its
    paragraph when the body has one cell per paragraph).

    A numbered sub-line inside a cell is written ``1.`` / ``1、`` and is no candidate. A candidate
    is kept when its stretch holds a power type (if the header has a type column), or else when
    its serial is larger than the one before: a wrapped cell line that happens to open with a
    number is folded back into the record it belongs to.
    """
    candidates: list[tuple[int, int]] = []
    for i, line in enumerate(lines):
        if paragraphs and i and lines[i - 1].strip():
            continue
        serial = _serial_at(line, paragraphs)
        if serial is not None:
            candidates.append((i, serial))
    if not candidates:
        return _unnumbered_starts(lines, keys, paragraphs)
    has_type = "type" in keys
    starts: list[int] = []

    def line_of(i: int) -> list[str]:
        """The line at ``i``, with the next non-blank one when it is a serial alone."""
        following = [line.strip() for line in lines[i : i + 4] if line.strip()]
        return following[:2] if is_serial(following[0]) else following[:1]

    previous = -1
    for n, (i, serial) in enumerate(candidates):
        stop = candidates[n + 1][0] if n + 1 < len(candidates) else len(lines)
        if has_type:
            typed = any(_holds_type(w) for j in range(i, stop) for w in lines[j].split())
            # The file's last record may be cut off before its type: kept when its serial follows
            # on (a wrapped cell line "15 日内提交材料" in the last record rarely does).
            keep = typed or (n == len(candidates) - 1 and serial == previous + 1)
        else:
            keep = serial > previous
        # a record printed twice opens with the same line again
        again = bool(starts) and serial == previous and line_of(i) == line_of(starts[-1])
        if keep or again or not starts:
            starts.append(i)
            previous = serial
    return starts


def _holds_type(word: str) -> bool:
    """True when ``word`` is a power type, or holds one run together with the cells around it
    (行政许可市地税局…, 1行政许可)."""
    word = word[_glued_serial(word) :]
    if is_power_type(word):
        return True
    cuts = [0, *find_glued_cells(word), len(word)]
    return len(cuts) > 2 and any(is_power_type(word[a:b]) for a, b in itertools.pairwise(cuts))


def _unnumbered_starts(
    lines: Sequence[str], keys: Sequence[str | None], paragraphs: bool
) -> list[int]:
    """The lines that open a record in a list without serial numbers.

    Pages without a 序号 column separate their records by blank lines, or write each record on
    a line whose first cells have a shape of their own: the first column (a power type:
    ``行政处罚 对…的处罚 …``; a code: ``330217001000 城乡居民养老保险待遇申领 …``), or the
    power type in its place after the name (``林木采伐许可 行政许可 …``). Failing both, each
    line is a record, but for the lines that go on with a cell (a numbered line, a citation,
    受理阶段责任：…, a line after a colon). With one cell per paragraph, a record opens as many
    paragraphs before its power type (or code) as the header has columns before it.
    """
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if not filled:
        return []
    if paragraphs:
        return _paragraph_starts(lines, keys, filled)
    after_blank = [i for n, i in enumerate(filled) if n == 0 or i - filled[n - 1] > 1]
    if len(after_blank) > 1:
        return after_blank
    at = next((n for n, k in enumerate(keys) if k in ("type", "code")), None)
    anchor = _ANCHORS.get(keys[0] or "") if keys else None
    if anchor is not None:
        starts = [i for i in filled if _opens_with(lines[i], anchor.test)]
    elif at is not None and at <= 2:
        test = _ANCHORS[keys[at] or ""].test
        starts = [i for i in filled if _word_at(lines[i], at, test)]
    else:
        starts = []
    if starts:
        return starts if starts[0] == filled[0] else [filled[0], *starts]
    return [
        i
        for n, i in enumerate(filled)
        if not n or not (_goes_on(lines[i]) or lines[filled[n - 1]].rstrip().endswith(("：", ":")))
    ]


def _goes_on(line: str) -> bool:
    """True for a line that goes on with the cell above rather than opening a record: numbered
    (a name never is), or opening with a citation or a responsibility or accountability cell."""
    return _numbering(line) is not None or starts_citation(line) or cell_opening(line) is not None


def _word_at(line: str, at: int, test: Callable[[str], bool]) -> bool:
    """True when the word of ``line`` in place ``at`` passes ``test``."""
    words = line.split()
    return at < len(words) and test(words[at])


def _paragraph_starts(
    lines: Sequence[str], keys: Sequence[str | None], filled: Sequence[int]
) -> list[int]:
    heads = [i for n, i in enumerate(filled) if n == 0 or i - filled[n - 1] > 1]
    # the first column whose cells have a shape, and how many columns stand before it
    before = next((n for n, k in enumerate(keys) if k in ("type", "code")), None)
    if before is None:
        return heads[:1]
    test = _ANCHORS[keys[before] or ""].test
    starts = {heads[max(n - before, 0)] for n, i in enumerate(heads) if test(lines[i].strip())}
    return sorted(starts | {heads[0]})


def _opens_with(line: str, test: Callable[[str], bool]) -> bool:
    """True when the first token of ``line``, or its part before a glued cell, passes ``test``."""
    words = line.split(maxsplit=1)
    if not words:
        return False
    first = words[0]
    cuts = find_glued_cells(first)
    return test(first) or (bool(cuts) and test(first[: cuts[0]]))
