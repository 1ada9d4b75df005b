"""What the graph takes from the law registry: a law's id, rank and issuer, and version dates."""

from __future__ import annotations

import re

from extractors.citing.lawdb import LawEntry, load_registry


def registry_entry(title: str) -> LawEntry | None:
    """The registry entry whose canonical title is ``title``, or None.

    >>> registry_entry("中华人民共和国社会保险法").id
    'shehui-baoxian-fa'
    """
    for entry in load_registry().lookup(title):
        if entry.title == title:
            return entry
    return None


def law_id(title: str) -> str:
    """The id a law is named by in IRIs: its registry id, else its canonical title.

    >>> law_id("中华人民共和国社会保险法"), law_id("拉萨市城乡居民医疗救助实施办法")
    ('shehui-baoxian-fa', '拉萨市城乡居民医疗救助实施办法')
    """
    entry = registry_entry(title)
    return entry.id if entry is not None else title


def version_date(title: str, note: str) -> str | None:
    """The date (YYYY-MM-DD) of the version a note names, when the registry knows exactly one.

    >>> version_date("中华人民共和国社会保险法", "2018修正")
    '2018-12-29'
    """
    entry = registry_entry(title)
    year = re.match(r"\s*(\d{4})", note)
    if entry is None or year is None:
        return None
    event = re.sub(r"[\d\s年]", "", note)
    dates = [v.date for v in entry.versions if v.date.startswith(year.group(1)) and v.note in event]
    return dates[0] if len(dates) == 1 else None
