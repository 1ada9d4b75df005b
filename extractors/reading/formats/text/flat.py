"""Reads the records of one list in page text (a table flattened into text: cells separated by
spaces, line breaks or blank lines, or run together) by anchoring each record on its serial
number and each cell on the closed vocabularies of power lists."""

from __future__ import annotations

import itertools
import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from extractors.errors import InputError
from extractors.models import Anomaly, Reject
from extractors.reading.cellparts import is_reference
from extractors.reading.formats.furniture import (
    is_page_footer,
    is_rule,
    is_running_header,
    signature_start,
)
from extractors.reading.formats.grid import SourceRow
from extractors.reading.formats.text.boundaries import (
    SHAPES,
    dotted_serial,
    glued_serial,
    inline_serials,
    numbering,
    record_starts,
    serial_mark,
)
from extractors.reading.formats.text.breaks import written_breaks
from extractors.reading.formats.text.fixedwidth import cut, join
from extractors.reading.formats.text.gluedorg import part_department
from extractors.reading.formats.text.hyphens import join_hyphenated
from extractors.reading.formats.text.lines import Span, SpanLines, Spans, as_spans
from extractors.reading.formats.text.sublines import sub_item_lines
from extractors.reading.formats.text.wrapped import move_wrapped
from extractors.reading.headers import map_headers
from extractors.reading.limits import MAX_CELL_CHARS
from extractors.reading.vocab import (
    ORDINAL,
    cell_opening,
    enclosed_number,
    find_glued_cells,
    is_article_end,
    is_code,
    is_page_chrome,
    is_placeholder,
    is_power_type,
    is_section_heading,
    is_serial,
    is_table_note,
    section_department,
    starts_citation,
)

# A token is a run of non-space text (the rules of a pipe table copied as text separate tokens
# too); a sub-line number written apart from its text ("1. 《重庆市劳动保障监察条例》第四十五条")
# stays with it.
_TOKEN = re.compile(r"(?:\d{1,3}[.、．][ \t\u3000]*)?[^\s|｜│]+")
# A cell that ends a sentence; used to prefer cell boundaries that fall between sentences when a
# stray space has split a phrase ("由县级 人民政府") into something that looks like a cell.
_SENTENCE_END = re.compile(r"[。；;.!！?？）)】」”\"]$")
# A short phrase of Chinese words: what a column of short cells (level, department) may hold even
# when it is not in the vocabulary ("省财政部门" under 实施层级及权限).
_SHORT_CELL = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff、（）()/]{1,11}")
_NEG = float("-inf")
_MAX_NAME_TOKENS = 12
# What a free-text cell pays for each further paragraph that does not read as going on, when
# the record has one cell per paragraph (see ``_assign``).
_PARAGRAPH_ON = 0.75


@dataclass(frozen=True, slots=True)
class _Anchor:
    """How a column's cell is recognised: a shape test and the score of a match."""

    test: Callable[[str], bool]
    score: float
    empty: float


def _is_number(text: str) -> bool:
    return is_serial(text) or is_code(text)


def _is_chrome_line(line: str) -> bool:
    """True for a line of the page's furniture among records: page chrome, a rule, a footer."""
    return is_page_chrome(line) or is_rule(line) or is_page_footer(line)


def _is_opening_serial(text: str) -> bool:
    """A serial a record opens with where the header has no 序号: a bare number, an enclosed
    one, a number in brackets or a keycap emoji (①, (1), 1️⃣: a list pasted into a post or a
    forum numbers its items so)."""
    return (
        is_serial(text)
        or enclosed_number(text) is not None
        or _POSTED_SERIAL.fullmatch(text) is not None
    )


# A number in brackets or a keycap emoji (1\ufe0f\u20e3) numbering a record, as posts write them.
_POSTED_SERIAL = re.compile(r"[(（]\d{1,3}[)）]|\d{1,2}\ufe0f?\u20e3")
# ... run into the name after it ((1)林木采伐…): where the name begins.
_GLUED_POSTED_SERIAL = re.compile(r"[(（]\d{1,3}[)）](?=[\u4e00-\u9fff])")


# Columns whose cells have a recognisable shape. The scores rank how sure a match is: a power type
# or a serial is near-certain, an organisation-shaped word much less so.
_SCORES: dict[str, tuple[float, float]] = {  # (a match, an empty cell)
    "row": (10.0, -5.0),
    "type": (10.0, -2.0),
    "level": (6.0, -2.0),
    "code": (5.0, -1.0),
    "time_limit": (3.0, -1.0),
    "department": (3.0, -1.0),
    "guiding_department": (3.0, -1.0),
}
_ANCHORS = {key: _Anchor(SHAPES[key], *scores) for key, scores in _SCORES.items()}
# Columns of short cells that may hold a short phrase outside their vocabulary, at a small gain
# over leaving them empty.
_SHORT = frozenset({"level", "department", "guiding_department"})
# Columns every record fills: a record without theirs is probably misread.
_REQUIRED = frozenset({"row", "type"})
# Free-text columns whose cell usually opens with a citation (《…》, 1.《…》, 【法律】《…》).
_CITING = frozenset({"basis", "accountability_basis"})
# Free-text columns of a few words, which never open with a citation.
_NAMES = frozenset({"name", "subitem"})
_MAX_ANCHOR_TOKENS = 3
#: Leading columns a header may lack while its records carry them (序号 and a code before the
#: name): the header cell each gets, and how its cell is recognised (an empty one costs nothing).
_IMPLICIT: tuple[tuple[str, _Anchor], ...] = (
    ("序号", _Anchor(_is_opening_serial, 10.0, 0.0)),
    ("编码", _Anchor(is_code, 5.0, 0.0)),
    ("", _Anchor(_is_number, 1.0, 0.0)),
)


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


