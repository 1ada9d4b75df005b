"""Finds the header rows of the lists in page text and splits them into cells, in the shapes a
flattening step leaves them: words separated by spaces; run together (序号职权类型事项名称…);
wrapped inside a cell (项目\\n名称); one word per line or paragraph; two-level (执法依据 over
法律 / 行政法规 / …); or opening a line that goes on with the first record."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from extractors.reading.formats.text.lines import PageLines
from extractors.reading.headers import is_header, load_headers, map_header, normalise_header
from extractors.reading.vocab import (
    is_item_name_like,
    is_page_chrome,
    load_vocab,
    sub_header_family,
)


@dataclass(frozen=True, slots=True)
class PageHeader:
    """A header found in page text: its cells as written (a wrapped word joined up, a lower-row
    word of a two-level header after its upper one: 执法依据/法律), and where it stands
    (``start``/``end``: offsets of its first character and just after its last; ``line``:
    1-based line of ``start``)."""

    start: int
    end: int
    line: int
    cells: tuple[str, ...]


# Kinds of boundary before a piece of text (a run without white space).
_GLUED, _SPACE, _LINE, _PARAGRAPH = 0, 1, 2, 3
# Scores of the segmentation: a known word earns its length less one, an unknown stretch loses
# half a point per character and a little more per stretch; running a word over a boundary (a
# wrapped cell) costs a little. Cutting inside a long piece (a header run together, 序号权责事项
# 子项设定依据…) is cheap; inside a short one it is dear, so that a whole unknown word (部门职责)
# is not split to find a known one in it (职责).
_CUT_LONG, _CUT_SHORT, _LONG_PIECE = -0.25, -3.0, 8
_CROSS = {_SPACE: -0.5, _LINE: -0.2, _PARAGRAPH: -0.3}
_UNKNOWN_CHAR, _UNKNOWN = -0.5, -0.75
_MAX_UNKNOWN = 40
# An unknown word may stand between known ones inside a header (实施对象, 部门职责): a whole
# word of at most this many characters, or a stretch of a run-together header followed by a
# further known word in the same run.
_MAX_GAP_WORD, _MAX_GAP_GLUED = 8, 4
_GAP_TEXT = re.compile(r"[\u4e00-\u9fff]+")
# Lines that cannot be part of a header: digits or sentence punctuation.
_NOT_HEADER = re.compile(r"[0-9０-９。，,；;：:！？!?“”\"《》〈〉]")
_JOINERS = frozenset("和及与、/／")
# Header words inside a longer line stand at most this far apart (an unknown word between them);
# the header may go on this far after the last (an unknown last word).
_WINDOW_GAP, _WINDOW_TAIL = 12, 16
# A stretch of header-like lines longer than this is a body of short cells rather than a header.
_MAX_STRETCH = 600
# Pieces of header text, and what separates them: white space, and the rules of a pipe table
# copied as text ("序号 | 权力类型 | 权力名称 |").
_PIECE = re.compile(r"[^\s|｜│]+|[\s|｜│]+")
_RULE = re.compile(r"[\s|｜│]+")
_SUB = "/"  # marks a sub-header word's family in the dictionary: "/basis"


@cache
def _dictionary() -> tuple[dict[str, str], int]:
    """Every known header word, normalised, with its key ("/basis" for a lower-row word of a
    two-level header); and the longest word's length."""
    words: dict[str, str] = {}
    for key, spec in load_headers()["fields"].items():
        for synonym in spec["synonyms"]:
            if not synonym.isascii():
                words[normalise_header(synonym)] = key
    for family, members in load_vocab()["sub_headers"]["families"].items():
        for word in members:
            words.setdefault(normalise_header(word), _SUB + family)
    return words, max(map(len, words))


