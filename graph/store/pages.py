"""A bundled query's answer page by page (``quanze query``): the first page as soon as it is read,
the rest streamed, however large the answer.

Two ways, by what the query says of itself in its header:

- Any SELECT: its solutions are read as the engine makes them, a page at a time. A query with no
  ORDER BY or GROUP BY (``audit-cells``: 20,000 rows at 10 k items) gives its first rows in
  milliseconds; one that sorts or groups gives them when its whole answer is made.
- A query whose answer comes list by list (``# paged: by-list source``, ``by-list iri`` or
  ``by-list list``: its rows are ordered first by ``?source``, by the power item's IRI, or by
  the list's IRI ``?list``; each row belongs to the one power list ``?list`` and no row is made
  from two lists) is asked for a few lists at a time, in
  that order, ``?list`` bound to them; the first page then costs what the first list costs, not
  what the store does (``unresolved-citations``: 19.8 s whole at 10 k items). The first page is
  what the first list with rows gives (fewer or more rows than a page), the pages after it
  ``page_size`` and twice as many each time. Lists of one source file are asked together, so the
  query's own order within them holds. The lists asked grow from one to ``MOST_LISTS`` at a
  time. A query ordered by the item's IRI whose lists hold many rows an item may say ``# paged:
  by-list iri by-item``: its first list is then asked a few items at a time (``FIRST_ITEMS``,
  ``?powerItem`` bound to them in IRI order), then the rest of it, then the lists after it
  (``view-citations``: the 585 rows of one list at 100 k items took 374 ms under load); one
  ordered by source, then row, may say ``# paged: by-list source by-row``: its first list is then
  asked a few items at a time in row order (``accountability-law-differs-from-basis``: the 200
  items of one list at 100 k items took 282 ms warm under load, 16 of them 20 ms).
- A query about the laws' structure, ordered by the provision's IRI (``# paged: by-law``: each
  row belongs to the one law ``?law`` whose IRI the provision's extends), is asked the same way
  a law at a time, ``?law`` bound (``view-provisions``: 35,072 rows at 100 k items, over 5 s to
  the first).
- A query whose answer is whole before its first row, as it sorts, and which sorts by IRIs alone
  (``# paged: whole, sorted here``, its last clause ``ORDER BY ?a ?b``: ``view-authority-named``,
  as many rows as authorities share a name) is asked without its ORDER BY, and its rows sorted
  here by the IRIs' text, the order SPARQL gives IRIs: Oxigraph's sort reads both IRIs from the
  store at each comparison (145 ms of 175 for the 3,334 rows of one name at 1M items). A row
  whose key is not an IRI has the query asked as written.
- A query answering, for a name, the authorities of that name sorted by IRI (``# paged: kept by
  name``, its rows ``?name ?org``: ``view-authority-named``) is read from the list the derived
  graph keeps of that name's authorities in IRI order (``graph.store.named``), where the query
  reads all of them (3,334 IRIs, 73-116 ms, for the first page at 1M items); a store that keeps
  none is asked the query, sorted here.
- A ranking query over the derived facts (``# paged: by-position Kind``: each row belongs to one
  fact of class ``qzd:Kind`` holding its place in the answer, ``?position``, numbered by the
  build: ``graph.build.ranked``) is asked a page of places at a time, ``?position`` bound to
  them (``articles-across-departments``: 7,823 rows at 100 k items, 1.3 s to the first when
  sorted whole on a quiet machine). A store whose facts are not numbered (built before) is
  asked whole, the query's places left out (``graph.store.asbuilt``).

The solutions are read on a thread of their own: pyoxigraph's results must be read and dropped on
the thread that made them, and the wait for each page keeps to the query's time limit.
"""

from __future__ import annotations

import queue
import re
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import IO, Literal

import pyoxigraph as ox

