"""The law registry: every entry's examples resolve to it; the schema holds; jieba's dictionary is
generated from it."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import jieba
import pytest

from extractors import get_citations
from extractors.citing.lawdb import (
    RANKS,
    LawEntry,
    Registry,
    TextVersion,
    load_registry,
    merge,
    read_registry,
    title_key,
    write_jieba_dict,
)

REGISTRY = load_registry()
_TEXT = TextVersion("2020-01-01", None, False, 10, 10)
#: The hand entries alone (``laws.json``), before the generated catalogue is merged in.
HAND = read_registry(Path(str(files("extractors").joinpath("data/laws.json"))))
EXAMPLES = [
    pytest.param(entry, example, id=f"{entry.id}-{i}")
    for entry in REGISTRY.entries
    for i, example in enumerate(entry.examples)
]


def test_registry_is_large_enough() -> None:
    assert len(REGISTRY.entries) >= 80


@pytest.mark.parametrize(("entry", "example"), EXAMPLES)
def test_example_resolves_to_entry(entry: object, example: str) -> None:
    cites = get_citations(example)
    assert cites, f"no citation found in {example!r}"
    assert cites[0].law == entry.title  # type: ignore[attr-defined]
    # the citation carries its resolution: nothing downstream looks the title up again
    assert cites[0].law_id == entry.id  # type: ignore[attr-defined]
    assert cites[0].in_registry


@pytest.mark.parametrize("entry", HAND.entries, ids=lambda e: e.id)
def test_entry_schema(entry: object) -> None:
    assert entry.rank in RANKS  # type: ignore[attr-defined]
    assert entry.examples  # type: ignore[attr-defined]
    assert entry.id.isascii()  # type: ignore[attr-defined]
    for v in entry.versions:  # type: ignore[attr-defined]
        assert len(v.date) == 10 and v.date[4] == "-" and v.date[7] == "-"
    for doc in entry.doc_numbers:  # type: ignore[attr-defined]
        assert "[" not in doc and "【" not in doc


def test_shared_alias_is_ambiguous_and_not_guessed() -> None:
    (c,) = get_citations("《处分条例》第二十条")
    assert c.law == "处分条例" and not c.in_registry and c.law_id is None
    assert any("ambiguous" in w for w in c.warnings)


def test_title_key_folds_width_marks_and_space() -> None:
    assert title_key("实施<中华人民共和国社会保险法>若干规定") == title_key(
        "实施《中华人民共和国 社会保险法》若干规定"
    )


def test_bad_rank_is_rejected_with_the_options(tmp_path: Path) -> None:
    path = tmp_path / "laws.json"
    bad = {"laws": [{"id": "x", "title": "某条例", "aliases": [], "rank": "法令", "issuer": ""}]}
    path.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValueError, match=r"法令.*行政法规"):
        read_registry(path)


def test_duplicate_id_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "laws.json"
    entry = {"id": "x", "title": "某条例", "rank": "行政法规"}
    path.write_text(json.dumps({"laws": [entry, entry]}, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValueError, match="duplicate id"):
        read_registry(path)


def test_jieba_dictionary_is_generated_from_the_registry(tmp_path: Path) -> None:
    path = tmp_path / "laws.txt"
    n = write_jieba_dict(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert n == len(lines)
    words = {line.split()[0] for line in lines}
    for entry in REGISTRY.entries:
        assert entry.title.replace(" ", "") in words
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(path))
    assert "中华人民共和国基本医疗卫生与健康促进法" in tokenizer.lcut(
        "依据中华人民共和国基本医疗卫生与健康促进法第一百零四条"
    )


def test_a_chapter_heading_after_a_registry_law_carries_its_registry_id() -> None:
    cites = get_citations("《中华人民共和国行政处罚法》。\n第六章 法律责任")
    assert [(c.chapter, c.law_id) for c in cites if c.chapter] == [(6, "xingzheng-chufa-fa")]


def test_hand_entries_are_merged_with_the_catalogue_and_win() -> None:
    shebao = REGISTRY.by_id("shehui-baoxian-fa")
    assert shebao is not None and shebao.examples and shebao.doc_numbers  # the hand entry's own
    text = shebao.text_for(None)
    assert text is not None and text.last_article == 98 and not text.expired
    # a hand entry the catalogue knows keeps its id: the catalogue adds no second entry
    assert [e.id for e in REGISTRY.lookup("中华人民共和国社会保险法")] == ["shehui-baoxian-fa"]
    matched = [e for e in HAND.entries if REGISTRY.by_id(e.id).texts]  # type: ignore[union-attr]
    assert len(matched) >= 90
    # every hand entry keeps its title, rank and examples after the merge
    for hand in HAND.entries:
        merged = REGISTRY.by_id(hand.id)
        assert merged is not None
        assert (merged.title, merged.rank, merged.examples) == (
            hand.title,
            hand.rank,
            hand.examples,
        )
        assert set(hand.aliases) <= set(merged.aliases)


def test_generated_entries_are_known_by_their_official_title() -> None:
    (entry,) = REGISTRY.lookup("个人信息保护法")
    assert entry.id == entry.title == "中华人民共和国个人信息保护法" and entry.rank == "法律"
    assert entry.texts[-1].articles == 74
    assert len(REGISTRY.entries) >= 3300


def test_an_alias_that_is_another_title_is_dropped() -> None:
    hand = LawEntry("a", "某甲条例", (), "行政法规", "")
    gen = LawEntry("某乙条例", "某乙条例", ("某甲条例",), "行政法规", "", texts=(_TEXT,))
    merged = merge([hand], [gen])
    assert [e.aliases for e in merged] == [(), ()]
    assert [e.id for e in Registry(merged).lookup("某甲条例")] == ["a"]


def test_registry_loads_fast_in_a_fresh_process() -> None:
    # the target is < 0.2 s (bench registry prints the figure); this bound is generous for CI
    code = (
        "import time; t = time.perf_counter(); "
        "from extractors.citing.lawdb import load_registry; load_registry(); "
        "print(time.perf_counter() - t)"
    )
    took = float(
        subprocess.run(
            [sys.executable, "-W", "ignore", "-c", code], capture_output=True, text=True, check=True
        ).stdout
    )
    assert took < 1.0
