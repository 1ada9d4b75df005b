"""Resolving a title as written to the instrument it names: canonical form, registry aliases,
abbreviated national laws, and carrier notices that issue another instrument."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Literal

from extractors.citing.lawdb import (
    LOCAL_RANKS,
    LawEntry,
    load_registry,
    out_of_force,
    title_key,
)
from extractors.citing.patterns import regex
from extractors.citing.words import (
    CLOSE_MARK,
    ENDS_INSTRUMENT,
    LOCAL_PLACE,
    ONE_WIDTH,
    OPEN_MARK,
    SPACE,
    TITLE_CLOSE,
    TITLE_OPEN,
    TO_ANGLE,
    TO_BOOK,
    alternation,
    char_class,
    words,
)

TitleKind = Literal["explicit", "abbreviation"]

# the verbs and nouns of a carrier notice (关于印发〈X〉的通知)
_CARRIER_VERB: Final = alternation(words("carrier_verbs"))
_CARRIER_NOUN: Final = alternation(words("carrier_nouns"))
#: Endings of forms and papers written in title marks: 《立案审批表》, 《行政处罚决定书》 ….
FORM_SUFFIX: Final = regex(alternation(words("form_endings")) + "$")
_MARKED: Final = char_class(TITLE_OPEN + TITLE_CLOSE, negate=True)
_INNER: Final = regex(rf"{OPEN_MARK}({_MARKED}+){CLOSE_MARK}")
_LIST_BODIES: Final = words("list_bodies")
# 国务院关于修改〈营业性演出管理条例〉的决定: an amending decision that names one instrument
_AMENDING: Final = regex(
    rf"^[^{TITLE_OPEN}]*?{alternation(words('amending_verbs'))}\s*{OPEN_MARK}({_MARKED}+)"
    rf"{CLOSE_MARK}\s*的{_CARRIER_NOUN}$"
)
_INNER_CARRIER: Final = regex(
    rf"^(?P<pre>.*?{_CARRIER_VERB}.*?)(?P<titles>{OPEN_MARK}.*{CLOSE_MARK})"
    rf"(?P<post>(?:等(?:[一二三四五六七八九十两\d]+{alternation(words('measure_words'))})?"
    rf"(?:文件)?)?的{_CARRIER_NOUN})$"
)
_BARE_CARRIER: Final = regex(rf"^(?P<pre>.*?{_CARRIER_VERB})(?P<x>.+?)(?P<post>的{_CARRIER_NOUN})$")
_BETWEEN_INNER: Final = regex(rf"^(?:\s|{alternation(words('separators', 'list'))})*$")
# a space after an organ is kept: the joint issuers of 《中共中央 国务院关于…的意见》
_ORGAN_END: Final = regex(alternation(words("organ_endings")) + "$")
# 最高人民法院关于…, 全国人民代表大会常务委员会关于…: an instrument a national organ issued (the
# organ's name, then 关于: the form of a decision, interpretation or normative document)
_ABOUT: Final = "关于"
_NATIONAL_ORGANS: Final = (
    rf"(?:{alternation(words('national_prefixes'))}|全国人民代表大会|全国人大)"
)
# 国务院对确需保留的行政审批项目设定行政许可的决定: an organ's instrument titled 对… as others are
# titled 关于…, its subject a phrase with 的 in it
_ORGAN_ON: Final = rf"[^的{TITLE_OPEN}\s]{{0,30}}?{alternation(words('organ_endings'))}对"
_NATIONAL_ISSUER: Final = regex(rf"^{_NATIONAL_ORGANS}[^{TITLE_OPEN}]*?{_ABOUT}")
#: The start of a title an organ (national, or a place's) issued as 对…: 国务院对…的决定.
ORGAN_ON: Final = regex(rf"^(?={_NATIONAL_ORGANS}|{LOCAL_PLACE}){_ORGAN_ON}")
#: An instrument's kind alone (《条例》, 《办法》, 《法》), which names no instrument of its own.
KIND_ALONE: Final = frozenset(words("instrument_endings"))
#: The start of a national law's full title: 中华人民共和国.
STATE_NAME: Final = words("state_name")[0]
# a national law (法律) is titled 中华人民共和国…法: 《行政处罚法》 → 中华人民共和国行政处罚法
_NATIONAL_LAW: Final = regex(r"^[\u4e00-\u9fff]{1,20}法$")
_NOT_NATIONAL: Final = regex(
    alternation(words("not_law_words"))
    + "$"
    + "|^"
    + alternation(words("national_prefixes"))
    # 西藏…, 巫溪县…, 拉萨市…: a local instrument
    + f"|^{LOCAL_PLACE}"
)
#: The words that amend (修正, 修订, 修改 …), as an alternation.
AMENDS: Final = alternation(words("amendment_words", "amends"))
_ENACTMENT: Final = alternation(words("enactment_leads"))
#: A dated version note: 2018修正, 2019年修订, 2015年4月24日第二次修正, 2020年版; the date may be
#: written in Chinese numerals, as a law's own history writes it (二〇二一年一月二十二日修订).
#: A date in Chinese numerals, as a law's own history writes it: 二〇二一年一月二十二日, 一九九六年.
CHINESE_DATE: Final = (
    r"[〇○零一二三四五六七八九]{4}\s*年"
    r"(?:\s*[一二三四五六七八九十]{1,2}\s*月(?:\s*[一二三四五六七八九十]{1,3}\s*日)?)?"
)
DATED_VERSION: Final = (
    rf"(?:\d{{4}}\s*年?(?:\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?)?|{CHINESE_DATE})\s*"
    rf"(?:第[一二三四五六七八九十]+次)?\s*{alternation(words('amendment_words'))}"
)
_VERSION_NOTE: Final = regex(rf"(?:^{_ENACTMENT}.*{AMENDS}$)|(?:{DATED_VERSION})")
# 第十三届全国人大常委会第七次会议修正: an amendment named by the session that made it, undated
# (the legislature's term 届, then its meeting 第N次会议, then the amending word); the last one
# of the note, as with dated clauses
_SESSION_VERSION: Final = regex(
    r"第?\s*[一二三四五六七八九十]+\s*届[^，,；;()（）]{0,30}?第\s*[一二三四五六七八九十百]+\s*次"
    rf"[^，,；;()（）]{{0,6}}?会议\s*(?:第[一二三四五六七八九十]+次)?\s*{AMENDS}"
)


# what an author may write inside the title marks before the title: 我国 or 国家 for 中华人民共和国
# (《我国行政许可法》), a version (《2021年修订的中华人民共和国行政处罚法》)
# 《食品安全法》实施条例: a parent law in marks, then the name of its implementing instrument
_PARENT_MARKED: Final = regex(rf"《([^《》]+)》\s*({alternation(words('implementing_names'))})")
_WRITTEN_BEFORE: Final = regex(
    rf"^(?:{alternation(words('state_informal'))}|(?:{DATED_VERSION}|\d{{4}}年)的?)"
)
_CLAUSES: Final = regex(r"[\s，,；;]+")
# an enactment clause that amends, dated (2019年3月2日国务院令第709号修订) or naming the amending
# order alone (国务院令第721号修订, after 国务院令第557号公布)
_DATED_AMENDMENT: Final = regex(
    rf"^{_ENACTMENT}?(?:\d{{4}}\s*年|{CHINESE_DATE}|[^\d]*令\s*第?[^号]{{1,8}}号\s*).*{AMENDS}$"
)
# 《劳动合同法实施条例》: the implementing regulation of a national law is titled after the law
_NATIONAL_IMPLEMENTING: Final = regex(
    rf"^([\u4e00-\u9fff]{{1,20}}法)({alternation(words('implementing_names', 'national'))})$"
)


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a written title resolves to (a carrier notice: each instrument it issues)."""

    law: str
    kind: TitleKind
    law_id: str | None  # the registry id, None when the registry does not know the law
    via: str | None = None
    rank: str | None = None
    warnings: tuple[str, ...] = ()


