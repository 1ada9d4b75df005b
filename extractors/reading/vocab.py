"""Closed vocabularies of power lists (power types, exercise levels, organisation, time-limit and
citation shapes), loaded from ``data/vocab.json`` and exposed as small predicates."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_vocab() -> dict[str, Any]:
    """The parsed ``data/vocab.json`` (cached)."""
    text = resources.files("extractors").joinpath("data/vocab.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _squash(text: str) -> str:
    return "".join(text.split())


@cache
def _words(entry: str) -> frozenset[str]:
    return frozenset(load_vocab()[entry]["words"])


@cache
def _pattern(entry: str) -> re.Pattern[str]:
    return re.compile(load_vocab()[entry]["pattern"])


@cache
def _level_pattern() -> re.Pattern[str]:
    spec = load_vocab()["levels"]
    words = sorted(spec["words"], key=len, reverse=True)
    one = "(?:" + "|".join(re.escape(w) for w in words) + ")"
    return re.compile(f"{one}(?:{spec['joiners']}{one})*")


@cache
def _org_pattern() -> re.Pattern[str]:
    spec = load_vocab()["organisations"]
    one = f"(?:{spec['pattern']})"
    return re.compile(f"{one}(?:{spec['joiners']}{one})*")


@cache
def _chrome_pattern() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in load_vocab()["page_chrome"]["patterns"]))


@cache
def _glued_type() -> re.Pattern[str]:
    words = sorted(load_vocab()["power_types"]["words"], key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(f"(?:{alternatives})(?={load_vocab()['citation_starts']['pattern']})")


@cache
def _glued_org() -> re.Pattern[str]:
    spec = load_vocab()["item_name_starts"]
    return re.compile(f"{_org_pattern().pattern}(?={spec['pattern']})")


def find_glued_cells(text: str) -> list[int]:
    """Offsets inside ``text`` where a flattening step ran two cells together: before and after
    a power type that a citation follows (``…的处罚行政处罚《社会保险法》``), before and after
    exercise levels that follow a sentence end (``…的罚款。市级、区县级``), and after an
    organisation name that opens ``text`` and runs straight into an item name or a citation
    (``县医保局对用人单位…``, ``县医保局《社会保险法》…``).

    >>> find_glued_cells("骗取医保基金的处罚行政处罚《社会保险法》第八十七条")
    [9, 13]
    >>> find_glued_cells("二倍以上五倍以下的罚款。市级、区县级 "), find_glued_cells("行政处罚")
    ([12, 18], [])
    >>> find_glued_cells("县医保局对用人单位不办理社会保险登记的处罚"), find_glued_cells("县医保局")
    ([4], [])
    """
    cuts: set[int] = set()
    org = _glued_org().match(text)
    if org is not None:
        cuts.add(org.end())
    for match in _glued_type().finditer(text):
        cuts.update((match.start(), match.end()))
    levels = _level_pattern()
    for end in re.finditer(r"[。；;]", text):
        level = levels.match(text, end.end())
        if level is not None:
            cuts.update((level.start(), level.end()))
    return sorted(c for c in cuts if 0 < c < len(text))


@cache
def _types_by_length() -> tuple[str, ...]:
    return tuple(sorted(_words("power_types"), key=len, reverse=True))


#: Headings are short ("一、行政许可（12项）", "行政处罚类"); a longer row is an item or a note.
MAX_SECTION_CHARS = 30


def section_type(heading: str) -> str | None:
    """The power type a section heading inside a table names, if it names one (the longest
    vocabulary word it contains).

    >>> section_type("一、行政许可（12项）"), section_type("行政强制措施类")
    ('行政许可', '行政强制措施')
    >>> section_type("一、本级权力事项") is None
    True
    """
    text = _squash(heading)
    if len(text) > MAX_SECTION_CHARS:
        return None
    return next((w for w in _types_by_length() if w in text), None)


def is_power_type(text: str) -> bool:
    """True when ``text`` is a power type of the closed vocabulary (or a listed variant).

    >>> is_power_type("行政处罚"), is_power_type("其他权力"), is_power_type("对医疗救助的监督检查")
    (True, True, False)
    """
    return _squash(text) in _words("power_types")


def is_level(text: str) -> bool:
    """True when ``text`` is one or more exercise levels joined by 、 (or , /).

    >>> is_level("市级、区县级"), is_level("县级以上")
    (True, False)
    """
    return _level_pattern().fullmatch(_squash(text)) is not None


def is_org_name(text: str) -> bool:
    """True when ``text`` has the shape of one or more organisation names joined by ``/`` or 、.

    >>> is_org_name("县人力社保局/县医保局"), is_org_name("由社会保险行政部门")
    (True, False)
    """
    text = text.strip()
    if not text or len(text) > load_vocab()["organisations"]["max_length"]:
        return False
    return _org_pattern().fullmatch(text) is not None


def is_time_limit(text: str) -> bool:
    """True when ``text`` is a time limit (60个工作日, 即办, 三十日).

    >>> is_time_limit("60个工作日"), is_time_limit("无明确规定")
    (True, False)
    """
    return _pattern("time_limits").fullmatch(text.strip()) is not None


def is_phone(text: str) -> bool:
    """True when ``text`` is a telephone number.

    >>> is_phone("0891-6332123"), is_phone("60个工作日")
    (True, False)
    """
    return _pattern("phones").fullmatch(text.strip()) is not None


def is_code(text: str) -> bool:
    """True when ``text`` has the shape of an item code (ASCII letters, digits, dashes).

    >>> is_code("DZQYBJXZC-F-881"), is_code("行政处罚")
    (True, False)
    """
    return _pattern("codes").fullmatch(text.strip()) is not None


def is_serial(text: str) -> bool:
    """True when ``text`` is a bare serial number; ``1.`` and ``1、`` are sub-line numbers.

    >>> is_serial("4267"), is_serial("1.")
    (True, False)
    """
    return _pattern("serials").fullmatch(text.strip()) is not None


def starts_citation(text: str) -> bool:
    """True when ``text`` opens with a citation: optional numbering, then a title mark.

    >>> starts_citation("2.《社会保险法》第九十三条。"), starts_citation("1. 不依法处理举报")
    (True, False)
    """
    return _pattern("citation_starts").match(text.lstrip()) is not None


def starts_item_name(text: str) -> bool:
    """True when ``text`` opens the way a cell run into an organisation name does: an item name
    (对…的处罚) or a citation.

    >>> starts_item_name("对用人单位不办理社会保险登记的处罚"), starts_item_name("对外联络")
    (True, False)
    """
    return _pattern("item_name_starts").match(text) is not None


def is_placeholder(text: str) -> bool:
    """True when ``text`` is a placeholder meaning "nothing" (无, /, —).

    >>> is_placeholder("无"), is_placeholder("无明确规定")
    (True, False)
    """
    return text.strip() in _words("placeholders")


def is_page_chrome(line: str) -> bool:
    """True when ``line`` is web-page furniture around a list (breadcrumb, share and print links).

    >>> is_page_chrome("扫一扫在手机打开当前页"), is_page_chrome("巫溪县医疗保障局行政权力事项清单")
    (True, False)
    """
    return _chrome_pattern().fullmatch(line.strip()) is not None
