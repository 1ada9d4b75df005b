"""Writes interactive HTML views of the graph that work offline: one article, law, power item or
authority and its neighbourhood, or the whole store.

    >>> import tempfile, pyoxigraph as ox
    >>> from pathlib import Path
    >>> write_view(ox.Store(), Path(tempfile.mkdtemp()) / "all.html", everything=True)
    '0 nodes, 0 edges'
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from graph.views.data import select_everything, select_focus
from graph.views.focus import (
    Focus,
    UnknownFocusError,
    resolve_article,
    resolve_authority,
    resolve_item,
    resolve_law,
)
from graph.views.layout import compute_layout
from graph.views.model import ViewGraph
from graph.views.notes import add_audit_notes
from graph.views.page import render_page

__all__ = ["UnknownFocusError", "build_view", "write_view"]


def build_view(
    store: ox.Store,
    *,
    article: str | None = None,
    law: str | None = None,
    item: str | None = None,
    everything: bool = False,
    authority: str | None = None,
    depth: int = 2,
    max_nodes: int = 500,
) -> ViewGraph:
    """The nodes and edges a view shows (what ``write_view`` draws); exactly one focus is given.

    ``depth`` counts hops out from the focus: from a provision to the items citing it, from an
    item to the provisions it cites, from an authority to its items. Items always come with
    their authorities and list, provisions with their article and law. At most ``max_nodes``
    nodes are kept (the nearest and most cited; for ``everything`` the most connected).
    Provisions and items carry the official text and the audit's findings in their details
    when the store holds law texts (``graph.views.notes``).
    """
    chosen = [
        name
        for name, value in (
            ("article", article),
            ("law", law),
            ("item", item),
            ("authority", authority),
            ("everything", everything),
        )
        if value
    ]
    if len(chosen) != 1:
        given = ", ".join(chosen) or "none"
        raise ValueError(
            f"give exactly one of article, law, item, authority, everything (given: {given})"
        )
    if depth < 0 or max_nodes < 1:
        raise ValueError(f"depth must be ≥ 0 and max_nodes ≥ 1 (got {depth}, {max_nodes})")
    view = _select(store, article, law, item, everything, authority, depth, max_nodes)
    add_audit_notes(store, view)
    return view


def _select(
    store: ox.Store,
    article: str | None,
    law: str | None,
    item: str | None,
    everything: bool,
    authority: str | None,
    depth: int,
    max_nodes: int,
) -> ViewGraph:
    if everything:
        return select_everything(store, max_nodes=max_nodes)
    focus: Focus
    if article:
        focus = resolve_article(store, article)
    elif law:
        focus = resolve_law(store, law)
    elif item:
        focus = resolve_item(store, item)
    else:
        assert authority is not None
        focus = resolve_authority(store, authority)
    return select_focus(store, focus, depth=depth, max_nodes=max_nodes)


def render_view(view: ViewGraph) -> str:
    """The HTML page of ``view``, with a layout computed ahead (same view, same page)."""
    positions = compute_layout(
        view.nodes,
        [(e.source, e.target) for e in view.edges.values()],
        focus=[n.id for n in view.nodes.values() if n.focus],
    )
    return render_page(view, positions)


def write_view(
    store: ox.Store,
    out: Path,
    *,
    article: str | None = None,
    law: str | None = None,
    item: str | None = None,
    everything: bool = False,
    authority: str | None = None,
    depth: int = 2,
    max_nodes: int = 500,
) -> str:
    """Write the HTML view of one focus (or ``everything``) to ``out`` as UTF-8; return a one-line
    summary such as ``"42 nodes, 57 edges"``.

    ``article`` and ``law`` are free-text references (``社会保险法第八十七条``, ``《中华人民共和国
    社会保险法》第87条``; citing 第八十七条第二款 counts as citing 第八十七条), ``item`` is
    ``SOURCE#ROW`` or an item IRI, ``authority`` a department name. A reference the store does
    not hold raises UnknownFocusError (a QuanzeError) naming what is there.
    """
    view = build_view(
        store,
        article=article,
        law=law,
        item=item,
        everything=everything,
        authority=authority,
        depth=depth,
        max_nodes=max_nodes,
    )
    page = render_view(view)
    out = Path(out)
    if out.parent and not out.parent.exists():
        out.parent.mkdir(parents=True)
    out.write_text(page, encoding="utf-8", newline="\n")
    return view.summary()
