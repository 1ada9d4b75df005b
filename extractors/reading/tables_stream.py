"""Reads a large page or document of several tables in batches of items (issue #20, item 13), as
``extractors.reading.stream`` reads a list of one table: its tables one after another, each a
row at a time, through the same assembly as :func:`~extractors.reading.read.read_list`, which
reads them as one Grid each, so the items, description, rejects and sections are the same.

The tables come from a reader that goes through the file once per reading (``formats.tables``:
an HTML page's leaf tables, ``formats.htmlrows``; a DOCX document's tables,
``formats.documents.docxrows``; the lists of a page of text, ``formats.text.pagerows``, which
goes through the page once and keeps their rows for the readings after it). A table with a
header row is assembled as its rows come; one without (a table of label | value rows, a caption
or cover table) is held until it ends and read as the whole reader reads it
(``read.assemble_grid``), which a table of that kind needs. The
first reading sums the items and keeps what is small (rejects, sections, counts, the
description); it is read again while what it foresaw turns out otherwise (the description,
which lines after the tables may change; the keys of a table's headers, which a later header may
add); the second hands out the items a batch at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from extractors.errors import InputError
from extractors.models import ListMeta, PowerItem, PowerList
from extractors.reading.assemble import Assembled, Assembly
from extractors.reading.continued import Continued
from extractors.reading.drafts import Header
from extractors.reading.formats.grid import Grid, ReadWhole, SourceRow
from extractors.reading.formats.tables import Table
from extractors.reading.meta import read_meta
from extractors.reading.plausibility import Plausibility
from extractors.reading.read import assemble_grid
from extractors.reading.summary import ContentDigest, ItemCounts, Summary, full_batches
from extractors.reading.unread import unread_part

#: One reading of a file's tables, in order: a fresh pass over the file each time it is called.
Tables = Callable[[], Iterable[Table]]
#: Readings the first reading may take to settle what it foresaw; still unsettled, the file is
#: read whole.
_MOST_READINGS = 4
#: What a reading may meet that only the whole reader reads right, or a file that changed.
_UNREADABLE = (ReadWhole, UnicodeDecodeError)


class _Held:
    """The rows of a table, those given kept until :attr:`held` is set to None (the rows an
    assembly reads looking for the header: all of them when it finds none)."""

    def __init__(self, rows: Iterable[SourceRow]) -> None:
        self.rows = iter(rows)
        self.held: list[SourceRow] | None = []

    def __iter__(self) -> Iterator[SourceRow]:
        return self

    def __next__(self) -> SourceRow:
        row = next(self.rows)
        if self.held is not None:
            self.held.append(row)
        return row


class _Reading:
    """One reading of the tables: :meth:`items` hands out their items; what else each table
    gave (its assembly, or what the whole reader made of it) is kept, and the first rows of
    tables that gave no items (a cover may give the list its title)."""

    def __init__(
        self,
        tables: Tables,
        keys: Sequence[frozenset[str] | None],
        source: str,
        where: str,
    ) -> None:
        self.tables, self.keys, self.source, self.where = tables, keys, source, where
        self.parts: list[Assembly | Assembled] = []
        self.cover: list[tuple[int, str]] = []
        self.found: list[frozenset[str] | None] = []  # each table's header keys, once known
        self.late = False  # a header added keys once a table's items were out
        # context lists still filling when a table was read whole, and their length then
        self.snapshots: list[tuple[Sequence[tuple[int, str]], int]] = []

    def items(self) -> Iterator[PowerItem]:
        """The items of every table, in order, as :func:`read_list` gives them."""
        source, where = self.source, self.where
        above: Header | None = None  # the header of the table right before, if it had one
        continued = Continued()
        for index, table in enumerate(self.tables()):
            keys = self.keys[index] if index < len(self.keys) else None
            rows = _Held(table.rows)
            run = Assembly.of_table(table, source, where, rows)
            above, before = None, above
            if run is None:
                whole = self._whole(table, rows.held or [], before)
                if whole is not None:
                    above = whole.header
                    self.parts.append(replace(whole, items=()))
                    continued.table(whole.header)
                    yield from map(continued.item, whole.items)
            else:
                above = run.header
                rows.held = None
                self.parts.append(run)
                continued.table(run.header)
                yield from map(continued.item, run.items(run.drafts(), keys))
                if keys is None and run.late_keys:
                    self.late, keys = True, frozenset(run.keys_seen)
            self.found.append(keys)

    def _whole(self, table: Table, rows: list[SourceRow], above: Header | None) -> Assembled | None:
        """What the whole reader makes of a table with no header row (its ``rows``), the table
        right before it having had the header ``above``."""
        context = tuple(table.context)
        grid = Grid(
            tuple(rows),
            context,
            tuple(table.rejects),
            header=table.header,
            name=table.name,
            lead=table.lead,
        )
        whole = assemble_grid(grid, self.source, self.where, above)
        listed = self._listed() if whole is None else None
        unread = None if listed is None else unread_part(grid, listed, self.source)
        if unread is not None:
            self.parts.append(unread)  # rows after a list that look like items: rejected
        elif whole is None:
            self.cover.extend((0, " ".join(r.cells)) for r in grid.rows[:5])
        elif not table.settled:  # its context as it was: a later line may change it
            self.snapshots.append((table.context, len(context)))
        return whole

    def _listed(self) -> Header | None:
        """The header of the last table read so far that gave a list."""
        return self.parts[-1].header if self.parts else None

    @property
    def settled(self) -> bool:
        """Whether no table read whole took a context the reader went on to fill."""
        return all(len(context) == length for context, length in self.snapshots)

    def meta(self) -> ListMeta:
        """The list's description, as :func:`read_list` reads it from the tables read so far."""
        return list_meta(self.parts, self.cover)


