"""A PDF read page by page, in batches (``extractors.reading.formats.documents.pdfrows``, table by
table through ``extractors.reading.tables_stream``), is the list ``read_list`` reads whole: the
same items, description, rejects and counts, or the same one-line error. One table or several
(a table per power type under headings, tables of two widths, a table without ruling whose
header is printed on every page) are read in batches, and one of no table as page text
(``formats.text.pagerows``, tested with page text); a scan or a damaged PDF is read whole:
``open_list`` gives what ``read_list`` gives."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("reportlab")

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

from bench.biglist import WRITERS, rows
from extractors.errors import InputError
from extractors.models import PowerList
from extractors.reading.stream import open_list
from extractors.reading.tables_stream import TablesStream
from tests.extractors.reading import tables
from tests.extractors.reading.test_read_fuzz import (
    _BYTES,
    OTHER_SEEDS,
    TEXT_SEEDS,
    _apply,
    _line_ends,
)
from tests.extractors.reading.test_read_pdf import (
    BASIS,
    HEADER,
    MERGED,
    SONG,
    SPANS,
    WIDTHS,
    _pdf,
    _without_unicode_map,
)
from tests.extractors.reading.test_stream import _same

_PDF_ROWS = [
    [str(n), f"对第{n}类单位的检查", "行政检查", BASIS, "检查", "市统计局"] for n in range(1, 41)
]


def _written(tmp_path: Path, data: bytes, name: str = "list.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_generated_pdf_in_batches(tmp_path: Path) -> None:
    """A ruled table over 15 pages, its header again on each, a title above, page numbers."""
    path = tmp_path / "list.pdf"
    WRITERS["pdf"](path, rows(420))
    opened = _same(path, size=70)
    assert opened is not None and opened.counts.items == 420
    assert opened.head.meta.title == "某县权责清单"


def test_pdf_pages_are_laid_out_once(tmp_path: Path) -> None:
    """The first reading keeps the rows it made; the batches are read from them, not from the
    pages again (which take some 2 ms an item): they come out whole with the file gone."""
    path = tmp_path / "list.pdf"
    WRITERS["pdf"](path, rows(100))
    opened = open_list(path, min_bytes=0)
    assert isinstance(opened, TablesStream)
    path.unlink()
    assert sum(len(batch) for batch in opened.batches(30)) == 100


def test_rows_not_kept_when_no_temporary_file_can_be_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no room for the rows (here no temporary directory), the batches lay out the pages
    again: the same list; and a file gone before they do is one line, no traceback."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no-such-directory"))
    path = tmp_path / "list.pdf"
    WRITERS["pdf"](path, rows(60))
    assert _same(path, size=25) is not None
    opened = open_list(path, min_bytes=0)
    assert isinstance(opened, TablesStream)
    path.unlink()
    with pytest.raises(InputError, match="changed while it was read"):
        list(opened.batches())


@pytest.mark.parametrize(
    ("make", "streamed"),
    [
        pytest.param(lambda: _pdf(MERGED, style=SPANS), True, id="cells-merged-over-rows"),
        pytest.param(lambda: _pdf(_PDF_ROWS, repeat=1), True, id="over-pages-header-repeated"),
        pytest.param(lambda: _pdf(_PDF_ROWS, repeat=0), True, id="over-pages-header-once"),
        pytest.param(lambda: _pdf(_PDF_ROWS, ruled=False), True, id="unruled-header-per-page"),
        pytest.param(lambda: _pdf(MERGED, style=SPANS, ruled=False), True, id="unruled"),
        pytest.param(lambda: _two_tables(), True, id="two-tables"),
        pytest.param(lambda: _labels(), False, id="no-table-label-records"),
        pytest.param(lambda: _scan(), False, id="scan"),
        pytest.param(lambda: _without_unicode_map(_pdf(MERGED, style=SPANS)), False, id="cid"),
        pytest.param(lambda: _pdf(MERGED, style=SPANS)[:2000], False, id="cut-short"),
        pytest.param(lambda: b"%PDF-1.4\n" + b"0" * 4000, False, id="no-pdf-body"),
    ],
)
def test_pdfs_in_batches_or_read_whole(
    tmp_path: Path, make: Callable[[], bytes], streamed: bool
) -> None:
    opened = _same(_written(tmp_path, make()), size=2)
    assert (opened is not None) == streamed


def _two_tables() -> bytes:
    """A list's table, then on a page of its own a table of another width (a signature block)."""
    out = io.BytesIO()

    def table(data: list[list[str]], widths: list[int]) -> Table:
        made = Table([[Paragraph(c, SONG) for c in r] for r in data], colWidths=widths)
        made.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
        return made

    flow: list[Any] = [Paragraph("某市统计局权责清单", SONG)]
    flow += [table([HEADER, *_PDF_ROWS[:5]], WIDTHS), PageBreak()]
    flow += [table([["单位", "签章"], ["某市统计局", "（盖章）"]], [200, 200])]
    SimpleDocTemplate(out, pagesize=landscape(A4)).build(flow)
    return out.getvalue()


