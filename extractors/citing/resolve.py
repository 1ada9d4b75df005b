"""Resolving a title as written to the instrument it names: canonical form, registry aliases,
abbreviated national laws, and carrier notices that issue another instrument."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Literal

from extractors.citing.lawdb import LawEntry, load_registry, title_key

TitleKind = Literal["explicit", "abbreviation"]

#: Endings of instrument titles (a title without title marks must end in one of these).
INSTRUMENT_SUFFIX: Final = (
    r"(?:法|法典|条例|规定|办法|细则|决定|意见|通知|规则|准则|章程|规程|规范|标准|纲要|规划|"
    r"方案|解释|批复|复函|答复|公告|通告|决议|令|制度|指南|指引|目录|清单|名录|要点|守则)"
)
#: Endings of forms and papers written in title marks: 《立案审批表》, 《行政处罚决定书》 ….
FORM_SUFFIX: Final = re.compile(
    r"(?:表|书|单|证|卡|报告|目录|笔录|记录|回执|凭证|清册|台账|存根|名册|收据|票据|文书|证明|"
    r"照片|底稿|报|刊|册)$"
)
_TRIAL: Final = r"(?:（(?:试行|暂行|草案|修订稿|征求意见稿)）)"
_ENDS_INSTRUMENT: Final = re.compile(INSTRUMENT_SUFFIX + _TRIAL + r"?$")
_CARRIER_VERB: Final = r"(?:印发|转发|批转|颁发|发布|颁布|公布)"
_INNER: Final = re.compile(r"[《〈<＜]([^《》〈〉<>＜＞]+)[》〉>＞]")
_INNER_CARRIER: Final = re.compile(
    r"^(?P<pre>.*?" + _CARRIER_VERB + r".*?)(?P<titles>[《〈<＜].*[》〉>＞])"
    r"(?P<post>(?:等(?:[一二三四五六七八九十两\d]+[个项件部份])?(?:文件)?)?的(?:通知|决定))$"
)
_BARE_CARRIER: Final = re.compile(
    r"^(?P<pre>.*?" + _CARRIER_VERB + r")(?P<x>.+?)(?P<post>的(?:通知|决定))$"
)
_BETWEEN_INNER: Final = re.compile(r"^[、，,和及与\s]*(?:以及)?$")
_SPACE_RUN: Final = re.compile(r"\s+")
# a space after an organ is kept: the joint issuers of 《中共中央 国务院关于…的意见》
_ORGAN_END: Final = re.compile(
    r"(?:中央|国务院|办公厅|办公室|委员会|部|局|厅|委|政府|总局|法院|检察院)$"
)
_WIDTH: Final = str.maketrans(
    {"(": "（", ")": "）", "﹙": "（", "﹚": "）", "[": "〔", "]": "〕", "﹝": "〔", "﹞": "〕"}
    | {chr(0xFF10 + d): str(d) for d in range(10)}
    | {chr(0xFF21 + d): chr(0x41 + d) for d in range(26)}
    | {chr(0xFF41 + d): chr(0x61 + d) for d in range(26)}
)
_TO_BOOK: Final = str.maketrans(
    {"〈": "《", "〉": "》", "<": "《", ">": "》", "＜": "《", "＞": "》"}
)
_TO_ANGLE: Final = str.maketrans(
    {"《": "〈", "》": "〉", "<": "〈", ">": "〉", "＜": "〈", "＞": "〉"}
)
# a national law (法律) is titled 中华人民共和国…法: 《行政处罚法》 → 中华人民共和国行政处罚法
_NATIONAL_LAW: Final = re.compile(r"^[\u4e00-\u9fff]{1,20}法$")
_NOT_NATIONAL: Final = re.compile(
    r"(?:办法|方法|做法|立法|司法|执法|用法|说法|手法|语法)$|^(?:中华人民共和国|国务院|中共|中央|最高)"
    r"|^(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|"
    r"湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门)"
    r"|^(?!城市)[\u4e00-\u9fff]{2,4}(?:省|市|县|自治州|自治县|自治区|盟|旗)"
)
_VERSION_NOTE: Final = re.compile(
    r"(?:^根据.*(?:修正|修订|修改)$)|(?:\d{4}\s*年?(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?\s*"
    r"(?:第[一二三四五六七八九十]+次)?\s*(?:修正|修订|修改|版|年版|修正本|修订本))"
)


_CLAUSES: Final = re.compile(r"[\s，,；;]+")
_DATED_AMENDMENT: Final = re.compile(r"^(?:根据|经)?\d{4}\s*年.*(?:修正|修订|修改)$")
# 《劳动合同法实施条例》: the implementing regulation of a national law is titled after the law
_NATIONAL_IMPLEMENTING: Final = re.compile(r"^([\u4e00-\u9fff]{1,20}法)(实施条例|实施细则)$")


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
    if not _SPACE_RUN.search(written):
        return written.strip().translate(_WIDTH)
    parts: list[str] = []
    pieces = _SPACE_RUN.split(written.strip())
    for i, piece in enumerate(pieces):
        if i and parts and _ORGAN_END.search(parts[-1]) and "\n" not in written:
            parts.append(" ")
        parts.append(piece)
    return "".join(parts).translate(_WIDTH)


@lru_cache(maxsize=8192)
def is_form(title: str) -> bool:
    """True for the title of a form or paper (not an instrument).

    >>> is_form("立案审批表"), is_form("行政处罚决定书"), is_form("社会救助暂行办法")
    (True, True, False)
    """
    return bool(FORM_SUFFIX.search(title_key(title))) and not load_registry().lookup(title)


@lru_cache(maxsize=8192)
def ends_like_instrument(title: str) -> bool:
    """True when a title ends the way instrument titles end (办法, 条例, …, optionally （试行）).

    >>> ends_like_instrument("西藏自治区欺诈骗取医疗保障基金行为举报奖励办法实施细则(试行)")
    True
    """
    return bool(_ENDS_INSTRUMENT.search(title_key(title)))


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
    """
    m = _VERSION_NOTE.search(note)
    if m is not None:
        return m.group(0).strip()
    # (2014年2月21日国务院令第649号公布 根据2019年3月24日《国务院关于修改部分行政法规的决定》修订)
    for clause in reversed(_CLAUSES.split(note)):
        if _DATED_AMENDMENT.match(clause):
            return clause
    return None


