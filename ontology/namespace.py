"""Closed rdflib namespaces for the quanze ontology and the reused terms it declares.

Generated from ontology/quanze.ttl by ``python -m ontology.generate``: do not edit.
"""

from rdflib import namespace
from rdflib.term import URIRef


class QZ(namespace.DefinedNamespace):
    """quanze ontology: power lists, power items, citations."""

    _fail = True

    # classes
    AccountabilityClause: URIRef  # accountability clause
    Anomaly: URIRef  # anomaly
    Cell: URIRef  # cell
    Citation: URIRef  # citation
    Equivalence: URIRef  # equivalence
    PowerItem: URIRef  # power item
    PowerList: URIRef  # power list
    Reject: URIRef  # reject
    ResponsibilityItem: URIRef  # responsibility item

    # object properties
    accountabilityBasis: URIRef  # accountability basis
    between: URIRef  # between
    citedBy: URIRef  # cited by
    citedVersion: URIRef  # cited version
    cites: URIRef  # cites
    citesArticle: URIRef  # cites article
    citesLaw: URIRef  # cites law
    citesText: URIRef  # cites text
    clauseConcept: URIRef  # clause concept
    clauseOf: URIRef  # clause of
    equivalentPower: URIRef  # equivalent power
    exerciseLevel: URIRef  # exercise level
    exercisedBy: URIRef  # exercised by
    field: URIRef  # field
    guidedBy: URIRef  # guided by
    hasAccountabilityClause: URIRef  # has accountability clause
    hasAnomaly: URIRef  # has anomaly
    hasCell: URIRef  # has cell
    hasReject: URIRef  # has reject
    hasResponsibilityItem: URIRef  # has responsibility item
    inList: URIRef  # in list
    inVersion: URIRef  # in version
    keyword: URIRef  # keyword
    kind: URIRef  # citation kind
    legalBasis: URIRef  # legal basis
    partOfExpression: URIRef  # part of expression
    powerType: URIRef  # power type
    restsOn: URIRef  # rests on
    sharedProvision: URIRef  # shared provision

    # datatype properties
    accountabilityBasisText: URIRef  # accountability basis text
    accountabilityLead: URIRef  # accountability lead
    accountabilityText: URIRef  # accountability text
    basisText: URIRef  # legal basis text
    category: URIRef  # catalogue category
    citationCount: URIRef  # citation count
    citationSimilarity: URIRef  # citation similarity
    citingItems: URIRef  # citing items
    citingLists: URIRef  # citing lists
    clauseLabel: URIRef  # clause label
    clauseMark: URIRef  # clause mark
    clauseNumber: URIRef  # clause number
    clauseWarning: URIRef  # clause warning
    code: URIRef  # anomaly code
    column: URIRef  # column
    contentDigest: URIRef  # content digest
    departmentText: URIRef  # department as written
    docNumber: URIRef  # document number
    encoding: URIRef  # encoding
    expired: URIRef  # expired
    format: URIRef  # file format
    guidingDepartmentText: URIRef  # guiding department as written
    head: URIRef  # article head
    header: URIRef  # header
    heading: URIRef  # heading
    history: URIRef  # history
    inRegistry: URIRef  # in registry
    lastArticle: URIRef  # last article
    levelText: URIRef  # exercise level as written
    mapped: URIRef  # mapped
    nameSimilarity: URIRef  # name similarity
    ordinal: URIRef  # ordinal
    parentName: URIRef  # parent name
    position: URIRef  # column position
    powerTypeText: URIRef  # power type as written
    quadsDigest: URIRef  # quads digest
    rankTag: URIRef  # rank tag
    rankText: URIRef  # legal rank as given
    reason: URIRef  # reason
    region: URIRef  # region
    remarks: URIRef  # remarks
    responsibilityLead: URIRef  # responsibility lead
    responsibilityText: URIRef  # responsibility text
    row: URIRef  # row
    rowsSeen: URIRef  # rows seen
    score: URIRef  # score
    sourceFile: URIRef  # source file
    sourceLine: URIRef  # source line
    sourcePath: URIRef  # source path
    storedQuads: URIRef  # stored quads
    subitemName: URIRef  # sub-item name
    text: URIRef  # text
    textChoice: URIRef  # text choice
    timeLimit: URIRef  # time limit
    versionNote: URIRef  # version note
    via: URIRef  # carrier notice
    warning: URIRef  # warning

    # concept schemes
    accountabilityClauses: URIRef  # accountability clauses
    citationKinds: URIRef  # citation kinds
    exerciseLevels: URIRef  # exercise levels
    itemFields: URIRef  # item fields
    keywords: URIRef  # keywords
    legalRanks: URIRef  # legal ranks
    powerTypes: URIRef  # power types
    responsibilityItems: URIRef  # responsibility items
    subdivisionTypes: URIRef  # subdivision types

    _NS = namespace.Namespace("https://w3id.org/quanze/ontology#")


