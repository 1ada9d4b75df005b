"""Maps a power list's own column headers onto field keys, through the synonym table in
``data/headers.json``."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from functools import cache, lru_cache
from importlib import resources
from typing import Any

#: The reader-only key of the 子项 column of a two-level name header (项目 | 子项).
SUBITEM = "subitem"

# Required-field marks and decorations seen on header cells: "*序号", "★事项名称", "序号:".
_DECORATION = re.compile(r"[\s*★☆※:：]+")
_PARENTHESISED = re.compile(r"[（(【\[][^）)】\]]*[）)】\]]")
# Two-level headers flattened into one cell ("职权名称 项目", "职权名称/子项").
_PART_SPLIT = re.compile(r"[\s/／\-—]+")
# A label with its value ("事项名称：城乡医疗救助") is a record line, not a header cell.
_LABEL_VALUE = re.compile(r"[:：]\s*\S")


@cache
def load_headers() -> dict[str, Any]:
    """The parsed ``data/headers.json`` (cached)."""
    text = resources.files("extractors").joinpath("data/headers.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def _synonyms() -> dict[str, str]:
    table: dict[str, str] = {}
    for key, spec in load_headers()["fields"].items():
        for synonym in spec["synonyms"]:
            table[normalise_header(synonym)] = key
    return table


#: Longest qualifier allowed in front of (behind) a known header: "行政权力事项名称", "市级主管部门"
#: ("备注说明", "追责情形内容").
_MAX_PREFIX = 6
_MAX_SUFFIX = 4


@cache
def _name_markers() -> tuple[str, ...]:
    """The shortest words one of which every name or 子项 header contains (each synonym holds
    one: 事项名称 holds 事项, 子项目 holds 子项), for a quick test before mapping a row."""
    words = {s for s, key in _synonyms().items() if key in ("name", SUBITEM)}
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


@cache
def _name_marker_pattern() -> re.Pattern[str]:
    """Any of :func:`_name_markers`, found in one pass."""
    return re.compile("|".join(map(re.escape, _name_markers())))


def normalise_header(text: str) -> str:
    """A header cell reduced for lookup: NFKC, case-folded, no white space, no required-marks.

    >>> normalise_header("*序 号："), normalise_header("NO.")
    ('序号', 'no.')
    """
    return _DECORATION.sub("", unicodedata.normalize("NFKC", text)).casefold()


def _lookup(text: str) -> str | None:
    norm = normalise_header(text)
    if not norm:
        return None
    table = _synonyms()
    if norm in table:
        return table[norm]
    bare = normalise_header(_PARENTHESISED.sub("", unicodedata.normalize("NFKC", text)))
    if bare in table:
        return table[bare]
    # "行政权力事项名称", "市级主管部门": a known header with a short qualifier in front; the
    # longest known header wins. Only the few tails of ``bare`` are looked up, not every synonym.
    size = len(bare)
    for cut in range(1, min(_MAX_PREFIX, size - 3) + 1):
        if bare[cut:] in table:
            return table[bare[cut:]]
    # "备注说明", "追责情形内容": a known header with a short qualifier after it.
    for cut in range(1, min(_MAX_SUFFIX, size - 3) + 1):
        if bare[: size - cut] in table:
            return table[bare[: size - cut]]
    return None


#: Longer cells are never taken for headers (the longest known header with its qualifiers is
#: about 20 characters: 法律法规规章依据（设定和实施依据）).
MAX_HEADER_CHARS = 40


def map_header(text: str) -> str | None:
    """The field key a header cell stands for, ``"subitem"`` for a 子项 column, or None.

    A two-level header flattened into one cell is read from its last part (``职权名称 子项`` is
    the 子项 column, ``职权名称 项目`` falls back to 职权名称).

    >>> map_header("职权名称 项目"), map_header("子项"), map_header("追责依据（法律法规规章）")
    ('name', 'subitem', 'accountability_basis')
    >>> map_header("服务电话") is None, map_header("事项名称：城乡医疗救助") is None
    (True, True)
    """
    # A header names a column in a few words; a data cell (a 3 KB 职权依据) is never one, and
    # is_header runs on every row to catch repeated headers, so long cells leave at once.
    if len(text) > MAX_HEADER_CHARS or (
        ("：" in text or ":" in text) and _LABEL_VALUE.search(text)
    ):
        return None
    if text.isascii():
        # ASCII headers (No., sxmc, qlmc, name) are matched whole: the ASCII cells of data rows
        # (serials 4267, codes DZQYBJXZC-F-881) are unique per row and must leave at once.
        if text.isdigit():
            return None
        # NFKC leaves ASCII as it is: only decorations and case to fold.
        table = _synonyms()
        key = table.get(_DECORATION.sub("", text).casefold())
        if key is None and "(" in text:
            key = table.get(_DECORATION.sub("", _PARENTHESISED.sub("", text)).casefold())
        return key
    return _map_short(text)


@cache
def _split_synonyms() -> tuple[str, ...]:
    """Synonyms that hold a separator themselves (指导/实施部门): read whole, not by their parts."""
    return tuple(s for s in _synonyms() if _PART_SPLIT.search(s))


@lru_cache(maxsize=4096)
def _map_short(text: str) -> str | None:
    key = _lookup(text)
    norm = normalise_header(text)
    if key is not None and (norm in _synonyms() or norm.endswith(_split_synonyms())):
        return key
    bare = _PARENTHESISED.sub("", unicodedata.normalize("NFKC", text)).strip()
    parts = [p for p in _PART_SPLIT.split(bare) if p]
    if len(parts) > 1:
        for part in reversed(parts):
            part_key = _lookup(part)
            if part_key is not None:
                return part_key
    return key


def map_headers(cells: Sequence[str]) -> tuple[str | None, ...]:
    """The key of each header cell (None for unknown ones), see :func:`map_header`.

    >>> map_headers(["序号", "事项名称", "服务电话"])
    ('row', 'name', None)
    """
    return tuple(map_header(c) for c in cells)


def is_header(cells: Sequence[str]) -> bool:
    """True when ``cells`` read as a header row: at least three distinct field keys, one a name.

    >>> is_header(["序号", "实施部门", "事项名称", "事项类型"]), is_header(["序号", "备注"])
    (True, False)
    """
    # Runs on every row of every table: long cells (a 3 KB 职权依据) are skipped, and a row
    # none of whose short cells holds a name header's words (名称, 事项, 子项, sxmc …) leaves
    # after one pass over their joined text.
    short = [c for c in cells if len(c) <= MAX_HEADER_CHARS]
    if len(short) < 3:
        return False
    if _name_marker_pattern().search(normalise_header("\x1f".join(short))) is None:
        return False
    keys = {map_header(c) for c in short}
    keys.discard(None)
    return len(keys) >= 3 and ("name" in keys or SUBITEM in keys)