def _one(
    title: str, local: dict[str, str] | None = None
) -> tuple[str, TitleKind, str | None, str | None, tuple[str, ...]]:
    """Canonical title, kind, registry id (None when not in the registry), rank and warnings for
    a non-carrier title."""
    canonical = title.translate(_TO_BOOK)
    key = title_key(canonical)
    if local and key in local:
        return local[key], "abbreviation", None, None, ()
    entries: list[LawEntry] = load_registry().lookup(canonical)
    if len(entries) == 1:
        entry = entries[0]
        kind: TitleKind = "explicit" if title_key(entry.title) == key else "abbreviation"
        return entry.title, kind, entry.id, entry.rank, ()
    if len(entries) > 1:
        names = " | ".join(e.title for e in entries)
        return canonical, "explicit", None, None, (f"ambiguous title {canonical!r}: {names}",)
    if _NATIONAL_LAW.match(key) and not _NOT_NATIONAL.search(key):
        return "中华人民共和国" + canonical, "abbreviation", None, "法律", ()
    implementing = _NATIONAL_IMPLEMENTING.match(key)
    if implementing and not _NOT_NATIONAL.search(implementing.group(1)):
        rank = "行政法规" if implementing.group(2) == "实施条例" else None
        return "中华人民共和国" + canonical, "abbreviation", None, rank, ()
    return canonical, "explicit", None, None, ()


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
        via = title.translate(_TO_ANGLE)
        out = []
        for inner in carried:
            law, kind, reg, rank, warn = _one(inner, local)
            out.append(Resolution(law, kind, reg, via, rank, warn))
        return tuple(out)
    law, kind, reg, rank, warn = _one(title, local)
    return (Resolution(law, kind, reg, None, rank, warn),)


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
