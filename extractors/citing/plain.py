"""A whole text read as plain text (``quanze extract --plain``): what a page did to its words undone
before the grammar reads it, and the issuing notice above a list left out.

A reader (``extractors.reading``) knows the cells of a list; plain mode does not, so what the page
put into the text is taken out here, line by line, with the same means the readers use or a
well-kept library:

- letter spacing (行 政 许 可, a PDF transcript or a styled page): the page reader's
  :func:`~extractors.reading.formats.text.spacing.collapse_spacing`;
- traditional script (中華人民共和國…條): converted to simplified with OpenCC when a good share of
  the text converts (a simplified text is left as it is);
- pinyin glosses a page injects after a character (權（quán）力, 森（sēn）林): dropped;
- paragraph and line-break tags left in the text (…</p> <p>第十九条, <br>): each a line break, as
  the readers make them (a title alone in its paragraph heads the articles below it);
- the issuing notice (关于印发…的通知, its body, signature and date) above the list it issues,
  up to the line 附件 that opens the list: its references are the notice's, not the list's
  (docs/citations.md, "Plain text").

Offsets of the citations found are in the text so prepared (the ``text`` of each record is its
words there).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from opencc import OpenCC

from extractors.citing.words import alternation, words
from extractors.models import ListMeta
from extractors.reading.formats.text.spacing import collapse_spacing

#: A pinyin syllable or two in brackets right after an ideograph: a reading gloss, not words.
_PINYIN: Final = re.compile(
    r"(?<=[\u4e00-\u9fff])[(（]\s*"
    r"(?:[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,6}[1-5]?\s*){1,3}"
    r"[)）]"
)
#: Lower-case letters with a tone mark or ü: what tells a gloss from a bracketed code (A)/(B).
_TONED: Final = re.compile(r"[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]")
#: The title of a notice (or decision, announcement) that issues the list below it: a carrier's
#: verb or an issuing verb, and a carrier's noun (extractors/data/grammar.json).
_ISSUING: Final = re.compile(
    rf"^[^\n]{{0,60}}关于{alternation([*words('carrier_verbs'), *words('issuing_verbs')])}"
    rf"[^\n]{{1,120}}的{alternation(words('carrier_nouns'))}\s*$",
    re.MULTILINE,
)
#: The line that opens the annex (the list itself): 附件, 附件1, 附件一：, alone on its line.
_ANNEX: Final = re.compile(
    r"^[^\S\n]*附\s*件[^\S\n]*[0-9０-９一二三四五六七八九十]*[:：]?[^\S\n]*$", re.M
)
#: The share of the ideographs that must change for a text to be taken as traditional script.
_TRADITIONAL_SHARE: Final = 0.02
_IDEOGRAPH: Final = re.compile(r"[\u4e00-\u9fff]")
#: Paragraph tags and line breaks left in the text (a run of them is one line break).
_TAG: Final = r"(?:</?p(?:\s[^<>\n]*)?>|<br\s*/?>)"
_BREAK_TAGS: Final = re.compile(rf"[^\S\n]*{_TAG}(?:[^\S\n]*{_TAG})*[^\S\n]*", re.IGNORECASE)
#: Three ideographs each followed by one space: what a letter-spaced line has (the cheap test
#: before the page reader's own, which splits the line).
_SPACED: Final = re.compile(r"(?:[\u4e00-\u9fff] ){3}")


@lru_cache(maxsize=1)
def _to_simplified() -> OpenCC:
    return OpenCC("t2s")


def simplified(text: str) -> str:
    """``text`` in simplified script when it is written in traditional script, else unchanged.

    >>> simplified("依據《中華人民共和國森林法》第三十八條")
    '依据《中华人民共和国森林法》第三十八条'
    >>> simplified("乾隆年间的著作")
    '乾隆年间的著作'
    """
    converted = _to_simplified().convert(text)
    if converted == text or len(converted) != len(text):
        return text
    changed = sum(1 for a, b in zip(text, converted, strict=True) if a != b)
    ideographs = len(_IDEOGRAPH.findall(text))
    return converted if changed >= _TRADITIONAL_SHARE * max(ideographs, 1) else text


def without_glosses(text: str) -> str:
    """``text`` without the pinyin glosses injected after its characters.

    >>> without_glosses("權（quán）力清单，森(sēn)林法，附件(A)")
    '權力清单，森林法，附件(A)'
    """
    return _PINYIN.sub(lambda m: "" if _TONED.search(m.group()) else m.group(), text)


def is_issuing_notice(line: str) -> bool:
    """True when ``line`` is the title of a notice that issues a list.

    >>> is_issuing_notice("关于调整甲县权责清单的通知"), is_issuing_notice("关于做好工作的通知")
    (True, False)
    """
    return _ISSUING.fullmatch(line.strip()) is not None


def after_issuing_notice(text: str) -> str:
    """``text`` from the line that opens the annex on, when it starts with a notice that issues a
    list (关于印发…的通知 … 附件); else ``text``. The notice's lines are kept as blank lines, so
    line numbers stay those of the file.

    >>> after_issuing_notice("关于印发权责清单的通知\\n依据《甲法》制定。\\n附件\\n1 许可 《乙法》")
    '\\n\\n附件\\n1 许可 《乙法》'
    >>> after_issuing_notice("1 许可 《乙法》\\n附件\\n")
    '1 许可 《乙法》\\n附件\\n'
    """
    notice = _ISSUING.search(text, 0, 2000)
    if notice is None or text.count("\n", 0, notice.start()) > 5:
        return text
    annex = _ANNEX.search(text, notice.end())
    if annex is None:
        return text
    return "\n" * text.count("\n", 0, annex.start()) + text[annex.start() :]


#: How many lines at the top of a text may hold the list's title, which names its region.
_TITLE_LINES: Final = 12


def region_in(text: str) -> str | None:
    """The region the list's title line names (浙江省应急管理厅权责清单 → 浙江省), read
    from the first lines of ``text`` as the readers read a list's title
    (:func:`extractors.reading.meta.read_meta`); None when no line there names a department.
    A plain text has no reader to say where its title is: this is what lets a local title cited
    without its place (《安全生产条例》) resolve as it does in the list read as a table.

    >>> region_in("浙江省应急管理厅权责清单\\n1 处罚 《安全生产条例》第十条")
    '浙江省'
    >>> region_in("依据《安全生产条例》第十条") is None
    True
    """
    return _meta_in(text).region


def date_in(text: str) -> str | None:
    """The list's date as its title line names it (2023年…权责清单 → 2023), read from the first
    lines of ``text`` as :func:`region_in` reads the region, and dated as a list read as a table
    is (:func:`extractors.citing.in_force.list_date`); None when the title names no year.

    >>> date_in("2023年浙江省应急管理厅权责清单\\n1 处罚 《安全生产条例》第十条")
    '2023'
    >>> date_in("依据《安全生产条例》第十条") is None
    True
    """
    from extractors.citing.in_force import list_date

    return list_date(_meta_in(text))


def _meta_in(text: str) -> ListMeta:
    """What the readers read of a list's title from the first lines of ``text``."""
    from extractors.reading.meta import read_meta  # the readers' own rule for a list's title

    top = text.split("\n", _TITLE_LINES)[:_TITLE_LINES]
    return read_meta(list(enumerate(top, 1)))


def prepare(text: str) -> str:
    """``text`` as the grammar reads it in plain mode (see the module docstring).

    >>> prepare("依 據 ： 《 中 華 人 民 共 和 國 森 林 法 》 第 三 十 八 條")
    '依据：《中华人民共和国森林法》第三十八条'
    """
    text = after_issuing_notice(text)
    if "<" in text:
        text = _BREAK_TAGS.sub("\n", text)
    if _SPACED.search(text) is not None:
        text = "\n".join(
            collapse_spacing(line) if _SPACED.search(line) else line for line in text.split("\n")
        )
    return without_glosses(simplified(text))
