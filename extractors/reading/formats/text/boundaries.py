"""Where the records of a list in page text begin: at a serial opening a line (or alone in its
paragraph), checked against the power type its stretch holds or the run of serials; without
serials, at blank lines, at a cell of a recognisable shape in its place, or at each line that
does not go on with a cell."""

from __future__ import annotations

import itertools
import re
from array import array
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from extractors.citing.numerals import parse_numeral
from extractors.reading.vocab import (
    ENCLOSED_NUMBERS,
    cell_opening,
    enclosed_number,
    find_glued_cells,
    is_code,
    is_compound_serial,
    is_level,
    is_org_name,
    is_power_type,
    is_section_heading,
    is_serial,
    is_time_limit,
    starts_citation,
)

# A serial opening a line: alone ("4268 县医保局 …"), or run into the name after it ("1对纳税人
# 延期申报的核准", a header and rows flattened without separators); not a number with its unit
# ("15日内提交材料") and not a numbered citation ("1《…》").
_UNITS = "日天月年个次条款项号元万千百岁人户家件台辆吨米倍期批届周分秒时小"
_SERIAL_LINE = re.compile(rf"[ \t\u3000]*(\d{{1,6}})(?=\s|$|[\u4e00-\u9fff](?<![{_UNITS}]))")
# A serial written with a dot ("1. 行政许可 …", "12、林木采伐许可"), as some lists number their
# rows; a numbered line inside a cell looks the same, so it is taken only where bare serials are
# missing, in a run of serials that go up one by one, each record holding its power type. So are
# a serial with a closing bracket (1) / 1）) and an enclosed number (① … ⑳, ⑴, ⒈), the marks a
# list typed in a word processor numbers its rows with, and 第1项.
_DOTTED = re.compile(
    rf"[ \t\u3000]*(?:(?P<d>\d{{1,6}})[.、．)）](?!\d)|第(?P<e>\d{{1,6}})项"
    rf"|(?P<c>[{ENCLOSED_NUMBERS}])(?![{ENCLOSED_NUMBERS}]))"
)
# A sub-item's serial written with its main item's number (1-1, 1－2, 1.1) opening a line, a
# word of its own: in a list numbered 1, 2, 3, the rows of item 1's sub-items.
_SUB_SERIAL = re.compile(r"[ \t\u3000]*(\d{1,6})[-－.．](\d{1,3})(?=\s|$)")
# A numbered line inside a cell (2. / 2、 / （2） / 二、): from the second on, it goes on with
# the enumeration of the cell it is in rather than opening a new cell.
_NUMBERING = re.compile(
    r"\s*(?:[(（](\d{1,2})[)）]|(\d{1,2})[.、．](?!\d)|([一二三四五六七八九十])、)"
)
_CHINESE_DIGITS = "一二三四五六七八九十"
# A serial in Chinese numerals opening a line, a 、 or a dot after it (一、, 十二、): items numbered
# so in the 序号 column of a page's table, spaced or one cell per line; the numeral alone is the
# 序号 cell once its mark is cut.
# So are （一） and 第一项 (the numeral the cell, its marks left out).
_CHINESE_SERIAL = re.compile(
    r"[ \t\u3000]*(?:(?P<n>[一二三四五六七八九十百]{1,4})[、.．]"
    r"|[（(](?P<p>[一二三四五六七八九十百]{1,4})[)）]|第(?P<x>[一二三四五六七八九十百]{1,4})项)"
)
_CHINESE_NUMBER = re.compile(r"[一二三四五六七八九十百]{1,4}")
_CIRCLED = re.compile(rf"\s*[{ENCLOSED_NUMBERS}]\s*")


def is_days(text: str) -> bool:
    """True for a time limit, or a bare number of days under a 时限 header.

    >>> is_days("20个工作日"), is_days("20"), is_days("自然人、法人")
    (True, True, False)
    """
    return is_time_limit(text) or (text.isascii() and text.isdigit() and len(text) <= 3)


def is_row_serial(text: str) -> bool:
    """True for a cell of the 序号 column: a bare serial, one written with its main item's
    number or in brackets (1-1, 2.3, （1）), in Chinese numerals, or an enclosed number (③, ⑶).

    >>> is_row_serial("12"), is_row_serial("1-1"), is_row_serial("1."), is_row_serial("十二")
    (True, True, False, True)
    >>> is_row_serial("③")
    True
    """
    return (
        is_serial(text)
        or is_compound_serial(text)
        or _CHINESE_NUMBER.fullmatch(text) is not None
        or _CIRCLED.fullmatch(text) is not None
    )


