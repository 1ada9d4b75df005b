"""The citation grammar's regular expressions, compiled once per installation rather than once
per process.

The grammar compiles about ninety patterns when it is imported, many with large classes of
Chinese characters; ``re`` parses and optimises them in pure Python, 45–60 ms of every process
that reads a reference (``quanze cites`` reads one). What ``re`` makes of a pattern, the code of
its matching engine, does not change between processes, so it is kept in a file and handed
straight to the engine the next time (under a millisecond for all of them;
``python -m bench.startup`` prints the figures).

The file is a cache and nothing more:

- each entry is looked up by the exact pattern text and flags, so a pattern built from edited
  grammar data (``data/grammar.json``) or code is a different key and is compiled afresh: no
  stale entry can be used. The file is named after the interpreter's version and the matching
  engine's (``_sre.MAGIC``), whose code format it holds;
- it lives beside the byte code Python caches (``__pycache__`` of this package); where that
  cannot be written (a read-only installation) nothing is written and the patterns are compiled
  as before;
- it is written whole to a temporary file, then renamed over the old one, at the end of a process
  that compiled a pattern the file did not hold: a reader sees the old file or the new one;
- a file that cannot be read, or whose code the engine refuses (the engine checks the code it is
  given), is ignored: every pattern is then compiled as ``re.compile`` would.

``QUANZE_PATTERN_CACHE=FILE`` keeps the cache in FILE instead; set to nothing, it turns the cache
off (to measure what it saves, or to compile every pattern afresh).

The compiled build of the grammar calls :func:`regex` like any Python function: this module
stays interpreted.
"""

from __future__ import annotations

import atexit
import hashlib
import marshal
import os
import re
import sys
from importlib import import_module
from pathlib import Path
from typing import Any

from extractors.filecache import write_whole

try:  # the engine and its compiler: CPython's own, private modules (no type stubs)
    _sre: Any = import_module("_sre")
    _compiler: Any = import_module("re._compiler")
    _parser: Any = import_module("re._parser")
except ImportError:  # pragma: no cover - another interpreter: re.compile, uncached
    _sre = None

#: An entry: (flags as compiled, engine code, groups, group index, index group).
Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

_HERE = Path(__file__).parent
#: The environment variable naming the cache file instead (empty: no cache).
CACHE_ENV = "QUANZE_PATTERN_CACHE"
#: Entries kept from earlier processes besides this one's, at most (patterns of an older grammar
#: are dropped past it, so the file does not grow with every edit of the grammar).
MAX_ENTRIES = 1024


def cache_file() -> Path | None:
    """Where the compiled patterns are kept, for this interpreter and matching engine (None: the
    cache is turned off)."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return Path(chosen) if chosen else None
    engine = f"{sys.version}|{getattr(_sre, 'MAGIC', '')}|{getattr(_sre, 'CODESIZE', '')}"
    tag = hashlib.sha256(engine.encode()).hexdigest()[:16]
    return _HERE / "__pycache__" / f"patterns.{sys.implementation.cache_tag}.{tag}.marshal"


class _Cache:
    """The entries read from the cache file, and those compiled in this process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.read: dict[tuple[str, int], Entry] = {}
        self.used: dict[tuple[str, int], Entry] = {}
        self.missed = 0
        try:
            loaded = marshal.loads(path.read_bytes())
            if isinstance(loaded, dict):
                self.read = loaded
        except (OSError, EOFError, ValueError, TypeError):
            pass  # no file yet, or one that cannot be read: compile
        atexit.register(self.save)

    def pattern(self, text: str, flags: int) -> re.Pattern[str]:
        flags = int(flags)
        key = (text, flags)
        entry = self.read.get(key)
        if entry is not None:
            try:
                compiled = _sre.compile(text, *entry)
                self.used[key] = entry
                return compiled
            except Exception:  # a damaged entry (the engine checks the code): compile it
                pass
        entry = _compile(text, flags)
        self.used[key] = entry
        self.missed += 1
        return _sre.compile(text, *entry)

    def save(self) -> None:
        """Write the file when this process compiled a pattern it did not hold: the entries used
        here, and those it held that this process did not ask for (another program may), unless
        they are more than MAX_ENTRIES."""
        if not self.missed:
            return
        entries = {**self.read, **self.used}
        if len(entries) > MAX_ENTRIES:
            entries = dict(self.used)
        try:
            data = marshal.dumps(entries)
        except ValueError:
            return
        if not write_whole(self.path, data):
            return  # a read-only installation, a full disk: the next process compiles again
        self.read, self.missed = entries, 0


def _compile(text: str, flags: int) -> Entry:
    """What ``re._compiler.compile`` hands the engine for ``text``, as plain data."""
    parsed = _parser.parse(text, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        int(flags | parsed.state.flags),
        [int(op) for op in code],
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


_cache: _Cache | None = None
_uncached = False


def regex(text: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(text, flags)``, its compiled form kept for the next process (see above).

    >>> regex(r"第(\\d+)条").match("第87条").group(1)
    '87'
    """
    global _cache, _uncached
    flags = int(flags)
    if _cache is None and not _uncached:
        where = cache_file()
        if where is None or _sre is None:
            _uncached = True
        else:
            _cache = _Cache(where)
    if _cache is None or flags & re.DEBUG:
        return re.compile(text, flags)
    try:
        return _cache.pattern(text, flags)
    except re.error:
        raise
    except Exception:  # an engine this was not written for: as re would, uncached
        return re.compile(text, flags)


def compiled_here() -> int | None:
    """How many patterns this process compiled rather than read from the cache (None: no cache,
    every pattern was compiled)."""
    return None if _cache is None else _cache.missed
