"""Reads a large XLSX workbook in batches of items, as ``extractors.reading.stream`` reads a large
text list: its sheets one after another, each a row at a time
(``extractors.reading.formats.sheets.streamed``), through the same assembly as
:func:`~extractors.reading.read.read_list`, which gives the same items (issue #20, item 13: one
list of 200 k items took 7.8 GB).

The first reading surveys each sheet (its merged ranges, rows, used width and columns), then sums
the items (counts, plausibility, digest) and keeps what is small (rejects, sections, counts, the
description); the second hands out the items a batch at a time. Held throughout: the shared-string
table (compactly, ``SharedStrings``), each sheet's merged ranges, the rejects and sections.

A sheet with no header row is read whole (it is a table of label | value rows, or a cover that
may give the list its title); a sheet whose rows come out of order is read whole with the rest of
the workbook (:func:`open_workbook_stream` gives None), as is a workbook whose first reading
finds no table or a wrong one.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from extractors.errors import InputError
from extractors.models import ListMeta, PowerItem, PowerList
from extractors.reading import stream
from extractors.reading.assemble import Assembled, Assembly
from extractors.reading.continued import Continued
from extractors.reading.drafts import Header
from extractors.reading.formats.grid import Grid
from extractors.reading.formats.sheets.merged import sheet_lead, sheet_owner
from extractors.reading.formats.sheets.sheetxml import SharedStrings, Workbook, open_workbook
from extractors.reading.formats.sheets.streamed import Layout, SheetRows, survey_sheet
from extractors.reading.formats.sheets.xlsx import xlsx_errors
from extractors.reading.limits import check_archive
from extractors.reading.read import assemble_grid
from extractors.reading.summary import ContentDigest, ItemCounts, Summary, full_batches
from extractors.reading.tables_stream import list_head, list_meta

#: Readings the first reading may take to settle what it foresaw (the description, the keys of
#: each table's headers, each sheet's width and columns); a workbook still unsettled then is
#: read whole.
_MOST_READINGS = 4


@dataclass(frozen=True, slots=True)
class _Plan:
    """What reading one sheet needs settled: its name and archive member, its layout, and the
    field keys of its table's headers (None: those seen so far)."""

    name: str
    member: str
    layout: Layout
    keys: frozenset[str] | None = None


class _Reading:
    """One reading of the workbook's sheets, one after another: :meth:`items` hands out their
    items; what else each sheet gave (its table's assembly, or the first rows of a sheet with
    no table) and the layout its rows had are kept."""

    def __init__(
        self,
        archive: zipfile.ZipFile,
        book: Workbook,
        strings: SharedStrings,
        plans: Sequence[_Plan],
        source: str,
        where: str,
    ) -> None:
        self.archive, self.book, self.strings = archive, book, strings
        self.plans, self.source, self.where = plans, source, where
        self.parts: list[Assembly | Assembled] = []
        self.cover: list[tuple[int, str]] = []  # the first rows of sheets with no table
        self.settled: list[_Plan] = []  # each plan as the sheet turned out

    def _rows(self, plan: _Plan) -> SheetRows:
        return SheetRows(self.archive, plan.member, self.book, self.strings, plan.layout)

    def items(self) -> Iterator[PowerItem]:
        """The items of every sheet, in order, as :func:`read_list` gives them."""
        continued = Continued()
        above: Header | None = None  # the header of the sheet right before, if it had one
        for plan in self.plans:
            rows = self._rows(plan)
            lead, owner = sheet_lead(plan.name), sheet_owner(plan.name)
            run = Assembly.start(rows, self.source, self.where, lead=lead, owner=owner)
            if run is None:
                rows = self._rows(plan)
                grid = Grid(tuple(rows), name=plan.name, lead=lead, owner=owner)
                # a sheet going on with the list of the one before, its header not repeated,
                # is read under that header, as read whole
                whole = assemble_grid(grid, self.source, self.where, above)
                above = None if whole is None else whole.header
                if whole is None:
                    self.cover.extend((0, " ".join(r.cells)) for r in grid.rows[:5])
                else:
                    self.parts.append(replace(whole, items=()))
                    continued.table(whole.header)
                    yield from map(continued.item, whole.items)
                keys = plan.keys
            else:
                self.parts.append(run)
                above = run.header
                keys = plan.keys
                continued.table(run.header)
                yield from map(continued.item, run.items(run.drafts(), keys))
                if keys is None and run.late_keys:
                    # a further header added keys once items were out: read again knowing them
                    keys = frozenset(run.keys_seen)
            assert rows.found is not None  # the rows are all out
            self.settled.append(replace(plan, layout=rows.found, keys=keys))

    def meta(self) -> ListMeta:
        """The list's description, as :func:`read_list` reads it from the sheets read so far."""
        return list_meta(self.parts, self.cover)


