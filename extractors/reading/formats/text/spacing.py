"""Undoes letter spacing: the text of a PDF transcript or a styled web page that puts a space
between every character (行 政 许 可 → 行政许可), line by line, keeping the wider gaps that
separate cells."""

from __future__ import annotations

import re
from collections import Counter

# A CJK ideograph, CJK or full-width punctuation, or ASCII punctuation: the characters between
# which a letter-spacing gap is taken out. Gaps next to a digit or a Latin letter stay
# ("2009 年", "第 617 号"): they may separate a serial from a code, and the citation grammar
# allows white space inside numbers anyway.
_JOINABLE = (
    r"\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff"  # CJK punctuation and ideographs
    r"\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"  # full-width punctuation
    r"!-/:-@\[-`{-~"  # ASCII punctuation
)
_SINGLE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff01-\uff65]")
# The spaces may be full-width ones (事\u3000项\u3000名\u3000称, a header spaced out in Word).
_GAP = re.compile(
    rf"(?<=[{_JOINABLE}])[ \u3000]+(?=[{_JOINABLE}])"
    # a number with its dot or bracket ("1 . [ 法 律 ]", "第 617 )")
    r"|(?<=\d) +(?=[.．、)）])|(?<=[(（]) +(?=\d)"
)
#: A line is letter-spaced when most of its words are single characters (and it has a few).
_MIN_WORDS = 6
_MIN_SHARE = 0.6


def is_letter_spaced(line: str) -> bool:
    """True when most white-space separated words of ``line`` are single CJK characters.

    >>> is_letter_spaced("类 别 : 行 政 许 可 名 称"), is_letter_spaced("1 行政许可 林木采伐许可")
    (True, False)
    """
    words = line.split()
    if len(words) < _MIN_WORDS:
        return False
    singles = sum(1 for w in words if len(w) == 1 and _SINGLE.match(w))
    return singles >= _MIN_SHARE * len(words)


def collapse_spacing(line: str) -> str:
    """``line`` without its letter spacing, when it is letter-spaced; else ``line`` unchanged.

    The usual gap (the commonest run of spaces between two characters) is taken out; wider gaps
    are kept, as they separate cells.

    >>> collapse_spacing("名 称 依 据 中 等 职 业 学 校 1.[ 法 律 ] 教 育 法 (2009 年 修 改")
    '名称依据中等职业学校 1.[法律]教育法(2009 年修改'
    >>> collapse_spacing("序  号  实  施  依  据    备  注  一  二")
    '序号实施依据    备注一二'
    >>> collapse_spacing("序\u3000号\u3000\u3000事\u3000项\u3000名\u3000称\u3000\u3000实\u3000施")
    '序号\u3000\u3000事项名称\u3000\u3000实施'
    """
    if not is_letter_spaced(line):
        return line
    gaps = Counter(len(m.group()) for m in _GAP.finditer(line))
    if not gaps:
        return line  # single characters apart at tabs or other spaces: no letter spacing
    usual = gaps.most_common(1)[0][0]
    return _GAP.sub(lambda m: "" if len(m.group()) == usual else m.group(), line)
