"""The resolved citations, citing items and laws per legal rank (效力级别), as ``citations-by-rank``
gives them, made whenever the derived graph is written (``graph.build.derived``).

The query grouped every citation of the store by rank (over 5 s at 100 k items; 5.8 s to its first
row at 10 k under load). A citation's rank is its law's (the zh label of its ``eli:type_document``,
else its ``qz:rankText``: the registry's, or an imported text's), else the tag the list wrote
(【行政法规】), else the least tag any list gave that law, else （未知）. The first two change with
``quanze laws import``, the last with other lists, so no list can sum its part by rank; the
derived facts keep what does sum (``RANK_CITED``: per law and tag, the citations; ``RANK_ITEMS``:
the items per set of (law, tag) pairs they cite, as an item citing two laws of one rank counts
once) and the rows are made from them and the laws' ranks the store holds when the graph is
written: by every build, and by ``quanze laws import`` (``derived.refresh``).
"""

from __future__ import annotations

import json
from collections import defaultdict

import pyoxigraph as ox

from graph.build import derived
from graph.iri import Iris

UNKNOWN = "（未知）"
_RANKS = """
PREFIX qz: <https://w3id.org/quanze/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?law ?work ?label ?text WHERE {
  VALUES ?law { {laws} }
  { ?law a eli:LegalResource BIND(?law AS ?work) }
  UNION {
    ?law eli:type_document ?concept . ?concept skos:prefLabel ?label FILTER(LANG(?label) = "zh")
  }
  UNION { ?law qz:rankText ?text }
}"""
_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
KIND = "RankCount"

Pair = tuple[str, str | None]


def rows(store: ox.Store, facts: derived.Facts) -> dict[str, tuple[int, int, int]]:
    """Per rank: the citations, items and laws, as the query counts them."""
    cited: dict[Pair, tuple[int, int]] = {}
    for (work, tag), (n, tagged) in facts.rows[derived.RANK_CITED.name].items():
        if work is not None and (n or tagged):
            cited[(work.value, None if tag is None else tag.value)] = (n, tagged)
    laws = sorted({law for law, _ in cited})
    works: set[str] = set()
    labels: defaultdict[str, set[str]] = defaultdict(set)
    texts: defaultdict[str, set[str]] = defaultdict(set)
    if laws:
        query = _RANKS.replace("{laws}", " ".join(f"<{law}>" for law in laws))
        result = store.query(query, use_default_graph_as_union=True)
        assert isinstance(result, ox.QuerySolutions)
        for row in result:
            node, typed, label, text = (row[n] for n in ("law", "work", "label", "text"))
            assert isinstance(node, ox.NamedNode)
            if typed is not None:
                works.add(node.value)
            if isinstance(label, ox.Literal):
                labels[node.value].add(label.value)
            if isinstance(text, ox.Literal):
                texts[node.value].add(text.value)
    least: dict[str, str] = {}
    for (cited_law, written), (_, tagged) in cited.items():
        if written is not None and tagged:
            held = least.get(cited_law)
            least[cited_law] = written if held is None else min(held, written)

    def ranks(pair: Pair) -> set[str]:
        law, tag = pair
        if labels[law] or texts[law]:
            return labels[law] or texts[law]
        return {tag or least.get(law) or UNKNOWN}

    of_pair = {pair: ranks(pair) for pair in cited if pair[0] in works}
    per_rank: defaultdict[str, int] = defaultdict(int)
    of_law: defaultdict[str, set[str]] = defaultdict(set)
    for pair, found in of_pair.items():
        if cited[pair][0]:
            for rank in found:
                per_rank[rank] += cited[pair][0]
                of_law[rank].add(pair[0])
    items: defaultdict[str, int] = defaultdict(int)
    for (key,), (n,) in facts.rows[derived.RANK_ITEMS.name].items():
        if key is None or n <= 0:
            continue
        reached: set[str] = set()
        for pair in json.loads(key.value):
            reached |= of_pair.get((pair[0], pair[1]), set())
        for rank in reached:
            items[rank] += n
    return {rank: (n, items[rank], len(of_law[rank])) for rank, n in per_rank.items()}


def quads(store: ox.Store, facts: derived.Facts, iris: Iris) -> list[ox.Quad]:
    """The rows as nodes of the derived graph (``qzd:RankCount``)."""
    graph = ox.NamedNode(iris.derived_graph())
    out: list[ox.Quad] = []
    for rank, counts in sorted(rows(store, facts).items()):
        node = derived.fact_node(iris, KIND, (ox.Literal(rank),))
        out.append(ox.Quad(node, _TYPE, ox.NamedNode(derived.QZD + KIND), graph))
        out.append(ox.Quad(node, ox.NamedNode(derived.QZD + "rank"), ox.Literal(rank), graph))
        for name, n in zip(("citations", "items", "laws"), counts, strict=True):
            value = ox.Literal(str(n), datatype=_XSD_INTEGER)
            out.append(ox.Quad(node, ox.NamedNode(derived.QZD + name), value, graph))
    return out
