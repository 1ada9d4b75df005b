"""Counts of the "who cites" queries bound to a law or a provision, from the tallies or a join of
two patterns, not every row made.

The engine counted ``who-cites`` for the most cited article (20,496 rows) in over 5 s at 100 k
items: it makes every row, each citation's details looked up. Their rows are, per citation of the
target, one (its item's row, name, department, its list's source and region, its note, the
numbers of what it cites: each written once) times the titles of the law it cites as the query
reads them; the tallies (``graph.build.tally``) keep a law's or an article's citations. So:

- ``view-cited-under``: the target's citations (it reads no title, nor anything an item may hold
  twice);
- ``who-cites``: its citations times its law's titles;
- ``who-cites-law``: per law whose title holds the words, its citations times those titles;
- ``who-cites-article``: per such law, its article's citations times those titles;
- ``who-cites-doc-number``: per law the number names (its own, or one a citation wrote with it),
  its citations times its titles;
- ``accountability-resting-on``: the (clause, provision under the target) pairs, each clause
  with its text, times the law's titles;
- a target no tally counts (a 款, a 项, a 章) and ``accountability-resting-on``: what cites (or
  rests on) the provisions under it, counted by the engine as a join of two patterns (the path
  down from the target, then ``qz:cites`` or ``qz:restsOn``).

All this while no list gives more than that (``graph.build.irregular``, counted in the derived
graph: a list naming no source file, items whose IRIs meet), else None: the engine counts their
COUNT form (``graph.store.counting``), as it does when other bindings are given.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pyoxigraph as ox

from graph.build.form import QZD as _QZD
from graph.store.query import Bound, inline_bindings, run_query
from graph.store.results import term_text

_PREFIXES = """PREFIX qz: <https://w3id.org/quanze/ontology#>
PREFIX qzsub: <https://w3id.org/quanze/ontology/subdivision#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
"""
#: The derived graph's form (``derived.FORM``), and whether it says a list is irregular (a count
#: of 0 is not written).
_REGULAR = f"""
SELECT ?form ?irregular WHERE {{
  <{_QZD}graph> <{_QZD}form> ?form
  OPTIONAL {{ ?fact a <{_QZD}Irregular> ; <{_QZD}lists> ?irregular FILTER(?irregular > 0) }}
}}"""
#: A law's or an article's citations (0 when none), and the titles of its law.
_TARGET = (
    _PREFIXES
    + """
SELECT ?kind (SAMPLE(?n) AS ?citations) (COUNT(DISTINCT ?title) AS ?titles) WHERE {
  { ?target a eli:LegalResource BIND(?target AS ?law) BIND("law" AS ?kind) }
  UNION
  { ?target eli:type_subdivision qzsub:article ; eli:is_part_of+ ?law .
    ?law a eli:LegalResource BIND("article" AS ?kind) }
  OPTIONAL { ?target qz:citationCount ?n }
  OPTIONAL { ?law eli:title ?title }
} GROUP BY ?kind"""
)
#: What a subdivision holds (itself and the provisions under it) that ``{cited}`` names, and
#: the titles of its law: a 款's citations, the clauses resting on a law or a provision.
_UNDER = (
    _PREFIXES
    + """
SELECT ?citations (COUNT(DISTINCT ?title) AS ?titles) WHERE {
  { SELECT (COUNT(*) AS ?citations) WHERE { ?provision eli:is_part_of* {target} . {cited} } }
  {target} eli:is_part_of* ?law . ?law a eli:LegalResource .
  OPTIONAL { ?law eli:title ?title }
} GROUP BY ?citations"""
)
#: The citations of a provision, and (as accountability-resting-on reads them: with a text) the
#: accountability clauses resting on it.
_CITES = "?citation qz:cites ?provision"
_RESTING = "?clause qz:restsOn ?provision ; qz:text ?text"
#: The same where no clause resting on a provision lacks a text (``graph.build.resting``): the
#: clauses' texts not read (2.1 s for the most cited law at 100 k items with them).
_RESTING_ALL = "?clause qz:restsOn ?provision"
#: The (clause, provision) pairs of ``qz:restsOn`` whose clause has no text, kept by the builds.
_BARE = f"SELECT ?pairs WHERE {{ ?fact a <{_QZD}BareResting> ; <{_QZD}pairs> ?pairs }}"
#: The form of the derived graph from which it keeps them (``derived.BARE_RESTING``).
BARE_SINCE = 8
#: Per law whose title holds ?law: its citations, or its article's, and the titles holding it.
_BY_TITLE = (
    _PREFIXES
    + """
SELECT ?lawNode (SAMPLE(?n) AS ?citations) (COUNT(DISTINCT ?lawTitle) AS ?titles) WHERE {
  ?lawNode a eli:LegalResource ; eli:title ?lawTitle .
  FILTER(CONTAINS(STR(?lawTitle), ?law))
  {cited}
} GROUP BY ?lawNode"""
)
_LAW_CITED = "?lawNode qz:citationCount ?n ."
_ARTICLE_CITED = """BIND(IRI(CONCAT(STR(?lawNode), "/art_", REPLACE(?article, "[^0-9]+", "-")))
       AS ?articleNode)
  ?articleNode qz:citationCount ?n ."""
#: Per law a document number names (as who-cites-doc-number finds them): citations and titles.
_BY_NUMBER = (
    _PREFIXES
    + """
