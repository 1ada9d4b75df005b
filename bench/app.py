"""Measures how long the workbench takes to answer its pages on a store where many items cite
one article (the crowd an analyst asks about first).

Run with ``.venv/bin/python -m bench.app [--lists 10] [--items 300]``; it prints the figures.
Each list is a CSV whose every item cites 社会保险法第八十七条 (设定依据) and one other article
(追责依据); the pages are asked in-process (Starlette's TestClient), so the figures are the
app's own time, without a browser.
"""

from __future__ import annotations

import argparse
import csv
import tempfile
import time
from pathlib import Path

from starlette.testclient import TestClient

from graph.app.pipeline import build_files
from graph.web.app import create_app

PAGES = (
    "/",
    "/article?ref=社会保险法第八十七条",
    "/article?ref=社会保险法第八十七条&format=xlsx",
    "/law?ref=社会保险法",
    "/graph/article?ref=社会保险法第八十七条",
    "/graph/law?ref=社会保险法",
    "/graph/everything",
    "/item?ref=county1.csv%235",
)


def crowded_lists(folder: Path, lists: int, items: int) -> list[Path]:
    """``lists`` CSV lists of ``items`` items, each citing 第八十七条 and one other article."""
    paths = []
    for n in range(lists):
        path = folder / f"county{n}.csv"
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(["序号", "事项名称", "职权类型", "实施主体", "设定依据", "追责依据"])
            for row in range(1, items + 1):
                writer.writerow(
                    [
                        row,
                        f"对第{row}类行为的处罚",
                        "行政处罚",
                        f"县{n}医保局",
                        "《中华人民共和国社会保险法》第八十七条",
                        f"《中华人民共和国社会保险法》第{row % 98 + 1}条",
                    ]
                )
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lists", type=int, default=10)
    parser.add_argument("--items", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        build_files(crowded_lists(folder, args.lists, args.items), folder / "store")
        print(
            f"store: {args.lists} lists × {args.items} items built in "
            f"{time.perf_counter() - started:.1f} s"
        )
        with TestClient(create_app(folder / "store"), base_url="http://127.0.0.1") as client:
            for page in PAGES:
                started = time.perf_counter()
                response = client.get(page)
                took = time.perf_counter() - started
                print(
                    f"{took:6.2f} s  {len(response.content) / 1e6:6.2f} MB  "
                    f"{response.status_code}  {page}"
                )


if __name__ == "__main__":
    main()