def clean_title(written: str) -> str:
    """A title as written, made canonical: line wraps and stray spaces removed, brackets and
    digits in one width; inner title marks are kept as written.

    >>> clean_title("中华人民共和国社会\\n保险法")
    '中华人民共和国社会保险法'
    >>> clean_title("中共中央 国务院关于深化医疗保障制度改革的意见")
    '中共中央 国务院关于深化医疗保障制度改革的意见'
    """
    if not SPACE.search(written):
        return written.strip().translate(ONE_WIDTH)
    parts: list[str] = []
    pieces = SPACE.split(written.strip())
    for i, piece in enumerate(pieces):
        if i and parts and _ORGAN_END.search(parts[-1]) and "\n" not in written:
            parts.append(" ")
        parts.append(piece)
    return "".join(parts).translate(ONE_WIDTH)


@lru_cache(maxsize=8192)
def is_form(title: str) -> bool:
    """True for the title of a form or paper (not an instrument).

    >>> is_form("立案审批表"), is_form("行政处罚决定书"), is_form("社会救助暂行办法")
    (True, True, False)
    """
    return bool(FORM_SUFFIX.search(title_key(title))) and not load_registry().lookup(title)


def numbers_entries(title: str) -> bool:
    """True when ``title`` is an instrument whose body is a numbered list of entries (决定, 目录,
    清单): a 第N项 cited from it with no article is an entry, a point.

    >>> numbers_entries("国务院对确需保留的行政审批项目设定行政许可的决定")
    True
    >>> numbers_entries("中华人民共和国价格法")
    False
    """
    return title.endswith(_LIST_BODIES)


