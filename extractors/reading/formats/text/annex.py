"""An annex of page text keyed to the items of a list above it: a notice prints its powers as
附件1 and, as 附件2, a table of their accountability bases (序号 | 事项名称 | 追责依据) keyed by
serial and name. Such a row is the same item as one of 附件1 (``page.Copies`` finds it) with
fields that item lacks: its fields are joined to the item (said, ``joined-record``), the item's
list taking the annex's header word for each field its header lacks. A row that matches more
than one item stays a reject naming them (no guess), and a row of an annex whose other rows
joined items but that names no item is a reject too: an item of its own would have no type,
department or basis, a misreading of a key written otherwise (a name mistyped).

An annex keyed by name alone may have two columns (事项名称 | 追责依据), too few for a list's
header (three fields, one the name): a line of such header words alone, below a list's header,
is taken as an annex's header (:func:`annex_headers`), so that its rows do not run into the last
item of the list above as more of its basis.

Both readings use these rules: the whole one (``page._dedupe``) and the one in batches
(``pagerows``), which keeps only the few rows that join, by their keys, in the survey."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import TypeVar

from extractors.models import Anomaly
from extractors.reading.formats.grid import SourceRow
from extractors.reading.formats.text.header import PageHeader
from extractors.reading.formats.text.lines import PageLines
from extractors.reading.headers import load_headers, map_header, map_headers

#: Keys a list of powers has and an annex of fields keyed to them lacks: a list whose header
#: has none of them (序号 | 事项名称 | 追责依据) cannot give items of its own.
_ITEM_KEYS = frozenset({"type", "department", "basis"})
K = TypeVar("K", bound=Hashable)
#: Fields an annex keyed to the items gives them.
_ANNEX_KEYS = frozenset({"responsibility", "accountability", "accountability_basis"})
#: A header word is short; an annex's header has a few.
_MAX_WORD, _MAX_WORDS = 12, 4


@dataclass(frozen=True, slots=True)
class Gift:
    """What an annex row gives its item: its line, and each field's header word with the
    cell and its raw text."""

    line: int
    cells: tuple[tuple[str, str, str], ...]
    #: what the row is keyed to its item by: "serial and name", or "name" (no serial in it)
    key: str = "serial and name"


def gift(header: Sequence[str], row: SourceRow, fields: Iterable[str]) -> Gift:
    """The cells of the annex ``row`` (under ``header``) that fill ``fields``."""
    wanted = set(fields)
    keys = map_headers(header)
    serial = any(k == "row" and i < len(row.cells) and row.cells[i] for i, k in enumerate(keys))
    return Gift(
        row.line,
        tuple(
            (word, row.cells[i], row.raw[i] if i < len(row.raw) else row.cells[i])
            for i, (word, key) in enumerate(zip(header, keys, strict=True))
            if key in wanted and i < len(row.cells) and row.cells[i]
        ),
        "serial and name" if serial else "name",
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
        it in it (a cell the item fills is kept), each join said; a field the annex gives other
        items and none of its rows gives this one, said too (``missing-cell``: the annex has no
        row for the item, not a merged cell's blank)."""
        if len(row.cells) != self.width or not self.at:
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
                        f"line {one.line}: a row of the same {one.key} in an annex "
                        f"gives {', '.join(taken)}; joined to this one",
                        taken[0],
                        cells[self.at[taken[0]]],
                    )
                )
        for word, column in self.at.items():
            if not cells[column]:
                notes.append(
                    Anomaly(
                        "missing-cell",
                        f"no {word}: the annex that gives other items theirs has no row keyed "
                        "to this one",
                        word,
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


@cache
def _annex_words() -> re.Pattern[str]:
    """Any header word of a field an annex gives (追责依据, 责任事项 …)."""
    fields = load_headers()["fields"]
    words = {w for k in _ANNEX_KEYS for w in fields[k]["synonyms"] if not w.isascii()}
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


def annex_cells(line: str) -> tuple[str, ...] | None:
    """The cells of ``line`` when it is an annex's header of header words alone, the name's
    and a field's an annex gives (a serial's too); else None.

    >>> annex_cells("事项名称  追责依据"), annex_cells("事项名称  设定依据")
    (('事项名称', '追责依据'), None)
    """
    words = line.split()
    if not 2 <= len(words) <= _MAX_WORDS or any(len(w) > _MAX_WORD for w in words):
        return None
    keys = [map_header(w) for w in words]
    known = {k for k in keys if k is not None}
    if len(known) < len(keys) or "name" not in known or not known & _ANNEX_KEYS:
        return None
    return tuple(words) if known <= {"row", "name", *_ANNEX_KEYS} else None


#: An annex's label alone on its line (附件2, 附件二：, 附表 2, 附件1-2), or with a short title
#: after it that cites nothing (附件2：行政事业性收费目录).
_ANNEX_LABEL = re.compile(
    r"\s*附[件表]\s*[\d一二三四五六七八九十]{1,3}(?:\s*[-－—.．]\s*\d{1,2})?\s*[:：、.．]?"
    r"(?:\s*[^\s《》〈〉]{2,40})?\s*"
)


def is_annex_label(line: str) -> bool:
    """True for a line that is an annex's label, alone or with its title.

    >>> is_annex_label("附件2"), is_annex_label("附件二："), is_annex_label("附件2：收费目录")
    (True, True, True)
    >>> is_annex_label("附件2《森林法》第五条"), is_annex_label("1  附件2  行政许可")
    (False, False)
    """
    return _ANNEX_LABEL.fullmatch(line) is not None


def annex_headers(page: str, lines: PageLines, headers: list[PageHeader]) -> list[PageHeader]:
    """``headers`` with the headers of annexes of two columns (:func:`annex_cells`) below the
    first, each alone on its line, in order."""
    if not headers:
        return headers
    taken = {h.line for h in headers}
    found = list(headers)
    starts = lines.starts
    last = -1
    for match in _annex_words().finditer(page, headers[0].end):
        index = bisect_right(starts, match.start()) - 1
        if index == last or index + 1 in taken:
            continue
        last = index
        line = lines[index]
        cells = annex_cells(line)
        if cells is not None:
            start = starts[index] + len(line) - len(line.lstrip())
            end = starts[index] + len(line.rstrip())
            found.append(PageHeader(start, end, index + 1, cells))
    return sorted(found, key=lambda h: h.start) if len(found) > len(headers) else headers
