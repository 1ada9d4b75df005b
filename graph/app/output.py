"""Where the ``quanze`` command writes its data: ``-`` names stdout, and a reader that stops early
(``quanze export … | head``) ends the command quietly.

A reader that closes the pipe is not a fault: ``head`` has what it wanted. Python raises
BrokenPipeError on the next write, and again when it flushes stdout at exit (the "Exception
ignored … BrokenPipeError" lines); :func:`stop_writing` points stdout at the null device so
neither is shown, and the command exits 0 (``set -o pipefail`` does not fail the pipeline).
A broken pipe to anything else (a helper process the command started, killed) is a failure, said
and exit 1 (:func:`reader_gone` tells them apart): it ended a ``quanze build`` with exit 0 and
an empty store.
"""

from __future__ import annotations

import contextlib
import os
import select
import sys
from pathlib import Path

#: The name that stands for stdout in ``--out`` (and for stdin among the input files).
STDOUT = "-"


def writes_stdout(path: Path | str | None) -> bool:
    """True when ``--out`` is absent or ``-``: the data goes to stdout.

    >>> writes_stdout(None), writes_stdout(Path("-")), writes_stdout(Path("a.html"))
    (True, True, False)
    """
    return path is None or str(path) == STDOUT


def stop_writing() -> None:
    """After a broken pipe: send what stdout still holds to the null device, so the flush at exit
    does not raise again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):  # in-process, stdout has no fd
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def reader_gone() -> bool:
    """True when the reader of stdout or stderr has closed it (a pipe or socket whose other end
    is gone: the kernel reports an error or hang-up on it), so a BrokenPipeError is that reader
    stopping early; False when both are still read, or are files or terminals.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            fd = stream.fileno()
        except (OSError, ValueError, AttributeError):  # in-process, no fd: nobody to read it
            continue
        poller = select.poll()
        poller.register(fd, 0)  # errors and hang-ups are reported whatever is asked
        if any(events & (select.POLLERR | select.POLLHUP) for _, events in poller.poll(0)):
            return True
    return False
