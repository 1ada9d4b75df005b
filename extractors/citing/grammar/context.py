"""The context of a reference (docs/citations.md, "continuation", "What counts as a citation"):
where a sentence, line or numbered entry starts (a continuation needs one), references back to an
instrument cited before (本法, 该条例, 同法, 上述办法), and quoted text, inside which a list quotes
an instrument's own words (第八十七条：…, 规定：“…”) and its references are not the list's."""

from __future__ import annotations

import re
from typing import Final

from extractors.citing.grammar.titles import RANK_LAST, rank_before
from extractors.citing.lawdb import RANKS
from extractors.citing.patterns import regex
from extractors.citing.words import (
    BOUNDARY,
    ENTRY_NUMBER,
    JOIN_WORDS,
    OPEN_MARK,
    RANK_TAG,
    TITLE_END_CHARS,
    TITLE_OPEN,
    TRIAL_NOTE,
    alternation,
    char_class,
    first_chars,
    last_chars,
    tags_of,
    words,
)

_LEAD: Final = regex(
    rf"(?:[\s“\"‘「『]|{ENTRY_NUMBER}\s*[、.．)）]|[(（]\s*{ENTRY_NUMBER}\s*[)）]|[①-⑳]"
    rf"|{RANK_TAG}[:：]?)*\Z"
)
_GLUED_NUMBER: Final = regex(rf"(?:^|{char_class(BOUNDARY)})[0-9０-９]{{1,2}}\Z")
_LED: Final = regex(rf"{alternation(words('lead_verbs'))}[^\S\n]*\Z")
_AFTER_BOUNDARY: Final = regex(char_class(BOUNDARY) + _LEAD.pattern)
_LEAD_CHARS: Final = frozenset(' \t\u3000\n“"‘「『、.．)）】]］:：①②③④⑤⑥⑦⑧⑨⑩')
_BOUNDARIES: Final = frozenset(BOUNDARY)
_LEAD_TEST: Final = _BOUNDARIES | _LEAD_CHARS | RANK_LAST
# 本法/该条例 (this, that) and 同法/上述办法/前述规定 (the same, the above): a law cited before,
# of the kind the noun names (法律/法规/规章/文件: any kind)
_KIND_WORDS: Final = words("kind_words")
_SELF_NOUNS: Final = (
    *words("instrument_endings", "self"),
    *words("implementing_names", "self"),
    *_KIND_WORDS,
)
# 同上, 同前: the instrument cited just before, named by no noun (any kind); 同上条例 names one
_ALONE: Final = words("back_alone")
_SELF: Final = regex(
    rf"(?:{alternation((*words('self_determiners'), *_ALONE))}"
    rf"(?P<noun>{alternation(_SELF_NOUNS)})|{alternation(_ALONE)})\s*\Z"
)
_ANY_KIND: Final = frozenset(_KIND_WORDS)
# 办法 for 法: the instrument endings of another kind that end in a shorter one (an implementing
# name, 实施办法, is still a 办法)
_ENDINGS: Final = words("instrument_endings", "self")
_LONGER_NOUNS: Final = {
    noun: tuple(n for n in _ENDINGS if n != noun and n.endswith(noun)) for noun in _ENDINGS
}
# 该法, 同条例, 上述办法, 同上: what quoted statutory text does not say of itself (it says 本法)
_BACK_DETERMINERS: Final = (*words("self_determiners", "back"), *_ALONE)
# 同条第二款, 该款第三项: the article (or paragraph) the author cited last
_SAME_LEVELS: Final = {
    w: lvl for w, (lvl, *_) in tags_of("levels").items() if lvl in ("article", "paragraph")
}
_SAME_LAST: Final = last_chars(_SAME_LEVELS)
# 前款第（一）项, 上条第二款: the paragraph (article) cited just before, in the author's words
PRECEDING: Final = words("preceding_units")
_SAME_UNIT: Final = regex(
    rf"{alternation((*_BACK_DETERMINERS, *PRECEDING))}\s*(?P<unit>{alternation(_SAME_LEVELS)})"
    r"\s*\Z"
)
_SELF_LAST: Final = last_chars((*_SELF_NOUNS, *_ALONE))
# what may stand just before a bare provision that is read (white space aside): the end of a
# self-reference, of an unmarked title or of a document number (…号, …号文件), a segment
# boundary or what leads a segment, and the brackets a number alone may close (〔国务院令第586号〕)
_REFER_TEST: Final = (
    _SELF_LAST | TITLE_END_CHARS | _BOUNDARIES | _LEAD_CHARS | {"号", *"”」』’〕〉>＞"} | _SAME_LAST
)
_TRIAL_NOTE: Final = regex(TRIAL_NOTE)
# 第三条规定的…, 第二款所列…: a bare provision used as a noun of the sentence
_NOUN_USE: Final = regex(alternation(words("noun_uses")))
# 《社会保险法》规定：“…” — a title (or provision) whose words are quoted after it
_GUIDED: Final = rf"\s*{alternation(JOIN_WORDS)}?{alternation(words('guiding_words'))}?\s*[:：“\"]"
_TITLE_QUOTE: Final = regex(_GUIDED)
# what continues the author's sentence after a provision: a list mark or conjunction (their first
# characters), a title, the end of the sentence, and (glued to the provision) a word that uses it
# as a noun or joins it to what follows
_GOES_ON: Final = (
    "".join(sorted(first_chars(words("separators", "list")))) + TITLE_OPEN[0] + ";；。"
)
_USED_AS: Final = "".join(sorted(first_chars([*words("noun_uses"), *JOIN_WORDS])))
_SPACE_CLASS: Final = r"\s"
_QUOTE_START: Final = regex(
    rf"{_GUIDED}|\s+{char_class(_GOES_ON, negate=True, extra=_SPACE_CLASS)}"
    rf"|{char_class(_GOES_ON + _USED_AS, negate=True, extra=_SPACE_CLASS)}"
)
# 第十条（2）《乙法》, 第十条2.《乙法》, 第十条②《乙法》: the number of the list's next entry
# glued to the provision (cells run together), then a title: statutory text never opens with a
# title, so this is the author's next entry, not the provision's quoted words; so are an entry
# number closed by a bracket alone (第九十条 2)《乙法》) and digits with no mark (1《甲法》第八条2
# 《乙法》: a 第N条 has no digits after its 条)
# a rank tag (【行政法规】) or rank word with its colon (行政法规：) before an entry's title
_RANKED: Final = rf"(?:{RANK_TAG}[:：]?|{alternation(RANKS)}\s*[:：])\s*"
_NEXT_ENTRY: Final = regex(
    rf"\s*(?:(?:{ENTRY_NUMBER}\s*[、.．)）]|[(（]\s*{ENTRY_NUMBER}\s*[)）]|[①-⑳]|[0-9０-９]{{1,3}})"
    rf"\s*(?:{_RANKED})?"
    # 第十条【行政法规】《乙条例》: a rank tag then a title, glued, opens the next entry as well
    rf"|{_RANKED}){OPEN_MARK}"
)


