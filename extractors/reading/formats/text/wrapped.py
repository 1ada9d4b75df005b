"""A cell's line wrapped onto a line of its own under a spaced row: the piece stands under the
cell it belongs to (``1  职业技能鉴定  行政许可  …  《…》第二十条`` / ``   机构设立审批``), where
read as words it ran into the row's last cell. Only the structure decides: the piece is the
only one on its line and starts where a cell of the row's first line starts (its display
position, a CJK character two columns wide, or its character position), that cell is not the
last, and the piece does not open a citation or a numbered line under a cell that holds none."""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.reading.formats.text.boundaries import numbering
from extractors.reading.formats.text.fixedwidth import piece_starts
from extractors.reading.vocab import starts_citation

# A gap between cells of a spaced row.
_GAP = re.compile(r"[ \t\u3000]{2,}")


def _cell_starts(line: str) -> list[tuple[int, int, str]]:
    """The cells of a spaced line: their display and character positions, and their text."""
    shown = piece_starts(line)
    found = []
    start = len(line) - len(line.lstrip(" "))
    for k, cell in enumerate(_GAP.split(line.strip(" "))):
        if k < len(shown):
            found.append((shown[k], start, cell.strip()))
        start += len(cell)
        gap = _GAP.match(line, start)
        start = gap.end() if gap else start
    return found


def move_wrapped(lines: Sequence[str], values: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``values`` (a record's cells: value and text as written), each line of the record after
    its first that holds one piece standing under a cell of its first line (not the last) moved
    from the cell it ran into to the end of that cell's value.

    >>> lines = ["1  职业技能鉴定  行政许可  《劳动法》第六十九条", "   机构设立审批"]
    >>> cells = ["1", "职业技能鉴定", "行政许可", "《劳动法》第六十九条\\n机构设立审批"]
    >>> [v for v, _ in move_wrapped(lines, [(c, c) for c in cells])]
    ['1', '职业技能鉴定\\n机构设立审批', '行政许可', '《劳动法》第六十九条']
    """
    if len(lines) < 2 or not lines[0].strip():
        return values
    cells = _cell_starts(lines[0].rstrip())
    out = list(values)
    for line in lines[1:]:
        piece = line.strip()
        indent = line[: len(line) - len(line.lstrip(" \u3000"))]
        if not piece or not indent or _GAP.search(piece):
            continue
        shown = piece_starts(line.rstrip())
        under = [
            text
            for k, (at, char, text) in enumerate(cells[:-1])
            if k and (shown[:1] == [at] or len(indent) == char)
        ]
        if len(under) != 1:
            continue
        if (starts_citation(piece) or numbering(piece) is not None) and not starts_citation(
            under[0]
        ):
            continue  # a citation or a numbered line goes on with a cell of such lines
        target = [c for c, (v, _) in enumerate(out) if v.split("\n", 1)[0] == under[0]]
        holder = [c for c, (v, _) in enumerate(out) if piece in v.split("\n")[1:]]
        if len(target) != 1 or len(holder) != 1 or target == holder:
            continue
        (to,), (at,) = target, holder
        kept = out[at][0].split("\n")
        kept.reverse()
        kept.remove(piece)  # the last line that holds it
        kept.reverse()
        out[at] = ("\n".join(kept), out[at][1])
        out[to] = (f"{out[to][0]}\n{piece}", out[to][1])
    return out
