"""Turns the rows of a Grid into power items: finds the header, maps cells onto field keys, makes
sub-items, merges continuation rows, and records every oddity as an anomaly or a reject."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal

from extractors.models import FIELD_KEYS, Anomaly, PowerItem, Reject, Section
from extractors.reading.grid import Grid, SourceRow, Span
from extractors.reading.headers import SUBITEM, is_header, map_headers
from extractors.reading.limits import MAX_CELL_CHARS, check_cell
from extractors.reading.vocab import (
    is_level,
    is_phone,
    is_power_type,
    is_serial,
    is_time_limit,
    section_type,
)

# Fields whose cells a stray cell can be recognised as belonging to, by shape.
_SHAPES: dict[str, tuple[str, Callable[[str], bool]]] = {
    "time_limit": ("a time limit", is_time_limit),
    "type": ("a power type", is_power_type),
    "level": ("an exercise level", is_level),
}
# Long text fields: two columns mapping to one of these are joined, not dropped.
_JOINABLE = frozenset({"basis", "responsibility", "accountability", "accountability_basis"})
# A serial written as a numbered line ("1.", "12、"): the row is the number.
_NUMBERED_SERIAL = re.compile(r"(\d{1,6})\s*[.．、]")
# The fields of an item itself, one value each: a row under the item's merged cells that gives
# another value for one of them is reported, not joined (the rest of its text joins the item).
_FIRST_STANDS = frozenset({"row", "code", "name", "type", "department", "level"})
_FIRST_STANDS |= {"guiding_department", SUBITEM}
_IDENTITY = ("row", "code", "name", SUBITEM, "type")
_OTHER_FIELDS = tuple(k for k in FIELD_KEYS if k not in ("row", "name"))


@dataclass(frozen=True, slots=True)
class Header:
    """A header row: its cells as written, their keys, and the line it stands on."""

    line: int
    cells: tuple[str, ...]
    keys: tuple[str | None, ...]


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


@dataclass(slots=True)
class _Draft:
    """A row on its way to becoming an item (mutable while continuation rows are merged in)."""

    line: int
    values: dict[str, str]
    raw: tuple[tuple[str, str], ...]
    extra: list[tuple[str, str]]
    anomalies: list[Anomaly] = field(default_factory=list)
    section: Section | None = None
    subitems: list[str] = field(default_factory=list)  # the 子项 folded into this main item


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

    A two-level header (职权名称 spanning 项目 | 子项) reaches us either flattened into one row or
    as two rows; in the second case the lower row names the 子项 column.
    """
    if below is None or SUBITEM not in map_headers(below.cells):
        return top.cells
    if any(is_serial(c) for c in below.cells[:1]):
        return top.cells
    merged = []
    for i, upper in enumerate(top.cells):
        lower = below.cells[i] if i < len(below.cells) else ""
        merged.append(f"{upper} {lower}".strip() if lower and lower != upper else upper)
    return tuple(merged)


@dataclass(frozen=True, slots=True)
class _Columns:
    """The columns of the rows of one width under one header, worked out once rather than once
    per row: their unique names (``列7`` for a column without a header cell) and keys."""

    names: tuple[str, ...]
    keys: tuple[str | None, ...]
    #: (index, key) of each column with a key, and the index of each column without one.
    keyed: tuple[tuple[int, str], ...]
    unkeyed: tuple[int, ...]
    #: True when no two columns share a key, so that no cell is joined or set aside.
    distinct: bool


def _columns(header: Header, width: int) -> _Columns:
    names = [c or f"列{i + 1}" for i, c in enumerate(header.cells)]
    names += [f"列{i + 1}" for i in range(len(names), width)]
    seen: dict[str, int] = {}
    unique = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        unique.append(name if seen[name] == 1 else f"{name}#{seen[name]}")
    keys = header.keys + (None,) * (width - len(header.keys))
    keyed = tuple((i, k) for i, k in enumerate(keys) if k is not None)
    return _Columns(
        names=tuple(unique),
        keys=keys,
        keyed=keyed,
        unkeyed=tuple(i for i, k in enumerate(keys) if k is None),
        distinct=len({k for _, k in keyed}) == len(keyed),
    )


