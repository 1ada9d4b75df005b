"""Runs SPARQL on the store: bundled named queries (graph/queries/*.rq), files or text.

Values reach a query only as bindings (pyoxigraph substitutions), never by pasting user text
into SPARQL. Updates are refused unless asked for.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

import pyoxigraph as ox
from rdflib import Literal as RdfLiteral
from rdflib import URIRef

from graph.errors import QueryError

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
BindingValue = Term | URIRef | RdfLiteral | str | int | float | bool
ResultKind = Literal["select", "ask", "graph", "update"]

_ERROR_AT = re.compile(r"error at (\d+):(\d+): (.*)", re.S)
_UPDATE_WORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)
_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True, slots=True)
class QueryResult:
    """A materialised query result.

    ``rows`` (SELECT) map each bound variable to its term; unbound variables are absent.
    ``boolean`` is set for ASK, ``triples`` for CONSTRUCT / DESCRIBE.
    """

    kind: ResultKind
    variables: tuple[str, ...] = ()
    rows: tuple[dict[str, Term], ...] = ()
    boolean: bool | None = None
    triples: tuple[ox.Triple, ...] = field(default=())


@cache
def bundled_queries() -> dict[str, str]:
    """Name → description (its ``# description:`` line) of every bundled query.

    >>> "who-cites" in bundled_queries()
    True
    """
    out: dict[str, str] = {}
    folder = resources.files("graph").joinpath("queries")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            first = entry.read_text(encoding="utf-8").splitlines()[0]
            if not first.startswith("# description:"):
                raise QueryError(f"graph/queries/{entry.name}: first line must be '# description:'")
            out[entry.name[:-3]] = first.removeprefix("# description:").strip()
    return out


def load_query(text_or_name: str) -> str:
    """The SPARQL text for a bundled query name, a ``.rq`` file path, or SPARQL text itself."""
    if text_or_name in bundled_queries():
        folder = resources.files("graph").joinpath("queries")
        return folder.joinpath(f"{text_or_name}.rq").read_text(encoding="utf-8")
    if text_or_name.endswith(".rq") and "\n" not in text_or_name:
        path = Path(text_or_name)
        if not path.is_file():
            raise QueryError(f"{path}: no such query file")
        return path.read_text(encoding="utf-8")
    if _VARIABLE.fullmatch(text_or_name.replace("-", "_")):
        names = ", ".join(bundled_queries())
        raise QueryError(f"no bundled query named {text_or_name!r}; bundled queries: {names}")
    return text_or_name


def _strip_lexical(text: str) -> str:
    """The query with IRIs, strings and comments blanked out, so keywords can be looked for."""
    text = re.sub(r"<[^<>\"{}|^`\\\s]*>", "<>", text)
    text = re.sub(
        r"'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"",
        '""',
        text,
        flags=re.S,
    )
    return re.sub(r"#[^\n]*", "", text)


def is_update(text: str) -> bool:
    """True if ``text`` is a SPARQL UPDATE (after its prologue of PREFIX / BASE declarations).

    >>> is_update("PREFIX ex: <http://e/#> # comment\\nINSERT DATA { ex:a ex:b ex:c }")
    True
    >>> is_update("SELECT * WHERE { ?s ?p '#DELETE' }")
    False
    """
    body = _strip_lexical(text)
    body = re.sub(r"(?i)\b(?:PREFIX\s+[^\s:]*:\s*<>|BASE\s*<>)", " ", body)
    first = re.search(r"[A-Za-z]+", body)
    return first is not None and first.group(0).upper() in _UPDATE_WORDS


def _term(name: str, value: BindingValue) -> Term:
    if isinstance(value, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple):
        return value
    if isinstance(value, URIRef):
        return ox.NamedNode(str(value))
    if isinstance(value, RdfLiteral):
        if value.language:
            return ox.Literal(str(value), language=value.language)
        if value.datatype:
            return ox.Literal(str(value), datatype=ox.NamedNode(str(value.datatype)))
        return ox.Literal(str(value))
    if isinstance(value, bool | int | float | str):
        return ox.Literal(value)
    raise QueryError(f"binding ?{name}: cannot bind a {type(value).__name__}")


def _syntax_error(text: str, exc: SyntaxError) -> QueryError:
    message = str(exc)
    match = _ERROR_AT.match(message)
    if match is None:
        return QueryError(f"malformed SPARQL: {message}")
    line, column, reason = int(match.group(1)), int(match.group(2)), match.group(3)
    if len(reason) > 160:  # Oxigraph lists every expected character class
        reason = reason[:160].rstrip() + " …"
    lines = text.splitlines() or [""]
    shown = lines[line - 1] if 0 < line <= len(lines) else ""
    caret = " " * min(max(column - 2, 0), len(shown)) + "^"  # Oxigraph points just past the fault
    return QueryError(
        f"malformed SPARQL at line {line}, column {column}: {reason}\n  {shown}\n  {caret}",
        line=line,
        column=column,
    )


def run_query(
    store: ox.Store,
    text_or_name: str,
    bindings: Mapping[str, BindingValue] | None = None,
    *,
    allow_update: bool = False,
) -> QueryResult:
    """Run a bundled query (by name), a ``.rq`` file or SPARQL text against ``store``.

    The default graph is the union of all graphs. ``bindings`` give variables their values before
    evaluation (a bound variable must be in the SELECT projection). UPDATE is refused unless
    ``allow_update``. Malformed SPARQL raises QueryError with line and column.
    """
    text = load_query(text_or_name)
    if is_update(text):
        if not allow_update:
            raise QueryError("this is a SPARQL UPDATE; updates are refused unless allowed")
        if bindings:
            raise QueryError("bindings are not supported for updates")
        try:
            store.update(text)
        except SyntaxError as exc:
            raise _syntax_error(text, exc) from exc
        return QueryResult("update")
    substitutions = {}
    for name, value in (bindings or {}).items():
        name = name.lstrip("?$")
        if not _VARIABLE.fullmatch(name):
            raise QueryError(f"{name!r} is not a SPARQL variable name")
        substitutions[ox.Variable(name)] = _term(name, value)
    try:
        result = store.query(text, substitutions=substitutions, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise _syntax_error(text, exc) from exc
    except (ValueError, RuntimeError) as exc:  # e.g. a bound variable not in the projection
        raise QueryError(f"cannot run the query: {exc}") from exc
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(result))
    if isinstance(result, ox.QueryTriples):
        return QueryResult("graph", triples=tuple(result))
    variables = tuple(v.value for v in result.variables)
    rows = []
    for solution in result:
        row = {}
        for name in variables:
            value = solution[name]
            if value is not None:
                row[name] = value
        rows.append(row)
    return QueryResult("select", variables, tuple(rows))
