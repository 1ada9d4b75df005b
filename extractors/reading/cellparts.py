"""Fields written inside one cell under their own labels, and cells that point at another cell.

Lists from other provinces fold several fields into one column: a 设定依据及追责依据 column whose
cells read ``设定依据：《…》第十条 追责依据：《…》第二十条``, or a 依据 column with the same labels.
Read whole, the accountability basis's citations became basis (or the other way round), as
sure. The labels are header words (``headers.map_header``): each part goes to the field its
label names, when that field has no cell of its own. Labels that all name the cell's own field
(设定依据：… 实施依据：… in a basis cell) leave the cell as it is.

Others write a cell once and refer to it: 同上 (the item above's cell: a ditto mark of the
vocabulary, ``vocab.is_ditto``, 同上一项, 见上, 同前, 〃), 同设定依据 (this item's basis), 见第3项 /
同第3项 (the cell of item 3). Read as text they cite nothing, and the item lost its citations
without a word; a ditto mark in a type or department cell gave the item a type of 同上 or a
department of 〃. The cell they point at is copied, said on the item (``copied-cell``); one
that points nowhere known is said too (``unresolved-reference``).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from functools import lru_cache

from extractors.models import Anomaly
from extractors.reading.headers import map_header
from extractors.reading.vocab import is_ditto

__all__ = ["References", "is_reference", "joint_fields", "say_joint", "split_labelled"]

#: The fields whose cells carry labelled parts and references: the long text fields.
TEXT_KEYS = ("basis", "responsibility", "accountability", "accountability_basis")
#: The fields whose cells a ditto mark fills: the text fields, the type, the department and the
#: level (written once over a run of items, as a merged cell would be).
DITTO_KEYS = (*TEXT_KEYS, "type", "department", "level")

# A label: a few characters of header wording and a colon, at the cell's start, a line's start,
# after a sentence's end or a gap (page text runs the parts onto one line). 【设定依据】 too.
_LABEL = re.compile(
    r"(?:^|(?<=[\n。；;])|(?<=\s))[ \t\u3000]*"
    r"(?:【(?P<bracketed>[^【】\s]{2,12})】[:：]?|(?P<plain>[^\s:：。；;，,、《》【】()（）]{2,12})[:：])"
)


def _labels(text: str) -> list[tuple[int, int, str]]:
    """(start, end, key) of each label in ``text`` that names a long text field."""
    found = []
    for m in _LABEL.finditer(text):
        key = map_header(m.group("bracketed") or m.group("plain"))
        if key in TEXT_KEYS:
            found.append((m.start(), m.end(), key))
    return found


def _tidy(part: str) -> str:
    return part.strip().rstrip("。；;，, \t\u3000").strip()


def split_labelled(values: dict[str, str], anomalies: list[Anomaly]) -> None:
    """Moves the labelled parts of a long text cell to the fields their labels name (``values``
    in place, each move said in ``anomalies``), when the cell starts with a label, some label
    names another field, and that field has no text of its own.

    >>> values = {"basis": "设定依据：《劳动法》第六十九条。追责依据：《公务员法》第六十二条"}
    >>> said: list[Anomaly] = []
    >>> split_labelled(values, said)
    >>> values["basis"], values["accountability_basis"], said[0].code
    ('《劳动法》第六十九条', '《公务员法》第六十二条', 'split-cell')
    >>> values = {"basis": "设定依据：《劳动法》第六十九条\\n实施依据：《劳动法》第七十条"}
    >>> split_labelled(values, said)
    >>> values["basis"]
    '设定依据：《劳动法》第六十九条\\n实施依据：《劳动法》第七十条'
    """
    for own in TEXT_KEYS:
        text = values.get(own)
        if not text or ("：" not in text and ":" not in text and "【" not in text):
            continue
        labels = _labels(text)
        if not labels or text[: labels[0][0]].strip() or all(k == own for *_, k in labels):
            continue
        parts: dict[str, list[tuple[int, int, int]]] = {}
        for n, (start, end, key) in enumerate(labels):
            stop = labels[n + 1][0] if n + 1 < len(labels) else len(text)
            parts.setdefault(key, []).append((start, end, stop))
        if any(key != own and values.get(key) for key in parts):
            continue  # the field has a cell of its own: the labels are the cell's own words
        for key, spans in parts.items():
            # one part loses its label; several for one field keep theirs (设定依据 … 实施依据 …)
            at = 1 if len(spans) == 1 else 0
            values[key] = "\n".join(p for s in spans if (p := _tidy(text[s[at] : s[2]])))
            if key != own:
                anomalies.append(
                    Anomaly(
                        "split-cell",
                        f"the {own} cell holds a part labelled as {key}; moved to {key}",
                        own,
                        values[key],
                    )
                )
        if own not in parts:
            values[own] = ""


_JOINED = re.compile(r"及|和|与|、|/|／|＋|\+")


@lru_cache(maxsize=256)
def joint_fields(header: str) -> tuple[str, ...]:
    """The long text fields a header names together (设定依据及追责依据: basis and
    accountability basis), when it names two or more; else ().

    >>> joint_fields("设定依据及追责依据"), joint_fields("追责依据"), joint_fields("追责情形及依据")
    (('basis', 'accountability_basis'), (), ())
    """
    # (追责情形及依据: a bare 依据 after a field is that field's own basis)
    parts = [p for p in _JOINED.split("".join(header.split())) if p]
    parts = parts[:1] + [p for p in parts[1:] if p != "依据"]
    keys = tuple(dict.fromkeys(k for p in parts if (k := map_header(p)) in TEXT_KEYS))
    return keys if len(keys) >= 2 else ()


def say_joint(raw: tuple[tuple[str, str], ...], anomalies: list[Anomaly]) -> None:
    """Says on the item each cell of a column that names several text fields together and
    whose text was not split by labels inside it: which field each citation belongs to is not
    known, and is not guessed (it is read as the field the header maps to)."""
    if any(a.code == "split-cell" for a in anomalies):
        return
    for column, text in raw:
        if (fields := joint_fields(column)) and text.strip():  # the header's answer is cached
            anomalies.append(
                Anomaly(
                    "joint-column",
                    f"{column} names {' and '.join(fields)} together and its cell has no labels "
                    "(设定依据：… 追责依据：…) to tell them apart; read as one field",
                    column,
                )
            )


# 同上, 同上一项, 〃 (``vocab.is_ditto``): the item above's cell; 同设定依据: this item's cell of
# that field; 见第3项, 同第3项, 详见第3项: item 3's cell (of this field, or of the field named
# after it).
_FIELD = re.compile(r"同(?P<label>[^\s第]{2,8})")
_ITEM = re.compile(
    r"(?:详见|参见|见|同)(?:本清单)?(?P<appendix>附表\d{0,2}|附件\d{0,2})?(?:序号)?第?"
    r"(?P<serial>\d{1,6})(?:项|号|条事项)?(?:事项)?"
    r"(?:的?(?P<label>[^\s]{2,8}))?"
)
#: Items whose cells a later 见第N项 may point at: the last ones, so a list of any length is read
#: with a bounded memory (a pointer reaches back, in lists seen, a few dozen items).
_REMEMBERED = 2048
_MAX_REFERENCE = 20
# More characters than a reference holds (neither white space nor a closing 。 or ., which
# the bare reference drops): found in a pass over the cell's first few dozen characters only.
_LONGER = re.compile(rf"(?:[\s。.]*[^\s。.]){{{_MAX_REFERENCE + 1}}}")


def is_reference(text: str) -> bool:
    """True for a cell that points at another cell (同上, 同设定依据, 见第3项): it fills a cell
    alone, as a placeholder does (page text splits its cells by such shapes).

    >>> [is_reference(t) for t in ("同上", "见第12项", "同设定依据", "同意")]
    [True, True, True, False]
    """
    if _LONGER.match(text):
        return False
    bare = "".join(text.split()).rstrip("。.")
    if not bare or len(bare) > _MAX_REFERENCE:
        return False
    if is_ditto(bare) or _ITEM.fullmatch(bare):
        return True
    m = _FIELD.fullmatch(bare)
    return m is not None and map_header(m.group("label")) in TEXT_KEYS


class References:
    """Resolves cells that point at another cell, item by item in list order."""

    def __init__(self) -> None:
        self.above: dict[str, str] = {}
        self.by_serial: OrderedDict[str, dict[str, str]] = OrderedDict()

    def resolve(self, serial: str | None, values: dict[str, str], anomalies: list[Anomaly]) -> None:
        """Copies into ``values`` the cells its references point at (said in ``anomalies``),
        then remembers this item's cells for the items after it."""
        for key in DITTO_KEYS:
            text = values.get(key, "")
            if _LONGER.match(text):
                continue  # a cell of text (a 3 KB basis) leaves without being copied whole
            bare = "".join(text.split()).rstrip("。.")
            if not bare or len(bare) > _MAX_REFERENCE:
                continue
            target: str | None = None
            where = ""
            if is_ditto(bare):
                target, where = self.above.get(key), "the item above"
            elif key not in TEXT_KEYS:
                continue
            elif (m := _ITEM.fullmatch(bare)) is not None:
                named = map_header(m.group("label")) if m.group("label") else key
                cells = None if m.group("appendix") else self.by_serial.get(m.group("serial"))
                target = cells.get(named or "") if cells else None
                where = f"{m.group('appendix') or 'item'} {m.group('serial')}"
            elif (m := _FIELD.fullmatch(bare)) is not None and (
                (named := map_header(m.group("label"))) in TEXT_KEYS and named != key
            ):
                target, where = values.get(named or ""), f"this item's {named}"
            else:
                continue
            if target:
                values[key] = target
                anomalies.append(
                    Anomaly("copied-cell", f"{key} reads {text!r}: copied from {where}", key, text)
                )
            else:
                anomalies.append(
                    Anomaly(
                        "unresolved-reference",
                        f"{key} reads {text!r}, which points at no cell read ({where})",
                        key,
                        text,
                    )
                )
        self.above = {k: values[k] for k in DITTO_KEYS if values.get(k)}
        if serial:
            self.by_serial[serial] = self.above
            self.by_serial.move_to_end(serial)
            if len(self.by_serial) > _REMEMBERED:
                self.by_serial.popitem(last=False)
