"""The spreadsheet and HTML lists of ``../shared/realworld`` as departments published them: each
gives its items once (merged cells over step rows, rowspan over sub-items), and its citations
score at least a floor (document level, through the official scorer's key)."""

from __future__ import annotations

import importlib.util
import json
import shutil
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from extractors.citing.cite import cite_items
from extractors.reading.read import read_list
from tests.shared import shared_path

# file -> (format, citation F1 floor); the floors sit just under today's scores, so a change
# that loses citations fails here.
FILES = {
    "201_xinjiang_kelamayi_tjj.xlsx": ("xlsx", 0.94),
    "202_xinjiang_kelamayi_kjj.xls": ("xls", 0.97),
    "205_zhejiang_sheng_shipin_yaopin_choucha.html": ("html", 1.0),
    "207_xinjiang_kelamayi_jtysj.xlsx": ("xlsx", 0.56),
}


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", shared_path("eval", "score.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.LEVEL = "doc"
    return module


def _gold(name: str, kind: str) -> list[dict[str, object]]:
    path = shared_path("realworld", f"gold_{kind}.jsonl")
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    return [r for r in rows if r["source"] == name]


def _page(name: str, tmp_path: Path) -> Path:
    """The list as its page gave it (a text file without its ``# source:`` line)."""
    source = shared_path("realworld", name)
    copy = tmp_path / name
    data = source.read_bytes()
    if data.startswith(b"# source:"):
        copy.write_bytes(data.split(b"\n", 1)[1])
    else:
        shutil.copyfile(source, copy)
    return copy


@pytest.mark.parametrize("name", list(FILES))
def test_real_list_items_once_and_citations_over_floor(tmp_path: Path, name: str) -> None:
    fmt, floor = FILES[name]
    plist = read_list(_page(name, tmp_path))
    assert plist.format == fmt
    assert plist.rows_seen == plist.rows_accounted()
    gold_items = _gold(name, "items")
    # One item per power, with the gold's serial and name (white space aside: cells wrap).
    assert [(i.row, "".join((i.name or "").split())) for i in plist.items] == [
        (g["row"], "".join(str(g["name"]).split())) for g in gold_items
    ]
    score = _scorer()
    gold = Counter(score.key(c) for c in _gold(name, "citations"))
    got = Counter(score.key(c.to_json()) for c in cite_items(plist.items))
    hits, extra, missed = gold & got, got - gold, gold - got
    _, _, f1 = score.prf(sum(hits.values()), sum(extra.values()), sum(missed.values()))
    assert f1 >= floor, f"{name}: citation F1 {f1:.3f} under {floor}"
