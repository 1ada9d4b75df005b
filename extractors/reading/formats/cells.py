"""Turns a table cell as written (HTML fragments, entities, ragged white space) into the clean text
that downstream steps read."""

from __future__ import annotations

import html
import re

# Only ASCII tag names are markup: "《实施<中华人民共和国社会保险法>若干规定》" keeps its <…>.
_BREAK = re.compile(r"<\s*(?:br|/?p|/?div|/?li|/?tr)\b[^<>]*>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def clean_cell(text: str) -> str:
    """The clean text of a cell: tags removed, ``<p>``/``<br>`` boundaries as line breaks,
    entities unescaped, every line trimmed, blank lines dropped.

    >>> clean_cell("<p>第八十七条：</p> <p>社会保险经办机构&nbsp;以及</p>")
    '第八十七条：\\n社会保险经办机构\\xa0以及'
    >>> clean_cell("《实施<中华人民共和国社会保险法>若干规定》<br/>第二十五条")
    '《实施<中华人民共和国社会保险法>若干规定》\\n第二十五条'
    """
    if "<" in text:
        if "<!--" in text:
            text = _COMMENT.sub("", text)
        text = _BREAK.sub("\n", text)
        text = _TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\n" not in text:
        return text.strip()
    # map/filter keep the per-line work in C: a 3 KB 职权依据 cell has dozens of lines.
    clean = "\n".join(filter(None, map(str.strip, text.split("\n"))))
    # Most cells are clean already; keeping the one copy halves what a large list holds.
    return text if clean == text else clean
