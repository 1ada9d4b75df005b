"""Checks built graphs against the SHACL shapes (pyshacl), with the ontology mixed in."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox
from pyshacl import validate
from rdflib import Graph, URIRef

from graph.iri import Iris
from graph.store.open import to_rdflib
from ontology import load_ontology, load_shapes

_SH = "http://www.w3.org/ns/shacl#"


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """Whether a graph conforms, and pyshacl's report (text and graph) when it does not."""

    conforms: bool
    text: str
    results: Graph

    @property
    def violations(self) -> int:
        """How many results of severity sh:Violation the report holds (not counting the nested
        results that detail one)."""
        violation = URIRef(_SH + "Violation")
        return sum(
            1
            for result in self.results.objects(None, URIRef(_SH + "result"))
            if (result, URIRef(_SH + "resultSeverity"), violation) in self.results
        )


@dataclass(frozen=True, slots=True)
class ValidationSummary:
    """The SHACL verdict on several graphs (what ``quanze build --validate`` reports)."""

    reports: tuple[tuple[str, ValidationReport], ...]  # (graph IRI, its report)

    @property
    def conforms(self) -> bool:
        """True when every graph conforms."""
        return all(report.conforms for _, report in self.reports)

    @property
    def violations(self) -> int:
        """Violations in all graphs."""
        return sum(report.violations for _, report in self.reports)

    def summary(self, max_lines: int = 20) -> str:
        """One line of totals, then the start of each failing graph's report."""
        failing = [(g, r) for g, r in self.reports if not r.conforms]
        if not failing:
            return f"SHACL: conforms ({len(self.reports)} graph(s) checked)"
        lines = [
            f"SHACL: {self.violations} violation(s) in {len(failing)} of "
            f"{len(self.reports)} graph(s)"
        ]
        for graph, report in failing:
            lines.append(f"  {graph}:")
            text = report.text.strip().splitlines()
            lines += ["    " + line for line in text[:max_lines]]
            if len(text) > max_lines:
                lines.append(f"    … {len(text) - max_lines} more line(s)")
        return "\n".join(lines)


def validate_graph(data: Graph) -> ValidationReport:
    """Validate an rdflib graph against ontology/shapes.ttl (quanze.ttl as the ontology graph)."""
    conforms, results, text = validate(
        data,
        shacl_graph=load_shapes(),
        ont_graph=load_ontology(),
        inference="none",
        allow_warnings=True,
    )
    return ValidationReport(bool(conforms), str(text), results)


def validate_store(store: ox.Store, graph: str | None = None) -> ValidationReport:
    """Validate one named graph of the store, or all of them merged (small stores only)."""
    return validate_graph(to_rdflib(store, graph))


def validate_graphs(store: ox.Store, graphs: Iterable[str]) -> ValidationSummary:
    """Validate each named graph with the ontology and the shared graph (laws, provisions,
    authorities) beside it, so memory stays that of one list plus what lists share."""
    shared = to_rdflib(store, Iris().shared_graph())
    reports = []
    for graph in graphs:
        data = to_rdflib(store, graph)
        data += load_ontology()
        data += shared  # the laws, provisions and authorities the list's citations point to
        reports.append((graph, validate_graph(data)))
    return ValidationSummary(tuple(reports))