@cache
def _word_pattern() -> re.Pattern[str]:
    """Any known header word, for a quick look at a line before segmenting it."""
    words = sorted(_dictionary()[0], key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


@dataclass(frozen=True, slots=True)
class _Segment:
    start: int  # index into the segmented characters
    end: int
    key: str | None
    aligned: bool  # starts and ends on piece boundaries
    ends_piece: bool


def _pieces(text: str, start: int, end: int) -> tuple[str, list[int], list[int], list[float]]:
    """The characters of ``text[start:end]`` without white space, the offset of each, the
    boundary kind before each (``_GLUED`` inside a piece), and the cost of cutting before it."""
    chars: list[str] = []
    offsets: list[int] = []
    kinds: list[int] = []
    cuts: list[float] = []
    kind = _PARAGRAPH
    for match in _PIECE.finditer(text, start, end):
        piece = match.group()
        if _RULE.fullmatch(piece):
            breaks = piece.count("\n")
            kind = max(kind, _PARAGRAPH if breaks > 1 else _LINE if breaks else _SPACE)
            continue
        cut = _CUT_LONG if len(piece) > _LONG_PIECE else _CUT_SHORT
        for n, char in enumerate(piece):
            chars.append(char)
            offsets.append(match.start() + n)
            kinds.append(kind if n == 0 else _GLUED)
            cuts.append(0.0 if n == 0 else cut)
        kind = _GLUED
    return "".join(chars), offsets, kinds, cuts


def _segment(chars: str, kinds: Sequence[int], cuts: Sequence[float]) -> list[_Segment]:
    """The best split of ``chars`` into known header words and unknown stretches."""
    words, longest = _dictionary()
    size = len(chars)
    norm = [normalise_header(c) for c in chars]
    best = [float("-inf")] * (size + 1)
    back: list[_Segment | None] = [None] * (size + 1)
    best[0] = 0.0
    for i in range(size):
        if best[i] == float("-inf"):
            continue
        base = best[i] + cuts[i]
        cross, crossed_hard = 0.0, False
        for j in range(i + 1, min(size, i + max(longest, _MAX_UNKNOWN)) + 1):
            if j - 1 > i and kinds[j - 1]:
                cross += _CROSS[kinds[j - 1]]
                crossed_hard |= kinds[j - 1] != _LINE
            ends_piece = j == size or kinds[j] != _GLUED
            aligned = bool(kinds[i]) and ends_piece
            word = "".join(norm[i:j])
            key = words.get(word) if j - i <= longest else None
            if key is None and aligned and not cross and j - i <= longest:
                # A qualified header (对应责任事项, 实施层级及权限) only as one whole piece.
                key = map_header(chars[i:j])
            if key is not None:
                score = (j - i) - 1 + cross
            elif crossed_hard or (not aligned and j - i > _MAX_GAP_WORD * 2):
                continue
            else:
                score = _UNKNOWN_CHAR * (j - i) + _UNKNOWN + cross
            if base + score > best[j]:
                best[j] = base + score
                back[j] = _Segment(i, j, key, aligned, ends_piece)
    segments: list[_Segment] = []
    at = size
    while at > 0:
        segment = back[at]
        assert segment is not None
        segments.append(segment)
        at = segment.start
    return segments[::-1]


def _gap_ok(segment: _Segment, chars: str, following: _Segment | None) -> bool:
    """True when an unknown stretch may stand inside a header between known words."""
    text = chars[segment.start : segment.end]
    if _GAP_TEXT.fullmatch(text) is None or is_item_name_like(text):
        return False
    if segment.aligned:
        return len(text) <= _MAX_GAP_WORD
    return len(text) <= _MAX_GAP_GLUED and not segment.ends_piece and following is not None


def _runs(segments: Sequence[_Segment], chars: str) -> Iterator[list[_Segment]]:
    """Runs of known header words, with the unknown words allowed between them."""
    run: list[_Segment] = []
    for n, segment in enumerate(segments):
        following = segments[n + 1] if n + 1 < len(segments) else None
        if segment.key is not None or (run and _gap_ok(segment, chars, following)):
            run.append(segment)
        else:
            if run:
                yield run
            run = []
    if run:
        yield run


def _join_words(cells: list[str], keys: list[str | None]) -> None:
    """Joins ``A 和 B`` into one cell when A and B name the same field (实施主体和责任主体) or the
    whole maps to a field (追责情形及依据)."""
    n = 1
    while n + 1 < len(cells):
        if keys[n] is None and cells[n] in _JOINERS and keys[n - 1] and keys[n + 1]:
            whole = cells[n - 1] + cells[n] + cells[n + 1]
            key = map_header(whole) or (keys[n - 1] if keys[n - 1] == keys[n + 1] else None)
            if key is not None:
                cells[n - 1 : n + 2] = [whole]
                keys[n - 1 : n + 2] = [key]
                continue
        n += 1


def _two_level(cells: list[str], keys: list[str | None], lower: int = 0) -> None:
    """Folds the lower row of a two-level header into the column it divides: ``执法依据 … 备注
    法律 行政法规`` becomes ``… 执法依据/法律 执法依据/行政法规 … 备注``; ``lower``: how
    many of the last cells are alone on the header's last line, when it has several."""
    families = [sub_header_family(c) for c in cells]
    if lower and not any(families):
        # a line of basis columns' words alone under the header's line that has one (权力依据
        # over 设定依据 / 实施依据): the lower row of a two-level header, that one its group's
        upper = [keys[i] for i in range(len(cells) - lower)]
        if upper.count("basis") == 1 and all(k == "basis" for k in keys[-lower:]):
            families[-lower:] = ["basis"] * lower
    groups: list[tuple[int, int]] = []
    n = 0
    while n < len(cells):
        if families[n] is not None:
            stop = n
            while stop < len(cells) and families[stop] == families[n]:
                stop += 1
            groups.append((n, stop))
            n = stop
        else:
            n += 1
    for first, stop in reversed(groups):
        family = families[first] or ""
        words = cells[first:stop]
        main = family != "name" or any("主" in w for w in words)
        if stop - first < 2 or not main:
            continue
        before = first - 1
        if before < 0 or map_header(cells[before]) != family:
            before = next((i for i in range(first) if map_header(cells[i]) == family), -1)
        if before < 0:
            continue
        parent = cells[before]
        subs = [f"{parent}/{w}" for w in words]
        del cells[first:stop], keys[first:stop]
        cells[before : before + 1] = subs
        keys[before : before + 1] = [map_header(s) for s in subs]
        return


def _last_line_cells(text: str, offsets: Sequence[int], run: Sequence[_Segment]) -> int:
    """How many of the header's words stand on its last line, when that is not its first (a
    lower row printed under the upper one), else 0."""
    lines = [text.count("\n", 0, offsets[s.start]) for s in run]
    if lines[0] == lines[-1]:
        return 0
    return sum(1 for line in lines if line == lines[-1])


def _header_of(
    text: str, chars: str, offsets: Sequence[int], kinds: Sequence[int], run: Sequence[_Segment]
) -> PageHeader | None:
    # Unknown words end the header only as whole words on the line of the last known one
    # ("… 承办机构 | 追责对象范围 |"); on a line of their own they are more likely the first cells.
    last = max(n for n, s in enumerate(run) if s.key is not None)
    tail = run[last + 1 :]
    if not all(s.aligned and kinds[s.start] == _SPACE for s in tail):
        run = run[: last + 1]
    cells = [chars[s.start : s.end] for s in run]
    keys: list[str | None] = [s.key for s in run]
    _join_words(cells, keys)
    _two_level(cells, keys, _last_line_cells(text, offsets, run) if len(cells) == len(run) else 0)
    if not is_header(cells):
        return None
    start, end = offsets[run[0].start], offsets[run[-1].end - 1] + 1
    return PageHeader(start, end, text.count("\n", 0, start) + 1, tuple(cells))


def _headers_in(text: str, start: int, end: int) -> list[PageHeader]:
    chars, offsets, kinds, cuts = _pieces(text, start, end)
    if not chars:
        return []
    segments = _segment(chars, kinds, cuts)
    found = []
    for run in _runs(segments, chars):
        header = _header_of(text, chars, offsets, kinds, run)
        if header is not None:
            found.append(header)
    return found


def _is_headerish(line: str) -> bool:
    """True for a line that may be (part of) a header: no digits, no sentence punctuation."""
    stripped = line.strip()
    return bool(stripped) and not _NOT_HEADER.search(stripped) and not is_page_chrome(stripped)


def _windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of ``text[start:end]`` dense with header words (naming three fields, one the
    name) where a header may stand inside a line of other text; only these are segmented, so a
    long line (a whole transcript on one line) costs no more than its header."""
    words, _ = _dictionary()
    windows: list[tuple[int, int]] = []
    cluster: list[re.Match[str]] = []
    for match in [*_word_pattern().finditer(text, start, end), None]:
        if match is not None and (not cluster or match.start() - cluster[-1].end() <= _WINDOW_GAP):
            cluster.append(match)
            continue
        keys = {words[normalise_header(m.group())] for m in cluster}
        if len(keys) >= 3 and keys & {"name", "subitem"}:
            windows.append((cluster[0].start(), min(end, cluster[-1].end() + _WINDOW_TAIL)))
        cluster = [match] if match is not None else []
    return windows


def _may_hold_header(line: str) -> bool:
    """True when ``line`` names at least three fields, one of them the name: worth segmenting."""
    keys = {_dictionary()[0][normalise_header(m.group())] for m in _word_pattern().finditer(line)}
    return len(keys) >= 3 and bool(keys & {"name", "subitem"})


def find_headers(text: str, lines: PageLines | None = None) -> list[PageHeader]:
    """Every header in ``text``, in order.

    A header is a stretch of lines without digits or sentence punctuation (blank lines allowed
    inside) whose words segment into known header words; or, inside any other line, such a run of
    words followed by the first record. ``lines``: the lines of ``text``, when the caller has
    them.

    >>> [h.cells for h in find_headers("权责清单\\n序号权力类型事项名称实施依据\\n1 行政许可 …")]
    [('序号', '权力类型', '事项名称', '实施依据')]
    >>> page = "序号\\n\\n项目\\n名称\\n\\n执法依据\\n\\n备注\\n\\n法律\\n\\n行政\\n法规\\n\\n1"
    >>> find_headers(page)[0].cells
    ('序号', '项目名称', '执法依据/法律', '执法依据/行政法规', '备注')
    """
    lines = PageLines(text) if lines is None else lines  # text.split("\n"), not held again
    starts = lines.starts
    found: list[PageHeader] = []
    n = 0
    while n < len(lines):
        if not _is_headerish(lines[n]):
            for a, b in _windows(text, starts[n], starts[n] + len(lines[n])):
                found += _headers_in(text, a, b)
            n += 1
            continue
        stop = last = n
        blanks = 0
        while stop + 1 < len(lines) and blanks <= 2:
            stop += 1
            if not lines[stop].strip():
                blanks += 1
            elif _is_headerish(lines[stop]):
                blanks, last = 0, stop
            else:
                break
        end = starts[last] + len(lines[last])
        if end - starts[n] > _MAX_STRETCH:  # a body of short lines: only where headers may be
            for a, b in _windows(text, starts[n], end):
                found += _headers_in(text, a, b)
        # words wrapped over lines are looked for whole
        elif _may_hold_header("".join(text[starts[n] : end].split())):
            found += _headers_in(text, starts[n], end)
        n = last + 1
    return found