def _labels() -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.setFont("STSong-Light", 12)
    lines = ["事项名称：城乡医疗救助", "事项类型：行政确认", "实施主体：县医保局"]
    for n, line in enumerate(lines):
        page.drawString(50, 700 - 20 * n, line)
    page.save()
    return out.getvalue()


def _scan() -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.rect(50, 50, 400, 600, fill=1)
    page.save()
    return out.getvalue()


@settings(max_examples=25, deadline=None, derandomize=True)
@given(raw=st.lists(_BYTES, min_size=1, max_size=2))
def test_mutated_pdfs_read_in_batches_are_read_whole(
    raw: list[tuple[Callable[..., bytes], object]],
) -> None:
    """Cut, flipped, NULs, stray bytes: either way the same list or the same one-line error."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "list.pdf"
        path.write_bytes(_apply(OTHER_SEEDS["list.pdf"], raw))
        _same(path, size=1)


def test_a_small_pdf_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "list.pdf"
    WRITERS["pdf"](path, rows(30))
    assert isinstance(open_list(path), PowerList)


def test_page_text_is_read_in_batches(tmp_path: Path) -> None:
    """Page text is read in batches too (``formats.text.pagerows``): the same list."""
    path = tmp_path / "list.txt"
    WRITERS["txt"](path, rows(500))
    assert isinstance(_same(path), TablesStream)


@settings(max_examples=25, deadline=None, derandomize=True)
@given(ends=st.sampled_from(["\n", "\r", "\r\n", "mixed"]), raw=st.lists(_BYTES, max_size=2))
def test_mutated_page_text_is_read_whole(
    ends: str, raw: list[tuple[Callable[..., bytes], object]]
) -> None:
    """Page text cut, flipped, with NULs and every kind of line end: the same list or the same
    one-line error either way."""
    text = _line_ends(TEXT_SEEDS["list.txt"].decode(), ends)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "list.txt"
        path.write_bytes(_apply(text.encode(), raw))
        _same(path, size=1)


# -- several tables --------------------------------------------------------------------------------

_TYPED = ("序号", "职权名称", "实施主体", "设定依据")
_WIDER = ("序号", "职权名称", "实施主体", "法定期限", "服务电话")


def _rows_of(start: int, count: int, width: int = 4) -> tuple[tuple[str, ...], ...]:
    made = []
    for n in range(start, start + count):
        cells = (str(n), f"对第{n}项违法行为的处罚", "县市场监管局", BASIS, "0000")
        made.append(cells[:width])
    return tuple(made)


def _per_type(first: int = 3) -> list[tables.Table]:
    """A table per power type, each under a heading naming it, the last of another width; a
    title above, a date below."""
    return [
        tables.Table(
            (_TYPED, *_rows_of(1, first)), before=("某县市场监管局权责清单", "一、行政许可")
        ),
        tables.Table((_TYPED, *_rows_of(first + 1, 3)), before=("二、行政处罚（3项）",)),
        tables.Table(
            (_WIDER, *_rows_of(first + 4, 2, 5)),
            before=("三、行政检查",),
            after=("发布日期：2024-05-06",),
        ),
    ]


def test_a_table_per_power_type_under_headings_in_batches(tmp_path: Path) -> None:
    """Each heading types its table's rows, the last table is wider, the date below the last
    table is the list's: read table by table as read whole."""
    opened = _same(_written(tmp_path, tables.pdf(_per_type())), size=2)
    assert isinstance(opened, TablesStream)
    items = [i for batch in opened.batches(2) for i in batch]
    assert [i.type for i in items] == ["行政许可"] * 3 + ["行政处罚"] * 3 + ["行政检查"] * 2
    assert opened.head.meta.date is not None and opened.head.meta.title is not None