from graph.errors import QueryError
from graph.store.asbuilt import as_built, header_line, numbered, ranking
from graph.store.holding import lists_holding
from graph.store.listing import Listed, kept_lists
from graph.store.named import kept_named
from graph.store.paging import LAST_PAGE_SIZE, PAGE_SIZE, grow
from graph.store.query import (
    Binding,
    QueryResult,
    QueryTimeoutError,
    Source,
    Term,
    prepare_query,
    run_query,
)
from graph.store.results import OutputFormat, term_text

#: Lists asked at once at most, when a query is paged by list (one at first, twice as many after).
MOST_LISTS = 64
#: Items of the first list asked first, when a query is paged by item too (``by-item``).
FIRST_ITEMS = 16

Order = Literal["source", "iri", "list", "law"]
_PAGED = re.compile(r"#\s*paged:\s*by-(?:list\s+(source|iri|list)|(law))\b")
_BY_ITEM = re.compile(r"#\s*paged:\s*by-list\s+(?:iri\s+by-item|source\s+by-row)\b")
_BY_ROW = re.compile(r"#\s*paged:\s*by-list\s+source\s+by-row\b")
Row = dict[str, Term]


@dataclass
class Answer:
    """A SELECT answer being read: its variables, then its rows page by page."""

    variables: tuple[str, ...]
    pages: Iterator[list[Row]]


def list_order(text: str) -> Order | None:
    """How a query's answer comes list by list (its ``# paged:`` header line), or None.

    >>> list_order("# description: x\\n# paged: by-list source\\nSELECT …"), list_order("SELECT …")
    ('source', None)
    """
    match = header_line(text, _PAGED)
    return None if match is None else match.group(1) or match.group(2)  # type: ignore[return-value]


def by_item(text: str) -> bool:
    """True if a query paged by list asks its first list a few items at a time: in item order
    (``# paged: by-list iri by-item``) or in row order (``by-list source by-row``).

    >>> by_item("# paged: by-list iri by-item"), by_item("# paged: by-list iri")
    (True, False)
    """
    return any(_BY_ITEM.match(line) for line in text.splitlines() if line.startswith("#"))


def by_row(text: str) -> bool:
    """True if a query ordered by source, then ``xsd:integer(?row) ?row``, asks its first list a
    few items at a time in that order (``# paged: by-list source by-row``).

    >>> by_row("# paged: by-list source by-row"), by_row("# paged: by-list iri by-item")
    (True, False)
    """
    return any(_BY_ROW.match(line) for line in text.splitlines() if line.startswith("#"))


def answer_pages(
    source: Source,
    text_or_name: str,
    bindings: Mapping[str, Binding] | None = None,
    *,
    page_size: int = PAGE_SIZE,
    timeout: float | None = None,
    allow_service: bool = False,
) -> Answer:
    """A SELECT query's answer, page by page, in the order the whole answer has (``run_query``
    takes the same arguments). ``timeout`` bounds the wait for each page. An endpoint answers
    whole; its rows are then handed out in pages."""
    text, terms = prepare_query(text_or_name, bindings, allow_service=allow_service)
    if not is_select(text):
        raise QueryError("only a SELECT query is answered page by page")
    kind = ranking(text)
    if isinstance(source, ox.Store):
        if kind is not None and "position" not in terms:
            ranked = _by_position(source, text_or_name, bindings or {}, kind, page_size, timeout)
            if ranked is not None:
                return ranked
        text = as_built(source, text, terms)  # built before its facts were kept or numbered
    order = list_order(text)
    unit = "law" if order == "law" else "list"
    if isinstance(source, ox.Store) and order is not None and unit not in terms:
        held = None if unit == "law" else lists_holding(source, text_or_name, terms, timeout)
        lists = _list_batches(source, order, timeout, held)
        items = by_item(text) and "powerItem" not in terms
        rows = by_row(text)
        return _by_list(
            source, text_or_name, bindings or {}, lists, page_size, timeout, items, unit, rows
        )
    if not isinstance(source, ox.Store):
        result = run_query(
            source, text_or_name, bindings, allow_service=allow_service, timeout=timeout
        )
        return Answer(result.variables, _split(list(result.rows), page_size))
    if header_line(text, KEPT_BY_NAME) is not None:
        orgs = kept_named(source, terms.get("name"), timeout)
        if orgs is not None:
            name = terms["name"]
            assert isinstance(name, ox.Literal)  # kept_named reads a plain literal alone
            named: list[Row] = [{"name": name, "org": org} for org in orgs]
            return Answer(("name", "org"), _split(named, page_size))
    here = sorted_here(text)
    if here is not None:
        unsorted, keys = here
        result = run_query(source, unsorted, bindings, allow_service=allow_service, timeout=timeout)
        found = list(result.rows)
        if all(isinstance(row.get(key), ox.NamedNode) for row in found for key in keys):
            found.sort(key=lambda row: tuple(row[key].value for key in keys))  # type: ignore[union-attr]
            return Answer(result.variables, _split(found, page_size))
    return _streamed(source, text, terms, page_size, timeout)


