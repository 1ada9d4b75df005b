"""Adds the official text and the audit's findings to the details panel of a view: a provision
shows its official text (the latest version known, said so) and the findings of the citations
of it; an item the findings of its citations.

Only the laws the view's provisions belong to are read and audited; a store without law texts
(no ``quanze laws import``) leaves the view as it was.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

import pyoxigraph as ox

from graph.audit.audit import audit_citations
from graph.audit.checks import official_text
from graph.audit.gather import citing_items, gather
from graph.audit.kinds import kinds
from graph.audit.models import CitedProvision, Finding, Instrument
from graph.audit.page import SEVERITY_LABELS
from graph.audit.texts import load_instruments
from graph.store.query import run_query
from graph.views.model import ViewGraph

_HAS_TEXTS = """
PREFIX qz: <https://w3id.org/quanze/ontology#>
ASK { ?version qz:lastArticle ?n }
"""


def _line(f: Finding) -> tuple[str, str]:
    where = f"{f.list_title or f.list_id} 序号 {f.row}" if f.row else f.list_title or f.list_id
    return (
        f"审查 finding · {SEVERITY_LABELS[f.severity]}",
        f"{kinds()[f.kind].label}: {f.message} ({where})",
    )


def _official(instrument: Instrument, c: CitedProvision) -> tuple[str, str] | None:
    """The official text of the provision ``c`` cites in the latest version known."""
    if not instrument.expressions or c.article is None:
        return None
    latest = instrument.expressions[-1]
    article = latest.article(c.article, c.suffix)
    if article is None:
        return None
    when = latest.date or "undated"
    return (f"官方条文 official text ({when}, latest known)", official_text(article, c))


def add_audit_notes(store: ox.Store, view: ViewGraph) -> None:
    """Add official texts and findings to the details of the view's provisions and items."""
    provisions = {i for i, n in view.nodes.items() if n.kind == "provision"}
    items = {i for i, n in view.nodes.items() if n.kind == "item"}
    if not provisions and not items:
        return
    if not run_query(store, _HAS_TEXTS).boolean:
        return
    read = items | citing_items(store, provisions)
    cited = [
        c for c in gather(store, items=read) if c.provision in provisions or c.item_iri in items
    ]
    laws = {c.law_iri for c in cited}
    instruments = load_instruments(store, laws)
    audit = audit_citations(cited, instruments)
    by_citation = {c.citation: c for c in cited}
    extra: defaultdict[str, list[tuple[str, str]]] = defaultdict(list)
    for c in cited:
        instrument = instruments.get(c.law_iri)
        line = _official(instrument, c) if instrument is not None else None
        if c.provision in provisions and line is not None and line not in extra[c.provision]:
            extra[c.provision].append(line)
    for f in audit.findings:
        c = by_citation[f.citation]
        for target in (c.provision, c.item_iri):
            if target in view.nodes and _line(f) not in extra[target]:
                extra[target].append(_line(f))
    for target, lines in extra.items():
        node = view.nodes[target]
        view.nodes[target] = dataclasses.replace(node, details=node.details + tuple(lines))
