"""Runs SPARQL on the store: bundled named queries (graph/store/queries/*.rq), files or text.

Values reach a query only as bindings (a VALUES block of serialised RDF terms at the head of
the WHERE clause), never by pasting user text into SPARQL. Updates are
refused unless asked for; a time limit and a row limit keep a runaway query in check.
"""

from __future__ import annotations

import itertools
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeAlias, TypeVar

import pyoxigraph as ox

from graph.errors import EndpointRefusedError, QueryError
from graph.store.asbuilt import as_built
from graph.store.endpoint import Endpoint, QueryTimeoutError, parse_results, term_of
from graph.store.parameters import declared, read_values

if TYPE_CHECKING:  # rdflib is imported when an rdflib term is bound: 45 ms of every start-up
    from rdflib import Literal as RdfLiteral
    from rdflib import URIRef

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
BindingValue: TypeAlias = "Term | URIRef | RdfLiteral | str | int | float | bool"
#: A variable's value, or several (a list or tuple): one VALUES row each, e.g. a page of citations.
Binding: TypeAlias = "BindingValue | list[BindingValue] | tuple[BindingValue, ...]"
#: A bound variable's term, or its several terms.
Bound = Term | tuple[Term, ...]
ResultKind = Literal["select", "ask", "graph", "update"]
#: Where queries run: the embedded store, or a remote SPARQL 1.1 endpoint.
Source = ox.Store | Endpoint
R = TypeVar("R")

__all__ = ["QueryTimeoutError", "Source", "run_query"]

_ERROR_AT = re.compile(r"error at (\d+):(\d+): (.*)", re.S)
_UPDATE_WORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)
_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True, slots=True)
class QueryResult:
    """A materialised query result.

    ``rows`` (SELECT) map each bound variable to its term; unbound variables are absent.
    ``boolean`` is set for ASK, ``triples`` for CONSTRUCT / DESCRIBE. ``truncated`` is true when
    rows (or triples) beyond the limit asked for were cut.
    """

    kind: ResultKind
    variables: tuple[str, ...] = ()
    rows: tuple[dict[str, Term], ...] = ()
    boolean: bool | None = None
    triples: tuple[ox.Triple, ...] = field(default=())
    truncated: bool = False


#: The bundled queries (package data beside this module).
_QUERIES = Path(__file__).with_name("queries")


