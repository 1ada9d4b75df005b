"""The tables of a PDF a page at a time, for a large list read in batches
(``extractors.reading.tables_stream``): the rows of each page are given out once the page is read
and let go, so a list of any length holds a page of rows, not the list.

The tables are those :func:`~extractors.reading.formats.documents.pdf.read_pdf` gives as Grids,
told apart as it tells them (``pdf._add_table``): a ruled table going on over page breaks is
one; a table of another width, one under a heading that names a power type (a table per type),
and a table without ruling whose header is printed again on a page each begin a new one. Each
begins with a :class:`~extractors.reading.formats.tables.TableStart` holding what its Grid holds
but its rows (its lead, its name); the first holds the lines outside the tables, which the pages
after it still fill (``settled`` False), as ``read_pdf`` gives them to its first Grid.

A PDF's rows are dear to make (pdfplumber lays out every character: some 2 ms an item of a ruled
list, where a Markdown row takes 20 µs), so the first reading keeps them: each table start and
row is written to an anonymous temporary file as it goes out (pickled, one after another), and
the readings after it read them back from there instead of laying out the pages again. A PDF
whose pages make no table has its text read as page text (``formats.text.pagerows``, the
scanned pages among them said, :meth:`PdfTables.with_unread`); one that is damaged, a scan or
in fonts without a Unicode map is read whole (:class:`~extractors.reading.formats.grid.ReadWhole`),
which reads it or says what is wrong in the words of ``read_list``.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO

from extractors.errors import InputError
from extractors.models import Reject
from extractors.reading.formats.documents.pdf import PdfReading, check_text, read_pages
from extractors.reading.formats.grid import ReadWhole, SourceRow
from extractors.reading.formats.tables import Table, TableStart, split_tables

Run = TableStart | SourceRow


class PdfTables:
    """The tables of the PDF in ``path``, in order, their rows made as they are iterated
    (:meth:`tables`, each call a reading of its own); ``context`` the lines outside the
    tables (filled while the pages are read the first time, whole after it), as ``read_pdf``
    gives them to its first table."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.context: list[tuple[int, str]] = []
        # the table starts and rows of a whole first reading (the file goes when this goes)
        self._kept: IO[bytes] | None = None
        self._plain: list[str] | None = None  # the pages' text, when they hold no table
        self._unread: tuple[Reject, ...] = ()  # the scanned pages among them, said

    def tables(self) -> Iterator[Table]:
        """The PDF's tables, in order, as ``read_pdf`` gives their Grids."""
        return split_tables(self._again() if self._kept is not None else self._first())

    def _first(self) -> Iterator[Run]:
        """The table starts and rows read from the pages, each kept as it goes out (when the
        temporary file cannot be made or written, a full disk say, they are not kept and the
        next reading lays out the pages again); the list is read whole (``ReadWhole``) when its
        pages hold no table, or do not read."""
        self.context.clear()
        reading = PdfReading(str(self.path), context=self.context)
        kept = _temporary()
        given = 0  # the tables begun
        try:
            with self.path.open("rb") as source:
                for _ in read_pages(source, reading):
                    if reading.joined:  # rows given out have changed since
                        raise ReadWhole("a wide table's columns printed apart, joined")
                    for index in range(max(given - 1, 0), len(reading.tables)):
                        if index == given:  # a table begins on this page
                            start = _start(reading, index)
                            kept = _keep(kept, replace(start, context=()))
                            yield start
                            given += 1
                        rows = reading.tables[index]
                        # the last table's rows of the last page are held: the next page may
                        # hold the last one's rest (``pdfsplit.joined_split``), or their
                        # columns printed apart (``pdfapart``)
                        held = max(1, reading.added)
                        last = index == len(reading.tables) - 1
                        out = rows[: max(len(rows) - held, 0)] if last else rows
                        for row in out:
                            kept = _keep(kept, row)
                            yield row
                        del rows[: len(out)]  # the page's rows, given out
                        if last:  # the last table's rows given out (``PdfReading.pages``)
                            reading.gone += len(out)
                for rows in reading.tables[max(given - 1, 0) :]:  # the rows held
                    for row in rows:
                        kept = _keep(kept, row)
                        yield row
                    rows.clear()
            check_text(reading)
        except (InputError, OSError):  # damaged, a scan, or gone since it was first read
            _close(kept)
            raise ReadWhole("not a readable PDF") from None
        except BaseException:
            _close(kept)
            raise
        if not reading.widths:
            _close(kept)
            if not reading.tables:  # as read_pdf tells it
                self._plain = reading.plain
                # scanned pages among them: said with the first list's rejects, as there
                self._unread = tuple(
                    Reject(str(self.path), row.line, n.text or "", n.message)
                    for row in reading.unread
                    for n in row.notes
                )
            raise ReadWhole("no table: page text")
        self._kept = kept

    def page_text(self) -> list[str] | None:
        """The text of the pages (lines) when the first reading found no table, to be read as
        page text as ``read_pdf`` reads it (``formats.text.pagerows``); given once."""
        plain, self._plain = self._plain, None
        return plain

    def with_unread(self, tables: Callable[[], Iterable[Table]]) -> Callable[[], Iterator[Table]]:
        """``tables`` (the lists of :meth:`page_text`, read as page text), the first one's
        rejects followed by a reject for each scanned page among the pages, as ``read_pdf``
        gives them (before, such a PDF was read whole)."""
        said = self._unread

        def read() -> Iterator[Table]:
            for index, table in enumerate(tables()):
                yield replace(table, rejects=(*table.rejects, *said)) if index == 0 else table

        return read

    def _again(self) -> Iterator[Run]:
        """The table starts and rows kept by the first reading, read back one at a time; the
        first table's start given the context the first reading found, now whole."""
        kept = self._kept
        assert kept is not None
        kept.seek(0)
        first = True
        while True:
            try:
                item = pickle.load(kept)
            except EOFError:
                return
            if first and isinstance(item, TableStart):
                item, first = replace(item, context=tuple(self.context)), False
            yield item


def _start(reading: PdfReading, index: int) -> TableStart:
    """The start of table ``index`` as ``read_pdf`` makes its Grid: the first holds the
    context, still filling; each its lead (the heading above it naming a power type)."""
    context = reading.context if index == 0 else ()
    lead, owner = reading.leads[index], reading.owners[index]
    return TableStart(context, lead, f"table {index + 1}", settled=index != 0, owner=owner)


def _temporary() -> IO[bytes] | None:
    """An anonymous temporary file for the rows, or None when none can be made."""
    try:
        return tempfile.TemporaryFile(prefix="quanze-pdf-")
    except OSError:
        return None


def _keep(kept: IO[bytes] | None, item: Run) -> IO[bytes] | None:
    """``item`` written to ``kept``; None (and ``kept`` closed) when it cannot be written."""
    if kept is None:
        return None
    try:
        pickle.dump(item, kept, pickle.HIGHEST_PROTOCOL)
    except OSError:
        _close(kept)
        return None
    return kept


def _close(kept: IO[bytes] | None) -> None:
    if kept is not None:
        kept.close()
