"""Closed vocabularies of power lists (power types, exercise levels, organisation, time-limit and
citation shapes), loaded from ``data/vocab.json`` and exposed as small predicates."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from extractors.datafiles import read_data


@cache
def load_vocab() -> dict[str, Any]:
    """The parsed ``data/vocab.json`` (cached)."""
    return read_data("vocab")


def _squash(text: str) -> str:
    return "".join(text.split())


@cache
def _words(entry: str) -> frozenset[str]:
    return frozenset(load_vocab()[entry]["words"])


@cache
def _pattern(entry: str) -> re.Pattern[str]:
    return re.compile(load_vocab()[entry]["pattern"])


@cache
def _level_pattern() -> re.Pattern[str]:
    spec = load_vocab()["levels"]
    units = sorted(spec["units"], key=len, reverse=True)
    unit = "(?:" + "|".join(re.escape(u) for u in units) + ")"
    inside = spec["unit_joiners"]
    one = f"(?:{unit}(?:{inside}*{unit})*{inside}*级)"
    return re.compile(f"{one}(?:{spec['joiners']}{one})*")


@cache
def _org_pattern() -> re.Pattern[str]:
    spec = load_vocab()["organisations"]
    one = f"(?:{spec['pattern']})"
    return re.compile(f"{one}(?:{spec['joiners']}{one})*")


@cache
def _chrome_pattern() -> re.Pattern[str]:
    """One piece of page chrome, or several apart at spaces (【打印】 【关闭】 返回顶部)."""
    piece = "|".join(f"(?:{p})" for p in load_vocab()["page_chrome"]["patterns"])
    return re.compile(f"(?:{piece})(?:\\s+(?:{piece}))*")


@cache
def _glued_type() -> re.Pattern[str]:
    words = sorted(load_vocab()["power_types"]["words"], key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(f"(?:{alternatives})(?={load_vocab()['citation_starts']['pattern']})")


@cache
def _glued_org() -> re.Pattern[str]:
    spec = load_vocab()["item_name_starts"]
    return re.compile(f"{_org_pattern().pattern}(?={spec['pattern']})")


@cache
def _opening_type() -> re.Pattern[str]:
    """A power type opening a run of text that goes on with an organisation name
    (行政许可市地税局…), not with the rest of a title (行政许可法…, 行政处罚决定书…)."""
    words = sorted(load_vocab()["power_types"]["words"], key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    title = "法|条例|规定|办法|决定|事项|申请|实施|文书"
    return re.compile(f"(?:{alternatives})类?(?!{title})(?={_org_pattern().pattern})")


@cache
def _type_before_org() -> re.Pattern[str]:
    """A power type run in between a name and an organisation name that closes the run or runs
    into a citation (…许可证核发行政许可县林业局《森林法》…: a row's cells run together)."""
    words = sorted(load_vocab()["power_types"]["words"], key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    cites = load_vocab()["citation_starts"]["pattern"]
    return re.compile(
        f"(?<=[\u4e00-\u9fff]{{2}})(?:{alternatives})(?P<org>{_org_pattern().pattern})(?={cites}|$)"
    )


@cache
def _trailing_type() -> re.Pattern[str]:
    words = sorted(load_vocab()["power_types"]["words"], key=len, reverse=True)
    return re.compile(f"(?<=[\u4e00-\u9fff]{{2}})(?:{'|'.join(map(re.escape, words))})$")


@cache
def _rank_label() -> re.Pattern[str]:
    """A numbered rank label inside a run of text (``…审批1.[法律]…``), where a basis cell opens."""
    return re.compile(r"(?<=[^\d\s.、．])(?=\d{1,2}[.、．]?\s*[【\[][^】\]]{2,8}[】\]])")


def find_glued_cells(text: str) -> list[int]:
    """Offsets inside ``text`` where a flattening step ran two cells together: before and after
    a power type that a citation follows (``…的处罚行政处罚《社会保险法》``), before and after
    exercise levels that follow a sentence end (``…的罚款。市级、区县级``), after a power type
    that opens ``text`` and runs into an organisation name (``行政许可市地税局…``), after an
    organisation name that opens ``text`` (or follows that type) and runs straight into an item
    name, a citation or an accountability cell (``县医保局对用人单位…``,
    ``县医保局《社会保险法》…``, ``…机构因不履行…``), before and after a power type between
    a name and an organisation name that closes the run or runs into a citation
    (``…许可证核发行政许可县林业局《森林法》``), and before a numbered rank label
    (``…设置审批1.[法律]…``).

    >>> find_glued_cells("骗取医保基金的处罚行政处罚《社会保险法》第八十七条")
    [9, 13]
    >>> find_glued_cells("二倍以上五倍以下的罚款。市级、区县级 "), find_glued_cells("行政处罚")
    ([12, 18], [])
    >>> find_glued_cells("县医保局对用人单位不办理社会保险登记的处罚"), find_glued_cells("县医保局")
    ([4], [])
    >>> find_glued_cells("行政许可市地税局直属(派出)机构因不履行或不正确履行行政职责")
    [4, 16]
    >>> find_glued_cells("水路运输经营许可行政许可")
    [8]
    >>> find_glued_cells("林木采伐许可证核发行政许可县林业局《中华人民共和国森林法》第五十六条")
    [9, 13, 17]
    """
    cuts: set[int] = set()
    start = 0
    opening = _opening_type().match(text)
    if opening is not None:
        start = opening.end()
        cuts.add(start)
    org = _glued_org().match(text, start)
    if org is not None:
        cuts.add(org.end())
    for match in _glued_type().finditer(text):
        cuts.update((match.start(), match.end()))
    for match in _type_before_org().finditer(text):
        cuts.update((match.start(), match.start("org"), match.end()))
    cuts.update(m.start() for m in _rank_label().finditer(text))
    # A type that ends a longer run closes it (…经营许可行政许可, letter-spaced cells run together).
    last = _trailing_type().search(text)
    if last is not None:
        cuts.add(last.start())
    levels = _level_pattern()
    for end in re.finditer(r"[。；;]", text):
        level = levels.match(text, end.end())
        if level is not None:
            cuts.update((level.start(), level.end()))
    return sorted(c for c in cuts if 0 < c < len(text))


@cache
def _types_by_length() -> tuple[str, ...]:
    return tuple(sorted(_words("power_types"), key=len, reverse=True))


# What follows a power type that is part of a body's name: 行政审批局, 行政审批服务中心.
_BODY_AFTER = re.compile(r"(?:服务)?(?:局|处|科|室|办|厅|委|中心|股)")

#: Headings are short ("一、行政许可（12项）", "行政处罚类"); a longer row is an item or a note.
MAX_SECTION_CHARS = 30


def names_section(text: str) -> str | None:
    """The power type that text standing above a table names for the rows below it, or None:
    a section heading between two tables of a document (一、行政许可（3项）), a sheet named for a
    type (行政处罚, 行政许可类). A longer text that merely holds a type (某县林业局行政许可事项,
    the list's title) names none.

    >>> names_section("一、行政许可（3项）"), names_section("行政处罚类"), names_section("Sheet1")
    ('行政许可', '行政处罚', None)
    >>> names_section("某县林业局行政许可事项清单") is None
    True
    """
    kind = section_type(text)
    if kind is None:
        return None
    if is_section_heading(text.strip()) or len(_squash(text)) <= len(kind) + 2:
        return kind
    return None


@cache
def _traditional_heading() -> re.Pattern[str]:
    """Any character that a section heading's words (the power types, 项, 类, 续) have in
    traditional script only (許 of 行政許可, 處罰, 項): a heading with none needs no conversion."""
    from opencc import OpenCC  # loaded on first use: most lists never need it

    to_traditional = OpenCC("s2t")
    words = [*_words("power_types"), "项类续"]
    chars = {t for w in words for s, t in zip(w, to_traditional.convert(w), strict=False) if s != t}
    return re.compile(f"[{''.join(sorted(chars))}]")


def simplified_heading(text: str) -> str:
    """``text`` in simplified script when it holds a heading's word in traditional script
    (二、行政處罰（3項）), else as it is.

    >>> simplified_heading("二、行政處罰（3項）"), simplified_heading("县林业局")
    ('二、行政处罚（3项）', '县林业局')
    """
    if not _traditional_heading().search(text):
        return text
    from opencc import OpenCC

    return str(OpenCC("t2s").convert(text))


def section_type(heading: str) -> str | None:
    """The power type a section heading inside a table names, if it names one (the longest
    vocabulary word it contains), in simplified or traditional script.

    >>> section_type("一、行政许可（12项）"), section_type("行政强制措施类")
    ('行政许可', '行政强制措施')
    >>> section_type("一、本级权力事项") is None, section_type("二、行政處罰（3項）")
    (True, '行政处罚')
    """
    text = simplified_heading(_squash(heading))
    if len(text) > MAX_SECTION_CHARS:
        return None
    return next((w for w in _types_by_length() if w in text), None)


def types_named(text: str) -> list[str]:
    """The power types ``text`` names, each once, a shorter one left out when a longer one named
    holds it (行政强制 in 行政强制措施), and none that is part of a body's name (行政审批局).

    >>> types_named("鸠江区水务局行政许可分表"), types_named("行政许可和行政强制措施清单")
    (['行政许可'], ['行政强制措施', '行政许可'])
    >>> types_named("某县行政审批服务局权力清单")
    []
    """
    text = _squash(text)
    found: list[str] = []
    for word in _types_by_length():
        if any(word in longer for longer in found):
            continue
        if any(not _BODY_AFTER.match(text, m.end()) for m in re.finditer(re.escape(word), text)):
            found.append(word)
    return found


def is_power_type(text: str) -> bool:
    """True when ``text`` is a power type of the closed vocabulary (or a listed variant), also
    with 类 after it (行政审批类).

    >>> is_power_type("行政处罚"), is_power_type("其他权力"), is_power_type("对医疗救助的监督检查")
    (True, True, False)
    >>> is_power_type("行政审批类"), is_power_type("类")
    (True, False)
    """
    word = _squash(text)
    words = _words("power_types")
    return word in words or (word.endswith("类") and word[:-1] in words)


def is_level(text: str) -> bool:
    """True when ``text`` is one or more exercise levels joined by 、 (or , /).

    >>> is_level("市级、区县级"), is_level("县级以上")
    (True, False)
    """
    return _level_pattern().fullmatch(_squash(text)) is not None


def is_no_place(text: str) -> bool:
    """True when ``text`` ends as a region's name does and names none (社区, 园区).

    >>> is_no_place("社区"), is_no_place("临江区")
    (True, False)
    """
    return _squash(text) in _words("not_places")


def is_org_name(text: str) -> bool:
    """True when ``text`` has the shape of one or more organisation names joined by ``/`` or 、.

    >>> is_org_name("县人力社保局/县医保局"), is_org_name("由社会保险行政部门")
    (True, False)
    """
    text = text.strip()
    if not text or len(text) > load_vocab()["organisations"]["max_length"]:
        return False
    return _org_pattern().fullmatch(text) is not None


def is_time_limit(text: str) -> bool:
    """True when ``text`` is a time limit (60个工作日, 即办, 三十日).

    >>> is_time_limit("60个工作日"), is_time_limit("无明确规定")
    (True, False)
    """
    return _pattern("time_limits").fullmatch(text.strip()) is not None


def is_phone(text: str) -> bool:
    """True when ``text`` is a telephone number.

    >>> is_phone("0891-6332123"), is_phone("60个工作日")
    (True, False)
    """
    return _pattern("phones").fullmatch(text.strip()) is not None


def is_code(text: str) -> bool:
    """True when ``text`` has the shape of an item code (ASCII letters, digits, dashes).

    >>> is_code("DZQYBJXZC-F-881"), is_code("行政处罚")
    (True, False)
    """
    return _pattern("codes").fullmatch(text.strip()) is not None


def is_serial(text: str) -> bool:
    """True when ``text`` is a bare serial number; ``1.`` and ``1、`` are sub-line numbers.

    >>> is_serial("4267"), is_serial("1.")
    (True, False)
    """
    return _pattern("serials").fullmatch(text.strip()) is not None


def is_ditto(text: str) -> bool:
    """True when ``text`` says its cell holds what the same cell of the item above holds.

    >>> is_ditto("同上一项"), is_ditto("〃"), is_ditto("见第3项"), is_ditto("同意")
    (True, True, False, False)
    """
    bare = "".join(text.split()).rstrip("。.")
    return _pattern("ditto_marks").fullmatch(bare) is not None


#: Numbers written as one character: circled (① … ⑳), in parentheses (⑴ … ⒇) and with a full
#: stop (⒈ … ⒛), each block's first character standing for 1.
ENCLOSED_NUMBERS = "\u2460-\u2473\u2474-\u2487\u2488-\u249b"
_ENCLOSED_FIRSTS = (0x2460, 0x2474, 0x2488)


def enclosed_number(char: str) -> int | None:
    """The number a one-character enclosed number stands for, else None.

    >>> enclosed_number("③"), enclosed_number("⑵"), enclosed_number("⒈"), enclosed_number("3")
    (3, 2, 1, None)
    """
    if len(char) != 1:
        return None
    code = ord(char)
    return next((code - f + 1 for f in _ENCLOSED_FIRSTS if f <= code < f + 20), None)


def is_compound_serial(text: str) -> bool:
    """True when ``text`` is a serial written with its main item's number or in brackets.

    >>> is_compound_serial("1-1"), is_compound_serial("（3）"), is_compound_serial("2017.10.1")
    (True, True, False)
    """
    return _pattern("compound_serials").fullmatch(text.strip()) is not None


def starts_citation(text: str) -> bool:
    """True when ``text`` opens with a citation: optional numbering, then a title mark.

    >>> starts_citation("2.《社会保险法》第九十三条。"), starts_citation("1. 不依法处理举报")
    (True, False)
    """
    return _pattern("citation_starts").match(text.lstrip()) is not None


def starts_item_name(text: str) -> bool:
    """True when ``text`` opens the way a cell run into an organisation name does: an item name
    (对…的处罚) or a citation.

    >>> starts_item_name("对用人单位不办理社会保险登记的处罚"), starts_item_name("对外联络")
    (True, False)
    """
    return _pattern("item_name_starts").match(text) is not None


@cache
def _cell_starts() -> tuple[tuple[str, re.Pattern[str]], ...]:
    patterns = load_vocab()["cell_starts"]["patterns"]
    return tuple((key, re.compile(pattern)) for key, pattern in patterns.items())


def cell_opening(text: str) -> str | None:
    """The field whose cell ``text`` opens the way the national template opens it (1.受理阶段责任：…
    opens responsibility, 因不履行… accountability), or None.

    >>> cell_opening("1.受理阶段责任：公示依法应当提交的材料"), cell_opening("因不履行或不正确履行")
    ('responsibility', 'accountability')
    >>> cell_opening("《行政许可法》第三十条") is None
    True
    """
    text = text.lstrip()
    return next((key for key, pattern in _cell_starts() if pattern.match(text)), None)


@cache
def _section_heading() -> re.Pattern[str]:
    return re.compile(load_vocab()["section_headings"]["pattern"])


@cache
def _section_kinds() -> re.Pattern[str]:
    return re.compile(f"(?:{load_vocab()['section_headings']['kinds']})+$")


def is_section_heading(line: str) -> bool:
    """True when ``line`` is a group row of a flattened list that names a power type: an ordinal
    or an item count around the type (一、行政许可(3项), 行政处罚 共31项); a bare type is a cell.
    A department's name with the count of its items (县林业局（12项）) heads a department's
    section of a list of several departments; so does a section's heading printed again where a
    page break cut it, with （续） (continued) in place of the count.

    >>> is_section_heading("一、行政许可(3项)"), is_section_heading("行政处罚 共31项")
    (True, True)
    >>> is_section_heading("县医疗保障局（3项）"), is_section_heading("县医疗保障局")
    (True, False)
    >>> is_section_heading("行政许可"), is_section_heading("一、区发展和改革委员会")
    (False, False)
    >>> is_section_heading("一、县医疗保障局（续）"), is_section_heading("二、行政处罚(续)")
    (True, True)
    >>> is_section_heading("二、行政處罰（3項）")
    True
    """
    text = simplified_heading(line.strip())
    if len(text) > MAX_SECTION_CHARS + 10:
        return False
    match = _section_heading().fullmatch(text)
    if match is None:
        return False
    word = match.group("a") or match.group("b")
    # 二、县医疗保障局（续）: a department's section printed on over a page break
    if (match.group("b") or match.group("c")) and is_org_name(word):
        return True
    return is_power_type(word) or is_power_type(_section_kinds().sub("", word))


def section_department(line: str) -> str | None:
    """The department a group row names (县林业局（12项）, a department's section of a list of
    several departments), or None: its name with a count, an ordinal (二、县医疗保障局), or alone
    (a row of a table, a heading over one, holding nothing but the name).

    >>> section_department("县医疗保障局（3项）"), section_department("一、行政许可(3项)")
    ('县医疗保障局', None)
    >>> section_department("二、县医疗保障局"), section_department("县人力社保局")
    ('县医疗保障局', '县人力社保局')
    >>> section_department("县人力社保局权责清单") is None
    True
    >>> section_department("【县林业局】"), section_department("二、县林业局（单位编码：11501）")
    ('县林业局', '县林业局')
    >>> section_department("二、县人力资源和社会保障局"), section_department("（二）县林业局")
    ('县人力资源和社会保障局', '县林业局')
    """
    text = line.strip()
    if (bracketed := _BRACKETED.fullmatch(text)) is not None:
        text = bracketed.group(1).strip()  # 【县林业局】: a heading set in brackets
    text = _LABELLED_NOTE.sub("", text)
    match = _section_heading().fullmatch(text)
    if match is not None:
        word = match.group("b") or match.group("a")
    else:  # an ordinal before a name longer than a type's (二、县人力资源和社会保障局)
        opening = ORDINAL.match(text)
        word = text[opening.end() :].strip() if opening else text
    return word if word and is_org_name(word) else None


# A Chinese ordinal opening a heading (二、 / （二）): before an office's name alone, a department's
# section of a list of several departments printed under one header (二、县住房和城乡建设局).
ORDINAL = re.compile(
    r"\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）])"
)
# A heading set in square brackets of any width, as a page marks a department's part.
_BRACKETED = re.compile(r"[【〔〖\[［](.+)[】〕〗\]］]")
# A labelled note in brackets after a department's name in its heading (（单位编码：11501）).
_LABELLED_NOTE = re.compile(r"\s*[（(][^（）()]{0,20}[:：][^（）()]{0,30}[)）]$")


def section_count(line: str) -> int | None:
    """The number of items a section heading says it holds (一、行政许可（12项）, 行政处罚 共31项,
    县林业局（12项）), or None when it says none.

    >>> section_count("一、行政许可（共12项）"), section_count("行政处罚共计45项")
    (12, 45)
    >>> section_count("二、行政处罚") is None
    True
    """
    match = _section_heading().fullmatch(line.strip())
    if match is None:
        return None
    said = next((match.group(g) for g in "nmpq" if match.group(g)), None)
    return int(said) if said is not None else None


@cache
def _sub_headers() -> dict[str, str]:
    families = load_vocab()["sub_headers"]["families"]
    return {word: key for key, words in families.items() for word in words}


def sub_header_family(word: str) -> str | None:
    """The field key of the column that ``word`` divides in a two-level header (法律 and 行政法规
    divide the basis column, 主项 and 子项 the name), or None.

    >>> sub_header_family("行政法规"), sub_header_family("子项"), sub_header_family("备注")
    ('basis', 'name', None)
    """
    return _sub_headers().get(_squash(word))


def is_sub_header(word: str) -> bool:
    """True when ``word`` is a lower-row word of a two-level header (see :func:`sub_header_family`).

    >>> is_sub_header("地方性法规"), is_sub_header("执法依据")
    (True, False)
    """
    return sub_header_family(word) is not None


def is_item_name_like(text: str) -> bool:
    """True when ``text`` ends the way an item name does, with the act of the power.

    >>> is_item_name_like("教师资格认定"), is_item_name_like("实施对象")
    (True, False)
    """
    return _pattern("item_name_ends").fullmatch(text.strip()) is not None


def is_article_end(line: str) -> bool:
    """True when ``line`` ends an article (a WeChat post's END, 往期推荐 over links to others):
    what follows is no text of the list above it.

    >>> is_article_end("- END -"), is_article_end("往期推荐"), is_article_end("推荐")
    (True, True, False)
    """
    return _pattern("article_ends").fullmatch(line.strip()) is not None


def is_table_note(cell: str) -> bool:
    """True when ``cell``, the first filled cell of a row, opens a note (注：…, 说明：…) or a count
    of the items (合计 共12项) rather than an item.

    >>> is_table_note("注：以最新规定为准。"), is_table_note("合计"), is_table_note("共5项")
    (True, True, True)
    >>> is_table_note("注销登记"), is_table_note("1")
    (False, False)
    """
    return _pattern("table_notes").fullmatch(cell.strip()) is not None


@cache
def _list_title() -> re.Pattern[str]:
    return re.compile(load_vocab()["list_titles"]["pattern"])


def is_list_title(line: str) -> bool:
    """True when ``line`` opens a list on a page (附件2, …事项清单（2023年版）, 类别：行政许可).

    >>> is_list_title("附件2"), is_list_title("綦江区林业局行政权力事项清单")
    (True, True)
    >>> is_list_title("依法应当举行听证而不举行听证的;")
    False
    """
    text = line.strip()
    return len(text) <= 60 and _list_title().fullmatch(text) is not None


def is_placeholder(text: str) -> bool:
    """True when ``text`` is a placeholder meaning "nothing" (无, /, —).

    >>> is_placeholder("无"), is_placeholder("无明确规定")
    (True, False)
    """
    return text.strip() in _words("placeholders")


def is_page_chrome(line: str) -> bool:
    """True when ``line`` is web-page furniture around a list (breadcrumb, share and print links).

    >>> is_page_chrome("扫一扫在手机打开当前页"), is_page_chrome("巫溪县医疗保障局行政权力事项清单")
    (True, False)
    """
    return _chrome_pattern().fullmatch(line.strip()) is not None


def label_separators() -> tuple[str, ...]:
    """What parts a label from its value on a record's line (``vocab.json``
    ``label_separators``): colons in their forms, and the bars that stand for one.

    >>> "︰" in label_separators(), "|" in label_separators()
    (True, False)
    """
    spec = load_vocab()["label_separators"]
    return (*spec["words"], *spec["bars"])


def label_bars() -> tuple[str, ...]:
    """The bars among :func:`label_separators` (｜, ¦): they part only a field's label.

    >>> label_bars()[0]
    '｜'
    """
    return tuple(load_vocab()["label_separators"]["bars"])


def is_label_separator(text: str) -> bool:
    """True when ``text``, white space aside, parts a label from its value (事项名称｜县林业局).

    >>> is_label_separator(" ︰ "), is_label_separator("｜"), is_label_separator("|")
    (True, True, False)
    """
    return "".join(text.split()) in label_separators()


def page_key(key: str) -> str | None:
    """What the key of a JSON answer's envelope says of the pages of its list: ``total`` (the
    records the whole list has), ``pages`` (how many pages it has), ``more`` (a next page
    follows) or ``last`` (this page is the last one); None for any other key.

    >>> page_key("totalCount"), page_key("total_pages"), page_key("hasNextPage"), page_key("last")
    ('total', 'pages', 'more', 'last')
    >>> page_key("pageSize") is None
    True
    """
    folded = re.sub(r"[\s_\-]", "", key).lower()
    match = _pattern("page_keys").fullmatch(folded)
    return match.lastgroup if match is not None else None


def is_page_key(key: str) -> bool:
    """True when ``key`` says how much of a list a JSON answer holds (:func:`page_key`)."""
    return page_key(key) is not None
