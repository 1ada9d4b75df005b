"""Turns a table cell as written (HTML fragments, entities, ragged white space) into the clean text
that downstream steps read."""

from __future__ import annotations

import html
import re

# Only ASCII tag names are markup: "《实施<中华人民共和国社会保险法>若干规定》" keeps its <…>.
_BREAK = re.compile(r"<\s*(?:br|/?p|/?div|/?li|/?tr)\b[^<>]*>", re.IGNORECASE)
# A tag may carry a namespace prefix: Word and Excel, saving as HTML, end each paragraph of a
# cell with <o:p></o:p> and put <v:shape>, <w:Sdt> around text.
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?::[A-Za-z][A-Za-z0-9]*)?(?:\s[^<>]*)?/?>")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# A script or style element: code, never text of the cell.
_CODE = re.compile(r"<(script|style)\b[^<>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
# Characters that show nothing (zero-width space, joiners, word joiner, a byte-order mark inside
# the text): editors and web pages leave them in cells, where they split a power type
# (行政\u200b许可) or a name from every other copy of it, and str.strip does not remove them.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE = re.compile(f"[{INVISIBLE}]")


def drop_invisible(text: str) -> str:
    """``text`` without the characters that show nothing (U+200B-U+200D, U+2060, U+FEFF).

    >>> drop_invisible("\u200b行政\u200b许可\ufeff")
    '行政许可'
    """
    return _INVISIBLE.sub("", text) if _INVISIBLE.search(text) else text


def clean_cell(text: str) -> str:
    """The clean text of a cell: tags removed (``<script>`` and ``<style>`` with their code),
    ``<p>``/``<br>`` boundaries as line breaks, entities unescaped, characters that show
    nothing dropped, every line trimmed, blank lines dropped.

    >>> clean_cell("<p>第八十七条：</p> <p>社会保险经办机构&nbsp;以及</p>")
    '第八十七条：\\n社会保险经办机构\\xa0以及'
    >>> clean_cell("《实施<中华人民共和国社会保险法>若干规定》<br/>第二十五条")
    '《实施<中华人民共和国社会保险法>若干规定》\\n第二十五条'
    >>> clean_cell("第十条<script>var law = '《刑法》第一条';</script>")
    '第十条'
    >>> clean_cell("<p class=MsoNormal><span lang=EN-US>行政许可<o:p></o:p></span></p>")
    '行政许可'
    """
    if "<" in text:
        if "<!--" in text:
            text = _COMMENT.sub("", text)
        if "</s" in text or "</S" in text:
            text = _CODE.sub("", text)
        text = _BREAK.sub("\n", text)
        text = _TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = drop_invisible(text)
    if "\n" not in text:
        return text.strip()
    # map/filter keep the per-line work in C: a 3 KB 职权依据 cell has dozens of lines.
    clean = "\n".join(filter(None, map(str.strip, text.split("\n"))))
    # Most cells are clean already; keeping the one copy halves what a large list holds.
    return text if clean == text else clean
