"""Runs a store as a SPARQL 1.1 endpoint with the ``oxigraph`` server (PyPI package ``oxigraph``).

The server is a separate process: read-only by default (``oxigraph serve-read-only``, which may
share the store with other readers), writable on request (``oxigraph serve``, which takes the
store's lock). Either way the default graph is the union of all graphs, as the embedded store
reads it, so every query gives the same answer through the endpoint.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from graph.errors import StoreMissingError
from graph.store.endpoint import Endpoint, EndpointError
from graph.store.open import is_store

#: How long ``start_server`` waits for the server to answer before giving up.
STARTUP_SECONDS = 30.0


def oxigraph_binary() -> str:
    """The path of the ``oxigraph`` server binary: beside this Python, else on PATH."""
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise EndpointError(
            "no `oxigraph` server binary found; install the PyPI package: pip install oxigraph"
        )
    return found


def server_command(
    store_dir: str | os.PathLike[str],
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    writable: bool = False,
    timeout: float | None = None,
) -> list[str]:
    """The command line that serves ``store_dir``.

    >>> " ".join(server_command("/data/qz", port=8000)[1:])
    'serve-read-only --location /data/qz --bind 127.0.0.1:8000 --union-default-graph'
    """
    mode = "serve" if writable else "serve-read-only"
    command = [oxigraph_binary(), mode, "--location", str(store_dir)]
    command += ["--bind", f"{host}:{port}", "--union-default-graph"]
    if timeout is not None:
        command += ["--timeout-s", str(max(1, round(timeout)))]
    return command


def endpoint_url(host: str, port: int) -> str:
    """The query URL of a server bound to ``host:port``.

    >>> endpoint_url("127.0.0.1", 7878)
    'http://127.0.0.1:7878/query'
    """
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/query"


@dataclass
class Server:
    """A running ``oxigraph`` server process and the endpoint it answers on."""

    process: subprocess.Popen[bytes]
    endpoint: Endpoint

    def stop(self) -> None:
        """Terminate the server and wait for it to exit (killing it if it does not)."""
        _stop(self.process)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def start_server(
    store_dir: str | os.PathLike[str],
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    writable: bool = False,
    timeout: float | None = None,
) -> Server:
    """Start a server on ``store_dir`` and return once it answers SPARQL.

    Raises StoreMissingError when there is no store, EndpointError when the server exits or does
    not answer within ``STARTUP_SECONDS`` (with what it printed).
    """
    if not is_store(store_dir):
        raise StoreMissingError(f"{store_dir}: no quanze store here (run `quanze build` first)")
    _check_free(host, port)  # else the server that holds the port would seem to be this one
    command = server_command(store_dir, host=host, port=port, writable=writable, timeout=timeout)
    # what the server says goes to a file: a pipe nobody reads could fill up and stall it
    log = tempfile.TemporaryFile()  # noqa: SIM115 (it lives as long as the server)
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    try:  # whatever stops the wait (an error, Ctrl-C, SIGTERM) stops the server too
        server = Server(process, Endpoint(endpoint_url(host, port)))
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if process.poll() is not None:
                log.seek(0)
                said = " ".join(log.read().decode("utf-8", "replace").split())
                raise EndpointError(f"{store_dir}: the oxigraph server stopped at start: {said}")
            if _answers(server.endpoint.url):
                return server
            time.sleep(0.05)
        raise EndpointError(f"{server.endpoint.url}: the oxigraph server did not answer in time")
    except BaseException:
        _stop(process)
        raise


def _check_free(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise EndpointError(
                f"cannot listen on {host}:{port} ({exc.strerror}); choose another --port"
            ) from exc


def _answers(url: str) -> bool:
    probe = urllib.request.Request(
        url + "?query=ASK%7B%7D", headers={"Accept": "application/sparql-results+json"}
    )
    try:
        with urllib.request.urlopen(probe, timeout=1) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False  # not listening yet
