"""The law registry's indexes, kept between processes in a file, as the grammar's patterns are
(:mod:`extractors.citing.patterns`).

Loading the shipped registry reads and merges two JSON files and indexes 4,000 title keys in an
Aho-Corasick automaton, ~53 ms of the first citation a process reads. What that makes does not
change between processes until the data or the code that indexes it does, so
:func:`extractors.citing.lawdb.load_registry` keeps it here: the automaton, the title key → entry
index, the ids, the merged entries one by one (each rebuilt when a lookup first returns it).

The file is a cache and nothing more:

- it is keyed by the SHA-256 of every file its content comes from (the two registry files, the
  grammar's word lists that title keys and places are made with, the source of the code that
  indexes them), the interpreter's version and the automaton's extension module: a file made
  from anything else is not used, and is replaced;
- it lives beside the byte code Python caches (``__pycache__`` of ``extractors/citing``); where
  that cannot be written (a read-only installation) nothing is written and the registry is built
  from its JSON files as before;
- it is written whole to a temporary file, then renamed over the old one: a process reading it
  while another writes sees the old file or the new one, never a part;
- a file that cannot be read is ignored (the registry is built from the JSON files).

``QUANZE_REGISTRY_CACHE=FILE`` keeps the cache in FILE instead; set to nothing, it turns the cache
off (to measure what it saves, or to build the registry afresh).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from extractors.filecache import write_whole

#: The environment variable naming the cache file instead (empty: no cache).
CACHE_ENV = "QUANZE_REGISTRY_CACHE"
#: The layout of the file's content; a file of another layout is not read.
LAYOUT = 1
#: The folder of the byte code the cache sits beside (the package of the registry's code).
_BESIDE = Path(__file__).resolve().parent.parent / "citing" / "__pycache__"


def cache_file() -> Path | None:
    """Where the registry's indexes are kept (None: the cache is turned off)."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return Path(chosen) if chosen else None
    return _BESIDE / f"registry.{sys.implementation.cache_tag}.marshal"


def cache_key(sources: Iterable[Path | bytes], *extra: str) -> str:
    """The digest of the sources a cache's content is made from (files, or their bytes), in
    order, with ``extra`` facts (an extension module's identity) and the interpreter's version.

    >>> cache_key([b"{}"]) == cache_key([b"{}"]) != cache_key([b"[]"])
    True
    """
    whole = hashlib.sha256(f"{LAYOUT}|{sys.version}|{'|'.join(extra)}".encode())
    for source in sources:
        data = source if isinstance(source, bytes) else source.read_bytes()
        whole.update(hashlib.sha256(data).digest())
    return whole.hexdigest()


def module_identity(path: str | None) -> str:
    """An extension module's file, size and modification time: what tells another build of it
    (whose pickles may differ) from this one without reading it."""
    if path is None:
        return ""
    try:
        stat = os.stat(path)
    except OSError:
        return path
    return f"{path}|{stat.st_size}|{stat.st_mtime_ns}"


def read_cache(path: Path, key: str) -> dict[str, Any] | None:
    """The content kept in ``path`` under ``key``; None when there is no file, one that cannot
    be read, or one made from other sources.

    >>> read_cache(Path("/nonexistent/registry.marshal"), "k") is None
    True
    """
    try:
        loaded = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(loaded, tuple) or len(loaded) != 3 or loaded[:2] != (LAYOUT, key):
        return None
    content = loaded[2]
    return content if isinstance(content, dict) else None


def write_cache(path: Path, key: str, content: dict[str, Any]) -> bool:
    """Keep ``content`` (marshal's plain data) in ``path`` under ``key``, written whole to a
    temporary file renamed over the old one; False, and nothing written, where it cannot be (a
    read-only installation, a full disk)."""
    try:
        data = marshal.dumps((LAYOUT, key, content))
    except ValueError:
        return False
    return write_whole(path, data)
