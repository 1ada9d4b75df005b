"""The list a web page's script holds as data, the page's rows made from it in the browser: a
JSON array or object written into a ``<script>`` (``var data = [...]``, ``window.__INITIAL_STATE__
= {...}``, ``JSON.parse('[…]')``, a ``<script type="application/json">``), read as the JSON
reader reads a file (``formats.records``), its rows on the page's lines and each said read from
a script (``from-script``)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import replace

from lxml import etree

from extractors.errors import InputError
from extractors.models import Anomaly
from extractors.reading.formats.grid import Grid
from extractors.reading.formats.htmlembedded import ReadPage, renumbered
from extractors.reading.formats.jsliteral import js_string, literal_json
from extractors.reading.formats.records import read_records
from extractors.reading.headers import is_header

#: Where a script's value opens: after an assignment or a property's colon (``var data =``,
#: ``window.__INITIAL_STATE__=``, ``list: [``), or as the argument of a call (``render([…])``).
_VALUE = re.compile(r"[=:(]\s*(?=[\[{])")
#: A JavaScript string literal, in single or double quotes.
_STRING = r"'(?:[^'\\\n]|\\.)*'" + "|" + r'"(?:[^"\\\n]|\\.)*"'
#: A string a script parses as JSON: ``JSON.parse('…')`` or ``JSON.parse("…")``.
_PARSED = re.compile(rf"JSON\.parse\(\s*({_STRING})")
_DECODER = json.JSONDecoder()
NOTE = Anomaly(
    "from-script",
    "read from data a script of the page holds (var data = […]), not from a table the page "
    "shows: what the page shows may differ",
)


def _values(code: str, json_only: bool) -> Iterator[tuple[int, str]]:
    """The JSON texts ``code`` holds, each with the offset where it is written: the whole text
    of a JSON script (``json_only``), else each array or object written after an assignment, a
    colon or an opening parenthesis, as JSON or as a JavaScript literal (``jsliteral``), and
    each string ``JSON.parse`` is given."""
    if json_only:
        yield len(code) - len(code.lstrip()), code.strip()
        return
    at = 0
    for found in _VALUE.finditer(code):
        if found.start() < at:
            continue  # inside a value already read
        try:
            _, end = _DECODER.raw_decode(code, found.end())
            text = code[found.end() : end]
        except json.JSONDecodeError:
            literal = literal_json(code, found.end())
            if literal is None:
                continue  # code, not data
            text, end = literal
        yield found.end(), text
        at = end
    for found in _PARSED.finditer(code):
        text = js_string(found.group(1))
        if text.lstrip()[:1] in ("[", "{"):
            yield found.start(1), text


def _grid(text: str, where: str) -> Grid | None:
    """The Grid of the JSON ``text`` when it is a list's: its records' keys a header."""
    try:
        grid = read_records(text, where)
    except InputError:
        return None
    if grid.header is None or not is_header(grid.rows[grid.header].cells):
        return None
    return grid


def _from(base: int, lines: int = 1) -> Callable[[int], int]:
    """The line of the page that a line of a value written from line ``base`` stands on: as
    many lines further down (``lines``), or, for a page written in a string, ``base`` (0)."""
    return lambda line: base + (line - 1) * lines


def _said(grid: Grid) -> Grid:
    """``grid`` with each row below its header said read from a script."""
    rows = tuple(
        r if k == grid.header else replace(r, notes=(*r.notes, NOTE))
        for k, r in enumerate(grid.rows)
    )
    return replace(grid, rows=rows)


def script_grids(
    document: etree._Element, where: str, read_page: ReadPage
) -> list[tuple[etree._Element, list[Grid]]]:
    """Each ``<script>`` of ``document`` whose data is a list (an array of records whose keys
    are a list's header, at the top or in an envelope) with its Grids, in order, the rows on
    the lines of the page they are written on; else the tables scripts write from their own
    text (:func:`written_tables`, read by ``read_page``).

    >>> import lxml.html
    >>> page = lxml.html.fromstring('<html><body><h1>清单</h1>\\n<script>\\nvar data = '
    ...     '[{"序号": "1", "事项名称": "城乡医疗救助", "事项类型": "行政给付"}];\\n</script>')
    >>> found = script_grids(page, "a.html", print)
    >>> [[(r.line, r.cells) for r in g.rows] for _, grids in found for g in grids]
    [[(3, ('序号', '事项名称', '事项类型')), (3, ('1', '城乡医疗救助', '行政给付'))]]
    """
    found: list[tuple[etree._Element, list[Grid]]] = []
    # the values no list was read from, each with its line and script: together they may be one
    # (a configuration of columns and the records keyed by its fields, a header and its rows)
    apart: list[tuple[int, str, etree._Element]] = []
    for script in document.iter("script"):
        code = script.text or ""
        if not code.strip() or ("[" not in code and "{" not in code):
            continue
        kind = (script.get("type") or "").lower()
        first = script.sourceline if isinstance(script.sourceline, int) else 1
        grids = []
        for offset, text in _values(code, "json" in kind):
            base = first + code.count("\n", 0, offset)
            grid = _grid(text, where)
            if grid is None:
                apart.append((base, text, script))
                continue
            grids.append(_said(renumbered(grid, _from(base))))
        if grids:
            found.append((script, grids))
    if found or len(apart) < 2:
        return found or written_tables(document, read_page)
    return _together(apart, where) or written_tables(document, read_page)


#: A run of JavaScript string literals joined by ``+`` (``'<table>' + '<tr>…'``).
_STRINGS = re.compile(rf"(?:{_STRING})(?:\s*\+\s*(?:{_STRING}))*")
_LITERAL = re.compile(_STRING)
_TABLE = re.compile(r"<table\b", re.IGNORECASE)


def written_tables(
    document: etree._Element, read_page: ReadPage
) -> list[tuple[etree._Element, list[Grid]]]:
    """The tables a script writes into the page from its own text (``document.write('<table>
    …')``, ``el.innerHTML = '<table>' + '<tr>…'``): each run of string literals holding a
    ``<table`` read as a page (``read_page``), its rows on the line the run opens on, said read
    from a script. Text a script makes of anything else (a variable) is not known."""
    found: list[tuple[etree._Element, list[Grid]]] = []
    for script in document.iter("script"):
        code = script.text or ""
        if _TABLE.search(code) is None:
            continue
        first = script.sourceline if isinstance(script.sourceline, int) else 1
        grids = []
        for run in _STRINGS.finditer(code):
            page = "".join(js_string(m.group()) for m in _LITERAL.finditer(run.group()))
            if _TABLE.search(page) is None:
                continue
            try:
                read = [g for g in read_page(page) if g.rows]
            except InputError:
                continue
            line = first + code.count("\n", 0, run.start())
            grids += [_said(renumbered(g, _from(line, 0))) for g in read]
        if grids:
            found.append((script, grids))
    return found


def _together(
    apart: list[tuple[int, str, etree._Element]], where: str
) -> list[tuple[etree._Element, list[Grid]]]:
    """The list the values ``apart`` make together, as the members of one object (the JSON
    reader's layouts: ``{"cols": [{"field": …, "title": …}], "data": [{…}]}``, ``{"header":
    […], "rows": [[…]]}``), each row on the line of the value it comes from."""
    members = []
    for number, (_, text, _) in enumerate(apart):
        try:
            value = json.loads(text)
        except json.JSONDecodeError:
            return []
        members.append(f"{json.dumps(str(number))}: {json.dumps(value, ensure_ascii=False)}")
    grid = _grid("{" + ",\n".join(members) + "}", where)
    if grid is None:
        return []
    bases = [base for base, _, _ in apart]
    placed = renumbered(grid, lambda line: bases[min(max(line, 1), len(bases)) - 1])
    return [(apart[-1][2], [_said(placed)])]