#: A query whose answer, for ``?name``, is read from the authorities kept of that name.
KEPT_BY_NAME = re.compile(r"#\s*paged:.*\bkept by name\b")
_SORTED_HERE = re.compile(r"#\s*paged:\s*whole,\s*sorted here\b")
_LAST_ORDER = re.compile(r"(?i)\bORDER\s+BY((?:\s+[?$][A-Za-z_][A-Za-z0-9_]*)+)\s*$")


def sorted_here(text: str) -> tuple[str, tuple[str, ...]] | None:
    """The query without its last clause, ``ORDER BY`` of variables alone, and those variables,
    for a query whose rows are sorted here (``# paged: whole, sorted here``); else None.

    >>> sorted_here("# paged: whole, sorted here\\nSELECT ?o { ?o <p> 'x' } ORDER BY ?o ?p")
    ("# paged: whole, sorted here\\nSELECT ?o { ?o <p> 'x' } ", ('o', 'p'))
    >>> sorted_here("SELECT ?o { ?o <p> 'x' } ORDER BY ?o") is None
    True
    """
    from graph.store.query import _mask

    if header_line(text, _SORTED_HERE) is None:
        return None
    masked = _mask(text)
    order = _LAST_ORDER.search(masked, masked.rfind("}") + 1)
    if order is None:
        return None
    return text[: order.start()], tuple(v[1:] for v in order.group(1).split())


_FORM = re.compile(r"(?i)\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b")


def is_select(text: str) -> bool:
    """True if the query is a SELECT (its first query form keyword, outside IRIs, strings and
    comments).

    >>> is_select("PREFIX s: <http://e/SELECT#> ASK { ?s ?p 'SELECT' }"), is_select("SELECT * {}")
    (False, True)
    """
    from graph.store.query import _mask

    found = _FORM.search(_mask(text))
    return found is not None and found.group(1).upper() == "SELECT"


def _split(rows: Sequence[Row], page_size: int) -> Iterator[list[Row]]:
    at = 0
    for size in grow(page_size, LAST_PAGE_SIZE):
        if at >= len(rows):
            return
        yield list(rows[at : at + size])
        at += size


#: Each power list and its source file, from the list graphs (the union's view-lists, DISTINCT
#: and sorted, took 250-440 ms for 500 lists at 100 k items; this 60-250 ms, on a loaded machine).
_LISTS = """
SELECT ?graph ?list ?source
WHERE { GRAPH ?graph { ?list a <https://w3id.org/quanze/ontology#PowerList> ;
                             <https://w3id.org/quanze/ontology#sourceFile> ?source } }
"""


#: Each law (a law's provisions have its IRI and more: ``…/law/{id}/art_87``).
_LAWS = "SELECT DISTINCT ?law WHERE { ?law a <http://data.europa.eu/eli/ontology#LegalResource> }"


#: List graphs bound at most when the lists are asked for those holding rows (more: every list
#: is read and the others left out).
MOST_BOUND = 256