def at_segment_start(text: str, pos: int) -> bool:
    """True when ``pos`` opens a sentence, line, paragraph or numbered entry (after 。；; or a
    line break, optionally behind 2、 / 2. / （二） numbering, quotes or a rank tag).

    >>> s = "第二十七条：…。第二十九条：…对有第(一)项"
    >>> at_segment_start(s, 0), at_segment_start(s, 8), at_segment_start(s, s.index("第(一)"))
    (True, True, False)
    """
    if pos == 0:
        return True
    c = text[pos - 1]
    if c in _BOUNDARIES:
        return True
    if c not in _LEAD_CHARS:
        return False
    lo = max(0, pos - 40)
    if _AFTER_BOUNDARY.search(text, lo, pos) is not None:
        return True
    return lo == 0 and _LEAD.match(text, 0, pos) is not None


# what ends a citation, just before a comma that lists the next one after it (…第十条，公司第十一条)
_CITATION_LAST: Final = re.escape("".join(sorted(TITLE_END_CHARS)))
_CITED_BEFORE_COMMA: Final = regex(
    rf"[{_CITATION_LAST}》〉>＞条款项目][ \t\u3000]*[,，][ \t\u3000]*\Z"
)
_LISTED: Final = regex(r"、[ \t\u3000]*\Z")


