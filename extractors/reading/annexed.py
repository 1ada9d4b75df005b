"""Joins an annex keyed to a list's items by name to those items: a notice prints its powers as
附件1 and, as 附件2, a table of their accountability bases (序号 | 事项名称 | 追责依据, or
事项名称 | 追责依据 alone), each row naming an item of the list. Read as a table of its own, such a
table gives rows with a name and no type, department or basis: not items, but fields of the
items they name. Each row is joined to the item of its name (its serial telling apart items of
one name), filling the fields the item lacks (said, ``joined-record``); a row that names no item
of the list, or several, is a reject saying so; an item the annex gives no row is said
(``missing-cell``). The rows of the annex are then no items: a list is never made longer by its
annex. Page text joins its annexes line by line (``formats/text/annex.py``); this is the same
rule for the tables of the other formats, read whole (``summary.Summary`` sends a list holding
such rows to the whole reader)."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from extractors.models import Anomaly, PowerItem, Reject
from extractors.reading.drafts import Draft, Header
from extractors.reading.formats.labelled import RECORDS_UNDER_TABLE
from extractors.reading.headers import map_header

if TYPE_CHECKING:
    from extractors.reading.assemble import Assembled

#: The fields an annex keyed to the items gives them.
ANNEX_FIELDS = frozenset({"responsibility", "accountability", "accountability_basis"})
#: The fields of a list's own header that an annex's has not.
_LIST_FIELDS = frozenset({"type", "department", "basis"})
#: What an annex's header may hold besides them: the key of the item (its name, its serial).
_KEYS = frozenset({"row", "name"})
#: The name a column without a header word is given (列4), or a second column of one word.
_UNNAMED = re.compile(r"列\d+|.+#\d+")
#: A header word is short, and an annex's header has a few.
_MAX_WORD, _MAX_WORDS = 12, 5


def _annex_header(words: tuple[str, ...]) -> bool:
    # asked of every row of a table: a row of a long cell or of one cell leaves at once
    filled = ["".join(w.split()) for w in words if w.strip()]
    if not 2 <= len(filled) <= _MAX_WORDS or any(len(w) > _MAX_WORD for w in filled):
        return False
    return _annex_words(tuple(filled))


@lru_cache(maxsize=1024)
def _annex_words(filled: tuple[str, ...]) -> bool:
    keys = [map_header(w) for w in filled]
    known = {k for k in keys if k is not None}
    return (
        len(known) == len(set(keys))
        and bool(known & _KEYS)
        and bool(known & ANNEX_FIELDS)
        and known <= _KEYS | ANNEX_FIELDS
    )


def is_annex_header(cells: Sequence[str], list_keys: Collection[str | None] = ()) -> bool:
    """True for the header of a table of fields keyed to items by name or by serial: each
    filled cell a header word, the name's or the serial's among them, one of an annex's fields
    (追责依据, 追责情形, 责任事项), nothing else; no type, department or basis of its own. One
    keyed by serial alone only under a list (``list_keys``: the keys of its header) whose items
    have no 追责情形 of their own: under one that has, its serials number the situations the
    items' cells point at (见附表第1项), not the items.

    >>> is_annex_header(("序号", "事项名称", "追责依据")), is_annex_header(("事项名称", "追责依据"))
    (True, True)
    >>> is_annex_header(("序号", "追责情形", "追责依据"))
    True
    >>> is_annex_header(("序号", "追责情形", "追责依据"), ("row", "name", "accountability"))
    False
    >>> is_annex_header(("序号", "事项名称", "设定依据")), is_annex_header(("对…处罚", "追责依据"))
    (False, False)
    """
    if not _annex_header(tuple(cells)):
        return False
    return "accountability" not in list_keys or any(
        map_header("".join(c.split())) == "name" for c in cells if c.strip()
    )


def is_annex_item(item: PowerItem) -> bool:
    """True for an item read under the header of an annex keyed to items by name (its ``raw``
    header words): a row to join to the item it names, no item of its own."""
    if not item.raw or not _may_be_annex(tuple(word for word, _ in item.raw)):
        return False  # asked of every item: the items of a list's header leave here
    # a column the header left without a word, empty in the row (列4: ``drafts.column_layout``)
    words = tuple(w for w, cell in item.raw if cell or not _UNNAMED.fullmatch(w))
    return bool(words) and _annex_header(words)


@lru_cache(maxsize=256)
def _may_be_annex(words: tuple[str, ...]) -> bool:
    """Whether a header's ``words`` name a field an annex gives and none a list's own."""
    keys = {map_header("".join(w.split())) for w in words if w.strip()}
    return bool(keys & ANNEX_FIELDS) and not keys & _LIST_FIELDS


@dataclass(slots=True)
class RecordUnder:
    """A record of label：value lines written under a list's table, a line a row (a 责任清单
    after the 权力清单: 事项名称：… / 责任事项：… / 追责依据：…, or opening with 序号：…), as it
    is read line by line. Once whole, it is a row of an annex keyed to the items (its labels an
    annex's header, :func:`is_annex_header`: the key of an item and fields an annex gives),
    joined to the item it names as a table annex's row is (:func:`join_annexes`), or else a
    reject (``reason``): fields of a list's own (a type, a basis) make no annex row.

    >>> record = RecordUnder(9, [("事项名称", "name", "林木采伐许可证核发")])
    >>> record.takes("accountability_basis"), record.takes("name")
    (True, False)
    >>> record.lines.append(("追责依据", "accountability_basis", "《公务员法》第六十二条"))
    >>> draft = record.finished("a.tsv", frozenset({"row", "name", "type"}), "not joined")
    >>> draft.values, draft.raw[1][0]
    ({'name': '林木采伐许可证核发', 'accountability_basis': '《公务员法》第六十二条'}, '追责依据')
    """

    line: int
    #: each line's label as written, its key and its value
    lines: list[tuple[str, str, str]]

    def takes(self, key: str) -> bool:
        """Whether a line of the field ``key`` goes on with this record (its key not given yet:
        a second 事项名称 opens the next record)."""
        return all(k != key for _, k, _ in self.lines)

    def go_on(self, line: str) -> None:
        """The value of the record's last field going on with ``line`` (a numbered line of it,
        2.审查阶段责任：…, or a line wrapped), on a line of its own."""
        label, key, value = self.lines[-1]
        self.lines[-1] = (label, key, f"{value}\n{line}")

    def finished(self, source: str, keys: frozenset[str], reason: str) -> Draft | Reject:
        """The record as an annex's row (a draft of it), or a reject with ``reason`` and its
        lines (``label：value | …``); ``keys``: those of the list's header."""
        labels = tuple(label for label, _, _ in self.lines)
        if is_annex_header(labels, keys):
            values = {key: value for _, key, value in self.lines}
            raw = tuple((label, value) for label, _, value in self.lines)
            return Draft(self.line, values, raw, [])
        text = " | ".join(f"{label}：{value}" for label, _, value in self.lines)
        return Reject(source, self.line, text, reason)