@cache
def bundled_queries() -> dict[str, str]:
    """Name → description (its ``# description:`` line) of every bundled query.

    >>> "who-cites" in bundled_queries()
    True
    """
    out: dict[str, str] = {}
    for entry in sorted(_QUERIES.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            first = entry.read_text(encoding="utf-8").splitlines()[0]
            if not first.startswith("# description:"):
                raise QueryError(
                    f"graph/store/queries/{entry.name}: first line must be '# description:'"
                )
            out[entry.name[:-3]] = first.removeprefix("# description:").strip()
    return out


def bundled_text(name: str) -> str | None:
    """The text of the bundled query ``name``; None when no bundled query has that name.

    Read once per name, and alone: telling a name from SPARQL text by reading every bundled
    query took 16-24 ms of a first page in a fresh process (load 8).

    >>> bundled_text("who-cites").startswith("# description:"), bundled_text("SELECT * {}")
    (True, None)
    """
    if not _VARIABLE.fullmatch(name.replace("-", "_")):
        return None
    return _bundled_file(name)


@cache
def _bundled_file(name: str) -> str | None:
    path = _QUERIES / f"{name}.rq"
    return path.read_text(encoding="utf-8") if path.is_file() else None


def load_query(text_or_name: str) -> str:
    """The SPARQL text for a bundled query name, a ``.rq`` file path, or SPARQL text itself."""
    bundled = bundled_text(text_or_name)
    if bundled is not None:
        return bundled
    if text_or_name.endswith(".rq") and "\n" not in text_or_name:
        path = Path(text_or_name)
        if not path.is_file():
            raise QueryError(f"{path}: no such query file")
        return path.read_text(encoding="utf-8")
    if _VARIABLE.fullmatch(text_or_name.replace("-", "_")):
        names = ", ".join(bundled_queries())
        raise QueryError(f"no bundled query named {text_or_name!r}; bundled queries: {names}")
    return text_or_name


def parse_binding(text: str) -> tuple[str, BindingValue]:
    """A ``NAME=VALUE`` binding as the CLI takes it: an IRI when VALUE looks like one (``<…>``,
    ``http(s)://…``, ``urn:…``), an integer when it is all digits, else a plain literal.

    >>> parse_binding("law=社会保险法"), parse_binding("article=87")
    (('law', '社会保险法'), ('article', 87))
    >>> parse_binding("target=https://w3id.org/quanze/id/law/x")[1]
    <NamedNode value=https://w3id.org/quanze/id/law/x>
    """
    name, sep, value = text.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not _VARIABLE.fullmatch(name):
        raise QueryError(f"binding {text!r}: write it as NAME=VALUE, e.g. law=社会保险法")
    iri = value[1:-1] if value.startswith("<") and value.endswith(">") else value
    if value != iri or re.match(r"(?:https?://|urn:)\S+$", value):
        try:
            return name, ox.NamedNode(iri)
        except ValueError as exc:
            raise QueryError(f"binding {text!r}: not a valid IRI: {exc}") from exc
    if value.isascii() and value.isdigit():
        return name, int(value)
    return name, value


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


_SERVICE = re.compile(r"(?i)(?<![\w?$:.\-])SERVICE(?![\w:\-])")


def service_error(text: str) -> QueryError | None:
    """The error for a query that asks another endpoint (``SERVICE``), or None if it does not.

    Federation is off unless asked for: a SERVICE call makes the machine that runs the query
    send a request wherever the query says (a local port, an intranet host), so a query typed
    or received is refused before it is evaluated. The keyword is looked for outside IRIs,
    strings and comments, so ``?service`` or ``ex:SERVICE`` do not count.

    >>> service_error("SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }") is None
    False
    >>> service_error("SELECT ?service { ?service <http://e/SERVICE> 'SERVICE' }") is None
    True
    """
    found = _SERVICE.search(_mask(text))
    if found is None:
        return None
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    return QueryError(
        f"the query calls another endpoint (SERVICE at line {line}, column {column}); "
        "federated queries are refused unless allowed (--allow-service)",
        line=line,
        column=column,
    )


def _term(name: str, value: BindingValue) -> Term:
    if isinstance(value, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple):
        return value
    if type(value).__module__.startswith("rdflib."):  # URIRef and Literal are str: tell them first
        return _rdflib_term(name, value)
    if isinstance(value, bool | int | float | str):
        return ox.Literal(value)
    raise QueryError(f"binding ?{name}: cannot bind a {type(value).__name__}")


def _rdflib_term(name: str, value: BindingValue) -> Term:
    from rdflib import Literal as RdfLiteral
    from rdflib import URIRef

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


#: The time limit, in seconds, a query gets unless told otherwise (``quanze query --timeout``).
DEFAULT_TIMEOUT = 30.0

_EMPTY = ox.Store()  # parses queries meant for an endpoint, to report errors with positions


def run_query(
    source: Source,
    text_or_name: str,
    bindings: Mapping[str, Binding] | None = None,
    *,
    allow_update: bool = False,
    allow_service: bool = False,
    timeout: float | None = None,
    limit: int | None = None,
) -> QueryResult:
    """Run a bundled query (by name), a ``.rq`` file or SPARQL text against ``source``: the
    embedded store, or an ``Endpoint`` (a remote SPARQL 1.1 endpoint); the result is the same.

    The default graph is the union of all graphs. ``bindings`` give variables their values before
    evaluation (a bound variable must be in the SELECT projection): a VALUES block at the head
    of the WHERE clause, on the store and on an endpoint alike. UPDATE is refused unless
    ``allow_update``, and a query or update that calls another endpoint (SERVICE) unless
    ``allow_service``: nothing is sent. A query's declared parameters (``# parameter:`` lines,
    ``graph.store.parameters``) must be bound when required and are read by their kind (an
    article as 87 or 第八十七条, an IRI given as text). Malformed SPARQL raises QueryError with
    line and column; a query still running after ``timeout`` seconds raises QueryTimeoutError;
    at most ``limit`` rows (or triples) are kept, and ``truncated`` says whether more were cut.
    """
    if limit is not None and limit < 0:
        raise QueryError(f"the row limit must be 0 or more, not {limit}")
    text, terms = prepare_query(
        text_or_name, bindings, allow_update=allow_update, allow_service=allow_service
    )
    update = is_update(text)
    if isinstance(source, Endpoint):
        return _on_endpoint(source, text, terms, update=update, timeout=timeout, limit=limit)
    if update:
        _in_worker(lambda: _update(source, text), timeout)
        return QueryResult("update")
    text = as_built(source, text, terms)  # a store built before the facts the query reads
    return _in_worker(lambda: _evaluate(source, text, terms, limit), timeout)


def prepare_query(
    text_or_name: str,
    bindings: Mapping[str, Binding] | None = None,
    *,
    allow_update: bool = False,
    allow_service: bool = False,
) -> tuple[str, dict[str, Bound]]:
    """The SPARQL text of a bundled query, file or text, and its bindings read as terms, with
    what ``run_query`` refuses refused (updates, SERVICE, missing or unreadable parameters)."""
    text = load_query(text_or_name)
    update = is_update(text)
    if update and not allow_update:
        raise QueryError("this is a SPARQL UPDATE; updates are refused unless allowed")
    if update and bindings:
        raise QueryError("bindings are not supported for updates")
    if not allow_service and (refused := service_error(text)) is not None:
        raise refused
    terms = read_values(
        _named(text_or_name), declared(text), _terms(bindings), require=text != text_or_name
    )
    return text, terms


def _named(text_or_name: str) -> str:
    """How errors name the query: by its bundled name, else as "the query"."""
    return text_or_name if bundled_text(text_or_name) is not None else "the query"


def _terms(bindings: Mapping[str, Binding] | None) -> dict[str, Bound]:
    out: dict[str, Bound] = {}
    for name, value in (bindings or {}).items():
        name = name.lstrip("?$")
        if not _VARIABLE.fullmatch(name):
            raise QueryError(f"{name!r} is not a SPARQL variable name")
        if isinstance(value, list | tuple):
            out[name] = tuple(_term(name, v) for v in value)
        else:
            out[name] = _term(name, value)
    return out


def _in_worker(work: Callable[[], R], timeout: float | None) -> R:
    """Run ``work`` on a worker thread and wait at most ``timeout`` seconds for it.

    pyoxigraph releases the GIL while it evaluates, so the wait is honoured; it cannot cancel a
    query, so an abandoned one runs on, on a daemon thread, until it ends (or the process does).
    """
    if timeout is None:
        return work()
    if timeout <= 0:
        raise QueryError(f"the time limit must be more than 0 seconds, not {timeout:g}")
    outcome: list[R] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(work())
        except BaseException as exc:  # handed to the waiting thread, which raises it
            failure.append(exc)

    worker = threading.Thread(target=run, name="quanze-query", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise QueryTimeoutError(
            f"the query ran longer than {timeout:g} s and was abandoned; narrow it, add a LIMIT, "
            "or give a longer --timeout"
        )
    if failure:
        raise failure[0]
    return outcome[0]


def _update(store: ox.Store, text: str) -> None:
    try:
        store.update(text)
    except SyntaxError as exc:
        raise _syntax_error(text, exc) from exc


def evaluate(
    store: ox.Store, text: str, terms: Mapping[str, Bound]
) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """The engine's result of ``text`` with ``terms`` bound, read lazily: to be read, and
    dropped, on the thread that called this."""
    # Bindings go in as a VALUES block at the head of WHERE, as for an endpoint: pyoxigraph's
    # own substitutions join them in late (measured on 10 k items: who-cites for one article
    # 10.9 s with substitutions, 0.8 s with VALUES).
    if terms:
        text = inline_bindings(text, terms)
    # ValueError, RuntimeError: e.g. a bound variable not in the projection.
    try:
        return store.query(text, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise _syntax_error(text, exc) from exc
    except (ValueError, RuntimeError, OSError) as exc:
        raise QueryError(f"cannot run the query: {exc}") from exc


def _evaluate(
    store: ox.Store, text: str, terms: Mapping[str, Bound], limit: int | None
) -> QueryResult:
    # OSError: a SERVICE call that failed (allowed, and the endpoint it calls does not answer),
    # which surfaces while the solutions are read. The error is raised with no reference left
    # to the solutions, which must not be dropped on the thread the error is handed to.
    result = evaluate(store, text, terms)
    try:
        return _materialise(result, limit)
    except (ValueError, RuntimeError, OSError) as exc:
        message = str(exc)
    finally:
        del result
    raise QueryError(f"cannot run the query: {message}")


def _materialise(
    result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, limit: int | None
) -> QueryResult:
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(result))
    if isinstance(result, ox.QueryTriples):
        triples = list(itertools.islice(result, None if limit is None else limit + 1))
        cut = limit is not None and len(triples) > limit
        return QueryResult(
            "graph", triples=tuple(triples[:limit] if cut else triples), truncated=cut
        )
    variables = tuple(v.value for v in result.variables)
    rows: list[dict[str, Term]] = []
    for solution in result:
        if limit is not None and len(rows) == limit:
            return QueryResult("select", variables, tuple(rows), truncated=True)
        row = {}
        for name in variables:
            value = solution[name]
            if value is not None:
                row[name] = value
        rows.append(row)
    return QueryResult("select", variables, tuple(rows))


def check_syntax(text: str) -> None:
    """Raise QueryError (with line and column) if ``text`` is not SPARQL 1.1 query or update.

    >>> check_syntax("SELECT * WHERE { ?s ?p ?o }")
    """
    try:
        if is_update(text):
            ox.Store().update(text)  # a throwaway store: only the syntax is of interest
        else:
            _EMPTY.query(text)
    except SyntaxError as exc:
        raise _syntax_error(text, exc) from exc


def _mask(text: str) -> str:
    """``text`` with IRIs, strings and comments blanked by spaces, keeping every offset."""

    def blank(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))

    text = re.sub(r"<[^<>\"{}|^`\\\s]*>", blank, text)
    text = re.sub(
        r"'''.*?'''|\"\"\".*?\"\"\"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"",
        blank,
        text,
        flags=re.S,
    )
    return re.sub(r"#[^\n]*", blank, text)


def inline_bindings(text: str, terms: Mapping[str, Bound]) -> str:
    """The query with a VALUES block for ``terms`` at the head of its WHERE clause, which binds
    the variables before the rest is evaluated; a variable given several terms (a tuple) gives
    a row for each. A binding for a variable the query does not use is refused (a misspelt name
    would otherwise bind nothing and go unnoticed).

    >>> inline_bindings("SELECT ?s WHERE { ?s ?p ?o }", {"o": ox.Literal("第87条")})
    'SELECT ?s WHERE { VALUES (?o) { ("第87条") } ?s ?p ?o }'
    >>> inline_bindings("SELECT ?s WHERE { ?s ?p ?o }", {"o": (ox.Literal("a"), ox.Literal("b"))})
    'SELECT ?s WHERE { VALUES (?o) { ("a") ("b") } ?s ?p ?o }'
    """
    if not terms:
        return text
    masked = _mask(text)
    used = set(re.findall(r"[?$]([A-Za-z_][A-Za-z0-9_]*)", masked))
    unused = sorted(set(terms) - used)
    if unused:
        raise QueryError(
            f"cannot bind {', '.join('?' + n for n in unused)}: the query has no such variable "
            f"(it has {', '.join('?' + n for n in sorted(used)) or 'none'})"
        )
    form = re.search(r"(?i)\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", masked)
    if form is None:
        raise QueryError("cannot bind values: no SELECT, ASK, CONSTRUCT or DESCRIBE in the query")
    start = masked.find("{", form.end())
    if form.group(1).upper() == "CONSTRUCT" and not re.match(
        r"(?i)\s*WHERE\s*\{", masked[form.end() :]
    ):
        depth, i = 0, start  # skip the template
        while i < len(masked):
            depth += {"{": 1, "}": -1}.get(masked[i], 0)
            if depth == 0:
                break
            i += 1
        start = masked.find("{", i + 1)
    if start < 0:
        raise QueryError("cannot bind values: the query has no WHERE clause")
    columns = [bound if isinstance(bound, tuple) else (bound,) for bound in terms.values()]
    for name, column in zip(terms, columns, strict=True):
        if any(isinstance(term, ox.BlankNode | ox.Triple) for term in column):
            raise QueryError(
                f"binding ?{name}: blank nodes and triples cannot be sent to an endpoint"
            )
    names = " ".join(f"?{name}" for name in terms)
    rows = " ".join(
        "(" + " ".join(str(term) for term in row) + ")" for row in itertools.product(*columns)
    )
    return f"{text[: start + 1]} VALUES ({names}) {{ {rows} }}{text[start + 1 :]}"


_LATERAL = re.compile(r"\bLATERAL\s*\{", re.I)
_NOT_TRIPLES = re.compile(r"(?i)\s*(?:\{|(?:OPTIONAL|FILTER|BIND|VALUES|MINUS|GRAPH|SERVICE)\b)")


def standard_form(text: str) -> str:
    """The query with each ``LATERAL { … }`` (SEP-0006, not in SPARQL 1.1) replaced by what it
    holds. Bundled queries wrap only plain patterns and OPTIONALs in LATERAL, which makes
    Oxigraph look each row's details up for that row instead of joining them for the whole store;
    for those the two forms give the same answers.

    >>> standard_form("SELECT * WHERE { ?s ?p ?o LATERAL { OPTIONAL { ?s <p> ?x } } }")
    'SELECT * WHERE { ?s ?p ?o  OPTIONAL { ?s <p> ?x }  }'
    >>> standard_form("SELECT * WHERE { ?s ?p ?o LATERAL { ?s <p> ?x } ?x <q> ?y }")
    'SELECT * WHERE { ?s ?p ?o  . ?s <p> ?x . ?x <q> ?y }'
    """
    while True:
        masked = _mask(text)
        found = _LATERAL.search(masked)
        if found is None:
            return text
        depth, close = 0, -1
        for i in range(found.end() - 1, len(masked)):
            depth += {"{": 1, "}": -1}.get(masked[i], 0)
            if depth == 0:
                close = i
                break
        if close < 0:
            return text  # unbalanced: left for the parser to report
        inner = text[found.end() : close]
        if not _NOT_TRIPLES.match(masked[found.end() : close]):
            # triples stand apart from the triples around them with a '.'
            before = masked[: found.start()].rstrip()
            lead = "" if before.endswith(("{", ".")) else " ."
            trail = "" if masked[found.end() : close].rstrip().endswith(".") else " ."
            inner = f"{lead} {inner.strip()}{trail}"
        text = text[: found.start()] + inner + text[close + 1 :]


def _on_endpoint(
    endpoint: Endpoint,
    text: str,
    terms: Mapping[str, Bound],
    *,
    update: bool,
    timeout: float | None,
    limit: int | None,
) -> QueryResult:
    check_syntax(text)
    if update:
        endpoint.update(text, timeout=timeout)
        return QueryResult("update")
    text = inline_bindings(text, terms)
    try:
        media, body = endpoint.query(text, timeout=timeout)
    except EndpointRefusedError:
        standard = standard_form(text)
        if standard == text:
            raise
        media, body = endpoint.query(standard, timeout=timeout)  # an engine without LATERAL
    answer = parse_results(endpoint.url, media, body)
    if isinstance(answer, list):
        cut = limit is not None and len(answer) > limit
        return QueryResult("graph", triples=tuple(answer[:limit] if cut else answer), truncated=cut)
    if "boolean" in answer:
        return QueryResult("ask", boolean=bool(answer["boolean"]))
    variables = tuple(answer.get("head", {}).get("vars", ()))
    bindings = answer["results"]["bindings"]
    cut = limit is not None and len(bindings) > limit
    rows = tuple(
        {name: term_of(value) for name, value in solution.items()}
        for solution in (bindings[:limit] if cut else bindings)
    )
    return QueryResult("select", variables, rows, truncated=cut)
