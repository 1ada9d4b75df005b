"""An annex of page text keyed to the items of a list above it: a notice prints its powers as
附件1 and, as 附件2, a table of their accountability bases (序号 | 事项名称 | 追责依据) keyed by
serial and name. Such a row is the same item as one of 附件1 (``page.Copies`` finds it) with
fields that item lacks: its fields are joined to the item (said, ``joined-record``), the item's
list taking the annex's header word for each field its header lacks. A row that matches more
than one item stays a reject naming them (no guess), and a row of an annex whose other rows
joined items but that names no item is a reject too: an item of its own would have no type,
department or basis, a misreading of a key written otherwise (a name mistyped).

Both readings use these rules: the whole one (``page._dedupe``) and the one in batches
(``pagerows``), which keeps only the few rows that join, by their keys, in the survey."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from extractors.models import Anomaly
from extractors.reading.formats.grid import SourceRow
from extractors.reading.headers import map_header, map_headers

#: Keys a list of powers has and an annex of fields keyed to them lacks: a list whose header
#: has none of them (序号 | 事项名称 | 追责依据) cannot give items of its own.
_ITEM_KEYS = frozenset({"type", "department", "basis"})
K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True, slots=True)
class Gift:
    """What an annex row gives its item: its line, and each field's header word with the
    cell and its raw text."""

    line: int
    cells: tuple[tuple[str, str, str], ...]


def gift(header: Sequence[str], row: SourceRow, fields: Iterable[str]) -> Gift:
    """The cells of the annex ``row`` (under ``header``) that fill ``fields``."""
    wanted = set(fields)
    return Gift(
        row.line,
        tuple(
            (word, row.cells[i], row.raw[i] if i < len(row.raw) else row.cells[i])
            for i, (word, key) in enumerate(zip(header, map_headers(header), strict=True))
            if key in wanted and i < len(row.cells) and row.cells[i]
        ),
    )


def is_annex(header: Sequence[str]) -> bool:
    """True for the header of a table of fields keyed to items by name (no type, department
    or basis of its own).

    >>> is_annex(("序号", "事项名称", "追责依据")), is_annex(("序号", "事项名称", "设定依据"))
    (True, False)
    """
    keys = set(map_headers(header))
    return "name" in keys and not keys & _ITEM_KEYS


@dataclass(frozen=True, slots=True)
class Widened:
    """A list's header with a column added for each field its items take from an annex that
    it has no column for; ``width`` the header's width before, ``at`` each added word's
    column (a column of the same field, when the header has one)."""

    cells: tuple[str, ...]
    width: int
    at: dict[str, int]

    @classmethod
    def of(cls, header: tuple[str, ...], gifts: Iterable[Gift]) -> Widened:
        """``header`` widened for ``gifts``."""
        cells, at = list(header), {}
        keys = map_headers(header)
        for word in dict.fromkeys(w for g in gifts for w, _, _ in g.cells):
            key = map_header(word)
            column = next((i for i, k in enumerate(keys) if k is not None and k == key), None)
            if column is None:
                column = len(cells)
                cells.append(word)
            at[word] = column
        return cls(tuple(cells), len(header), at)

    def row(self, row: SourceRow, given: Sequence[Gift] = ()) -> SourceRow:
        """``row`` under the widened header: padded to its width (a row of the header's width;
        a group row or a row cut short stays as it is), the cells of the annex rows that join
        it in it (a cell the item fills is kept), each join said."""
        if len(row.cells) != self.width or (len(self.cells) == self.width and not given):
            return row
        pad = ("",) * (len(self.cells) - self.width)
        cells, raw = [*row.cells, *pad], [*row.raw, *pad]
        notes = list(row.notes)
        for one in given:
            taken = []
            for word, cell, written in one.cells:
                column = self.at[word]
                if not cells[column]:
                    cells[column], raw[column] = cell, written
                    taken.append(word)
            if taken:
                notes.append(
                    Anomaly(
                        "joined-record",
                        f"line {one.line}: a row of the same serial and name in an annex "
                        f"gives {', '.join(taken)}; joined to this one",
                        taken[0],
                        cells[self.at[taken[0]]],
                    )
                )
        return replace(row, cells=tuple(cells), raw=tuple(raw), notes=tuple(notes))


def add_gift(
    gifts: dict[K, list[Gift]],
    item: K,
    header: Sequence[str],
    row: SourceRow,
    fields: Iterable[str],
) -> None:
    """Keeps what the annex ``row`` (under ``header``) gives the item ``item``: ``fields``."""
    gifts.setdefault(item, []).append(gift(header, row, fields))
