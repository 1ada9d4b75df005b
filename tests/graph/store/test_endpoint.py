"""Queries through a real ``oxigraph`` server on loopback answer as the embedded store does."""

from __future__ import annotations

import json
import re
import shutil
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from graph.app.cli import app
from graph.build.build import build_graph
from graph.errors import QueryError
from graph.store.cites import find_citing_items
from graph.store.endpoint import Endpoint, EndpointError
from graph.store.open import open_store
from graph.store.query import bundled_queries, load_query, run_query
from graph.store.serve import Server, start_server
from tests.graph.store.rows import normal
from tests.graph.store.test_virtuoso import BINDINGS

runner = CliRunner()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory, sample_paths: list[Path]) -> Path:
    from extractors.reading.read import read_list

    where = tmp_path_factory.mktemp("endpoint") / "store"
    store = open_store(where)
    build_graph([read_list(p) for p in sample_paths], store)
    store.flush()
    del store
    return where


@pytest.fixture(scope="module")
def server(store_dir: Path) -> Iterator[Server]:
    running = start_server(store_dir, port=free_port())
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def local(store_dir: Path, server: Server) -> ox.Store:
    return open_store(store_dir, read_only=True)


@pytest.mark.parametrize(
    ("name", "bindings"),
    [
        pytest.param("counts", {}, id="counts"),
        pytest.param("most-cited-articles", {}, id="most-cited-articles"),
        pytest.param("most-cited-laws", {}, id="most-cited-laws"),
        pytest.param("who-cites-article", {"law": "社会保险法", "article": 87}, id="article"),
        pytest.param("who-cites-law", {"law": "社会救助暂行办法"}, id="law"),
        pytest.param("who-cites-doc-number", {"docNumber": "渝府令第231号"}, id="doc-number"),
        pytest.param(
            "who-cites",
            {"target": ox.NamedNode("https://w3id.org/quanze/id/law/shehui-baoxian-fa/art_87")},
            id="who-cites-iri",
        ),
        pytest.param("items-per-type", {}, id="items-per-type"),
        pytest.param("citations-by-rank", {}, id="by-rank"),
    ],
)
def test_named_queries_answer_the_same(
    server: Server, local: ox.Store, name: str, bindings: dict[str, Any]
) -> None:
    remote = run_query(server.endpoint, name, bindings)
    assert remote.rows, name
    assert remote == run_query(local, name, bindings)


@pytest.mark.parametrize("name", sorted(bundled_queries()))
def test_every_bundled_query_answers_the_same_through_quanze_serve(
    server: Server, local: ox.Store, name: str
) -> None:
    # Issue 23: all bundled queries give the same rows on the embedded store and on `quanze
    # serve` (the Oxigraph server it starts), in the same order (one engine, one store).
    bindings: dict[str, Any] = BINDINGS.get(name, {})
    expected = run_query(local, name, bindings)
    answer = run_query(server.endpoint, name, bindings, timeout=60)
    assert answer.variables == expected.variables
    text = load_query(name)
    assert normal(text, answer.rows) == normal(text, expected.rows)


def test_cites_answers_the_same(server: Server, local: ox.Store) -> None:
    for ref in ("社会保险法第八十七条", "社会保险法", "重庆市骗取社会保险基金处理办法第七条"):
        remote = find_citing_items(server.endpoint, ref)
        assert remote and remote == find_citing_items(local, ref)


def test_ask_construct_and_limit(server: Server, local: ox.Store) -> None:
    assert run_query(
        server.endpoint, "ASK { ?s a <http://www.w3.org/ns/org#Organization> }"
    ).boolean
    construct = "CONSTRUCT WHERE { ?o a <http://www.w3.org/ns/org#Organization> }"
    remote = run_query(server.endpoint, construct)
    assert set(remote.triples) == set(run_query(local, construct).triples) != set()
    cut = run_query(server.endpoint, "SELECT * WHERE { ?s ?p ?o }", limit=3)
    assert (len(cut.rows), cut.truncated) == (3, True)


