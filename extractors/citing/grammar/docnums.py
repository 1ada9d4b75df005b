"""Document numbers (docs/citations.md, "Document numbers"): order numbers (国务院令第709号),
file numbers (藏医保〔2019〕136号) and numbered announcements (…公告2018年第31号), found in the
notes after a title or standing for the instrument they name (依据国务院令第735号第三十八条),
written in any bracket and width and normalised to 〔〕.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from extractors.citing.grammar.chains import NUM
from extractors.citing.grammar.unmarked import strip_verbs
from extractors.citing.lawdb import load_registry
from extractors.citing.patterns import regex
from extractors.citing.words import (
    CONJUNCTIONS,
    SPACE,
    alternation,
    char_class,
    first_chars,
    last_chars,
    words,
)

_DIGIT: Final = "0-9０-９"
_ORDER: Final = alternation(words("document_kinds", "order"))
_ORGAN: Final = alternation(words("organ_endings"))
# 财政部 国家税务总局令第12号, 人力资源和社会保障部、监察部令第18号: the issuers of a joint order
# before the last one, each an organ, joined by white space or 、
_JOINT: Final = (
    rf"(?:[\u4e00-\u9fff]{{0,20}}?{_ORGAN}(?:[ \t\u3000]+|[ \t\u3000]*、[ \t\u3000]*)){{0,3}}"
)
# an order's issuer: ideographs glued to 令, or an organ standing apart from it by white space
_ISSUER: Final = (
    rf"(?:[\u4e00-\u9fff]{{0,20}}?{_ORGAN}[ \t\u3000\n]{{1,3}}|[\u4e00-\u9fff]{{1,24}}?)"
)
_DOC: Final = regex(
    rf"[\u4e00-\u9fff]{{1,16}}?\s*[〔\[【(（﹝［]\s*[{_DIGIT}]{{4}}\s*[〕\]】)）﹞］]\s*第?\s*[{_DIGIT}]+\s*号"
    # 交通运输部令2016年第28号: a ministry's orders are numbered within the year
    # 国家市场监督管理总局 令第46号: the issuer apart from its order (a cell flattened from a page)
    rf"|{_JOINT}{_ISSUER}{_ORDER}\s*(?:[{_DIGIT}]{{4}}\s*年\s*)?(?:第\s*)?{NUM}\s*号"
    # 国务院第735号令: the number written before the kind of document (国务院令第735号)
    rf"|{_JOINT}[\u4e00-\u9fff]{{1,24}}?第\s*{NUM}\s*号\s*{_ORDER}"
    rf"|[\u4e00-\u9fff]{{1,20}}?{alternation(words('document_kinds', 'announcement'))}\s*"
    rf"[{_DIGIT}]{{4}}\s*年?\s*第\s*[{_DIGIT}]+\s*号"
    # 浙政办发2018年12号: a file number with its year written with 年 and no brackets
    rf"|[\u4e00-\u9fff]{{2,16}}?\s*[{_DIGIT}]{{4}}\s*年\s*[{_DIGIT}]{{1,5}}\s*号"
)
# the same, to be written with its year in brackets (浙政办发〔2018〕12号), as file numbers are
_YEAR_UNBRACKETED: Final = regex(
    rf"^(?P<issuer>\D+?)(?P<year>[{_DIGIT}]{{4}})年(?P<n>[{_DIGIT}]+号)$"
)
#: （甲府办发〔2018〕12）: a file number with its 号 left out, alone in a parenthetical.
DOC_NO_HAO: Final = regex(
    rf"^\s*([\u4e00-\u9fff]{{1,16}}\s*[〔\[【(（﹝［]\s*[{_DIGIT}]{{4}}\s*[〕\]】)）﹞］]\s*"
    rf"(?:第\s*)?[{_DIGIT}]{{0,5}})\s*$"
)
_DOC_LEAD: Final = regex(
    "^" + char_class(sorted({*words("document_number_leads"), *first_chars(CONJUNCTIONS)})) + "+"
)
_DOC_BRACKETS: Final = str.maketrans(
    {"[": "〔", "]": "〕", "【": "〔", "】": "〕", "(": "〔", ")": "〕", "（": "〔", "）": "〕"}
    | {"﹝": "〔", "﹞": "〕", "［": "〔", "］": "〕"}
    | {chr(0xFF10 + d): str(d) for d in range(10)}
)
_ORDER_NO_DI: Final = regex(rf"({_ORDER})(?!第)")
# 国务院第735号令 → 国务院令第735号
_NUMBER_THEN_ORDER: Final = regex(rf"^(?P<issuer>.+?)(?P<n>第[^号]+号)(?P<kind>{_ORDER})$")
# what joins the issuers of a joint order, written as one space (财政部 国家税务总局令第12号)
_JOINED_ISSUERS: Final = regex(
    rf"({_ORGAN})(?:[ \t\u3000]+|[ \t\u3000]*、[ \t\u3000]*)(?=[\u4e00-\u9fff])(?!{_ORDER})"
)
# a document number and what may stand between it and the provisions it is cited with
_DOC_BEFORE: Final = regex(rf"(?P<doc>{_DOC.pattern})(?:\s*文件)?\s*\Z")
_DOC_BEFORE_LAST: Final = frozenset("号件 \t\u3000") | last_chars(words("document_kinds", "order"))
_ORDER_KIND: Final = words("document_kinds", "order")[0]


def names_doc_number(note: str) -> bool:
    """True when ``note`` (a parenthetical's words) holds a document number: what makes the words
    before it an instrument's title when its marks were lost.

    >>> names_doc_number("交通运输部令2019年第8号"), names_doc_number("2019年修正")
    (True, False)
    """
    return _DOC.search(note) is not None


def match_doc_number(text: str, pos: int) -> re.Match[str] | None:
    """The document number that starts at ``pos``, as a match, or None.

    >>> match_doc_number("（国务院令709号）", 1).group()
    '国务院令709号'
    """
    return _DOC.match(text, pos)


def normalise_doc_number(written: str) -> str:
    """A document number with brackets normalised to 〔〕, no white space, and 第 after 令.

    >>> normalise_doc_number("国务院令709号"), normalise_doc_number("藏医保 [2019] 136号")
    ('国务院令第709号', '藏医保〔2019〕136号')
    >>> normalise_doc_number("浙政办发2018年12号"), normalise_doc_number("交通运输部令2016年第28号")
    ('浙政办发〔2018〕12号', '交通运输部令2016年第28号')
    >>> normalise_doc_number("国务院第735号令"), normalise_doc_number("财政部、 税务总局令第1号")
    ('国务院令第735号', '财政部 税务总局令第1号')
    """
    joint = _JOINED_ISSUERS.sub("\\1\x00", written.strip()) if _ORDER_KIND in written else written
    s = _DOC_LEAD.sub("", SPACE.sub("", joint)).replace("\x00", " ")
    if (reversed_ := _NUMBER_THEN_ORDER.match(s)) is not None:
        s = reversed_["issuer"] + reversed_["kind"] + reversed_["n"]
    if "〔" in s or "[" in s or "【" in s or "(" in s or "（" in s or "﹝" in s or "［" in s:
        return s.translate(_DOC_BRACKETS)
    if "第" in s:
        return s  # 交通运输部令2016年第28号: the 第 is the number's, after the year
    if (kind := _ORDER_NO_DI.search(s)) is not None:
        return s[: kind.end()] + "第" + s[kind.end() :]
    if (y := _YEAR_UNBRACKETED.match(s)) is not None:
        # 浙政办发2018年12号: the year in the brackets file numbers are written with
        return f"{y['issuer']}〔{y['year']}〕{y['n']}".translate(_DOC_BRACKETS)
    return s


@lru_cache(maxsize=8192)
def find_doc_number(text: str) -> str | None:
    """The first document or order number in ``text``, normalised.

    >>> find_doc_number("2014年2月21日中华人民共和国国务院令第649号公布")
    '中华人民共和国国务院令第649号'
    """
    m = _DOC.search(text) if "号" in text else None
    return normalise_doc_number(m.group(0)) if m else None


def find_doc_numbers(text: str) -> tuple[str, ...]:
    """Every document or order number in ``text``, normalised, in order, each once: what an
    official text's history says enacted and amended it.

    >>> find_doc_numbers("2001年 中华人民共和国国务院令第306号公布 2010年 国务院令第569号修订")
    ('中华人民共和国国务院令第306号', '国务院令第569号')
    """
    found = (normalise_doc_number(m.group(0)) for m in _DOC.finditer(text)) if "号" in text else ()
    return tuple(dict.fromkeys(found))


def doc_number_before(text: str, pos: int) -> tuple[int, str] | None:
    """A document or order number (国务院令第709号, 国发〔2014〕8号) that ends just before ``pos``
    (a 文件 after it aside), as its start and normalised form; what the match took in before the
    issuer (依据…) is cut to the longest issuer the registry knows, else after a leading verb.

    >>> doc_number_before("依据国务院令第735号第三十八条", 11)
    (2, '国务院令第735号')
    """
    if not pos or text[pos - 1] not in _DOC_BEFORE_LAST:
        return None
    m = _DOC_BEFORE.search(text, max(0, pos - 60), pos)
    if m is None:
        return None
    written = m.group("doc")
    registry = load_registry()
    for cut in range(len(written) - 4):
        if not "\u4e00" <= written[cut] <= "\u9fff":
            break
        doc = normalise_doc_number(written[cut:])
        if registry.by_doc_number(doc):
            return m.start() + cut, doc
    stripped, cut = strip_verbs(written)
    return m.start() + cut, normalise_doc_number(stripped)
