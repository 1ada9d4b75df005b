"""Numerals in provision references: Chinese and Arabic, any width, 之一."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.citing.numerals import (
    _WIDE_DIGITS,
    USUAL_BELOW,
    parse_numeral,
    parse_suffix,
    to_chinese,
    usual_writing,
)
from extractors.citing.words import SPACE

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


def test_the_usual_writing_is_cn2an_s_for_every_number_below_ten_thousand() -> None:
    # parse_numeral reads the usual writing itself and leaves every other one to cn2an: the two
    # agree on every numeral only if the usual writing is exactly the one cn2an writes and reads
    import cn2an

    for n in range(USUAL_BELOW):
        written = usual_writing(n)
        assert written == cn2an.an2cn(n), n
        assert cn2an.cn2an(written, "normal") == n, written
        assert parse_numeral(written) == n, written


def _read_by_cn2an(written: str) -> int | None:
    """parse_numeral as it was before the usual writing was read without cn2an."""
    import cn2an

    s = SPACE.sub("", written).translate(_WIDE_DIGITS)
    if not s:
        return None
    if s.isascii():
        return int(s) if s.isdigit() else None
    if any(c.isdigit() for c in s):
        # round 10: digits typed among Chinese numerals (1百) are read where the digits as
        # Chinese ones make the usual writing of a number, and only there
        mixed = s.translate(str.maketrans("0123456789", "零一二三四五六七八九"))
        if mixed.startswith("一十"):
            mixed = mixed[1:]  # 1十2: ten typed as 1 and 十
        return {usual_writing(n): n for n in range(USUAL_BELOW)}.get(mixed)
    try:
        return int(cn2an.cn2an(s, "normal"))
    except (ValueError, KeyError, IndexError):
        return None


@given(st.text(alphabet="零〇○一二两三四五六七八九十百千万0１ ", max_size=8))
def test_every_numeral_reads_as_cn2an_reads_it(written: str) -> None:
    assert parse_numeral(written) == _read_by_cn2an(written)


@pytest.mark.parametrize("written", ["一十一", "两百", "二〇一八", "一百四", "一千零十", "十万三"])
def test_other_writings_are_cn2an_s(written: str) -> None:
    assert parse_numeral(written) == _read_by_cn2an(written) is not None


@pytest.mark.parametrize("n", [10_000, 10_010, 100_000])
def test_to_chinese_past_the_usual_range_is_cn2an_s(n: int) -> None:
    import cn2an

    assert to_chinese(n) == cn2an.an2cn(n)
