"""Reads the ``<table>`` elements of an HTML document into Grids, rowspan/colspan filled, with
the document's headings and paragraphs as context."""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import replace

import lxml.html
from lxml import etree

from extractors.errors import InputError
from extractors.models import Anomaly
from extractors.reading.formats.cells import clean_cell
from extractors.reading.formats.grid import Grid, SourceRow, Span
from extractors.reading.formats.htmlblocks import page_lines_of, read_blocks
from extractors.reading.formats.htmlembedded import embedded_grids
from extractors.reading.formats.htmlrecords import records_tables, records_under
from extractors.reading.formats.htmlscripts import script_grids
from extractors.reading.formats.titles import group_department
from extractors.reading.headers import is_header
from extractors.reading.meta import unmarked

_BLOCKS = ("title", "h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "span", "li", "td", "body")
# Elements that give their whole text (a heading, a paragraph): bold text inside one is part of
# its line; bold text elsewhere (<div><strong>县林业局</strong></div>, a <b> between tables, in
# a layout table's cell beside other elements) is a line of its own, a department's heading.
_WHOLE = frozenset(("title", "h1", "h2", "h3", "h4", "h5", "h6", "p"))
_BOLD = ("strong", "b")
_MAX_SPAN = 1000
#: libxml2 stops at 256 levels of nesting unless told the tree may be huge, and a table that
#: deep in the page's layout was then no table at all; entities are never fetched.
PARSER_OPTIONS = {"huge_tree": True, "no_network": True}


def too_deep(parser: etree.HTMLParser) -> etree._LogEntry | None:
    """The error of a fed ``parser`` that met elements nested deeper than it reads, if it did."""
    deep = etree.ErrorTypes.ERR_RESOURCE_LIMIT
    return next((e for e in parser.feed_error_log if e.type == deep), None)


def _span(cell: lxml.html.HtmlElement, name: str) -> int:
    """The ``rowspan`` or ``colspan`` of ``cell``: 1 when not a number; a ``rowspan="0"`` spans
    the rest of its row group as a browser shows it (:data:`_MAX_SPAN`, which the end of the
    group cuts short: :meth:`RowLayout.row`), a ``colspan="0"`` is 1."""
    try:
        value = int(cell.get(name, "1").strip() or 1)
    except ValueError:
        return 1
    if value == 0 and name == "rowspan":
        return _MAX_SPAN
    return max(1, min(value, _MAX_SPAN))


def _inner_html(cell: lxml.html.HtmlElement) -> str:
    parts = [cell.text or ""]
    parts += [lxml.html.tostring(child, encoding="unicode", with_tail=True) for child in cell]
    return "".join(parts)


# An element a page does not show: hidden by its style or its attribute.
_HIDING = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# A column a table's <col> collapses.
_COLLAPSED = re.compile(r"visibility\s*:\s*collapse", re.IGNORECASE)
# What a cell's text may hold that is not shown as its text: hidden elements, struck-out text.
_MAY_HIDE = re.compile(r"none|hidden|<del\b", re.IGNORECASE)


def is_hidden(element: lxml.html.HtmlElement) -> bool:
    """Whether ``element`` is hidden on the page (``style="display:none"``, ``visibility:
    hidden``, the ``hidden`` attribute)."""
    return element.get("hidden") is not None or bool(_HIDING.search(element.get("style") or ""))


def _cell_text(cell: lxml.html.HtmlElement, raw: str) -> tuple[str, str]:
    """The clean text of ``cell`` (its inner HTML ``raw``) as the page shows it, and the text
    left out of it: elements hidden (:func:`is_hidden`) and text struck out as deleted
    (``<del>``)."""
    if _MAY_HIDE.search(raw) is None:
        return clean_cell(raw), ""
    shown = deepcopy(cell)
    gone = [e for e in shown.iterdescendants() if e.tag == "del" or is_hidden(e)]
    left: list[str] = []
    for element in gone:
        if element.getparent() is not None and not any(
            element in a.iterdescendants() for a in gone
        ):
            left.append(
                clean_cell(lxml.html.tostring(element, encoding="unicode", with_tail=False))
            )
            _drop(element)
    return clean_cell(_inner_html(shown)), " ".join(t for t in left if t)


def _drop(element: etree._Element) -> None:
    """Removes ``element`` from its parent, keeping its tail (the text after it), as
    ``lxml.html``'s ``drop_tree`` does (the reading in rows parses into plain elements)."""
    parent = element.getparent()
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _take_pending(pending: dict[int, tuple[int, str, str]], column: int) -> tuple[str, str, Span]:
    """The text a rowspan above puts into ``column`` of this row, counted down by one."""
    left, text, raw = pending.pop(column)
    if left > 1:
        pending[column] = (left - 1, text, raw)
    return text, raw, "above"


#: What a page template (JSP, ASP) holds for its server, which no browser is sent: a comment
#: ``<%-- … --%>`` (rows commented out among them), a directive ``<%@ … %>``, code ``<% … %>``
#: and an expression ``<%= … %>``.
SERVER_MARKUP = re.compile(r"<%--.*?--%>|<%.*?%>", re.DOTALL)
#: A template that hides some of its page from the browser: a comment of the server's (a page
#: of directives alone, ``<%@ page … %>`` atop a JSP, parses as it is and is read in rows).
SERVER_TEMPLATE = re.compile(r"<%--")


def without_server_markup(text: str) -> str:
    """``text`` with the server's markup of a page template blanked (:data:`SERVER_MARKUP`),
    its line breaks kept, when it holds a comment of the server's (:data:`SERVER_TEMPLATE`);
    else unchanged.

    >>> without_server_markup('<%@ page language="java" %>\\n<tr><%-- <td>旧</td>\\n --%></tr>')
    '\\n<tr>\\n</tr>'
    """
    if SERVER_TEMPLATE.search(text) is None:
        return text
    return SERVER_MARKUP.sub(lambda m: "\n" * m.group().count("\n"), text)


#: The last line libxml2's HTML parser numbers: an element on a later line says this one.
LAST_LINE = 65535
TR_TAG = re.compile(r"<tr[\s>/]", re.IGNORECASE)
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def _tr_lines(text: str, document: lxml.html.HtmlElement) -> dict[lxml.html.HtmlElement, int]:
    """The line of each ``<tr>`` of a page longer than the parser numbers (empty for a shorter
    one, or when the tags cannot be matched up): the n-th ``<tr`` tag of the text outside
    comments is the n-th tr element.

    >>> page = "<table>" + "<tr><td>1</td></tr>\\n" * 70_000 + "</table>"
    >>> document = lxml.html.document_fromstring(page)
    >>> lines = _tr_lines(page, document)
    >>> trs = list(document.iter("tr"))
    >>> trs[-1].sourceline, lines[trs[-1]]
    (65535, 70000)
    """
    trs = list(document.iter("tr"))
    if not trs or (trs[-1].sourceline or 0) < LAST_LINE:
        return {}
    # Comments blanked to their line breaks, so that offsets still give lines.
    clean = COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text)
    starts = [m.start() for m in TR_TAG.finditer(clean)]
    if len(starts) != len(trs):
        return {}
    lines: dict[lxml.html.HtmlElement, int] = {}
    line, counted = 1, 0
    for tr, start in zip(trs, starts, strict=True):
        line += clean.count("\n", counted, start)
        counted = start
        lines[tr] = line
    return lines


