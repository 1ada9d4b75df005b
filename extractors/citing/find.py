"""Finding the pieces of statute references in one cell's text: titles in title marks, rank tags,
the parentheticals after a title, provision chains (第…条…款…项), and unmarked titles.

Every function here works on the text as written (any width, any white space) and returns
character offsets into it; nothing here decides which law a bare provision belongs to.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final, Literal, NamedTuple

from extractors.citing.lawdb import RANKS, load_registry, title_key
from extractors.citing.numerals import NUMERAL_CHARS, parse_numeral, parse_suffix
from extractors.citing.resolve import INSTRUMENT_SUFFIX, is_carrier, version_note

Level = Literal["part", "chapter", "section", "article", "point", "paragraph", "item", "subitem"]
_LEVELS: Final[dict[str, Level]] = {
    "编": "part",
    "章": "chapter",
    "节": "section",
    "条": "article",
    "部分": "point",
    "点": "point",
    "款": "paragraph",
    "项": "item",
    "目": "subitem",
}
_DEPTH: Final[dict[str, int]] = {
    "part": 0,
    "chapter": 1,
    "section": 2,
    "article": 3,
    "point": 3,
    "paragraph": 4,
    "item": 5,
    "subitem": 6,
}
_STRUCTURAL: Final = {"part", "chapter", "section"}
#: A range wider than this is not expanded (第1条至第9999条 is a typo, not 9999 citations).
MAX_RANGE: Final = 200

_N: Final = f"[{NUMERAL_CHARS}]"
NUM: Final = rf"{_N}(?:\s*{_N})*"
_PNUM: Final = rf"[(（﹙]\s*{NUM}\s*[)）﹚]"
_NUM_SEP: Final = r"(?:、|,|，|至|到|-|－|—|~|～)"
_UNIT: Final = re.compile(
    rf"(?P<di>第)?\s*(?:(?P<nums>{NUM}(?:\s*{_NUM_SEP}\s*{NUM})*)"
    # 第（一）、（二）项, and 第（一）（二）项 with nothing between the brackets
    rf"|(?P<pnums>{_PNUM}(?:\s*(?:、|,|，|和|及|至|到)?\s*(?:第\s*)?{_PNUM})*))"
    rf"\s*(?P<lvl>部分|编(?![辑制写码号排印])|章|节|条|款|项|目|点)(?:\s*之\s*(?P<suf>{NUM}))?"
)
_SEP: Final = re.compile(r"\s*(?P<sep>、|,|，|和|及|以及|与|或者|或|至|到|-|－|—|~|～)\s*")
# One unit after the first of a chain, with what joins it to the one before, in the order the
# readings are tried: a separator (第 optional: 第十条、十一条), nothing (第 required: 第十条第二款,
# unless the numbers are bracketed: 第十条（一）项) or a few spaces (第 required: 《…》第十二条
# 第十三条). Each part is atomic, as each was one match call of its own.
_NEXT_UNIT: Final = re.compile(
    rf"(?:(?P<sepw>(?>{_SEP.pattern}))|(?P<gap>[ \t\u3000]{{1,3}}(?=第)))?"
    rf"(?>{_UNIT.pattern})(?(sepw)|(?(di)|(?(pnums)|(?!))))"
)
_RANGE_SEPS: Final = {"至", "到", "-", "－", "—", "~", "～"}
_SPLIT_NUMS: Final = re.compile(rf"\s*({_NUM_SEP})\s*")
_PNUM_SPLIT: Final = re.compile(_PNUM)
_PNUM_VALUE: Final = re.compile(rf"[(（﹙]\s*({NUM})\s*[)）﹚]")
_POINT_DUNHAO: Final = re.compile(rf"第\s*(?P<n>{NUM})\s*、")

_OPENERS: Final = "《〈<＜"
_CLOSERS: Final = "》〉>＞"
_FLAT_TITLE: Final = re.compile(r"《([^《》〈〉<>＜＞。;；]{1,150})》")
_TITLE_MARK: Final = re.compile(r"[《〈<＜》〉>＞。;；]")
_RANK_BEFORE: Final = re.compile(r"[【\[［]\s*([^】\]［］\n]{2,14}?)\s*[】\]］]\s*[:：]?\s*\Z")
# 法律：《…》 — the rank written as a word before a colon, at the start of an entry
_RANK_WORD_BEFORE: Final = re.compile(
    r"(?:^|(?<=[\s。；;、.．)）]))(" + "|".join(RANKS) + r")\s*[:：]\s*\Z"
)
_PAREN_OPEN: Final = "(（﹙[［【"
_PAREN_CLOSE: Final = ")）﹚]］】"
# a parenthetical with nothing nested and no line break: the common case of _close_paren
_FLAT_PAREN: Final = re.compile(r"[(（﹙\[［【][^(（﹙\[［【)）﹚\]］】\n]{0,198}[)）﹚\]］】]")
_RANK_LAST: Final = frozenset("】]］:：")
_GLUED: Final = re.compile(r"^\s*(试行|暂行|草案|修订稿|征求意见稿|修订草案)\s*$")
_ALIAS: Final = re.compile(
    r"以下(?:简)?称\s*[“\"《〈‘「『]?\s*([^”\"》〉’」』)）,，;；]{1,20}?)\s*[”\"》〉’」』]?\s*$"
)
_BARE_POINT: Final = re.compile(rf"^\s*(?:第\s*)?({NUM})\s*$")
_DIGIT: Final = "0-9０-９"
_DOC: Final = re.compile(
    rf"[\u4e00-\u9fff]{{1,16}}?\s*[〔\[【(（﹝［]\s*[{_DIGIT}]{{4}}\s*[〕\]】)）﹞］]\s*第?\s*[{_DIGIT}]+\s*号"
    rf"|[\u4e00-\u9fff]{{1,24}}?令\s*(?:第\s*)?{NUM}\s*号"
    rf"|[\u4e00-\u9fff]{{1,20}}?(?:公告|通告)\s*[{_DIGIT}]{{4}}\s*年?\s*第\s*[{_DIGIT}]+\s*号"
)
_DOC_NO_HAO: Final = re.compile(
    rf"^\s*([\u4e00-\u9fff]{{1,16}}\s*[〔\[【(（﹝［]\s*[{_DIGIT}]{{4}}\s*[〕\]】)）﹞］]\s*"
    rf"(?:第\s*)?[{_DIGIT}]{{0,5}})\s*$"
)
_DOC_LEAD: Final = re.compile(r"^[日月年号于经由以和及与、]+")
_DOC_BRACKETS: Final = str.maketrans(
    {"[": "〔", "]": "〕", "【": "〔", "】": "〕", "(": "〔", ")": "〕", "（": "〔", "）": "〕"}
    | {"﹝": "〔", "﹞": "〕", "［": "〔", "］": "〕"}
    | {chr(0xFF10 + d): str(d) for d in range(10)}
)
_ORDER_NO_DI: Final = re.compile(r"令(?!第)")
_SPACE: Final = re.compile(r"\s+")
_JOIN: Final = re.compile(r"[\s:：,，“\"‘「]*(?:中的|中|的)?\s*")
_BARE_ARTICLE: Final = re.compile(rf"{NUM}\s*条")
# a document number and what may stand between it and the provisions it is cited with
_DOC_BEFORE: Final = re.compile(rf"(?P<doc>{_DOC.pattern})(?:\s*文件)?\s*\Z")
_DOC_BEFORE_LAST: Final = frozenset("号件 \t\u3000")
# 附件1目录第66项, 附件第213项 (the one annex): what follows numbers entries of an annexed list
_ANNEX: Final = re.compile(rf"附件\s*(?:{NUM})?[^\n。;；第《]{{0,12}}?(?=第)")
_BOUNDARY: Final = set("\n。;；!?！？")
_LEAD: Final = re.compile(
    r"(?:[\s“\"‘「『]|(?:[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})\s*[、.．)）]"
    r"|[(（]\s*(?:[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})\s*[)）]|[①-⑳]"
    r"|[【\[［][^】\]［］\n]{1,14}[】\]］][:：]?)*\Z"
)
_AFTER_BOUNDARY: Final = re.compile(r"[\n。;；!?！？]" + _LEAD.pattern)
_LEAD_CHARS: Final = frozenset(' \t\u3000\n“"‘「『、.．)）】]］:：①②③④⑤⑥⑦⑧⑨⑩')
_TITLE_END_CHARS: Final = frozenset("法典例定则见知序程范准要划案释复函告议令度南引录单)）")
# 本法/该条例 (this, that) and 同法/上述办法/前述规定 (the same, the above): a law cited before,
# of the kind the noun names (法律/法规/规章/文件: any kind)
_SELF: Final = re.compile(
    r"(?:本|该|同|上述|前述)(?P<noun>法|条例|办法|规定|细则|规则|决定|意见|通知|实施细则|实施办法|规章|"
    r"准则|章程|法律|法规|文件)\s*\Z"
)
_ANY_KIND: Final = frozenset({"法律", "法规", "规章", "文件"})
_ENDS_TITLE: Final = re.compile(INSTRUMENT_SUFFIX + r"(?:[(（](?:试行|暂行)[)）])?$")
_SELF_LAST: Final = frozenset("法例定则见知章程律规件")  # the last characters of _SELF's words
# what may stand just before a bare provision that is read (white space aside): the end of a
# self-reference, of an unmarked title or of a document number, a segment boundary or what leads
# a segment
_REFER_TEST: Final = _SELF_LAST | _TITLE_END_CHARS | _BOUNDARY | _LEAD_CHARS | {"号"}
# What an unmarked title before a provision may not hold (nor can it be longer than 60 characters,
# or shorter than 2): it may end in （试行）/（暂行）.
_BACK_STOPS: Final = r"\s、,，。;；:：“”\"'‘’()（）《》〈〉<>＜＞【】\[\]0-9０-９.．!！?？"
_BACK_TRIAL: Final = re.compile(r"[(（](?:试行|暂行)[)）]")
# the last stop character before a point (greedy, then backtracking from the point: one pass)
_LAST_STOP: Final = re.compile(rf".*[{_BACK_STOPS}]", re.S)
_VERBS: Final = re.compile(
    r"^(?:根据|依据|按照|依照|违反|参照|适用|遵照|遵守|执行|对照|详见|参见|同时|以及|依|据|按|照|和|及|与|"
    r"或|并|另|又|还|即|见)"
)
_GENERIC: Final = re.compile(
    r"法律|法规|规章|有关|相关|上述|下列|前款|前述|其他|其它|国家规定|规定的|以上|之规定|上级|此|"
    r"^(?:本|该|其|原|新|现行|各|各项|各类|某)"
)
_PROVISION_INSIDE: Final = re.compile(rf"第\s*{NUM}\s*[编章节条款项目]")
_SENTENCE_START: Final = re.compile(
    r"^(?:对|由|在|因|经|凡|如|向|将|把|被|给|为|从|自|以|未|不|应|可|须)"
)
_STRONG_END: Final = re.compile(
    r"(?:法|法典|条例|规定|办法|细则|规则|准则|章程|规程)(?:[（(](?:试行|暂行)[)）])?$"
)
_LINE_TITLE: Final = re.compile(
    r"^[ \t\u3000]*(?:(?:[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})[、.．]\s*)?"
    r"(?:[【\[［][^】\]［］\n]{1,14}[】\]］][:：]?[ \t\u3000]*)?"
    r"(?P<t>[^\n。；;，,：:《》〈〉<>＜＞“”\"]{3,80}?"
    r"(?:法|法典|条例|规定|办法|细则|规则|准则|决定|意见|通知|章程|规程|纲要|方案)"
    r"(?:[ \t\u3000]*[（(](?:试行|暂行)[）)])?)[ \t\u3000]*$",
    re.M,
)
# the last character of a line that _LINE_TITLE may match (a title ending; a closing bracket
# is tested apart): a cheap test that rules out most cells before the line regex runs
_LINE_LAST: Final = frozenset("法典例定则见知程要案")
# a line that ends in a bracket can only be a title's when the bracket closes （试行）/（暂行）: the
# short cells that end in a number (对社会保险违法行为的处罚（898）) otherwise all reach _LINE_TITLE
_TRIAL_ENDINGS: Final = frozenset(o + w + c for o in "（(" for w in ("试行", "暂行") for c in "）)")
_LINE_SPACE: Final = " \t\u3000"
_QUOTE_START: Final = re.compile(
    r"\s*(?:中|的)?(?:规定|明确|指出)?\s*[:：“\"]|\s+[^\s、,，和及与或《;；。]"
    r"|[^\s、,，和及与或以《;；。规的之中]"
)
# 《社会保险法》规定：“…” — a title whose words are quoted without a provision
_TITLE_QUOTE: Final = re.compile(r"\s*(?:中|的)?(?:规定|明确|指出)?\s*[:：“\"]")


class Provision(NamedTuple):
    """One provision in a chain, with the span of the words that name it (a tuple: built
    thousands of times a second, and shared between the chains cached by their text)."""

    start: int
    end: int
    part: int | None = None
    chapter: int | None = None
    section: int | None = None
    article: int | None = None
    article_suffix: int | None = None
    point: int | None = None
    paragraph: int | None = None
    item: int | None = None
    subitem: int | None = None

    def top(self) -> Level | None:
        """The shallowest level this provision names."""
        for level in ("part", "chapter", "section", "article", "point", "paragraph", "item"):
            if getattr(self, level) is not None:
                return level
        return "subitem" if self.subitem is not None else None


class Chain(NamedTuple):
    """The provisions of one chain (第五十五条、第五十六条 …) and where it ends."""

    provisions: tuple[Provision, ...]
    end: int
    warnings: tuple[str, ...] = ()


_new_tuple = tuple.__new__


def shift(p: Provision, by: int) -> Provision:
    """``p`` with its span moved ``by`` characters (a cached chain placed in its text)."""
    return _new_tuple(Provision, (p[0] + by, p[1] + by, *p[2:]))


def _article(start: int, end: int, article: int) -> Provision:
    """``Provision(start, end, article=article)``, built without the keyword-argument call."""
    return _new_tuple(
        Provision, (start, end, None, None, None, article, None, None, None, None, None)
    )


# Where each level sits in a Provision after (start, end); a provision's path is kept as a list in
# that order. Depth never decreases along it (article, its suffix and point share depth 3), so
# dropping every level at or below a depth is clearing the list from one index on.
_SLOT: Final[dict[str, int]] = {
    "part": 0,
    "chapter": 1,
    "section": 2,
    "article": 3,
    "article_suffix": 4,
    "point": 5,
    "paragraph": 6,
    "item": 7,
    "subitem": 8,
}
_FIRST_AT_DEPTH: Final[dict[str, int]] = {
    level: min(i for name, i in _SLOT.items() if _DEPTH.get(name, 3) >= _DEPTH[level])
    for level in _DEPTH
}
_ITEM: Final = _SLOT["item"]


class _Builder:
    """Accumulates the path of the provision being read; emits it when a sibling starts."""

    def __init__(self) -> None:
        self.path: list[int | None] = [None] * 9  # by _SLOT; None: the level is not named
        self.start = 0
        self.end = 0
        self.out: list[Provision] = []
        self.warnings: list[str] = []

    def emit(self) -> None:
        self.out.append(_new_tuple(Provision, (self.start, self.end, *self.path)))

    def truncate(self, level: Level) -> None:
        """Forget ``level`` and everything at its depth or deeper."""
        first = _FIRST_AT_DEPTH[level]
        self.path[first:] = _NONE_PATH[first:]

    def add(self, level: Level, values: list[int], seps: list[str], start: int, end: int) -> None:
        """Set ``level`` to the last of ``values``; emit the ones before it (a list or range)."""
        slot = _SLOT[level]
        for i, v in enumerate(values[:-1]):
            nxt = values[i + 1]
            self.truncate(level)
            self.path[slot] = v
            self.start, self.end = start, end
            self.emit()
            if seps[i] in _RANGE_SEPS:
                self.range_fill(level, v, nxt, start, end)
        self.truncate(level)
        self.path[slot] = values[-1]
        self.start, self.end = start, end

    def range_fill(self, level: Level, a: int, b: int, start: int, end: int) -> None:
        if b <= a or b - a > MAX_RANGE:
            self.warnings.append(f"range {a}–{b} not expanded")
            return
        path = list(self.path)
        slot = _SLOT[level]
        for x in range(a + 1, b):
            path[slot] = x
            self.out.append(_new_tuple(Provision, (start, end, *path)))


_NONE_PATH: Final[list[int | None]] = [None] * 9


def _values(m: re.Match[str]) -> tuple[list[int], list[str]] | None:
    """The numbers of one unit (第十、十一条 → [10, 11]) and the separators between them."""
    nums_written = m.group("nums")
    if nums_written is not None:
        single = parse_numeral(nums_written)
        if single is not None:
            return [single], []
        parts = _SPLIT_NUMS.split(nums_written)
        nums = [parse_numeral(p) for p in parts[::2]]
        seps = parts[1::2]
    else:
        pn = m.group("pnums")
        nums = [parse_numeral(x) for x in _PNUM_VALUE.findall(pn)]
        seps = ["至" if ("至" in g or "到" in g) else "、" for g in _PNUM_SPLIT.split(pn)[1:-1]]
    if any(n is None for n in nums):
        return None
    return [n for n in nums if n is not None], seps


def _lone(m: re.Match[str]) -> Provision | None:
    """The provision named by a single unit with a single number, or None for anything else."""
    nums = m.group("nums")
    level = _LEVELS[m.group("lvl")]
    if nums is None or level == "subitem":
        return None
    value = parse_numeral(nums)
    if value is None:
        return None
    values: dict[str, int | None] = {level: value}
    if level == "article" and m.group("suf"):
        values["article_suffix"] = parse_suffix("之" + m.group("suf"))
    return Provision(m.start(), m.end(), **values)


# A run of the characters a provision chain is written with (numerals, levels, separators,
# brackets, white space), starting at 第. A chain never ends in a separator, bracket or space,
# so what it reads depends only on the run without those at its end (and on the character after
# a final 编, for the lookahead after it): chains are cached on that text.
CHAIN_RUN: Final = re.compile(
    rf"第[{NUMERAL_CHARS}\s第编章节条款项目部分点之、,，和及以与或者至到\-－—~～(（﹙)）﹚]*"
)
CHAIN_TRAIL: Final = " \t\n\r\u3000\xa0、,，和及以与或者至到-－—~～(（﹙)）﹚"


def parse_chain(text: str, pos: int, *, need_di: bool = True) -> Chain | None:
    """The provision chain that starts at ``pos``, or None when none does.

    >>> [(p.article, p.paragraph) for p in parse_chain("第七条第二款、第三款", 0).provisions]
    [(7, 2), (7, 3)]
    >>> [p.article for p in parse_chain("第十条至第十三条", 0).provisions]
    [10, 11, 12, 13]
    """
    if not need_di:
        return _read_chain(text, pos, need_di=False)
    chain = chain_at(text, pos)
    if chain is None or pos == 0:
        return chain
    provisions = chain.provisions
    if len(provisions) == 1:
        return Chain((shift(provisions[0], pos),), chain.end + pos, chain.warnings)
    return Chain(tuple([shift(p, pos) for p in provisions]), chain.end + pos, chain.warnings)


def chain_at(text: str, pos: int) -> Chain | None:
    """As :func:`parse_chain`, with offsets relative to ``pos`` (shared, cached chains).

    >>> chain_at("依据第八十七条", 2).provisions[0][:2]
    (0, 5)
    """
    run = CHAIN_RUN.match(text, pos)
    if run is None:
        return None
    return chain_of_run(text, pos, run.group())


def chain_of_run(text: str, pos: int, run: str) -> Chain | None:
    """:func:`chain_at` for the CHAIN_RUN match ``run`` at ``pos`` (matched by the caller).

    >>> chain_of_run("第三条、", 0, "第三条、").provisions[0].article
    3
    """
    if run[-1] == "编":
        return _chain_of(text[pos : pos + len(run) + 1])
    return _run_chain(run)


@lru_cache(maxsize=16384)
def _run_chain(run: str) -> Chain | None:
    """:func:`chain_of_run` for a run that does not end in 编 (what follows it does not count)."""
    key = run.rstrip(CHAIN_TRAIL)
    if key[-1] == "编":
        key = run[: len(key) + 1]
    return _chain_of(key)


@lru_cache(maxsize=16384)
def _chain_of(written: str) -> Chain | None:
    simple = _SIMPLE_CHAIN.fullmatch(written)
    if simple is not None and (chain := _simple_chain(simple)) is not None:
        return chain
    if _ARTICLE_LIST.fullmatch(written) is not None and (chain := _article_list(written)):
        return chain
    return _read_chain(written, 0, need_di=True)


# Whole articles, each with its 第, joined by a list or range mark and nothing else
# (第四十四条、第四十五条, 第十七条至第二十一条): most chains of more than one provision.
_ARTICLE_LIST: Final = re.compile(
    rf"(?:第[{NUMERAL_CHARS}]+条[、，,和及至到])+第[{NUMERAL_CHARS}]+条"
)
_ARTICLE_UNIT: Final = re.compile(rf"([、，,和及至到]?)第([{NUMERAL_CHARS}]+)条")


def _article_list(written: str) -> Chain | None:
    """The chain :func:`_read_chain` reads from an _ARTICLE_LIST match, or None when one of its
    numbers is not well formed (the general reader stops there)."""
    out: list[Provision] = []
    warnings: list[str] = []
    start = end = 0
    value = 0
    for m in _ARTICLE_UNIT.finditer(written):
        sep, number = m.groups()
        v = parse_numeral(number)
        if v is None:
            return None
        if sep:
            out.append(_article(start, end, value))
            if sep in _RANGE_SEPS:
                if v <= value or v - value > MAX_RANGE:
                    warnings.append(f"range {value}–{v} not expanded")
                else:
                    out.extend(_article(start, m.end(), x) for x in range(value + 1, v))
            start = m.start() + 1
        end, value = m.end(), v
    out.append(_article(start, end, value))
    return _new_tuple(Chain, (tuple(out), end, tuple(warnings)))


# One article with, at most, a suffix, a paragraph and an item, each with its 第 and nothing
# between the units (第十八条第一款第（八）项): half the distinct chains of a list, one provision
# whose span is the whole chain, read without the builder.
_SIMPLE_CHAIN: Final = re.compile(
    rf"第({NUM})条(?:之({NUM}))?(?:第({NUM})款)?(?:第(?:({NUM})|[(（﹙]({NUM})[)）﹚])项)?"
)


def _simple_chain(m: re.Match[str]) -> Chain | None:
    """The chain :func:`_read_chain` reads from a _SIMPLE_CHAIN match, or None when one of its
    numbers is not well formed (the general reader stops there)."""
    article_w, suffix_w, paragraph_w, item_w, item_pw = m.groups()
    article = parse_numeral(article_w)
    if article is None:
        return None
    suffix = parse_suffix("之" + suffix_w) if suffix_w is not None else None
    paragraph = item = None
    if paragraph_w is not None and (paragraph := parse_numeral(paragraph_w)) is None:
        return None
    if (item_w := item_w or item_pw) is not None and (item := parse_numeral(item_w)) is None:
        return None
    end = m.end()
    provision = _new_tuple(
        Provision, (0, end, None, None, None, article, suffix, None, paragraph, item, None)
    )
    return _new_tuple(Chain, ((provision,), end, ()))


def _read_chain(text: str, pos: int, *, need_di: bool) -> Chain | None:
    m = _UNIT.match(text, pos)
    if m is None or (need_di and m.group("di") is None):
        return None
    end = m.end()
    s = _SEP.match(text, end)
    if (
        (s is None or _UNIT.match(text, s.end()) is None)
        and text.find("第", end, end + 4) == -1
        and not text.startswith(("(", "（", "﹙"), end)
    ):
        # the common case, one unit on its own (第八十七条：…): no path to carry
        lone = _lone(m)
        if lone is not None:
            return Chain((lone,), end)
    b = _Builder()
    last: Level | None = None
    last_written = ""
    sep: str | None = None
    while True:
        parsed = _values(m)
        level = _LEVELS[m.group("lvl")]
        if parsed is None or (level == "subitem" and b.path[_ITEM] is None):
            break
        values, seps = parsed
        if m.group("di"):
            unit_start = m.start("di")
        else:
            unit_start = m.start("nums" if m.group("nums") else "pnums")
        if last == "point" and sep is None and m.group("lvl") == "点" and last_written == "部分":
            # 第二部分第（三）点: a point of a part; the sub-point is kept as the item
            level = "item"
        if last is None:
            b.add(level, values, seps, unit_start, m.end())
        elif sep is None:
            if _DEPTH[level] <= _DEPTH[last]:
                break
            b.add(level, values, seps, b.start, m.end())
        elif sep in _RANGE_SEPS and (a := b.path[_SLOT[level]]) is not None:
            b.emit()
            b.range_fill(level, a, values[0], b.start, m.end())
            b.add(level, values, seps, unit_start, m.end())
        elif last in _STRUCTURAL and _DEPTH[level] > _DEPTH[last]:
            # 第七章，第三十五条: a heading then an article in it, not two citations
            b.add(level, values, seps, b.start, m.end())
        else:
            b.emit()
            b.add(level, values, seps, unit_start, m.end())
        if level == "article" and m.group("suf"):
            suffix = parse_suffix("之" + m.group("suf"))
            if suffix is not None:
                b.path[_SLOT["article_suffix"]] = suffix
        last, last_written = level, m.group("lvl")
        nxt = _NEXT_UNIT.match(text, m.end())
        if nxt is None:
            break
        if nxt.group("sepw") is not None:
            sep = nxt.group("sep")
        elif nxt.group("gap") is None:
            sep = None
        else:
            # 《…》第十二条 第十三条: a list written with spaces; 第十条 第一款: a deeper level
            nxt_level = _LEVELS[nxt.group("lvl")]
            if _DEPTH[nxt_level] == _DEPTH[level] and nxt_level == level:
                sep = "、"
            elif _DEPTH[nxt_level] > _DEPTH[level]:
                sep = None
            else:
                break
        m = nxt
    if last is None:
        return None
    b.emit()
    return Chain(tuple(b.out), b.end, tuple(b.warnings))


def match_title(text: str, pos: int) -> int | None:
    """The offset just past the title mark that closes the one opened at ``pos`` (nesting 〈〉 <>
    《》 either way round), or None when it is not closed before the sentence ends.

    >>> s = "《实施〈中华人民共和国社会保险法〉若干规定》第二十五条"
    >>> s[: match_title(s, 0)]
    '《实施〈中华人民共和国社会保险法〉若干规定》'
    """
    m = _FLAT_TITLE.match(text, pos)
    if m is not None:
        return m.end()
    # nested marks, or a stray < (an HTML tag in a cell): step from mark to mark, not by character
    depth = 0
    for mark in _TITLE_MARK.finditer(text, pos, min(len(text), pos + 200)):
        c = mark.group()
        if c in _OPENERS:
            depth += 1
        elif c in _CLOSERS:
            depth -= 1
            if depth == 0:
                return mark.end()
        else:
            return None
    return None


def rank_before(text: str, start: int) -> tuple[str, int] | None:
    """The rank tag (【法律】, [部门规章]：) just before ``start`` and where it starts.

    >>> rank_before("【行政法规】《社会救助暂行办法》", 6)
    ('行政法规', 0)
    >>> rank_before("2.法律：《中华人民共和国社会保险法》", 5)
    ('法律', 2)
    """
    if not start or not ((c := text[start - 1]) in _RANK_LAST or c.isspace()):
        return None
    m = _RANK_BEFORE.search(text, max(0, start - 24), start) or _RANK_WORD_BEFORE.search(
        text, max(0, start - 16), start
    )
    return (m.group(1), m.start()) if m else None


class Tail(NamedTuple):
    """What follows a title: glued (试行), version, document number, a bare point, an alias the
    list defines (以下简称…), and the provision chain, with where each part ends."""

    end: int
    glued: str = ""
    version: str | None = None
    doc_number: str | None = None
    point: int | None = None
    alias: str | None = None
    annex: bool = False
    chain: Chain | None = None


def normalise_doc_number(written: str) -> str:
    """A document number with brackets normalised to 〔〕, no white space, and 第 after 令.

    >>> normalise_doc_number("国务院令709号"), normalise_doc_number("藏医保 [2019] 136号")
    ('国务院令第709号', '藏医保〔2019〕136号')
    """
    s = _DOC_LEAD.sub("", _SPACE.sub("", written))
    if "〔" in s or "[" in s or "【" in s or "(" in s or "（" in s or "﹝" in s or "［" in s:
        return s.translate(_DOC_BRACKETS)
    return _ORDER_NO_DI.sub("令第", s, count=1) if "令" in s else s


@lru_cache(maxsize=8192)
def find_doc_number(text: str) -> str | None:
    """The first document or order number in ``text``, normalised.

    >>> find_doc_number("2014年2月21日中华人民共和国国务院令第649号公布")
    '中华人民共和国国务院令第649号'
    """
    m = _DOC.search(text) if "号" in text else None
    return normalise_doc_number(m.group(0)) if m else None


def _close_paren(text: str, pos: int) -> int | None:
    m = _FLAT_PAREN.match(text, pos)
    if m is not None:
        return m.end()
    depth = 0
    for i in range(pos, min(len(text), pos + 200)):
        c = text[i]
        if c in _PAREN_OPEN:
            depth += 1
        elif c in _PAREN_CLOSE:
            depth -= 1
            if depth == 0:
                return i + 1
        elif c == "\n" and depth == 1 and i - pos > 120:
            return None
    return None


class _Note(NamedTuple):
    """What one parenthetical after a title may be (each reading is tried in turn)."""

    glued: str | None  # 试行, 暂行 …
    alias: str | None  # 以下简称…
    bare_point: bool  # (十八)
    point: int | None  # its value, when it is a well-formed number up to 999
    version: str | None
    doc: str | None
    stops: bool  # neither version nor number, and too long or holding a title: not a note


@lru_cache(maxsize=8192)
def _read_note(inner: str) -> _Note:
    g = _GLUED.match(inner)
    a = _ALIAS.search(inner)
    p = _BARE_POINT.match(inner)
    value = parse_numeral(p.group(1)) if p else None
    v = version_note(inner) if ("修" in inner or "版" in inner) else None
    d = find_doc_number(inner) if "号" in inner else None
    if d is None and (bare := _DOC_NO_HAO.match(inner)) is not None:
        d = normalise_doc_number(bare.group(1))  # （甲府办发〔2018〕12）: the 号 left out
    return _Note(
        g.group(1) if g else None,
        a.group(1) if a else None,
        p is not None,
        value if value is not None and value <= 999 else None,
        v,
        d,
        v is None and d is None and ("《" in inner or len(inner) > 60),
    )


class Head(NamedTuple):
    """What follows a title before its provisions: glued (试行), version, document number, a
    bare point, an alias (以下简称…); ``end`` is where the last of them ends and ``chain_at``
    where provisions would start."""

    end: int
    chain_at: int
    glued: str = ""
    version: str | None = None
    doc_number: str | None = None
    point: int | None = None
    alias: str | None = None
    annex: bool = False


def read_head(text: str, pos: int) -> Head:
    """The notes after a title that ends at ``pos`` (see :func:`parse_tail`).

    >>> read_head("《社会救助暂行办法》（2019修订）第五十七条", 10)[:4]
    (18, 18, '', '2019修订')
    """
    glued = ""
    version = doc = alias = None
    point: int | None = None
    i = end = pos
    n = len(text)
    while True:
        j = i
        while j < n and text[j].isspace():
            j += 1
        if j < n and text[j] in _PAREN_OPEN:
            close = _close_paren(text, j)
            if close is None:
                break
            note = _read_note(text[j + 1 : close - 1])
            if note.glued and j == i == end and not version and not doc and point is None:
                # 《…办法》(试行): the trial mark belongs to the title
                glued += "（" + note.glued + "）"
            elif note.alias is not None:
                alias = note.alias
            elif note.bare_point and point is None:
                if note.point is None:
                    break
                point = note.point  # 《…意见》(十八): a numbered point of a policy document
            else:
                if note.stops:
                    break
                version = version or note.version
                doc = doc or note.doc
            i = end = close
            continue
        if doc is None and j - i <= 1 and text.find("号", j, j + 40) != -1:
            d_m = _DOC.match(text, j)
            if d_m is not None:
                doc = normalise_doc_number(d_m.group(0))
                i = end = d_m.end()
                continue
        break
    j = _JOIN.match(text, end).end()  # type: ignore[union-attr]
    annex = False
    if text.startswith("附", j) and (a_m := _ANNEX.match(text, j)) is not None:
        annex, j = True, a_m.end()
    return _new_tuple(Head, (end, j, glued, version, doc, point, alias, annex))


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


def bare_article_at(text: str, pos: int) -> bool:
    """True when an article number without its 第 starts at ``pos`` (《社会保险法》八十七条).

    >>> bare_article_at("八十七条", 0), bare_article_at("2018年修正", 0)
    (True, False)
    """
    return _BARE_ARTICLE.match(text, pos) is not None


def parse_tail(text: str, pos: int) -> Tail:
    """Parentheticals, document number and provisions after a title that ends at ``pos``.

    >>> t = parse_tail("《社会救助暂行办法》（2019修订）（国务院令709号）第五十七条：", 10)
    >>> t.version, t.doc_number, [p.article for p in t.chain.provisions]
    ('2019修订', '国务院令第709号', [57])
    """
    end, j, glued, version, doc, point, alias, annex = read_head(text, pos)
    chain = parse_chain(text, j) if text.startswith("第", j) else None
    if chain is None and point is None and not annex:
        if text.startswith("第", j):
            pm = _POINT_DUNHAO.match(text, j)
            if pm is not None and (value := parse_numeral(pm.group("n"))) is not None:
                # 《…的决定》第五、基本医疗保险基金的支付: a numbered section, not an article
                chain = Chain((Provision(pm.start(), pm.end() - 1, point=value),), pm.end() - 1)
        elif bare_article_at(text, j):
            # 《社会保险法》八十七条: an article written without its 第 is read, and flagged
            bare = parse_chain(text, j, need_di=False)
            if bare is not None and bare.provisions[0].article is not None:
                warned = (*bare.warnings, "第 missing before the first article")
                chain = bare._replace(warnings=warned)
    if chain is not None and annex:
        # 附件1目录第66项: an entry of an annexed list is a point of the instrument
        chain = chain._replace(
            provisions=tuple(
                p._replace(point=p.item, item=None) if p.article is None and p.item else p
                for p in chain.provisions
            )
        )
    if chain is not None:
        end = chain.end
    return _new_tuple(Tail, (end, glued, version, doc, point, alias, annex, chain))


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
    if c in _BOUNDARY:
        return True
    if c not in _LEAD_CHARS:
        return False
    lo = max(0, pos - 40)
    if _AFTER_BOUNDARY.search(text, lo, pos) is not None:
        return True
    return lo == 0 and _LEAD.match(text, 0, pos) is not None


_LEAD_TEST: Final = _BOUNDARY | _LEAD_CHARS | _RANK_LAST


def lead_before(text: str, pos: int) -> tuple[bool, str | None]:
    """``at_segment_start(text, pos)`` and the rank tag before ``pos`` (see :func:`rank_before`),
    read together: one character rules both out before most titles (依据《…》).

    >>> lead_before("1.【法律】《社会保险法》", 6), lead_before("依据《社会保险法》", 2)
    ((True, '法律'), (False, None))
    """
    if pos and (c := text[pos - 1]) not in _LEAD_TEST and not c.isspace():
        return False, None
    rank = rank_before(text, pos)
    return at_segment_start(text, pos), rank[0] if rank else None


def self_reference_before(text: str, pos: int) -> tuple[int, str | None] | None:
    """Where a 本法/该条例/同法… that ends just before ``pos`` starts, with the kind of instrument
    it names (None: 该法规, any kind), or None.

    >>> self_reference_before("依照本法第八十六条", 4), self_reference_before("同条例第八条", 3)
    ((2, '法'), (0, '条例'))
    """
    if not pos or not ((c := text[pos - 1]) in _SELF_LAST or c.isspace()):
        return None
    m = _SELF.search(text, max(0, pos - 8), pos)
    if m is None:
        return None
    noun = m.group("noun")
    return m.start(), None if noun in _ANY_KIND else noun


def is_kind(title: str, noun: str) -> bool:
    """True when ``title`` is an instrument of the kind ``noun`` names (（试行）/（暂行） at the
    end aside): what 该条例 or 同办法 may refer to.

    >>> is_kind("社会保险费征缴暂行条例", "条例"), is_kind("若干规定（试行）", "规定")
    (True, True)
    >>> is_kind("中华人民共和国社会保险法", "条例")
    False
    """
    return _BACK_TRIAL.sub("", title).rstrip().endswith(noun)


def plausible_unmarked(title: str, *, standalone: bool) -> bool:
    """True when an unmarked stretch of text reads as an instrument title, not as prose.

    >>> plausible_unmarked("社会保险法", standalone=False)
    True
    >>> plausible_unmarked("国家规定", standalone=False)
    False
    """
    key = title_key(title)
    registry = load_registry()
    if registry.lookup(key):
        return True
    if len(key) < 5 or _GENERIC.search(key) or _SENTENCE_START.match(key):
        return False
    if _PROVISION_INSIDE.search(key):
        # 按照社会保险费征缴暂行条例第十条规定: a line that cites, not a title
        return False
    if is_carrier(key):
        # 国务院办公厅转发民政部等部门关于…的意见的通知: a notice that issues an instrument
        return True
    if "的" in key and "关于" not in key:
        return False
    if _STRONG_END.search(key):
        return True
    # 决定/意见/通知/方案 without 关于 are everyday words (行政许可决定, 处理意见)
    return "关于" in key and standalone


def strip_verbs(candidate: str) -> tuple[str, int]:
    """``candidate`` without leading 根据/依据/按照/违反…, and how many characters went.

    >>> strip_verbs("依据社会保险法")
    ('社会保险法', 2)
    """
    cut = 0
    while True:
        m = _VERBS.match(candidate, cut)
        if m is None or len(candidate) - m.end() < 3:
            return candidate[cut:], cut
        cut = m.end()


def may_refer_before(text: str, pos: int) -> bool:
    """False when the character before ``pos`` rules out a self-reference, an unmarked title and
    the start of a segment before a bare provision there (对有第（三）项: most bare provisions
    inside quoted article text).

    >>> may_refer_before("对有第（三）项", 2), may_refer_before("依照本法第八十六条", 4)
    (False, True)
    """
    return not pos or (c := text[pos - 1]) in _REFER_TEST or c.isspace()


def unmarked_before(text: str, pos: int) -> tuple[int, str] | None:
    """An unmarked title that ends just before the provision at ``pos`` (依据社会保险法第八十七条),
    as its start offset and text, or None.

    >>> unmarked_before("依据社会保险法第八十七条", 7)
    (2, '社会保险法')
    """
    j = pos
    while j > 0 and text[j - 1] in " \t\u3000" and pos - j < 4:
        j -= 1
    if j == 0 or text[j - 1] not in _TITLE_END_CHARS:
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
        if not _ENDS_TITLE.search(head):
            found = _unmarked_candidate(text[front:j])
            if found is not None:
                return front + found[0], found[1]
    found = _unmarked_candidate(text[lo:j])
    return (lo + found[0], found[1]) if found is not None else None


def _back_start(text: str, lo: int, j: int) -> int | None:
    """Where the stretch that may be an unmarked title ending at ``j`` starts (no stop
    character, 2 to 60 characters, optionally followed by （试行）), not before ``lo``; None when
    there is none.

    >>> _back_start("依据社会保险法", 0, 7), _back_start("某办法(试行)", 0, 7)
    (0, 0)
    """
    end = j
    if j - lo >= 6 and _BACK_TRIAL.match(text, j - 4, j) is not None:
        end = j - 4
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
            cut = len(raw) - len(suffix)
            stripped = raw[cut:]
    if not _ENDS_TITLE.search(stripped):
        return None
    if not plausible_unmarked(stripped, standalone=False):
        return None
    return cut, stripped


def standalone_titles(text: str) -> list[tuple[int, int, str]]:
    """Unmarked titles standing alone on their line, as (start, end, title).

    >>> standalone_titles("西藏自治区城镇职工基本医疗保险暂行办法\\n第七章 法律责任")
    [(0, 19, '西藏自治区城镇职工基本医疗保险暂行办法')]
    """
    out: list[tuple[int, int, str]] = []
    if not may_end_title_line(text):
        return out
    for m in _LINE_TITLE.finditer(text):
        raw = m.group("t")
        stripped, cut = strip_verbs(raw)
        if plausible_unmarked(stripped, standalone=True):
            start = m.start("t") + cut
            out.append((start, m.end("t"), text[start : m.end("t")]))
    return out


def may_end_title_line(text: str) -> bool:
    """False when no line of ``text`` ends the way a standalone title does (a string test per
    line; scanning the whole cell with a multi-line regex cost more than the rest of a cell).

    >>> may_end_title_line("对社会保险违法行为的处罚（898）")
    False
    >>> may_end_title_line("某办法（试行）\\n")
    True
    """
    end = len(text)
    while True:
        start = text.rfind("\n", 0, end) + 1  # the line is text[start:end]
        last = end
        while last > start and text[last - 1] in _LINE_SPACE:
            last -= 1
        if last > start and (
            (c := text[last - 1]) in _LINE_LAST
            or (c in ")）" and text[max(start, last - 4) : last] in _TRIAL_ENDINGS)
        ):
            return True
        if start == 0:
            return False
        end = start - 1


def opens_quote(text: str, pos: int) -> bool:
    """True when the text at ``pos`` (just after a cited provision) quotes the provision's words
    (第八十七条：…, 第二条 本办法…, 第三条县级以上…) rather than continuing the author's sentence.

    >>> opens_quote("第八十七条：社会保险", 5), opens_quote("第十条和第十一条", 3)
    (True, False)
    """
    return _QUOTE_START.match(text, pos) is not None


def quotes_title(text: str, pos: int) -> bool:
    """True when the words of a title just cited (no provision) are quoted from ``pos`` on.

    >>> quotes_title("《社会保险法》规定：“…”", 7), quotes_title("《社会保险法》和《…》", 7)
    (True, False)
    """
    return _TITLE_QUOTE.match(text, pos) is not None
