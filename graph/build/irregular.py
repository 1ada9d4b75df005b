"""Whether a list graph gives the "who cites" queries more than one row per citation.

``who-cites`` and its kin (``who-cites-law``, ``-article``, ``-doc-number``) give, for each
citation of their target, one row per value of what they read of it, its item and its list: as a
build writes them, one row, times its law's titles (which ``quanze laws import`` may add to). So
their count is the target's citations (the tallies, ``graph.build.tally``) times those titles
(``graph.store.boundcount``), where the engine took over 5 s at 100 k items, unless a list is
irregular: it names no source file (the queries start at it: none of its citations gives a row),
or an item or citation holds two values of a field they read (items whose IRIs meet: a repeated
row keyed ``1.2`` beside a row written ``1.2``). The derived graph keeps how many lists are
(``derived.IRREGULAR``); while any is, those queries are counted by the engine.

Asked of the list graph in the store, both when a build makes a list current and when a rebuilt
or removed list's part is taken away, so the sum cannot drift.
"""

from __future__ import annotations

import pyoxigraph as ox

_ASK = """
PREFIX qz: <https://w3id.org/quanze/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
ASK { GRAPH <{graph}> {
  { ?list a qz:PowerList FILTER NOT EXISTS { ?list qz:sourceFile ?source } }
  UNION { ?list a qz:PowerList ; qz:sourceFile ?a , ?b FILTER(?a != ?b) }
  UNION { ?list a qz:PowerList ; qz:region ?a , ?b FILTER(?a != ?b) }
  UNION { ?node qz:row ?a , ?b FILTER(?a != ?b) }
  UNION { ?node a qz:PowerItem ; dcterms:title ?a , ?b FILTER(?a != ?b) }
  UNION { ?node qz:departmentText ?a , ?b FILTER(?a != ?b) }
  UNION { ?node qz:inList ?a , ?b FILTER(?a != ?b) }
  UNION { ?node qz:versionNote ?a , ?b FILTER(?a != ?b) }
} }"""


def irregular(store: ox.Store, graph: str) -> bool:
    """True if the list graph ``graph`` gives a "who cites" query other than one row per
    citation and title."""
    return bool(store.query(_ASK.replace("{graph}", graph)))