def _list_batches(
    store: ox.Store, order: Order, timeout: float | None, held: frozenset[str] | None = None
) -> list[list[str]]:
    """The power lists, in the order of the answer, as groups that must be asked together (the
    lists of one source file, for an answer ordered by source); with ``held``, those of these
    list graphs alone (``graph.store.holding``). An item's IRI is its list's and
    more (``…/list/000/item/12``), so an answer ordered by it comes list by list in the order of
    ``list + "/"`` (``…/000-b/`` before ``…/000/``), where one ordered by the list's IRI
    (``…/000`` before ``…/000-b``) does not."""
    if order == "law":  # ordered by the provision's IRI: the law's and more
        laws = {term_text(row["law"]) for row in run_query(store, _LAWS, timeout=timeout).rows}
        return [[law] for law in sorted(laws, key=lambda law: law + "/")]
    if held is not None and not held:
        return []
    groups: dict[str, set[str]] = {}
    for graph, iri, source in _listed(store, timeout, held):
        if held is not None and graph not in held:
            continue
        key = {"source": source, "iri": iri + "/", "list": iri}[order]
        groups.setdefault(key, set()).add(iri)
    return [sorted(groups[key]) for key in sorted(groups)]


def _listed(store: ox.Store, timeout: float | None, held: frozenset[str] | None) -> list[Listed]:
    """Each (list graph, list, source file): as the derived graph keeps them
    (``graph.store.listing``), else read from the list graphs (those of ``held`` alone, when
    few)."""
    kept = kept_lists(store, timeout)
    if kept is not None:
        return kept
    bound = {"graph": tuple(ox.NamedNode(g) for g in sorted(held))} if held else None
    if held is not None and len(held) > MOST_BOUND:
        bound = None
    rows = run_query(store, _LISTS, bound, timeout=timeout).rows
    return [(term_text(r["graph"]), term_text(r["list"]), term_text(r["source"])) for r in rows]


def _by_list(
    store: ox.Store,
    text_or_name: str,
    bindings: Mapping[str, Binding],
    groups: list[list[str]],
    page_size: int,
    timeout: float | None,
    items: bool = False,
    unit: str = "list",
    rows: bool = False,
) -> Answer:
    """The answer asked one list, then 2, 4 … up to ``MOST_LISTS`` lists at a time (with
    ``items``, the first list ``FIRST_ITEMS`` items first, then the rest of them); the first
    lists are asked here, for the answer's variables."""

    def ask(batch: list[list[str]], among: Sequence[str] = ()) -> QueryResult:
        lists = tuple(ox.NamedNode(iri) for group in batch for iri in group)
        asked: dict[str, Binding] = {**bindings, unit: lists}
        if among:
            asked["powerItem"] = tuple(ox.NamedNode(iri) for iri in among)
        return run_query(store, text_or_name, asked, timeout=timeout)

    steps: list[tuple[list[list[str]], Sequence[str]]] = [(groups[:1], ())]
    if items and groups:
        held, cut = _items_of(store, groups[0], timeout, rows)
        steps = [(groups[:1], held[:cut]), (groups[:1], held[cut:])]
        steps = [step for step in steps if step[1]] or [(groups[:1], ())]
    first_batch = ask(*steps[0])

    def pages() -> Iterator[list[Row]]:
        pending: list[Row] = list(first_batch.rows)
        sizes = grow(page_size, LAST_PAGE_SIZE)
        size, at, width, first = next(sizes), 1, 2, True
        step = 1
        while True:
            if first and pending:  # the first page: what the first lists with rows hold
                size = min(size, len(pending))
            while len(pending) >= size:
                yield pending[:size]
                del pending[:size]
                size, first = next(sizes), False
            if step < len(steps):  # the rest of the first list's items
                pending.extend(ask(*steps[step]).rows)
                step += 1
                continue
            if at >= len(groups):
                break
            pending.extend(ask(groups[at : at + width]).rows)
            at, width = at + width, min(width * 2, MOST_LISTS)
        if pending:
            yield pending

    return Answer(first_batch.variables, pages())


