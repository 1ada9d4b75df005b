"""Ties a child process's life to the thread that starts it: when that thread ends (or the whole
process, by ``kill -9`` too), the kernel sends the child SIGKILL.

``quanze serve`` runs the ``oxigraph`` server as a child. A parent that is killed outright runs no
clean-up, and its child used to live on as an orphan that kept the port and (``--writable``) the
store's lock. Linux's ``PR_SET_PDEATHSIG`` closes that hole; it is bound to the *thread* that
forked the child, so the child must be started by a thread that lives as long as it should.
Elsewhere (no ``prctl``) the child is started as before.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
from collections.abc import Callable

_PR_SET_PDEATHSIG = 1


def _prctl() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    except OSError:
        return None
    function: Callable[..., int] = libc.prctl
    return function


def die_with_parent() -> Callable[[], None] | None:
    """A ``preexec_fn`` for ``subprocess.Popen`` that makes the child die with this thread, or
    None where the platform has no such mechanism.

    It runs in the child between fork and exec: it asks for SIGKILL on the parent's death, then
    checks the parent is still the one that forked it (had it died in between, the request would
    come too late and the child is ended at once).
    """
    prctl = _prctl()
    if prctl is None:
        return None
    parent = os.getpid()

    def tether() -> None:
        if prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            return  # not fatal: the child still runs, as it did before
        if os.getppid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)

    return tether
