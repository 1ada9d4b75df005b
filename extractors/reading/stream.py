"""Reads a large list in batches of items, so that reading and building it holds a batch, not the
list (issue #20, item 13: one list of 200 k items took 7.8 GB).

A list is read twice. The first reading sums it item by item (``extractors.reading.summary``: its
counts, plausibility and content digest) and keeps what is small (its description, rejects,
sections, row counts); the second hands out its items ``BATCH_ITEMS`` at a time, through the same
reader and the same assembly (``extractors.reading.assemble.Assembly``), so the items are those
:func:`~extractors.reading.read.read_list` gives, one batch after another. Each batch is let go
before the next is read. A file that changes between the readings is refused (its digest).

Formats whose rows a reader gives one at a time are read so: pipe tables (Markdown), CSV/TSV,
JSON (an array of records, at the top level or in an envelope such as ``{"data": {"list":
[...]}}``, or JSON Lines: ``formats.records.RecordRows``), from ``STREAM_MIN_BYTES`` on; HTML pages
and DOCX documents, of one table or several (``formats.htmlrows``, ``formats.documents.docxrows``,
table by table through ``extractors.reading.tables_stream``), from ``STREAM_MIN_BYTES`` on (a
DOCX file: its document part unpacked); XLS workbooks a sheet at a time (``formats.sheets.xls``,
through ``tables_stream``) from ``STREAM_MIN_BYTES`` on; XLSX workbooks from
``XLSX_STREAM_MIN_BYTES`` on (``extractors.reading.workbook_stream``); a PDF's tables (one or
several), page by page, from ``PDF_STREAM_MIN_BYTES`` on (``formats.documents.pdfrows``, through
``tables_stream``, whose first reading keeps the rows it lays out for the readings after it), and
the text of a PDF without a table as page text; a DOC or WPS document from ``STREAM_MIN_BYTES``
on, converted by LibreOffice into a DOCX file read as a DOCX is (``formats.documents.docrows``);
page text (a web page copied as text, a notice with annexes) from ``STREAM_MIN_BYTES`` on, its
lists found and split by a survey of the page, which keeps their rows for the readings after it
(``formats.text.pagerows``, through ``tables_stream``). A smaller file, and a file whose first
reading finds no table, is no valid JSON, or is read in a way judged wrong (which
:func:`read_list` may then read another way, or refuse with its message) is read whole by
:func:`read_list`.

The text of a text file is not held: its encoding and format are found going through it once
(``extractors.reading.textfile``), and each reading decodes the file again, a block at a time
(JSON too: its records are decoded one at a time from a window over the text,
``formats.jsonwindow``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from extractors.errors import InputError
from extractors.models import ListMeta, PowerItem, PowerList, Reject
from extractors.reading.assemble import Assembly
from extractors.reading.decode import MIXED, REPAIRED, decode_text
from extractors.reading.detect import (
    FORMATS,
    detect_binary,
    detect_text,
    is_encrypted,
)
from extractors.reading.formats.delimited import delimited_rows
from extractors.reading.formats.documents.docxrows import DocxRows, document_size
from extractors.reading.formats.documents.pdfrows import PdfTables
from extractors.reading.formats.grid import ReadWhole, SourceRow
from extractors.reading.formats.htmlrows import HtmlRows
from extractors.reading.formats.lines import block_file_lines, block_lines
from extractors.reading.formats.markdown import MarkdownRows
from extractors.reading.formats.records import RecordRows
from extractors.reading.formats.text.pagerows import PageTables
from extractors.reading.limits import MAX_FILE_BYTES
from extractors.reading.meta import read_meta
from extractors.reading.read import read_bytes, read_list
from extractors.reading.summary import ItemCounts, Summary, full_batches
from extractors.reading.tables_stream import Tables, TablesStream, open_tables_stream
from extractors.reading.textfile import decoded_blocks, sniff

if TYPE_CHECKING:
    from typing import TypeAlias

    from extractors.reading.workbook_stream import WorkbookStream

#: Files from this size on are read in batches, when their format allows (below it a list is
#: small enough to read whole: some 35,000 items of Markdown). A DOCX file is as large as its
#: document part unpacked (some 370 bytes a cell, packed ten to thirty times smaller).
STREAM_MIN_BYTES = 4 * 2**20
#: XLSX workbooks from this size on are read in batches (compressed, a sheet's XML takes a
#: quarter of the bytes of the same list in Markdown: some 35,000 items of a workbook).
XLSX_STREAM_MIN_BYTES = 2**20
#: PDF files from this size on are read in batches, page by page (some 10,000 items of a ruled
#: list; read whole, a PDF list takes some 2.3 KB an item).
PDF_STREAM_MIN_BYTES = 2**20
#: Items handed out at a time (some 2 MB of items).
BATCH_ITEMS = 2_000


@dataclass(frozen=True, slots=True)
class _Rows:
    """A reader's rows for the assembly, how it tells the header, and its context lines."""

    rows: Iterable[SourceRow]
    header: int | Callable[[], int | None] | None
    context: list[tuple[int, str]]
    rejects: Sequence[Reject] = ()


