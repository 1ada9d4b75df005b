"""Reads vertical records, one field per line or table row (``事项名称：…``, ``实施主体 县医保局``,
``类别 | 行政许可``), into a Grid whose header is the labels in the order first seen."""

from __future__ import annotations

import heapq
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from extractors.models import Anomaly, Reject
from extractors.reading.formats.fieldorder import read_field_order
from extractors.reading.formats.furniture import is_rule, is_running_header, running_headers
from extractors.reading.formats.grid import Grid, SourceRow
from extractors.reading.formats.ragged import FIELD_SHAPES
from extractors.reading.formats.text.hyphens import join_hyphenated
from extractors.reading.headers import (
    MAX_HEADER_CHARS,
    SUBITEM,
    is_header,
    map_header,
    to_simplified,
)
from extractors.reading.meta import unmarked
from extractors.reading.vocab import (
    ENCLOSED_NUMBERS,
    is_list_title,
    is_org_name,
    is_page_chrome,
    is_power_type,
    is_section_heading,
    label_bars,
    label_separators,
    section_department,
)

_SPACE = "[ \\t\\u3000]"
# "事项名称：城乡医疗救助", "3. 设定依据: 《社会救助暂行办法》", "类 别：行政许可": a label is
# short, without spaces unless letter-spaced (one character, one to three spaces, one character
# …). Forms mark it too: a bullet (■ 事项名称：), a Chinese number (一、事项名称：, （一）), or
# brackets in place of the colon (【事项名称】…, [事项名称], 〔设定依据〕).
# A Markdown list item's marker (- 事项名称：…, * …, + …, nested under 1. 事项名称：…) marks it too:
# a page converter writes each field of an item page as a list item.
_MARK = r"(?:[■□●○◆◇▲△►▶•·※★☆]|[-+*](?=[ \t\u3000]))"
_DIGITS = r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})"
# An enclosed number (① ⑴ ⒈) numbers a record as well: a form pasted from a post or a Word list.
_NUMBER = rf"{_DIGITS}[.、．]|[（(]{_DIGITS}[)）]|[{ENCLOSED_NUMBERS}]"
# Brackets a form may set its labels in: 【事项名称】, [事项名称], ［…］, 〔设定依据〕.
_OPEN, _CLOSE, _BRACKETS = "[【\\[［〔]", "[】\\]］〕]", "【】\\[\\]［］〔〕"
# The colon: full- or half-width, the ratio sign a Chinese input method gives for it (∶), its
# presentation forms (︰), or a bar a portal's item page parts label and value with (事项名称｜…):
# vocab.json ``label_separators``.
_COLON = "".join(re.escape(c) for c in label_separators())
_BARS = frozenset(label_bars())
_LABEL = re.compile(
    rf"{_SPACE}*(?:{_MARK}{_SPACE}*)?(?:({_NUMBER}){_SPACE}*)?"
    rf"(?:{_OPEN}{_SPACE}*([^{_BRACKETS}{_COLON}\s]{{2,16}}){_SPACE}*{_CLOSE}{_SPACE}*[{_COLON}]?"
    rf"|([^{_COLON}\s{_BRACKETS}]{{2,16}}|[^{_COLON}\s](?:{_SPACE}{{1,3}}[^{_COLON}\s]){{1,7}})"
    rf"{_SPACE}*[{_COLON}])"
    rf"{_SPACE}*(.*)"
)
# A label that names no field (责任处室, 追责对象范围) is only taken inside a record, unnumbered,
# and in Chinese words: 第十三条： or 1、受理责任： inside a value are no labels.
_OTHER_LABEL = re.compile(r"(?!第)[\u4e00-\u9fff（）()]{2,10}")
# The column of text that belongs to no label (a cell run into the value of a short field).
UNLABELLED = "无标签文字"
# The labels given to a record's name and serial when they come from a heading line.
_NAME_LABEL, _ROW_LABEL = "事项名称", "序号"
# A heading that names the record below it: "## 1. 城乡医疗救助", "（一）城乡医疗救助", "（1）…",
# "【…】".
_HEADING = re.compile(
    r"#*\s*(?:(\d{1,6}|[一二三四五六七八九十百]+)\s*[.．、]|[（(]?[一二三四五六七八九十百]+[)）]"
    r"|[（(]\d{1,6}[)）]|第[一二三四五六七八九十百\d]+项)?"
    r"\s*【?(.+?)】?"
)
# A further annex's heading (附件2 责任清单): it opens other records, never text of a value.
_ANNEX = re.compile(r"\s*(?:附件|附表)\s*\d{1,2}\s*[:：、.]?\s*\S{0,30}\s*")
_SENTENCE_END = re.compile(r"[。；;，,、：:]$")
# A Markdown thematic break (---, ___) between records: a rule, though shorter than furniture's.
_BREAK_RULE = re.compile(r"[ \t]*(?:-{3,}|_{3,})[ \t]*")
_MAX_HEADING = 40


def _squash(text: str) -> str:
    return "".join(text.split())


@dataclass(frozen=True, slots=True)
class _Event:
    """One step of a vertical list: a label with its value, or more text (``label`` None) for
    the value above. ``known`` labels name a field; only they start records. A ``gap`` is a line
    between the rows of a table: a heading when a record starts below it, else context."""

    line: int
    label: str | None
    value: str
    known: bool = True
    gap: bool = False
    #: a section heading between records (一、行政许可): a row of its own, typing those below
    section: bool = False
    #: a blank line (or a rule) is right above it
    after_blank: bool = False
    #: the line as written, for a label's line (context, when it is no record's)
    text: str = ""


def _colon_label(line: str) -> tuple[str, str] | None:
    """(label, value) when ``line`` opens with ``label：``."""
    match = _LABEL.fullmatch(line)
    if match is None:
        return None
    if match.group(2) is not None and map_header(match.group(2)) is None:
        return None  # 【法律】《…》 inside a basis: a bracketed label names a field, or is none
    label, value = match.group(2) or match.group(3), match.group(4).strip()
    if match.group(3) is not None and map_header(label) is None:
        separator = line[match.end(3) :].lstrip(" \t\u3000")[:1]
        if separator in _BARS:
            return None  # 受理｜审查 inside a value: a bar parts only a field's label
    if label.startswith("**") and value.startswith("**"):
        value = value[2:].lstrip()  # **事项名称：**城乡医疗救助: the bold closes after the colon
    return label, value


