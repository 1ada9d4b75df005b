"""Stopping the real server processes tests start (Virtuoso, a Dask cluster, …), and reading
what a script run by a process of its own prints."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any


def stop(process: subprocess.Popen[bytes] | subprocess.Popen[str], grace: float = 30) -> None:
    """Ask ``process`` to end (SIGTERM), and kill it if it has not within ``grace`` seconds."""
    process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def json_printed(script: str, env: dict[str, str]) -> Any:
    """What ``script`` prints as JSON when run by a new Python process with ``env`` added to this
    one's environment (a cache read by another process); the process must write nothing to
    stderr."""
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", script],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=True,
    )
    assert done.stderr == ""
    return json.loads(done.stdout)
