"""``quanze mcp``: the workbench's questions as tools of an MCP server over stdio, so that an AI
assistant can ask them (the official ``mcp`` SDK, an optional dependency: ``quanze[mcp]``).

Each tool is one function of ``graph.web.questions`` and returns the same JSON as the
workbench's ``/api/…``; a reference the store does not hold comes back as a tool error whose
text is the one-line message the workbench and the CLI give.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pyoxigraph as ox

from extractors.errors import QuanzeError
from graph.store.open import open_store
from graph.web import questions, sparql

T = TypeVar("T")

INSTRUCTIONS = (
    "Ask a quanze store of Chinese administrative power lists (权责清单) which power items "
    "cite a law or an article, what a power item, list or authority holds, and the bundled "
    "SPARQL queries. References are free text as a list writes them: 社会保险法第八十七条, "
    "《中华人民共和国社会保险法》第87条, a document number, or LIST#ROW for an item."
)


def build_server(store: ox.Store) -> Any:
    """The MCP server whose tools answer over ``store``; raises QuanzeError without the SDK."""
    try:
        from mcp.server import MCPServer
    except ImportError as exc:
        raise QuanzeError(
            f"quanze mcp needs the MCP SDK ({exc}); install it with pip install 'quanze[mcp]'"
        ) from exc

    from mcp.server.mcpserver.exceptions import ToolError
    from mcp_types import ToolAnnotations

    server = MCPServer("quanze", instructions=INSTRUCTIONS, log_level="ERROR")
    # every tool reads the store, opened read-only, and asks nothing outside it
    read_only = ToolAnnotations(read_only_hint=True, idempotent_hint=True, open_world_hint=False)

    def ask(question: Callable[[], T]) -> T:
        """The answer, or the library's one-line message as the tool's error (no trace)."""
        try:
            return question()
        except QuanzeError as exc:
            raise ToolError(str(exc)) from None

    @server.tool(annotations=read_only)
    def search(text: str) -> dict[str, str]:
        """Which page a search lands on: {"path": "/article?ref=…"} for an article, a law, a
        document number, LIST#ROW, an authority or words of an item's name."""
        return {"path": ask(lambda: questions.search(store, text))}

    @server.tool(annotations=read_only)
    def article(reference: str) -> dict[str, Any]:
        """Who relies on an article (社会保险法第八十七条): every citing item with region,
        department, power type and field, counts, the official text and audit findings when
        law texts are imported."""
        return ask(lambda: questions.article(store, reference).to_json())

    @server.tool(annotations=read_only)
    def law(reference: str) -> dict[str, Any]:
        """A law's cited articles (社会保险法), each with how many items, citations and lists
        cite it."""
        return ask(lambda: questions.law(store, reference).to_json())

    @server.tool(annotations=read_only)
    def power_item(reference: str) -> dict[str, Any]:
        """A power item (LIST#ROW, e.g. 000_814c7fb49acd7d24.txt#1): its cells, its fields
        with their citations, its clauses and findings."""
        return ask(lambda: questions.item(store, reference).to_json())

    @server.tool(annotations=read_only)
    def power_list(source: str) -> dict[str, Any]:
        """A power list by its source file name, with its items."""
        return ask(lambda: questions.power_list(store, source).to_json())

    @server.tool(annotations=read_only)
    def authority(name: str) -> dict[str, Any]:
        """An authority (实施主体, e.g. 县医保局) and the items it exercises."""
        return ask(lambda: questions.authority(store, name).to_json())

    @server.tool(annotations=read_only)
    def list_queries() -> list[dict[str, Any]]:
        """The bundled SPARQL queries: name, description and the variables they can be given."""
        return ask(lambda: list(sparql.query_forms()))

    @server.tool(annotations=read_only)
    def run_query(name: str, bindings: dict[str, str] | None = None) -> dict[str, Any]:
        """Run a bundled query by name; bindings give variables values (law=社会保险法,
        target=https://w3id.org/quanze/id/law/…)."""
        return ask(lambda: sparql.run_named(store, name, bindings or {}).to_json())

    return server


def serve_mcp(store: Path) -> None:
    """Serve the tools over stdio until the client closes the connection."""
    server = build_server(open_store(store, read_only=True))
    server.run("stdio")
