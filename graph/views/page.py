"""Renders a ViewGraph as one self-contained HTML page: vis-network, styles, script and data inline.

The vis-network build is the one pyvis ships for ``cdn_resources="in_line"``; pyvis's own page
template is not used (it links Bootstrap from a CDN and its filter menu and highlighting are
buggy). Text from the lists reaches the page only inside a JSON block whose ``<``, ``>`` and ``&``
are escaped, and the script puts it into the page with ``textContent``; the legend is escaped here.
"""

from __future__ import annotations

import html
import json
from functools import cache
from importlib import resources
from string import Template
from typing import Any

from graph.views.model import (
    EDGE_STYLES,
    NODE_STYLES,
    EdgeKind,
    NodeKind,
    ViewGraph,
)

#: Above this many nodes the page draws with physics off (positions are precomputed anyway).
PHYSICS_MAX_NODES = 150

_VIS = "templates/lib/vis-9.1.2/"
_ALWAYS_IN_LEGEND: frozenset[str] = frozenset({"basis", "accountability_basis"})


@cache
def _asset(package: str, name: str) -> str:
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


def script_json(value: Any) -> str:
    """JSON safe to put inside ``<script type="application/json">``: no ``<``, ``>`` or ``&``.

    >>> script_json({"t": "</script><script>alert(1)</script>"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(1)\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escape)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _node_swatch(kind: NodeKind) -> str:
    style = NODE_STYLES[kind]
    c = html.escape(style.color)
    shapes = {
        "dot": f'<circle cx="9" cy="9" r="6" fill="{c}"/>',
        "diamond": f'<polygon points="9,2 16,9 9,16 2,9" fill="{c}"/>',
        "square": f'<rect x="3" y="3" width="12" height="12" fill="{c}"/>',
        "triangle": f'<polygon points="9,2 16,15 2,15" fill="{c}"/>',
        "triangleDown": f'<polygon points="2,3 16,3 9,16" fill="{c}"/>',
        "hexagon": f'<polygon points="5,2.5 13,2.5 17,9 13,15.5 5,15.5 1,9" fill="{c}"/>',
    }
    return f'<svg width="18" height="18" aria-hidden="true">{shapes[style.shape]}</svg>'


def _edge_swatch(kind: EdgeKind) -> str:
    style = EDGE_STYLES[kind]
    dash = ",".join(str(d) for d in style.dashes) or "none"
    return (
        f'<svg width="34" height="12" aria-hidden="true"><line x1="1" y1="6" x2="33" y2="6" '
        f'stroke="{html.escape(style.color)}" stroke-width="{style.width + 0.5}" '
        f'stroke-dasharray="{dash}"/></svg>'
    )


def _legend_row(which: str, kind: str, label: str, swatch: str, count: int) -> str:
    empty = " qz-empty" if count == 0 else ""
    return (
        f'<label class="qz-legend-row{empty}" data-legend="{which}-{kind}">'
        f'<input type="checkbox" checked data-{which}-kind="{kind}">{swatch}'
        f'<span>{html.escape(label)}</span><span class="qz-count">{count}</span></label>'
    )


def _details(view: ViewGraph) -> dict[str, list[list[str]]]:
    """Each node's tooltip lines; an item also lists, by field, the text it cites as written."""
    lines = {nid: [list(d) for d in node.details] for nid, node in view.nodes.items()}
    for edge in view.edges.values():
        if view.nodes[edge.source].kind == "item" and edge.quotes:
            field = EDGE_STYLES[edge.kind].label
            for quote in edge.quotes:
                lines[edge.source].append([field, quote])
    return lines


def render_page(view: ViewGraph, positions: dict[str, tuple[float, float]]) -> str:
    """The whole HTML page for ``view`` with nodes at ``positions`` (pixels)."""
    node_counts = {k: 0 for k in NODE_STYLES}
    for node in view.nodes.values():
        node_counts[node.kind] += 1
    edge_counts = {k: 0 for k in EDGE_STYLES}
    for edge in view.edges.values():
        edge_counts[edge.kind] += 1
    shown_edges = [k for k in EDGE_STYLES if edge_counts[k] or k in _ALWAYS_IN_LEGEND]
    details = _details(view)
    data = {
        "title": view.title,
        "physics": len(view.nodes) <= PHYSICS_MAX_NODES,
        "nodeKinds": [
            {"kind": k, "label": s.label, "color": s.color, "shape": s.shape, "size": s.size}
            for k, s in NODE_STYLES.items()
        ],
        "edgeKinds": [
            {
                "kind": k,
                "label": s.label,
                "color": s.color,
                "dashes": list(s.dashes),
                "width": s.width,
                "arrow": s.arrow,
            }
            for k, s in EDGE_STYLES.items()
        ],
        "nodes": [
            {
                "id": n.id,
                "kind": n.kind,
                "label": n.label,
                "focus": n.focus,
                "x": positions[n.id][0],
                "y": positions[n.id][1],
                "details": details[n.id],
            }
            for n in view.nodes.values()
        ],
        "edges": [
            {"from": e.source, "to": e.target, "kind": e.kind, "quotes": e.quotes}
            for e in view.edges.values()
        ],
    }
    notes = "".join(f'<p class="qz-note">{html.escape(note)}</p>' for note in view.notes)
    node_legend = "".join(
        _legend_row("node", k, s.label, _node_swatch(k), node_counts[k])
        for k, s in NODE_STYLES.items()
    )
    edge_legend = "".join(
        _legend_row("edge", k, EDGE_STYLES[k].label, _edge_swatch(k), edge_counts[k])
        for k in shown_edges
    )
    template = Template(_asset("graph.views", "static/view.html"))
    return template.substitute(
        title=html.escape(view.title),
        summary=html.escape(view.summary()),
        notes=notes,
        node_legend=node_legend,
        edge_legend=edge_legend,
        data=script_json(data),
        vis_css=_asset("pyvis", _VIS + "vis-network.css"),
        vis_js=_asset("pyvis", _VIS + "vis-network.min.js"),
        view_css=_asset("graph.views", "static/view.css"),
        view_js=_asset("graph.views", "static/view.js"),
    )
