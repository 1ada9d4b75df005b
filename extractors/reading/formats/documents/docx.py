"""Reads the tables of a DOCX document into Grids (merged cells repeated and marked), with the
paragraphs around them as context."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from copy import deepcopy
from itertools import islice

import docx
from docx.exceptions import PythonDocxError
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.oxml.table import CT_Row, CT_Tbl
from docx.oxml.text.paragraph import CT_P
from lxml import etree
from openpyxl.utils.cell import get_column_letter

from extractors.errors import InputError
from extractors.models import Anomaly, Reject
from extractors.reading.formats.cells import drop_invisible
from extractors.reading.formats.documents.docxchunks import ALT_CHUNK, chunk_grids, shifted
from extractors.reading.formats.documents.docxheaders import headed_owner, header_titles
from extractors.reading.formats.documents.docxjoined import HEADER_ROWS, goes_on, heads, row_texts
from extractors.reading.formats.documents.docxnotes import RELATIONSHIPS, Notes
from extractors.reading.formats.documents.docxnumbers import ListNumbers
from extractors.reading.formats.documents.docxtext import (
    cell_text,
    paragraph_text,
    row_cells,
    table_rows,
)
from extractors.reading.formats.grid import Grid, SourceRow, Span
from extractors.reading.formats.strict import transitional_package
from extractors.reading.formats.text.page import read_plain
from extractors.reading.formats.titles import group_department
from extractors.reading.headers import is_header
from extractors.reading.limits import check_archive


def _text(raw: str) -> str:
    raw = drop_invisible(raw)
    return "\n".join(line.strip() for line in raw.splitlines() if line.strip())


def grid_width(tbl: CT_Tbl) -> int:
    """The columns of the table ``tbl``: its grid's, or its longest row's when that has more
    cells.

    A cell's gridSpan or a row's gridBefore is a number the file claims; a span of a million
    columns in a table of six is bounded by this, not repeated a million times.
    """
    grid = tbl.find(qn("w:tblGrid"))
    columns = len(grid.findall(qn("w:gridCol"))) if grid is not None else 0
    return max([columns, 1] + [sum(1 for _ in row_cells(tr)) for tr in table_rows(tbl)])


class RowReader:
    """The rows of one table read in turn (``number`` numbers the document's blocks before
    it): a cell spanning columns (gridSpan) or continuing a vertical merge (vMerge) repeats the
    text of the cell it continues, marked so in ``spans``; text that Word keeps but hides in a
    continuing cell is a note. Spans reach no further than the table's ``width``
    (:func:`grid_width`) leaves room for the row's other cells. The whole reader and the one
    that reads a row at a time (``docxrows``) read rows alike through it."""

    def __init__(
        self,
        width: int,
        number: int,
        numbers: ListNumbers | None = None,
        notes: Notes | None = None,
    ) -> None:
        self.width = width
        # the text of the footnotes and endnotes, read after the cells referring to them
        self.notes = notes or Notes({})
        # the numbers of the document's numbered lists, counted over its tables
        self.numbers = numbers or ListNumbers(None)
        self.number = number  # of the last block read
        self.at = 0  # the row of the table
        # grid column -> (text, table row) of the vertical merge running there
        self.above: dict[int, tuple[str, int]] = {}

    def row(self, tr: CT_Row) -> SourceRow:
        """The row of ``tr``, the table's next."""
        self.number += 1
        self.at += 1
        at, width, above = self.at, self.width, self.above
        before = max(0, min(tr.grid_before, width - 1))
        raw: list[str] = [""] * before
        spans: list[Span] = ["own"] * before
        notes: list[Anomaly] = []
        cells = list(row_cells(tr))
        for index, tc in enumerate(cells):
            column = len(raw)
            found = cell_text(tc)
            if found.hidden and (vanished := _text("".join(found.hidden))):
                where = f"{get_column_letter(column + 1)}{at}"
                notes.append(
                    Anomaly(
                        "hidden-text",
                        f"cell {where} of the table holds text formatted hidden (w:vanish), "
                        "which Word neither shows nor prints; not read",
                        where,
                        vanished,
                    )
                )
            if tc.vMerge == "continue":
                text, begun = above.get(column, ("", at))
                hidden = _text(str(found))
                if hidden:
                    # Cells named as in a sheet: column letter, then the row of the table.
                    where = f"{get_column_letter(column + 1)}{at}"
                    notes.append(
                        Anomaly(
                            "hidden-cell",
                            f"cell {where} of the table holds text hidden under the vertical "
                            f"merge begun at {get_column_letter(column + 1)}{begun}; not read",
                            where,
                            hidden,
                        )
                    )
                first: Span = "above"
            else:
                text = str(found) + self.notes.after(found)
                first = "own"
                if not text.strip() and (p := tc.find(qn("w:p"))) is not None:
                    # a 序号 Word numbers (a numbered list's paragraph, no text of its own)
                    text = self.numbers.label(p)
                if tc.vMerge == "restart":
                    above[column] = (text, at)
                else:
                    above.pop(column, None)
            # The cells after this one keep a column each.
            room = width - column - (len(cells) - index - 1)
            for copy in range(max(1, min(tc.grid_span, room))):
                raw.append(text)
                spans.append(first if copy == 0 else "left" if first == "own" else "above")
        return SourceRow(
            self.number,
            tuple(_text(c) for c in raw),
            tuple(raw),
            tuple(notes),
            tuple(spans) if any(s != "own" for s in spans) else (),
        )