@lru_cache(maxsize=8192)
def ends_like_instrument(title: str) -> bool:
    """True when a title ends the way instrument titles end (办法, 条例, …, optionally （试行）).

    >>> ends_like_instrument("西藏自治区欺诈骗取医疗保障基金行为举报奖励办法实施细则(试行)")
    True
    """
    return bool(ENDS_INSTRUMENT.search(title_key(title)))


def is_version_note(note: str) -> bool:
    """True for a parenthetical that records a version: 2018修正, 2016年修正, 根据…修正.

    >>> is_version_note("2018修正"), is_version_note("渝府令第231号")
    (True, False)
    """
    return bool(_VERSION_NOTE.search(note))


def version_note(note: str) -> str | None:
    """The version part of a parenthetical, as written (stripped of outer white space); in an
    enactment clause, the last clause that amends (the order or decision stays in it).

    >>> version_note("2019年修订，国务院令第709号")
    '2019年修订'
    >>> version_note("2010年12月20日国务院令第586号修订")
    '2010年12月20日国务院令第586号修订'
    >>> version_note("第十三届全国人大常委会第七次会议修正")
    '第十三届全国人大常委会第七次会议修正'
    >>> version_note("国务院令第557号公布，国务院令第721号修订")
    '国务院令第721号修订'
    """
    m = _VERSION_NOTE.search(note)
    if m is not None:
        return m.group(0).strip()
    # (2014年2月21日国务院令第649号公布 根据2019年3月24日《国务院关于修改部分行政法规的决定》修订)
    for clause in reversed(_CLAUSES.split(note)):
        if _DATED_AMENDMENT.match(clause):
            return clause
    sessions = _SESSION_VERSION.findall(note)
    return sessions[-1].strip() if sessions else None