def test_a_table_over_pages_then_a_second_table_in_batches(tmp_path: Path) -> None:
    """The first table runs over three pages (its header again on each), then a heading and a
    table of another width: two tables, the first one whole across its page breaks."""
    opened = _same(_written(tmp_path, tables.pdf(_per_type(first=70))), size=7)
    assert isinstance(opened, TablesStream) and opened.counts.items == 75


@pytest.mark.parametrize("ruled", [True, False])
def test_tables_of_two_widths_in_batches(tmp_path: Path, ruled: bool) -> None:
    two = [
        tables.Table((_TYPED, *_rows_of(1, 30)), before=("某县权责清单",)),
        tables.Table((_WIDER, *_rows_of(31, 30, 5)), before=("附表",)),
    ]
    opened = _same(_written(tmp_path, tables.pdf(two, ruled=ruled)), size=4)
    assert isinstance(opened, TablesStream)


def test_unruled_table_with_its_header_on_every_page_in_batches(tmp_path: Path) -> None:
    """Without ruling, a header printed again on each page begins a table there, as read whole."""
    opened = _same(_written(tmp_path, _pdf(_PDF_ROWS * 2, ruled=False)), size=9)
    assert isinstance(opened, TablesStream) and opened.counts.items == 80


_SEVERAL = (
    tables.Table((_TYPED, *_rows_of(1, 2)), before=("某县权责清单", "一、行政许可")),
    tables.Table((_WIDER, *_rows_of(3, 2, 5)), before=("二、行政处罚",), after=("说明：无",)),
)


@settings(max_examples=20, deadline=None, derandomize=True)
@given(raw=st.lists(_BYTES, min_size=1, max_size=2))
def test_mutated_pdfs_of_several_tables_read_either_way_alike(
    raw: list[tuple[Callable[..., bytes], object]],
) -> None:
    """A PDF of two tables cut, flipped, with NULs or stray bytes: the same list or the same
    one-line error either way."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "list.pdf"
        path.write_bytes(_apply(_SEVERAL_PDF, raw))
        _same(path, size=1)


_SEVERAL_PDF = tables.pdf(list(_SEVERAL))
_PIECES = {
    "typed": (_TYPED, *_rows_of(1, 2)),
    "wider": (_WIDER, *_rows_of(3, 2, 5)),
    "headerless": _rows_of(5, 2),
    "label": (("事项名称", "城乡医疗救助"), ("事项类型", "行政确认"), ("实施主体", "县医保局")),
}
_LINES = ["某县权责清单", "一、行政许可", "二、行政处罚（2项）", "发布日期：2024-05-06", "说明"]


@settings(max_examples=15, deadline=None, derandomize=True)
@given(
    made=st.lists(
        st.tuples(
            st.sampled_from(sorted(_PIECES)),
            st.lists(st.sampled_from(_LINES), max_size=2),
            st.lists(st.sampled_from(_LINES), max_size=1),
        ),
        min_size=1,
        max_size=4,
    ),
    ruled=st.booleans(),
)
def test_any_pdf_of_tables_read_in_batches_is_read_whole(
    made: list[tuple[str, list[str], list[str]]], ruled: bool
) -> None:
    """Tables of every kind in any order, lines above and below each, ruled or not: the same
    list, or the same one-line error, either way."""
    written = [tables.Table(_PIECES[k], before=tuple(b), after=tuple(a)) for k, b, a in made]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "list.pdf"
        path.write_bytes(tables.pdf(written, ruled=ruled))
        _same(path, size=2)
