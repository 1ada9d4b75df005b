"""Time of ``quanze audit`` on 100k citations (issue #22: ≤ 60 s on the reference machine).

Generates power lists citing real laws of ``../shared/lawtexts`` (their official titles, article
numbers and texts read with the one parser, ``extractors.lawtext``): per item a legal basis that
quotes its article after a colon (most quotes faithful, some with characters changed, some the
text of another article, a few articles past the last, a few with a version note) and an
accountability basis citing an article of the same law. Builds them with ``quanze build``,
imports the texts with ``quanze laws import``, then times the audit alone (in this process, as
``quanze audit`` runs it) and prints the findings by kind.

    python -m bench.audit                      # 100k citations (500 lists of 100 items)
    python -m bench.audit --lists 50           # 10k citations
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from extractors.citing.numerals import to_chinese
from extractors.lawtext.model import LawText
from extractors.lawtext.parse import read_law_text

LAWTEXTS = Path(__file__).resolve().parent.parent.parent / "shared" / "lawtexts"
#: Laws cited: national laws and regulations that power lists cite, each in its latest text.
LAWS = (
    "行政法/行政处罚法(2021-01-22).md",
    "社会法/社会保险法(2018-12-29).md",
    "行政法/行政许可法(2019-04-23).md",
    "行政法/行政强制法(2011-06-30).md",
    "社会法/安全生产法(2021-06-10).md",
    "行政法/药品管理法(2019-08-26).md",
    "行政法/消防法(2021-04-29).md",
    "行政法/公务员法(2018-12-29).md",
    "社会法/劳动法(2018-12-29).md",
    "社会法/劳动合同法(2012-12-28).md",
)
ITEMS_PER_LIST = 100
HEADER = ("序号", "事项名称", "事项类型", "设定依据", "追责依据")


def load_laws() -> list[LawText]:
    """The texts cited (those of ``LAWS`` the shared folder holds)."""
    found = [LAWTEXTS / name for name in LAWS if (LAWTEXTS / name).is_file()]
    if not found:
        raise SystemExit(f"no law texts under {LAWTEXTS}")
    return [read_law_text(path) for path in found]


def basis(rng: random.Random, law: LawText) -> tuple[str, str]:
    """A basis cell citing one article of ``law`` with a quote, and what it was made to be."""
    numbered = [a for a in law.articles if a.number is not None and a.suffix is None]
    article = rng.choice(numbered)
    head = f"《{law.title}》第{to_chinese(article.number or 1)}条"
    roll = rng.random()
    if roll < 0.04:
        return f"《{law.title}》第{to_chinese(law.last_article + rng.randint(1, 20))}条", "beyond"
    quote = article.paragraphs[0].text
    if roll < 0.12:
        chars = list(quote)
        for _ in range(2):
            i = rng.randrange(len(chars))
            chars[i] = "一" if chars[i] != "一" else "二"
        return f"{head}：{''.join(chars)}", "differs"
    if roll < 0.17:
        other = rng.choice(numbered)
        return f"{head}：{other.paragraphs[0].text}", "other"
    if roll < 0.20:
        return f"《{law.title}》（2014修正）第{to_chinese(article.number or 1)}条：{quote}", "note"
    return f"{head}：{quote}", "faithful"


def write_list(path: Path, rng: random.Random, laws: list[LawText], n: int) -> Counter[str]:
    """One Markdown list of ``n`` items; returns what its basis cells were made to be."""
    made: Counter[str] = Counter()
    year = rng.randint(2015, 2025)
    lines = [
        f"某县某局权力清单（{n}）",
        f"日期:{year}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
        "",
    ]
    lines += ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    for i in range(n):
        law = rng.choice(laws)
        cell, kind = basis(rng, law)
        made[kind] += 1
        numbered = [a.number for a in law.articles if a.number is not None]
        blame = f"《{law.title}》第{to_chinese(rng.choice(numbered))}条"
        row = (str(i + 1), f"对违法行为的处罚（{i}）", "行政处罚", cell, blame)
        lines.append(
            "| " + " | ".join(c.replace("|", "｜").replace("\n", "<br>") for c in row) + " |"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return made


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.audit")
    parser.add_argument(
        "--lists", type=int, default=500, help="lists of 100 items (2 citations each)"
    )
    parser.add_argument("--seed", type=int, default=22)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    laws = load_laws()
    quanze = str(Path(sys.executable).with_name("quanze"))
    with tempfile.TemporaryDirectory() as tmp:
        folder, store = Path(tmp) / "lists", Path(tmp) / "store"
        folder.mkdir()
        made: Counter[str] = Counter()
        for n in range(args.lists):
            made += write_list(folder / f"list{n:04d}.md", rng, laws, ITEMS_PER_LIST)
        t0 = time.perf_counter()
        files = sorted(folder.glob("*.md"))
        subprocess.run(
            [quanze, "build", *map(str, files), "--store", str(store)],
            check=True,
            capture_output=True,
        )
        t1 = time.perf_counter()
        subprocess.run(
            [quanze, "laws", "import", str(LAWTEXTS), "--store", str(store)],
            check=True,
            capture_output=True,
        )
        t2 = time.perf_counter()
        from graph.audit.audit import audit_store
        from graph.store.open import open_store

        t3, cpu = time.perf_counter(), time.process_time()
        audit = audit_store(open_store(store, read_only=True))
        t4, cpu = time.perf_counter(), time.process_time() - cpu
        load = os.getloadavg()[0]
    kinds = Counter(f.kind for f in audit.findings)
    print(f"lists: {args.lists}, citations read: {audit.citations}, checked: {audit.checked}")
    print(f"basis cells made: {dict(sorted(made.items()))}")
    print(f"build {t1 - t0:.1f} s, laws import {t2 - t1:.1f} s")
    print(
        f"audit: {t4 - t3:.1f} s wall, {cpu:.1f} s CPU ({audit.citations / (t4 - t3):,.0f} "
        f"citations/s; load average {load:.1f} on {os.cpu_count()} cores); target ≤ 60 s for 100k"
    )
    print(f"findings: {len(audit.findings)} {dict(sorted(kinds.items()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
