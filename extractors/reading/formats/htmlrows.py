"""Reads the tables of a large HTML page a row at a time (``extractors.reading.tables_stream``),
giving the rows, leads and context :func:`~extractors.reading.formats.html.read_html` gives,
while the page's elements are let go as soon as they are read.

The page is parsed by libxml2's HTML parser fed a block of text at a time (lxml's
``HTMLPullParser``, the options of the whole reader), twice or more. A first pass (the survey)
finds the tables, which of them hold no other (the leaf tables: a layout table wrapping the list
holds no rows of it), the cells of each leaf table (the budget its spans may lay out, item 9) and
whether the parser's line numbers stop before the page ends (past line 65,535 the line of a
``<tr>`` is told by counting ``<tr`` tags, as the whole reader does). A page of leaf tables is
read in rows, table after table; any other page (no table, nesting too deep, an unclosed comment
in a long page, a document lxml refuses, a page template holding its server's comments, several
tables one of which a heading or paragraph holds) is left to the whole reader, which reads it or
says what is wrong.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from lxml import etree

from extractors.reading.formats.grid import ReadWhole, SourceRow
from extractors.reading.formats.html import (
    HEADER_ROWS,
    LAST_LINE,
    PARSER_OPTIONS,
    SERVER_TEMPLATE,
    TR_TAG,
    RowLayout,
    SpansTooWide,
    context_lines,
    owner_line,
    row_line,
    row_texts,
    tail_lines,
    too_deep,
)
from extractors.reading.formats.htmlrecords import gives_type, opens_record, opens_record_row
from extractors.reading.formats.tables import Table, TableStart, split_tables
from extractors.reading.headers import is_header

#: Blocks of text, read again from the start each time it is called.
Blocks = Callable[[], Iterable[str]]
#: Characters fed to the parser at a time: the events of what is fed wait, each with its
#: element, until they are read (some 150 bytes an element: a MiB of page held 40 MB of them).
_FEED_CHARS = 1 << 15


def _pieces(blocks: Blocks) -> Iterator[str]:
    """The text of ``blocks`` in pieces of at most ``_FEED_CHARS`` characters."""
    for block in blocks():
        for start in range(0, len(block), _FEED_CHARS):
            yield block[start : start + _FEED_CHARS]


# Elements whose whole text is a context line (the rest give their own text): nothing inside
# them may be let go before they end.
_WHOLE_TEXT = frozenset(("title", "h1", "h2", "h3", "h4", "h5", "h6", "p"))


class TrTags:
    """The line of each ``<tr`` tag outside comments, the text fed a block at a time: the lines
    ``html._tr_lines`` finds in the whole text (comments blanked to their line breaks, then
    ``TR_TAG`` searched), a few characters held back where a block may cut a tag in two.

    >>> tags = TrTags()
    >>> tags.feed("<table><t") + tags.feed("r>\\n<!-- <tr> -") + tags.feed("->\\n<TR>")
    [1]
    >>> tags.close()
    [3]
    """

    def __init__(self) -> None:
        self._raw = ""  # text not yet blanked: what may begin "<!--" or end "-->"
        self._comment = False  # inside a comment
        self._clean = ""  # blanked text not yet searched: what may begin a "<tr" tag
        self._line = 1  # the line self._clean starts on
        self.unclosed = False  # the text ended inside a comment

    def feed(self, block: str, final: bool = False) -> list[int]:
        """The lines of the tags ``block`` completes."""
        text, at, clean = self._raw + block, 0, []
        while True:
            if self._comment:
                end = text.find("-->", at)
                if end < 0:
                    keep = len(text) if final else max(at, len(text) - 2)
                    clean.append("\n" * text.count("\n", at, keep))
                    self.unclosed = final
                    break
                clean.append("\n" * text.count("\n", at, end))
                at, self._comment = end + 3, False
            else:
                start = text.find("<!--", at)
                if start < 0:
                    keep = len(text) if final else max(at, len(text) - 3)
                    clean.append(text[at:keep])
                    break
                clean.append(text[at:start])
                at, self._comment = start + 4, True
        self._raw = text[keep:]
        return self._search("".join(clean), final)

    def close(self) -> list[int]:
        """The lines of the tags in what was held back."""
        return self.feed("", final=True)

    def _search(self, clean: str, final: bool) -> list[int]:
        text = self._clean + clean
        lines, line, counted = [], self._line, 0
        for match in TR_TAG.finditer(text):
            line += text.count("\n", counted, match.start())
            counted = match.start()
            lines.append(line)
        # "<tr" and the character after it: a match needs four, so three may still begin one
        keep = len(text) if final else max(0, len(text) - 3)
        self._line = line + text.count("\n", counted, keep)
        self._clean = text[keep:]
        return lines


@dataclass(frozen=True, slots=True)
class _Leaf:
    """A leaf table: its number among the page's tables (in order), its rows and the cells they
    hold (the budget its spans may lay out)."""

    number: int
    rows: int
    cells: int


@dataclass(frozen=True, slots=True)
class _Survey:
    """What the first pass over the page found: its leaf tables, and whether rows' lines are
    told by their tags."""

    leaves: tuple[_Leaf, ...]
    tag_lines: bool


def _parser(**options: object) -> etree.HTMLPullParser:
    return etree.HTMLPullParser(**PARSER_OPTIONS, **options)


def _let_go(element: etree._Element) -> None:
    """Drop what ``element`` holds and the siblings read before it (the usual way to parse a
    large document in bounded memory: the element itself stays, so its parent still has a
    child, which :func:`context_lines` asks of a layout cell)."""
    element.clear(keep_tail=True)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def _survey(blocks: Blocks) -> _Survey | None:
    """The page's shape, or None when it is to be read whole."""
    parser = _parser(events=("start", "end"))
    tags = TrTags()
    tables = trs = last_line = tag_count = depth = rows_open = in_text = 0
    done = False  # the root element has ended: what follows is no part of the document
    # per open table: its number, a nested one?, rows, cells, a header in its first rows?
    open_tables: list[list[int]] = []
    leaves: list[list[int]] = []
    headed = False  # a table holding another has a header row: the whole reader reads it
    texts: set[int] = set()  # the tables begun inside a heading or paragraph
    records = False  # label：value records under a table (``htmlrecords``): read whole

    def walk(events: Iterable[tuple[str, etree._Element]]) -> None:
        nonlocal tables, trs, last_line, depth, rows_open, done, in_text, headed, records
        for event, element in events:
            if done:
                _let_go(element)
                continue
            tag = element.tag
            if event == "start":
                depth += 1
                in_text += tag in _WHOLE_TEXT
                if tag == "table":
                    tables += 1
                    for table in open_tables:
                        table[1] = 1
                    open_tables.append([tables, 0, 0, 0, 0, 0])
                    if in_text:
                        texts.add(tables)
                elif tag == "tr":
                    trs += 1
                    rows_open += 1
                    last_line = element.sourceline or 0
                continue
            depth -= 1
            in_text -= tag in _WHOLE_TEXT
            done = depth == 0
            if tag == "table":
                table = open_tables.pop()
                if not table[1]:
                    leaves.append(table)
                headed = headed or bool(table[1] and table[4])
            elif not open_tables and leaves and opens_record(element):
                records = True  # label：value records under a table: read whole, joined
            elif tag == "tr":
                rows_open -= 1
                if open_tables:
                    own = open_tables[-1]
                    if own[2] < HEADER_ROWS and not own[4] and is_header(row_texts(element)):
                        own[4] = 1
                    if len(element) <= 2 and own[5] >= 0:
                        # 事项名称 | … or 事项名称：… first: a record's; with a type (事项类型 |
                        # …) an item of its own, read in rows as any table
                        written = row_texts(element)
                        if not own[2] and opens_record_row(written):
                            own[5] = 1
                        elif own[5] and gives_type(written):
                            own[5] = -1
                    open_tables[-1][2] += 1
                    open_tables[-1][3] += len(element)
            if tag == "tr" or not rows_open:  # a row's cells are counted when it ends
                _let_go(element)

    template = False  # a comment of a page template's server (<%--): the whole reader blanks it
    carry = ""  # the end of the pieces before, where a block may cut "<%--" in two
    try:
        for piece in _pieces(blocks):
            template = template or SERVER_TEMPLATE.search(carry + piece) is not None
            carry = (carry + piece)[-3:]
            parser.feed(piece)
            tag_count += len(tags.feed(piece))
            walk(parser.read_events())
        root = parser.close()
        walk(parser.read_events())
    except (etree.LxmlError, ValueError):
        return None
    tag_count += len(tags.close())
    if root is None or too_deep(parser) is not None or not leaves or headed or template or records:
        return None
    if len(leaves) > 1 and any(number in texts for number, *_ in leaves):
        # a heading or paragraph holding a table: the whole reader's lead is its whole text,
        # known only at its end (rare enough to leave to it)
        return None
    long_page = trs > 0 and last_line >= LAST_LINE
    if long_page and tags.unclosed:
        return None  # the whole reader counts the tags after it: rare enough to leave to it
    if any(table[5] > 0 for table in leaves[1:]):
        # a table of label：value records after another (its first row 事项名称 | … or
        # 事项名称：…): records under it (``htmlrecords``, ``annexed.records_under``), read whole
        return None
    found = tuple(_Leaf(number, rows, cells) for number, _, rows, cells, *_ in leaves)
    return _Survey(found, long_page and tag_count == trs)


