"""The guard in front of ``quanze serve``'s oxigraph server: the limits a public endpoint needs
and the server does not keep by itself.

Measured with oxigraph 0.5.13: ``--timeout-s`` stops some queries (a streaming answer, a
three-way cartesian count) but not others (a cartesian ``ORDER BY``, ``GROUP BY`` or four-way
count ran on at full CPU for 20 s and more past a 2 s limit, with or without a client), and a
``SERVICE`` clause makes the server send a request wherever the query says. So every request
goes through this guard, an HTTP proxy on the public address, with the server on a private
loopback port behind it. The guard

- refuses a query or update that calls another endpoint (SERVICE) unless federation was allowed,
  with HTTP 400 and one line saying so, before the server sees it;
- times every request: an answer not complete within the time limit is replaced by HTTP 503 and
  one line saying the limit, sent at the limit (or, when part of a large answer was already
  sent, cut off, so the client sees an incomplete answer rather than a short one); ``GRACE``
  seconds after the limit of a request given up on, ``overdue`` says so, and the server's
  supervisor (``graph.store.serve``) kills the server and starts it again if it is still busy,
  which is the only way to stop a query Oxigraph does not cancel;
- cuts an answer larger than the size cap the same way, so a runaway result cannot fill memory
  or a disk on either side.

Answers up to ``HOLD`` bytes are held until complete, so the usual failure (a count or sort
that ran out of time) is a clean HTTP 503 and not a broken 200.
"""

from __future__ import annotations

import http.client
import socket
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from graph.store.query import service_error

#: Seconds past its time limit a request may still run before the server is restarted.
GRACE = 2.0
#: Bytes of an answer held back until it is complete (so a failure can still be an HTTP error).
HOLD = 256 * 1024
_CHUNK = 64 * 1024
_HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
        "content-length",
        "host",
    }
)


@dataclass(frozen=True, slots=True)
class Limits:
    """What the guard enforces: the time limit per request (seconds), the largest answer
    (bytes), and whether queries may call other endpoints (SERVICE)."""

    timeout: float = 30.0
    max_bytes: int = 256 * 1024 * 1024
    allow_service: bool = False


@dataclass(eq=False)
class _Ticket:
    """One request on its way through the guard."""

    start: float = field(default_factory=time.monotonic)
    restarted: bool = False  # the server was killed while this request was in it

    def elapsed(self) -> float:
        return time.monotonic() - self.start


class Guard(ThreadingHTTPServer):
    """The proxy: listens on ``address`` and forwards to the server at ``backend``."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], backend: tuple[str, int], limits: Limits):
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.backend = backend
        self.limits = limits
        self._lock = threading.Lock()
        self._tickets: set[_Ticket] = set()
        self._abandoned: list[_Ticket] = []  # answered 503, the server may still be at them
        super().__init__(address, _Forward)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Stay quiet about a client that left (the default prints a traceback)."""
        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)

    @contextmanager
    def track(self) -> Iterator[_Ticket]:
        """Time one request while it is in flight."""
        ticket = _Ticket()
        with self._lock:
            self._tickets.add(ticket)
        try:
            yield ticket
        finally:
            with self._lock:
                self._tickets.discard(ticket)

    def abandon(self, ticket: _Ticket) -> None:
        """Remember a request given up on at its time limit: the server may still be at it."""
        with self._lock:
            self._abandoned.append(ticket)

    def overdue(self) -> bool:
        """True when a request, answered or not, was sent ``GRACE`` seconds past its time limit
        ago and may still be running on the server."""
        limit = self.limits.timeout + GRACE
        with self._lock:
            return any(t.elapsed() > limit for t in (*self._tickets, *self._abandoned))

    def settled(self) -> None:
        """The server is idle: the requests given up on are no longer running on it."""
        with self._lock:
            self._abandoned.clear()

    def restarting(self) -> None:
        """Mark every request in flight as cut short by a restart of the server."""
        with self._lock:
            for ticket in self._tickets:
                ticket.restarted = True
            self._abandoned.clear()


def sparql_texts(path: str, content_type: str, body: bytes) -> list[str]:
    """The SPARQL query and update texts a request carries, wherever the protocol puts them:
    the URL's ``query`` / ``update`` parameters, a form body, or a ``application/sparql-query``
    / ``application/sparql-update`` body.

    >>> sparql_texts("/query?query=ASK%7B%7D", "", b"")
    ['ASK{}']
    >>> sparql_texts("/update", "application/sparql-update", b"CLEAR ALL")
    ['CLEAR ALL']
    """
    texts: list[str] = []
    params = urllib.parse.parse_qs(urllib.parse.urlsplit(path).query)
    texts += params.get("query", []) + params.get("update", [])
    media = content_type.split(";")[0].strip().lower()
    if media == "application/x-www-form-urlencoded":
        form = urllib.parse.parse_qs(body.decode("utf-8", "replace"))
        texts += form.get("query", []) + form.get("update", [])
    elif media in ("application/sparql-query", "application/sparql-update"):
        texts.append(body.decode("utf-8", "replace"))
    return texts


