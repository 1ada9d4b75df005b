"""Reading the numbers written in statute references: Chinese numerals, Arabic digits in either
width, stray white space, and the 之一 suffix of inserted articles.

A Chinese numeral below 10,000 written the usual way (八十七, 一百零四, 一千零一十) is read here;
any other writing (两百, 一十一, 二〇一八, 一百四, a number of 万 …) goes to cn2an, which knows the
variants. cn2an is not asked for the usual ones because importing it costs 0.13–0.18 s of every
process that reads a reference (``quanze cites``): its dependency proces compiles a pattern of
every Chinese place name on import (~30 ms), and cn2an builds two converters at import, each
compiling validating patterns of several kilobytes (~110 ms). The usual writing is exactly the one
cn2an writes itself (``tests/extractors/citing/test_numerals.py`` checks every number below
10,000 against it), so both read every numeral alike.
"""

from __future__ import annotations

from functools import cache, lru_cache
from types import ModuleType
from typing import Final

from extractors.citing.patterns import regex
from extractors.citing.words import SPACE

#: The financial (uppercase) numerals, 大写数字, written in place of the usual ones where a number
#: must not be altered (第壹拾条), simplified and traditional, and the old contractions 廿 (twenty)
#: and 卅 (thirty), the enclosed numbers (①, ⑴) and the Roman numeral characters (Ⅹ): each read as
#: the usual writing it stands for.
_FINANCIAL: Final = {
    **dict(
        zip("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬", "一二二三三四五六六七八九十百千万", strict=True)
    ),
    "廿": "二十",
    "卅": "三十",
    # ①…⑳ and ⑴…⒇, the enclosed numbers word processors write items with (第三十条第⑴项)
    **{chr(0x2460 + n): str(n + 1) for n in range(20)},
    **{chr(0x2474 + n): str(n + 1) for n in range(20)},
    # Ⅰ…Ⅻ and ⅰ…ⅻ, the Roman numeral characters (第Ⅹ条: the article was dropped)
    **{chr(0x2160 + n): str(n + 1) for n in range(12)},
    **{chr(0x2170 + n): str(n + 1) for n in range(12)},
}
#: Every character that may appear in a provision number (before white space is removed).
NUMERAL_CHARS: Final = "0-9０-９零〇○一二两三四五六七八九十百千万" + "".join(_FINANCIAL)

_WIDE_DIGITS: Final = str.maketrans(
    {**dict(zip("０１２３４５６７８９○", "0123456789〇", strict=True)), **_FINANCIAL}
)
_SUFFIX: Final = regex(r"^\s*之\s*([" + NUMERAL_CHARS + r"\s]+)$")
#: The digits as the usual writing has them, by value.
_DIGITS: Final = "零一二三四五六七八九"
#: Arabic digits as Chinese ones, for a number that mixes them (1百).
_AS_CHINESE: Final = str.maketrans("0123456789", _DIGITS)
#: The places below 万 and their characters, highest first.
_PLACES: Final = ((1000, "千"), (100, "百"), (10, "十"))
_PLACE_VALUE: Final = {unit: place for place, unit in _PLACES}
#: The usual writing is read here below this; at and above it, cn2an reads and writes.
USUAL_BELOW: Final = 10000


@cache
def _cn2an() -> ModuleType:
    """cn2an, imported the first time a numeral is not written the usual way (see above)."""
    import cn2an

    return cn2an


def usual_writing(number: int) -> str:
    """How statutes (and cn2an) write ``number``, 0 ≤ number < 10,000: 十 for 10 and 十三 for
    13, 一百一十 for 110, one 零 for each run of empty places (一千零一十).

    >>> usual_writing(104), usual_writing(13), usual_writing(1010), usual_writing(0)
    ('一百零四', '十三', '一千零一十', '零')
    """
    if not 0 <= number < USUAL_BELOW:
        raise ValueError(f"{number} is not between 0 and {USUAL_BELOW - 1}")
    if number == 0:
        return _DIGITS[0]
    if 10 <= number < 20:
        return "十" + (_DIGITS[number - 10] if number > 10 else "")
    out = ""
    gap = False
    for place, unit in _PLACES:
        digit = number // place % 10
        if digit == 0:
            gap = bool(out)
            continue
        out += ("零" if gap else "") + _DIGITS[digit] + unit
        gap = False
    if number % 10:
        out += ("零" if gap else "") + _DIGITS[number % 10]
    return out


def _usual_value(written: str) -> int | None:
    """The value of ``written`` when it is exactly the usual writing of a number below 10,000,
    else None (for cn2an to read).

    >>> [_usual_value(w) for w in ("八十七", "一千零一十", "一十一", "两百")]
    [87, 1010, None, None]
    """
    total = digit = 0
    for char in written:
        value = _DIGITS.find(char)
        if value >= 0:
            digit = value
            continue
        place = _PLACE_VALUE.get(char)
        if place is None:
            return None
        total += (digit or 1) * place
        digit = 0
    total += digit
    if total >= USUAL_BELOW or usual_writing(total) != written:
        return None
    return total


@lru_cache(maxsize=4096)
def parse_numeral(written: str) -> int | None:
    """The value of one written number, or None when it is not a well-formed number.

    >>> parse_numeral("一百零四"), parse_numeral("１３"), parse_numeral("十 三")
    (104, 13, 13)
    >>> parse_numeral("百四") is None
    True
    >>> parse_numeral("壹佰零贰"), parse_numeral("贰拾叁"), parse_numeral("廿一")
    (102, 23, 21)
    >>> parse_numeral("1百"), parse_numeral("8十6"), parse_numeral("1十2"), parse_numeral("一2")
    (100, 86, 12, None)
    """
    s = SPACE.sub("", written).translate(_WIDE_DIGITS)
    if not s:
        return None
    if s.isascii():
        return int(s) if s.isdigit() else None
    if any(c.isdigit() for c in s):
        # 第1百条, 第8十6条: Arabic digits typed among Chinese numerals, each digit read as the
        # Chinese one when that makes the usual writing of a number (the chain says so:
        # chains._zero_checked), or its 十 written 一十 (1十, 1十2: ten typed as 1 and 十); any
        # other mix (一2, 0〇) is no number
        mixed = s.translate(_AS_CHINESE)
        return _usual_value(mixed[1:] if mixed.startswith("一十") else mixed)
    usual = _usual_value(s)
    if usual is not None:
        return usual
    try:
        value = _cn2an().cn2an(s, "normal")
    except (ValueError, KeyError, IndexError):
        # cn2an rejects most malformed numerals with ValueError, but 零十一 (seen in OCR'd lists)
        # and its kin hit a KeyError inside it: all mean "not a number"
        return None
    return int(value)


def parse_suffix(written: str) -> int | None:
    """The number of a 之N suffix (第二十一条之一 → 1), or None when ``written`` is not one.

    >>> parse_suffix("之一"), parse_suffix("之 二"), parse_suffix("之规定")
    (1, 2, None)
    """
    m = _SUFFIX.match(written)
    return parse_numeral(m.group(1)) if m else None


def to_chinese(number: int) -> str:
    """The Chinese numeral for ``number`` as statutes write it (used to render test input).

    >>> to_chinese(104), to_chinese(10), to_chinese(9999), to_chinese(10010)
    ('一百零四', '十', '九千九百九十九', '一万零一十')
    """
    if number < 0:
        raise ValueError(f"provision numbers are not negative: {number}")
    if number < USUAL_BELOW:
        return usual_writing(number)
    return str(_cn2an().an2cn(number))
