"""The lists of a large page of text, a row at a time, for a list read in batches
(``extractors.reading.tables_stream``), read by the rules of :func:`~.page.read_plain`, so that its
items, rejects, notes and description are those of a whole reading, while the rows of the list
are never all held.

How one record of page text is read depends on the whole page (docs/performance.md, "Page text
in batches"): where the lists stand (their headers anywhere in it, printed again at page
breaks), how a body splits into records (its share of blank lines, its run of serials, the
numbers its records open with) and whether the last record is cut off. So a first pass (the
survey) goes through the page once: it holds the page's text and a few ints a line
(``formats.text.lines``) while the headers are found and each body split, makes each body's
rows one at a time (``flat.BodyReading.rows``) and writes them to an anonymous temporary file
(pickled, as ``formats.documents.pdfrows`` keeps a PDF's rows), then lets the text go. What it
keeps is small: each list's header, preamble, page chrome and rejects, where its rows are in the
file, and per record that may be a copy of another (an item printed twice: ``page.Copies``) the
hash of its name and where it is. Only records whose names' hashes meet are read back, a name at
a time, to find the copies (the fuller kept, wherever it comes; a copy cut short matching as a
prefix), as the whole reader finds them among all the records of that name. A record of an
annex keyed to an item (附件2 of accountability bases, ``annex``) is found so too: the cells it
gives its item are kept (a few rows), and the records of such an annex that match no item are
read back once the joins are known, to be said. Every reading after the survey reads the rows
back from the file, dropping or noting the copies, joining the annexes' cells to their items
and noting the serials that skip or go back (``serials``) as it goes. A page whose lines are
numbered (``linenumbers``) is gone through twice to tell, its numbers set aside as it is made.

A page without a header (label：value records), a record over the cell limit, or a temporary
file that cannot be made or written sends the file to ``read_list``
(:class:`~extractors.reading.formats.grid.ReadWhole`), which reads it or says what is wrong.
"""

from __future__ import annotations

import pickle
import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import numpy as np

from extractors.errors import InputError
from extractors.models import Reject
from extractors.reading.formats.cells import plain_characters
from extractors.reading.formats.furniture import page_numbers
from extractors.reading.formats.grid import ReadWhole, SourceRow
from extractors.reading.formats.tables import Table
from extractors.reading.formats.text.annex import Gift, Widened, add_gift, is_annex
from extractors.reading.formats.text.flat import Body, BodyReading
from extractors.reading.formats.text.header import PageHeader
from extractors.reading.formats.text.linenumbers import bare, is_numbered, noted
from extractors.reading.formats.text.page import (
    Copies,
    Layout,
    list_runs,
    may_repeat,
    orphans,
    owners,
    page_of,
    row_values,
    title_row,
    widen,
)
from extractors.reading.formats.text.serials import (
    Serials,
    noted_serials,
    row_serial,
    serial_column,
)
from extractors.reading.textfile import decoded_blocks

#: Characters decoded at a time while the page is made: small, so that a block's lines (a str
#: each) add little to the page (blocks of a MiB took some 16 MiB more while the page was made).
_BLOCK_CHARS = 1 << 16
#: A record's key among the copies: its list's part and its place among the part's rows.
_Key = tuple[int, int]


@dataclass(frozen=True, slots=True)
class _Part:
    """One header and the text it governs, as the survey left it: all but the body's rows,
    which are ``count`` rows in the file from ``offset``."""

    header: PageHeader
    preamble: tuple[tuple[int, str], ...]
    cells: tuple[str, ...]
    rejects: tuple[Reject, ...]
    chrome: tuple[tuple[int, str], ...]
    offset: int
    count: int
    #: the plain serials of its records
    serials: Serials


@dataclass(frozen=True, slots=True)
class _Survey:
    """What the survey keeps: the parts, the lines before the first, the copies found, the
    rejects they make in each part (by row), and the file of rows."""

    parts: list[_Part]
    context: list[tuple[int, str]]
    copies: Copies[_Key]
    dropped: dict[int, list[tuple[int, Reject]]]
    kept: IO[bytes]
    #: each part's header, widened for the fields its items take from an annex
    widened: list[Widened]
    #: what annex rows give the items they join, by the item's key
    gifts: dict[_Key, list[Gift]]
    #: whether every line of the page opened with its number (``linenumbers``)
    numbered: bool


#: The text of a page, in blocks of whole lines, as ``read_plain`` would be given it joined.
Blocks = Callable[[], Iterable[str]]