def _tokens(
    text: str, start: int, end: int, *, opening: bool = False, dotted: bool = False
) -> Iterator[_Token]:
    """The tokens of ``text[start:end]``, cut where cells were run together without a space;
    ``opening`` when the stretch opens a record (its serial may be run into the name), and
    ``dotted`` when that serial is written with a dot (1.), which is left out. Made as they
    are asked for (:func:`_lead` asks for the first few)."""
    mark = serial_mark(text[start:end]) if dotted else None
    if mark is not None:
        first, digits, after = (start + at for at in mark)
        yield _Token(first, digits, text[first:digits])
        start = after
        opening = False
    for match in _TOKEN.finditer(text, start, end):
        word = match.group()
        if (lines := written_breaks(word)) != word and not opening:
            # lines of one cell written with a break as text (县林业局<br>县自然资源局): one
            # token, its shape that of its lines listed (县林业局、县自然资源局), never two cells
            yield _Token(match.start(), match.end(), lines.replace("\n", "、"))
            continue
        cuts = [0, *find_glued_cells(word), len(word)]
        if (code := _GLUED_CODE.match(word)) is not None:
            cuts = sorted({*cuts, code.end()})  # 330217001000职业技能…: an item code run in
        if opening:
            bracketed = _GLUED_POSTED_SERIAL.match(word)
            serial = glued_serial(word) or (bracketed.end() if bracketed else 0)
            if serial:
                cuts = sorted({*cuts, serial})
            opening = False
        for a, b in itertools.pairwise(cuts):
            yield _Token(match.start() + a, match.start() + b, word[a:b])


@dataclass(frozen=True, slots=True)
class _Opening:
    """How a token would open a cell: with a citation, the way the template opens a field's
    cell, with a numbered line after the first (which goes on with a cell instead), or as a
    placeholder (无, /) that fills a cell alone."""

    citation: bool
    field: str | None
    goes_on: bool
    placeholder: bool

    @classmethod
    def of(cls, text: str) -> _Opening:
        number = numbering(text)
        return cls(
            starts_citation(text),
            cell_opening(text),
            number is not None and number > 1,
            is_placeholder(text) or is_reference(text),
        )

    def score(self, key: str | None) -> float:
        """What opening a free-text cell of column ``key`` so is worth."""
        score = 0.0
        if self.citation:
            score += 2.0 if key in _CITING else -2.0 if key in _NAMES else 0.0
        if self.field is not None and self.field == key:
            score += 2.0
        if self.goes_on and key != "subitem":  # sub-items are numbered: 1.… 2.…
            score -= 2.5
        if self.placeholder:
            score += 1.0
        return score


# An enumeration inside a cell goes on after these (《…》第三条；《…》第五条).
_GOES_ON_AFTER = ("；", ";", "、", "，", ",")


def _end_bonus(text: str, tokens: Sequence[_Token], k: int) -> float:
    """What ending a cell at ``tokens[k]`` is worth: a little at the end of a sentence; less than
    nothing at a line broken right after ``；`` or ``、`` with no gap (a hard wrap inside an
    enumeration of citations: the line below goes on with it, it opens no cell)."""
    word = tokens[k].text
    if (
        word.endswith(_GOES_ON_AFTER)
        and k + 1 < len(tokens)
        and text[tokens[k].end : tokens[k + 1].start] == "\n"
    ):
        return -0.5
    return 0.5 if _SENTENCE_END.search(word) else 0.0