#: The shape of the cells of each column that has one.
SHAPES: dict[str, Callable[[str], bool]] = {
    "row": is_row_serial,
    "type": is_power_type,
    "level": is_level,
    "code": is_code,
    "time_limit": is_days,
    "department": is_org_name,
    "guiding_department": is_org_name,
}


def glued_serial(text: str) -> int:
    """The length of a serial run into the text after it at the start of ``text``, or 0.

    >>> glued_serial("1对纳税人延期申报的核准"), glued_serial("15日内"), glued_serial("1 对")
    (1, 0, 0)
    """
    match = _SERIAL_LINE.match(text)
    if match is None or match.end() == len(text) or text[match.end()].isspace():
        return 0
    return match.end()


def numbering(text: str) -> int | None:
    """The number of a numbered line inside a cell (2. / 2、 / （2） / 二、), or None.

    >>> numbering("2.审查阶段责任"), numbering("（3）违反规定的"), numbering("三、")
    (2, 3, 3)
    >>> numbering("2020年") is None
    True
    """
    match = _NUMBERING.match(text)
    if match is None:
        return None
    arabic = match.group(1) or match.group(2)
    return int(arabic) if arabic else _CHINESE_DIGITS.index(match.group(3)) + 1


def dotted_serial(text: str) -> int:
    """The end of the digits of a serial written with a dot at the start of ``text``, or 0.

    >>> dotted_serial("12. 林木采伐许可"), dotted_serial("1.5倍"), dotted_serial("12 林木采伐许可")
    (2, 0, 0)
    >>> dotted_serial("十二、林木"), dotted_serial("3）林木"), dotted_serial("②林木")
    (2, 1, 1)
    """
    mark = serial_mark(text)
    return mark[1] if mark else 0


def serial_mark(text: str) -> tuple[int, int, int] | None:
    """Where the numeral of a serial written with a mark at the start of ``text`` begins and
    ends, and where its mark ends (the mark no part of the 序号 cell), or None.

    >>> serial_mark("12. 林木"), serial_mark("（三）林木"), serial_mark("第十二项 林木")
    ((0, 2, 3), (1, 2, 3), (1, 3, 4))
    """
    match = _DOTTED.match(text) or _CHINESE_SERIAL.match(text)
    if match is None:
        return None
    group = next(g for g in ("d", "e", "c", "n", "p", "x") if g in match.re.groupindex and match[g])
    return match.start(group), match.end(group), match.end()


def _serial_value(match: re.Match[str]) -> int | None:
    """The number a match of :data:`_DOTTED` or :data:`_CHINESE_SERIAL` gives."""
    groups = match.groupdict()
    if groups.get("d") or groups.get("e"):
        return int(groups.get("d") or groups["e"])
    if groups.get("c"):
        return enclosed_number(groups["c"])
    return parse_numeral(groups.get("n") or groups.get("p") or groups.get("x") or "")


# A serial standing alone inside a line, before a word (a transcript that runs several records
# on one line: "… 第 十 五 条 2 校 车 使 用 许 可 …"); not a number with its unit ("3 个工作日").
_INLINE_SERIAL = re.compile(rf"(?<=\s)(\d{{1,6}})\s+(?=[\u4e00-\u9fff](?<![{_UNITS}]))")


def inline_serials(line: str, previous: int | None) -> tuple[list[int], int | None]:
    """Where records may open inside ``line`` (the offsets of serials standing alone, each the
    one after the serial before, starting from ``previous``), and the last serial of the line.

    >>> inline_serials("1 林木采伐许可 行政许可 2 对盗伐林木的处罚 行政处罚 3 个工作日", None)
    ([14], 2)
    """
    opening = _SERIAL_LINE.match(line)
    if opening is not None:
        previous = int(opening.group(1))
    offsets: list[int] = []
    if previous is None:
        return offsets, previous
    for match in _INLINE_SERIAL.finditer(line, opening.end() if opening else 0):
        if int(match.group(1)) == previous + 1:
            offsets.append(match.start())
            previous += 1
    return offsets, previous