class PageTables:
    """The lists of a page of text (``blocks``: its text, read once; ``where``: its file), one
    :class:`~extractors.reading.formats.tables.Table` each (``tables_stream.Tables``): each call
    is a reading, the first surveying the page."""

    def __init__(self, blocks: Blocks, where: str) -> None:
        self.where = where
        self._blocks: Blocks | None = blocks
        self._survey: _Survey | None = None

    @classmethod
    def of_file(cls, path: Path, encoding: str, where: str) -> PageTables:
        """The lists of the text file ``path``, decoded in ``encoding`` a block at a time."""
        return cls(lambda: decoded_blocks(path, encoding, _BLOCK_CHARS), where)

    @classmethod
    def of_lines(cls, lines: list[str], where: str) -> PageTables:
        """The lists of the text ``lines`` make joined by line feeds (a PDF's text, as
        ``read_pdf`` reads it as page text); the lines are let go once surveyed."""
        return cls(lambda: ["\n".join(lines)], where)

    def __call__(self) -> Iterator[Table]:
        if self._survey is None:
            blocks, self._blocks = self._blocks, None  # what they hold goes with the survey
            if blocks is None:
                raise ReadWhole("the survey failed")
            self._survey = _survey(blocks, self.where)
        survey = self._survey
        parts = survey.parts
        context = list(survey.context)
        owned = owners([p.preamble for p in parts], survey.context)
        for run in list_runs([p.header.cells for p in parts], [p.preamble for p in parts]):
            rejects: list[Reject] = []
            for k in run:
                part = parts[k]
                rejects += part.rejects
                rejects += [reject for _, reject in survey.dropped.get(k, ())]
                context += [*part.preamble, *part.chrome]
            present = Serials.merged(parts[k].serials for k in run)
            cells = survey.widened[run.start].cells
            rows = noted_serials(self._rows(survey, run), cells, present)
            owner = owned[run.start]
            yield Table(rows, tuple(sorted(context)), rejects=tuple(rejects), header=0, owner=owner)
            context = []

    def _rows(self, survey: _Survey, run: range) -> Iterator[SourceRow]:
        """The rows of the parts in ``run``, as ``page._grids`` gives them: each part's header
        row, the row its title makes, and its body's rows read back from the file, the copies
        dropped or noted."""
        kept, copies = survey.kept, survey.copies
        for k in run:
            part = survey.parts[k]
            widened = survey.widened[k]
            yield SourceRow(part.header.line, widened.cells, widened.cells)
            title = title_row(part.cells, part.preamble)
            if title is not None:
                yield title
            at = part.offset
            for r in range(part.count):
                kept.seek(at)  # another reading of the file may have moved it
                row: SourceRow = pickle.load(kept)
                at = kept.tell()
                marked = copies.mark((k, r), row, self.where)
                if isinstance(marked, SourceRow):
                    marked = widened.row(marked, survey.gifts.get((k, r), ()))
                    yield noted(marked) if survey.numbered else marked


def _page(blocks: Blocks) -> tuple[str, bool]:
    """The page as ``read_plain`` reads it (``page.page_of`` of the lines of its text, the
    characters that show nothing dropped, and the numbers that lead every line, if they do),
    from its text in blocks of whole lines; and whether its lines were numbered. The text is
    gone through twice when its lines are numbered, to tell (a page that is not is told at
    its first line or so)."""
    numbered = is_numbered(
        line for block in blocks() for line in plain_characters(block).splitlines()
    )
    strip = bare if numbered else _same
    chunks = [page_of(map(strip, plain_characters(block).splitlines())) for block in blocks()]
    page = "\n".join(chunks)
    del chunks
    return page, numbered


def _same(line: str) -> str:
    return line


def _survey(blocks: Blocks, where: str) -> _Survey:
    """Goes through the page once: its lists found and split, their rows written to a
    temporary file, the copies found (module docstring)."""
    try:
        kept = tempfile.TemporaryFile(prefix="quanze-page-")  # noqa: SIM115 (kept by the tables)
    except OSError:
        raise ReadWhole("no temporary file for the rows") from None
    try:
        return _read(blocks, where, kept)
    except BaseException:
        kept.close()
        raise


