"""Reads a large list in batches of items, so that reading and building it holds a batch, not the
list (issue #20, item 13: one list of 200 k items took 7.8 GB).

A list is read twice. The first reading sums it item by item (``extractors.reading.summary``: its
counts, plausibility and content digest) and keeps what is small (its description, rejects,
sections, row counts); the second hands out its items ``BATCH_ITEMS`` at a time, through the same
reader and the same assembly (``extractors.reading.assemble.Assembly``), so the items are those
:func:`~extractors.reading.read.read_list` gives, one batch after another. Each batch is let go
before the next is read. A file that changes between the readings is refused (its digest).

Formats whose rows a reader gives one at a time are read so: pipe tables (Markdown), CSV/TSV
and JSON (a top-level array of records, or JSON Lines), from ``STREAM_MIN_BYTES`` on. Every
other format (a JSON envelope too), a smaller file, and a file whose first reading finds no
table, is no valid JSON, or is read in a way judged wrong (which :func:`read_list` may then read
another way, or refuse with its message) is read whole by :func:`read_list`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from extractors.errors import InputError
from extractors.models import ListMeta, PowerItem, PowerList, Reject
from extractors.reading.assemble import Assembly
from extractors.reading.decode import decode_text
from extractors.reading.detect import (
    BINARY_FORMATS,
    FORMATS,
    detect_binary,
    detect_text,
    is_encrypted,
)
from extractors.reading.formats.delimited import delimited_rows
from extractors.reading.formats.documents.docxrows import DocxRows, document_size
from extractors.reading.formats.grid import ReadWhole, SourceRow
from extractors.reading.formats.htmlrows import HtmlRows
from extractors.reading.formats.lines import text_blocks
from extractors.reading.formats.markdown import MarkdownRows
from extractors.reading.formats.records import RecordRows
from extractors.reading.meta import read_meta
from extractors.reading.read import read_bytes, read_list
from extractors.reading.summary import ItemCounts, Summary

#: Files from this size on are read in batches, when their format allows (below it a list is
#: small enough to read whole: some 35,000 items of Markdown). A DOCX file is as large as its
#: document part unpacked (some 370 bytes a cell, packed ten to thirty times smaller).
STREAM_MIN_BYTES = 4 * 2**20
#: Items handed out at a time (some 2 MB of items).
BATCH_ITEMS = 2_000


@dataclass(frozen=True, slots=True)
class _Rows:
    """A reader's rows for the assembly, how it tells the header, and its context lines."""

    rows: Iterable[SourceRow]
    header: int | Callable[[], int | None] | None
    context: list[tuple[int, str]]
    rejects: Sequence[Reject] = ()


def _markdown(text: str, where: str) -> _Rows:
    rows = MarkdownRows(text)
    return _Rows(rows, lambda: rows.header_at, rows.context)


def _records(text: str, where: str) -> _Rows | None:
    rows = RecordRows.open(text, where)
    return None if rows is None else _Rows(rows, 0, [], rows.rejects)


def _html(text: str, where: str) -> _Rows | None:
    rows = HtmlRows.open(lambda: text_blocks(text))
    return None if rows is None else _Rows(rows, None, rows.context)


#: Formats read in batches, and their readers' rows (None: this text is read whole).
_ROWS: dict[str, Callable[[str, str], _Rows | None]] = {
    "markdown": _markdown,
    "json": _records,
    "html": _html,
    "csv": lambda text, where: _Rows(delimited_rows(text, where, ","), None, []),
    "tsv": lambda text, where: _Rows(delimited_rows(text, where, "\t"), None, []),
}


@dataclass(frozen=True, slots=True)
class ListStream:
    """A list read in batches: ``head`` is the list as :func:`read_list` reads it but for its
    items (``items`` is empty; rejects, sections, counts, description and plausibility are
    all there), ``counts`` its items counted, ``digest`` its content digest
    (``summary.ContentDigest``); :meth:`batches` reads its items again, a batch at a time."""

    head: PowerList
    counts: ItemCounts
    digest: str
    rows: Callable[[], _Rows | None]  # the rows again, read from the file
    where: str
    keys: frozenset[str]

    def batches(self, size: int | None = None) -> Iterator[tuple[PowerItem, ...]]:
        """The items, ``size`` (``BATCH_ITEMS``) at a time, in order: the same as
        ``read_list(path).items``."""
        size = size or BATCH_ITEMS
        head = self.head
        run = _assembly(self.rows, head.source, self.where)
        if run is None:
            raise InputError(self.where, "changed while it was read; read it again")
        digest = Summary(head.meta).digest
        batch: list[PowerItem] = []
        try:
            for item in run.items(run.drafts(), self.keys):
                digest.add(item)
                batch.append(item)
                if len(batch) >= size:
                    yield tuple(batch)
                    batch = []
        except ReadWhole:
            raise InputError(self.where, "changed while it was read; read it again") from None
        if digest.hexdigest() != self.digest:
            raise InputError(self.where, "changed while it was read; read it again")
        yield tuple(batch)


def open_list(
    path: str | Path,
    *,
    format: str | None = None,
    encoding: str | None = None,
    min_bytes: int | None = None,
) -> PowerList | ListStream:
    """The list in ``path``: read in batches (a :class:`ListStream`) when it is large and its
    format allows, else read whole (:func:`read_list`, whose arguments these are). Large is
    ``min_bytes`` (``STREAM_MIN_BYTES``) and more.

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
    if not path.is_file() or max(path.stat().st_size, document_size(path)) < least:
        return whole()
    data = read_bytes(path)
    fmt = format or detect_binary(data)
    used: str | None = None
    if fmt == "docx" and not is_encrypted(data):
        docx_rows = DocxRows.open(data, path)
        del data
        if docx_rows is None:
            return whole()
        make: Callable[[], _Rows | None] = lambda: _Rows(docx_rows, None, docx_rows.context)  # noqa: E731
    elif fmt in BINARY_FORMATS or (fmt is not None and fmt not in _ROWS):
        return whole()
    else:
        text, used = decode_text(data, where, encoding)
        del data
        fmt = fmt or detect_text(text)
        if fmt not in _ROWS:
            return whole()
        make = _text_rows(text, fmt, where)
    try:
        stream = _first_reading(make, fmt, path.name, where, used)
    except ReadWhole:
        stream = None
    return whole() if stream is None else stream


def _text_rows(text: str, fmt: str, where: str) -> Callable[[], _Rows | None]:
    """The rows of a text in a format read in batches, made again each reading."""
    return lambda: _ROWS[fmt](text, where)


def _assembly(make: Callable[[], _Rows | None], source: str, where: str) -> Assembly | None:
    rows = make()
    if rows is None:
        return None
    return Assembly.start(
        rows.rows, source, where, header=rows.header, context=rows.context, rejects=rows.rejects
    )


def _first_reading(
    make: Callable[[], _Rows | None], fmt: str, source: str, where: str, encoding: str | None
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
        final = read_meta(run.context, run.header.line)
        plausibility = summary.judge.verdict()
        if not summary.counts.items or plausibility.verdict == "wrong":
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