def _one(
    title: str, local: dict[str, str] | None = None
) -> tuple[str, TitleKind, str | None, str | None, tuple[str, ...]]:
    """Canonical title, kind, registry id (None when not in the registry), rank and warnings for
    a non-carrier title."""
    canonical = title.translate(TO_BOOK)
    key = title_key(canonical)
    if local and key in local:
        # 《社保法》 after （以下简称《社保法》）: the title the cell defined it for, as the
        # registry knows it
        law, _, law_id, rank, warnings = _one(local[key])
        return law, "abbreviation", law_id, rank, warnings
    if key in KIND_ALONE:
        # 《条例》, 《法》: a kind alone names no instrument (the cell reads it as the last one
        # of that kind cited: extractors.citing.cell); never titled by rule (中华人民共和国法)
        return canonical, "explicit", None, None, ()
    entries: list[LawEntry] = load_registry().lookup(canonical)
    if len(entries) == 1:
        entry = entries[0]
        kind: TitleKind = "explicit" if title_key(entry.title) == key else "abbreviation"
        ended = out_of_force(entry)  # 《食品卫生法》: what was cited, flagged, not its successor
        return entry.title, kind, entry.id, entry.rank, (ended,) if ended else ()
    if len(entries) > 1:
        names = " | ".join(e.title for e in entries)
        return canonical, "explicit", None, None, (f"ambiguous title {canonical!r}: {names}",)
    if (simple := _simplified(canonical)) != canonical:
        # 《中華人民共和國行政許可法》: a title in traditional script, resolved in simplified
        return _one(simple, local)
    parent = _PARENT_MARKED.fullmatch(canonical)
    if parent is not None and (inner := _one(parent.group(1), local))[2] is not None:
        # 《〈食品安全法〉实施条例》: the implementing instrument titled after its parent law in
        # marks of its own, the parent's title abbreviated
        found = _one(inner[0] + parent.group(2), local)
        if found[2] is not None:
            return found[0], "abbreviation", found[2], found[3], found[4]
    written = _WRITTEN_BEFORE.match(key)
    if written is not None:
        # 《我国行政许可法》, 《2021年修订的中华人民共和国行政处罚法》: words of the author's put
        # inside the marks, before a title the registry knows; read, and said
        inner = _one(key[written.end() :], local)
        if inner[2] is not None:
            why = (
                f"{written.group(0)!r} inside the title marks is not part of the title {inner[0]!r}"
            )
            return inner[0], "abbreviation", inner[2], inner[3], (*inner[4], why)
    if canonical.startswith(STATE_NAME):
        # 《中华人民共和国教师资格条例》: a regulation titled without the state's name, which the
        # list prefixed to it (the registry knows the title without it, and not with it)
        bare = load_registry().lookup(canonical[len(STATE_NAME) :])
        if len(bare) == 1 and not bare[0].title.startswith(STATE_NAME):
            why = f"{STATE_NAME} is not part of the title {bare[0].title!r}"
            return bare[0].title, "explicit", bare[0].id, bare[0].rank, (why,)
    namesakes = load_registry().local_namesakes(canonical)
    if namesakes:
        # 《安全生产条例》: a local regulation written without its place (the list's region
        # picks it: extractors.citing.places); the record names those it may be
        return canonical, "explicit", None, None, (namesakes_warning(canonical, namesakes),)
    own = own_place_namesakes(canonical)
    if own is not None:
        # 《本省道路运输条例》, 《省道路运输条例》: the list's own place written by its unit
        return canonical, "explicit", None, None, (namesakes_warning(canonical, own[1]),)
    placed = _under_province(canonical, key)
    if placed is not None:
        # 《浙江省宁波市专利管理条例》: a city's regulation, its province written before it
        return placed
    # a national law's title, written in full (《中华人民共和国行政监察法》) or made by rule
    # (《食安法》), that the registry does not know: kept, and flagged
    full = key.startswith(STATE_NAME)
    rest = key[len(STATE_NAME) :] if full else key
    made: str = canonical if full else STATE_NAME + canonical
    typo = _near(canonical) or (None if full else _near(made))
    if typo is not None:
        # 《中华人民共和国行政许可》, 《行政许法》: a title the registry knows, one character
        # missing or one too many; read as it, and said
        return typo
    made_kind: TitleKind = "explicit" if full else "abbreviation"
    flag = _unknown_national(canonical) if full else _by_rule(canonical)
    if _NATIONAL_LAW.match(rest) and not _NOT_NATIONAL.search(rest):
        return made, made_kind, None, "法律", (flag,)
    implementing = _NATIONAL_IMPLEMENTING.match(rest)
    if implementing and not _NOT_NATIONAL.search(implementing.group(1)):
        # a national law's implementing 条例 is an administrative regulation (行政法规)
        rank = "行政法规" if implementing.group(2).endswith("条例") else None
        return made, made_kind, None, rank, (flag,)
    if key.startswith(_ABOUT):
        issued = load_registry().by_subject(canonical)
        if len(issued) == 1:
            # 《关于审理行政许可案件若干问题的规定》: the registry's one instrument of that subject,
            # its issuer (最高人民法院) left out; said, as the list may mean another organ's
            entry = issued[0]
            why = f"issuer left out: {canonical!r} read as {entry.title!r}"
            return entry.title, "abbreviation", entry.id, entry.rank, (why,)
        if issued:
            names = " | ".join(e.title for e in issued)
            return (
                canonical,
                "explicit",
                None,
                None,
                (f"issuer left out of {canonical!r}: {names}",),
            )
    if _NATIONAL_ISSUER.match(key):
        # 《全国人民代表大会常务委员会关于…的决定》, 《最高人民法院关于…的解释》: a national
        # decision, interpretation or normative document the registry does not hold (nor is it
        # guessed)
        return canonical, "explicit", None, None, (_not_held(canonical),)
    return canonical, "explicit", None, None, ()


# 《本省道路运输条例》, 《省道路运输条例》, 《我市物业管理条例》: the list's own place written by
# its unit alone (grammar.json own_place_leads, local_units)
_OWN_PLACE: Final = regex(
    rf"^(?:{alternation(words('own_place_leads'))})?(?P<unit>{alternation(words('local_units'))})"
)


