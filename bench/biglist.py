"""Memory of one large list through the whole pipeline (issue #20, item 13: one 25 MB list of 200 k
items peaked at 7.8 GB).

Writes one list of each size (50 k, 100 k, 200 k items by default) in Markdown (or CSV, JSON,
HTML, DOCX, XLSX, PDF, page text), rows of about 125 bytes as in the list of the issue (a
serial, a type, a name, a department and a basis cell citing one article of a registry law), and
runs ``quanze build`` (read → cite → build → load) on each in a fresh process, printing items/s
and that process's peak RSS. With memory that does not grow with the size of one list the peaks
are flat along a row: Markdown, CSV, JSON, HTML, DOCX, XLSX and PDF are read and built in
batches of items (``extractors.reading.stream``, ``extractors.reading.workbook_stream``); page
text is read whole (docs/performance.md says why).

    python -m bench.biglist                                   # 50k,100k,200k items, Markdown
    python -m bench.biglist --sizes 200k --formats csv,json,xlsx
    python -m bench.biglist --sizes 50k,200k,400k --formats html,docx,xlsx
    python -m bench.biglist --sizes 50k,200k --formats html-tables,docx-tables,json-envelope,xls
"""

from __future__ import annotations

import argparse
import csv
import html
import io
import json
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from bench.readers import own_peak_rss_mb, write_excel_style
from bench.store import parse_size

HEADER = ("序号", "职权类型", "职权名称", "实施主体", "设定依据")
_TYPES = ("行政处罚", "行政检查", "行政许可", "行政确认", "行政强制")
_TOPICS = ("社会保险", "医疗保障", "安全生产", "食品安全", "价格监督", "消防", "道路运输")
_DEPARTMENTS = ("县医保局", "县人力社保局", "县市场监管局", "县应急局")
_NUMERALS = "一二三四五六七八九"


def _article(n: int) -> str:
    """A Chinese article number below 100 (第八十七条's 八十七)."""
    tens, units = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _NUMERALS[tens - 1] + "十")
    return head + (_NUMERALS[units - 1] if units else "")


def rows(n: int) -> Iterator[tuple[str, ...]]:
    """``n`` small rows, each distinct (its own serial and name), citing registry laws."""
    from extractors.citing.lawdb import load_registry

    laws = [entry.title for entry in load_registry().entries][:60]
    for i in range(n):
        topic = _TOPICS[i % len(_TOPICS)]
        kind = _TYPES[i % len(_TYPES)]
        yield (
            str(i + 1),
            kind,
            f"对{topic}违法行为的{kind[-2:]}（{i}）",
            _DEPARTMENTS[i % len(_DEPARTMENTS)],
            f"《{laws[i % len(laws)]}》第{_article(i % 97 + 1)}条",
        )


