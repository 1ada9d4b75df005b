"""Measures how long a 2,000-node view takes to build in Python and to draw first in Chromium.

Run with ``.venv/bin/python -m bench.views [--nodes 2000] [--runs 3]``; it prints the figures.
The graph is synthetic (made-up lists, laws and authorities) and goes through the real build
and view code; Chromium is Debian's /usr/bin/chromium driven by Playwright.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from bench.chromium import launch_chromium
from extractors.models import CellCitation, Citation, ListMeta, PowerItem, PowerList
from graph.build.build import build_graph
from graph.views.write import build_view, render_view

_NUMERALS = "一二三四五六七八九十"


def _numeral(n: int) -> str:
    """Chinese numeral for 1..99 (第二十三条)."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _NUMERALS[tens - 1] + "十")
    return head + (_NUMERALS[ones - 1] if ones else "")


def synthetic_lists(
    lists: int = 10, items: int = 120, laws: int = 40, seed: int = 7
) -> tuple[list[PowerList], list[CellCitation]]:
    """Made-up power lists whose items cite articles of made-up laws, with their citations."""
    rng = random.Random(seed)
    titles = [f"示例管理条例{n:02d}" for n in range(laws)]
    out_lists, citations = [], []
    for n in range(lists):
        source = f"{n:03d}_synthetic.txt"
        region = f"示例县{n:02d}"
        departments = [f"{region}{name}" for name in ("医保局", "人社局", "市场监管局", "卫健委")]
        plist_items = []
        for row in range(1, items + 1):
            cited = []
            for field in ("basis", "accountability_basis"):
                parts = []
                for _ in range(rng.randint(1, 3) if field == "basis" else 1):
                    law = rng.choice(titles[: laws // 2] if field == "basis" else titles)
                    article = rng.randint(1, 20)
                    parts.append((law, article, f"《{law}》第{_numeral(article)}条"))
                cited.append((field, parts))
            cells = {field: "、".join(p[2] for p in parts) for field, parts in cited}
            plist_items.append(
                PowerItem(
                    source=source,
                    row=str(row),
                    line=row + 2,
                    name=f"对示例事项{n:02d}-{row:03d}的{rng.choice(['处罚', '检查', '确认'])}",
                    type=rng.choice(["行政处罚", "行政检查", "行政确认"]),
                    department=rng.choice(departments),
                    **cells,  # type: ignore[arg-type]
                )
            )
            for field, parts in cited:
                offset = 0
                for law, article, text in parts:
                    start = cells[field].index(text, offset)
                    offset = start + len(text)
                    citation = Citation(text, start, offset, law, "explicit", article=article)
                    citations.append(CellCitation(source, str(row), field, citation))
        meta = ListMeta(title=f"{region}权责清单", region=region, date="2024")
        out_lists.append(PowerList(source, "txt", "utf-8", meta, tuple(plist_items), (), items))
    return out_lists, citations


def synthetic_store(nodes: int = 2000) -> ox.Store:
    """An in-memory store whose whole-store view has a little more than ``nodes`` nodes."""
    lists = max(1, nodes // 200)
    power_lists, citations = synthetic_lists(lists=lists, items=max(1, (nodes * 6 // 10) // lists))
    store = ox.Store()
    build_graph(power_lists, store, citations=citations)
    return store


def first_draw_ms(page_path: Path) -> tuple[float, float]:
    """(ms from navigation start to vis-network's first drawing, wall ms until then)."""
    with launch_chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        start = time.perf_counter()
        page.goto(page_path.resolve().as_uri())
        page.wait_for_function("window.quanzeView && window.quanzeView.firstDrawMs !== null")
        wall = (time.perf_counter() - start) * 1000
        drawn = float(page.evaluate("window.quanzeView.firstDrawMs"))
    return drawn, wall


def main() -> None:
    """Build the synthetic view, write it, and time its first draw in Chromium."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    t0 = time.perf_counter()
    store = synthetic_store(args.nodes)
    t1 = time.perf_counter()
    view = build_view(store, everything=True, max_nodes=args.nodes)
    t2 = time.perf_counter()
    page = render_view(view)
    t3 = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench-view.html"
        path.write_text(page, encoding="utf-8")
        print(f"view: {view.summary()}, page {len(page.encode()) / 1e6:.2f} MB")
        print(
            f"python: store {t1 - t0:.2f} s, select {t2 - t1:.2f} s, layout+render {t3 - t2:.2f} s"
        )
        draws = [first_draw_ms(path) for _ in range(args.runs)]
    for drawn, wall in draws:
        print(f"chromium first draw: {drawn:.0f} ms after navigation start ({wall:.0f} ms wall)")
    print(
        f"median first draw: {statistics.median(d for d, _ in draws) / 1000:.2f} s (target ≤ 3 s)"
    )


if __name__ == "__main__":
    main()