def _ordinary_draft(row: SourceRow, columns: _Columns) -> _Draft:
    """The draft of a row with a cell under each header cell when each key has one column:
    nearly every row, and what :func:`_draft` comes to for it."""
    cells, names = row.cells, columns.names
    return _Draft(
        row.line,
        {key: cells[i] for i, key in columns.keyed},
        tuple(zip(names, row.raw, strict=True)),
        [(names[i], cells[i]) for i in columns.unkeyed if cells[i]],
        list(row.notes),
    )


def _draft(row: SourceRow, header_size: int, columns: _Columns) -> _Draft:
    size = len(row.cells)
    if size == header_size == len(row.raw) and columns.distinct:
        return _ordinary_draft(row, columns)
    names = columns.names
    width = len(names)
    anomalies = list(row.notes)
    cells = row.cells + ("",) * (width - size)
    raw_cells = row.raw + ("",) * (width - len(row.raw))
    keys = columns.keys
    if size < header_size and not any(a.code == "cut-off" for a in row.notes):
        missing = names[size:header_size]
        if any(row.cells):
            anomalies.append(
                Anomaly(
                    "short-row",
                    f"row has {size} of {header_size} cells; missing: {', '.join(missing)}",
                )
            )
    values: dict[str, str] = {}
    extra: list[tuple[str, str]] = []
    for i, text in enumerate(cells):
        key = keys[i]
        if i >= header_size and text:
            anomalies.append(
                Anomaly("extra-cell", "cell beyond the last header column", names[i], text)
            )
        if key is None:
            if text:
                extra.append((names[i], text))
        elif key in values and values[key] and text:
            if key in _JOINABLE:
                values[key] += "\n" + text
            else:
                extra.append((names[i], text))
                anomalies.append(
                    Anomaly(
                        "duplicate-column", f"second {key} column kept in extra", names[i], text
                    )
                )
        elif text or key not in values:
            values[key] = text
    raw = tuple(zip(names, raw_cells, strict=True))
    return _Draft(row.line, values, raw, extra, anomalies)


def _check_shapes(draft: _Draft, keys: frozenset[str]) -> None:
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
        draft.anomalies.append(
            Anomaly("unknown-type", "type is not in the power-type vocabulary", "type", power_type)
        )


@lru_cache(maxsize=1024)
def _is_known_type(text: str) -> bool:
    """:func:`is_power_type`, remembered: a list repeats a few types over thousands of rows."""
    return is_power_type(text)


def _is_section(row: SourceRow) -> bool:
    """True for a heading row inside a table: "一、行政许可（12项）" alone, or spread by a merge."""
    filled = [c for c in row.cells if c]
    # All filled cells the same text (counted by comparison: hashing 3 KB cells costs more).
    if not filled or filled.count(filled[0]) != len(filled) or is_serial(filled[0]):
        return False
    return len(filled) > 1 or bool(row.cells[0])


def _is_continuation(draft: _Draft) -> bool:
    """True for a row that only carries more text for the row above (a record wrapped over rows,
    as PDF converters leave them: serial, name and type empty, later cells filled)."""
    return not any(draft.values.get(k) for k in _IDENTITY) and bool(
        [v for v in draft.values.values() if v] or draft.extra
    )


def _merge_into(previous: _Draft, draft: _Draft, *, under_merge: bool = False) -> None:
    """Joins the text of ``draft``'s row to the item of ``previous``. A row under the merged
    cells of that item (``under_merge``) is one of its steps: its text fields join, and a
    different value for one of the item's own fields (department, type …) is kept in extra
    and reported, the first one standing."""
    for key, text in draft.values.items():
        if text:
            old = previous.values.get(key, "")
            if under_merge and old and key in _FIRST_STANDS:
                if text != old:
                    previous.extra.append((key, text))
                    previous.anomalies.append(
                        Anomaly(
                            "merged-row-conflict",
                            f"row at line {draft.line}, under the merged cells of this item, "
                            f"gives another {key}; kept {old!r}, the other in extra",
                            key,
                            text,
                        )
                    )
                continue
            previous.values[key] = f"{old}\n{text}" if old else text
    previous.extra = previous.extra + draft.extra
    previous.raw = (
        tuple(
            (name, f"{old}\n{new}" if old and new else old or new)
            for (name, old), (_, new) in zip(previous.raw, draft.raw, strict=False)
        )
        + previous.raw[len(draft.raw) :]
    )
    if not under_merge:
        previous.anomalies.append(
            Anomaly("continuation-row", f"row at line {draft.line} continues this item; merged")
        )
    previous.anomalies.extend(draft.anomalies)


