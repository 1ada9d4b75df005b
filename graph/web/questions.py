"""The questions the workbench, its JSON API and the MCP server answer, as plain data.

Each question is a library call that returns an ``Answer`` (a title, the facts about the thing
asked for, and a table of rows): who relies on an article (``quanze cites``'s
``find_citing_items``), a law's cited articles (the build's tallies), a power item's cells with
their citations, a list's or an authority's items, a bundled query. The web pages, the JSON API
and ``quanze mcp`` all render these answers; none of them asks the store anything itself.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

import pyoxigraph as ox

from graph.errors import QueryError, UnknownReferenceError
from graph.iri import DEFAULT_BASE
from graph.store.cites import find_citing_items, flat_row, law_in_store, read_reference
from graph.store.query import QueryResult, bundled_queries, parse_binding, run_query
from graph.store.results import result_rows, term_text
from graph.views.focus import resolve_article, resolve_authority, resolve_item, resolve_law

if TYPE_CHECKING:
    from graph.audit.models import Finding

#: Rows a table shows at most (a query's rows past it are cut, and the answer says so).
ROW_LIMIT = 5_000
#: Seconds one question may take before the store is told to give up.
TIMEOUT = 30.0


@dataclass(slots=True)
class Answer:
    """One page's worth of answer: what it is about, facts as label → value, and a table.

    ``columns`` name the keys of ``rows`` in display order; ``links`` map a column to the key
    of the row holding the app path it links to. ``sections`` are further named tables (an
    item's cells, its clauses, findings), each a list of rows.
    """

    kind: str
    title: str
    iri: str = ""
    facts: dict[str, Any] = field(default_factory=dict)
    columns: tuple[str, ...] = ()
    rows: list[dict[str, Any]] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)
    sections: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The answer as the JSON API and the MCP tools return it."""
        return {
            "kind": self.kind,
            "title": self.title,
            "iri": self.iri,
            "facts": self.facts,
            "columns": list(self.columns),
            "rows": self.rows,
            "sections": self.sections,
            "notes": self.notes,
        }


def _query(name: str) -> str:
    """The text of one of the app's own queries (``graph/web/queries/NAME.rq``)."""
    return _queries()[name]


@cache
def _queries() -> dict[str, str]:
    folder = resources.files("graph.web").joinpath("queries")
    return {
        e.name[:-3]: e.read_text(encoding="utf-8")
        for e in folder.iterdir()
        if e.name.endswith(".rq")
    }


def _rows(store: ox.Store, name: str, **bindings: Any) -> list[dict[str, str]]:
    return result_rows(run_query(store, _query(name), bindings, timeout=TIMEOUT))


# regions ----------------------------------------------------------------------------------------

_PROVINCE = re.compile(
    r"^((?:北京|天津|上海|重庆)市|(?:内蒙古|广西|西藏|宁夏|新疆)[^省市县区]{0,4}?自治区|"
    r"(?:香港|澳门)特别行政区|[^省市县区]{2,3}省)"
)
_CITY = re.compile(r"^([^省市县区]{1,8}?(?:市|自治州|地区|盟|州))(?=.)")


def region_parts(region: str) -> tuple[str, str, str]:
    """A list's region as (province, city, county): what is not written stays empty.

    >>> region_parts("拉萨市达孜区"), region_parts("巫溪县")
    (('', '拉萨市', '达孜区'), ('', '', '巫溪县'))
    >>> region_parts("西藏自治区拉萨市达孜区"), region_parts("四川省成都市")
    (('西藏自治区', '拉萨市', '达孜区'), ('四川省', '成都市', ''))
    """
    rest = region.strip()
    province = city = ""
    if match := _PROVINCE.match(rest):
        province, rest = match.group(1), rest[match.end() :]
    if match := _CITY.match(rest):
        city, rest = match.group(1), rest[match.end() :]
    elif (rest.endswith(("市", "州", "盟", "地区")) and not province) or rest.endswith(
        ("市", "州", "盟", "地区")
    ):
        city, rest = rest, ""
    return province, city, rest


# links ------------------------------------------------------------------------------------------

_STEP = re.compile(r"(art|para|point)_(\d+)(?:-(\d+))?")
_MARKS = {"art": "条", "para": "款", "point": "项"}


def provision_reference(law_title: str, provision_iri: str, law_iri: str) -> str | None:
    """The reference, as ``quanze cites`` reads it, for a provision IRI of a law; None for a
    law itself or a part the reference syntax cannot name (a chapter).

    >>> law = "https://w3id.org/quanze/id/law/shehui-baoxian-fa"
    >>> provision_reference("中华人民共和国社会保险法", law + "/art_87/para_2", law)
    '《中华人民共和国社会保险法》第87条第2款'
    >>> provision_reference("中华人民共和国行政处罚法", law + "/art_20-1", law)
    '《中华人民共和国行政处罚法》第20条之1'
    """
    tail = provision_iri.removeprefix(law_iri).strip("/")
    if not tail:
        return None
    out = []
    for step in tail.split("/"):
        match = _STEP.fullmatch(step)
        if match is None:
            return None
        kind, number, suffix = match.groups()
        out.append(f"第{number}{_MARKS[kind]}" + (f"之{suffix}" if suffix else ""))
    return f"《{law_title}》{''.join(out)}"


def path(page: str, **params: str) -> str:
    """The app path of a page with its parameters (the page's permalink).

    >>> path("article", ref="社会保险法第八十七条")
    '/article?ref=%E7%A4%BE%E4%BC%9A%E4%BF%9D%E9%99%A9%E6%B3%95%E7%AC%AC%E5%85%AB%E5%8D%81%E4%B8%83%E6%9D%A1'
    """
    kept = {k: v for k, v in params.items() if v}
    return f"/{page}" + (f"?{urlencode(kept)}" if kept else "")


def iri_path(iri: str, base: str = DEFAULT_BASE) -> str | None:
    """The workbench page of an IRI of the store: an item, a list, an authority, a law or one of
    its provisions; None for anything else (a citation, a clause, a concept).

    >>> iri_path("https://w3id.org/quanze/id/law/shehui-baoxian-fa/art_87")
    '/article?ref=https%3A%2F%2Fw3id.org%2Fquanze%2Fid%2Flaw%2Fshehui-baoxian-fa%2Fart_87'
    >>> iri_path("https://w3id.org/quanze/id/list/a/item/1/citation/basis/1") is None
    True
    """
    if not iri.startswith(base):
        return None
    parts = iri[len(base) :].split("/")
    if parts[0] == "list" and len(parts) == 2:
        return path("list", source=iri)
    if parts[0] == "list" and len(parts) == 4 and parts[2] == "item":
        return path("item", ref=iri)
    if parts[0] == "org" or (parts[0] == "list" and len(parts) == 4 and parts[2] == "org"):
        return path("authority", name=iri)
    if parts[0] == "law" and len(parts) == 2:
        return path("law", ref=iri)
    if parts[0] == "law" and all(_STEP.fullmatch(p) for p in parts[2:]):
        return path("article", ref=iri)
    return None


def written_reference(store: ox.Store, ref: str) -> str:
    """A reference as ``quanze cites`` reads it: ``ref`` itself, or for the IRI of a law or a
    provision, its title and numbers (《中华人民共和国社会保险法》第87条)."""
    if not ref.startswith(("http://", "https://")):
        return ref
    law_iri = _law_iri_of(ref)
    found = result_rows(run_query(store, "view-laws", {"law": ox.NamedNode(law_iri)}))
    if not found:
        raise UnknownReferenceError(f"no law <{law_iri}> in the store")
    title = found[0]["title"]
    return provision_reference(title, ref, law_iri) or f"《{title}》"


def _item_ref(item_iri: str, source: str) -> str:
    return f"{source}#{item_iri.rsplit('/item/', 1)[-1]}"


# search -----------------------------------------------------------------------------------------


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
    for row in _rows(store, "law-numbered", docNumber=text):
        return path("law", ref=f"《{row['title']}》")
    try:
        resolve_authority(store, text)
        return path("authority", name=text)
    except UnknownReferenceError:
        pass
    if _rows(store, "items-named", words=text):
        return path("items", q=text)
    raise UnknownReferenceError(
        f"nothing in the store matches {text!r}: write a law or an article (社会保险法第八十七条, "
        "《中华人民共和国社会保险法》第87条), a document number, SOURCE#ROW, an authority or "
        "words of an item's name"
    )


# pages ------------------------------------------------------------------------------------------

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


def _reliance_rows(store: ox.Store, ref: str, target: str) -> list[dict[str, Any]]:
    """``find_citing_items`` rows with the item's power type and its region split up."""
    rows = find_citing_items(store, ref, timeout=TIMEOUT, warn=lambda message: None)
    types = {
        r["powerItem"]: r["type"] for r in _rows(store, "types-citing", target=ox.NamedNode(target))
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
                "item_path": path("item", ref=_item_ref(item, row["source"])),
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
    rows = _reliance_rows(store, ref, focus.iri)
    answer = Answer("article", focus.reading, focus.iri, columns=RELIANCE_COLUMNS, rows=rows)
    answer.links = {"name": "item_path"}
    answer.facts = _counts(rows)
    _add_law_text(store, answer, ref)
    _add_findings(store, answer, provisions={focus.iri, *(r["provision"] for r in rows)})
    return answer


def law(store: ox.Store, ref: str) -> Answer:
    """A law's cited articles, each with how many items, citations and lists cite it."""
    focus = resolve_law(store, written_reference(store, ref))
    title = focus.reading.strip("《》")
    rows = []
    for r in _rows(store, "law-articles", law=ox.NamedNode(focus.iri)):
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
    texts = {r["field"]: r["text"] for r in _rows(store, "item-fields", powerItem=node)}
    cites: dict[str, list[dict[str, Any]]] = {}
    laws: dict[str, str] = {}
    for r in _rows(store, "item-citations", powerItem=node):
        cites.setdefault(r["field"], []).append(r)
    for r in [c for group in cites.values() for c in group]:
        laws.setdefault(r["law"], _law_iri_of(r["provision"]))
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
        for r in _rows(store, "item-cells", powerItem=node)
    ]
    answer.sections["fields"] = fields
    answer.sections["clauses"] = [
        {"field": r["field"], "number": r.get("number", ""), "text": r["text"]}
        for r in _dedupe(
            result_rows(run_query(store, "clauses-of-item", {"powerItem": node})), "clause"
        )
    ]
    _add_findings(store, answer, items={focus.iri})
    answer.facts["list_path"] = path("list", source=info.get("source", ""))
    orgs = {
        term_text(r["org"]) for r in run_query(store, "view-authorities", {"powerItem": node}).rows
    }
    if len(orgs) == 1:
        answer.facts["department_path"] = path("authority", name=orgs.pop())
    return answer


def _law_iri_of(provision: str) -> str:
    return re.sub(r"/(?:chp|sec|part|art|para|point)_.*$", "", provision)


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
        law_iri = _law_iri_of(c["provision"])
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
                "item_path": path("item", ref=_item_ref(r["powerItem"], r.get("source", ""))),
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
    rows = _rows(store, "items-named", words=words)
    answer = Answer("items", words, columns=("row", "name", "region", "source"))
    answer.rows = [
        {
            **{k: r.get(k, "") for k in answer.columns},
            "item_path": path("item", ref=_item_ref(r["powerItem"], r["source"])),
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


# law texts and findings (present once `quanze laws import` has run) -----------------------------


def _add_law_text(store: ox.Store, answer: Answer, ref: str) -> None:
    """The provision's official text in the version in force today, and every version known."""
    from graph.laws.show import show

    try:
        shown = show(store, ref)
    except UnknownReferenceError as exc:
        answer.notes.append(str(exc))
        return
    answer.sections["text"] = [
        {
            "title": s.title,
            "provision": s.provision,
            "version": s.version,
            "chosen": s.chosen,
            "expired": s.expired,
            "head": s.head or "",
            "text": s.text,
        }
        for s in shown
    ]
    versions = []
    from graph.audit.texts import load_instruments

    law_iri = _law_iri_of(answer.iri)
    for instrument in load_instruments(store, {law_iri}).values():
        for e in instrument.expressions:
            versions.append(
                {
                    "date": e.date,
                    "in_force_from": e.valid_from or e.date,
                    "expired": e.expired,
                    "articles": e.last_article,
                }
            )
    answer.sections["versions"] = versions


def _add_findings(
    store: ox.Store,
    answer: Answer,
    *,
    provisions: set[str] | None = None,
    items: set[str] | None = None,
) -> None:
    """The audit's findings on the citations of these provisions or items (none without texts)."""
    audit = store_findings(store)
    if audit is None:
        return
    found: dict[int, Finding] = {}
    for key in provisions or ():
        found.update((id(f), f) for f in audit[0].get(key, ()))
    for key in items or ():
        found.update((id(f), f) for f in audit[1].get(key, ()))
    if not found:
        return
    answer.sections["findings"] = [
        {
            "severity": f.severity,
            "kind": f.kind,
            "message": f.message,
            "list": f.list_title or f.list_id,
            "row": f.row,
            "field": f.field,
            "written": f.written,
            "quote": f.quote or "",
            "official": f.official or "",
        }
        for f in found.values()
    ]


_HAS_TEXTS = """
PREFIX qz: <https://w3id.org/quanze/ontology#>
ASK { ?version qz:lastArticle ?n }
"""
Findings = dict[str, list["Finding"]]


@lru_cache(maxsize=2)
def store_findings(store: ox.Store) -> tuple[Findings, Findings] | None:
    """The audit's findings of the whole store by cited provision and by item, worked out once
    per store (the workbench's store is read-only, so they cannot change while it runs); None
    when the store holds no law texts."""
    from graph.audit.audit import audit_citations
    from graph.audit.gather import gather
    from graph.audit.texts import load_instruments

    if not run_query(store, _HAS_TEXTS).boolean:
        return None
    cited = gather(store)
    instruments = load_instruments(store, {c.law_iri for c in cited})
    by_citation = {c.citation: c for c in cited}
    by_provision: Findings = {}
    by_item: Findings = {}
    for f in audit_citations(cited, instruments).findings:
        c = by_citation[f.citation]
        by_provision.setdefault(c.provision, []).append(f)
        by_item.setdefault(c.item_iri, []).append(f)
    return by_provision, by_item


# queries ----------------------------------------------------------------------------------------

_BOUND = re.compile(r"\?([A-Za-z_][A-Za-z0-9_]*)")


def query_forms() -> list[dict[str, Any]]:
    """Each bundled query with its description and the variables it is meant to be given (those
    its description names, as ``?target``), which the workbench shows as form fields.

    >>> next(f for f in query_forms() if f["name"] == "who-cites")["variables"]
    ['target']
    """
    return [
        {"name": name, "description": text, "variables": list(dict.fromkeys(_BOUND.findall(text)))}
        for name, text in bundled_queries().items()
    ]


def run_named(store: ox.Store, name: str, bindings: Mapping[str, str]) -> Answer:
    """Run a bundled query by name with ``bindings`` (variable → value as the CLI's
    ``--bind`` reads it); empty values are left unbound."""
    if name not in bundled_queries():
        raise QueryError(
            f"no bundled query named {name!r}; bundled queries: {', '.join(bundled_queries())}"
        )
    values = dict(parse_binding(f"{k}={v}") for k, v in bindings.items() if v.strip())
    result = run_query(store, name, values, timeout=TIMEOUT, limit=ROW_LIMIT)
    answer = Answer("query", name)
    _fill(answer, result)
    return answer


def run_sparql(store: ox.Store, text: str) -> Answer:
    """Run SPARQL text typed into the workbench's editor (SELECT or ASK; updates and SERVICE
    are refused, as ``quanze query`` refuses them, with the same time and row limits).

    Only text is run: a file name (``….rq``), which ``quanze query`` would read from disk, is
    refused, so a page cannot make the app read its files.
    """
    text = text.strip()
    if not text:
        raise QueryError("type a SPARQL query, e.g. SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10")
    if "\n" not in text and text.endswith(".rq"):
        raise QueryError(f"{text!r} names a file; the editor runs SPARQL text only")
    result = run_query(store, text, timeout=TIMEOUT, limit=ROW_LIMIT)
    answer = Answer("sparql", "SPARQL")
    _fill(answer, result)
    return answer


def _fill(answer: Answer, result: QueryResult) -> None:
    """Put a query's result into ``answer``: its rows (IRIs linked to their pages) or its
    boolean."""
    if result.kind == "ask":
        answer.facts = {"answer": bool(result.boolean)}
        return
    if result.kind != "select":
        raise QueryError(f"a {result.kind} query; the workbench shows SELECT and ASK results")
    answer.columns, answer.rows = result.variables, result_rows(result)
    for column in answer.columns:
        for row in answer.rows:
            if target := iri_path(row[column]):
                row[f"{column}_path"] = target
                answer.links[column] = f"{column}_path"
    answer.facts = {"rows": len(answer.rows)}
    if result.truncated:
        answer.notes.append(f"only the first {ROW_LIMIT} rows are shown")


#: The questions by page name, each taking the store and the page's one parameter.
QUESTIONS: dict[str, tuple[str, Callable[[ox.Store, str], Answer]]] = {
    "article": ("ref", article),
    "law": ("ref", law),
    "item": ("ref", item),
    "list": ("source", power_list),
    "authority": ("name", authority),
    "items": ("q", items_named),
}
