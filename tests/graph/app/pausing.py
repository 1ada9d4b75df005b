"""Runs the real ``quanze`` command, paused at a chosen point of its build, so that a test can
send it a real signal there: ``python -m tests.graph.app.pausing POINT ARGS…``.

POINT is ``list:N`` (as the N-th list is about to be built: the lists before it are made and
handed to the loader, none committed) or ``commit`` (the lists' new quads are in the store, the
commit that makes them current is next). There the process prints ``paused`` on stdout and
waits for a line on stdin, and then goes on. ``QUANZE_BULK_THRESHOLD`` in the environment sets
the quads from which the build bulk-loads (``graph.store.load.BULK_THRESHOLD``).
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Any

from graph.build import build
from graph.store import load


def _pause() -> None:
    sys.stdout.write("paused\n")
    sys.stdout.flush()
    sys.stdin.readline()


def main() -> None:
    point, *args = sys.argv[1:]
    # A process started with SIGINT ignored keeps it ignored (Python installs its Ctrl-C handler
    # only where SIGINT was not ignored), and a test worker may have inherited it so: the build
    # is to hear Ctrl-C as a user's terminal sends it.
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        sys.stderr.write("pausing: SIGINT was ignored; restored\n")
    signal.signal(signal.SIGINT, signal.default_int_handler)
    if "QUANZE_BULK_THRESHOLD" in os.environ:
        load.BULK_THRESHOLD = int(os.environ["QUANZE_BULK_THRESHOLD"])
    if point.startswith("list:"):
        wanted = int(point.removeprefix("list:"))
        # the build's own process takes each list's lines here, made by it or by a worker
        made = build._Build.documents
        seen = [0]

        def documents(self: Any, *given: Any, **named: Any) -> Any:
            seen[0] += 1
            if seen[0] == wanted:
                _pause()
            yield from made(self, *given, **named)

        build._Build.documents = documents  # type: ignore[method-assign]
    else:
        commit = build._Build.commit

        def paused_commit(self: Any) -> None:
            _pause()
            commit(self)

        build._Build.commit = paused_commit  # type: ignore[method-assign]
    from graph.app.cli import app

    sys.argv = ["quanze", *args]
    app()


if __name__ == "__main__":
    main()
