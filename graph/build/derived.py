"""Keeps the derived facts: what the queries that rank or group the whole store rank or group by,
summed over the lists, in a named graph of their own (``Iris.derived_graph``).

``items-per-type``, ``accountability-only-articles``, ``articles-across-departments``,
``conflicting-versions`` and ``counts`` grouped every item or citation of the store: over 5 s
(or 0.6-1.8 s) at 100 k items before their first row. Each groups by keys that one list's rows
add to independently of the others (a power item and its citations belong to one list), so a
list's part can be counted from its own graph, and the store's is the sum of its lists' parts,
as with the citation tallies (``graph.build.tally``). The build keeps the sums the same way:
each built list's part is added and that of the graph it replaces taken away; a store with list
graphs but no derived graph, or whose list graphs are not as the build's record says, is counted
afresh over every list graph at its next build.

Each kind of fact (``Kind``) is a SPARQL pattern over one list graph (``{graph}``; labels and
other facts of the shared graph read from the union) grouped by its keys, counting what it
counts. A fact in the graph is one node per key (``…/graph/derived/{kind}/{digest of the key}``)
with its keys and counts as properties in the ``qzd:`` namespace below, which the rewritten
queries read. Facts over two levels (an article's departments and regions: sets, not sums) are
summed per (article, department, region) and turned into one row per article when written
(``summaries``).

The commit's update drops the graph, and it is then written whole in a transaction of its own
(``write``): a build stopped between the two leaves no derived graph, which the next build counts
afresh, never a wrong one; a query asked in that moment finds no facts. Labels (a department's
name) are read when the list is built.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import chain

import pyoxigraph as ox

from graph.build.form import FORM, QZD  # (graph.build.form says what they mean)
from graph.build.record import list_graphs
from graph.iri import Iris

#: The namespace of the derived facts' classes and properties (not part of the ontology: they
#: describe one store's counts, as the tallies do).
_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_PACKED = ox.NamedNode(QZD + "packed")


def _form(graph: ox.NamedNode) -> ox.Quad:
    """The quad saying the derived graph's form."""
    form = ox.Literal(str(FORM), datatype=_XSD_INTEGER)
    return ox.Quad(ox.NamedNode(QZD + "graph"), ox.NamedNode(QZD + "form"), form, graph)


_FIELD = "https://w3id.org/quanze/ontology/field#"
_PREFIXES = """
PREFIX qz: <https://w3id.org/quanze/ontology#>
PREFIX qzfield: <https://w3id.org/quanze/ontology/field#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""

Term = ox.NamedNode | ox.Literal
Key = tuple[Term | None, ...]


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind of derived fact: its class (``qzd:{name}``), what it is keyed by (``keys``, each
    a term or None: unbound in the query it stands for) and what it counts (``counts``)."""

    name: str
    keys: tuple[str, ...]
    counts: tuple[str, ...]
    #: Kept packed: one node per first key, the rest of each key and its counts in one JSON
    #: literal (``qzd:packed``), for the kinds no query reads (a node of properties a fact made
    #: 114,000 of the 156,000 quads at 10 k items). Says which of the other keys are IRIs (the
    #: rest are plain literals).
    packed: tuple[bool, ...] | None = None
    #: Kept packed by the digest of the first key (a plain literal), ``BUCKETS`` nodes at most,
    #: for kinds of many keys.
    bucketed: bool = False