class RowLayout:
    """Lays out the rows of one table in turn: each cell spanned by rowspan/colspan repeated
    where it spans (and marked as repeated in the row's ``spans``), within a budget of cells
    (``cells``: the cells the table's own rows hold; :class:`SpansTooWide` past it). The whole
    reader (:func:`table_rows`) and the one that reads a row at a time
    (``extractors.reading.formats.htmlrows``) lay rows out alike through it."""

    def __init__(self, cells: int, rows: int) -> None:
        self.pending: dict[int, tuple[int, str, str]] = {}  # column -> (rows to fill, text, raw)
        self.budget = max(MAX_LAID_OUT, SPAN_RATIO * cells)
        self.rows = rows  # the table's rows, for the message
        self.hidden: list[bool] = []  # by column: hidden by the table's <col> (display:none)
        self.group: etree._Element | None = None  # the row group (<tbody>) of the last row
        self.to_group_end: set[int] = set()  # columns a rowspan="0" fills to its group's end

    def column(self, col: lxml.html.HtmlElement) -> None:
        """The table's next ``<col>`` (of its ``<colgroup>``): the columns it stands for are
        hidden when it is (``display:none``, ``visibility:collapse``)."""
        style = col.get("style") or ""
        hidden = is_hidden(col) or _COLLAPSED.search(style) is not None
        self.hidden += [hidden] * min(_span(col, "span"), _MAX_SPAN)

    def row(self, tr: lxml.html.HtmlElement, line: int) -> SourceRow:
        """The row of ``tr``, which starts on ``line``."""
        pending = self.pending
        group = tr.getparent()
        if group is not self.group:
            # a rowspan="0" ends with its row group (<thead>, <tbody>, <tfoot>)
            for column in self.to_group_end:
                pending.pop(column, None)
            self.to_group_end.clear()
            self.group = group
        out: list[tuple[str, str, Span]] = []
        notes: list[Anomaly] = []
        if is_hidden(tr) or any(is_hidden(a) or a.tag == "template" for a in tr.iterancestors()):
            # the row, its table or what holds the table (a <div style="display:none"> of an
            # old version, a <template>) hidden
            notes.append(
                Anomaly(
                    "hidden-row", "the row is hidden on the page (display:none): withdrawn?; read"
                )
            )
        for cell in tr:
            if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                continue
            while len(out) in pending:
                out.append(_take_pending(pending, len(out)))
            raw = _inner_html(cell)
            text, left = _cell_text(cell, raw)
            at = len(out)
            if is_hidden(cell) or (at < len(self.hidden) and self.hidden[at]):
                # a cell the page hides, or a cell of a column its <col> hides
                text, left = "", clean_cell(raw)
            if left:
                notes.append(
                    Anomaly(
                        "hidden-text",
                        f"cell {len(out) + 1} holds text the page hides or strikes out "
                        "(display:none, <del>); not read",
                        str(len(out) + 1),
                        left,
                    )
                )
            rowspan = _span(cell, "rowspan")
            for copy in range(_span(cell, "colspan")):
                if rowspan > 1:
                    pending[len(out)] = (rowspan - 1, text, raw)
                if rowspan == _MAX_SPAN:
                    self.to_group_end.add(len(out))
                out.append((text, raw, "left" if copy else "own"))
        for column in sorted(c for c in pending if c >= len(out)):
            out.extend([("", "", "own")] * (column - len(out)))
            out.append(_take_pending(pending, column))
        self.budget -= len(out)
        if self.budget < 0:
            raise SpansTooWide(line, self.rows)
        spans = tuple(s for _, _, s in out)
        return SourceRow(
            line,
            tuple(t for t, _, _ in out),
            tuple(r for _, r, _ in out),
            tuple(notes),
            spans=spans if any(s != "own" for s in spans) else (),
        )


