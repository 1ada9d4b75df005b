"""The SPARQL side of the workbench: the bundled queries as forms (the parameters they
declare, ``graph.store.parameters``), a bundled query run with bindings, and SPARQL text from the
editor; every IRI of a result linked to its page."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

import pyoxigraph as ox

from graph.errors import QueryError
from graph.store.parameters import declared
from graph.store.query import QueryResult, bundled_queries, load_query, parse_binding, run_query
from graph.store.results import result_rows
from graph.web.answer import ROW_LIMIT, TIMEOUT, Answer
from graph.web.links import iri_path


@cache
def query_forms() -> tuple[dict[str, Any], ...]:
    """Each bundled query with its description and the parameters it declares, which the
    workbench shows as form fields (``variables``: their names; ``required``: those it cannot run
    without; ``help``: what each takes). Read once: the bundled queries are package files.

    >>> form = next(f for f in query_forms() if f["name"] == "who-cites")
    >>> form["variables"], form["required"]
    (['target', 'citation'], ['target'])
    """
    forms = []
    for name, text in bundled_queries().items():
        parameters = declared(load_query(name), name)
        forms.append(
            {
                "name": name,
                "description": text,
                "variables": [p.name for p in parameters],
                "required": [p.name for p in parameters if p.required],
                "help": {p.name: p.help for p in parameters},
            }
        )
    return tuple(forms)


def missing(name: str, bindings: Mapping[str, str]) -> list[str]:
    """The required parameters of bundled query ``name`` that ``bindings`` leaves empty: a form
    opened without them is shown, not run.

    >>> missing("who-cites", {}), missing("who-cites", {"target": "urn:x"})
    (['target'], [])
    """
    form = next(f for f in query_forms() if f["name"] == name)
    return [v for v in form["required"] if not bindings.get(v, "").strip()]


def run_named(store: ox.Store, name: str, bindings: Mapping[str, str]) -> Answer:
    """Run a bundled query by name with ``bindings`` (variable → value as the CLI's
    ``--bind`` reads it); empty values are left unbound."""
    if name not in bundled_queries():
        raise QueryError(
            f"no bundled query named {name!r}; bundled queries: {', '.join(bundled_queries())}"
        )
    values = dict(parse_binding(f"{k}={v}") for k, v in bindings.items() if v.strip())
    result = run_query(store, name, values, timeout=TIMEOUT, limit=ROW_LIMIT)
    answer = Answer("query", name)
    fill(answer, result)
    return answer


def run_sparql(store: ox.Store, text: str) -> Answer:
    """Run SPARQL text typed into the workbench's editor (SELECT or ASK; updates and SERVICE
    are refused, as ``quanze query`` refuses them, with the same time and row limits).

    Only text is run: a file name (``….rq``), which ``quanze query`` would read from disk, is
    refused, so a page cannot make the app read its files.
    """
    text = text.strip()
    if not text:
        raise QueryError("type a SPARQL query, e.g. SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10")
    if "\n" not in text and text.endswith(".rq"):
        raise QueryError(f"{text!r} names a file; the editor runs SPARQL text only")
    result = run_query(store, text, timeout=TIMEOUT, limit=ROW_LIMIT)
    answer = Answer("sparql", "SPARQL")
    fill(answer, result)
    return answer


def fill(answer: Answer, result: QueryResult) -> None:
    """Put a query's result into ``answer``: its rows (IRIs linked to their pages) or its
    boolean."""
    if result.kind == "ask":
        answer.facts = {"answer": bool(result.boolean)}
        return
    if result.kind != "select":
        raise QueryError(f"a {result.kind} query; the workbench shows SELECT and ASK results")
    answer.columns, answer.rows = result.variables, result_rows(result)
    for column in answer.columns:
        for row in answer.rows:
            if target := iri_path(row[column]):
                row[f"{column}_path"] = target
                answer.links[column] = f"{column}_path"
    answer.facts = {"rows": len(answer.rows)}
    if result.truncated:
        answer.notes.append(f"only the first {ROW_LIMIT} rows are shown")