class QZPT(namespace.DefinedNamespace):
    """quanze power types (职权类型), a SKOS concept scheme."""

    _fail = True

    # concepts
    adjudication: URIRef  # administrative adjudication
    benefit: URIRef  # administrative benefit
    coercion: URIRef  # administrative coercion
    confirmation: URIRef  # administrative confirmation
    inspection: URIRef  # administrative inspection
    levy: URIRef  # administrative levy
    licensing: URIRef  # administrative licensing
    other: URIRef  # other administrative power
    penalty: URIRef  # administrative penalty
    public_service: URIRef  # public service
    reward: URIRef  # administrative reward

    _NS = namespace.Namespace("https://w3id.org/quanze/ontology/power-type#")


class QZLEVEL(namespace.DefinedNamespace):
    """quanze exercise levels (行使层级), a SKOS concept scheme."""

    _fail = True

    # concepts
    county: URIRef  # county
    municipal: URIRef  # municipal
    national: URIRef  # national
    provincial: URIRef  # provincial
    township: URIRef  # township

    _NS = namespace.Namespace("https://w3id.org/quanze/ontology/exercise-level#")


class QZRANK(namespace.DefinedNamespace):
    """quanze legal ranks (效力级别), a SKOS concept scheme."""

    _fail = True

    # concepts
    administrative_regulation: URIRef  # administrative regulation
    autonomous_regulation: URIRef  # autonomous and separate regulation
    constitution: URIRef  # constitution
    departmental_rule: URIRef  # departmental rule
    judicial_interpretation: URIRef  # judicial interpretation
    law: URIRef  # law
    local_government_rule: URIRef  # local government rule
    local_regulation: URIRef  # local regulation
    normative_document: URIRef  # normative document
    party_regulation: URIRef  # party regulation
    policy_document: URIRef  # policy document

    _NS = namespace.Namespace("https://w3id.org/quanze/ontology/legal-rank#")


class QZKIND(namespace.DefinedNamespace):
    """quanze citation kinds (引用方式), a SKOS concept scheme."""

    _fail = True

    # concepts
    abbreviation: URIRef  # abbreviation
    continuation: URIRef  # continuation
    explicit: URIRef  # explicit
    law_level: URIRef  # law-level
    malformed: URIRef  # malformed
    unmarked: URIRef  # unmarked
    unresolved: URIRef  # unresolved

    _NS = namespace.Namespace("https://w3id.org/quanze/ontology/citation-kind#")


class QZFIELD(namespace.DefinedNamespace):
    """quanze item fields (事项栏目), a SKOS concept scheme."""

    _fail = True

    # concepts
    accountability: URIRef  # accountability
    accountability_basis: URIRef  # accountability basis
    basis: URIRef  # legal basis
    name: URIRef  # name
    remarks: URIRef  # remarks
    responsibility: URIRef  # responsibility

    _NS = namespace.Namespace("https://w3id.org/quanze/ontology/field#")


class QZSUB(namespace.DefinedNamespace):
    """quanze subdivision types (条文层级), a SKOS concept scheme."""

    _fail = True

    # concepts
    article: URIRef  # article
    chapter: URIRef  # chapter
    paragraph: URIRef  # paragraph
    part: URIRef  # part
    point: URIRef  # point
    section: URIRef  # section
    subpart: URIRef  # subpart

    _NS = namespace.Namespace("https://w3id.org/quanze/ontology/subdivision#")


class ELI(namespace.DefinedNamespace):
    """The ELI terms quanze uses (European Legislation Identifier ontology)."""

    _fail = True

    # classes
    LegalExpression: URIRef
    LegalResource: URIRef
    LegalResourceSubdivision: URIRef

    # object properties
    cites: URIRef
    has_part: URIRef
    is_part_of: URIRef
    is_realized_by: URIRef
    passed_by: URIRef
    realizes: URIRef
    type_document: URIRef
    type_subdivision: URIRef

    # datatype properties
    date_publication: URIRef
    first_date_entry_in_force: URIRef
    id_local: URIRef
    number: URIRef
    title: URIRef
    version_date: URIRef

    _NS = namespace.Namespace("http://data.europa.eu/eli/ontology#")


class CPSV(namespace.DefinedNamespace):
    """The CPSV-AP terms quanze uses (Core Public Service Vocabulary)."""

    _fail = True

    # classes
    PublicService: URIRef

    _NS = namespace.Namespace("http://purl.org/vocab/cpsv#")


class CV(namespace.DefinedNamespace):
    """The Core Vocabularies (CPSV-AP 3) terms quanze uses."""

    _fail = True

    # object properties
    hasCompetentAuthority: URIRef
    hasLegalResource: URIRef

    _NS = namespace.Namespace("http://data.europa.eu/m8g/")


class OA(namespace.DefinedNamespace):
    """The W3C Web Annotation terms quanze uses."""

    _fail = True

    # classes
    ResourceSelection: URIRef
    TextPositionSelector: URIRef
    TextQuoteSelector: URIRef

    # object properties
    hasSelector: URIRef
    hasSource: URIRef

    # datatype properties
    end: URIRef
    exact: URIRef
    prefix: URIRef
    start: URIRef
    suffix: URIRef

    _NS = namespace.Namespace("http://www.w3.org/ns/oa#")