def _assign(
    tokens: Sequence[_Token], columns: Sequence[_Column], text: str, *, paragraphs: bool = False
) -> list[range]:
    """The best split of ``tokens`` into one contiguous (possibly empty) run per column.

    Dynamic programming over (token, column): an anchored column takes 0-3 tokens whose text has
    its shape (or, for a column of short cells, one short phrase); a free-text column takes any
    run, scored on how its first token opens a cell of its kind (a citation under 设定依据,
    1.受理阶段责任 under 责任事项; a numbered line after the first continues a cell) and, a
    little, on ending a sentence; a name takes few tokens. Ties go to the earliest boundary and
    to filling the earlier column. When the tokens are paragraphs (one cell per paragraph), a
    free-text cell that goes on into a further paragraph pays ``_PARAGRAPH_ON`` for it, unless
    that paragraph reads as going on (a numbered line after the first, a further citation):
    else an unknown column next to the name would swallow the name's paragraph whenever that
    left a later column empty, which costs less than filling it.
    """
    n, width = len(tokens), len(columns)
    best = [[_NEG] * (width + 1) for _ in range(n + 1)]
    choice = [[0] * (width + 1) for _ in range(n + 1)]
    best[n][width] = 0.0
    ends = [_end_bonus(text, tokens, k) for k in range(len(tokens))]
    openings = [_Opening.of(t.text) for t in tokens]
    # on[j]: what the further paragraphs of a cell cost, summed over tokens[:j]
    on = list(itertools.accumulate(
        (_PARAGRAPH_ON if paragraphs and not (o.goes_on or o.citation) else 0.0 for o in openings),
        initial=0.0,
    ))  # fmt: skip
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
        # suffix[j]: best over j' >= j of (end bonus at j') - on[j'] + best[j'][c+1], earliest
        # j' on ties; a cell of tokens[i:j'] pays on[j'] - on[i + 1] for going on.
        suffix_score, suffix_at = _NEG, n
        for i in range(n, -1, -1):
            if i < n:
                j = i + 1
                candidate = ends[j - 1] - on[j] + best[j][c + 1]
                if candidate >= suffix_score:
                    suffix_score, suffix_at = candidate, j
            top, take = empty + best[i][c + 1], 0
            if i < n and suffix_score > _NEG:
                score = -1.0 + opening[i] + on[i + 1] + suffix_score
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


def _at_gaps(
    text: str,
    line: Span,
    tokens: Sequence[_Token],
    columns: Sequence[_Column],
    spans: Sequence[range],
) -> list[range] | None:
    """The cells of a record of one line whose pieces apart at gaps (two spaces or more, a tab)
    are as many as the columns, each anchored column's piece of its shape, when the vocabulary
    opened a cell inside a piece, or left a column empty that the pieces fill, every cell it
    read opening at its piece; else None. A cell most rows leave empty (备注 last, 委托乡镇实施
    in one row) has nothing to anchor it, and a cell of two citations apart at one space looks
    like two: the record's gaps tell where each begins, where the tokens alone ran a cell into
    another or cut it in two."""
    pieces = [m.span() for m in _PIECE.finditer(text, line.start, line.end)]
    return _at_pieces(text, pieces, tokens, columns, spans)


def _at_lines(
    text: str,
    record: Sequence[Span],
    tokens: Sequence[_Token],
    columns: Sequence[_Column],
    spans: Sequence[range],
) -> list[range] | None:
    """The cells of a record of several lines, one cell a line (a Word table saved as text:
    a line per cell, the rows apart at blank lines), read as :func:`_at_gaps` reads a line's
    pieces: when the lines are as many as the columns and the vocabulary ran a cell over a line
    into a column it left empty (备注 last, filled in one row); else None."""
    if all(spans):
        return None  # the vocabulary left no column empty: its reading stands
    lines = [(s.start, s.end) for s in record if text[s.start : s.end].strip()]
    if any(_GAP.search(text, a, b) for a, b in lines):
        return None  # a line of several cells
    pieces = [
        (a + len(line) - len(line.lstrip()), a + len(line.rstrip()))
        for a, b in lines
        for line in [text[a:b]]
    ]
    return _at_pieces(text, pieces, tokens, columns, spans)


def _at_pieces(
    text: str,
    pieces: Sequence[tuple[int, int]],
    tokens: Sequence[_Token],
    columns: Sequence[_Column],
    spans: Sequence[range],
) -> list[range] | None:
    """The cells of a record at its ``pieces`` (see :func:`_at_gaps`), or None."""
    if len(pieces) != len(columns):
        return None
    out: list[range] = []
    k = 0
    for (start, end), column in zip(pieces, columns, strict=True):
        first = k
        while k < len(tokens) and tokens[k].end <= end:
            k += 1
        if first == k or tokens[first].start != start:
            return None  # a token across a gap, or a piece of no token: not one cell each
        if column.anchor is not None and not column.anchor.test(text[start:end]):
            return None
        out.append(range(first, k))
    if k != len(tokens):
        return None
    opens = {piece.start for piece in out}
    if any(span and span.start not in opens for span in spans):
        # a cell the vocabulary opened inside a piece, at a space narrower than the gaps
        # (《…》第六十九条 《…》第七十条 under 设定依据, the cells apart at two spaces)
        return out
    # else each cell the vocabulary read must open where its piece does: the pieces only part
    # a cell that ran on over a gap into a column it left empty
    if all(spans) or any(
        span and span.start != piece.start for span, piece in zip(spans, out, strict=True)
    ):
        return None
    return out


def _cell(
    text: str, tokens: Sequence[_Token], span: range, furniture: Sequence[Span] = ()
) -> tuple[str, str]:
    """A cell's value and its text as written; lines of ``furniture`` (page chrome inside the
    record: 第 1 页 共 2 页 between a title and its article) are in the text, not the value."""
    if not span:
        return "", ""
    start = tokens[span.start].start
    raw = text[start : tokens[span.stop - 1].end]
    lines = []
    for line in raw.splitlines(keepends=True):
        if line.strip() and not any(f.start <= start < f.end for f in furniture):
            lines.append(line.strip())
        start += len(line)
    return join_hyphenated("\n".join(lines)), raw


