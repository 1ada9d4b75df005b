"""Turns the rows of a Grid into power items: finds the header, maps cells onto field keys, makes
sub-items, merges continuation rows, and records every oddity as an anomaly or a reject."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain, pairwise

from extractors.models import FIELD_KEYS, Anomaly, PowerItem, Reject, Section
from extractors.reading.annexed import RecordUnder, is_annex_header
from extractors.reading.cellparts import References, say_joint, split_labelled
from extractors.reading.drafts import (
    Columns,
    Draft,
    Header,
    SubitemFolder,
    column_layout,
    group_header_keys,
    is_continuation,
    make_draft,
    merge_into,
    section_text,
    under_merge,
    without_cells,
)
from extractors.reading.formats.floatserials import whole_float_serials
from extractors.reading.formats.grid import Grid, SourceRow
from extractors.reading.formats.labelled import (
    RECORDS_UNDER_TABLE,
    goes_on_value,
    labelled_value,
)
from extractors.reading.formats.superseded import set_aside
from extractors.reading.formats.tables import Table
from extractors.reading.formats.text.annex import is_annex_label
from extractors.reading.formats.titles import group_department, titled_department
from extractors.reading.headers import (
    SUBITEM,
    is_header,
    is_other_header,
    map_header,
    map_headers,
    merge_header_levels,
)
from extractors.reading.limits import MAX_CELL_CHARS, check_cell
from extractors.reading.sidebyside import side_by_side, split_rows
from extractors.reading.vocab import (
    is_ditto,
    is_level,
    is_phone,
    is_power_type,
    is_serial,
    is_table_note,
    is_time_limit,
    names_section,
    section_type,
    simplified_heading,
)

# Fields whose cells a stray cell can be recognised as belonging to, by shape.
_SHAPES: dict[str, tuple[str, Callable[[str], bool]]] = {
    "time_limit": ("a time limit", is_time_limit),
    "type": ("a power type", is_power_type),
    "level": ("an exercise level", is_level),
}
# A serial written as a numbered line ("1.", "12、"): the row is the number.
_NUMBERED_SERIAL = re.compile(r"(\d{1,6})\s*[.．、]")
_OTHER_FIELDS = tuple(k for k in FIELD_KEYS if k not in ("row", "name"))
#: Columns whose cell lists merge down over the items that share it (a type, a department, an
#: accountability basis common to all).
# A column's number as a table prints it under its header: 1, (1), （1）, 第1列.
_COLUMN_NUMBER = re.compile(r"[（(]?(\d{1,3})[)）]?|第(\d{1,3})列")


def numbers_columns(cells: Sequence[str]) -> bool:
    """Whether ``cells`` number the table's columns (1 | 2 | 3 | 4 …, as printed under a
    header: each filled cell the number after the one before, three or more of them, starting
    at 0 or 1), a row that is no item: read as one, its serial 1 and its name 2.

    >>> numbers_columns(["1", "2", "3", "4"]), numbers_columns(["（1）", "（2）", "", "（3）"])
    (True, True)
    >>> numbers_columns(["1", "2", "3"] + ["行政许可"]), numbers_columns(["1", "3", "4"])
    (False, False)
    """
    numbers = []
    for cell in cells:
        if not cell:
            continue
        found = _COLUMN_NUMBER.fullmatch(cell.strip())
        if found is None:
            return False
        numbers.append(int(found.group(1) or found.group(2)))
    return (
        len(numbers) >= 3 and numbers[0] in (0, 1) and all(b == a + 1 for a, b in pairwise(numbers))
    )


MERGED_DOWN = ("type", "department", "basis", "accountability_basis")
#: The main item's fields that a 子项 row without them shares.
_FROM_MAIN = ("type", "department")


@dataclass(frozen=True, slots=True)
class Assembled:
    """What assembling a Grid gives: items, rejects, section headings, blank rows, the rows seen
    (``rows_seen == len(items) + len(rejects) + len(sections) + blank_rows``), and where it
    happened."""

    items: tuple[PowerItem, ...]
    rejects: tuple[Reject, ...]
    rows_seen: int
    header: Header
    context: tuple[tuple[int, str], ...]
    sections: tuple[Section, ...] = ()
    blank_rows: int = 0


def find_header(grid: Grid) -> int | None:
    """The index of the header row in ``grid`` (the reader's, or the first row that reads as one).

    >>> title, header = ("清单",), ("序号", "事项名称", "事项类型", "实施部门")
    >>> find_header(Grid((SourceRow(1, title, title), SourceRow(2, header, header))))
    1
    """
    if grid.header is not None:
        return grid.header
    return next((i for i, r in enumerate(grid.rows) if is_header(r.cells)), None)


def _merge_header_rows(top: SourceRow, below: SourceRow | None) -> tuple[str, ...]:
    """Header cells, with a second header row folded in when there is one.

    A two-level header (职权名称 spanning 项目 | 子项, 设定依据 spanning 法律法规 | 规章) reaches us
    either flattened into one row or as two rows; in the second case the lower row names the
    parts of the upper row's merged cells (``headers.merge_header_levels``).
    """
    merged = None if below is None else merge_header_levels(top.cells, below.cells)
    return top.cells if merged is None else merged


# A number as a spreadsheet shows one too long for its cell: 3.30217E+11.
_E_NOTATION = re.compile(r"\d(?:\.\d+)?[eE]\+?\d{1,3}")


def _check_shapes(draft: Draft, keys: frozenset[str]) -> None:
    """Moves or flags cells that sit in the wrong column.

    Seen in a Tibetan list: the 服务电话 column holds 60个工作日 while 法定期限 is empty; the
    evidence is clear (a time limit, and its own column empty), so it moves, with an anomaly.
    """
    kept: list[tuple[str, str]] = []
    for column, text in draft.extra:
        target = next((k for k, (_, test) in _SHAPES.items() if test(text)), None)
        if target is None:
            kept.append((column, text))
            continue
        label = _SHAPES[target][0]
        if target in keys and not draft.values.get(target):
            draft.values[target] = text
            draft.anomalies.append(
                Anomaly(
                    "misplaced-cell",
                    f"{column} holds {label} while the {target} column is empty; moved to {target}",
                    column,
                    text,
                )
            )
            continue
        where = repr(draft.values[target]) if draft.values.get(target) else "absent"
        draft.anomalies.append(
            Anomaly(
                "misplaced-cell",
                f"{column} holds {label} but the {target} column is {where}; kept in extra",
                column,
                text,
            )
        )
        kept.append((column, text))
    draft.extra = kept
    for key in ("row", "code"):
        if _E_NOTATION.fullmatch(value := draft.values.get(key, "").strip()):
            # 330217001000 shown by a spreadsheet as 3.30217E+11, and exported so (CSV)
            draft.anomalies.append(
                Anomaly(
                    "e-notation",
                    f"the {key} is a number in E notation, as a spreadsheet shows a long code: "
                    "its last digits are lost; kept as written",
                    key,
                    value,
                )
            )
    time_limit = draft.values.get("time_limit", "")
    if time_limit and is_phone(time_limit):
        draft.anomalies.append(
            Anomaly(
                "misplaced-cell",
                "the time_limit column holds a phone number",
                "time_limit",
                time_limit,
            )
        )
    power_type = draft.values.get("type", "")
    if power_type and not _is_known_type(power_type):
        # a type in traditional script (行政許可, a TSV or a page in 繁體) is the vocabulary's
        # type in simplified script; ``raw`` keeps it as written
        folded = simplified_heading(power_type)
        if folded != power_type and _is_known_type(folded):
            draft.values["type"] = power_type = folded
    if power_type and not _is_known_type(power_type) and not is_ditto(power_type):
        # (a ditto mark, 同上, takes the type of the item above: ``cellparts.References``)
        draft.anomalies.append(
            Anomaly("unknown-type", "type is not in the power-type vocabulary", "type", power_type)
        )


@lru_cache(maxsize=1024)
def _is_known_type(text: str) -> bool:
    """:func:`is_power_type`, remembered: a list repeats a few types over thousands of rows."""
    return is_power_type(text)


class _Finisher:
    """Drafts → items, one at a time, in order: the running state is the serials seen (to flag a
    duplicate) and the main item that sub-items come under."""

    def __init__(
        self, source: str, keys_seen: Callable[[], frozenset[str]], owner: str | None = None
    ) -> None:
        self.source = source
        self.owner = owner  # the department a sheet's name or the heading above names
        self.section_owner: str | None = None  # the department the last group row named
        self.keys_seen = keys_seen  # the field keys of the table's headers
        self.seen_rows: set[str] = set()
        self.main_name: str | None = None
        self.main_row: str | None = None
        self.sub_count = 0
        self.above: dict[str, str] = {}  # the item above's cells that a merge may cover
        self.references = References()  # cells that point at another (同上, 见第3项)
        self.main_values: dict[str, str] = {}  # the main item's cells its 子项 may lack

    def item(self, draft: Draft) -> PowerItem:
        """The item of ``draft``, which follows the drafts given before."""
        keys_seen = self.keys_seen()
        seen_rows = self.seen_rows
        _check_shapes(draft, keys_seen)
        values = {k: v.strip() for k, v in draft.values.items()}
        anomalies = list(draft.anomalies)
        split_labelled(values, anomalies)
        say_joint(draft.raw, anomalies)
        # A row the file cuts off may have lost its own type cell: it takes none from above
        # (where the table has no type column, the heading's type is the only one it has).
        cut = "type" in keys_seen and any(a.code == "cut-off" for a in anomalies)
        if not values.get("type") and draft.section is not None and draft.section.type and not cut:
            values["type"] = draft.section.type
            anomalies.append(
                Anomaly(
                    "type-from-section",
                    f"no type of its own; took {draft.section.type} from the section heading "
                    f"at line {draft.section.line}",
                    "type",
                    draft.section.text,
                )
            )
        owner = self.owner
        if draft.group is not None and (named := group_department(draft.group.text)):
            owner = named  # a group row 县林业局（12项） over a department's items
            if named != self.section_owner:
                # each department's section numbers its items from 1 again: no duplicate
                self.section_owner = named
                seen_rows.clear()
        # A workbook of a sheet per department (or a table under each one's name, or a group
        # row naming it), and no department column: the department the items fall under, kept
        # apart from ``department``, which is only ever a column's cell (the gold's convention).
        # The row's own header decides (its draft has a key for each of its columns): a second
        # titled table without the department column of the first is its title's department's.
        own_column = "department" in values
        heading_department = (
            owner if owner and not own_column and not values.get("department") else None
        )
        if values.get(SUBITEM) and not draft.subitems and not values.get("name"):
            # A 子项 row of its own table (the main items in a table above, without the sub-items'
            # columns of type or department): a sub-item is part of its main item.
            for key in _FROM_MAIN:
                if not values.get(key) and self.main_values.get(key):
                    values[key] = self.main_values[key]
                    anomalies.append(
                        Anomaly(
                            "from-main-item",
                            f"a 子项 without a {key} of its own; took its main item's",
                            key,
                            values[key],
                        )
                    )
        said = {map_header(a.column) for a in anomalies if a.code == "missing-cell" and a.column}
        for key in MERGED_DOWN:
            # A merged cell exported as one value and blanks below (CSV, pipe tables): the
            # items below have none of their own; not guessed, said on each (page text says
            # it itself). The value above goes on over the blanks, as the merge did.
            if values.get(key) or cut or key not in keys_seen or key not in values:
                self.above[key] = values.get(key, "")
            elif self.above.get(key) and key not in said:
                anomalies.append(
                    Anomaly(
                        "missing-cell",
                        f"no {key} while the item above has one (a merged cell exported as "
                        "blanks?); not copied",
                        key,
                    )
                )
        serial = values.get("row") or None
        if serial and not serial.isdigit() and (numbered := _NUMBERED_SERIAL.fullmatch(serial)):
            serial = numbered.group(1)
        subitem = values.get(SUBITEM) or None
        name = values.get("name") or None
        parent: str | None = None
        if draft.subitems:  # a main item with its 子项 folded in
            self.main_name, self.main_row, self.sub_count = name, serial, 0
            self.main_values = {k: values.get(k, "") for k in _FROM_MAIN}
            subitem = None
            if serial is not None and serial in seen_rows:
                anomalies.append(Anomaly("duplicate-row", f"serial {serial} is used twice"))
        elif subitem is not None:
            # The parent is the main item's name: written on this row, or on the row of the
            # first sub-item (merged cells exported as one value and then blanks).
            parent = name or self.main_name
            # A merged 项目 cell filled into every sub-item row repeats the main name (and
            # serial): the same main item, so the sub-items go on counting under it.
            same_main = name == self.main_name and (serial is None or serial == self.main_row)
            if name is not None and not same_main:
                self.main_name, self.main_row, self.sub_count = name, serial, 0
                self.main_values = {k: values.get(k, "") for k in _FROM_MAIN}
            self.sub_count += 1
            name = subitem
            if parent is None:
                anomalies.append(Anomaly("orphan-subitem", "a 子项 with no main item above it"))
            main_row = self.main_row
            if (serial is None and main_row is not None) or (serial and serial in seen_rows):
                derived = f"{serial or main_row or ''}-{self.sub_count}"
                anomalies.append(
                    Anomaly("derived-row", f"sub-item without a serial of its own: row {derived}")
                )
                serial = derived
        else:
            self.main_name, self.main_row, self.sub_count = name, serial, 0
            self.main_values = {k: values.get(k, "") for k in _FROM_MAIN}
            if serial is not None and serial in seen_rows:
                anomalies.append(Anomaly("duplicate-row", f"serial {serial} is used twice"))
        if serial is not None:
            seen_rows.add(serial)
        self.references.resolve(serial, values, anomalies)
        fields = {k: (values.get(k) or None) for k in _OTHER_FIELDS}
        return PowerItem(
            source=self.source,
            row=serial,
            line=draft.line,
            name=name,
            parent=parent,
            subitems=tuple(draft.subitems),
            raw=draft.raw,
            extra=tuple(draft.extra),
            anomalies=tuple(anomalies),
            section_department=heading_department,
            **fields,
        )


def _heads_annexed_table(cells: Sequence[str]) -> bool:
    """True for the cells of a header under an annex's label: a serial's header word first
    (序号), two cells or more, none a serial (a row of the list's items has one first)."""
    filled = [c for c in cells if c]
    return len(filled) >= 2 and map_header(filled[0]) == "row" and not is_serial(filled[1])


def _name_from_above(draft: Draft, above: Draft | None) -> None:
    """A name cell that says only 同上 (〃, 同上一项: ``vocab.is_ditto``) takes the name of the
    row above, said ``copied-cell``, before its sub-items are folded (同上 | 对价格欺诈的处罚 under
    a 子项 header is the main item above again, as a merged cell repeated): read as it was, it
    was an item named 同上. With no row above, it is said ``unresolved-reference``."""
    text = draft.values.get("name", "")
    if not text or len(text) > 8 or not is_ditto("".join(text.split()).rstrip("。.")):
        return
    name = above.values.get("name", "") if above is not None else ""
    if name:
        draft.values["name"] = name
        message = f"name reads {text!r}: copied from the row above"
        draft.anomalies.append(Anomaly("copied-cell", message, "name", text))
    else:
        message = f"name reads {text!r}, which points at no name read (the row above)"
        draft.anomalies.append(Anomaly("unresolved-reference", message, "name", text))


def _opening_section(
    source: str, lead: tuple[int, str] | None, above: Sequence[tuple[int, str]]
) -> Section | None:
    """The section a table opens in: named by its lead (a heading between tables, its sheet's
    name), else by the nearest line above its header inside the table's own rows (一、行政许可
    over the header of a sheet, a CSV or a pipe table that lists one type per table); None
    when neither names a power type (``vocab.names_section``: a list's title names none)."""
    nearest = next(((n, t) for n, t in reversed(above) if t), None)
    for found in (lead, nearest):
        if found is not None and (kind := names_section(found[1])):
            return Section(source, found[0], found[1].strip(), kind)
    return None


def _opening_owner(
    lead: tuple[int, str] | None,
    above: Sequence[tuple[int, str]],
    owner: tuple[int, str] | None = None,
) -> str | None:
    """The department a table's first rows fall under: named by its lead (a heading between
    tables, its sheet's name: ``vocab.section_department``), else by the nearest line above its
    header inside its rows (but headings of power types) when that holds a department's name
    and nothing else (``## 县人力社保局`` over ``### 一、行政许可`` over a pipe table) or is a
    list's title naming it (县市场监督管理局权责清单: ``titles.group_department``), else by
    ``owner`` (``Grid.owner``: the last such line above the table outside the tables)."""
    # a sheet named for its department, with an ordinal or a count (县医疗保障局（3项）) too
    if lead is not None and (named := group_department(lead[1])):
        return named
    # the nearest line but headings of power types (## 县人力社保局 over ### 一、行政许可), or
    # the list's title (县市场监督管理局权责清单 over a sheet's header, in a row of its own)
    nearest = next((t for _, t in reversed(above) if t and not names_section(t)), None)
    if nearest is not None and (named := group_department(nearest)):
        return named
    if owner is not None and (named := group_department(owner[1])):
        return named
    # the list's title over a block of labelled lines (单位名称：… 填报日期：…) above the header
    return next((named for _, t in reversed(above) if t and (named := titled_department(t))), None)


class Assembly:
    """One table being made into items, row by row: its header, field layout, the section a row
    falls under, the draft still open to continuation rows, and the counts. Rows come from an
    iterator and items go out as soon as no later row can change them, so a table of any length
    is assembled with a few rows in hand (``extractors.reading.stream``); :func:`assemble` takes
    a whole Grid through the same steps.

    ``rows_seen == len(items) + len(rejects) + len(sections) + blank_rows`` once the items are
    all out. The field keys of every header of the table (a further table's header can add
    some) decide how a stray cell is moved (``_check_shapes``): :meth:`items` takes them fixed
    (known from the whole table, or from an earlier reading of the same file), or else the keys
    seen so far, and ``late_keys`` then says whether a header added keys after the first item.
    """

    def __init__(
        self,
        rows: Iterator[SourceRow],
        header: Header,
        merged: bool,
        source: str,
        path: str,
        context: tuple[Sequence[tuple[int, str]], list[tuple[int, str]]],
        rejects: list[Reject],
        lead: Section | None = None,
        owner: str | None = None,
    ) -> None:
        self.rows = rows
        self.header = header  # the first header
        self.merged = merged  # its row and the row below it make the header
        self.source = source
        self.path = path
        self._context = context
        self.rejects = rejects
        self.rows_seen = len(rejects)
        self.sections: list[Section] = []
        self.blank_rows = 0
        self.keys_seen: set[str] = {k for k in header.keys if k}
        self._keys = frozenset(self.keys_seen)
        self.late_keys = False  # a header added keys once the first draft was out
        self._lead = lead  # the section the table opens in (a heading above it, its sheet)
        self._owner = owner  # the department that heading (sheet name) names, if any

    @classmethod
    def of_table(
        cls,
        table: Grid | Table,
        source: str,
        path: str | None = None,
        rows: Iterable[SourceRow] | None = None,
    ) -> Assembly | None:
        """:meth:`start` with what a whole reader's Grid or a Table read a row at a time holds
        beside its rows (its header, context, rejects and lead); ``rows``: its rows as the caller
        hands them on (kept as they go, say), else the table's own."""
        return cls.start(
            table.rows if rows is None else rows,
            source,
            path,
            header=table.header,
            context=table.context,
            rejects=table.rejects,
            lead=table.lead,
            owner=table.owner,
        )

    @classmethod
    def start(
        cls,
        rows: Iterable[SourceRow],
        source: str,
        path: str | None = None,
        *,
        header: int | Callable[[], int | None] | None = None,
        context: Sequence[tuple[int, str]] = (),
        rejects: Iterable[Reject] = (),
        lead: tuple[int, str] | None = None,
        owner: tuple[int, str] | None = None,
    ) -> Assembly | None:
        """The assembly of a table whose rows are ``rows`` (``header``: the index of the header
        row when the reader knows it, or a function that tells it once the reader has met it),
        read up to its header; None when it has none. ``context`` (the lines around the table)
        may be a list the reader is still filling. ``lead`` (``Grid.lead``: a heading above the
        table, its sheet's name) opens the table's first section when it names a power type
        (``vocab.names_section``): rows with no type of their own take it, as under a heading
        row inside the table; it counts as a section row seen. A serial column written as whole
        floats (1.0, 2.0: a script's export) reads as integers (:mod:`.formats.floatserials`)."""
        rows = iter(whole_float_serials(rows))
        before: list[SourceRow] = []
        for row in rows:
            at = header() if callable(header) else header
            if callable(header) or at is not None:
                if len(before) == at:
                    break
            elif is_header(row.cells):
                break
            before.append(row)
        else:
            return None
        # Rows above the header (a title merged across the sheet, a date row) are context, each
        # distinct cell once.
        seen = [(r.line, " ".join(dict.fromkeys(c for c in r.cells if c))) for r in before]
        below = next(rows, None)
        cells = _merge_header_rows(row, below)
        keys = set_aside(cells, map_headers(cells), row.notes)
        if cells == row.cells and "left" in row.spans:
            keys = group_header_keys(keys, row.spans)
        merged = cells != row.cells
        if below is not None and not merged:
            rows = chain((below,), rows)
        if not merged and (runs := side_by_side(cells)) is not None:
            # the same header twice across the row: lists side by side, a row of each per row
            cells = cells[runs[0][0] : runs[0][1]]
            keys = map_headers(cells)
            rows = split_rows(rows, runs)
        first = Header(row.line, cells, keys)
        stamped = [replace(r, source=source) for r in rejects]
        return cls(
            rows, first, merged, source, path or source, (context, seen), stamped,
            _opening_section(source, lead, seen),
            _opening_owner(lead, seen, owner),
        )  # fmt: skip

    @property
    def context(self) -> tuple[tuple[int, str], ...]:
        """The lines around the table, numbered, in order."""
        around, above = self._context
        return tuple(sorted(c for c in chain(around, above) if c[1]))

    def drafts(self) -> Iterator[Draft]:
        """The table's rows as drafts, each once no later row can join it (a continuation row, a
        row under its merged cells); rejects, sections and blank rows are counted on the way."""
        source, header = self.source, self.header
        last: Draft | None = None  # the draft later rows may still join
        section: Section | None = self._lead
        group: Section | None = None  # the last section naming a department
        if section is not None:
            self.sections.append(section)
            self.rows_seen += 1
        pending_blanks = 0
        columns: dict[int, Columns] = {}  # of the current header, by row width
        other: str | None = None  # the header of a table of another kind the rows are under
        record: RecordUnder | None = None  # the label：value record under the items
        records = False  # such a record was read: the rows below are under the items too
        annexed = False  # an annex's label (附件2) stands above, under the items
        # under an annex's header keyed by serial alone (序号 | 追责情形 | 追责依据): its rows,
        # naming no item, go on to be joined or rejected (``annexed.serial_keys``)
        by_serial = "name" not in header.keys and is_annex_header(header.cells)
        for row in self.rows:
            if not row.cells and row.notes:
                # A row of no cells with a note: a part of the file the reader could not read
                # (a PDF's scanned page), said as a reject of its own.
                self.rows_seen += len(row.notes)
                self.rejects += [
                    Reject(source, row.line, n.text or "", n.message) for n in row.notes
                ]
                continue
            if not any(row.cells):
                # Counted once a later row shows it lies inside the table, not after its end.
                pending_blanks += 1
                continue
            self.blank_rows += pending_blanks
            self.rows_seen += pending_blanks
            pending_blanks = 0
            if max(map(len, row.cells)) > MAX_CELL_CHARS:
                for column, text in enumerate(row.cells, start=1):
                    check_cell(text, self.path, row.line, column)
            if (listed := is_header(row.cells)) or (
                last is not None and is_annex_header(row.cells, self.keys_seen)
            ):
                # A repeated header (page break) or the header of a further table (an annex
                # keyed to the items by name, 事项名称 | 追责依据: ``annexed``); a cell of it
                # merged across columns groups them as the first header's did
                named = set_aside(row.cells, map_headers(row.cells), row.notes)
                if "left" in row.spans:
                    named = group_header_keys(named, row.spans)
                header = Header(row.line, row.cells, named)
                keys = {k for k in header.keys if k}
                if not keys <= self.keys_seen:
                    self.keys_seen |= keys
                    self._keys = frozenset(self.keys_seen)
                    self.late_keys = self.late_keys or last is not None
                columns = {}
                other = None
                by_serial = not listed and "name" not in named
                continue
            self.rows_seen += 1
            if annexed and not row.spans and _heads_annexed_table(row.cells):
                # under an annex's label (and its title), a header of fields no list has
                # (序号 | 收费项目 | 收费标准): a table of another kind, as below
                other = " | ".join(c for c in row.cells if c)
            if other is not None or (not row.spans and is_other_header(row.cells)):
                # An appendix table (序号 | 追责情形) under the items: its rows are no items,
                # up to the next items header.
                other = other or " | ".join(c for c in row.cells if c)
                text = " | ".join(c for c in row.cells if c)
                self.rejects.append(
                    Reject(source, row.line, text, f"a row of a table of another kind ({other})")
                )
                continue
            width = max(len(row.cells), len(header.cells))
            if width not in columns:
                columns[width] = column_layout(header, width)
            seen = row
            if "above" in row.spans:
                how, row = under_merge(row, columns[width], last is not None)
                if how == "spacer":
                    # Nothing of its own to read: a blank row, its notes (hidden text) the item's.
                    if last is not None or not row.notes:
                        self.blank_rows += 1
                        if last is not None:
                            last.anomalies.extend(row.notes)
                    else:
                        text = " | ".join(n.text or "" for n in row.notes)
                        self.rejects.append(
                            Reject(source, row.line, text, "text hidden under merged cells")
                        )
                    continue
                if how == "name-rest" and last is not None:
                    # 职业技能鉴定 | 机构设立审批 in two rows under the item's merged cells
                    merge_into(last, make_draft(row, len(header.cells), columns[width]))
                    self.rows_seen -= 1
                    continue
                if how == "step" and last is not None:
                    step = make_draft(row, len(header.cells), columns[width])
                    merge_into(last, step, under_merge=True)
                    self.rows_seen -= 1
                    continue
                if how == "section":
                    seen = row
            if row.spans:
                # A cell merged across columns is one value, in the first of them.
                row = without_cells(row, lambda span, key: span == "left", columns[width])
            first = next(c for c in row.cells if c)
            if is_table_note(first):
                # 注：… or 合计 共12项 under the items (alone, or spread by a merge): no item.
                text = " | ".join(dict.fromkeys(c for c in row.cells if c))
                self.rejects.append(Reject(source, row.line, text, "a note or count row"))
                continue
            if numbers_columns(row.cells):
                # 1 | 2 | 3 | 4 … printed under the header (the columns' numbers): no item
                text = " | ".join(c for c in row.cells if c)
                self.rejects.append(Reject(source, row.line, text, "the columns' numbers"))
                continue
            filled = [c for c in row.cells if c]
            found = (
                labelled_value(filled[0])
                if len(filled) == 1 and (last is not None or records)
                else None
            )
            if found is not None and (record is not None or found[1] in ("name", "row")):
                # label：value lines under the items, one a row (a 责任清单 after the 权力清单's
                # table): a record opens at its name's label (or its serial's, 序号：1), a row
                # of an annex keyed to the items by name once whole (``annexed.RecordUnder``)
                if record is None or not record.takes(found[1]):
                    if record is not None:
                        yield from self._record(record)
                    elif last is not None:
                        yield last
                        last = None
                    record, records = RecordUnder(row.line, [found]), True
                else:
                    record.lines.append(found)
                    self.rows_seen -= 1
                continue
            if record is not None and len(filled) == 1 and goes_on_value(filled[0]):
                # a line of no field's label inside a record (2.审查阶段责任：…): its value's
                record.go_on(filled[0])
                self.rows_seen -= 1
                continue
            if record is not None:
                yield from self._record(record)
            record = None
            annexed = (annexed or is_annex_label(filled[0])) and len(filled) == 1
            annexed = annexed and last is not None
            if (heading := section_text(seen)) is not None:
                section = Section(source, row.line, heading, section_type(heading))
                self.sections.append(section)
                if group_department(heading):  # 县林业局（12项）, or 县林业局权责清单
                    group = section
                continue
            draft = make_draft(row, len(header.cells), columns[width])
            draft.section, draft.group = section, group
            _name_from_above(draft, last)
            if last is not None and is_continuation(draft):
                merge_into(last, draft)
                self.rows_seen -= 1
                continue
            if not (draft.values.get("name") or draft.values.get(SUBITEM)) and not (
                by_serial and draft.values.get("row")
            ):
                # (a row of an annex keyed by serial, 序号 | 追责情形 | 追责依据, goes on to
                # be joined to the item of its serial or rejected: ``annexed.serial_keys``)
                text = " | ".join(c for c in row.cells if c)
                self.rejects.append(Reject(source, row.line, text, "row has no item name"))
                continue
            if last is not None:
                yield last
            last = draft
        if record is not None:
            yield from self._record(record)
        if last is not None:
            yield last

    def _record(self, record: RecordUnder) -> Iterator[Draft]:
        """The draft of a label：value record under the items, a row of an annex keyed to them
        to be joined to the item it names, or nothing when it is a reject (kept)."""
        found = record.finished(self.source, frozenset(self.keys_seen), RECORDS_UNDER_TABLE)
        if isinstance(found, Reject):
            self.rejects.append(found)
        else:
            yield found

    def items(
        self, drafts: Iterable[Draft], keys: frozenset[str] | None = None
    ) -> Iterator[PowerItem]:
        """The items of ``drafts`` (from :meth:`drafts`), in order, their 子项 rows folded in;
        ``keys`` are the field keys of the whole table's headers (else those seen so far)."""
        folder = SubitemFolder()
        finisher = _Finisher(
            self.source, (lambda: keys) if keys is not None else self._seen, self._owner
        )
        for draft in drafts:
            for final in folder.add(draft):
                yield finisher.item(final)
        for final in folder.close():
            yield finisher.item(final)
        self.rows_seen -= folder.folded

    def _seen(self) -> frozenset[str]:
        return self._keys

    def assembled(self, items: tuple[PowerItem, ...]) -> Assembled:
        """What the table gave, once its ``items`` are all out."""
        return Assembled(
            items,
            tuple(self.rejects),
            self.rows_seen,
            self.header,
            self.context,
            tuple(self.sections),
            self.blank_rows,
        )


def assemble(grid: Grid, source: str, path: str | None = None) -> Assembled | None:
    """The items of ``grid``, or None when it has no header row. ``path`` names the file in
    errors (a cell over the size limit); it defaults to ``source``.

    >>> rows = [("序号", "事项名称", "事项类型", "服务电话", "法定期限"),
    ...         ("1", "城乡医疗救助", "行政确认", "60个工作日", "")]
    >>> out = assemble(Grid(tuple(SourceRow(i + 1, r, r) for i, r in enumerate(rows))), "a.md")
    >>> item = out.items[0]
    >>> item.name, item.time_limit, item.anomalies[0].code, out.rows_seen
    ('城乡医疗救助', '60个工作日', 'misplaced-cell', 1)
    """
    run = Assembly.of_table(grid, source, path)
    if run is None:
        return None
    drafts = list(run.drafts())  # the whole table: the keys of all its headers are known
    return run.assembled(tuple(run.items(drafts, frozenset(run.keys_seen))))