#: Why a record written as label：value lines under a list's table is none of its items.
RECORDS_UNDER_TABLE = (
    "a record written as label：value lines under the list's table (a 责任清单 after the "
    "权力清单): not joined to the item it names, nor read as an item of its own"
)


def labelled_value(line: str) -> tuple[str, str, str] | None:
    """(label, key, value) when ``line`` opens with the label of a field and a value after it
    (``事项名称：林木采伐``), else None: a line of a record written under a list's table.

    >>> labelled_value("追责依据：《公务员法》第六十二条")
    ('追责依据', 'accountability_basis', '《公务员法》第六十二条')
    >>> labelled_value("事项名称："), labelled_value("依法受理申请")
    (None, None)
    """
    found = _colon_label(line)
    if found is None or not found[1]:
        return None
    key = map_header(found[0])
    return None if key is None else (found[0], key, found[1])


#: A numbered line of a value (2. / 2、 / （2） / ②), going on with the value above it.
_VALUE_LINE = re.compile(rf"\s*(?:\d{{1,2}}[.、．](?!\d)|[（(]\d{{1,2}}[)）]|[{ENCLOSED_NUMBERS}])")


def goes_on_value(line: str) -> bool:
    """True for a line inside a record that goes on with the value above it: a numbered line
    (2.审查阶段责任：…, （2）…), or a label that names no field before a colon (审查阶段责任：…);
    not a title or an annex's label between records (附件3, 某县林业局责任清单).

    >>> goes_on_value("2.审查阶段责任：审查材料"), goes_on_value("审查阶段责任：审查材料")
    (True, True)
    >>> goes_on_value("附件3"), goes_on_value("某县林业局责任清单（二）")
    (False, False)
    """
    if _VALUE_LINE.match(line):
        return True
    found = _colon_label(line)
    return found is not None and bool(found[1]) and map_header(found[0]) is None


def label_key(line: str) -> str | None:
    """The key of the field whose label ``line`` opens with, a value after it, else None.

    >>> label_key("事项名称：林木采伐"), label_key("责任事项：受理"), label_key("事项名称：")
    ('name', 'responsibility', None)
    """
    found = _colon_label(line)
    return map_header(found[0]) if found is not None and found[1] else None


def opens_named_record(line: str, below: str) -> bool:
    """True when ``line`` opens a label：value record with the item's name (事项名称：…) and
    ``below``, its next line written, gives another field by its label (责任事项：…), or with
    its serial (序号：1) and ``below`` gives the name: records
    written under a table (a 责任清单 after the 权力清单), never a cell of it.

    >>> opens_named_record("事项名称：林木采伐许可证核发", "追责依据：《公务员法》第六十二条")
    True
    >>> opens_named_record("事项名称：林木采伐许可证核发", "1  对盗伐林木的处罚  行政处罚")
    False
    >>> opens_named_record("序号：1", "事项名称：林木采伐许可证核发")
    True
    """
    found = _colon_label(line)
    key = map_header(found[0]) if found is not None and found[1] else None
    if key not in ("name", "row"):
        return False
    next_found = _colon_label(below)
    if next_found is None or not next_found[1]:
        return False
    # a record may open with its serial's label, 序号：1 over 事项名称：…
    below_key = map_header(next_found[0])
    return below_key == "name" if key == "row" else below_key not in (None, "name")


def records_rejected(text: str, first: int, path: str, reason: str) -> list[Reject]:
    """A reject for each label：value record of ``text`` (its first line the page's line
    ``first``), with its labels and values and ``reason``; one for its lines outside every
    record (a heading between them)."""
    grid = read_labelled(text)
    rejects = []
    if grid.rows:
        labels = grid.rows[0].cells
        for row in grid.rows[1:]:
            # a record's cells with their labels; a heading between records (one cell) alone
            filled = [(k, v) for k, v in zip(labels, row.raw, strict=False) if v]
            shown = " | ".join(f"{k}：{v}" if len(filled) > 1 else v for k, v in filled)
            rejects.append(Reject(path, first + row.line - 1, shown, reason))
    rejects += [
        Reject(path, first + n - 1, line, reason) for n, line in grid.context if line.strip()
    ]
    return sorted(rejects, key=lambda r: r.line)


def _label_number(line: str) -> str | None:
    """The number written before the label of ``line`` (``1.`` of 1. 事项名称：…), without its
    dot, or None."""
    match = _LABEL.fullmatch(line)
    return match.group(1).rstrip(".、．") if match is not None and match.group(1) else None


# A serial alone on its line (1. / 2、 / （3）, or a bare 2, which may be a page's number at its
# foot), over the record it numbers.
_BARE_SERIAL = re.compile(rf"{_SPACE}*({_NUMBER}|\d{{1,4}}){_SPACE}*")


def _item_serials(
    lines: Sequence[str], colon: Sequence[tuple[str, str] | None]
) -> tuple[dict[int, str], set[int]]:
    """The item serials of a page of records, by the index of the line they are written on: the
    number before each record's first label (1. 事项名称：… 事项类型：…), or alone on the line
    above it (1. over 事项名称：…; a bare 1 only above every record). Forms that number their
    fields instead (1. 事项名称：… 2. 事项类型：…) number labels of other fields than the one
    records open with: none then. Also the lines of a bare number above some records only: a
    page's number at its foot, between two records (never more of the value above).

    >>> lines = ["1. 事项名称：甲", "事项类型：许可", "2、事项名称：乙", "事项类型：处罚"]
    >>> _item_serials(lines, [_colon_label(line) for line in lines])
    ({0: '1', 2: '2'}, set())
    >>> lines = ["1. 事项名称：甲", "2. 事项类型：许可", "1. 事项名称：乙", "2. 事项类型：处罚"]
    >>> _item_serials(lines, [_colon_label(line) for line in lines])
    ({}, set())
    >>> lines = ["事项名称：甲", "事项类型：许可", "", "2", "", "事项名称：乙", "事项类型：处罚"]
    >>> _item_serials(lines, [_colon_label(line) for line in lines])
    ({}, {3})
    """
    keyed = [
        (index, key)
        for index, found in enumerate(colon)
        if found is not None and (key := map_header(found[0])) is not None
    ]
    if not keyed:
        return {}, set()
    numbered = {key for index, key in keyed if _label_number(lines[index]) is not None}
    if len(numbered) > 1:
        return {}, set()  # numbered fields
    # the field records open with: the one numbered, else the name (a notice's 依据：… above
    # the records opens none)
    keys = {key for _, key in keyed}
    opening = next(iter(numbered), "name" if "name" in keys else keyed[0][1])
    serials: dict[int, str] = {}
    bare: dict[int, str] = {}
    records = 0
    for index, key in keyed:
        number = _label_number(lines[index])
        records += key == opening
        if number is not None:
            serials[index] = number
        elif (
            key == opening
            and (above := _serial_above(lines, index)) is not None
            and not _under_a_bare_label(lines, colon, above[0])
        ):
            serial = above[1].rstrip(".、．")
            (bare if serial == above[1] and serial.isdigit() else serials)[above[0]] = serial
    if bare and len(bare) == records:
        return {**serials, **bare}, set()
    return serials, set(bare)


