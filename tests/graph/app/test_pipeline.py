"""quanze build over files (graph.app.pipeline): the lists are read in the order the store keys
their graphs, and the report keeps the order the files were given in."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.app import pipeline
from graph.app.pipeline import build_files
from graph.build.build import in_store_order


def quads(folder: Path) -> set[str]:
    return {str(quad) for quad in ox.Store.read_only(str(folder))}


@pytest.mark.parametrize("reverse", [False, True], ids=["as-listed", "reversed"])
def test_the_report_keeps_the_order_the_files_were_given_in(
    sample_paths: list[Path], tmp_path: Path, reverse: bool
) -> None:
    broken = tmp_path / "broken.md"
    broken.write_text("no table here\n", encoding="utf-8")
    paths = [*sample_paths, broken]
    if reverse:
        paths.reverse()
    report = build_files(paths, tmp_path / "store")
    assert [f.source for f in report.files] == [
        str(path) if path == broken else path.name for path in paths
    ]
    assert [failure.source for failure in report.failed] == [str(broken)]
    assert "no recognisable table" in (report.failed[0].error or "")
    assert report.summary().endswith("1 file(s) not read")


def test_a_fault_nobody_foresaw_in_one_file_stops_no_other(
    sample_paths: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reader's unforeseen exception (a library's own error on a damaged file) is that file's
    one-line failure; the other lists are built."""
    damaged = tmp_path / "damaged.xls"
    damaged.write_bytes(b"\xd0\xcf\x11\xe0")
    real_read = pipeline.open_list

    def read(path: Path, **options: object) -> object:
        if path == damaged:
            raise IndexError("list index out of range")
        return real_read(path, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "open_list", read)
    report = build_files([damaged, *sample_paths], tmp_path / "store")
    assert [failure.error for failure in report.failed] == [
        f"{damaged}: could not be read (IndexError: list index out of range); please report this"
    ]
    assert len(report.files) - len(report.failed) == len(sample_paths)
    assert len(list(ox.Store.read_only(str(tmp_path / "store")).named_graphs())) > len(sample_paths)


def test_the_store_is_the_same_whatever_the_order_of_the_files(
    sample_paths: list[Path], tmp_path: Path
) -> None:
    build_files(sample_paths, tmp_path / "given")
    build_files(sample_paths[::-1], tmp_path / "reversed")
    assert quads(tmp_path / "given") == quads(tmp_path / "reversed")


def test_in_store_order_follows_the_list_graphs() -> None:
    sources = [f"lists/{n:03d}_county.md" for n in range(30)]
    order = in_store_order(sources)
    assert sorted(order) == list(range(30))
    assert in_store_order([sources[n] for n in order]) == list(range(30))
