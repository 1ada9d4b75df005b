"""Writes analysis results into the store's analysis named graph, replacing it whole each run.

The graph holds equivalent powers (a ``qz:Equivalence`` node with its scores, plus the symmetric
``qz:equivalentPower`` shortcut written both ways) and keywords (SKOS concepts of
``qz:keywords`` linked from items by ``qz:keyword``). Node IRIs are derived from what they stand
for, so rerunning on the same store gives the same (isomorphic) graph.
"""

from __future__ import annotations

import hashlib

import pyoxigraph as ox
from rdflib import RDF as _RDF
from rdflib import SKOS as _SKOS

from graph.analytics.analyze import Analysis
from graph.iri import DEFAULT_BASE, segment
from ontology.namespace import QZ

_DECIMAL = ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")
_TYPE = ox.NamedNode(str(_RDF.type))
_CONCEPT = ox.NamedNode(str(_SKOS.Concept))
_IN_SCHEME = ox.NamedNode(str(_SKOS.inScheme))
_PREF_LABEL = ox.NamedNode(str(_SKOS.prefLabel))


def _qz(term: object) -> ox.NamedNode:
    return ox.NamedNode(str(term))


def analysis_graph(base: str = DEFAULT_BASE) -> str:
    """The IRI of the named graph ``quanze analyze`` writes.

    >>> analysis_graph()
    'https://w3id.org/quanze/id/graph/analysis'
    """
    return f"{base}graph/analysis"


def keyword_iri(word: str, base: str = DEFAULT_BASE) -> str:
    """The concept IRI of a keyword.

    >>> keyword_iri("社会保险")
    'https://w3id.org/quanze/id/keyword/社会保险'
    """
    return f"{base}keyword/{segment(word)}"


def equivalence_iri(item_a: str, item_b: str, base: str = DEFAULT_BASE) -> str:
    """The IRI of the equivalence of two items, the same whichever is given first.

    >>> a, b = "https://w3id.org/quanze/id/list/x/item/1", "https://w3id.org/quanze/id/list/y/item/2"
    >>> equivalence_iri(a, b) == equivalence_iri(b, a)
    True
    """
    first, second = sorted((item_a, item_b))
    digest = hashlib.sha256(f"{first} {second}".encode()).hexdigest()[:20]
    return f"{base}equivalence/{digest}"


def _decimal(value: float) -> ox.Literal:
    return ox.Literal(f"{value:.4f}", datatype=_DECIMAL)


def analysis_quads(analysis: Analysis, base: str = DEFAULT_BASE) -> list[ox.Quad]:
    """The quads of the analysis graph for ``analysis``, sorted (deterministic)."""
    graph = ox.NamedNode(analysis_graph(base))
    out: set[ox.Quad] = set()

    def add(s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> None:
        out.add(ox.Quad(s, p, o, graph))

    for e in analysis.equivalences:
        node = ox.NamedNode(equivalence_iri(e.item_a, e.item_b, base))
        a, b = ox.NamedNode(e.item_a), ox.NamedNode(e.item_b)
        add(node, _TYPE, _qz(QZ.Equivalence))
        add(node, _qz(QZ.between), a)
        add(node, _qz(QZ.between), b)
        add(node, _qz(QZ.score), _decimal(e.score))
        add(node, _qz(QZ.citationSimilarity), _decimal(e.citation_similarity))
        add(node, _qz(QZ.nameSimilarity), _decimal(e.name_similarity))
        for unit in e.shared:
            add(node, _qz(QZ.sharedProvision), ox.NamedNode(unit))
        add(a, _qz(QZ.equivalentPower), b)
        add(b, _qz(QZ.equivalentPower), a)
    for item, words in analysis.keywords:
        for word in words:
            concept = ox.NamedNode(keyword_iri(word, base))
            add(ox.NamedNode(item), _qz(QZ.keyword), concept)
            add(concept, _TYPE, _CONCEPT)
            add(concept, _IN_SCHEME, _qz(QZ.keywords))
            add(concept, _PREF_LABEL, ox.Literal(word, language="zh"))
    return sorted(out, key=str)


def write_analysis(store: ox.Store, analysis: Analysis, base: str = DEFAULT_BASE) -> int:
    """Replace the analysis graph of ``store`` with ``analysis``; returns the number of quads
    written. As a list rebuild does, the old graph is dropped, then the new one is loaded in one
    transaction (pyoxigraph 0.5 has no transaction spanning both)."""
    quads = analysis_quads(analysis, base)
    store.remove_graph(ox.NamedNode(analysis_graph(base)))
    store.extend(quads)
    return len(quads)