@dataclass(frozen=True, slots=True)
class WorkbookStream:
    """A workbook read in batches, as ``stream.ListStream`` a text list: ``head`` the list as
    :func:`read_list` reads it but for its items, ``counts`` its items counted, ``digest`` its
    content digest; :meth:`batches` reads its items again from ``path``, a batch at a time."""

    head: PowerList
    counts: ItemCounts
    digest: str
    path: Path
    where: str
    strings: SharedStrings
    plans: tuple[_Plan, ...]

    def batches(self, size: int | None = None) -> Iterator[tuple[PowerItem, ...]]:
        """The items, ``size`` (``BATCH_ITEMS``) at a time, in order: the same as
        ``read_list(path).items``."""
        changed = InputError(self.where, "changed while it was read; read it again")
        digest = ContentDigest(self.head.meta)
        with xlsx_errors(self.where), zipfile.ZipFile(self.path) as archive:
            book = open_workbook(archive)
            if list(book.sheets) != [(p.name, p.member) for p in self.plans]:
                raise changed
            reading = _Reading(
                archive, book, self.strings, self.plans, self.head.source, self.where
            )
            size = size or stream.BATCH_ITEMS
            last = yield from full_batches(reading.items(), size, digest)
        if digest.hexdigest() != self.digest or reading.settled != list(self.plans):
            raise changed
        yield last


def open_workbook_stream(path: Path) -> WorkbookStream | None:
    """The XLSX workbook in ``path`` summed by its first reading, to be read in batches; None
    when it is to be read whole (see the module's docstring). Raises the InputError
    :func:`read_list` raises for a damaged workbook."""
    where = str(path)
    check_archive(path, where)
    with xlsx_errors(where), zipfile.ZipFile(path) as archive:
        book = open_workbook(archive)
        strings = SharedStrings.read(archive, book.shared_strings)
        plans = []
        for name, member in book.sheets:
            layout = survey_sheet(archive, member, book, strings)
            if layout is None:
                return None
            plans.append(_Plan(name, member, layout))
        return _first_reading(archive, book, strings, tuple(plans), path, where)


def _first_reading(
    archive: zipfile.ZipFile,
    book: Workbook,
    strings: SharedStrings,
    plans: tuple[_Plan, ...],
    path: Path,
    where: str,
) -> WorkbookStream | None:
    """The workbook summed item by item, read again while what it foresaw turns out otherwise
    (the description, which a cover sheet after the table may give; a sheet's width or
    columns; the keys of a table's headers); None when it finds no table or a wrong one."""
    meta: ListMeta | None = None
    for _ in range(_MOST_READINGS):
        reading = _Reading(archive, book, strings, plans, path.name, where)
        summary: Summary | None = None
        for item in reading.items():
            if summary is None:
                summary = Summary(meta or reading.meta())
            summary.add(item)
        if summary is None:
            return None
        plausibility = summary.judge.verdict()
        if plausibility.verdict == "wrong" or summary.whole:
            return None
        final = summary.regions.given(reading.meta())
        settled = tuple(reading.settled)
        if summary.digest.meta == final and settled == plans:
            head = list_head(reading.parts, path.name, "xlsx", None, final, plausibility)
            digest = summary.digest.hexdigest()
            return WorkbookStream(head, summary.counts, digest, path, where, strings, plans)
        meta, plans = final, settled
    return None