#: items-per-type: power items per region, department and power type, as the query names them.
ITEMS_BY_TYPE = Kind("ItemsByType", ("region", "department", "type"), ("items",))
#: accountability-only-articles: per article, the items and citations citing it (or a part of
#: it) to hold officials to account (``items``, ``citations``), and the citations citing it
#: otherwise (``others``).
ARTICLE_USE = Kind("ArticleUse", ("article",), ("items", "citations", "others"))
#: articles-across-departments: per article, department (and its name) and region (and its
#: name) citing it, the items.
ARTICLE_REACH = Kind(
    "ArticleReach",
    ("article", "org", "orgName", "region", "regionName"),
    ("items",),
    packed=(True, False, False, False),
)
#: conflicting-versions: per law, the items and citations citing a version of it as written.
VERSIONS_CITED = Kind("VersionsCited", ("law",), ("items", "citations"))
#: conflicting-versions: each version of a law cited, with the note it was written with.
VERSION_CITED = Kind("VersionCited", ("law", "version", "note"), ("citations",))
#: counts: the lists, items, citations, unresolved citations and rejects.
HELD = Kind("Held", (), ("lists", "items", "citations", "unresolved", "rejects"))
#: most-reused-clauses: per clause concept and place (the list's region, else its source file),
#: the items writing a clause of it and the lists; and per concept and text written, the clauses.
#: Kept packed, a node per concept.
CLAUSE_USE = Kind("ClauseUse", ("concept", "place"), ("items", "lists"), packed=(False,))
CLAUSE_TEXT = Kind("ClauseText", ("concept", "variant"), ("clauses",), packed=(False,))
#: citations-by-rank: per law cited and rank tag written (【行政法规】; None: none), the resolved
#: citations of an item and the resolved citations tagged (with an item or not: the least tag a
#: law was given stands for it where a citation has none). Kept packed, a node per law.
RANK_CITED = Kind("RankCited", ("law", "tag"), ("citations", "tagged"), packed=(False,))
#: citations-by-rank: the items citing each set of (law, tag) pairs (a JSON list), whose ranks are
#: only known when the laws' ranks are (they change with ``quanze laws import``). Kept packed by
#: the digest of the set, a node per ``BUCKETS`` of them: some 7,000 sets at 10 k items.
RANK_ITEMS = Kind("RankItems", ("pairs",), ("items",), packed=(), bucketed=True)
#: Per law, what two queries whose rows follow the laws' titles give per title of it (their
#: counts: ``graph.store.counting``, ``# counted: by-law``, join the titles the store holds
#: when asked, so that ``quanze laws import`` leaves them right): for
#: ``accountability-law-differs-from-basis``, the items with a legal basis (设定依据) citing a law
#: whose accountability basis (追责依据) cites it and whose legal basis does not (``beyond``), and
#: the items whose legal basis cites it (``bases``); for ``analysis-citations``, the (item, field,
#: article or provision cited) citing it (``analysis``); for ``audit-citations``, the resolved
#: citations of an item in a field citing it (``audit``: a citation is written with one quote,
#: one position, one version note at most, its item with one row, its list with one title and
#: date; a list whose items' IRIs meet is counted by the engine, ``graph.build.lawrows``).
LAW_ROWS = Kind("LawRows", ("law",), ("beyond", "bases", "analysis", "audit"))
#: Per law, the rows of ``view-provisions`` (``provisions``) and of ``audit-provisions``
#: (``cited``) of it: not sums over the lists (the queries read the shared graph and the laws'
#: graphs, DISTINCT), counted again by the engine for the laws a build or an import may change
#: (``graph.build.lawparts``).
LAW_PARTS = Kind("LawParts", ("law",), ("provisions", "cited"))
#: Per list graph, 1 if it gives the "who cites" queries more than one row per citation and title
#: (``graph.build.irregular``): while any does, the engine counts them (``graph.store.boundcount``).
IRREGULAR = Kind("Irregular", ("graph",), ("lists",))
#: quanze query NAME --count: per query whose rows each belong to one list and are made from its
#: graph alone (``# counted: by-list``), its rows, summed over the lists (``list_rows``); written
#: for each such query, 0 too.
LIST_ROWS = Kind("ListRows", ("query",), ("rows",))
#: quanze query NAME, page by page: per query whose answer comes list by list and whose rows the
#: builds count per list (``LIST_ROWS``' queries, and ``# counted: by-law`` ones by the rows of
#: a list before the laws' titles), the list graphs holding rows of it and how many
#: (``graph.build.listholds``), so that the first page asks those lists alone
#: (``graph.store.holding``). Kept packed, a node per query; a list holding none is left out.
LIST_HOLDS = Kind("ListHolds", ("query", "graph"), ("rows",), packed=(True,))
#: quanze query NAME, page by page: each list graph with its power lists and their source files
#: (``?graph ?list ?source`` of ``graph.store.pages``' lists, a key of None for a graph with
#: none), so that a query paged by list reads the lists in one literal, not two quads a list
#: (3,334 lists: ~100 ms at 1M items). Kept packed, one node (first key ``ALL_LISTS``). Added
#: in form 8 without raising it: a store whose facts were written by earlier code keeps fewer
#: graphs here than ``HELD`` counts lists, and is then read from the list graphs
#: (``graph.store.listing``).
LIST_SOURCES = Kind(
    "ListSources", ("all", "graph", "list", "source"), ("lists",), packed=(True, True, False)
)
#: The first key of every ``LIST_SOURCES`` fact.
ALL_LISTS = ox.Literal("lists")
#: accountability-resting-on: the (clause, provision) pairs of ``qz:restsOn`` whose clause has no
#: text, which its rows leave out: while there are none, its count reads no clause's text
#: (``graph.store.boundcount``). Counted as the build writes them (``Collector.bare``, told by
#: ``graph.build.clauses``), by the engine for a list graph read back from the store or whose
#: items' IRIs meet (``graph.build.resting``).
BARE_RESTING = Kind("BareResting", (), ("pairs",))
#: articles-across-departments: per article cited by more than one department or from more than
#: one region, how many of each and their names (``summaries``; not read back: made from
#: ``ARTICLE_REACH``).
SPREAD = "ArticleSpread"
#: most-reused-clauses: per clause concept written in more than one item, its items, lists, texts
#: and places (``reuse_summaries``: made from ``CLAUSE_USE`` and ``CLAUSE_TEXT``).
REUSE = "ClauseReuse"
#: most-cited-articles: the articles it shows, with their tallies, law titles and numbers, and
#: their places (``graph.build.ranked.most_cited``: made from the tallies, not read back).
MOST_CITED = "MostCitedArticle"

KINDS = (
    ITEMS_BY_TYPE,
    ARTICLE_USE,
    ARTICLE_REACH,
    VERSIONS_CITED,
    VERSION_CITED,
    HELD,
    CLAUSE_USE,
    CLAUSE_TEXT,
    RANK_CITED,
    RANK_ITEMS,
    LAW_ROWS,
    LAW_PARTS,
    IRREGULAR,
    LIST_ROWS,
    LIST_HOLDS,
    BARE_RESTING,
    LIST_SOURCES,
)
_BY_NAME = {kind.name: kind for kind in KINDS}
_ACCOUNTABILITY = {f"{_FIELD}accountability_basis", f"{_FIELD}accountability"}
_BASIS, _ACCOUNTABILITY_BASIS = f"{_FIELD}basis", f"{_FIELD}accountability_basis"
_UNWRITTEN = ox.Literal("（未写明）")