def _read(blocks: Blocks, where: str, kept: IO[bytes]) -> _Survey:
    page, numbered = _page(blocks)
    furniture = page_numbers(
        line for block in blocks() for line in plain_characters(block).splitlines(keepends=True)
    )
    layout = Layout.of(page, furniture)
    del page
    if not layout.headers:
        raise ReadWhole("no header: label records, read whole")
    # the records that may be copies: their name's hash, place in the file, part and row
    names, places, part_of, row_of = array("q"), array("q"), array("q"), array("q")
    try:
        parts = _write(layout, where, kept, (names, places, part_of, row_of))
    except InputError:  # a record over the limit: read_list says so
        raise ReadWhole("a record too long") from None
    except OSError:
        raise ReadWhole("the rows could not be written") from None
    context = layout.context
    del layout  # the page's text
    copies: Copies[_Key] = Copies()
    gifts: dict[_Key, list[Gift]] = {}
    headers = [part.cells for part in parts]
    dropped: dict[int, list[tuple[int, Reject]]] = {}

    def mark(key: _Key, row: SourceRow) -> None:
        reject = copies.mark(key, row, where)
        if isinstance(reject, Reject):
            dropped.setdefault(key[0], []).append((key[1], reject))

    for group in _same_names(names):
        records = [((part_of[i], row_of[i]), _load(kept, places[i])) for i in group]
        copies.find(
            ((key, row.line, row_values(headers[key[0]], row)) for key, row in records),
            lambda key: is_annex(headers[key[0]]),
        )
        for key, row in records:
            if key in copies.joined:
                add_gift(gifts, copies.joined[key], headers[key[0]], row, copies.unread[key])
            mark(key, row)
    # the rows of an annex that match no item, read back once the joins are known
    orphans(copies, zip(part_of, row_of, strict=True), headers)
    for i, key in enumerate(zip(part_of, row_of, strict=True)):
        if key in copies.orphans:
            mark(key, _load(kept, places[i]))
    for rejects in dropped.values():
        rejects.sort(key=lambda found: found[0])
    return _Survey(
        parts,
        context,
        copies,
        dropped,
        kept,
        widen(headers, list_runs(headers, [p.preamble for p in parts]), gifts),
        gifts,
        numbered,
    )


def _load(kept: IO[bytes], place: int) -> SourceRow:
    """The row written at ``place`` in ``kept``."""
    kept.seek(place)
    row: SourceRow = pickle.load(kept)
    return row


def _write(
    layout: Layout, where: str, kept: IO[bytes], named: tuple[array[int], ...]
) -> list[_Part]:
    """The parts of the page, their rows written to ``kept``; ``named`` gets the hash of the
    name of each record that may be a copy, its place in ``kept``, its part and its row."""
    parts: list[_Part] = []
    for k, header in enumerate(layout.headers):
        preamble, body = layout.body(k, where)
        records = layout.records(k)
        parts.append(_written(len(parts), header, preamble, body, body.rows(), kept, named))
        if records is not None:  # label：value records under the list, an annex of its items
            head, rows = records
            parts.append(_written(len(parts), head, (), rows, rows.rows, kept, named))
    return parts


def _written(
    k: int,
    header: PageHeader,
    preamble: tuple[tuple[int, str], ...],
    body: Body | BodyReading,
    rows: Iterable[SourceRow],
    kept: IO[bytes],
    named: tuple[array[int], ...],
) -> _Part:
    """The ``k``-th part of the page, its ``rows`` written to ``kept`` (:func:`_write`)."""
    names, places, part_of, row_of = named
    offset, count = kept.tell(), 0
    serials, column = Serials(), serial_column(body.cells)
    for r, row in enumerate(rows):
        if (number := row_serial(row, column)) is not None:
            serials.add(number)
        if may_repeat(row) and (name := row_values(body.cells, row).get("name")):
            names.append(hash(name))
            places.append(kept.tell())
            part_of.append(k)
            row_of.append(r)
        pickle.dump(row, kept, pickle.HIGHEST_PROTOCOL)
        count += 1
    return _Part(header, preamble, body.cells, body.rejects, body.chrome, offset, count, serials)


def _same_names(names: array[int]) -> Iterator[Sequence[int]]:
    """The records (their indices in ``names``, in order) whose names' hashes meet, a hash at a
    time: the only records that may be copies of one another."""
    if len(names) < 2:
        return
    hashes = np.frombuffer(names, dtype=np.int64)
    order = np.argsort(hashes, kind="stable")
    ordered = hashes[order]
    bounds = np.concatenate(([0], np.flatnonzero(ordered[1:] != ordered[:-1]) + 1, [len(order)]))
    for run in np.flatnonzero(np.diff(bounds) > 1):
        yield order[bounds[run] : bounds[run + 1]].tolist()