def own_place_namesakes(title: str) -> tuple[str, list[LawEntry]] | None:
    """The title without the unit that stands for the list's own place, and the registry's
    local instruments so titled after a place of that unit; None when ``title`` is none such.

    >>> rest, found = own_place_namesakes("本省道路运输条例")
    >>> rest, sorted(e.title for e in found)[:2]
    ('道路运输条例', ['山东省道路运输条例', '广东省道路运输条例'])
    """
    key = title_key(title)
    m = _OWN_PLACE.match(key)
    if m is None:
        return None
    rest = key[m.end() :]
    unit = m.group("unit")
    found = [
        e
        for e in load_registry().local_namesakes(rest)
        if title_key(e.title)[: -len(rest)].endswith(unit)
    ]
    return (rest, found) if found else None


def _near(title: str) -> tuple[str, TitleKind, str | None, str | None, tuple[str, ...]] | None:
    """``title`` read as the registry's title one character away from it (a typo), said; the
    titles named when several are (none chosen); None when none is.

    >>> _near("工伤保险险条例")[0], _near("工伤保险险条例")[4]
    ('工伤保险条例', ("'工伤保险险条例' is not in the registry: read as '工伤保险条例', \
one character apart",))
    """
    registry = load_registry()
    found, apart = registry.near(title), "one character apart"
    if not found:
        # 《行政处罚发》, 《社会保险去》: one character typed for another (homophone, look-alike)
        found, apart = registry.replaced(title), "one character differs"
    if len(found) == 1:
        entry = found[0]
        why = f"{title!r} is not in the registry: read as {entry.title!r}, {apart}"
        ended = out_of_force(entry)
        warnings = (why, ended) if ended else (why,)
        return entry.title, "abbreviation", entry.id, entry.rank, warnings
    if found:
        names = " | ".join(sorted(e.title for e in found))
        why = f"{title!r} is not in the registry; {apart}: {names}"
        return title, "explicit", None, None, (why,)
    return None


# 浙江省人民政府办公厅关于…的通知, 甲市财政局关于…: a document a local organ issued (a place, then
# 关于 after its organ), normative, not a regulation or rule titled after its subject
_LOCAL_ORGAN: Final = regex(
    rf"^{LOCAL_PLACE}[^{TITLE_OPEN}]*?{alternation(words('organ_endings'))}{_ABOUT}"
)
# 浙政办发〔2019〕12号: a file number (not an order: 令), what normative documents are numbered by
_FILE_NUMBER: Final = regex(r"〔\d{4}〕")
_ORDER_WORD: Final = regex(alternation(words("document_kinds", "order")))
# 《中国共产党问责条例》: a party regulation (党内法规), the Party's name opening its title
_PARTY: Final = ("中国共产党", "中共")


def unheld_document(law: str, via: str | None, doc: str | None) -> str | None:
    """The warning on an instrument the registry does not know and could not know: a normative
    document (规范性文件: a local organ's 关于… document, one a notice issues, or one numbered by a
    file number 〔YYYY〕N号), a party regulation, or a document named from 关于 on with its issuer
    left out. The registry holds few of these, so that it does not know one proves nothing: the
    record says it was not checked. None for anything else.

    >>> print(unheld_document("浙江省人民政府关于甲的通知", None, None))
    '浙江省人民政府关于甲的通知' is not in the registry: a normative document (规范性文件), \
which it does not hold (not checked)
    >>> unheld_document("甲市乙办法", "关于印发〈甲市乙办法〉的通知", "甲政发〔2019〕5号") is None
    False
    >>> unheld_document("重庆市医疗救助办法", None, None) is None
    True
    >>> "without its issuer" in unheld_document("关于实行甲的暂行规定", None, None)
    True
    """
    key = title_key(law)
    if key.startswith(_PARTY):
        kind = "a party regulation (党内法规)"
    elif key.startswith(_ABOUT) and via is None:
        # 《关于实行…的暂行规定》: a document named from 关于 on, its issuer left out, that the
        # registry knows under no organ's name (Registry.by_subject)
        kind = "a document written without its issuer"
    elif (
        _LOCAL_ORGAN.match(key)
        # 关于印发〈X〉的通知: what a notice issues is a normative document (a rule is
        # promulgated by an order, 令, not issued by a notice)
        or via is not None
        or (doc is not None and _FILE_NUMBER.search(doc) and not _ORDER_WORD.search(doc))
    ):
        kind = "a normative document (规范性文件)"
    else:
        return None
    return f"{law!r} is not in the registry: {kind}, which it does not hold (not checked)"


