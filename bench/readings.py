"""The readings of the list readers, and their CPU seconds, to compare two revisions: a change
that only makes reading faster must leave every reading as it was.

``python -m bench.readings write OUT.json`` reads the real lists (``../shared/realworld``), the
seeds, and generated lists of every format (``bench.biglist.WRITERS``, and a Markdown list made
of the embedded sample's rows, ``bench.readers``) with ``read_list`` and writes, per file, its
items, rejects, sections, counts and plausibility as JSON, with the CPU seconds of each reading
(the median of ``--runs``) and the load average. ``python -m bench.readings compare A.json
B.json`` says every file whose reading differs (exit status 1), and prints the CPU seconds side
by side per format. Run ``write`` in each revision's checkout (``--shared`` when it is not beside
``../shared``), then ``compare``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bench.biglist import WRITERS, rows, suffix
from bench.readers import generated_rows, write_markdown

#: Items of each generated list: enough rows for every per-row path, small enough to read often.
ITEMS = 600
#: The read-only data (real lists, seeds), as the tests find it: beside the checkout.
SHARED = Path("../shared")


def _inputs(folder: Path, shared: Path, items: int = ITEMS) -> list[tuple[str, str, Path]]:
    """(format, name, path) of the lists to read: real, seeds, generated into ``folder``."""
    found: list[tuple[str, str, Path]] = []
    for sub in ("realworld", "seeds"):
        for path in sorted((shared / sub).glob("*")):
            if path.suffix in (".jsonl", ".json") or path.name.endswith(".source.txt"):
                continue
            if path.name.isupper() or path.name == "NOTES.md" or not path.is_file():
                continue
            found.append((f"{sub}:{path.suffix.lstrip('.')}", f"{sub}/{path.name}", path))
    for fmt, writer in WRITERS.items():
        path = folder / f"gen-{fmt}.{suffix(fmt)}"
        writer(path, rows(items))
        found.append((f"gen:{fmt}", path.name, path))
    path = folder / "gen-sample.md"
    write_markdown(path, generated_rows(items))
    found.append(("gen:sample-md", path.name, path))
    return found


def _reading(path: Path) -> dict[str, Any]:
    """What ``read_list`` makes of ``path``, as JSON (an error as its message)."""
    from extractors.reading.read import read_list

    try:
        plist = read_list(path)
    except Exception as error:  # a fault is a reading too: it must stay the same
        return {"error": f"{type(error).__name__}: {error}"}
    return {
        "format": plist.format,
        "meta": asdict(plist.meta),
        "items": [asdict(item) for item in plist.items],
        "rejects": [asdict(r) for r in plist.rejects],
        "sections": [asdict(s) for s in plist.sections],
        "rows_seen": plist.rows_seen,
        "blank_rows": plist.blank_rows,
        "plausibility": None if plist.plausibility is None else plist.plausibility.to_json(),
    }


def write(out: Path, runs: int, shared: Path = SHARED, items: int = ITEMS) -> None:
    """Reads every input ``runs`` times; writes the readings and median CPU seconds to ``out``."""
    result: dict[str, Any] = {"load": os.getloadavg()[0], "files": {}}
    with tempfile.TemporaryDirectory(prefix="quanze-readings-") as folder:
        for fmt, name, path in _inputs(Path(folder), shared, items):
            cpu = []
            for _ in range(runs):
                started = time.process_time()
                reading = _reading(path)
                cpu.append(time.process_time() - started)
            text = json.dumps(reading, ensure_ascii=False, sort_keys=True, default=str)
            text = text.replace(folder, "<tmp>").replace(str(shared), "<shared>")
            result["files"][name] = {
                "format": fmt,
                "cpu": statistics.median(cpu),
                "reading": json.loads(text),
            }
            print(f"{fmt:24} {name:50} {statistics.median(cpu):7.3f} s", file=sys.stderr)
    result["load_after"] = os.getloadavg()[0]
    out.write_text(json.dumps(result, ensure_ascii=False, indent=0), encoding="utf-8")


def compare(before: Path, after: Path) -> int:
    """Prints the files whose readings differ and the CPU seconds per format; 1 if any differ."""
    a = json.loads(before.read_text(encoding="utf-8"))
    b = json.loads(after.read_text(encoding="utf-8"))
    differ = sorted(
        name
        for name in a["files"].keys() | b["files"].keys()
        if a["files"].get(name, {}).get("reading") != b["files"].get(name, {}).get("reading")
    )
    for name in differ:
        print(f"reading differs: {name}")
    per: dict[str, list[float]] = {}
    for name, entry in a["files"].items():
        if name in b["files"]:
            sums = per.setdefault(entry["format"], [0.0, 0.0])
            sums[0] += entry["cpu"]
            sums[1] += b["files"][name]["cpu"]
    print(f"load: {a['load']:.2f} / {b['load']:.2f}")
    print("| format | CPU s before | CPU s after | after/before |")
    print("|---|---:|---:|---:|")
    for fmt, (x, y) in sorted(per.items()):
        print(f"| {fmt} | {x:.3f} | {y:.3f} | {y / x if x else 0:.2f} |")
    total = [sum(v[0] for v in per.values()), sum(v[1] for v in per.values())]
    print(f"| all | {total[0]:.3f} | {total[1]:.3f} | {total[1] / total[0]:.2f} |")
    print(f"{len(a['files'])} files, {len(differ)} readings differ")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    w = sub.add_parser("write")
    w.add_argument("out", type=Path)
    w.add_argument("--runs", type=int, default=3)
    w.add_argument("--items", type=int, default=ITEMS, help="items of each generated list")
    w.add_argument("--shared", type=Path, default=SHARED, help="the shared data (../shared)")
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "write":
        write(args.out, args.runs, args.shared, args.items)
    else:
        sys.exit(compare(args.before, args.after))


if __name__ == "__main__":
    main()
