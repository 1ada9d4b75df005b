"""Page text read in batches (``formats.text.pagerows``, through ``tables_stream``) is page text
read whole: the same items in the same order, the same description, rejects (with their lines),
notes, sections, counts and digest, on the real page-text lists, on generated pages of every
shape the reading sums over the whole page (annexes, a header printed again at page breaks, one
cell per paragraph, columns the header lacks, a cut-off last record, wrapped cells, copies of
an item printed twice, before or after, cut short, in another list) and on random ones."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.models import PowerList
from extractors.reading.decode import decode_text
from extractors.reading.detect import detect_text
from extractors.reading.limits import MAX_CELL_CHARS
from extractors.reading.read import read_list
from extractors.reading.stream import open_list
from extractors.reading.tables_stream import TablesStream
from tests.extractors.reading.pagetext import Item, Layout
from tests.extractors.reading.test_read_page_property import pages
from tests.extractors.reading.test_stream import _same
from tests.shared import shared_path

HEADER = "序号 事项名称 事项类型 设定依据 实施主体"
_TYPES = ("行政许可", "行政处罚", "行政检查", "行政确认")
_BASES = ("《中华人民共和国森林法》第五十六条", "《渔业法》第二十三条第一款", "《统计法》第七条")
_DEPARTMENTS = ("县林业局", "县农业农村局", "县统计局")


def _record(n: int, name: str, *, basis: int = 0, cut: int | None = None) -> str:
    """A record a line; ``cut``: its basis cut short to that many characters."""
    text = _BASES[basis % len(_BASES)]
    return f"{n} {name} {_TYPES[n % len(_TYPES)]} {text[:cut]} {_DEPARTMENTS[n % 3]}"


def _name(n: int) -> str:
    return f"第{n}号林木采伐许可"


def _streamed(tmp_path: Path, text: str, size: int = 3) -> TablesStream:
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    stream = _same(path, size)
    assert isinstance(stream, TablesStream), "read whole"
    return stream


def test_real_page_text_lists_in_batches() -> None:
    streamed = 0
    for path in sorted(shared_path("realworld").iterdir()):
        if path.suffix != ".txt" or not path.is_file():
            continue
        text, _ = decode_text(path.read_bytes(), str(path))
        if detect_text(text) == "text":
            streamed += isinstance(_same(path, 7), TablesStream)
    assert streamed >= 8


def test_one_list(tmp_path: Path) -> None:
    lines = ["首页 > 信息公开", "某县林业局权责清单", HEADER]
    lines += [_record(n, _name(n)) for n in range(1, 41)]
    _streamed(tmp_path, "\n".join([*lines, "发布日期：2024-05-06", ""]))


def test_annexes(tmp_path: Path) -> None:
    lines = ["关于公布权责清单的通知", "各乡镇人民政府：现将清单印发给你们。"]
    for k in range(1, 5):
        lines += [f"附件{k}", f"某县第{k}类权责事项清单", HEADER if k % 2 else HEADER + " 备注"]
        lines += [_record(n, _name(100 * k + n)) for n in range(1, 12)]
    stream = _streamed(tmp_path, "\n".join(lines))
    assert stream.counts.items == 44


def test_an_appendix_table_of_another_kind_ends_the_list(tmp_path: Path) -> None:
    # a table of another kind under the items (序号 | 追责情形 | 追责依据) ends the list, in
    # batches as read whole: its lines are context, not the last item's cells
    lines = ["某县林业局权责清单", HEADER]
    lines += [_record(n, _name(n)) for n in range(1, 30)]
    lines += ["附表：追责情形", "序号 追责情形 追责依据"]
    lines += [f"{n} 违法准予许可的情形{n} 《中华人民共和国行政许可法》第七十四条" for n in (1, 2)]
    _streamed(tmp_path, "\n".join(lines))
    last = read_list(tmp_path / "page.txt").items[-1]
    assert (last.basis, last.department) == (_BASES[0], _DEPARTMENTS[29 % 3])


def test_a_header_in_traditional_script(tmp_path: Path) -> None:
    lines = ["某縣林業局權責清單", "序號 事項名稱 事項類型 設定依據 實施主體"]
    lines += [_record(n, _name(n)) for n in range(1, 30)]
    stream = _streamed(tmp_path, "\n".join(lines))
    assert stream.counts.items == 29


def test_header_printed_again_at_page_breaks(tmp_path: Path) -> None:
    lines = ["某县权责清单", HEADER]
    for n in range(1, 50):
        lines.append(_record(n, _name(n)))
        if n % 7 == 0:
            lines += ["", f"第{n // 7}页 共7页", "", HEADER]
    _streamed(tmp_path, "\n".join(lines))


def test_one_cell_per_paragraph(tmp_path: Path) -> None:
    paragraphs = ["某县权责清单", *HEADER.split()]
    for n in range(1, 25):
        paragraphs += _record(n, _name(n)).split(" ")
    _streamed(tmp_path, "\n\n".join(paragraphs))


def test_columns_the_header_lacks(tmp_path: Path) -> None:
    lines = ["某县权责清单", "事项名称 事项类型 设定依据 实施主体"]
    lines += [f"{n} 3302170{n:05d} {_record(n, _name(n)).split(' ', 1)[1]}" for n in range(1, 30)]
    stream = _streamed(tmp_path, "\n".join(lines))
    assert stream.counts.items == 29


@pytest.mark.parametrize("paragraphs", [False, True])
def test_a_cut_off_last_record(tmp_path: Path, paragraphs: bool) -> None:
    records = [_record(n, _name(n)) for n in range(1, 21)]
    records.append(f"21 {_name(21)} 行政")
    separator = "\n\n" if paragraphs else "\n"
    cells = [" ".join(r.split(" ")) if not paragraphs else r.replace(" ", "\n\n") for r in records]
    _streamed(tmp_path, separator.join(["某县权责清单", HEADER, *cells]))


def test_wrapped_cells(tmp_path: Path) -> None:
    lines = ["某县权责清单", HEADER]
    for n in range(1, 30):
        record = _record(n, _name(n), basis=n)
        lines += record.split("》", 1) if n % 3 == 0 else [record]
        if n % 5 == 0:
            lines.append("2.《中华人民共和国行政许可法》第十二条")
    _streamed(tmp_path, "\n".join(lines))


def test_copies_of_an_item(tmp_path: Path) -> None:
    lines = ["某县权责清单", HEADER]
    lines += [_record(n, _name(n)) for n in range(1, 31)]
    lines.append(_record(3, _name(3)))  # the same again, far after
    lines.append(_record(5, _name(5), cut=6))  # cut short: the first copy kept
    lines.append(_record(32, _name(8)))  # another serial and type: an item of its own
    lines += ["附件2", "某县另一类权责事项清单", HEADER]
    lines.append(_record(1, _name(41), cut=5))  # cut short before its fuller copy
    lines.append(_record(2, _name(12)))  # a copy in another list
    lines.append(_record(1, _name(41)))  # the fuller, kept
    lines.append(_record(1, _name(41), cut=9))  # and cut short again
    stream = _streamed(tmp_path, "\n".join(lines))
    reasons = [r.reason for r in stream.head.rejects]
    assert sum("printed twice" in r for r in reasons) == 4, reasons


def test_a_list_printed_twice(tmp_path: Path) -> None:
    """A download's transcript after its link: every record has a copy, the second cut short."""
    records = [_record(n, _name(n)) for n in range(1, 26)]
    copies = [_record(n, _name(n), cut=7) for n in range(1, 26)]
    stream = _streamed(tmp_path, "\n".join(["某县权责清单", HEADER, *records, *copies]))
    assert [r.line for r in stream.head.rejects] == list(range(28, 53))