@dataclass(slots=True)
class _Open:
    """An element begun and not yet ended, with what its end needs."""

    element: etree._Element
    before: bool  # begun before the first leaf table
    keep: bool  # what it holds is read when it ends
    order: int  # its place among the elements, in the order they begin
    line: int | None = None  # a row's line, told by its tag


class HtmlRows:
    """The leaf tables of an HTML page, their rows made as they are iterated (:meth:`tables`),
    one pass over the page each time; the first table's ``context`` (the headings and
    paragraphs around the tables) fills in as they come. :meth:`open` gives None for a page
    :func:`~extractors.reading.formats.html.read_html` is to read whole."""

    def __init__(self, blocks: Blocks, survey: _Survey) -> None:
        self.blocks = blocks
        self.survey = survey

    @classmethod
    def open(cls, blocks: Blocks) -> HtmlRows | None:
        survey = _survey(blocks)
        return None if survey is None else cls(blocks, survey)

    def tables(self) -> Iterator[Table]:
        """The page's leaf tables, in order, as ``read_html`` gives their Grids."""
        return split_tables(self._run())

    def _run(self) -> Iterator[TableStart | SourceRow]:
        parser = _parser(events=("start", "end"))
        tags = TrTags() if self.survey.tag_lines else None
        lines: deque[int] = deque()
        walk = _Walk(self.survey, lines if tags is not None else None)
        try:
            for piece in _pieces(self.blocks):
                parser.feed(piece)
                if tags is not None:
                    lines.extend(tags.feed(piece))
                yield from walk.rows(parser.read_events())
            parser.close()
            if tags is not None:
                lines.extend(tags.close())
            yield from walk.rows(parser.read_events(), final=True)
        except (SpansTooWide, etree.LxmlError, ValueError):
            # spans past their budget, or a page that changed since the survey: the whole
            # reader says what is wrong
            raise ReadWhole("the page reads otherwise in rows") from None