def _serial_at(line: str, paragraphs: bool, dotted: bool) -> int | None:
    """The serial that opens ``line``: alone in its paragraph, or opening a line of words; with
    a dot after it when ``dotted``."""
    if dotted:
        match = _DOTTED.match(line)
        alone = match is not None and not line[match.end() :].strip()
        return _serial_value(match) if match and (alone or not paragraphs) else None
    if paragraphs:
        return int(line.strip()) if is_serial(line) else None
    match = _SERIAL_LINE.match(line)
    return int(match.group(1)) if match else None


def record_starts(lines: Sequence[str], keys: Sequence[str | None], paragraphs: bool) -> list[int]:
    """The lines that open a record: a serial number at the start of the line (alone in its
    paragraph when the body has one cell per paragraph).

    A numbered sub-line inside a cell is written ``1.`` / ``1、`` and is no candidate. A candidate
    is kept when its stretch holds a power type (if the header has a type column), or else when
    its serial is larger than the one before: a wrapped cell line that happens to open with a
    number is folded back into the record it belongs to. A record printed twice opens with the
    same line again. Serials written with a dot (``1.``) are taken where no bare one is found,
    under a header with 序号 and type columns: the first opens the body, and each must follow the
    one before and open a typed stretch. In a list of bare serials, a line opened by a sub-item's
    serial (1-1 under item 1) opens a row of its own when its stretch holds its type (with a type
    column): it is no more of item 1's last cell.

    >>> lines = ["1 林木采伐许可 行政许可", "15 日内办结", "2 对盗伐林木的处罚 行政处罚"]
    >>> record_starts(lines, ("row", "name", "type"), paragraphs=False)
    [0, 2]
    """
    has_type = "type" in keys
    candidates = _candidates(lines, paragraphs, dotted=False)
    dotted = not candidates.lines and has_type and "row" in keys
    if dotted:
        candidates = _candidates(lines, paragraphs, dotted=True)
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if not candidates.lines or candidates.lines[0] != first:
            candidates = _Candidates()
    if not candidates.lines and "row" in keys:
        candidates = _chinese_candidates(lines, paragraphs, has_type)
        dotted = bool(candidates.lines)
    if not candidates.lines:
        return _unnumbered_starts(lines, keys, paragraphs)
    if not dotted:
        candidates = _with_sub_serials(candidates, lines, paragraphs)
    starts: list[int] = []

    def line_of(i: int) -> list[str]:
        """The line at ``i``, with the next non-blank one when it is a serial alone."""
        following = [line.strip() for line in lines[i : i + 4] if line.strip()]
        return following[:2] if is_serial(following[0]) else following[:1]

    previous = -1
    at, serials = candidates.lines, candidates.serials
    for n, (i, serial) in enumerate(zip(at, serials, strict=True)):
        stop = at[n + 1] if n + 1 < len(at) else len(lines)
        if has_type:
            typed = any(_holds_type(w) for j in range(i, stop) for w in lines[j].split())
            # A record without its type (cut off at the end of the file, or with a type outside
            # the vocabulary) is kept when its serial follows on and the next one follows on
            # from it (a wrapped cell line "15 日内提交材料" rarely does).
            following = serials[n + 1] if n + 1 < len(serials) else serial + 1
            keep = typed or (serial == previous + 1 and following == serial + 1)
            if dotted:  # where a numbered line looks the same, no record without its type
                keep = typed and serial == previous + 1
        else:
            keep = serial > previous
        sub = candidates.sub[n]
        if sub:
            # 1-1 under item 1 (or 3-1 under item 2): a row of its own, holding its own type
            # (with a type column); the bare serial after it follows on from the one before it
            keep = serial >= previous and (not has_type or typed)
        # a record printed twice opens with the same line again
        again = (
            bool(starts) and serial == previous and not sub and line_of(i) == line_of(starts[-1])
        )
        if keep or again or not starts:
            starts.append(i)
            previous = previous if sub else serial
    return (
        _before_serials(lines, starts, keys.index("row"))
        if paragraphs and "row" in keys
        else starts
    )


def _before_serials(lines: Sequence[str], serials: list[int], column: int) -> list[int]:
    """Where records of one cell per paragraph open when the 序号 column is not the first: as
    many paragraphs before each serial as the header has columns before it (a 序号 at the right
    ends its record)."""
    if not column:
        return serials
    heads = [i for i, line in enumerate(lines) if line.strip() and not (i and lines[i - 1].strip())]
    at = {head: n for n, head in enumerate(heads)}
    return sorted({heads[max(at[i] - column, 0)] for i in serials if i in at})


