"""The text of a ruled table's cells with the lines the column's width wrapped joined again.

A spreadsheet or a word processor wraps a cell's text at its column's width; the PDF holds each
piece as a line of its own, and pdfplumber gives them apart (《中华人民共和国森 / 林法》, 关于修改
部分法律的决定 / 》第三次修正), which cut a law's title or a citation in two (207's print cited 19
laws where its sheet cites 14). A line is taken as wrapped when it runs on to the cell's right
edge: the room left after it, less the cell's padding (the room before its leftmost line), is
under one and a half of its characters' width (the next character would not fit), it holds
four characters or more, and the line
after it opens no numbered part of its own (1. 2、 第十二条 【法律】), which a writer begins on
a line of its own. Such lines are joined without a break (with a space between two Latin
letters; none inside a number: 2017年1 / 1月); every other line break stays. A cell whose
lines cannot be told apart (its characters' lines not the text's) keeps its text as pdfplumber
gives it."""

from __future__ import annotations

import re
from statistics import median
from typing import Any

from pdfplumber import utils
from pdfplumber.table import Table

#: The start of a line a writer begins of its own: a numbered part, an article, a bracketed kind.
_OWN_LINE = re.compile(
    r"[0-9０-９]+[.．、)）]|[（(][0-9一二三四五六七八九十]+[)）]|第[一二三四五六七八九十百零〇0-9]+条|【"
)
#: The fewest characters of a line taken as wrapped: a narrow column's short lines (序号 over a
#: serial fused with it, 行政许 / 可) stay apart, as printed.
_LEAST = 4
#: Points within which characters stand on one line (pdfplumber's default for text).
_Y_TOLERANCE = 3.0


def _in(char: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    """pdfplumber's test of a character inside a cell: its middle inside the box."""
    v_mid = (char["top"] + char["bottom"]) / 2
    h_mid = (char["x0"] + char["x1"]) / 2
    x0, top, x1, bottom = box
    return x0 <= h_mid < x1 and top <= v_mid < bottom


def unwrapped_cells(table: Table) -> list[list[str | None]]:
    """``table.extract()``, each cell's wrapped lines joined (see the module's doc)."""
    chars = table.page.chars
    out: list[list[str | None]] = []
    for row in table.rows:
        row_chars = [c for c in chars if _in(c, row.bbox)]
        texts: list[str | None] = []
        for cell in row.cells:
            if cell is None:
                texts.append(None)
                continue
            mine = [c for c in row_chars if _in(c, cell)]
            texts.append(_joined(mine, cell) if mine else "")
        out.append(texts)
    return out


def _lines(chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    lines: list[list[dict[str, Any]]] = []
    for char in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        if lines and abs(char["top"] - lines[-1][0]["top"]) <= _Y_TOLERANCE:
            lines[-1].append(char)
        else:
            lines.append([char])
    return lines


def _joined(chars: list[dict[str, Any]], cell: tuple[float, float, float, float]) -> str:
    text: str = utils.extract_text(chars)
    pieces = text.split("\n")
    lines = _lines(chars)
    if len(pieces) < 2 or len(lines) != len(pieces):
        return text
    padding = max(min(min(c["x0"] for c in line) for line in lines) - cell[0], 0.0)
    out = pieces[0]
    for line, piece, after in zip(lines, pieces, pieces[1:], strict=False):
        width = median(c["x1"] - c["x0"] for c in line)
        room = cell[2] - max(c["x1"] for c in line) - padding
        # a line of a few characters (a narrow column's: 序号, 行政许) is no sure wrap
        wrapped = room < 1.5 * width and len(piece.strip()) >= _LEAST and after.strip()
        if wrapped and not _OWN_LINE.match(after.lstrip()):
            latin = piece[-1:].isascii() and piece[-1:].isalpha()
            out += (" " if latin and after[:1].isascii() and after[:1].isalpha() else "") + after
        else:
            out += "\n" + after
    return out
