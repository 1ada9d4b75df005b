"""The graph layer: power lists and citations become triples in an Oxigraph store, then answers.

Public verbs: ``build_graph``, ``open_store``, ``run_query``, ``find_citing_items``,
``validate_store``; result writers live in ``graph.results``.
"""

from graph.build import BuildReport, ListReport, build_graph
from graph.cites import find_citing_items
from graph.query import QueryResult, bundled_queries, run_query
from graph.store import open_store
from graph.validate import validate_store

__all__ = [
    "BuildReport",
    "ListReport",
    "QueryResult",
    "build_graph",
    "bundled_queries",
    "find_citing_items",
    "open_store",
    "run_query",
    "validate_store",
]
