"""Judges how plausible a reading of a power list is, so that the reader can keep the best of
several candidate readings and refuse one that is probably wrong instead of accepting it.

A reading is scored on what power items look like, whatever the format: names that read like
names (not article text, not a citation), power types from the vocabulary, basis cells that hold
citations, serials that increase. Each check is the share of the items that pass it; checks that
do not apply (no type column, no serials) are left out; the score is their weighted mean.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Literal

from extractors.models import Plausibility, PowerItem
from extractors.reading.vocab import is_org_name, is_power_type

__all__ = ["Plausibility", "judge", "name_reads_like_name"]

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
# A serial as lists write it: 12, 12., 12、, and a sub-item's 3-2 (its main serial first).
_SERIAL = re.compile(r"^\s*(\d{1,5})\s*(?:[.、．]|[-－—]\s*\d{1,3})?\s*$")

#: The weight of each check in the score.
WEIGHTS: dict[str, float] = {
    "names": 3.0,
    "types": 2.0,
    "basis": 2.0,
    "serials": 1.0,
    "distinct": 2.0,
}


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


def _serials(items: Sequence[PowerItem]) -> float | None:
    """The share of serials that are serials (not a code in the serial column) and do not go
    back; None when the items have fewer than two serials."""
    rows = [i.row for i in items if i.row]
    if len(rows) < 2:
        return None
    numbers = [int(m.group(1)) for row in rows if (m := _SERIAL.match(row))]
    forward = sum(b >= a for a, b in itertools.pairwise(numbers))
    return (len(numbers) + forward) / (2 * len(rows) - 1)


def _distinct(items: Sequence[PowerItem]) -> float:
    """The share of items that do not repeat an earlier item's serial, name and basis (a row of
    a merged-cell block read as an item of its own repeats the item above it)."""
    seen = {(i.row, i.name, i.basis) for i in items}
    return len(seen) / len(items)


def judge(items: Sequence[PowerItem]) -> Plausibility:
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
    if not items:
        return Plausibility(0.0, (), "wrong")
    checks: list[tuple[str, float]] = []
    checks.append(("names", sum(name_reads_like_name(i.name) for i in items) / len(items)))
    typed = [i.type for i in items if i.type]
    if typed:
        checks.append(("types", sum(is_power_type(t) for t in typed) / len(typed)))
    based = [i.basis for i in items if i.basis]
    if based:
        checks.append(("basis", sum(bool(_CITATION.search(b)) for b in based) / len(based)))
    serials = _serials(items)
    if serials is not None:
        checks.append(("serials", serials))
    checks.append(("distinct", _distinct(items)))
    total = sum(WEIGHTS[name] for name, _ in checks)
    score = sum(WEIGHTS[name] * share for name, share in checks) / total
    verdict: Verdict = "sure"
    if score < MIN_SCORE or checks[0][1] < MIN_NAMES:
        verdict = "wrong"
    elif score < SURE_SCORE or min(share for _, share in checks) < MIN_CHECK:
        verdict = "doubtful"
    return Plausibility(score, tuple(checks), verdict)


Verdict = Literal["sure", "doubtful", "wrong"]
