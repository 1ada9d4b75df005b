"""The SPARQL side of the workbench: the bundled queries as forms (the variables their
descriptions name), a bundled query run with bindings, and SPARQL text from the editor; every
IRI of a result linked to its page."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import pyoxigraph as ox

from graph.errors import QueryError
from graph.store.query import QueryResult, bundled_queries, parse_binding, run_query
from graph.store.results import result_rows
from graph.web.answer import ROW_LIMIT, TIMEOUT, Answer
from graph.web.links import iri_path

_BOUND = re.compile(r"\?([A-Za-z_][A-Za-z0-9_]*)")


def query_forms() -> list[dict[str, Any]]:
    """Each bundled query with its description and the variables it is meant to be given (those
    its description names, as ``?target``), which the workbench shows as form fields.

    >>> next(f for f in query_forms() if f["name"] == "who-cites")["variables"]
    ['target']
    """
    return [
        {"name": name, "description": text, "variables": list(dict.fromkeys(_BOUND.findall(text)))}
        for name, text in bundled_queries().items()
    ]


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
