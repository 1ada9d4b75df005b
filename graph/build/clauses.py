"""Writes the clause nodes of a power item's 责任事项 and 追责情形 cells, the concepts shared by
clauses written alike, and the provisions accountability clauses rest on.

A cell is cut by ``extractors.clauses.split_clauses``: its lead sentence (因不履行或不正确履行行政
职责，有下列情形的…) becomes a literal on the item (``qz:accountabilityLead``), each clause a node
``…/item/{row}/accountability/{n}`` (``n`` counts clauses in the cell, whatever their numbers say)
with its number and mark as written, its label, its text, its numbering warnings, a Web
Annotation ``oa:TextPositionSelector`` into the item's cell text (``qz:accountabilityText``) and
``qz:clauseConcept``: the ``skos:Concept`` that its normalised text stands for (see
``normalise_clause``), ``…/clause/accountability/{id}``, shared by every item and list that writes
the same clause.

The writer also counts the (clause, provision) pairs of ``qz:restsOn`` whose clause has no text
(``1. 2. 不依法履职的``: clause 1 is written with none), which ``derived.BARE_RESTING`` keeps: the
build tells its list's ``derived.Collector`` each such pair as it writes its line (``rested``),
where the commit asked the engine per list (``graph.build.resting``; 0.08 ms of CPU a list at
100 k items, docs/national.md).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, Protocol

from extractors.clauses import Clause, split_clauses
from ontology.namespace import OA, QZ

ClauseKind = Literal["responsibility", "accountability"]

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
_OA_SELECTOR, _OA_POSITION = str(OA.hasSelector), str(OA.TextPositionSelector)
_OA_START, _OA_END = str(OA.start), str(OA.end)
_SPACE = re.compile(r"\s+")
#: Closing punctuation a clause may or may not be written with (after NFKC: ；→; ，→, ．→.).
_CLOSING = ";;。,,.、"


class TripleSink(Protocol):
    """Where triples go: the builder's graph of one list (``graph.build.quads.GraphLines``)."""

    def add(self, s: str, p: str, o: str) -> None: ...
    def link(self, s: str, p: str, o: str) -> None: ...
    def text(self, s: str, p: str, value: str | None, lang: str | None = None) -> None: ...
    def link_once(self, s: str, p: str, o: str) -> None: ...
    def item_once(self, s: str, p: str, o: str) -> bool: ...
    def text_once(self, s: str, p: str, value: str | None, lang: str | None = None) -> None: ...


@dataclass(frozen=True, slots=True)
class _Kind:
    """The terms one kind of clause is written with."""

    cls: str
    has: str
    lead: str
    scheme: str


_KINDS: dict[ClauseKind, _Kind] = {
    "responsibility": _Kind(
        str(QZ.ResponsibilityItem),
        str(QZ.hasResponsibilityItem),
        str(QZ.responsibilityLead),
        str(QZ.responsibilityItems),
    ),
    "accountability": _Kind(
        str(QZ.AccountabilityClause),
        str(QZ.hasAccountabilityClause),
        str(QZ.accountabilityLead),
        str(QZ.accountabilityClauses),
    ),
}
_P = {
    name: str(getattr(QZ, name))
    for name in (
        "clauseOf",
        "clauseNumber",
        "clauseMark",
        "clauseLabel",
        "clauseWarning",
        "clauseConcept",
        "restsOn",
        "text",
    )
}


def normalise_clause(text: str) -> str:
    """The text clauses are told alike by: NFKC (full-width → half-width), white space dropped,
    closing punctuation (；;。，,.、) stripped from the end.

    Nothing else is folded: 或者/或, 的/之 and the like can change what a clause says, so two
    clauses differing by a word stay two concepts (counted apart rather than merged wrongly).

    >>> normalise_clause("违反法定的行政处罚程序的；")
    '违反法定的行政处罚程序的'
    >>> normalise_clause("不依法处理举报、投诉，造成 严重后果的;") == normalise_clause(
    ...     "不依法处理举报、投诉,造成严重后果的。")
    True
    """
    return _SPACE.sub("", unicodedata.normalize("NFKC", text)).rstrip(_CLOSING)