_ITEMS = """
SELECT ?list ?region ?powerItem ?org ?type ?typeText WHERE { GRAPH {graph} {
  ?list a qz:PowerList . OPTIONAL { ?list qz:region ?region }
  OPTIONAL {
    ?powerItem qz:inList ?list ; a qz:PowerItem .
    OPTIONAL { ?powerItem qz:exercisedBy ?org }
    OPTIONAL { ?powerItem qz:powerType ?type }
    OPTIONAL { ?powerItem qz:powerTypeText ?typeText }
  }
} }"""
_CITATIONS = """
SELECT ?citation ?powerItem ?field ?article ?version ?note ?cites ?law ?tag WHERE { GRAPH {graph} {
  ?citation a qz:Citation .
  OPTIONAL { ?citation qz:citedBy ?powerItem }
  OPTIONAL { ?citation qz:field ?field }
  OPTIONAL { ?citation qz:citesArticle ?article }
  OPTIONAL { ?citation qz:citedVersion ?version ; qz:versionNote ?note }
  OPTIONAL { ?citation qz:cites ?cites }
  OPTIONAL { ?citation qz:citesLaw ?law }
  OPTIONAL { ?citation qz:rankTag ?tag }
} }"""
_CLAUSES = """
SELECT ?powerItem ?concept ?text WHERE { GRAPH {graph} {
  ?clause qz:clauseConcept ?concept ; qz:clauseOf ?powerItem ; qz:text ?text .
} }"""
_SOURCES = "SELECT ?source WHERE { GRAPH {graph} { ?list a qz:PowerList ; qz:sourceFile ?source } }"
_REALIZED = "SELECT ?version ?law WHERE { VALUES ?version { {nodes} } ?version eli:realizes ?law }"
_REJECTS = "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { GRAPH {graph} { ?r a qz:Reject } }"
_LABELS = """
SELECT ?node ?pref ?alt WHERE {
  VALUES ?node { {nodes} }
  ?node skos:prefLabel ?pref OPTIONAL { ?node skos:altLabel ?alt }
}"""

Signature = tuple[str, ...]


