"""``quanze app`` and ``quanze mcp`` at the command line: a store that is not there or a port
that is taken is one error line and exit code 1, never a trace."""

from __future__ import annotations

import socket
from pathlib import Path

from typer.testing import CliRunner

from graph.app.cli import app

runner = CliRunner()


def test_a_missing_store_is_one_line(tmp_path: Path) -> None:
    for command in ("app", "mcp"):
        result = runner.invoke(app, [command, "--store", str(tmp_path / "none")])
        assert result.exit_code == 1, command
        (line,) = result.output.strip().splitlines()
        assert "no quanze store here" in line and "Traceback" not in result.output


def test_a_port_in_use_is_one_line_naming_it(sample_store: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = runner.invoke(app, ["app", "--store", str(sample_store), "--port", str(port)])
    assert result.exit_code == 1
    (line,) = result.output.strip().splitlines()
    assert f"cannot listen on 127.0.0.1:{port}" in line