def _fold_subitems(drafts: list[_Draft]) -> tuple[list[_Draft], int]:
    """One draft per main item: the 子项 rows under a main item (a 项目 | 子项 table) that have no
    serial of their own join their main item, which lists their names (``subitems``) and takes
    the text of their cells (a cell repeated from a merge is taken once). A sub-item row with a
    serial of its own stays an item, its main item's name in ``parent``. Returns the drafts and
    how many rows were folded (they count as part of their item, like continuation rows)."""
    out: list[_Draft] = []
    head: _Draft | None = None  # the main item the sub-item rows join
    folded = 0
    for draft in drafts:
        subitem = draft.values.get(SUBITEM, "").strip()
        name = draft.values.get("name", "").strip()
        serial = draft.values.get("row", "").strip()
        if not subitem:
            head = draft if name else None  # a main item written on a row of its own
            out.append(draft)
            continue
        main = head.values.get("name", "").strip() if head is not None else ""
        same_main = head is not None and (not name or name == main)
        if same_main and head is not None and (not serial or serial == head.values.get("row")):
            head.subitems.append(subitem)
            _merge_cells(head, draft)
            folded += 1
            continue
        if serial and head is not None and same_main:
            out.append(draft)  # a sub-item with a serial of its own: an item under ``main``
            continue
        if not name and head is None:
            out.append(draft)  # no main item above it: an orphan, said in _finish
            continue
        if not name:
            draft.values["name"] = main
        draft.subitems.append(subitem)
        head = draft
        out.append(draft)
    return out, folded


def _merge_cells(head: _Draft, draft: _Draft) -> None:
    """The cells of a folded sub-item row joined to its main item: text a cell has not yet
    written is added on a new line; the main item's own fields (code, type, department …) stand,
    a sub-item's other value for one of them is kept under its header in ``extra``."""
    for key, text in draft.values.items():
        text = text.strip()
        if not text or key in (SUBITEM, "row", "name"):
            continue
        old = head.values.get(key, "")
        if key in _FIRST_STANDS:  # a sub-item's own code, department …: kept under its header
            if text != old.strip():
                header = next((h for h, v in draft.raw if v.strip() == text), key)
                if (header, text) not in head.extra:
                    head.extra.append((header, text))
            continue
        if not _written(text, old):
            head.values[key] = f"{old}\n{text}" if old else text
    for cell in draft.extra:
        if cell not in head.extra:
            head.extra.append(cell)
    head.raw = (
        tuple(
            (name, old if not new or _written(new, old) else f"{old}\n{new}" if old else new)
            for (name, old), (_, new) in zip(head.raw, draft.raw, strict=False)
        )
        + head.raw[len(draft.raw) :]
    )
    head.anomalies.extend(draft.anomalies)


def _written(text: str, cell: str) -> bool:
    r"""True when ``cell`` already holds ``text`` as whole lines (a cell repeated by a merge).

    >>> _written("5个工作日", "15个工作日"), _written("《消防法》", "审查\n《消防法》")
    (False, True)
    """
    return f"\n{text}\n" in f"\n{cell}\n"


def _without(
    row: SourceRow, drop: Callable[[Span, str | None], bool], columns: _Columns
) -> SourceRow:
    """``row`` with the cells that ``drop`` picks (by span and column key) emptied."""
    gone = {i for i, span in enumerate(row.spans) if drop(span, columns.keys[i])}
    cells = tuple("" if i in gone else c for i, c in enumerate(row.cells))
    raw = tuple("" if i in gone else c for i, c in enumerate(row.raw))
    return replace(row, cells=cells, raw=raw, spans=())


