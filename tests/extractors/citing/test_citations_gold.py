"""The seed lists' citations, read with the list reader, match the hand-checked gold file exactly
(the scorer's key: source, row, field, normalised law, article, paragraph, item, point)."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from importlib import resources

from extractors import read_list
from extractors.citing.cite import cite_items
from tests.shared import shared_path

SAMPLES = resources.files("extractors") / "samples"
SEEDS = [str(SAMPLES / "000_814c7fb49acd7d24.txt"), str(SAMPLES / "001_6c98652daac37f2e.txt")]
FOLD = str.maketrans({"《": "〈", "》": "〉", "<": "〈", ">": "〉", "(": "（", ")": "）"})

Key = tuple[object, ...]


def key(c: dict[str, object]) -> Key:
    law = c.get("law")
    if isinstance(law, str):
        law = re.sub(r"\s+", "", unicodedata.normalize("NFKC", law)).translate(FOLD).strip("〈〉")
    provision = tuple(c.get(k) for k in ("article", "paragraph", "item", "point"))
    return (str(c["source"]).rsplit("/", 1)[-1], str(c["row"]), c["field"], law, *provision)


def test_seed_citations_match_gold() -> None:
    gold_file = shared_path("gold", "seed_citations.jsonl")
    gold = Counter(
        key(json.loads(line)) for line in gold_file.read_text(encoding="utf-8").splitlines() if line
    )
    got = Counter(key(c.to_json()) for path in SEEDS for c in cite_items(read_list(path).items))
    assert sorted((gold - got).elements(), key=str) == []  # missed
    assert sorted((got - gold).elements(), key=str) == []  # spurious


def test_seed_citation_kinds_match_gold() -> None:
    gold_file = shared_path("gold", "seed_citations.jsonl")
    gold = {
        key(d): d["kind"]
        for d in map(json.loads, gold_file.read_text(encoding="utf-8").splitlines())
    }
    got = {key(c.to_json()): c.citation.kind for p in SEEDS for c in cite_items(read_list(p).items)}
    assert {k: (v, got.get(k)) for k, v in gold.items() if got.get(k) != v} == {}
