"""Reads the tables of a large DOCX document a row at a time (``extractors.reading.tables_stream``),
giving the rows, leads and context :func:`~extractors.reading.formats.documents.docx.read_docx`
gives, while ``word/document.xml`` is parsed a block of bytes at a time and each row let go once
read.

python-docx reads a document whole (every part's bytes, then ``word/document.xml`` as one
tree). Here the package is first opened by python-docx with that one part made empty, so that
every other part is read and checked as the whole reader checks it; then the document part is
parsed by lxml's ``XMLPullParser`` with python-docx's own options and element classes (the same
tree, element by element), in a first pass (the survey: the tables in the body, the width of
each, the paragraphs) and then in rows, table after table. A document of tables in its body is
read in rows; any other (no table, a package or document that python-docx or the parser
refuses) is left to the whole reader, which reads it or says what is wrong.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import docx
from docx.oxml.ns import qn
from docx.oxml.parser import element_class_lookup
from lxml import etree

from extractors.errors import InputError
from extractors.reading.formats.documents.docx import (
    DAMAGE,
    RowReader,
    holds_list,
    paragraph_line,
    table_boxes,
)
from extractors.reading.formats.documents.docxchunks import ALT_CHUNK
from extractors.reading.formats.documents.docxheaders import headed_owner, header_titles
from extractors.reading.formats.documents.docxjoined import HEADER_ROWS, goes_on, heads, row_texts
from extractors.reading.formats.documents.docxnotes import MEMBERS, Notes
from extractors.reading.formats.documents.docxnumbers import ListNumbers
from extractors.reading.formats.documents.docxtext import is_deleted, row_cells, row_table
from extractors.reading.formats.grid import ReadWhole, SourceRow
from extractors.reading.formats.tables import Table, TableStart, split_tables
from extractors.reading.formats.titles import group_department
from extractors.reading.limits import check_archive

#: The document part, where a package made by Word and others keeps it.
DOCUMENT = "word/document.xml"
_BLOCK_BYTES = 1 << 20
_BODY, _P, _TBL, _TR = qn("w:body"), qn("w:p"), qn("w:tbl"), qn("w:tr")
_SDT = qn("w:sdt")
NUMBERING = "word/numbering.xml"
_GRID = qn("w:tblGrid")
_EMPTY = (
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body/></w:document>"
)


def document_size(path: Path) -> int:
    """The unpacked size of the document part of the DOCX file ``path`` (0 for any other
    file): what reading it whole holds, as a tree, many times over."""
    try:
        with path.open("rb") as file:
            if file.read(4) != b"PK\x03\x04":
                return 0
        with zipfile.ZipFile(path) as archive:
            return archive.getinfo(DOCUMENT).file_size
    except (OSError, KeyError, zipfile.BadZipFile):
        return 0


def _without_document(archive: zipfile.ZipFile) -> bytes:
    """The package with its document part empty (every other member as it is)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in archive.infolist():
            copy.writestr(info, _EMPTY if info.filename == DOCUMENT else archive.read(info))
    return out.getvalue()


def _package_reads(data: bytes) -> bool:
    """Whether python-docx reads the package ``data`` (its document part aside) as it reads it
    whole, and finds its document where :data:`DOCUMENT` says."""
    try:
        check_archive(data, "")
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if DOCUMENT not in archive.namelist():
                return False
            stub = _without_document(archive)
        document = docx.Document(io.BytesIO(stub))
    except (InputError, etree.LxmlError, NotImplementedError, RuntimeError, *DAMAGE):
        return False
    return str(document.part.partname) == "/" + DOCUMENT


