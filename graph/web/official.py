"""What the imported law texts add to a page: a provision's official text and versions (the
laws helper's ``graph.laws.show``), and the audit's findings on the citations shown
(``graph.audit``). A store without texts adds nothing but a note."""

from __future__ import annotations

from functools import lru_cache

import pyoxigraph as ox

from graph.audit.audit import audit_citations
from graph.audit.gather import gather
from graph.audit.models import Finding
from graph.audit.texts import load_instruments
from graph.errors import UnknownReferenceError
from graph.laws.show import show
from graph.store.query import run_query
from graph.web.answer import Answer
from graph.web.links import law_iri_of


def add_law_text(store: ox.Store, answer: Answer, ref: str) -> None:
    """The provision's official text in the version in force today, and every version known."""
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
    law_iri = law_iri_of(answer.iri)
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


def add_findings(
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
Findings = dict[str, list[Finding]]


@lru_cache(maxsize=2)
def store_findings(store: ox.Store) -> tuple[Findings, Findings] | None:
    """The audit's findings of the whole store by cited provision and by item, worked out once
    per store (the workbench's store is read-only, so they cannot change while it runs); None
    when the store holds no law texts."""
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