#: Formats of several tables, read by ``tables_stream``.
_TABLES = frozenset({"html", "docx", "pdf", "text"})
#: Text formats read in batches.
_TEXT_FORMATS = frozenset({"markdown", "json", "csv", "tsv", "html", "text"})
_DELIMITERS = {"csv": ",", "tsv": "\t"}
#: What a text file read again may meet, when it changed or a reading cannot be made in rows.
_UNREADABLE = (ReadWhole, UnicodeDecodeError)


def _text_rows(path: Path, fmt: str, encoding: str, where: str) -> Reads | None:
    """How to read the rows of a text file in a format read in batches again, each reading
    decoding the file anew (None: this file is read whole)."""

    def blocks() -> Iterator[str]:
        return decoded_blocks(path, encoding)

    if fmt == "text":  # page text: its lists, found by a survey of the page
        return PageTables.of_file(path, encoding, where)
    if fmt == "html":
        page = HtmlRows.open(lambda: decoded_blocks(path, encoding, lines=False))  # its survey
        return None if page is None else page.tables
    if fmt == "markdown":

        def markdown() -> _Rows:
            table = MarkdownRows(lines=lambda: block_lines(blocks()))
            return _Rows(table, lambda: table.header_at, table.context)

        return markdown
    if fmt == "json":
        found = RecordRows.open(lambda: decoded_blocks(path, encoding, lines=False), where)
        return None if found is None else lambda: _Rows(found, 0, found.context, found.rejects)
    delimiter = _DELIMITERS[fmt]
    return lambda: _Rows(
        delimited_rows("", where, delimiter, lines=block_file_lines(blocks())), None, []
    )


#: The rows of a list again, from its file; None when the file no longer gives them.
Rows = Callable[[], "_Rows | None"]
#: How a list of one table is read again (its rows), or one of several (``tables_stream``).
Reads = Rows | Tables


@dataclass(frozen=True, slots=True)
class ListStream:
    """A list read in batches: ``head`` is the list as :func:`read_list` reads it but for its
    items (``items`` is empty; rejects, sections, counts, description and plausibility are
    all there), ``counts`` its items counted, ``digest`` its content digest
    (``summary.ContentDigest``); :meth:`batches` reads its items again, a batch at a time."""

    head: PowerList
    counts: ItemCounts
    digest: str
    rows: Rows  # the rows again, read from the file
    where: str
    keys: frozenset[str]

    def batches(self, size: int | None = None) -> Iterator[tuple[PowerItem, ...]]:
        """The items, ``size`` (``BATCH_ITEMS``) at a time, in order: the same as
        ``read_list(path).items``."""
        size = size or BATCH_ITEMS
        head = self.head
        try:
            run = _assembly(self.rows, head.source, self.where)
        except _UNREADABLE:  # before the header
            run = None
        if run is None:
            raise InputError(self.where, "changed while it was read; read it again")
        digest = Summary(head.meta).digest
        try:
            last = yield from full_batches(run.items(run.drafts(), self.keys), size, digest)
        except _UNREADABLE:
            raise InputError(self.where, "changed while it was read; read it again") from None
        if digest.hexdigest() != self.digest:
            raise InputError(self.where, "changed while it was read; read it again")
        yield last


if TYPE_CHECKING:
    #: A list read in batches: a text list, a page or document of tables, an XLSX workbook.
    Streamed: TypeAlias = ListStream | TablesStream | WorkbookStream