def _under_a_bare_label(
    lines: Sequence[str], colon: Sequence[tuple[str, str] | None], index: int
) -> bool:
    """True when the line above line ``index`` (blank lines between) is a label without a value
    (法定期限： over 20): line ``index`` is its value."""
    above = index - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    if above < 0:
        return False
    found = colon[above]
    if found is not None:
        return not found[1]
    return map_header(lines[above].strip()) is not None


def _label_alone(line: str) -> tuple[str, str] | None:
    """(label, "") for a line that is a field's label and nothing else (事项名称), else None."""
    return (line.strip(), "") if map_header(line.strip()) is not None else None


def _serial_above(lines: Sequence[str], index: int) -> tuple[int, str] | None:
    """(index, serial as written) of a serial alone on the line above line ``index`` (blank
    lines between), or None."""
    above = index - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    match = _BARE_SERIAL.fullmatch(lines[above]) if above >= 0 else None
    return (above, match.group(1)) if match is not None else None


def _space_labels(line: str) -> list[tuple[str, str]]:
    """The (label, value) pairs of a line whose cells a flattened form separates by spaces:
    ``事项名称 教师资格认定``, ``事项编码 001  职权类别 行政许可`` (several pairs when the words
    alternate label, value with labels of different fields), ``实 施 主 体`` alone (empty)."""
    words = line.split()
    if not words:
        return []
    # A letter-spaced label is a run of one-character words: the longest start of it that
    # names a field (实 施 主 体 县医保局, 备 注 无).
    run = next((n for n, w in enumerate(words) if len(w) > 1), len(words))
    # No header is longer than MAX_HEADER_CHARS: a longer run (a line of 100,000 "|") is not
    # tried at every length, which took minutes.
    run = min(run, MAX_HEADER_CHARS)
    spaced = (k for k in range(run, 1, -1) if map_header("".join(words[:k])) is not None)
    if (size := next(spaced, 0)) > 0:
        label, rest = " ".join(words[:size]), " ".join(words[size:])
    else:
        label, rest = words[0], line.split(maxsplit=1)[1] if len(words) > 1 else ""
        if map_header(label) is None:
            return []
    words = rest.split()
    keys = [map_header(w) for w in words]
    if words and None not in keys:
        return []  # header words one after another: a header row, not a record
    if len(words) >= 3 and len(words) % 2 == 1:
        labels = [label, *words[1::2]]
        pair_keys = [map_header(label), *keys[1::2]]
        if all(k is None for k in keys[::2]) and len(set(pair_keys) - {None}) == len(labels):
            return list(zip(labels, words[::2], strict=True))
    return [(label, rest.strip())]


def _labels_above_values(lines: Sequence[str]) -> int:
    """How many lines are a label alone with a value on the next line that is not blank
    (``事项名称`` / ``城乡医疗救助``); a header one word per line has a label below each label."""
    written = [line.strip() for line in lines if line.strip()]
    return sum(
        1
        for label, below in itertools.pairwise(written)
        if len(label) <= MAX_HEADER_CHARS
        and map_header(label) is not None
        and map_header(below) is None
    )