def _events(path: Path) -> Iterator[tuple[str, etree._Element]]:
    """The start and end of each element of the document part, parsed as python-docx parses it
    (its options, its element classes), a block of bytes at a time."""
    parser = etree.XMLPullParser(
        events=("start", "end"), remove_blank_text=True, resolve_entities=False
    )
    parser.set_element_class_lookup(element_class_lookup)
    with zipfile.ZipFile(path) as archive, archive.open(DOCUMENT) as part:
        while block := part.read(_BLOCK_BYTES):
            parser.feed(block)
            yield from parser.read_events()
        parser.close()
        yield from parser.read_events()


def _let_go(element: etree._Element) -> None:
    """Drop what ``element`` holds and the siblings read before it."""
    element.clear(keep_tail=True)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


@dataclass(frozen=True, slots=True)
class _Block:
    """What begins, a table of the body, or what ends: a block of the body (a paragraph, a
    table), a row of a table in it, or the first grid of such a table."""

    element: etree._Element
    kind: Literal["table", "block", "row", "grid"]


def _blocks(events: Iterable[tuple[str, etree._Element]]) -> Iterator[_Block]:
    """The body's tables as they begin, its blocks and its tables' rows as they end (what
    ``document.element.body`` holds: the first ``w:body`` of the document), each let go once
    the caller has it."""
    depth = 0
    body: etree._Element | None = None
    gridded: etree._Element | None = None  # the table whose grid was given
    done = False
    for event, element in events:
        if event == "start":
            depth += 1
            if depth == 2 and body is None and element.tag == _BODY:
                body = element
            elif depth == 3 and not done and element.tag == _TBL and element.getparent() is body:
                yield _Block(element, "table")
            continue
        depth -= 1
        if done or body is None:
            continue
        parent = element.getparent()
        if depth == 2 and parent is body:
            if element.tag in (_SDT, ALT_CHUNK) or (element.tag == _P and table_boxes(element)):
                # what a content control wraps in the body, a table or paragraphs, a table in
                # a text box and a part taken in whole (w:altChunk) are read in place by the
                # whole reader (docx.body_blocks, docxchunks)
                raise ReadWhole
            yield _Block(element, "block")
            _let_go(element)
        elif element.tag == _TR:
            # a row of a table in the body (inside a content control too; not a nested table's)
            table = row_table(element)
            if table is not None and table.getparent() is body:
                if any(holds_list(tc) for tc in row_cells(element)):
                    # a list's table nested in a cell: a layout table, whose cells the whole
                    # reader reads in place of it (docx.layout_cells)
                    raise ReadWhole
                if not is_deleted(element):
                    yield _Block(element, "row")
                _let_go(element)  # and what came before it: the grid, told as it ended
        elif depth == 3 and parent is not None and parent.getparent() is body:
            if parent.tag != _TBL:
                continue
            if element.tag == _GRID and gridded is not parent:
                gridded = parent  # its first grid: the one python-docx's ``find`` gives
                yield _Block(element, "grid")
        elif element is body:
            done = True


@dataclass(frozen=True, slots=True)
class _Survey:
    """What the first pass over the document part found: the width of each table in its body
    (``grid_width``, its rows let go as they are counted) and the paragraphs around them,
    numbered as the whole reader numbers them (each paragraph and each row a block)."""

    widths: tuple[int, ...]
    context: tuple[tuple[int, str], ...]
    #: whether each table goes on from the one right before it (``docxjoined``)
    joins: tuple[bool, ...]


def _notes(path: Path) -> Notes:
    """The footnotes and endnotes of the DOCX file ``path``, where Word keeps them."""
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        return Notes({kind: archive.read(m) for kind, m in MEMBERS.items() if m in names})


