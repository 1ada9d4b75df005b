"""What a list's items add up to, counted item by item: how many, how many sub-items, anomalies by
code, how plausible the reading is, and a digest of what the list says. A list read in batches
(``extractors.reading.stream``) is summed as it is read, so its report, its plausibility and the
digest that tells duplicates (``graph.build.identity``) are known before it is built, without its
items held."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Generator, Iterable
from hashlib import blake2b

from extractors.models import ListMeta, PowerItem
from extractors.reading.plausibility import Judge


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


class ItemCounts:
    """Items, sub-items (a main item with 子项 folded in, or a sub-item of its own) and anomalies
    by code, as ``quanze parse --report`` gives them."""

    def __init__(self) -> None:
        self.items = 0
        self.sub_items = 0
        self.anomalies: Counter[str] = Counter()

    def add(self, item: PowerItem) -> None:
        self.items += 1
        self.sub_items += len(item.subitems) or item.parent is not None
        self.anomalies.update(a.code for a in item.anomalies)

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

    def add(self, item: PowerItem) -> None:
        self.counts.add(item)
        self.judge.add(item)
        self.digest.add(item)


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