def _is_subitem_row(line: str, width: int) -> bool:
    """True when ``line`` is a sub-item's row without a serial: its cells, apart at gaps of two
    spaces, hold a power type of their own (行政处罚), number the header's columns but for the
    serial and the name (``width`` columns in all), and it opens with no serial.

    >>> _is_subitem_row("    对滥伐林木的处罚  行政处罚  县林业局  《森林法》第七十七条", 6)
    True
    >>> _is_subitem_row("2  对滥伐林木的处罚  行政处罚  县林业局  《森林法》第七十七条", 6)
    False
    >>> _is_subitem_row("    第七十七条  行政处罚", 6)
    False
    """
    cells = _GAP.split(line.strip())
    return (
        len(cells) == width - 2
        and not is_serial(cells[0])
        and any(is_power_type(c) for c in cells[1:])
    )


def _subitem_row(
    text: str, record: Sequence[Span], columns: Sequence[_Column], paragraphs: bool = False
) -> SourceRow:
    """A sub-item's row: its cells (apart at gaps, or one a paragraph) in the header's columns
    after the serial and the name, those two left empty (the row joins its main item,
    ``drafts``)."""
    lines = [text[span.start : span.end].strip() for span in record]
    if paragraphs:
        groups = itertools.groupby(lines, key=bool)
        cells = ["\n".join(group) for filled, group in groups if filled]
    else:
        cells = _GAP.split(" ".join(lines))
    own = [k for k, c in enumerate(columns) if c.key not in ("row", "name") and not c.implicit]
    out = [""] * len(columns)
    for k, cell in zip(own, cells, strict=False):
        out[k] = cell
    return SourceRow(record[0].number, tuple(out), tuple(out))


def _sub_paragraphs(keys: Sequence[str | None]) -> int:
    """How many paragraphs after a sub-item's 子项 its power type stands, in a table flattened
    one cell per paragraph with a 子项 column before its type column (0: none such)."""
    if "name" not in keys or "subitem" not in keys or "type" not in keys:
        return 0
    return max(0, keys.index("type") - keys.index("subitem"))


def _type_ahead(lines: Sequence[str], n: int, ahead: int) -> bool:
    """True when the paragraph ``ahead`` paragraphs after the one opening at ``n`` is a power
    type alone."""
    k, seen = n, 0
    while k + 1 < len(lines) and seen < ahead:
        k += 1
        if lines[k].strip() and not lines[k - 1].strip():
            seen += 1
    return seen == ahead and is_power_type(lines[k])


def _fixed_cells(text: str, record: Sequence[Span], starts: Sequence[int]) -> list[tuple[str, str]]:
    """The cells of a record printed in fixed-width columns: each line cut at the columns'
    starts, each column's pieces joined (``fixedwidth.join``), its lines as written its raw."""
    pieces = [cut(text[span.start : span.end], starts) for span in record]
    return [
        (join(column), "\n".join(p for p in column if p)) for column in zip(*pieces, strict=True)
    ]


def _is_paragraphs(lines: Sequence[str]) -> bool:
    """True when the body holds one cell per paragraph: blank lines between most of its lines,
    and cells of a recognisable shape (a serial, a power type) alone in theirs (records
    separated by blank lines have them inside a line of cells)."""
    filled = [n for n, line in enumerate(lines) if line.strip()]
    paragraphs = sum(1 for k, n in enumerate(filled) if not k or n - filled[k - 1] > 1)
    alone = any(is_serial(lines[n]) or is_power_type(lines[n]) for n in filled)
    return alone and paragraphs >= 3 and paragraphs >= 0.4 * len(filled)


def _record_tokens(
    text: str, spans: Sequence[Span], paragraphs: bool, dotted: bool
) -> Iterator[_Token]:
    """The tokens of one record: its paragraphs (one cell per paragraph), or its words; a serial
    written with a dot (``dotted``) without its dot. Made as they are asked for."""
    if paragraphs:
        first = True
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
                if dotted and first and (mark := serial_mark(text[start:end])) is not None:
                    start, end = start + mark[0], start + mark[1]
                first = False
                code = _GLUED_CODE.match(text, start, end)
                if code is not None:  # 330217001000职业技能…: an item code run into its name
                    yield _Token(start, code.end(), code.group())
                    start = code.end()
                yield _Token(start, end, text[start:end])
        return
    for n, span in enumerate(spans):
        yield from _tokens(text, span.start, span.end, opening=n == 0, dotted=dotted and n == 0)


def _lead(tokens: Iterable[_Token]) -> list[str]:
    """The numbers a record opens with (up to three): what :func:`_implicit` reads of it; the
    first may be an enclosed number (:func:`_is_opening_serial`)."""
    found: list[str] = []
    for token in itertools.islice(tokens, 3):
        first = not found and _is_opening_serial(token.text)
        if not first and not (token.text.isascii() and _is_number(token.text)):
            break
        found.append(token.text)
    return found


