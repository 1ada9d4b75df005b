"""A list read in batches (``extractors.reading.stream``) is the list read whole: the same items in
the same order, the same description, rejects, sections, counts, plausibility and digest."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.biglist import HEADER, WRITERS, rows
from extractors.errors import InputError
from extractors.models import PowerList
from extractors.reading.decode import decode_text
from extractors.reading.detect import detect_text
from extractors.reading.formats.html import COMMENT, TR_TAG, read_html
from extractors.reading.formats.htmlrows import HtmlRows, TrTags
from extractors.reading.read import read_list
from extractors.reading.stream import ListStream, open_list
from extractors.reading.summary import ContentDigest
from extractors.reading.tables_stream import TablesStream
from extractors.reading.textfile import sniff
from extractors.report import Reading
from tests.extractors.reading import hostile
from tests.extractors.reading.test_read_fuzz import (
    _BYTES,
    _XML,
    ARCHIVE_SEEDS,
    TEXT_SEEDS,
    _apply,
    _line_ends,
)
from tests.shared import shared_path


def _same(path: Path, size: int = 3) -> ListStream | TablesStream | None:
    """Read ``path`` both ways and check they agree; the stream, when it was read in batches."""
    try:
        whole = read_list(path)
    except InputError as error:
        with pytest.raises(InputError) as streamed_error:
            open_list(path, min_bytes=0)
        assert str(streamed_error.value) == str(error)
        return None
    opened = open_list(path, min_bytes=0)
    if isinstance(opened, PowerList):
        assert opened == whole
        return None
    batches = list(opened.batches(size))
    assert all(len(batch) == size for batch in batches[:-1])
    items = tuple(item for batch in batches for item in batch)
    assert items == whole.items
    assert opened.head == PowerList(**{**_fields(whole), "items": ()})
    assert Reading.counted(opened.head, opened.counts) == Reading.of(whole)
    digest = ContentDigest(whole.meta)
    for item in whole.items:
        digest.add(item)
    assert opened.digest == digest.hexdigest()
    return opened


def _fields(plist: PowerList) -> dict[str, object]:
    return {name: getattr(plist, name) for name in PowerList.__slots__}


def _text_files(folder: Path) -> list[Path]:
    suffixes = (".md", ".txt", ".csv", ".tsv", ".json", ".jsonl", ".html")
    return sorted(p for p in folder.iterdir() if p.suffix in suffixes)


def test_real_lists_read_in_batches_are_read_whole() -> None:
    files = _text_files(shared_path("realworld")) + _text_files(shared_path("seeds"))
    samples = resources.files("extractors") / "samples"
    files += sorted(Path(str(p)) for p in samples.iterdir() if p.name.endswith((".txt", ".md")))
    streamed = [path for path in files if _same(path) is not None]
    assert len(streamed) >= 3  # the pipe tables among them, read in batches


@pytest.mark.parametrize("fmt", ["md", "csv", "json", "html", "docx"])
def test_generated_list_in_batches(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"list.{fmt}"
    WRITERS[fmt](path, rows(3_000))
    opened = _same(path, size=700)
    assert opened is not None and opened.counts.items == 3_000


def _record(row: tuple[str, ...], extra: dict[str, object] | None = None) -> str:
    return json.dumps({**dict(zip(HEADER, row, strict=True)), **(extra or {})}, ensure_ascii=False)


def test_json_lines_in_batches(tmp_path: Path) -> None:
    """JSON Lines with blank lines, a line that is no object and a key only a late record has
    (so the header is known only once every record was seen): the same either way."""
    lines = [_record(row) for row in rows(300)]
    lines[5] = ""
    lines[7] = "[1, 2]"
    lines[250] = _record(next(rows(1)), {"备注": "late"})
    path = tmp_path / "list.jsonl"
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    opened = _same(path, size=40)
    assert opened is not None and opened.counts.items == 298
    assert [(r.line, r.reason) for r in opened.head.rejects] == [(8, "line is not an object")]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("[" + ",".join(["{}"] * 3) + "]", id="no keys"),
        pytest.param("[1, 2, 3]", id="no objects"),
        pytest.param("[]", id="empty"),
        pytest.param('[{"序号": 1},]', id="trailing comma"),
        pytest.param('[{"序号": 1}] x', id="extra data"),
        pytest.param('[{"序号": 1} {"序号": 2}]', id="no comma"),
        pytest.param('{"序号": 1}\n{"序号": 2', id="cut json lines"),
        pytest.param('{"data": {"list": [{"序号": 1}]}}', id="envelope"),
        pytest.param("[" * 100_000 + "]" * 100_000, id="deep"),
        pytest.param('[{"a": ' + "[" * 100_000 + "]" * 100_000 + "}]", id="deep record"),
        pytest.param('{"a": 1}\n' + "[" * 100_000 + "]" * 100_000, id="deep line"),
    ],
)
def test_json_read_whole_or_refused_alike(tmp_path: Path, text: str) -> None:
    """JSON that is no plain array or JSON Lines, or is bad, gives what ``read_list`` gives:
    the same list, or the same one-line error."""
    path = tmp_path / "list.json"
    path.write_text(text, encoding="utf-8")
    _same(path)


def test_lone_surrogates_in_json_in_batches(tmp_path: Path) -> None:
    records = [_record(row) for row in rows(20)]
    records[3] = records[3].replace("对", "\\ud800对", 1)
    records[9] = _record(next(rows(1)), {"\\udc00键": "x"})
    path = tmp_path / "list.json"
    path.write_text("[\n" + ",\n".join(records) + "\n]", encoding="utf-8")
    opened = _same(path, size=4)
    assert opened is not None
    items = [i for batch in opened.batches() for i in batch]
    assert "lone-surrogate" in [a.code for a in items[3].anomalies]


def test_tables_written_many_ways(tmp_path: Path) -> None:
    """Continuation rows, sections, sub-items, a repeated header, a further table with a column
    the first has not, a date after the table, blank rows, a wrapped row: the same either way."""
    text = "\n".join(
        [
            "某县市场监管局权责清单",
            "| 序号 | 职权类型 | 职权名称 | 子项 | 实施主体 |",
            "|---|---|---|---|---|",
            "| 一、行政处罚 | | | | |",
            "| 1 | 行政处罚 | 对违法行为的处罚 | | 县市场监管局 |",
            "| | | 续写的名称 | | |",
            "",
            "| 2 | 行政检查 | 对经营者的检查 | 现场检查 | 县市场监管局 |",
            "| | | | 抽样检查 | |",
            "| 3 | 行政许可 | 食品经营许可 | | 县市场监管局 |",
            "| 序号 | 职权类型 | 职权名称 | 子项 | 实施主体 |",
            "| 4 | 行政确认 | 对某事项的确认",
            "| 5 | 其他 | 名称五 | | 县市场监管局 |",
            "| 序号 | 职权名称 | 法定期限 | 服务电话 |",
            "| 6 | 名称六 | | 20个工作日 |",
            "",
            "日期：2024-05-06",
        ]
    )
    path = tmp_path / "list.md"
    path.write_text(text, encoding="utf-8")
    assert _same(path, size=1) is not None


@pytest.mark.parametrize("fmt", ["csv", "html", "docx"])
def test_a_file_changed_between_the_readings_is_refused(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"list.{fmt}"
    WRITERS[fmt](path, rows(50))
    opened = open_list(path, min_bytes=0)
    assert isinstance(opened, ListStream | TablesStream)
    WRITERS[fmt](path, (tuple(c.replace("（7）", "（七）") for c in row) for row in rows(50)))
    with pytest.raises(InputError, match="changed while it was read"):
        list(opened.batches())


@settings(max_examples=80, deadline=None, derandomize=True)
@given(
    name=st.sampled_from(
        ["list.md", "list.csv", "list.tsv", "list.json", "list.jsonl", "list.html"]
    ),
    ends=st.sampled_from(["\n", "\r", "\r\n", "mixed"]),
    raw=st.lists(_BYTES, max_size=2),
)
def test_mutated_files_read_in_batches_are_read_whole(
    name: str, ends: str, raw: list[tuple[Callable[..., bytes], object]]
) -> None:
    """Cut, flipped, NULs, stray bytes, every kind of line end: either way the same list or the
    same one-line error."""
    text = TEXT_SEEDS[name].decode()
    text = _line_ends(text, ends) if ends != "\n" else text
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(_apply(text.encode(), raw))
        _same(path, size=2)


# HTML: the page read a row at a time (``extractors.reading.formats.htmlrows``).

_PAGE = hostile.html()
_CELLS = "<tr><td>1</td><td>城乡医疗救助</td><td>行政确认</td><td>县医保局</td></tr>"


def _real_page() -> str:
    """The real HTML list of the set, without the ``# source:`` line the set puts above it."""
    path = shared_path("realworld") / "205_zhejiang_sheng_shipin_yaopin_choucha.html"
    return path.read_text(encoding="utf-8").split("\n", 1)[1]


