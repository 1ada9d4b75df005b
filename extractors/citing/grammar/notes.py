"""What follows a title (docs/citations.md, "Notes after a title", "Points, annexes and chapters"):
its head — the parentheticals after it, a trial mark glued to it （试行）, a version (2018修正), a
document number, a bare point (十八), an alias the list defines (以下简称…), and an annex
(附件1目录) — then its tail, the head and the provision chain cited from the title."""

from __future__ import annotations

from functools import lru_cache
from typing import Final, NamedTuple

from extractors.citing.grammar.chains import (
    LEVEL,
    NUM,
    Chain,
    bare_article_at,
    numbered_section_at,
    parse_chain,
)
from extractors.citing.grammar.docnums import (
    DOC_NO_HAO,
    find_doc_number,
    match_doc_number,
    normalise_doc_number,
)
from extractors.citing.numerals import parse_numeral
from extractors.citing.patterns import regex
from extractors.citing.resolve import AMENDS, CHINESE_DATE, DATED_VERSION, version_note
from extractors.citing.words import (
    CLOSE_PAREN,
    FLAT_TITLE,
    IN_PAREN,
    OPEN_PAREN,
    PAREN_CLOSE,
    PAREN_OPEN,
    SPACE,
    TITLE_JOIN,
    alternation,
    first_chars,
    words,
)