def _implicit(keys: Sequence[str | None], leads: Iterable[Sequence[str]]) -> list[str]:
    """The leading columns the header lacks and its records carry (``leads``: the numbers each
    record opens with, gone through once): a serial before the first cell (a header without
    序号), a code after it, and a further number (in that order)."""
    serial = code = False
    longest = 0  # the most numbers a record opens with after its serial
    for lead in leads:
        opens = bool(lead) and _is_opening_serial(lead[0])
        after = lead[1:] if opens else lead
        serial |= opens
        code |= any(is_code(t) for t in after)
        longest = max(longest, len(after))
    added: list[str] = []
    if "row" not in keys and serial:
        added.append("序号")
    # after the serial (the header's own or the one added), what the header has no column for
    if "code" not in keys and code:
        added.append("编码")
    extra = len(added) - (1 if "序号" in added else 0)
    if added and longest > extra:
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


@dataclass(frozen=True, slots=True)
class BodyReading:
    """A list's body split into records, its rows not yet made: the header's cells (with the
    leading columns it lacked), rejects and page chrome, and :meth:`rows`, which makes the rows
    (records and group rows, in order) one at a time, each time it is called. What splitting a
    record needs of the whole body (where records open, the columns the header lacks) is known;
    the rows are not held (``read_body`` holds them, a list read in batches does not)."""

    cells: tuple[str, ...]
    rejects: tuple[Reject, ...]
    chrome: tuple[tuple[int, str], ...]
    footer: bool
    text: str
    spans: Spans
    # each part of the body in order: a record (its first and past-the-last span) or a group
    # row (its one span), and the page chrome skipped inside records
    kinds: bytes
    firsts: array[int]
    stops: array[int]
    skipped: frozenset[int]
    paragraphs: bool
    dotted: bool
    columns: tuple[_Column, ...]
    last: bool
    #: where the columns start, when the body is printed in fixed-width columns (``fixedwidth``)
    fixed: tuple[int, ...] = ()
    #: the page as written, when ``text`` is its simplified form: the cells are cut from it
    written: str | None = None
    #: the first spans of the records that are sub-items' rows (``_is_subitem_row``)
    subrows: frozenset[int] = frozenset()

    def records(self) -> Iterator[list[Span]]:
        """The spans of each record, in order."""
        for kind, first, stop in zip(self.kinds, self.firsts, self.stops, strict=True):
            if kind == _RECORD:
                yield [self.spans[n] for n in range(first, stop) if n not in self.skipped]

    def rows(self) -> Iterator[SourceRow]:
        """The rows of the body, made one at a time: a record split into the columns, with its
        notes; a group row (一、行政许可（3项）)."""
        text, cells, columns = self.text, self.cells, self.columns
        total = self.kinds.count(_RECORD)
        filled = [0] * len(columns)  # how many records before fill each column
        count = 0
        records = self.records()
        for kind, first, stop in zip(self.kinds, self.firsts, self.stops, strict=True):
            if kind != _RECORD:
                span = self.spans[first]
                heading = text[span.start : span.end].strip()
                yield SourceRow(span.number, (heading,), (heading,))
                continue
            record = next(records)
            if first in self.subrows:
                # no serial or name of its own: its first cell is its 子项
                yield _subitem_row(self.written or text, record, columns, self.paragraphs)
                continue
            if self.fixed:
                values = _fixed_cells(self.written or text, record, self.fixed)
            else:
                tokens = list(_record_tokens(text, record, self.paragraphs, self.dotted))
                spans = _assign(tokens, columns, text, paragraphs=self.paragraphs)
                if not self.paragraphs and len(record) == 1:
                    spans = _at_gaps(text, record[0], tokens, columns, spans) or spans
                elif not self.paragraphs:
                    spans = _at_lines(text, record, tokens, columns, spans) or spans
                guessed = [] if self.paragraphs else _guessed_split(text, tokens, spans, columns)
                chrome = [self.spans[n] for n in range(first, stop) if n in self.skipped]
                values = [
                    _cell(self.written or text, tokens, span, chrome)
                    if column.key not in _VOCABULARY or self.written is None
                    # a power type in the vocabulary's script, as written in ``raw``
                    else (
                        _cell(text, tokens, span, chrome)[0],
                        _cell(self.written, tokens, span, chrome)[1],
                    )
                    for span, column in zip(spans, columns, strict=True)
                ]
                del tokens
                if (
                    not self.paragraphs
                ):  # a cell's line wrapped under its cell (职业技能鉴定 / 机构…)
                    values = move_wrapped([text[s.start : s.end] for s in record], values)
            # line breaks written as text (<br>, \n) are the cell's line breaks
            values = [(written_breaks(cell), raw) for cell, raw in values]
            notes: list[Anomaly] = sub_item_lines(values, [c.key for c in columns], cells)
            notes += part_department(values, [c.key for c in columns], cells)
            notes += [
                Anomaly(
                    "guessed-split",
                    f"{cells[c]} and {cells[c + 1]} are lines of citations, each on its own "
                    f"line (an empty cell's line gone): where {cells[c]} ends is a guess "
                    f"(read: {values[c][0][-20:]!r} | {values[c + 1][0][:20]!r})",
                    cells[c + 1],
                    values[c + 1][0],
                )
                for c in (() if self.fixed else guessed)
            ]
            count += 1
            cut = count == total and self.last and not self.footer
            if cut:
                notes += _cut_off(values, filled, count - 1, cells)
            notes += _unanchored(values, columns, cells, cut=cut)
            implicit = [
                cells[c] or f"列{c + 1}"
                for c, column in enumerate(columns)
                if column.implicit and values[c][0]
            ]
            if implicit:
                notes.append(
                    Anomaly(
                        "implicit-column",
                        f"the header has no {', '.join(implicit)} column; read from the numbers "
                        "that open the record",
                    )
                )
            for c, (value, _) in enumerate(values):
                filled[c] += bool(value)
            yield SourceRow(
                record[0].number,
                tuple(c for c, _ in values),
                tuple(r for _, r in values),
                tuple(notes),
            )