@pytest.mark.parametrize(
    ("change", "streamed"),
    [
        pytest.param(lambda p: p, True, id="as-written"),
        pytest.param(lambda p: p.replace("\n", "\r"), True, id="cr-line-ends"),
        pytest.param(lambda p: p.replace("\n", "\r\n"), True, id="crlf-line-ends"),
        pytest.param(
            lambda p: p.replace("<table", "<table><tr><td>版式</td><td><table", 1).replace(
                "</table>", "</table></td></tr></table><p>发布日期：2024-05-06</p>"
            ),
            True,
            id="in-a-layout-table-date-below",
        ),
        pytest.param(lambda p: p.replace("<table", "<div>" * 300 + "<table"), True, id="deep-300"),
        pytest.param(
            lambda p: p.replace("<table", "<div>" * 3000 + "<table"), False, id="too-deep"
        ),
        pytest.param(
            lambda p: p.replace("<table", "<table><tr><td>附表</td></tr></table><table", 1),
            True,
            id="two-leaf-tables",
        ),
        pytest.param(lambda p: p.replace("<tr>", "<!-- <tr> --><tr>"), True, id="comments"),
        pytest.param(
            lambda p: "<p>见 </body></html> 之后</p>\n" + p, False, id="end-tags-in-the-text"
        ),
        pytest.param(lambda p: p + "<table><tr><td>x</td></tr></table>", True, id="after-html"),
        pytest.param(
            lambda p: p.replace("<td>", '<td colspan="1000" rowspan="1000">'), False, id="spans"
        ),
        pytest.param(lambda p: p.replace("</td>", "").replace("</tr>", ""), True, id="no-ends"),
        pytest.param(lambda p: p.replace("<tr>", "<tr>", 1).split("<tr>")[0], False, id="cut"),
    ],
)
@pytest.mark.parametrize("page", [pytest.param(_PAGE, id="made"), pytest.param(None, id="real")])
def test_html_pages_in_batches(
    tmp_path: Path, page: str | None, change: Callable[[str], str], streamed: bool
) -> None:
    """Layout tables, nesting, comments, spans, pages that end twice, every kind of line end:
    read a row at a time, the same list (or the same one-line error) as read whole."""
    path = tmp_path / "list.html"
    path.write_text(change(_real_page() if page is None else page), encoding="utf-8")
    opened = _same(path, size=2)
    # the made page's shapes: read a row at a time, or left whole
    assert page is None or (opened is not None) == streamed


