"""Sub-items listed under their item's row of page text: lines numbered （1） / ① below the row
(``（1）新设审批``), the 子项 its name cell held in the table the page was flattened from. Read by
place alone they would run into the row's last cell, a basis; they are the name's, and are put
back there, said (``sub-item-lines``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.models import Anomaly

# A sub-item's number opening a line: （1）, (2), ①.
_NUMBERED = re.compile(r"\s*(?:[（(]\d{1,2}[)）]|[\u2460-\u2473])")
# A line that cites something: a title, an article, an instrument's kind.
_CITES = re.compile(
    r"[《〈<]|第\s*[一二三四五六七八九十百千零〇\d]+\s*[条款项]|法|条例|规定|办法|决定"
)
_MAX_NAME = 40
_SENTENCE_ENDS = ("；", ";", "。", "，", ",", "、", "：", ":")
#: Columns of citations, where a numbered line without one is out of place.
_BASES = frozenset({"basis", "accountability_basis"})


def _is_sub_item(line: str) -> bool:
    """True for a sub-item's name numbered (（1）新设审批): short, no citation, no sentence (an
    article's item quoted, （1）有固定的场所；, ends one)."""
    return (
        _NUMBERED.match(line) is not None
        and len(line) <= _MAX_NAME
        and not _CITES.search(line)
        and not line.rstrip().endswith(_SENTENCE_ENDS)
    )


def sub_item_lines(
    values: list[tuple[str, str]], keys: Sequence[str | None], header: Sequence[str]
) -> list[Anomaly]:
    """Moves the sub-item lines that end a basis cell of ``values`` (under the header ``keys``,
    worded ``header``) to the name cell; a note on each move.

    >>> values = [("1", ""), ("甲审批", ""), ("《森林法》第十条\\n（1）新设\\n（2）变更", "")]
    >>> keys, words = ("row", "name", "basis"), ("序号", "名称", "依据")
    >>> [a.code for a in sub_item_lines(values, keys, words)]
    ['sub-item-lines']
    >>> values[1][0], values[2][0]
    ('甲审批\\n（1）新设\\n（2）变更', '《森林法》第十条')
    """
    if "name" not in keys:
        return []
    name = keys.index("name")
    notes = []
    for column, key in enumerate(keys):
        text, raw = values[column]
        if key not in _BASES or not text:
            continue
        lines = text.split("\n")
        cut = len(lines)
        while cut > 1 and _is_sub_item(lines[cut - 1]):
            cut -= 1
        # (a quoted article that lists its items, ：above them, keeps them)
        if cut == len(lines) or not _CITES.search("\n".join(lines[:cut])):
            continue
        if lines[cut - 1].rstrip().endswith((":", "：")):
            continue
        moved = lines[cut:]
        values[column] = ("\n".join(lines[:cut]), raw)
        own, own_raw = values[name]
        values[name] = ("\n".join((own, *moved)) if own else "\n".join(moved), own_raw)
        notes.append(
            Anomaly(
                "sub-item-lines",
                f"lines numbered as sub-items below the row ({moved[0]} …) ran into "
                f"{header[column]}; read as the {header[name]} cell's",
                header[name],
                "\n".join(moved),
            )
        )
    return notes
