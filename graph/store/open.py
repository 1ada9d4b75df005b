"""Opens the on-disk Oxigraph store, and copies parts of it into rdflib where rdflib is needed."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from graph.errors import StoreCorruptError, StoreError, StoreLockedError, StoreMissingError
from graph.store.holder import locked

if TYPE_CHECKING:  # imported by to_rdflib only: every command opens a store, few need rdflib
    from rdflib import Graph

_MARKER = "CURRENT"  # every RocksDB directory (so every Oxigraph store) has this file


def is_store(path: str | os.PathLike[str]) -> bool:
    """True if ``path`` is a directory that holds an Oxigraph store."""
    return (Path(path) / _MARKER).is_file()


def open_store(
    path: str | os.PathLike[str], *, create: bool = True, read_only: bool = False
) -> ox.Store:
    """Open the store at directory ``path``; create it there when ``create`` and it is missing.

    A read-only store (for queries) may be opened while another process holds the store open
    for writing. Raises StoreMissingError, StoreLockedError or StoreCorruptError, each naming the
    directory; an existing non-empty directory that is not a store is refused, never written into.
    """
    where = Path(path)
    if not is_store(where):
        if read_only or not create:
            raise StoreMissingError(f"{where}: no quanze store here (run `quanze build` first)")
        if where.exists() and (not where.is_dir() or any(where.iterdir())):
            raise StoreCorruptError(
                f"{where}: exists and is not a store; give an empty or new directory"
            )
    try:
        return ox.Store.read_only(str(where)) if read_only else ox.Store(str(where))
    except OSError as exc:
        message = str(exc)
        if "lock" in message.lower():
            raise StoreLockedError(
                f"{locked(where)} ({message}); close it, or open it read-only to query"
            ) from exc
        raise StoreError(f"{where}: cannot open the store: {message}") from exc
    except RuntimeError as exc:  # RocksDB reports corruption as a RuntimeError
        raise StoreCorruptError(f"{where}: the store is damaged: {exc}") from exc


def graph_names(store: ox.Store) -> list[str]:
    """The IRIs of the store's named graphs, sorted."""
    return sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))


def to_rdflib(store: ox.Store, graph: str | None = None) -> Graph:
    """An rdflib Graph with the triples of named graph ``graph``, or of every graph merged.

    Meant for small graphs (SHACL, serialisation, tests): everything is copied into memory.
    """
    from rdflib import Graph

    if graph is None:
        names: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] = [ox.DefaultGraph()]
        names += list(store.named_graphs())
    else:
        wanted = ox.NamedNode(graph)
        if not store.contains_named_graph(wanted):
            known = ", ".join(graph_names(store)) or "none"
            raise StoreError(f"no graph {graph} in the store; graphs: {known}")
        names = [wanted]
    merged = Graph()
    for name in names:
        merged.parse(data=store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=name), format="nt")
    return merged