#: The bracket documents numbers write their year in (〔2019〕), which opens a note after a title
#: too (《工伤保险条例》〔国务院令第586号〕第十七条).
TORTOISE_OPEN: Final = "〔"
#: The brackets a note in them is read only when it holds a number or a version: 〔〕, and the
#: angle brackets (《工伤认定办法》〈人社部令第8号〉第五条, 《…》<国务院令第586号>), which also
#: mark inner titles.
SHELL_OPENS: Final = TORTOISE_OPEN + "<〈＜"
_SHELL_NOTE: Final = regex(r"〔([^〔〕\n]{1,80})〕|[<〈＜]([^<>〈〉＜＞《》\n]{1,80})[>〉＞]")
# a parenthetical with nothing nested and no line break: the common case of _close_paren
_FLAT_PAREN: Final = regex(rf"{OPEN_PAREN}{IN_PAREN}{{0,198}}{CLOSE_PAREN}")
_GLUED: Final = regex(rf"^\s*({alternation(words('trial_marks'))})\s*$")
_ALIAS: Final = regex(
    rf"{alternation(words('alias_leads'))}\s*[“\"《〈‘「『]?\s*([^”\"》〉’」』)）,，;；]{{1,20}}?)\s*"
    r"[”\"》〉’」』]?\s*$"
)
_BARE_POINT: Final = regex(rf"^\s*(?:第\s*)?({NUM})\s*$")
# （已废止）, （失效）: the list notes the instrument as no longer in force
_REPEALED: Final = regex(rf"^\s*({alternation(words('repealed_notes'))})\s*$")
# what a version note holds one of (修正, 版 …): tested before the version pattern runs
_VERSION_HINTS: Final = first_chars(words("amendment_words"))
_JOIN: Final = regex(TITLE_JOIN)
_ANNEX_WORD: Final = alternation(words("annex_words"))
_ANNEX_FIRST: Final = first_chars(words("annex_words"))
_ANNEX_WORD_TEXT: Final = words("annex_words")[0]
# 附件1目录第66项, 附件第213项 (the one annex): what follows numbers entries of an annexed list
_ANNEX: Final = regex(rf"{_ANNEX_WORD}\s*(?:{NUM})?[^\n。;；第《]{{0,12}}?(?=第)")
# 国务院关于…的决定 附件第3项: the annex of an unmarked title just before a provision
_ANNEX_BEFORE: Final = regex(rf"[ \t\u3000]*{_ANNEX_WORD}\s*(?:{NUM})?[^\n。;；第《》]{{0,12}}?\Z")
# 附件《国务院决定修改的行政法规》: the title of an annex of the instrument just cited, part of its
# citation (an annex is no instrument of its own)
_ANNEX_TITLE: Final = regex(rf"{_ANNEX_WORD}\s*(?:{NUM})?\s*[:：]?\s*(?=[《〈<＜])")
# 《…的意见》(皖政办秘〔2014〕189号)一、优化审批流程: the numbered part of a policy document,
# glued to the title and its notes, opening its heading (a point)
_HEADING_POINT: Final = regex(r"([一二三四五六七八九十]{1,3})、(?![\s《〈<＜0-9０-９])")
# (1996年3月17日…通过，…修订，自…起施行): a note that opens with a date is an enactment or
# promulgation note, however long, and whatever titles it names (the amending decisions)
_DATED: Final = regex(rf"\s*(?:\d[\d\s]{{3}}\s*年|{CHINESE_DATE})")
# 《…法》2018年修正 第十条: a dated version note written without brackets, glued to the title or
# one space after it, and before a provision
_BARE_VERSION: Final = regex(rf"{DATED_VERSION}(?=\s*第)")
# 《…法》（第十条）: a parenthetical that opens with a provision holds the provisions cited, not a
# note (a note may open with 第 too, but with no level word after its number: 第十三届…会议修正)
_PROVISION_NOTE: Final = regex(rf"\s*第\s*{NUM}\s*{LEVEL}")
# （第十条）、（第十一条）: what lists one bracket of provisions after another (a list word or
# nothing), up to the next bracket
_LISTED_BRACKET: Final = regex(
    rf"[ \t\u3000]*(?:{alternation(words('separators', 'list'))}[ \t\u3000]*)?(?={OPEN_PAREN})"
)
# what may follow the provisions inside their brackets: （第十条规定）, （第十条的规定）
_AFTER_BRACKETED: Final = regex(rf"\s*(?:{alternation(words('noun_uses'))})?\s*\Z")
# a date, or a year alone: 1996年, 2021年4月29日
_DATE: Final = rf"(?:\d{{4}}\s*年(?:\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?)?|{CHINESE_DATE})"
# （1996年）: a note that is a year or a date and nothing else names the version of that year;
# so does a year written without 年 (（2021）), four digits of a year of the statutes' time
_DATE_NOTE: Final = regex(rf"^\s*({_DATE}|(?:19|20)\d{{2}})\s*$")
# 2021年4月29日修正的《…法》, 2021年修订的《…》, 1996年《…》: a version written before the title
_VERSION_BEFORE: Final = regex(rf"(?:{DATED_VERSION}|{_DATE})(?=[ \t\u3000]*的?[ \t\u3000]*\Z)")
# how far before a title a version written there may start
_BEFORE_SPAN: Final = 30
# what a version written before a title ends in, right before the title (年, 日, 的, 修正 …)
_BEFORE_LAST: Final = frozenset("年日的 \t\u3000") | frozenset(
    w[-1] for w in words("amendment_words")
)
#: The longest parenthetical read as a note after a title (a version note that lists five
#: amending decisions runs to some 450 characters).
MAX_NOTE: Final = 600


# the round and square brackets a note may nest (not 〔〕, which hold a document number's year)
_NO_BRACKETS: Final = str.maketrans("", "", PAREN_OPEN + PAREN_CLOSE)
# 〔第586号〕: tortoise-shell brackets around an order's number (第…号), not a year
_SHELLED_NUMBER: Final = regex(r"〔\s*(第[^〔〕]{1,10}?号)\s*〕")


class _Note(NamedTuple):
    """What one parenthetical after a title may be (each reading is tried in turn)."""

    glued: str | None  # 试行, 暂行 …
    alias: str | None  # 以下简称…
    bare_point: bool  # (十八)
    point: int | None  # its value, when it is a well-formed number up to 999
    version: str | None
    doc: str | None
    stops: bool  # neither version nor number, and too long or holding a title: not a note
    repealed: str | None  # 已废止, 失效 …