def records_under(found: Assembled | None, listed: Header | None, source: str) -> Assembled | None:
    """The items of label：value records (a table of ``label | value`` rows, or several: a
    record each) read after a list whose header is ``listed``: when none of them has a type or
    a basis where the list's header has one, they are records of the list's items (a 责任清单
    giving 责任主体 and 追责依据), no items of their own: a reject each, unless they are rows of
    an annex keyed to the items (:func:`is_annex_item`), which :func:`join_annexes` joins."""
    if found is None or listed is None or not found.items:
        return found
    if not {"type", "basis"} & set(listed.keys):
        return found
    if any(i.type or i.basis or is_annex_item(i) for i in found.items):
        return found
    rejects = tuple(
        Reject(
            source,
            item.line,
            " | ".join(f"{word}：{cell}" for word, cell in item.raw if cell),
            RECORDS_UNDER_TABLE,
        )
        for item in found.items
    )
    return replace(found, items=(), rejects=(*found.rejects, *rejects))


@dataclass(frozen=True, slots=True)
class Joined:
    """The items of a list once the rows of its annexes are joined to them, and the rows that
    joined none (rejects), by the index of the part each came from."""

    items: tuple[tuple[PowerItem, ...], ...]
    rejects: tuple[tuple[Reject, ...], ...]
    joined: tuple[int, ...]  # rows joined into an item, per part (no longer rows of their own)


