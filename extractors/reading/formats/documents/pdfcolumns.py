"""The columns of a page that a table without ruling goes on to, when the page lays them out
anew: printed narrower or shifted (another page size, a landscape page among portrait ones, a
table centred on a page of another width), with no header printed again to say where they
stand. Taken at the columns of the header on an earlier page, its serials fell into no serial
column, and the page's rows were lost.

The page's words stand in blocks, x ranges that no word crosses between them; a table's
columns are such blocks. When the page's blocks number the table's columns, and the words do
not stand one block to a column under the header's columns, the blocks are the columns, in
order, each named as the header named the column in its place."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from extractors.reading.formats.documents.pdfwords import placing

Word = dict[str, Any]
Column = tuple[float, float, str]


#: A word's box may reach this far (points) into the next cell's first glyph without crossing
#: into it: a full-width bracket's advance (〔2011〕) ending 0.06 points right of where the
#: next column's cells begin.
TOUCHING = 0.5


def blocks(lines: Sequence[Sequence[Word]], touching: float = 0.0) -> list[tuple[float, float]]:
    """The x ranges the words of ``lines`` cover, apart where no word crosses between them
    (by more than ``touching`` points).

    >>> blocks([[{"x0": 0, "x1": 10}, {"x0": 30, "x1": 40}], [{"x0": 5, "x1": 20}]])
    [(0, 20), (30, 40)]
    >>> blocks([[{"x0": 0, "x1": 30.06}], [{"x0": 30, "x1": 40}]], TOUCHING)
    [(0, 30.06), (30, 40)]
    """
    out: list[tuple[float, float]] = []
    for word in sorted((w for line in lines for w in line), key=lambda w: w["x0"]):
        if out and word["x0"] <= out[-1][1] - touching:
            out[-1] = (out[-1][0], max(out[-1][1], word["x1"]))
        else:
            out.append((word["x0"], word["x1"]))
    return out


def refitted(
    lines: Sequence[Sequence[Word]],
    columns: Sequence[Column],
    column_of: Callable[[Word], int],
) -> list[Column] | None:
    """The columns of ``lines`` (a page the table goes on to, without its header) when they
    stand elsewhere than ``columns``: as many blocks as columns, and a block whose words fall
    into two columns, or two blocks into one; else None (the columns fit, or the page's blocks
    say nothing: a column empty on every row of the page, a cell running over a gap)."""
    found = blocks(lines)
    if len(found) != len(columns) or len(columns) < 3:
        return None
    placed: list[set[int]] = [set() for _ in found]
    for word in (w for line in lines for w in line):
        index = next(k for k, (x0, x1) in enumerate(found) if x0 <= word["x0"] <= x1)
        placed[index].add(column_of(word))
    if all(len(p) == 1 for p in placed) and len({min(p) for p in placed}) == len(placed):
        return None
    return [(x0, x1, text) for (x0, x1), (_, _, text) in zip(found, columns, strict=True)]


def under_header(lines: Sequence[Sequence[Word]], columns: Sequence[Column]) -> list[Column]:
    """The columns of a table's rows ``lines`` under the header whose words give ``columns``,
    parted where the rows' words leave a gap (``blocks``) when the header's bounds part a
    block of them: cells set flush left under header words centred in wide columns, as a
    browser prints a table without borders (a basis's start fell into the type column, its
    words parted between two cells). Between two header words the bound is the rightmost gap
    that opens right of the left word's start and closes before the right word's end (the
    right column's cells begin there, flush left or centred); where no gap is, the header's
    bound stays. Else ``columns`` as they are.

    >>> head = [(10, 20, "序号"), (60, 80, "事项名称"), (300, 340, "设定依据")]
    >>> row = [{"x0": 8, "x1": 14}, {"x0": 30, "x1": 120}, {"x0": 130, "x1": 500}]
    >>> more = [{"x0": 130, "x1": 200}]  # a basis's last line: by the header's bounds a name's
    >>> [(a, b) for a, b, _ in under_header([row, more], head)]
    [(10, 14), (30, 120), (130, 340)]
    """
    column_of, _ = placing(list(columns))
    found = blocks(lines, TOUCHING)
    placed: list[set[int]] = [set() for _ in found]
    for word in (w for line in lines for w in line):
        index = next(
            k for k, (x0, x1) in reversed(list(enumerate(found))) if x0 <= word["x0"] <= x1
        )
        placed[index].add(column_of(word))
    if all(len(p) < 2 for p in placed):
        return widened(found, placed, columns)
    bounds = [[x0, x1] for x0, x1, _ in columns]
    for i in range(len(columns) - 1):
        gaps = [
            (a[1], b[0])
            for a, b in itertools.pairwise(found)
            if columns[i][0] < a[1] and b[0] < columns[i + 1][1]
        ]
        if gaps:
            bounds[i][1], bounds[i + 1][0] = gaps[-1]
    return [(x0, x1, text) for (x0, x1), (_, _, text) in zip(bounds, columns, strict=True)]


def widened(
    found: Sequence[tuple[float, float]], placed: Sequence[set[int]], columns: Sequence[Column]
) -> list[Column]:
    """``columns`` widened to the blocks of their rows' words (``found``, the columns each
    block's words stand in ``placed``) when the blocks stand one to a column: cells set flush
    left under header words centred in their columns, as a browser prints a table without
    borders whose column widths it chose (a name's lines beginning left of 事项名称, a type
    wrapped a character a line under 事项类型). Kept at the header's bounds, a row's line
    below the last serial beginning left of its header word was taken for a note under the
    table (the row split by a page break lost its lines). Each bound stays clear of the
    neighbouring blocks.

    >>> head = [(10, 20, "序号"), (60, 80, "事项名称"), (126, 136, "事项类型")]
    >>> found = [(8, 14), (30, 114), (121, 131)]
    >>> [(a, b) for a, b, _ in widened(found, [{0}, {1}, {2}], head)]
    [(8, 20), (30, 114), (121, 136)]
    """
    owners = [min(p) for p in placed if len(p) == 1]
    if len(owners) != len(placed) or sorted(owners) != list(range(len(columns))):
        return list(columns)
    out: list[Column] = []
    for k, ((b0, b1), (x0, x1, text)) in enumerate(zip(found, columns, strict=True)):
        low = found[k - 1][1] if k else float("-inf")
        high = found[k + 1][0] if k + 1 < len(found) else float("inf")
        out.append((max(min(b0, x0), low), min(max(b1, x1), high), text))
    return out


#: A gap between two characters of one word this wide or wider parts two runs of text that
#: pdfplumber's word tolerance (3 points) joined; a word's own characters abut.
_RUNS_APART = 1.0


def parted(lines: Sequence[Sequence[Word]], columns: Sequence[Column]) -> list[list[Word]]:
    """``lines`` with each word that runs across a bound of ``columns`` parted where its
    characters stand apart: the end of one cell and the start of the next, closer than the
    word tolerance (a browser's table without borders, a name's last line ending 2 points
    before the type beside it: （第14项）确认 read as one word, the type's half in the name).

    >>> c = lambda t, x: {"text": t, "x0": x, "x1": x + 9, "top": 0, "bottom": 9}
    >>> word = {"text": "项）确认", "x0": 0, "x1": 38, "top": 0, "bottom": 9,
    ...         "chars": [c("项", 0), c("）", 9), c("确", 20), c("认", 29)]}
    >>> below = c("强制", 20)  # the next row's type, flush left where 确 stands
    >>> columns = [(0, 10, "事项名称"), (22, 40, "事项类型")]
    >>> [w["text"] for w in parted([[word], [below]], columns)[0]]
    ['项）', '确认']
    >>> [w["text"] for w in parted([[word]], columns)[0]]  # no cell begins there: one word
    ['项）确认']
    """
    bounds = [(a[1] + b[0]) / 2 for a, b in itertools.pairwise(columns)]
    gaps = [(a[1], b[0] + 0.5) for a, b in itertools.pairwise(columns)]  # between header words
    # where other words begin: a cell's start, flush left in its column (a gap inside a cell's
    # text, CJK beside a Latin digit, 第 1 类, opens at no such place)
    begins = Counter(round(w["x0"] * 2) for line in lines for w in line)
    out: list[list[Word]] = []
    for line in lines:
        kept: list[Word] = []
        for word in line:
            chars = word.get("chars") or []
            crossing = any(word["x0"] < b < word["x1"] for b in bounds)
            if not crossing or "".join(c["text"] for c in chars) != word["text"]:
                kept.append(word)
                continue
            runs: list[list[Word]] = [[chars[0]]]
            for before, char in itertools.pairwise(chars):
                gap, begun = char["x0"] - before["x1"], begins[round(char["x0"] * 2)]
                # abutting (narrow columns' text filling each to the next one's first glyph,
                # 食品药营企业, a full-width 》 reaching 0.18 points over it), or drawn over it
                # (a cell's unbreakable run overflowing its column, 剂（药品）营质量…): where
                # three words or more begin, between two header words
                if (gap >= _RUNS_APART and begun) or (
                    begun >= 3 and any(a < char["x0"] <= b for a, b in gaps)
                ):
                    runs.append([])
                runs[-1].append(char)
            # a run overflowing into the next ends where the next begins (its last glyph drawn
            # under the next cell's first): the columns' gap stays open between them
            ends = [min(a[-1]["x1"], b[0]["x0"]) for a, b in itertools.pairwise(runs)]
            kept += [
                {
                    **word,
                    "text": "".join(c["text"] for c in run),
                    "x0": run[0]["x0"],
                    "x1": end,
                    "chars": run,
                }
                for run, end in zip(runs, [*ends, runs[-1][-1]["x1"]], strict=True)
            ]
        out.append(kept)
    return out


#: Header words this near (points) to where they stood stand in the same place.
_SAME_PLACE = 2.0


def as_before(
    found: Sequence[Column],
    header: Sequence[Column],
    last_header: Sequence[Column] | None,
    last: Sequence[Column] | None,
) -> list[Column]:
    """``found`` (:func:`under_header` of a page's rows under ``header``), each bound its rows
    left where the header put it taken where the table's columns were on the page before
    (``last``, under ``last_header``), when the header is printed again in the same place: a
    page of a row or two (the table's last page) has too few lines to show the gaps between
    its columns (a basis of one short line fell under 事项类型, the type's cell beside it).

    >>> head = [(10, 20, "序号"), (60, 80, "事项类型"), (300, 340, "设定依据")]
    >>> last = [(10, 20, "序号"), (60, 80, "事项类型"), (150, 340, "设定依据")]
    >>> [a for a, _, _ in as_before(head, head, head, last)]
    [10, 60, 150]
    >>> [a for a, _, _ in as_before(head, head, None, last)]  # no header before: as found
    [10, 60, 300]
    """
    if last is None or last_header is None or len(last) != len(found):
        return list(found)
    if len(last_header) != len(header) or any(
        a[2] != b[2] or abs(a[0] - b[0]) > _SAME_PLACE or abs(a[1] - b[1]) > _SAME_PLACE
        for a, b in zip(header, last_header, strict=True)
    ):
        return list(found)
    out = []
    for now, head, before in zip(found, header, last, strict=True):
        x0 = before[0] if now[0] == head[0] else now[0]
        x1 = before[1] if now[1] == head[1] else now[1]
        out.append((x0, x1, now[2]))
    return out
