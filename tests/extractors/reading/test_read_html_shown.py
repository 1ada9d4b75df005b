"""A page whose list is written as paragraphs, not as a table: read as the text the page shows
(a paragraph, a list item, a cell each a line; paragraphs set apart as a browser's copy sets
them), each item on the line of the page its row starts on, never as its markup."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extractors.reading.support import read_written

ROWS = [
    ("1", "林木采伐许可", "行政许可", "《中华人民共和国森林法》第五十六条", "县林业局"),
    ("2", "对违法开垦林地的处罚", "行政处罚", "《中华人民共和国森林法》第七十四条", "县林业局"),
    ("3", "森林防火检查", "行政检查", "《森林防火条例》第二十四条", "县林业局"),
]
HEADER = ("序号", "事项名称", "事项类型", "设定依据", "实施主体")


def _page(body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html>\n<head><meta charset="utf-8"><title>权责清单</title></head>\n'
        f"<body>\n<h2>某县林业局权责清单</h2>\n{body}\n</body>\n</html>\n"
    )


def _a_paragraph_a_cell() -> str:
    return "\n".join(f"<p>{cell}</p>" for row in (HEADER, *ROWS) for cell in row)


def _a_line_a_row() -> str:
    return "\n".join(f"<div>{' '.join(row)}</div>" for row in (HEADER, *ROWS))


def _in_a_layout_table() -> str:
    rows = "\n".join(f"<p>{'&nbsp;'.join(row)}</p>" for row in (HEADER, *ROWS))
    return f'<table class="layout"><tr><td class="content">\n{rows}\n</td></tr></table>'


def _lines_of_br() -> str:
    return "<p>" + "<br/>\n".join(" ".join(row) for row in (HEADER, *ROWS)) + "</p>"


SHAPES = {
    "a-paragraph-a-cell": _a_paragraph_a_cell,
    "a-div-a-row": _a_line_a_row,
    "paragraphs-in-a-layout-table": _in_a_layout_table,
    "lines-apart-at-br": _lines_of_br,
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_list_written_as_paragraphs_is_read_from_the_text_the_page_shows(
    tmp_path: Path, shape: str
) -> None:
    page = _page(SHAPES[shape]())
    plist = read_written(tmp_path, "list.html", page, expect="html")
    got = [
        tuple(i.get(k) for k in ("row", "name", "type", "basis", "department")) for i in plist.items
    ]
    assert got == ROWS
    assert not any("<" in (i.get("name") or "") for i in plist.items)
    # each item sits on the line of the page where its row's text starts
    lines = page.splitlines()
    for item in plist.items:
        assert item.get("name") in lines[item.line - 1] or item.get("row") in lines[item.line - 1]