def opens_entry(text: str, pos: int) -> bool:
    """True when ``pos`` is where an entry of a basis may start: a segment's start (see
    :func:`at_segment_start`), after a lead verb (依据, 根据 …), after 、, or after a comma that
    follows a citation. A word of two or three characters that is also a title's stem (公司,
    消防) names the instrument only there; inside a sentence (合作公司第十条约定) it is prose.

    >>> opens_entry("依据公司第十条", 2), opens_entry("本单位与合作公司第十条", 6)
    (True, False)
    >>> opens_entry("《甲法》第十条，公司第十一条", 8), opens_entry("签约后，公司第十条", 4)
    (True, False)
    """
    if at_segment_start(text, pos):
        return True
    lo = max(0, pos - 10)
    return (
        _LED.search(text, lo, pos) is not None
        or _LISTED.search(text, lo, pos) is not None
        or _CITED_BEFORE_COMMA.search(text, lo, pos) is not None
    )


def lead_before(text: str, pos: int) -> tuple[bool, str | None]:
    """``at_segment_start(text, pos)`` and the rank tag before ``pos`` (see :func:`rank_before`),
    read together: one character rules both out before most titles (依据《…》).

    >>> lead_before("1.【法律】《社会保险法》", 6), lead_before("依据《社会保险法》", 2)
    ((True, '法律'), (False, None))
    >>> lead_before("…的规定。2《社会保险法》", 6), lead_before("第2《社会保险法》", 2)
    ((True, None), (False, None))
    """
    if pos and (c := text[pos - 1]) not in _LEAD_TEST and not c.isspace():
        # 。2《…》: citations numbered with the number glued to the title (1《…》2《…》)
        glued = _GLUED_NUMBER.search(text, max(0, pos - 4), pos)
        return glued is not None, None
    rank = rank_before(text, pos)
    return at_segment_start(text, pos), rank[0] if rank else None


def led_line_before(text: str, pos: int) -> bool:
    """True when a lead verb (依据, 根据 …) that opens a line or a numbered or ranked entry stands
    just before ``pos``: 依据《…》 there is the list's own words, even after quoted article text
    (a sentence of the quoted text may open 依照《…》 after 。, a list entry does not).

    >>> led_line_before("第一条：…\\n依据《社会保险法》", 8), led_line_before("…依照《森林法》", 3)
    (True, False)
    >>> led_line_before("…。2、依据《社会保险法》", 6), led_line_before("…。依据《社会保险法》", 4)
    (True, False)
    """
    m = _LED.search(text, max(0, pos - 8), pos)
    if m is None:
        return False
    q = m.start()
    rank = rank_before(text, q)
    if rank is not None:
        q = rank[1]
    if q == 0 or text[q - 1] == "\n":
        return True
    return text[q - 1] not in _BOUNDARIES and at_segment_start(text, q)


def self_reference_before(text: str, pos: int) -> tuple[int, str | None] | None:
    """Where a 本法/该条例/同法… that ends just before ``pos`` starts, with the kind of instrument
    it names (None: 该法规, any kind), or None.

    >>> self_reference_before("依照本法第八十六条", 4), self_reference_before("同条例第八条", 3)
    ((2, '法'), (0, '条例'))
    >>> self_reference_before("；同上第八条", 3)
    (1, None)
    """
    if not pos or not ((c := text[pos - 1]) in _SELF_LAST or c.isspace()):
        return None
    m = _SELF.search(text, max(0, pos - 8), pos)
    if m is None:
        return None
    noun = m.group("noun")
    return m.start(), None if noun is None or noun in _ANY_KIND else noun