def test_a_long_html_page_numbers_its_rows_past_the_parser(tmp_path: Path) -> None:
    """libxml2 numbers lines up to 65,535: past it a row's line is told by its ``<tr`` tag, the
    same way read a row at a time, a ``<tr>`` in a comment not counted."""
    gap = "\n" * 700
    body = "".join(_CELLS.replace("<td>1<", f"<td>{n}<") + gap for n in range(1, 120))
    page = _PAGE.replace("</table>", "<!-- <tr>\n -->" + body + "</table>")
    path = tmp_path / "list.html"
    path.write_text(page, encoding="utf-8")
    opened = _same(path, size=7)
    assert opened is not None
    lines = [item.line for batch in opened.batches() for item in batch]
    assert lines[-1] > 65_535 and lines[-1] == page.count("\n", 0, page.rindex("<tr>")) + 1


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    pieces=st.lists(
        st.sampled_from(["<tr>", "<TR ", "<tr/", "<tr", "<!--", "-->", "\n", "x", "-"])
    ),
    cuts=st.lists(st.integers(min_value=1, max_value=9), min_size=1),
)
def test_tr_tags_found_a_block_at_a_time(pieces: list[str], cuts: list[int]) -> None:
    """The lines of ``<tr`` tags outside comments, the text cut anywhere: those found in the
    whole text (a comment left open counts as none)."""
    text = "".join(pieces)
    clean = COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text)
    whole = [clean.count("\n", 0, m.start()) + 1 for m in TR_TAG.finditer(clean)]
    tags, found, at = TrTags(), [], 0
    for n in cuts * (len(text) + 1):
        if at >= len(text):
            break
        found += tags.feed(text[at : at + n])
        at += n
    found += tags.close()
    if not tags.unclosed:
        assert found == whole


# DOCX: the document part parsed a row at a time (``formats.documents.docxrows``).

_DOCX = ARCHIVE_SEEDS["list.docx"]
_MERGED_DOCX = ARCHIVE_SEEDS["merged.docx"]


def _docx_with(change: Callable[[str], str], seed: bytes = _DOCX) -> bytes:
    return hostile.rewrite(seed, hostile.DOCUMENT, change)