def write_csv(path: Path, table: Iterator[tuple[str, ...]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        writer.writerows(table)


def write_json(path: Path, table: Iterator[tuple[str, ...]]) -> None:
    with path.open("w", encoding="utf-8") as out:
        json.dump([dict(zip(HEADER, row, strict=True)) for row in table], out, ensure_ascii=False)


def _write_markdown(path: Path, table: Iterator[tuple[str, ...]]) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write("| " + " | ".join(HEADER) + " |\n|" + "---|" * len(HEADER) + "\n")
        for row in table:
            out.write("| " + " | ".join(row) + " |\n")


#: Items a table holds in a page or document of several tables (``*-tables`` formats).
TABLE_ITEMS = 5_000
_HEADINGS = ("一、行政许可", "二、行政处罚", "三、行政强制", "四、行政检查", "五、其他职权")


def _parts(table: Iterator[tuple[str, ...]], per_table: int | None) -> Iterator[tuple[str, ...]]:
    """The rows, with an empty row where a further table begins (every ``per_table`` rows)."""
    for n, row in enumerate(table):
        if per_table and n and not n % per_table:
            yield ()
        yield row


def write_html(path: Path, table: Iterator[tuple[str, ...]], per_table: int | None = None) -> None:
    """A page as a site exports one: a title, the table a row a line, a date below it; with
    ``per_table``, a table of so many rows per power type, a heading above each."""

    def begin(n: int) -> str:
        heading = f"<h2>{_HEADINGS[n % len(_HEADINGS)]}</h2>\n" if per_table else ""
        return heading + "<table>\n<tr>" + "".join(f"<th>{h}</th>" for h in HEADER) + "</tr>\n"

    with path.open("w", encoding="utf-8") as out:
        out.write('<html><head><meta charset="utf-8"><title>权责清单</title></head><body>\n')
        out.write("<h1>某县权责清单</h1>\n" + begin(0))
        tables = 1
        for row in _parts(table, per_table):
            if not row:
                out.write("</table>\n" + begin(tables))
                tables += 1
                continue
            out.write("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>\n")
        out.write("</table>\n<p>发布日期：2024-05-06</p>\n</body></html>\n")


def write_html_tables(path: Path, table: Iterator[tuple[str, ...]]) -> None:
    """:func:`write_html`, a table of ``TABLE_ITEMS`` rows per power type."""
    write_html(path, table, TABLE_ITEMS)


def write_docx(path: Path, table: Iterator[tuple[str, ...]], per_table: int | None = None) -> None:
    """A Word document as Word saves one: a title paragraph, the table (a grid, a row per item),
    a date paragraph below; ``word/document.xml`` written a row at a time. With ``per_table``,
    a table of so many rows per power type, a heading paragraph above each."""
    import docx

    blank = io.BytesIO()
    docx.Document().save(blank)
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    def paragraph(text: str) -> str:
        return f"<w:p><w:r><w:t>{html.escape(text)}</w:t></w:r></w:p>"

    def row(cells: tuple[str, ...]) -> str:
        return "<w:tr>" + "".join(f"<w:tc>{paragraph(c)}</w:tc>" for c in cells) + "</w:tr>"

    def begin(n: int) -> str:
        heading = paragraph(_HEADINGS[n % len(_HEADINGS)]) if per_table else ""
        grid = "<w:tblGrid>" + "<w:gridCol/>" * len(HEADER) + "</w:tblGrid>"
        return heading + "<w:tbl>" + grid + row(HEADER)

    with zipfile.ZipFile(blank) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                out.writestr(info, source.read(info))
                continue
            with out.open("word/document.xml", "w") as part, io.TextIOWrapper(part, "utf-8") as xml:
                xml.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n')
                xml.write(f'<w:document xmlns:w="{w}"><w:body>{paragraph("某县权责清单")}')
                xml.write(begin(0))
                tables = 1
                for cells in _parts(table, per_table):
                    if not cells:
                        xml.write("</w:tbl>" + begin(tables))
                        tables += 1
                        continue
                    xml.write(row(cells))
                xml.write(f"</w:tbl>{paragraph('发布日期：2024-05-06')}</w:body></w:document>")


def write_docx_tables(path: Path, table: Iterator[tuple[str, ...]]) -> None:
    """:func:`write_docx`, a table of ``TABLE_ITEMS`` rows per power type."""
    write_docx(path, table, TABLE_ITEMS)


def write_json_envelope(path: Path, table: Iterator[tuple[str, ...]]) -> None:
    """The records in an envelope as government APIs return them:
    ``{"code": 200, "data": {"list": [...], "total": N}, "msg": "查询成功"}``."""
    records = (dict(zip(HEADER, row, strict=True)) for row in table)
    with path.open("w", encoding="utf-8") as out:
        out.write('{"code": 200, "data": {"list": [\n')
        total = 0
        for total, record in enumerate(records, start=1):
            out.write(("," if total > 1 else "") + json.dumps(record, ensure_ascii=False) + "\n")
        out.write(f'], "total": {total}}}, "msg": "查询成功"}}\n')


#: Rows a sheet of an XLS workbook holds here (a sheet holds at most 65,536).
SHEET_ROWS = 60_000


def write_xls(path: Path, table: Iterator[tuple[str, ...]]) -> None:
    """An XLS workbook (BIFF, as xlwt writes it: text in a shared-string table), a sheet of
    ``SHEET_ROWS`` items after another, each with its header row."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet, row, sheets = None, SHEET_ROWS, 0
    for cells in table:
        if row == SHEET_ROWS:
            sheets += 1
            sheet, row = book.add_sheet(f"清单{sheets}"), 0
            for column, text in enumerate(HEADER):
                sheet.write(0, column, text)
        row += 1
        for column, text in enumerate(cells):
            sheet.write(row, column, text)
    book.save(str(path))


#: Column widths (points) of the PDF's table, and the height of its rows: one line a cell.
_PDF_WIDTHS = (50, 60, 200, 80, 380)
_PDF_ROW = 16.0


def write_pdf(path: Path, table: Iterator[tuple[str, ...]], per_table: int | None = None) -> None:
    """A PDF as an office suite exports a list: a ruled table in a CJK font (reportlab's
    STSong-Light), a title above it on the first page, the header again on every page, a page
    number below; drawn a page at a time (reportlab's canvas), so a large list is written
    quickly and in little memory. With ``per_table``, a table of so many rows per power type,
    each beginning on a page of its own under a heading naming the type."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    width, height = landscape(A4)
    page = canvas.Canvas(str(path), pagesize=(width, height))
    left, top, bottom = 30.0, height - 60.0, 50.0
    edges = [left]
    for w in _PDF_WIDTHS:
        edges.append(edges[-1] + w)
    per_page = int((top - bottom) // _PDF_ROW) - 1  # the header takes a row

    def draw(rows: list[tuple[str, ...]], number: int, heading: str | None) -> None:
        page.setFont("STSong-Light", 9)
        if number == 1:
            page.drawString(left, height - 40, "某县权责清单")
        if heading is not None:
            page.drawString(left, height - 52, heading)
        lines = [HEADER, *rows]
        y = top
        for cells in lines:
            for x, text in zip(edges, cells, strict=False):
                page.drawString(x + 3, y - _PDF_ROW + 4, text)
            y -= _PDF_ROW
        for k in range(len(lines) + 1):
            page.line(edges[0], top - k * _PDF_ROW, edges[-1], top - k * _PDF_ROW)
        for x in edges:
            page.line(x, top, x, top - len(lines) * _PDF_ROW)
        page.drawString(width / 2, 25, f"第{number}页")
        page.showPage()

    batch: list[tuple[str, ...]] = []
    number, tables = 0, 1
    heading = _HEADINGS[0] if per_table else None
    for row in _parts(table, per_table):
        if not row or len(batch) == per_page:  # a page is full, or a table ends on it
            number += 1
            draw(batch, number, heading)
            batch, heading = [], None
        if not row:
            heading, tables = _HEADINGS[tables % len(_HEADINGS)], tables + 1
            continue
        batch.append(row)
    if batch or not number:
        draw(batch, number + 1, heading)
    page.save()


#: Items a table holds in a PDF of several tables (``pdf-tables``): fewer than in a page or
#: document, so that a PDF small enough to lay out in a test holds several.
PDF_TABLE_ITEMS = 1_000


def write_pdf_tables(path: Path, table: Iterator[tuple[str, ...]]) -> None:
    """:func:`write_pdf`, a table of ``PDF_TABLE_ITEMS`` rows per power type."""
    write_pdf(path, table, PDF_TABLE_ITEMS)


def write_text(path: Path, table: Iterator[tuple[str, ...]]) -> None:
    """Page text as a web page's list copies out: a title, the header's words and each row's
    cells separated by spaces, a row a line, a date below."""
    with path.open("w", encoding="utf-8") as out:
        out.write("某县权责清单\n" + " ".join(HEADER) + "\n")
        for row in table:
            out.write(" ".join(row) + "\n")
        out.write("发布日期：2024-05-06\n")


def _write_xlsx(path: Path, table: Iterator[tuple[str, ...]]) -> None:
    # the shape Excel saves (shared strings, UTF-8 XML)
    write_excel_style(path, list(table), HEADER)


WRITERS: dict[str, Callable[[Path, Iterator[tuple[str, ...]]], None]] = {
    "md": _write_markdown,
    "csv": write_csv,
    "json": write_json,
    "xlsx": _write_xlsx,
    "html": write_html,
    "docx": write_docx,
    "xls": write_xls,
    "json-envelope": write_json_envelope,
    "html-tables": write_html_tables,
    "docx-tables": write_docx_tables,
    "pdf": write_pdf,
    "pdf-tables": write_pdf_tables,
    "txt": write_text,
}


def suffix(fmt: str) -> str:
    """The file suffix of a format of :data:`WRITERS` (``html-tables``: ``html``)."""
    return fmt.split("-")[0]


def build_one(path: Path, store: Path) -> dict[str, float]:
    """``quanze build`` of one file into a new store, in this process: items, seconds, peak."""
    from graph.app.pipeline import build_files

    start = time.perf_counter()
    report = build_files([path], store)
    items = sum(f.reading.items for f in report.files if f.reading is not None)
    return {"items": items, "wall": time.perf_counter() - start, "peak": own_peak_rss_mb()}


def run_build(path: Path, store: Path) -> dict[str, float]:
    """:func:`build_one` in a fresh process, so the peak is the build's own."""
    out = subprocess.run(
        [sys.executable, "-m", "bench.biglist", "--build", str(path), "--store", str(store)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float] = json.loads(out.stdout.splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.biglist")
    parser.add_argument("--sizes", default="50k,100k,200k")
    parser.add_argument(
        "--formats",
        default="md",
        help="md, csv, json, html, docx, xlsx, xls, json-envelope, html-tables, docx-tables, "
        "pdf, pdf-tables, txt (comma-separated)",
    )
    parser.add_argument("--build", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--store", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.build:
        print(json.dumps(build_one(args.build, args.store)))
        return
    sizes = [parse_size(s) for s in args.sizes.split(",")]
    for fmt in args.formats.split(","):
        for size in sizes:
            with tempfile.TemporaryDirectory(prefix="quanze-biglist-") as tmp:
                path = Path(tmp) / f"list.{suffix(fmt)}"
                WRITERS[fmt](path, rows(size))
                mib = path.stat().st_size / 2**20
                r = run_build(path, Path(tmp) / "store")
                rate = r["items"] / r["wall"]
                print(
                    f"{fmt:5s} {r['items']:>8,.0f} items  {mib:6.1f} MiB  "
                    f"build {r['wall']:6.1f} s  {rate:>7,.0f} items/s  "
                    f"peak RSS {r['peak']:>7,.0f} MiB",
                    flush=True,
                )


if __name__ == "__main__":
    main()
