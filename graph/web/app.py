"""``quanze app``: the analyst's workbench, a Starlette application over a read-only store.

Every page is one question of ``graph.web.questions`` rendered by a Jinja2 template (escaped
by default: list text is untrusted); the same URL with ``format=csv|xlsx|json`` downloads its
table, and ``/api/…`` answers it as JSON. The graph beside a page is the focused view of
``graph/views`` in a frame (``/graph/KIND?ref=…``). Every asset is served from the package, so
the workbench works offline; a Content-Security-Policy keeps the pages from loading anything
from elsewhere.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from extractors.errors import QuanzeError
from graph.errors import QueryError, UnknownReferenceError
from graph.store.open import open_store
from graph.store.query import run_query
from graph.store.results import result_rows
from graph.web import questions, sparql
from graph.web.answer import TIMEOUT, Answer
from graph.web.exports import FORMATS, export, filename
from graph.web.links import path
from graph.web.panel import render_panel
from graph.web.questions import FACETS, QUESTIONS

LANGUAGES = ("zh", "en")
#: Rows a page's table shows (the page says how many more there are; exports carry every row).
SHOWN_ROWS = 1_000

#: The pages may load only what the app serves; the graph frame runs the view's inline script.
PAGE_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; frame-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'self'"
)
GRAPH_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
)


@cache
def messages() -> dict[str, dict[str, str]]:
    """The interface's words by language (``graph/web/messages.json``)."""
    text = resources.files("graph.web").joinpath("messages.json").read_text(encoding="utf-8")
    data = json.loads(text)
    return {lang: data[lang] for lang in LANGUAGES}