def _key(text: str | None) -> str:
    return "".join((text or "").split())


def join_annexes(parts: Sequence[Sequence[PowerItem]], source: str) -> Joined | None:
    """The items of ``parts`` (the items of each table of a list, in order) with the rows of
    the annexes keyed to them by name or by serial (:func:`is_annex_item`, under items of a
    list) joined to them; None when there is no such row."""
    marked = [[is_annex_item(item) for item in items] for items in parts]
    # the first item of a list (no annex row): annex rows before it are no annex of a list,
    # but a row keyed by serial alone (no name) is never an item of its own
    first = next(((p, k) for p, m in enumerate(marked) for k, a in enumerate(m) if not a), None)
    rows = [
        (p, k)
        for p, m in enumerate(marked)
        for k, annexed in enumerate(m)
        if annexed and ((first is not None and (p, k) > first) or not parts[p][k].name)
    ]
    if not rows:
        return None
    annex = set(rows)
    listed = [
        (p, k) for p, items in enumerate(parts) for k, _ in enumerate(items) if (p, k) not in annex
    ]
    by_name: dict[str, list[tuple[int, int]]] = {}
    for p, k in listed:
        by_name.setdefault(_key(parts[p][k].name), []).append((p, k))
    gifts: dict[tuple[int, int], list[PowerItem]] = {}
    rejects: list[list[Reject]] = [[] for _ in parts]
    joined = [0] * len(parts)
    serials = [(p, k) for p, k in rows if not parts[p][k].name]
    given: set[tuple[int, int]] = set()
    keyed = serial_keys([parts[p][k] for p, k in serials], [parts[p][k] for p, k in listed])
    for (p, k), found_at in zip(serials, keyed, strict=True):
        row = parts[p][k]
        if isinstance(found_at, int):
            given.add((p, k))
            gifts.setdefault(listed[found_at], []).append(row)
            joined[p] += 1
        else:
            text = " | ".join(cell for _, cell in row.raw if cell)
            rejects[p].append(Reject(source, row.line, text, found_at))
    numbered = _numbered_like_list(parts, [r for r in rows if parts[r[0]][r[1]].name], by_name)
    for p, k in rows:
        row = parts[p][k]
        if not row.name:
            continue
        found = by_name.get(_key(row.name), [])
        if len(found) > 1 and row.row:
            found = [f for f in found if parts[f[0]][f[1]].row == row.row] or found
        text = " | ".join(cell for _, cell in row.raw if cell)
        if len(found) == 1 and numbered and _other_serial(row, parts[found[0][0]][found[0][1]]):
            item = parts[found[0][0]][found[0][1]]
            rejects[p].append(
                Reject(
                    source,
                    row.line,
                    text,
                    f"a row of an annex keyed to the items by serial and name whose serial "
                    f"{row.row} is not that of the item its name names (line {item.line}, serial "
                    f"{item.row}), where the annex's other serials are their items': not joined",
                )
            )
        elif len(found) == 1:
            gifts.setdefault(found[0], []).append(row)
            joined[p] += 1
        elif found:
            lines = ", ".join(str(parts[f[0]][f[1]].line) for f in found)
            rejects[p].append(
                Reject(
                    source,
                    row.line,
                    text,
                    f"a row of an annex keyed to the items by name names several items "
                    f"(lines {lines}); not joined",
                )
            )
        else:
            rejects[p].append(
                Reject(
                    source,
                    row.line,
                    text,
                    "a row of an annex keyed to the items by name names no item of the list",
                )
            )
    # the fields of the rows keyed by serial only when they joined: an annex left out whole
    # gives no item a field the others lack
    words = _given_words(parts, [r for r in rows if parts[r[0]][r[1]].name or r in given])
    items = tuple(
        tuple(
            _given(item, gifts.get((p, k), []), words)
            for k, item in enumerate(part)
            if (p, k) not in annex
        )
        for p, part in enumerate(parts)
    )
    return Joined(items, tuple(map(tuple, rejects)), tuple(joined))


