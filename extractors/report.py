"""The one report of what happened to each file: what reading found in it, what citation extraction
found, and what a later step (the graph build) made of it, each step filling its own part, so that
nothing read goes uncounted.

``quanze parse --report`` prints the reading part, ``quanze extract --report`` the extraction
part, and ``quanze build`` the summary of a whole build (``Report.summary``). The build's part
(``Building``) is filled by ``graph.build``; this package only names it, and never imports graph.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from extractors.models import CellCitation, Plausibility, PowerList, Reject, Section

if TYPE_CHECKING:
    from extractors.reading.summary import ItemCounts, Miscount


@dataclass(frozen=True, slots=True)
class Reading:
    """What reading one file gave; always
    ``rows_seen == items + len(rejects) + len(sections) + blank_rows`` (sub-items are items)."""

    format: str
    encoding: str | None
    rows_seen: int
    items: int
    sub_items: int
    rejects: tuple[Reject, ...]
    anomalies: tuple[tuple[str, int], ...]  # (code, count), most frequent first
    sections: tuple[Section, ...] = ()
    blank_rows: int = 0
    plausibility: Plausibility | None = None
    miscounts: tuple[Miscount, ...] = ()  # headings whose count differs from the items read

    @classmethod
    def of(cls, plist: PowerList) -> Reading:
        """The counts of a list as read, anomalies counted by code (most frequent first).

        >>> from importlib import resources
        >>> from extractors.reading.read import read_list
        >>> seed = resources.files("extractors") / "samples" / "000_814c7fb49acd7d24.txt"
        >>> read = Reading.of(read_list(str(seed)))
        >>> read.rows_seen, read.items, read.sub_items, read.anomalies, read.blank_rows
        (6, 5, 0, (('misplaced-cell', 4),), 1)
        """
        from extractors.reading.summary import ItemCounts

        return cls.counted(plist, ItemCounts.of(plist.items))

    @classmethod
    def counted(cls, plist: PowerList, counts: ItemCounts) -> Reading:
        """The counts of a list whose items were counted as they were read (``counts``); the
        rest (rejects, sections, rows) from ``plist``."""
        return cls(
            format=plist.format,
            encoding=plist.encoding,
            rows_seen=plist.rows_seen,
            items=counts.items,
            sub_items=counts.sub_items,
            rejects=plist.rejects,
            anomalies=tuple(counts.anomalies.most_common()),
            sections=plist.sections,
            blank_rows=plist.blank_rows,
            plausibility=plist.plausibility,
            miscounts=counts.miscounts(plist.sections),
        )

    @property
    def anomaly_count(self) -> int:
        """Anomalies of every code."""
        return sum(n for _, n in self.anomalies)

    @property
    def reject_reasons(self) -> tuple[tuple[str, int], ...]:
        """Rejects counted by reason, most frequent first."""
        return tuple(Counter(r.reason for r in self.rejects).most_common())

    def lines(self, source: str) -> list[str]:
        """A head line of counts, then rejects, anomalies and sections (``parse --report``)."""
        head = (
            f"{source} ({self.format}{', ' + self.encoding if self.encoding else ''}): "
            f"rows seen={self.rows_seen} items={self.items} sub-items={self.sub_items} "
            f"rejects={len(self.rejects)} sections={len(self.sections)} "
            f"blank rows={self.blank_rows} (rows seen = items + rejects + sections + blank rows)"
        )
        out = [head]
        if self.plausibility is not None:
            out.append(
                f"  reading: plausibility {self.plausibility.score:.2f} "
                f"({self.plausibility.verdict}; weakest: {self.plausibility.doubt()})"
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
        for miscount in self.miscounts:
            out.append(f"  count differs: {miscount.said_as()}")
        return out

    def to_json(self) -> dict[str, Any]:
        """The counts as JSON-ready keys (rejects with line, reason and text)."""
        return {
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
            "miscounts": [
                {"line": m.section.line, "text": m.section.text, "said": m.said, "read": m.read}
                for m in self.miscounts
            ],
        }


@dataclass(frozen=True, slots=True)
class Extraction:
    """What citation extraction found in one file: its citations counted by kind (``unresolved``:
    no law in reach; ``malformed``: kept as written and flagged)."""

    kinds: tuple[tuple[str, int], ...]  # (kind, count), most frequent first

    @classmethod
    def of(cls, kinds: Counter[str]) -> Extraction:
        """The counts ``count_citations`` kept (or any count of citation kinds)."""
        return cls(tuple(kinds.most_common()))

    @property
    def citations(self) -> int:
        """Citations of every kind."""
        return sum(n for _, n in self.kinds)

    @property
    def unresolved(self) -> int:
        """Citations with no law in reach."""
        return dict(self.kinds).get("unresolved", 0)

    @property
    def malformed(self) -> int:
        """Citations kept as written and flagged."""
        return dict(self.kinds).get("malformed", 0)

    def to_json(self) -> dict[str, Any]:
        """The counts as JSON-ready keys."""
        return {
            "citations": self.citations,
            "unresolved": self.unresolved,
            "malformed": self.malformed,
            "kinds": dict(self.kinds),
        }

    def lines(self) -> list[str]:
        """A line of counts, then one of kinds (``extract --report``).

        >>> print("\\n".join(Extraction((("explicit", 3), ("unresolved", 1))).lines()))
        citations=4 unresolved=1 malformed=0
          kinds: explicit 3, unresolved 1
        """
        out = [
            f"citations={self.citations} unresolved={self.unresolved} malformed={self.malformed}"
        ]
        if self.kinds:
            out.append("  kinds: " + ", ".join(f"{kind} {n}" for kind, n in self.kinds))
        return out


def count_citations(
    citations: Iterable[CellCitation], kinds: Counter[str]
) -> Iterator[CellCitation]:
    """``citations`` passed on as they come, each counted by kind into ``kinds`` on the way, so a
    step that streams them (printing, building) counts them without holding them.

    >>> from extractors.citing.cite import cite_text
    >>> kinds: Counter[str] = Counter()
    >>> len(list(count_citations(cite_text("a.txt", "《社会保险法》第八十七条；第九条"), kinds)))
    2
    >>> Extraction.of(kinds).kinds
    (('abbreviation', 1), ('continuation', 1))
    """
    for cc in citations:
        kinds[cc.citation.kind] += 1
        yield cc


@dataclass(frozen=True, slots=True)
class Building:
    """What the graph build wrote for one list (filled by ``graph.build``): the list's id, the
    named graph it went into, its triples there and in the shared graph, and what it could not map
    onto the ontology's concepts, as (what, value as written), e.g. ("power type", "备案")."""

    list_id: str
    graph: str
    triples: int
    unmapped: tuple[tuple[str, str], ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The counts as JSON-ready keys."""
        return {
            "list": self.list_id,
            "graph": self.graph,
            "triples": self.triples,
            "unmapped": [{"what": w, "value": v} for w, v in self.unmapped],
        }


@dataclass(frozen=True, slots=True)
class FileReport:
    """What each step made of one file; a step that did not run leaves its part None, and a file
    that could not be read has only ``error``."""

    source: str
    reading: Reading | None = None
    extraction: Extraction | None = None
    building: Building | None = None
    error: str | None = None

    def line(self) -> str:
        """One line of the counts the steps filled (a build's line per list).

        >>> FileReport("a.md", extraction=Extraction((("explicit", 2),))).line()
        'a.md: 2 citations (0 unresolved)'
        """
        parts = []
        read, cited, built = self.reading, self.extraction, self.building
        if read is not None:
            parts.append(f"{read.items} items")
        if cited is not None:
            parts.append(f"{cited.citations} citations ({cited.unresolved} unresolved)")
        if read is not None:
            parts += [f"{len(read.rejects)} rejects", f"{read.anomaly_count} anomalies"]
            doubt = read.plausibility
            if doubt is not None and doubt.doubtful:
                parts.append(f"read with doubts ({doubt.score:.2f}; weakest: {doubt.doubt()})")
        if built is not None:
            parts.append(f"{built.triples} triples")
        if self.error is not None:
            parts.append(f"not read: {self.error}")
        return f"{self.named()}: " + ", ".join(parts)

    def named(self) -> str:
        """The file as the report names it: with its list id when that is not the file's stem
        (two files of the same name are two lists, told apart by their ids).

        >>> built = Building(list_id="list~b", graph="g", triples=0)
        >>> FileReport("list.md", building=built).named()
        'list.md (list list~b)'
        """
        built = self.building
        if built is None or built.list_id == PurePath(self.source.replace("\\", "/")).stem:
            return self.source
        return f"{self.source} (list {built.list_id})"

    def lines(self) -> list[str]:
        """Every part the steps filled in full: reading, extraction, building, error."""
        out = self.reading.lines(self.source) if self.reading is not None else []
        if self.extraction is not None:
            first, *rest = self.extraction.lines()
            out += [f"  {first}" if out else f"{self.source}: {first}", *rest]
        if self.building is not None:
            built = self.building
            out.append(f"  graph {built.graph}: {built.triples} triples")
            out += _unmapped_lines(built)
        if self.error is not None:
            out.append(f"{self.source}: not read: {self.error}")
        return out

    def to_json(self) -> dict[str, Any]:
        """The report as one flat JSON object: the keys of each part that was filled."""
        out: dict[str, Any] = {"source": self.source}
        for part in (self.reading, self.extraction, self.building):
            if part is not None:
                out.update(part.to_json())
        if self.error is not None:
            out["error"] = self.error
        return out


def _unmapped_lines(built: Building) -> list[str]:
    """What the build could not map, one line per value with how often."""
    counts = sorted(Counter(built.unmapped).items())
    return [f"    unmapped {what} {value!r} ×{n}" for (what, value), n in counts]


#: The totals a report's JSON gives, by name.
_TOTALS = ("items", "citations", "unresolved", "rejects", "triples")


@dataclass(frozen=True, slots=True)
class Report:
    """The reports of every file one run went through, in the order the files were given; the
    totals count the files that were read. A build counts the triples it wrote into the list
    graphs, not what the whole store holds: Oxigraph counts by reading an entire index, which
    grows with the store, not with the build (``len(store)`` when it is wanted)."""

    files: tuple[FileReport, ...]

    @property
    def read(self) -> tuple[FileReport, ...]:
        """The files that were read."""
        return tuple(f for f in self.files if f.error is None)

    @property
    def failed(self) -> tuple[FileReport, ...]:
        """The files that could not be read (each with its ``error``)."""
        return tuple(f for f in self.files if f.error is not None)

    @property
    def built(self) -> tuple[Building, ...]:
        """What the build wrote for each file it built (its list id, graph and triples)."""
        return tuple(f.building for f in self.files if f.building is not None)

    @property
    def items(self) -> int:
        """Power items read."""
        return sum(f.reading.items for f in self.files if f.reading is not None)

    @property
    def rejects(self) -> int:
        """Stretches of input kept as rejects."""
        return sum(len(f.reading.rejects) for f in self.files if f.reading is not None)

    @property
    def citations(self) -> int:
        """Citations found, unresolved ones included."""
        return sum(f.extraction.citations for f in self.files if f.extraction is not None)

    @property
    def unresolved(self) -> int:
        """Citations with no law in reach."""
        return sum(f.extraction.unresolved for f in self.files if f.extraction is not None)

    @property
    def triples(self) -> int:
        """Triples the build wrote into the list graphs (and their share of the shared graph)."""
        return sum(f.building.triples for f in self.files if f.building is not None)

    def summary(self) -> str:
        """A few human-readable lines (what ``quanze build`` prints on stderr): the totals, a line
        a file, what was unmapped, and how many files were not read.

        >>> print(Report((FileReport("a.md", extraction=Extraction((("explicit", 2),))),
        ...               FileReport("b.md", error="no table"))).summary())
        1 list(s): 0 items, 2 citations (0 unresolved), 0 rejects, 0 triples
          a.md: 2 citations (0 unresolved)
        1 file(s) not read
        """
        read = self.read
        lines = [
            f"{len(read)} list(s): {self.items} items, {self.citations} citations "
            f"({self.unresolved} unresolved), {self.rejects} rejects, {self.triples} triples"
        ]
        for f in read:
            lines.append(f"  {f.line()}")
            if f.building is not None:
                lines += _unmapped_lines(f.building)
        if self.failed:
            lines.append(f"{len(self.failed)} file(s) not read")
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        """The totals and every file's report as a JSON-ready dict."""
        totals = {name: getattr(self, name) for name in _TOTALS}
        return {**totals, "not_read": len(self.failed), "files": [f.to_json() for f in self.files]}