_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


def _by_position(
    store: ox.Store,
    text_or_name: str,
    bindings: Mapping[str, Binding],
    kind: str,
    page_size: int,
    timeout: float | None,
) -> Answer | None:
    """The answer asked ``page_size`` places, then twice as many each time (up to
    ``LAST_PAGE_SIZE``); None when the store's facts of ``kind`` are not numbered. The first
    places are asked here, for the answer's variables."""
    places = numbered(store, kind)
    if places is None:
        return None
    sizes = grow(page_size, LAST_PAGE_SIZE)

    def ask(start: int, size: int) -> QueryResult:
        asked = tuple(
            ox.Literal(str(n), datatype=_INTEGER)
            for n in range(start, min(start + size, places + 1))
        )
        return run_query(store, text_or_name, {**bindings, "position": asked}, timeout=timeout)

    size = next(sizes)
    first = ask(1, size)

    def pages() -> Iterator[list[Row]]:
        if first.rows:
            yield list(first.rows)
        at = 1 + size
        for step in sizes:
            if at > places:
                return
            rows = ask(at, step).rows
            if rows:
                yield list(rows)
            at += step

    return Answer(first.variables, pages())


#: The power items of some lists and their rows (their order is sorted here).
_ITEMS = """
SELECT ?powerItem ?row WHERE {
  ?powerItem <https://w3id.org/quanze/ontology#inList> ?list
  OPTIONAL { ?powerItem <https://w3id.org/quanze/ontology#row> ?row }
}
"""
#: The power items of some lists alone, for an answer in their IRIs' order: each item's row is a
#: lookup of its own (a seek through every level of the index: the 300 rows of one list at 1M
#: items took 78-167 ms in a fresh process and 490-690 ms with the page cache dropped, the items
#: alone 33-47 ms).
_ITEM_IRIS = """
SELECT ?powerItem WHERE { ?powerItem <https://w3id.org/quanze/ontology#inList> ?list }
"""
_INTEGER_TEXT = re.compile(r"[+-]?[0-9]+")


def row_order(row: str | None) -> tuple[tuple[int, int], tuple[int, str]]:
    """Where an item with ``row`` stands in an answer ordered by ``xsd:integer(?row) ?row``: a
    row that is no whole number (or none) first, as the cast's error is unbound, then by number,
    then by text.

    >>> sorted(["10", "9", "1.2", None], key=row_order)
    [None, '1.2', '9', '10']
    """
    whole = row is not None and _INTEGER_TEXT.fullmatch(row) is not None
    number = (1, int(row)) if whole and row is not None else (0, 0)
    return number, (0, "") if row is None else (1, row)


def _items_of(
    store: ox.Store, lists: list[str], timeout: float | None, rows: bool = False
) -> tuple[list[str], int]:
    """The power items of the lists, in the order of their IRIs (as SPARQL orders IRIs: by
    code point, as Python orders strings), or with ``rows`` in the order of their rows; and how
    many to ask first: ``FIRST_ITEMS``, and with ``rows`` the items after them of the same row
    (the query's order among them is not the IRIs')."""
    bound = {"list": tuple(ox.NamedNode(iri) for iri in lists)}
    found: dict[str, str | None] = {}
    for row in run_query(store, _ITEMS if rows else _ITEM_IRIS, bound, timeout=timeout).rows:
        value = row.get("row")
        found.setdefault(term_text(row["powerItem"]), None if value is None else term_text(value))
    held = sorted(found)
    if not rows:
        return held, FIRST_ITEMS
    held.sort(key=lambda item: row_order(found[item]))
    cut = min(FIRST_ITEMS, len(held))
    while 0 < cut < len(held) and row_order(found[held[cut]]) == row_order(found[held[cut - 1]]):
        cut += 1
    return held, cut


_DONE = object()


