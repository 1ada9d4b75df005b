"""Gathers every resolved citation of the store as the audit reads it (``CitedProvision``): its
list and the list's date, item row, field, text as written, the cell around it, law, version
note and the article, paragraph and item cited.

Three bundled queries (``audit-citations``, ``audit-cells``, ``audit-provisions``) read the
citations, the cells they stand in and the numbers of the provisions they cite; a cell's text and
a provision's numbers are read once however many citations share them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from typing import Final

import pyoxigraph as ox

from extractors.citing.numerals import parse_numeral
from graph.audit.models import CitedProvision
from graph.iri import unsegment
from graph.store.query import Term, run_query

#: What may stand between two citations of one chain (第五十五条、第五十六条, 第七条至第九条).
_CHAIN: Final = re.compile(r"[\s、，,和及与或至到\-—～~]*")
_NUMBER: Final = re.compile(r"(\d+)(?:之(\d+))?")


def _value(row: Mapping[str, Term], name: str) -> str | None:
    term = row.get(name)
    return None if term is None else term.value  # type: ignore[union-attr]


def _numbers(rows: Iterable[Mapping[str, Term]]) -> dict[str, dict[str, tuple[int, int | None]]]:
    """Provision IRI → level (article, paragraph, point) → (number, 之N suffix)."""
    out: defaultdict[str, dict[str, tuple[int, int | None]]] = defaultdict(dict)
    # the item (项) a nested point (目) is part of is the point nearest the article: the shorter
    # IRI, as a provision's IRI extends the one of what it is part of
    for r in sorted(rows, key=lambda r: len(_value(r, "part") or "")):
        written = _value(r, "number") or ""
        m = _NUMBER.fullmatch(written)
        number = (int(m.group(1)), int(m.group(2)) if m.group(2) else None) if m else None
        if number is None and (n := parse_numeral(written)) is not None:
            number = (n, None)
        level = _value(r, "level")
        if number is not None and level is not None:
            out[_value(r, "provision") or ""].setdefault(level, number)
    return out


def gather(
    store: ox.Store, *, laws: Collection[str] | None = None, timeout: float = 600.0
) -> list[CitedProvision]:
    """Every resolved citation of the store (of the ``laws`` given, by IRI, when not None),
    ordered by item, field and cell position."""
    cells: dict[tuple[str, str], str] = {}
    for cell_row in run_query(store, "audit-cells", timeout=timeout).rows:
        key = (_value(cell_row, "powerItem") or "", _value(cell_row, "field") or "")
        cells[key] = _value(cell_row, "text") or ""
    numbers = _numbers(run_query(store, "audit-provisions", timeout=timeout).rows)
    rows = run_query(store, "audit-citations", timeout=timeout).rows
    by_cell: defaultdict[tuple[str, str], list[Mapping[str, Term]]] = defaultdict(list)
    for row in rows:
        by_cell[(_value(row, "powerItem") or "", _value(row, "field") or "")].append(row)
    out: list[CitedProvision] = []
    for key in sorted(by_cell):
        cell = cells.get(key, "")
        ordered = sorted(
            by_cell[key], key=lambda r: (int(_value(r, "start") or 0), _value(r, "citation") or "")
        )
        for n, r in enumerate(ordered):
            start, end = int(_value(r, "start") or 0), int(_value(r, "end") or 0)
            following = [int(_value(o, "start") or 0) for o in ordered[n + 1 :]]
            next_start = next((s for s in following if s >= end), None)
            before = int(_value(ordered[n - 1], "end") or 0) if n else None
            chained = (
                before is not None
                and before <= start
                and bool(_CHAIN.fullmatch(cell[before:start]))
            )
            provision = numbers.get(_value(r, "provision") or "", {})
            article = provision.get("article")
            paragraph = provision.get("paragraph")
            item = provision.get("point")
            list_iri = _value(r, "list") or ""
            if laws is not None and _value(r, "lawNode") not in laws:
                continue  # read above all the same: it ends the quote of the one before
            out.append(
                CitedProvision(
                    citation=_value(r, "citation") or "",
                    list_id=unsegment(list_iri.rsplit("/", 1)[-1]),
                    list_title=_value(r, "listTitle") or "",
                    list_date=_value(r, "issued"),
                    row=_value(r, "row") or "",
                    field=key[1],
                    text=_value(r, "text") or "",
                    cell=cell,
                    start=start,
                    end=end,
                    law=_value(r, "law") or "",
                    law_iri=_value(r, "lawNode") or "",
                    version_note=_value(r, "note"),
                    article=article[0] if article else None,
                    suffix=article[1] if article else None,
                    paragraph=paragraph[0] if paragraph else None,
                    item=item[0] if item else None,
                    next_start=next_start,
                    chained=chained,
                    provision=_value(r, "provision") or "",
                    item_iri=key[0],
                )
            )
    return out
