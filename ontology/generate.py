"""Generates ontology/namespace.py (closed rdflib namespaces) from quanze.ttl, the source of truth.

Run ``python -m ontology.generate`` after editing quanze.ttl; a test fails while the two differ.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef

from ontology import ONTOLOGY_PATH

#: Python class name → namespace IRI, in output order: own namespaces, then reused ones.
NAMESPACES: dict[str, str] = {
    "QZ": "https://w3id.org/quanze/ontology#",
    "QZPT": "https://w3id.org/quanze/ontology/power-type#",
    "QZLEVEL": "https://w3id.org/quanze/ontology/exercise-level#",
    "QZRANK": "https://w3id.org/quanze/ontology/legal-rank#",
    "QZKIND": "https://w3id.org/quanze/ontology/citation-kind#",
    "QZFIELD": "https://w3id.org/quanze/ontology/field#",
    "QZSUB": "https://w3id.org/quanze/ontology/subdivision#",
    "ELI": "http://data.europa.eu/eli/ontology#",
    "CPSV": "http://purl.org/vocab/cpsv#",
    "CV": "http://data.europa.eu/m8g/",
    "OA": "http://www.w3.org/ns/oa#",
}

#: Own namespaces: every term in them needs Chinese and English labels and a comment.
OWN = ("QZ", "QZPT", "QZLEVEL", "QZRANK", "QZKIND", "QZFIELD", "QZSUB")

_DOC = {
    "QZ": "quanze ontology: power lists, power items, citations",
    "QZPT": "quanze power types (职权类型), a SKOS concept scheme",
    "QZLEVEL": "quanze exercise levels (行使层级), a SKOS concept scheme",
    "QZRANK": "quanze legal ranks (效力级别), a SKOS concept scheme",
    "QZKIND": "quanze citation kinds (引用方式), a SKOS concept scheme",
    "QZFIELD": "quanze item fields (事项栏目), a SKOS concept scheme",
    "QZSUB": "quanze subdivision types (条文层级), a SKOS concept scheme",
    "ELI": "The ELI terms quanze uses (European Legislation Identifier ontology)",
    "CPSV": "The CPSV-AP terms quanze uses (Core Public Service Vocabulary)",
    "CV": "The Core Vocabularies (CPSV-AP 3) terms quanze uses",
    "OA": "The W3C Web Annotation terms quanze uses",
}

_KINDS: tuple[tuple[URIRef, str], ...] = (
    (OWL.Class, "classes"),
    (OWL.ObjectProperty, "object properties"),
    (OWL.DatatypeProperty, "datatype properties"),
    (SKOS.ConceptScheme, "concept schemes"),
    (SKOS.Concept, "concepts"),
)

_MAX_LINE = 100


def _english_label(graph: Graph, term: URIRef) -> str:
    for prop in (RDFS.label, SKOS.prefLabel):
        for value in graph.objects(term, prop):
            if isinstance(value, Literal) and value.language == "en":
                return str(value)
    return ""


def _terms(graph: Graph, namespace: str) -> dict[str, list[tuple[str, str]]]:
    """Kind heading → sorted (local name, English label) of the terms declared in ``namespace``."""
    out: dict[str, list[tuple[str, str]]] = {}
    for kind, heading in _KINDS:
        names = []
        for term in set(graph.subjects(RDF.type, kind)):
            if isinstance(term, URIRef) and str(term).startswith(namespace):
                local = str(term)[len(namespace) :]
                if not local.isidentifier():
                    raise ValueError(f"{term}: local name is not a Python identifier")
                names.append((local, _english_label(graph, term)))
        if names:
            out[heading] = sorted(names)
    return out


def render(graph: Graph) -> str:
    """The source text of ontology/namespace.py for the ontology ``graph``."""
    lines = [
        '"""Closed rdflib namespaces for the quanze ontology and the reused terms it declares.',
        "",
        "Generated from ontology/quanze.ttl by ``python -m ontology.generate``: do not edit.",
        '"""',
        "",
        "from rdflib import namespace",
        "from rdflib.term import URIRef",
    ]
    for name, namespace in NAMESPACES.items():
        lines += [
            "",
            "",
            f"class {name}(namespace.DefinedNamespace):",
            f'    """{_DOC[name]}."""',
            "",
        ]
        lines.append("    _fail = True")
        for heading, terms in _terms(graph, namespace).items():
            lines += ["", f"    # {heading}"]
            for local, label in terms:
                line = f"    {local}: URIRef"
                if label:
                    line += f"  # {label}"
                lines.append(line[:_MAX_LINE].rstrip())
        lines += ["", f'    _NS = namespace.Namespace("{namespace}")']
    return "\n".join(lines) + "\n"


def main() -> None:
    """Regenerate ontology/namespace.py next to this file."""
    target = Path(__file__).with_name("namespace.py")
    target.write_text(render(Graph().parse(ONTOLOGY_PATH, format="turtle")), encoding="utf-8")
    sys.stderr.write(f"wrote {target}\n")


if __name__ == "__main__":
    main()