def read_labelled(text: str) -> Grid:
    """Records of label lines, ``label：value`` or, in a page of such lines without colons,
    ``label value`` with the label a known header; a record ends where a label it already has
    comes again. Lines without a label continue the value above them; lines before the first
    record are context. Inside a record, ``label：value`` lines whose label names no field are
    kept under their own label (unless they sit in a block under a label with no value on its
    line).

    >>> grid = read_labelled("事项名称：城乡医疗救助\\n事项类型：行政确认\\n实施主体：县医保局\\n"
    ...                      "事项名称：医疗保险稽核\\n事项类型：行政检查")
    >>> [r.cells for r in grid.rows[1:]]
    [('城乡医疗救助', '行政确认', '县医保局'), ('医疗保险稽核', '行政检查', '')]
    >>> grid = read_labelled("事项编码 00X1  职权类别 行政许可\\n事项名称 教师资格认定\\n"
    ...                      "实施主体\\n教育局\\n设定依据 《教师法》第十三条")
    >>> grid.rows[0].cells
    ('事项编码', '职权类别', '事项名称', '实施主体', '设定依据')
    >>> grid.rows[1].cells
    ('00X1', '行政许可', '教师资格认定', '教育局', '《教师法》第十三条')
    """
    numbers, lines = _one_pair_a_line(*_side_by_side(text.splitlines()))
    colon = [_colon_label(line) for line in lines]
    serials, pages = _item_serials(lines, colon)
    known = sum(1 for c in colon if c is not None and map_header(c[0]) is not None)
    # the labels the page's records give values to, fields or not
    page_labels = {_squash(c[0]) for c in colon if c is not None and c[1]}
    # ``label value`` lines are read only on a page with no ``label：value`` lines and three
    # lines at least with a label and its value: header words one per line make no record.
    # So are labels alone on their lines, each with its value on the lines below it.
    spaced = known < 3 and (
        sum(any(v for _, v in _space_labels(ln)) for ln in lines) >= 3
        or _labels_above_values(lines) >= 3
    )
    if spaced and not serials:
        # labels alone on their lines, values under them: a serial alone over each record's
        # first label (1 / 事项名称 / 城乡医疗救助 …) numbers it, as over 事项名称：…
        alone = [c or _label_alone(line) for c, line in zip(colon, lines, strict=True)]
        serials, pages = _item_serials(lines, alone)
    events: list[_Event] = []
    started = block = False  # inside a record; in a block under a label without a value
    # The page's layout inside the records is context, never more of a value: rules between
    # records, page numbers and links (vocab.is_page_chrome), and the list's title or date line
    # above the first record printed again at the top of each page.
    running = running_headers(lines[: _first_record(lines, colon, spaced)])
    titles = _title_lines(lines)
    titled = _titled_departments(titles)
    furniture: list[tuple[int, str]] = []
    annex = False  # the line above was a further annex's heading (附件2)
    gap = False  # a blank line or a rule right above
    for index, line in enumerate(lines):
        number = numbers[index]
        if not line.strip() or is_rule(line) or (_BREAK_RULE.fullmatch(line) and not block):
            gap = True  # (--- under a label alone is its placeholder value)
            continue
        above, gap = gap, False
        if started and (
            is_page_chrome(line)
            or index in pages
            or is_running_header(line, running)
            or _ANNEX.fullmatch(line)
            or (annex and colon[index] is None and not is_section_heading(line))
        ):
            # 附件2 and the title under it (某县行政处罚事项) head the records below
            annex = _ANNEX.fullmatch(line) is not None
            furniture.append((number, line.strip()))
            continue
        annex = False
        if is_section_heading(line) or (colon[index] is None and _department_heading(line)):
            # 一、行政许可 (3项): the type of the records below it; 二、县林业局, 【县林业局】:
            # their department
            events.append(_Event(number, None, line.strip(), section=True))
            continue
        if colon[index] is None and (named := titled.get(index)) is not None:
            # 县林业局权责清单 over its records, on a page of several departments' lists
            events.append(_Event(number, None, line.strip(), section=True, text=named))
            continue
        if index in serials:  # 1. 事项名称：…, or 1. over it: the item's serial
            events.append(_Event(number, _ROW_LABEL, serials[index], after_blank=above))
            started, above = True, False
            if colon[index] is None:
                continue
        found = colon[index]
        if found is not None and map_header(found[0]) is not None:
            events.append(_Event(number, *found, after_blank=above, text=line.strip()))
            started, block = True, not found[1]
        elif (
            found is not None
            and started
            and (not block or (not found[1] and _squash(found[0]) in page_labels))
            and _OTHER_LABEL.fullmatch(_squash(found[0])) is not None
        ):
            # under a label with no value, a line that is only a label the page's records use
            # with values (部门职责： in a record whose cells were left blank) is that label, empty
            events.append(_Event(number, *found, known=False))
            block = not found[1]
        elif spaced and (pairs := _space_labels(line)):
            events += [
                _Event(number, label, value, after_blank=above and k == 0)
                for k, (label, value) in enumerate(pairs)
            ]
            started, block = True, not pairs[-1][1]
        else:
            events.append(_Event(number, None, line.strip(), after_blank=above))
    grid = _records_grid(events, tuple(furniture))
    if (title := _one_title(titles)) is not None:
        # one department's list: its title stays the page's (``meta``) and names the
        # department its records fall under (``Grid.owner``)
        grid = replace(grid, owner=(numbers[title], unmarked(lines[title])))
    if len(grid.rows) < 2 and not any(e.label for e in events):
        # no label anywhere: a mobile page's records, a field a line in a fixed order
        return read_field_order(text.splitlines()) or grid
    return grid


# A line of two records printed side by side: a label and its value, a gap, the same label
# and the other record's value (事项名称：A　　　　事项名称：B).
_GAP = r"[ \t\u3000]{2,}"


def _side_by_side(lines: Sequence[str]) -> tuple[list[int], list[str]]:
    """The lines, with each run of lines that print two records side by side (every line a
    label with its value, a gap, the same label with the other's value) read as the left
    record's lines, then the right one's; with each line's 1-based number.

    >>> _side_by_side(["清单", "事项名称：甲　　事项名称：乙", "类型：许可  类型：处罚"])
    ([1, 2, 3, 2, 3], ['清单', '事项名称：甲', '类型：许可', '事项名称：乙', '类型：处罚'])
    """
    numbers: list[int] = []
    out: list[str] = []
    right: list[tuple[int, str]] = []
    for number, line in enumerate([*lines, ""], start=1):
        halves = _halves(line)
        if halves is None and right:
            numbers += [n for n, _ in right]
            out += [text for _, text in right]
            right = []
        if number > len(lines):
            break
        if halves is None:
            numbers.append(number)
            out.append(line)
            continue
        numbers.append(number)
        out.append(halves[0])
        right.append((number, halves[1]))
    return numbers, out


# Where a line may hold the next pair: a gap, a bar between pairs (事项名称：… | 事项类型：…), or
# the end of a sentence (。；); a single space too (事项名称：甲 事项类型：许可, as an item page's
# fields run together when copied), since the pair after it must open with a field's label.
_BREAK = re.compile(r"[ \t\u3000]*[|｜][ \t\u3000]*|[ \t\u3000]+|(?<=[。；;])[ \t\u3000]*")
# The start of a line long enough to hold a label and its colon.
_LABEL_CHARS = 40


def _one_pair_a_line(numbers: list[int], lines: list[str]) -> tuple[list[int], list[str]]:
    """The lines, each that holds several ``label：value`` pairs of fields (事项名称：A  事项类型：
    行政许可  设定依据：…, or 1. 对…的处罚。设定依据：《…》 after a sentence) split into a line a
    pair, at the gap or the sentence's end before each label that names a field; the numbers
    of the lines they come from. A gap padded to the column of a gap on the line above or below
    (two columns of records side by side, one lower than the other) parts no pairs: the line is
    left as it is, and what it reads as said.

    >>> _one_pair_a_line([1, 2], ["事项名称：甲  事项类型：许可", "1. 甲。设定依据：《某法》"])
    ([1, 1, 2, 2], ['事项名称：甲', '事项类型：许可', '1. 甲', '设定依据：《某法》'])
    """
    breaks = [_pair_breaks(line) for line in lines]
    gaps = [{(b, b - a) for a, b, sentence in found if not sentence} for found in breaks]
    out_numbers: list[int] = []
    out: list[str] = []
    for index, (number, line) in enumerate(zip(numbers, lines, strict=True)):
        near = [*gaps[index - 1 : index], *gaps[index + 1 : index + 2]]
        columns = any(
            end == other and width != other_width
            for end, width in gaps[index]
            for gap in near
            for other, other_width in gap
        )
        start = 0
        for a, b, sentence in breaks[index]:
            if columns and not sentence:
                continue
            before = line[start:a].rstrip()
            out_numbers.append(number)
            # a pair ended by ；(事项名称：甲；事项类型：许可) ends its value there
            out.append(before.rstrip("；;") if _colon_label(before) else before.rstrip("。；;"))
            start = b
        out_numbers.append(number)
        out.append(line[start:])
    return out_numbers, out


