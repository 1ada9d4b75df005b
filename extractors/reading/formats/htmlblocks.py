"""Reads a list a web page lays out without ``<table>``: rows of ``<div>`` or ``<span>`` cells
(a CSS grid or flex rows), ``<li>`` items of ``<span>`` parts, or label/value records
(``<dl><dt>事项名称</dt><dd>…</dd>``, ``<li>`` of ``事项名称：…`` lines) into Grids."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

import lxml.html
from lxml import etree

from extractors.reading.formats.cells import clean_cell
from extractors.reading.formats.grid import Grid, SourceRow
from extractors.reading.formats.labelled import read_labelled
from extractors.reading.headers import is_header, map_header
from extractors.reading.vocab import section_department

#: Fewest cells a row of a list has: a header of three field keys (序号 | 事项名称 | 事项类型).
MIN_CELLS = 3
#: Elements whose content is no text of the page.
_SKIPPED = frozenset({"script", "style", "head", "template", "noscript", "table"})
#: Elements that begin a line of the page's text when it is read as label：value lines.
_LINE_BREAKING = frozenset(
    {"p", "div", "li", "dt", "dd", "dl", "ul", "ol", "br", "tr", "section", "article",
     "h1", "h2", "h3", "h4", "h5", "h6", "title", "header", "footer", "main", "nav"}
)  # fmt: skip
#: Table cells, each a line of the page's text when tables are read as text.
_CELLS = frozenset({"td", "th", "caption"})
# A CSS grid's columns: grid-template-columns: repeat(6, 1fr), or one size per column.
_GRID_COLUMNS = re.compile(r"grid-template-columns\s*:\s*([^;\"']+)", re.IGNORECASE)
_REPEAT = re.compile(r"repeat\(\s*(\d{1,3})\s*,")


def _elements(parent: etree._Element) -> list[etree._Element]:
    return [c for c in parent if isinstance(c.tag, str) and c.tag not in _SKIPPED]


def _text(element: etree._Element) -> str:
    return clean_cell(lxml.html.tostring(element, encoding="unicode", with_tail=False))


def _holding(root: etree._Element) -> set[etree._Element]:
    """The elements of ``root`` that are or hold a row of cells: a row is an element of
    :data:`MIN_CELLS` element children or more and no text of its own between them, none of
    which is or holds a row (a ``<div class="row">`` of ``<div class="col">``, an ``<li>`` of
    ``<span>``; not the ``<ul>`` of those ``<li>``)."""
    holding: set[etree._Element] = set()
    for element in _post_order(root):
        children = _elements(element)
        if any(c in holding for c in children) or (
            len(children) >= MIN_CELLS and not _loose_text(element)
        ):
            holding.add(element)
    return holding


def _between(
    element: etree._Element, holding: set[etree._Element]
) -> Iterator[etree._Element | str]:
    """The rows of ``element`` (of :func:`_holding`) and the text outside them, in document
    order: an element holding no row gives its text whole, one holding some its own text and
    that after each child."""
    if element not in holding:
        text = _text(element)
        if text:
            yield text
        return
    if not any(c in holding for c in _elements(element)):
        yield element  # a row
        return
    if element.text and element.text.strip():
        yield " ".join(element.text.split())
    for child in element:
        if isinstance(child.tag, str) and child.tag not in _SKIPPED:
            yield from _between(child, holding)
        if child.tail and child.tail.strip():
            yield " ".join(child.tail.split())


def _loose_text(element: etree._Element) -> bool:
    """Whether ``element`` holds text of its own between its children (``<b>事项名称</b>：
    城乡医疗救助<br>``): its children are then no cells of a row."""
    loose = [element.text or "", *(c.tail or "" for c in element)]
    return any(t.strip(" \t\r\n\u3000：:") for t in loose)


def _post_order(root: etree._Element) -> Iterator[etree._Element]:
    for child in _elements(root):
        yield from _post_order(child)
    yield root


def _width(row: etree._Element, cells: Sequence[str]) -> int | None:
    """The number of columns of a row that holds a whole CSS grid (every cell of the list a
    child of one element): the count its style gives (``grid-template-columns``), else the
    fewest cells, all header words and one the serial's (序号), that open it as a header row,
    when no cell after them is a header word and each run of as many cells after them holds a
    serial in that column."""
    style = _GRID_COLUMNS.search(row.get("style") or "")
    if style is not None:
        repeat = _REPEAT.search(style.group(1))
        width = int(repeat.group(1)) if repeat else len(style.group(1).split())
        return width if width >= MIN_CELLS and len(cells) % width == 0 else None
    keys = [map_header(c) for c in cells]
    for width in range(MIN_CELLS, len(cells) // 2 + 1):
        if (
            len(cells) % width == 0
            and all(keys[:width])
            and "row" in keys[:width]
            and is_header(cells[:width])
            and not any(keys[width:])
        ):
            at = keys.index("row")
            serials = range(width + at, len(cells), width)
            return width if all(_SERIAL.fullmatch(cells[k]) for k in serials) else None
    return None


_SERIAL = re.compile(r"\d{1,6}[.、．]?")


def block_tables(document: etree._Element) -> list[tuple[etree._Element, Grid]]:
    """The lists of ``document`` laid out as rows of cells outside any table, each with the
    element of its header row: a row whose cells are a header row (:func:`is_header`) opens a
    list, which runs over the rows after it of as many cells (the header in a ``<div
    class="thead">``, the rows in the ``tbody`` after it: rows need not be siblings), up to its
    last row of as many cells; a header again opens the next. Text between two of its rows (a
    group row, 行政许可, a department's name) is a row of one cell, and a row of another width
    between them one of its rows (a row that lacks a cell, said by the assembler). A row that
    holds the whole grid (a CSS grid) is cut at its header's width.

    >>> page = lxml.html.fromstring(
    ...     "<div><div><p>序号</p><p>事项名称</p><p>事项类型</p></div>"
    ...     "<div><p>1</p><p>林木采伐许可</p><p>行政许可</p></div></div>")
    >>> [r.cells for r in block_tables(page)[0][1].rows]
    [('序号', '事项名称', '事项类型'), ('1', '林木采伐许可', '行政许可')]
    """
    found: list[tuple[etree._Element, Grid]] = []
    current: list[SourceRow] = []
    opened: etree._Element | None = None

    def close() -> None:
        # a header alone (a <dl> of dt/dd pairs, whose labels read as one) is no table
        if len(current) > 1 and opened is not None:
            found.append((opened, Grid(tuple(current))))
        current.clear()

    holding = _holding(document)
    # what stands since the list's last row: text (a group row 行政许可) and rows of another
    # width (a row that lacks a cell): the list's when a row of its width follows
    between: list[SourceRow] = []
    for element in _between(document, holding):
        if isinstance(element, str):
            if current:
                cell = (element, *[""] * (len(current[0].cells) - 1))
                between.append(SourceRow(between[-1].line if between else 0, cell, cell))
            continue
        cells = [_text(c) for c in _elements(element)]
        line = element.sourceline if isinstance(element.sourceline, int) else 0
        if current and is_header(cells):
            between.clear()
            close()
        elif current and len(cells) == len(current[0].cells):
            current.extend(replace(r, line=r.line or line) for r in between)
            between.clear()
            current.append(SourceRow(line, tuple(cells), tuple(cells)))
            continue
        elif current:
            between.append(SourceRow(line, tuple(cells), tuple(cells)))
            continue
        if not is_header(cells):
            continue
        opened = element
        grid = _width(element, cells) if len(cells) >= 2 * MIN_CELLS else None
        if grid is not None:
            # a CSS grid: every cell a child of one element, a row every ``grid`` cells
            chunks = [tuple(cells[k : k + grid]) for k in range(0, len(cells), grid)]
            found.append((element, Grid(tuple(SourceRow(line, c, c) for c in chunks))))
        else:
            current.append(SourceRow(line, tuple(cells), tuple(cells)))
    close()
    return found


def page_lines(
    document: etree._Element,
    stop: etree._Element | None = None,
    links: bool = True,
    tables: bool = False,
) -> list[tuple[int, str]]:
    """The text of ``document`` as numbered lines (:func:`page_lines_of`)."""
    return [(n, t) for n, t, _ in page_lines_of(document, stop, links, tables)]


def page_lines_of(
    document: etree._Element,
    stop: etree._Element | None = None,
    links: bool = True,
    tables: bool = False,
) -> list[tuple[int, str, etree._Element]]:
    """The text of ``document`` outside tables (and inside them, each cell a line, when
    ``tables``) as numbered lines, as a browser shows it: each block element (paragraph, list
    item, ``<br>``) begins a line, and a ``<dt>`` label is joined to the ``<dd>`` value after it
    (``事项名称：林木采伐许可``); up to ``stop``, if given; without the text of links unless
    ``links`` (a site's navigation, 首页 > 政务公开 > 权责清单, is no title of the list, as around a
    table: ``html.context_lines``).

    >>> page = lxml.html.fromstring("<dl><dt>事项名称</dt><dd>林木采伐许可</dd></dl>")
    >>> page_lines(page)
    [(1, '事项名称：林木采伐许可')]
    """
    lines: list[tuple[int, str, etree._Element]] = []
    parts: list[str] = []
    at: list[tuple[int, etree._Element]] = [(0, document)]
    skipped = _SKIPPED - {"table"} if tables else _SKIPPED
    breaking = _LINE_BREAKING | _CELLS if tables else _LINE_BREAKING

    def flush() -> None:
        text = " ".join("".join(parts).split())
        if text:
            lines.append((at[0][0], text, at[0][1]))
        parts.clear()

    def walk(element: etree._Element) -> bool:
        """Whether ``stop`` was met."""
        if element is stop:
            return True
        breaks = element.tag in breaking
        value = _after_label(element)
        if breaks and not value:
            flush()
        if not parts:
            line = element.sourceline
            at[0] = (line if isinstance(line, int) else at[0][0], element)
        if value and not "".join(parts).rstrip().endswith((":", "：")):
            parts.append("：")
        if element.text:
            parts.append(element.text)
        for child in element:
            if (
                isinstance(child.tag, str)
                and child.tag not in skipped
                and (links or child.tag != "a")
                and walk(child)
            ):
                return True
            if child.tail:
                if not parts and child.tag == "br" and isinstance(child.sourceline, int):
                    # the text after a <br> starts on the line its tail reaches, past the line
                    # breaks it opens with
                    skipped_lines = child.tail[: len(child.tail) - len(child.tail.lstrip())]
                    at[0] = (child.sourceline + skipped_lines.count("\n"), element)
                parts.append(child.tail)
        if breaks and not _is_label(element):
            flush()
        return False

    walk(document)
    flush()
    return [(n, "：".join(p.strip() for p in t.split("：", 1)) if "：" in t else t, e)
            for n, t, e in lines]  # fmt: skip


def _is_label(element: etree._Element) -> bool:
    """Whether ``element`` is a label whose value is the element after it: a ``<dt>``, or the
    first of two elements that alone make up their parent and whose text names a field
    (``<div class="field"><label>事项名称</label><span>…</span></div>``)."""
    if element.tag == "dt":
        return True
    parent = element.getparent()
    if parent is None or element.getprevious() is not None:
        return False
    children = _elements(parent)
    return (
        len(children) == 2
        and children[0] is element
        and not _loose_text(parent)
        and map_header(_text(element).rstrip(":：")) is not None
    )


def _after_label(element: etree._Element) -> bool:
    """Whether ``element`` is the value of the label before it (:func:`_is_label`)."""
    previous = element.getprevious()
    return previous is not None and _is_label(previous)


#: Elements that set their text as a heading.
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BOLD = frozenset({"strong", "b"})
# An inline style that sets text bold (<span style="font-weight:bold">, font-weight: 700).
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.IGNORECASE)


def _heading_marked(lines: Sequence[tuple[int, str, etree._Element]], k: int) -> str:
    """The text of the ``k``-th line, in brackets (【县林业局】, the shape the reader of records
    takes for a department's heading) when it is a department's name alone that the page sets
    as a heading between records (:func:`_set_apart`): read as words, the name was more of the
    value above it (a basis ending 县人力资源和社会保障局), sure."""
    text = lines[k][1]
    if section_department(text) != text.strip() or not _set_apart(lines, k):
        return text
    return f"【{text.strip()}】"


def _set_apart(lines: Sequence[tuple[int, str, etree._Element]], k: int) -> bool:
    """Whether the ``k``-th line is set as a heading: in ``<h1>``–``<h6>``, bold alone on its
    line (``<p><strong>县林业局</strong></p>``, ``<span style="font-weight:bold">``), or a
    paragraph of a class that neither line beside it has (``<p class="dept">`` between
    records' ``<p>`` lines)."""
    element = lines[k][2]
    if (
        element.tag in _HEADINGS | _BOLD
        or _BOLD_STYLE.search(element.get("style") or "") is not None
        or any(a.tag in _HEADINGS for a in element.iterancestors())
    ):
        return True
    mark = element.get("class")
    beside = [lines[j][2].get("class") for j in (k - 1, k + 1) if 0 <= j < len(lines)]
    # (not under a label alone, 实施主体： / 县林业局: its value, whatever its class)
    under_label = k > 0 and map_header(lines[k - 1][1].strip().rstrip(":：")) is not None
    return bool(mark) and bool(beside) and mark not in beside and not under_label


def label_records(document: etree._Element) -> Grid | None:
    """The page's label：value records (``<dl>`` of ``<dt>``/``<dd>``, lines of
    ``事项名称：…``), read by the reader of records of page text
    (:func:`~extractors.reading.formats.labelled.read_labelled`); None when it finds none."""
    lines = page_lines_of(document, None, True)
    grid = read_labelled("\n".join(_heading_marked(lines, k) for k in range(len(lines))))
    if len(grid.rows) < 2:
        return None
    # read_labelled numbers the lines it was given: each is the page's line of that text
    numbers = [n for n, _, _ in lines]

    def renumber(line: int) -> int:
        return numbers[line - 1] if 0 < line <= len(numbers) else line

    rows = tuple(SourceRow(renumber(r.line), r.cells, r.raw, r.notes, r.spans) for r in grid.rows)
    # the lines above the first record, as around a table (numbered 0: a page on one line
    # numbers every line alike), without the text of links (the site's navigation)
    first = grid.rows[min(len(grid.rows) - 1, (grid.header or 0) + 1)].line
    opens = lines[first - 1][2] if 0 < first <= len(lines) else None
    above = tuple((0, t) for _, t in page_lines(document, opens, links=False))
    context = above + tuple((renumber(n), t) for n, t in grid.context if n > first)
    rejects = tuple(replace(r, line=renumber(r.line)) for r in grid.rejects)
    return replace(grid, rows=rows, context=context, rejects=rejects)


def read_blocks(document: etree._Element) -> list[Grid]:
    """The lists of a page without a list's ``<table>``: rows of cells (:func:`block_tables`),
    the first with the page's lines above it as context, else label：value records
    (:func:`label_records`); none when the page lays out neither."""
    tables = block_tables(document)
    if tables:
        context = tuple((0, t) for _, t in page_lines(document, tables[0][0], links=False))
        return [replace(tables[0][1], context=context), *(g for _, g in tables[1:])]
    records = label_records(document)
    return [] if records is None else [records]