def concept_id(normalised: str) -> str:
    """A stable id for a normalised clause text: the first 16 hex digits of its SHA-1.

    >>> concept_id("违反法定的行政处罚程序的")
    '3f3eaa7ef0651dfd'
    """
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:16]


def _int(value: int) -> str:
    return f'"{value}"^^<{_XSD_INTEGER}>'


class ClauseWriter:
    """Writes the clauses of one list's items into its graph and remembers where each
    accountability clause stands in its cell, so citations can be hung on them later."""

    def __init__(
        self,
        g: TripleSink,
        base: str,
        told: Callable[[str, str, str], None] | None = None,
        rested: Callable[[], None] | None = None,
    ) -> None:
        self.g = g
        self.base = base
        #: told each clause written (item, concept, text): the list's derived facts
        self.told = told
        #: told each (clause of no text, provision) pair of ``qz:restsOn`` written, once each
        self.rested = rested
        #: per item of the batch, its accountability clauses: node, span, whether it has no text
        self.spans: dict[str, list[tuple[str, int, int, bool]]] = defaultdict(list)
        self.count = 0

    def concept(self, kind: ClauseKind, normalised: str) -> str:
        """The IRI of the concept a normalised clause text of ``kind`` stands for."""
        return f"{self.base}clause/{kind}/{concept_id(normalised)}"

    def build(self, item: str, text: str | None, kind: ClauseKind) -> tuple[Clause, ...]:
        """Cut ``text`` (the item's cell of ``kind``) into its lead and clauses, write them, and
        return the clauses."""
        if not text:
            return ()
        terms, g = _KINDS[kind], self.g
        split = split_clauses(text)
        g.text(item, terms.lead, split.lead)
        for n, clause in enumerate(split.clauses, start=1):
            self.count += 1
            node = f"{item}/{kind}/{n}"
            g.link(item, terms.has, node)
            g.link(node, _RDF_TYPE, terms.cls)
            g.link(node, _P["clauseOf"], item)
            if clause.number is not None:
                g.add(node, _P["clauseNumber"], _int(clause.number))
            g.text(node, _P["clauseMark"], clause.mark)
            g.text(node, _P["clauseLabel"], clause.label)
            g.text(node, _P["text"], clause.text)
            for warning in clause.warnings:
                g.text(node, _P["clauseWarning"], warning)
            position = f"{node}/position"
            g.link(node, _OA_SELECTOR, position)
            g.link(position, _RDF_TYPE, _OA_POSITION)
            g.add(position, _OA_START, _int(clause.start))
            g.add(position, _OA_END, _int(clause.end))
            normalised = normalise_clause(clause.text) or clause.text
            concept = self.concept(kind, normalised)
            g.link(node, _P["clauseConcept"], concept)
            if self.told is not None and clause.text:  # written as its qz:text
                self.told(item, concept, clause.text)
            # a concept is shared by the items that write the clause alike: written once
            g.link_once(concept, _RDF_TYPE, f"{_SKOS}Concept")
            g.link_once(concept, f"{_SKOS}inScheme", terms.scheme)
            g.text_once(concept, f"{_SKOS}prefLabel", normalised, "zh")
            if clause.text != normalised:
                g.text_once(concept, f"{_SKOS}altLabel", clause.text, "zh")
            if kind == "accountability":
                self.spans[item].append((node, clause.start, clause.end, not clause.text))
        return split.clauses

    def rest_on(self, item: str, field: str, start: int, end: int, target: str) -> None:
        """Hang a provision cited in ``item`` on its accountability clauses: all of them for a
        citation in the accountability basis (追责依据), the one whose span holds it for a
        citation inside the accountability cell itself."""
        for node, clause_start, clause_end, bare in self.spans.get(item, ()):
            if field == "accountability_basis" or (
                field == "accountability" and start >= clause_start and end <= clause_end
            ):
                # the clause's item may have been taken already: its citations come after it
                written = self.g.item_once(node, _P["restsOn"], target)
                if written and bare and self.rested is not None:  # no qz:text written for it
                    self.rested()
