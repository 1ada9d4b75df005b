"""The rows of a PDF's one table, a page at a time, for a large list read in batches
(``extractors.reading.stream``): the rows of each page are given out once the page is read and
let go, so a list of any length holds a page of rows, not the list.

A PDF's rows are dear to make (pdfplumber lays out every character: some 2 ms an item of a ruled
list, where a Markdown row takes 20 µs), so the first reading keeps them: each row is written to
an anonymous temporary file as it goes out (pickled, one after another), and the readings after
it read them back from there instead of laying out the pages again. A PDF whose pages make more
than one table (a second table that does not go on from the first, across a page break), or no
table at all (its text read as page text), or that is damaged, a scan or in fonts without a
Unicode map, is read whole (:class:`~extractors.reading.formats.grid.ReadWhole`), which reads it
or says what is wrong in the words of ``read_list``.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from extractors.errors import InputError
from extractors.reading.formats.documents.pdf import PdfReading, check_text, read_pages
from extractors.reading.formats.grid import ReadWhole, SourceRow


class PdfRows:
    """The rows of the one table of the PDF in ``path``, in order, each time it is iterated;
    ``context`` the lines outside the table (filled while the pages are read the first time,
    whole after it), as ``read_pdf`` gives them to its first table."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.context: list[tuple[int, str]] = []
        # the rows of a whole first reading (the file goes when this is collected)
        self._kept: IO[bytes] | None = None
        self._plain: list[str] | None = None  # the pages' text, when they hold no table

    def __iter__(self) -> Iterator[SourceRow]:
        return self._again() if self._kept is not None else self._first()

    def _first(self) -> Iterator[SourceRow]:
        """The rows read from the pages, each kept as it goes out (when the temporary file
        cannot be made or written, a full disk say, they are not kept and the next reading
        lays out the pages again); the list is read whole (``ReadWhole``) when its pages hold
        other than one table, or do not read."""
        self.context.clear()
        reading = PdfReading(str(self.path), context=self.context)
        kept = _temporary()
        try:
            with self.path.open("rb") as source:
                for _ in read_pages(source, reading):
                    if len(reading.tables) > 1:
                        raise ReadWhole("more than one table")
                    if any(reading.leads):  # a heading above names its section: read whole
                        raise ReadWhole("a heading above the table")
                    for rows in reading.tables:
                        for row in rows:
                            kept = _keep(kept, row)
                            yield row
                        rows.clear()  # the page's rows, given out
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
            raise ReadWhole("no table: page text")
        self._kept = kept

    def page_text(self) -> list[str] | None:
        """The text of the pages (lines) when the first reading found no table, to be read as
        page text as ``read_pdf`` reads it (``formats.text.pagerows``); given once."""
        plain, self._plain = self._plain, None
        return plain

    def _again(self) -> Iterator[SourceRow]:
        """The rows kept by the first reading, read back one at a time."""
        kept = self._kept
        assert kept is not None
        kept.seek(0)
        while True:
            try:
                row = pickle.load(kept)
            except EOFError:
                return
            yield row


def _temporary() -> IO[bytes] | None:
    """An anonymous temporary file for the rows, or None when none can be made."""
    try:
        return tempfile.TemporaryFile(prefix="quanze-pdf-")
    except OSError:
        return None


def _keep(kept: IO[bytes] | None, row: SourceRow) -> IO[bytes] | None:
    """``row`` written to ``kept``; None (and ``kept`` closed) when it cannot be written."""
    if kept is None:
        return None
    try:
        pickle.dump(row, kept, pickle.HIGHEST_PROTOCOL)
    except OSError:
        _close(kept)
        return None
    return kept


def _close(kept: IO[bytes] | None) -> None:
    if kept is not None:
        kept.close()
