"""Answers "which power items cite this law or provision?" for a reference written as free text."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import pyoxigraph as ox

from extractors.models import Citation
from graph.errors import UnknownReferenceError
from graph.iri import DEFAULT_BASE, Iris, Locator, law_key
from graph.store.paging import PAGE_SIZE, citation_pages
from graph.store.query import Source, run_query
from graph.store.results import term_text

#: The keys of each answer row, in display order.
COLUMNS: tuple[str, ...] = (
    "source",
    "region",
    "row",
    "name",
    "department",
    "field",
    "law",
    "article",
    "paragraph",
    "item",
    "version",
    "kind",
    "text",
)
#: The keys shown when answers are a table or CSV (JSON carries every key).
TABLE_COLUMNS: tuple[str, ...] = (*COLUMNS[:10], "text", "clauses")


def flat_row(row: dict[str, Any]) -> dict[str, Any]:
    """An answer row for a table or CSV: the accountability clauses resting on the provision
    joined into one cell (JSON keeps them as a list).

    >>> flat_row({"row": "1", "clauses": ["1. 没有法律依据的", "2. 擅自改变种类的"]})["clauses"]
    '1. 没有法律依据的；2. 擅自改变种类的'
    """
    return {**row, "clauses": "；".join(row.get("clauses") or [])}


_INT_KEYS = ("article", "paragraph", "item")
_FIRST_ARTICLE = re.compile(r"第\s*[0-9０-９零〇一二两三四五六七八九十百千]+\s*条")


def reference_variants(ref: str) -> list[str]:
    """The spellings of REF tried in turn: as written, the title part in 《》, all of it in 《》.

    >>> reference_variants("社会保险法第八十七条")
    ['社会保险法第八十七条', '《社会保险法》第八十七条', '《社会保险法第八十七条》']
    """
    ref = ref.strip()
    variants = [ref]
    if "《" not in ref:
        match = _FIRST_ARTICLE.search(ref)
        if match and match.start() > 0:
            variants.append(f"《{ref[: match.start()].strip()}》{ref[match.start() :]}")
        variants.append(f"《{ref}》")
    return variants


#: What may stand between the citations of a reference without being a part of one.
_BETWEEN = re.compile(r"[\s、，,；;。.和及与或以《》]+")


class ReferenceWarning(UserWarning):
    """A reference read in part: what the grammar could not read was left out of the answer."""


def unread_parts(text: str, citations: Sequence[Citation]) -> list[str]:
    """The pieces of ``text`` that no citation covers, separators (、，和 …) aside.

    >>> from extractors.citing.cite import get_citations
    >>> ref = "《社会保险法》第八十七条和第}{1条"
    >>> unread_parts(ref, get_citations(ref))
    ['和第}{1条']
    """
    pieces, at = [], 0
    for citation in sorted(citations, key=lambda c: c.start):
        pieces.append(text[at : citation.start])
        at = max(at, citation.end)
    pieces.append(text[at:])
    return [piece.strip() for piece in pieces if _BETWEEN.sub("", piece)]


def read_reference(
    ref: str, known: Callable[[str], bool] | None = None
) -> tuple[list[Citation], list[str]]:
    """The laws or provisions REF names (each with a law), and the parts of REF left unread.

    REF is tried as written first; the spellings with added 《》 only count when the law they
    yield is in the registry or ``known(title)`` (wrapping anything in 《》 makes it a title).
    A reference whose only reading is a whole law while it writes more than the law's name
    (``《食品安全法》第}{1条``, ``《食品安全法》第条``) is refused: answering for the whole law
    would silently widen the question. Raises UnknownReferenceError naming what was not read.
    """
    from extractors.citing.cite import get_citations

    for n, variant in enumerate(reference_variants(ref)):
        found = [c for c in get_citations(variant) if c.law is not None]
        if n > 0:
            found = [
                c for c in found if c.in_registry or (known is not None and known(c.law or ""))
            ]
        if not found:
            continue
        unread = unread_parts(variant, found)
        if unread and all(Locator.of(c) == Locator() for c in found):
            raise UnknownReferenceError(
                f"cannot read {unread[0]!r} in {ref.strip()!r} as a provision; write it like "
                "第八十七条 or 第87条第二款, or give the law's name alone for the whole law"
            )
        return found, unread
    raise UnknownReferenceError(
        f"no law or provision found in {ref!r}; write it like 社会保险法第八十七条, "
        "《中华人民共和国社会保险法》第87条 or 社会保险法"
    )


def parse_reference(ref: str, known: Callable[[str], bool] | None = None) -> list[Citation]:
    """The laws or provisions REF names, as ``read_reference`` reads them (parts it cannot read
    become a ReferenceWarning).

    >>> [(c.law, c.article, c.paragraph) for c in parse_reference("社会保险法第八十七条第二款")]
    [('中华人民共和国社会保险法', 87, 2)]
    """
    citations, unread = read_reference(ref, known)
    if unread:
        _warn(ignored_message(ref, unread))
    return citations


def ignored_message(ref: str, unread: Sequence[str]) -> str:
    """The warning for the parts of a reference that were not read."""
    parts = ", ".join(repr(part) for part in unread)
    return f"in {ref.strip()!r}, {parts} could not be read as a provision and was ignored"


def _warn(message: str) -> None:
    warnings.warn(message, ReferenceWarning, stacklevel=3)


def law_in_store(store: Source, title: str) -> bool:
    """True if the store (or endpoint) has a law with this canonical title."""
    result = run_query(
        store,
        "ASK { ?law <http://data.europa.eu/eli/ontology#title> ?title }",
        {"title": ox.Literal(title, language="zh")},
    )
    return bool(result.boolean)


def target_iri(citation: Citation, base: str = DEFAULT_BASE) -> ox.NamedNode:
    """The IRI of the work-level provision (or law) a citation names, as an IRI term: bound to a
    query it means the node (a ``str`` would be bound as a literal and match nothing).

    >>> target_iri(parse_reference("社会保险法第八十七条")[0]).value
    'https://w3id.org/quanze/id/law/shehui-baoxian-fa/art_87'
    """
    return ox.NamedNode(Iris(base).provision(law_key(citation), Locator.of(citation)))


def _value(key: str, term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> Any:
    text = term_text(term)
    if key in _INT_KEYS and text.isdigit():
        return int(text)
    return text


def find_citing_items(
    store: Source,
    ref: str,
    *,
    base: str = DEFAULT_BASE,
    timeout: float | None = None,
    warn: Callable[[str], None] = _warn,
) -> list[dict[str, Any]]:
    """The citations, one row each, by which power items cite what REF names.

    REF is free text (``社会保险法第八十七条``, ``《中华人民共和国社会保险法》第87条``,
    ``社会保险法``); a citation of 第八十七条第二款 counts as citing 第八十七条, and any provision
    of a law counts as citing the law. Each row has the keys of COLUMNS (``item`` is a 项 number)
    plus ``list``, ``power_item``, ``provision`` and ``citation`` IRIs; missing values are None.
    A row of the accountability basis (追责依据) also has ``clauses``: the item's accountability
    clauses (追责情形) that rest on that provision, as ``3. 违反法定的行政处罚程序的``.
    ``store`` is the embedded store or a remote ``Endpoint``. Raises UnknownReferenceError when
    REF names no law, or names a law and a provision that cannot be read; when part of REF is
    read, ``warn`` is told what was ignored (a ReferenceWarning by default).
    """
    return citing_rows(store, citing_targets(store, ref, base=base, warn=warn), timeout=timeout)


def citing_targets(
    store: Source,
    ref: str,
    *,
    base: str = DEFAULT_BASE,
    warn: Callable[[str], None] = _warn,
) -> list[ox.NamedNode]:
    """The IRIs of the laws or provisions REF names, as ``find_citing_items`` reads REF (what
    cannot be read is an error, or, when part of REF is read, told to ``warn``)."""
    citations, unread = read_reference(ref, lambda title: law_in_store(store, title))
    if unread:
        warn(ignored_message(ref, unread))
    return list(dict.fromkeys(target_iri(c, base) for c in citations))


def citing_pages(
    store: Source,
    targets: Sequence[ox.NamedNode],
    *,
    page_size: int = PAGE_SIZE,
    timeout: float | None = None,
) -> Iterator[list[dict[str, Any]]]:
    """The rows of ``find_citing_items`` for laws or provisions given by their IRIs, page by
    page (``graph.store.paging``): each citation once, the whole in the order of the answer."""
    for page in citation_pages(store, targets, page_size=page_size, timeout=timeout):
        yield _page_rows(store, targets, page, timeout)


def citing_rows(
    store: Source, targets: Sequence[ox.NamedNode], *, timeout: float | None = None
) -> list[dict[str, Any]]:
    """Every row of ``citing_pages``."""
    return [row for page in citing_pages(store, targets, timeout=timeout) for row in page]


#: Citations bound in one "who cites" query. Oxigraph looks each one up while they are a few
#: hundred (at 100 k items: 200 in 53 ms, 400 in 103 ms) and plans a walk over every list's
#: citations beyond (1,600, the last pages' size: over 60 s), so a long page is asked in parts.
CITATIONS_PER_QUERY = 200


def _page_rows(
    store: Source,
    targets: Sequence[ox.NamedNode],
    page: Sequence[ox.NamedNode],
    timeout: float | None,
) -> list[dict[str, Any]]:
    solutions = [
        solution
        for at in range(0, len(page), CITATIONS_PER_QUERY)
        for solution in run_query(
            store,
            "who-cites",
            {"target": tuple(targets), "citation": tuple(page[at : at + CITATIONS_PER_QUERY])},
            timeout=timeout,
        ).rows
    ]
    rows: dict[str, dict[str, Any]] = {}
    for solution in solutions:
        row: dict[str, Any] = {key: None for key in COLUMNS}
        for key, term in solution.items():
            if key in ("powerItem", "target"):
                continue
            row[key] = _value(key, term)
        row["power_item"] = term_text(solution["powerItem"])
        rows.setdefault(row["citation"], row)
    accountable = sorted(
        {row["power_item"] for row in rows.values() if row["field"] == "accountability_basis"}
    )
    if accountable:
        clauses = clauses_of(store, [ox.NamedNode(item) for item in accountable], timeout=timeout)
        for row in rows.values():
            if row["field"] == "accountability_basis":
                row["clauses"] = clauses.get((row["power_item"], row["provision"]), [])
    return sorted(rows.values(), key=answer_order)


def citing_items(rows: Sequence[dict[str, Any]]) -> int:
    """How many power items the answer rows come from (a row is one citation, and an item may
    cite the same provision in several fields or several times).

    >>> citing_items([{"power_item": "a"}, {"power_item": "a"}, {"power_item": "b"}])
    2
    """
    return len({row["power_item"] for row in rows})


def whole_articles(
    store: Source,
    ref: str,
    *,
    base: str = DEFAULT_BASE,
    timeout: float | None = None,
) -> tuple[list[str], list[dict[str, Any]]]:
    """For a reference to a paragraph or item (第八十七条第一款) that no item cites, what cites
    its article as a whole: the articles (as 中华人民共和国社会保险法第87条) and the rows of the
    citations that name the article and nothing below it. A list that cites 第八十七条 whole may
    well rest on 第一款, so an empty answer names them rather than saying nothing; ``([], [])``
    when REF names no paragraph or item.
    """
    citations, _ = read_reference(ref, lambda title: law_in_store(store, title))
    below = [c for c in citations if c.article is not None and Locator.of(c) != _article_of(c)]
    if not below:
        return [], []
    iris = Iris(base)
    targets = {
        iris.provision(law_key(c), _article_of(c)): f"{c.law}{_article_label(c)}" for c in below
    }
    rows = citing_rows(store, [ox.NamedNode(t) for t in targets], timeout=timeout)
    return list(targets.values()), [row for row in rows if row["provision"] in targets]


def _article_of(c: Citation) -> Locator:
    return Locator(article=c.article, article_suffix=c.article_suffix)


def _article_label(c: Citation) -> str:
    return f"第{c.article}条" + (f"之{c.article_suffix}" if c.article_suffix else "")


def clauses_of(
    store: Source, items: Sequence[ox.NamedNode], *, timeout: float | None = None
) -> dict[tuple[str, str], list[str]]:
    """The accountability clauses of the power items, as ``13. 执法人员…`` (the number as
    parsed, then the text), by (power item, provision the clause rests on), in order. Asked by
    item (``clauses-of-item``), not by the provision (``accountability-resting-on``), which at
    100 k items reads every clause resting on a much cited article for each page."""
    found: dict[tuple[str, str], list[tuple[int, str]]] = {}
    result = run_query(store, "clauses-of-item", {"powerItem": tuple(items)}, timeout=timeout)
    for solution in result.rows:
        if term_text(solution["field"]) != "accountability" or "provision" not in solution:
            continue
        number = term_text(solution.get("number"))
        text = term_text(solution["text"])
        key = (term_text(solution["powerItem"]), term_text(solution["provision"]))
        entry = (int(number) if number.isdigit() else 0, f"{number}. {text}" if number else text)
        if entry not in found.setdefault(key, []):
            found[key].append(entry)
    return {key: [text for _, text in sorted(entries)] for key, entries in found.items()}


def answer_order(row: dict[str, Any]) -> tuple[Any, ...]:
    """The order of answer rows: source file, list, row (numbers in order), field, law, article,
    text, and the citation last, so that the order is the same whatever order an engine gave the
    rows in (an item citing 第1条 twice in one field, with the same text, was listed in either
    order by Virtuoso and by the store).

    >>> same = {"source": "a", "list": "l", "row": "2", "field": "basis", "law": "法", "article": 1,
    ...         "text": "第1条"}
    >>> [r["citation"] for r in sorted([{**same, "citation": "c/2"}, {**same, "citation": "c/1"}],
    ...                              key=answer_order)]
    ['c/1', 'c/2']
    """
    number = str(row.get("row") or "")
    return (
        row["source"],
        row["list"] or "",
        (0, int(number), "") if number.isdigit() else (1, 0, number),
        row["field"] or "",
        row["law"] or "",
        row["article"] if isinstance(row["article"], int) else -1,
        row["text"] or "",
        row["citation"] or "",
    )