class _Walk:
    """The parser's events made into table starts, rows and context lines, element by element.

    A heading between tables names their type (``Grid.lead``, when there are several): the last
    context line of the elements begun after the table before (in the order they begin, as the
    whole reader walks the tree) and before this one. Those that have ended gave their lines;
    those still open hold the table, and give the text before their first child
    (``context_lines``: a heading or paragraph holding a table is left to the whole reader)."""

    def __init__(self, survey: _Survey, lines: deque[int] | None) -> None:
        self.leaves = {leaf.number: leaf for leaf in survey.leaves}
        self.several = len(survey.leaves) > 1
        self.layout = RowLayout(0, 0)
        self.context: list[tuple[int, str]] = []
        self.lines = lines  # the lines of the tags the parser has yet to begin
        self.waiting: deque[tuple[str, etree._Element]] = deque()
        self.open: list[_Open] = []
        self.tables = 0
        self.inside = False  # in a leaf table
        self.begun = False  # the first leaf table has begun
        self.kept = 0  # open elements whose content is still to be read
        self.index = 0  # of the leaf table's row
        self.done = False  # the root element has ended: what follows is no part of the document
        self.order = 0  # elements begun
        self.since = -1  # the order of the last leaf table begun
        self.last: tuple[int, tuple[int, str]] | None = None  # the lead so far, by order
        # the last line naming a department (``html.read_html``'s owner), by order
        self.owner: tuple[int, tuple[int, str]] | None = None
        # a leaf table's start, given before its first row (or at its end): its own <caption>,
        # which comes after the table begins, is its lead when there are several
        self.pending: TableStart | None = None
        self.captioned = False
        self.table: etree._Element | None = None  # the leaf table begun last

    def rows(
        self, events: Iterable[tuple[str, etree._Element]], final: bool = False
    ) -> Iterator[TableStart | SourceRow]:
        """The table starts and rows the events complete. A row whose line its tag tells
        waits for that tag (the tags are searched a few characters behind the parser)."""
        waiting = self.waiting
        waiting.extend(events)
        lines = self.lines
        while waiting:
            event, element = waiting[0]
            if self.done:
                waiting.popleft()
                _let_go(element)
                continue
            if event == "start":
                if lines is not None and element.tag == "tr" and not lines and not final:
                    return
                waiting.popleft()
                self._start(element)
                continue
            waiting.popleft()
            row = self._end(element)
            if self.pending is not None and (row is not None or not self.inside):
                yield self.pending
                self.pending = None
            if row is not None:
                yield row

    def _start(self, element: etree._Element) -> None:
        tag = element.tag
        line = None
        if tag == "tr" and self.lines is not None:
            line = self.lines.popleft() if self.lines else None
        elif tag == "table":
            self.tables += 1
            leaf = self.leaves.get(self.tables)
            if leaf is not None:
                self.pending, self.captioned = self._leaf(leaf, element), False
                self.table = element
        keep = (self.inside and tag in ("tr", "caption")) or (
            not self.inside and tag in _WHOLE_TEXT
        )
        self.kept += keep
        self.order += 1
        self.open.append(_Open(element, not self.begun, keep, self.order, line))

    def _leaf(self, leaf: _Leaf, table: etree._Element) -> TableStart:
        """A leaf table begins: its start, with its lead."""
        last, owner = self.last, self.owner
        for opened in self.open:  # those begun since the table before hold this one
            lines = context_lines(opened.element, opened.before)
            if lines and opened.order > self.since and (last is None or opened.order > last[0]):
                last = (opened.order, lines[-1])
            owner = _owner(owner, opened.order, lines)
        if between := tail_lines(table, not self.begun):  # text right before the table
            last = (self.order + 1, between[-1])
            owner = _owner(owner, self.order + 1, between)
        first = not self.begun
        self.inside = self.begun = True
        self.layout = RowLayout(leaf.cells, leaf.rows)
        self.index = 0
        self.since, self.last = self.order + 1, None
        return TableStart(
            self.context if first else (),
            last[1] if last is not None and self.several else None,
            settled=not first,
            owner=owner[1] if owner is not None else None,
        )

    def _caption(self, element: etree._Element) -> None:
        """The leaf table's first own <caption> (行政许可 over its table of permits) is its lead,
        as the whole reader takes it (``html._caption``), when there are several tables."""
        own = bool(self.open) and self.open[-1].element.tag == "table"
        if self.pending is None or self.captioned or not own:
            return
        self.captioned = True
        text = " ".join("".join(element.itertext()).split())
        if text and self.several:
            lead = (element.sourceline or 0, text)
            self.pending = replace(self.pending, lead=lead)

    def _end(self, element: etree._Element) -> SourceRow | None:
        opened = self.open.pop()
        self.kept -= opened.keep
        row = None
        if self.inside:
            if element.tag == "tr":
                row = self.layout.row(element, opened.line or row_line(element, self.index))
                self.index += 1
            elif element.tag == "table":
                self.inside = False
            elif element.tag == "caption":
                self._caption(element)
            elif element.tag == "col" and next(element.iterancestors("table"), None) is self.table:
                self.layout.column(element)
        else:
            lines = context_lines(element, opened.before)
            self.context += lines
            self.owner = _owner(self.owner, opened.order, lines)
            later = self.last is None or opened.order > self.last[0]
            if lines and opened.order > self.since and later:
                self.last = (opened.order, lines[-1])
        if not self.kept:
            _let_go(element)
        self.done = not self.open
        return row


def _owner(
    owner: tuple[int, tuple[int, str]] | None, order: int, lines: list[tuple[int, str]]
) -> tuple[int, tuple[int, str]] | None:
    """The last line naming a department, by the order its element begins, once the ``lines``
    of the element begun ``order``-th are read (as the whole reader reads them in that order)."""
    named = owner_line(lines)
    if named is None or (owner is not None and order < owner[0]):
        return owner
    return order, named