def row_line(tr: lxml.html.HtmlElement, index: int) -> int:
    """The line of the ``index``-th row of its table by the parser's numbering (which a page
    longer than it numbers corrects: :func:`_tr_lines`)."""
    return tr.sourceline if isinstance(tr.sourceline, int) else index + 1


def table_rows(
    table: lxml.html.HtmlElement, lines: dict[lxml.html.HtmlElement, int] | None = None
) -> list[SourceRow]:
    """The rows of one table, each cell spanned by rowspan/colspan repeated where it spans (and
    marked as repeated in the row's ``spans``); ``lines`` gives the line of a row where the
    parser's own numbering stops (:func:`_tr_lines`).

    >>> t = lxml.html.fromstring("<table><tr><td rowspan=2>医疗救助</td><td>行政确认</td></tr>"
    ...                          "<tr><td>县级</td></tr></table>")
    >>> [(r.cells, r.spans) for r in table_rows(t)]
    [(('医疗救助', '行政确认'), ()), (('医疗救助', '县级'), ('above', 'own'))]
    """
    trs = [tr for tr in table.iter("tr") if _owner(tr) is table]
    layout = RowLayout(sum(len(tr) for tr in trs), len(trs))
    for col in table.iter("col"):
        if _owner(col) is table:
            layout.column(col)
    return [
        layout.row(tr, (lines or {}).get(tr) or row_line(tr, index)) for index, tr in enumerate(trs)
    ]