def _pair_breaks(line: str) -> list[tuple[int, int, bool]]:
    """Where ``line`` may be parted before a ``label：value`` pair of a field: the break's start
    and end, and whether it ends a sentence (else it is a gap)."""
    found = []
    start = 0
    for match in _BREAK.finditer(line):
        label = _colon_label(line[match.end() : match.end() + _LABEL_CHARS])
        if label is None or map_header(label[0]) is None:
            continue
        before = line[start : match.start()].rstrip()
        pair = _colon_label(before)
        # after a gap, a pair with its value (not the first characters of a letter-spaced
        # label, 事  项  名  称：); after a sentence, a pair, or the sentence that heads the
        # record (1. 对…的处罚。)
        sentence = before.endswith(("。", "；", ";"))
        if not (pair is not None and pair[1]) and not (sentence and before.strip()):
            continue
        found.append((match.start(), match.end(), sentence))
        start = match.end()
    return found


def _halves(line: str) -> tuple[str, str] | None:
    """The two halves of a line that prints the same label twice, each with its value."""
    found = _colon_label(line)
    if found is None or map_header(found[0]) is None:
        return None
    label = found[0]
    for gap in re.finditer(_GAP, line):
        right = line[gap.end() :]
        other = _colon_label(right)
        if other is not None and other[0] == label:
            return line[: gap.start()].strip(), right.strip()
    return None


def _first_record(
    lines: Sequence[str], colon: Sequence[tuple[str, str] | None], spaced: bool
) -> int:
    """The index of the first line with a label that names a field (the lines above it are the
    page's title, date and notice)."""
    for index, line in enumerate(lines):
        found = colon[index]
        if (found is not None and map_header(found[0]) is not None) or (
            spaced and _space_labels(line)
        ):
            return index
    return len(lines)


def read_label_table(grid: Grid) -> Grid | None:
    """The records of a table whose rows are ``label | value`` (or ``label | value | label |
    value``) pairs, as a Grid with a header row; None when the table does not read that way.

    Seen in lists exported one item per form: a two-column Word or Excel table with 事项名称 /
    事项类型 / 实施主体 … down its first column, one such block per item. A value merged across
    several columns counts once; a label repeated on the next row (a merged label cell) goes
    on with the same value; inside a record, a first cell in Chinese words that names no field
    (管理权限, 运行流程) is a label of its own, but for the rows of a sub-table (a label whose
    row holds several cells, 责任事项 | 环节 | 内容, heads the rows below it).

    >>> rows = [("事项名称", "城乡医疗救助"), ("事项类型", "行政确认"), ("实施主体", "县医保局"),
    ...         ("事项名称", "医疗保险稽核"), ("事项类型", "行政检查")]
    >>> table = Grid(tuple(SourceRow(n, r, r) for n, r in enumerate(rows, start=1)))
    >>> for row in read_label_table(table).rows:
    ...     print(row.cells)
    ('事项名称', '事项类型', '实施主体')
    ('城乡医疗救助', '行政确认', '县医保局')
    ('医疗保险稽核', '行政检查', '')
    """
    events: list[_Event] = []
    labelled = unlabelled = 0
    previous: str | None = None
    subtable = False  # under a label whose row holds several cells: the header of a sub-table
    blank = False  # the row above is blank: a form's end, in a sheet of forms one under another
    heads = _form_heads(grid)
    furniture: list[tuple[int, str]] = []
    for row in grid.rows:
        # Merged cells arrive repeated: each run of equal cells counts once. A cell of a colon
        # alone (a form's narrow column between its labels and values: 事项名称 | ： | …) is none.
        cells = [
            c
            for i, c in enumerate(row.cells)
            if c and (i == 0 or c != row.cells[i - 1]) and c.strip() not in _COLON
        ]
        if not cells:
            blank = True
            continue
        if row.cells in heads:
            # 项目 | 内容 atop each form: the form's own header, neither a heading nor a value
            furniture.append((row.line, " ".join(cells)))
            blank = True
            continue
        after_blank, blank = blank, False
        found = [(i, c) for i, c in enumerate(cells) if map_header(c) is not None]
        if not found and (is_section_heading(text := " ".join(cells)) or _department_heading(text)):
            # 二、行政处罚（3项） between the forms: the type of the forms below, never more of
            # the value above (in a pipe-table file no blank row parts it from the form above)
            events.append(_Event(row.line, None, text, section=True))
            previous = None
            continue
        if not found and after_blank and events:
            # text without a label under a blank row (事项2 over the next form): a heading
            events.append(_Event(row.line, None, " ".join(cells), gap=True))
            continue
        if not found:
            head = row.cells[0]
            if (
                labelled
                and not subtable
                and len(row.cells) > 1
                and _OTHER_LABEL.fullmatch(_squash(head))
            ):
                events.append(_Event(row.line, head, "\n".join(cells[1:]), known=False))
                previous = None
                continue
            unlabelled += 1 if events else 0
            events.append(_Event(row.line, None, " ".join(cells)))
            continue
        labelled += 1
        if found[0][0] > 0:  # text before the first label continues the value above
            events.append(_Event(row.line, None, " ".join(cells[: found[0][0]])))
        for n, (i, label) in enumerate(found):
            stop = found[n + 1][0] if n + 1 < len(found) else len(cells)
            value = "\n".join(cells[i + 1 : stop])
            if n == 0 and label == previous:
                events.append(_Event(row.line, None, value))
            else:
                events.append(_Event(row.line, label, value))
        previous = found[-1][1]
        subtable = len(cells) - found[-1][0] > 2
    if labelled < 3 or unlabelled > labelled:
        return None
    # Lines between the rows (and above them) may be the headings that name the records.
    last = grid.rows[-1].line
    gaps = [_Event(n, None, text, gap=True) for n, text in grid.context if n < last]
    events = list(heapq.merge(gaps, events, key=lambda e: e.line))
    after = tuple(sorted([*furniture, *((n, text) for n, text in grid.context if n >= last)]))
    table = _records_grid(events, after, grid.name)
    return table if table.header is not None and len(table.rows) > 1 else None