def test_the_text_of_a_pdf_without_a_table_in_batches(tmp_path: Path) -> None:
    """A PDF whose pages hold no table (a header run together, which no column lines up under)
    is read as page text, in batches: its pages laid out once, its text surveyed."""
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "page.pdf"
    page = canvas.Canvas(str(path))
    lines = ["某县林业局权责清单", HEADER.replace(" ", "")]
    lines += [_record(n, _name(n), basis=n) for n in range(1, 130)]
    lines.append(_record(3, _name(3), basis=3, cut=5))  # a copy cut short
    for n, line in enumerate(lines):
        if n and n % 50 == 0:
            page.showPage()
        page.setFont("STSong-Light", 9)
        page.drawString(40, 800 - 15 * (n % 50), line)
    page.save()
    stream = _same(path, 40)
    assert isinstance(stream, TablesStream) and stream.head.format == "pdf"
    assert stream.counts.items == 129


def test_a_page_without_a_header_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "records.txt"
    records = [f"事项名称：{_name(n)}\n事项类型：行政许可\n实施主体：县林业局\n" for n in range(60)]
    path.write_text("\n".join(records), encoding="utf-8")
    assert isinstance(open_list(path, min_bytes=0), PowerList)
    _same(path)


def test_a_record_over_the_limit_is_refused_alike(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    long = "《森林法》" * (MAX_CELL_CHARS // 4)
    path.write_text("\n".join(["某县权责清单", HEADER, _record(1, _name(1)), f"2 {long}"]), "utf-8")
    assert _same(path) is None


def test_without_a_temporary_file_the_page_is_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "page.txt"
    path.write_text("\n".join([HEADER, *(_record(n, _name(n)) for n in range(1, 9))]), "utf-8")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "no such folder"))
    assert isinstance(open_list(path, min_bytes=0), PowerList)
    _same(path)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=pages(), size=st.integers(1, 4))
def test_generated_page_shapes_in_batches(
    tmp_path_factory: pytest.TempPathFactory, case: tuple[list[Item], Layout, str], size: int
) -> None:
    path = tmp_path_factory.mktemp("page") / "page.txt"
    path.write_text(case[2], encoding="utf-8")
    _same(path, size)


@st.composite
def _copies(draw: st.DrawFn) -> str:
    """A list whose records share a few names, each basis whole or cut short, some printed
    with the serial of another, some in a second list."""
    count = draw(st.integers(2, 14))
    lines = ["某县权责清单", HEADER]
    second = draw(st.integers(1, count))
    for n in range(1, count + 1):
        if n == second and draw(st.booleans()):
            lines += ["附件2", "某县另一类权责事项清单", HEADER]
        name = _name(draw(st.integers(0, 3)))
        serial = draw(st.sampled_from([n, n, max(n - 1, 1)]))
        cut = draw(st.sampled_from([None, None, 3, 6, 9]))
        lines.append(_record(serial, name, basis=draw(st.integers(0, 1)), cut=cut))
    return "\n".join(lines)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_copies(), size=st.integers(1, 5))
def test_random_copies_in_batches(
    tmp_path_factory: pytest.TempPathFactory, text: str, size: int
) -> None:
    path = tmp_path_factory.mktemp("copies") / "page.txt"
    path.write_text(text, encoding="utf-8")
    _same(path, size)
