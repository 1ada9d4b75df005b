"""The lists a web page holds outside its own tables: the text of a ``<pre>`` that is a CSV or
TSV (a row a line, as a site pastes an export), and the page an ``<iframe srcdoc="…">`` holds
(written, escaped, into the attribute). Each is read as what it is, its rows numbered by the
lines of the page they stand on."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import replace

from lxml import etree

from extractors.errors import InputError
from extractors.reading.formats.delimited import SNIFF_LINES, delimited_rows, delimiter_of
from extractors.reading.formats.grid import Grid
from extractors.reading.headers import is_header

#: Reads the text of a page into its Grids (``html.read_html``), or raises InputError.
ReadPage = Callable[[str], list[Grid]]


def _shifted(grid: Grid, lines: int) -> Grid:
    """``grid`` with its rows and context ``lines`` lines further down (a line 0, above the
    list, stays)."""
    rows = tuple(replace(r, line=r.line + lines) for r in grid.rows)
    context = tuple((n + lines if n else 0, t) for n, t in grid.context)
    return replace(grid, rows=rows, context=context)


def renumbered(grid: Grid, outer: Callable[[int], int]) -> Grid:
    """``grid`` with its rows, context and rejects on the lines ``outer`` gives for theirs (a
    line 0, above the list, stays): a page held in another text (a frame's ``srcdoc``, a web
    archive's part) numbered by the lines of that text."""
    return replace(
        grid,
        rows=tuple(replace(r, line=outer(r.line)) for r in grid.rows),
        context=tuple((outer(n) if n else 0, t) for n, t in grid.context),
        rejects=tuple(replace(r, line=outer(r.line)) for r in grid.rejects),
    )


def _line(element: etree._Element) -> int:
    line = element.sourceline
    return line if isinstance(line, int) else 1


def _pre_grid(pre: etree._Element, where: str) -> Grid | None:
    """The rows of the text of ``pre`` when it is a CSV or TSV whose rows hold a header."""
    text = pre.text_content()
    delimiter = delimiter_of(text.splitlines()[:SNIFF_LINES])
    if delimiter is None:
        return None
    try:
        grid = Grid(tuple(delimited_rows(text, where, delimiter)))
    except InputError:
        return None
    if not any(is_header(r.cells) for r in grid.rows[:SNIFF_LINES]):
        return None
    return _shifted(grid, _line(pre) - 1)  # (libxml2 keeps the line break after <pre>)


#: A ``srcdoc`` attribute as written in a start tag, its value quoted or not.
_SRCDOC = re.compile(r"""\ssrcdoc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.IGNORECASE)


def _written_lines(frame: etree._Element, source: str) -> tuple[int, list[int]] | None:
    """The line of the page the ``srcdoc`` of ``frame`` opens on, as written in ``source``, and
    for each line of the page it holds the number of the page's line breaks before it: a line
    break written as a reference (``&#10;``) is one of the held page's, none of the page's.
    None when the start tag is not found as the attribute's value (read as its breaks)."""
    ends = _line(frame)
    lines = source.split("\n")
    upto = len("\n".join(lines[:ends]))
    opening = max(source.rfind("<iframe", 0, upto), source.rfind("<IFRAME", 0, upto))
    written = _SRCDOC.search(source, opening, upto) if opening >= 0 else None
    if written is None:
        return None
    page = frame.get("srcdoc") or ""
    raw = next(g for g in written.groups() if g is not None)
    start = source.count("\n", 0, written.start(written.lastindex or 1)) + 1
    breaks: list[int] = [0]
    for outer, piece in enumerate(raw.split("\n")):
        held = html.unescape(piece).replace("\r\n", "\n").replace("\r", "\n").count("\n")
        breaks += [outer] * held
        breaks.append(outer + 1)
    breaks.pop()
    if len(breaks) != page.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1:
        return None  # the value written is not the attribute's: count back as before
    return start, breaks


def _frame_grids(frame: etree._Element, read_page: ReadPage, source: str) -> list[Grid]:
    """The Grids of the page in the ``srcdoc`` of ``frame`` that hold rows, each row on the line
    of ``source`` it is written on. libxml2 numbers the element by the line its start tag ends
    on: without the attribute found written, its line breaks are counted back from there."""
    page = frame.get("srcdoc") or ""
    try:
        grids = [g for g in read_page(page) if g.rows]
    except InputError:
        return []
    written = _written_lines(frame, source)
    if written is None:
        start = max(1, _line(frame) - page.count("\n"))
        return [_shifted(g, start - 1) for g in grids]
    start, breaks = written

    def outer(line: int) -> int:
        return start + breaks[min(max(line, 1), len(breaks)) - 1]

    return [renumbered(g, outer) for g in grids]


def embedded_grids(
    document: etree._Element, where: str, read_page: ReadPage, source: str = ""
) -> list[tuple[etree._Element, list[Grid]]]:
    """Each ``<pre>`` of ``document`` that is a CSV or TSV, and each ``<iframe srcdoc>`` whose
    page holds a table, in order, with its Grids (``source``: the text ``document`` is read
    from)."""
    found: list[tuple[etree._Element, list[Grid]]] = []
    for element in document.iter("pre", "iframe"):
        if element.tag == "pre":
            grid = _pre_grid(element, where)
            grids = [] if grid is None else [grid]
        else:
            grids = _frame_grids(element, read_page, source) if element.get("srcdoc") else []
        if grids:
            found.append((element, grids))
    return found