def _form_heads(grid: Grid) -> set[tuple[str, ...]]:
    """The rows of ``grid`` that head each of its forms, a vertical table's own header printed
    atop each item's table (项目 | 内容, 字段 | 值): rows naming no field, the same row two times
    or more, each atop its table (a blank row or other lines above it) and right above a row
    that opens with a field's label. (A sub-table's row, ``| | 决 定 | 作出决定 |`` in each
    form, stands inside the form.)"""
    seen: dict[tuple[str, ...], int] = {}
    above: SourceRow | None = None
    rows = grid.rows
    for at, row in enumerate(rows):
        below = rows[at + 1] if at + 1 < len(rows) else None
        if not any(row.cells):
            above = None
            continue
        top = above is None or above.line < row.line - 1
        above = row
        if any(map_header(c) is not None for c in row.cells if c):
            continue
        opens = below is not None and bool(below.cells) and map_header(below.cells[0]) is not None
        head = top and opens and bool(row.cells[0])
        seen[row.cells] = seen.get(row.cells, 0) + 1 if head else -(10**6)
    return {cells for cells, count in seen.items() if count >= 2}


@dataclass(frozen=True, slots=True)
class _Text:
    """A line of text without a label, and the list it went into (a value, or the context)."""

    line: int
    text: str
    into: list[Any]
    item: Any
    #: The note made when the line was set apart (under no label), and the notes it is in.
    note: tuple[list[Anomaly], Anomaly] | None = None
    #: a blank line (or a rule) is right above it, and no label without its value
    after_blank: bool = False

    def take(self) -> None:
        """Removes the line from where it went (it is the heading of the record below)."""
        at = len(self.into) - 1 - self.into[::-1].index(self.item)
        del self.into[at]
        if self.note is not None:
            self.note[0].remove(self.note[1])


@dataclass(slots=True)
class _Record:
    """A record on its way to a row: its values by label, and what was noticed about it."""

    line: int
    fields: dict[str, list[str]] = field(default_factory=dict)
    notes: list[Anomaly] = field(default_factory=list)
    #: The line of text just above the record: its heading, when records have no name label.
    heading: _Text | None = None
    #: A label of no field without a value came (受理环节：): a stage of a sub-table, under
    #: which the fields come again (责任事项：…), each more of the value it has.
    staged: bool = False


def _opens_main_item(label: str, record: _Record) -> bool:
    """True when ``label`` names an item's name and ``record`` already has a 子项 but no name:
    the record was a sub-item's (子项名称：… under its main item, its own fields below it), and
    the name opens the next main item rather than naming the sub-item."""
    if map_header(label) != "name":
        return False
    keys = {map_header(k) for k in record.fields}
    return SUBITEM in keys and "name" not in keys


def _above_the_records(events: Sequence[_Event]) -> Sequence[_Event]:
    """``events`` with the labels above the first record's name that are no part of it made
    context: a notice's sentence opening with a label (依据：《行政许可法》第十二条，现将清单公布如
    下。) whose field the first record gives after its name, when no later record has that
    field before its name (the labels after a blank line and before a later name: 序号：2)."""
    names = [
        i for i, e in enumerate(events) if e.known and e.label and map_header(e.label) == "name"
    ]
    if len(names) < 2:
        return events
    first = names[0]
    after = _keys(events[first : names[1]])
    leads: set[str | None] = set()
    for at in names[1:]:
        start = at
        while start > 0 and events[start - 1].label is not None and not events[start].after_blank:
            start -= 1
        if not events[start].after_blank:
            return events  # records not parted by blank lines: where each opens is not written
        leads |= _keys(events[start:at])
    pre = [i for i in range(first) if events[i].known and events[i].label]
    # labels that lead a record as later records are led (序号：1) stay; those above them may go
    lead = next((k for k, i in enumerate(pre) if map_header(events[i].label or "") in leads), None)
    pre = pre[:lead]
    if not pre or not all(map_header(events[i].label or "") in after for i in pre):
        return events
    return [
        replace(e, label=None, value=e.text or e.value, gap=True) if i in pre else e
        for i, e in enumerate(events)
    ]


def _keys(events: Sequence[_Event]) -> set[str | None]:
    """The fields the known labels of ``events`` name."""
    return {map_header(e.label) for e in events if e.known and e.label}


def _opens_again(label: str, record: _Record) -> bool:
    """True when ``label`` is another word for the field ``record`` opened with (职权名称 after a
    record that opened with 事项名称): labels that vary between records, the next record.

    >>> _opens_again("职权名称", _Record(1, {"事项名称": ["甲"], "事项类型": ["行政许可"]}))
    True
    """
    opening = next(iter(record.fields), None)
    key = map_header(label)
    # (an opening label without a value, 权责事项 over 事项名称 …, is a title, not a record)
    return (
        opening is not None
        and bool(record.fields[opening])
        and key is not None
        and key == map_header(opening)
    )


def _first_word(label: str, record: _Record, first_words: dict[str, str]) -> str:
    """The label a record keeps ``label``'s value under: the word first seen on the page for its
    field (事项名称 for 职权名称, when records word their labels differently), unless the record
    already has a label of that field (设定依据 and 实施依据 in one record stay two)."""
    key = map_header(label)
    if key is None:
        return label
    first = first_words.setdefault(key, label)
    if first == label or any(map_header(k) == key for k in record.fields):
        return label
    return first


def _continue(record: _Record, label: str, line: int, value: str) -> str:
    """Adds a line of text without a label to the value of ``label``; returns the label the
    next such line goes on with.

    A short field (实施主体, 职权类型 …) holds one word of its own shape: a line that it no
    longer fits once the field has its word (a cell run into it on a flattened page: 教育体育局
    “三定规定”) is kept apart under no label, with a note.
    """
    # A short field (实施主体, 职权类型 …): one word of its shape, not a block of text.
    test = FIELD_SHAPES.get(map_header(label) or "")
    values = record.fields[label]
    if test is None or (values and not test(_squash("".join(values)))):
        values.append(value)
        return label
    if not values:
        # (apart at an ideographic space as at an ASCII one: a page whose gaps are U+3000)
        first, _, rest = re.sub(_SPACE, " ", value, count=1).partition(" ")
        if test(_squash(value)) or not rest.strip() or not test(first):
            values.append(value)
            return label
        values.append(first)
        value = rest.strip()
    elif test(_squash("".join(values) + value)):
        values.append(value)
        return label
    record.fields.setdefault(UNLABELLED, []).append(value)
    record.notes.append(
        Anomaly(
            "unlabelled-text",
            f"line {line}: text without a label that does not fit the {label} value above; "
            f"kept under {UNLABELLED}",
            label,
            value,
        )
    )
    return UNLABELLED


