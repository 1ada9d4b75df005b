"""The numbers Word shows before the paragraphs of a numbered list (``w:numPr``): a table's 序号
column numbered by Word rather than typed holds no text of its own in the document's XML."""

from __future__ import annotations

import re

from docx.oxml.ns import qn
from lxml import etree

_NUM_PR, _NUM_ID, _ILVL = qn("w:numPr"), qn("w:numId"), qn("w:ilvl")
_VAL = qn("w:val")
# The level's text: %1 stands for the level's number (%1. → 1.; 第%1项 → 第1项).
_PLACE = re.compile(r"%(\d)")


class ListNumbers:
    """Counts the paragraphs of each numbered list (a ``w:num`` of ``word/numbering.xml``) in
    the order they come, as Word numbers them, and gives each its label at its level (the
    level's text, ``%1.``, with the number in Arabic digits: what the cell's serial is, whatever
    the level's format; nothing for a bullet)."""

    def __init__(self, numbering: bytes | None) -> None:
        # numId -> ilvl -> (start, level text)
        self.levels: dict[str, dict[str, tuple[int, str]]] = {}
        self.counts: dict[tuple[str, str], int] = {}
        if numbering:
            self._read(numbering)

    def _read(self, numbering: bytes) -> None:
        try:
            root = etree.fromstring(numbering, etree.XMLParser(resolve_entities=False))
        except etree.XMLSyntaxError:
            return
        abstract: dict[str, dict[str, tuple[int, str]]] = {}
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
                )
        for element in root.iter(qn("w:num")):
            pointer = element.find(qn("w:abstractNumId"))
            if pointer is not None:
                self.levels[element.get(qn("w:numId"), "")] = abstract.get(
                    pointer.get(_VAL, ""), {}
                )

    def label(self, p: etree._Element) -> str:
        """The number Word shows before the paragraph ``p`` (its next in its list), or "" for
        a paragraph of no list.

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
        start, text = self.levels.get(number, {}).get(level, (1, "%1"))
        count = self.counts.get((number, level), start - 1) + 1
        self.counts[(number, level)] = count
        # a lower level starts again under each paragraph of the level above it
        for other, deeper in list(self.counts):
            if other == number and deeper > level:
                del self.counts[(other, deeper)]
        own = int(level) + 1
        return _PLACE.sub(lambda m: str(count) if int(m.group(1)) == own else "", text).strip()