def open_list(
    path: str | Path,
    *,
    format: str | None = None,
    encoding: str | None = None,
    min_bytes: int | None = None,
) -> PowerList | Streamed:
    """The list in ``path``: read in batches (a :class:`ListStream`, or for an XLSX workbook a
    ``workbook_stream.WorkbookStream``) when it is large and its format allows, else read whole
    (:func:`read_list`, whose arguments these are). Large is ``min_bytes``
    (``STREAM_MIN_BYTES``, for a workbook ``XLSX_STREAM_MIN_BYTES``) and more.

    >>> from importlib import resources
    >>> seed = resources.files("extractors") / "samples" / "000_814c7fb49acd7d24.txt"
    >>> type(open_list(str(seed))).__name__
    'PowerList'
    """
    path = Path(path)
    where = str(path)
    whole = lambda: read_list(path, format=format, encoding=encoding)  # noqa: E731
    if format is not None and format not in FORMATS:
        return whole()  # which says what is wrong
    least = STREAM_MIN_BYTES if min_bytes is None else min_bytes
    least_xlsx = XLSX_STREAM_MIN_BYTES if min_bytes is None else min_bytes
    if not path.is_file() or (size := path.stat().st_size) > MAX_FILE_BYTES:
        return whole()
    large = max(size, document_size(path)) >= least  # a DOCX: its document part unpacked
    make: tuple[Reads, str, str | None] | None = None
    pdf: PdfTables | None = None  # a PDF read page by page
    if _is_archive(path):
        if size < least_xlsx and not large:
            return whole()
        data = read_bytes(path)  # only the whole bytes tell an archive's format, read once
        kind = None if is_encrypted(data) else format or detect_binary(data)
        if kind == "xlsx" and size >= least_xlsx:
            del data  # read again from the file, a part at a time
            return _open_workbook(path) or whole()
        if kind == "xls" and large:
            del data  # read again from the file, a sheet at a time
            return _open_old_workbook(path) or whole()
        if kind == "doc" and large:
            del data  # converted from the file, its conversion read from a file
            return _open_doc(path) or whole()
        make = _docx_rows(data, path) if kind == "docx" and large else None
        del data
    elif large and _is_binary(path, format, "spreadsheetml"):
        return _open_spreadsheetml(path) or whole()
    elif size >= (PDF_STREAM_MIN_BYTES if min_bytes is None else min_bytes) and _is_pdf(
        path, format
    ):
        pdf = PdfTables(path)
        make = pdf.tables, "pdf", None
    elif large:
        make = _text_file_rows(path, format, encoding)
    if make is None:
        return whole()
    rows, fmt, used = make
    if fmt in _TABLES:  # read by tables_stream, which catches what it cannot read
        tables = open_tables_stream(cast("Tables", rows), fmt, path.name, where, used)
        if tables is None and pdf is not None and (plain := pdf.page_text()) is not None:
            # no table: its text read as page text (the pages laid out once)
            pages = pdf.with_unread(PageTables.of_lines(plain, where))
            del plain
            tables = open_tables_stream(pages, "pdf", path.name, where)
        return tables or whole()
    try:
        stream = _first_reading(cast("Rows", rows), fmt, path.name, where, used)
    except _UNREADABLE:
        stream = None
    return whole() if stream is None else stream


def _is_archive(path: Path) -> bool:
    """A ZIP or OLE file (an Office document), whose format only its whole bytes tell."""
    with path.open("rb") as file:
        return file.read(8).startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0"))


def _is_pdf(path: Path, format: str | None) -> bool:
    """A PDF, as ``read_list`` tells one from its first bytes (or as ``format`` says)."""
    return _is_binary(path, format, "pdf")


def _is_binary(path: Path, format: str | None, kind: str) -> bool:
    """A file of the binary format ``kind``, as ``read_list`` tells one from its first bytes
    (or as ``format`` says)."""
    if format is not None:
        return format == kind
    with path.open("rb") as file:
        return detect_binary(file.read(1 << 16)) == kind


def _open_spreadsheetml(path: Path) -> TablesStream | None:
    """A SpreadsheetML workbook read in batches, a row at a time (``formats.sheets.
    spreadsheetml``)."""
    from extractors.reading.formats.sheets.spreadsheetml import spreadsheetml_tables

    return open_tables_stream(spreadsheetml_tables(path), "spreadsheetml", path.name, str(path))


