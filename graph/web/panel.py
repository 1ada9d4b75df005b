"""The graph beside a page's table: the focused view of ``graph/views`` (same selection, layout
and page), with a large neighbourhood gathered into groups so that it reads as a few groups
rather than a hairball.

A view of 社会保险法 cited by 500 items draws 500 item nodes, each with its authority and list,
and every citation edge: nothing can be read. Above ``ITEMS_SHOWN`` items, each list's items are
folded into the list's node (labelled with the count), their citation edges leave from the list
instead (one per provision and field, the texts gathered), their authorities hang off the list,
and their clauses are left out. Above ``PROVISIONS_SHOWN`` provisions, each law's provisions are
folded into the law the same way, and above ``AUTHORITIES_SHOWN`` authorities they are left out.
The page says what was gathered; the table beside it keeps every row. The store's overview (the
home page) is the whole store gathered so: which lists cite which laws.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

import pyoxigraph as ox

from graph.views.model import ViewEdge, ViewGraph
from graph.views.write import build_view, render_view
from graph.web.links import written_reference

#: Above this many item nodes a view's items are gathered into their lists.
ITEMS_SHOWN = 60
#: Above this many provisions a view's provisions are gathered into their laws.
PROVISIONS_SHOWN = 80
#: Above this many authorities a view leaves them out (an overview of many lists).
AUTHORITIES_SHOWN = 60
#: The most connected nodes the overview gathers (a store's whole graph is not drawn anyway).
OVERVIEW_NODES = 20_000
#: The node cap of the views the app draws (the views' own default).
MAX_NODES = 500
#: In a frame beside a table the view's side panel (search, legend, details) goes under the
#: drawing, so that the drawing gets the frame's width.
EMBEDDED_STYLE = """<style>
#qz-main { flex-direction: column; }
#qz-network { flex: 3 1 0; min-height: 320px; }
#qz-side { order: 2; flex: 2 1 0; width: auto; border-right: 0; border-top: 1px solid #e2e8f0; }
</style>
"""


def aggregate(
    view: ViewGraph, items_shown: int = ITEMS_SHOWN, provisions_shown: int = PROVISIONS_SHOWN
) -> ViewGraph:
    """``view`` with its items folded into their lists when it has more than ``items_shown``,
    and its provisions into their laws when it has more than ``provisions_shown`` (a focus node
    is kept); returns ``view`` itself, changed in place, for chaining."""
    items = [n.id for n in view.nodes.values() if n.kind == "item" and not n.focus]
    if len(items) > items_shown:
        home = {e.source: e.target for e in view.edges.values() if e.kind == "in_list"}
        folded = {i: home[i] for i in items if i in home}
        clauses = {
            e.target for e in view.edges.values() if e.kind == "has_clause" and e.source in folded
        }
        _fold(view, folded, clauses, "项", "事项 items")
        view.notes.append(
            f"{len(folded)} power items are gathered into their {len(set(folded.values()))} "
            f"lists (more than {items_shown} to draw one by one); the table lists every one."
        )
    provisions = [n.id for n in view.nodes.values() if n.kind == "provision" and not n.focus]
    if len(provisions) > provisions_shown:
        up = {e.source: e.target for e in view.edges.values() if e.kind == "part_of"}
        folded = {}
        for provision in provisions:
            law, seen = provision, set()
            while law in up and law not in seen and view.nodes[law].kind != "law":
                seen.add(law)
                law = up[law]
            if law in view.nodes and view.nodes[law].kind == "law":
                folded[provision] = law
        _fold(view, folded, set(), "条", "条款 provisions")
        view.notes.append(
            f"{len(folded)} provisions are gathered into their {len(set(folded.values()))} laws "
            f"(more than {provisions_shown} to draw one by one)."
        )
    authorities = {n.id for n in view.nodes.values() if n.kind == "authority" and not n.focus}
    if len(authorities) > AUTHORITIES_SHOWN:
        _fold(view, {}, authorities, "", "")
        view.notes.append(f"{len(authorities)} authorities are left out (too many to draw).")
    return view


def _fold(view: ViewGraph, folded: dict[str, str], dropped: set[str], unit: str, what: str) -> None:
    """Fold each node of ``folded`` into the node it maps to (its edges leave from or reach
    that node instead, texts gathered; the node's label counts what it holds) and drop the
    nodes of ``dropped`` with their edges."""
    if not folded and not dropped:
        return
    sizes = Counter(folded.values())
    edges: dict[tuple[str, str, str], ViewEdge] = {}
    for edge in view.edges.values():
        if edge.source in dropped or edge.target in dropped:
            continue
        source = folded.get(edge.source, edge.source)
        target = folded.get(edge.target, edge.target)
        if source == target:
            continue
        kept = edges.setdefault((source, target, edge.kind), ViewEdge(source, target, edge.kind))
        kept.quotes.extend(q for q in edge.quotes if q not in kept.quotes)
    nodes = {}
    for nid, node in view.nodes.items():
        if nid in folded or nid in dropped:
            continue
        if nid in sizes:
            label = f"{node.label} · {sizes[nid]}{unit}"
            node = dataclasses.replace(
                node, label=label, details=(*node.details, (what, str(sizes[nid])))
            )
        nodes[nid] = node
    view.nodes, view.edges = nodes, edges


def render_panel(store: ox.Store, kind: str, ref: str, depth: int = 1) -> str:
    """The HTML page of the graph of one article, law, item or authority (``kind``), or of the
    whole store (``everything``), gathered when large; raises UnknownFocusError for a reference
    the store lacks."""
    if kind == "everything":
        view = build_view(store, everything=True, max_nodes=OVERVIEW_NODES)
    elif kind in ("article", "law", "item", "authority"):
        if kind in ("article", "law"):
            ref = written_reference(store, ref)  # an IRI, as the query page links it
        view = build_view(store, **{kind: ref}, depth=depth, max_nodes=MAX_NODES)  # type: ignore[arg-type]
    else:
        raise ValueError(f"no graph of a {kind!r}; give an article, law, item or authority")
    return render_view(aggregate(view)).replace("</head>", EMBEDDED_STYLE + "</head>", 1)
