"""The real lists of the development set in the other shapes the same lists are published in.

Departments publish one list as a spreadsheet, as the page it came from, as the PDF of either, as
a Word file, and as text copied out of any of these. This benchmark takes each spreadsheet and
HTML page of ``../shared/realworld`` and makes those shapes of it with the programs that make them
(LibreOffice: CSV in UTF-8 and in GB18030, ODS, XLS, XLSX, HTML, PDF; for a page, LibreOffice
Writer's DOCX, ODT and PDF, and Chromium's PDF), and lays each spreadsheet's cells out as the
text shapes the set's text files show (:data:`TEXT_SHAPES`). Each shape is read and scored
against the list's own gold, as ``bench.realworld`` scores the list (item accuracy and citation
F1 by the official scorer), so a shape read worse than its list says where a reader does not
generalise. A shape whose program is missing is said and left out.

Usage: python -m bench crossformat      (or python -m bench.crossformat [--dir DIR] [--json])
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Final

from bench.realworld import SHARED, _citation_f1, _jsonl, _score, list_files, page_copy
from extractors.citing.cite import cite_items
from extractors.errors import QuanzeError
from extractors.reading.formats.documents import office
from extractors.reading.read import read_list

#: LibreOffice's CSV export: comma, double quotes, UTF-8 (76), from the first row.
CSV_UTF8: Final = "Text - txt - csv (StarCalc):44,34,76,1"
#: LibreOffice Writer's HTML import (a page read as a document, not as a sheet).
WRITER_HTML: Final = "HTML (StarWriter)"

Grid = list[list[str]]


def _one_line(cell: str) -> str:
    """A cell as one run of text: its line breaks and spaces gone, as a page's text shows a
    cell wrapped by its column's width (the set's sheets wrap Chinese cells mid-word)."""
    return "".join(cell.split())


def _filled(row: list[str]) -> list[str]:
    return [_one_line(c) for c in row if c.strip()]


def _table_rows(grid: Grid) -> Grid:
    """The rows of two filled cells or more: the header and the items, not a title."""
    return [r for r in grid if len(_filled(r)) > 1]


def spaced(grid: Grid) -> str:
    """A row a line, its filled cells apart at one space (a page's table copied as text)."""
    return "\n".join(" ".join(_filled(r)) for r in grid)


def paragraphs(grid: Grid) -> str:
    """Each filled cell a paragraph, blank lines between (a page's cells as ``<p>``)."""
    return "\n\n".join("\n\n".join(_filled(r)) for r in grid if _filled(r))


def cell_lines(grid: Grid) -> str:
    """Each filled cell on a line of its own, no blank lines (a flattened page)."""
    return "\n".join(c for r in grid for c in _filled(r))


def tabbed(grid: Grid) -> str:
    """Every cell, empty ones too, apart at tabs (a table pasted from a spreadsheet)."""
    return "\n".join("\t".join(_one_line(c) for c in r) for r in grid)


def piped(grid: Grid) -> str:
    """A pipe table under the list's title (a page kept as Markdown)."""
    titles = [" ".join(_filled(r)) for r in grid if len(_filled(r)) == 1][:1]
    rows = _table_rows(grid)
    lines = [*titles, ""] if titles else []
    for n, row in enumerate(rows):
        lines.append("| " + " | ".join(_one_line(c) for c in row) + " |")
        if n == 0:
            lines.append("|" + "---|" * len(row))
    return "\n".join(lines)


def labelled(grid: Grid) -> str:
    """Each item a record of ``header：value`` lines, blank lines between (an item page)."""
    rows = _table_rows(grid)
    if not rows:
        return ""
    header = [_one_line(c) for c in rows[0]]
    titles = [" ".join(_filled(r)) for r in grid if len(_filled(r)) == 1][:1]
    records = [
        "\n".join(f"{h}：{_one_line(c)}" for h, c in zip(header, row, strict=False) if h)
        for row in rows[1:]
    ]
    return "\n\n".join([*titles, *records])


#: The text shapes a spreadsheet's cells are laid out in (the shapes of the set's text files).
TEXT_SHAPES: Final[dict[str, Callable[[Grid], str]]] = {
    "text: cells apart at a space": spaced,
    "text: a paragraph a cell": paragraphs,
    "text: a line a cell": cell_lines,
    "text: tab-separated": tabbed,
    "text: pipe table": piped,
    "text: label：value records": labelled,
}


@dataclass(frozen=True, slots=True)
class ShapeScore:
    """How one list read in one shape, scored against the list's gold."""

    source: str
    shape: str
    read: str  # the format read, or the error that stopped it
    items: int
    gold_items: int
    rejects: int
    item_accuracy: float | None
    citation_f1: float | None


def _office(source: Path, target: office.Target, **filters: str) -> bytes:
    return office.convert(source.read_bytes(), str(source), source.suffix[1:], target, **filters)


def _chromium_pdf(page: Path, browser: Any | None) -> bytes | None:
    """The page printed by Chromium on A4 (by ``browser`` when given); None without Chromium."""
    from bench.chromium import CHROMIUM, launch_chromium

    if browser is None:
        if not CHROMIUM.exists():
            print(f"{page.name}: no Chromium at {CHROMIUM}: its print is left out")
            return None
        with launch_chromium() as own:
            return _chromium_pdf(page, own)
    tab = browser.new_page()
    try:
        tab.goto(page.as_uri())
        pdf: bytes = tab.pdf(format="A4")
    finally:
        tab.close()
    return pdf


def sheet_shapes(sheet: Path, browser: Any | None = None) -> dict[str, bytes | str]:
    """The shapes of a spreadsheet: LibreOffice's conversions and the text layouts (``browser``
    is not used: a sheet is printed by LibreOffice)."""
    shapes: dict[str, bytes | str] = {}
    text = _office(sheet, "csv", outfilter=CSV_UTF8).decode("utf-8")
    shapes["csv (UTF-8)"] = text
    shapes["csv (GB18030)"] = text.encode("gb18030")
    for target in ("ods", "xls", "xlsx", "html", "pdf"):
        shapes[target] = _office(sheet, target)  # type: ignore[arg-type]
    grid = [row for row in csv.reader(io.StringIO(text))]
    for name, lay_out in TEXT_SHAPES.items():
        shapes[name] = lay_out(grid) + "\n"
    return shapes


def page_shapes(page: Path, browser: Any | None = None) -> dict[str, bytes | str]:
    """The shapes of an HTML page: as LibreOffice Writer saves it, and Chromium's print (by
    ``browser``, a Playwright Browser, when given)."""
    shapes: dict[str, bytes | str] = {}
    for target in ("docx", "odt", "pdf"):
        shapes[f"{target} (Writer)"] = _office(page, target, infilter=WRITER_HTML)  # type: ignore[arg-type]
    printed = _chromium_pdf(page, browser)
    if printed is not None:
        shapes["pdf (Chromium)"] = printed
    return shapes


_SUFFIX: Final = {"csv": ".csv", "text": ".txt", "ods": ".ods", "xls": ".xls", "xlsx": ".xlsx"}


def _suffix(shape: str) -> str:
    first = shape.split()[0].rstrip(":")
    return _SUFFIX.get(first, "." + first)


def score_shapes(folder: Path, browser: Any | None = None) -> list[ShapeScore]:
    """Every spreadsheet and page of the set in every shape, scored (pages printed by
    ``browser`` when given, else by a Chromium of their own)."""
    gold_items = [json.loads(line) for line in (folder / "gold_items.jsonl").open(encoding="utf-8")]
    gold_cites = [
        json.loads(line) for line in (folder / "gold_citations.jsonl").open(encoding="utf-8")
    ]
    scores: list[ShapeScore] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for path in list_files(folder):
            suffix = path.suffix.lower()
            if suffix not in (".xlsx", ".xls", ".html", ".htm"):
                continue
            copy = page_copy(path, work)
            make = sheet_shapes if suffix in (".xlsx", ".xls") else page_shapes
            try:
                shapes = make(copy, browser)
            except (QuanzeError, OSError, ImportError) as exc:
                print(f"{path.name}: shapes not made: {str(exc).splitlines()[0]}")
                continue
            mine_items = [g for g in gold_items if g["source"] == path.name]
            mine_cites = [g for g in gold_cites if g["source"] == path.name]
            for n, (shape, content) in enumerate(shapes.items()):
                made = work / f"{path.stem}-{n}{_suffix(shape)}"
                if isinstance(content, str):
                    made.write_text(content, encoding="utf-8")
                else:
                    made.write_bytes(content)
                scores.append(_score_one(path.name, shape, made, mine_items, mine_cites, work))
    return scores


def _score_one(
    source: str,
    shape: str,
    made: Path,
    gold_items: list[dict[str, object]],
    gold_cites: list[dict[str, object]],
    work: Path,
) -> ShapeScore:
    try:
        plist = read_list(made)
    except QuanzeError as exc:
        why = str(exc).splitlines()[0].split(f"{made}:", 1)[-1].split(": ", 1)[-1]
        return ShapeScore(source, shape, f"error: {why}", 0, len(gold_items), 0, 0.0, 0.0)
    # the gold names the list's own file: the shape's items and citations are scored as its
    items = [{**i.to_json(), "source": source} for i in plist.items]
    cites = [{**c.to_json(), "source": source} for c in cite_items(plist.items, plist.meta.region)]
    accuracy = f1 = None
    if gold_items:
        accuracy = _score("items", _jsonl(work / "gi", gold_items), _jsonl(work / "pi", items))
    if gold_cites:
        f1 = _citation_f1(_jsonl(work / "gc", gold_cites), _jsonl(work / "pc", cites))
    return ShapeScore(
        source, shape, plist.format, len(items), len(gold_items), len(plist.rejects), accuracy, f1
    )


def _figure(value: float | None) -> str:
    return "—" if value is None else f"{value:.4f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=SHARED / "realworld")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    scores = score_shapes(args.dir)
    if args.json:
        print(json.dumps([asdict(s) for s in scores], ensure_ascii=False, indent=1))
        return 0
    print("| list | shape | read as | items / gold | rejects | item accuracy | citation F1 |")
    print("|---|---|---|---|---|---|---|")
    for s in scores:
        print(
            f"| {s.source} | {s.shape} | {s.read} | {s.items} / {s.gold_items} | {s.rejects} "
            f"| {_figure(s.item_accuracy)} | {_figure(s.citation_f1)} |"
        )
    right = sum(s.item_accuracy == 1.0 and s.citation_f1 in (1.0, None) for s in scores)
    print(f"\n{right} of {len(scores)} shapes read as their list's gold (items and citations)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
