"""Numbers the rows of the ranking queries that read the derived facts in their answers' order, so
that a page of them is found by its numbers instead of by sorting them all.

``items-per-type``, ``accountability-only-articles``, ``articles-across-departments`` and
``most-reused-clauses`` (its summaries: per clause concept written in more than one item) read a
few thousand derived facts (``graph.build.derived``) where they grouped the whole store; at 100 k
items their first page still took 207 ms, 212 ms and 1.3 s on a quiet machine, because a sorted
answer gives its first row once every row is made, and each row is some ten lookups (4,895, 1,829
and 7,823 rows; the 7,823 facts of ``articles-across-departments`` alone, with their four
properties, took 0.6-1 s at load 6). The build knows their order when it writes the derived
graph: every key the queries sort by is a fact's count, a name the fact holds, an article's
number, its law's title or its tally (the commit has just made the tallies current). So each fact
a query gives rows for gets its place in the answer (``qzd:position``, from 1), and each ranking
says how many places it has (``qzd:positions``, on ``…/graph/derived/ranking/{Kind}``);
``quanze query`` asks such a query a page of places at a time (``# paged: by-position Kind``,
``graph.store.pages``). The queries still say their own ORDER BY: asked whole (``--count``, an
endpoint, Virtuoso), they give the answer they gave.

``conflicting-versions`` sorts on what its rows group (a law's versions cited, from the
``VersionCited`` facts, then its items, then its title): its first page came once every version
cited was read (1,474 facts, 99-242 ms in fresh processes at 100 k items). Each law's fact
(``VersionsCited``) of more than one version cited gets its place, the law's IRI last, which the
query's ORDER BY ends with too, so that laws of one title and counts keep one order.

The articles' facts also hold what the rows show of the article, as the store says it when the
graph is written: its law's titles (``qzd:lawTitle``: of the law its IRI names, less its last step,
``…/law/{id}/art_87``), its numbers (``qzd:number``) and, for ``articles-across-departments``, its
tally (``qzd:tally``). The queries joined them from the article and its law, through
``eli:is_part_of+`` over the store, and those triples are repeated in the graph of every list
citing the article (the union of graphs keeps each: a row per pair of graphs). The tallies change
with builds only, the titles with ``quanze laws import`` too, and both write the graph again
(``derived.refresh``).

Places follow the titles the store holds when the graph is written; a law with two titles (a
title the import writes ``@zh`` beside the registry's) gives its rows twice, as the queries always
did, both in the place of the least.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence

import pyoxigraph as ox

from graph.build import derived
from graph.iri import Iris
from ontology.namespace import QZ

_ELI = "http://data.europa.eu/eli/ontology#"
_NUMBER = ox.NamedNode(_ELI + "number")
_TITLE = ox.NamedNode(_ELI + "title")
_LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
_CITING_ITEMS = ox.NamedNode(str(QZ.citingItems))
_CITATION_COUNT = ox.NamedNode(str(QZ.citationCount))
_CITING_LISTS = ox.NamedNode(str(QZ.citingLists))
_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
POSITION = ox.NamedNode(derived.QZD + "position")
#: An article's: its law's titles, its numbers, its tally (the items citing it).
LAW_TITLE = ox.NamedNode(derived.QZD + "lawTitle")
NUMBER = ox.NamedNode(derived.QZD + "number")
TALLY = ox.NamedNode(derived.QZD + "tally")
#: A clause concept's: its labels and schemes.
LABEL = ox.NamedNode(derived.QZD + "label")
SCHEME = ox.NamedNode(derived.QZD + "scheme")
_SCHEME = ox.NamedNode("http://www.w3.org/2004/02/skos/core#inScheme")
_ARTICLE = (
    ox.NamedNode(_ELI + "type_subdivision"),
    ox.NamedNode("https://w3id.org/quanze/ontology/subdivision#article"),
)
_WORK = (_TYPE, ox.NamedNode(_ELI + "LegalResource"))
#: A ranking's node: the class whose facts it numbers (``qzd:ranks``), how many (``positions``).
RANKING = ox.NamedNode(derived.QZD + "Ranking")
RANKS = ox.NamedNode(derived.QZD + "ranks")
POSITIONS = ox.NamedNode(derived.QZD + "positions")
#: The rows a ranking's query gives (``qzd:rows``), where they are not one a place: kept for
#: ``articles-across-departments`` (a row per title of the article's law, number and tally its
#: fact holds), whose count took the engine 1.1-1.4 s at 100 k items (``graph.store.counting``).
ROWS = ox.NamedNode(derived.QZD + "rows")
_SPREAD_SHOWS = (LAW_TITLE, NUMBER, TALLY)
_INTEGER = re.compile(r"[+-]?[0-9]+")

SortKey = tuple[object, ...]
Term = ox.NamedNode | ox.Literal


def positions(
    store: ox.Store,
    facts: derived.Facts,
    iris: Iris,
    spreads: Mapping[Term, derived.Spread] | None = None,
) -> list[ox.Quad]:
    """The quads numbering the ranked facts of ``facts`` (and naming their articles' laws), read
    from the store before the derived graph is written (``spreads``: ``derived.spread`` of its
    facts, when made already)."""
    look = _Lookup(store)
    graph = ox.NamedNode(iris.derived_graph())
    out: list[ox.Quad] = []

    def ranked(kind: str, nodes: Sequence[tuple[SortKey, ox.NamedNode, str | None]]) -> None:
        ordered = sorted(nodes, key=lambda entry: entry[0])
        rows = 0  # articles-across-departments': a row per law title, number and tally
        for place, (_, node, shown) in enumerate(ordered, start=1):
            out.append(ox.Quad(node, POSITION, _integer(place), graph))
            if shown is None:
                continue
            if kind == derived.REUSE:
                details = look.concept(shown)
            else:
                details = look.details(shown, tally=kind == derived.SPREAD)
            out.extend(ox.Quad(node, predicate, value, graph) for predicate, value in details)
            if kind == derived.SPREAD:
                rows += math.prod(sum(p == shows for p, _ in details) for shows in _SPREAD_SHOWS)
        out.extend(_ranking(kind, len(ordered), iris, graph))
        if kind == derived.SPREAD:
            out.append(ox.Quad(_ranking_node(kind, iris), ROWS, _integer(rows), graph))

    # items-per-type: ORDER BY ?region ?department DESC(?items) ?type
    by_type = derived.ITEMS_BY_TYPE
    ranked(
        by_type.name,
        [
            ((_text(r), _text(d), -n, _text(t)), derived.fact_node(iris, by_type.name, key), None)
            for key, (n,) in _kept(facts.rows[by_type.name])
            for r, d, t in [key]
        ],
    )
    # accountability-only-articles: ORDER BY DESC(?items) ?law xsd:integer(?article)
    use = derived.ARTICLE_USE
    ranked(
        use.name,
        [
            (
                (-items, *look.article(key[0].value), key[0].value),
                derived.fact_node(iris, use.name, key),
                key[0].value,
            )
            for key, (items, citations, others) in _kept(facts.rows[use.name])
            if others == 0 and citations > 0 and key[0] is not None
        ],
    )
    # articles-across-departments: ORDER BY DESC(?departments) DESC(?regions) DESC(?items) ?law
    # xsd:integer(?article), ?items the article's tally
    ranked(
        derived.SPREAD,
        [
            (
                (
                    -len(orgs),
                    -len(regions),
                    -look.tally(article.value),
                    *look.article(article.value),
                    article.value,
                ),
                derived.fact_node(iris, derived.SPREAD, (article,)),
                article.value,
            )
            for article, (orgs, regions, _, _) in (
                derived.spread(facts.rows[derived.ARTICLE_REACH.name])
                if spreads is None
                else spreads
            ).items()
        ],
    )
    # most-reused-clauses: ORDER BY DESC(?items) DESC(?lists) ?label (the concept's prefLabel)
    ranked(
        derived.REUSE,
        [
            (
                (-items, -lists, look.label(concept.value), concept.value),
                derived.fact_node(iris, derived.REUSE, (concept,)),
                concept.value,
            )
            for concept, (items, lists, _, _) in derived.reuse(facts).items()
        ],
    )
    # conflicting-versions: ORDER BY DESC(?versions) DESC(?items) ?law ?lawNode, ?versions the
    # law's distinct versions cited (its rows: those of more than one)
    cited = derived.VERSIONS_CITED
    versions = derived.versions_per_law(facts)
    ranked(
        cited.name,
        [
            (
                (-versions[law], -items, look.title(law.value), law.value),
                derived.fact_node(iris, cited.name, key),
                None,
            )
            for key, (items, _) in _kept(facts.rows[cited.name])
            for law in key
            if isinstance(law, ox.NamedNode) and versions.get(law, 0) > 1
        ],
    )
    out.extend(most_cited(look, graph, iris))
    return out


#: ``most-cited-articles``' ``LIMIT``: the rows it shows.
MOST_CITED_ROWS = 100
ARTICLE = ox.NamedNode(derived.QZD + "article")
#: An article's three tallies, as ``qzd:MostCitedArticle`` holds them.
TALLIES = tuple(ox.NamedNode(derived.QZD + name) for name in ("items", "citations", "lists"))


def most_cited(look: _Lookup, graph: ox.NamedNode, iris: Iris) -> list[ox.Quad]:
    """The articles ``most-cited-articles`` shows (``qzd:MostCitedArticle``), from the tallies the
    commit has just made current, numbered in its order: the articles at or above the
    ``MOST_CITED_ROWS``-th by items, then citations, as the query it replaced found them, of which
    those with a row among its first ``MOST_CITED_ROWS`` rows, by items, citations, law title and
    number. Each fact holds what the rows show of its article (its law's titles, its numbers, its
    three tallies): asked whole, the query sorts these hundred facts, where the query it replaced
    sorted every tallied article (98-168 ms at 100 k items)."""
    tallied = look.tallied_articles()
    if len(tallied) >= MOST_CITED_ROWS:
        least = sorted((-i, -c) for i, c, _ in tallied.values())[MOST_CITED_ROWS - 1]
        tallied = {a: t for a, t in tallied.items() if (-t[0], -t[1]) <= least}
    rows: list[tuple[SortKey, str]] = []
    shows: dict[str, list[tuple[ox.NamedNode, Term]]] = {}
    for article, (items, citations, _) in tallied.items():
        shows[article] = look.details(article, tally=False)
        titles = [v.value for p, v in shows[article] if p == LAW_TITLE]
        numbers = [v.value for p, v in shows[article] if p == NUMBER]
        rows.extend(
            ((-items, -citations, (1, title), _number_order(number), number), article)
            for title in titles
            for number in numbers
        )
    shown = list(dict.fromkeys(article for _, article in sorted(rows)[:MOST_CITED_ROWS]))
    out: list[ox.Quad] = []
    for place, article in enumerate(shown, start=1):
        node = derived.fact_node(iris, derived.MOST_CITED, (ox.NamedNode(article),))
        out += [
            ox.Quad(node, _TYPE, ox.NamedNode(derived.QZD + derived.MOST_CITED), graph),
            ox.Quad(node, ARTICLE, ox.NamedNode(article), graph),
            ox.Quad(node, POSITION, _integer(place), graph),
        ]
        out.extend(
            ox.Quad(node, p, v, graph) for p, v in zip(TALLIES, tallied[article][2], strict=True)
        )
        out.extend(ox.Quad(node, predicate, value, graph) for predicate, value in shows[article])
    return out + _ranking(derived.MOST_CITED, len(shown), iris, graph)


def _ranking_node(kind: str, iris: Iris) -> ox.NamedNode:
    return ox.NamedNode(f"{iris.derived_graph()}/ranking/{kind}")


def _ranking(kind: str, places: int, iris: Iris, graph: ox.NamedNode) -> list[ox.Quad]:
    """A ranking's node: the class whose facts it numbers and how many places it has."""
    node = _ranking_node(kind, iris)
    return [
        ox.Quad(node, _TYPE, RANKING, graph),
        ox.Quad(node, RANKS, ox.NamedNode(derived.QZD + kind), graph),
        ox.Quad(node, POSITIONS, _integer(places), graph),
    ]


def _number_order(number: str) -> tuple[int, int]:
    """Where ``xsd:integer(?article)`` places an article's number: not a whole number (unbound)
    first."""
    return (1, int(number)) if _INTEGER.fullmatch(number) else (0, 0)


def law_of(article: str) -> str:
    """The law an article is part of: its IRI without the article's step.

    >>> law_of("https://w3id.org/quanze/id/law/x/art_87")
    'https://w3id.org/quanze/id/law/x'
    """
    return article.rsplit("/", 1)[0]


class _Lookup:
    """What the store says of the ranked articles and their laws, each read once."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.titles: dict[str, str | None] = {}

    def _first(
        self, node: str, predicate: ox.NamedNode, pick: Callable[[Iterable[str]], str]
    ) -> str | None:
        values = [
            q.object.value
            for q in self.store.quads_for_pattern(ox.NamedNode(node), predicate, None)
            if isinstance(q.object, ox.Literal)
        ]
        return pick(values) if values else None

    def article(self, article: str) -> tuple[object, object]:
        """Its law's title (the least, when it has several; unbound sorts first, as in SPARQL)
        and its number as ``xsd:integer`` casts it (not a whole number: unbound)."""
        number = self._first(article, _NUMBER, min)
        whole = number is not None and _INTEGER.fullmatch(number) is not None
        return (
            self.title(law_of(article)),
            (1, int(number)) if whole and number is not None else (0, 0),
        )

    def title(self, law: str) -> tuple[int, str]:
        """A law's title as ``ORDER BY ?law`` places it: the least, when it has several; unbound
        (no title) first, as in SPARQL."""
        if law not in self.titles:
            self.titles[law] = self._first(law, _TITLE, min)
        title = self.titles[law]
        return (0, "") if title is None else (1, title)

    def details(self, article: str, *, tally: bool) -> list[tuple[ox.NamedNode, Term]]:
        """What the ranking queries show of an article, as the store says it now: its law's
        titles (when the law is an ``eli:LegalResource``), its numbers (when it is an article),
        and with ``tally`` the items citing it; each value once (the union of graphs repeats
        them, once per list graph holding them)."""
        law = law_of(article)
        found: list[tuple[ox.NamedNode, Term]] = []
        if self._has(law, *_WORK):
            found += [(LAW_TITLE, v) for v in self.values(law, _TITLE)]
        if self._has(article, *_ARTICLE):
            found += [(NUMBER, v) for v in self.values(article, _NUMBER)]
        if tally:
            found += [(TALLY, v) for v in self.values(article, _CITING_ITEMS)]
        return found

    def values(self, node: str, predicate: ox.NamedNode) -> list[Term]:
        quads = self.store.quads_for_pattern(ox.NamedNode(node), predicate, None)
        return sorted(
            {q.object for q in quads if isinstance(q.object, ox.NamedNode | ox.Literal)}, key=str
        )

    def _has(self, node: str, predicate: ox.NamedNode, value: ox.NamedNode) -> bool:
        return (
            next(iter(self.store.quads_for_pattern(ox.NamedNode(node), predicate, value)), None)
            is not None
        )

    def concept(self, concept: str) -> list[tuple[ox.NamedNode, Term]]:
        """What ``most-reused-clauses`` shows of a clause concept: its prefLabels and schemes,
        each once (its triples are repeated in the graph of every list writing it)."""
        return [(LABEL, v) for v in self.values(concept, _LABEL)] + [
            (SCHEME, v) for v in self.values(concept, _SCHEME)
        ]

    def tallied_articles(self) -> dict[str, tuple[int, int, tuple[ox.Literal, ...]]]:
        """Every article with the three tallies: its items and citations as numbers, and the
        three as the tallies write them."""
        found: dict[str, tuple[int, int, tuple[ox.Literal, ...]]] = {}
        for quad in self.store.quads_for_pattern(None, _CITING_ITEMS, None):
            node, items = quad.subject, quad.object
            if not isinstance(node, ox.NamedNode) or not isinstance(items, ox.Literal):
                continue
            citations = self._one(node, _CITATION_COUNT)
            lists = self._one(node, _CITING_LISTS)
            if citations is None or lists is None or not self._has(node.value, *_ARTICLE):
                continue
            if not _INTEGER.fullmatch(items.value) or not _INTEGER.fullmatch(citations.value):
                continue
            found[node.value] = (int(items.value), int(citations.value), (items, citations, lists))
        return found

    def _one(self, node: ox.NamedNode, predicate: ox.NamedNode) -> ox.Literal | None:
        value = next(iter(self.store.quads_for_pattern(node, predicate, None)), None)
        return value.object if value is not None and isinstance(value.object, ox.Literal) else None

    def label(self, concept: str) -> tuple[int, str]:
        """A clause concept's prefLabel (the least, when it has several)."""
        label = self._first(concept, _LABEL, min)
        return (0, "") if label is None else (1, label)

    def tally(self, article: str) -> int:
        """The items citing it, from the tallies."""
        items = self._first(article, _CITING_ITEMS, max)
        return int(items) if items is not None else 0


def _kept(rows: derived.Mapping[derived.Key, list[int]]) -> list[tuple[derived.Key, list[int]]]:
    """The facts the derived graph holds (a key that counted nothing is not written)."""
    return [(key, counts) for key, counts in rows.items() if any(counts)]


def _text(term: derived.Term | None) -> tuple[int, str]:
    return (0, "") if term is None else (1, term.value)


def _integer(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=_XSD_INTEGER)
