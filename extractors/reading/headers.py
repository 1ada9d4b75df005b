"""Maps a power list's own column headers onto field keys, through the synonym table and the
wording rules in ``data/headers.json``, and folds two-level headers into one row."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any

from extractors.datafiles import read_data
from extractors.reading.formats.cells import INVISIBLE
from extractors.reading.pinyin import pinyin_key, pinyin_table
from extractors.reading.vocab import sub_header_family

#: The reader-only key of the 子项 column of a two-level name header (项目 | 子项).
SUBITEM = "subitem"

# Required-field marks and decorations seen on header cells: "*序号", "★事项名称", "序号:", and
# characters that show nothing (a zero-width space left by an editor: "事项\u200b名称").
_DECORATION = re.compile(rf"[\s*★☆※:：{INVISIBLE}]+")
_PARENTHESISED = re.compile(r"[（(【\[][^）)】\]]*[）)】\]]")
# Two-level headers flattened into one cell ("职权名称 项目", "职权名称/子项").
_PART_SPLIT = re.compile(r"[\s/／\-—]+")
# A label with its value ("事项名称：城乡医疗救助") is a record line, not a header cell.
_LABEL_VALUE = re.compile(r"[:：]\s*\S")


@cache
def load_headers() -> dict[str, Any]:
    """The parsed ``data/headers.json`` (cached)."""
    return read_data("headers")


#: The longest header (normalised, without its bracketed note) a wording rule is tried on.
_MAX_RULE_CHARS = 10


@cache
def _rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The wording rules of ``data/headers.json`` (抽查依据 → basis), in the order they apply."""
    return tuple((re.compile(r["pattern"]), r["key"]) for r in load_headers()["rules"])


