"""The grammar's compiled patterns kept between processes (extractors.citing.patterns): read
back they match as freshly compiled ones do; a damaged, stale or unwritable cache is never an
error, only a slower start."""

from __future__ import annotations

import marshal
import re
from pathlib import Path

import pytest

from extractors.citing.patterns import CACHE_ENV, _Cache
from tests.processes import json_printed

#: Compiled the way the grammar compiles: named groups, a flag, a large class of characters.
TEXTS = (
    r"(?P<di>第)?\s*(?P<n>[0-9０-９零〇一二三四五六七八九十百千万]+)\s*条",
    r"[\u4e00-\u9fff]{1,16}?\s*[〔\[【(（]\s*[0-9]{4}\s*[〕\]】)）]\s*第?\s*[0-9]+号",
)
SAMPLE = "依据《社会保险法》第八十七条、第 88 条及国办发〔2019〕12号的规定"

#: A process that reads a few references and says what it found and how many patterns it compiled.
_READ = """
import json, sys
from extractors.citing.cite import get_citations
from extractors.citing.patterns import compiled_here
refs = ["《社会保险法》第八十七条第二款", "社会救助暂行办法第五十七条、第五十八条",
        "《中华人民共和国行政处罚法》第三十二条"]
found = [[c.to_json() for c in get_citations(ref)] for ref in refs]
print(json.dumps({"found": found, "compiled": compiled_here()}))
"""


def _read_in_process(cache: Path | str) -> dict:
    return json_printed(_READ, {CACHE_ENV: str(cache)})


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert (a.pattern, a.flags, a.groupindex, a.groups) == (
        b.pattern,
        b.flags,
        b.groupindex,
        b.groups,
    )
    assert [m.groupdict() for m in a.finditer(SAMPLE)] == [
        m.groupdict() for m in b.finditer(SAMPLE)
    ]
    assert [m.span() for m in a.finditer(SAMPLE)] == [m.span() for m in b.finditer(SAMPLE)]


def test_a_pattern_read_back_matches_as_a_fresh_one(tmp_path: Path) -> None:
    where = tmp_path / "patterns.marshal"
    first = _Cache(where)
    made = [first.pattern(text, flags) for text in TEXTS for flags in (0, re.S)]
    assert first.missed == 4
    first.save()
    again = _Cache(where)
    read = [again.pattern(text, flags) for text in TEXTS for flags in (0, re.S)]
    assert again.missed == 0
    for fresh, cached, text in zip(made, read, [t for t in TEXTS for _ in (0, 1)], strict=True):
        _same(fresh, cached)
        _same(re.compile(text, fresh.flags & re.S), cached)


def test_a_second_process_compiles_nothing_and_reads_alike(tmp_path: Path) -> None:
    where = tmp_path / "cache" / "patterns.marshal"
    first = _read_in_process(where)
    second = _read_in_process(where)
    uncached = _read_in_process("")  # the cache turned off: re.compile
    assert first["compiled"] > 50 and where.is_file()
    assert second["compiled"] == 0
    assert uncached["compiled"] is None
    assert first["found"] == second["found"] == uncached["found"]
    assert all(first["found"])


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"\x00garbage\xff", id="garbage"),
        pytest.param(marshal.dumps([1, 2, 3]), id="not-a-mapping"),
    ],
)
def test_a_damaged_cache_is_ignored_and_rewritten(tmp_path: Path, damage: bytes) -> None:
    where = tmp_path / "patterns.marshal"
    where.write_bytes(damage)
    found = _read_in_process(where)
    assert found["compiled"] > 50
    assert found["found"] == _read_in_process("")["found"]
    assert _read_in_process(where)["compiled"] == 0  # rewritten whole


def test_an_entry_the_engine_refuses_is_compiled_afresh(tmp_path: Path) -> None:
    where = tmp_path / "patterns.marshal"
    text = TEXTS[0]
    where.write_bytes(marshal.dumps({(text, 0): (0, [999_999, 1, 2], 0, {}, ())}))
    cache = _Cache(where)
    _same(cache.pattern(text, 0), re.compile(text))
    assert cache.missed == 1


def test_a_cache_that_cannot_be_written_is_no_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    where = blocker / "patterns.marshal"  # its folder is a file: nothing can be written there
    found = _read_in_process(where)
    assert found["compiled"] > 50 and not where.exists()
    assert found["found"] == _read_in_process("")["found"]


def test_the_cache_keeps_older_entries_only_up_to_its_bound(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    where = tmp_path / "patterns.marshal"
    older = _Cache(where)
    for n in range(3):
        older.pattern(f"old{n}", 0)
    older.save()
    monkeypatch.setattr("extractors.citing.patterns.MAX_ENTRIES", 4)
    newer = _Cache(where)
    newer.pattern("new", 0)
    newer.save()  # 4 entries: the older ones kept (another program may ask for them)
    assert len(_Cache(where).read) == 4
    newest = _Cache(where)
    newest.pattern("newest", 0)
    newest.save()  # 5 would be past the bound: only what this process used
    assert set(_Cache(where).read) == {("newest", 0)}
