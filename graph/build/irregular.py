"""Whether a list graph gives the "who cites" queries more than one row per citation.

``who-cites`` and its kin (``who-cites-law``, ``-article``, ``-doc-number``) give, for each
citation of their target, one row per value of what they read of it, its item and its list: as a
build writes them, one row, times its law's titles (which ``quanze laws import`` may add to). So
their count is the target's citations (the tallies, ``graph.build.tally``) times those titles
(``graph.store.boundcount``), where the engine took over 5 s at 100 k items, unless a list is
irregular: it names no source file (the queries start at it: none of its citations gives a row),
or an item or citation holds two values of a field they read (items whose IRIs meet: a repeated
row keyed ``1.2`` beside a row written ``1.2``). The derived graph keeps which lists are
(``derived.IRREGULAR``, per list graph: a rebuild replaces its list's); while any is, those
queries are counted by the engine.

A build knows it as it writes the list (``graph.build.listrows``: its items' IRIs meet, or it
names no source file); a store counted afresh (a list removed by hand, a store built before) is
asked here, each list graph for two values of anything those queries read once: some 60 ms a
list of 200 items under load, which a build does not pay. Either way a list called regular gives
one row per citation and title, so counts are exact whichever said so.
"""

from __future__ import annotations

import pyoxigraph as ox

#: What the queries read once per list, item, citation or clause (each written once).
_ONCE = (
    "qz:sourceFile",
    "qz:region",
    "dcterms:title",
    "dcterms:issued",
    "qz:row",
    "qz:departmentText",
    "qz:inList",
    "qz:citedBy",
    "qz:field",
    "qz:kind",
    "qz:cites",
    "qz:citesLaw",
    "qz:citesArticle",
    "qz:versionNote",
    "oa:exact",
    "oa:start",
    "oa:end",
    "qz:clauseOf",
    "qz:text",
    "qz:clauseNumber",
)
_ASK = (
    """
PREFIX qz: <https://w3id.org/quanze/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX oa: <http://www.w3.org/ns/oa#>
ASK { GRAPH <{graph}> {
  { ?list a qz:PowerList FILTER NOT EXISTS { ?list qz:sourceFile ?source } }
"""
    + "".join(f"  UNION {{ ?node {p} ?a , ?b FILTER(?a != ?b) }}\n" for p in _ONCE)
    + "} }"
)


def irregular(store: ox.Store, graph: str) -> bool:
    """True if the list graph ``graph`` gives a "who cites" query other than one row per
    citation and title."""
    return bool(store.query(_ASK.replace("{graph}", graph)))
