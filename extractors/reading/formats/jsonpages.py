"""Says when a JSON answer holds one page of a longer list: a site's API gives a list page by
page (``{"code": 200, "data": {"total": 9, "pageNum": 1, "list": [three records]}}``), and a
file saved from one answer holds the records of that page alone. The envelope's own keys say so
(``vocab.page_key``: a total over the records held, a count of pages over those read, a next
page announced); the reading says the list is incomplete, as a reject at the envelope's line,
whole and in batches alike, so that no one takes the page for the list."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from extractors.models import Reject
from extractors.reading.vocab import page_key


def _said(envelope: Any, found: dict[str, tuple[str, Any]]) -> None:
    """The envelope's page keys with their values (the first of each kind), walking its
    objects but not its arrays (the records, whose own keys say nothing of pages)."""
    if not isinstance(envelope, dict):
        return
    for key, value in envelope.items():
        if isinstance(value, dict):
            _said(value, found)
        elif not isinstance(value, list) and (kind := page_key(str(key))) is not None:
            found.setdefault(kind, (str(key), value))


def _number(value: Any) -> int | None:
    """A count written as a number or a string of digits (``9``, ``"9"``); None else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _true(value: Any) -> bool | None:
    """A flag written as a boolean, 1 / 0 or "true" / "false"; None for anything else."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def incomplete(envelopes: Sequence[Any], held: int) -> tuple[str, str] | None:
    """What the ``envelopes`` of the pages a file holds (one, or several saved one after
    another, in order) say that shows the list goes on past the ``held`` records read, as
    (the keys and values, the reason); None when they say nothing of it.

    >>> incomplete([{"code": 200, "data": {"total": 9, "pageNum": 1, "list": []}}], 3)[0]
    'total: 9'
    >>> incomplete([{"data": {"total": 3, "hasNextPage": False}}], 3) is None
    True
    """
    kinds: dict[str, tuple[str, Any]] = {}
    for page in envelopes:
        found: dict[str, tuple[str, Any]] = {}
        _said(page, found)
        for kind in ("total", "pages"):  # the largest over the pages
            if kind in found and (
                kind not in kinds or (_number(found[kind][1]) or 0) > (_number(kinds[kind][1]) or 0)
            ):
                kinds[kind] = found[kind]
        for kind in ("more", "last"):  # the last page's
            kinds.pop(kind, None)
            if kind in found:
                kinds[kind] = found[kind]
    parts, said = [], []
    if "total" in kinds and (total := _number(kinds["total"][1])) is not None and total > held:
        parts.append(f"says the list has {total} records ({kinds['total'][0]}), and holds {held}")
        said.append(kinds["total"])
    read = len(envelopes)
    if "pages" in kinds and (pages := _number(kinds["pages"][1])) is not None and pages > read:
        parts.append(f"holds {read} of the list's {pages} pages ({kinds['pages'][0]})")
        said.append(kinds["pages"])
    if "more" in kinds:
        key, value = kinds["more"]
        flag = _true(value)
        number = _number(value)
        link = isinstance(value, str) and flag is None and bool(value.strip())
        if flag or link or (number is not None and not isinstance(value, bool) and number > read):
            parts.append(f"says a next page follows ({key})")
            said.append(kinds["more"])
    if "last" in kinds and _true(kinds["last"][1]) is False:
        parts.append(f"says it is not the last page ({kinds['last'][0]})")
        said.append(kinds["last"])
    if not parts:
        return None
    text = ", ".join(f"{key}: {_shown(value)}" for key, value in said)
    reason = (
        "the list is incomplete: the JSON answer "
        + "; ".join(parts)
        + ": the other pages' records are not in the file"
    )
    return text, reason


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def page_reject(envelopes: Sequence[Any], held: int, path: str, line: int) -> Reject | None:
    """A reject at ``line`` saying the list is incomplete (:func:`incomplete`), or None."""
    found = incomplete(envelopes, held)
    return None if found is None else Reject(path, line, found[0], found[1])