#: Most cells a table's spans may lay out: this many, or SPAN_RATIO per cell the page holds. A
#: real table repeats each cell a few times at most; a thousand cells each spanning a thousand
#: columns and rows would otherwise lay out a thousand million from a page of 40 KB.
MAX_LAID_OUT, SPAN_RATIO = 1_000_000, 100


class SpansTooWide(ValueError):
    """A table whose rowspan/colspan lay out more cells than :data:`MAX_LAID_OUT` allows."""

    def __init__(self, line: int, rows: int) -> None:
        super().__init__(
            f"the spans of a table of {rows} rows lay out more cells than "
            f"{SPAN_RATIO} per cell it holds (a damaged or hostile table?)"
        )
        self.line = line


def context_lines(element: lxml.html.HtmlElement, before: bool) -> list[tuple[int, str]]:
    """The lines of ``element`` that tell about the list (its title, a date), numbered; a heading
    or paragraph gives its whole text, a ``div``, ``span`` or ``li`` the text before its first
    child, a cell of a layout table its text when it holds no element, bold text outside a
    heading or paragraph its own (:data:`_BOLD`). ``before`` (it opens before the list's
    table): numbered 0, as a page on one line gives no order by line."""
    bold = element.tag in _BOLD and not any(
        a.tag in _WHOLE or a.tag in _BOLD for a in element.iterancestors()
    )
    if not bold and (element.tag not in _BLOCKS or (element.tag == "td" and len(element))):
        return []
    own = clean_cell(
        (element.text or "")
        if element.tag in ("div", "span", "li", "body")
        else lxml.html.tostring(element, encoding="unicode", with_tail=False)
    )
    line = element.sourceline if isinstance(element.sourceline, int) and not before else 0
    return [(line, ln) for ln in own.split("\n") if ln]


def tail_lines(element: etree._Element, before: bool) -> list[tuple[int, str]]:
    """The lines of text right before ``element`` outside every element (the tail of the one
    before it: ``# 县水务局权责清单`` between two HTML tables of a Markdown file), numbered as
    :func:`context_lines` numbers them."""
    previous = element.getprevious()
    text = clean_cell(previous.tail or "") if previous is not None else ""
    line = element.sourceline if isinstance(element.sourceline, int) and not before else 0
    return [(line, ln) for ln in text.split("\n") if ln]


def owner_line(lines: list[tuple[int, str]]) -> tuple[int, str] | None:
    """The last of a page's ``lines`` naming the department of the tables below it, without
    Markdown's heading or bold marks: its name alone (县人力社保局), or its list's title
    (县林业局权责清单: ``titles.group_department``), as ``# 县林业局权责清单`` over an HTML table
    in a Markdown file writes it (text outside the table, the body's own: :func:`context_lines`).

    >>> owner_line([(1, "# 某县林业局权责清单"), (2, "2024年5月")])
    (1, '某县林业局权责清单')
    >>> owner_line([(1, "一、行政许可")]) is None
    True
    """
    plain = ((n, unmarked(t)) for n, t in reversed(lines))
    return next(((n, t) for n, t in plain if group_department(t)), None)


