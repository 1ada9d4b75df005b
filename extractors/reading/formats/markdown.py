"""Reads pipe tables (Markdown as exported from web pages and converters) into a Grid."""

from __future__ import annotations

import re

from extractors.models import Anomaly
from extractors.reading.formats.cells import clean_cell
from extractors.reading.grid import Grid, SourceRow

_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")
_SEPARATOR_CELL = re.compile(r"\s*:?-+:?\s*")


def split_pipe_row(line: str) -> tuple[str, ...]:
    """The cells of one pipe-table line, ``\\|`` kept as a literal pipe.

    >>> split_pipe_row("| 1 | 行政处罚 | a\\\\|b |")
    ('1', '行政处罚', 'a|b')
    """
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    if "\\|" not in body:
        return tuple(map(str.strip, body.split("|")))
    return tuple(c.strip().replace("\\|", "|") for c in _UNESCAPED_PIPE.split(body))


def _is_separator(cells: tuple[str, ...]) -> bool:
    return any(cells) and all(_SEPARATOR_CELL.fullmatch(c) or not c.strip() for c in cells)


def read_markdown(text: str) -> Grid:
    """The pipe-table rows of ``text``; other lines are kept as context for metadata.

    A row whose line does not end in ``|`` while the table's rows do (a cell with a raw line
    break, as left by converters) continues on the following lines up to the closing pipe; a row
    still open at the end of the file is flagged as cut off.

    >>> grid = read_markdown("清单\\n| 序号 | 事项名称 |\\n|--|--|\\n| 1 | 城乡<br>医疗救助 |")
    >>> [r.cells for r in grid.rows], grid.context
    ([('序号', '事项名称'), ('1', '城乡\\n医疗救助')], ((1, '清单'),))
    """
    lines = text.splitlines()
    pipe_lines = [ln.strip() for ln in lines if ln.strip().startswith("|")]
    closed_style = sum(ln.endswith("|") for ln in pipe_lines) * 2 > len(pipe_lines)
    rows: list[SourceRow] = []
    context: list[tuple[int, str]] = []
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        start = index + 1
        index += 1
        if not line.startswith("|"):
            if line:
                context.append((start, line))
            continue
        notes: list[Anomaly] = []
        if closed_style and not line.endswith("|"):
            # Raw line breaks inside a cell: the row goes on until a line closes it.
            while index < len(lines) and not lines[index].strip().startswith("|"):
                line += "\n" + lines[index].strip()
                index += 1
                if line.endswith("|"):
                    break
            if line.endswith("|"):
                notes.append(Anomaly("wrapped-row", f"row continues over lines {start}-{index}"))
            elif index >= len(lines):
                notes.append(Anomaly("cut-off", "the file ends inside this row (no closing |)"))
            else:
                notes.append(Anomaly("unclosed-row", "row has no closing |"))
        raw = split_pipe_row(line)
        if _is_separator(raw):
            continue
        rows.append(SourceRow(start, tuple(clean_cell(c) for c in raw), raw, tuple(notes)))
    return Grid(tuple(rows), tuple(context))
