"""Writing a cache file that other processes read while it is written (the grammar's compiled
patterns, the law registry's indexes)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_whole(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` whole: to a temporary file beside it, renamed over the old one,
    so that a reader sees the old file or the new one, never a part. False, and nothing written,
    where it cannot be (a read-only installation, a full disk).

    >>> write_whole(Path("/proc/no-such-cache"), b"x")
    False
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.chmod(temporary, 0o644)  # readable by all, as the byte code beside it
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except (OSError, ValueError):
        return False
    return True
