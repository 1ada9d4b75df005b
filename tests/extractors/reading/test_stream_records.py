"""JSON records read a record at a time, the text not held (``formats.records.RecordRows``,
``formats.jsonwindow``): in an envelope or not, the rows, context and rejects of the whole
reader, the text cut into blocks of any size."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.errors import InputError
from extractors.reading.formats.jsonwindow import Window, elements
from extractors.reading.formats.records import RecordRows, read_records
from tests.extractors.reading.test_stream import _same

_RECORD = {"序号": 1, "事项名称": "城乡医疗救助", "事项类型": "行政确认", "实施主体": "县医保局"}


def _records(n: int, start: int = 1) -> list[Any]:
    return [
        {**_RECORD, "序号": i, "事项名称": f"城乡医疗救助（{i}）"} for i in range(start, start + n)
    ]


def _pieces(text: str, size: int) -> list[str]:
    return [text[at : at + size] for at in range(0, len(text), size)] or [""]


def _compare(text: str, size: int) -> None:
    """``RecordRows`` fed ``text`` ``size`` characters at a time gives what ``read_records``
    gives, or is None where the whole reader refuses the text or finds no keys."""
    try:
        grid = read_records(text, "list.json")
    except InputError:
        grid = None
    found = RecordRows.open(lambda: _pieces(text, size), "list.json")
    if found is None:
        return
    assert grid is not None
    assert tuple(found) == grid.rows
    assert tuple(found.context) == grid.context
    assert tuple(found.rejects) == grid.rejects


_SCALARS = st.one_of(
    st.sampled_from(["成功", "", "某县权责清单", "\\ud800", "x" * 60, "NaN", "1e400"]),
    st.integers(-5, 5),
    st.booleans(),
    st.none(),
)


class Raw(str):
    """JSON text written as it is."""


class Members(list[tuple[str, Any]]):
    """An object's members in order, keys repeated as they come."""


@st.composite
def _envelopes(draw: st.DrawFn) -> str:
    """An envelope as APIs return one: keys, strings, numbers, arrays of scalars or objects,
    nested objects, the records at any depth, written compactly or indented."""
    records = _records(draw(st.integers(0, 4)))
    if draw(st.booleans()):
        records.insert(draw(st.integers(0, len(records))), draw(_SCALARS))
    inner: Any = records

    def scalar() -> Raw:
        value = draw(_SCALARS)
        if value in ("NaN", "1e400"):
            return Raw(value)  # numbers json.loads reads and ijson refuses
        return Raw(json.dumps(value, ensure_ascii=False))

    for _ in range(draw(st.integers(1, 3))):
        members: list[tuple[str, Any]] = [
            (draw(st.sampled_from(["data", "list", "rows", "msg", "a.b"])), inner)
        ]
        for _ in range(draw(st.integers(0, 3))):
            key = draw(st.sampled_from(["code", "msg", "title", "list", "total", "cols"]))
            kind = draw(st.sampled_from(["scalar", "scalars", "objects", "object"]))
            value = {
                "scalar": None,
                "scalars": [1, "a"],
                "objects": [{"名称": "列"}],
                "object": {"说明": "附注"},
            }[kind]
            member = (key, scalar() if kind == "scalar" else value)
            members.insert(draw(st.integers(0, len(members))), member)
        inner = Members(members)
    indent = draw(st.sampled_from([None, 2]))

    def write(value: Any) -> str:
        if isinstance(value, Members):
            return "{" + ", ".join(f"{json.dumps(k)}: {write(v)}" for k, v in value) + "}"
        if isinstance(value, Raw):
            return str(value)
        return json.dumps(value, ensure_ascii=False, indent=indent)

    return write(inner)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(text=_envelopes(), size=st.integers(1, 9))
def test_envelopes_a_block_at_a_time(text: str, size: int) -> None:
    _compare(text, size)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    text=_envelopes(),
    size=st.integers(1, 9),
    cut=st.integers(0, 400),
    junk=st.sampled_from(["", ",", "]", "}", "{", "[", '"', "\n", " x", "\\", "1"]),
)
def test_damaged_envelopes_a_block_at_a_time(text: str, size: int, cut: int, junk: str) -> None:
    """Cut, a character put anywhere: the rows of the whole reader, or left to it."""
    at = cut % (len(text) + 1)
    _compare(text[:at] + junk + text[at:], size)


@pytest.mark.parametrize("size", [1, 2, 5, 64])
@pytest.mark.parametrize(
    "text",
    [
        pytest.param(json.dumps(_records(3), ensure_ascii=False, indent=1), id="array"),
        pytest.param("\n".join(json.dumps(r) for r in _records(3)) + "\n\n", id="lines"),
        pytest.param('{"a": 1}\n{"a": 2', id="cut-lines"),
        pytest.param('{"code": 0, "data": {"list": [1, {"序号": 1}]}, "msg": "成功"}', id="env"),
        pytest.param('{"list": [{"a": 1}], "list": [{"b": 2}]}', id="repeated-key"),
        pytest.param('{"rows": [1, 2], "data": [[{"a": 1}]], "list": [{"b": 2}]}', id="scalars"),
        pytest.param('{"list": [{"a": 1.5e3, "b": NaN, "c": 1e400, "d": -0}]}', id="numbers"),
        pytest.param('{"list": [{"a": "\\ud800"}], "t": "\\udc00题"}', id="surrogates"),
        pytest.param('{"list": [{"a": 1}],}', id="trailing-comma"),
        pytest.param('{"list": [{"a": 1}]} []', id="extra"),
        pytest.param('{"list": [{"a": 1}]', id="cut"),
        pytest.param("{" * 5000 + "}" * 5000, id="deep"),
        pytest.param('{"a": ' * 3000 + '[{"x": 1}]' + "}" * 3000, id="deep-records"),
    ],
)
def test_json_shapes_a_block_at_a_time(text: str, size: int) -> None:
    _compare(text, size)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    values=st.lists(st.recursive(_SCALARS, lambda c: st.lists(c, max_size=3), max_leaves=6)),
    size=st.integers(1, 7),
)
def test_array_elements_a_block_at_a_time(values: list[Any], size: int) -> None:
    text = json.dumps(values, ensure_ascii=False, indent=1).replace('"NaN"', "NaN")
    window = Window(iter(_pieces(text, size)))
    found = [value for _, value in elements(window)]
    window.end()
    assert json.dumps(found) == json.dumps(json.loads(text))


@pytest.mark.parametrize("nested", [0, 2])
def test_a_large_envelope_in_batches(tmp_path: Path, nested: int) -> None:
    """An envelope of 3,000 records, string values before and after them: read in batches, the
    same list as read whole."""
    body: Any = _records(3_000)
    for level in range(nested + 1):
        body = {"code": 200, f"data{level}": body, "msg": f"查询成功{level}"}
    path = tmp_path / "list.json"
    path.write_text(json.dumps(body, ensure_ascii=False, indent=2), encoding="utf-8")
    opened = _same(path, size=700)
    assert opened is not None and opened.counts.items == 3_000


@settings(max_examples=40, deadline=None, derandomize=True)
@given(text=_envelopes())
def test_envelopes_in_batches_are_read_whole(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "list.json"
        path.write_text(text, encoding="utf-8")
        _same(path, size=1)
