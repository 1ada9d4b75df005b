"""A row on its way to becoming an item, and how rows join: continuation rows, rows that merged
cells reach (a power's responsibility steps, spacer rows, sub-items under a merged main item), and
the 子项 rows folded into their main item. Used by :mod:`extractors.reading.assemble`."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Literal

from extractors.models import Anomaly, Section
from extractors.reading.formats.grid import SourceRow, Span
from extractors.reading.headers import SUBITEM
from extractors.reading.vocab import is_compound_serial, is_section_heading, is_serial


@dataclass(frozen=True, slots=True)
class Header:
    """A header row: its cells as written, their keys, and the line it stands on."""

    line: int
    cells: tuple[str, ...]
    keys: tuple[str | None, ...]


# Long text fields: two columns mapping to one of these are joined, not dropped.
JOINABLE = frozenset({"basis", "responsibility", "accountability", "accountability_basis"})
# The fields of an item itself, one value each: a row under the item's merged cells that gives
# another value for one of them is reported, not joined (the rest of its text joins the item).
FIRST_STANDS = frozenset({"row", "code", "name", "type", "department", "level"})
FIRST_STANDS |= {"guiding_department", SUBITEM}
IDENTITY = ("row", "code", "name", SUBITEM, "type")


@dataclass(slots=True)
class Draft:
    """A row on its way to becoming an item (mutable while continuation rows are merged in)."""

    line: int
    values: dict[str, str]
    raw: tuple[tuple[str, str], ...]
    extra: list[tuple[str, str]]
    anomalies: list[Anomaly] = field(default_factory=list)
    section: Section | None = None
    #: the group row naming a department the row falls under (县林业局（12项）), which the
    #: sections of power types below it (一、行政许可) do not end
    group: Section | None = None
    subitems: list[str] = field(default_factory=list)  # the 子项 folded into this main item


@dataclass(frozen=True, slots=True)
class Columns:
    """The columns of the rows of one width under one header, worked out once rather than once
    per row: their unique names (``列7`` for a column without a header cell) and keys."""

    names: tuple[str, ...]
    keys: tuple[str | None, ...]
    #: (index, key) of each column with a key, and the index of each column without one.
    keyed: tuple[tuple[int, str], ...]
    unkeyed: tuple[int, ...]
    #: True when no two columns share a key, so that no cell is joined or set aside.
    distinct: bool


def column_layout(header: Header, width: int) -> Columns:
    names = [c or f"列{i + 1}" for i, c in enumerate(header.cells)]
    names += [f"列{i + 1}" for i in range(len(names), width)]
    seen: dict[str, int] = {}
    unique = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        unique.append(name if seen[name] == 1 else f"{name}#{seen[name]}")
    keys = header.keys + (None,) * (width - len(header.keys))
    keyed = tuple((i, k) for i, k in enumerate(keys) if k is not None)
    return Columns(
        names=tuple(unique),
        keys=keys,
        keyed=keyed,
        unkeyed=tuple(i for i, k in enumerate(keys) if k is None),
        distinct=len({k for _, k in keyed}) == len(keyed),
    )


def _ordinary_draft(row: SourceRow, columns: Columns) -> Draft:
    """The draft of a row with a cell under each header cell when each key has one column:
    nearly every row, and what :func:`make_draft` comes to for it."""
    cells, names = row.cells, columns.names
    return Draft(
        row.line,
        {key: cells[i] for i, key in columns.keyed},
        tuple(zip(names, row.raw, strict=True)),
        [(names[i], cells[i]) for i in columns.unkeyed if cells[i]],
        list(row.notes),
    )


def make_draft(row: SourceRow, header_size: int, columns: Columns) -> Draft:
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
            if key in JOINABLE:
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
    return Draft(row.line, values, raw, extra, anomalies)


def is_continuation(draft: Draft) -> bool:
    """True for a row that only carries more text for the row above (a record wrapped over rows,
    as PDF converters leave them: serial, name and type empty, later cells filled)."""
    return not any(draft.values.get(k) for k in IDENTITY) and bool(
        [v for v in draft.values.values() if v] or draft.extra
    )


def merge_into(previous: Draft, draft: Draft, *, under_merge: bool = False) -> None:
    """Joins the text of ``draft``'s row to the item of ``previous``. A row under the merged
    cells of that item (``under_merge``) is one of its steps: its text fields join, and a
    different value for one of the item's own fields (department, type …) is kept in extra
    and reported, the first one standing."""
    for key, text in draft.values.items():
        if text:
            old = previous.values.get(key, "")
            if under_merge and old and key in FIRST_STANDS:
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


class SubitemFolder:
    """One draft per main item: the 子项 rows under a main item (a 项目 | 子项 table) that have no
    serial of their own join their main item, which lists their names (``subitems``) and takes
    the text of their cells (a cell repeated from a merge is taken once). So do the rows numbered
    with a sub-item's serial right under their main item (1-1, 1.2, 1－3 under item 1, with a
    子项 column or without), each listed with its serial (``1-1 现场检查``): one item per main
    serial. A sub-item row with another serial of its own stays an item, its main item's name in
    ``parent``. ``folded`` counts the rows folded (they count as part of their item, like
    continuation rows).

    Drafts go in one at a time (``add``) and come out as soon as no later row can change them:
    only the main item that sub-items join, and the drafts after it, are held, so a list of any
    length is folded with a few drafts in hand."""

    def __init__(self) -> None:
        self.head: Draft | None = None  # the main item the sub-item rows join
        self.pending: list[Draft] = []  # from the head on, not yet handed out
        self.folded = 0

    def _new_head(self, head: Draft | None, draft: Draft) -> list[Draft]:
        """Make ``head`` the main item from now on: what was held is final."""
        out, self.pending, self.head = self.pending, [draft], head
        return out

    def add(self, draft: Draft) -> list[Draft]:
        """Take the next draft; return the drafts that are final now, in order."""
        subitem = draft.values.get(SUBITEM, "").strip()
        name = draft.values.get("name", "").strip()
        serial = draft.values.get("row", "").strip()
        head = self.head
        if head is not None and self._under_main(head, draft, serial):
            # 1-1 (1.1, 1－2) right under item 1: one item per main serial, as a 子项 row
            head.subitems.append(f"{serial} {subitem or name}".strip())
            _merge_cells(head, draft)
            self.folded += 1
            return []
        if not subitem:
            return self._new_head(draft if name else None, draft)  # a main item on its own row
        main = head.values.get("name", "").strip() if head is not None else ""
        same_main = head is not None and (not name or name == main)
        # (the main item's serial again on a 子项 row: a merged 序号 cell filled in, under the
        # same header; under a further table's header, its own numbering, 1, 2 … of its rows)
        again = head is not None and serial == head.values.get("row")
        if same_main and head is not None and (not serial or (again and _same_header(head, draft))):
            head.subitems.append(subitem)
            _merge_cells(head, draft)
            self.folded += 1
            return []
        if serial and head is not None and same_main:
            self.pending.append(draft)  # a sub-item with a serial of its own: under ``main``
            return []
        if not name and head is None:
            self.pending.append(draft)  # no main item above it: an orphan, said in _finish
            return []
        if not name:
            draft.values["name"] = main
        draft.subitems.append(subitem)
        return self._new_head(draft, draft)

    def _under_main(self, head: Draft, draft: Draft, serial: str) -> bool:
        """True when ``serial``, the serial of ``draft``, is a sub-item's (1-1, 1.2, 1－3) of the
        main item ``head`` the rows above fold into. A sub-item's serial under another main
        item (3-1 under item 2, and 3-2 after it) is not folded there, and said
        (``orphan-subitem``); in a list whose every serial has two levels (1-1, 1-2, 2-1) there
        is no main item to say it of."""
        main = sub_serial_main(serial)
        if main is None:
            return _bracketed_under(head, serial)
        above = head.values.get("row", "").strip()
        if main_serial(above) == main:
            return True
        orphaned = any(a.code == "orphan-subitem" for a in head.anomalies)
        if main_serial(above) is not None or (orphaned and sub_serial_main(above) == main):
            draft.anomalies.append(
                Anomaly(
                    "orphan-subitem",
                    f"serial {serial} is a sub-item's of item {main}, but the item above is "
                    f"{above}; kept as an item of its own",
                    "row",
                    serial,
                )
            )
        return False

    def close(self) -> list[Draft]:
        """The drafts still held: the last rows are read."""
        out, self.pending, self.head = self.pending, [], None
        return out


#: A sub-item's serial in brackets, (1) or （1）, under a main item numbered 1, 2 … .
_BRACKETED = re.compile(r"[（(]\s*(\d{1,3})\s*[)）]")


def _bracketed_under(head: Draft, serial: str) -> bool:
    """True when ``serial`` is a bracketed number, (1) / （2）, next after the bracketed
    sub-items ``head`` holds (the first: (1)), and ``head``, the item above, is a main item
    with a plain serial (1, 2、): a power with its sub-items numbered in brackets under it, read
    as 1.1 / 1.2 are, and said on the main item. A list numbered (1), (2) … alone has no main
    item above its rows: they stay items.

    >>> head = Draft(1, {"name": "林木采伐许可证核发", "row": "1"}, (), [])
    >>> _bracketed_under(head, "(1)"), _bracketed_under(head, "（2）")
    (True, False)
    >>> _bracketed_under(Draft(1, {"row": "(1)"}, (), []), "(2)")
    False
    """
    match = _BRACKETED.fullmatch(serial)
    if match is None or main_serial(head.values.get("row", "")) is None:
        return False
    taken = sum(1 for s in head.subitems if _BRACKETED.match(s.split(" ", 1)[0]))
    if int(match.group(1)) != taken + 1:
        return False
    if not taken:
        head.anomalies.append(
            Anomaly(
                "bracketed-subitem",
                f"the rows numbered (1), (2) … under item {head.values.get('row', '').strip()} "
                "read as its sub-items (子项), as 1.1 / 1.2 are",
                "row",
                serial,
            )
        )
    return True


def sub_serial_main(serial: str) -> str | None:
    """The main item's number in a sub-item's serial (1-1, 1.2, 1－3, 1-2-1), else None.

    >>> sub_serial_main("12-3"), sub_serial_main("1.2"), sub_serial_main("（1）")
    ('12', '1', None)
    """
    serial = serial.strip()
    if not (is_compound_serial(serial) and serial[:1].isdigit()):
        return None
    return serial[: len(serial) - len(serial.lstrip("0123456789"))]


def main_serial(serial: str) -> str | None:
    """The number of a main item's serial as a list writes it (12, 12., 12、), else None.

    >>> main_serial("12、"), main_serial("1-1")
    ('12', None)
    """
    serial = serial.strip().rstrip(".．、").rstrip()
    return serial if is_serial(serial) else None


def fold_subitems(drafts: list[Draft]) -> tuple[list[Draft], int]:
    """The drafts of a whole table folded (:class:`SubitemFolder`), and how many rows were folded.

    >>> main = Draft(1, {"name": "检查", "row": "1"}, (), [])
    >>> sub = Draft(2, {SUBITEM: "现场检查"}, (), [])
    >>> out, folded = fold_subitems([main, sub])
    >>> [d.subitems for d in out], folded
    ([['现场检查']], 1)
    """
    folder = SubitemFolder()
    out = [final for draft in drafts for final in folder.add(draft)]
    return out + folder.close(), folder.folded


def _same_header(one: Draft, other: Draft) -> bool:
    """Whether ``one`` and ``other`` were read under the same header cells."""
    return [h for h, _ in one.raw] == [h for h, _ in other.raw]


def _merge_cells(head: Draft, draft: Draft) -> None:
    """The cells of a folded sub-item row joined to its main item: text a cell has not yet
    written is added on a new line; the main item's own fields (code, type, department …) stand,
    a sub-item's other value for one of them is kept under its header in ``extra``."""
    for key, text in draft.values.items():
        text = text.strip()
        if not text or key in (SUBITEM, "row", "name"):
            continue
        old = head.values.get(key, "")
        if key in FIRST_STANDS:  # a sub-item's own code, department …: kept under its header
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


