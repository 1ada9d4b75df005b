"""Joins the rows of a table of sub-items to their main items in the tables above: a list that
gives its main items in one table (序号 | 主项名称 | 事项类型 | 实施主体) and their 子项 in another
(序号 | 子项名称 | 设定依据 | 追责依据), each sub-item naming its main item by serial (1-1, 1-2
under item 1) or by name (a 所属主项 cell holding the main item's name).

A sub-item so named is folded into its main item as a 子项 row right under it is
(``drafts.SubitemFolder``): the main item lists it in ``subitems`` and takes the text of its
cells, one item per main serial; the nearest main item above so named, as the lists of several
departments number their items from 1 each. A sub-item that names no main item, or one the items
above do not have, stays an item of its own, said (``orphan-subitem``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from extractors.models import PowerItem
from extractors.reading.drafts import FIRST_STANDS, JOINABLE, main_serial, sub_serial_main
from extractors.reading.headers import SUBITEM, map_header

if TYPE_CHECKING:
    from extractors.reading.assemble import Assembled

#: Text fields a sub-item's cell adds to its main item's (on a new line, when not there yet).
_TEXT = (*sorted(JOINABLE), "time_limit", "remarks")
#: What a sub-item row says of itself that joining it to its main item settles.
_SETTLED = frozenset({"orphan-subitem", "from-main-item", "derived-row"})


def is_table_subitem(item: PowerItem) -> bool:
    """Whether ``item`` is a row of a table of sub-items (its header has a 子项 column and no
    name column) that no main item above it in its own table took: a sub-item said to have
    none (``orphan-subitem``), or one kept as an item with the main item above as ``parent``.

    >>> raw = (("序号", "1-1"), ("子项名称", "现场检查"), ("设定依据", "《消防法》第十五条"))
    >>> is_table_subitem(PowerItem("a.html", "1-1", 5, name="现场检查", raw=raw))
    True
    >>> raw = (("序号", "3-1"), ("事项名称", "现场检查"))
    >>> is_table_subitem(PowerItem("a.html", "3-1", 5, name="现场检查", raw=raw))
    False
    """
    return _subitems_header(tuple(header for header, _ in item.raw))


@lru_cache(maxsize=256)
def _subitems_header(headers: tuple[str, ...]) -> bool:
    """Whether ``headers`` head a table of sub-items: a 子项 column, no name column (a list
    repeats a few headers over all its items: worked out once each)."""
    keys = {map_header(header) for header in headers}
    return SUBITEM in keys and "name" not in keys


def join_subitem_tables(parts: Sequence[Assembled]) -> list[Assembled]:
    """``parts`` (the tables of a file, in order, as assembled) with the rows of their tables of
    sub-items folded into the main items above that they name; each part's ``rows_seen`` less
    the rows folded out of it (they count as part of their main item)."""
    if not any(is_table_subitem(i) for part in parts for i in part.items):
        return list(parts)
    mains = _Mains()
    kept: list[list[PowerItem | None]] = [list(p.items) for p in parts]
    folded = [0] * len(parts)
    for p, part in enumerate(parts):
        for k, item in enumerate(part.items):
            if not is_table_subitem(item):
                mains.add(item, (p, k))
                continue
            at = mains.named_by(item)
            if at is None:
                continue  # no main item named: an item of its own, said
            main = mains.items[at] = _fold(mains.items[at], item)
            q, j = mains.where[at]
            kept[q][j] = main
            kept[p][k] = None
            folded[p] += 1
    return [
        replace(
            part,
            items=tuple(i for i in kept[p] if i is not None),
            rows_seen=part.rows_seen - folded[p],
        )
        for p, part in enumerate(parts)
    ]


class _Mains:
    """The items so far that a sub-item may join, in order, found by name and by serial."""

    def __init__(self) -> None:
        self.items: list[PowerItem] = []
        self.where: list[tuple[int, int]] = []  # (part, index in it) of each
        self._by_name: dict[str, int] = {}  # the last item of each name
        self._by_serial: dict[str, int] = {}  # the last item of each main serial

    def add(self, item: PowerItem, where: tuple[int, int]) -> None:
        at = len(self.items)
        self.items.append(item)
        self.where.append(where)
        if item.name and item.name.strip():
            self._by_name[item.name.strip()] = at
        if (serial := main_serial(item.row or "")) is not None:
            self._by_serial[serial] = at

    def named_by(self, item: PowerItem) -> int | None:
        """The index of the main item ``item`` names, the nearest above it so named (the lists
        of several departments number their items from 1 each): by a cell under a header that
        maps to no field holding that item's name, else by its serial (1-1: item 1)."""
        names = [
            found
            for header, value in item.raw
            if value.strip()
            and not map_header(header)
            and (found := self._by_name.get(value.strip())) is not None
        ]
        if names:
            return max(names)
        main = sub_serial_main(item.row or "")
        return None if main is None else self._by_serial.get(main)


def _fold(main: PowerItem, sub: PowerItem) -> PowerItem:
    """``main`` with the sub-item row ``sub`` folded in: listed with its serial, its text cells
    added, a value of its own for one of the main item's fields kept under its header in
    ``extra``, its cells kept in ``raw``."""
    took = {a.column for a in sub.anomalies if a.code == "from-main-item"}
    changes: dict[str, object] = {}
    for key in _TEXT:
        text, old = (sub.get(key) or "").strip(), main.get(key) or ""
        if text and f"\n{text}\n" not in f"\n{old}\n":
            changes[key] = f"{old}\n{text}" if old else text
    extra = list(main.extra)
    for key in sorted(FIRST_STANDS - {"row", "name", SUBITEM}):
        text = (sub.get(key) or "").strip()
        if text and key not in took and text != (main.get(key) or "").strip():
            header = next((h for h, v in sub.raw if v.strip() == text), key)
            extra.append((header, text))
    extra += [cell for cell in sub.extra if cell not in extra]
    label = f"{sub.row or ''} {sub.name or ''}".strip()
    return replace(
        main,
        subitems=(*main.subitems, label),
        raw=(*main.raw, *sub.raw),
        extra=tuple(extra),
        anomalies=(*main.anomalies, *(a for a in sub.anomalies if a.code not in _SETTLED)),
        **changes,  # type: ignore[arg-type]
    )
