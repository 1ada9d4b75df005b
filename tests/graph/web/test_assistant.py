"""``quanze mcp`` as a real process, asked by the MCP SDK's own client over stdio: the tools
are listed, answer as the workbench's JSON API does, and an unknown reference is a tool error
with the one-line message, not a trace."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import anyio
from mcp.client.session import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client
from starlette.testclient import TestClient

from graph.web.app import create_app

REPO = Path(__file__).resolve().parents[3]


async def _ask(store: Path, calls: list[tuple[str, dict[str, Any]]]) -> tuple[list[str], list[Any]]:
    params = StdioServerParameters(
        command=sys.executable,
        args=["-c", "from graph.app.cli import main; main()", "mcp", "--store", str(store)],
        cwd=str(REPO),
    )
    with anyio.fail_after(60):
        async with stdio_client(params) as streams, ClientSession(*streams) as session:
            await session.initialize()
            listed = (await session.list_tools()).tools
            assert all(t.annotations and t.annotations.read_only_hint for t in listed)
            tools = [t.name for t in listed]
            results = [await session.call_tool(name, arguments) for name, arguments in calls]
    return tools, results


def test_the_workbench_questions_are_mcp_tools_over_stdio(sample_store: Path) -> None:
    calls = [
        ("search", {"text": "社会保险法第八十七条"}),
        ("article", {"reference": "社会保险法第八十七条"}),
        ("run_query", {"name": "most-cited-laws", "bindings": {}}),
        ("article", {"reference": "不存在法第八条"}),
    ]
    tools, (found, article, query, unknown) = anyio.run(_ask, sample_store, calls)
    assert {"search", "article", "law", "power_item", "power_list", "authority"} <= set(tools)
    assert {"list_queries", "run_query"} <= set(tools)
    assert found.structured_content["path"].startswith("/article?ref=")

    with TestClient(create_app(sample_store), base_url="http://127.0.0.1") as client:
        api = client.get("/api/article", params={"ref": "社会保险法第八十七条"})
    assert article.structured_content == api.json()  # the same answer as the JSON API
    assert query.structured_content["rows"][0]["law"] == "中华人民共和国社会保险法"
    assert unknown.is_error
    (message,) = [c.text for c in unknown.content]
    assert "不存在法第八条" in message and "Traceback" not in message and "\n" not in message