class _Forward(BaseHTTPRequestHandler):
    """Forwards one request to the server, within the guard's limits."""

    protocol_version = "HTTP/1.1"
    server: Guard

    def do_GET(self) -> None:
        self._forward()

    do_POST = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = do_GET

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the server's own log is not kept either

    def _forward(self) -> None:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self._say(411, "send the request with a Content-Length")
            return
        length = self.headers.get("Content-Length") or "0"
        if not length.isdigit():
            self._say(400, f"Content-Length {length!r} is not a number of bytes")
            return
        body = self.rfile.read(int(length))
        limits = self.server.limits
        if not limits.allow_service:
            for text in sparql_texts(self.path, self.headers.get("Content-Type", ""), body):
                refused = service_error(text)
                if refused is not None:
                    self._say(400, str(refused).replace("(--allow-service)", "on this endpoint"))
                    return
        with self.server.track() as ticket:
            self._relay(ticket, body)

    def _relay(self, ticket: _Ticket, body: bytes) -> None:
        limits = self.server.limits
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP}
        if body or self.command in ("POST", "PUT"):
            headers["Content-Length"] = str(len(body))
        # no read waits longer than the limit, so the client hears at the limit, not at the kill
        backend = http.client.HTTPConnection(*self.server.backend, timeout=limits.timeout + 0.05)
        try:
            try:
                backend.request(self.command, self.path, body=body, headers=headers)
                answer = backend.getresponse()
            except OSError:
                if ticket.elapsed() >= limits.timeout:
                    self.server.abandon(ticket)
                self._say(503, self._unavailable(ticket))
                return
            held, ended = self._read(answer, HOLD)
            if held is None or ticket.restarted or ticket.elapsed() >= limits.timeout:
                if ticket.elapsed() >= limits.timeout:
                    self.server.abandon(ticket)
                self._say(503, self._unavailable(ticket))
                return
            self.send_response(answer.status, answer.reason)
            for key, value in answer.getheaders():
                if key.lower() not in _HOP_BY_HOP:
                    self.send_header(key, value)
            if ended:
                self.send_header("Content-Length", str(len(held)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(held)
                return
            self._stream(answer, ticket, held)
        finally:
            backend.close()

    def _stream(self, answer: http.client.HTTPResponse, ticket: _Ticket, held: bytes) -> None:
        """Send a large answer in chunks; stop without the closing chunk when over a limit."""
        limits = self.server.limits
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        sent = 0
        chunk: bytes | None = held
        try:
            while chunk:
                sent += len(chunk)
                if sent > limits.max_bytes or ticket.elapsed() >= limits.timeout:
                    self.close_connection = True  # an incomplete answer: the client must see it
                    if ticket.elapsed() >= limits.timeout:
                        self.server.abandon(ticket)
                    return
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                chunk, _ = self._read(answer, _CHUNK)
                if chunk is None or ticket.restarted:
                    self.close_connection = True
                    return
            self.wfile.write(b"0\r\n\r\n")
        except OSError:  # the client left: closing the server's connection ends its work
            self.close_connection = True

    @staticmethod
    def _read(answer: http.client.HTTPResponse, size: int) -> tuple[bytes | None, bool]:
        """Up to ``size`` bytes of the answer and whether it ended (None: the server failed)."""
        out = bytearray()
        try:
            while len(out) < size:
                chunk = answer.read1(size - len(out))
                if not chunk:
                    return bytes(out), True
                out += chunk
        except (OSError, http.client.HTTPException):
            return None, False
        return bytes(out), False

    def _unavailable(self, ticket: _Ticket) -> str:
        timeout = self.server.limits.timeout
        if ticket.elapsed() >= timeout:
            return (
                f"the query ran longer than this endpoint's time limit of {timeout:g} s and was "
                "stopped; narrow it or add a LIMIT"
            )
        if ticket.restarted:
            return "the endpoint restarted (another query ran past its time limit); ask again"
        return "the endpoint's server is not answering (it may be restarting); ask again"

    def _say(self, status: int, message: str) -> None:
        """Answer with ``status`` and one line of text."""
        body = (message + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        if status >= 500 or status in (400, 411):
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