def _owner(element: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    return next(element.iterancestors("table"), None)


def _caption(table: etree._Element) -> tuple[int, str] | None:
    """The table's own <caption> (行政许可 over a page's table of permits), with its line."""
    caption = table.find("caption")
    if caption is None:
        return None
    text = " ".join(caption.text_content().split())
    return (caption.sourceline or 0, text) if text else None


#: The rows of a table that may be its header, read to tell a list's table from a layout one.
HEADER_ROWS = 10


def heads_list(table: lxml.html.HtmlElement) -> bool:
    """Whether one of the first :data:`HEADER_ROWS` rows of ``table``'s own (not those of a
    table nested in it) is a header row."""
    rows = (tr for tr in table.iter("tr") if _owner(tr) is table)
    return any(is_header(row_texts(tr)) for _, tr in zip(range(HEADER_ROWS), rows, strict=False))


def is_body_row(texts: list[str]) -> bool:
    """Whether the cells ``texts`` of a table's row are a row of the list: text that is no
    header."""
    return any(texts) and not is_header(texts)


def has_body(table: lxml.html.HtmlElement) -> bool:
    """Whether ``table`` has a row of its own that is no header and not empty (a table of a
    header alone is a shell a script fills in). A table of more rows than :data:`HEADER_ROWS`
    has."""
    rows = [tr for tr in table.iter("tr") if _owner(tr) is table]
    return len(rows) > HEADER_ROWS or any(is_body_row(row_texts(tr)) for tr in rows)


def row_texts(tr: lxml.html.HtmlElement) -> list[str]:
    """The clean text of each cell of the row ``tr``, as written (no spans laid out)."""
    return [clean_cell(_inner_html(c)) for c in tr if c.tag in ("td", "th")]


def list_tables(document: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The tables that hold the list, in order: those that hold no other table (a layout table
    wrapping them holds no rows of it), and a table holding others whose own rows have a header
    (a table nested in one of its cells, 法律 | 《…》 under 设定依据, is part of that cell's
    text), without the tables inside it."""
    found: list[lxml.html.HtmlElement] = []
    taken: set[lxml.html.HtmlElement] = set()
    for table in document.iter("table"):
        if any(a in taken for a in table.iterancestors("table")):
            continue
        if next(table.iterdescendants("table"), None) is None or heads_list(table):
            found.append(table)
            taken.add(table)
    return found


def _with_context(
    document: lxml.html.HtmlElement, embedded: list[tuple[etree._Element, list[Grid]]]
) -> list[Grid]:
    """The Grids of the lists ``document`` holds outside its tables (``htmlembedded``), the
    first with the page's lines around them as context, numbered 0 above the first."""
    inside = {e for element, _ in embedded for e in element.iter()}
    context: list[tuple[int, str]] = []
    before = True
    for element in document.iter():
        before = before and element is not embedded[0][0]
        if element not in inside:
            context += context_lines(element, before)
    grids = [g for _, found in embedded for g in found]
    return [replace(grids[0], context=(*context, *grids[0].context)), *grids[1:]]


#: Blocks a browser sets apart by a blank line when their text is copied (their margins: a
#: paragraph and a heading take two line breaks in ``innerText``, a ``<div>`` or ``<li>`` one).
_SET_APART = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})


def shown_lines(text: str) -> list[tuple[int, str]]:
    """The text a page shows, tables too, as numbered lines (:func:`htmlblocks.page_lines`), as
    a browser's copy gives it: a blank line after each paragraph or heading, the only blank
    lines; the page's server markup left out; no line when the page cannot be parsed.

    >>> page = "<body>\\n<div>序号 事项名称</div>\\n<div>1 林木采伐许可</div>\\n<p>2 …</p></body>"
    >>> shown_lines(page)
    [(2, '序号 事项名称'), (3, '1 林木采伐许可'), (4, '2 …'), (4, '')]
    """
    parser = lxml.html.HTMLParser(**PARSER_OPTIONS)
    try:
        parser.feed(without_server_markup(text))
        document = parser.close()
    except (etree.LxmlError, ValueError):
        return []
    if document is None:
        return []
    lines: list[tuple[int, str]] = []
    for line, shown, element in page_lines_of(document, tables=True):
        lines.append((line, shown))
        if element.tag in _SET_APART:
            lines.append((line, ""))
    return lines


