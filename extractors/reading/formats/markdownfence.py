"""Reads a JSON list a Markdown file holds in a code fence (```json over an array of records, a
site's API answer pasted into a page) as the JSON reader reads a file, its rows on the file's
lines."""

from __future__ import annotations

import re
from collections.abc import Iterable

from extractors.errors import InputError
from extractors.reading.formats.grid import Grid

# The line that opens a code fence, and the language it names (```json, ~~~ JSON).
_FENCE = re.compile(r"^(?P<mark>`{3,}|~{3,})\s*(?P<lang>[A-Za-z0-9_+-]*)\s*$")


def opens_json_fence(line: str, below: str | None) -> str | None:
    """The fence's mark when ``line`` opens a code fence holding JSON: named json (```json), or
    unnamed with ``below``, its first line, opening an array or an object; else None.

    >>> opens_json_fence("```json", "["), opens_json_fence("```", '  {"序号": 1}')
    ('```', '```')
    >>> opens_json_fence("```", "| 序号 | 事项名称 |"), opens_json_fence("```python", "[1]")
    (None, None)
    """
    found = _FENCE.match(line.strip())
    if found is None:
        return None
    lang = found.group("lang").lower()
    opened = below is not None and below.lstrip()[:1] in ("[", "{")
    return found.group("mark") if lang in ("json", "jsonl") or (not lang and opened) else None


def closes_fence(line: str, mark: str) -> bool:
    """True for the line that closes a fence opened by ``mark``.

    >>> closes_fence("```", "```"), closes_fence("``", "```")
    (True, False)
    """
    text = line.strip()
    return text.startswith(mark) and not text.strip(mark[0])


def has_json_fence(lines: Iterable[str]) -> bool:
    """True when ``lines`` hold a code fence of JSON.

    >>> has_json_fence(["# 清单", "```json", "[]", "```"]), has_json_fence(["```", "序号"])
    (True, False)
    """
    previous: str | None = None
    for line in lines:
        if previous is not None and opens_json_fence(previous, line):
            return True
        previous = line
    return False


def read_fenced(lines: list[str], path: str) -> Grid | None:
    """The JSON reader's Grid of the fence's ``lines`` (numbered from 1, the fence's first
    line), or None when they hold no list of records.

    >>> grid = read_fenced(['[{"序号": "1", "事项名称": "取水许可"}]'], "a.md")
    >>> [r.cells for r in grid.rows]
    [('序号', '事项名称'), ('1', '取水许可')]
    """
    # (imported here: the JSON reader imports the page-text reader, which imports this one's
    # Markdown neighbours)
    from extractors.reading.formats.records import read_records

    try:
        grid = read_records("\n".join(lines), path)
    except InputError:
        return None
    return grid if len(grid.rows) > 1 else None
