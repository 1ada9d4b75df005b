"""Unmarked titles (docs/citations.md, "unmarked"): a title written without title marks, before a
provision (依据社会保险法第八十七条), alone on its line (…实施细则（试行） over 第六章 …), or as the
outer notice around a marked one (…批转…关于《X》的通知), told from prose by its ending and words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final, Literal

from extractors.citing.grammar.chains import LEVEL, NUM
from extractors.citing.lawdb import RANKS, STEM_FROM, load_registry, title_key
from extractors.citing.patterns import regex
from extractors.citing.resolve import ORGAN_ON, is_carrier, is_version_note
from extractors.citing.words import (
    BOUNDARY,
    CONJUNCTIONS,
    ENDS_INSTRUMENT,
    ENTRY_NUMBER,
    LOCAL_PLACE,
    RANK_TAG,
    TITLE_CLOSE,
    TITLE_END_CHARS,
    TITLE_OPEN,
    TRIAL_NOTE,
    alternation,
    last_chars,
    words,
)

#: Where an unmarked title stands: before a provision, alone on its line, in quotation marks.
Place = Literal["provision", "line", "quoted"]

# What an unmarked title before a provision may not hold (nor can it be longer than 60 characters,
# or shorter than 2): it may end in a trial mark (（试行）).
_BACK_STOPS: Final = r"\s、,，。;；:：“”\"'‘’()（）《》〈〉<>＜＞【】\[\]0-9０-９.．!！?？"
_BACK_STOPS_CHARS: Final = frozenset("、,，。;；:：“”\"'‘’()（）【】[]!！?？ \t\u3000")
_TRIAL_AT_END: Final = regex(rf"{TRIAL_NOTE}\Z")
_TRIAL_LONGEST: Final = max(map(len, words("trial_marks"))) + 2
# the last stop character before a point (greedy, then backtracking from the point: one pass)
_LAST_STOP: Final = regex(rf".*[{_BACK_STOPS}]", re.S)
_VERBS: Final = regex("^" + alternation([*words("lead_verbs"), *CONJUNCTIONS]))
_GENERIC: Final = regex(
    alternation(words("generic_words")) + "|^" + alternation(words("generic_starts"))
)
_PROVISION_INSIDE: Final = regex(rf"第\s*{NUM}\s*{LEVEL}")
# the endings that end in 法 and are not it (办法)
_LONGER_THAN_FA: Final = tuple(
    e for e in words("instrument_endings") if e.endswith("法") and e != "法"
)
# a national law's short title: a stem of two or three characters and 法 (not 办法, 方法, 做法),
# or general rules named by a stem of two characters and 通则 or 总则 (民法通则, 民法总则: both
# repealed in 2021; 刑法总则 is 刑法's general part, read before this as a division name)
_SHORT_LAW: Final = regex(
    r"[\u4e00-\u9fff]{2,3}(?<![办方做说用想])法|[\u4e00-\u9fff]{2}(?:通则|总则)"
)
_SENTENCE_START: Final = regex("^" + alternation(words("sentence_starts")))
_STRONG_END: Final = regex(
    rf"{alternation(words('instrument_endings', 'strong'))}(?:{TRIAL_NOTE})?$"
)
_LINE_ENDINGS: Final = words("instrument_endings", "line")
# 依据行政许可法等法律法规: the title the line names, then 等 and the kinds of what else applies
# (grammar.json kind_words), as marked titles are followed (《…》等法律法规)
_KINDS: Final = alternation(words("kind_words"))
_ETC_TAIL: Final = (
    rf"[ \t\u3000]*等[ \t\u3000]*(?:有关|相关)?(?:{_KINDS}|规定)(?:[、和及与]?(?:{_KINDS}))*"
    r"(?:的?(?:有关)?规定)?"
)
_LINE_TITLE: Final = regex(
    rf"^[ \t\u3000]*(?:{ENTRY_NUMBER}[、.．]\s*)?(?:{RANK_TAG}[:：]?[ \t\u3000]*)?"
    # (a title of three characters after an entry number: 1.消防法, the number not in it)
    rf"(?!{ENTRY_NUMBER}[、.．])"
    r"(?P<t>[^\n。；;，,：:《》〈〉<>＜＞“”\"]{2,80}?"
    rf"{alternation(_LINE_ENDINGS)}(?:[ \t\u3000]*{TRIAL_NOTE})?)"
    # 食品安全法（2021年修正）: a version note after it (read by the caller)
    rf"(?:[ \t\u3000]*[(（](?P<note>[^()（）\n]{{2,60}})[)）])?"
    rf"(?:{_ETC_TAIL})?[ \t\u3000]*$",
    re.M,
)
# the last character of a line that _LINE_TITLE may match (a title ending, or a kind after 等;
# a closing bracket is tested apart): a cheap test that rules out most cells before the line
# regex runs
_LINE_LAST: Final = last_chars(_LINE_ENDINGS) | last_chars(words("kind_words"))
# a line that ends in a bracket can only be a title's when the bracket closes a trial mark: the
# short cells that end in a number (对社会保险违法行为的处罚（898）) otherwise all reach _LINE_TITLE
_TRIAL_ENDINGS: Final = frozenset(
    o + w + c for o in "（(" for w in words("trial_marks") for c in "）)"
)
_LINE_SPACE: Final = " \t\u3000"
# …批转…关于《X》的通知: the outer notice of a marked title, the title marks around it missing
_NOTICE_AFTER: Final = regex(rf"\s*的\s*{alternation(words('carrier_nouns'), spaced=True)}")
# a carrier issues the instrument in its marks; an amending decision names the one it amends
_SPACED_CARRIER_VERB: Final = regex(
    alternation([*words("carrier_verbs"), *words("amending_verbs")], spaced=True)
)
_SEGMENT_LEAD: Final = regex(rf"(?:\s|{ENTRY_NUMBER}\s*[、.．]|{RANK_TAG}[:：]?)*")
_MARKS: Final = frozenset(TITLE_OPEN + TITLE_CLOSE)
# 杭州市城市市容和环境卫生管理条例: a place's own instrument, named after a national one
_PLACES_ONLY: Final = regex(rf"(?:{LOCAL_PLACE})+\Z")
# 甲省实施《中华人民共和国消防法》办法: the marked title is the inner one of an unmarked title
_IMPLEMENTING_BEFORE: Final = regex(
    rf"(?:{LOCAL_PLACE})*{alternation(words('implementing_leads'))}\s*\Z"
)
_IMPLEMENTING_AFTER: Final = regex(
    rf"\s*(?:若干)?{alternation(words('instrument_endings', 'strong'))}(?:{TRIAL_NOTE})?(?!的)"
)
_LEADS_ONLY: Final = regex(rf"(?:{alternation([*words('lead_verbs'), *CONJUNCTIONS])})*\Z")


def strip_verbs(candidate: str, least: int = 3) -> tuple[str, int]:
    """``candidate`` without leading 根据/依据/按照/违反…, and how many characters went; a verb
    that would leave fewer than ``least`` characters is kept (a title is that long at least).

    >>> strip_verbs("依据社会保险法"), strip_verbs("根据消防", least=2)
    (('社会保险法', 2), ('消防', 2))
    """
    cut = 0
    while True:
        m = _VERBS.match(candidate, cut)
        if m is None or len(candidate) - m.end() < least:
            return candidate[cut:], cut
        cut = m.end()


def plausible_unmarked(title: str, *, place: Place) -> bool:
    """True when an unmarked stretch of text reads as an instrument title, not as prose. Before a
    provision any instrument ending will do (the provision after it is the evidence); alone on a
    line or in quotation marks the ending must name an instrument on its own (法, 条例 …) unless
    the title is a 关于… one standing alone.

    >>> plausible_unmarked("社会保险法", place="quoted")
    True
    >>> plausible_unmarked("国家规定", place="provision")
    False
    >>> plausible_unmarked("社会保险工作要点", place="provision")
    True
    """
    key = title_key(title)
    registry = load_registry()
    if registry.lookup(key):
        return True
    if reads_as_prose(key):
        return False
    if len(key) < 5:
        # 担保法第十条, 物权法（2007）第十条: a national law named by its short title, repealed
        # or not in the registry, before a provision (a stem and 法; 办法 and 方法 are no stem)
        return (
            place == "provision"
            and _SHORT_LAW.fullmatch(key) is not None
            and not strip_verbs(key, least=1)[1]  # 依照本法, 违反同法: a verb and a reference back
        )
    if _PROVISION_INSIDE.search(key):
        # 按照社会保险费征缴暂行条例第十条规定: a line that cites, not a title
        return False
    if is_carrier(key):
        # 国务院办公厅转发民政部等部门关于…的意见的通知: a notice that issues an instrument
        return True
    if "的" in key and "关于" not in key and ORGAN_ON.match(key) is None:
        return False
    if _STRONG_END.search(key):
        return True
    if place == "provision":
        # 依据社会保险工作要点第三条: a provision is cited from the instrument just before it
        return bool(ENDS_INSTRUMENT.search(key))
    # 决定/意见/通知/方案 without 关于 are everyday words (行政许可决定, 处理意见)
    return "关于" in key and place == "line"


def reads_as_prose(key: str) -> bool:
    """True when a stretch of text (as a title key) holds words of prose or of a reference
    (国家规定, 有关, 本办法) or starts a sentence (对…, 由…): no title.

    >>> [reads_as_prose(t) for t in ("有关法律法规", "对用人单位处罚", "社会保险法")]
    [True, True, False]
    """
    return _GENERIC.search(key) is not None or _SENTENCE_START.match(key) is not None


def unmarked_before(text: str, pos: int) -> tuple[int, str] | None:
    """An unmarked title that ends just before the provision at ``pos`` (依据社会保险法第八十七条),
    as its start offset and text, or None.

    >>> unmarked_before("依据社会保险法第八十七条", 7)
    (2, '社会保险法')
    """
    j = pos
    while j > 0 and text[j - 1] in _LINE_SPACE and pos - j < 4:
        j -= 1
    if j == 0 or text[j - 1] not in TITLE_END_CHARS:
        return None
    lo = _back_start(text, max(0, j - 70), j)
    if lo is None:
        return None
    if (
        lo
        and text[lo - 1] == "、"
        and (front := _back_start(text, max(0, lo - 41), lo - 1)) is not None
    ):
        # 依据重庆市城镇职工基本医疗保险、生育保险实施办法第十条: a 、 inside the title, when
        # what stands before it is not a title of its own (社会保险法、劳动法第十条 is two)
        head, _ = strip_verbs(text[front : lo - 1])
        if not ENDS_INSTRUMENT.search(head):
            found = _unmarked_candidate(text[front:j])
            if found is not None:
                return front + found[0], found[1]
    joined = _spaced_title(text, lo, j)
    if joined is not None:
        return joined, text[joined:j]
    found = _unmarked_candidate(text[lo:j])
    return (lo + found[0], found[1]) if found is not None else None


def _spaced_title(text: str, lo: int, j: int) -> int | None:
    """Where an unmarked title that white space splits starts, when the parts before
    ``text[lo:j]`` and it, together, are a title the registry knows (浙江省 安全生产条例 第十条: a
    cell flattened from a page, the place apart from the placeless title that names six
    provinces' regulations), or when they are a place's name; else None (社会保险法 劳动法).

    >>> s = "浙江省 安全生产条例 第十条"
    >>> _spaced_title(s, 4, 10)
    0
    """
    registry = load_registry()
    best = None
    placed = None  # the nearest place apart from the title, when the registry knows no join
    key = title_key(text[lo:j])
    # a law is no place's own (拉萨市 社会保险法); a 办法 may be
    national = key.endswith("法") and not key.endswith(_LONGER_THAN_FA)
    for _ in range(8):  # 中华 人民 共和国 行政 处罚法: a title spaced out word by word
        k = lo
        while k > 0 and text[k - 1] in _LINE_SPACE and lo - k < 3:
            k -= 1
        if k == lo or k == 0 or text[k - 1] in _BACK_STOPS_CHARS or text[k - 1] == "\n":
            break
        front = _back_start(text, max(0, k - 40), k)
        if front is None:
            break
        head, cut = strip_verbs(text[front:k], least=1)
        if not head or reads_as_prose(title_key(head)):
            break
        lo = front + cut
        if registry.lookup(title_key(text[lo:j])):
            best = lo
        elif placed is None and not national and _PLACES_ONLY.match(text, lo, k) is not None:
            # 杭州市 城市市容和环境卫生管理条例: a place apart from a title is the place's own
            # instrument, as when glued to it (see _unmarked_candidate)
            placed = lo
        if cut:
            break  # a lead verb opened the stretch: the title starts after it
    return best if best is not None else placed


def endless_before(text: str, pos: int) -> tuple[int, str, tuple[str, ...]] | None:
    """A title written without marks and without its kind ending just before the provision at
    ``pos`` (依据中华人民共和国行政许可第十二条, 行政处罚第三十条, 根据消防第六十条): its start, the
    words as written and the registry's titles they are with an ending
    (:meth:`Registry.without_ending`: one, or several for the caller to name and not choose:
    治安管理处罚 is the 法's and the 条例's), or None when the words, whole, are no such stem.

    >>> endless_before("依据中华人民共和国行政许可第十二条", 13)
    (2, '中华人民共和国行政许可', ('中华人民共和国行政许可法',))
    >>> endless_before("治安管理处罚第十条", 6)[2]
    ('中华人民共和国治安管理处罚条例', '中华人民共和国治安管理处罚法')
    >>> endless_before("依据行政许可决定第十二条", 8) is None
    True
    """
    j = pos
    while j > 0 and text[j - 1] in _LINE_SPACE and pos - j < 4:
        j -= 1
    if j > 0 and text[j - 1] == "\n":
        # 依据 消防\n第六十条: a wrapped cell, the stem at the end of the line before (the
        # words, whole, still name the title)
        j -= 1
        while j > 0 and text[j - 1] in _LINE_SPACE and pos - j < 8:
            j -= 1
    registry = load_registry()
    if j == 0 or not registry.may_end_stem(text[j - 1]):
        return None
    lo = _back_start(text, max(0, j - 40), j)
    if lo is None:
        return None
    stem, cut = strip_verbs(text[lo:j], least=STEM_FROM)
    if ENDS_INSTRUMENT.search(stem):
        return None  # a title with its ending (the unmarked reader's); 档案 ends as no 方案 does
    found = registry.without_ending(stem)
    if not found:
        return None
    return lo + cut, stem, tuple(sorted(e.title for e in found))


# a parenthetical note (version, document number) that ends just before a provision:
# 校车安全管理条例(2012年国务院令第617)第十五条; in the other brackets notes are written in
# (食品安全法【2021年修正】第三十五条, …[2021修正]…)
_NOTE_BEFORE: Final = regex(
    r"(?:[(（]([^()（）\n]{2,120})[)）]|【([^【】\n]{2,120})】|[\[［]([^\[\]［］\n]{2,120})[\]］])"
    r"[ \t\u3000]{0,3}\Z"
)
_RANKED: Final = regex(rf"{RANK_TAG}\s*[:：]?\s*\Z")


def noted_unmarked_before(text: str, pos: int) -> tuple[int, str, int, bool] | None:
    """An unmarked title, then a parenthetical note, before the provision at ``pos`` (text whose
    title marks were lost: [行政法规]校车安全管理条例(…令第617)第十五条): its start, text, where
    its note opens and whether a rank tag stands before it, or None. A rank tag makes it a title;
    without one the caller asks the note for a document number (港口经营管理规定（…令…号）第五条).

    >>> noted_unmarked_before("1.[行政法规]甲市校车管理条例(2012年令第6号)第五条", 27)
    (8, '甲市校车管理条例', 16, True)
    >>> noted_unmarked_before("甲市校车管理条例【地方性法规】第五条", 15)
    (0, '甲市校车管理条例', 8, True)
    """
    note = _NOTE_BEFORE.search(text, max(0, pos - 130), pos)
    if note is None:
        return None
    found = unmarked_before(text, note.start())
    if found is None:
        return None
    ranked = _RANKED.search(text, max(0, found[0] - 16), found[0]) is not None
    # 安全生产条例【行政法规】第十条, 食品安全法（法律）第十条: the rank written as the title's
    # note, after it, shows a title as a rank tag before it does
    written = next(g for g in note.groups() if g is not None)
    ranked = ranked or written.strip(" \t\u3000") in RANKS
    return found[0], found[1], note.start(), ranked


def _back_start(text: str, lo: int, j: int) -> int | None:
    """Where the stretch that may be an unmarked title ending at ``j`` starts (no stop
    character, 2 to 60 characters, optionally followed by a trial mark), not before ``lo``;
    None when there is none.

    >>> _back_start("依据社会保险法", 0, 7), _back_start("某办法(试行)", 0, 7)
    (0, 0)
    """
    end = j
    trial = _TRIAL_AT_END.search(text, max(lo, j - _TRIAL_LONGEST), j)
    if trial is not None and trial.start() - lo >= 2:
        end = trial.start()
    floor = max(lo, end - 60)
    stop = _LAST_STOP.match(text, floor, end)
    start = stop.end() if stop is not None else floor
    return start if end - start >= 2 else None


@lru_cache(maxsize=8192)
def _unmarked_candidate(raw: str) -> tuple[int, str] | None:
    """Where the title starts in ``raw`` (text that ends where a provision starts) and the
    title, or None when ``raw`` does not end in a plausible title (read once per distinct text:
    the same 依照社会保险法 comes before many chains)."""
    stripped, cut = strip_verbs(raw)
    registry = load_registry()
    if not registry.lookup(stripped):
        # 用人单位违反社会保险法第八十六条: the registry knows where the title starts
        suffix = registry.longest_suffix(raw)
        if suffix is not None and len(suffix) < len(title_key(raw)):
            at = len(raw) - len(suffix)
            if _PLACES_ONLY.match(raw, cut, at) is None:
                # not 杭州市 + 城市市容和环境卫生管理条例: the city's own regulation, named
                # after the national one, starts with the city
                cut = at
                stripped = raw[cut:]
    if not ENDS_INSTRUMENT.search(stripped) and _SHORT_LAW.fullmatch(title_key(stripped)) is None:
        return None  # 民法总则第十条: a code's short title, though 总则 ends no other title
    if not plausible_unmarked(stripped, place="provision"):
        return None
    return cut, stripped


# 社会保险法、劳动法第十条, 社会保险法和劳动法: the marks that list titles (、 and the conjunctions;
# not the comma, which also ends a clause of prose), written between two of them
_TITLE_LIST: Final = alternation(
    [w for w in words("separators", "list") if w in CONJUNCTIONS or w == "、"]
)
_LISTED_BEFORE: Final = regex(rf"(?:{_TITLE_LIST})[ \t\u3000]*\Z")
_LIST_SPLIT: Final = regex(rf"[ \t\u3000]*(?:{_TITLE_LIST})[ \t\u3000]*")


def listed_before(text: str, start: int) -> list[tuple[int, int, str]]:
    """The unmarked titles listed just before the unmarked title that starts at ``start``
    (依据社会保险法、劳动法第十条: 社会保险法 is cited whole, 劳动法 with the article), as (start,
    end, title) in the order written; only titles that name an instrument on their own (see
    :func:`plausible_unmarked`, ``place="line"``), so that a 、 or 和 inside a title
    (城镇职工基本医疗保险、生育保险办法) lists nothing.

    >>> listed_before("依据社会保险法、劳动法第十条", 8)
    [(2, 7, '社会保险法')]
    >>> listed_before("依据城镇职工基本医疗保险、生育保险办法第十条", 13)
    []
    """
    out: list[tuple[int, int, str]] = []
    while (mark := _LISTED_BEFORE.search(text, max(0, start - 6), start)) is not None:
        j = mark.start()
        if j == 0 or text[j - 1] not in TITLE_END_CHARS:
            break
        lo = _back_start(text, max(0, j - 70), j)
        if lo is None:
            break
        stripped, cut = strip_verbs(text[lo:j])
        if not plausible_unmarked(stripped, place="line"):
            break
        out.append((lo + cut, j, stripped))
        start = lo + cut
    return out[::-1]


def split_listed(title: str) -> list[tuple[int, str]]:
    """The titles an unmarked line lists (社会保险法和劳动法), as (offset, title), when the
    registry knows each of them and not the whole; else ``[(0, title)]``: 城市市容和环境卫生管理条例
    is one title.

    >>> split_listed("中华人民共和国社会保险法和中华人民共和国劳动法")
    [(0, '中华人民共和国社会保险法'), (13, '中华人民共和国劳动法')]
    >>> split_listed("城市市容和环境卫生管理条例")
    [(0, '城市市容和环境卫生管理条例')]
    """
    registry = load_registry()
    whole = [(0, title)]
    if not _LIST_SPLIT.search(title) or registry.lookup(title):
        return whole
    parts: list[tuple[int, str]] = []
    at = 0
    for sep in _LIST_SPLIT.finditer(title):
        # a mark may be part of a word (共和国): the titles end only where one is known
        if sep.start() > at and registry.lookup(title[at : sep.start()]):
            parts.append((at, title[at : sep.start()]))
            at = sep.end()
    if parts and registry.lookup(title[at:]):
        return [*parts, (at, title[at:])]
    return whole


def _may_be_note(note: str) -> bool:
    """True when the words in a bracket after a title alone on its line may be its note: a
    version note, or a number (号) the caller reads as a document number or not.

    >>> _may_be_note("2021年修正"), _may_be_note("主席令第21号"), _may_be_note("898")
    (True, True, False)
    """
    return "号" in note or is_version_note(note)


def standalone_titles(text: str) -> list[tuple[int, int, str]]:
    """Unmarked titles standing alone on their line, as (start, end, title).

    >>> standalone_titles("西藏自治区城镇职工基本医疗保险暂行办法\\n第七章 法律责任")
    [(0, 19, '西藏自治区城镇职工基本医疗保险暂行办法')]
    """
    out: list[tuple[int, int, str]] = []
    for m in _LINE_TITLE.finditer(text):
        if m.group("note") is not None and not _may_be_note(m.group("note")):
            continue
        raw = m.group("t")
        stripped, cut = strip_verbs(raw)
        if plausible_unmarked(stripped, place="line"):
            start = m.start("t") + cut
            for at, part in split_listed(text[start : m.end("t")]):
                out.append((start + at, start + at + len(part), part))
    return out


def may_stand_alone(text: str) -> bool:
    """False when no line of ``text`` ends the way a standalone title does (see
    :func:`standalone_titles`): a string test per line, as scanning the whole cell with the
    multi-line regex cost more than the rest of a cell.

    >>> may_stand_alone("对社会保险违法行为的处罚（898）")
    False
    >>> may_stand_alone("某办法（试行）\\n"), may_stand_alone("第一行。\\n某办法(征求意见稿)")
    (True, True)
    """
    end = len(text)
    while True:
        start = text.rfind("\n", 0, end) + 1  # the line is text[start:end]
        last = end
        while last > start and text[last - 1] in _LINE_SPACE:
            last -= 1
        if last > start:
            c = text[last - 1]
            if c in _LINE_LAST:
                return True
            if c in ")）":
                bracket = max(text.rfind("(", start, last), text.rfind("（", start, last))
                if bracket >= 0 and (
                    text[bracket:last] in _TRIAL_ENDINGS
                    or _may_be_note(text[bracket + 1 : last - 1])
                ):
                    return True
        if start == 0:
            return False
        end = start - 1


def notice_around(text: str, p: int, end: int) -> tuple[int, int, str] | None:
    """The unmarked carrier notice around the marked title ``text[p:end]`` (…批转…关于《X》的
    通知): its start, its end and its title (the inner marks made 〈〉), or None.

    >>> s = "自治区人民政府批转劳动厅关于《甲市医疗救助办法》的通知，第七章"
    >>> notice_around(s, 14, 24)
    (0, 27, '自治区人民政府批转劳动厅关于〈甲市医疗救助办法〉的通知')
    """
    after = _NOTICE_AFTER.match(text, end)
    if after is None:
        return None
    lo = p
    while lo > 0 and text[lo - 1] not in BOUNDARY and p - lo < 150:
        lo -= 1
    lo = _SEGMENT_LEAD.match(text, lo, p).end()  # type: ignore[union-attr]
    pre, cut = strip_verbs(text[lo:p])  # 依据国务院关于修改《X》的决定: the lead verb is not its
    lo += cut
    if not pre or not _SPACED_CARRIER_VERB.search(pre) or any(c in _MARKS for c in pre):
        return None
    outer = pre + "〈" + text[p + 1 : end - 1] + "〉" + text[end : after.end()]
    return lo, after.end(), outer


# 全国人民代表大会常务委员会关于《中华人民共和国刑法》第九十三条第二款的解释: an instrument about
# one provision of the marked law, its own title marks missing
_ABOUT_BEFORE: Final = regex(r"关于[ \t\u3000]*\Z")
_INTERPRETS_AFTER: Final = regex(
    rf"[ \t\u3000]*的[ \t\u3000]*{alternation(words('interpreting_nouns'), spaced=True)}"
)


def interpretation_around(
    text: str, p: int, end: int, chain_end: int
) -> tuple[int, int, str] | None:
    """The unmarked title of an instrument about a provision of the marked title ``text[p:end]``
    cited up to ``chain_end`` (全国人民代表大会常务委员会关于《中华人民共和国刑法》第三百一十三条的
    解释): its start, its end and its title (the inner marks made 《》), or None. The provision
    is the instrument's subject, not a citation of the law.

    >>> s = "依据全国人民代表大会常务委员会关于《中华人民共和国刑法》第九十三条的解释"
    >>> interpretation_around(s, 17, 28, 33)
    (2, 36, '全国人民代表大会常务委员会关于《中华人民共和国刑法》第九十三条的解释')
    """
    after = _INTERPRETS_AFTER.match(text, chain_end)
    if after is None or _ABOUT_BEFORE.search(text, max(0, p - 4), p) is None:
        return None
    lo = p
    while lo > 0 and text[lo - 1] not in BOUNDARY and text[lo - 1] not in _BACK_STOPS_CHARS:
        lo -= 1
        if p - lo > 60:
            return None
    lo += strip_verbs(text[lo:p], least=2)[1]
    title = text[lo:p] + "《" + text[p + 1 : end - 1] + "》" + text[end : after.end()]
    return lo, after.end(), title


def implementing_around(text: str, p: int, end: int) -> tuple[int, int, str] | None:
    """The unmarked title of a (local) instrument that implements the marked title
    ``text[p:end]`` (巫溪县实施《中华人民共和国消防法》办法): its start, its end and its title
    (the inner marks made 《》), or None. Only lead verbs may stand before it in its clause
    (组织实施《…》 is prose).

    >>> implementing_around("依据巫溪县实施《中华人民共和国消防法》办法第十条", 7, 19)
    (2, 21, '巫溪县实施《中华人民共和国消防法》办法')
    >>> implementing_around("组织实施《中华人民共和国消防法》办法", 4, 16) is None
    True
    """
    after = _IMPLEMENTING_AFTER.match(text, end)
    before = _IMPLEMENTING_BEFORE.search(text, max(0, p - 30), p)
    if after is None or before is None:
        return None
    lo = before.start()
    lo += strip_verbs(text[lo:p])[1]  # 依据甲省…: the place pattern may take in a lead verb
    j = lo
    while j > 0 and "\u4e00" <= text[j - 1] <= "\u9fff" and lo - j < 12:
        j -= 1
    if _LEADS_ONLY.match(text, j, lo) is None:
        return None
    title = text[lo:p] + "《" + text[p + 1 : end - 1] + "》" + text[end : after.end()]
    return lo, after.end(), title
