"""The ontology: labels and comments on every own term, the reuse axioms the design asks for,
and the generated namespace module in step with quanze.ttl."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef

from ontology import ONTOLOGY_PATH, load_ontology, load_shapes
from ontology.generate import NAMESPACES, OWN, render

QZ = Namespace("https://w3id.org/quanze/ontology#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
PROV = Namespace("http://www.w3.org/ns/prov#")
CPSV = Namespace("http://purl.org/vocab/cpsv#")
CV = Namespace("http://data.europa.eu/m8g/")
OA = Namespace("http://www.w3.org/ns/oa#")
ORG = Namespace("http://www.w3.org/ns/org#")


@pytest.fixture(scope="module")
def onto() -> Graph:
    return load_ontology()


def own_terms(graph: Graph) -> set[URIRef]:
    prefixes = tuple(NAMESPACES[name] for name in OWN)
    return {
        s
        for s in graph.subjects(RDF.type, None)
        if isinstance(s, URIRef) and str(s).startswith(prefixes)
    }


def languages(graph: Graph, term: URIRef, prop: URIRef) -> set[str | None]:
    return {o.language for o in graph.objects(term, prop) if isinstance(o, Literal)}


def test_generated_namespace_is_current() -> None:
    generated = render(Graph().parse(ONTOLOGY_PATH, format="turtle"))
    current = (Path(ONTOLOGY_PATH).parent / "namespace.py").read_text(encoding="utf-8")
    assert generated == current, "run: python -m ontology.generate"


def test_every_own_term_is_labelled_in_chinese_and_english(onto: Graph) -> None:
    missing = []
    for term in sorted(own_terms(onto)):
        if (term, RDF.type, SKOS.Concept) in onto:
            if not {"zh", "en"} <= languages(onto, term, SKOS.prefLabel):  # ⊑ rdfs:label
                missing.append(f"{term}: skos:prefLabel zh+en")
            continue
        if not {"zh", "en"} <= languages(onto, term, RDFS.label):
            missing.append(f"{term}: rdfs:label zh+en")
        if not languages(onto, term, RDFS.comment):
            missing.append(f"{term}: rdfs:comment")
    assert not missing, "\n".join(missing)


@pytest.mark.parametrize(
    ("triple"),
    [
        pytest.param((QZ.PowerList, RDFS.subClassOf, PROV.Entity), id="list-is-prov-entity"),
        pytest.param((QZ.PowerItem, RDFS.subClassOf, CPSV.PublicService), id="item-is-service"),
        pytest.param(
            (QZ.exercisedBy, RDFS.subPropertyOf, CV.hasCompetentAuthority), id="exercised-by"
        ),
        pytest.param((QZ.legalBasis, RDFS.subPropertyOf, CV.hasLegalResource), id="basis-cv"),
        pytest.param((QZ.legalBasis, RDFS.subPropertyOf, ELI.cites), id="basis-eli"),
        pytest.param((QZ.accountabilityBasis, RDFS.subPropertyOf, ELI.cites), id="acc-basis"),
        pytest.param((QZ.exercisedBy, RDFS.range, ORG.Organization), id="authority-is-org"),
        pytest.param((QZ.cites, RDFS.range, ELI.LegalResource), id="cites-legal-resource"),
        pytest.param((QZ.Citation, RDFS.subClassOf, OA.ResourceSelection), id="citation-oa"),
        pytest.param((QZ.ResponsibilityItem, RDF.type, OWL.Class), id="responsibility-item"),
        pytest.param((QZ.AccountabilityClause, RDF.type, OWL.Class), id="accountability-clause"),
    ],
)
def test_reuse_axioms(onto: Graph, triple: tuple[URIRef, URIRef, URIRef]) -> None:
    assert triple in onto


@pytest.mark.parametrize(
    ("scheme", "labels"),
    [
        pytest.param(
            QZ.powerTypes,
            [
                "行政许可",
                "行政处罚",
                "行政强制",
                "行政征收",
                "行政给付",
                "行政检查",
                "行政确认",
                "行政奖励",
                "行政裁决",
                "其他行政权力",
            ],
            id="power-types",
        ),
        pytest.param(
            QZ.legalRanks,
            [
                "法律",
                "行政法规",
                "部门规章",
                "地方性法规",
                "地方政府规章",
                "规范性文件",
                "党内法规",
            ],
            id="legal-ranks",
        ),
        pytest.param(QZ.exerciseLevels, ["国家级", "省级", "市级", "县级", "乡级"], id="levels"),
        pytest.param(QZ.subdivisionTypes, ["编", "章", "节", "条", "款", "项"], id="subdivisions"),
    ],
)
def test_concept_schemes(onto: Graph, scheme: URIRef, labels: list[str]) -> None:
    assert (scheme, RDF.type, SKOS.ConceptScheme) in onto
    pref = {
        str(o)
        for c in onto.subjects(SKOS.inScheme, scheme)
        for o in onto.objects(c, SKOS.prefLabel)
        if isinstance(o, Literal) and o.language == "zh"
    }
    assert set(labels) <= pref


def test_citation_kinds_cover_the_extractor() -> None:
    from typing import get_args

    from extractors.models import CitationKind

    onto = load_ontology()
    notations = {
        str(o)
        for c in onto.subjects(SKOS.inScheme, QZ.citationKinds)
        for o in onto.objects(c, SKOS.notation)
    }
    assert set(get_args(CitationKind)) == notations


def test_item_fields_cover_the_text_fields() -> None:
    from extractors.models import TEXT_FIELDS

    onto = load_ontology()
    notations = {
        str(o)
        for c in onto.subjects(SKOS.inScheme, QZ.itemFields)
        for o in onto.objects(c, SKOS.notation)
    }
    assert set(TEXT_FIELDS) <= notations


def test_closed_namespace_refuses_typos() -> None:
    from ontology.namespace import QZ as CLOSED

    assert CLOSED.PowerItem == QZ.PowerItem
    with pytest.raises(AttributeError):
        CLOSED.PowerIten  # noqa: B018


def test_shapes_parse_and_target_the_main_classes() -> None:
    shapes = load_shapes()
    targets = set(shapes.objects(None, URIRef("http://www.w3.org/ns/shacl#targetClass")))
    assert {QZ.PowerList, QZ.PowerItem, QZ.Citation, ELI.LegalResource} <= targets


def test_readme_has_the_glossary_and_names_every_own_class(onto: Graph) -> None:
    readme = (Path(ONTOLOGY_PATH).parent / "README.md").read_text(encoding="utf-8")
    assert "## Glossary" in readme and "## Classes and links" in readme
    for chinese in ("权责清单", "事项", "设定依据", "追责依据", "条", "款", "项"):
        assert f"| {chinese}" in readme or f" {chinese} " in readme, chinese
    classes = [
        str(c).rsplit("#", 1)[1]
        for c in onto.subjects(RDF.type, OWL.Class)
        if str(c).startswith(str(QZ))
    ]
    missing = [name for name in classes if f"qz:{name}" not in readme]
    assert not missing, f"classes not in ontology/README.md: {missing}"
