"""Judges how plausible a reading of a power list is, so that the reader can keep the best of
several candidate readings and refuse one that is probably wrong instead of accepting it.

A reading is scored on what power items look like, whatever the format: names that read like
names (not article text, not a citation), power types from the vocabulary, basis cells that hold
citations, serials that increase. Each check is the share of the items that pass it; checks that
do not apply (no type column, no serials) are left out; the score is their weighted mean.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from hashlib import blake2b
from typing import Literal

from extractors.citing.numerals import parse_numeral
from extractors.models import Plausibility, PowerItem
from extractors.reading.vocab import enclosed_number, is_org_name, is_power_type, load_vocab

__all__ = ["Judge", "Plausibility", "judge", "name_reads_like_name"]

#: Below this score a reading is wrong: the list was probably read wrong and is refused; so is a
#: reading in which fewer than half the names read like names (the name is what makes an item).
MIN_SCORE = 0.5
MIN_NAMES = 0.5
#: A reading is sure from this score on when no check falls below ``MIN_CHECK``; it is then
#: taken without trying other ways of reading the file. Otherwise it is doubtful: kept, and said.
SURE_SCORE = 0.9
MIN_CHECK = 0.8

# A name is the name of a power, not statute text: 2 to 120 characters, not opening with a
# provision (第十二条), a title mark or a clause number of article text (（一）), and not a
# whole sentence of article text (…的，由…处…罚款。).
_NUMBER = "[0-9０-９一二三四五六七八九十百零〇两]+"
_NAME_OPENS_BADLY = re.compile(
    rf"^\s*(?:第\s*{_NUMBER}\s*[条款项章]|《|[（(]\s*[一二三四五六七八九十]+\s*[)）])"
)
_ARTICLE_PROSE = re.compile(r"[，,；;].*(?:应当|可以|不得|处以?|责令).*[。；;]\s*$")
_CITATION = re.compile(
    rf"[《〈<＜][^《》〈〉<>＜＞]{{2,}}[》〉>＞]|第\s*{_NUMBER}\s*条|法|条例|规定|办法"
)
# A citation of a provision: a title in title marks, then an article (《社会保险法》第八十七条).
_PROVISION = re.compile(
    rf"[《〈][^《》〈〉]{{2,}}[》〉]\s*(?:[（(][^）)]{{0,40}}[）)])?\s*第\s*{_NUMBER}\s*条"
)
# A serial as lists write it: 12, 12., 12、, （12）, 12), and a sub-item's 3-2, 3.2 or 3-2-1 (its
# main serial first).
_SERIAL = re.compile(
    r"^\s*(?:[（(]\s*(\d{1,5})\s*[)）]|(\d{1,5})\s*(?:[.、．)）]|(?:[-－—.．]\s*\d{1,3}){1,2})?)\s*$"
)
# A serial in Chinese numerals: 一, 十二, （三） (items numbered 一、 二、 as headings of records).
_CHINESE_SERIAL = re.compile(r"^\s*[（(]?\s*([一二三四五六七八九十百]{1,5})\s*[)）]?\s*$")

#: The weight of each check in the score.
WEIGHTS: dict[str, float] = {
    "names": 3.0,
    "types": 2.0,
    "basis": 2.0,
    "serials": 1.0,
    "distinct": 2.0,
    "unread": 2.0,
    "runs": 2.0,
    "indexed": 2.0,
}
#: The fields of free text that a row run into the item above ends up in.
_TEXT_FIELDS = ("basis", "responsibility", "accountability", "accountability_basis", "remarks")


# A word of its own: a line, or a run of text between gaps of two spaces or more (page text).
@cache
def _run_type() -> re.Pattern[str]:
    """A power type of the vocabulary (or with 类 after it) standing as a word of its own: a
    line, or a run of text between gaps of two spaces or more (page text)."""
    words = sorted(load_vocab()["power_types"]["words"], key=len, reverse=True)
    alternatives = "|".join(map(re.escape, words))
    gap = r"[ \t\u3000]"
    return re.compile(
        rf"(?:^|(?<={gap}{gap}))\s*(?:{alternatives})类?\s*(?:(?={gap}{{2}})|$)", re.M
    )


def name_reads_like_name(name: str | None) -> bool:
    """True for a power's name; False for a missing name, article text or a citation.

    >>> name_reads_like_name("对未按规定申报缴纳社会保险费的处罚")
    True
    >>> name_reads_like_name("第二十七条 纳税人不能按期办理纳税申报的，经税务机关核准，可以延期。")
    False
    >>> name_reads_like_name("《中华人民共和国社会保险法》第八十七条")
    False
    >>> name_reads_like_name("市文化旅游委"), name_reads_like_name("行政许可")
    (False, False)
    """
    if name is None:
        return False
    squashed = "".join(name.split())
    if not 2 <= len(squashed) <= 120 or is_org_name(squashed) or is_power_type(squashed):
        return False  # a department or a power type landed in the name column
    if "|" in squashed or "｜" in squashed:
        return False  # table syntax: a pipe table read as something else
    return not (_NAME_OPENS_BADLY.match(squashed) or _ARTICLE_PROSE.search(squashed))


class Judge:
    """The checks of :func:`judge`, item by item: a few counters, the last serial, and a 16-byte
    digest per distinct item (for ``distinct``), so a list of any length is judged as it is read.
    """

    def __init__(self) -> None:
        self.items = 0
        self.names = 0
        self.typed = self.known_types = 0
        self.based = self.cited = 0
        self.rows = self.numbers = self.forward = 0
        self.last: int | None = None
        self.distinct: set[bytes] = set()
        self.unread = 0
        self.runs = 0
        self.bare: set[bytes] = set()  # names of items with no text at all (an index's entries)
        self.indexed = 0

    def add(self, item: PowerItem) -> None:
        """Count one more item."""
        self.items += 1
        judged = item.name
        if judged and any(a.code == "stray-pipe" and a.column for a in item.anomalies):
            # a pipe the reader found inside the name's own text (stray-pipe, said): no table
            # syntax, so the name is judged without it
            judged = judged.replace("|", "")
        self.names += name_reads_like_name(judged)
        if item.type:
            self.typed += 1
            self.known_types += is_power_type(item.type)
        if item.basis:
            self.based += 1
            self.cited += bool(_CITATION.search(item.basis))
        if item.row:
            self.rows += 1
            number: int | None = None
            if m := _SERIAL.match(item.row):
                number = int(m.group(1) or m.group(2))
            elif c := _CHINESE_SERIAL.match(item.row):
                number = parse_numeral(c.group(1))
            else:  # ①, ⑴: rows a word processor numbered
                number = enclosed_number(item.row.strip())
            if number is not None:
                self.numbers += 1
                self.forward += self.last is not None and number >= self.last
                self.last = number
        # citations under a header read as no field, none in the item's basis column: the
        # header probably names the basis in words the vocabulary lacks, and they go unread
        # (an accountability basis read beside it is no sign that the basis was)
        if (
            item.extra
            and not item.basis
            and any(_PROVISION.search(value) for _, value in item.extra)
        ):
            self.unread += 1
        # a power type as a word of its own inside a text field: a row without a serial of its
        # own (a sub-item row of page text) ran into this item, its cells into this one's
        if any((text := getattr(item, key)) and _run_type().search(text) for key in _TEXT_FIELDS):
            self.runs += 1
        # a row of a merged-cell block read as an item of its own repeats the item above it
        # (repr of a tuple of strings and None: one text per triple, as JSON, in a third the time)
        key = repr((item.row, item.name, item.basis))
        self.distinct.add(blake2b(key.encode(), digest_size=16).digest())
        # an index (目录) of the items' names before the items themselves: its entries, read as
        # items with no text, come again below with their text
        if item.name:
            name = blake2b(item.name.encode(), digest_size=16).digest()
            if not any(getattr(item, key) for key in _TEXT_FIELDS):
                self.bare.add(name)
            elif name in self.bare:
                self.indexed += 1

    def verdict(self) -> Plausibility:
        """How plausible the items counted so far are."""
        if not self.items:
            return Plausibility(0.0, (), "wrong")
        checks: list[tuple[str, float]] = [("names", self.names / self.items)]
        if self.typed:
            checks.append(("types", self.known_types / self.typed))
        if self.based:
            checks.append(("basis", self.cited / self.based))
        if self.rows >= 2:
            # serials that are serials (not a code in the serial column) and do not go back
            checks.append(("serials", (self.numbers + self.forward) / (2 * self.rows - 1)))
        checks.append(("distinct", len(self.distinct) / self.items))
        if self.unread:
            checks.append(("unread", 1 - self.unread / self.items))
        if self.runs:
            checks.append(("runs", 1 - self.runs / self.items))
        if self.indexed:
            checks.append(("indexed", 1 - 2 * self.indexed / self.items))
        total = sum(WEIGHTS[name] for name, _ in checks)
        score = sum(WEIGHTS[name] * share for name, share in checks) / total
        verdict: Verdict = "sure"
        if score < MIN_SCORE or checks[0][1] < MIN_NAMES:
            verdict = "wrong"
        elif score < SURE_SCORE or min(share for _, share in checks) < MIN_CHECK:
            verdict = "doubtful"
        return Plausibility(score, tuple(checks), verdict)


def judge(items: Iterable[PowerItem]) -> Plausibility:
    """How plausible it is that ``items`` are a list read right (sub-items judged as items).

    >>> from extractors.models import Plausibility, PowerItem
    >>> good = PowerItem("a.txt", "1", 1, name="医疗保障基金使用监督检查", type="行政检查",
    ...                  basis="《医疗保障基金使用监督管理条例》第二十二条")
    >>> judge([good]).score
    1.0
    >>> bad = PowerItem("a.txt", "1", 1, name="第二十二条 医疗保障行政部门应当加强监督检查。",
    ...                 type="监督", basis="对定点医药机构的检查")
    >>> judge([bad]).score, judge([bad]).doubt()
    (0.2222222222222222, 'names read like names in 0% of items')
    """
    judged = Judge()
    for item in items:
        judged.add(item)
    return judged.verdict()


Verdict = Literal["sure", "doubtful", "wrong"]
