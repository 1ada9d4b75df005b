"""Hostile files of issue #20 (items 4, 9, 10, 11): each is one line naming the file, or items,
within bounded time and memory, and the other files of a run still come out."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from extractors import read_list
from extractors.errors import InputError
from extractors.reading.limits import MAX_CELL_CHARS
from tests.extractors.reading import hostile
from tests.extractors.reading.bounded import BoundedReader

QUANZE = str(Path(sys.executable).with_name("quanze"))
#: Per file: generous for a file of a few KB, far below the minutes and gigabytes these took.
CPU_SECONDS, MEMORY_BYTES = 10, 1 << 30


@pytest.fixture(scope="module")
def bounded() -> Iterator[BoundedReader]:
    with BoundedReader(CPU_SECONDS, MEMORY_BYTES) as reader:
        yield reader


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(content)
    return path


def _refused(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        read_list(path)
    assert str(path) in str(caught.value)
    assert "\n" not in str(caught.value)
    return caught.value


# Item 4: tracebacks.


def test_billion_laughs_in_docx_is_one_line(tmp_path: Path) -> None:
    bomb = hostile.rewrite(
        hostile.docx_file(),
        hostile.DOCUMENT,
        lambda xml: hostile.laughs("w:document", xml, "城乡医疗救助"),
    )
    assert "not a readable docx" in str(_refused(_write(tmp_path, "laughs.docx", bomb)))


def test_lone_surrogate_in_json_is_replaced_and_said(tmp_path: Path) -> None:
    text = hostile.records().replace("城乡医疗救助", "\\ud800乡医疗救助")
    plist = read_list(_write(tmp_path, "list.json", text))
    item = plist.items[0]
    assert item.name == "\ufffd乡医疗救助"
    assert [a.code for a in item.anomalies] == ["lone-surrogate"]
    json.dumps(item.to_json(), ensure_ascii=False).encode("utf-8")  # writable as UTF-8


def test_deeply_nested_json_is_one_line(tmp_path: Path) -> None:
    error = _refused(_write(tmp_path, "deep.json", "[" * 100_000 + "]" * 100_000))
    assert "nested too deep" in str(error)


BAD = {
    "laughs.docx": hostile.rewrite(
        hostile.docx_file(),
        hostile.DOCUMENT,
        lambda xml: hostile.laughs("w:document", xml, "城乡医疗救助"),
    ),
    "surrogate.json": hostile.records().replace("城乡", "\\ud800").encode(),
    "deep.json": b"[" * 100_000 + b"]" * 100_000,
    # Its text, quoted in the error line, is no rich markup.
    "no-table.md": "扫一扫 [/bold] 没有表格 [red]\n".encode(),
}


@pytest.mark.parametrize("command", ["parse", "extract"])
def test_bad_files_are_one_line_each_and_the_good_one_comes_out(
    tmp_path: Path, command: str
) -> None:
    good = _write(tmp_path, "good.md", hostile.markdown())
    bad = [_write(tmp_path, name, content) for name, content in BAD.items()]
    # The good file last: a fault in a file before it must not lose it.
    done = subprocess.run(
        [QUANZE, command, *map(str, bad), str(good)], capture_output=True, text=True, timeout=120
    )
    assert "Traceback" not in done.stderr
    errors = [line for line in done.stderr.splitlines() if line.startswith("quanze: error:")]
    if command == "parse":
        # surrogate.json reads (its bad character replaced); the others are refused.
        refused = [p for p in bad if p.name != "surrogate.json"]
        names = [json.loads(line)["name"] for line in done.stdout.splitlines()]
        assert names == ["\ufffd医疗救助", "医疗保险稽核", "城乡医疗救助", "医疗保险稽核"]
    else:
        refused = [p for p in bad if p.name != "surrogate.json"]
    for path in refused:
        assert sum(str(path) in line for line in errors) == 1, (path, done.stderr)
    assert any("'扫一扫 [/bold] 没有表格 [red]'" in line for line in errors), done.stderr
    assert errors[-1] == f"quanze: error: {len(refused)} of {len(bad) + 1} files could not be read"
    assert done.returncode == 1


# Item 9: small files that took minutes.


@pytest.mark.parametrize(
    ("name", "content"),
    [
        pytest.param(
            "far.xlsx", hostile.rewrite(hostile.xlsx(), hostile.SHEET, hostile.far_cell), id="XFD"
        ),
        pytest.param(
            "span.docx",
            hostile.rewrite(hostile.docx_file(), hostile.DOCUMENT, hostile.wide_span),
            id="gridSpan",
        ),
    ],
)
def test_claimed_coordinates_do_not_cost_the_work(
    tmp_path: Path, bounded: BoundedReader, name: str, content: bytes
) -> None:
    outcome = bounded.read(_write(tmp_path, name, content))
    assert (outcome.kind, outcome.items) == ("items", 2), outcome
    assert outcome.cpu_seconds < CPU_SECONDS


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        pytest.param(
            lambda xml: xml.replace('<row r="3"', '<row r="99999999999"'), "row number", id="row"
        ),
        pytest.param(lambda xml: xml.replace('r="A3"', 'r="ZZZZZZ3"'), "cell reference", id="cell"),
    ],
)
def test_cells_beyond_the_sheet_are_refused(
    tmp_path: Path, bounded: BoundedReader, change: object, fragment: str
) -> None:
    content = hostile.rewrite(hostile.xlsx(), hostile.SHEET, change)  # type: ignore[arg-type]
    outcome = bounded.read(_write(tmp_path, "far.xlsx", content))
    assert outcome.kind == "error", outcome
    assert fragment in outcome.message


def test_merged_range_over_the_whole_sheet_is_cut_to_the_cells_present(
    tmp_path: Path, bounded: BoundedReader
) -> None:
    def merge_all(xml: str) -> str:
        merge = '<mergeCells count="1"><mergeCell ref="E1:XFD1048576"/></mergeCells>'
        return xml.replace("</sheetData>", "</sheetData>" + merge)

    # Over 3,000 rows the range once laid out 50 million cells.
    content = hostile.rewrite(hostile.xlsx(more=3000), hostile.SHEET, merge_all)
    outcome = bounded.read(_write(tmp_path, "merged.xlsx", content))
    assert (outcome.kind, outcome.items) == ("items", 3002), outcome
    assert outcome.peak_rss_bytes < 200 << 20, outcome  # once 830 MB


def test_overlapping_merged_ranges_are_refused(tmp_path: Path, bounded: BoundedReader) -> None:
    def merge_often(xml: str) -> str:
        merges = '<mergeCell ref="A2:D3002"/>' * 1000
        return xml.replace("</sheetData>", f"</sheetData><mergeCells>{merges}</mergeCells>")

    content = hostile.rewrite(hostile.xlsx(more=3000), hostile.SHEET, merge_often)
    outcome = bounded.read(_write(tmp_path, "merged.xlsx", content))
    assert outcome.kind == "error" and "merged ranges overlap" in outcome.message, outcome


def _far_cells(text: str) -> Callable[[str], str]:
    """A sheet with a cell holding ``text`` at column XFD of each of its rows."""

    def far(row: re.Match[str]) -> str:
        cell = f'<c r="XFD{row.group(2)}" t="inlineStr"><is><t>{text}</t></is></c>'
        return f"{row.group(1)}{cell}</row>"

    return lambda xml: re.sub(r'(<row r="(\d+)"[^>]*>.*?)</row>', far, xml)


def test_styled_empty_cells_out_to_xfd_cost_nothing(tmp_path: Path, bounded: BoundedReader) -> None:
    content = hostile.rewrite(hostile.xlsx(more=3000), hostile.SHEET, _far_cells(""))
    outcome = bounded.read(_write(tmp_path, "styled.xlsx", content))
    assert (outcome.kind, outcome.items) == ("items", 3002), outcome
    assert outcome.peak_rss_bytes < 200 << 20, outcome  # once 440 MB


def test_text_far_from_every_row_is_refused(tmp_path: Path, bounded: BoundedReader) -> None:
    content = hostile.rewrite(hostile.xlsx(more=3000), hostile.SHEET, _far_cells("x"))
    outcome = bounded.read(_write(tmp_path, "far.xlsx", content))
    assert outcome.kind == "error" and "empty ones lie between" in outcome.message, outcome


@pytest.mark.parametrize(
    ("name", "content", "member"),
    [
        pytest.param("list.xlsx", hostile.xlsx(), hostile.SHEET, id="xlsx"),
        pytest.param("list.docx", hostile.docx_file(), hostile.DOCUMENT, id="docx"),
    ],
)
def test_damaged_compressed_members_are_one_line(
    tmp_path: Path, name: str, content: bytes, member: str
) -> None:
    for at in (0.1, 0.3, 0.5, 0.7, 0.9):
        path = _write(tmp_path, name, hostile.damage_member(content, member, at))
        try:
            read_list(path)
        except InputError as err:
            assert str(path) in str(err) and "\n" not in str(err)


def test_a_line_of_a_hundred_thousand_one_character_words(
    tmp_path: Path, bounded: BoundedReader
) -> None:
    # Each was tried as the start of a letter-spaced label (实 施 主 体), at every length.
    outcome = bounded.read(_write(tmp_path, "list.txt", "| " * 100_000))
    assert outcome.kind == "error" and "no recognisable table" in outcome.message, outcome


# Item 10: line ends, deep HTML, truncated archives.


@pytest.mark.parametrize(
    ("name", "content"),
    [
        pytest.param("list.md", hostile.markdown(), id="md"),
        pytest.param("list.csv", hostile.delimited(), id="csv"),
        pytest.param("list.tsv", hostile.delimited("\t"), id="tsv"),
        pytest.param("list.json", hostile.records(), id="json"),
        pytest.param("list.html", hostile.html(), id="html"),
        pytest.param("list.txt", hostile.page(), id="page"),
    ],
)
@pytest.mark.parametrize("newline", ["\r\n", "\r", "mixed"])
def test_line_ends_give_the_same_items_on_the_same_lines(
    tmp_path: Path, name: str, content: str, newline: str
) -> None:
    # A row that is no item, so that rejects (with their lines) are compared too.
    content = content.replace("医疗保险稽核", "")
    want = read_list(_write(tmp_path, "lf-" + name, content))
    lines = content.split("\n")
    if newline == "mixed":
        ends = ["\r", "\r\n", "\n"]
        changed = "".join(line + ends[n % 3] for n, line in enumerate(lines[:-1])) + lines[-1]
    else:
        changed = newline.join(lines)
    got = read_list(_write(tmp_path, name, changed))
    assert [(i.name, i.line) for i in got.items] == [(i.name, i.line) for i in want.items]
    assert [(r.line, r.reason) for r in got.rejects] == [(r.line, r.reason) for r in want.rejects]
    assert want.items[-1].line > 1
    if not name.endswith(".txt"):  # page text reads the nameless row into the item above
        assert want.rejects and want.rejects[0].line > 1


def test_html_rejects_past_line_65535_carry_their_line(tmp_path: Path) -> None:
    # libxml2's HTML parser stops numbering lines at 65535.
    page = hostile.html().replace("<table>", "<!--\n-->" + "<p>说明</p>\n" * 70_000 + "<table>")
    page = page.replace("医疗保险稽核", "")
    plist = read_list(_write(tmp_path, "long.html", page))
    lines = page.split("\n")
    assert [r.line for r in plist.rejects] == [
        n for n, line in enumerate(lines, start=1) if "<td>2</td>" in line
    ]
    assert plist.items[0].line == next(n for n, ln in enumerate(lines, 1) if "城乡医疗救助" in ln)


def test_html_spans_lay_out_no_more_than_the_cells_allow(
    tmp_path: Path, bounded: BoundedReader
) -> None:
    spanning = '<td colspan="1000" rowspan="1000">1</td>' * 200
    rows = "<tr><td>3</td><td>医疗保险稽核</td><td>行政检查</td><td>县医保局</td></tr>\n" * 1000
    page = hostile.html().replace("<td>1</td>", spanning).replace("</table>", rows + "</table>")
    outcome = bounded.read(_write(tmp_path, "spans.html", page))
    assert outcome.kind == "error" and "spans of a table" in outcome.message, outcome


@pytest.mark.parametrize("depth", [300, 2000])
def test_tables_nested_deep_in_html_are_read(tmp_path: Path, depth: int) -> None:
    page = hostile.html().replace("<table>", "<div>" * depth + "<table>")
    plist = read_list(_write(tmp_path, "deep.html", page))
    assert [i.name for i in plist.items] == ["城乡医疗救助", "医疗保险稽核"]


def test_html_nested_past_what_the_parser_reads_is_said(tmp_path: Path) -> None:
    page = hostile.html().replace("<table>", "<div>" * 3000 + "<table>")
    error = _refused(_write(tmp_path, "deep.html", page))
    assert "nested deeper" in str(error)
    assert error.line == 3


@pytest.mark.parametrize(
    ("name", "content"),
    [("list.xlsx", hostile.xlsx()), ("list.docx", hostile.docx_file())],
)
@pytest.mark.parametrize("keep", [0.2, 0.5, 0.9])
def test_truncated_archives_are_damaged_archives(
    tmp_path: Path, name: str, content: bytes, keep: float
) -> None:
    error = _refused(_write(tmp_path, name, content[: int(len(content) * keep)]))
    assert "damaged or cut-short archive" in str(error)


# Item 11: the CSV cell limit.


def test_csv_cells_up_to_the_documented_limit_are_read(tmp_path: Path) -> None:
    basis = "依" * MAX_CELL_CHARS
    text = hostile.delimited().replace("县医保局", basis, 1)
    plist = read_list(_write(tmp_path, "big.csv", text))
    assert plist.items[0].department == basis
    over = _refused(_write(tmp_path, "over.csv", text.replace(basis, basis + "依")))
    assert f"{MAX_CELL_CHARS}" in str(over) and over.line == 2
