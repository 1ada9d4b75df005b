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