@dataclass(frozen=True, slots=True)
class _Candidates:
    """The lines that may open a record and their serials, as arrays (16 bytes a record, where
    a list of pairs takes some 120)."""

    lines: array[int] = field(default_factory=lambda: array("q"))
    serials: array[int] = field(default_factory=lambda: array("q"))
    #: 1 where the serial is a sub-item's (1-1: ``serials`` holds its main item's number, 1)
    sub: array[int] = field(default_factory=lambda: array("b"))


def _candidates(lines: Sequence[str], paragraphs: bool, *, dotted: bool) -> _Candidates:
    """Every line that may open a record, and its serial."""
    found = _Candidates()
    blank = True  # the line before
    for i, line in enumerate(lines):
        after_blank, blank = blank, not line.strip()
        if paragraphs and i and not after_blank:
            continue
        serial = _serial_at(line, paragraphs, dotted)
        if serial is not None:
            found.lines.append(i)
            found.serials.append(serial)
            found.sub.append(0)
    return found


def _chinese_candidates(lines: Sequence[str], paragraphs: bool, has_type: bool) -> _Candidates:
    """The lines opened by serials in Chinese numerals (一、 二、 三、), under a header with a
    序号 column where no line opens with an Arabic serial. A numbered line inside a cell, or a
    section heading (一、行政许可), looks the same: they are taken only as a run that opens the
    body and goes up one by one (一、 then 二、), each serial alone in its paragraph when the
    body has one cell per paragraph, each stretch holding its power type (with a type column),
    and never a line that reads as a section heading."""
    found = _Candidates()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    blank = True
    for i, line in enumerate(lines):
        after_blank, blank = blank, not line.strip()
        if paragraphs and i and not after_blank:
            continue
        match = _CHINESE_SERIAL.match(line)
        if (
            match is None
            or is_section_heading(line)
            or (paragraphs and line[match.end() :].strip())
        ):
            continue
        number = _serial_value(match)
        expected = found.serials[-1] + 1 if found.serials else 1
        if number != expected:
            continue
        found.lines.append(i)
        found.serials.append(number)
        found.sub.append(0)
    if not found.lines or found.lines[0] != first:
        return _Candidates()
    if has_type:
        ends = [*found.lines[1:], len(lines)]
        typed = all(
            any(_holds_type(w) for j in range(a, b) for w in lines[j].split())
            for a, b in zip(found.lines, ends, strict=True)
        )
        if not typed:
            return _Candidates()
    return found


# Gaps between the cells of a spaced row.
_GAPS = re.compile(r"[ \t\u3000]{2,}")


def _with_sub_serials(bare: _Candidates, lines: Sequence[str], paragraphs: bool) -> _Candidates:
    """``bare`` with the lines opened by a sub-item's serial (1-1, 1-2 under item 1; alone in its
    paragraph when the body has one cell per paragraph; 1.1, which a cell's numbered line also
    writes, only on a line of three cells or more apart at gaps) among them, in order. A list
    numbered only 1-1, 1-2, 2-1 has no bare serial and is read by its cells' shapes instead."""
    subs: dict[int, int] = {}
    blank = True
    for i, line in enumerate(lines):
        after_blank, blank = blank, not line.strip()
        if paragraphs and i and not after_blank:
            continue
        match = _SUB_SERIAL.match(line)
        if match is None and not paragraphs and (main := _bracketed_main(bare, i, line)):
            subs[i] = main  # (1) / （2） opening a row of cells under item 1: its sub-item
            continue
        if match is None or (paragraphs and line[match.end() :].strip()):
            continue
        dotted = "." in match.group() or "．" in match.group()
        if not paragraphs and dotted and len(_GAPS.findall(line.strip())) < 2:
            continue  # 1.1 受理阶段责任：…, a numbered line of a cell: no row of cells
        subs[i] = int(match.group(1))
    if not subs:
        return bare
    found = _Candidates()
    at = dict(zip(bare.lines, bare.serials, strict=True))
    for i in sorted(at.keys() | subs.keys()):
        found.lines.append(i)
        found.serials.append(at[i] if i in at else subs[i])
        found.sub.append(i not in at)
    return found


# A sub-item's serial in brackets opening a line, a word of its own: (1), （2）.
_BRACKETED = re.compile(r"[ \t\u3000]*[(（]\d{1,3}[)）](?=[ \t\u3000])")


