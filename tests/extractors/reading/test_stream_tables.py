"""A page or document of several tables read in batches (``extractors.reading.tables_stream``) is
the list read whole: one table per power type with headings between them, layout tables, a list
split over tables, captions, label | value tables, a later table adding a column."""

from __future__ import annotations

import html
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.biglist import write_docx_tables, write_html_tables
from extractors.models import PowerList
from extractors.reading.stream import open_list
from extractors.reading.tables_stream import TablesStream
from tests.extractors.reading import hostile
from tests.extractors.reading.test_stream import _same

_HEADER = ("序号", "职权类型", "职权名称", "实施主体")
_TYPELESS = ("序号", "职权名称", "实施主体", "设定依据")
_WIDER = ("序号", "职权名称", "实施主体", "法定期限", "服务电话")


def _items(start: int, count: int, width: int) -> list[tuple[str, ...]]:
    made = []
    for n in range(start, start + count):
        cells = (str(n), "行政处罚", f"对第{n}项违法行为的处罚", "县市场监管局", "20个工作日")
        made.append(cells[:width])
    return made


#: The tables a page may hold, each a list of rows.
_TABLES: dict[str, list[tuple[str, ...]]] = {
    "headed": [_HEADER, *_items(1, 3, 4)],
    "typeless": [_TYPELESS, *[(r[0], r[2], r[3], "《行政处罚法》第八条") for r in _items(4, 3, 4)]],
    "wider": [_WIDER, *[(r[0], r[2], r[3], "20个工作日", "") for r in _items(7, 2, 4)]],
    "headerless": _items(9, 2, 4),
    "repeated": [_HEADER, *_items(11, 2, 4), _HEADER, *_items(13, 1, 4)],
    "label": [("事项名称", "城乡医疗救助"), ("事项类型", "行政确认"), ("实施主体", "县医保局")],
    "caption": [("某县市场监管局权责清单",)],
    "empty": [],
}
_TEXTS = [
    "某县市场监管局权责清单",
    "一、行政许可（2项）",
    "二、行政处罚",
    "三、行政检查（1项）",
    "发布日期：2024-05-06",
    "说明：本清单按职权类型分列",
]
#: A document: its blocks in order, each a line of text or a table.
Block = tuple[str, str]
_BLOCKS = st.one_of(
    st.tuples(st.just("text"), st.sampled_from(_TEXTS)),
    st.tuples(st.just("table"), st.sampled_from(sorted(_TABLES))),
)


def _html_table(name: str) -> str:
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>\n"
        for row in _TABLES[name]
    )
    return f"<table>\n{rows}</table>\n"


def _page(blocks: Sequence[Block], tag: str, layout: bool) -> str:
    """The blocks as a page, each text in a ``tag`` (``div-wrap``: a div holding the text and
    the table after it), all in a layout table's cells when ``layout``."""
    parts = []
    for index, (kind, value) in enumerate(blocks):
        if kind == "table":
            if tag != "div-wrap" or not index or blocks[index - 1][0] != "text":
                parts.append(_html_table(value))
            continue
        if tag == "div-wrap":
            after = blocks[index + 1] if index + 1 < len(blocks) else None
            table = _html_table(after[1]) if after is not None and after[0] == "table" else ""
            parts.append(f"<div>{value}\n{table}</div>\n")
        else:
            parts.append(f"<{tag}>{value}</{tag}>\n")
    body = "".join(parts)
    if layout:
        body = "<table><tr><td>" + "</td></tr>\n<tr><td>".join(parts) + "</td></tr></table>"
    return f"<html><head><title>权责清单</title></head><body>\n{body}</body></html>\n"


def _paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{html.escape(text)}</w:t></w:r></w:p>"


def _docx_table(name: str) -> str:
    rows = _TABLES[name]
    width = max((len(r) for r in rows), default=1)
    grid = "<w:tblGrid>" + "<w:gridCol/>" * width + "</w:tblGrid>"
    cells = "".join(
        "<w:tr>" + "".join(f"<w:tc>{_paragraph(c)}</w:tc>" for c in row) + "</w:tr>" for row in rows
    )
    return f"<w:tbl>{grid}{cells}</w:tbl>"


def _document(blocks: Sequence[Block]) -> bytes:
    body = "".join(_paragraph(v) if k == "text" else _docx_table(v) for k, v in blocks)

    def change(xml: str) -> str:
        head, rest = xml.split("<w:body>", 1)
        return head + "<w:body>" + body + "<w:sectPr" + rest.split("<w:sectPr", 1)[1]

    return hostile.rewrite(hostile.docx_file(), hostile.DOCUMENT, change)


_PER_TYPE: list[Block] = [
    ("text", "某县市场监管局权责清单"),
    ("text", "一、行政许可（2项）"),
    ("table", "typeless"),
    ("text", "二、行政处罚"),
    ("table", "typeless"),
    ("text", "三、行政检查（1项）"),
    ("table", "wider"),
    ("text", "发布日期：2024-05-06"),
]


