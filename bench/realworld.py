"""Accuracy of the readers and the grammar on real power lists (``../shared/realworld``).

For every list of the development set: how it was read (format, items, rejects, or the error that
stopped it), item field accuracy and citation F1 (document level, through the readers), each
scored by the official scorer (``../shared/eval/score.py``), per file and in total.

Usage: python -m bench realworld [--plain]
       python -m bench.realworld [--dir DIR] [--json] [--plain]

``--plain`` scores the text files as plain text instead (``quanze extract --plain``: each file
one cell, no reader): per file and in total citation F1 (document level), the gold restricted to
the files that can be plain text (not the spreadsheets).

Text files of the set start with a ``# source: URL`` line that is not part of the page; it is
left out before reading, as the set's NOTES.md says.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Final

from extractors.citing.cite import cite_items, cite_text
from extractors.errors import QuanzeError
from extractors.reading.read import read_list, read_text

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
_SOURCE_LINE = b"# source:"
_LAST = re.compile(r"(?:accuracy|f1)=([0-9.]+)")


@dataclass(frozen=True, slots=True)
class FileScore:
    """What reading one list of the set gave, scored against its gold."""

    source: str
    read: str  # the format read, or the error that stopped it
    plausibility: float | None  # the reading's plausibility score (None when not read)
    items: int
    rejects: int
    citations: int
    gold_items: int
    gold_citations: int
    item_accuracy: float | None  # None when the file has no gold items
    citation_f1: float | None  # None when the file has no gold citations
    rows_accounted: bool = False  # rows seen = items + rejects + sections + blank rows


def list_files(folder: Path) -> list[Path]:
    """The lists of the set: every file but the gold files, notes and ``.source.txt`` beside
    binary lists."""
    skip = ("gold_", "NOTES")
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and not p.name.startswith(skip) and not p.name.endswith(".source.txt")
    )


def page_copy(path: Path, into: Path) -> Path:
    """The list as its page gave it: a text file without its ``# source:`` line."""
    data = path.read_bytes()
    if data.startswith(_SOURCE_LINE):
        data = data.split(b"\n", 1)[1] if b"\n" in data else b""
    copy = into / path.name
    copy.write_bytes(data)
    return copy


