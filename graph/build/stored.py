"""Whether the store holds what a build says it wrote: a build that reports its lists built must
find, once it is done, the ontology graph, the record graph and every list graph it wrote in the
store it opened. A build that says it succeeded and stored nothing breaks "nothing lost"
(issue #24: a ``quanze build --jobs 2`` left an empty store and exit 0)."""

from __future__ import annotations

import pyoxigraph as ox

from extractors.report import Report
from graph.errors import BuildError
from graph.iri import Iris


def missing(store: ox.Store, report: Report, iris: Iris | None = None) -> list[str]:
    """The graphs the build of ``report`` wrote that ``store`` does not hold, in the order the
    build wrote them: the ontology's, the record's, then each list's.

    >>> store = ox.Store()
    >>> missing(store, Report(()))[0].endswith("ontology")
    True
    """
    iris = iris or Iris()
    wanted = [iris.ontology_graph(), iris.record_graph(), *(b.graph for b in report.built)]
    return [graph for graph in wanted if not store.contains_named_graph(ox.NamedNode(graph))]


def check_stored(store: ox.Store, report: Report, where: object, iris: Iris | None = None) -> None:
    """Raise ``BuildError`` naming what is missing when ``store`` (at ``where``) lacks a graph the
    build of ``report`` wrote."""
    absent = missing(store, report, iris)
    if absent:
        shown = ", ".join(absent[:3]) + (f" and {len(absent) - 3} more" if len(absent) > 3 else "")
        raise BuildError(
            f"{where}: the store does not hold what this build wrote ({len(absent)} graph(s) "
            f"missing: {shown}); build again"
        )
