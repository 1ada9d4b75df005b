"""What every question of the workbench returns (``Answer``), and the app's own SPARQL queries
(``graph/web/queries/*.rq``) run with the workbench's time limit."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import pyoxigraph as ox

from graph.store.query import run_query
from graph.store.results import result_rows

#: Rows a table shows at most (a query's rows past it are cut, and the answer says so).
ROW_LIMIT = 5_000
#: Seconds one question may take before the store is told to give up.
TIMEOUT = 30.0


@dataclass(slots=True)
class Answer:
    """One page's worth of answer: what it is about, facts as label → value, and a table.

    ``columns`` name the keys of ``rows`` in display order; ``links`` map a column to the key
    of the row holding the app path it links to. ``sections`` are further named tables (an
    item's cells, its clauses, findings), each a list of rows.
    """

    kind: str
    title: str
    iri: str = ""
    facts: dict[str, Any] = field(default_factory=dict)
    columns: tuple[str, ...] = ()
    rows: list[dict[str, Any]] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)
    sections: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The answer as the JSON API and the MCP tools return it."""
        return {
            "kind": self.kind,
            "title": self.title,
            "iri": self.iri,
            "facts": self.facts,
            "columns": list(self.columns),
            "rows": self.rows,
            "sections": self.sections,
            "notes": self.notes,
        }


def app_query(name: str) -> str:
    """The text of one of the app's own queries (``graph/web/queries/NAME.rq``)."""
    return _queries()[name]


@cache
def _queries() -> dict[str, str]:
    folder = resources.files("graph.web").joinpath("queries")
    return {
        e.name[:-3]: e.read_text(encoding="utf-8")
        for e in folder.iterdir()
        if e.name.endswith(".rq")
    }


def app_rows(store: ox.Store, name: str, **bindings: Any) -> list[dict[str, str]]:
    """The rows of the app's query ``name`` with ``bindings``, as plain text."""
    return result_rows(run_query(store, app_query(name), bindings, timeout=TIMEOUT))
