"""``quanze serve``: the real command in its own process, answering SPARQL until stopped."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.build.build import build_graph
from graph.errors import StoreMissingError
from graph.store.endpoint import Endpoint, EndpointError
from graph.store.open import open_store
from graph.store.query import run_query
from graph.store.serve import server_command, start_server
from tests.graph.handmade import citations_a, list_a
from tests.graph.store.test_endpoint import free_port

QUANZE = str(Path(sys.executable).with_name("quanze"))


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("serve") / "store"
    store = open_store(where)
    build_graph([list_a()], store, citations=citations_a())
    store.flush()
    return where


def test_quanze_serve_prints_its_url_and_answers(store_dir: Path) -> None:
    port = free_port()
    process = subprocess.Popen(
        [QUANZE, "serve", "--store", str(store_dir), "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        url = f"http://127.0.0.1:{port}/query"
        assert url in line and "read-only" in line
        counts = run_query(Endpoint(url), "counts").rows[0]
        assert (counts["lists"].value, counts["items"].value) == ("1", "2")
    finally:
        process.terminate()
        assert process.wait(timeout=30) == 0
    # the oxigraph server it started is gone too: nothing listens on the port any more
    # (SO_REUSEADDR lets the bind pass connections in TIME_WAIT, never a live listener)
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind(("127.0.0.1", port))


def test_serving_needs_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreMissingError, match="quanze build"):
        start_server(tmp_path / "none", port=free_port())


def test_a_taken_port_is_a_clear_error(store_dir: Path) -> None:
    first = start_server(store_dir, port=free_port())
    try:
        port = int(first.endpoint.url.rsplit(":", 1)[1].split("/")[0])
        with pytest.raises(EndpointError, match="choose another --port"):
            start_server(store_dir, port=port)
    finally:
        first.stop()


def test_server_command() -> None:
    read_only = server_command("/data/qz", port=8000)
    assert read_only[1:] == [
        "serve-read-only",
        "--location",
        "/data/qz",
        "--bind",
        "127.0.0.1:8000",
        "--union-default-graph",
    ]
    writable = server_command("/data/qz", host="0.0.0.0", writable=True, timeout=9.6)
    assert writable[1] == "serve" and writable[-2:] == ["--timeout-s", "10"]


def _servers(pid: int) -> list[int]:
    """The children of ``pid`` (forked by any of its threads) that are oxigraph servers."""
    found = []
    for listed in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            children = listed.read_text().split()
        except OSError:  # the thread ended
            continue
        for child in children:
            try:
                if b"oxigraph" in Path(f"/proc/{child}/cmdline").read_bytes():
                    found.append(int(child))
            except OSError:
                pass
    return found


@pytest.mark.parametrize("when", ["starting", "announced"])
def test_sigterm_stops_quanze_serve_and_its_server(store_dir: Path, when: str) -> None:
    """SIGTERM while the server starts, or the moment its URL is printed (no query first), stops
    both processes: the handler is in place before the server is."""
    process = subprocess.Popen(
        [QUANZE, "serve", "--store", str(store_dir), "--port", str(free_port())],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        if when == "starting":
            # once the server runs (not the fork before it: a signal inside Popen itself would
            # come before quanze holds the process, a window of microseconds left open)
            deadline = time.monotonic() + 30
            while not (children := _servers(process.pid)) and time.monotonic() < deadline:
                time.sleep(0.01)
            time.sleep(0.05)
        else:
            assert process.stderr is not None
            assert "SPARQL endpoint" in process.stderr.readline()
            children = _servers(process.pid)
        assert children, "quanze serve started no server"
    finally:
        process.terminate()
        code = process.wait(timeout=30)
    assert code == 0  # stopped as asked, as with Ctrl-C
    for child in children:
        assert not Path(f"/proc/{child}").exists() or "zombie" in _state(child)


def _state(pid: int) -> str:
    return Path(f"/proc/{pid}/status").read_text().split("State:")[1].split("\n")[0].lower()