_RECORD, _GROUP = 1, 0


# An Arabic ordinal opening a heading above a header (1.县发展和改革局 over its list's header).
_ARABIC_ORDINAL = re.compile(r"\s*\d{1,2}[.、．]\s*(?=\D)")


def without_ordinal(line: str, *, arabic: bool = False) -> str:
    """``line`` without the Chinese ordinal that opens it (or, ``arabic``, the Arabic one: a
    line above a header, where no record stands), if one does.

    >>> without_ordinal("一、县林业局权责清单"), without_ordinal("县第一中学")
    ('县林业局权责清单', '县第一中学')
    >>> without_ordinal("2.县林业局"), without_ordinal("2.县林业局", arabic=True)
    ('2.县林业局', '县林业局')
    """
    opening = ORDINAL.match(line) or (_ARABIC_ORDINAL.match(line) if arabic else None)
    return line[opening.end() :] if opening else line


def _department_heading(line: str) -> bool:
    """True when ``line`` is an ordinal and an office's name (二、县住房和城乡建设局): the heading
    of the next department's items, never a cell (an office's name in a cell has no ordinal).

    >>> _department_heading("二、县住房和城乡建设局"), _department_heading("县住房和城乡建设局")
    (True, False)
    """
    return ORDINAL.match(line) is not None and section_department(line) is not None


def _numbered_group(lines: Sequence[str], n: int) -> bool:
    """True when line ``n`` is a serial and a power type alone (1  行政许可) over a record whose
    serial is that serial's first part (1.1, 1-1): a group row numbered as its items' parent,
    never an item named after a type.

    >>> _numbered_group(["1  行政许可", "1.1  林木采伐许可证核发  《森林法》第五十六条"], 0)
    True
    >>> _numbered_group(["1  行政许可", "2  林木采伐许可证核发  《森林法》第五十六条"], 0)
    False
    """
    words = lines[n].split()
    if len(words) != 2 or not words[0].isdigit() or not is_power_type(words[1]):
        return False
    below = next((line for line in lines[n + 1 : n + 4] if line.strip()), "")
    return re.match(rf"\s*{words[0]}[.．\-－]\d", below) is not None


# An item code run into the name after it (330217001000职业技能鉴定…): nine digits or more, as
# no serial, date or article number has, or letters and digits with a dash (XK-330217-001), before
# a CJK character.
_GLUED_CODE = re.compile(
    r"(?:\d{9,}[A-Za-z]?|[A-Za-z]{1,12}[-_－—.]?\d[A-Za-z0-9_\-－—.]{5,56}\d)(?=[\u4e00-\u9fff])"
)
# A gap between cells of a row written on one line.
_GAP = re.compile(r"\s{2,}|\t")
# A citation run straight on after another's article or title, nothing between them.
_GLUED_CITATION = re.compile(r"(?<=[条款项》〉])[《〈]")
# A piece of such a row: text between gaps.
_PIECE = re.compile(r"\S+(?:[ \u3000]\S+)*")
#: Fields whose values are words of a vocabulary: in a page read in its simplified form they are
#: given in it (行政許可 → 行政许可), their text as written kept in ``raw``.
_VOCABULARY = frozenset({"type"})