def list_meta(parts: Sequence[Assembly | Assembled], cover: list[tuple[int, str]]) -> ListMeta:
    """The description of a list whose tables gave ``parts`` (those with a header row, or read
    as label | value rows), as :func:`read_list` reads it: from the first one's context, or,
    without a title there, from the first rows of the tables that gave nothing (``cover``)."""
    first = parts[0]
    meta = read_meta(first.context, first.header.line)
    if meta.title is None:
        # A cover sheet or caption table without a header row may carry the title.
        meta = read_meta(cover + list(first.context), first.header.line)
    return meta


def list_head(
    parts: Sequence[Assembly | Assembled],
    source: str,
    fmt: str,
    encoding: str | None,
    meta: ListMeta,
    plausibility: Plausibility,
) -> PowerList:
    """The list as :func:`read_list` reads it but for its items, its tables having given
    ``parts`` (their items all out)."""
    return PowerList(
        source=source,
        format=fmt,
        encoding=encoding,
        meta=meta,
        items=(),
        rejects=tuple(r for a in parts for r in a.rejects),
        rows_seen=sum(a.rows_seen for a in parts),
        sections=tuple(s for a in parts for s in a.sections),
        blank_rows=sum(a.blank_rows for a in parts),
        plausibility=plausibility,
    )


@dataclass(frozen=True, slots=True)
class TablesStream:
    """A page or document of tables read in batches, as ``stream.ListStream`` a list of one:
    ``head`` the list as :func:`read_list` reads it but for its items, ``counts`` its items
    counted, ``digest`` its content digest; :meth:`batches` reads its items again, a batch at
    a time."""

    head: PowerList
    counts: ItemCounts
    digest: str
    tables: Tables
    where: str
    keys: tuple[frozenset[str] | None, ...]

    def batches(self, size: int | None = None) -> Iterator[tuple[PowerItem, ...]]:
        """The items, ``size`` (``stream.BATCH_ITEMS``) at a time, in order: the same as
        ``read_list(path).items``."""
        from extractors.reading.stream import BATCH_ITEMS

        changed = InputError(self.where, "changed while it was read; read it again")
        reading = _Reading(self.tables, self.keys, self.head.source, self.where)
        digest = ContentDigest(self.head.meta)
        try:
            last = yield from full_batches(reading.items(), size or BATCH_ITEMS, digest)
        except _UNREADABLE:
            raise changed from None
        if digest.hexdigest() != self.digest or reading.late:
            raise changed
        yield last


def open_tables_stream(
    tables: Tables, fmt: str, source: str, where: str, encoding: str | None = None
) -> TablesStream | None:
    """The tables summed item by item by a first reading, read again while what it foresaw turns
    out otherwise; None when the file is to be read whole: no items, a reading judged wrong,
    one that meets what only the whole reader reads right, or still unsettled."""
    meta: ListMeta | None = None
    keys: tuple[frozenset[str] | None, ...] = ()
    for _ in range(_MOST_READINGS):
        reading = _Reading(tables, keys, source, where)
        summary: Summary | None = None
        try:
            for item in reading.items():
                if summary is None:
                    summary = Summary(meta or reading.meta())
                summary.add(item)
        except _UNREADABLE:
            return None
        if summary is None or not reading.settled:
            return None
        if summary.judge.verdict().verdict == "wrong" or summary.whole:
            return None
        final = summary.regions.given(reading.meta())
        if summary.digest.meta == final and not reading.late:
            head = list_head(reading.parts, source, fmt, encoding, final, summary.judge.verdict())
            digest = summary.digest.hexdigest()
            return TablesStream(head, summary.counts, digest, tables, where, keys)
        meta, keys = final, tuple(reading.found)
    return None