@cache
def _ascii_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The word rules of ``data/headers.json`` for ASCII headers (setBasis → basis), in order."""
    return tuple((re.compile(r["pattern"]), r["key"]) for r in load_headers()["ascii_rules"])


# The words of an ASCII header: camelCase humps (an acronym as one word), lower-case runs, digits.
_ASCII_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


def ascii_words(text: str) -> str:
    """An ASCII header's words, lower-cased and joined with ``_``, as the ASCII rules read it.

    >>> ascii_words("implDeptName"), ascii_words("set-basis"), ascii_words("DZQYBJXZC-F-881")
    ('impl_dept_name', 'set_basis', 'dzqybjxzc_f_881')
    """
    return "_".join(w.lower() for w in _ASCII_WORD.findall(text))


@cache
def _synonyms() -> dict[str, str]:
    table: dict[str, str] = {}
    for key, spec in load_headers()["fields"].items():
        for synonym in spec["synonyms"]:
            table[normalise_header(synonym)] = key
    return table


@cache
def _pinyin_table() -> dict[str, str]:
    return pinyin_table(_synonyms())


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


@cache
def _to_simplified() -> Any:
    from opencc import OpenCC  # loaded on first use: most lists never need it

    return OpenCC("t2s")


@cache
def _traditional() -> re.Pattern[str]:
    """Any character that the header synonyms have in traditional script only (項 of 事項名稱,
    稱, 據, 類 …): a header cell with none of them needs no conversion."""
    from opencc import OpenCC

    to_traditional = OpenCC("s2t")
    chars = {
        t
        for synonym in _synonyms()
        for s, t in zip(synonym, to_traditional.convert(synonym), strict=False)
        if s != t
    }
    return re.compile(f"[{''.join(sorted(chars))}]")


def simplified(text: str) -> str:
    """A header written in traditional script (事項名稱, 設定依據) in simplified script, as the
    synonyms are written; other text as it is.

    >>> simplified("事項名稱"), simplified("事项名称")
    ('事项名称', '事项名称')
    """
    return _to_simplified().convert(text) if _traditional().search(text) else text


def to_simplified(text: str) -> str:
    """Any text in simplified script (a cell of a list in traditional script: 行政許可).

    >>> to_simplified("行政許可")
    '行政许可'
    """
    return str(_to_simplified().convert(text))


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
    # "抽查依据", "追责情形及依据", "责任追究的法律依据": no synonym, but the wording names the
    # field. Before the qualifier rules, which read these as 追责情形 and 法律依据.
    # A rule reads one header's wording: a longer text is several headers run together
    # (事项名称事项类型设定依据, a flattened page's header), which the page reader segments.
    for pattern, key in _rules() if len(bare) <= _MAX_RULE_CHARS else ():
        if pattern.search(bare):
            return key
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
        if key is None:
            words = ascii_words(text)
            key = next((k for pattern, k in _ascii_rules() if pattern.search(words)), None)
        if key is None:  # a header word in whole pinyin (shixiangmingcheng: data/pinyin.json)
            key = pinyin_key(text, _pinyin_table())
        return key
    return _map_short(simplified(text))


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
    return _levels_as_basis(cells, _offices_yield(cells, tuple(map_header(c) for c in cells)))


def _levels_as_basis(cells: Sequence[str], keys: tuple[str | None, ...]) -> tuple[str | None, ...]:
    """``keys`` with columns headed by the levels of law alone (法律 | 行政法规 | 地方性法规 |
    规章, ``vocab.sub_header_family`` "basis"), two or more of them and no basis column, keyed
    as the basis: the basis written a column per level, without the 设定依据 cell over them
    that a two-level header has (its lower row is folded in as 设定依据 法律 …). Before, their
    citations were read as no field.

    >>> _levels_as_basis(["事项名称", "法律", "行政法规", "规章"], ("name", None, None, None))
    ('name', 'basis', 'basis', 'basis')
    >>> _levels_as_basis(["事项名称", "设定依据", "法律"], ("name", "basis", None))
    ('name', 'basis', None)
    """
    if "basis" in keys:
        return keys
    levels = [
        k is None and sub_header_family(c.strip()) == "basis"
        for c, k in zip(cells, keys, strict=True)
    ]
    if sum(levels) < 2:
        return keys
    return tuple("basis" if level else k for level, k in zip(levels, keys, strict=True))


@cache
def _offices() -> frozenset[str]:
    """The department synonyms that may name an internal office (``data/headers.json``)."""
    words = load_headers()["fields"]["department"]["offices"]["words"]
    return frozenset(normalise_header(w) for w in words)


def _offices_yield(cells: Sequence[str], keys: tuple[str | None, ...]) -> tuple[str | None, ...]:
    """``keys`` with a column headed by an office word (承办机构) unkeyed when another column is
    the department too: beside 实施主体 it names the internal office handling the item (a 科室),
    kept in extra under its own header, where first come first served made the office the
    department and set the department aside (``duplicate-column``).

    >>> _offices_yield(["承办机构", "实施主体"], ("department", "department"))
    (None, 'department')
    >>> _offices_yield(["承办机构"], ("department",))
    ('department',)
    """
    if keys.count("department") < 2:
        return keys
    offices = _offices()
    office = [
        k == "department" and normalise_header(c) in offices
        for c, k in zip(cells, keys, strict=True)
    ]
    if all(o or k != "department" for o, k in zip(office, keys, strict=True)):
        return keys  # only office words: the first is the department, as before
    return tuple(None if o else k for o, k in zip(office, keys, strict=True))


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
    joined = normalise_header("\x1f".join(short))
    markers = _name_marker_pattern()
    if markers.search(joined) is None:
        # in traditional script the markers may be there (事項): searched again once converted
        simple = simplified(joined)
        if simple is joined or markers.search(simple) is None:
            return False
    keys = {map_header(c) for c in short}
    keys.discard(None)
    return len(keys) >= 3 and ("name" in keys or SUBITEM in keys)


_MAX_OTHER_CHARS = 12
# More than ``_MAX_OTHER_CHARS`` characters that are not white space.
_OVER_OTHER = re.compile(rf"(?:\s*\S){{{_MAX_OTHER_CHARS + 1}}}")


def is_other_header(cells: Sequence[str]) -> bool:
    """True when ``cells`` head a table of another kind: every cell written names a field, two
    fields or more, none the item's name (an appendix of 追责情形 referred to by number,
    ``序号 | 追责情形 | 追责依据``). Its rows are no items.

    >>> is_other_header(["序号", "追责情形", "", "追责依据"]), is_other_header(["序号", "备注"])
    (True, True)
    >>> is_other_header(["1", "追责情形"]), is_other_header(["序号", "事项名称", "事项类型"])
    (False, False)
    >>> is_other_header(["序号", "事项名称 事项类型 实施主体", "设定依据"])  # a header run together
    False
    """
    # each cell one header word (序　号 letter-spaced too), not several run together; a long
    # cell (a data row's basis) is found without squashing it whole
    if any(len(c) > _MAX_OTHER_CHARS and _OVER_OTHER.match(c) for c in cells):
        return False
    written = ["".join(c.split()) for c in cells if c]
    if len(written) < 2:
        return False
    keys = set()
    for cell in written:  # a data row leaves at its first cell (a serial names no field)
        key = map_header(cell)
        if key in (None, "name", SUBITEM):
            return False
        keys.add(key)
    return len(keys) >= 2


# The first cell of a data row: a serial, written bare or as a numbered line ("12", "1.").
_SERIAL_CELL = re.compile(r"\d{1,6}[.．、]?")


def merge_header_levels(top: Sequence[str], below: Sequence[str]) -> tuple[str, ...] | None:
    """The cells of a two-level header read as one row, or None when ``below`` is no second
    header level under ``top``.

    A merged header cell spans several columns that the row below names (执法依据 over 法律 |
    行政法规, 职权名称 over 项 目 | 子项); exports leave the spanned cells empty, or repeat the
    merged text in each. Each column is read as "upper lower"; a lower cell must sit under a
    span, repeat its upper cell or be a header of its own (子项), and the row must not open with
    a serial (a data row).

    >>> merge_header_levels(["序号", "执法依据", "", "事项名称", "类型"],
    ...                     ["", "法律", "行政法规", "", ""])
    ('序号', '执法依据 法律', '执法依据 行政法规', '事项名称', '类型')
    >>> merge_header_levels(["序号", "职权名称", "", "类型"], ["", "项 目", "子 项", ""])
    ('序号', '职权名称 项目', '职权名称 子项', '类型')
    >>> merge_header_levels(["序号", "事项名称", "类型"], ["1", "城乡医疗救助", "行政确认"]) is None
    True
    """
    if len(below) > len(top) or not any(below) or _SERIAL_CELL.fullmatch(below[0].strip()):
        return None
    # The text over each column: a merged cell's own text over every column it spans.
    upper: list[str] = []
    span: list[bool] = []
    for i, cell in enumerate(top):
        spanned = i > 0 and (not cell or cell == top[i - 1]) and bool(upper[i - 1])
        upper.append(upper[i - 1] if spanned else cell)
        span.append(spanned)
        if spanned:
            span[i - 1] = True
    named = False  # some lower cell names a part of a span, or the 子项 column
    merged = []
    for i, head in enumerate(upper):
        lower = "".join(below[i].split()) if i < len(below) else ""
        if not lower or lower == "".join(head.split()):
            merged.append(top[i] if not lower else head)
            continue
        if len(lower) > MAX_HEADER_CHARS or not (span[i] or map_header(lower) is not None):
            return None
        named = named or span[i] or map_header(lower) == SUBITEM
        merged.append(f"{head} {lower}".strip())
    return tuple(merged) if named and is_header(merged) else None
