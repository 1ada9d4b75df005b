"""Selects the part of the store a view shows: the neighbourhood of a focus, or everything.

Every fact comes from a bundled ``view-*.rq`` query with bindings. Items always come with their
authorities and list, provisions with the article they belong to and their law; ``depth`` counts
citation hops (item ↔ provision) and authority → item hops out from the focus.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import cast

import pyoxigraph as ox

from graph.store.query import Term, run_query
from graph.views.focus import Focus
from graph.views.model import CITATION_FIELDS, EdgeKind, ViewEdge, ViewGraph, ViewNode

_LABEL_CHARS = 16


@dataclass(frozen=True, slots=True)
class Subdivision:
    """A provision's kind (``article`` …), label (``第87条``) and what it is part of, each with
    its kind (empty for the law itself)."""

    kind: str
    label: str
    parents: tuple[tuple[str, str], ...]

    @property
    def shown_parent(self) -> str | None:
        """The article, paragraph or item it is part of, if any (chapters are skipped)."""
        for parent, kind in self.parents:
            if kind in ("article", "paragraph", "point"):
                return parent
        return None


@dataclass(frozen=True, slots=True)
class CitationRow:
    """One citation: the item, the field it was found in, the provision it cites, the text."""

    item: str
    field: EdgeKind
    provision: str
    text: str


@dataclass(frozen=True, slots=True)
class ClauseRow:
    """One responsibility item or accountability clause of an item, and what it rests on."""

    clause: str
    item: str
    field: str  # "responsibility" or "accountability"
    number: str
    text: str
    warnings: tuple[str, ...]
    provisions: tuple[str, ...]


def _text(term: object) -> str:
    return term.value if isinstance(term, ox.NamedNode | ox.Literal) else ""


def short(text: str, limit: int = _LABEL_CHARS) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis.

    >>> short("对以欺诈、伪造证明材料或者其他手段骗取医疗保险基金支出的处罚", 8)
    '对以欺诈、伪造…'
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def short_law(title: str) -> str:
    """A law's title without the 中华人民共和国 prefix, cut for a label.

    >>> short_law("中华人民共和国社会保险法")
    '社会保险法'
    """
    return short(title.removeprefix("中华人民共和国"), 14)


class Fetcher:
    """Runs the view queries, one subject at a time or all at once (``load_all``), and caches."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.items: dict[str, dict[str, str]] = {}
        self.authorities: dict[str, list[tuple[str, str]]] = {}
        self.provisions: dict[str, Subdivision | None] = {}
        self.laws: dict[str, dict[str, str]] = {}
        self.by_item: dict[str, list[CitationRow]] = {}
        self.by_provision: dict[str, list[CitationRow]] = {}

    # queries ------------------------------------------------------------------------------------

    def _citations(self, query: str, **bindings: str) -> list[CitationRow]:
        rows = run_query(self.store, query, {k: ox.NamedNode(v) for k, v in bindings.items()}).rows
        out = []
        for r in rows:
            field = _text(r["field"])
            if field in CITATION_FIELDS:
                kind = cast(EdgeKind, field)
                out.append(
                    CitationRow(
                        _text(r["powerItem"]), kind, _text(r["provision"]), _text(r["text"])
                    )
                )
        return out

    def cited_under(self, target: str) -> list[CitationRow]:
        """Citations of ``target`` or of any part of it (citing 87(2) counts as citing 87)."""
        return self._citations("view-cited-under", target=target)

    def citations_of_item(self, item: str) -> list[CitationRow]:
        """The citations found in the cells of ``item``."""
        if item not in self.by_item:
            self.by_item[item] = self._citations("view-citations", powerItem=item)
        return self.by_item[item]

    def citations_of_provision(self, provision: str) -> list[CitationRow]:
        """The citations of exactly ``provision`` (or law)."""
        if provision not in self.by_provision:
            self.by_provision[provision] = self._citations("view-citations", provision=provision)
        return self.by_provision[provision]

    def clauses_of_item(self, item: str) -> list[ClauseRow]:
        """The responsibility items and accountability clauses of ``item``, in cell order."""
        rows = run_query(self.store, "clauses-of-item", {"powerItem": ox.NamedNode(item)}).rows
        return _clause_rows(rows, "field")

    def clauses_resting_on(self, target: str) -> list[ClauseRow]:
        """The accountability clauses resting on ``target`` or a part of it."""
        rows = run_query(
            self.store, "accountability-resting-on", {"target": ox.NamedNode(target)}
        ).rows
        return _clause_rows(rows, None)

    def items_of_authority(self, org: str) -> list[str]:
        """The items ``org`` exercises."""
        rows = run_query(self.store, "view-authorities", {"org": ox.NamedNode(org)}).rows
        return sorted({_text(r["powerItem"]) for r in rows})

    def item(self, iri: str) -> dict[str, str]:
        """Name, row, type, department as written, list, source, list title, region of an item."""
        if iri not in self.items:
            rows = run_query(self.store, "view-items", {"powerItem": ox.NamedNode(iri)}).rows
            self._keep_items(rows)
            self.items.setdefault(iri, {"powerItem": iri})
        return self.items[iri]

    def authorities_of(self, item: str) -> list[tuple[str, str]]:
        """The (IRI, name) of the authorities exercising ``item``."""
        if item not in self.authorities:
            rows = run_query(self.store, "view-authorities", {"powerItem": ox.NamedNode(item)}).rows
            self._keep_authorities(rows)
            self.authorities.setdefault(item, [])
        return self.authorities[item]

    def provision(self, iri: str) -> Subdivision | None:
        """Kind, label and parents of a subdivision; None for a law (or anything else)."""
        if iri not in self.provisions:
            rows = run_query(self.store, "view-provisions", {"provision": ox.NamedNode(iri)}).rows
            self._keep_provisions(rows)
            self.provisions.setdefault(iri, None)
        return self.provisions[iri]

    def law_of(self, iri: str) -> str:
        """The law a subdivision belongs to (``iri`` itself for a law)."""
        seen = set()
        while (info := self.provision(iri)) is not None and iri not in seen:
            seen.add(iri)
            laws = [p for p, kind in info.parents if not kind]
            iri = laws[0] if laws else info.parents[0][0]
        return iri

    def law(self, iri: str) -> dict[str, str]:
        """Title and rank of a law."""
        if iri not in self.laws:
            rows = run_query(self.store, "view-laws", {"law": ox.NamedNode(iri)}).rows
            self._keep_laws(rows)
            self.laws.setdefault(iri, {"law": iri, "title": iri.rsplit("/", 1)[-1]})
        return self.laws[iri]

    def load_all(self) -> list[CitationRow]:
        """Fetch every citation, item, authority, provision and law in one query each."""
        rows = self._citations("view-citations")
        self._keep_items(run_query(self.store, "view-items").rows)
        self._keep_authorities(run_query(self.store, "view-authorities").rows)
        self._keep_provisions(run_query(self.store, "view-provisions").rows)
        self._keep_laws(run_query(self.store, "view-laws").rows)
        for law in self.laws:
            self.provisions.setdefault(law, None)
        by_item: dict[str, list[CitationRow]] = defaultdict(list)
        by_provision: dict[str, list[CitationRow]] = defaultdict(list)
        for row in rows:
            by_item[row.item].append(row)
            by_provision[row.provision].append(row)
        for iri in self.items:
            self.authorities.setdefault(iri, [])
            self.by_item.setdefault(iri, by_item.get(iri, []))
        self.by_provision.update(by_provision)
        return rows

    # caches -------------------------------------------------------------------------------------

    def _keep_items(self, rows: Iterable[Mapping[str, Term]]) -> None:
        for r in rows:
            self.items.setdefault(_text(r["powerItem"]), {k: _text(v) for k, v in r.items()})

    def _keep_authorities(self, rows: Iterable[Mapping[str, Term]]) -> None:
        for r in rows:
            org = _text(r["org"])
            pair = (org, _text(r.get("orgName")) or org.rsplit("/", 1)[-1])
            found = self.authorities.setdefault(_text(r["powerItem"]), [])
            if pair[0] not in {o for o, _ in found}:
                found.append(pair)

    def _keep_provisions(self, rows: Iterable[Mapping[str, Term]]) -> None:
        parents: dict[str, list[tuple[str, str]]] = defaultdict(list)
        first: dict[str, dict[str, str]] = {}
        for r in rows:
            iri = _text(r["provision"])
            first.setdefault(iri, {k: _text(v) for k, v in r.items()})
            parents[iri].append((_text(r["parent"]), _text(r.get("parentKind"))))
        for iri, info in first.items():
            self.provisions[iri] = Subdivision(
                info.get("kind", ""), info.get("label", ""), tuple(parents[iri])
            )

    def _keep_laws(self, rows: Iterable[Mapping[str, Term]]) -> None:
        for r in rows:
            self.laws.setdefault(_text(r["law"]), {k: _text(v) for k, v in r.items()})


