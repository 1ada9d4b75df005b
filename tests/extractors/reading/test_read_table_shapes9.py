"""Round 10 of the table readers' shapes (what round 9 left): the items of grouped JSON each on
the line its own object starts on, a full-width comma CSV checked past its first lines, and
the rows of an ``<iframe srcdoc>`` whose line breaks are written ``&#10;`` on the page's lines."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

from extractors import read_list
from tests.extractors.reading.tables import Table, write
from tests.extractors.reading.test_read_shapes import HEADER, ITEMS, _read_back
from tests.extractors.reading.test_stream import _same


def _opening_lines(text: str, serials: list[str]) -> list[int]:
    """The line each item's object opens on: the line before the one of its serial (the
    objects are written a member a line, the serial first)."""
    lines = text.split("\n")
    return [next(n for n, t in enumerate(lines, 1) if f'"序号": "{s}"' in t) - 1 for s in serials]


@pytest.mark.parametrize("envelope", [False, True])
def test_json_grouped_by_power_type_each_item_on_its_own_line(
    tmp_path: Path, envelope: bool
) -> None:
    # {"行政许可": [...], "行政处罚": [...]}: before, every item of a group was given the line its
    # group's first item starts on.
    fields = ("序号", "事项名称", "实施主体", "设定依据", "追责依据")
    groups: dict[str, list[dict[str, str]]] = {}
    for i in (*ITEMS, *((str(n), *i[1:]) for n, i in enumerate(ITEMS, 4))):
        groups.setdefault(i[2], []).append(dict(zip(fields, (*i[:2], *i[3:]), strict=True)))
    path = tmp_path / "list.json"
    path.write_text(
        json.dumps(
            {"code": 200, "data": groups} if envelope else groups, ensure_ascii=False, indent=1
        ),
        "utf-8",
    )
    read = read_list(path)
    serials = [i.row or "" for i in read.items]
    assert serials == ["1", "4", "2", "5", "3", "6"]
    assert [i.line for i in read.items] == _opening_lines(path.read_text("utf-8"), serials)


def test_json_grouped_under_departments_each_item_on_its_own_line(tmp_path: Path) -> None:
    # [{"deptName": "县人力社保局", "items": [...]}, …]: before, every item of a department took
    # the line its department's object starts on, read whole or in batches.
    groups: dict[str, list[dict[str, str]]] = {}
    for i in ITEMS:
        record = dict(zip(HEADER, i, strict=True))
        groups.setdefault(record.pop("实施主体"), []).append(record)
    data = {"data": [{"deptName": d, "items": items} for d, items in groups.items()]}
    path = tmp_path / "list.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")
    read = read_list(path)
    serials = [i.row or "" for i in read.items]
    assert serials == ["1", "3", "2"]
    assert [i.line for i in read.items] == _opening_lines(path.read_text("utf-8"), serials)
    _same(path, size=1)


@pytest.mark.parametrize("dropped", [1, 3, 5])
def test_full_width_comma_csv_row_short_of_a_cell_past_the_first_lines(
    tmp_path: Path, dropped: int
) -> None:
    # A guard (passes on b099094): a full-width comma CSV is told from its first 50 lines, and
    # a later row with one cell too few is said as in any CSV (short-row, missing-cell), read
    # whole or in batches.
    rows = [(str(n), f"对违反劳动保障规定第{n}项行为的处罚", *ITEMS[1][2:]) for n in range(1, 71)]
    rows[59] = rows[59][:dropped] + rows[59][dropped + 1 :]
    path = tmp_path / "list.csv"
    path.write_text("\n".join("，".join(r) for r in (HEADER, *rows)) + "\n", "utf-8")
    read = read_list(path)
    assert len(read.items) == 70
    short = read.items[59]
    assert short.line == 61
    assert {"short-row", "missing-cell"} <= {a.code for a in short.anomalies}
    _same(path, size=7)


@pytest.mark.parametrize("breaks", ["&#10;", "&#xA;", "&#13;&#10;"])
def test_iframe_srcdoc_line_breaks_written_as_references(tmp_path: Path, breaks: str) -> None:
    # srcdoc="<table>&#10;<tr>…": the frame's page is on one line of the outer page; before,
    # its rows were numbered as if its breaks were the page's (lines before the frame's).
    inner = write(tmp_path, [Table((HEADER, *ITEMS))], "html").read_text("utf-8")
    escaped = html.escape(inner, quote=True).replace("\n", breaks)
    page = ("<html><body>\n<h1>某县人力资源和社会保障局权责清单</h1>\n<p>说明</p>\n"
            f'<iframe width="100%" srcdoc="{escaped}"></iframe>\n</body></html>\n')  # fmt: skip
    path = tmp_path / "framed.html"
    path.write_text(page, "utf-8")
    plist = _read_back(path, ITEMS)
    assert [i.line for i in plist.items] == [4, 4, 4]


def test_iframe_srcdoc_some_breaks_written_as_references(tmp_path: Path) -> None:
    # The frame's rows each on a line of the page, a cell's breaks written &#10; inside them.
    cells = "".join
    rows = [cells(f"<td>{c}</td>" for c in r) for r in (HEADER, *ITEMS)]
    inner = (
        "<table>\n"
        + "\n".join(f"<tr>{r}</tr>".replace("</td><td>", "</td>&#10;<td>") for r in rows)
        + "\n</table>"
    )
    escaped = html.escape(inner, quote=True).replace("&amp;#10;", "&#10;")
    page = ("<html><body>\n<h1>某县人力资源和社会保障局权责清单</h1>\n"
            f'<iframe srcdoc="{escaped}"></iframe>\n</body></html>\n')  # fmt: skip
    path = tmp_path / "framed.html"
    path.write_text(page, "utf-8")
    plist = _read_back(path, ITEMS)
    assert [i.line for i in plist.items] == [5, 6, 7]


@pytest.mark.parametrize("separator", [",", "，"])
def test_csv_cell_opening_with_a_quote_none_closes(tmp_path: Path, separator: str) -> None:
    # "未闭合的检查 (a quote typed before a name, none after): before, the csv module took every
    # line after it into that one cell (10 items of 70 read as one, said but the list sure).
    rows = [(str(n), f"对违反劳动保障规定第{n}项行为的处罚", *ITEMS[1][2:]) for n in range(1, 71)]
    rows[59] = (rows[59][0], '"未闭合的检查', *rows[59][2:])
    path = tmp_path / "list.csv"
    path.write_text("\n".join(separator.join(r) for r in (HEADER, *rows)) + "\n", "utf-8")
    read = read_list(path)
    assert [i.row for i in read.items] == [str(n) for n in range(1, 71)]
    assert [i.line for i in read.items[58:62]] == [60, 61, 62, 63]
    assert read.items[59].name == '"未闭合的检查'
    assert read.items[60].department == ITEMS[1][3]
    _same(path, size=7)
