"""Which lists may hold rows of a bundled query paged by list, from the facts the builds keep, so
that its first page does not ask the others (``graph.store.pages``).

A query paged by list is asked one list, then more, in the answer's order, until rows come; an
answer that is empty, or whose rows are in a few lists, asks every list before the first holding
a row, which at 1M items took 22 s (``unresolved-citations``: no row in 3,334 lists) where its
count, kept by the builds, said 0 at once. So, asked with no bindings but other values than the
list's:

- where the derived graph keeps, per list graph, the rows of the query (``derived.LIST_HOLDS``,
  ``graph.build.listholds``: the queries counted by list, and by law before the titles), the list
  graphs holding some are the lists asked (none: the answer is empty at once);
- else (a derived graph written by earlier code), where the count kept for the query
  (``graph.store.counting.kept_count``) is 0, no list is asked;
- else every list is, as before.

Other bindings only narrow a query's rows, so the lists holding its rows unbound hold all of them.

A query may also say within which graphs its rows are made (``# rows within: PATTERN``, a graph
pattern binding ``?graph``): asked with values for the variables it names, the list graphs
matching it are the lists asked, when they are few (``who-cites`` of an article cited three
times at 100 k items asked 10 batches of lists, 334 lists, before the one holding its rows:
82-107 ms to its first page).

Before that, a query may say what none of its rows is made without (``# rows need: PATTERN``, a
graph pattern of the query's prefixes and of its parameters): where the store has no match of it
(asked with the values given for the parameters it names), no list holds a row. The audits' rows
need law texts imported (``audit-expired``: an expired text; 200 ms to an empty first page at 1M
items, every list asked), and ``accountability-resting-on`` a clause resting on a provision under
its target (527 ms to an empty one at 1M items).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import cache

import pyoxigraph as ox

from graph.build.form import QZD as _QZD
from graph.store.asbuilt import header_line
from graph.store.query import (
    Bound,
    bundled_queries,
    bundled_text,
    inline_bindings,
    load_query,
    run_query,
)
from graph.store.results import term_text

#: The lists holding rows of a query, packed: ``[[graph], [rows]]`` per list graph.
_HOLDS = f"""
SELECT ?packed WHERE {{ ?fact a <{_QZD}ListHolds> ; <{_QZD}query> ?query ; <{_QZD}packed> ?packed }}
"""
#: The form of the derived graph from which it keeps the lists holding rows (``LIST_HOLDS``).
HOLDS_SINCE = 8


#: The counts of ``LAW_ROWS`` the engine counts for an irregular list, the build's own let go
#: (``graph.build.lawrows.ENGINE``): not kept per list.
_ENGINE_COUNTED = frozenset(("audit",))


def kept_as(text: str) -> str | None:
    """How the builds keep the lists holding rows of a query: ``"list"`` for one paged by list
    and counted by list, the count of ``LAW_ROWS`` for one paged by list and counted by law
    (not one the engine counts); None for any other (read from its own header alone, as the
    first page asks it).

    >>> kept_as("# paged: by-list source\\n# counted: by-law beyond\\nSELECT …")
    'beyond'
    >>> kept_as("# paged: by-law\\n# counted: by-list\\nSELECT …") is None
    True
    """
    from graph.store.counting import counted_by_law, counted_by_list
    from graph.store.pages import list_order

    if list_order(text) in (None, "law"):
        return None
    if counted_by_list(text):
        return "list"
    count = counted_by_law(text)
    return None if count in _ENGINE_COUNTED else count


@cache
def by_law() -> dict[str, str]:
    """The bundled queries whose lists holding rows are kept by law, and the count of
    ``LAW_ROWS`` their rows are made from."""
    kept = {name: kept_as(load_query(name)) for name in bundled_queries()}
    return {name: count for name, count in kept.items() if count not in (None, "list")}


@cache
def kept_queries() -> frozenset[str]:
    """The bundled queries whose lists holding rows the builds keep (``kept_as``)."""
    return frozenset(name for name in bundled_queries() if kept_as(load_query(name)))


_NEED = re.compile(r"#\s*rows need:\s*(.+)")
_PREFIX = re.compile(r"(?im)^\s*PREFIX\s+[\w-]*:\s*<[^>]*>")
_VARIABLE = re.compile(r"[?$]([A-Za-z_][A-Za-z0-9_]*)")


def needed(text: str) -> str | None:
    """What every row of a query needs the store to match, as an ASK query (its ``# rows need:``
    header line, with the query's prefixes), or None.

    >>> print(needed("# rows need: ?v qz:expired true\\nPREFIX qz: <https://qz#>\\nSELECT …"))
    PREFIX qz: <https://qz#>
    ASK { ?v qz:expired true }
    """
    match = header_line(text, _NEED)
    if match is None:
        return None
    prefixes = "\n".join(m.group(0).strip() for m in _PREFIX.finditer(text))
    return f"{prefixes}\nASK {{ {match.group(1).strip()} }}"


def lacks(
    store: ox.Store, text: str, terms: Mapping[str, Bound], timeout: float | None = None
) -> bool:
    """True if the store matches nothing a query's rows need (``needed``), with the values
    ``terms`` gives the variables it names."""
    ask = needed(text)
    if ask is None:
        return False
    named = set(_VARIABLE.findall(ask))
    bound = {k: v for k, v in terms.items() if k in named}
    return run_query(store, inline_bindings(ask, bound), timeout=timeout).boolean is False


_WITHIN = re.compile(r"#\s*rows within:\s*(.+)")
#: The list graphs a ``# rows within:`` pattern may name before it is no help (every list is then
#: asked in turn, as before): a target cited in most lists has its first page in the first.
MOST_WITHIN = 64


def within(
    store: ox.Store, text: str, terms: Mapping[str, Bound], timeout: float | None = None
) -> frozenset[str] | None:
    """The graphs ``?graph`` of the matches of what every row of a query is made within (its
    ``# rows within: PATTERN`` header line, a graph pattern of the query's prefixes binding
    ``?graph``), with the values ``terms`` gives the variables it names; None when the query
    says none, ``terms`` binds none of them, or more than ``MOST_WITHIN`` graphs match (a few
    distinct graphs are read, not every match: the most cited law's 61,548 citations at 100 k
    items hold all 334 lists)."""
    match = header_line(text, _WITHIN)
    if match is None:
        return None
    pattern = match.group(1).strip()
    named = set(_VARIABLE.findall(pattern))
    bound = {k: v for k, v in terms.items() if k in named}
    if not bound:
        return None
    prefixes = "\n".join(m.group(0).strip() for m in _PREFIX.finditer(text))
    asked = f"{prefixes}\nSELECT DISTINCT ?graph WHERE {{ {pattern} }} LIMIT {MOST_WITHIN + 1}"
    rows = run_query(store, inline_bindings(asked, bound), timeout=timeout).rows
    if len(rows) > MOST_WITHIN:
        return None
    return frozenset(term_text(row["graph"]) for row in rows)


def lists_holding(
    store: ox.Store, name: str, terms: Mapping[str, Bound], timeout: float | None = None
) -> frozenset[str] | None:
    """The list graphs that may hold rows of the query ``name`` (bundled, a file or text) asked
    with ``terms`` (a row of none of them is made by none of the others); None when the store
    does not say (every list must be asked)."""
    from graph.store.boundcount import form
    from graph.store.counting import kept_count

    if "list" in terms:
        return None
    text = load_query(name)
    if lacks(store, text, terms, timeout):
        return frozenset()
    narrowed = within(store, text, terms, timeout)
    if narrowed is not None:
        return narrowed
    if bundled_text(name) is None or kept_as(text) is None:  # one file read, not all 41
        return None
    found: set[str] = set()
    asked = {"query": ox.Literal(name)}
    for row in run_query(store, _HOLDS, asked, timeout=timeout).rows:
        found.update(g for (g,), (n,) in json.loads(term_text(row["packed"])) if n > 0)
    if found:  # kept (none is written by earlier forms)
        return frozenset(found)
    held = form(store, timeout)
    if held is not None and held >= HOLDS_SINCE:
        return frozenset()
    if kept_count(store, name, timeout=timeout) == 0:
        return frozenset()
    return None