def _clause_rows(rows: Iterable[Mapping[str, Term]], field_key: str | None) -> list[ClauseRow]:
    """Query rows (one per clause and provision or warning) gathered into one row per clause."""
    found: dict[str, dict[str, object]] = {}
    for r in rows:
        iri = _text(r["clause"])
        row = found.setdefault(
            iri,
            {
                "item": _text(r["powerItem"]),
                "field": _text(r[field_key]) if field_key else "accountability",
                "number": _text(r.get("number")),
                "text": _text(r["text"]),
                "warnings": {},
                "provisions": {},
            },
        )
        for key, name in (("warnings", "warning"), ("provisions", "provision")):
            value = _text(r.get(name))
            if value:
                cast(dict[str, None], row[key])[value] = None
    return [
        ClauseRow(
            iri,
            str(v["item"]),
            str(v["field"]),
            str(v["number"]),
            str(v["text"]),
            tuple(cast(dict[str, None], v["warnings"])),
            tuple(cast(dict[str, None], v["provisions"])),
        )
        for iri, v in found.items()
    ]


class Selection:
    """Builds a ViewGraph node by node: each unit (an item with its authorities and list, a
    provision with its article and law) goes in whole or not at all, under the node cap."""

    def __init__(self, fetch: Fetcher, view: ViewGraph) -> None:
        self.fetch = fetch
        self.view = view

    # units --------------------------------------------------------------------------------------

    def item_unit(self, iri: str, focus: bool = False) -> tuple[list[ViewNode], list[ViewEdge]]:
        """The item node, its authorities and its list, with the edges between them."""
        info = self.fetch.item(iri)
        name = info.get("name") or f"row {info.get('row', '?')}"
        source = info.get("source", "")
        details = [
            ("事项 item", name),
            ("职权类型 type", info.get("type", "")),
            ("实施主体 department", info.get("department", "")),
            ("清单 list", info.get("listTitle", "")),
            ("地区 region", info.get("region", "")),
            ("来源 source", f"{source}#{info.get('row', '')}"),
        ]
        nodes = [ViewNode(iri, "item", short(name), tuple(d for d in details if d[1]), focus)]
        edges = []
        for org, org_name in self.fetch.authorities_of(iri):
            nodes.append(ViewNode(org, "authority", org_name, (("实施主体 authority", org_name),)))
            edges.append(ViewEdge(iri, org, "exercised_by"))
        lst = info.get("list")
        if lst:
            label = info.get("region") or info.get("listTitle") or source
            details = [
                ("清单 list", info.get("listTitle", "")),
                ("地区 region", info.get("region", "")),
                ("来源 source", source),
            ]
            nodes.append(ViewNode(lst, "list", short(label), tuple(d for d in details if d[1])))
            edges.append(ViewEdge(iri, lst, "in_list"))
        return nodes, edges

    def provision_unit(
        self, iri: str, focus: bool = False
    ) -> tuple[list[ViewNode], list[ViewEdge]]:
        """The provision (or law) node, the provisions it is part of up to its article, its law."""
        nodes: list[ViewNode] = []
        edges: list[ViewEdge] = []
        node, first = iri, True
        while True:
            info = self.fetch.provision(node)
            if info is None:  # a law
                nodes.append(self._law_node(node, focus and first))
                break
            law_iri = self.fetch.law_of(node)
            title = self.fetch.law(law_iri).get("title", "")
            details = (("条款 provision", f"《{title}》{info.label}"), ("法律法规 law", title))
            label = short_law(title) + info.label
            nodes.append(ViewNode(node, "provision", label, details, focus and first))
            parent = info.shown_parent or law_iri
            edges.append(ViewEdge(node, parent, "part_of"))
            node, first = parent, False
        return nodes, edges

    def _law_node(self, iri: str, focus: bool) -> ViewNode:
        law = self.fetch.law(iri)
        title = law.get("title", "")
        details = (("法律法规 law", title), ("效力级别 rank", law.get("rank", "")))
        return ViewNode(iri, "law", short_law(title), tuple(d for d in details if d[1]), focus)

    def clause_unit(self, row: ClauseRow) -> tuple[list[ViewNode], list[ViewEdge]]:
        """A clause node with its edge from its item (the item must already be in the view)."""
        what = (
            "追责情形 accountability"
            if row.field == "accountability"
            else "责任事项 responsibility"
        )
        details = [(what, row.text), ("编号 number", row.number)]
        details += [("提示 warning", w) for w in row.warnings]
        label = f"{row.number}. {short(row.text, 10)}" if row.number else short(row.text, 10)
        node = ViewNode(row.clause, "clause", label, tuple(d for d in details if d[1]))
        return [node], [ViewEdge(row.item, row.clause, "has_clause")]

    def add_clauses(self, rows: Iterable[ClauseRow]) -> None:
        """Add the clauses whose item is in the view, with their edges to the provisions (in the
        view) they rest on."""
        for row in rows:
            if row.item in self.view.nodes and self.add(self.clause_unit(row)):
                for provision in row.provisions:
                    self.view.add_edge(row.clause, provision, "rests_on")

    def add(self, unit: tuple[list[ViewNode], list[ViewEdge]]) -> bool:
        """Add a whole unit if it fits under the cap; True if its head node is in the view."""
        nodes, edges = unit
        new = [n for n in dict.fromkeys(n.id for n in nodes) if n not in self.view.nodes]
        if new and not self.view.room_for(len(new)):
            return False
        for node in nodes:
            self.view.add_node(node)
        for edge in edges:
            self.view.add_edge(edge.source, edge.target, edge.kind)
        return True

    def cite(self, rows: Iterable[CitationRow]) -> None:
        """Add the citation edges (item → provision, by field) whose ends are both in the view."""
        for row in rows:
            self.view.add_edge(row.item, row.provision, row.field, row.text)

    # rings --------------------------------------------------------------------------------------

    def grow(self, rows: list[CitationRow], *, to_items: bool) -> list[str]:
        """Add the far ends of ``rows`` (items if ``to_items``, else provisions), most cited
        first, then the citation edges; return the ends that were added."""
        weight: Counter[str] = Counter(r.item if to_items else r.provision for r in rows)
        added = []
        for iri in sorted(weight, key=lambda i: (-weight[i], i)):
            if iri in self.view.nodes:
                continue
            if len(self.view.nodes) >= self.view.max_nodes:  # full: nothing more can fit, so
                self.view.truncated = True  # the rest is not fetched (3,000 items: 14 s → 1 s)
                break
            unit = self.item_unit(iri) if to_items else self.provision_unit(iri)
            if self.add(unit):
                added.append(iri)
        self.cite(rows)
        return added

    def expand(self, items: list[str], provisions: list[str], hops: int) -> None:
        """Walk ``hops`` more citation hops out from the frontier items and provisions."""
        for _ in range(hops):
            if not items and not provisions:
                return
            rows_i = [r for i in items for r in self.fetch.citations_of_item(i)]
            rows_p = [r for p in provisions for r in self.fetch.citations_of_provision(p)]
            items, provisions = self.grow(rows_p, to_items=True), self.grow(rows_i, to_items=False)