def author_refers_back(text: str, pos: int) -> bool:
    """True when the self-reference that starts at ``pos`` is the author's, even after quoted
    text opened without a mark: it points back with a word quoted statutory text does not use of
    itself (该法, 同条例, 上述办法; not 本法) and opens a line, alone or after a lead verb
    (第十条 违反本法…, then 依照该法第十一条 on the next line).

    >>> author_refers_back("第十条 违反本法的。\\n依照该法第十一条", 13)
    True
    >>> author_refers_back("第十条 违反本法的。\\n依照本法第十一条", 13)
    False
    >>> author_refers_back("第十条 违反该法第十一条", 7)
    False
    """
    if not text.startswith(_BACK_DETERMINERS, pos):
        return False
    line = text.rfind("\n", 0, pos) + 1
    return _LEAD.match(text, line, pos) is not None or led_line_before(text, pos)


def same_unit_before(text: str, pos: int) -> tuple[int, str] | None:
    """Where a 同条/该条/同款 (or 前条/前款/上款) that ends just before the provision at ``pos``
    starts, and the level it names (``article`` or ``paragraph``): the provision is part of the
    one cited last.

    >>> same_unit_before("…第十条第一款；同条第二款", 10), same_unit_before("该款第三项", 2)
    ((8, 'article'), (0, 'paragraph'))
    >>> same_unit_before("前款第（一）项", 2), same_unit_before("本条第二款", 2)
    ((0, 'paragraph'), None)
    """
    m = _SAME_UNIT.search(text, max(0, pos - 6), pos)
    return None if m is None else (m.start(), _SAME_LEVELS[m.group("unit")])


def is_kind(title: str, noun: str, *, loose: bool = False) -> bool:
    """True when ``title`` is an instrument of the kind ``noun`` names (a trial mark at the end
    aside): what 该条例 or 同办法 may refer to. A title that ends in a longer noun ending in
    ``noun`` is of that kind, not ``noun``'s (社会救助暂行办法 is a 办法, not a 法), unless
    ``loose``.

    >>> is_kind("社会保险费征缴暂行条例", "条例"), is_kind("若干规定（试行）", "规定")
    (True, True)
    >>> is_kind("中华人民共和国社会保险法", "条例"), is_kind("社会救助暂行办法", "法")
    (False, False)
    >>> is_kind("社会救助暂行办法", "法", loose=True)
    True
    """
    bare = _TRIAL_NOTE.sub("", title).rstrip()
    if not bare.endswith(noun):
        return False
    return loose or not any(bare.endswith(longer) for longer in _LONGER_NOUNS.get(noun, ()))


def may_refer_before(text: str, pos: int) -> bool:
    """False when the character before ``pos`` rules out a self-reference, an unmarked title, a
    document number and the start of a segment before a bare provision there (对有第（三）项: most
    bare provisions inside quoted article text).

    >>> may_refer_before("对有第（三）项", 2), may_refer_before("依照本法第八十六条", 4)
    (False, True)
    """
    return not pos or (c := text[pos - 1]) in _REFER_TEST or c.isspace()


def noun_use_at(text: str, pos: int) -> bool:
    """True when the provision that ends at ``pos`` is a noun of the sentence (第三条规定的…).

    >>> noun_use_at("第三条规定的情形", 3), noun_use_at("第三条：用人单位", 3)
    (True, False)
    """
    return _NOUN_USE.match(text, pos) is not None


