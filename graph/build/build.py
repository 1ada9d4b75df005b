"""Turns power lists and their citations into triples: the only place quanze makes RDF.

Each list goes into its own named graph, which a rebuild replaces whole, so building the same input
twice gives the same (isomorphic) store. Laws, provisions and authorities a list mentions are
written into that list's graph too: every list graph stands on its own, and queries read the union.

For speed the builder writes N-Quads lines as UTF-8 bytes (no per-triple Python objects), which
``graph.store.load`` hands to Oxigraph's parser as they are made: in one transaction when small,
else in one bulk load.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import PurePath
from typing import Any

import pyoxigraph as ox
from rdflib import DCTERMS as _DCTERMS
from rdflib import ORG as _ORG
from rdflib import RDF as _RDF
from rdflib import RDFS as _RDFS
from rdflib import SKOS as _SKOS

from extractors.citing.lawdb import LawEntry, load_registry
from extractors.models import CellCitation, Citation, PowerItem, PowerList
from graph.build import concepts, tally
from graph.build.clauses import ClauseWriter
from graph.errors import BuildError
from graph.iri import (
    DEFAULT_BASE,
    Iris,
    Locator,
    Step,
    division_steps,
    is_relative_authority,
    law_key,
    place_of,
    provision_steps,
    qualified_authority,
)
from graph.store import load
from ontology import ONTOLOGY_PATH
from ontology.namespace import ELI as _ELI
from ontology.namespace import OA as _OA
from ontology.namespace import QZ as _QZ
from ontology.namespace import QZSUB as _QZSUB

_ORG_SEPARATORS = re.compile(r"[/／、;；,，]+")

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_XSD = "http://www.w3.org/2001/XMLSchema#"


class _Terms:
    """A closed namespace whose terms are read once as plain ``str`` (attribute lookups on an
    rdflib DefinedNamespace cost microseconds, and the build reads millions); typos still raise."""

    def __init__(self, namespace: Any) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:
        value = str(getattr(self._namespace, name))
        setattr(self, name, value)
        return value

    def __getitem__(self, name: str) -> str:
        return getattr(self, name)  # the cached attribute once read, not rdflib again


QZ, ELI, OA, QZSUB = _Terms(_QZ), _Terms(_ELI), _Terms(_OA), _Terms(_QZSUB)
RDF, RDFS, SKOS, ORG, DCTERMS = (
    _Terms(_RDF),
    _Terms(_RDFS),
    _Terms(_SKOS),
    _Terms(_ORG),
    _Terms(_DCTERMS),
)


_FIELD_TEXT: dict[str, str] = {
    "basis": QZ.basisText,
    "responsibility": QZ.responsibilityText,
    "accountability": QZ.accountabilityText,
    "accountability_basis": QZ.accountabilityBasisText,
    "time_limit": QZ.timeLimit,
    "remarks": QZ.remarks,
}
_DIVISION = {"part": "编", "chapter": "章", "section": "节", "paragraph": "款"}
_SHORTCUT: dict[str, str] = {
    "basis": QZ.legalBasis,
    "accountability_basis": QZ.accountabilityBasis,
}


@dataclass(frozen=True, slots=True)
class ListReport:
    """What the build made of one list."""

    list_id: str
    source: str
    graph: str
    items: int
    citations: int
    unresolved: int
    rejects: int
    anomalies: int
    triples: int
    unmapped: tuple[
        tuple[str, str], ...
    ] = ()  # (what, value as written), e.g. ("power type", "备案")

    def to_json(self) -> dict[str, Any]:
        """The counts as a JSON-ready dict."""
        return {
            "list": self.list_id,
            "source": self.source,
            "graph": self.graph,
            "items": self.items,
            "citations": self.citations,
            "unresolved": self.unresolved,
            "rejects": self.rejects,
            "anomalies": self.anomalies,
            "triples": self.triples,
            "unmapped": [{"what": w, "value": v} for w, v in self.unmapped],
        }


@dataclass(frozen=True, slots=True)
class BuildReport:
    """Totals and per-list counts of one build; ``triples`` counts the list graphs only.

    What the whole store holds is not counted: Oxigraph counts by reading an entire index, which
    grows with the store, not with the build (``len(store)`` when it is wanted).
    """

    lists: tuple[ListReport, ...]
    ontology_triples: int = 0

    @property
    def items(self) -> int:
        """Power items built."""
        return sum(r.items for r in self.lists)

    @property
    def citations(self) -> int:
        """Citations built, unresolved ones included."""
        return sum(r.citations for r in self.lists)

    @property
    def unresolved(self) -> int:
        """Citations with no law in reach."""
        return sum(r.unresolved for r in self.lists)

    @property
    def rejects(self) -> int:
        """Stretches of input kept as rejects."""
        return sum(r.rejects for r in self.lists)

    @property
    def triples(self) -> int:
        """Triples written into the list graphs."""
        return sum(r.triples for r in self.lists)

    def summary(self) -> str:
        """A few human-readable lines (what ``quanze build`` prints on stderr)."""
        lines = [
            f"{len(self.lists)} list(s): {self.items} items, {self.citations} citations "
            f"({self.unresolved} unresolved), {self.rejects} rejects, {self.triples} triples"
        ]
        for r in self.lists:
            lines.append(
                f"  {r.source}: {r.items} items, {r.citations} citations ({r.unresolved} "
                f"unresolved), {r.rejects} rejects, {r.anomalies} anomalies, {r.triples} triples"
            )
            counts = Counter(r.unmapped)
            for (what, value), n in sorted(counts.items()):
                lines.append(f"    unmapped {what} {value!r} ×{n}")
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        """The report as a JSON-ready dict."""
        return {
            "items": self.items,
            "citations": self.citations,
            "unresolved": self.unresolved,
            "rejects": self.rejects,
            "triples": self.triples,
            "ontology_triples": self.ontology_triples,
            "lists": [r.to_json() for r in self.lists],
        }


def list_id_of(source: str) -> str:
    """The id a list is named by: its source file name without directory or extension.

    >>> list_id_of("samples/001_6c98652daac37f2e.txt")
    '001_6c98652daac37f2e'
    """
    return PurePath(source.replace("\\", "/")).stem or source


def in_store_order(sources: Sequence[str], *, base: str = DEFAULT_BASE) -> list[int]:
    """Positions in ``sources`` (list files, as ``PowerList.source``), in the order the store keys
    the lists' graphs: a large build given its lists in this order leaves a third of the store's
    indexes out of the merge that ends it (``graph.store.load``)."""
    iris = Iris(base)
    return load.store_order([iris.list_graph(list_id_of(source)) for source in sources])


def item_keys(items: Sequence[PowerItem]) -> list[str]:
    """A key per item, unique within its list: the row as written; a repeated row gets ``.2``,
    ``.3`` …; an item without a row is keyed by its source line (``line-12``).

    >>> item_keys([PowerItem("a", "1", 3), PowerItem("a", "1", 4), PowerItem("a", None, 9)])
    ['1', '1.2', 'line-9']
    """
    seen: Counter[str] = Counter()
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


def date_literal(text: str) -> ox.Literal:
    """A typed literal for a list date: xsd:date, xsd:gYearMonth, xsd:gYear, else a plain string.

    >>> date_literal("2025年4月2日").value, date_literal("2023").datatype.value[-5:]
    ('2025-04-02', 'gYear')
    """
    text = text.strip()
    m = re.fullmatch(r"(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})\s*日?", text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return ox.Literal(f"{y:04d}-{mo:02d}-{d:02d}", datatype=_xsd("date"))
    m = re.fullmatch(r"(\d{4})\s*[-年./]\s*(\d{1,2})\s*月?", text)
    if m and 1 <= int(m.group(2)) <= 12:
        return ox.Literal(f"{m.group(1)}-{int(m.group(2)):02d}", datatype=_xsd("gYearMonth"))
    m = re.fullmatch(r"(\d{4})\s*年?", text)
    if m:
        return ox.Literal(m.group(1), datatype=_xsd("gYear"))
    return ox.Literal(text)


def _xsd(name: str) -> ox.NamedNode:
    # plain strings: rdflib's XSD namespace warns when pytest's doctest finder inspects it
    return ox.NamedNode(f"{_XSD}{name}")


def _quote(value: str) -> str:
    """``value`` as an N-Triples string literal (only ``\\ " LF CR`` need escaping)."""
    if "\\" in value or '"' in value or "\n" in value or "\r" in value:
        value = value.translate(_ESCAPES)
    return f'"{value}"'


def _int(value: int) -> str:
    return f'"{value}"^^<{_XSD}integer>'


def _bool(value: bool) -> str:
    return f'"{"true" if value else "false"}"^^<{_XSD}boolean>'


class _Graph:
    """The quads of one named graph as UTF-8 N-Quads lines, de-duplicated, with helpers for the
    common shapes; subjects, predicates and IRIs are plain ``str`` IRIs, objects N-Triples terms.

    Lines are bytes, made from parts encoded once where they repeat: the graph name ends every
    line, a node's facts are written one after another (so its subject is encoded once), and
    predicates come from a small vocabulary. A store reads UTF-8, so nothing is encoded twice and
    a list's lines join into a document without a copy into a wider string. The subject check is
    written out in each method: a shared helper costs a call per line, millions of times.

    >>> g = _Graph("urn:g")
    >>> g.link("urn:s", "urn:p", "urn:o"); g.text("urn:s", "urn:q", '说"是"', "zh")
    >>> g.text("urn:s", "urn:q", ""); g.link("urn:s", "urn:p", "urn:o")  # nothing new
    >>> print(b"".join(g.lines).decode(), end="")
    <urn:s> <urn:p> <urn:o> <urn:g> .
    <urn:s> <urn:q> "说\\"是\\""@zh <urn:g> .
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.lines: dict[bytes, None] = {}
        self._suffix = f" <{name}> .\n".encode()
        self._subject = ""
        self._head = b""  # b"<subject> " of the subject last written

    def add(self, s: str, p: str, o: str) -> None:
        if s != self._subject:
            self._subject, self._head = s, f"<{s}> ".encode()
        self.lines[b"".join((self._head, _PREDICATES[p], o.encode(), self._suffix))] = None

    def link(self, s: str, p: str, o: str) -> None:
        if s != self._subject:
            self._subject, self._head = s, f"<{s}> ".encode()
        self.lines[b"".join((self._head, _PREDICATES[p], f"<{o}>".encode(), self._suffix))] = None

    def text(self, s: str, p: str, value: str | None, lang: str | None = None) -> None:
        if value is not None and value != "":
            if s != self._subject:
                self._subject, self._head = s, f"<{s}> ".encode()
            literal = (f"{_quote(value)}@{lang}" if lang else _quote(value)).encode()
            self.lines[b"".join((self._head, _PREDICATES[p], literal, self._suffix))] = None


class _Predicates(dict[str, bytes]):
    """Predicate IRI → ``b"<iri> "``, encoded the first time it is asked for."""

    def __missing__(self, p: str) -> bytes:
        self[p] = f"<{p}> ".encode()
        return self[p]


#: Predicates as written in a line (``b"<iri> "``): the build uses a few dozen, millions of times.
_PREDICATES = _Predicates()


class _ListBuilder:
    """Builds the graph of one list; one instance per list."""

    def __init__(self, power_list: PowerList, iris: Iris) -> None:
        self.list = power_list
        self.iris = iris
        self.list_id = list_id_of(power_list.source)
        self.list_iri = iris.power_list(self.list_id)
        self.g = _Graph(iris.list_graph(self.list_id))
        self.shared = _Graph(iris.shared_graph())
        meta = power_list.meta
        self.region = (meta.region or "").strip() or (
            place_of(meta.department) if meta.department else None
        )
        self.unmapped: list[tuple[str, str]] = []
        self.anomalies = 0
        self.citations = 0
        self.unresolved = 0
        self.item_iris: list[str] = []
        self.by_row: dict[str, list[int]] = defaultdict(list)
        self.authorities: dict[tuple[str, bool], str] = {}
        self.provisions: dict[
            tuple[str, str | None, Locator], tuple[str, list[tuple[str, str]]]
        ] = {}
        self.versions: dict[tuple[str, str], str] = {}
        self.clauses = ClauseWriter(self.g, iris.base)
        self.registry = load_registry()
        self.citing: defaultdict[str, set[str]] = defaultdict(set)  # law/article → items
        self.citation_counts: Counter[str] = Counter()  # law/article → citations

    # lists, items, cells ----------------------------------------------------------------------

    def build_list(self) -> None:
        g, lst, it = self.g, self.list, self.list_iri
        g.link(it, RDF.type, QZ.PowerList)
        g.text(it, QZ.sourceFile, lst.source)
        g.text(it, QZ.format, lst.format)
        g.text(it, QZ.encoding, lst.encoding)
        g.add(it, QZ.rowsSeen, _int(lst.rows_seen))
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
            g.add(node, QZ.sourceLine, _int(reject.line))
            g.text(node, QZ.text, reject.text)
            g.text(node, QZ.reason, reject.reason)
        for key, item in zip(item_keys(lst.items), lst.items, strict=True):
            self.by_row[item.row or ""].append(len(self.item_iris))
            self.item_iris.append(self.iris.item(self.list_id, key))
            self.build_item(self.item_iris[-1], item)

    def authority(self, name: str, *, scoped: bool = True) -> str:
        """The node of an authority the list names; a relative name (县医保局) is scoped by the
        list's region (or the list), with the full name as skos:altLabel when the text tells it.
        Issuers of laws (``scoped=False``) are always global."""
        key = (name, scoped)
        node = self.authorities.get(key)
        if node is not None:
            return node
        relative = scoped and is_relative_authority(name)
        if relative and self.region:
            node = self.iris.org(name, region=self.region)
        elif relative:
            node = self.iris.org(name, list_id=self.list_id)
        else:
            node = self.iris.org(name)
        self.authorities[key] = node
        self.shared.link(node, RDF.type, ORG.Organization)
        self.shared.text(node, SKOS.prefLabel, name, "zh")
        full = qualified_authority(name, self.region) if relative and self.region else None
        if full is not None and full != name:
            self.shared.text(node, SKOS.altLabel, full, "zh")
        return node

    def build_item(self, node: str, item: PowerItem) -> None:
        g = self.g
        g.link(node, RDF.type, QZ.PowerItem)
        g.link(node, QZ.inList, self.list_iri)
        g.text(node, QZ.row, item.row)
        g.add(node, QZ.sourceLine, _int(item.line))
        g.text(node, DCTERMS.identifier, item.code)
        g.text(node, DCTERMS.title, item.name)
        g.text(node, QZ.parentName, item.parent)
        if item.type:
            g.text(node, QZ.powerTypeText, item.type)
            concept = concepts.power_type(item.type)
            if concept is None:
                self.unmapped.append(("power type", item.type))
            else:
                g.link(node, QZ.powerType, concept)
        if item.level:
            g.text(node, QZ.levelText, item.level)
            levels, unknown = concepts.exercise_levels(item.level)
            for concept in levels:
                g.link(node, QZ.exerciseLevel, concept)
            self.unmapped += [("exercise level", part) for part in unknown]
        for text, text_prop, org_prop in (
            (item.department, QZ.departmentText, QZ.exercisedBy),
            (item.guiding_department, QZ.guidingDepartmentText, QZ.guidedBy),
        ):
            if text:
                g.text(node, text_prop, text)
                for name in authority_names(text):
                    g.link(node, org_prop, self.authority(name))
        for key, prop in _FIELD_TEXT.items():
            g.text(node, prop, item.get(key))
        self.clauses.build(node, item.responsibility, "responsibility")
        self.clauses.build(node, item.accountability, "accountability")
        extra = set(item.extra)
        for position, (header, value) in enumerate(item.raw, start=1):
            if value == "":
                continue
            cell = f"{node}/cell/{position}"
            g.link(node, QZ.hasCell, cell)
            g.link(cell, RDF.type, QZ.Cell)
            g.add(cell, QZ.position, _int(position))
            g.add(cell, QZ.header, _quote(header))
            g.add(cell, RDF.value, _quote(value))
            g.add(cell, QZ.mapped, _bool((header, value) not in extra))
        for n, anomaly in enumerate(item.anomalies, start=1):
            self.anomalies += 1
            a = f"{node}/anomaly/{n}"
            g.link(node, QZ.hasAnomaly, a)
            g.link(a, RDF.type, QZ.Anomaly)
            g.text(a, QZ.code, anomaly.code)
            g.text(a, RDFS.comment, anomaly.message)
            g.text(a, QZ.column, anomaly.column)
            g.text(a, QZ.text, anomaly.text)

    # citations, laws, provisions ---------------------------------------------------------------

    def find_item(self, cc: CellCitation) -> tuple[str, PowerItem]:
        """The item a cell citation belongs to; a repeated row is told apart by the cited text."""
        candidates = self.by_row.get(cc.row or "", [])
        if not candidates:
            raise BuildError(
                f"{cc.source}: citation {cc.citation.text!r} in field {cc.field!r} names row "
                f"{cc.row!r}, which the list does not have"
            )
        c = cc.citation
        for index in candidates:
            text = self.list.items[index].get(cc.field) if cc.field != "text" else None
            if text is not None and text[c.start : c.end] == c.text:
                return self.item_iris[index], self.list.items[index]
        index = candidates[0]
        return self.item_iris[index], self.list.items[index]

    def build_citations(self, cell_citations: Iterable[CellCitation]) -> None:
        counters: Counter[tuple[str, str]] = Counter()
        for cc in cell_citations:
            item_iri, _ = self.find_item(cc)
            counters[(item_iri, cc.field)] += 1
            node = f"{item_iri}/citation/{cc.field}/{counters[(item_iri, cc.field)]}"
            self.build_citation(node, item_iri, cc.field, cc.citation)

    def build_citation(self, node: str, item_iri: str, field_key: str, c: Citation) -> None:
        g = self.g
        self.citations += 1
        g.link(node, RDF.type, QZ.Citation)
        g.link(node, QZ.citedBy, item_iri)
        g.link(node, OA.hasSource, item_iri)
        g.link(node, QZ.field, concepts.item_field(field_key))
        g.link(node, QZ.kind, concepts.citation_kind(c.kind))
        quote, position = f"{node}/quote", f"{node}/position"
        g.link(node, OA.hasSelector, quote)
        g.link(quote, RDF.type, OA.TextQuoteSelector)
        g.add(quote, OA.exact, _quote(c.text))
        g.link(node, OA.hasSelector, position)
        g.link(position, RDF.type, OA.TextPositionSelector)
        # xsd:integer, not the spec's xsd:nonNegativeInteger: Oxigraph stores the latter as the
        # former, and the store is the truth (the shapes check the value is >= 0)
        g.add(position, OA.start, _int(c.start))
        g.add(position, OA.end, _int(c.end))
        g.text(node, QZ.versionNote, c.version)
        g.text(node, QZ.docNumber, c.doc_number)
        g.text(node, QZ.via, c.via)
        for warning in c.warnings:
            g.text(node, QZ.warning, warning)
        g.text(node, QZ.rankTag, c.rank)
        if c.law is None:
            self.unresolved += 1
            return
        target = self.build_provision(c)
        g.link(node, QZ.cites, target)
        # Shortcuts to the article and the law the cited provision belongs to, so that "who cites
        # article 87" and "most-cited articles" are one hop instead of an eli:is_part_of* path.
        law_id = law_key(c)
        law = self.iris.law(law_id)
        g.link(node, QZ.citesLaw, law)
        self.count(law, item_iri)
        if c.article is not None:
            article = self.iris.provision(
                law_id, Locator(article=c.article, article_suffix=c.article_suffix)
            )
            g.link(node, QZ.citesArticle, article)
            self.count(article, item_iri)
        self.clauses.rest_on(item_iri, field_key, c.start, c.end, target)
        shortcut = _SHORTCUT.get(field_key)
        if shortcut is not None:
            g.link(item_iri, shortcut, target)
        if c.version:
            g.link(node, QZ.citedVersion, self.build_version(c, c.version))

    def count(self, target: str, item_iri: str) -> None:
        """Count one citation of a law or article (for the tallies, ``graph.build.tally``)."""
        self.citing[target].add(item_iri)
        self.citation_counts[target] += 1

    def counts(self) -> dict[str, tuple[int, int]]:
        """What the list cites: law or article → (items, citations)."""
        return {t: (len(items), self.citation_counts[t]) for t, items in self.citing.items()}

    def entry(self, c: Citation) -> LawEntry | None:
        """The registry entry of the cited law, by the id the citation carries."""
        return self.registry.by_id(c.law_id) if c.law_id is not None else None

    def build_law(self, c: Citation) -> str:
        """The work: title, rank and issuer (from the registry), whether the registry knows it."""
        assert c.law is not None
        g, law = self.shared, self.iris.law(law_key(c))
        entry = self.entry(c)
        g.link(law, RDF.type, ELI.LegalResource)
        g.text(law, ELI.title, c.law, "zh")
        g.add(law, QZ.inRegistry, _bool(entry is not None))
        # The law's rank comes from the registry alone: it sits in the shared graph, where two
        # lists tagging one law differently (【行政法规】, 【党纪政纪条例】) would give it two
        # ranks. A list's own tag stays on its citation (qz:rankTag).
        if entry is not None and entry.rank:
            rank = concepts.legal_rank(entry.rank)
            if rank is None:
                self.unmapped.append(("legal rank", entry.rank))
                g.text(law, QZ.rankText, entry.rank)
            else:
                g.link(law, ELI.type_document, rank)
        if entry is not None and entry.issuer:
            g.link(law, ELI.passed_by, self.authority(entry.issuer, scoped=False))
        for number in entry.doc_numbers if entry is not None else ():
            g.text(law, ELI.id_local, number)
        return law

    def build_provision(self, c: Citation) -> str:
        """The law and the provision hierarchy down to the cited work-level provision (written
        once per list; what was unmapped is counted again for every citation)."""
        assert c.law is not None
        loc = Locator.of(c)
        key = (c.law, c.law_id, loc)
        known = self.provisions.get(key)
        if known is not None:
            self.unmapped += known[1]
            return known[0]
        before = len(self.unmapped)
        node = self._provision(c, loc)
        self.provisions[key] = (node, self.unmapped[before:])
        return node

    def _provision(self, c: Citation, loc: Locator) -> str:
        assert c.law is not None
        node = parent = self.build_law(c)
        law_id = law_key(c)
        for step, division in zip(
            division_steps(loc), self.iris.divisions(law_id, loc), strict=True
        ):
            parent = self.subdivision(parent, division, step.kind, step.number, _label(step, True))
        label = ""
        for step in provision_steps(loc):
            node = f"{node}/{step.token}"
            label += _label(step, c.article is not None)
            parent = self.subdivision(parent, node, step.kind, step.number, label)
        return node

    def subdivision(self, parent: str, node: str, kind: str, number: str, label: str) -> str:
        g = self.shared
        g.link(node, RDF.type, ELI.LegalResourceSubdivision)
        g.link(node, ELI.type_subdivision, QZSUB[kind])
        g.link(node, ELI.is_part_of, parent)
        g.link(parent, ELI.has_part, node)
        g.text(node, ELI.number, number)
        g.text(node, RDFS.label, label, "zh")
        return node

    def build_version(self, c: Citation, note: str) -> str:
        """The version a note names: dated when the registry knows the date, else by the note."""
        law_id = law_key(c)
        known = self.versions.get((law_id, note))
        if known is not None:
            return known
        entry = self.entry(c)
        date = version_date(entry, note) if entry is not None else None
        law, version = self.iris.law(law_id), self.iris.version(law_id, date or note)
        self.shared.link(version, RDF.type, ELI.LegalExpression)
        self.shared.link(law, ELI.is_realized_by, version)
        self.shared.link(version, ELI.realizes, law)
        self.shared.text(version, QZ.versionNote, note)
        if date:
            self.shared.add(version, ELI.version_date, f"{_quote(date)}^^<{_XSD}date>")
        self.versions[(law_id, note)] = version
        return version

    def report(self) -> ListReport:
        return ListReport(
            list_id=self.list_id,
            source=self.list.source,
            graph=self.g.name,
            items=len(self.list.items),
            citations=self.citations,
            unresolved=self.unresolved,
            rejects=len(self.list.rejects),
            anomalies=self.anomalies,
            triples=len(self.g.lines) + len(self.shared.lines),
            unmapped=tuple(self.unmapped),
        )


def version_date(entry: LawEntry, note: str) -> str | None:
    """The date (YYYY-MM-DD) of the version a note names, when the entry has exactly one.

    >>> version_date(load_registry().by_id("shehui-baoxian-fa"), "2018修正")
    '2018-12-29'
    """
    year = re.match(r"\s*(\d{4})", note)
    if year is None:
        return None
    event = re.sub(r"[\d\s年]", "", note)
    dates = [v.date for v in entry.versions if v.date.startswith(year.group(1)) and v.note in event]
    return dates[0] if len(dates) == 1 else None


def _label(step: Step, in_article: bool) -> str:
    """The Chinese label of one level: 第87条, 第2款, 第4项; （18） for a point of a policy text."""
    if step.kind == "article":
        article, _, suffix = step.number.partition("之")
        return f"第{article}条" + (f"之{suffix}" if suffix else "")
    if step.kind in _DIVISION:
        return f"第{step.number}{_DIVISION[step.kind]}"
    return f"第{step.number}项" if in_article else f"（{step.number}）"


def _build_list(
    power_list: PowerList, citations: Iterable[CellCitation], iris: Iris
) -> _ListBuilder:
    builder = _ListBuilder(power_list, iris)
    builder.build_list()
    builder.build_citations(citations)
    return builder


def list_quads(
    power_list: PowerList, citations: Iterable[CellCitation], *, base: str = DEFAULT_BASE
) -> tuple[list[ox.Quad], ListReport]:
    """The quads one list contributes (its own graph and its part of the shared graph) and its
    report, without touching a store."""
    built = _build_list(power_list, citations, Iris(base))
    data = b"".join(chain(built.g.lines, built.shared.lines))
    return list(ox.parse(data, format=ox.RdfFormat.N_QUADS)), built.report()


def _citations_for(power_list: PowerList) -> Iterator[CellCitation]:
    from extractors.citing.cite import cite_items  # the extractor is only needed when not given

    return iter(cite_items(power_list.items))


Cited = tuple[PowerList, Iterable[CellCitation] | None]


def build_graph(
    lists: Iterable[PowerList],
    store: ox.Store,
    *,
    citations: Iterable[CellCitation] | None = None,
    base: str = DEFAULT_BASE,
) -> BuildReport:
    """Write each list (with its citations) into its own named graph of ``store``, replacing what
    an earlier build of the same list wrote; also (re)load the ontology into its own graph.

    ``citations`` are the cell citations of all the lists, matched to a list by ``source``; when
    None they are extracted here with ``extractors.citing.cite.cite_items``. Two lists with the same
    id (file name without directory and extension) in one build are refused: they would share a
    graph.
    """
    if citations is None:
        return build_cited(((power_list, None) for power_list in lists), store, base=base)
    by_source: dict[str, list[CellCitation]] = defaultdict(list)
    for cc in citations:
        by_source[cc.source].append(cc)
    pairs = ((power_list, by_source.pop(power_list.source, [])) for power_list in lists)
    report = build_cited(pairs, store, base=base)
    if by_source:
        raise BuildError(
            "citations given for sources that are not among the lists: "
            + ", ".join(sorted(by_source))
        )
    return report


def build_cited(
    pairs: Iterable[Cited], store: ox.Store, *, base: str = DEFAULT_BASE
) -> BuildReport:
    """``build_graph`` for lists that come with their own cell citations (None: extract them),
    one pair at a time, so a build of any size holds one list in memory, not all of them.

    Keeps the citation tallies (``graph.build.tally``) up to date: each list's counts are added and
    those of the graph it replaces taken away.
    """
    iris = Iris(base)
    tallies = tally.take(store, iris)  # None: an older store, counted afresh at the end
    reports: list[ListReport] = []
    sent = load.Seen()  # shared-graph lines already handed to the store

    def documents() -> Iterator[load.Document]:
        for built in _built(pairs, iris):
            graph = ox.NamedNode(built.g.name)
            if store.contains_named_graph(graph):
                if tallies is not None:
                    tallies.add_list(tally.list_counts(store, built.g.name), sign=-1)
                store.remove_graph(graph)
            if tallies is not None:
                tallies.add_list(built.counts())
            reports.append(built.report())
            fresh = sent.fresh(built.shared.lines)
            own = built.g.lines
            yield load.Document(b"".join(own), len(own), b"".join(fresh), len(fresh))

    try:
        load.load(store, documents())
    except BaseException:
        # the lists made before the failure are in the store, but a failure (Ctrl-C) between a
        # list's counts and its load would leave the kept counts off: count afresh
        tallies = None
        raise
    finally:
        tally.put(store, tally.recount(store, iris) if tallies is None else tallies, iris)
    ontology_triples = load_ontology_graph(store, iris)
    return BuildReport(tuple(reports), ontology_triples)


def _built(pairs: Iterable[Cited], iris: Iris) -> Iterator[_ListBuilder]:
    """Each list built (its graph, its part of the shared graph, its report and counts)."""
    seen: dict[str, str] = {}
    for power_list, cited in pairs:
        if power_list.source in seen.values():
            raise BuildError(f"{power_list.source}: the same list was given twice in one build")
        list_id = list_id_of(power_list.source)
        if list_id in seen:
            raise BuildError(
                f"{power_list.source}: has the same list id {list_id!r} as {seen[list_id]}; "
                "rename one of the files"
            )
        seen[list_id] = power_list.source
        yield _build_list(
            power_list, cited if cited is not None else _citations_for(power_list), iris
        )


def load_ontology_graph(store: ox.Store, iris: Iris | None = None) -> int:
    """Replace the ontology graph of ``store`` with quanze.ttl; returns its triple count."""
    graph = ox.NamedNode((iris or Iris()).ontology_graph())
    store.remove_graph(graph)
    store.load(path=str(ONTOLOGY_PATH), format=ox.RdfFormat.TURTLE, to_graph=graph)
    return sum(1 for _ in store.quads_for_pattern(None, None, None, graph))
