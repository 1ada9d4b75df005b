"""Reading speed and memory of the list readers on large generated lists (issue: ≥ 5 k items/s).

Writes a 100 k-item Markdown list and a 100 k-item XLSX workbook made from the rows of the
embedded 达孜区 sample, reads each with ``read_list`` and prints items/s and peak memory; then
reads many small files in turn to show that memory does not grow with the number of files.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from importlib.resources import files
from pathlib import Path

from openpyxl import Workbook

from bench.memory import current_rss_mb, peak_rss_mb
from extractors.read import read_list

HEADER = (
    "序号",
    "职权类型",
    "职权编码",
    "职权名称",
    "职权依据",
    "责任事项",
    "追责情形",
    "追责依据",
    "行使主体",
)


def sample_rows() -> list[tuple[str, ...]]:
    """The cells of the embedded Markdown sample, as templates for generated rows."""
    sample = files("extractors") / "samples" / "000_814c7fb49acd7d24.txt"
    plist = read_list(str(sample))
    return [
        (
            item.type or "",
            item.code or "",
            item.name or "",
            item.basis or "",
            item.responsibility or "",
            item.accountability or "",
            item.accountability_basis or "",
            item.department or "",
        )
        for item in plist.items
    ]


def generated_rows(n: int) -> list[tuple[str, ...]]:
    """``n`` rows cycling through the sample's rows, each with its own serial and name."""
    templates = sample_rows()
    rows = []
    for i in range(n):
        t = templates[i % len(templates)]
        rows.append((str(i + 1), t[0], f"{t[1]}-{i}", f"{t[2]}（{i}）", *t[3:]))
    return rows


def markdown_cell(text: str) -> str:
    """A Markdown table cell: line breaks as <br>, pipes escaped."""
    return text.replace("|", "｜").replace("\n", "<br>")


def write_markdown(path: Path, rows: list[tuple[str, ...]]) -> None:
    """A pipe table with the sample's header."""
    with path.open("w", encoding="utf-8") as out:
        out.write("| " + " | ".join(HEADER) + " |\n")
        out.write("|" + "---|" * len(HEADER) + "\n")
        for row in rows:
            out.write("| " + " | ".join(markdown_cell(c) for c in row) + " |\n")


def write_xlsx(path: Path, rows: list[tuple[str, ...]]) -> None:
    """A workbook with a title row above the header, written in streaming mode."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("权责清单")
    sheet.append(["某县医疗保障局权责清单"])
    sheet.append(list(HEADER))
    for row in rows:
        sheet.append(list(row))
    book.save(path)


def time_read(path: Path) -> tuple[int, float]:
    """Items read and seconds taken."""
    start = time.perf_counter()
    items = len(read_list(path).items)
    return items, time.perf_counter() - start


def main(argv: list[str] | None = None) -> None:
    """Print items/s for a large Markdown and XLSX list, and memory over many files."""
    parser = argparse.ArgumentParser(prog="python -m bench.readers")
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--files", type=int, default=200)
    args = parser.parse_args(argv)
    rows = generated_rows(args.items)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, writer in (("list.md", write_markdown), ("list.xlsx", write_xlsx)):
            path = folder / name
            writer(path, rows)
            size = path.stat().st_size / 2**20
            items, seconds = time_read(path)
            print(
                f"{name:10s} {items:>7d} items  {size:7.1f} MiB  {seconds:6.2f} s  "
                f"{items / seconds:>8,.0f} items/s  peak RSS {peak_rss_mb():,.0f} MiB",
                flush=True,
            )
        small = folder / "small.md"
        write_markdown(small, rows[:300])
        marks = {1, 10, args.files // 2, args.files}
        for i in range(1, args.files + 1):
            read_list(small)
            if i in marks:
                print(
                    f"after {i:>4d} files of 300 items: RSS {current_rss_mb():,.0f} MiB", flush=True
                )


if __name__ == "__main__":
    main()