@lru_cache(maxsize=8192)
def _read_note(inner: str) -> _Note:
    g = _GLUED.match(inner)
    a = _ALIAS.search(inner)
    p = _BARE_POINT.match(inner)
    value = parse_numeral(p.group(1)) if p else None
    v = version_note(inner) if any(c in inner for c in _VERSION_HINTS) else None
    if v is None and (dated := _DATE_NOTE.match(inner)) is not None:
        v = dated.group(1)  # （1996年）: the version of that year
    d = find_doc_number(inner) if "号" in inner else None
    if d is None and "号" in inner:
        flat = _SHELLED_NUMBER.sub(r"\1", inner.translate(_NO_BRACKETS))
        if flat != inner:
            # （国务院令（第586号））, （国务院令〔第586号〕）: brackets nested in the note, around
            # the order's number
            d = find_doc_number(flat)
    if d is None and (bare := DOC_NO_HAO.match(inner)) is not None:
        d = normalise_doc_number(bare.group(1))  # （甲府办发〔2018〕12）: the 号 left out
    return _Note(
        g.group(1) if g else None,
        a.group(1) if a else None,
        p is not None and v is None,  # （2021）: a year, not a point
        value if value is not None and value <= 999 else None,
        v,
        d,
        v is None
        and d is None
        and ("《" in inner or len(inner) > 60)
        and _DATED.match(inner) is None,
        r.group(1) if (r := _REPEALED.match(inner)) is not None else None,
    )


def _close_paren(text: str, pos: int) -> int | None:
    m = _FLAT_PAREN.match(text, pos)
    if m is not None:
        return m.end()
    depth = 0
    for i in range(pos, min(len(text), pos + MAX_NOTE)):
        c = text[i]
        if c in PAREN_OPEN:
            depth += 1
        elif c in PAREN_CLOSE:
            depth -= 1
            if depth == 0:
                return i + 1
        elif c == "\n" and depth == 1 and i - pos > 120:
            return None
    return None


class Tail(NamedTuple):
    """What follows a title: glued (试行), version, document number, a bare point, an alias the
    list defines (以下简称…), an annex, and the provision chain. ``end`` is where the last of them
    ends, ``chain_at`` where provisions start (or would: :func:`read_head` reads no chain)."""

    end: int
    chain_at: int
    glued: str = ""
    version: str | None = None
    doc_number: str | None = None
    point: int | None = None
    alias: str | None = None
    annex: bool = False
    chain: Chain | None = None
    repealed: str | None = None  # the note that says the instrument is repealed (已废止)


_new_tuple = tuple.__new__


def read_head(text: str, pos: int) -> Tail:
    """The notes after a title that ends at ``pos``, up to where provisions would start (the
    tail without its chain: see :func:`parse_tail`).

    >>> read_head("《社会救助暂行办法》（2019修订）第五十七条", 10)[:4]
    (18, 18, '', '2019修订')
    """
    glued = ""
    version = doc = alias = repealed = None
    point: int | None = None
    i = end = pos
    n = len(text)
    while True:
        j = i
        while j < n and text[j].isspace():
            j += 1
        if j < n and text[j] in PAREN_OPEN:
            close = _close_paren(text, j)
            if close is None or _PROVISION_NOTE.match(text, j + 1, close):
                break  # （第十条）: the provisions, read by parse_tail
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
                repealed = repealed or note.repealed
            i = end = close
            continue
        if j < n and text[j] in SHELL_OPENS and (shell := _SHELL_NOTE.match(text, j)):
            # 《工伤保险条例》〔国务院令第586号〕第十七条: a note in the brackets document numbers
            # write their year in, read when it holds a number or a version (〔2010〕 as （2010）);
            # so in angle brackets (〈人社部令第8号〉), which may also hold an inner title
            note = _read_note(shell.group(1) or shell.group(2))
            if note.doc is None and note.version is None:
                break
            version = version or note.version
            doc = doc or note.doc
            i = end = shell.end()
            continue
        if version is None and j - i <= 1 and j < n and text[j].isdigit():
            v_m = _BARE_VERSION.match(text, j)
            if v_m is not None:
                version = v_m.group(0)
                i = end = v_m.end()
                continue
        if doc is None and j - i <= 1 and text.find("号", j, j + 40) != -1:
            d_m = match_doc_number(text, j)
            if d_m is not None:
                doc = normalise_doc_number(d_m.group(0))
                i = end = d_m.end()
                continue
        break
    j = _JOIN.match(text, end).end()  # type: ignore[union-attr]
    annex = False
    if j < n and text[j] in _ANNEX_FIRST:
        if (a_m := _ANNEX.match(text, j)) is not None:
            annex, j = True, a_m.end()
        elif (t_m := _ANNEX_TITLE.match(text, j)) is not None and (
            flat := FLAT_TITLE.match(text, t_m.end())
        ) is not None:
            annex, j = True, flat.end()
            end = j
    return _new_tuple(Tail, (end, j, glued, version, doc, point, alias, annex, None, repealed))