def _other_serial(row: PowerItem, item: PowerItem) -> bool:
    """Whether the annex ``row`` and the ``item`` its name names both have serials, and not the
    same."""
    return bool(row.row and item.row) and _key(row.row) != _key(item.row)


def _numbered_like_list(
    parts: Sequence[Sequence[PowerItem]],
    rows: Sequence[tuple[int, int]],
    by_name: dict[str, list[tuple[int, int]]],
) -> bool:
    """Whether the annex ``rows`` (keyed by name) are numbered as the list is: no two of those
    with a serial that name one item with a serial have another serial than that item's, or
    no more of them than have its. Then a serial is a key too (as page text keys an annex's
    rows, ``text/page.Copies``), and a row whose serial and name name two items is no row of
    either; an annex that numbers its rows on its own (1, 2 … over some of the items) is keyed
    by name alone."""
    agree = differ = 0
    for p, k in rows:
        row = parts[p][k]
        found = by_name.get(_key(row.name), [])
        if not row.row or len(found) != 1 or not parts[found[0][0]][found[0][1]].row:
            continue
        if _other_serial(row, parts[found[0][0]][found[0][1]]):
            differ += 1
        else:
            agree += 1
    return differ < 2 or agree >= differ


#: What a row keyed by serial is said when the serial is no safe key, the start of each reason.
_BY_SERIAL = "a row of an annex keyed to the items by serial (序号 | 追责情形 | 追责依据)"
_NOT_ALL = "other rows of its annex name no item at their serial; not joined"
#: How a joined row is said to have found its item.
_KEYED = "name"
_SERIAL = (
    "serial (the annex keyed by serial: a row for each item, serials equal, each 追责情形 "
    "naming its item or its type)"
)
#: The shortest run of a name's characters that a 追责情形 repeating it must hold (民办学校).
_NAMED_RUN = 4


def serial_keys(rows: Sequence[PowerItem], items: Sequence[PowerItem]) -> list[int | str]:
    """For each annex row keyed by serial alone (no name), the index in ``items`` of the item
    it joins, or the reason it joins none. A serial is a safe key only when the annex has a
    row for every item of the list, in its order and with its serial, and each row's 追责情形
    names its item (a run of four of its name's characters), or else, naming no item's name,
    its type (处罚 of 行政处罚): an annex of general 追责情形 numbered on its own (滥用职权的 …),
    or one whose rows name other items than those of their serials, is no table of the items.

    >>> from extractors.models import PowerItem as P
    >>> items = [P("a", "1", 2, name="对价格违法行为的处罚", type="行政处罚")]
    >>> serial_keys([P("a", "1", 9, accountability="对价格违法行为不予处罚的")], items)
    [0]
    >>> serial_keys([P("a", "1", 9, accountability="滥用职权的")], items)[0].split(": ")[1]
    'its 追责情形 names neither item 1 (对价格违法行为的处罚) nor its type; not joined'
    """
    if not rows:
        return []
    if any(item.accountability for item in items):
        why = "the items have 追责情形 of their own, to which its serials are no key"
        return [f"{_BY_SERIAL}: {why}; not joined"] * len(rows)
    if len(rows) != len(items):
        why = f"{len(rows)} rows for the list's {len(items)} items"
        return [f"{_BY_SERIAL}: {why}; not joined"] * len(rows)
    runs: dict[str, set[int]] = {}  # each run of four of a name's characters: its items
    for at, item in enumerate(items):
        name = _key(item.name)
        for i in range(len(name) - _NAMED_RUN + 1):
            runs.setdefault(name[i : i + _NAMED_RUN], set()).add(at)
    found: list[int | str] = []
    for at, (row, item) in enumerate(zip(rows, items, strict=True)):
        text = _key(row.accountability)
        named = {
            k
            for i in range(len(text) - _NAMED_RUN + 1)
            for k in runs.get(text[i : i + _NAMED_RUN], ())
        }
        if _key(row.row) != _key(item.row) or not row.row:
            found.append(
                f"{_BY_SERIAL}: serial {row.row or '(none)'} where the list's item at its "
                f"place has {item.row or '(none)'}; not joined"
            )
        elif not row.accountability:
            found.append(f"{_BY_SERIAL}: no 追责情形 to tell which item it is; not joined")
        elif named and at not in named:
            other = items[min(named)]
            found.append(
                f"{_BY_SERIAL}: its 追责情形 names item {other.row} ({other.name}), not item "
                f"{item.row} ({item.name}) of its serial; not joined"
            )
        elif not named and not _names_type(text, item):
            found.append(
                f"{_BY_SERIAL}: its 追责情形 names neither item {item.row} ({item.name}) nor "
                "its type; not joined"
            )
        else:
            found.append(at)
    if any(isinstance(f, str) for f in found):
        # the key is the annex's as a whole: one row that is no item's leaves every row out
        return [f if isinstance(f, str) else f"{_BY_SERIAL}: {_NOT_ALL}" for f in found]
    return found