#: 《生活饮用水卫生标准》, 《建筑设计防火规范》: a technical standard's title (grammar.json)
_STANDARD: Final = regex(f"(?:{alternation(words('standard_endings'))})$")
_LOCAL_TITLE: Final = regex(f"^{LOCAL_PLACE}")


def is_standard(title: str) -> bool:
    """True when ``title`` ends as a technical standard's or specification's does (标准, 规范,
    规程): a standard numbered GB or GB/T, not a statute.

    >>> is_standard("生活饮用水卫生标准"), is_standard("中华人民共和国标准化法")
    (True, False)
    """
    return _STANDARD.search(title_key(title)) is not None


def standard_warning(law: str) -> str:
    """The warning on a technical standard's title: not a statute, and not checked.

    >>> print(standard_warning("营运客车安全技术条件")[-49:])
    a technical standard, not a statute (not checked)
    """
    return f"{law!r} is not in the registry: a technical standard, not a statute (not checked)"


# 《中华人民共和国行政处罚法（草案）》: a title with a draft's note at its end
_DRAFT: Final = regex(rf"[(（]\s*(?:{alternation(words('draft_marks'))})\s*[)）]\Z")


def is_draft(title: str) -> bool:
    """True when ``title`` ends in a draft's note (（草案）, （征求意见稿）): not in force.

    >>> is_draft("中华人民共和国行政处罚法（草案）"), is_draft("甲办法（试行）")
    (True, False)
    """
    return _DRAFT.search(title_key(title)) is not None


def unchecked(law: str, via: str | None, doc: str | None) -> str:
    """The warning on an instrument the registry does not know and that no rule placed: a
    document it holds none of (:func:`unheld_document`), a technical standard, a local instrument
    or any other title. A title the registry does not know never looks resolved: it may be
    repealed (《劳动教养试行办法》, repealed 2013, is in no catalogue), a rule or document the
    registry holds few of, or a wrong title.

    >>> print(unchecked("劳动教养试行办法", None, None)[:46])
    '劳动教养试行办法' is not in the registry: not checked
    >>> print(unchecked("生活饮用水卫生标准", None, None)[36:])
    a technical standard, not a statute (not checked)
    """
    unheld = unheld_document(law, via, doc)
    if unheld is not None:
        return unheld
    if is_standard(law):
        return standard_warning(law)
    if is_draft(law):
        return f"{law!r} is not in the registry: a draft, not an instrument in force (not checked)"
    if _LOCAL_TITLE.match(title_key(law)):
        return (
            f"{law!r} is not in the registry: a local instrument it does not know (it holds the "
            "local regulations of seven provinces, no local government rule: not checked)"
        )
    return (
        f"{law!r} is not in the registry: not checked (a departmental rule or document it does "
        "not hold, a repealed instrument, or a wrong title)"
    )


# a province written before a local title: its short name and its unit (浙江省, 广西壮族自治区,
# 北京市, or none: 浙江宁波市…), then (:data:`_AREA`) the names of the areas inside it
_PROVINCE_FIRST: Final = regex(
    rf"({alternation(words('provinces'))})(?:省|市|特别行政区|[\u4e00-\u9fff]{{0,3}}?自治区)?"
)
_AREA: Final = regex(rf"[\u4e00-\u9fff]{{2,9}}?(?:{alternation((*words('local_units'), '区'))})")
#: The most areas (a city, a county) read between a province and a local title.
_AREAS_BETWEEN: Final = 2


