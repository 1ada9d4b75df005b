"""A table printed in fixed-width columns, each cell wrapped inside its own column: the lines of
a record after its first hold the next pieces of several cells, each standing under its column
(``1  职业技能鉴定  行政许可  县人力社`` / ``   机构设立审批            保局``). Read as words,
the pieces ran into the record's last cell (``县人力社`` lost ``保局``, a law's title cut in
two); the wrap cuts inside a word, even inside a header word (事项 / 类型).

The header gives where each column starts (its display position: a CJK character is two columns
wide, as a terminal or a print shows it). A body is read by those positions when every piece of
text after a gap of two spaces, or at a line's start, starts at one of them (a transcript
whose cells are merely separated by spaces has them anywhere), and some line holds the wrapped
pieces of two cells or more. Each line is then cut at the header's positions and each piece
joined to its column's text, without a space between two CJK characters (the wrap cut a word)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from extractors.reading.formats.furniture import is_page_footer

# A piece of text: at the line's start, or after a gap of two spaces or more, or of an
# ideographic space (two columns wide: a copy that pads its columns with U+3000).
_PIECE = re.compile(r"(?:^|(?<=  )|(?<=\u3000))(?=\S)")
_WIDE = frozenset("WF")
#: Share of pieces that must stand at a column's start.
_ALIGNED = 0.95


def _width(text: str) -> int:
    """The display width of ``text`` (two for a wide character)."""
    return sum(2 if unicodedata.east_asian_width(c) in _WIDE else 1 for c in text)


def piece_starts(line: str) -> list[int]:
    """The display positions where the pieces of ``line`` start (at its start, or after a gap
    of two spaces or more).

    >>> piece_starts("1  职业  行政许可"), piece_starts("   机构")
    ([0, 3, 9], [3])
    >>> piece_starts("1\u3000\u3000职业\u3000行政许可")
    [0, 5, 11]
    """
    return [_width(line[: m.start()]) for m in _PIECE.finditer(line.rstrip())]


def column_starts(header: Sequence[str]) -> tuple[int, ...]:
    """Where the columns of a header written over the lines ``header`` start: the display
    positions its pieces start at (three or more; else ()).

    >>> column_starts(["序号  事项名称    事项  实施主体", "                  类型"])
    (0, 6, 18, 24)
    >>> column_starts(["序号 事项名称 事项类型"])
    ()
    """
    starts = sorted({p for line in header for p in piece_starts(line)})
    return tuple(starts) if len(starts) > 2 else ()


def is_fixed_width(lines: Iterable[str], starts: Sequence[int]) -> bool:
    """True when the body ``lines`` stand in the columns that start at ``starts``: nearly all
    their pieces start at a column, and some line after a record's first holds pieces of two
    columns or more, neither of them the first (a cell wrapped in its column beside another),
    or a piece of another column than the first alone (a department's name wrapped in its
    column, 县市场监督 / 管理局, the cells beside it of one line: read as words, the piece was
    a line of the department's cell, or, the department in the last column, ``管理局`` was the
    department and ``县市场监督`` more of the basis before it).

    >>> starts = (0, 6, 20)
    >>> is_fixed_width(["1     职业技能鉴定  县人力社", "      机构设立审批  保局"], starts)
    True
    >>> is_fixed_width(["1  职业技能鉴定  县人力社保局", "2  机构设立审批  县林业局"], starts)
    False
    >>> is_fixed_width(["1     职业技能鉴定  县市场监督  《劳动法》", "                    管理局"],
    ...                (0, 6, 20, 32))
    True
    """
    if not starts:
        return False
    known = set(starts)
    pieces = aligned = 0
    wrapped = False
    for line in lines:
        if is_page_footer(line):
            continue  # 2023年6月1日          第1页: a print's footer, not in the columns
        found = piece_starts(line)
        pieces += len(found)
        aligned += sum(1 for p in found if p in known)
        wrapped = wrapped or bool(found and starts[0] not in found)
    return wrapped and pieces > 0 and aligned >= _ALIGNED * pieces


def cut(line: str, starts: Sequence[int]) -> list[str]:
    """``line`` cut at the display positions ``starts``: one piece a column, stripped.

    >>> cut("1     职业技能鉴定  县人力社", (0, 6, 20))
    ['1', '职业技能鉴定', '县人力社']
    >>> cut("      机构设立审批  保局", (0, 6, 20))
    ['', '机构设立审批', '保局']
    """
    out = [""] * len(starts)
    column, position = 0, 0
    for char in line:
        while column + 1 < len(starts) and position >= starts[column + 1]:
            column += 1
        out[column] += char
        position += _width(char)
    return [piece.strip() for piece in out]


def join(pieces: Iterable[str]) -> str:
    """The pieces of one cell, one a line, joined: without a space where the wrap cut between
    two wide characters (a word, a law's title), with one between other words, and on a new
    line where a piece opens a numbered part (2.审查阶段责任).

    >>> join(["《中华人民共和国", "劳动法》第六十九", "条"])
    '《中华人民共和国劳动法》第六十九条'
    >>> join(["Article", "12"]), join(["1.受理责任；", "2.审查责任"])
    ('Article 12', '1.受理责任；\\n2.审查责任')
    """
    text = ""
    for piece in pieces:
        if not piece:
            continue
        if not text:
            text = piece
        elif re.match(r"[(（]?\d{1,2}[)）.、．]", piece):
            text += "\n" + piece
        elif _width(text[-1]) == 2 or _width(piece[0]) == 2:
            text += piece
        else:
            text += " " + piece
    return text
