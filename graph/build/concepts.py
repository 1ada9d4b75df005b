"""Maps what lists write (行政处罚, 区县级, 部门规章) onto the SKOS concepts of the ontology."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from rdflib import SKOS, Literal, URIRef

from ontology import load_ontology
from ontology.namespace import QZ, QZFIELD, QZKIND

_LEVEL_SEPARATORS = re.compile(r"[、,，/／;；\s]+|和|及")


def normalise(text: str) -> str:
    """The lookup key of a label: NFKC, no white space.

    >>> normalise(" 行政 处罚 ")
    '行政处罚'
    """
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@cache
def _labels(scheme: URIRef) -> dict[str, URIRef]:
    graph = load_ontology()
    out: dict[str, URIRef] = {}
    for concept in graph.subjects(SKOS.inScheme, scheme):
        assert isinstance(concept, URIRef)
        for prop in (SKOS.prefLabel, SKOS.altLabel):
            for label in graph.objects(concept, prop):
                if isinstance(label, Literal) and label.language == "zh":
                    out[normalise(str(label))] = concept
    return out


def power_type(text: str) -> URIRef | None:
    """The power-type concept for a type cell, or None when it names none.

    >>> power_type("行政处罚")
    rdflib.term.URIRef('https://w3id.org/quanze/ontology/power-type#penalty')
    >>> power_type("其他权力") == power_type("其他行政权力")
    True
    """
    return _labels(QZ.powerTypes).get(normalise(text))


def exercise_levels(text: str) -> tuple[list[URIRef], list[str]]:
    """The level concepts a level cell names, and the parts that name none.

    >>> levels, unknown = exercise_levels("市级、区县级")
    >>> [str(c).rsplit("#", 1)[1] for c in levels], unknown
    (['municipal', 'county'], [])
    """
    labels = _labels(QZ.exerciseLevels)
    whole = labels.get(normalise(text))
    if whole is not None:
        return [whole], []
    found: list[URIRef] = []
    unknown: list[str] = []
    for part in _LEVEL_SEPARATORS.split(text):
        if not part:
            continue
        concept = labels.get(normalise(part))
        if concept is None:
            unknown.append(part)
        elif concept not in found:
            found.append(concept)
    return found, unknown


def legal_rank(text: str) -> URIRef | None:
    """The legal-rank concept (效力级别) for a rank name, or None.

    >>> str(legal_rank("部门规章")).rsplit("#", 1)[1]
    'departmental_rule'
    """
    return _labels(QZ.legalRanks).get(normalise(text))


def citation_kind(kind: str) -> URIRef:
    """The concept for a citation kind as the extractor writes it (``law-level`` …)."""
    return QZKIND[kind.replace("-", "_")]


def item_field(key: str) -> URIRef:
    """The concept for a field key in which citations are searched (``basis`` …)."""
    return QZFIELD[key]