def test_cli_through_the_endpoint(server: Server, store_dir: Path) -> None:
    for args in (
        ["cites", "社会保险法第八十七条", "-f", "json"],
        ["query", "who-cites-article", "-b", "law=社会保险法", "-b", "article=87", "-f", "json"],
    ):
        remote = runner.invoke(app, [*args, "--endpoint", server.endpoint.url])
        embedded = runner.invoke(app, [*args, "--store", str(store_dir)])
        assert remote.exit_code == embedded.exit_code == 0, remote.output
        assert json.loads(remote.stdout) == json.loads(embedded.stdout)
    both = runner.invoke(
        app, ["cites", "社会保险法", "-s", str(store_dir), "--endpoint", "http://x"]
    )
    assert both.exit_code == 2


def test_malformed_query_is_caught_with_its_position(server: Server) -> None:
    with pytest.raises(QueryError, match="line 2, column"):
        run_query(server.endpoint, "SELECT ?s WHERE {\n ?s ?p }")


def test_a_read_only_endpoint_refuses_updates(server: Server) -> None:
    update = "INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }"
    with pytest.raises(QueryError, match="UPDATE"):
        run_query(server.endpoint, update)
    with pytest.raises(QueryError, match="refused"):
        run_query(server.endpoint, update, allow_update=True)


def test_a_writable_endpoint_takes_updates(store_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(store_dir, copy)
    writable = start_server(copy, port=free_port(), writable=True)
    try:
        count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        before = int(run_query(writable.endpoint, count).rows[0]["n"].value)
        update = "INSERT DATA { GRAPH <http://e/g> { <http://e/a> <http://e/b> <http://e/c> } }"
        assert run_query(writable.endpoint, update, allow_update=True).kind == "update"
        assert int(run_query(writable.endpoint, count).rows[0]["n"].value) == before + 1
    finally:
        writable.stop()


def test_an_unreachable_endpoint_is_a_clear_error() -> None:
    nobody = Endpoint(f"http://127.0.0.1:{free_port()}/query")
    with pytest.raises(EndpointError, match="cannot reach the SPARQL endpoint"):
        run_query(nobody, "ASK { ?s ?p ?o }")
    result = runner.invoke(app, ["query", "counts", "--endpoint", nobody.url])
    assert result.exit_code == 1
    assert "cannot reach" in result.stderr and "Traceback" not in result.output


@pytest.mark.parametrize("url", ["ftp://example.org/sparql", "localhost:7878", "http://"])
def test_an_endpoint_must_be_an_http_url(url: str) -> None:
    with pytest.raises(EndpointError, match="not an http"):
        Endpoint(url)


class _Sparql11Only(BaseHTTPRequestHandler):
    """A SPARQL 1.1 endpoint over a store that, like many engines, does not know LATERAL."""

    store: ox.Store

    def do_POST(self) -> None:
        length = int(self.headers["Content-Length"])
        query = parse_qs(self.rfile.read(length).decode("utf-8"))["query"][0]
        if "LATERAL" in re.sub(r"#[^\n]*", "", query):
            self._answer(400, "text/plain", b"Parse error: unexpected LATERAL")
            return
        result = self.store.query(query, use_default_graph_as_union=True)
        body = result.serialize(format=ox.QueryResultsFormat.JSON)  # type: ignore[union-attr]
        self._answer(200, "application/sparql-results+json", body)

    def _answer(self, status: int, media: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def test_an_endpoint_without_lateral_gets_the_standard_form(local: ox.Store) -> None:
    handler = type("Handler", (_Sparql11Only,), {"store": local})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        endpoint = Endpoint(f"http://127.0.0.1:{httpd.server_address[1]}/query")
        bindings = {"law": "社会保险法", "article": 87}
        remote = run_query(endpoint, "who-cites-article", bindings)
        assert remote.rows
        assert remote == run_query(local, "who-cites-article", bindings)
        plain = "SELECT * WHERE { ?s ?p ?o LATERAL { ?s ?p ?x } } LIMIT 1"
        assert run_query(endpoint, plain) == run_query(local, plain)
        with pytest.raises(QueryError, match="400"):  # no LATERAL to take out: the refusal stands
            run_query(endpoint, 'SELECT * WHERE { ?s ?p "LATERAL {" }')
    finally:
        httpd.shutdown()
        httpd.server_close()
