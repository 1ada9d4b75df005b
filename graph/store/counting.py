"""How many rows a SELECT gives, without reading them (``quanze query NAME --count``).

Reading an answer to count it costs what its rows cost to make into Python terms: some 5-10 µs a
term at 100 k items, where Oxigraph makes a row for a few hundred nanoseconds. So a query is
counted by its COUNT form (``count_form``): the same query as a subquery of
``SELECT (COUNT(*) AS ?rows)``, its ORDER BY dropped (the order does not change the count, unless
LIMIT or OFFSET keep a part of it), evaluated by the engine, which hands back one number. The
bindings go in as for the query itself (a VALUES block at the head of its WHERE clause).

"Who cites" one law or article has its count from the tallies (``graph.store.paging``); the
queries that rank or group the whole store read the derived graph (``graph.build.derived``), so
their COUNT form is as quick as their first page. A query whose rows each belong to one list and
are made from that list's graph alone says so (``# counted: by-list``): every build counts its
rows for the lists it builds and keeps their sum in the derived graph (``qzd:ListRows``), so its
count, asked with no bindings, is one number read (the engine took 3-5 s and more at 100 k items
to count ``analysis-items``, ``unresolved-citations``, ``view-items`` …). A query whose rows are,
per law, a count kept in the derived graph times the law's titles (``# counted: by-law
count``: ``accountability-law-differs-from-basis`` and ``analysis-citations``, whose rows change
with the laws' titles, so that a count kept per list would go stale with ``quanze laws import``)
is counted from those facts, a few per law (the engine took over 5 s at 100 k items). A ranking
query paged by position whose ranking keeps its rows (``qzd:rows``: ``articles-across-departments``,
whose rows are not one a place, its count 1.1-1.4 s at 100 k items) is counted from that number.
What each bundled query's count costs at 100 k items is in docs/performance.md.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

import pyoxigraph as ox

from graph.build.form import QZD as _QZD
from graph.errors import QueryError
from graph.store.asbuilt import as_built, header_line, ranking
from graph.store.boundcount import bound_count, number
from graph.store.boundcount import kept as kept_facts
from graph.store.listing import kept_lists
from graph.store.named import kept_named
from graph.store.pages import KEPT_BY_NAME
from graph.store.query import (
    Binding,
    Source,
    bundled_queries,
    bundled_text,
    inline_bindings,
    load_query,
    prepare_query,
    run_query,
)
from graph.store.query import _mask as masked  # the text with comments and strings blanked
from graph.store.results import term_text

_SELECT = re.compile(r"(?i)\bSELECT\b")
_PROJECTION = re.compile(r"(?i)\bSELECT(?:\s+(?:DISTINCT|REDUCED)\b)?")
_ORDER = re.compile(r"(?i)\bORDER\s+BY\b")
_SLICE = re.compile(r"(?i)\b(LIMIT|OFFSET)\b")


def count_form(text: str) -> str:
    """The COUNT form of a SELECT query: its prologue, then its rows counted.

    >>> print(count_form("PREFIX x: <x#>\\nSELECT ?s WHERE { ?s x:p ?o } ORDER BY ?s"))
    PREFIX x: <x#>
    SELECT (COUNT(*) AS ?rows) WHERE { SELECT ?s WHERE { ?s x:p ?o }  }
    """
    return _wrapped(text, "(COUNT(*) AS ?rows)")


def grouped_form(text: str, by: str, per: str | None = None) -> str:
    """The rows of a SELECT query counted per value of its variable ``by`` (projected too, when
    the query does not: each row must have one value of it, or the DISTINCT rows would not be
    the query's), with how many values of ``per`` each comes with (``?rows``, ``?per``): what a
    law's rows are, or are before its titles.

    >>> grouped_form("SELECT ?s ?o WHERE { ?s <p> ?o }", "s", "o").split(" WHERE ")[0]
    'SELECT ?s (COUNT(*) AS ?rows) (COUNT(DISTINCT ?o) AS ?per)'
    >>> print(grouped_form("SELECT DISTINCT ?o WHERE { ?s <p> ?o }", "s"))
    SELECT ?s (COUNT(*) AS ?rows) WHERE { SELECT DISTINCT ?s ?o WHERE { ?s <p> ?o }  } GROUP BY ?s
    """
    hidden = masked(text)
    select = _PROJECTION.search(hidden)
    if select is None:
        raise QueryError("only a SELECT query can be counted")
    if not re.search(rf"[?$]{by}\b", hidden[select.end() : hidden.find("{", select.end())]):
        text = f"{text[: select.end()]} ?{by}{text[select.end() :]}"
    head = f"?{by} (COUNT(*) AS ?rows)" + (f" (COUNT(DISTINCT ?{per}) AS ?per)" if per else "")
    return f"{_wrapped(text, head)} GROUP BY ?{by}"


def _wrapped(text: str, head: str) -> str:
    """The query as the subquery of ``SELECT {head}``, its ORDER BY dropped unless a slice
    keeps a part of its answer."""
    hidden = masked(text)
    select = _SELECT.search(hidden)
    if select is None:
        raise QueryError("only a SELECT query can be counted")
    body, hidden_body = text[select.start() :], hidden[select.start() :]
    end = hidden_body.rfind("}")
    modifiers = hidden_body[end + 1 :]
    order = _ORDER.search(modifiers)
    if order is not None and _SLICE.search(modifiers) is None:
        body = body[: end + 1 + order.start()]
    return f"{text[: select.start()]}SELECT {head} WHERE {{ {body.rstrip()}  }}"


_BY_LIST = re.compile(r"#\s*counted:\s*by-list\b")
#: The rows a query counted by list gives, kept by the builds (graph.build.derived.LIST_ROWS).
_KEPT = (
    f"SELECT ?rows WHERE {{ ?fact a <{_QZD}ListRows> ; <{_QZD}query> ?query ; <{_QZD}rows> ?rows }}"
)


_BY_LAW = re.compile(r"#\s*counted:\s*by-law\s+(\w+)")
#: Per law (graph.build.derived.LAW_ROWS): the rows a query gives per title, and the titles the
#: store gives it now (31-47 ms for 301 laws at 100 k items, under load).
_PER_LAW = f"""
SELECT ?law ?rows (COUNT(DISTINCT ?title) AS ?titles)
WHERE {{
  ?fact a <{_QZD}LawRows> ; <{_QZD}law> ?law ; ?counted ?rows .
  ?law <http://data.europa.eu/eli/ontology#title> ?title
}}
GROUP BY ?law ?rows
"""


def counted_by_law(text: str) -> str | None:
    """What a query's rows are counted from, per law (its ``# counted: by-law count`` header
    line): each law's ``qzd:{count}`` in the derived graph (``qzd:LawRows``) times its titles.

    >>> counted_by_law("# counted: by-law beyond\\nSELECT …"), counted_by_law("SELECT …")
    ('beyond', None)
    """
    match = header_line(text, _BY_LAW)
    return None if match is None else match.group(1)


_PER_LAW_PARTS = re.compile(r"#\s*counted:\s*per-law\s+(\w+)")
#: Per law (graph.build.lawparts): the rows a query over the laws' structure gives of it.
_PARTS = f"""
SELECT (SUM(?rows) AS ?total) (COUNT(?fact) AS ?laws)
WHERE {{ ?fact a <{_QZD}LawParts> ; ?counted ?rows }}
"""


def counted_per_law(text: str) -> str | None:
    """What a query's rows are counted from, per law (its ``# counted: per-law count`` header
    line): the sum of each law's ``qzd:{count}`` in the derived graph (``qzd:LawParts``).

    >>> counted_per_law("# counted: per-law cited\\nSELECT …"), counted_per_law("SELECT …")
    ('cited', None)
    """
    match = header_line(text, _PER_LAW_PARTS)
    return None if match is None else match.group(1)


#: The rows a ranking's query gives, kept when the build numbers its facts (graph.build.ranked).
_RANKED_ROWS = f"SELECT ?rows WHERE {{ ?ranking <{_QZD}ranks> ?kind ; <{_QZD}rows> ?rows }}"


_KEPT_LISTS = re.compile(r"#\s*counted:\s*kept lists\s+(graphs|distinct)\b")


def counted_from_lists(text: str) -> str | None:
    """How a query's rows are counted from the lists the derived graph keeps with their source
    files (``graph.store.listing``; its ``# counted: kept lists graphs|distinct`` header line):
    one row per (list graph, list, source file), or per distinct (list, source file).

    >>> counted_from_lists("# counted: kept lists distinct\\nSELECT …"), counted_from_lists("")
    ('distinct', None)
    """
    match = header_line(text, _KEPT_LISTS)
    return None if match is None else match.group(1)


def counted_by_list(text: str) -> bool:
    """True if a query's rows each belong to one list and are made from its graph alone (its
    ``# counted: by-list`` header line): the builds keep their number.

    >>> counted_by_list("# counted: by-list\\nSELECT …"), counted_by_list("SELECT …")
    (True, False)
    """
    return header_line(text, _BY_LIST) is not None


@cache
def by_list_queries() -> tuple[str, ...]:
    """The bundled queries counted by list."""
    return tuple(sorted(n for n in bundled_queries() if counted_by_list(load_query(n))))


def count_rows(
    source: Source,
    text_or_name: str,
    bindings: Mapping[str, Binding] | None = None,
    *,
    timeout: float | None = None,
) -> int:
    """How many rows the SELECT query (a bundled name, a file or text) gives with ``bindings``:
    for a bundled query counted by list or by law, asked with none, from the numbers the builds
    keep."""
    text, terms = prepare_query(text_or_name, bindings)
    if not terms:
        kept = kept_count(source, text_or_name, timeout=timeout)
        if kept is not None:
            return kept
    if isinstance(source, ox.Store) and header_line(text, KEPT_BY_NAME) is not None:
        orgs = kept_named(source, terms.get("name"), timeout)  # the authorities of one name
        if orgs is not None and set(terms) == {"name"}:
            return len(orgs)
    if terms and isinstance(source, ox.Store) and bundled_text(text_or_name) is not None:
        tallied = bound_count(source, text_or_name, terms, timeout=timeout)
        if tallied is not None:
            return tallied
    if isinstance(source, ox.Store):
        text = as_built(source, text, terms)  # built before its facts were kept or numbered
    counted = count_form(inline_bindings(text, terms) if terms else text)
    rows = run_query(source, counted, timeout=timeout).rows
    return int(term_text(rows[0]["rows"])) if rows else 0


def kept_count(source: Source, text_or_name: str, *, timeout: float | None = None) -> int | None:
    """How many rows the SELECT query gives asked with no bindings, from the numbers the builds
    keep (by list, by law, per law, by ranking); None when the store keeps none for it (the
    engine must count them)."""
    if not isinstance(source, ox.Store):
        return None
    text = load_query(text_or_name)
    if bundled_text(text_or_name) is not None and counted_by_list(text):
        kept = run_query(source, _KEPT, {"query": ox.Literal(text_or_name)}, timeout=timeout)
        if kept.rows:
            return sum(int(term_text(row["rows"])) for row in kept.rows)
    if (how := counted_from_lists(text)) is not None:
        listed = kept_lists(source, timeout)  # each list's source: two lookups a list cold
        if listed is not None:
            return len(listed) if how == "graphs" else len({(i, s) for _, i, s in listed})
    if (ranks := ranking(text)) is not None:
        kept = run_query(
            source, _RANKED_ROWS, {"kind": ox.NamedNode(_QZD + ranks)}, timeout=timeout
        )
        if kept.rows:
            return int(term_text(kept.rows[0]["rows"]))
    parts = counted_per_law(text)
    if parts is not None:
        total = run_query(source, _PARTS, {"counted": ox.NamedNode(_QZD + parts)}, timeout=timeout)
        if (total.rows and number(total.rows[0]["laws"])) or kept_facts(source):
            return number(total.rows[0]["total"]) if total.rows else 0
    kind = counted_by_law(text)
    if kind is not None:
        per_law = {"counted": ox.NamedNode(_QZD + kind)}
        facts = run_query(source, _PER_LAW, per_law, timeout=timeout)
        if facts.rows or kept_facts(source):
            return sum(number(r["rows"]) * number(r["titles"]) for r in facts.rows)
    return None
