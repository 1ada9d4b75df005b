"""Where the ``quanze`` command writes its data: ``-`` names stdout, and a reader that stops early
(``quanze export … | head``) ends the command quietly.

A reader that closes the pipe is not a fault: ``head`` has what it wanted. Python raises
BrokenPipeError on the next write, and again when it flushes stdout at exit (the "Exception
ignored … BrokenPipeError" lines); :func:`stop_writing` points stdout at the null device so
neither is shown, and the command exits 0 (``set -o pipefail`` does not fail the pipeline).
"""

from __future__ import annotations

import contextlib
import os
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