@cache
def _templates() -> Environment:
    env = Environment(
        loader=PackageLoader("graph.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def language(request: Request) -> str:
    """The language asked for: ``lang`` in the query, else the cookie, else Chinese."""
    asked = request.query_params.get("lang") or request.cookies.get("lang") or "zh"
    return asked if asked in LANGUAGES else "zh"


def _local(target: str) -> str:
    """``target`` if it is a path on this site, else ``/`` (no redirect elsewhere).

    >>> _local("/article?ref=x"), _local("//evil.example/"), _local("http://evil.example/")
    ('/article?ref=x', '/', '/')
    """
    return target if target.startswith("/") and not target.startswith(("//", "/\\")) else "/"


class Workbench:
    """The app's state: the store (opened read-only) and the rendering of pages."""

    def __init__(self, store: ox.Store, shown_rows: int = SHOWN_ROWS) -> None:
        self.store = store
        self.shown_rows = shown_rows

    def render(
        self, request: Request, template: str, status: int = 200, **context: Any
    ) -> HTMLResponse:
        lang = language(request)
        answer = context.get("answer")
        if answer is not None:  # a table's first rows; its exports carry them all
            context["rows"] = answer.rows[: self.shown_rows]
        words = messages()[lang]
        here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        page = (
            _templates()
            .get_template(template)
            .render(
                t=lambda key: words.get(key, key),
                lang=lang,
                here=here,
                switch_to="en" if lang == "zh" else "zh",
                request=request,
                **context,
            )
        )
        return HTMLResponse(page, status_code=status)

    def failure(self, request: Request, message: str, status: int) -> Response:
        if request.url.path.startswith("/api/") or request.query_params.get("format"):
            return JSONResponse({"error": message}, status_code=status)
        return self.render(request, "error.html", status, message=message)

    # pages ----------------------------------------------------------------------------------

    def home(self, request: Request) -> Response:
        lists = result_rows(run_query(self.store, "lists", timeout=TIMEOUT))
        laws = result_rows(run_query(self.store, "most-cited-laws", limit=20))
        return self.render(request, "home.html", lists=lists, laws=laws)

    def search(self, request: Request) -> Response:
        text = request.query_params.get("q", "")
        return RedirectResponse(questions.search(self.store, text), status_code=303)

    def page(self, request: Request) -> Response:
        name = request.url.path.strip("/")
        param, ask = QUESTIONS[name]
        value = request.query_params.get(param, "")
        if not value.strip():
            raise UnknownReferenceError(f"give ?{param}=… (what the {name} page is about)")
        answer = ask(self.store, value)
        return self.show(request, answer, graph=(name, value) if name in _GRAPHS else None)

    def show(
        self, request: Request, answer: Answer, graph: tuple[str, str] | None = None
    ) -> Response:
        chosen = {k: request.query_params.get(k, "") for k in FACETS}
        facets = questions.facet_counts(answer.rows) if answer.kind == "article" else {}
        if facets:
            answer.rows = questions.filter_rows(answer.rows, chosen)
        fmt = request.query_params.get("format")
        if fmt:
            data, media = export(answer, fmt)
            disposition = f'attachment; filename="{filename(answer, fmt)}"'
            return Response(data, media_type=media, headers={"Content-Disposition": disposition})
        graph_src = path(f"graph/{graph[0]}", ref=graph[1]) if graph else ""
        return self.render(
            request,
            "page.html",
            answer=answer,
            columns=_filled(answer),
            facets=facets,
            chosen={k: v for k, v in chosen.items() if v},
            exports=[(fmt, _with(request, format=fmt)) for fmt in FORMATS],
            graph_src=graph_src,
            clear=_with(request, **dict.fromkeys(FACETS, "")),
            facet_link=lambda key, value: _with(request, **{key: value}),
        )

    def graph(self, request: Request) -> Response:
        kind = request.path_params["kind"]
        if kind not in (*_GRAPHS, "everything"):
            raise HTTPException(404, f"no graph of a {kind!r}")
        page = render_panel(self.store, kind, request.query_params.get("ref", ""))
        return HTMLResponse(page, headers={"Content-Security-Policy": GRAPH_POLICY})

    def queries(self, request: Request) -> Response:
        return self.render(request, "queries.html", forms=sparql.query_forms())

    def query(self, request: Request) -> Response:
        name = request.path_params["name"]
        params = {k: v for k, v in request.query_params.items() if k not in ("format", "lang")}
        forms = [f for f in sparql.query_forms() if f["name"] == name]
        if not forms or not sparql.missing(name, params):
            answer = sparql.run_named(self.store, name, params)  # an unknown name: its error
        else:
            answer = Answer("query", name)  # the form, waiting for its required values
        form = forms[0]
        return self.result(request, answer, form=form, values=params)

    def editor(self, request: Request) -> Response:
        text = request.query_params.get("query", "")
        if not text.strip() and not request.query_params.get("format"):
            return self.result(request, Answer("sparql", "SPARQL"), sparql=_EXAMPLE)
        return self.result(request, sparql.run_sparql(self.store, text), sparql=text)

    def result(self, request: Request, answer: Answer, **context: Any) -> Response:
        """A query's page (its form above the table), or its export."""
        if request.query_params.get("format"):
            return self.show(request, answer)
        return self.render(
            request,
            "page.html",
            answer=answer,
            columns=answer.columns,
            facets={},
            chosen={},
            exports=[(fmt, _with(request, format=fmt)) for fmt in FORMATS] if answer.rows else [],
            graph_src="",
            clear="",
            facet_link=None,
            **context,
        )

    def switch_language(self, request: Request) -> Response:
        to = request.query_params.get("to", "zh")
        response = RedirectResponse(_local(request.query_params.get("next", "/")), status_code=303)
        response.set_cookie("lang", to if to in LANGUAGES else "zh", samesite="strict")
        return response

    # the JSON API ---------------------------------------------------------------------------

    def api(self, request: Request) -> Response:
        name = request.path_params["name"]
        if name == "search":
            return JSONResponse(
                {"path": questions.search(self.store, request.query_params.get("q", ""))}
            )
        if name == "queries":
            return JSONResponse(sparql.query_forms())
        if name == "sparql":
            text = request.query_params.get("query", "")
            return JSONResponse(sparql.run_sparql(self.store, text).to_json())
        if name not in QUESTIONS:
            raise HTTPException(404, f"no question {name!r}; ask one of {', '.join(QUESTIONS)}")
        param, ask = QUESTIONS[name]
        return JSONResponse(ask(self.store, request.query_params.get(param, "")).to_json())

    def api_query(self, request: Request) -> Response:
        params = {k: v for k, v in request.query_params.items()}
        return JSONResponse(
            sparql.run_named(self.store, request.path_params["name"], params).to_json()
        )


_GRAPHS = ("article", "law", "item", "authority")
#: What the SPARQL editor holds before anything is typed.
_EXAMPLE = """PREFIX qz: <https://w3id.org/quanze/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?powerItem ?name ?type WHERE {
  ?powerItem a qz:PowerItem ; dcterms:title ?name ; qz:powerTypeText ?type .
}
LIMIT 20"""


def _filled(answer: Answer) -> tuple[str, ...]:
    """The columns a page shows: those with a value in some row (exports keep every column)."""
    return tuple(c for c in answer.columns if any(r.get(c) not in (None, "") for r in answer.rows))


def _with(request: Request, **changes: str) -> str:
    """The current page's path with some query parameters changed (empty: removed)."""
    params = dict(request.query_params)
    params.pop("lang", None)
    for key, value in changes.items():
        if value:
            params[key] = value
        else:
            params.pop(key, None)
    return path(request.url.path.strip("/"), **params)


class SecurityHeaders:
    """Adds the Content-Security-Policy (unless a route set its own) and the headers that keep
    the browser from guessing types or sending referrers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", PAGE_POLICY.encode()))
                headers.append((b"x-content-type-options", b"nosniff"))
                headers.append((b"referrer-policy", b"no-referrer"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(store: ox.Store | Path, *, shown_rows: int = 0) -> Starlette:
    """The workbench over ``store`` (an open store, or the directory of one, opened read-only);
    a page's table shows its first ``shown_rows`` rows (SHOWN_ROWS by default)."""
    if not isinstance(store, ox.Store):
        store = open_store(store, read_only=True)
    bench = Workbench(store, shown_rows or SHOWN_ROWS)

    def guard(handler: Callable[[Request], Response]) -> Callable[[Request], Response]:
        """The handler with library errors as one-line error pages (or JSON), never a trace."""

        def run(request: Request) -> Response:
            try:
                return handler(request)
            except QueryError as exc:  # the request's own query is wrong
                return bench.failure(request, str(exc), 400)
            except QuanzeError as exc:
                return bench.failure(request, str(exc), 404)
            except ValueError as exc:
                return bench.failure(request, str(exc), 400)

        return run

    pages = [Route(f"/{name}", guard(bench.page)) for name in QUESTIONS]
    routes = [
        Route("/", guard(bench.home)),
        Route("/search", guard(bench.search)),
        *pages,
        Route("/graph/{kind}", guard(bench.graph)),
        Route("/queries", guard(bench.queries)),
        Route("/queries/{name}", guard(bench.query)),
        Route("/sparql", guard(bench.editor)),
        Route("/lang", bench.switch_language),
        Route("/api/queries/{name}", guard(bench.api_query)),
        Route("/api/{name}", guard(bench.api)),
        Mount("/static", StaticFiles(packages=[("graph.web", "static")]), name="static"),
    ]

    async def not_found(request: Request, exc: Exception) -> Response:
        detail = exc.detail if isinstance(exc, HTTPException) else "not found"
        return bench.failure(request, str(detail), getattr(exc, "status_code", 404))

    async def server_error(request: Request, exc: Exception) -> Response:
        message = " ".join(f"{type(exc).__name__}: {exc}".split())
        return bench.failure(request, f"the workbench failed on {request.url.path}: {message}", 500)

    return Starlette(
        routes=routes,
        middleware=[
            Middleware(TrustedHostMiddleware, allowed_hosts=["127.0.0.1", "localhost"]),
            Middleware(SecurityHeaders),
        ],
        exception_handlers={HTTPException: not_found, Exception: server_error},
    )