class Collector:
    """One list's part of the derived facts, as its build writes it (``ListWriter`` and
    ``CitationWriter`` tell it each item and citation) or as its graph in the store says
    (``stored``): counts by IRIs and texts, a few per list, made into the facts' keys (the
    authorities' and types' names) by ``facts`` once the store holds the list. Plain values, so
    a worker of ``--jobs N`` hands it back with the list's lines."""

    def __init__(
        self, region: str | None = None, rejects: int = 0, source: str | None = None
    ) -> None:
        self.region = region
        self.place = region or source  # where the list's clauses are written, as the query says
        #: lists, items, citations, unresolved citations, rejects
        self.held = [1, 0, 0, 0, rejects]
        self.items: dict[str, Signature] = {}  # the batch's items → their authorities
        self.kinds: Counter[tuple[Signature, Signature, Signature]] = Counter()
        self.use: dict[str, list[int]] = {}
        self.reach: Counter[tuple[str, Signature]] = Counter()
        self.laws: dict[str, list[int]] = {}
        self.versions: Counter[tuple[str, str, str]] = Counter()
        self.concepts: Counter[str] = Counter()  # items per clause concept
        self.ranked: dict[tuple[str, str | None], list[int]] = {}  # (law, tag) → RANK_CITED
        self.pairs: Counter[str] = Counter()  # items per set of (law, tag) pairs, as JSON
        self.variants: Counter[tuple[str, str]] = Counter()  # clauses per (concept, text)
        #: (clause of no text, provision) pairs of ``qz:restsOn`` written (``BARE_RESTING``)
        self.bare = 0
        self.by_law: dict[str, list[int]] = {}  # law → LAW_ROWS's counts
        # the batch's items per article, (article, authorities), law and clause concept
        self._held_to_account: defaultdict[str, set[str]] = defaultdict(set)
        self._reaching: defaultdict[tuple[str, Signature], set[str]] = defaultdict(set)
        self._citing: defaultdict[str, set[str]] = defaultdict(set)
        self._writing: defaultdict[str, set[str]] = defaultdict(set)
        self._pairing: defaultdict[str, set[tuple[str, str | None]]] = defaultdict(set)
        # the batch's laws per item, of its legal basis and of its accountability basis
        self._based: defaultdict[str, set[str]] = defaultdict(set)
        self._accountable: defaultdict[str, set[str]] = defaultdict(set)
        # and the (field, article or provision, law) its citations reach
        self._analysed: defaultdict[str, set[tuple[str, str, str]]] = defaultdict(set)

    def clause(self, item: str, concept: str, text: str) -> None:
        """A clause of an item's 责任事项 or 追责情形: its concept and its text as written."""
        self._writing[concept].add(item)
        self.variants[(concept, text)] += 1

    def rested_bare(self) -> None:
        """A clause of no text rests on a provision (its ``qz:restsOn`` line written once)."""
        self.bare += 1

    def item(
        self, node: str, orgs: Iterable[str], types: Iterable[str], texts: Iterable[str]
    ) -> None:
        """A power item, the authorities exercising it, its type concepts and type texts."""
        signature = tuple(sorted(set(orgs)))
        self.items[node] = signature
        self.kinds[(signature, tuple(sorted(set(types))), tuple(sorted(set(texts))))] += 1
        self.held[1] += 1

    def citation(
        self,
        node: str,
        item: str | None,
        field: str | None,
        article: str | None,
        resolved: bool,
        version: tuple[str, str, str] | None = None,
        law: str | None = None,
        tag: str | None = None,
        provision: str | None = None,
    ) -> None:
        """A citation: its item, field, the article it rolls up to, whether it is resolved, the
        (law, version, note) it cites as written, the law it rolls up to, its rank tag and the
        provision (or work) it cites."""
        self.held[2] += 1
        self.held[3] += not resolved
        if resolved and law is not None:
            ranked = self.ranked.setdefault((law, tag), [0, 0])
            ranked[1] += tag is not None
            if item is not None:
                ranked[0] += 1
                self._pairing[item].add((law, tag))
        if law is not None and item is not None:
            if resolved and field is not None and provision is not None:
                self._law_rows(law)[3] += 1
            unit = article or provision
            if field is not None and unit is not None:
                self._analysed[item].add((field, unit, law))
            if field == _BASIS:
                self._based[item].add(law)
            elif field == _ACCOUNTABILITY_BASIS:
                self._accountable[item].add(law)
        if article is not None:
            if field in _ACCOUNTABILITY:
                if item is not None:
                    self.use.setdefault(article, [0, 0, 0])[1] += 1
                    self._held_to_account[article].add(item)
            elif field is not None:
                self.use.setdefault(article, [0, 0, 0])[2] += 1
            if item is not None:
                self._reaching[(article, self.items.get(item, ()))].add(item)
        if version is not None and item is not None:
            law = version[0]
            self.laws.setdefault(law, [0, 0])[1] += 1
            self._citing[law].add(item)
            self.versions[version] += 1

    def next_batch(self) -> None:
        """A batch's items and citations are told (an item's citations all come in its batch):
        count its items per article and law, and let them go."""
        for article, items in self._held_to_account.items():
            self.use.setdefault(article, [0, 0, 0])[0] += len(items)
        for key, items in self._reaching.items():
            self.reach[key] += len(items)
        for law, items in self._citing.items():
            self.laws.setdefault(law, [0, 0])[0] += len(items)
        for concept, items in self._writing.items():
            self.concepts[concept] += len(items)
        for pairs in self._pairing.values():
            self.pairs[pairs_key(pairs)] += 1
        for item, based in self._based.items():
            for law in based:
                self._law_rows(law)[1] += 1
            for law in self._accountable.get(item, set()) - based:
                self._law_rows(law)[0] += 1
        for reached in self._analysed.values():
            for _, _, law in reached:
                self._law_rows(law)[2] += 1
        for batch in (self._held_to_account, self._reaching, self._citing, self._writing):
            batch.clear()
        for laws in (self._based, self._accountable):
            laws.clear()
        self._analysed.clear()
        self._pairing.clear()
        self.items.clear()

    def _law_rows(self, law: str) -> list[int]:
        """The counts ``LAW_ROWS`` keeps for ``law``, from this list."""
        return self.by_law.setdefault(law, _zeros(len(LAW_ROWS.counts)))

    def uncount(self, *counts: str) -> None:
        """Leave ``counts`` of ``LAW_ROWS`` (names) uncounted for this list: the engine counts
        them (``graph.build.lawrows``)."""
        for name in counts:
            column = LAW_ROWS.counts.index(name)
            for row in self.by_law.values():
                row[column] = 0

    @classmethod
    def stored(cls, store: ox.Store, graph: str) -> Collector:
        """What the list graph ``graph`` now in the store tells (a rebuilt list's old part)."""
        items: dict[str, tuple[set[str], set[str], set[str]]] = {}
        regions: set[str] = set()
        for row in _rows(store, _ITEMS, graph):
            region, item = _value(row, "region"), _value(row, "powerItem")
            if region is not None:
                regions.add(region)
            if item is not None:
                held = items.setdefault(item, (set(), set(), set()))
                for n, name in enumerate(("org", "type", "typeText")):
                    value = _value(row, name)
                    if value is not None:
                        held[n].add(value)
        rejects = int(_value(next(iter(_rows(store, _REJECTS, graph))), "n") or 0)
        sources = {v for row in _rows(store, _SOURCES, graph) if (v := _value(row, "source"))}
        collector = cls(min(regions, default=None), rejects, min(sources, default=None))
        for node, (orgs, types, texts) in items.items():
            collector.item(node, orgs, types, texts)
        for row in _rows(store, _CLAUSES, graph):
            item, concept, text = (_value(row, n) for n in ("powerItem", "concept", "text"))
            if item is not None and concept is not None and text is not None:
                collector.clause(item, concept, text)
        citations: dict[str, list[set[str | None]]] = {}
        for row in _rows(store, _CITATIONS, graph):
            held_of = citations.setdefault(_value(row, "citation") or "", [set() for _ in _CITED])
            for n, name in enumerate(_CITED):
                held_of[n].add(_value(row, name))
        written = {v for c in citations.values() for v in c[3] if v is not None}
        realized: dict[str | None, str] = {}
        if written:
            values = " ".join(f"<{v}>" for v in sorted(written))
            for row in _rows(store, _REALIZED.replace("{nodes}", values), None):
                realized[_value(row, "version")] = _value(row, "law") or ""
        for node, cited in citations.items():
            cited_by, fields, articles, versions, notes, cites, laws, tags = cited
            number, note = next(iter(versions)), next(iter(notes))
            law = realized.get(number)
            version = (law, number, note) if law and number and note is not None else None
            collector.citation(
                node,
                next(iter(cited_by)),
                next(iter(fields)),
                next(iter(articles)),
                cites != {None},
                version,
                next(iter(laws)),
                next(iter(tags)),
                min((c for c in cites if c is not None), default=None),
            )
        collector.next_batch()
        return collector

    def nodes(self) -> set[str]:
        """The authorities and power types the list's facts name (``facts`` asks their labels)."""
        nodes = {org for orgs, _, _ in self.kinds for org in orgs}
        return nodes | {kind for _, kinds, _ in self.kinds for kind in kinds}

    def facts(self, store: ox.Store, labels: _Labels | None = None) -> Facts:
        """The list's facts, its authorities and power types named as the store names them, or
        as ``labels`` (``labels_of`` the lists of one commit, asked at once) says (the counts
        :meth:`fold` takes are let go: asked once)."""
        if labels is None:
            labels = _labels(store, self.nodes())
        facts = Facts()
        region = ox.Literal(self.region) if self.region else None
        place = region or _UNWRITTEN

        signatures: dict[Signature, set[tuple[Term | None, Term]]] = {}

        def named(orgs: Signature) -> set[tuple[Term | None, Term]]:
            # once per set of authorities: a list's items share a few (a 300-item list's
            # articles asked it some 320 times for one department, 6 ms a list at the commit)
            found = signatures.get(orgs)
            if found is None:
                found = {(ox.NamedNode(o), name) for o in orgs for name in labels.names(o)}
                signatures[orgs] = found = found or {(None, _UNWRITTEN)}
            return found

        for (orgs, types, texts), items in self.kinds.items():
            kinds = {name for t in types for name in labels.zh(t)} or set(map(ox.Literal, texts))
            for _, department in named(orgs):
                for kind in kinds or {_UNWRITTEN}:
                    facts.rows[ITEMS_BY_TYPE.name][(place, department, kind)][0] += items
        for (article, orgs), items in self.reach.items():
            for org, name in named(orgs):
                key = (ox.NamedNode(article), org, name, region, place)
                facts.rows[ARTICLE_REACH.name][key][0] += items
        self.fold(facts)
        return facts

    def fold(self, facts: Facts) -> None:
        """Add to ``facts`` the counts that need no store to name them (the list's size, its
        articles', laws', versions', ranks' and clause concepts' counts) and let them go: a
        build sums them as each list comes (``graph.build.build``), one entry per article
        however many lists cite it, rather than holding every list's until its commit."""
        rows = facts.rows
        _add(rows[HELD.name][()], self.held)
        self.held = [0] * len(self.held)
        rows[BARE_RESTING.name][()][0] += self.bare
        self.bare = 0
        for article, counts in self.use.items():
            _add(rows[ARTICLE_USE.name][(ox.NamedNode(article),)], counts)
        for law, counts in self.laws.items():
            _add(rows[VERSIONS_CITED.name][(ox.NamedNode(law),)], counts)
        for (law, version, note), n in self.versions.items():
            cited: Key = (ox.NamedNode(law), ox.NamedNode(version), ox.Literal(note))
            rows[VERSION_CITED.name][cited][0] += n
        where = ox.Literal(self.place) if self.place else None
        for (law, tag), counts in self.ranked.items():
            ranked: Key = (ox.NamedNode(law), None if tag is None else ox.Literal(tag))
            _add(rows[RANK_CITED.name][ranked], counts)
        for pairs, items in self.pairs.items():
            rows[RANK_ITEMS.name][(ox.Literal(pairs),)][0] += items
        for law, counts in self.by_law.items():
            _add(rows[LAW_ROWS.name][(ox.NamedNode(law),)], counts)
        for concept, items in self.concepts.items():
            _add(rows[CLAUSE_USE.name][(ox.NamedNode(concept), where)], (items, 1))
        for (concept, text), n in self.variants.items():
            rows[CLAUSE_TEXT.name][(ox.NamedNode(concept), ox.Literal(text))][0] += n
        for folded in (self.use, self.laws, self.versions, self.ranked, self.pairs, self.by_law):
            folded.clear()
        self.concepts.clear()
        self.variants.clear()


