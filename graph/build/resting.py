"""The accountability clauses with no text that rest on a provision, per list graph, so that
``accountability-resting-on`` is counted without reading each clause's text.

``accountability-resting-on`` gives a row per (clause, provision under its target) with the
clause's text (``qz:text``), times its law's titles (``graph.store.boundcount``). The engine
counted them as a join of the path down from the target and ``qz:restsOn ?provision ; qz:text
?text``: 2.1 s for the most cited law at 100 k items (51,727 rows), most of it reading each
clause's text, where the join without the text took some 50 ms. A clause is written with its
text unless the text is empty (``1. 2. 不依法履职的``: clause 1 has none; ``graph.build.quads``
writes no empty literal), so the rows are the (clause, provision) pairs but those of clauses
with no text; the builds keep those (``derived.BARE_RESTING``, summed over the list graphs as
every derived fact is), and while none is kept the count leaves the text out.

A build counts a list's pairs as it writes them (``graph.build.clauses``, ``Collector.bare``):
asking the engine at each commit took some 6 ms a list (11 min for the 113 k lists of a national
set). The engine counts them here (``bare``) in a list graph read back from the store (a rebuilt
list's old part, a store counted afresh) and in a list whose items' IRIs meet (a clause node
written by two items, with a text by one: the store holds one node, with its text).
"""

from __future__ import annotations

import pyoxigraph as ox

from graph.build.derived import BARE_RESTING, Facts

_BARE = """
SELECT (COUNT(*) AS ?pairs) WHERE { GRAPH <{graph}> {
  ?clause <https://w3id.org/quanze/ontology#restsOn> ?provision
  FILTER NOT EXISTS { ?clause <https://w3id.org/quanze/ontology#text> ?text }
} }"""


def bare(store: ox.Store, graph: str) -> Facts:
    """The list graph ``graph``'s (clause, provision) pairs of ``qz:restsOn`` whose clause has
    no text, as ``BARE_RESTING`` keeps them."""
    facts = Facts()
    result = store.query(_BARE.replace("{graph}", graph))
    assert isinstance(result, ox.QuerySolutions)
    for row in result:
        pairs = row["pairs"]
        if isinstance(pairs, ox.Literal):
            facts.rows[BARE_RESTING.name][()][0] += int(pairs.value)
    return facts