def select_focus(store: ox.Store, focus: Focus, *, depth: int, max_nodes: int) -> ViewGraph:
    """The neighbourhood of ``focus`` up to ``depth`` hops, at most ``max_nodes`` nodes."""
    fetch = Fetcher(store)
    view = ViewGraph(title=focus.reading, max_nodes=max(max_nodes, 1))
    sel = Selection(fetch, view)
    if focus.kind in ("article", "law"):
        sel.add(sel.provision_unit(focus.iri, focus=True))
        rows = fetch.cited_under(focus.iri)
        for provision in sorted({r.provision for r in rows}):  # its cited parts belong to it
            sel.add(sel.provision_unit(provision))
        if depth >= 1:
            items = sel.grow(rows, to_items=True)
            sel.add_clauses(fetch.clauses_resting_on(focus.iri))
            sel.expand(items, [], depth - 1)
    elif focus.kind == "item":
        sel.add(sel.item_unit(focus.iri, focus=True))
        sel.expand([focus.iri], [], depth)
        sel.add_clauses(fetch.clauses_of_item(focus.iri))
    else:
        name = focus.reading
        view.add_node(ViewNode(focus.iri, "authority", name, (("实施主体 authority", name),), True))
        if depth >= 1:
            items = []
            for item in fetch.items_of_authority(focus.iri):
                if sel.add(sel.item_unit(item)):
                    items.append(item)
            sel.expand(items, [], depth - 1)
    if view.truncated:
        view.notes.append(
            f"Capped at {view.max_nodes} nodes: the nearest and most cited are shown; "
            "ask for a smaller depth or a narrower focus to see the rest."
        )
    return view


