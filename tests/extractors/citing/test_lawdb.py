"""The law registry: every entry's examples resolve to it; the schema holds; jieba's dictionary is
generated from it."""

from __future__ import annotations

import json
from pathlib import Path

import jieba
import pytest

from extractors import get_citations
from extractors.citing.lawdb import RANKS, load_registry, read_registry, title_key, write_jieba_dict

REGISTRY = load_registry()
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


@pytest.mark.parametrize("entry", REGISTRY.entries, ids=lambda e: e.id)
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
