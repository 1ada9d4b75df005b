"""Any set of powers written as office software exports them (tests/extractors/reading/
documents.py: XLSX, XLS, DOCX and PDF tables whose cells are merged down over each power's
responsibility steps) reads back as the same items, one a power, with every row accounted for."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.reading.read import read_list
from tests.extractors.reading.documents import Power, Shape, expected, render

_WORDS = "林木采伐森植被恢复费征收医疗救助城乡养老保险待遇申领户外广告设置审批对违法排污"
_ENDS = ("审批", "核准", "登记", "的处罚", "的检查", "征收", "给付")
_TYPES = ("行政许可", "行政处罚", "行政确认", "行政检查", "行政征收", "其他行政权力")
_BODIES = ("县林业局", "县医保局", "市民政局", "区生态环境局", "市文化旅游委")
_NUMERALS = "一二三四五六七八九十"
_STEPS = ("受理", "审查", "决定", "送达", "监管", "其他")

names = st.builds(
    lambda w, e: w + e, st.text(alphabet=_WORDS, min_size=2, max_size=12), st.sampled_from(_ENDS)
)
bases = st.builds(
    lambda law, n: f"《{law}法》第{n}条",
    st.text(alphabet=_WORDS, min_size=2, max_size=8),
    st.text(alphabet=_NUMERALS, min_size=1, max_size=3),
)


@st.composite
def powers(draw: st.DrawFn) -> list[Power]:
    count = draw(st.integers(1, 5))
    titles = draw(st.lists(names, min_size=count, max_size=count, unique=True))
    out = []
    for name in titles:
        steps = draw(st.lists(st.sampled_from(_STEPS), min_size=1, max_size=3, unique=True))
        out.append(
            Power(
                name=name,
                type=draw(st.sampled_from(_TYPES)),
                department=draw(st.sampled_from(_BODIES)),
                basis=draw(bases),
                steps=tuple(f"{k}.{step}阶段责任：依法{step}。" for k, step in enumerate(steps, 1)),
            )
        )
    return out


def _read_back(content: bytes, suffix: str) -> list[dict[str, str | None]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"list.{suffix}"
        path.write_bytes(content)
        plist = read_list(path)
    assert plist.rows_seen == plist.rows_accounted()
    keys = ("row", "name", "type", "department", "basis", "responsibility")
    return [
        {k: "".join(v.split()) if (v := item.get(k)) else v for k in keys} for item in plist.items
    ]


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(powers(), st.sampled_from(("xlsx", "xls", "docx")), st.booleans())
def test_office_tables_read_back(items: list[Power], shape: Shape, title: bool) -> None:
    assert _read_back(render(items, shape, title=title), shape) == expected(items)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(powers(), st.booleans())
def test_ruled_pdf_tables_read_back(items: list[Power], title: bool) -> None:
    assert _read_back(render(items, "pdf", title=title), "pdf") == expected(items)