def paragraph_line(p: CT_P, notes: Notes | None = None) -> str:
    """The text of a paragraph as a context line (its lines stripped, blank ones dropped), the
    text of the ``notes`` it refers to after it."""
    found = paragraph_text(p)
    return _text(str(found) + (notes.after(found) if notes else ""))


#: What python-docx meets in a damaged document: each one InputError naming the file.
DAMAGE = (
    PackageNotFoundError,
    PythonDocxError,
    KeyError,
    ValueError,
    EOFError,
    zipfile.BadZipFile,
    zlib.error,  # a member whose compressed data is damaged
)


def read_docx(data: bytes, path: str) -> list[Grid]:
    """One Grid per table. ``line`` numbers the document's blocks in order (each paragraph and
    each table row is one), so a title paragraph comes before the header row it names. A
    document without a table is read as page text, its paragraphs its lines.

    Damage python-docx meets (a part missing or its compressed data damaged, XML that is
    not well formed or amplifies entities, an attribute that is no number) is one InputError
    naming the file."""
    check_archive(data, path)
    try:
        data = transitional_package(data)  # a document saved as Strict Open XML
        unreads: list[tuple[int, str]] = []
        grids = _read_docx(data, path, unreads)
    except etree.XMLSyntaxError as err:
        raise InputError(path, f"not a readable docx document (bad XML: {err})") from None
    except DAMAGE as err:
        raise InputError(path, f"not a readable docx document ({err})") from None
    if len(grids) == 1 and not grids[0].rows:
        # No table: the paragraphs may hold the list as label：value records (事项名称：…) or
        # flattened into text, as a PDF page without a table may; read as page text.
        plain = read_plain("\n".join(text for _, text in grids[0].context), path)
        headed = any(g.header is not None or any(is_header(r.cells) for r in g.rows) for g in plain)
        if not headed and unreads:
            raise InputError(
                path,
                f"no table, and the document takes in a part of type {unreads[0][1]} (w:altChunk) "
                "that is not read: open it in Word and save it again, or get the list as a "
                "spreadsheet",
            )
        if not headed and (pictures := _pictures(data)):
            # no list in the text, and pictures: the list pasted in as an image (a scan), said
            # so, as a PDF without a text layer is
            raise InputError(
                path,
                f"no table and no list in the text: the document holds {pictures} picture(s), "
                "the list as an image? run OCR on it, or get the list as a spreadsheet or "
                "document",
            )
        return plain
    return grids


def _pictures(data: bytes) -> int:
    """How many pictures (``w:drawing``, VML ``w:pict``) the body of the document holds."""
    body = docx.Document(io.BytesIO(data)).element.body
    return sum(1 for _ in body.iter(qn("w:drawing"), qn("w:pict")))