def _jsonl(path: Path, rows: Iterator[dict[str, object]] | list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def _citation_f1(gold: Path, pred: Path) -> float:
    """Doc-level citation F1 of ``pred`` against ``gold``, by the official scorer."""
    return _score("citations", gold, pred, "--level", "doc")


def _score(what: str, gold: Path, pred: Path, *extra: str) -> float:
    scorer = SHARED / "eval" / "score.py"
    run = subprocess.run(
        [sys.executable, str(scorer), what, str(gold), str(pred), *extra],
        capture_output=True,
        text=True,
        check=True,
    )
    match = _LAST.search(run.stdout.strip().splitlines()[-1])
    if match is None:
        raise RuntimeError(f"score.py printed no score: {run.stdout[-200:]}")
    return float(match.group(1))


def score_folder(folder: Path) -> tuple[list[FileScore], dict[str, float]]:
    """Per-file scores and the totals (item accuracy and citation F1 over the whole set)."""
    gold_items = [json.loads(line) for line in (folder / "gold_items.jsonl").open(encoding="utf-8")]
    gold_cites = [
        json.loads(line) for line in (folder / "gold_citations.jsonl").open(encoding="utf-8")
    ]
    scores: list[FileScore] = []
    all_items: list[dict[str, object]] = []
    all_cites: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for path in list_files(folder):
            copy = page_copy(path, work)
            try:
                plist = read_list(copy)
            except QuanzeError as exc:
                items: list[dict[str, object]] = []
                cites: list[dict[str, object]] = []
                # the message names the temporary copy: keep what follows "file:line: "
                why = str(exc).splitlines()[0].split(f"{copy}:", 1)[-1].split(": ", 1)[-1]
                how, rejects, plausible = f"error: {why.strip()}", 0, None
                accounted = False
            else:
                items = [i.to_json() for i in plist.items]
                cites = [c.to_json() for c in cite_items(plist.items, plist.meta.region)]
                how, rejects = plist.format, len(plist.rejects)
                accounted = plist.rows_seen == plist.rows_accounted()
                plausible = plist.plausibility.score if plist.plausibility else None
            all_items += items
            all_cites += cites
            mine_items = [g for g in gold_items if g["source"] == path.name]
            mine_cites = [g for g in gold_cites if g["source"] == path.name]
            accuracy = f1 = None
            if mine_items:
                accuracy = _score(
                    "items", _jsonl(work / "gi", mine_items), _jsonl(work / "pi", items)
                )
            if mine_cites:
                f1 = _citation_f1(_jsonl(work / "gc", mine_cites), _jsonl(work / "pc", cites))
            counts = (len(items), rejects, len(cites), len(mine_items), len(mine_cites))
            scores.append(FileScore(path.name, how, plausible, *counts, accuracy, f1, accounted))
        totals = {
            "item_accuracy": _score(
                "items", folder / "gold_items.jsonl", _jsonl(work / "ai", all_items)
            ),
            "citation_f1": _citation_f1(
                folder / "gold_citations.jsonl", _jsonl(work / "ac", all_cites)
            ),
            "files_not_read": sum(s.read.startswith("error") for s in scores),
        }
    return scores, totals


#: Lists that cannot be read as plain text (binary spreadsheets).
_BINARY: Final = (".xlsx", ".xls")


@dataclass(frozen=True, slots=True)
class PlainScore:
    """What reading one text file of the set as plain text gave, scored against its gold."""

    source: str
    citations: int
    gold_citations: int
    citation_f1: float | None  # None when the file has no gold citations


def score_plain(folder: Path) -> tuple[list[PlainScore], float]:
    """Per-file plain-text citation F1 and the total over the text files of the set."""
    gold = [
        row
        for row in (
            json.loads(line) for line in (folder / "gold_citations.jsonl").open(encoding="utf-8")
        )
        if not str(row["source"]).endswith(_BINARY)
    ]
    scores: list[PlainScore] = []
    everything: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for path in list_files(folder):
            if path.name.endswith(_BINARY):
                continue
            copy = page_copy(path, work)
            cites = [c.to_json() for c in cite_text(path.name, read_text(copy))]
            everything += cites
            mine = [g for g in gold if g["source"] == path.name]
            f1 = None
            if mine:
                f1 = _citation_f1(_jsonl(work / "gc", mine), _jsonl(work / "pc", cites))
            scores.append(PlainScore(path.name, len(cites), len(mine), f1))
        total = _citation_f1(_jsonl(work / "g", gold), _jsonl(work / "p", everything))
    return scores, total


def _print_plain(folder: Path, as_json: bool) -> None:
    scores, total = score_plain(folder)
    if as_json:
        print(json.dumps({"files": [asdict(s) for s in scores], "citation_f1": total}, indent=1))
        return
    print(f"{'file (as plain text)':46} {'cites':>9} {'cite F1':>8}")
    for s in scores:
        print(
            f"{s.source[:46]:46} {s.citations:>4}/{s.gold_citations:<4} {_cell(s.citation_f1):>8}"
        )
    print(f"total: {len(scores)} text file(s) as plain text; citation F1 (doc) {total:.4f}")


def _cell(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def main(argv: list[str] | None = None) -> int:
    """Print the per-file table and the totals; exit 1 when the set is not there."""
    parser = argparse.ArgumentParser(prog="python -m bench.realworld", description=__doc__)
    parser.add_argument("--dir", type=Path, default=SHARED / "realworld")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--plain", action="store_true", help="score the text files read as plain text"
    )
    args = parser.parse_args(argv)
    if not (args.dir / "gold_items.jsonl").is_file():
        print(f"no development set at {args.dir}")
        return 1
    if args.plain:
        _print_plain(args.dir, args.json)
        return 0
    scores, totals = score_folder(args.dir)
    if args.json:
        print(json.dumps({"files": [asdict(s) for s in scores], "totals": totals}, indent=1))
        return 0
    print(
        f"{'file':46} {'read':12} {'plaus':>5} {'items':>9} {'cites':>9} {'item acc':>8} "
        f"{'cite F1':>8}"
    )
    for s in scores:
        print(
            f"{s.source[:46]:46} {s.read[:12]:12} {_cell(s.plausibility, 2):>5} "
            f"{s.items:>4}/{s.gold_items:<4} "
            f"{s.citations:>4}/{s.gold_citations:<4} {_cell(s.item_accuracy):>8} "
            f"{_cell(s.citation_f1):>8}"
        )
        if s.read.startswith("error"):
            print(f"    {s.read[:120]}")
    print(
        f"total: {totals['files_not_read']:.0f} of {len(scores)} file(s) not read; "
        f"item accuracy {totals['item_accuracy']:.4f}; citation F1 (doc) "
        f"{totals['citation_f1']:.4f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
