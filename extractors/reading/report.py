"""Summarises what reading one file gave: rows seen, items, sub-items, section headings, blank
rows, rejects with reasons and anomalies by kind, so that nothing read goes uncounted."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from extractors.models import Plausibility, PowerList, Reject, Section


@dataclass(frozen=True, slots=True)
class ListReport:
    """The counts of one read list; always
    ``rows_seen == items + len(rejects) + len(sections) + blank_rows`` (sub-items are items)."""

    source: str
    format: str
    encoding: str | None
    rows_seen: int
    items: int
    sub_items: int
    rejects: tuple[Reject, ...]
    anomalies: tuple[tuple[str, int], ...]
    sections: tuple[Section, ...] = ()
    blank_rows: int = 0
    plausibility: Plausibility | None = None

    @property
    def reject_reasons(self) -> tuple[tuple[str, int], ...]:
        """Rejects counted by reason, most frequent first."""
        return tuple(Counter(r.reason for r in self.rejects).most_common())

    def lines(self) -> list[str]:
        """The report as text lines: a summary line, then rejects, anomalies and sections.

        >>> report = ListReport("a.md", "markdown", "utf-8", 4, 2, 1, (), (("derived-row", 1),),
        ...                     (Section("a.md", 3, "一、行政许可", "行政许可"),), 1)
        >>> print("\\n".join(report.lines()))  # doctest: +NORMALIZE_WHITESPACE
        a.md (markdown, utf-8): rows seen=4 items=2 sub-items=1 rejects=0 sections=1
            blank rows=1 (rows seen = items + rejects + sections + blank rows)
          anomalies: derived-row 1
          section line 3: '一、行政许可' (type 行政许可)
        """
        head = (
            f"{self.source} ({self.format}{', ' + self.encoding if self.encoding else ''}): "
            f"rows seen={self.rows_seen} items={self.items} sub-items={self.sub_items} "
            f"rejects={len(self.rejects)} sections={len(self.sections)} "
            f"blank rows={self.blank_rows} (rows seen = items + rejects + sections + blank rows)"
        )
        out = [head]
        if self.plausibility is not None:
            out.append(
                f"  reading: plausibility {self.plausibility.score:.2f} "
                f"({self.plausibility.verdict}; weakest: "
                f"{self.plausibility.doubt()})"
            )
        for reason, count in self.reject_reasons:
            out.append(f"  rejects: {reason}: {count}")
        for reject in self.rejects:
            out.append(f"    line {reject.line}: {reject.reason}: {reject.text[:60]!r}")
        if self.anomalies:
            out.append("  anomalies: " + ", ".join(f"{c} {n}" for c, n in self.anomalies))
        for section in self.sections:
            kind = f" (type {section.type})" if section.type else ""
            out.append(f"  section line {section.line}: {section.text[:60]!r}{kind}")
        return out

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
            "sections": [{"line": s.line, "text": s.text, "type": s.type} for s in self.sections],
            "blank_rows": self.blank_rows,
            "plausibility": self.plausibility.to_json() if self.plausibility else None,
        }


def report_list(plist: PowerList) -> ListReport:
    """The report of ``plist``, anomalies counted by code (most frequent first).

    >>> from importlib import resources
    >>> from extractors.reading.read import read_list
    >>> seed = resources.files("extractors") / "samples" / "000_814c7fb49acd7d24.txt"
    >>> report = report_list(read_list(str(seed)))
    >>> report.rows_seen, report.items, report.sub_items, report.anomalies, report.blank_rows
    (6, 5, 0, (('misplaced-cell', 4),), 1)
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
        sections=plist.sections,
        blank_rows=plist.blank_rows,
        plausibility=plist.plausibility,
    )
