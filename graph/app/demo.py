"""The guided demo: build the graph from the embedded sample lists and show what it answers."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path
from typing import TextIO

from rich.console import Console

from graph.app.pipeline import build_files
from graph.store.cites import find_citing_items
from graph.store.query import run_query
from graph.store.results import term_text
from graph.views.write import write_view

#: The question the demo answers, as an analyst would type it.
DEMO_REFERENCE = "社会保险法第八十七条"


def sample_paths() -> list[Path]:
    """The embedded sample lists (public documents; see extractors/samples/README.md)."""
    with as_file(files("extractors") / "samples") as folder:
        return sorted(Path(folder).glob("*.txt"))


def run_demo(out: Path, stdout: TextIO, console: Console) -> None:
    """Build ``out/store`` from the samples, print counts and answers, write views under ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    store_dir = out / "store"
    console.print(f"building {store_dir} from {len(sample_paths())} sample lists …")
    report = build_files(sample_paths(), store_dir, console=console)
    from graph.store.open import open_store

    store = open_store(store_dir)
    say = Console(file=stdout, highlight=False, soft_wrap=True)
    say.rule("quanze demo")
    say.print(report.summary())

    say.rule("most-cited articles")
    result = run_query(store, "most-cited-articles")
    for row in result.rows[:8]:
        law, article = term_text(row.get("law")), term_text(row.get("article"))
        items, citations = term_text(row.get("items")), term_text(row.get("citations"))
        say.print(f"  {items:>3} items ({citations} citations)  {law} 第{article}条")

    say.rule(f"which powers rely on {DEMO_REFERENCE}?")
    for hit in find_citing_items(store, DEMO_REFERENCE):
        say.print(
            f"  {hit['source']} item {hit['row']}  {hit['department'] or '(department not given)'}"
            f"  via {hit['field']}: {hit['name']}"
        )

    views = {
        out / "article-87.html": {"article": DEMO_REFERENCE},
        out / "law-shehui-baoxian-fa.html": {"law": "社会保险法"},
        out / "overview.html": {"everything": True},
    }
    say.rule("views (open in a browser; they work offline)")
    for path, focus in views.items():
        summary = write_view(store, path, **focus)  # type: ignore[arg-type]
        say.print(f"  {path}  ({summary})")
    say.print(f"\nnext: quanze cites 行政处罚法 --store {store_dir}   |   quanze query --list")
