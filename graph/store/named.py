"""A name's authorities in IRI order, as the derived graph keeps them (``graph.build.named``): the
answer of ``view-authority-named`` (``# paged: kept by name``), read from one literal.

The query gives, for a name, every ``org:Organization`` with an ``skos:prefLabel`` or
``skos:altLabel`` of that text, sorted by IRI; at 1M items 3,334 authorities share one name, and
its first page came once the engine had found them all and each IRI was read from the store's
string table (~30 µs an IRI). The builds keep each name's authorities sorted in one JSON literal:
the first page reads it (one lookup by the name) and makes a page of IRIs. A store whose derived
graph keeps none (written by earlier code, or none: ``--nquads-out``, a build stopped while it
wrote it) answers ``None``, and the pager asks the query.
"""

from __future__ import annotations

import json

import pyoxigraph as ox

from graph.build.form import QZD as _QZD
from graph.store.query import Bound, run_query
from graph.store.results import term_text

#: Whether the names are kept, and the authorities of the name ``?name`` (none: no authority).
_KEPT = f"""
SELECT ?name ?names ?orgs WHERE {{
  ?kept a <{_QZD}AuthorityNames> ; <{_QZD}names> ?names .
  OPTIONAL {{ ?fact <{_QZD}authorityName> ?name ; <{_QZD}orgs> ?orgs }}
}}"""
_STRING = ox.NamedNode("http://www.w3.org/2001/XMLSchema#string")


def kept_named(
    store: ox.Store, name: Bound | None, timeout: float | None = None
) -> list[ox.NamedNode] | None:
    """The authorities named ``name`` (a plain literal: its text), in IRI order, as the derived
    graph keeps them; None when it keeps none, or ``name`` is not one plain literal (the query
    then answers)."""
    if not isinstance(name, ox.Literal) or name.datatype != _STRING:
        return None
    rows = run_query(store, _KEPT, {"name": name}, timeout=timeout).rows
    if len(rows) != 1:  # not kept (or two derived graphs' worth: asked of the query)
        return None
    packed = rows[0].get("orgs")
    if packed is None:
        return []
    return [ox.NamedNode(iri) for iri in json.loads(term_text(packed))]