# 《…法》第六十九条（2019年修正）: a note in brackets right after the provisions cited
_NOTE_AFTER: Final = regex(rf"[ \t\u3000]*{OPEN_PAREN}({IN_PAREN}{{1,80}}){CLOSE_PAREN}")


def annex_before(text: str, pos: int) -> int | None:
    """Where the annex word before the provision at ``pos`` stands, white space before it
    included (…的决定 附件第3项, 附件1目录第66项), or None: the entries of an annexed list are
    points of the instrument named before the annex.

    >>> annex_before("国务院关于甲的决定 附件第3项", 12)
    9
    """
    if text.find(_ANNEX_WORD_TEXT, max(0, pos - 20), pos) < 0:
        return None
    m = _ANNEX_BEFORE.search(text, max(0, pos - 20), pos)
    return None if m is None else m.start()


def version_after(text: str, pos: int) -> str | None:
    """The version note written in brackets right after the provisions cited, which end at
    ``pos`` (《…法》第六十九条（2019年修正）), or None: the version is the cited text's wherever it
    is written.

    >>> version_after("《行政许可法》第六十九条（2019年修正）", 12)
    '2019年修正'
    >>> version_after("《行政许可法》第六十九条（一）", 12) is None
    True
    """
    m = _NOTE_AFTER.match(text, pos)
    if m is None:
        return None
    note = _read_note(m.group(1))
    return None if note.stops or note.doc else note.version


# 根据《…关于修改〈…〉等十一部法律的决定》修正的《…》: an amending decision (grammar.json
# amending_verbs inside its marks) then an amendment word and 的, written before a title, is the
# version that title is cited in (the decision is no citation of its own)
_AMENDING: Final = regex(alternation(words("amending_verbs")))
_DECISION: Final = (
    rf"[《<＜](?P<t>[^\n]{{1,120}}?)[》>＞][ \t\u3000]*(?:第[一二三四五六七八九十]{{1,3}}次)?"
    rf"(?:{AMENDS})[ \t\u3000]*的[ \t\u3000]*"
)
_DECISION_AT: Final = regex(rf"{_DECISION}(?=[《<＜])")
_DECISION_BEFORE: Final = regex(
    rf"(?:{alternation(words('enactment_leads'))})?[ \t\u3000]*{_DECISION}\Z"
)


def amending_decision_at(text: str, start: int) -> int | None:
    """Where the title after it starts, when the title at ``start`` is an amending decision
    written as that title's version (《关于修改〈甲法〉的决定》修正的《甲法》第十条); None
    otherwise.

    >>> amending_decision_at("根据《关于修改〈甲法〉的决定》修正的《甲法》第十条", 2)
    18
    >>> amending_decision_at("《关于修改〈甲法〉的决定》第十条", 0) is None
    True
    """
    if text.find("修", start, start + 136) == -1:
        return None  # no amendment word in reach (most titles)
    m = _DECISION_AT.match(text, start)
    return m.end() if m is not None and _AMENDING.search(m.group("t")) else None


def version_before(text: str, start: int) -> str | None:
    """The version written right before a title that starts at ``start``, as written: a dated
    version note (2021年4月29日修正的《…》, 2021年修订的《…》) or a year or date alone (1996年《…》,
    the text of that year), or None.

    >>> version_before("依据2021年4月29日修正的《食品安全法》", 15)
    '2021年4月29日修正'
    >>> version_before("1996年《行政处罚法》", 5), version_before("依据《行政处罚法》", 2)
    ('1996年', None)
    """
    if start < 5 or text[start - 1] not in _BEFORE_LAST:
        return None
    m = _VERSION_BEFORE.search(text, max(0, start - _BEFORE_SPAN), start)
    if m is None and text[start - 1] == "的":
        # 根据《…关于修改〈…〉等十一部法律的决定》修正的《…》
        m = _DECISION_BEFORE.search(text, max(0, start - 160), start)
        if m is not None and _AMENDING.search(m.group("t")) is None:
            m = None
        elif m is not None:
            return SPACE.sub("", m.group()).rstrip("的")
    return SPACE.sub("", m.group()) if m is not None else None