def _under_province(
    canonical: str, key: str
) -> tuple[str, TitleKind, str | None, str | None, tuple[str, ...]] | None:
    """A local instrument titled after its city or county, its province written before the title
    (浙江省宁波市专利管理条例, 浙江省丽水市景宁畲族自治县…): read as the registry's instrument
    when the catalogue files it under the province written (the city written between, 丽水市, is
    said, not checked); flagged, the registry's namesake named, when it files it under another
    province; None when the title is no local instrument's after the province.

    >>> _under_province("浙江省宁波市专利管理条例", "浙江省宁波市专利管理条例")[0]
    '宁波市专利管理条例'
    >>> print(_under_province("江苏省宁波市专利管理条例", "江苏省宁波市专利管理条例")[4][0][-35:])
    宁波市专利管理条例 is filed under 浙江, not 江苏
    """
    province = _PROVINCE_FIRST.match(key)
    if province is None:
        return None
    at = province.end()
    for _ in range(_AREAS_BETWEEN + 1):
        entries = load_registry().lookup(key[at:]) if at < len(key) else []
        if len(entries) == 1 and entries[0].rank in LOCAL_RANKS and entries[0].province:
            entry = entries[0]
            written = key[: province.end()]
            between = key[province.end() : at]
            if entry.province != province.group(1):
                why = (
                    f"{canonical!r} is not in the registry: {entry.title} is filed under "
                    f"{entry.province}, not {province.group(1)}"
                )
                return canonical, "explicit", None, None, (why,)
            said = f"{written!r} written before the title {entry.title!r}"
            if between:
                said += f" (the place {between} between is not checked)"
            found: tuple[str, ...] = (said,)
            if ended := out_of_force(entry):
                found = (*found, ended)
            return entry.title, "abbreviation", entry.id, entry.rank, found
        area = _AREA.match(key, at)
        if area is None or area.end() >= len(key):
            return None
        at = area.end()
    return None


def _not_held(title: str) -> str:
    """The warning on a national organ's decision, interpretation or normative document that the
    registry does not hold: kept as written, never put on another instrument's title.

    >>> _not_held("全国人大常委会关于甲的决定").endswith("a national instrument it does not hold")
    True
    """
    return f"{title!r} is not in the registry: a national instrument it does not hold"


#: The most namesakes a warning names.
_NAMESAKES_SHOWN: Final = 6


def namesakes_warning(title: str, namesakes: list[LawEntry]) -> str:
    """The warning on a title that names no instrument but the local instruments titled so after
    their place: the place was left out, and only the list's region can tell which is meant.

    >>> namesakes_warning("消防条例", load_registry().local_namesakes("消防条例"))[:66]
    "'消防条例' is not in the registry; with their place: 上海市消防条例 | 北京市消防条例"
    """
    titles = sorted(e.title for e in namesakes)
    shown = " | ".join(titles[:_NAMESAKES_SHOWN])
    more = f" | … ({len(titles)} in all)" if len(titles) > _NAMESAKES_SHOWN else ""
    return f"{title!r} is not in the registry; with their place: {shown}{more}"


def _unknown_national(title: str) -> str:
    """The warning on a national law's full title that the registry does not know: it knows
    every national law in force, so the title is a repealed law's (《中华人民共和国行政监察法》)
    or a wrong one, and the record says so.

    >>> _unknown_national("中华人民共和国行政监察法")
    "'中华人民共和国行政监察法' is not in the registry: repealed, or a wrong title"
    """
    return f"{title!r} is not in the registry: repealed, or a wrong title"


def _simplified(title: str) -> str:
    """``title`` in simplified script when it is written in traditional script (see
    :func:`extractors.citing.plain.simplified`: OpenCC, loaded when a title is first missed).

    >>> _simplified("中華人民共和國行政許可法"), _simplified("重庆市医疗救助办法")
    ('中华人民共和国行政许可法', '重庆市医疗救助办法')
    """
    try:
        title.encode("gb2312")  # the simplified character set: no traditional character in it
        return title  # (the common case: OpenCC, 40 ms to load, is not loaded for it)
    except UnicodeEncodeError:
        pass
    from extractors.citing.plain import simplified  # interpreted (OpenCC), loaded when needed

    return simplified(title)


def _by_rule(title: str) -> str:
    """The warning on a national law's title made by rule (中华人民共和国 + the title written):
    the registry knows every national law in force by its title and short name, so a title it
    does not know is an abbreviation of its own making (《食安法》), a repealed law (《食品卫生法》)
    or a wrong one, and the record says so rather than passing the made title off as found.

    >>> _by_rule("食安法")
    "'中华人民共和国食安法' is not in the registry: titled by rule from '食安法'"
    """
    return f"{STATE_NAME + title!r} is not in the registry: titled by rule from {title!r}"