def without_cells(
    row: SourceRow, drop: Callable[[Span, str | None], bool], columns: Columns
) -> SourceRow:
    """``row`` with the cells that ``drop`` picks (by span and column key) emptied."""
    gone = {i for i, span in enumerate(row.spans) if drop(span, columns.keys[i])}
    cells = tuple("" if i in gone else c for i, c in enumerate(row.cells))
    raw = tuple("" if i in gone else c for i, c in enumerate(row.raw))
    return replace(row, cells=cells, raw=raw, spans=())


def group_header_keys(
    keys: tuple[str | None, ...], spans: tuple[Span, ...]
) -> tuple[str | None, ...]:
    """The keys of a header row whose cells a merge spreads over several columns with no row
    below naming them (实施层级及权限 over 市级 | 权限说明): the first column takes the key; the
    others are its sub-columns, kept in extra, unless the key is a text field (设定依据 over
    two columns), which joins them.

    >>> group_header_keys(("row", "level", "level", "basis", "basis"),
    ...                    ("own", "own", "left", "own", "left"))
    ('row', 'level', None, 'basis', 'basis')
    """
    return tuple(
        None if i < len(spans) and spans[i] == "left" and key not in JOINABLE else key
        for i, key in enumerate(keys)
    )


def _sub_item_drops(span: Span, key: str | None) -> bool:
    """The cells a sub-item row under its main item's merged cells does not read: copies from
    its left, and the merged text fields (basis …), which belong to the main item once."""
    return span == "left" or (span == "above" and key in JOINABLE)


