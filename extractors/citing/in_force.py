"""Whether a cited instrument no longer in force was in force when the list was made.

The cell alone does not know the list's date, so a citation of a repealed instrument says when it
was repealed (:func:`extractors.citing.lawdb.out_of_force`). The list does: ``ListMeta.date``
(a publication date on its page or in its metadata), else a year its title names (2023年…权责
清单, …清单(2023年版)). With it, the warning says whether the instrument was repealed after the
list's date (in force when the list was made: the list was right then) or before it (the list
cites a law that was already gone).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from extractors.citing.lawdb import STARTS_SEVERAL, load_registry, out_of_force, repealed_before
from extractors.citing.patterns import regex
from extractors.models import Citation, ListMeta

# 2023年拉萨市达孜区医保局行政权力和责任清单: a year the list's title names
_TITLE_YEAR: Final = regex(r"((?:19|20)\d{2})\s*年")
_DATE: Final = regex(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def list_date(meta: ListMeta) -> str | None:
    """The list's date, as precise as it is known: its metadata's date (YYYY-MM-DD), else the
    year its title names; None when it names neither.

    >>> list_date(ListMeta(title="2023年拉萨市达孜区医保局行政权力和责任清单"))
    '2023'
    >>> list_date(ListMeta(title="巫溪县医疗保障局权力清单", date="2025-04-02"))
    '2025-04-02'
    >>> list_date(ListMeta(title="巫溪县医疗保障局权力清单")) is None
    True
    """
    if meta.date and _DATE.fullmatch(meta.date):
        return meta.date
    year = _TITLE_YEAR.search(meta.title or "")
    return year.group(1) if year else None


def date_checked(citation: Citation, date: str | None) -> Citation:
    """``citation`` with its out-of-force warning said against the list's ``date``: repealed
    after it (in force when the list was made) or before it.

    >>> c = Citation("《治安管理处罚条例》第二十条", 0, 14, "中华人民共和国治安管理处罚条例",
    ...              "abbreviation", article=20, law_id="zhian-guanli-chufa-tiaoli",
    ...              warnings=("x",))
    >>> date_checked(c, "2005-06-01") is c
    True
    """
    if not date or not citation.warnings:
        return citation
    if citation.law_id is None:
        return picked_by_date(citation, date)
    entry = load_registry().by_id(citation.law_id)
    if entry is None:
        return citation
    undated = out_of_force(entry)
    if undated is None or undated not in citation.warnings:
        return citation
    dated = out_of_force(entry, date)
    warnings = tuple(dated if w == undated and dated else w for w in citation.warnings)
    return replace(citation, warnings=warnings)


def picked_by_date(citation: Citation, date: str) -> Citation:
    """``citation`` of a stem that starts several titles (治安管理处罚第十条: the 法's and the
    条例's), resolved to the one of them not repealed before the list's ``date``, and said; as it
    was when the date rules out none of them, or all.

    >>> from extractors.citing.cell import read_cell
    >>> (c,) = read_cell("治安管理处罚第十条")
    >>> c.law_id, picked_by_date(c, "2023").law
    (None, '中华人民共和国治安管理处罚法')
    >>> picked_by_date(c, "2005-06-01") is c
    True
    """
    said = next((w for w in citation.warnings if STARTS_SEVERAL in w), None)
    if said is None or citation.law is None:
        return citation
    found = load_registry().without_ending(citation.law)
    kept = [e for e in found if not repealed_before(e, date)]
    if len(found) < 2 or len(kept) != 1:
        return citation
    entry = kept[0]
    gone = " | ".join(sorted(e.title for e in found if e is not entry))
    why = (
        f"{citation.law!r} lacks its kind ending: read as {entry.title!r}, the one of the titles "
        f"it starts in force on the list's date {date} ({gone} repealed before it)"
    )
    warnings = tuple(why if w == said else w for w in citation.warnings)
    return replace(citation, law=entry.title, law_id=entry.id, warnings=warnings)
