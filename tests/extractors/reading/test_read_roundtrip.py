"""Any set of items written as a pipe table or as vertical records, in any of the shapes
departments publish them in (tests/extractors/reading/render.py), reads back as the same items,
with every row accounted for."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.models import PowerList
from extractors.reading.read import read_list
from tests.extractors.reading.render import (
    KEYS,
    Item,
    RecordShape,
    TableStyle,
    expected,
    record_rows,
    render_records,
    render_table,
)

# Characters of item names: none that makes a header word (名称, 类型, 依据 …) or a shape.
_NAME_CHARS = "林木采伐森植被恢复费征收医疗救助城乡养老保险待遇申领户外广告设置审批对违法排污"
_PLACES = ("县", "市", "区", "镇")
_BODIES = ("林业局", "医保局", "民政局", "生态环境局", "文化旅游委", "人力社保局")
_TYPES = ("行政许可", "行政处罚", "行政确认", "行政检查", "行政征收", "其他行政权力")
_NUMERALS = "一二三四五六七八九十"

# A power's name ends the way power names do (审批, 的处罚 …), so it reads like a name and not like
# a department (乡乡乡乡 would: extractors.reading.plausibility refuses such a reading).
_NAME_ENDS = ("审批", "核准", "登记", "的处罚", "的检查", "征收", "给付")
names = st.builds(
    lambda words, end: words + end,
    st.text(alphabet=_NAME_CHARS, min_size=2, max_size=16),
    st.sampled_from(_NAME_ENDS),
)
departments = st.builds(lambda p, b: p + b, st.sampled_from(_PLACES), st.sampled_from(_BODIES))
articles = st.builds(lambda n: f"第{n}条", st.text(alphabet=_NUMERALS, min_size=1, max_size=3))
bases = st.lists(
    st.builds(lambda law, art: f"《{law}法》{art}", names, articles), min_size=1, max_size=3
).map(tuple)


@st.composite
def item_lists(draw: st.DrawFn, subitems: bool) -> list[Item]:
    count = draw(st.integers(1, 6))
    # a list names each power and each of its sub-items once
    unique = draw(st.lists(names, min_size=4 * count, max_size=4 * count, unique=True))
    items = []
    for n in range(count):
        subs = unique[4 * n + 1 : 4 * n + 1 + draw(st.integers(2, 3))]
        if not (subitems and draw(st.booleans())):
            subs = []
        items.append(
            Item(
                name=unique[4 * n],
                type=draw(st.sampled_from(_TYPES)),
                department=draw(departments),
                basis=draw(bases),
                subitems=tuple(subs),
            )
        )
    return items


def _read(text: str, suffix: str) -> PowerList:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"list{suffix}"
        path.write_bytes(text.encode("utf-8"))
        plist = read_list(path)
    assert plist.rows_seen == plist.rows_accounted()
    return plist


def _got(plist: PowerList) -> list[dict[str, str | None]]:
    return [{k: item.to_json()[k] for k in KEYS} for item in plist.items]


def _squash_basis(rows: list[dict[str, str | None]]) -> list[dict[str, str | None]]:
    """The items with white space dropped from the basis (the shapes break it differently)."""
    return [{**r, "basis": "".join((r["basis"] or "").split())} for r in rows]


@settings(max_examples=150)
@given(
    items=item_lists(subitems=True),
    opening=st.booleans(),
    groups=st.booleans(),
    title=st.booleans(),
    padded=st.booleans(),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
    wraps=st.lists(st.sampled_from(["line", "between", "inside", "cells"]), max_size=6),
    seed=st.integers(0, 1000),
)
def test_pipe_tables_read_back(
    items: list[Item],
    opening: bool,
    groups: bool,
    title: bool,
    padded: bool,
    newline: str,
    wraps: list[str],
    seed: int,
) -> None:
    if groups:
        items = sorted(items, key=lambda i: _TYPES.index(i.type))
    style = TableStyle(opening, groups, title, padded, newline, tuple(wraps))  # type: ignore[arg-type]
    plist = _read(render_table(items, style, seed), ".md")
    assert plist.format == "markdown"
    assert _got(plist) == expected(items)


@settings(max_examples=150)
@given(
    items=item_lists(subitems=False),
    shape=st.sampled_from(["colon", "space", "table", "heading-colon", "heading-table"]),
    seed=st.integers(0, 1000),
)
def test_vertical_records_read_back(items: list[Item], shape: RecordShape, seed: int) -> None:
    text = render_records(items, shape, seed)
    plist = _read(text, ".md" if shape.endswith("table") else ".txt")
    rows = record_rows(items, shape, text)
    want = [{**e, "row": row} for e, row in zip(expected(items), rows, strict=True)]
    assert _squash_basis(_got(plist)) == _squash_basis(want)