def _group_header_keys(
    keys: tuple[str | None, ...], spans: tuple[Span, ...]
) -> tuple[str | None, ...]:
    """The keys of a header row whose cells a merge spreads over several columns with no row
    below naming them (实施层级及权限 over 市级 | 权限说明): the first column takes the key; the
    others are its sub-columns, kept in extra, unless the key is a text field (设定依据 over
    two columns), which joins them.

    >>> _group_header_keys(("row", "level", "level", "basis", "basis"),
    ...                    ("own", "own", "left", "own", "left"))
    ('row', 'level', None, 'basis', 'basis')
    """
    return tuple(
        None if i < len(spans) and spans[i] == "left" and key not in _JOINABLE else key
        for i, key in enumerate(keys)
    )


def _sub_item_drops(span: Span, key: str | None) -> bool:
    """The cells a sub-item row under its main item's merged cells does not read: copies from
    its left, and the merged text fields (basis …), which belong to the main item once."""
    return span == "left" or (span == "above" and key in _JOINABLE)


def _under_merge(
    row: SourceRow, columns: _Columns, after_item: bool
) -> tuple[Literal["spacer", "section", "step", "sub-item", "item"], SourceRow]:
    """How to read a row that merged cells begun above reach (XLSX/XLS, DOCX, PDF, HTML
    rowspan): by what it writes itself, a merge's copy of a cell being no text of its own.
    Nothing -> a spacer; a heading across the row -> a section; no serial or name of its own
    under an item -> a step of that item (its own cells); its own 子项 -> a sub-item, without
    the merged text fields, which are its main item's once; else an item sharing the merged
    values. Returns the row to read on."""
    mine = _without(row, lambda span, key: span == "above", columns)
    if not any(mine.cells):
        return "spacer", row
    if _is_section(mine):
        return "section", mine
    if after_item and not _own_key(row, columns.keys, ("row", "name")):
        if not _own_key(row, columns.keys, (SUBITEM,)):
            return "step", _without(row, lambda span, key: span != "own", columns)
        return "sub-item", _without(row, _sub_item_drops, columns)
    return "item", row


def _own_key(row: SourceRow, keys: tuple[str | None, ...], wanted: tuple[str, ...]) -> bool:
    """True when a cell that ``row`` writes itself (not repeated by a merge) under one of the
    ``wanted`` keys holds text."""
    spans = row.spans
    return any(
        text and i < len(keys) and keys[i] in wanted and (i >= len(spans) or spans[i] == "own")
        for i, text in enumerate(row.cells)
    )