#: Documents of several tables, and whether a page of them is read in batches (a first table of
#: label | value rows, read whole while the page's lines after it are still to come, leaves the
#: page to the whole reader; a document's paragraphs are all known before its first table).
_SHAPES = [
    pytest.param(_PER_TYPE, True, id="per-type"),
    pytest.param([("table", "caption"), *_PER_TYPE[1:]], True, id="caption-first"),
    pytest.param(
        [("table", "headed"), ("table", "headerless"), ("table", "repeated")], True, id="split"
    ),
    pytest.param([*_PER_TYPE[:3], ("table", "empty"), *_PER_TYPE[3:]], True, id="empty"),
    pytest.param([*_PER_TYPE, ("table", "label")], True, id="label-last"),
    pytest.param([("table", "label"), *_PER_TYPE], False, id="label-first"),
]


@pytest.mark.parametrize(("blocks", "streamed"), _SHAPES)
@pytest.mark.parametrize(
    ("tag", "layout"), [("h2", False), ("p", False), ("div-wrap", False), ("span", True)]
)
def test_html_of_several_tables_in_batches(
    tmp_path: Path, blocks: list[Block], streamed: bool, tag: str, layout: bool
) -> None:
    """Read table by table, the same list as read whole."""
    path = tmp_path / "list.html"
    path.write_text(_page(blocks, tag, layout), encoding="utf-8")
    opened = _same(path, size=2)
    assert isinstance(opened, TablesStream) == streamed


def test_html_headings_name_the_tables_types(tmp_path: Path) -> None:
    path = tmp_path / "list.html"
    path.write_text(_page(_PER_TYPE, "div-wrap", False), encoding="utf-8")
    opened = open_list(path, min_bytes=0)
    assert isinstance(opened, TablesStream)
    items = [i for batch in opened.batches(2) for i in batch]
    assert [i.type for i in items] == ["行政许可"] * 3 + ["行政处罚"] * 3 + ["行政检查"] * 2
    assert opened.head.meta.date is not None


def test_a_table_inside_a_heading_is_read_whole(tmp_path: Path) -> None:
    """The whole reader takes a heading's whole text as the lead of a table inside it, known
    only at the heading's end: such a page of several tables is left to it."""
    page = _page(_PER_TYPE, "h2", False).replace("</h2>\n<table>", "<span><table>", 1)
    path = tmp_path / "list.html"
    path.write_text(page, encoding="utf-8")
    assert "<span><table>" in page
    assert _same(path) is None


@pytest.mark.parametrize(("blocks", "page_streamed"), _SHAPES)
def test_docx_of_several_tables_in_batches(
    tmp_path: Path, blocks: list[Block], page_streamed: bool
) -> None:
    path = tmp_path / "list.docx"
    path.write_bytes(_document(blocks))
    assert isinstance(_same(path, size=2), TablesStream)


@settings(max_examples=120, deadline=None, derandomize=True)
@given(
    blocks=st.lists(_BLOCKS, min_size=1, max_size=7),
    tag=st.sampled_from(["h2", "p", "div", "span", "li", "div-wrap"]),
    layout=st.booleans(),
)
def test_any_page_of_tables_read_in_batches_is_read_whole(
    blocks: list[Block], tag: str, layout: bool
) -> None:
    """Tables of every kind in any order, with text between them in any element, in a layout
    table or not: the same list, or the same one-line error, either way."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "list.html"
        path.write_text(_page(blocks, tag, layout), encoding="utf-8")
        _same(path, size=2)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(blocks=st.lists(_BLOCKS, min_size=1, max_size=7))
def test_any_document_of_tables_read_in_batches_is_read_whole(blocks: list[Block]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "list.docx"
        path.write_bytes(_document(blocks))
        _same(path, size=2)


@pytest.mark.parametrize("writer", [write_html_tables, write_docx_tables])
def test_generated_lists_of_several_tables_in_batches(tmp_path: Path, writer: object) -> None:
    from bench.biglist import rows

    suffix = "html" if writer is write_html_tables else "docx"
    path = tmp_path / f"list.{suffix}"
    write = writer  # a bench writer: a table per power type, a heading above each
    assert callable(write)
    write(path, rows(2_000))
    opened = _same(path, size=300)
    assert isinstance(opened, TablesStream) and opened.counts.items == 2_000
    assert not isinstance(opened, PowerList)


@pytest.mark.parametrize("inner", ["行政许可", "<b>行政</b>许可", "行政<br>许可"])
def test_html_captions_name_the_tables_types_in_batches(tmp_path: Path, inner: str) -> None:
    """A table's own <caption> naming a power type types its rows when the page has several
    tables, read table by table as read whole (before, the batches gave the items no type)."""
    tables = []
    for caption, start in ((inner, 1), ("行政处罚", 4)):
        rows = "".join(
            f"<tr><td>{n}</td><td>对第{n}项事项的办理</td><td>县林业局</td></tr>"
            for n in range(start, start + 3)
        )
        head = "<tr><th>序号</th><th>职权名称</th><th>实施主体</th></tr>"
        tables.append(f"<table><caption>{caption}</caption>{head}{rows}</table>\n")
    path = tmp_path / "list.html"
    path.write_text(f"<html><body><p>某县权责清单</p>{''.join(tables)}</body></html>", "utf-8")
    opened = _same(path, size=2)
    assert isinstance(opened, TablesStream)
    items = [i for batch in opened.batches(2) for i in batch]
    assert [i.type for i in items] == ["行政许可"] * 3 + ["行政处罚"] * 3
