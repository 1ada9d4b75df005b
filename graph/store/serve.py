"""Runs a store as a SPARQL 1.1 endpoint with the ``oxigraph`` server (PyPI package ``oxigraph``).

The server is a separate process: read-only by default (``oxigraph serve-read-only``, which may
share the store with other readers), writable on request (``oxigraph serve``, which takes the
store's lock). Either way the default graph is the union of all graphs, as the embedded store
reads it, so every query gives the same answer through the endpoint. The server listens on a
private loopback port behind ``graph.store.guard``, which keeps the time limit, the answer size
cap and the SERVICE refusal the server does not keep by itself; the server dies with this
process, however it ends.
"""

from __future__ import annotations

import collections
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import psutil

from graph.errors import StoreMissingError
from graph.store.endpoint import Endpoint, EndpointError
from graph.store.guard import Guard, Limits
from graph.store.holder import locked
from graph.store.open import is_store
from graph.store.tether import die_with_parent

#: How long ``start_server`` waits for the server to answer before giving up.
STARTUP_SECONDS = 30.0
#: Cores a server may use and still count as idle: an idle oxigraph server uses next to none,
#: and one at work on a query at least a good part of one even on a loaded machine.
IDLE = 0.1


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


class Server:
    """``quanze serve``'s endpoint: the guard on the public address, the oxigraph server behind it
    on a private loopback port, and the thread that runs the server and starts it again when the
    guard finds a query running past its time limit.

    The server is started by that thread and tied to it (``graph.store.tether``): when the thread
    ends, or this whole process is killed (``kill -9`` included), the kernel kills the server.
    """

    def __init__(self, command: list[str], guard: Guard, store_dir: str | os.PathLike[str]):
        self.command = command
        self.guard = guard
        self.store_dir = store_dir
        host, port = guard.server_address[:2]
        self.endpoint = Endpoint(endpoint_url(str(host), int(port)))
        self.backend_url = endpoint_url(*guard.backend)
        self.restarts = 0  # times the server was killed for a query past its time limit
        self.process: subprocess.Popen[bytes] | None = None
        self._stopping = threading.Event()
        self._ready = threading.Event()
        self._ended = threading.Event()
        self._failure = ""
        self._code = 0
        # daemon threads: a program that ends without stop() ends, and its server with it
        self._supervisor = threading.Thread(
            target=self._supervise, name="quanze-serve", daemon=True
        )
        self._guarding = threading.Thread(
            target=guard.serve_forever, name="quanze-guard", daemon=True
        )

    def start(self) -> None:
        """Start the server, then the guard; return once the server answers (else EndpointError
        with the reason)."""
        self._supervisor.start()
        while not self._ready.wait(0.05):
            if self._ended.is_set():
                raise EndpointError(self._failure or "the oxigraph server stopped at start")
        self._guarding.start()

    def wait(self) -> int:
        """Block until the server stops on its own (its exit code, 1 if it could not be started
        again) or ``stop`` is called (0)."""
        while not self._ended.wait(0.5):
            pass
        return self._code

    @property
    def failure(self) -> str:
        """Why the server could not be started (again), or ""."""
        return self._failure

    def interrupt(self) -> None:
        """Ask the server to stop, without waiting (safe in a signal handler); ``wait`` returns."""
        self._stopping.set()
        process = self.process
        if process is not None and process.poll() is None:
            process.terminate()

    def stop(self) -> None:
        """Stop the guard and the server, and wait for the server to exit."""
        self._stopping.set()
        if self._guarding.is_alive():
            self.guard.shutdown()
        self.guard.server_close()
        if self.process is not None:
            _stop(self.process)
        if self._supervisor.is_alive():
            self._supervisor.join(timeout=30)

    def _supervise(self) -> None:
        try:
            while not self._stopping.is_set():
                process = self._spawn()
                if process is None:
                    self._code = 0 if self._stopping.is_set() else 1
                    return
                code = self._watch(process)
                if code is not None:  # it stopped on its own, or was stopped
                    self._code = 0 if self._stopping.is_set() else code
                    return
                self.restarts += 1
        finally:
            self._ended.set()

    def _spawn(self) -> subprocess.Popen[bytes] | None:
        """Start the server and wait until it answers; None (the reason kept) if it does not."""
        # what the server says goes to a file: a pipe nobody reads could fill up and stall it
        log = tempfile.TemporaryFile()  # noqa: SIM115 (it lives as long as the server)
        process = subprocess.Popen(
            self.command, stdout=log, stderr=subprocess.STDOUT, preexec_fn=die_with_parent()
        )
        self.process = process
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline and not self._stopping.is_set():
            if process.poll() is not None:
                log.seek(0)
                said = " ".join(log.read().decode("utf-8", "replace").split())
                said = said.split(" Stack backtrace:")[0]  # Rust's, of no use to the reader
                self._failure = f"{self.store_dir}: the oxigraph server stopped at start: {said}"
                if "lock file" in said.lower():
                    self._failure = (
                        f"{locked(self.store_dir)}; stop it, or serve without --writable"
                    )
                return None
            if _answers(self.backend_url):
                self._ready.set()
                return process
            time.sleep(0.05)
        _stop(process)
        self._failure = f"{self.endpoint.url}: the oxigraph server did not answer in time"
        return None

    def _watch(self, process: subprocess.Popen[bytes]) -> int | None:
        """Wait for the server to exit (its code), or kill it (None) when a request is overdue
        and the server is still busy (over ``IDLE`` cores in the last second: a query Oxigraph
        did not cancel; an idle server has stopped the query by itself and is left running)."""
        busy = _Busy(process.pid)
        while True:
            try:
                return process.wait(timeout=0.2)
            except subprocess.TimeoutExpired:
                pass
            load = busy.load()
            if not self.guard.overdue() or self._stopping.is_set():
                continue
            if load is not None and load < IDLE:
                self.guard.settled()
                continue
            self.guard.restarting()
            process.kill()
            process.wait()
            return None


def cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) process ``pid`` has used so far; 0.0 once it is gone."""
    try:
        times = psutil.Process(pid).cpu_times()
    except psutil.Error:
        return 0.0
    return float(times.user + times.system)


class _Busy:
    """How busy a process has been over about the last second (cores used), from its CPU times."""

    def __init__(self, pid: int):
        self._process = psutil.Process(pid)
        self._samples: collections.deque[tuple[float, float]] = collections.deque()

    def load(self) -> float | None:
        """Cores used over the last second or so; None until a second has been seen (or when
        the process cannot be read, which counts as busy)."""
        try:
            times = self._process.cpu_times()
        except psutil.Error:
            return None
        now = time.monotonic()
        self._samples.append((now, times.user + times.system))
        while len(self._samples) > 2 and now - self._samples[1][0] >= 1.0:
            self._samples.popleft()
        first_at, first = self._samples[0]
        if now - first_at < 0.9:
            return None
        return (self._samples[-1][1] - first) / (now - first_at)


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
    limits: Limits | None = None,
) -> Server:
    """Start a server on ``store_dir`` behind its guard and return once it answers SPARQL.

    ``limits`` (time limit, largest answer, SERVICE or not) default to ``Limits()``: 30 s,
    256 MB, no SERVICE. Raises StoreMissingError when there is no store, EndpointError when the
    port is taken, or the server exits or does not answer within ``STARTUP_SECONDS`` (with what
    it printed and, for a locked store, the process holding the lock).
    """
    if not is_store(store_dir):
        raise StoreMissingError(f"{store_dir}: no quanze store here (run `quanze build` first)")
    limits = limits or Limits()
    backend = ("127.0.0.1", _free_port())
    command = server_command(
        store_dir, host=backend[0], port=backend[1], writable=writable, timeout=limits.timeout
    )
    try:
        guard = Guard((host, port), backend, limits)
    except OSError as exc:
        raise EndpointError(
            f"cannot listen on {host}:{port} ({exc.strerror}); choose another --port"
        ) from exc
    server = Server(command, guard, store_dir)
    try:  # whatever stops the wait (an error, Ctrl-C, SIGTERM) stops the server too
        server.start()
    except BaseException:
        server.stop()
        raise
    return server


def _free_port() -> int:
    """A loopback port nobody listens on now, for the server behind the guard."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _answers(url: str) -> bool:
    probe = urllib.request.Request(
        url + "?query=ASK%7B%7D", headers={"Accept": "application/sparql-results+json"}
    )
    try:
        with urllib.request.urlopen(probe, timeout=1) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False  # not listening yet
