"""Numerals in provision references: Chinese and Arabic, any width, 之一."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.citing.numerals import parse_numeral, parse_suffix, to_chinese

WIDE = str.maketrans("0123456789", "０１２３４５６７８９")


@pytest.mark.parametrize(
    ("written", "value"),
    [
        pytest.param("一百零四", 104, id="hundreds-with-zero"),
        pytest.param("十三", 13, id="teens-without-leading-one"),
        pytest.param("二十", 20, id="tens"),
        pytest.param("两百", 200, id="liang"),
        pytest.param("一千零一", 1001, id="thousands"),
        pytest.param("13", 13, id="arabic"),
        pytest.param("１３", 13, id="full-width-digits"),
        pytest.param("一百 零四", 104, id="space-inside"),
        pytest.param("八十\n七", 87, id="line-wrap-inside"),
    ],
)
def test_parse_numeral(written: str, value: int) -> None:
    assert parse_numeral(written) == value


@pytest.mark.parametrize("written", ["百四", "", "一2", "abc", "零十一", "〇十三"])
def test_parse_numeral_refuses_malformed(written: str) -> None:
    assert parse_numeral(written) is None


@pytest.mark.parametrize(("written", "value"), [("之一", 1), ("之 二", 2), ("之规定", None)])
def test_parse_suffix(written: str, value: int | None) -> None:
    assert parse_suffix(written) == value


@given(st.integers(min_value=1, max_value=9999))
def test_chinese_numerals_round_trip(n: int) -> None:
    assert parse_numeral(to_chinese(n)) == n


@given(st.integers(min_value=1, max_value=9999))
def test_arabic_numerals_any_width_round_trip(n: int) -> None:
    assert parse_numeral(str(n)) == n
    assert parse_numeral(str(n).translate(WIDE)) == n


@given(st.text(alphabet="零〇一二两三四五六七八九十百千万 ", max_size=6))
def test_parse_numeral_never_raises(written: str) -> None:
    value = parse_numeral(written)
    assert value is None or value >= 0