def _records_grid(
    events: Sequence[_Event], context: tuple[tuple[int, str], ...], name: str | None = None
) -> Grid:
    """The Grid of vertical records: a record ends where a label it already has comes again;
    text without a label continues the value above it, or is context before the first record.
    Records without a name label take the line above them (a heading) as their name."""
    events = _above_the_records(events)
    records: list[_Record] = []
    sections: list[tuple[int, int, str, str]] = []  # (records before it, line, heading, cell)
    before: list[tuple[int, str]] = []
    current: _Record | None = None
    last = ""
    previous: str | None = None  # the label of the label line above
    tail: _Text | None = None  # the last line of text
    first_words: dict[str, str] = {}  # the label first seen for each field
    for event in events:
        label = event.label
        if event.section:
            sections.append((len(records), event.line, event.value, event.text or event.value))
            current, previous, tail = None, None, None
            continue
        if label is None:
            if not event.value:
                continue
            if current is None or event.gap:
                before.append((event.line, event.value))
                tail = _Text(event.line, event.value, before, before[-1], None, event.after_blank)
            else:
                notes = len(current.notes)
                bare = not current.fields.get(last)  # the value of a label alone above
                last = _continue(current, last, event.line, event.value)
                values = current.fields[last]
                note = (current.notes, current.notes[-1]) if len(current.notes) > notes else None
                gap = event.after_blank and not bare
                tail = _Text(event.line, values[-1], values, values[-1], note, gap)
            continue
        # A field given twice in a row (设定依据：… 设定依据：…) is one value over two lines;
        # its label again further down, or the label the record opened with, opens the next.
        # Under a stage of a sub-table (受理环节： 责任事项：… 决定环节： 责任事项：…, an item
        # page's 履责方式), a field again is more of its value too.
        again = (
            (label == previous or current.staged) and label != next(iter(current.fields), None)
            if current
            else False
        )
        if (
            current is None
            or (event.known and label in current.fields and not again)
            or (_opens_main_item(label, current))
            or (event.known and _opens_again(label, current))
        ):
            current = _Record(event.line, heading=tail)
            records.append(current)
        elif label in current.fields:  # a label of no field, again: more of its value
            if event.value:
                current.fields[label].append(event.value)
            last, previous, tail = label, label, None
            continue
        if event.known:
            label = _first_word(label, current, first_words)
        else:
            current.staged = current.staged or not event.value
        current.fields[label] = [event.value] if event.value else []
        last, previous, tail = label, label, None
    kept = _join_keyed(records)
    joined_into = {id(r) for r in kept}  # the records kept, by identity
    # Every label, in the order first seen (a name and serial from headings first).
    labels: dict[str, None] = {}
    if not any(map_header(k) in ("name", SUBITEM) for r in records for k in r.fields):
        _names_from_headings(records)
        for record in records:
            labels.update(dict.fromkeys(k for k in (_ROW_LABEL, _NAME_LABEL) if k in record.fields))
    else:
        before += _headings_apart(records)
        if _serials_from_headings(records):
            labels[_ROW_LABEL] = None
    for record in kept:
        if not record.fields.get(UNLABELLED, True):  # its text was a heading
            del record.fields[UNLABELLED]
        labels.update(dict.fromkeys(record.fields))
    before += context
    header = tuple(labels)
    rows = [SourceRow(records[0].line if records else 1, header, header)]
    blank = ("",) * max(len(header) - 1, 0)
    headings = iter(sections)
    heading = next(headings, None)
    for count in range(len(records) + 1):
        # The section headings between the records before this one and it, in place.
        while heading is not None and heading[0] == count:
            rows.append(SourceRow(heading[1], (heading[3], *blank), (heading[2], *blank)))
            heading = next(headings, None)
        if count < len(records) and id(records[count]) in joined_into:
            record = records[count]
            raw = tuple("\n".join(record.fields.get(label, [])) for label in labels)
            cells = tuple(
                _in_vocabulary(label, join_hyphenated(cell))
                for label, cell in zip(labels, raw, strict=True)
            )
            rows.append(SourceRow(record.line, cells, raw, tuple(record.notes)))
    headed = is_header(header) or _two_fields(header, kept)
    return Grid(tuple(rows), tuple(before), header=0 if headed else None, name=name)


#: The fields a record of two fields gives beside its name (an item page listing each power's
#: name and type, or its name and basis): the item's own, never a remark or a phone number.
_SECOND_FIELDS = frozenset(
    {"type", "basis", "department", "accountability_basis", "accountability", "responsibility"}
)


def _two_fields(header: tuple[str, ...], records: Sequence[_Record]) -> bool:
    """True when the labels of ``records`` name two fields only, the item's name and one more of
    its own (事项名称 / 事项类型, 职权名称 / 职权依据), and two records or more each give a name:
    a list of records too short for a header row's three fields (``headers.is_header``).

    >>> records = [_Record(1, {"事项名称": ["甲"], "事项类型": ["行政许可"]}),
    ...            _Record(3, {"事项名称": ["乙"], "事项类型": ["行政处罚"]})]
    >>> _two_fields(("事项名称", "事项类型"), records), _two_fields(("事项名称", "备注"), records)
    (True, False)
    """
    keys = {map_header(label) for label in header}
    named = [
        r
        for r in records
        if any(map_header(k) == "name" and "".join(v) for k, v in r.fields.items())
    ]
    return (
        len(keys - {None}) == 2
        and "name" in keys
        and bool(keys & _SECOND_FIELDS)
        and len(named) >= 2
    )


def _in_vocabulary(label: str, cell: str) -> str:
    """A power type written in traditional script (行政許可) in the vocabulary's script, as
    written in ``raw``; other cells as they are.

    >>> _in_vocabulary("事項類型", "行政許可"), _in_vocabulary("實施主體", "縣林業局")
    ('行政许可', '縣林業局')
    """
    if map_header(label) != "type" or is_power_type(cell):
        return cell
    converted = to_simplified(cell)
    return converted if is_power_type(converted) else cell


def _join_keyed(records: Sequence[_Record]) -> list[_Record]:
    """The records, each one that only adds fields to an earlier record of the same name
    joined to it (an annex of responsibilities keyed by the items' names: 事项名称 / 追责依据
    under 附件2), with a note on the record it joins; the others as they are."""
    kept: list[_Record] = []
    named: dict[str, _Record] = {}
    given: dict[str, str | None] = {}  # the labels joined records gave, with their keys
    for record in records:
        labels = {k: map_header(k) for k in record.fields}
        name = next(("".join(record.fields[k]) for k, v in labels.items() if v == "name"), "")
        first = named.get(name) if name else None
        own = [k for k, v in labels.items() if v not in ("name", "row")]
        if first is not None and own:
            taken = {map_header(k) for k in first.fields}
            if not {labels[k] or k for k in own} & {*taken, *first.fields}:
                first.fields.update({k: record.fields[k] for k in own})
                given.update({k: labels[k] for k in own})
                first.notes.append(
                    Anomaly(
                        "joined-record",
                        f"line {record.line}: a later record of the same name gives "
                        f"{', '.join(own)}; joined to this one",
                        own[0],
                        name,
                    )
                )
                continue
        if name:
            named.setdefault(name, record)
        kept.append(record)
    _say_unjoined(kept, given)
    return kept


