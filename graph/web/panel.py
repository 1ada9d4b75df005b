"""The graph beside a page's table: the focused view of ``graph/views`` (same selection, layout
and page), with a large neighbourhood's items gathered into their lists so that it reads as a
few groups rather than a hairball.

A view of 社会保险法 cited by 500 items draws 500 item nodes, each with its authority and list,
and every citation edge: nothing can be read. Above ``ITEMS_SHOWN`` items, each list's items are
folded into the list's node (labelled with the count), their citation edges leave from the list
instead (one per provision and field, the texts gathered), their authorities hang off the list,
and their clauses are left out; the page says so and the table beside it keeps every row.
"""

from __future__ import annotations

import dataclasses
from collections import Counter

import pyoxigraph as ox

from graph.views.model import ViewEdge, ViewGraph
from graph.views.write import build_view, render_view
from graph.web.questions import written_reference

#: Above this many item nodes a view's items are gathered into their lists.
ITEMS_SHOWN = 60
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


def aggregate(view: ViewGraph, items_shown: int = ITEMS_SHOWN) -> ViewGraph:
    """``view`` with its items folded into their lists when it has more than ``items_shown``
    (a focus item is kept); returns ``view`` itself, changed in place, for chaining."""
    items = [n for n in view.nodes.values() if n.kind == "item" and not n.focus]
    if len(items) <= items_shown:
        return view
    home = {e.source: e.target for e in view.edges.values() if e.kind == "in_list"}
    folded = {n.id: home[n.id] for n in items if n.id in home}
    if not folded:
        return view
    sizes = Counter(folded.values())
    clauses = {
        e.target for e in view.edges.values() if e.kind == "has_clause" and e.source in folded
    }
    edges: dict[tuple[str, str, str], ViewEdge] = {}
    for edge in view.edges.values():
        if edge.source in clauses or edge.target in clauses:
            continue
        source = folded.get(edge.source, edge.source)
        target = folded.get(edge.target, edge.target)
        if source == target:
            continue
        key = (source, target, edge.kind)
        kept = edges.setdefault(key, ViewEdge(source, target, edge.kind))
        kept.quotes.extend(q for q in edge.quotes if q not in kept.quotes)
    nodes = {}
    for nid, node in view.nodes.items():
        if nid in folded or nid in clauses:
            continue
        if nid in sizes:
            label = f"{node.label} · {sizes[nid]}项"
            details = (*node.details, ("事项 items", str(sizes[nid])))
            node = dataclasses.replace(node, label=label, details=details)
        nodes[nid] = node
    view.nodes, view.edges = nodes, edges
    view.notes.append(
        f"{len(folded)} power items are gathered into their {len(sizes)} lists "
        f"(more than {items_shown} to draw one by one); the table lists every one."
    )
    return view


def render_panel(store: ox.Store, kind: str, ref: str, depth: int = 1) -> str:
    """The HTML page of the graph of one article, law, item or authority (``kind``), its items
    gathered when there are many; raises UnknownFocusError for a reference the store lacks."""
    if kind not in ("article", "law", "item", "authority"):
        raise ValueError(f"no graph of a {kind!r}; give an article, law, item or authority")
    if kind in ("article", "law"):
        ref = written_reference(store, ref)  # an IRI, as the query page links it
    view = build_view(store, **{kind: ref}, depth=depth, max_nodes=MAX_NODES)  # type: ignore[arg-type]
    return render_view(aggregate(view)).replace("</head>", EMBEDDED_STYLE + "</head>", 1)
