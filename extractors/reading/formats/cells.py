"""Turns a table cell as written (HTML fragments, entities, ragged white space) into the clean text
that downstream steps read."""

from __future__ import annotations

import html
import re
import unicodedata

from extractors.datafiles import read_data
from extractors.reading.formats.text.breaks import written_breaks

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


# Characters a PDF's font maps to look-alikes of the ideographs they show: a font whose ToUnicode
# map, or the glyph names a writer guessed it from, gives the Kangxi radical (⼈ U+2F08, ⼒ U+2F12)
# or a CJK compatibility ideograph (金 U+F90A) for a glyph of the unified ideograph (人, 力, 金).
# They look right and read wrong: ⼈⼒资源 is no 人力资源 to a search, a law's title or the
# vocabulary, and text copied out of such a PDF (into a web page, a sheet) keeps them. Those two
# blocks (and the compatibility supplement) are taken to the unified ideographs by their Unicode
# decomposition (NFKC), and nothing else is: full-width letters and digits, ①, and the like stay
# as written, for the readers that know them.
# The CJK radicals supplement (⺠ U+2EA0 for 民, ⻔ U+2ED4 for 门: Chromium's subsets of Noto CJK
# map the glyph 民 shares with the radical so) has no decomposition: its characters are taken to
# their ideographs by the table in ``data/radicals.json``, the others of the block left as written.
_RADICALS: dict[str, str] = read_data("radicals")["radicals"]
_LOOK_ALIKES = "\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f"
_LOOK_ALIKE = re.compile(f"[{_LOOK_ALIKES}]")
# Spaces of other widths that are a space to a reader: the no-break space a page's &nbsp; leaves
# in its text (and copied text keeps), the typographic spaces U+2000-U+200A, the narrow no-break
# space and the medium mathematical space. Each is taken to a space, so that a row apart at
# &nbsp; is apart at spaces and ``。&nbsp;第十七条`` opens a sentence as ``。 第十七条`` does. The
# ideographic space (U+3000) stays: readers take it for the full-width gap it is.
_SPACES = "\u00a0\u2000-\u200a\u202f\u205f"
_SPACE = re.compile(f"[{_SPACES}]")
_UNCLEAN = re.compile(f"[{INVISIBLE}{_LOOK_ALIKES}{_SPACES}]")


def unified(text: str) -> str:
    """``text`` with Kangxi radicals, the radicals of the CJK radicals supplement a font maps
    ideographs to, and CJK compatibility ideographs as the unified ideographs they stand for.

    >>> unified("\u2f08\u2f12资源和社会保障局"), unified("\uf90a"), unified("①１")
    ('人力资源和社会保障局', '金', '①１')
    >>> unified("中华人\u2ea0共和国"), unified("\u2e80")
    ('中华人民共和国', '⺀')
    """
    if not _LOOK_ALIKE.search(text):
        return text
    return _LOOK_ALIKE.sub(_ideograph, text)


def _ideograph(match: re.Match[str]) -> str:
    """The unified ideograph a look-alike stands for (:func:`unified`)."""
    char = match.group()
    return _RADICALS.get(char) or unicodedata.normalize("NFKC", char)


def plain_characters(text: str) -> str:
    """``text`` without the characters that show nothing, with the look-alikes of ideographs as
    the ideographs (:func:`drop_invisible`, :func:`unified`) and spaces of other widths as
    spaces: the characters of every cell, and of a page read as text, before anything reads them.

    >>> plain_characters("\u2f8f政\u200b许可"), plain_characters("1\u00a0行政许可\u3000备注")
    ('行政许可', '1 行政许可\u3000备注')
    """
    if not _UNCLEAN.search(text):
        return text
    return unified(drop_invisible(_SPACE.sub(" ", text)))


def drop_invisible(text: str) -> str:
    """``text`` without the characters that show nothing (U+200B-U+200D, U+2060, U+FEFF).

    >>> drop_invisible("\u200b行政\u200b许可\ufeff")
    '行政许可'
    """
    return _INVISIBLE.sub("", text) if _INVISIBLE.search(text) else text


def clean_cell(text: str) -> str:
    """The clean text of a cell: tags removed (``<script>`` and ``<style>`` with their code),
    ``<p>``/``<br>`` boundaries as line breaks, entities unescaped, characters that show
    nothing dropped and look-alikes of ideographs unified (:func:`plain_characters`), every
    line trimmed, blank lines dropped.

    >>> clean_cell("<p>第八十七条：</p> <p>社会保险经办机构&nbsp;以及</p>")
    '第八十七条：\\n社会保险经办机构 以及'
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
    if "\\" in text:  # a line break written as text (\n) in a TSV or pipe table's cell
        text = written_breaks(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = plain_characters(text)
    if "\n" not in text:
        return text.strip()
    # map/filter keep the per-line work in C: a 3 KB 职权依据 cell has dozens of lines.
    clean = "\n".join(filter(None, map(str.strip, text.split("\n"))))
    # Most cells are clean already; keeping the one copy halves what a large list holds.
    return text if clean == text else clean