def numbering_part(data: bytes) -> bytes | None:
    """The numbering part (``word/numbering.xml``) of the DOCX ``data``, if it has one."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        try:
            return archive.read("word/numbering.xml")
        except KeyError:
            return None


def body_blocks(body: etree._Element) -> Iterator[etree._Element]:
    """The paragraphs and tables of ``body``, those a content control wraps (``w:sdt``, a form's
    field around a table or paragraphs) in place, those of a text box that holds a table (the
    list laid out in a floating box) after the paragraph anchoring it, and those in the cells of
    a layout table (:func:`layout_cells`) in place of it."""
    for block in body.iterchildren():
        if block.tag == qn("w:sdt"):
            content = block.find(qn("w:sdtContent"))
            if content is not None:
                yield from body_blocks(content)
        elif block.tag == qn("w:tbl") and (cells := layout_cells(block)) is not None:
            for tc in cells:
                yield from body_blocks(tc)
        elif block.tag == qn("w:p") and (boxes := table_boxes(block)):
            anchor = deepcopy(block)
            for box in table_boxes(anchor):
                for child in list(box):
                    box.remove(child)
            yield anchor
            for box in boxes:
                yield from body_blocks(box)
        else:
            yield block


def holds_list(tc: etree._Element) -> bool:
    """Whether the cell ``tc`` holds a table with a header row (a list, not a cell's lines)."""
    return any(
        is_header([_text(str(cell_text(c))) for c in row_cells(tr)])
        for inner in tc.iterchildren(qn("w:tbl"))
        for tr in table_rows(inner)
    )


def layout_cells(tbl: etree._Element) -> list[etree._Element] | None:
    """The cells of ``tbl`` when it is a table that lays the page out (the list's table nested
    in one of its cells, under a title in another: a page exported from a web site's layout),
    else None: none of its own rows (the paragraphs of its cells) is a header, and a cell
    holds a table that has one (:func:`holds_list`)."""
    rows = [list(row_cells(tr)) for tr in table_rows(tbl)]
    if not any(holds_list(tc) for cells in rows for tc in cells):
        return None
    for cells in rows:
        own = [" ".join(paragraph_line(p) for p in tc.iterchildren(qn("w:p"))) for tc in cells]
        if is_header(own):
            return None
    return [tc for cells in rows for tc in cells]


def table_boxes(p: etree._Element) -> list[etree._Element]:
    """The text boxes (``w:txbxContent``) of the paragraph ``p`` that hold a table, but for
    the copies a drawing keeps for old readers (``mc:Fallback``)."""
    return [
        box
        for box in p.iter(qn("w:txbxContent"))
        if box.find(f".//{qn('w:tbl')}") is not None
        and not any(a.tag == FALLBACK for a in box.iterancestors())
    ]


FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _numbered(label: str, text: str) -> str:
    """The paragraph ``text`` after the ``label`` Word numbers it with, apart by a space
    where the label ends in a digit or a letter (Word sets a tab after it).

    >>> _numbered("一、", "行政许可"), _numbered("1", "事项名称：…"), _numbered("", "说明")
    ('一、行政许可', '1 事项名称：…', '说明')
    """
    if not label.strip():
        return text
    return label + (" " if label[-1].isalnum() else "") + text


def _read_docx(data: bytes, where: str, unreads: list[tuple[int, str]]) -> list[Grid]:
    """The Grids of the document ``data``; the parts it takes in whole that are not read (the
    line of each, its content type) go to ``unreads``, and are the first Grid's rejects."""
    document = docx.Document(io.BytesIO(data))
    numbering = numbering_part(data)
    numbers = ListNumbers(numbering)
    # the labels Word numbers paragraphs with (一、 1.), read when the document has no table
    labels = ListNumbers(numbering)
    numbered: list[tuple[int, str]] = []
    notes = Notes(
        {
            kind: rel.target_part.blob
            for rel in document.part.rels.values()
            for kind, reltype in RELATIONSHIPS.items()
            if rel.reltype == reltype and not rel.is_external
        }
    )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        # a title in the page headers, before the body's first line
        context: list[tuple[int, str]] = [(0, title) for title in header_titles(archive)]
    tables: list[tuple[int, list[SourceRow], tuple[int, str] | None, tuple[int, str] | None]] = []
    number = 0
    last: tuple[int, str] | None = None  # the last paragraph since the table before
    owner = headed_owner(context)  # the last paragraph naming a department
    # (whether it has a header, its width) of the table right before, only empty paragraphs
    # since: a table the page break split goes on from it (docxjoined)
    joinable: tuple[bool, int] | None = None
    for block in body_blocks(document.element.body):
        if block.tag == qn("w:p"):
            number += 1
            text = paragraph_line(block, notes)
            label = labels.label(block, shown=True)
            if text:
                joinable = None
                context.append((number, text))
                numbered.append((number, _numbered(label, text)))
                last = (number, text)
                owner = (number, text) if group_department(text) else owner
        elif block.tag == qn("w:tbl"):
            # Rows of empty cells stay: inside the table they are blank rows.
            width = grid_width(block)
            reader = RowReader(width, number, numbers, notes)
            rows = [reader.row(tr) for tr in table_rows(block)]
            number += len(rows)
            texts = [row_texts(tr) for tr in islice(table_rows(block), HEADER_ROWS)]
            first = texts[0] if texts else None
            if joinable is not None and goes_on(joinable[0], joinable[1], width, first):
                tables[-1][1].extend(rows)  # the rest of the table right before
            else:
                tables.append((len(tables) + 1, rows, last, owner))
                joinable = (heads(texts), width)
            last = None
        elif block.tag == ALT_CHUNK:
            # a web page or text taken in whole: its tables in place, its lines the document's
            joinable = None
            found, unread = chunk_grids(document.part, block, where)
            if unread is not None:
                unreads.append((number + 1, unread))
            for grid in (shifted(g, number) for g in found):
                context += grid.context
                numbered += grid.context
                if grid.rows:
                    tables.append((len(tables) + 1, list(grid.rows), last, owner))
                    last = None
                number = max([number, *(r.line for r in grid.rows), *(n for n, _ in grid.context)])
    if not tables:
        # read as page text: each paragraph with the number Word shows before it
        return [Grid((), tuple(numbered))]
    # a heading between tables names their type (一、行政许可（3项）), when there are several;
    # a paragraph naming a department (县人力社保局) gives it to the tables below, even one alone
    several = len(tables) > 1
    rejects = tuple(
        Reject(where, line, "w:altChunk", f"a part of type {kind} taken in whole, not read")
        for line, kind in unreads
    )
    return [
        Grid(
            tuple(rows),
            tuple(context) if index == 1 else (),
            rejects if index == 1 else (),
            name=f"table {index}",
            lead=lead if several else None,
            owner=owner,
        )
        for index, rows, lead, owner in tables
    ]