SELECT ?lawNode (SAMPLE(?n) AS ?citations) (COUNT(DISTINCT ?lawTitle) AS ?titles) WHERE {
  { ?lawNode eli:id_local ?docNumber }
  UNION
  { ?numbered qz:docNumber ?docNumber ; qz:citesLaw ?lawNode }
  ?lawNode a eli:LegalResource ; eli:title ?lawTitle ; qz:citationCount ?n .
} GROUP BY ?lawNode"""
)


def number(term: object) -> int:
    """An integer the engine gave (0 for none)."""
    return int(term_text(term)) if isinstance(term, ox.Literal) else 0


def form(store: ox.Store, timeout: float | None = None) -> int | None:
    """The form of the store's derived graph (``derived.FORM`` when written by this code), or
    None when it has none."""
    rows = run_query(store, _REGULAR, timeout=timeout).rows
    forms = {number(row["form"]) for row in rows}
    return forms.pop() if len(forms) == 1 else None


def _derived(store: ox.Store, timeout: float | None) -> list[bool] | None:
    """Whether the derived graph says a list is irregular (one flag a fact), when it is there in
    a form whose facts read here are this code's (``READ_SINCE`` to ``FORM``, graph.build.form; one
    written by earlier code lacks them); else None."""
    from graph.build.form import FORM, READ_SINCE

    rows = run_query(store, _REGULAR, timeout=timeout).rows
    if not rows or any(not READ_SINCE <= number(row["form"]) <= FORM for row in rows):
        return None
    return ["irregular" in row for row in rows]


def kept(store: ox.Store, timeout: float | None = None) -> bool:
    """True if the store holds a derived graph of this code's form, whose facts are then the
    store's (none: made with ``--nquads-out`` and loaded, a build stopped while it wrote it, or
    one built by earlier code, until its next build)."""
    return _derived(store, timeout) is not None


def regular(store: ox.Store, timeout: float | None = None) -> bool:
    """True if the store's derived graph says every list gives one row per citation and title."""
    flags = _derived(store, timeout)
    return flags is not None and not any(flags)


def _target(
    store: ox.Store,
    terms: Mapping[str, Bound],
    titled: bool,
    timeout: float | None,
    cited: str = _CITES,
) -> int | None:
    """The rows a query gives per citation (or per what ``cited`` matches: the clauses resting
    on it) of its target, times its law's titles when ``titled``."""
    target = terms.get("target")
    if not isinstance(target, ox.NamedNode):
        return None
    rows = [] if cited != _CITES else run_query(store, _TARGET, terms, timeout=timeout).rows
    if len(rows) > 1:  # oddly, both a law and an article
        return None
    if not rows:  # not tallied: a 款, a 章; or what rests on it
        under = _UNDER.replace("{cited}", cited)  # a subquery sees no VALUES
        under = under.replace("{target}", f"<{target.value}>")
        rows = run_query(store, under, timeout=timeout).rows
    if not rows:  # part of no law
        return None
    citations = number(rows[0]["citations"])
    return citations * number(rows[0]["titles"]) if titled else citations


def _summed(store: ox.Store, text: str, terms: Mapping[str, Bound], timeout: float | None) -> int:
    rows = run_query(store, inline_bindings(text, terms), timeout=timeout).rows
    return sum(number(row["citations"]) * number(row["titles"]) for row in rows)


def _resting(store: ox.Store, terms: Mapping[str, Bound], timeout: float | None) -> int | None:
    """accountability-resting-on's rows: the clauses with a text resting on the provisions
    under the target, times its law's titles; their texts read only where the derived graph
    keeps clauses resting with none (or keeps no such count: written by earlier code)."""
    held = form(store, timeout)
    bare = run_query(store, _BARE, timeout=timeout).rows
    texts = held is None or held < BARE_SINCE or any(number(row["pairs"]) for row in bare)
    return _target(store, terms, True, timeout, _RESTING if texts else _RESTING_ALL)


Counter = Callable[[ox.Store, Mapping[str, Bound], float | None], int | None]
#: Per query, its count from the tallies, and whether it needs every list regular.
COUNTERS: dict[str, tuple[Counter, bool]] = {
    "view-cited-under": (lambda s, t, time: _target(s, t, False, time), False),
    "who-cites": (lambda s, t, time: _target(s, t, True, time), True),
    "who-cites-law": (
        lambda s, t, time: _summed(s, _BY_TITLE.replace("{cited}", _LAW_CITED), t, time),
        True,
    ),
    "who-cites-article": (
        lambda s, t, time: _summed(s, _BY_TITLE.replace("{cited}", _ARTICLE_CITED), t, time),
        True,
    ),
    "who-cites-doc-number": (lambda s, t, time: _summed(s, _BY_NUMBER, t, time), True),
    "accountability-resting-on": (_resting, True),
}


def bound_count(
    store: ox.Store, name: str, terms: Mapping[str, Bound], timeout: float | None = None
) -> int | None:
    """The rows of the bundled query ``name`` bound to ``terms``, from the tallies; None when
    they cannot say (the engine must count them)."""
    counter = COUNTERS.get(name)
    if counter is None or set(terms) - {"target", "law", "article", "docNumber"}:
        return None  # another binding (a page of citations, …) narrows the answer
    if any(isinstance(term, tuple) for term in terms.values()):
        return None  # several values: a row for each, which the sums here would merge
    count, needs_regular = counter
    if needs_regular and not regular(store, timeout):
        return None
    return count(store, terms, timeout)
