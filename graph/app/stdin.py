"""``-`` among the files of ``quanze parse`` / ``extract``: the list is read from stdin.

The readers take a path (the format is found from the bytes, the source named after the file), so
stdin is copied, at most the readers' size limit, to a file named ``stdin`` in a private temporary
folder, read like any file, and named ``stdin`` in messages.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

#: The file argument that stands for stdin.
STDIN = "-"
#: How stdin is named in the output (``source``) and in messages.
STDIN_NAME = "stdin"


@contextlib.contextmanager
def stdin_as_file(paths: Sequence[Path]) -> Iterator[tuple[list[Path], Path | None]]:
    """``paths`` with ``-`` replaced by a file holding stdin's bytes (removed afterwards), and
    that file (None when no ``-`` was given)."""
    if not any(str(p) == STDIN for p in paths):
        yield list(paths), None
        return
    import tempfile  # (random, shutil: 5 ms of every command, for parse and extract's stdin)

    from extractors.reading.limits import MAX_FILE_BYTES

    with tempfile.TemporaryDirectory(prefix="quanze-") as folder:
        copy = Path(folder) / STDIN_NAME
        copy.write_bytes(sys.stdin.buffer.read(MAX_FILE_BYTES + 1))
        yield [copy if str(p) == STDIN else p for p in paths], copy


def shown(message: str, copy: Path | None) -> str:
    """``message`` with the copy of stdin named ``stdin`` rather than by its temporary path.

    >>> shown("/tmp/quanze-x/stdin: empty file", Path("/tmp/quanze-x/stdin"))
    'stdin: empty file'
    """
    return message if copy is None else message.replace(str(copy), STDIN_NAME)