def _add(row: list[int], counts: Sequence[int]) -> None:
    for n, count in enumerate(counts):
        row[n] += count


_CITED = ("powerItem", "field", "article", "version", "note", "cites", "law", "tag")


def _value(row: ox.QuerySolution, name: str) -> str | None:
    """The text of a solution's value (an IRI's, a literal's), None when unbound."""
    term = row[name]
    return None if term is None or isinstance(term, ox.Triple) else term.value


class Facts:
    """Per kind, key → counts: one list's part, or the store's sums."""

    def __init__(self) -> None:
        self.rows: dict[str, defaultdict[Key, list[int]]] = {
            kind.name: defaultdict(partial(_zeros, len(kind.counts))) for kind in KINDS
        }

    def add(self, other: Facts, sign: int = 1) -> None:
        """Add (or with ``sign=-1`` take away) another's counts."""
        for name, rows in other.rows.items():
            mine = self.rows[name]
            for key, counts in rows.items():
                row = mine[key]
                for n, count in enumerate(counts):
                    row[n] += sign * count


@dataclass(slots=True)
class _Labels:
    """What the union says of the nodes a list's facts name: each node's prefLabel and
    altLabel solutions, and the law a version realizes."""

    solutions: defaultdict[str, set[tuple[ox.Literal, ox.Literal | None]]]

    def names(self, org: str) -> set[Term]:
        """An authority's names as the queries give them: STR(COALESCE(altLabel, prefLabel))
        for each solution (none when it has no prefLabel)."""
        return {_plain(alt or pref) for pref, alt in self.solutions.get(org, ())}

    def zh(self, concept: str) -> set[Term]:
        """A concept's Chinese prefLabels."""
        return {_plain(p) for p, _ in self.solutions.get(concept, ()) if p.language == "zh"}


#: Nodes whose labels one query asks (``_labels``).
LABELS_AT_ONCE = 2_000


def _labels(store: ox.Store, nodes: set[str]) -> _Labels:
    """The labels of ``nodes`` (authorities and power types) in the store, ``LABELS_AT_ONCE``
    nodes a query."""
    labels = _Labels(defaultdict(set))
    ordered = sorted(nodes)
    for start in range(0, len(ordered), LABELS_AT_ONCE):
        values = " ".join(f"<{node}>" for node in ordered[start : start + LABELS_AT_ONCE])
        for row in _rows(store, _LABELS.replace("{nodes}", values), None):
            pref, alt, node = row["pref"], row["alt"], _value(row, "node")
            if isinstance(pref, ox.Literal) and node is not None:
                labels.solutions[node].add((pref, alt if isinstance(alt, ox.Literal) else None))
    return labels


def labels_of(store: ox.Store, collectors: Iterable[Collector]) -> _Labels:
    """The labels of the nodes the facts of ``collectors`` name, asked at once: a commit of
    many lists asked one query per list (334 at 100k items)."""
    nodes: set[str] = set()
    for collector in collectors:
        nodes |= collector.nodes()
    return _labels(store, nodes)


def _rows(store: ox.Store, query: str, graph: str | None) -> ox.QuerySolutions:
    text = _PREFIXES + (query.replace("{graph}", f"<{graph}>") if graph else query)
    result = store.query(text, use_default_graph_as_union=True)
    assert isinstance(result, ox.QuerySolutions)
    return result


def _plain(term: Term) -> ox.Literal:
    """STR(term): a plain string."""
    return ox.Literal(term.value)