def _open_workbook(path: Path) -> WorkbookStream | None:
    """An XLSX workbook read in batches (``extractors.reading.workbook_stream``, imported
    when one is met)."""
    from extractors.reading.workbook_stream import open_workbook_stream

    return open_workbook_stream(path)


def _open_old_workbook(path: Path) -> TablesStream | None:
    """An XLS workbook read in batches, a sheet at a time (``formats.sheets.xls``)."""
    from extractors.reading.formats.sheets.xls import xls_tables

    return open_tables_stream(xls_tables(path), "xls", path.name, str(path))


def _open_doc(path: Path) -> TablesStream | None:
    """A DOC or WPS document read in batches from its DOCX conversion (``formats.documents.
    docrows``); a conversion that fails raises ``read_list``'s one-line error."""
    from extractors.reading.formats.documents.docrows import doc_tables

    tables = doc_tables(path)
    return None if tables is None else open_tables_stream(tables, "doc", path.name, str(path))


def _docx_rows(data: bytes, path: Path) -> tuple[Tables, str, None] | None:
    """The tables of the DOCX document ``data`` (of ``path``) read in batches, or None when it
    is read whole."""
    document = DocxRows.open(data, path)
    return None if document is None else (document.tables, "docx", None)


def _text_file_rows(
    path: Path, format: str | None, encoding: str | None
) -> tuple[Reads, str, str] | None:
    """The rows of a text file in a format read in batches, its encoding and format found going
    through it once (``textfile.sniff``), or, where only its whole bytes tell, from them (held
    while they tell, let go before the first reading)."""
    where = str(path)
    with path.open("rb") as file:
        head = file.read(1 << 16)  # what detect_binary reads of a file that is no archive
    if format is None and detect_binary(head) is not None:
        return None
    if format is not None and format not in _TEXT_FORMATS:
        return None
    sniffed = sniff(path, encoding)
    if sniffed is not None:
        used, fmt = sniffed.encoding, format or sniffed.format
    else:
        data = read_bytes(path)
        try:
            text, used = decode_text(data, where, encoding)
        except InputError:
            return None  # read_list says what is wrong
        del data
        if used == MIXED or used in REPAIRED:
            return None  # lines of two encodings, or damaged: read whole, each line said
        fmt = format or detect_text(text)
        del text
    if fmt not in _TEXT_FORMATS:
        return None
    rows = _text_rows(path, fmt, used, where)
    return None if rows is None else (rows, fmt, used)


def _assembly(make: Rows, source: str, where: str) -> Assembly | None:
    rows = make()
    if rows is None:
        return None
    return Assembly.start(
        rows.rows, source, where, header=rows.header, context=rows.context, rejects=rows.rejects
    )


def _first_reading(
    make: Rows, fmt: str, source: str, where: str, encoding: str | None
) -> ListStream | None:
    """The list summed item by item, or None when this reading finds no table or is wrong.

    The digest starts with the list's description, which the lines after the table may still
    change (a date below it), and the items depend on the keys of every header (a further
    table's): when either turns out other than it was while the items went by, they are summed
    again, knowing both."""
    meta: ListMeta | None = None
    keys: frozenset[str] | None = None
    while True:
        run = _assembly(make, source, where)
        if run is None:
            return None
        summary = Summary(meta or read_meta(run.context, run.header.line))
        for item in run.items(run.drafts(), keys):
            summary.add(item)
        final = summary.regions.given(read_meta(run.context, run.header.line))
        plausibility = summary.judge.verdict()
        if not summary.counts.items or plausibility.verdict == "wrong" or summary.whole:
            return None
        if keys is None and (summary.digest.meta != final or run.late_keys):
            meta, keys = final, frozenset(run.keys_seen)
            continue
        head = PowerList(
            source=source,
            format=fmt,
            encoding=encoding,
            meta=final,
            items=(),
            rejects=tuple(run.rejects),
            rows_seen=run.rows_seen,
            sections=tuple(run.sections),
            blank_rows=run.blank_rows,
            plausibility=plausibility,
        )
        digest = summary.digest.hexdigest()
        return ListStream(head, summary.counts, digest, make, where, frozenset(run.keys_seen))
