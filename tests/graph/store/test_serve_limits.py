"""``quanze serve`` keeps its limits with real processes: a query past the time limit stops using
CPU (the client gets one line), SERVICE reaches nobody unless allowed, ``kill -9`` leaves no
orphan server, and a locked store names the process that holds it."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.app.cli import app
from graph.errors import QueryError
from graph.store.endpoint import Endpoint, EndpointError
from graph.store.guard import GRACE, Limits
from graph.store.query import QueryResult, run_query
from graph.store.serve import cpu_seconds, start_server
from tests.graph.store.test_endpoint import free_port
from tests.graph.store.test_serve import QUANZE, _servers, _state, store_dir  # noqa: F401

runner = CliRunner()
LIMIT = 2  # seconds: the time limit the servers here get
#: A cartesian product over every triple, four times, grouped: hours of work, and Oxigraph's own
#: time limit does not stop a GROUP BY (measured: 20 s and more past a 2 s limit).
CARTESIAN = (
    "SELECT ?c (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } GROUP BY ?c"
)


@contextmanager
def serving(store: Path, *args: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """A real ``quanze serve`` on a free loopback port, and its query URL."""
    port = free_port()
    process = subprocess.Popen(
        [QUANZE, "serve", "--store", str(store), "--port", str(port), *args],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        assert "SPARQL endpoint" in line, line
        yield process, f"http://127.0.0.1:{port}/query"
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=30)


def seconds_until_quiet(quanze: int, within: float) -> float | None:
    """Seconds until the oxigraph servers of ``quanze`` used under 0.1 CPU seconds in one second
    (None if that did not happen ``within`` seconds): an idle server uses next to none, one at
    work on a query most of a core (half of one on a loaded 2-core machine)."""
    start = time.monotonic()
    while time.monotonic() - start < within:
        before = {pid: cpu_seconds(pid) for pid in _servers(quanze)}
        time.sleep(1.0)
        used = sum(cpu_seconds(pid) - before.get(pid, 0.0) for pid in _servers(quanze))
        if used < 0.1:
            return time.monotonic() - start
    return None


def answers_within(url: str, seconds: float) -> QueryResult:
    """The endpoint's answer to ``counts``, asked again while it says it is restarting (503),
    for up to ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return run_query(Endpoint(url), "counts")
        except QueryError as exc:
            if "ask again" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_a_query_past_the_time_limit_is_stopped_and_said(store_dir: Path) -> None:  # noqa: F811
    with serving(store_dir, "--timeout", str(LIMIT)) as (process, url):
        started = time.monotonic()
        client = subprocess.run(
            [QUANZE, "query", CARTESIAN, "--endpoint", url, "--timeout", "120"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        took = time.monotonic() - started
        assert client.returncode == 1, client.stdout
        (line,) = client.stderr.strip().splitlines()
        assert f"time limit of {LIMIT} s" in line and "Traceback" not in client.stderr
        assert took < LIMIT + GRACE + 10
        quiet = seconds_until_quiet(process.pid, within=GRACE + 10)
        assert quiet is not None and quiet < GRACE + 4, "the server still works on the query"
        # and the endpoint answers again, once a restarted server is up
        assert answers_within(url, 20.0).rows


def test_a_client_that_leaves_does_not_keep_the_server_busy(store_dir: Path) -> None:  # noqa: F811
    with serving(store_dir, "--timeout", str(LIMIT)) as (process, url):
        body = urllib.parse.urlencode({"query": CARTESIAN}).encode()
        request = urllib.request.Request(url, data=body, method="POST")
        left = time.monotonic()
        with pytest.raises((TimeoutError, urllib.error.URLError)):
            urllib.request.urlopen(request, timeout=0.5)  # gives up and goes
        quiet = seconds_until_quiet(process.pid, within=LIMIT + GRACE + 15)
        assert quiet is not None, "the server kept working after the client left"
        assert time.monotonic() - left < LIMIT + GRACE + 8


@pytest.fixture
def listener() -> Iterator[tuple[str, list[str]]]:
    """A real HTTP listener on loopback that records every request made to it (and answers as an
    empty SPARQL endpoint would)."""
    seen: list[str] = []

    class Record(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append(f"{self.command} {self.path}")
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            body = b'{"head":{"vars":["s"]},"results":{"bindings":[]}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_POST = do_GET

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Record)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/sparql", seen
    finally:
        httpd.shutdown()
        httpd.server_close()


def federated(url: str) -> str:
    return f"SELECT ?s WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"


def test_service_reaches_out_from_the_cli_only_when_allowed(
    store_dir: Path,  # noqa: F811
    listener: tuple[str, list[str]],
) -> None:
    url, seen = listener
    refused = runner.invoke(app, ["query", federated(url), "--store", str(store_dir)])
    assert refused.exit_code == 1 and refused.stdout == ""
    (line,) = refused.stderr.strip().splitlines()
    assert "SERVICE" in line and "--allow-service" in line
    assert seen == []  # nothing was sent
    allowed = runner.invoke(
        app, ["query", federated(url), "--store", str(store_dir), "--allow-service"]
    )
    assert allowed.exit_code == 0, allowed.output
    assert seen, "the listener should have seen the allowed SERVICE call"
    nobody = f"http://127.0.0.1:{free_port()}/sparql"
    failed = runner.invoke(
        app, ["query", federated(nobody), "--store", str(store_dir), "--allow-service"]
    )
    assert failed.exit_code == 1 and isinstance(failed.exception, SystemExit)
    (line,) = failed.stderr.strip().splitlines()
    assert "cannot run the query" in line


def test_service_through_quanze_serve_reaches_nobody(
    store_dir: Path,  # noqa: F811
    listener: tuple[str, list[str]],
) -> None:
    target, seen = listener
    with serving(store_dir) as (_, url):
        # the quanze client refuses before it sends anything
        client = runner.invoke(app, ["query", federated(target), "--endpoint", url])
        assert client.exit_code == 1 and "SERVICE" in client.stderr
        # and the endpoint itself refuses a client that does not check, in every protocol form
        query = federated(target)
        for request in (
            urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": query})),
            urllib.request.Request(url, data=urllib.parse.urlencode({"query": query}).encode()),
            urllib.request.Request(
                url, data=query.encode(), headers={"Content-Type": "application/sparql-query"}
            ),
        ):
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(request, timeout=30)
            assert refused.value.code == 400
            said = refused.value.read().decode().strip()
            assert "SERVICE" in said and "\n" not in said
    assert seen == []


def test_quanze_serve_reaches_out_when_allowed(
    store_dir: Path,  # noqa: F811
    listener: tuple[str, list[str]],
) -> None:
    """The control for the test above: the listener does see a server that is let through."""
    target, seen = listener
    with serving(store_dir, "--allow-service") as (_, url):
        result = run_query(Endpoint(url), federated(target), allow_service=True)
    assert result.kind == "select" and seen


def test_kill_9_of_quanze_serve_leaves_no_orphan_server(
    store_dir: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    copy = tmp_path / "store"
    shutil.copytree(store_dir, copy)
    port = free_port()
    process = subprocess.Popen(
        [QUANZE, "serve", "--store", str(copy), "--port", str(port), "--writable"],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None
        assert "SPARQL endpoint" in process.stderr.readline()
        children = _servers(process.pid)
        assert children
    finally:
        process.kill()  # SIGKILL: quanze runs no clean-up at all
        process.wait(timeout=30)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(child) for child in children):
        time.sleep(0.05)
    assert not any(_alive(child) for child in children), "the oxigraph server outlived quanze"
    with socket.socket() as probe:  # the port is free
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(("127.0.0.1", port))
    again = start_server(copy, port=free_port(), writable=True)  # and so is the store's lock
    again.stop()


def _alive(pid: int) -> bool:
    return Path(f"/proc/{pid}").exists() and "zombie" not in _state(pid)


def test_a_locked_store_names_the_process_holding_it(
    store_dir: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    copy = tmp_path / "store"
    shutil.copytree(store_dir, copy)
    hold = "import sys, time, pyoxigraph; s = pyoxigraph.Store(sys.argv[1]); print(1, flush=True)"
    holder = subprocess.Popen(
        [sys.executable, "-c", hold + "; time.sleep(120)", str(copy)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "1"
        for args in (
            ["serve", "--store", str(copy), "--writable", "--port", str(free_port())],
            ["query", "counts", "--store", str(copy), "--allow-update"],
        ):
            result = subprocess.run(
                [QUANZE, *args],
                capture_output=True,
                text=True,
                timeout=60,
                stdin=subprocess.DEVNULL,
            )
            assert result.returncode == 1, args
            (line,) = result.stderr.strip().splitlines()
            assert f"held by pid {holder.pid} (" in line and "pyoxigraph.Store" in line, line
    finally:
        holder.kill()
        holder.wait()


def test_an_answer_over_the_size_cap_is_cut_and_said(store_dir: Path) -> None:  # noqa: F811
    every_pair = "SELECT * WHERE { ?s ?p ?o . ?a ?b ?c }"
    with serving(store_dir, "--max-result-mb", "1") as (_, url):
        client = subprocess.run(
            [QUANZE, "query", every_pair, "--endpoint", url, "-f", "json", "--limit", "99999999"],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert client.returncode == 1 and client.stdout == ""
    (line,) = client.stderr.strip().splitlines()
    assert "broke its answer off" in line and "Traceback" not in client.stderr


def test_a_query_the_server_cancels_itself_costs_no_restart(store_dir: Path) -> None:  # noqa: F811
    """Oxigraph stops a count at its own limit: the guard answers 503 and leaves the server be."""
    server = start_server(store_dir, port=free_port(), limits=Limits(timeout=1))
    try:
        counting = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        with pytest.raises(QueryError, match="time limit of 1 s"):
            run_query(server.endpoint, counting)
        time.sleep(1 + GRACE + 1.5)
        assert server.restarts == 0
        assert run_query(server.endpoint, "counts").rows
    finally:
        server.stop()


def test_a_server_that_dies_on_its_own_ends_quanze_serve_with_exit_1(
    store_dir: Path,  # noqa: F811
) -> None:
    with serving(store_dir) as (process, _):
        (child,) = _servers(process.pid)
        os.kill(child, 9)  # not the guard's doing: quanze must not restart it, nor exit 0
        assert process.wait(timeout=30) == 1
        assert process.stderr is not None
        (line,) = process.stderr.read().strip().splitlines()
        assert "stopped with exit code -9" in line


def test_the_client_reads_no_more_than_its_cap(store_dir: Path) -> None:  # noqa: F811
    """Whatever an endpoint sends, the client stops reading at its own cap (1 MB here)."""
    with serving(store_dir) as (_, url):
        capped = Endpoint(url, max_bytes=1_000_000)
        with pytest.raises(EndpointError, match="larger than 1 MB"):
            run_query(capped, "SELECT * WHERE { ?s ?p ?o . ?a ?b ?c }")
        assert run_query(capped, "counts").rows
