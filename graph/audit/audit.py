"""The audit of a store: every resolved citation checked against the official texts of the law
it cites (``quanze audit``).

``audit_store`` gathers the citations (``graph.audit.gather``), the texts of the laws they cite
(``graph.audit.texts``), chooses for each citation the version to check against
(``graph.audit.versions``) and runs the checks (``graph.audit.checks``). A citation of a law
whose text the store does not hold is counted as not checked, never as a finding.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pyoxigraph as ox

from graph.audit.checks import check
from graph.audit.compare import ArticleIndex
from graph.audit.gather import gather
from graph.audit.models import SEVERITIES, Audit, CitedProvision, Finding, Instrument
from graph.audit.texts import load_instruments
from graph.audit.versions import choose_version
from graph.errors import NoLawTextsError


def audit_citations(
    cited: Iterable[CitedProvision], instruments: Mapping[str, Instrument]
) -> Audit:
    """The findings of ``cited`` against ``instruments`` (law IRI → instrument), most serious
    first within each list."""
    findings: list[Finding] = []
    lists: dict[str, str] = {}
    indexes: dict[str, ArticleIndex] = {}
    read = checked = 0
    for c in cited:
        read += 1
        lists.setdefault(c.list_id, c.list_title)
        instrument = instruments.get(c.law_iri)
        if instrument is None:
            continue
        checked += 1
        chosen = choose_version(instrument, c.list_date)
        index = None
        if chosen is not None:
            text = chosen.expression
            index = indexes.get(text.iri)
            if index is None:
                index = indexes[text.iri] = ArticleIndex((a.label, a.text) for a in text.articles)
        findings.extend(check(c, instrument, chosen, index))
    order = {s: n for n, s in enumerate(SEVERITIES)}
    findings.sort(key=lambda f: (f.list_id, order[f.severity]))
    return Audit(tuple(findings), lists, read, checked)


def audit_store(store: ox.Store) -> Audit:
    """Audit every citation of ``store``; raises NoLawTextsError when it holds no law texts."""
    cited = gather(store)
    instruments = load_instruments(store, {c.law_iri for c in cited})
    if not instruments:
        raise NoLawTextsError(
            "the store holds no law texts: run `quanze laws import DIR --store DIR` first"
        )
    return audit_citations(cited, instruments)
