"""``quanze build --validate``: the SHACL verdict in the build report, exit 1 on violations."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from typer.testing import CliRunner

from graph.app.cli import app
from graph.build.build import build_graph
from graph.store.validate import validate_graphs
from tests.graph.handmade import citations_a, citations_b, list_a, list_b

runner = CliRunner()
ID = "https://w3id.org/quanze/id/"
QZ = "https://w3id.org/quanze/ontology#"
XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


def test_build_validate_on_the_samples(sample_paths: list[Path], tmp_path: Path) -> None:
    args = ["build", *map(str, sample_paths), "--store", str(tmp_path / "s"), "--validate"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "SHACL: conforms (3 graph(s) checked)" in result.stderr  # two lists, the tallies


def test_a_tally_out_of_range_is_a_violation() -> None:
    store = ox.Store()
    build_graph([list_a()], store, citations=citations_a())
    tally = ox.NamedNode(f"{ID}graph/tally")
    quad = next(store.quads_for_pattern(None, ox.NamedNode(f"{QZ}citingItems"), None, tally))
    store.remove(quad)
    store.add(ox.Quad(quad.subject, quad.predicate, ox.Literal("0", datatype=XSD_INTEGER), tally))
    verdict = validate_graphs(store, [tally.value])
    assert verdict.violations == 1


def test_violations_are_counted_per_graph() -> None:
    store = ox.Store()
    report = build_graph([list_a(), list_b()], store, citations=citations_a() + citations_b())
    graphs = [built.graph for built in report.built]
    assert validate_graphs(store, graphs).conforms
    item = ox.NamedNode(f"{ID}list/000_a/item/1")
    graph = ox.NamedNode(graphs[0])
    store.remove(ox.Quad(item, ox.NamedNode(QZ + "inList"), ox.NamedNode(f"{ID}list/000_a"), graph))
    store.add(ox.Quad(item, ox.NamedNode(QZ + "row"), ox.Literal("again"), graph))
    verdict = validate_graphs(store, graphs)
    assert (verdict.conforms, verdict.violations) == (False, 2)
    summary = verdict.summary()
    assert summary.startswith("SHACL: 2 violation(s) in 1 of 2 graph(s)")
    assert graphs[0] in summary and graphs[1] not in summary
