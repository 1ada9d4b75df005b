"""The law registry's indexes kept between processes (extractors.registry.cache, read by
extractors.citing.lawdb.load_registry): read back they answer every lookup as the registry built
from its JSON files does; a changed source, a damaged or unwritable file is never an error, and
processes writing it at once leave a whole file."""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest

from extractors.citing import lawdb
from extractors.citing.lawdb import _from_cache, _merged, _to_cache, title_key
from extractors.registry.cache import CACHE_ENV, cache_key, read_cache, write_cache
from tests.processes import json_printed

ROOT = Path(lawdb.__file__).resolve().parent.parent  # the extractors package


def _data(name: str) -> bytes:
    return (ROOT / "data" / name).read_bytes()


@pytest.fixture(scope="module")
def built() -> lawdb.Registry:
    return _merged(_data("laws.json"), _data("catalogue.json"))


@pytest.fixture(scope="module")
def cached(built: lawdb.Registry, tmp_path_factory: pytest.TempPathFactory) -> lawdb.Registry:
    where = tmp_path_factory.mktemp("registry") / "registry.marshal"
    assert write_cache(where, "k", _to_cache(built))
    kept = read_cache(where, "k")
    assert kept is not None
    return _from_cache(kept)


def test_every_key_finds_the_same_entries(built: lawdb.Registry, cached: lawdb.Registry) -> None:
    names = list(built.names())
    assert len(names) > 4000
    for name in names:
        assert cached.lookup(name) == built.lookup(name), name
        assert cached.longest_suffix("依据" + name) == built.longest_suffix("依据" + name)
    for entry in built.entries:
        assert cached.by_id(entry.id) == entry
        key = title_key(entry.title)
        for cut in (2, 3, 6):  # a title after its place, after its issuer: the same candidates
            assert cached.local_namesakes(key[cut:]) == built.local_namesakes(key[cut:])
        if "关于" in key:
            subject = key[key.index("关于") :]
            assert cached.by_subject(subject) == built.by_subject(subject)
    assert cached.entries == built.entries
    assert cached.ambiguous() == built.ambiguous()
    for typo in ("中华人民共和国行政许可", "工伤保险险条例", "社会保险险法"):
        assert cached.near(typo) == built.near(typo)
    assert cached.by_doc_number("主席令第25号") == built.by_doc_number("主席令第25号")


#: A process that loads the registry and says which source it came from and what it answers.
_READ = """
import json
from extractors.citing.lawdb import load_registry
reg = load_registry()
print(json.dumps({"cached": reg._rows != [], "found": [e.id for e in reg.lookup("社会保险法")],
                  "suffix": reg.longest_suffix("违反社会保险法"), "n": len(reg.entries)}))
"""


def _load_in_process(cache: Path | str) -> dict:
    return json_printed(_READ, {CACHE_ENV: str(cache)})


def test_a_second_process_reads_the_cache_and_answers_alike(tmp_path: Path) -> None:
    where = tmp_path / "cache" / "registry.marshal"
    first, second, uncached = (_load_in_process(c) for c in (where, where, ""))
    assert where.is_file()
    assert (first["cached"], second["cached"], uncached["cached"]) == (False, True, False)
    for answer in (first, second, uncached):
        answer.pop("cached")
    assert first == second == uncached
    assert first["found"] == ["shehui-baoxian-fa"] and first["suffix"] == "社会保险法"


def test_a_changed_source_is_another_key(tmp_path: Path) -> None:
    sources = [_data("laws.json"), _data("catalogue.json")]
    edited = json.loads(sources[0])
    edited["laws"][0]["aliases"].append("某某法")
    where = tmp_path / "registry.marshal"
    assert write_cache(where, cache_key(sources), {"x": 1})
    changed = [json.dumps(edited).encode(), sources[1]]
    assert read_cache(where, cache_key(changed)) is None
    assert read_cache(where, cache_key(sources)) == {"x": 1}


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"\x00garbage\xff", id="garbage"),
        pytest.param(None, id="right-key-wrong-content"),
    ],
)
def test_a_damaged_cache_is_ignored_and_rewritten(tmp_path: Path, damage: bytes | None) -> None:
    where = tmp_path / "registry.marshal"
    _load_in_process(where)
    if damage is None:  # the right key over content of another shape
        layout, right, _ = marshal.loads(where.read_bytes())
        where.write_bytes(marshal.dumps((layout, right, {"rows": [b"x"], "ids": {}})))
    else:
        where.write_bytes(damage)
    found = _load_in_process(where)
    assert found["cached"] is False and found["found"] == ["shehui-baoxian-fa"]
    assert _load_in_process(where)["cached"] is True  # rewritten whole


def test_a_cache_that_cannot_be_written_is_no_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    where = blocker / "registry.marshal"  # its folder is a file: nothing can be written there
    assert not write_cache(where, "k", {"x": 1})
    found = _load_in_process(where)
    assert found["cached"] is False and found["found"] == ["shehui-baoxian-fa"]
    assert not where.exists()


def test_processes_writing_at_once_leave_a_whole_file(tmp_path: Path) -> None:
    where = tmp_path / "registry.marshal"
    env = {**os.environ, CACHE_ENV: str(where)}
    running = [
        subprocess.Popen(
            [sys.executable, "-W", "ignore", "-c", _READ], stdout=subprocess.PIPE, env=env
        )
        for _ in range(4)
    ]
    outputs = [json.loads(p.communicate()[0]) for p in running]
    assert all(o["found"] == ["shehui-baoxian-fa"] for o in outputs)
    assert _load_in_process(where)["cached"] is True
    assert [p.name for p in tmp_path.iterdir()] == ["registry.marshal"]  # no temporary left