def _names_type(text: str, item: PowerItem) -> bool:
    """Whether a 追责情形 ``text`` names ``item``'s type's word (the type without 行政: 处罚,
    许可, 检查)."""
    word = _key(item.type).removeprefix("其他").removeprefix("行政")
    return len(word) >= 2 and word in text


def _given_words(
    parts: Sequence[Sequence[PowerItem]], rows: list[tuple[int, int]]
) -> dict[str, str]:
    """Each field the annexes give, with the header word they give it under (追责依据)."""
    words: dict[str, str] = {}
    for p, k in rows:
        for word, _ in parts[p][k].raw:
            key = map_header("".join(word.split())) if word.strip() else None
            if key in ANNEX_FIELDS:
                words.setdefault(key, word)
    return words


def _keyed(row: PowerItem, item: PowerItem) -> str:
    """What the annex ``row`` found ``item`` by, its header words named: 事项名称 (name), or
    序号 and 事项名称 when its serial is the item's too, or the serial alone."""
    if not row.name:
        return _SERIAL
    words = {map_header("".join(w.split())): w for w, _ in row.raw if w.strip()}
    name = f"{_KEYED} ({words.get('name', '事项名称')})"
    if row.row and not _other_serial(row, item):
        return f"serial ({words.get('row', '序号')}) and {name}"
    return name


def _given(item: PowerItem, rows: list[PowerItem], words: dict[str, str]) -> PowerItem:
    """``item`` with the fields the annex ``rows`` keyed to it give that it lacks, each row's
    join said; each field the annexes give others and none gives it, said too."""
    values: dict[str, str] = {}
    raw = list(item.raw)
    anomalies = list(item.anomalies)
    for row in rows:
        taken = []
        for key, word in words.items():
            cell = row.get(key)
            if not cell:
                continue
            if not item.get(key) and key not in values:
                values[key] = cell
                raw.append((word, cell))
                taken.append(word)
            elif (item.get(key) or values.get(key)) != cell:
                anomalies.append(
                    Anomaly(
                        "joined-record",
                        f"line {row.line}: an annex row of this item's name gives another "
                        f"{word}; the item's own is kept",
                        word,
                        cell,
                    )
                )
        if taken:
            anomalies.append(
                Anomaly(
                    "joined-record",
                    f"line {row.line}: a row of this item's {_keyed(row, item)} in an annex (a "
                    f"table, or label：value records under the list) gives {', '.join(taken)}; "
                    "joined to this one",
                    taken[0],
                    values[map_header(taken[0]) or ""],
                )
            )
    for key, word in words.items():
        if not item.get(key) and key not in values:
            anomalies.append(
                Anomaly(
                    "missing-cell",
                    f"no {word}: the annex that gives other items theirs has no row naming "
                    "this one",
                    word,
                )
            )
    if not values and len(anomalies) == len(item.anomalies):
        return item
    given: dict[str, Any] = {**values, "raw": tuple(raw), "anomalies": tuple(anomalies)}
    return replace(item, **given)
