"""Summarises what reading one file gave: rows seen, items, sub-items, rejects with reasons and
anomalies by kind, so that nothing read goes uncounted."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from extractors.models import PowerList, Reject


@dataclass(frozen=True, slots=True)
class ListReport:
    """The counts of one read list; ``rows_seen == items + len(rejects)`` always."""

    source: str
    format: str
    encoding: str | None
    rows_seen: int
    items: int
    sub_items: int
    rejects: tuple[Reject, ...]
    anomalies: tuple[tuple[str, int], ...]

    def to_json(self) -> dict[str, Any]:
        """The report as a JSON object (rejects with line, reason and text)."""
        return {
            "source": self.source,
            "format": self.format,
            "encoding": self.encoding,
            "rows_seen": self.rows_seen,
            "items": self.items,
            "sub_items": self.sub_items,
            "rejects": [{"line": r.line, "reason": r.reason, "text": r.text} for r in self.rejects],
            "anomalies": dict(self.anomalies),
        }


def report_list(plist: PowerList) -> ListReport:
    """The report of ``plist``, anomalies counted by code (most frequent first).

    >>> from importlib import resources
    >>> from extractors.read import read_list
    >>> seed = resources.files("extractors") / "samples" / "000_814c7fb49acd7d24.txt"
    >>> report = report_list(read_list(str(seed)))
    >>> report.rows_seen, report.items, report.sub_items, report.anomalies
    (5, 5, 0, (('misplaced-cell', 4),))
    """
    counts = Counter(a.code for item in plist.items for a in item.anomalies)
    return ListReport(
        source=plist.source,
        format=plist.format,
        encoding=plist.encoding,
        rows_seen=plist.rows_seen,
        items=len(plist.items),
        sub_items=sum(1 for i in plist.items if i.parent is not None),
        rejects=plist.rejects,
        anomalies=tuple(counts.most_common()),
    )