def _finish(drafts: list[_Draft], source: str, keys_seen: frozenset[str]) -> list[PowerItem]:
    items: list[PowerItem] = []
    seen_rows: set[str] = set()
    main_name: str | None = None
    main_row: str | None = None
    sub_count = 0
    for draft in drafts:
        _check_shapes(draft, keys_seen)
        values = {k: v.strip() for k, v in draft.values.items()}
        anomalies = list(draft.anomalies)
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
        serial = values.get("row") or None
        if serial and not serial.isdigit() and (numbered := _NUMBERED_SERIAL.fullmatch(serial)):
            serial = numbered.group(1)
        subitem = values.get(SUBITEM) or None
        name = values.get("name") or None
        parent: str | None = None
        if draft.subitems:  # a main item with its 子项 folded in
            main_name, main_row, sub_count = name, serial, 0
            subitem = None
            if serial is not None and serial in seen_rows:
                anomalies.append(Anomaly("duplicate-row", f"serial {serial} is used twice"))
        elif subitem is not None:
            # The parent is the main item's name: written on this row, or on the row of the
            # first sub-item (merged cells exported as one value and then blanks).
            parent = name or main_name
            # A merged 项目 cell filled into every sub-item row repeats the main name (and
            # serial): the same main item, so the sub-items go on counting under it.
            same_main = name == main_name and (serial is None or serial == main_row)
            if name is not None and not same_main:
                main_name, main_row, sub_count = name, serial, 0
            sub_count += 1
            name = subitem
            if parent is None:
                anomalies.append(Anomaly("orphan-subitem", "a 子项 with no main item above it"))
            if (serial is None and main_row is not None) or (serial and serial in seen_rows):
                derived = f"{serial or main_row or ''}-{sub_count}"
                anomalies.append(
                    Anomaly("derived-row", f"sub-item without a serial of its own: row {derived}")
                )
                serial = derived
        else:
            main_name, main_row, sub_count = name, serial, 0
            if serial is not None and serial in seen_rows:
                anomalies.append(Anomaly("duplicate-row", f"serial {serial} is used twice"))
        if serial is not None:
            seen_rows.add(serial)
        fields = {k: (values.get(k) or None) for k in _OTHER_FIELDS}
        items.append(
            PowerItem(
                source=source,
                row=serial,
                line=draft.line,
                name=name,
                parent=parent,
                subitems=tuple(draft.subitems),
                raw=draft.raw,
                extra=tuple(draft.extra),
                anomalies=tuple(anomalies),
                **fields,
            )
        )
    return items


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
    index = find_header(grid)
    if index is None:
        return None
    rows = grid.rows
    context = list(grid.context)
    # Rows above the header (a title merged across the sheet, a date row) are context, each
    # distinct cell once.
    context += [(r.line, " ".join(dict.fromkeys(c for c in r.cells if c))) for r in rows[:index]]
    below = rows[index + 1] if index + 1 < len(rows) else None
    cells = _merge_header_rows(rows[index], below)
    keys = map_headers(cells)
    if cells == rows[index].cells and "left" in rows[index].spans:
        keys = _group_header_keys(keys, rows[index].spans)
    header = Header(rows[index].line, cells, keys)
    first = header
    start = index + (2 if cells != rows[index].cells else 1)
    drafts: list[_Draft] = []
    rejects = [replace(r, source=source) for r in grid.rejects]
    keys_seen: set[str] = {k for k in header.keys if k}
    rows_seen = len(grid.rejects)
    sections: list[Section] = []
    section: Section | None = None
    blank_rows = pending_blanks = 0
    columns: dict[int, _Columns] = {}  # of the current header, by row width
    for row in rows[start:]:
        if not any(row.cells):
            # Counted once a later row shows it lies inside the table, not after its end.
            pending_blanks += 1
            continue
        blank_rows += pending_blanks
        rows_seen += pending_blanks
        pending_blanks = 0
        if max(map(len, row.cells)) > MAX_CELL_CHARS:
            for column, text in enumerate(row.cells, start=1):
                check_cell(text, path or source, row.line, column)
        if is_header(row.cells):
            # A repeated header (page break) or the header of a further table.
            header = Header(row.line, row.cells, map_headers(row.cells))
            keys_seen |= {k for k in header.keys if k}
            columns = {}
            continue
        rows_seen += 1
        width = max(len(row.cells), len(header.cells))
        if width not in columns:
            columns[width] = _columns(header, width)
        seen = row
        if "above" in row.spans:
            how, row = _under_merge(row, columns[width], bool(drafts))
            if how == "spacer":
                # Nothing of its own to read: a blank row, its notes (hidden text) the item's.
                if drafts or not row.notes:
                    blank_rows += 1
                    if drafts:
                        drafts[-1].anomalies.extend(row.notes)
                else:
                    text = " | ".join(n.text or "" for n in row.notes)
                    rejects.append(Reject(source, row.line, text, "text hidden under merged cells"))
                continue
            if how == "step":
                step = _draft(row, len(header.cells), columns[width])
                _merge_into(drafts[-1], step, under_merge=True)
                rows_seen -= 1
                continue
            if how == "section":
                seen = row
        if row.spans:
            # A cell merged across columns is one value, in the first of them.
            row = _without(row, lambda span, key: span == "left", columns[width])
        if _is_section(seen):
            text = next(c for c in row.cells if c)
            section = Section(source, row.line, text, section_type(text))
            sections.append(section)
            continue
        draft = _draft(row, len(header.cells), columns[width])
        draft.section = section
        if drafts and _is_continuation(draft):
            _merge_into(drafts[-1], draft)
            rows_seen -= 1
            continue
        if not (draft.values.get("name") or draft.values.get(SUBITEM)):
            text = " | ".join(c for c in row.cells if c)
            rejects.append(Reject(source, row.line, text, "row has no item name"))
            continue
        drafts.append(draft)
    drafts, folded = _fold_subitems(drafts)
    rows_seen -= folded
    items = _finish(drafts, source, frozenset(keys_seen))
    return Assembled(
        tuple(items),
        tuple(rejects),
        rows_seen,
        first,
        tuple(sorted(c for c in context if c[1])),
        tuple(sections),
        blank_rows,
    )
