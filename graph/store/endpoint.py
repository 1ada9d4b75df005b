"""Asks a remote SPARQL 1.1 endpoint over HTTP (the SPARQL 1.1 Protocol, with urllib only).

An ``Endpoint`` answers with the same ``QueryResult`` as the embedded store, so every query
command can run against an Oxigraph server, QLever, Virtuoso or Fuseki holding the exported
N-Quads. The endpoint must read the union of all graphs as its default graph (``oxigraph serve
--union-default-graph``, which ``quanze serve`` passes; Virtuoso does so by default).
"""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from extractors.errors import QuanzeError
from graph.errors import EndpointRefusedError, QueryError

_RESULTS_JSON = "application/sparql-results+json"
_N_TRIPLES = "application/n-triples"
_ACCEPT = f"{_RESULTS_JSON}, {_N_TRIPLES};q=0.9, text/turtle;q=0.5"
_ERROR_BODY = 400  # characters of a server's error message that are shown


class EndpointError(QuanzeError):
    """A SPARQL endpoint that cannot be reached or answers with something that is not SPARQL."""


class QueryTimeoutError(QueryError):
    """A query that did not finish within its time limit (here or on the endpoint)."""


Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


@dataclass(frozen=True, slots=True)
class Endpoint:
    """A remote SPARQL 1.1 endpoint: its query URL and, when different, its update URL.

    >>> Endpoint("http://127.0.0.1:7878/query").update_url
    'http://127.0.0.1:7878/update'
    """

    url: str
    update_url: str = ""
    #: The largest answer read (bytes); a larger one is an error, not a full memory.
    max_bytes: int = 256 * 1024 * 1024

    def __post_init__(self) -> None:
        parts = urllib.parse.urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise EndpointError(f"{self.url!r} is not an http(s) URL of a SPARQL endpoint")
        if not self.update_url:
            update = self.url[: -len("/query")] + "/update" if self.url.endswith("/query") else ""
            object.__setattr__(self, "update_url", update or self.url)

    def query(self, text: str, *, timeout: float | None = None) -> tuple[str, bytes]:
        """POST a query; the response's media type and body."""
        return self._post(self.url, {"query": text}, _ACCEPT, timeout)

    def update(self, text: str, *, timeout: float | None = None) -> None:
        """POST an update."""
        self._post(self.update_url, {"update": text}, "*/*", timeout)

    def _post(
        self, url: str, form: Mapping[str, str], accept: str, timeout: float | None
    ) -> tuple[str, bytes]:
        # imported here: urllib.request brings http.client, email and ssl, ~10 ms of every
        # command that imports the store's queries (quanze cites) and asks no endpoint
        import http.client
        import urllib.error
        import urllib.request

        request = urllib.request.Request(
            url,
            data=urllib.parse.urlencode(form).encode("utf-8"),
            headers={
                "Accept": accept,
                "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
            },
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                media = response.headers.get_content_type()
                body = response.read(self.max_bytes + 1)
                if len(body) > self.max_bytes:
                    raise EndpointError(
                        f"{url}: the answer is larger than {self.max_bytes / 1e6:g} MB and was "
                        "not read; narrow the query or add a LIMIT"
                    )
                return media, body
        except urllib.error.HTTPError as exc:
            body = " ".join(exc.read().decode("utf-8", "replace").split())
            if len(body) > _ERROR_BODY:
                body = body[:_ERROR_BODY] + " …"
            if exc.code >= 500:  # e.g. quanze serve's guard: past the time limit, or restarting
                message = f"{url}: the endpoint could not answer ({exc.code}): {body}"
                raise QueryError(message) from exc
            refused = EndpointRefusedError if exc.code == 400 else QueryError
            raise refused(f"{url}: the endpoint refused the request ({exc.code}): {body}") from exc
        except http.client.IncompleteRead as exc:
            raise EndpointError(
                f"{url}: the endpoint broke its answer off after {len(exc.partial)} bytes "
                "(over its time limit or size cap?); narrow the query or add a LIMIT"
            ) from exc
        except http.client.HTTPException as exc:
            raise EndpointError(f"{url}: the endpoint's answer is not valid HTTP: {exc}") from exc
        except TimeoutError as exc:
            raise QueryTimeoutError(
                f"{url}: no answer within {timeout:g} s; narrow the query or raise --timeout"
            ) from exc
        except (urllib.error.URLError, ConnectionError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, TimeoutError):
                raise QueryTimeoutError(
                    f"{url}: no answer within {timeout:g} s; narrow the query or raise --timeout"
                ) from exc
            raise EndpointError(f"{url}: cannot reach the SPARQL endpoint: {reason}") from exc


def term_of(value: Mapping[str, Any]) -> Term:
    """One RDF term of a SPARQL 1.1 JSON result.

    >>> term_of({"type": "literal", "value": "第87条", "xml:lang": "zh"})
    <Literal value=第87条 language=zh>
    """
    kind = value.get("type")
    if kind == "uri":
        return ox.NamedNode(value["value"])
    if kind == "bnode":
        return ox.BlankNode(value["value"])
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in value:
            return ox.Literal(value["value"], language=value["xml:lang"])
        if "datatype" in value:
            return ox.Literal(value["value"], datatype=ox.NamedNode(value["datatype"]))
        return ox.Literal(value["value"])
    if kind == "triple":
        inner = value["value"]
        subject, predicate, obj = (term_of(inner[k]) for k in ("subject", "predicate", "object"))
        if not isinstance(predicate, ox.NamedNode) or isinstance(subject, ox.Literal):
            raise EndpointError(f"not an RDF triple term in the results: {inner!r}")
        return ox.Triple(subject, predicate, obj)
    raise EndpointError(f"unknown term type {kind!r} in SPARQL JSON results")


def parse_results(url: str, media: str, body: bytes) -> dict[str, Any] | list[ox.Triple]:
    """The decoded answer: a SPARQL JSON results document, or the triples of a graph result."""
    if media in (_RESULTS_JSON, "application/json"):
        try:
            doc = json.loads(body)
        except ValueError as exc:
            raise EndpointError(f"{url}: the answer is not valid SPARQL JSON: {exc}") from exc
        if not isinstance(doc, dict) or ("boolean" not in doc and "results" not in doc):
            raise EndpointError(f"{url}: the answer is not a SPARQL JSON results document")
        return doc
    formats = {_N_TRIPLES: ox.RdfFormat.N_TRIPLES, "text/turtle": ox.RdfFormat.TURTLE}
    if media in formats:
        try:
            return [q.triple for q in ox.parse(body, format=formats[media])]
        except SyntaxError as exc:
            raise EndpointError(f"{url}: the graph in the answer does not parse: {exc}") from exc
    raise EndpointError(f"{url}: unexpected answer of type {media!r}")