def split_body(
    text: str,
    spans: Sequence[Span],
    header: Sequence[str],
    path: str,
    *,
    last: bool,
    running: frozenset[str] = frozenset(),
    fixed: tuple[int, ...] = (),
    written: str | None = None,
    furniture: frozenset[int] = frozenset(),
) -> BodyReading:
    """The records below a header, found (each to be split into the header's columns by
    :meth:`BodyReading.rows`); group rows (一、行政许可（3项）) as rows of their own; page chrome
    set aside, with rules drawn between rows and the ``running`` headers (the list's title and
    date line, ``furniture.running_headers``) a print repeats atop each page; text before the
    first record rejected. ``last`` when the body ends the file (its last record may be cut
    off); the lines numbered in ``furniture`` are page numbers (``furniture.page_numbers``).

    Holds the body's spans (24 bytes a line) and a few ints a record, and makes every record's
    first few tokens once for the numbers it opens with, so that one record's are held at a
    time, not every record's (some 1 KB an item)."""
    keys = map_headers(header)
    spans = as_spans(spans)
    lines: Sequence[str] = SpanLines(text, spans)
    paragraphs = _is_paragraphs(lines)
    if not paragraphs:
        spans = _split_runs(text, spans)
        lines = SpanLines(text, spans)
    # page numbers (a print's 1 before its form feed) open no record: blank where serials are
    # looked for; nor does page chrome after a blank line (a post's buttons under the list,
    # 回复 引用 举报: as a line after a blank one, it parted the records of a list without
    # serials, and the rows above it ran into one record)
    hidden = {
        n
        for n in range(1, len(lines))
        if not lines[n - 1].strip() and _is_chrome_line(lines[n].strip())
    }
    scanned = (
        [
            ("" if span.number in furniture or n in hidden else line)
            for n, (span, line) in enumerate(zip(spans, lines, strict=True))
        ]
        if furniture or hidden
        else lines
    )
    starts = array("q", record_starts(scanned, keys, paragraphs))  # in order
    del scanned
    dotted = bool(starts) and all(dotted_serial(lines[i]) for i in starts)
    ahead = 0  # the first of ``starts`` not behind the line read
    chrome: list[tuple[int, str]] = []
    rejects: list[Reject] = []
    kinds = bytearray()
    firsts, stops = array("q"), array("q")
    skipped: set[int] = set()  # page chrome inside a record
    # under a header with a 子项 column, a line of cells without a serial inside a record: a
    # sub-item's row (its main item's serial and name not repeated), a record of its own
    subitems = "subitem" in keys and "name" in keys and not paragraphs
    # one cell per paragraph: a sub-item's row is the paragraphs from its 子项 on, the power
    # type ``typed`` paragraphs after it (the main item's serial and name merged over its rows)
    typed = _sub_paragraphs(keys) if paragraphs else 0
    since = -1  # paragraphs since the record's last power type (-1: none yet)
    subrows: set[int] = set()
    current = False  # a record is open
    footer = False
    # A note or a count under the last record (注：…, 说明：…, 合计 共12项), or the end of the
    # article the list was posted in (END, 往期推荐 over links to other posts), ends it: it and
    # what follows are text outside the items, never more of the last record's last cell.
    last_start = starts[-1] if starts else len(spans)
    noted = False
    # and so does a notice's signature under it (某县林业局 / 2023年6月1日)
    signed = signature_start([lines[k] for k in range(last_start, len(lines))])
    signed = len(spans) if signed is None else last_start + signed

    def close(n: int) -> None:
        if current:
            stops[-1] = n

    for n, line in enumerate(lines):
        line = line.strip()
        if not line:
            continue  # more of the record open, if one is
        footer = False
        ends = n > last_start and (is_table_note(line) or is_article_end(line))
        if noted or n >= signed or ends:
            chrome.append((spans[n].number, line))
            footer = noted = True
            close(n)
            current = False
            continue
        if (
            _is_chrome_line(line)
            or is_running_header(line, running)
            or spans[n].number in furniture
        ):
            chrome.append((spans[n].number, line))
            footer = True
            if current:
                skipped.add(n)
            continue
        if is_section_heading(line) or _department_heading(line) or _numbered_group(lines, n):
            close(n)
            kinds.append(_GROUP)
            firsts.append(n)
            stops.append(n + 1)
            current = False
            continue
        while ahead < len(starts) and starts[ahead] < n:
            ahead += 1
        sub = current and subitems and _is_subitem_row(lines[n], len(keys))
        record = ahead < len(starts) and starts[ahead] == n
        opens = not lines[n - 1].strip() if n else True  # a paragraph opens here
        if typed and opens and current and not record and since > 0:
            sub = _type_ahead(lines, n, typed)
        if record or sub:
            close(n)
            kinds.append(_RECORD)
            firsts.append(n)
            stops.append(len(spans))
            current = True
            since = -1
            if sub:
                subrows.add(n)
        elif not current:
            rejects.append(Reject(path, spans[n].number, line, "text before the first record"))
        if typed and opens and current:
            since = 0 if is_power_type(line) else since + (since >= 0)
    del starts
    body = BodyReading(
        (),
        tuple(rejects),
        tuple(chrome),
        footer,
        text,
        spans,
        bytes(kinds),
        firsts,
        stops,
        frozenset(skipped),
        paragraphs,
        dotted,
        (),
        last,
    )
    leads = (
        _lead(_record_tokens(text, _check_size(text, record, path), paragraphs, dotted))
        for record in body.records()
    )
    implicit = _implicit(keys, leads)
    columns = tuple(_columns(keys, implicit))
    cells = _with_implicit(header, keys, implicit)
    # printed in fixed-width columns (``fixed``: where the header's columns start), its cells
    # are read by position, when the header gives every column
    fixed = fixed if len(fixed) == len(columns) and not paragraphs else ()
    return replace(
        body,
        cells=cells,
        columns=columns,
        fixed=fixed,
        written=written,
        subrows=frozenset(subrows),
    )


def read_body(
    text: str, spans: Sequence[Span], header: Sequence[str], path: str, *, last: bool
) -> Body:
    """The records below a header, each split into the header's columns (:func:`split_body`,
    its rows made).

    >>> page = "4281 县医保局 医疗救助 行政确认 区县级"
    >>> body = read_body(page, [Span(2, 0, len(page))], ("序号", "实施部门", "事项名称",
    ...                  "事项类型", "行使层级"), "a.txt", last=True)
    >>> body.rows[0].cells
    ('4281', '县医保局', '医疗救助', '行政确认', '区县级')
    """
    body = split_body(text, spans, header, path, last=last)
    return Body(body.cells, tuple(body.rows()), body.rejects, body.chrome, body.footer)


