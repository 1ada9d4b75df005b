"""Moves the cells of a ragged row back under their columns: a sub-item row whose leading cells
(serial, main code, main name) an export dropped because they sat under cells merged down from
the row above, its other cells written from the first column on."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from extractors.models import Anomaly
from extractors.reading.vocab import (
    is_code,
    is_level,
    is_org_name,
    is_power_type,
    is_time_limit,
)

_SERIAL = re.compile(r"\d{1,6}[.．、]?")


def _is_serial(text: str) -> bool:
    return _SERIAL.fullmatch(text) is not None


#: Columns whose cells have a shape of their own (a serial, a code, a power type, a level, an
#: organisation, a time limit), by which a cell shows which field it belongs to.
FIELD_SHAPES: dict[str, Callable[[str], bool]] = {
    "row": _is_serial,
    "code": is_code,
    "type": is_power_type,
    "level": is_level,
    "department": is_org_name,
    "guiding_department": is_org_name,
    "time_limit": is_time_limit,
}
#: How much better than where it stands a row must fit elsewhere to be moved.
_MARGIN = 2


def _fit(
    cells: Sequence[str], keys: Sequence[str | None], previous: Sequence[str], shift: int
) -> int:
    """How well ``cells`` fit their columns moved ``shift`` to the right: +1 for each cell that
    has its column's shape, -1 for each that has not, +1 for each that repeats the cell above
    (a sub-item shares its main item's type, level and department)."""
    score = 0
    for i, text in enumerate(cells):
        if not text:
            continue
        column = i + shift
        test = FIELD_SHAPES.get(keys[column] or "")
        if test is not None:
            score += 1 if test(text) else -1
        if column < len(previous) and previous[column] == text:
            score += 1
    return score


def realign_ragged(
    cells: Sequence[str],
    raw: Sequence[str],
    keys: Sequence[str | None],
    names: Sequence[str],
    previous: Sequence[str],
) -> tuple[list[str], list[str], Anomaly] | None:
    """``(cells, raw, note)`` moved right under the columns they fit, or None when the row
    fits where it stands. ``keys`` and ``names`` are the header's, ``previous`` the row above.

    >>> keys = ["row", "code", "name", "code", "subitem", "type", "level"]
    >>> names = ["序号", "主项编码", "事项名称", "子项编码", "子项名称", "事项类型", "层级"]
    >>> above = ["1", "00011Y", "文艺演出审批", "000110001", "营业性演出审批", "行政许可", "市级"]
    >>> row = ["000110002", "涉外演出审批", "行政许可", "市级", "", "", ""]
    >>> cells, _, note = realign_ragged(row, row, keys, names, above)
    >>> cells, note.code
    (['', '', '', '000110002', '涉外演出审批', '行政许可', '市级'], 'ragged-row')
    """
    width = len(keys)
    if len(cells) > width or not cells or not cells[0]:
        return None
    first = FIELD_SHAPES.get(keys[0] or "")
    if first is not None and first(cells[0]):
        return None  # the row has its first cell: the usual case, decided at once
    filled = [i for i, c in enumerate(cells) if c]
    room = width - (filled[-1] + 1)
    if len(filled) < 2 or room <= 0:
        return None
    stay = _fit(cells, keys, previous, 0)
    best, shift = stay + _MARGIN - 1, 0
    for move in range(1, room + 1):
        score = _fit(cells, keys, previous, move)
        if score > best:
            best, shift = score, move
    if shift == 0:
        return None
    pad = [""] * shift
    moved = (pad + list(cells))[:width]
    moved_raw = (pad + list(raw))[:width]
    missing = ", ".join(n or f"列{i + 1}" for i, n in enumerate(names[:shift]))
    note = Anomaly(
        "ragged-row",
        f"row lacks its first {shift} cells ({missing}), as under cells merged from the row "
        f"above; its cells are moved {shift} columns right",
    )
    return moved, moved_raw, note


# Where a cell cannot end or begin, so that a pipe there split one cell's text in two: a cell
# ends inside brackets it opened (《中华人民共和国教育法 | 》第二十八条), with a mark that joins
# on (、，：《（) or inside an article's number (第十二 | 条), or the next begins with what only
# follows text (第二十八条 after a title, 、，。；）》).
_OPEN_END = re.compile(r"(?:[、，,；;：:（(《〈「『]|第[一二三四五六七八九十百千零〇两\d]*)$")
_CLOSED_START = re.compile(
    r"^(?:第[一二三四五六七八九十百千零〇两\d]+[条款项章节]|[、，,。；;：:）)》〉」』])"
)


def split_inside(left: str, right: str) -> bool:
    """True when a pipe between ``left`` and ``right`` falls inside one cell's text.

    >>> split_inside("《中华人民共和国教育法》", "第二十八条"), split_inside("1", "幼儿园设立")
    (True, False)
    """
    unclosed = left.count("《") > left.count("》") or left.count("（") > left.count("）")
    return bool(unclosed or _OPEN_END.search(left) or _CLOSED_START.match(right))


def rejoin_split(
    cells: Sequence[str], raw: Sequence[str], keys: Sequence[str | None], names: Sequence[str]
) -> tuple[list[str], list[str], Anomaly] | None:
    """``(cells, raw, note)`` with two neighbouring cells joined back into one, for a row of one
    cell more than its header's ``keys`` (``names`` as written) whose extra cell is not empty:
    a pipe inside a cell's text that the converter did not escape (《教育法》|第二十八条,
    幼儿园设立|审批). The two
    cells joined are those after whose joining the cells fit their columns' shapes best (a type
    under 事项类型, a department under 实施主体) and better than as they stand; else, of those,
    the one pair where a cell's text is cut (``split_inside``); None when no one pair is
    found: the extra cell stays one, beyond the header.

    >>> keys = ["row", "name", "type", "department", "basis"]
    >>> row = ["1", "幼儿园设立", "审批", "行政许可", "县教育体育局", "《教育法》第二十八条"]
    >>> rejoin_split(row, row, keys, keys)[0]
    ['1', '幼儿园设立|审批', '行政许可', '县教育体育局', '《教育法》第二十八条']
    >>> row = ["1", "幼儿园设立审批", "行政许可", "县教育体育局", "《教育法》", "第二十八条"]
    >>> rejoin_split(row, row, keys, keys)[0][4]
    '《教育法》|第二十八条'
    >>> row = ["1", "甲", "行政许可", "县教育局", "《甲法》", "《乙法》"]
    >>> rejoin_split(row, row, keys, keys) is None
    True
    """
    if len(cells) != len(keys) + 1 or not cells[-1]:
        return None
    scored = []
    for at in range(len(cells) - 1):
        # (the shape of the text the pipe cut: 县教育|体育局 is a department's name)
        joined = [*cells[:at], cells[at] + cells[at + 1], *cells[at + 2 :]]
        scored.append((_fit(joined, keys, (), 0), at))
    best = max(score for score, _ in scored)
    tied = [at for score, at in scored if score == best]
    if best <= _fit(cells[: len(keys)], keys, (), 0) or len(tied) > 1:
        # no better fit than the extra cell beyond the header (a column the header lacks):
        # only a cut in the text tells where the pipe was
        tied = [at for at in tied if split_inside(cells[at], cells[at + 1])]
    if len(tied) != 1:
        return None
    at = tied[0]
    note = Anomaly(
        "stray-pipe",
        f"row has one cell more than the header: a pipe inside the text under {names[at]} "
        "split it in two; read as one cell",
        names[at],
        f"{raw[at]}|{raw[at + 1]}",
    )
    return (
        [*cells[:at], f"{cells[at]}|{cells[at + 1]}", *cells[at + 2 :]],
        [*raw[:at], f"{raw[at]}|{raw[at + 1]}", *raw[at + 2 :]],
        note,
    )
