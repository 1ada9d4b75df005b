"""A list built in batches (``extractors.reading.stream``) gives the store, the record's counts
and the report that the same list built whole gives."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from bench.biglist import WRITERS, rows
from extractors.models import PowerList
from extractors.reading import stream
from graph.app.pipeline import build_files
from tests.shared import shared_path


def _quads(store: Path) -> set[str]:
    return {str(q) for q in ox.Store.read_only(str(store))}


def test_lists_built_in_batches_make_the_store_they_make_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    generated = tmp_path / "generated.md"
    WRITERS["md"](generated, rows(500))
    (tmp_path / "clauses.csv").write_text(
        "序号,事项名称,事项类型,设定依据,追责情形,追责依据\n"
        + "".join(
            f"{n},对违法行为{n}的处罚,行政处罚,《中华人民共和国社会保险法》第八十{n % 9 + 1}条,"
            f'"1.不履行职责的；\n2.滥用职权的。",《中华人民共和国社会保险法》第九十二条\n'
            for n in range(1, 40)
        ),
        encoding="utf-8",
    )
    workbook = tmp_path / "generated.xlsx"
    WRITERS["xlsx"](workbook, rows(300))
    real = sorted(p for p in shared_path("realworld").iterdir() if p.suffix in (".md", ".xlsx"))
    files = [generated, tmp_path / "clauses.csv", workbook, *real]
    whole = build_files(files, tmp_path / "whole")
    monkeypatch.setattr(stream, "STREAM_MIN_BYTES", 0)
    monkeypatch.setattr(stream, "XLSX_STREAM_MIN_BYTES", 0)
    monkeypatch.setattr(stream, "BATCH_ITEMS", 7)
    streamed = [path for path in files if not isinstance(stream.open_list(path), PowerList)]
    assert len(streamed) >= 7  # the three made here, the real pipe tables and workbooks
    batched = build_files(files, tmp_path / "batched")
    assert batched.files == whole.files
    assert _quads(tmp_path / "batched") == _quads(tmp_path / "whole")


def test_a_list_built_in_batches_resolves_a_local_title_by_its_region(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A title written without its place (《安全生产条例》) takes the place of the list's region
    (extractors.citing.places). A list read in batches cited its batches without the region, so
    the same list gave another store once it was large enough to be read in batches."""
    page = tmp_path / "zj.md"
    page.write_text(
        "# 浙江省应急管理厅权责清单\n\n"
        "| 序号 | 事项名称 | 事项类型 | 设定依据 |\n|---|---|---|---|\n"
        + "".join(
            f"| {n} | 对生产经营单位违法行为{n}的处罚 | 行政处罚 | 《安全生产条例》第{n}条 |\n"
            for n in range(1, 30)
        ),
        encoding="utf-8",
    )
    whole = build_files([page], tmp_path / "whole")
    monkeypatch.setattr(stream, "STREAM_MIN_BYTES", 0)
    monkeypatch.setattr(stream, "BATCH_ITEMS", 7)
    assert not isinstance(stream.open_list(page), PowerList)
    batched = build_files([page], tmp_path / "batched")
    assert batched.files == whole.files
    quads = _quads(tmp_path / "whole")
    assert any('"浙江省安全生产条例"' in q for q in quads)
    assert _quads(tmp_path / "batched") == quads