def select_everything(store: ox.Store, *, max_nodes: int) -> ViewGraph:
    """Every item, cited provision, law, authority and list; above ``max_nodes`` nodes only the
    most connected are kept (and the page says so)."""
    fetch = Fetcher(store)
    rows = fetch.load_all()
    view = ViewGraph(title="全部 everything", max_nodes=10**12)
    sel = Selection(fetch, view)
    for item in sorted(fetch.items):
        sel.add(sel.item_unit(item))
    for provision in sorted({r.provision for r in rows}):
        sel.add(sel.provision_unit(provision))
    sel.cite(rows)
    total_nodes, total_edges = len(view.nodes), len(view.edges)
    view.max_nodes = max(max_nodes, 1)
    if total_nodes > view.max_nodes:
        degree: Counter[str] = Counter()
        for s, t, _ in view.edges:
            degree[s] += 1
            degree[t] += 1
        keep = set(sorted(view.nodes, key=lambda n: (-degree[n], n))[: view.max_nodes])
        view.nodes = {k: v for k, v in view.nodes.items() if k in keep}
        view.edges = {k: e for k, e in view.edges.items() if k[0] in keep and k[1] in keep}
        view.truncated = True
        view.notes.append(
            f"The store has {total_nodes} nodes and {total_edges} edges; only the "
            f"{len(view.nodes)} most connected nodes are shown. Focus on an article, law, item "
            "or authority to see the rest."
        )
    return view
