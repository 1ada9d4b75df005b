"""Line numbers printed before each line of page text: text copied from a code viewer, or from a
PDF that numbers its lines (a draft for comment, a court's print), leads every line with its
number, 1 2 3 … (a blank line numbered too, or left bare), starting again at 1 on each page of a
PDF. Left in, a number reads as the line's first cell (a record's serial, the serial then run
into the name), or hides the labels of label：value records. A page is so numbered when every
line that holds anything opens with a number that goes on from the line before (one more, or
as many more as the lines since, or 1 again at a new page), followed by a space, a tab, a rule
``|`` or a colon: the numbers are set aside and each item says so (``line-numbers``).

A page of one-line records numbered 1, 2, 3 and nothing else (no title, no header) would meet
that too; it has no header, so it is no list for these readers either way."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from extractors.models import Anomaly
from extractors.reading.formats.grid import Grid, SourceRow

#: A line's number and what parts it from the text: spaces or a tab, a rule, a colon, or the
#: end of the line (a blank line numbered).
_NUMBER = re.compile(r"[ \t\u3000]*(\d{1,6})(?:[ \t\u3000]*[|│¦:：][ \t\u3000]?|[ \t\u3000]+|$)")
#: At least this many numbered lines, and at most one restart (a page's first line) per so
#: many lines.
_MIN_LINES, _LINES_PER_RESTART = 5, 8
NOTE = Anomaly(
    "line-numbers",
    "every line of the page opens with its number (a code viewer's or a PDF's line numbers): "
    "the numbers set aside",
)


def is_numbered(lines: Iterable[str]) -> bool:
    """True when every line of ``lines`` that holds anything opens with its line number (the
    lines gone through once, up to the first that does not).

    >>> is_numbered(["1 某县权责清单", "2", "3 序号 事项名称", "4 1 林木采伐许可", "5 2 取水许可"])
    True
    >>> is_numbered(["某县权责清单", "1 林木采伐许可", "2 取水许可", "3 采矿许可", "4 捕捞许可"])
    False
    """
    previous, since, count, restarts = None, 0, 0, 0
    for line in lines:
        since += 1
        if not line.strip():
            continue
        match = _NUMBER.match(line)
        if match is None:
            return False
        number = int(match.group(1))
        if previous is not None and number not in (previous + 1, previous + since):
            if number != 1:
                return False
            restarts += 1
        previous, since, count = number, 0, count + 1
    return count >= _MIN_LINES and restarts * _LINES_PER_RESTART <= count


def unnumbered(text: str) -> str | None:
    """``text`` with each line's number set aside when its lines are numbered
    (:func:`is_numbered`), the lines kept in place; else None.

    >>> unnumbered("1 甲\\n2\\n3 | 乙\\n4\\t丙\\n5 1 丁")
    '甲\\n\\n乙\\n丙\\n1 丁'
    """
    lines = text.splitlines()
    if not is_numbered(lines):
        return None
    return "\n".join(map(bare, lines))


def bare(line: str) -> str:
    """``line`` of a numbered page without its number."""
    return _NUMBER.sub("", line, count=1) if line.strip() else line


def noted(row: SourceRow) -> SourceRow:
    """``row`` (a record's row) saying that the page's line numbers were set aside."""
    return replace(row, notes=(*row.notes, NOTE)) if len(row.cells) >= 2 else row


def noted_grid(grid: Grid) -> Grid:
    """``grid`` with each row below its header noted (:func:`noted`)."""
    header = grid.header if grid.header is not None else -1
    rows = tuple(row if k <= header else noted(row) for k, row in enumerate(grid.rows))
    return replace(grid, rows=rows)