def _streamed(
    store: ox.Store,
    text: str,
    terms: Mapping[str, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | tuple[Term, ...]],
    page_size: int,
    timeout: float | None,
) -> Answer:
    """The solutions read on a thread of their own, handed over a page at a time."""
    from graph.store.query import evaluate

    handed: queue.Queue[object] = queue.Queue(maxsize=2)
    stop = threading.Event()

    def read() -> None:
        try:
            failure = produce()
        except BaseException as exc:  # before any solution: handed to the reading thread
            failure = exc
        if failure is not None:
            hand(failure)

    def produce() -> BaseException | None:
        """Hand the pages over; the error that stopped them, made once the solutions are
        dropped (an error raised while they are read holds them in its traceback, and they
        must not be dropped on another thread)."""
        result = evaluate(store, text, terms)
        try:
            assert isinstance(result, ox.QuerySolutions)
            names = tuple(v.value for v in result.variables)
            if not hand(names):
                return None
            page: list[Row] = []
            sizes = grow(page_size, LAST_PAGE_SIZE)
            size = next(sizes)
            for solution in result:
                page.append({n: v for n in names if (v := solution[n]) is not None})
                if len(page) == size:
                    if not hand(page):
                        return None
                    page, size = [], next(sizes)
            if hand(page):
                hand(_DONE)
            return None
        except (ValueError, RuntimeError, OSError) as exc:
            message = str(exc)
        finally:
            del result
        return QueryError(f"cannot run the query: {message}")

    def hand(what: object) -> bool:
        """Hand ``what`` to the reading thread; False once it has stopped reading."""
        while not stop.is_set():
            try:
                handed.put(what, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def take() -> object:
        try:
            got = handed.get(timeout=timeout)
        except queue.Empty:
            stop.set()
            raise QueryTimeoutError(
                f"the query ran longer than {timeout:g} s and was abandoned; narrow it, add a "
                "LIMIT, or give a longer --timeout"
            ) from None
        if isinstance(got, BaseException):
            raise got
        return got

    worker = threading.Thread(target=read, name="quanze-pages", daemon=True)
    worker.start()
    first = take()
    if isinstance(first, list) or first is _DONE:
        raise QueryError("the query gave no SELECT answer")
    assert isinstance(first, tuple)

    def pages() -> Iterator[list[Row]]:
        try:
            while (got := take()) is not _DONE:
                assert isinstance(got, list)
                if got:
                    yield got
        finally:
            stop.set()  # the reader stops at its next row, or when its query ends

    return Answer(first, pages())


@dataclass(frozen=True, slots=True)
class Written:
    """What ``write_pages`` wrote: rows, pages, and whether rows past the limit were cut."""

    rows: int
    pages: int
    truncated: bool


def write_pages(
    answer: Answer,
    fmt: OutputFormat,
    stream: IO[str],
    *,
    limit: int | None = None,
    width: int | None = None,
    wide: bool = False,
) -> Written:
    """Write an answer page by page as it is read, keeping at most ``limit`` rows: a table
    (columns as wide as the first page needs), CSV or JSON Lines; SPARQL JSON is one document,
    so it is written when the answer is whole. An answer of one page is written as
    ``write_result`` writes it whole."""
    from graph.store.results import RowStream, term_text, term_value, write_result

    kept: list[Row] = []
    rows = pages = 0
    truncated = False
    written = RowStream(fmt, stream, columns=answer.variables, width=width, wide=wide)
    for page in answer.pages:
        if limit is not None and rows + len(page) > limit:
            page, truncated = page[: limit - rows], True
        rows, pages = rows + len(page), pages + 1
        if fmt == "json":
            kept.extend(page)
        elif fmt == "jsonl":
            written.write([{k: term_value(r.get(k)) for k in answer.variables} for r in page])
        else:
            written.write([{k: term_text(v) for k, v in r.items()} for r in page])
        if truncated:
            break
    if fmt == "json":
        write_result(QueryResult("select", answer.variables, tuple(kept)), fmt, stream)
    else:
        written.close()
    return Written(rows, pages, truncated)
