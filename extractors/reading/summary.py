"""What a list's items add up to, counted item by item: how many, how many sub-items, anomalies by
code, the counts section headings state that the items under them do not make, how plausible the
reading is, and a digest of what the list says. A list read in batches
(``extractors.reading.stream``) is summed as it is read, so its report, its plausibility and the
digest that tells duplicates (``graph.build.identity``) are known before it is built, without its
items held."""

from __future__ import annotations

import json
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Generator, Iterable
from dataclasses import dataclass
from hashlib import blake2b

from extractors.models import ListMeta, PowerItem, Section
from extractors.reading.annexed import is_annex_item
from extractors.reading.drafts import sub_serial_main
from extractors.reading.meta import ItemRegions
from extractors.reading.plausibility import Judge
from extractors.reading.subtables import is_table_subitem
from extractors.reading.vocab import section_count, section_department


class ContentDigest:
    """A digest of what a list says (its description and its items' fields), the same whatever
    file name, format, layout or line numbers it was read from: two lists with the same digest
    are one list.

    >>> one, two = ContentDigest(ListMeta()), ContentDigest(ListMeta())
    >>> one.add(PowerItem("a.csv", "1", 2, name="x")); two.add(PowerItem("b.md", "1", 7, name="x"))
    >>> one.hexdigest() == two.hexdigest()
    True
    """

    def __init__(self, meta: ListMeta) -> None:
        self.meta = meta
        self.digest = blake2b(digest_size=16)
        self.digest.update(
            json.dumps([meta.title, meta.department, meta.region, meta.date]).encode()
        )

    def add(self, item: PowerItem) -> None:
        fields = item.to_json()
        del fields["source"], fields["line"]
        self.digest.update(json.dumps(fields, ensure_ascii=False, sort_keys=True).encode())

    def hexdigest(self) -> str:
        return self.digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Miscount:
    """A section heading that says how many items it holds (行政处罚（共12项）, 县林业局（12项）)
    over a different number of items read under it: an item lost or one too many, said in the
    report rather than passed over."""

    section: Section
    said: int
    read: int

    def said_as(self) -> str:
        """The difference in words (``parse --report``)."""
        return (
            f"section line {self.section.line} {self.section.text[:40]!r} says {self.said} "
            f"items; {self.read} read under it"
        )


def item_rows(item: PowerItem) -> int:
    """The rows of the list that ``item`` holds: its 子项 rows folded in (the main item's row
    among them when it names the first 子项), and its own row besides when every entry of
    ``subitems`` is a row numbered with a sub-item's serial (1-1 现场检查 under item 1).

    >>> item_rows(PowerItem("a.md", "1", 3, subitems=("1-1 现场检查", "1-2 书面检查")))
    3
    >>> item_rows(PowerItem("a.md", "1", 3, subitems=("现场检查", "书面检查")))
    2
    """
    numbered = sum(1 for s in item.subitems if sub_serial_main(s.split(" ", 1)[0]) is not None)
    return max(len(item.subitems) - numbered, 1) + numbered


class ItemCounts:
    """Items, sub-items (a main item with 子项 folded in, or a sub-item of its own) and anomalies
    by code, as ``quanze parse --report`` gives them; and each item's line (a few bytes an item),
    so the counts that section headings state are checked against the items read under them
    (:meth:`miscounts`), the same whether the list was read whole or in batches."""

    def __init__(self) -> None:
        self.items = 0
        self.sub_items = 0
        self.anomalies: Counter[str] = Counter()
        self.lines = array("q")  # each item's line, in order
        self.subs = array("q")  # the lines of sub-items of their own (with a parent)
        self.rows = array("q")  # each item's rows: 1, or the 子项 folded into it
        self.in_order = True  # lines never go back (they restart on a workbook's next sheet)

    def add(self, item: PowerItem) -> None:
        self.items += 1
        self.sub_items += len(item.subitems) or item.parent is not None
        self.anomalies.update(a.code for a in item.anomalies)
        if self.lines and item.line < self.lines[-1]:
            self.in_order = False
        self.lines.append(item.line)
        self.rows.append(item_rows(item))
        if item.parent is not None:
            self.subs.append(item.line)

    def miscounts(self, sections: Iterable[Section]) -> tuple[Miscount, ...]:
        """The headings among ``sections`` whose stated count is neither the items read under
        them, nor those but sub-items of their own (1-1 under item 1), nor their rows with the
        子项 folded in. A heading holds the items up to the next heading; a department's
        (县林业局（12项）) up to the next department's, over the power types' headings inside it.
        Nothing is said when the items' lines go back (sheets numbered each from 1)."""
        if not self.in_order:
            return ()
        ordered = sorted(sections, key=lambda s: s.line)
        found: list[Miscount] = []
        for k, section in enumerate(ordered):
            said = section_count(section.text)
            if said is None:
                continue
            group = section_department(section.text) is not None
            ends = (s.line for s in ordered[k + 1 :] if not group or section_department(s.text))
            end = next(ends, None)
            first = bisect_right(self.lines, section.line)
            last = len(self.lines) if end is None else bisect_left(self.lines, end)
            items = max(last - first, 0)
            subs = len(self.subs[bisect_right(self.subs, section.line) :]) - (
                0 if end is None else len(self.subs[bisect_left(self.subs, end) :])
            )
            if said not in (items, items - subs, sum(self.rows[first:last])):
                found.append(Miscount(section, said, items))
        return tuple(found)

    @classmethod
    def of(cls, items: Iterable[PowerItem]) -> ItemCounts:
        counts = cls()
        for item in items:
            counts.add(item)
        return counts


class Summary:
    """:class:`ItemCounts`, the plausibility checks (``plausibility.Judge``) and the
    :class:`ContentDigest` of a list, item by item."""

    def __init__(self, meta: ListMeta) -> None:
        self.counts = ItemCounts()
        self.judge = Judge()
        self.digest = ContentDigest(meta)
        #: the region the items' departments name, for a list that names none itself
        self.regions = ItemRegions()
        #: an item is a row of a table of sub-items that no main item above it in its table
        #: took (``subtables.is_table_subitem``): only the whole reader, which holds the items
        #: of every table, folds it into the main item it names; the list is read whole
        self.whole = False

    def add(self, item: PowerItem) -> None:
        self.counts.add(item)
        self.judge.add(item)
        self.digest.add(item)
        self.regions.add(item.department)
        # a row of an annex keyed to the items by name joins the item it names: read whole
        self.whole = self.whole or is_table_subitem(item) or is_annex_item(item)


def full_batches(
    items: Iterable[PowerItem], size: int, digest: ContentDigest
) -> Generator[tuple[PowerItem, ...], None, tuple[PowerItem, ...]]:
    """The ``items`` ``size`` at a time, each added to ``digest`` on the way; the last batch, which
    may be shorter, is the return value (``yield from``), for the caller to give once it has
    checked the digest (a list read in batches: ``extractors.reading.stream``)."""
    batch: list[PowerItem] = []
    for item in items:
        digest.add(item)
        batch.append(item)
        if len(batch) >= size:
            yield tuple(batch)
            batch = []
    return tuple(batch)