def list_facts(store: ox.Store, graph: str, odd: bool | None = None) -> Facts:
    """The facts of the list graph ``graph`` now in the store; ``odd``: whether the list is
    irregular, as the derived graph holds it (None: asked of the store, ``graph.build.irregular``).
    An irregular list's rows per law are counted by the engine (``graph.build.lawrows``)."""
    from graph.build import lawrows, listholds
    from graph.build.irregular import irregular

    collector = Collector.stored(store, graph)
    if odd is None:
        odd = irregular(store, graph)
    if odd:
        collector.uncount(*lawrows.ENGINE)
    held = listholds.of_laws(graph, collector)
    facts = collector.facts(store)
    facts.add(held)
    facts.add(list_rows(store, graph))
    facts.add(asked_of_current(store, graph))
    if odd:
        facts.add(lawrows.law_rows(store, graph_lists(store, graph)))
    facts.rows[IRREGULAR.name][(ox.NamedNode(graph),)][0] += odd
    return facts


_LIST_SOURCES = """
SELECT ?list ?source WHERE { GRAPH {graph} {
  ?list a qz:PowerList OPTIONAL { ?list qz:sourceFile ?source }
} }"""


def list_sources(store: ox.Store, graph: str) -> Facts:
    """The list graph ``graph``'s part of ``LIST_SOURCES``: its lists and their source files as
    the store holds them now (asked once the list is current, as ``graph.store.pages`` would)."""
    facts = Facts()
    node = ox.NamedNode(graph)
    rows = facts.rows[LIST_SOURCES.name]
    for row in _rows(store, _LIST_SOURCES, graph):
        found, source = row["list"], row["source"]
        if isinstance(found, ox.NamedNode):
            held = ox.Literal(source.value) if isinstance(source, ox.Literal) else None
            rows[(ALL_LISTS, node, found, held)][0] += 1
    if not rows:
        rows[(ALL_LISTS, node, None, None)][0] += 1
    return facts


def asked_of_current(store: ox.Store, graph: str, bare: bool = True) -> Facts:
    """The facts every list graph gives once it is current, asked of the store whether the list
    was just built or is recounted: its lists with their source files (``list_sources``) and,
    with ``bare``, its clauses of no text resting on a provision (``graph.build.resting``; a
    build counts those of a list as it writes it, ``Collector.bare``, unless its items' IRIs
    meet)."""
    from graph.build import resting

    facts = list_sources(store, graph)
    if bare:
        facts.add(resting.bare(store, graph))
    return facts


def held_odd(facts: Facts | None, graph: str) -> bool | None:
    """Whether ``facts`` say the list graph ``graph`` is irregular (None: no facts held)."""
    if facts is None:
        return None
    return bool(facts.rows[IRREGULAR.name].get((ox.NamedNode(graph),), [0])[0])


_LISTS = "SELECT ?list WHERE { GRAPH {graph} { ?list a qz:PowerList } }"


def graph_lists(store: ox.Store, graph: str) -> tuple[ox.NamedNode, ...]:
    """The lists of the list graph ``graph`` (one)."""
    return tuple(
        ox.NamedNode(v) for row in _rows(store, _LISTS, graph) if (v := _value(row, "list"))
    )


def list_rows(store: ox.Store, graph: str, names: Iterable[str] | None = None) -> Facts:
    """The rows each query counted by list (``LIST_ROWS``; or each of ``names``) gives for the
    lists of the list graph ``graph`` now in the store (the engine counts them:
    ``graph.store.counting``; a build counts most as it writes the list, ``graph.build.listrows``).
    Asked once the build's lists are current, as the query would be."""
    from graph.build import listholds
    from graph.store.counting import by_list_queries, count_rows

    facts = Facts()
    lists = graph_lists(store, graph)
    counted = {}
    for name in by_list_queries() if names is None else names:
        counted[name] = count_rows(store, name, {"list": lists}) if lists else 0
        facts.rows[LIST_ROWS.name][(ox.Literal(name),)] = [counted[name]]
    facts.add(listholds.of_rows(graph, counted))
    return facts


def recount(store: ox.Store, iris: Iris) -> Facts:
    """The facts of every list graph in the store, counted afresh, list by list."""
    from graph.build import lawparts

    total = Facts()
    for graph in list_graphs(store, iris):
        total.add(list_facts(store, graph))
    lawparts.count(store, total)
    return total


def take(store: ox.Store, iris: Iris) -> Facts | None:
    """The facts the store holds; None when they must be counted afresh: it has list graphs but
    no derived graph, or one of another form (``FORM``: made by code that kept other kinds)."""
    from graph.build import lawparts

    graph = ox.NamedNode(iris.derived_graph())
    held = Facts()
    if not store.contains_named_graph(graph):
        if list_graphs(store, iris):
            return None
        lawparts.count(store, held)  # the laws imported before any build (none in a new store)
        return held
    if _form(graph) not in store:
        return None
    nodes: defaultdict[str, dict[str, Term]] = defaultdict(dict)
    kinds: dict[str, Kind] = {}
    for quad in store.quads_for_pattern(None, None, None, graph):
        subject, predicate, value = quad.subject, quad.predicate.value, quad.object
        if not isinstance(subject, ox.NamedNode):
            continue
        if quad.predicate == _TYPE and isinstance(value, ox.NamedNode):
            kind = _BY_NAME.get(value.value.removeprefix(QZD))
            if kind is not None:
                kinds[subject.value] = kind
        elif predicate.startswith(QZD) and isinstance(value, ox.NamedNode | ox.Literal):
            nodes[subject.value][predicate.removeprefix(QZD)] = value
    for name, kind in kinds.items():
        values = nodes[name]
        if kind.bucketed:
            packed = values.get("packed")
            if packed is not None:
                held.rows[kind.name].update(
                    ((ox.Literal(first),), counts) for first, counts in json.loads(packed.value)
                )
            continue
        if kind.packed is not None:
            first, packed = values.get(kind.keys[0]), values.get("packed")
            if first is not None and packed is not None:
                held.rows[kind.name].update(_unpacked(kind, first, packed.value))
            continue
        key = tuple(values.get(k) for k in kind.keys)
        counts = [int(values[c].value) if c in values else 0 for c in kind.counts]
        held.rows[kind.name][key] = counts
    return held


