"""The graph layer: power lists and citations become triples in an Oxigraph store, then answers.

Public verbs: ``build_graph``, ``open_store``, ``run_query``, ``find_citing_items``,
``validate_store``; result writers live in ``graph.store.results``. They are loaded on first use,
so the CLI starts without loading rdflib and pyshacl for commands that do not need them. A build
returns an ``extractors.Report``: per file, what reading, extraction and the build made of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extractors.lazy import lazy_exports

if TYPE_CHECKING:
    from graph.build.build import (
        build_graph as build_graph,
    )
    from graph.store.cites import find_citing_items as find_citing_items
    from graph.store.open import open_store as open_store
    from graph.store.query import (
        QueryResult as QueryResult,
    )
    from graph.store.query import (
        bundled_queries as bundled_queries,
    )
    from graph.store.query import (
        run_query as run_query,
    )
    from graph.store.validate import validate_store as validate_store

_EXPORTS = {
    "QueryResult": "graph.store.query",
    "build_graph": "graph.build.build",
    "bundled_queries": "graph.store.query",
    "find_citing_items": "graph.store.cites",
    "open_store": "graph.store.open",
    "run_query": "graph.store.query",
    "validate_store": "graph.store.validate",
}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