def opens_quote(text: str, pos: int) -> bool:
    """True when the text at ``pos`` (just after a cited provision) quotes the provision's words
    (第八十七条：…, 第二条 本办法…, 第三条县级以上…) rather than continuing the author's sentence.

    >>> opens_quote("第八十七条：社会保险", 5), opens_quote("第十条和第十一条", 3)
    (True, False)
    >>> opens_quote("第十条（2）《乙法》第九条", 3), opens_quote("第十条（二）申请人", 3)
    (False, True)
    >>> opens_quote("第十条【行政法规】《乙条例》第九条", 3)
    False
    """
    return _QUOTE_START.match(text, pos) is not None and _NEXT_ENTRY.match(text, pos) is None


#: Quotation marks and the mark that closes each: a quotation opened by one runs to its close.
_CLOSERS: Final = {"“": "”", "「": "」", "『": "』", '"': '"', "‘": "’"}
#: What may stand between a provision (or title) and the mark that opens its quoted words.
_BEFORE_MARK: Final = regex(
    rf"\s*{alternation(JOIN_WORDS)}?{alternation(words('guiding_words'))}?\s*[:：]?\s*"
)


def quote_close(text: str, pos: int) -> int:
    """Where the quotation that opens at ``pos`` (just after a cited provision or title) with a
    quotation mark is closed (the index of its closing mark), or -1 when it opens with no mark
    or is not closed: such a quotation runs until a new reference starts.

    >>> quote_close("第八条：“…依照《甲法》办理。”第九条", 3), quote_close("第八条 本法…", 3)
    (15, -1)
    """
    lead = _BEFORE_MARK.match(text, pos)
    at = lead.end() if lead is not None else pos
    if at >= len(text) or (closer := _CLOSERS.get(text[at])) is None:
        return -1
    return text.find(closer, at + 1)


#: A basis field's label inside a cell (实施依据：): the cell's author's words, never a statute's.
_LABEL: Final = rf"[^\s:：，,。；;、“”《》()（）]{{0,10}}{alternation(words('field_labels'))}[:：]"
#: What starts a new reference after quoted words that opened without a mark: an item number,
#: a rank tag or a title after white space or a cell's edge (cells run together: …说明理由
#: 2.[地方政府规章]…, …徇私舞弊的, 《甲法》第九条), or a line that opens with a label
#: (责任事项依据：…), or a basis field's label after white space (…第六十九条 实施依据：…). Quoted
#: statutory text has no white space before its titles.
_NEW_REFERENCE: Final = regex(
    rf"[\s|>](?:{ENTRY_NUMBER}\s*(?:[.．、](?![0-9０-９])|[)）](?=\s*[{TITLE_OPEN}【\[]))|{RANK_TAG}|[《〈])"
    r"|\n[^\S\n]*[^\s:：，,。；;、“”《》()（）]{1,12}[:：]"
    rf"|[\s|>]{_LABEL}"
)


def new_reference_in(text: str, lo: int, hi: int) -> int:
    """Where a new reference starts between ``lo`` and ``hi`` (what ends quoted words opened
    without a mark; the reference may start at ``hi`` itself), or -1.

    >>> s = "第五条 应当书面说明理由 2.[规章]甲办法"
    >>> new_reference_in(s, 3, len(s)), new_reference_in("第五条 处3 个工作日内", 3, 12)
    (12, -1)
    >>> new_reference_in("第五条 应当…的, 《甲法》第九条", 3, 10)
    9
    >>> new_reference_in("第五条 应当…\\n责任依据：《甲法》", 3, 16)
    7
    >>> new_reference_in("第五条 实施依据：《甲法》第九条", 3, 12)
    3
    """
    m = _NEW_REFERENCE.search(text, lo, min(hi + 1, len(text)))
    return -1 if m is None else m.start()


def quotes_title(text: str, pos: int) -> bool:
    """True when the words of a title just cited (no provision) are quoted from ``pos`` on.

    >>> quotes_title("《社会保险法》规定：“…”", 7), quotes_title("《社会保险法》和《…》", 7)
    (True, False)
    """
    return _TITLE_QUOTE.match(text, pos) is not None