def write(store: ox.Store, facts: Facts, iris: Iris) -> None:
    """Write the derived graph, in one transaction (``Store.extend``: all of it or none), as it is
    made: its quads are never held as SPARQL text (an ``INSERT DATA`` of them, in the commit's
    update, peaked at 129 MiB of Python for one list of 6,000 items, against 45 without). The
    ranking queries' rows are numbered in their answer's order (``graph.build.ranked``), and the
    citations per legal rank counted (``graph.build.byrank``), from what the store holds now
    (the tallies, the laws' titles and ranks the commit made current)."""
    from graph.build import byrank, named, ranked  # they read the facts' kinds from this module

    spreads = spread(facts.rows[ARTICLE_REACH.name])  # made once for the numbering and quads
    made = ranked.positions(store, facts, iris, spreads) + byrank.quads(store, facts, iris)
    made += named.quads(store, iris)  # each name's authorities in IRI order (graph.store.named)
    store.extend(chain(quads(facts, iris, spreads), made))


def refresh(store: ox.Store, iris: Iris) -> None:
    """Write the derived graph again from the facts it holds, for what it takes from the laws
    (their titles, ranks) once ``quanze laws import`` has changed them; from the list graphs,
    counted afresh, when an earlier version wrote it in another form. A store with no derived
    graph is left so: its next build counts it afresh."""
    graph = ox.NamedNode(iris.derived_graph())
    if not store.contains_named_graph(graph):
        return
    from graph.build import lawparts

    facts = take(store, iris)
    if facts is None:  # written by another form (an earlier version): counted afresh
        facts = recount(store, iris)
    else:
        lawparts.count(store, facts)  # the imported laws' provisions
    store.remove_graph(graph)  # a stop here leaves no derived graph: counted afresh, never wrong
    write(store, facts, iris)


def quads(
    facts: Facts, iris: Iris, spreads: Mapping[Term, Spread] | None = None
) -> Iterator[ox.Quad]:
    """``facts`` as the quads of the derived graph (a key counted nothing is left out), and each
    article's departments and regions (``summaries``; ``spreads``: their ``spread``, when made
    already)."""
    graph = ox.NamedNode(iris.derived_graph())
    yield _form(graph)
    for kind in KINDS:
        rows = facts.rows[kind.name]
        if kind.bucketed:
            yield from _bucketed(kind, rows, iris)
            continue
        if kind.packed is not None:
            yield from _packed(kind, rows, iris)
            continue
        for key, counts in sorted(rows.items(), key=lambda kv: _text(kv[0])):
            if any(counts) or kind is LIST_ROWS:
                node = fact_node(iris, kind.name, key)
                yield ox.Quad(node, _TYPE, ox.NamedNode(QZD + kind.name), graph)
                for name, value in zip(kind.keys, key, strict=True):
                    if value is not None:
                        yield ox.Quad(node, ox.NamedNode(QZD + name), value, graph)
                yield from _counts(node, kind.counts, counts, graph)
    yield from summaries(facts.rows[ARTICLE_REACH.name], iris, spreads)
    yield from reuse_summaries(facts, iris)


def _packed(kind: Kind, rows: Mapping[Key, list[int]], iris: Iris) -> Iterator[ox.Quad]:
    """The facts of a packed kind: a node per first key, the rest in one JSON literal."""
    graph = ox.NamedNode(iris.derived_graph())
    grouped: defaultdict[Term, list[list[object]]] = defaultdict(list)
    for key, counts in rows.items():
        if any(counts) and key[0] is not None:
            grouped[key[0]].append([[None if t is None else t.value for t in key[1:]], counts])
    for first, packed in sorted(grouped.items(), key=lambda kv: kv[0].value):
        node = fact_node(iris, kind.name, (first,))
        yield ox.Quad(node, _TYPE, ox.NamedNode(QZD + kind.name), graph)
        yield ox.Quad(node, ox.NamedNode(QZD + kind.keys[0]), first, graph)
        text = json.dumps(sorted(packed, key=str), ensure_ascii=False, separators=(",", ":"))
        yield ox.Quad(node, _PACKED, ox.Literal(text), graph)


def _bucketed(kind: Kind, rows: Mapping[Key, list[int]], iris: Iris) -> Iterator[ox.Quad]:
    """The facts of a bucketed kind (one key, a plain literal): a node per bucket of keys (by
    their digest's first byte), the keys and counts in one JSON literal."""
    graph = ox.NamedNode(iris.derived_graph())
    grouped: defaultdict[str, list[list[object]]] = defaultdict(list)
    for key, counts in rows.items():
        if any(counts) and key[0] is not None:
            grouped[_digest(key)[:2]].append([key[0].value, counts])
    for bucket, packed in sorted(grouped.items()):
        node = ox.NamedNode(f"{iris.derived_graph()}/{kind.name}/{bucket}")
        yield ox.Quad(node, _TYPE, ox.NamedNode(QZD + kind.name), graph)
        text = json.dumps(sorted(packed), ensure_ascii=False, separators=(",", ":"))
        yield ox.Quad(node, _PACKED, ox.Literal(text), graph)


def _unpacked(kind: Kind, first: Term, text: str) -> Iterator[tuple[Key, list[int]]]:
    """The facts of one packed node."""
    assert kind.packed is not None
    for rest, counts in json.loads(text):
        key: list[Term | None] = [first]
        for value, iri in zip(rest, kind.packed, strict=True):
            key.append(None if value is None else ox.NamedNode(value) if iri else ox.Literal(value))
        yield tuple(key), counts


