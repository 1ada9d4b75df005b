"""Pages the answer to "who cites this law or provision?": the first page in milliseconds however
large the answer, the rest streamed, and the total from the tallies before any row is read.

The most cited article of 100,000 items has some 20,000 citing rows; sorting them all (by source
and row) before the first can be shown took 7 s. A page here is made from the keys alone: the
citations of the target in a few list graphs at a time (``citations-in-lists``, one index range
per list through the roll-up the build writes), in list order (``list-graphs``: by source file),
then by row and field as the citation's IRI writes them (``…/item/{row}/citation/{field}/{n}``);
only the rows of one page have their details looked up (``who-cites`` with the page's citations
bound). A page ends between items, so sorting it by the answer's order keeps the whole in order.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from graph.store.listing import kept_lists
from graph.store.query import Source, Term, run_query
from graph.store.results import term_text

#: Rows the first page holds (a page may run on to the end of an item and field); each page after
#: it holds twice as many, up to LAST_PAGE_SIZE: the first comes soon, the rest in few queries.
PAGE_SIZE, LAST_PAGE_SIZE = 50, 1600
#: List graphs asked at once when the tallies do not say how many hold a page (first_width), and
#: the most; twice as many are asked each time after the first.
FIRST_LISTS, MOST_LISTS = 8, 512
#: Citations at most that are asked in one query over every graph (one index range of the store),
#: where the tallies say so few cite the target, or, with no tally (a 款 or 项, several targets,
#: an article no item cites), a first look finds no more: asked a few list graphs at a time, an
#: article of the 1M-item store that no item cites walked all 3,334 list graphs (300 ms).
FEW_CITATIONS = 400


def grow(sizes: int, last: int) -> Iterator[int]:
    """Page (or batch) sizes: the first as given, each after it twice the one before, up to
    ``last`` (or the first, if larger).

    >>> import itertools; list(itertools.islice(grow(50, 1600), 7))
    [50, 100, 200, 400, 800, 1600, 1600]
    """
    size = sizes
    while True:
        yield size
        size = min(size * 2, max(last, sizes))


@dataclass(frozen=True, slots=True)
class Count:
    """How many power items, citations and lists cite what was asked (from the tallies)."""

    items: int
    citations: int
    lists: int


def count_citing(
    store: Source, targets: Sequence[ox.NamedNode], *, timeout: float | None = None
) -> Count | None:
    """The tallies of a law or article; None for several targets (an item citing two of them
    would be counted twice) or a target with no tally (only laws and articles are tallied: a 款
    or 项 asked about itself is counted as its rows are read)."""
    if len(targets) != 1:
        return None
    rows = run_query(store, "citing-tally", {"target": targets[0]}, timeout=timeout).rows
    if not rows:
        return None
    values = [rows[0][key] for key in ("items", "citations", "lists")]
    return Count(*(int(term_text(value)) for value in values))


def first_width(counted: Count | None, page_size: int) -> int:
    """How many list graphs the first page is looked for in: as many as should hold two pages'
    worth of citations, by the tallies (a law cited 61,657 times in 500 lists: 1; an article
    cited 3 times in 3 lists: 100), else ``FIRST_LISTS``.

    >>> first_width(Count(48790, 61657, 500), 50), first_width(Count(3, 3, 3), 50)
    (1, 100)
    """
    if counted is None or counted.citations == 0:
        return FIRST_LISTS
    per_list = counted.citations / max(counted.lists, 1)
    return max(1, min(MOST_LISTS, round(2 * page_size / per_list)))


def list_graphs(store: Source, *, timeout: float | None = None) -> list[str]:
    """The list graphs in the order answers are paged: by source file, then graph (sorted
    here: the store would read each IRI's text for every comparison, 17 ms against 1 ms for 500
    lists). Read from the lists the derived graph keeps, in one literal (``graph.store.listing``:
    8-50 ms for 3,334 lists at 1M items, where the list graphs' two quads a list took 124-244
    ms, under load), else from the list graphs."""
    kept = kept_lists(store, timeout) if isinstance(store, ox.Store) else None
    if kept is not None:
        pairs = [(source, graph) for graph, _, source in kept]
    else:
        rows = run_query(store, "list-graphs", timeout=timeout).rows
        pairs = [(term_text(r["source"]), term_text(r["graph"])) for r in rows]
    return [graph for _, graph in sorted(pairs)]


def row_key(citation: str) -> tuple[tuple[int, int, str], str]:
    """Where a citation stands in its list, from its IRI: the row (numbers in order, then
    the rest) and the field.

    >>> row_key("https://w3id.org/quanze/id/list/000/item/12/citation/basis/2")
    ((0, 12, ''), 'basis')
    >>> row_key("https://w3id.org/quanze/id/list/000/item/1.2/citation/name/1")
    ((1, 0, '1.2'), 'name')
    """
    item, _, rest = citation.rpartition("/citation/")
    row = urllib.parse.unquote(item.rpartition("/item/")[2])
    field = rest.partition("/")[0]
    return ((0, int(row), "") if row.isdigit() else (1, 0, row)), field


def citation_pages(
    store: Source,
    targets: Sequence[ox.NamedNode],
    *,
    page_size: int = PAGE_SIZE,
    timeout: float | None = None,
) -> Iterator[list[ox.NamedNode]]:
    """The citations of the targets, page by page, in list order, then row and field; the first
    page holds ``page_size`` citations or more (never splitting an item's citations in one
    field), each after it twice as many, up to ``LAST_PAGE_SIZE``."""
    if not targets:
        return
    counted = count_citing(store, targets, timeout=timeout)
    few = _few_citations(store, targets, counted, timeout)
    if few is not None and not few:
        return
    graphs = list_graphs(store, timeout=timeout)
    order = {graph: n for n, graph in enumerate(graphs)}
    sizes = grow(page_size, LAST_PAGE_SIZE)
    size = next(sizes)
    if few is not None:  # the whole answer, found in one query
        pending = _in_order(few, order)
        graphs = []
    else:
        pending = []
    at, width = 0, first_width(counted, page_size)
    while True:
        while len(pending) > size:
            cut = size
            while cut < len(pending) and pending[cut][0][:3] == pending[cut - 1][0][:3]:
                cut += 1
            yield [citation for _, citation in pending[:cut]]
            del pending[:cut]
            size = next(sizes)
        if at >= len(graphs):
            break
        batch = graphs[at : at + width]
        at += len(batch)
        found = run_query(
            store,
            "citations-in-lists",
            {"target": tuple(targets), "graph": tuple(ox.NamedNode(g) for g in batch)},
            timeout=timeout,
        ).rows
        seen = {key for key, _ in pending}
        pending += [entry for entry in _in_order(found, order) if entry[0] not in seen]
        pending.sort(key=lambda entry: entry[0])
        width = min(width * 2, MOST_LISTS)
    if pending:
        yield [citation for _, citation in pending]


def _few_citations(
    store: Source, targets: Sequence[ox.NamedNode], counted: Count | None, timeout: float | None
) -> list[dict[str, Term]] | None:
    """The rows of ``citations-in-lists`` over every graph, when the target has at most
    ``FEW_CITATIONS`` (by its tally; with none, by asking one more at most); None when more."""
    if counted is not None and counted.citations > FEW_CITATIONS:
        return None
    asked = run_query(
        store,
        "citations-in-lists",
        {"target": tuple(targets)},
        timeout=timeout,
        limit=None if counted is not None else FEW_CITATIONS,
    )
    return None if asked.truncated else list(asked.rows)


def _in_order(
    rows: Sequence[dict[str, Term]], order: dict[str, int]
) -> list[tuple[tuple[object, ...], ox.NamedNode]]:
    """Each citation of ``rows`` held in a list graph of ``order``, once, with its place in the
    answer: its list graph's, then its row and field, then its IRI; sorted."""
    found: dict[tuple[object, ...], ox.NamedNode] = {}
    for row in rows:
        citation, graph = row["citation"], term_text(row["graph"])
        assert isinstance(citation, ox.NamedNode)
        if graph in order:  # a list graph (not a law's text)
            found[(order[graph], *row_key(citation.value), citation.value)] = citation
    return sorted(found.items(), key=lambda entry: entry[0])
