"""Reading speed and memory of the list readers on large generated lists (issue: ≥ 5 k items/s).

Writes a 100 k-item Markdown list and a 100 k-item XLSX workbook made from the rows of the
embedded 达孜区 sample (the workbook twice: as openpyxl writes it, and as Excel saves it), reads
each with ``read_list`` in a fresh process and prints items/s (wall clock and per CPU second, as
the machine may be shared) and that process's peak memory; then reads many small files in turn
to show that memory does not grow with the number of files.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import zipfile
from html import escape
from importlib.resources import files
from pathlib import Path

from openpyxl import Workbook

from bench.memory import current_rss_mb, peak_rss_mb
from extractors.reading.read import read_list

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


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"


def _relationships(*links: tuple[str, str]) -> str:
    inner = "".join(
        f'<Relationship Id="r{n}" Type="{_REL}/{kind}" Target="{target}"/>'
        for n, (kind, target) in enumerate(links, start=1)
    )
    return f'<Relationships xmlns="{_PACKAGE}">{inner}</Relationships>'


def write_excel_style(
    path: Path, rows: list[tuple[str, ...]], header: tuple[str, ...] = HEADER
) -> None:
    """The same workbook as Excel and WPS save it: text in a shared-string table, UTF-8 XML
    (openpyxl writes every character of an inline string as a ``&#NNNNN;`` reference, which
    makes its sheet XML 2.4 times longer and slower to parse). Every cell gets its own entry,
    as the distinct texts of a real list would (the generated rows repeat the sample's)."""
    strings: list[str] = []
    sheet = [f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}"><sheetData>']
    for number, cells in enumerate([("某县医疗保障局权责清单",), header, *rows], start=1):
        refs = []
        for column, text in enumerate(cells):
            refs.append(f'<c r="{chr(65 + column)}{number}" t="s"><v>{len(strings)}</v></c>')
            strings.append(text)
        sheet.append(f'<row r="{number}">{"".join(refs)}</row>')
    sheet.append("</sheetData></worksheet>")
    table = "".join(f"<si><t>{escape(t, quote=False)}</t></si>" for t in strings)
    sheets = '<sheets><sheet name="权责清单" sheetId="1" r:id="r1"/></sheets>'
    types = "http://schemas.openxmlformats.org/package/2006/content-types"
    kinds = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    parts = (
        ("/xl/workbook.xml", "sheet.main"),
        ("/xl/worksheets/sheet1.xml", "worksheet"),
        ("/xl/sharedStrings.xml", "sharedStrings"),
    )
    overrides = "".join(
        f'<Override PartName="{name}" ContentType="{kinds}.{kind}+xml"/>' for name, kind in parts
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            f'<Types xmlns="{types}"><Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>',
        )
        archive.writestr("_rels/.rels", _relationships(("officeDocument", "xl/workbook.xml")))
        archive.writestr(
            "xl/workbook.xml", f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}">{sheets}</workbook>'
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            _relationships(
                ("worksheet", "worksheets/sheet1.xml"), ("sharedStrings", "sharedStrings.xml")
            ),
        )
        archive.writestr(
            "xl/sharedStrings.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{_MAIN}">{table}</sst>'.encode(),
        )
        archive.writestr("xl/worksheets/sheet1.xml", "".join(sheet).encode())


def own_peak_rss_mb() -> float:
    """The peak RSS of this process since it started its program (VmHWM). ``ru_maxrss`` keeps
    what the parent held when it forked the process: the writers' 100 k rows, over 1 GB by the
    time the last file is read, would be reported as the reader's peak."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return peak_rss_mb()


def read_one(path: Path) -> dict[str, float]:
    """Items read, wall and CPU seconds, and this process's peak RSS, for one file."""
    wall, cpu = time.perf_counter(), time.process_time()
    items = len(read_list(path).items)
    return {
        "items": items,
        "wall": time.perf_counter() - wall,
        "cpu": time.process_time() - cpu,
        "peak": own_peak_rss_mb(),
    }


def time_read(path: Path) -> dict[str, float]:
    """:func:`read_one` in a fresh process, so that each format's peak memory is its own."""
    out = subprocess.run(
        [sys.executable, "-m", "bench.readers", "--read", str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float] = json.loads(out.stdout)
    return result


def main(argv: list[str] | None = None) -> None:
    """Print items/s for a large Markdown and XLSX list, and memory over many files."""
    parser = argparse.ArgumentParser(prog="python -m bench.readers")
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--read", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.read:
        print(json.dumps(read_one(args.read)))
        return
    rows = generated_rows(args.items)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        writers = (
            ("list.md", write_markdown),
            ("list.xlsx", write_xlsx),
            ("excel.xlsx", write_excel_style),
        )
        for name, writer in writers:
            path = folder / name
            writer(path, rows)
            size = path.stat().st_size / 2**20
            r = time_read(path)
            print(
                f"{name:10s} {r['items']:>7.0f} items  {size:7.1f} MiB  {r['wall']:6.2f} s  "
                f"{r['items'] / r['wall']:>8,.0f} items/s  ({r['items'] / r['cpu']:>7,.0f} per "
                f"CPU s)  peak RSS {r['peak']:,.0f} MiB",
                flush=True,
            )
        small_md, small_xlsx = folder / "small.md", folder / "small.xlsx"
        write_markdown(small_md, rows[:300])
        write_xlsx(small_xlsx, rows[:300])
        marks = {1, 10, args.files // 2, args.files}
        for i in range(1, args.files + 1):
            read_list(small_md if i % 2 else small_xlsx)
            if i in marks:
                print(
                    f"after {i:>4d} files of 300 items (md and xlsx in turn): "
                    f"RSS {current_rss_mb():,.0f} MiB",
                    flush=True,
                )


if __name__ == "__main__":
    main()