Spread = tuple[set[Term], set[Term], set[str], set[str]]


def spread(reach: Mapping[Key, list[int]]) -> dict[Term, Spread]:
    """Per article cited by more than one department or from more than one region: its
    departments, regions, and their names."""
    found: defaultdict[Term, Spread] = defaultdict(lambda: (set(), set(), set(), set()))
    for (article, org, org_name, region, region_name), (items,) in reach.items():
        if items > 0 and article is not None:
            orgs, regions, org_names, region_names = found[article]
            orgs.update([org] if org is not None else [])
            regions.update([region] if region is not None else [])
            org_names.update([org_name.value] if org_name is not None else [])
            region_names.update([region_name.value] if region_name is not None else [])
    return {a: s for a, s in found.items() if len(s[0]) > 1 or len(s[1]) > 1}


def summaries(
    reach: Mapping[Key, list[int]], iris: Iris, spreads: Mapping[Term, Spread] | None = None
) -> Iterator[ox.Quad]:
    """Per article cited by more than one department or from more than one region (``spread``):
    how many of each, and their names (``qzd:ArticleSpread``; its items are the article's
    tally)."""
    graph = ox.NamedNode(iris.derived_graph())
    for article, (orgs, regions, org_names, region_names) in sorted(
        (spread(reach) if spreads is None else spreads).items(), key=lambda kv: kv[0].value
    ):
        node = fact_node(iris, SPREAD, (article,))
        yield from _summary(node, SPREAD, "article", article, graph)
        yield from _counts(node, ("departments", "regions"), (len(orgs), len(regions)), graph)
        for name, values in (("orgNames", org_names), ("regionNames", region_names)):
            text = " | ".join(sorted(values))
            yield ox.Quad(node, ox.NamedNode(QZD + name), ox.Literal(text), graph)


def versions_per_law(facts: Facts) -> dict[Term, int]:
    """Per law cited with a version, the versions of it cited (each once, whatever its notes), as
    ``conflicting-versions`` counts them from the ``VERSION_CITED`` facts the graph holds."""
    found: defaultdict[Term, set[Term]] = defaultdict(set)
    for (law, version, note), (citations,) in facts.rows[VERSION_CITED.name].items():
        if law is not None and version is not None and note is not None and citations > 0:
            found[law].add(version)
    return {law: len(versions) for law, versions in found.items()}


Reuse = tuple[int, int, set[str], int]


def reuse(facts: Facts) -> dict[Term, Reuse]:
    """Per clause concept written in more than one power item: its items, lists, places and
    texts (how many)."""
    found: defaultdict[Term, Reuse] = defaultdict(lambda: (0, 0, set(), 0))
    for (concept, place), (items, lists) in facts.rows[CLAUSE_USE.name].items():
        if concept is not None and items > 0:
            held, among, places, texts = found[concept]
            found[concept] = (
                held + items,
                among + lists,
                places | {place.value} if place else places,
                texts,
            )
    for (concept, _), (clauses,) in facts.rows[CLAUSE_TEXT.name].items():
        if concept is not None and concept in found and clauses > 0:
            held, among, places, texts = found[concept]
            found[concept] = (held, among, places, texts + 1)
    return {concept: r for concept, r in found.items() if r[0] > 1}


def reuse_summaries(facts: Facts, iris: Iris) -> Iterator[ox.Quad]:
    """Per clause concept written in more than one item (``reuse``): its items, lists, texts and
    places (``qzd:ClauseReuse``)."""
    graph = ox.NamedNode(iris.derived_graph())
    for concept, (items, lists, places, texts) in sorted(
        reuse(facts).items(), key=lambda kv: kv[0].value
    ):
        node = fact_node(iris, REUSE, (concept,))
        yield from _summary(node, REUSE, "concept", concept, graph)
        yield from _counts(node, ("items", "lists", "variants"), (items, lists, texts), graph)
        regions = ox.Literal(" | ".join(sorted(places)))
        yield ox.Quad(node, ox.NamedNode(QZD + "regions"), regions, graph)


def _summary(
    node: ox.NamedNode, kind: str, name: str, value: Term, graph: ox.NamedNode
) -> tuple[ox.Quad, ox.Quad]:
    """A summary node's class and what it summarises (``qzd:{name}``)."""
    return (
        ox.Quad(node, _TYPE, ox.NamedNode(QZD + kind), graph),
        ox.Quad(node, ox.NamedNode(QZD + name), value, graph),
    )


def pairs_key(pairs: Iterable[tuple[str, str | None]]) -> str:
    """A set of (law, rank tag) pairs as the key ``RANK_ITEMS`` keeps it: a JSON list, sorted."""
    ordered = sorted(pairs, key=lambda pair: (pair[0], pair[1] or ""))
    return json.dumps(ordered, ensure_ascii=False, separators=(",", ":"))


def fact_node(iris: Iris, kind: str, key: Key) -> ox.NamedNode:
    """A fact's node, named from its kind and key: the same key, the same node, in every store."""
    return ox.NamedNode(f"{iris.derived_graph()}/{kind}/{_digest(key)}")


def _zeros(n: int) -> list[int]:
    return [0] * n


def _counts(
    node: ox.NamedNode, names: Iterable[str], counts: Iterable[int], graph: ox.NamedNode
) -> Iterator[ox.Quad]:
    for name, n in zip(names, counts, strict=True):
        value = ox.Literal(str(n), datatype=_XSD_INTEGER)
        yield ox.Quad(node, ox.NamedNode(QZD + name), value, graph)


def _text(key: Key) -> str:
    return "\t".join("" if term is None else str(term) for term in key)


def _digest(key: Key) -> str:
    """A node's name from its key: the same key, the same node, in every store."""
    return hashlib.blake2b(_text(key).encode(), digest_size=12).hexdigest()