def under_merge(
    row: SourceRow, columns: Columns, after_item: bool
) -> tuple[Literal["spacer", "section", "name-rest", "step", "sub-item", "item"], SourceRow]:
    """How to read a row that merged cells begun above reach (XLSX/XLS, DOCX, PDF, HTML
    rowspan): by what it writes itself, a merge's copy of a cell being no text of its own.
    Nothing -> a spacer; a heading across the row -> a section; no serial or name of its own
    under an item -> a step of that item (its own cells); its own 子项 -> a sub-item, without
    the merged text fields, which are its main item's once; else an item sharing the merged
    values; the rest of the item's name alone, every other column merged down over it -> a
    name's rest (:func:`_name_goes_on`). Returns the row to read on."""
    mine = without_cells(row, lambda span, key: span == "above", columns)
    if not any(mine.cells):
        return "spacer", row
    if is_section(mine):
        return "section", mine
    if after_item and _name_goes_on(row, columns.keys):
        return "name-rest", mine
    if after_item and not _own_key(row, columns.keys, ("row", "name")):
        if not _own_key(row, columns.keys, (SUBITEM,)):
            return "step", without_cells(row, lambda span, key: span != "own", columns)
        return "sub-item", without_cells(row, _sub_item_drops, columns)
    return "item", row


