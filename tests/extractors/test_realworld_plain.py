"""The text files of ``../shared/realworld`` and the seed lists read as plain text (``quanze extract
--plain``: one cell per file, no reader), scored by the official scorer at document level
(``bench.realworld --plain``). Floors sit at today's scores: a change that loses citations in plain
mode fails here; raise a floor when a change gains. Without ``../shared`` the test is skipped, and
fails under ``CI=true``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.realworld import PlainScore, score_plain
from extractors.citing.cite import cite_text
from extractors.reading.read import read_text
from tests.shared import shared_path

#: The whole set read as plain text (issue #21: ≥ 0.97), and each file with gold citations.
TOTAL_FLOOR = 0.99
FILE_FLOOR = 0.96
#: The seed lists read as plain text (0.83 before the rules of docs/citations.md, "Plain text").
SEEDS_FLOOR = 1.0


@pytest.fixture(scope="module")
def plain() -> tuple[list[PlainScore], float]:
    return score_plain(Path(shared_path("realworld")))


def test_the_set_as_plain_text(plain: tuple[list[PlainScore], float]) -> None:
    assert plain[1] >= TOTAL_FLOOR


def test_each_text_file_as_plain_text(plain: tuple[list[PlainScore], float]) -> None:
    low = {s.source: s.citation_f1 for s in plain[0] if (s.citation_f1 or 1.0) < FILE_FLOOR}
    assert not low


def test_the_seeds_as_plain_text(tmp_path: Path) -> None:
    seeds = Path(shared_path("seeds"))
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        for f in sorted(seeds.iterdir()):
            for c in cite_text(f.name, read_text(f)):
                out.write(json.dumps(c.to_json(), ensure_ascii=False) + "\n")
    scorer = Path(shared_path("eval", "score.py"))
    gold = Path(shared_path("gold", "seed_citations.jsonl"))
    run = subprocess.run(
        [sys.executable, str(scorer), "citations", str(gold), str(pred), "--level", "doc"],
        capture_output=True,
        text=True,
        check=True,
    )
    f1 = float(run.stdout.strip().splitlines()[-1].split()[0].split("=")[1])
    assert f1 >= SEEDS_FLOOR
