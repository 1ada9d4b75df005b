"""Writes one list into its named graph: the list, its rejects, its items with their cells,
fields, concepts, clauses and anomalies, and the authorities it names (into the shared graph).

Its citations are written next, by ``graph.build.citations``, which finds the items they belong
to here (``ListWriter.find_item``). Both pause after each item or citation, so that the driver
(``graph.build.build``) hands the lines written so far to the store: what stays for the whole
list is small per item (its IRI, its row, its accountability clauses' spans).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from pathlib import PurePath

from extractors.models import CellCitation, PowerItem, PowerList
from graph.build import concepts
from graph.build.clauses import ClauseWriter
from graph.build.derived import Collector
from graph.build.listrows import ListRows
from graph.build.quads import (
    DCTERMS,
    ORG,
    QZ,
    RDF,
    RDFS,
    SKOS,
    GraphLines,
    boolean,
    date_literal,
    integer,
    quote,
)
from graph.errors import BuildError
from graph.iri import Iris, is_relative_authority, place_of, qualified_authority

_ORG_SEPARATORS = re.compile(r"[/／、;；,，]+")

_FIELD_TEXT: dict[str, str] = {
    "basis": QZ.basisText,
    "responsibility": QZ.responsibilityText,
    "accountability": QZ.accountabilityText,
    "accountability_basis": QZ.accountabilityBasisText,
    "time_limit": QZ.timeLimit,
    "remarks": QZ.remarks,
}


def list_id_of(source: str) -> str:
    """The id a list is named by when no other file claims it: its source file name without
    directory or extension (``graph.build.identity`` tells apart files that share it).

    >>> list_id_of("samples/001_6c98652daac37f2e.txt")
    '001_6c98652daac37f2e'
    """
    return PurePath(source.replace("\\", "/")).stem or source


def item_keys(items: Sequence[PowerItem], seen: Counter[str] | None = None) -> list[str]:
    """A key per item, unique within its list: the row as written; a repeated row gets ``.2``,
    ``.3`` …; an item without a row is keyed by its source line (``line-12``). ``seen`` counts
    the keys of the items before these (a list written in batches), and is updated.

    >>> item_keys([PowerItem("a", "1", 3), PowerItem("a", "1", 4), PowerItem("a", None, 9)])
    ['1', '1.2', 'line-9']
    """
    seen = Counter() if seen is None else seen
    keys = []
    for item in items:
        base = item.row.strip() if item.row and item.row.strip() else f"line-{item.line}"
        seen[base] += 1
        keys.append(base if seen[base] == 1 else f"{base}.{seen[base]}")
    return keys


def authority_names(text: str) -> list[str]:
    """The authorities a department cell names (``县人力社保局/县医保局`` names two).

    >>> authority_names("县人力社保局/县医保局")
    ['县人力社保局', '县医保局']
    """
    return [name.strip() for name in _ORG_SEPARATORS.split(text) if name.strip()]


class ListWriter:
    """Writes the graph of one list, and the authorities it names; one instance per list."""

    def __init__(self, power_list: PowerList, iris: Iris, list_id: str | None = None) -> None:
        self.list = power_list
        self.iris = iris
        self.list_id = list_id or list_id_of(power_list.source)
        self.list_iri = iris.power_list(self.list_id)
        self.g = GraphLines(iris.list_graph(self.list_id))
        self.shared = GraphLines(iris.shared_graph())
        meta = power_list.meta
        self.region = (meta.region or "").strip() or (
            place_of(meta.department) if meta.department else None
        )
        self.unmapped: list[tuple[str, str]] = []
        # the batch of items being written, their IRIs, and their positions by row
        self.batch: Sequence[PowerItem] = ()
        self.item_iris: list[str] = []
        self.by_row: dict[str, list[int]] = defaultdict(list)
        self.keys: Counter[str] = Counter()  # the item keys given so far (``item_keys``)
        self.authorities: dict[tuple[str, bool], str] = {}
        #: the ends of cells' lines by position, header and mapped (``_tails``)
        self.cell_tails: dict[tuple[int, str, bool], tuple[tuple[bytes, ...], ...]] = {}
        #: the list's part of the derived facts (``graph.build.derived``), told each item
        self.derived = Collector(meta.region or None, len(power_list.rejects), power_list.source)
        self.clauses = ClauseWriter(
            self.g, iris.base, self.derived.clause, self.derived.rested_bare
        )
        #: the rows of the queries counted by list (``graph.build.listrows``), told each item
        self.rows = ListRows(bool(power_list.source))

    def write(self, items: Sequence[PowerItem] | None = None) -> Iterator[None]:
        """Write the list node, its rejects and ``items`` (the list's own when not given: a list
        read in batches gives its first batch), pausing after each item (so the lines written so
        far can be taken: ``GraphLines.take``)."""
        g, lst, it = self.g, self.list, self.list_iri
        g.link(it, RDF.type, QZ.PowerList)
        g.text(it, QZ.sourceFile, lst.source)
        g.text(it, QZ.format, lst.format)
        g.text(it, QZ.encoding, lst.encoding)
        g.add(it, QZ.rowsSeen, integer(lst.rows_seen))
        meta = lst.meta
        g.text(it, DCTERMS.title, meta.title, "zh")
        if meta.date:
            g.add(it, DCTERMS.issued, str(date_literal(meta.date)))
        g.text(it, QZ.region, meta.region)
        if meta.department:
            g.link(it, DCTERMS.publisher, self.authority(meta.department))
        if meta.source_url and re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", meta.source_url):
            g.link(it, DCTERMS.source, meta.source_url)
        for n, reject in enumerate(lst.rejects, start=1):
            node = f"{it}/reject/{n}"
            g.link(it, QZ.hasReject, node)
            g.link(node, RDF.type, QZ.Reject)
            g.add(node, QZ.sourceLine, integer(reject.line))
            g.text(node, QZ.text, reject.text)
            g.text(node, QZ.reason, reject.reason)
        yield from self.write_items(lst.items if items is None else items)

    def write_items(self, items: Sequence[PowerItem]) -> Iterator[None]:
        """Write a batch of the list's items, after those before it, pausing after each; the
        citations written next (``find_item``) are those of this batch."""
        self.batch, self.item_iris, self.by_row = items, [], defaultdict(list)
        self.clauses.spans.clear()  # those of the batch before, whose citations are written
        for key, item in zip(item_keys(items, self.keys), items, strict=True):
            self.by_row[item.row or ""].append(len(self.item_iris))
            self.item_iris.append(self.iris.item(self.list_id, key))
            self.write_item(self.item_iris[-1], item)
            yield

    def authority(self, name: str, *, scoped: bool = True, g: GraphLines | None = None) -> str:
        """The node of an authority the list names; a relative name (县医保局) is scoped by the
        list's region (or the list), with the full name as skos:altLabel when the text tells it.
        Issuers of laws (``scoped=False``) are always global. Its lines go to the shared graph,
        or to ``g`` (a law's lines made once for every list, ``graph.build.citations``), there
        every time it is asked."""
        key = (name, scoped)
        node = self.authorities.get(key)
        if node is not None and g is None:
            return node
        relative = scoped and is_relative_authority(name)
        if relative and self.region:
            node = self.iris.org(name, region=self.region)
        elif relative:
            node = self.iris.org(name, list_id=self.list_id)
        else:
            node = self.iris.org(name)
        self.authorities[key] = node
        shared = self.shared if g is None else g
        shared.link(node, RDF.type, ORG.Organization)
        shared.text(node, SKOS.prefLabel, name, "zh")
        full = qualified_authority(name, self.region) if relative and self.region else None
        if full is not None and full != name:
            shared.text(node, SKOS.altLabel, full, "zh")
        return node

    def write_item(self, node: str, item: PowerItem) -> None:
        """Write one item: its fields, concepts, authorities, clauses, cells and anomalies."""
        g = self.g
        g.link(node, RDF.type, QZ.PowerItem)
        g.link(node, QZ.inList, self.list_iri)
        g.text(node, QZ.row, item.row)
        g.add(node, QZ.sourceLine, integer(item.line))
        g.text(node, DCTERMS.identifier, item.code)
        g.text(node, DCTERMS.title, item.name)
        g.text(node, QZ.parentName, item.parent)
        for subitem in item.subitems:
            g.text(node, QZ.subitemName, subitem)
        types: list[str] = []
        if item.type:
            g.text(node, QZ.powerTypeText, item.type)
            concept = concepts.power_type(item.type)
            if concept is None:
                self.unmapped.append(("power type", item.type))
            else:
                g.link(node, QZ.powerType, concept)
                types.append(str(concept))
        if item.level:
            g.text(node, QZ.levelText, item.level)
            levels, unknown = concepts.exercise_levels(item.level)
            for concept in levels:
                g.link(node, QZ.exerciseLevel, concept)
            self.unmapped += [("exercise level", part) for part in unknown]
        exercising: list[str] = []
        # where the item has no department column's cell, the department the heading, group
        # row or sheet's name above it names exercises it (qz:departmentText stays the cell's)
        for text, text_prop, org_prop in (
            (item.department, QZ.departmentText, QZ.exercisedBy),
            (item.guiding_department, QZ.guidingDepartmentText, QZ.guidedBy),
            (None if item.department else item.section_department, None, QZ.exercisedBy),
        ):
            if text:
                if text_prop is not None:
                    g.text(node, text_prop, text)
                for name in authority_names(text):
                    g.link(node, org_prop, self.authority(name))
                    if org_prop == QZ.exercisedBy:
                        exercising.append(self.authority(name))
        self.derived.item(node, exercising, types, [item.type] if item.type else [])
        for key, prop in _FIELD_TEXT.items():
            g.text(node, prop, item.get(key))
        clauses = self.clauses.build(node, item.responsibility, "responsibility")
        clauses += self.clauses.build(node, item.accountability, "accountability")
        self.rows.item(node, len(clauses), len(set(exercising)))
        extra = set(item.extra)
        for position, (header, value) in enumerate(item.raw, start=1):
            if value == "":
                continue
            cell = f"{node}/cell/{position}"
            g.link(node, QZ.hasCell, cell)
            mapped = (header, value) not in extra
            before, after = self.cell_tails.get((position, header, mapped)) or self._tails(
                position, header, mapped
            )
            g.tails(cell, before)  # its type, position and header
            g.add(cell, RDF.value, quote(value))
            g.tails(cell, after)  # mapped or not
        for n, anomaly in enumerate(item.anomalies, start=1):
            a = f"{node}/anomaly/{n}"
            g.link(node, QZ.hasAnomaly, a)
            g.link(a, RDF.type, QZ.Anomaly)
            g.text(a, QZ.code, anomaly.code)
            g.text(a, RDFS.comment, anomaly.message)
            g.text(a, QZ.column, anomaly.column)
            g.text(a, QZ.text, anomaly.text)

    def _tails(
        self, position: int, header: str, mapped: bool
    ) -> tuple[tuple[bytes, ...], tuple[bytes, ...]]:
        """The ends of a cell's lines but its value's, the same for every item's cell at
        ``position`` under ``header`` (``GraphLines.tails``): made once per list."""
        g = self.g
        made = (
            (
                g.tail(RDF.type, f"<{QZ.Cell}>"),
                g.tail(QZ.position, integer(position)),
                g.tail(QZ.header, quote(header)),
            ),
            (g.tail(QZ.mapped, boolean(mapped)),),
        )
        self.cell_tails[(position, header, mapped)] = made
        return made

    def find_item(self, cc: CellCitation) -> tuple[str, PowerItem]:
        """The item of the batch last written a cell citation belongs to; a repeated row is told
        apart by the cited text."""
        candidates = self.by_row.get(cc.row or "", [])
        if not candidates:
            raise BuildError(
                f"{cc.source}: citation {cc.citation.text!r} in field {cc.field!r} names row "
                f"{cc.row!r}, which the list does not have"
            )
        c = cc.citation
        for index in candidates:
            text = self.batch[index].get(cc.field) if cc.field != "text" else None
            if text is not None and text[c.start : c.end] == c.text:
                return self.item_iris[index], self.batch[index]
        index = candidates[0]
        return self.item_iris[index], self.batch[index]
