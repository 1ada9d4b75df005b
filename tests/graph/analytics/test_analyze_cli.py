"""``quanze analyze`` in-process: the report, the graph it writes, usage and data errors."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.analytics.analyze import DEFAULT_THRESHOLD
from graph.app.cli import analyze, app
from graph.app.pipeline import build_files


@pytest.fixture(scope="module")
def store_dir(sample_paths: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("analyze-cli") / "store"
    build_files(sample_paths, folder)
    return folder


def test_analyze_prints_the_report_and_writes_the_graph(store_dir: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["analyze", "--store", str(store_dir), "--top", "3"])
    assert result.exit_code == 0, result.output
    assert "中华人民共和国社会保险法第九十三条" in result.stdout
    assert "巫溪县#4268" in result.stdout
    query = runner.invoke(app, ["query", "equivalent-powers", "--store", str(store_dir)])
    assert query.exit_code == 0, query.output
    assert "4268" in query.stdout and "4282" in query.stdout


def test_analyze_as_json(store_dir: Path) -> None:
    result = CliRunner().invoke(
        app, ["analyze", "--store", str(store_dir), "--format", "json", "--threshold", "0.5"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [p["score"] for p in report["equivalent_powers"]] == [0.6563, 0.6562]
    assert report["central_articles"][0]["items"] == 8


def test_the_default_threshold_is_the_library_default() -> None:
    assert inspect.signature(analyze).parameters["threshold"].default == DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["--threshold", "2"], id="threshold-above-1"),
        pytest.param(["--top", "0"], id="top-0"),
        pytest.param(["--format", "csv"], id="csv"),
    ],
)
def test_usage_errors(tmp_path: Path, args: list[str]) -> None:
    result = CliRunner().invoke(app, ["analyze", "--store", str(tmp_path), *args])
    assert result.exit_code == 2


def test_a_missing_store_is_a_data_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["analyze", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert "no quanze store" in result.output
