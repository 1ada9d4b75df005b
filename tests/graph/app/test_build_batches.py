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
