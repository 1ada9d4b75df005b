"""Keeps each name's authorities in IRI order, so that ``view-authority-named``'s first page is read
from one literal instead of every authority of that name (``graph.store.named``).

At 1M items 3,334 authorities share one name (``县医保局``: a relative name is one authority per
region). The query's answer is sorted by the authority's IRI, so its first page came once all
3,334 IRIs were read from the store's string table (73-116 ms at load 5-7, ~30 µs an IRI),
whatever the engine did before. The derived graph is written once a build commits and once
``quanze laws import`` changes the laws (``derived.write``); it then keeps, per name (the text,
STR(), of an ``skos:prefLabel`` or ``skos:altLabel`` of an ``org:Organization``, as the query's
former text compared it), one node holding the name (``qzd:authorityName``) and its authorities'
IRIs in IRI order as one JSON list (``qzd:orgs``), and one node saying it keeps them
(``qzd:AuthorityNames``, with how many names: ``qzd:names``). A derived graph written by earlier
code has no such node: the pager asks the query then, as before. Made from the whole store when
the graph is written, not summed over the lists: an authority's lines are in the shared graph,
which no build takes lines away from (13.3 k authorities at 1M items, read once a build).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator

import pyoxigraph as ox

from graph.build import derived
from graph.iri import Iris

KIND = "AuthoritiesNamed"
#: The node saying the derived graph keeps the names (``qzd:AuthorityNames``).
KEPT = "AuthorityNames"
NAME = ox.NamedNode(derived.QZD + "authorityName")
ORGS = ox.NamedNode(derived.QZD + "orgs")
NAMES = ox.NamedNode(derived.QZD + "names")
_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
#: Every authority and the text of each of its names (literals alone: the query looks the name up
#: as a literal).
_NAMED = """
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?org ?label WHERE {
  ?org a org:Organization ; skos:prefLabel|skos:altLabel ?label FILTER(isLiteral(?label))
}"""


def named(store: ox.Store) -> dict[str, list[str]] | None:
    """Each name's authorities (their IRIs, in IRI order: by code point, as SPARQL orders IRIs
    and Python strings), as the store holds them now; None when an authority is a blank node
    (the builds write none: the answer's order among blank nodes is the engine's, so the pager
    asks the query)."""
    found: defaultdict[str, set[str]] = defaultdict(set)
    result = store.query(_NAMED, use_default_graph_as_union=True)
    assert isinstance(result, ox.QuerySolutions)
    for row in result:
        org, label = row["org"], row["label"]
        if not isinstance(org, ox.NamedNode):
            return None
        if isinstance(label, ox.Literal):
            found[label.value].add(org.value)
    return {name: sorted(orgs) for name, orgs in found.items()}


def quads(store: ox.Store, iris: Iris) -> Iterator[ox.Quad]:
    """The derived graph's nodes of the names and their authorities, read from the store now
    (none when ``named`` cannot keep them)."""
    graph = ox.NamedNode(iris.derived_graph())
    names = named(store)
    if names is None:
        return
    for name, orgs in sorted(names.items()):
        node = derived.fact_node(iris, KIND, (ox.Literal(name),))
        yield ox.Quad(node, _TYPE, ox.NamedNode(derived.QZD + KIND), graph)
        yield ox.Quad(node, NAME, ox.Literal(name), graph)
        text = json.dumps(orgs, ensure_ascii=False, separators=(",", ":"))
        yield ox.Quad(node, ORGS, ox.Literal(text), graph)
    kept = ox.NamedNode(f"{iris.derived_graph()}/{KEPT}")
    yield ox.Quad(kept, _TYPE, ox.NamedNode(derived.QZD + KEPT), graph)
    yield ox.Quad(kept, NAMES, ox.Literal(str(len(names)), datatype=_XSD_INTEGER), graph)