@lru_cache(maxsize=8192)
def resolve_title(written: str) -> tuple[Resolution, ...]:
    """The instrument(s) a title names; a carrier notice resolves to those it issues, with the
    notice in ``via``.

    >>> [(r.law, r.kind) for r in resolve_title("行政处罚法")]
    [('中华人民共和国行政处罚法', 'abbreviation')]
    >>> r = resolve_title("关于印发〈拉萨市城乡居民医疗救助实施办法〉的通知")[0]
    >>> r.law, r.via
    ('拉萨市城乡居民医疗救助实施办法', '关于印发〈拉萨市城乡居民医疗救助实施办法〉的通知')
    >>> resolve_title("实施<中华人民共和国社会保险法>若干规定")[0].law
    '实施《中华人民共和国社会保险法》若干规定'
    """
    return _resolve(written, None)


def resolve_with(written: str, local: dict[str, str] | None) -> tuple[Resolution, ...]:
    """As :func:`resolve_title`, with the abbreviations a cell defines (以下简称…) in ``local``."""
    if not local:
        return resolve_title(written)
    return _resolve(written, local)


def _resolve(written: str, local: dict[str, str] | None) -> tuple[Resolution, ...]:
    title = clean_title(written)
    carried = _carried(title)
    if carried:
        via = title.translate(TO_ANGLE)
        out = []
        for inner in carried:
            law, kind, reg, rank, warn = _one(inner, local)
            out.append(Resolution(law, kind, reg, via, rank, warn))
        return tuple(out)
    law, kind, reg, rank, warn = _one(title, local)
    return (Resolution(law, kind, reg, None, rank, warn),)


def resolve_implementing(law: str, name: str) -> tuple[Resolution, ...]:
    """The implementing instrument that a list names by reference to its parent law (《X法》及其
    实施条例: ``law`` X法's canonical title, ``name`` 实施条例), titled after the law. The registry
    knows it by that title (中华人民共和国食品安全法实施条例), or the record is flagged: what the
    words name need not be titled so (a province's implementing measures are 甲省实施《X法》办法),
    so the title made is no instrument found.

    >>> resolve_implementing("中华人民共和国食品安全法", "实施条例")[0].law_id
    'shipin-anquan-fa-shishi-tiaoli'
    >>> print(resolve_implementing("中华人民共和国防洪法", "实施办法")[0].warnings[0][:39])
    '中华人民共和国防洪法实施办法' is not in the registry
    """
    found = resolve_title(law + name)
    first = found[0]
    if first.law_id is not None or first.warnings:
        return found
    why = f"{first.law!r} is not in the registry: named after {law}, its own title may differ"
    return (Resolution(first.law, first.kind, None, first.via, first.rank, (why,)), *found[1:])


@lru_cache(maxsize=1024)
def amended_by(law: str) -> tuple[Resolution, ...] | None:
    """The instrument an amending decision amends, with the decision in ``via`` (the provisions a
    list cites from 关于修改〈X〉的决定 are X's, as amended), or None when ``law`` is no such
    decision. Cited whole, the decision is itself.

    >>> r = amended_by("国务院关于修改《营业性演出管理条例》的决定")[0]
    >>> r.law, r.via
    ('营业性演出管理条例', '国务院关于修改〈营业性演出管理条例〉的决定')
    """
    m = _AMENDING.match(law.translate(TO_BOOK))
    if m is None:
        return None
    found = _one(m.group(1), None)
    return (Resolution(found[0], found[1], found[2], law.translate(TO_ANGLE), found[3], found[4]),)


def is_carrier(title: str) -> bool:
    """True when ``title`` is a notice that issues, forwards or approves another instrument.

    >>> is_carrier("国务院办公厅转发民政部等部门关于进一步完善城乡医疗救助制度的意见的通知")
    True
    >>> is_carrier("关于做好2019年城乡居民基本医疗保障工作的通知")
    False
    """
    return bool(_carried(clean_title(title)))


def _carried(title: str) -> list[str]:
    """The instruments a carrier notice issues (empty when ``title`` is not a carrier)."""
    if load_registry().lookup(title):
        return []
    m = _INNER_CARRIER.match(title)
    if m:
        inners = list(_INNER.finditer(m.group("titles")))
        if inners:
            gaps = [m.group("titles")[a.end() : b.start()] for a, b in itertools.pairwise(inners)]
            if all(_BETWEEN_INNER.match(g) for g in gaps):
                return [i.group(1) for i in inners]
    if _INNER.search(title):
        return []
    m = _BARE_CARRIER.match(title)
    if m:
        # 关于印发西藏自治区…实施细则（试行）的通知: the issued title written without marks
        inner = m.group("x")
        if len(inner) >= 4 and ends_like_instrument(inner):
            return [inner]
    return []