def _say_unjoined(records: Sequence[_Record], given: dict[str, str | None]) -> None:
    """A note on each record that lacks a field (``given``: label → key) later records of the
    same name gave others (``missing-cell``: the annex keyed by name has no record of this
    one's)."""
    for record in records:
        keys = {map_header(k) for k in record.fields}
        for label, key in given.items():
            if key not in keys and label not in record.fields:
                record.notes.append(
                    Anomaly(
                        "missing-cell",
                        f"no {label}: the later records of the same names that give other "
                        "records theirs have none of this one's name",
                        label,
                    )
                )


def title_department(line: str) -> str | None:
    """The department a list's title opens with (the longest start of it that is an
    organisation's name, words of the title after it), or None (a title naming a place alone).

    >>> title_department("县林业局权责清单"), title_department("某县权责清单")
    ('县林业局', None)
    >>> title_department("某县人民政府办公室行政权力事项清单")
    '某县人民政府办公室'
    """
    text = line.strip()
    if not is_list_title(text):
        return None
    return next(
        (text[:end] for end in range(min(len(text) - 1, 30), 1, -1) if is_org_name(text[:end])),
        None,
    )


def _title_lines(lines: Sequence[str]) -> dict[int, str]:
    """The lines that title a department's list (县林业局权责清单, ``# 县林业局权责清单`` as a
    Markdown heading), by index, and the department each names."""
    return {
        index: named
        for index, line in enumerate(lines)
        if len(line) <= 60 and (named := title_department(unmarked(line))) is not None
    }


def _titled_departments(titles: dict[int, str]) -> dict[int, str]:
    """Of the ``titles`` of a page (:func:`_title_lines`), those over a department's list on a
    page of the lists of two departments or more (a directory); else none: a page's own title
    names the list's department, which its description gives (``meta``), and its records fall
    under (:func:`_one_title`)."""
    return titles if len(set(titles.values())) >= 2 else {}


def _one_title(titles: dict[int, str]) -> int | None:
    """Of the ``titles`` of a page (:func:`_title_lines`), the index of the first, on a page
    whose titles name one department alone, else None."""
    return min(titles) if len(set(titles.values())) == 1 else None


def _department_heading(line: str) -> bool:
    """True for a heading naming a department in a shape no value takes: numbered, in brackets
    or with a note (二、县林业局, 【县林业局】, 县林业局（单位编码：11501）), not the name alone,
    which is a value written on the line under its label (实施主体 / 县林业局).

    >>> _department_heading("二、县林业局"), _department_heading("【县林业局】")
    (True, True)
    >>> _department_heading("县林业局"), _department_heading("1、县林业局")
    (False, False)
    """
    named = section_department(line)
    return named is not None and named != line.strip()


def _headings_apart(records: Sequence[_Record]) -> list[tuple[int, str]]:
    """The headings over records that have names (事项2 over 事项名称：…, after a blank line, above
    every record but the first), taken out of the values above them, where they ran: context."""
    headings = [r.heading for r in records[1:]]
    if not headings or not all(
        h is not None
        and h.after_blank
        and len(h.text) <= _MAX_HEADING
        and not _SENTENCE_END.search(h.text)
        and not h.text.lstrip().startswith(("《", "〈"))
        and _HEADING.fullmatch(h.text.strip()) is not None
        for h in headings
    ):
        return []
    taken = []
    for heading in headings:
        assert heading is not None
        heading.take()
        taken.append((heading.line, heading.text))
    return taken


_BRACKETED_NUMBER = re.compile(r"[（(](\d{1,6})[)）]")


def _serials_from_headings(records: Sequence[_Record]) -> bool:
    """Gives each record its heading's serial (``### 1. 林木采伐许可证核发`` over ``事项名称：
    林木采伐许可证核发 …``) when every record has a numbered heading naming it and none a serial
    of its own; True when they were given.

    >>> records = [_Record(3, {"事项名称": ["甲"]}, heading=_Text(1, "### 1. 甲", [], "")),
    ...            _Record(7, {"事项名称": ["乙"]}, heading=_Text(5, "（2）乙", [], ""))]
    >>> _serials_from_headings(records), [r.fields.get("序号") for r in records]
    (True, [['1'], ['2']])
    """
    serials = []
    for record in records:
        keys = {map_header(k): v for k, v in record.fields.items()}
        text = unmarked(record.heading.text) if record.heading else ""
        match = _HEADING.fullmatch(text)
        # the number of 1. / 1、 (the heading's serial), or of （1）
        number = _BRACKETED_NUMBER.match(text) if match and not match.group(1) else match
        if "row" in keys or match is None or number is None or not number.group(1).isdigit():
            return False
        named = "".join(keys.get("name") or ())
        if "".join(match.group(2).split()) != "".join(named.split()):
            return False
        serials.append(number.group(1))
    for record, serial in zip(records, serials, strict=True):
        record.fields = {_ROW_LABEL: [serial], **record.fields}
    return bool(serials)


def _names_from_headings(records: Sequence[_Record]) -> None:
    """Gives each record without a name the short line just above it as its name (and serial,
    when the heading is numbered 1. / 1、): ``城乡医疗救助`` over ``类别：行政确认 …``."""
    for record in records:
        if record.heading is None:
            continue
        line, text = record.heading.line, record.heading.text
        # (**1. 城乡医疗救助** over a form: a page converter's bold heading)
        match = _HEADING.fullmatch(unmarked(text))
        if (
            match is None
            or len(text) > _MAX_HEADING
            or _SENTENCE_END.search(text)
            or text.lstrip().startswith("《")
        ):
            continue
        record.heading.take()
        serial, name = match.groups()
        fields = {_NAME_LABEL: [name.strip()]}
        if serial:
            fields = {_ROW_LABEL: [serial], **fields}
        record.fields = {**fields, **record.fields}
        record.notes.append(
            Anomaly(
                "name-from-heading",
                f"no name label: the line above the record (line {line}) is taken as its name",
                _NAME_LABEL,
                text,
            )
        )