def _bracketed_main(bare: _Candidates, index: int, line: str) -> int | None:
    """The number of the main item a line opened by a bracketed serial ((1), （2）) is a
    sub-item's row of: the bare serial of the nearest record above, when the line holds three
    cells or more apart at gaps (a row of the list's columns; （1）新设审批 alone is a numbered
    line of a cell, ``sublines``); else None."""
    if _BRACKETED.match(line) is None or len(_GAPS.findall(line.strip())) < 2:
        return None
    above = bisect_right(bare.lines, index) - 1
    return bare.serials[above] if above >= 0 else None


def _holds_type(word: str) -> bool:
    """True when ``word`` is a power type, or holds one run together with the cells around it
    (行政许可市地税局…, 1行政许可, 1.行政许可)."""
    mark = serial_mark(word)
    word = word[mark[2] if mark else glued_serial(word) :]
    if is_power_type(word):
        return True
    cuts = [0, *find_glued_cells(word), len(word)]
    return len(cuts) > 2 and any(is_power_type(word[a:b]) for a, b in itertools.pairwise(cuts))


def _unnumbered_starts(
    lines: Sequence[str], keys: Sequence[str | None], paragraphs: bool
) -> list[int]:
    """The lines that open a record in a list without serial numbers.

    Pages without a 序号 column separate their records by blank lines, or write each record on
    a line whose first cells have a shape of their own: the first column (a power type:
    ``行政处罚 对…的处罚 …``; a code: ``330217001000 城乡居民养老保险待遇申领 …``), or the
    power type in its place after the name (``林木采伐许可 行政许可 …``). Failing both, each
    line is a record, but for the lines that go on with a cell (a numbered line, a citation,
    受理阶段责任：…, a line after a colon). With one cell per paragraph, a record opens as many
    paragraphs before its power type (or code) as the header has columns before it.
    """
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if not filled:
        return []
    if paragraphs:
        return _paragraph_starts(lines, keys, filled)
    after_blank = [i for n, i in enumerate(filled) if n == 0 or i - filled[n - 1] > 1]
    if len(after_blank) > 1:
        return after_blank
    at = next((n for n, k in enumerate(keys) if k in ("type", "code")), None)
    anchor = SHAPES.get(keys[0] or "") if keys else None
    if anchor is not None:
        starts = [i for i in filled if _opens_with(lines[i], anchor)]
    elif at is not None and at <= 2:
        test = SHAPES[keys[at] or ""]
        starts = [i for i in filled if _word_at(lines[i], at, test)]
    else:
        starts = []
    if starts:
        return starts if starts[0] == filled[0] else [filled[0], *starts]
    return [
        i
        for n, i in enumerate(filled)
        if not n or not (_goes_on(lines[i]) or lines[filled[n - 1]].rstrip().endswith(("：", ":")))
    ]


def _goes_on(line: str) -> bool:
    """True for a line that goes on with the cell above rather than opening a record: numbered
    (a name never is), or opening with a citation or a responsibility or accountability cell."""
    return numbering(line) is not None or starts_citation(line) or cell_opening(line) is not None


def _word_at(line: str, at: int, test: Callable[[str], bool]) -> bool:
    """True when the word of ``line`` in place ``at`` passes ``test``."""
    words = line.split()
    return at < len(words) and test(words[at])


def _paragraph_starts(
    lines: Sequence[str], keys: Sequence[str | None], filled: Sequence[int]
) -> list[int]:
    """Records of one cell per paragraph without serials: each opens as many paragraphs before
    its power type (or code) as the header has columns before that column."""
    heads = [i for n, i in enumerate(filled) if n == 0 or i - filled[n - 1] > 1]
    # the first column whose cells have a shape, and how many columns stand before it
    before = next((n for n, k in enumerate(keys) if k in ("type", "code")), None)
    if before is None:
        return heads[:1]
    test = SHAPES[keys[before] or ""]
    starts = {heads[max(n - before, 0)] for n, i in enumerate(heads) if test(lines[i].strip())}
    return sorted(starts | {heads[0]})


def _opens_with(line: str, test: Callable[[str], bool]) -> bool:
    """True when the first token of ``line``, or its part before a glued cell, passes ``test``."""
    words = line.split(maxsplit=1)
    if not words:
        return False
    first = words[0]
    cuts = find_glued_cells(first)
    return test(first) or (bool(cuts) and test(first[: cuts[0]]))
