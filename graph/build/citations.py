"""Writes the citations of one list into its graph, and the laws, provisions and versions they cite
into the shared graph.

A citation carries its resolution (``Citation.law_id``, set by the extractor), so nothing here
looks a title up: a law in the registry is named by its registry id, and its rank, issuer,
document numbers and version dates come from the registry entry fetched by that id; a law outside
the registry is named by its title.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

from extractors.citing.lawdb import LawEntry, load_registry
from extractors.models import CellCitation, Citation
from extractors.report import Extraction, count_citations
from graph.build import concepts
from graph.build.lists import ListWriter
from graph.build.quads import (
    ELI,
    OA,
    QZ,
    QZSUB,
    RDF,
    RDFS,
    XSD,
    GraphLines,
    boolean,
    integer,
    quote,
)
from graph.iri import Locator, Step, division_steps, law_key, provision_steps

_DIVISION = {
    "part": "编",
    "subpart": "分编",
    "chapter": "章",
    "section": "节",
    "paragraph": "款",
}
_SHORTCUT: dict[str, str] = {
    "basis": QZ.legalBasis,
    "accountability_basis": QZ.accountabilityBasis,
}


#: A provision's node, what it left unmapped and its shared-graph lines (``CitationWriter``).
Made = tuple[str, list[tuple[str, str]], tuple[bytes, ...]]


class ProvisionsMade:
    """The provisions whose shared-graph lines this process has made, by the registry and IRI
    base they were made with and (title, registry id, locator): every list citing an article
    wrote the same lines for it (law, issuer, chapters, article), some 3% of a build's CPU.
    Forgotten all at once past ``limit`` (some 1.2 KB each), or when the registry or base
    differs from the one they were made with."""

    def __init__(self, limit: int = 1_000) -> None:
        self.limit = limit
        self.registry: object = None
        self.made: dict[tuple[str, tuple[str, str | None, Locator]], Made] = {}

    def get(self, registry: object, base: str, key: tuple[str, str | None, Locator]) -> Made | None:
        if registry is not self.registry:
            return None
        return self.made.get((base, key))

    def put(
        self, registry: object, base: str, key: tuple[str, str | None, Locator], made: Made
    ) -> None:
        if registry is not self.registry or len(self.made) >= self.limit:
            self.registry, self.made = registry, {}
        self.made[(base, key)] = made


MADE = ProvisionsMade()


class CitationWriter:
    """Writes the citations of the list a ``ListWriter`` wrote, and counts them: by kind (for the
    report) and by cited law and article (for the tallies, ``graph.build.tally``)."""

    def __init__(self, written: ListWriter) -> None:
        self.written = written  # the list: its items, authorities and graphs
        self.g, self.shared, self.iris = written.g, written.shared, written.iris
        self.clauses = written.clauses
        self.unmapped = written.unmapped  # one list: what the list and its citations left unmapped
        self.registry = load_registry()
        self.kinds: Counter[str] = Counter()
        self.provisions: dict[
            tuple[str, str | None, Locator], tuple[str, list[tuple[str, str]]]
        ] = {}
        self.versions: dict[tuple[str, str], str] = {}
        self.citing: defaultdict[str, set[str]] = defaultdict(set)  # law/article → batch's items
        self.items_citing: Counter[str] = Counter()  # law/article → items of earlier batches
        self.citation_counts: Counter[str] = Counter()  # law/article → citations

    def write(self, cell_citations: Iterable[CellCitation]) -> Iterator[None]:
        """Write every cell citation, numbered within its item and field, pausing after each."""
        counters: Counter[tuple[str, str]] = Counter()
        for cc in count_citations(cell_citations, self.kinds):
            item_iri, _ = self.written.find_item(cc)
            counters[(item_iri, cc.field)] += 1
            node = f"{item_iri}/citation/{cc.field}/{counters[(item_iri, cc.field)]}"
            self.write_citation(node, item_iri, cc.field, cc.citation)
            yield

    def extraction(self) -> Extraction:
        """The citations written, counted by kind."""
        return Extraction.of(self.kinds)

    def write_citation(self, node: str, item_iri: str, field_key: str, c: Citation) -> None:
        """One citation node: where it was found, what it cites, and its shortcuts."""
        g = self.g
        g.link(node, RDF.type, QZ.Citation)
        g.link(node, QZ.citedBy, item_iri)
        g.link(node, OA.hasSource, item_iri)
        g.link(node, QZ.field, concepts.item_field(field_key))
        g.link(node, QZ.kind, concepts.citation_kind(c.kind))
        quote_node, position = f"{node}/quote", f"{node}/position"
        g.link(node, OA.hasSelector, quote_node)
        g.link(quote_node, RDF.type, OA.TextQuoteSelector)
        g.add(quote_node, OA.exact, quote(c.text))
        g.link(node, OA.hasSelector, position)
        g.link(position, RDF.type, OA.TextPositionSelector)
        # xsd:integer, not the spec's xsd:nonNegativeInteger: Oxigraph stores the latter as the
        # former, and the store is the truth (the shapes check the value is >= 0)
        g.add(position, OA.start, integer(c.start))
        g.add(position, OA.end, integer(c.end))
        g.text(node, QZ.versionNote, c.version)
        g.text(node, QZ.docNumber, c.doc_number)
        g.text(node, QZ.via, c.via)
        for warning in c.warnings:
            g.text(node, QZ.warning, warning)
        g.text(node, QZ.rankTag, c.rank)
        field = str(concepts.item_field(field_key))
        if c.law is None:
            self.written.derived.citation(node, item_iri, field, None, resolved=False)
            self.written.rows.citation(item_iri, field_key, resolved=False, article=False)
            return
        target = self.provision(c)
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
        else:
            article = None
        self.clauses.rest_on(item_iri, field_key, c.start, c.end, target)
        shortcut = _SHORTCUT.get(field_key)
        if shortcut is not None:  # the item's other citations may name the target again
            g.item_once(item_iri, shortcut, target)
        version = (law, self.version(c, c.version), c.version) if c.version else None
        if version is not None:
            g.link(node, QZ.citedVersion, version[1])
        self.written.derived.citation(
            node, item_iri, field, article, True, version, law, c.rank or None, target
        )
        self.written.rows.citation(item_iri, field_key, resolved=True, article=article is not None)

    def count(self, target: str, item_iri: str) -> None:
        """Count one citation of a law or article (for the tallies, ``graph.build.tally``)."""
        self.citing[target].add(item_iri)
        self.citation_counts[target] += 1

    def next_batch(self) -> None:
        """The citations of a batch of items are written: count its items citing each law and
        article (an item's citations all come in its batch), and let them go."""
        self.items_citing.update({t: len(items) for t, items in self.citing.items()})
        self.citing.clear()
        self.written.derived.next_batch()
        self.written.rows.next_batch()

    def counts(self) -> dict[str, tuple[int, int]]:
        """What the list cites: law or article → (items, citations)."""
        self.next_batch()
        return {t: (n, self.citation_counts[t]) for t, n in self.items_citing.items()}

    def entry(self, c: Citation) -> LawEntry | None:
        """The registry entry of the cited law, by the id the citation carries."""
        return self.registry.by_id(c.law_id) if c.law_id is not None else None

    def law(self, c: Citation) -> str:
        """The work: title, rank and issuer (from the registry), whether the registry knows it."""
        assert c.law is not None
        g, law = self.shared, self.iris.law(law_key(c))
        entry = self.entry(c)
        g.link(law, RDF.type, ELI.LegalResource)
        g.text(law, ELI.title, c.law, "zh")
        g.add(law, QZ.inRegistry, boolean(entry is not None))
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
        if entry is not None and entry.issuer:  # the issuer's lines here: made with the law's
            g.link(law, ELI.passed_by, self.written.authority(entry.issuer, scoped=False, g=g))
        for number in entry.doc_numbers if entry is not None else ():
            g.text(law, ELI.id_local, number)
        return law

    def provision(self, c: Citation) -> str:
        """The law and the provision hierarchy down to the cited work-level provision (written
        once per list; what was unmapped is counted again for every citation). Its shared-graph
        lines are made once per process (``MADE``) and given again to each list that cites it:
        a list's shared lines are the same, made by any list before it or not."""
        assert c.law is not None
        loc = Locator.of(c)
        key = (c.law, c.law_id, loc)
        known = self.provisions.get(key)
        if known is not None:
            self.unmapped += known[1]
            return known[0]
        made = MADE.get(self.registry, self.iris.base, key)
        if made is None:
            shared, self.shared = self.shared, GraphLines(self.shared.name)  # its lines alone
            before = len(self.unmapped)
            try:
                node = self._provision(c, loc)
            finally:
                recorded, self.shared = self.shared, shared
            made = (node, self.unmapped[before:], tuple(recorded.lines))
            MADE.put(self.registry, self.iris.base, key, made)
        else:
            self.unmapped += made[1]
        self.shared.lines.update(dict.fromkeys(made[2]))
        self.provisions[key] = made[:2]
        return made[0]

    def _provision(self, c: Citation, loc: Locator) -> str:
        assert c.law is not None
        node = parent = self.law(c)
        law_id = law_key(c)
        for step, division in zip(
            division_steps(loc), self.iris.divisions(law_id, loc), strict=True
        ):
            parent = self.subdivision(
                parent, division, step.kind, step.number, step_label(step, True)
            )
        label = ""
        for step in provision_steps(loc):
            node = f"{node}/{step.token}"
            label += step_label(step, c.article is not None)
            parent = self.subdivision(parent, node, step.kind, step.number, label)
        return node

    def subdivision(self, parent: str, node: str, kind: str, number: str, label: str) -> str:
        """One level of a law's hierarchy (chapter, article, paragraph …) under ``parent``."""
        return write_subdivision(self.shared, parent, node, kind, number, label)

    def version(self, c: Citation, note: str) -> str:
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
            self.shared.add(version, ELI.version_date, f"{quote(date)}^^<{XSD}date>")
        self.versions[(law_id, note)] = version
        return version


def write_subdivision(
    g: GraphLines, parent: str, node: str, kind: str, number: str, label: str
) -> str:
    """One level of a law's hierarchy (chapter, article, paragraph …) under ``parent``, as the
    shared graph holds it: what citations and imported law texts (``graph.laws``) both write,
    with the same lines, so the store holds each once."""
    g.link(node, RDF.type, ELI.LegalResourceSubdivision)
    g.link(node, ELI.type_subdivision, QZSUB[kind])
    g.link(node, ELI.is_part_of, parent)
    g.link(parent, ELI.has_part, node)
    g.text(node, ELI.number, number)
    g.text(node, RDFS.label, label, "zh")
    return node


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


def step_label(step: Step, in_article: bool) -> str:
    """The Chinese label of one level: 第87条, 第2款, 第4项; （18） for a point of a policy text."""
    if step.kind == "article":
        article, _, suffix = step.number.partition("之")
        return f"第{article}条" + (f"之{suffix}" if suffix else "")
    if step.kind in _DIVISION:
        return f"第{step.number}{_DIVISION[step.kind]}"
    return f"第{step.number}项" if in_article else f"（{step.number}）"