@pytest.mark.parametrize(
    ("data", "streamed"),
    [
        pytest.param(_DOCX, True, id="as-written"),
        pytest.param(_MERGED_DOCX, True, id="merged-cells"),
        pytest.param(_docx_with(lambda x: hostile.wide_span(x, 1_000_000)), True, id="gridspan"),
        pytest.param(
            _docx_with(lambda x: hostile.laughs("w:document", x, "城乡医疗救助")),
            False,
            id="laughs",
        ),
        pytest.param(_docx_with(lambda x: x.replace("</w:tbl>", "</w:tbl>" * 2)), False, id="bad"),
        pytest.param(
            _docx_with(lambda x: x.replace("<w:tbl>", "<w:tbl><w:tr/></w:tbl><w:tbl>", 1)),
            True,
            id="two-tables",
        ),
        pytest.param(_docx_with(lambda x: x.replace("<w:body>", "<w:x>")), False, id="no-body"),
        pytest.param(_DOCX[: len(_DOCX) // 2], False, id="cut"),
        pytest.param(hostile.damage_member(_DOCX, hostile.DOCUMENT, 0.5), False, id="damaged"),
        pytest.param(
            hostile.rewrite(_DOCX, "word/styles.xml", lambda x: x[: len(x) // 2]),
            False,
            id="styles-cut",
        ),
    ],
)
def test_docx_in_batches(tmp_path: Path, data: bytes, streamed: bool) -> None:
    """Merged cells, a span of a million columns, entity bombs, damaged parts, several tables:
    read a row at a time, the same list (or the same one-line error) as read whole."""
    path = tmp_path / "list.docx"
    path.write_bytes(data)
    opened = _same(path, size=1)
    assert (opened is not None) == streamed


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    xml=st.lists(_XML, min_size=1, max_size=2),
    raw=st.lists(_BYTES, max_size=1),
    seed=st.sampled_from([_DOCX, _MERGED_DOCX]),
)
def test_mutated_docx_read_in_batches_is_read_whole(
    xml: list[tuple[Callable[[str, float], str], float]],
    raw: list[tuple[Callable[..., bytes], object]],
    seed: bytes,
) -> None:
    data = seed
    for mutation, at in xml:
        data = _docx_with(lambda text, m=mutation, a=at: m(text, a), data)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "list.docx"
        path.write_bytes(_apply(data, raw))
        _same(path, size=1)


# The text no longer held: each reading decodes the file again (``extractors.reading.textfile``).


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-32"])
@pytest.mark.parametrize("ends", ["\n", "\r", "\r\n"])
@pytest.mark.parametrize("name", ["list.md", "list.csv", "list.tsv", "list.jsonl", "list.html"])
def test_encodings_and_line_ends_read_again_from_the_file(
    tmp_path: Path, name: str, ends: str, encoding: str
) -> None:
    """BOMs, GB18030, UTF-16/32, CR-only and CRLF line ends: decoded again at each reading, the
    same list as read whole."""
    text = TEXT_SEEDS[name].decode().replace("\n", ends)
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    assert _same(path, size=1) is not None


_SNIFF_PIECES = st.sampled_from(
    ["序号", "|", ",", "\t", "\n", "\r", " ", "{", "[", "<table>", "<TABLE", "x", "\u2028", "\x00"]
)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(
    pieces=st.lists(_SNIFF_PIECES, max_size=80),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]),
    size=st.integers(1, 7),
)
def test_a_file_sniffed_a_block_at_a_time_as_decoded_whole(
    pieces: list[str], encoding: str, size: int
) -> None:
    """The encoding and format found going through a file a few characters at a time are those
    ``decode_text`` and ``detect_text`` find in its whole text (or it is left to them)."""
    data = "".join(pieces).encode(encoding)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "list.txt"
        path.write_bytes(data)
        found = sniff(path, size=size)
    if found is None:
        return
    text, used = decode_text(data, "list.txt")
    assert (found.encoding, found.format) == (used, detect_text(text))


@pytest.mark.parametrize("size", [1, 7, 64])
@pytest.mark.parametrize("page", [pytest.param(_PAGE, id="made"), pytest.param(None, id="real")])
def test_html_rows_fed_any_way_are_those_read_whole(page: str | None, size: int) -> None:
    """The page fed in blocks of any size, on one line or many: the rows and context lines of
    ``read_html``."""
    text = _real_page() if page is None else page
    for shape in (text, text.replace("\n", "")):
        (grid,) = read_html(shape, "list.html")
        page = HtmlRows.open(lambda s=shape: (s[at : at + size] for at in range(0, len(s), size)))
        assert page is not None
        (table,) = [(tuple(t.rows), t.context, t.lead) for t in page.tables()]
        assert table[0] == grid.rows
        assert sorted(table[1]) == sorted(grid.context)
        assert table[2] == grid.lead is None