def _survey(path: Path) -> _Survey | None:
    """The document's tables and context, or None when its body holds no table."""
    notes = _notes(path)
    widths: list[int] = []
    number = 0
    with zipfile.ZipFile(path) as archive:
        context: list[tuple[int, str]] = [(0, title) for title in header_titles(archive)]
    firsts: list[list[list[str]]] = []  # the texts of each table's first rows
    texted: list[bool] = []  # whether a paragraph with text stands before each table
    text = "a document's start"
    for block in _blocks(_events(path)):
        element = block.element
        if block.kind == "table":
            widths.append(1)
            firsts.append([])
            texted.append(bool(text))
            text = ""
        elif block.kind == "row":
            number += 1
            widths[-1] = max(widths[-1], sum(1 for _ in row_cells(element)))
            if len(firsts[-1]) < HEADER_ROWS:
                firsts[-1].append(row_texts(element))
        elif block.kind == "grid":
            widths[-1] = max(widths[-1], len(element.findall(qn("w:gridCol"))))
        elif element.tag == _P:
            number += 1
            line = paragraph_line(element, notes)
            if line:
                text = line
                context.append((number, line))
    if not widths:
        return None
    return _Survey(tuple(widths), tuple(context), _joins(widths, firsts, texted))


def _joins(
    widths: list[int], firsts: list[list[list[str]]], texted: list[bool]
) -> tuple[bool, ...]:
    """Whether each table goes on from the one right before it (``docxjoined.goes_on``), as
    the whole reader joins them."""
    joins: list[bool] = []
    group: tuple[bool, int] | None = None  # of the table the last ones went on from
    for width, texts, before in zip(widths, firsts, texted, strict=True):
        first = texts[0] if texts else None
        joined = not before and group is not None and goes_on(group[0], group[1], width, first)
        joins.append(joined)
        group = group if joined else (heads(texts), width)
    return tuple(joins)


class DocxRows:
    """The tables in a DOCX document's body, their rows made as they are iterated
    (:meth:`tables`); the first table's ``context`` (the paragraphs around them, numbered as
    the whole reader numbers them) is known from the survey, so the list's description is known
    before its first row. :meth:`open` gives None for a document ``read_docx`` is to read
    whole."""

    def __init__(self, path: Path, survey: _Survey) -> None:
        self.path = path
        self.widths = survey.widths
        self.context = survey.context
        self.joins = survey.joins

    @classmethod
    def open(cls, data: bytes, path: Path) -> DocxRows | None:
        if not _package_reads(data):
            return None
        try:
            survey = _survey(path)
        except (etree.LxmlError, ReadWhole, *DAMAGE):
            return None
        return None if survey is None else cls(path, survey)

    def tables(self) -> Iterator[Table]:
        """The document's tables, in order, as ``read_docx`` gives their Grids."""
        return split_tables(self._run())

    def _run(self) -> Iterator[TableStart | SourceRow]:
        number = 0  # blocks read: paragraphs, and rows of the tables before
        last: tuple[int, str] | None = None  # the last paragraph since the table before
        owner = headed_owner(self.context)  # the last paragraph naming a department
        several = self.joins.count(False) > 1
        tables = 0
        reader = RowReader(1, 0)
        with zipfile.ZipFile(self.path) as archive:
            names = set(archive.namelist())
            numbering = archive.read(NUMBERING) if NUMBERING in names else None
        numbers = ListNumbers(numbering)  # counted over the tables, as the whole reader counts
        notes = _notes(self.path)
        try:
            for block in _blocks(_events(self.path)):
                element = block.element
                if block.kind == "table":
                    reader = RowReader(self.widths[tables], number, numbers, notes)
                    if self.joins[tables]:  # the rest of the table right before
                        tables += 1
                        last = None
                        continue
                    context = self.context if not tables else ()
                    # a heading between tables names their type (一、行政许可（3项）)
                    yield TableStart(context, last if several else None, owner=owner)
                    tables += 1
                    last = None
                elif block.kind == "row":
                    yield reader.row(element)
                    number = reader.number
                elif element.tag == _P:
                    number += 1
                    text = paragraph_line(element, notes)
                    if text:
                        last = (number, text)
                        owner = (number, text) if group_department(text) else owner
        except (etree.LxmlError, IndexError, *DAMAGE):
            raise ReadWhole("the document part reads otherwise in rows") from None
