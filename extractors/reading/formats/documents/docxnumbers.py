"""The numbers Word shows before the paragraphs of a numbered list (``w:numPr``): a table's 序号
column numbered by Word rather than typed holds no text of its own in the document's XML, nor
does a list written as paragraphs (一、行政许可, 1. 事项名称：…) that Word numbers."""

from __future__ import annotations

import re

from docx.oxml.ns import qn
from lxml import etree

from extractors.citing.numerals import to_chinese

_NUM_PR, _NUM_ID, _ILVL = qn("w:numPr"), qn("w:numId"), qn("w:ilvl")
_VAL = qn("w:val")
# The level's text: %1 stands for the level's number (%1. → 1.; 第%1项 → 第1项).
_PLACE = re.compile(r"%(\d)")
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"


def shown_number(count: int, kind: str) -> str:
    """``count`` written in the number format ``kind`` (``w:numFmt``) as Word shows it.

    >>> [shown_number(n, k) for n, k in [(3, "decimal"), (12, "chineseCounting"),
    ...  (2, "decimalEnclosedCircle"), (4, "upperRoman"), (2, "ideographTraditional")]]
    ['3', '十二', '②', 'IV', '乙']
    """
    if kind in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting"):
        return to_chinese(count)
    if kind in ("ideographDigital", "taiwaneseDigital"):
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(count))
    if kind.startswith("decimalEnclosedCircle") and 1 <= count <= 20:
        return chr(0x2460 + count - 1)
    if kind == "ideographTraditional" and 1 <= count <= 10:
        return _HEAVENLY_STEMS[count - 1]
    if kind == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(count))
    if kind in ("upperLetter", "lowerLetter") and count >= 1:
        letter = chr(ord("A") + (count - 1) % 26) * ((count - 1) // 26 + 1)
        return letter if kind == "upperLetter" else letter.lower()
    if kind in ("upperRoman", "lowerRoman") and 1 <= count < 4000:
        roman = _roman(count)
        return roman if kind == "upperRoman" else roman.lower()
    return str(count)


def _roman(count: int) -> str:
    out = ""
    for value, letters in zip(
        (1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1),
        ("M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"),
        strict=True,
    ):
        while count >= value:
            out, count = out + letters, count - value
    return out


class ListNumbers:
    """Counts the paragraphs of each numbered list (a ``w:num`` of ``word/numbering.xml``) in
    the order they come, as Word numbers them, and gives each its label at its level (the
    level's text, ``%1.``, with the number in Arabic digits: what the cell's serial is, whatever
    the level's format; nothing for a bullet)."""

    def __init__(self, numbering: bytes | None) -> None:
        # numId -> ilvl -> (start, level text, number format)
        self.levels: dict[str, dict[str, tuple[int, str, str]]] = {}
        self.counts: dict[tuple[str, str], int] = {}
        if numbering:
            self._read(numbering)

    def _read(self, numbering: bytes) -> None:
        try:
            root = etree.fromstring(numbering, etree.XMLParser(resolve_entities=False))
        except etree.XMLSyntaxError:
            return
        abstract: dict[str, dict[str, tuple[int, str, str]]] = {}
        for element in root.iter(qn("w:abstractNum")):
            levels = abstract.setdefault(element.get(qn("w:abstractNumId"), ""), {})
            for level in element.iter(qn("w:lvl")):
                start = level.find(qn("w:start"))
                text = level.find(qn("w:lvlText"))
                kind = level.find(qn("w:numFmt"))
                bullet = kind is not None and kind.get(_VAL) in ("bullet", "none")
                levels[level.get(_ILVL, "0")] = (
                    int(start.get(_VAL, "1")) if start is not None else 1,
                    # a bullet (or no label) is no number: nothing of the serial
                    "" if bullet else text.get(_VAL, "%1") if text is not None else "%1",
                    kind.get(_VAL, "decimal") if kind is not None else "decimal",
                )
        for element in root.iter(qn("w:num")):
            pointer = element.find(qn("w:abstractNumId"))
            if pointer is not None:
                self.levels[element.get(qn("w:numId"), "")] = abstract.get(
                    pointer.get(_VAL, ""), {}
                )

    def label(self, p: etree._Element, *, shown: bool = False) -> str:
        """The number before the paragraph ``p`` (its next in its list), or "" for a paragraph
        of no list: the level's count in Arabic digits (a serial), or, ``shown``, the label as
        Word shows it (the counts of the levels it names, each in its level's format: 一、, ⑵,
        1.2.).

        >>> numbers = ListNumbers(None)
        >>> p = etree.fromstring(
        ...     '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        ...     '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr></w:p>')
        >>> numbers.label(p), numbers.label(p)
        ('1', '2')
        """
        found = p.find(f"{qn('w:pPr')}/{_NUM_PR}")
        if found is None:
            return ""
        num, ilvl = found.find(_NUM_ID), found.find(_ILVL)
        number = num.get(_VAL, "0") if num is not None else "0"
        if number == "0":  # numbering taken off the paragraph
            return ""
        level = ilvl.get(_VAL, "0") if ilvl is not None else "0"
        levels = self.levels.get(number, {})
        start, text, _ = levels.get(level, (1, "%1", "decimal"))
        count = self.counts.get((number, level), start - 1) + 1
        self.counts[(number, level)] = count
        # a lower level starts again under each paragraph of the level above it
        for other, deeper in list(self.counts):
            if other == number and deeper > level:
                del self.counts[(other, deeper)]
        own = int(level) + 1
        if shown:
            return _PLACE.sub(lambda m: self._shown(number, int(m.group(1)) - 1, own), text)
        return _PLACE.sub(lambda m: str(count) if int(m.group(1)) == own else "", text).strip()

    def _shown(self, number: str, level: int, own: int) -> str:
        """The count of the level ``level`` (0-based) of the list ``number``, in its format, as
        a label of the level ``own`` (1-based) shows it: nothing of a level below it."""
        if level >= own:
            return ""
        start, _, kind = self.levels.get(number, {}).get(str(level), (1, "%1", "decimal"))
        return shown_number(self.counts.get((number, str(level)), start), kind)
