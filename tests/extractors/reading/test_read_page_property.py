"""Any set of items written into any page-text shape (tests/extractors/reading/pagetext.py) is read
back unchanged: the shapes, not the lines of real pages, are what the reader is held to."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.reading.formats.text.page import read_page
from extractors.reading.read import read_list
from tests.extractors.reading.pagetext import (
    HEADER_WORDS,
    LETTER_TEMPLATE,
    TEMPLATES,
    Item,
    Layout,
    make_item,
    render,
)

_SPACE = re.compile(r"\s+")


@st.composite
def pages(draw: st.DrawFn) -> tuple[list[Item], Layout, str]:
    rng = draw(st.randoms(use_true_random=False))
    rows = draw(st.sampled_from(["spaced", "paragraphs", "glued-serial", "letter-spaced"]))
    letter = rows == "letter-spaced"
    columns = LETTER_TEMPLATE if letter else draw(st.sampled_from(TEMPLATES))
    serials = letter or rows == "glued-serial" or draw(st.booleans())
    header = (
        "spaced"
        if letter
        else draw(st.sampled_from(["spaced", "glued", "wrapped", "lines", "paragraphs", "letters"]))
    )
    # one cell per paragraph, without serials, needs a type cell to tell the records apart
    may_drop_type = not letter and (serials or rows != "paragraphs")
    annexes = may_drop_type and draw(st.booleans())
    serial_column = serials and draw(st.booleans())
    # serials with a dot are read only under 序号 where each record holds its type (a record cut
    # off before its type is lost there)
    typed = not annexes and rows in ("spaced", "paragraphs") and serial_column
    groups = may_drop_type and not annexes and draw(st.booleans())
    dot = draw(st.sampled_from(["", ".", "、"])) if typed and not groups else ""
    one_line = letter and draw(st.booleans())
    layout = Layout(
        columns=columns,
        header=header,
        rows=rows,
        serial_column=serial_column,
        serials=serials,
        first=draw(st.sampled_from([1, 117])),
        groups=groups,
        dot=dot,
        annexes=annexes,
        chrome=draw(st.booleans()),
        notice=not letter and draw(st.booleans()),
        twice=not one_line and draw(st.booleans()),
        one_line=one_line,
        # a record cut off before its type cannot be told apart without serials when each cell
        # is a paragraph
        cut=(serials or rows != "paragraphs") and not dot and draw(st.booleans()),
        words={k: rng.choice(v) for k, v in HEADER_WORDS.items()},
    )
    count = draw(st.integers(min_value=1, max_value=4))
    items: list[Item] = []
    while len(items) < count:  # distinct names: two equal items would be one printed twice
        item = make_item(rng, None)
        if all(item.name != i.name for i in items):
            items.append(item)
    if annexes:  # one list per type, each numbered from its first serial
        order = [i.type for i in items]
        items.sort(key=lambda i: order.index(i.type))
    serial = {}
    for n, item in enumerate(items):
        start = serial.setdefault(item.type if annexes else "", n)
        items[n] = replace(item, row=str(layout.first + n - start) if serials else None)
    return items, layout, render(items, layout, rng)


def _same(a: str | None, b: str | None) -> bool:
    return _SPACE.sub("", a or "") == _SPACE.sub("", b or "")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages())
def test_page_text_round_trip(
    tmp_path_factory: pytest.TempPathFactory, case: tuple[list[Item], Layout, str]
) -> None:
    items, layout, text = case
    path = tmp_path_factory.mktemp("page") / "page.txt"
    path.write_text(text, encoding="utf-8")
    plist = read_list(path)
    assert plist.rows_seen == plist.rows_accounted()
    assert len(plist.items) == len(items), text
    keys = [k for k in layout.columns if k != "row"]
    for written, read in zip(items, plist.items, strict=True):
        assert read.row == written.row, text
        last = layout.cut and written is items[-1]
        for key in keys if not last else ["name"]:
            assert _same(read.get(key), getattr(written, key)), (key, read.get(key), text)
    if layout.twice:
        assert [r.reason for r in plist.rejects if "printed twice" in r.reason], text


# pieces of page text in its shapes, to run together at random
_WORDS = (
    "序号 事项名称 事项类型 实施主体 设定依据 法律 行政法规 行政许可 1 12 县林业局 《森林法》第十条"
)
_MARKS = '一、行政许可(2项) 附件1 ： 。 1. 类别: Download" Size:px 项目 名称 和 / |'
_PIECES = st.sampled_from([*_WORDS.split(" "), *_MARKS.split(" "), " ", "  ", "\n", "\n\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=40))
def test_page_reader_never_raises(pieces: list[str]) -> None:
    text = "".join(pieces)
    for grid in read_page(text, "page.txt"):
        for row in grid.rows:
            assert all(isinstance(c, str) for c in row.cells)
