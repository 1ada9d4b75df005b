"""Names the process that holds a store's lock, so "the store is locked" says by whom.

Oxigraph (RocksDB) takes an ``fcntl`` lock on ``LOCK`` in the store directory while a process has
the store open for writing (a build, ``quanze serve --writable``, an orphaned ``oxigraph``
server). The lock goes with the process, so the holder is alive: Linux lists it in
``/proc/locks`` by device and inode, and ``/proc/PID/cmdline`` says what it is. Elsewhere (no
``/proc``) the holder is unknown and the message says only that the store is locked.
"""

from __future__ import annotations

import os
from pathlib import Path

_LOCKS = Path("/proc/locks")
_SHOWN = 160  # characters of the holder's command line that are shown


def lock_holders(store_dir: str | os.PathLike[str], locks: Path = _LOCKS) -> list[int]:
    """The ids of the processes holding a lock on the store's ``LOCK`` file (none if unknown)."""
    try:
        info = os.stat(Path(store_dir) / "LOCK")
        listed = locks.read_text(encoding="ascii", errors="replace")
    except OSError:
        return []
    wanted = (os.major(info.st_dev), os.minor(info.st_dev), info.st_ino)
    found: list[int] = []
    for line in listed.splitlines():
        # "1: POSIX  ADVISORY  WRITE 1234 08:01:5678 0 EOF" (a blocked waiter is "1: -> POSIX …")
        fields = line.split()
        if "->" in fields:
            continue
        for n, field in enumerate(fields):
            if field.count(":") == 2 and n > 0 and fields[n - 1].isdigit():
                major, minor, inode = field.split(":")
                try:
                    where = (int(major, 16), int(minor, 16), int(inode))
                except ValueError:
                    break
                pid = int(fields[n - 1])
                if where == wanted and pid not in found:
                    found.append(pid)
                break
    return found


def describe(pid: int) -> str:
    """``pid 1234 (oxigraph serve --location …)``, the command line as far as it can be read.

    >>> describe(os.getpid()).startswith(f"pid {os.getpid()} (")
    True
    """
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return f"pid {pid}"
    command = " ".join(raw.replace(b"\0", b" ").decode("utf-8", "replace").split())
    if len(command) > _SHOWN:
        command = command[:_SHOWN] + " …"
    return f"pid {pid} ({command})" if command else f"pid {pid}"


def held_by(store_dir: str | os.PathLike[str]) -> str:
    """`` (held by pid 1234 (oxigraph serve …))`` to put in a message, or "" when unknown."""
    holders = lock_holders(store_dir)
    if not holders:
        return ""
    return " (held by " + ", ".join(describe(pid) for pid in holders) + ")"


def locked(store_dir: str | os.PathLike[str]) -> str:
    """The start of a message for a store another process holds open for writing, naming it."""
    return f"{store_dir}: the store is open for writing in another process{held_by(store_dir)}"