def _split_runs(text: str, spans: Spans) -> Spans:
    """The spans with a line cut where a further record opens inside it (a transcript running
    several records on one line), before the serial that follows on from the one before."""
    out = Spans()
    previous: int | None = None
    for span in spans:
        line = text[span.start : span.end]
        offsets, after = inline_serials(line, previous)
        if offsets and is_page_chrome(line):
            offsets = []  # 第 2 页 共 3 页: a page number, not a record opening at 3
        else:
            previous = after
        cuts = [span.start, *(span.start + o for o in offsets), span.end]
        for a, b in itertools.pairwise(cuts):
            out.append(span.number, a, b)
    return out


def _guessed_split(
    text: str, tokens: Sequence[_Token], spans: Sequence[range], columns: Sequence[_Column]
) -> list[int]:
    """The columns c whose cell and the next are both of citations, with a line of citation
    that either could hold: a line of its own opening a citation, at the end of c's cell after
    its first line or after the first line of the next (a table flattened one cell per line,
    a cell of several lines: 《劳动法》第六十九条 / 《行政许可法》第十二条 / 《处分条例》第二十条
    under 设定依据 and 追责依据 is split at a guess)."""
    guessed = []
    for c in range(len(columns) - 1):
        if columns[c].key not in _CITING or columns[c + 1].key not in _CITING:
            continue
        mine, next_ = spans[c], spans[c + 1]
        if not mine and not next_:
            continue
        # the lines the boundary could move over: with one cell empty, every line of the other
        # (an empty cell's line vanished: which of the two it was is not written)
        movable = [*mine[1:][-1:], *next_[1:][:1]] if mine and next_ else [*(mine or next_)][:1]
        # a line numbered after the first (2.《…》) goes on with the enumeration above it: no
        # cell opens with it
        movable = [k for k in movable if (numbering(tokens[k].text) or 0) <= 1]
        if any(_own_line(text, tokens[k]) and starts_citation(tokens[k].text) for k in movable):
            guessed.append(c)
        elif mine and next_ and _same_gaps(text, tokens, movable, next_.start):
            # cells apart at one space, a cell of two citations apart at one space too
            # (《森林法》第五十六条 《实施条例》第三十二条 《处分条例》第二十条)
            guessed.append(c)
        elif not (mine and next_) and any(
            _GLUED_CITATION.search(tokens[k].text) for k in (mine or next_)
        ):
            # cells run together with nothing between them: a further citation run straight
            # on after the first (《森林法》第五十六条《处分条例》第二十条) may be the next cell's
            guessed.append(c)
    return guessed


def _same_gaps(text: str, tokens: Sequence[_Token], movable: Sequence[int], boundary: int) -> bool:
    """True when a token of ``movable`` opens a citation after the same gap, on the same line,
    as the one between the two cells (``boundary``: the next cell's first token)."""
    gap = text[tokens[boundary - 1].end : tokens[boundary].start]
    return "\n" not in gap and any(
        starts_citation(tokens[k].text) and text[tokens[k - 1].end : tokens[k].start] == gap
        for k in movable
    )


def _own_line(text: str, token: _Token) -> bool:
    """True when ``token`` is a line of its own."""
    before = text.rfind("\n", 0, token.start) + 1
    after = text.find("\n", token.end)
    after = len(text) if after < 0 else after
    return not text[before : token.start].strip() and not text[token.end : after].strip()


def _unanchored(
    values: Sequence[tuple[str, str]],
    columns: Sequence[_Column],
    cells: Sequence[str],
    *,
    cut: bool,
) -> list[Anomaly]:
    """Notes on cells read by their place alone: a short cell outside its column's vocabulary,
    and no serial or power type found for a header that has their column (unless the file
    ends inside the record): the record may be misread."""
    notes = []
    for (text, _), column, name in zip(values, columns, cells, strict=True):
        if column.key in _SHORT and text and column.anchor and not column.anchor.test(text):
            message = f"{name} holds a phrase outside its vocabulary, read by its place in the row"
            notes.append(Anomaly("unanchored-cell", message, name, text))
        elif column.key in _REQUIRED and not text and not column.implicit and not cut:
            message = f"no {name} found in the record; its cells may be misread"
            notes.append(Anomaly("missing-cell", message, name))
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
    filled: Sequence[int],
    others: int,
    header: Sequence[str],
) -> list[Anomaly]:
    """A note when the file's last record ends early: the columns after its last filled cell are
    ones the other records usually fill (``filled``: how many of the ``others`` fill each
    column; with no other record, any column at all)."""
    done = [c for c, (text, _) in enumerate(cells) if text]
    trailing = range((done[-1] + 1) if done else 0, len(cells))
    usual = [c for c in trailing if not others or filled[c] * 2 >= others]
    if not usual:
        return []
    missing = ", ".join(header[c] or f"列{c + 1}" for c in usual)
    return [Anomaly("cut-off", f"the file ends inside this record: {missing} missing")]