def _bracketed_chain(text: str, pos: int, *, fast: bool) -> Chain | None:
    """The provisions cited in brackets after a title (《…法》（第十条）, 【第十条、第十一条】,
    （第十条规定）), their end the closing bracket's; None when the bracket holds anything else.

    >>> c = _bracketed_chain("（第十条、第十一条）", 0, fast=True)
    >>> [p.article for p in c.provisions], c.end
    ([10, 11], 10)
    """
    close = _close_paren(text, pos)
    if close is None or (at := _PROVISION_NOTE.match(text, pos + 1, close)) is None:
        return None
    start = at.end() - len(at.group().lstrip())
    chain = parse_chain(text[: close - 1], start, fast=fast)
    if chain is None or not _AFTER_BRACKETED.match(text, chain.end, close - 1):
        return None
    listed = _LISTED_BRACKET.match(text, close)
    if listed is not None and (more := _bracketed_chain(text, listed.end(), fast=fast)):
        # （第十条）、（第十一条）: each provision in brackets of its own, listed
        return more._replace(
            provisions=chain.provisions + more.provisions,
            warnings=tuple(dict.fromkeys(chain.warnings + more.warnings)),
        )
    return chain._replace(end=close)


def _articles_of_heading(text: str, chain: Chain, *, fast: bool) -> Chain:
    """``chain``, or, when it names a heading alone (第三章第二节) and the articles under it follow
    in brackets (（第二十条至第二十五条）), those articles with the heading's numbers on them.

    >>> c = parse_tail("《某法》第三章（第二十条、第二十一条）", 4).chain
    >>> [(p.chapter, p.article) for p in c.provisions], c.end
    ([(3, 20), (3, 21)], 19)
    """
    last = chain.provisions[-1]
    if len(chain.provisions) != 1 or last.article is not None or last.point is not None:
        return chain
    if last.paragraph is not None or last.item is not None or last.subitem is not None:
        return chain
    at = chain.end
    while at < len(text) and text[at] in " \t\u3000":
        at += 1
    if at == len(text) or text[at] not in PAREN_OPEN:
        return chain
    inner = _bracketed_chain(text, at, fast=fast)
    if inner is None or any(p.article is None for p in inner.provisions):
        return chain
    provisions = tuple(
        p._replace(part=last.part, chapter=last.chapter, section=last.section)
        for p in inner.provisions
    )
    first = provisions[0]._replace(start=last.start)
    return inner._replace(provisions=(first, *provisions[1:]))


def parse_tail(text: str, pos: int, *, fast: bool = True) -> Tail:
    """Parentheticals, document number and provisions after a title that ends at ``pos``
    (``fast`` picks the backend of the chain readers).

    >>> t = parse_tail("《社会救助暂行办法》（2019修订）（国务院令709号）第五十七条：", 10)
    >>> t.version, t.doc_number, [p.article for p in t.chain.provisions]
    ('2019修订', '国务院令第709号', [57])
    """
    end, j, glued, version, doc, point, alias, annex, _, repealed = read_head(text, pos)
    chain = parse_chain(text, j, fast=fast) if text.startswith("第", j) else None
    if chain is None and j < len(text) and text[j] in PAREN_OPEN:
        chain = _bracketed_chain(text, j, fast=fast)
    elif chain is not None:
        chain = _articles_of_heading(text, chain, fast=fast)
    if chain is None and point is None and not annex:
        if text.startswith("第", j):
            # 《…的决定》第五、基本医疗保险基金的支付: a numbered section, not an article
            chain = numbered_section_at(text, j)
        elif (heading := _HEADING_POINT.match(text, end)) is not None:
            point = parse_numeral(heading.group(1))
            if point is not None:
                end = heading.end(1)
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
    return _new_tuple(Tail, (end, j, glued, version, doc, point, alias, annex, chain, repealed))