def _name_goes_on(row: SourceRow, keys: tuple[str | None, ...]) -> bool:
    """True when ``row`` writes text of its own in the name column alone and every other column
    with a key is merged down over it from the row above: an item's name split over two rows
    (typed on in the row below, serial, type, department and bases merged down over both), the
    rest of that item's name, not an item of its own."""
    spans, named = row.spans, False
    for i, text in enumerate(row.cells):
        key = keys[i] if i < len(keys) else None
        span = spans[i] if i < len(spans) else "own"
        if key == "name":
            if span != "own":
                return False
            named = named or bool(text)
        elif (key is not None and span != "above") or (text and span == "own"):
            return False
    return named


def _own_key(row: SourceRow, keys: tuple[str | None, ...], wanted: tuple[str, ...]) -> bool:
    """True when a cell that ``row`` writes itself (not repeated by a merge) under one of the
    ``wanted`` keys holds text."""
    spans = row.spans
    return any(
        text and i < len(keys) and keys[i] in wanted and (i >= len(spans) or spans[i] == "own")
        for i, text in enumerate(row.cells)
    )


def is_section(row: SourceRow) -> bool:
    """True for a heading row inside a table: "一、行政许可（12项）" alone, or spread by a merge,
    or written over two or three cells (:func:`section_text`)."""
    return section_text(row) is not None


#: An ordinal of a heading written in a cell of its own (一, （二）, 三、), in the serial column
#: over a type in the name column: 一 | 行政许可 | | …
_ORDINAL = re.compile(r"[（(]?[一二三四五六七八九十]{1,3}[)）]?[、.．]?")


def section_text(row: SourceRow) -> str | None:
    """The heading a row inside a table writes, or None when it is no heading: its text alone,
    or spread by a merge (一、行政许可（12项）); or, over two or three cells, a heading its cells
    make read in turn (一 | 行政许可, 一、行政许可 | 共12项, 行政处罚 | 共31项: an ordinal in the
    serial column, the count in a column of its own), written as one (一、行政许可共12项).

    >>> cells, item = ("一", "行政许可", "", ""), ("一", "职业技能鉴定机构设立审批", "行政许可")
    >>> section_text(SourceRow(3, cells, cells)), section_text(SourceRow(3, item, item))
    ('一、行政许可', None)
    >>> cells = ("二、行政处罚", "", "", "共31项")
    >>> section_text(SourceRow(3, cells, cells))
    '二、行政处罚共31项'
    """
    filled = [c for c in row.cells if c]
    if not filled or is_serial(filled[0]):
        return None
    # All filled cells the same text (counted by comparison: hashing 3 KB cells costs more).
    if filled.count(filled[0]) == len(filled):
        return filled[0] if len(filled) > 1 or row.cells[0] else None
    if len(filled) > 3:
        return None
    first = filled[0].strip()
    if _ORDINAL.fullmatch(first):
        first = first.rstrip("、.．") + ("、" if first[-1] not in "）)" else "")
    heading = first + "".join(c.strip() for c in filled[1:])
    return heading if is_section_heading(heading) else None
