"""Runs the workbench with uvicorn on a loopback port until interrupted.

The socket is bound here, before the server starts, so that ``--port 0`` (any free port) can
say which port it got, and a port in use is one error line naming it.
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable
from pathlib import Path

from extractors.errors import QuanzeError

#: The only addresses the workbench listens on: it is for the analyst at this machine.
LOOPBACK = ("127.0.0.1", "localhost")


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host``:``port``; raises QuanzeError naming the port when it
    cannot listen there, or when ``host`` is not loopback."""
    if host not in LOOPBACK:
        raise QuanzeError(f"the workbench listens on loopback only (127.0.0.1), not {host!r}")
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(("127.0.0.1", port))
    except OSError as exc:
        sock.close()
        raise QuanzeError(f"cannot listen on 127.0.0.1:{port}: {exc.strerror or exc}") from exc
    sock.listen(128)
    return sock


def serve_app(
    store: Path, *, port: int = 8765, host: str = "127.0.0.1", say: Callable[[str], None] = print
) -> None:
    """Serve the workbench over the store at ``store`` (read-only) on ``port`` (0: any free
    port) and tell ``say`` its address; returns when interrupted (Ctrl-C, SIGTERM)."""
    import uvicorn

    from graph.web.app import create_app

    app = create_app(store)
    sock = bind(host, port)
    url = f"http://127.0.0.1:{sock.getsockname()[1]}/"
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
    server = uvicorn.Server(config)
    # uvicorn shuts down on SIGTERM, then raises the signal again for the handler it found in
    # place: this one makes that a KeyboardInterrupt (as Ctrl-C), so a service manager's stop
    # ends the command with exit code 0 instead of killing it by the signal.
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        say(f"quanze app: {url}  (read-only; Ctrl-C to stop)")
        server.run(sockets=[sock])
    finally:
        signal.signal(signal.SIGTERM, previous)
        sock.close()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