def read_html(text: str, path: str) -> list[Grid]:
    """One Grid per table of the list (:func:`list_tables`: layout tables that wrap the list
    are skipped); headings and paragraphs outside those tables are the context.

    >>> page = "<h1>某县林业局权责清单</h1><table><tr><th>序号</th><th>权力名称</th></tr></table>"
    >>> grid = read_html(page, "a.html")[0]
    >>> grid.context, grid.rows[0].cells
    (((0, '某县林业局权责清单'),), ('序号', '权力名称'))
    """
    text = without_server_markup(text)  # a JSP's rows commented out for its server
    # Fed, as the reading in rows feeds it a block at a time: libxml2's parser of a whole string
    # builds some pages otherwise (what follows an "</html>" written in the page's text).
    parser = lxml.html.HTMLParser(**PARSER_OPTIONS)  # one per document: it keeps its errors
    try:
        parser.feed(text)
        document = parser.close()
    except (etree.LxmlError, ValueError) as err:
        raise InputError(path, f"not readable as HTML ({err})") from None
    if document is None:
        raise InputError(path, "not readable as HTML (Document is empty)")
    error = too_deep(parser)
    if error is not None:
        # What lies deeper is dropped by the parser: say so rather than miss the table.
        raise InputError(
            path,
            f"HTML nested deeper than libxml2 reads ({error.message.split(',')[0]})",
            line=error.line,
        )
    leaves = list_tables(document)
    headed = any(heads_list(t) for t in leaves)
    if not headed or not any(has_body(t) for t in leaves):
        # no table of the page has a header row, or none a row under it: the list is in a
        # <pre> or a frame's page, in data a script makes the rows from (a table of a header
        # alone, its rows filled in by the browser), or laid out in <div>s or <li>s
        embedded = embedded_grids(document, path, lambda page: read_html(page, path), text)
        if embedded:
            return _with_context(document, embedded)
        if not headed and (blocks := read_blocks(document)):
            return blocks  # what the page shows, before what its scripts hold
        if scripted := script_grids(document, path, lambda page: read_html(page, path)):
            return _with_context(document, scripted)
    inside = {e for t in leaves for e in t.iter()}  # kept alive, so proxies stay identical
    # Context above the first table counts as line 0: a page on one line gives no order by line.
    before = True
    context = []
    # The last line of text before each leaf table and after the one before it: a heading
    # between tables names their type (一、行政许可（3项）), when there are several; so does a
    # table's own <caption>.
    leading: dict[etree._Element, tuple[int, str]] = {}
    last: tuple[int, str] | None = None
    # the last line naming a department (县人力社保局 over the tables of its items, or over a
    # single table), and what it was at each leaf table: its items' department, with or
    # without other tables (a single table's lead stays none: a line over it is its title)
    owner: tuple[int, str] | None = None
    owners: dict[etree._Element, tuple[int, str] | None] = {}
    starts = set(leaves)
    for element in document.iter():
        if leaves and element is leaves[0]:
            before = False
        if element in starts:
            if between := tail_lines(element, before):
                last, owner = between[-1], owner_line(between) or owner
            if last is not None:
                leading[element] = last
            last = None
            owners[element] = owner
        if element not in inside:
            lines = context_lines(element, before)
            context += lines
            last = lines[-1] if lines else last
            owner = owner_line(lines) or owner
    tr_lines = _tr_lines(text, document)  # past line 65535 the parser's line numbers stop
    several = len(leaves) > 1
    # label：value records under a table (a 责任清单 after the 权力清单): rows of it, a line each
    under = records_under(document, leaves)
    try:
        # (a table of label：value lines after the list's is records under it too)
        rows = records_tables([(t, (*table_rows(t, tr_lines), *under.get(t, ()))) for t in leaves])
        grids = [
            Grid(
                found,
                tuple(context) if i == 0 else (),
                name=f"table {i + 1}",
                lead=(_caption(t) or leading.get(t)) if several else None,
                owner=owners.get(t),
            )
            for i, (t, found) in enumerate(rows)
        ]
    except SpansTooWide as err:
        raise InputError(path, str(err), line=err.line) from None
    return grids or [Grid((), tuple(context))]
