"""The graph layer: power lists and citations become triples in an Oxigraph store, then answers.

Public verbs: ``build_graph``, ``open_store``, ``run_query``, ``find_citing_items``,
``validate_store``; result writers live in ``graph.results``. They are loaded on first use, so
the CLI starts without loading rdflib and pyshacl for commands that do not need them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extractors.lazy import lazy_exports

if TYPE_CHECKING:
    from graph.build import (
        BuildReport as BuildReport,
    )
    from graph.build import (
        ListReport as ListReport,
    )
    from graph.build import (
        build_graph as build_graph,
    )
    from graph.cites import find_citing_items as find_citing_items
    from graph.query import (
        QueryResult as QueryResult,
    )
    from graph.query import (
        bundled_queries as bundled_queries,
    )
    from graph.query import (
        run_query as run_query,
    )
    from graph.store import open_store as open_store
    from graph.validate import validate_store as validate_store

_EXPORTS = {
    "BuildReport": "graph.build",
    "ListReport": "graph.build",
    "QueryResult": "graph.query",
    "build_graph": "graph.build",
    "bundled_queries": "graph.query",
    "find_citing_items": "graph.cites",
    "open_store": "graph.store",
    "run_query": "graph.query",
    "validate_store": "graph.validate",
}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS)
