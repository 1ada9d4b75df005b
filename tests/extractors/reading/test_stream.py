"""A list read in batches (``extractors.reading.stream``) is the list read whole: the same items in
the same order, the same description, rejects, sections, counts, plausibility and digest."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.biglist import WRITERS, rows
from extractors.errors import InputError
from extractors.models import PowerList
from extractors.reading.read import read_list
from extractors.reading.stream import ListStream, open_list
from extractors.reading.summary import ContentDigest
from extractors.report import Reading
from tests.extractors.reading.test_read_fuzz import _BYTES, TEXT_SEEDS, _apply, _line_ends
from tests.shared import shared_path


def _same(path: Path, size: int = 3) -> ListStream | None:
    """Read ``path`` both ways and check they agree; the stream, when it was read in batches."""
    try:
        whole = read_list(path)
    except InputError as error:
        with pytest.raises(InputError) as streamed_error:
            open_list(path, min_bytes=0)
        assert str(streamed_error.value) == str(error)
        return None
    opened = open_list(path, min_bytes=0)
    if isinstance(opened, PowerList):
        assert opened == whole
        return None
    batches = list(opened.batches(size))
    assert all(len(batch) == size for batch in batches[:-1])
    items = tuple(item for batch in batches for item in batch)
    assert items == whole.items
    assert opened.head == PowerList(**{**_fields(whole), "items": ()})
    assert Reading.counted(opened.head, opened.counts) == Reading.of(whole)
    digest = ContentDigest(whole.meta)
    for item in whole.items:
        digest.add(item)
    assert opened.digest == digest.hexdigest()
    return opened


def _fields(plist: PowerList) -> dict[str, object]:
    return {name: getattr(plist, name) for name in PowerList.__slots__}


def _text_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".md", ".txt", ".csv", ".tsv"))


def test_real_lists_read_in_batches_are_read_whole() -> None:
    files = _text_files(shared_path("realworld")) + _text_files(shared_path("seeds"))
    samples = resources.files("extractors") / "samples"
    files += sorted(Path(str(p)) for p in samples.iterdir() if p.name.endswith((".txt", ".md")))
    streamed = [path for path in files if _same(path) is not None]
    assert len(streamed) >= 3  # the pipe tables among them, read in batches


@pytest.mark.parametrize("fmt", ["md", "csv"])
def test_generated_list_in_batches(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"list.{fmt}"
    WRITERS[fmt](path, rows(3_000))
    opened = _same(path, size=700)
    assert opened is not None and opened.counts.items == 3_000


def test_tables_written_many_ways(tmp_path: Path) -> None:
    """Continuation rows, sections, sub-items, a repeated header, a further table with a column
    the first has not, a date after the table, blank rows, a wrapped row: the same either way."""
    text = "\n".join(
        [
            "某县市场监管局权责清单",
            "| 序号 | 职权类型 | 职权名称 | 子项 | 实施主体 |",
            "|---|---|---|---|---|",
            "| 一、行政处罚 | | | | |",
            "| 1 | 行政处罚 | 对违法行为的处罚 | | 县市场监管局 |",
            "| | | 续写的名称 | | |",
            "",
            "| 2 | 行政检查 | 对经营者的检查 | 现场检查 | 县市场监管局 |",
            "| | | | 抽样检查 | |",
            "| 3 | 行政许可 | 食品经营许可 | | 县市场监管局 |",
            "| 序号 | 职权类型 | 职权名称 | 子项 | 实施主体 |",
            "| 4 | 行政确认 | 对某事项的确认",
            "| 5 | 其他 | 名称五 | | 县市场监管局 |",
            "| 序号 | 职权名称 | 法定期限 | 服务电话 |",
            "| 6 | 名称六 | | 20个工作日 |",
            "",
            "日期：2024-05-06",
        ]
    )
    path = tmp_path / "list.md"
    path.write_text(text, encoding="utf-8")
    assert _same(path, size=1) is not None


def test_a_file_changed_between_the_readings_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    WRITERS["csv"](path, rows(50))
    opened = open_list(path, min_bytes=0)
    assert isinstance(opened, ListStream)
    changed = opened.text.replace("（7）", "（七）")
    with pytest.raises(InputError, match="changed while it was read"):
        list(ListStream(**{**_fields_of(opened), "text": changed}).batches())


def _fields_of(stream: ListStream) -> dict[str, object]:
    return {name: getattr(stream, name) for name in ListStream.__slots__}


@settings(max_examples=80, deadline=None, derandomize=True)
@given(
    name=st.sampled_from(["list.md", "list.csv", "list.tsv"]),
    ends=st.sampled_from(["\n", "\r", "\r\n", "mixed"]),
    raw=st.lists(_BYTES, max_size=2),
)
def test_mutated_files_read_in_batches_are_read_whole(
    name: str, ends: str, raw: list[tuple[Callable[..., bytes], object]]
) -> None:
    """Cut, flipped, NULs, stray bytes, every kind of line end: either way the same list or the
    same one-line error."""
    text = TEXT_SEEDS[name].decode()
    text = _line_ends(text, ends) if ends != "\n" else text
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(_apply(text.encode(), raw))
        _same(path, size=2)
