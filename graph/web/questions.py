"""The questions the workbench, its JSON API and the MCP server answer, as plain data.

Each question is a library call that returns an ``Answer`` (a title, the facts about the thing
asked for, and a table of rows): who relies on an article (``quanze cites``'s
``find_citing_items``), a law's cited articles (the build's tallies), a power item's cells with
their citations, a list's or an authority's items, a bundled query. The web pages, the JSON API
and ``quanze mcp`` all render these answers; none of them asks the store anything itself.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pyoxigraph as ox

from graph.errors import UnknownReferenceError
from graph.store.cites import find_citing_items, flat_row, law_in_store, read_reference
from graph.store.query import run_query
from graph.store.results import result_rows, term_text
from graph.views.focus import resolve_article, resolve_authority, resolve_item, resolve_law
from graph.web.answer import TIMEOUT, Answer, app_rows
from graph.web.links import item_ref, law_iri_of, path, provision_reference, written_reference
from graph.web.official import add_findings, add_law_text
from graph.web.regions import region_parts


def search(store: ox.Store, text: str) -> str:
    """The app path a search lands on: an article or law (what ``quanze cites`` reads, a
    document number included), an item (``SOURCE#ROW``), an authority, else the items whose
    name holds the words. Raises UnknownReferenceError when nothing matches."""
    text = text.strip()
    if not text:
        raise UnknownReferenceError("type a law, an article, a document number or an item name")
    if "#" in text:
        try:
            resolve_item(store, text)
            return path("item", ref=text)
        except UnknownReferenceError:
            pass
    try:
        citations, _ = read_reference(text, lambda title: law_in_store(store, title))
    except UnknownReferenceError:
        citations = []
    for citation in citations:
        if citation.article is not None:
            return path("article", ref=text)
        return path("law", ref=text)
    for row in app_rows(store, "law-numbered", docNumber=text):
        return path("law", ref=f"《{row['title']}》")
    try:
        resolve_authority(store, text)
        return path("authority", name=text)
    except UnknownReferenceError:
        pass
    if app_rows(store, "items-named", words=text):
        return path("items", q=text)
    raise UnknownReferenceError(
        f"nothing in the store matches {text!r}: write a law or an article (社会保险法第八十七条, "
        "《中华人民共和国社会保险法》第87条), a document number, SOURCE#ROW, an authority or "
        "words of an item's name"
    )


# pages -------------------------------------------------------------------------------------------

#: The columns of an article's or a law's table of who relies on it.
RELIANCE_COLUMNS: tuple[str, ...] = (
    "province",
    "city",
    "county",
    "department",
    "type",
    "field",
    "name",
    "row",
    "law",
    "article",
    "paragraph",
    "item",
    "text",
    "clauses",
    "source",
)
#: The columns a reliance table can be faceted by.
FACETS: tuple[str, ...] = ("province", "city", "county", "department", "type", "field")


def _relianceapp_rows(store: ox.Store, ref: str, target: str) -> list[dict[str, Any]]:
    """``find_citing_items`` rows with the item's power type and its region split up."""
    rows = find_citing_items(store, ref, timeout=TIMEOUT, warn=lambda message: None)
    types = {
        r["powerItem"]: r["type"]
        for r in app_rows(store, "types-citing", target=ox.NamedNode(target))
    }
    out = []
    for row in rows:
        item = row["power_item"]
        province, city, county = region_parts(row.get("region") or "")
        out.append(
            {
                **flat_row(row),
                "province": province,
                "city": city,
                "county": county,
                "type": types.get(item, ""),
                "item_path": path("item", ref=item_ref(item, row["source"])),
            }
        )
    return out


def filter_rows(rows: Iterable[dict[str, Any]], chosen: Mapping[str, str]) -> list[dict[str, Any]]:
    """The rows whose facet values are the ``chosen`` ones (facet → value)."""
    wanted = {k: v for k, v in chosen.items() if k in FACETS and v}
    return [r for r in rows if all((r.get(k) or "") == v for k, v in wanted.items())]


def facet_counts(rows: Iterable[dict[str, Any]]) -> dict[str, list[tuple[str, int]]]:
    """Per facet, each value with its count of rows, most frequent first (empty values left out).

    >>> facet_counts([{"city": "拉萨市"}, {"city": "拉萨市"}, {"city": ""}])["city"]
    [('拉萨市', 2)]
    """
    counts: dict[str, Counter[str]] = {k: Counter() for k in FACETS}
    for row in rows:
        for key in FACETS:
            if row.get(key):
                counts[key][str(row[key])] += 1
    return {k: sorted(c.items(), key=lambda kv: (-kv[1], kv[0])) for k, c in counts.items()}


def article(store: ox.Store, ref: str) -> Answer:
    """Who relies on an article (or a paragraph or item of one): its official text and
    versions when law texts are imported, every citing item, the audit's findings."""
    ref = written_reference(store, ref)
    focus = resolve_article(store, ref)
    rows = _relianceapp_rows(store, ref, focus.iri)
    answer = Answer("article", focus.reading, focus.iri, columns=RELIANCE_COLUMNS, rows=rows)
    answer.links = {"name": "item_path"}
    answer.facts = _counts(rows)
    add_law_text(store, answer, ref)
    add_findings(store, answer, provisions={focus.iri, *(r["provision"] for r in rows)})
    return answer


def law(store: ox.Store, ref: str) -> Answer:
    """A law's cited articles, each with how many items, citations and lists cite it."""
    focus = resolve_law(store, written_reference(store, ref))
    title = focus.reading.strip("《》")
    rows = []
    for r in app_rows(store, "law-articles", law=ox.NamedNode(focus.iri)):
        reference = provision_reference(title, r["article"], focus.iri)
        rows.append(
            {
                "article": f"第{r['number']}条",
                "items": int(r["items"] or 0),
                "citations": int(r["citations"] or 0),
                "lists": int(r["lists"] or 0),
                "article_path": path("article", ref=reference) if reference else "",
                "iri": r["article"],
            }
        )
    answer = Answer(
        "law", focus.reading, focus.iri, columns=("article", "items", "citations", "lists")
    )
    answer.rows, answer.links = rows, {"article": "article_path"}
    answer.facts = {"articles": len(rows)}
    return answer


_FIELD_ORDER = (
    "name",
    "basis",
    "accountability_basis",
    "responsibility",
    "accountability",
    "remarks",
)


def item(store: ox.Store, ref: str) -> Answer:
    """A power item: every cell as written, its fields with their citations marked (each span
    linked to its article), its clauses, the audit's findings."""
    focus = resolve_item(store, ref)
    node = ox.NamedNode(focus.iri)
    info = result_rows(run_query(store, "view-items", {"powerItem": node}))[0]
    texts = {r["field"]: r["text"] for r in app_rows(store, "item-fields", powerItem=node)}
    cites: dict[str, list[dict[str, Any]]] = {}
    laws: dict[str, str] = {}
    for r in app_rows(store, "item-citations", powerItem=node):
        cites.setdefault(r["field"], []).append(r)
    for r in [c for group in cites.values() for c in group]:
        laws.setdefault(r["law"], law_iri_of(r["provision"]))
    fields = []
    for name in _FIELD_ORDER:
        if name not in texts:
            continue
        fields.append(
            {"field": name, "text": texts[name], "spans": _spans(texts[name], cites.get(name, []))}
        )
    answer = Answer("item", info.get("name") or focus.reading, focus.iri)
    answer.facts = {
        "name": info.get("name", ""),
        "row": info.get("row", ""),
        "type": info.get("type", ""),
        "department": info.get("department", ""),
        "list": info.get("listTitle", ""),
        "region": info.get("region", ""),
        "source": info.get("source", ""),
        "citations": sum(len(v) for v in cites.values()),
    }
    answer.columns = ("position", "header", "value")
    answer.rows = [
        {"position": int(r["position"]), "header": r["header"], "value": r["value"]}
        for r in app_rows(store, "item-cells", powerItem=node)
    ]
    answer.sections["fields"] = fields
    answer.sections["clauses"] = [
        {"field": r["field"], "number": r.get("number", ""), "text": r["text"]}
        for r in _dedupe(
            result_rows(run_query(store, "clauses-of-item", {"powerItem": node})), "clause"
        )
    ]
    add_findings(store, answer, items={focus.iri})
    answer.facts["list_path"] = path("list", source=info.get("source", ""))
    orgs = {
        term_text(r["org"]) for r in run_query(store, "view-authorities", {"powerItem": node}).rows
    }
    if len(orgs) == 1:
        answer.facts["department_path"] = path("authority", name=orgs.pop())
    return answer


def _dedupe(rows: list[dict[str, str]], key: str) -> list[dict[str, str]]:
    seen: dict[str, dict[str, str]] = {}
    for row in rows:
        seen.setdefault(row[key], row)
    return list(seen.values())


def _spans(text: str, citations: list[dict[str, str]]) -> list[dict[str, str]]:
    """``text`` cut into plain stretches and cited stretches (each with the path of the article
    or law it cites), in order; overlapping citations keep the first."""
    out: list[dict[str, str]] = []
    at = 0
    for c in sorted(citations, key=lambda c: (int(c["start"]), -int(c["end"]))):
        start, end = int(c["start"]), int(c["end"])
        if start < at or end > len(text) or text[start:end] != c["text"]:
            continue
        if start > at:
            out.append({"text": text[at:start], "href": ""})
        law_iri = law_iri_of(c["provision"])
        reference = provision_reference(c["law"], c["provision"], law_iri)
        href = path("article", ref=reference) if reference else path("law", ref=f"《{c['law']}》")
        out.append({"text": text[start:end], "href": href, "provision": c["provision"]})
        at = end
    if at < len(text):
        out.append({"text": text[at:], "href": ""})
    return out


#: The columns of a list's or an authority's table of items.
ITEM_COLUMNS: tuple[str, ...] = ("row", "name", "type", "department", "region", "source")


def _item_rows(rows: Iterable[Mapping[str, str]]) -> list[dict[str, Any]]:
    out = []
    for r in rows:
        out.append(
            {
                **{k: r.get(k, "") for k in ITEM_COLUMNS},
                "item_path": path("item", ref=item_ref(r["powerItem"], r.get("source", ""))),
            }
        )
    return sorted(out, key=lambda r: (r["source"], _row_order(r["row"])))


def _row_order(row: str) -> tuple[int, int, str]:
    return (0, int(row), "") if row.isdigit() else (1, 0, row)


def power_list(store: ox.Store, source: str) -> Answer:
    """A power list (by its source file name, or its IRI) and its items."""
    lists = result_rows(run_query(store, "lists", timeout=TIMEOUT))
    wanted = source.strip()
    found = [r for r in lists if wanted in (r["source"], r["list"])]
    if not found:
        names = ", ".join(r["source"] for r in lists[:12])
        raise UnknownReferenceError(f"no list read from {wanted!r} in the store; lists: {names}")
    info = found[0]
    rows = run_query(store, "view-items", {"list": ox.NamedNode(info["list"])}, timeout=TIMEOUT)
    answer = Answer("list", info.get("title") or info["source"], info["list"])
    answer.facts = {
        k: info.get(k, "") for k in ("source", "region", "issued", "items", "citations")
    }
    answer.columns, answer.rows = ITEM_COLUMNS, _item_rows(result_rows(rows))
    answer.links = {"name": "item_path"}
    return answer


def authority(store: ox.Store, name: str) -> Answer:
    """An authority (by name or IRI) and the items it exercises."""
    focus = resolve_authority(store, name)
    rows = []
    for item_iri in sorted(
        {
            term_text(r["powerItem"])
            for r in run_query(store, "view-authorities", {"org": ox.NamedNode(focus.iri)}).rows
        }
    ):
        rows.extend(
            result_rows(run_query(store, "view-items", {"powerItem": ox.NamedNode(item_iri)}))
        )
    answer = Answer("authority", focus.reading, focus.iri, columns=ITEM_COLUMNS)
    answer.rows, answer.links = _item_rows(rows), {"name": "item_path"}
    answer.facts = {"items": len(answer.rows)}
    return answer


def items_named(store: ox.Store, words: str) -> Answer:
    """The items whose name holds ``words`` (at most 200)."""
    rows = app_rows(store, "items-named", words=words)
    answer = Answer("items", words, columns=("row", "name", "region", "source"))
    answer.rows = [
        {
            **{k: r.get(k, "") for k in answer.columns},
            "item_path": path("item", ref=item_ref(r["powerItem"], r["source"])),
        }
        for r in rows
    ]
    answer.links = {"name": "item_path"}
    return answer


def _counts(rows: list[dict[str, Any]]) -> dict[str, int]:
    return {
        "citations": len(rows),
        "items": len({r["power_item"] for r in rows}),
        "lists": len({r["source"] for r in rows}),
        "departments": len({r["department"] for r in rows if r.get("department")}),
    }


#: The questions by page name, each taking the store and the page's one parameter.
QUESTIONS: dict[str, tuple[str, Callable[[ox.Store, str], Answer]]] = {
    "article": ("ref", article),
    "law": ("ref", law),
    "item": ("ref", item),
    "list": ("source", power_list),
    "authority": ("name", authority),
    "items": ("q", items_named),
}
