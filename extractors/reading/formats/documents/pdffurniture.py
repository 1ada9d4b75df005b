"""Text a PDF page draws over its list that is none of its cells: a watermark (仅供参考, the
department's name, diagonal or across the page, pale), a seal (县人民政府办公室 set in a ring,
the star in the middle). Read with the page's other characters, its glyphs fell into the cells
they lie on (《劳动保障监察条例》政第十府五条) or made lines of their own between rows.

Told by how it is drawn, not by its words: a glyph set at a slant (a ring's letters, a diagonal
watermark: rotated by other than a multiple of 90°), a glyph so pale it is not meant to be read
(light grey, every channel 0.75 or more), glyphs of a run drawn over the page's other text (one
font, size and colour, at least twice the usual size, one of them overlapping a glyph of the
text), and, in a seal, the glyphs of its colour inside its ring (the upright letter at its top,
its star). They are set aside before the page is read, and kept as a line of the page's context
each (the text of the glyphs in the order drawn), so nothing of the page is lost. A pale glyph
set upright on a fill that is not pale (white header words on a blue header row, as WPS, Excel
and sites' styled tables print it) is text meant to be read, kept."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from typing import Any

Char = dict[str, Any]

#: Every channel of a grey or RGB fill at least this light (CMYK: at most 1 - it) is a glyph
#: not meant to be read: a watermark.
PALE = 0.75
#: A glyph this many times the usual size or more, drawn over text, is a watermark's.
LARGE = 2.0


def _slanted(char: Char) -> bool:
    """True when the glyph is rotated by other than a multiple of 90°."""
    a, b = char["matrix"][:2]
    if not b or not a:  # upright, or turned a quarter (the common cases, quickly)
        return False
    angle = math.degrees(math.atan2(b, a)) % 90
    return 1.0 < angle < 89.0


def _colour(char: Char) -> tuple[float, ...]:
    value = char.get("non_stroking_color")
    if value is None:
        return ()
    if isinstance(value, (int, float)):
        return (float(value),)
    if isinstance(value, (tuple, list)) and all(isinstance(v, (int, float)) for v in value):
        return tuple(float(v) for v in value)
    return ()


def _pale(colour: tuple[float, ...]) -> bool:
    if len(colour) in (1, 3):
        return min(colour) >= PALE
    if len(colour) == 4:
        return max(colour) <= 1 - PALE
    return False


def _dark(colour: tuple[float, ...]) -> bool:
    """Black or unset (the default fill)."""
    if len(colour) == 4:
        return colour[3] >= 0.9 or not any(colour)
    return not colour or max(colour) <= 0.1


def _overlaps(a: Char, b: Char) -> bool:
    return (
        a["x0"] < b["x1"]
        and b["x0"] < a["x1"]
        and a["top"] < b["bottom"]
        and b["top"] < a["bottom"]
    )


def _on_ground(char: Char, grounds: Sequence[tuple[float, float, float, float]]) -> bool:
    """True when the glyph stands inside one of ``grounds`` (x0, top, x1, bottom)."""
    x = (char["x0"] + char["x1"]) / 2
    y = (char["top"] + char["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in grounds)


def grounds(rects: Sequence[dict[str, Any]]) -> list[tuple[float, float, float, float]]:
    """The boxes of the filled rectangles of ``rects`` (a page's) whose fill is not pale: the
    grounds a pale glyph is printed on to be read (white words on a header row's blue)."""
    return [
        (r["x0"], r["top"], r["x1"], r["bottom"])
        for r in rects
        if r.get("fill") and (colour := _colour(r)) and not _pale(colour)
    ]


def furniture(
    chars: Sequence[Char], dark: Sequence[tuple[float, float, float, float]] = ()
) -> set[int]:
    """The indices of the glyphs of ``chars`` (a page's) that are a watermark's or a seal's;
    a pale upright glyph inside one of ``dark`` (the boxes of fills that are not pale,
    :func:`grounds`) is text, printed light on a dark ground.

    >>> body = {"matrix": (9, 0, 0, 9, 0, 0), "non_stroking_color": (0,), "size": 9.0,
    ...         "fontname": "Song", "x0": 10, "x1": 19, "top": 10, "bottom": 19}
    >>> slant = dict(body, matrix=(6.4, 6.4, -6.4, 6.4, 0, 0), x0=100, x1=110)
    >>> pale = dict(body, non_stroking_color=(0.85,), x0=200, x1=209)
    >>> sorted(furniture([body, slant, pale]))
    [1, 2]
    >>> sorted(furniture([body, slant, pale], dark=[(190, 5, 220, 25)]))
    [1]
    """
    if not chars:
        return set()
    out = {
        i
        for i, c in enumerate(chars)
        if _slanted(c) or (_pale(_colour(c)) and not (dark and _on_ground(c, dark)))
    }
    usual = statistics.median(c["size"] for c in chars)
    text = [c for i, c in enumerate(chars) if i not in out and c["size"] < LARGE * usual]
    runs: dict[tuple[str, int, tuple[float, ...]], list[int]] = {}
    for i, c in enumerate(chars):
        if i not in out and c["size"] >= LARGE * usual and c["text"].strip():
            runs.setdefault((c["fontname"], round(c["size"]), _colour(c)), []).append(i)
    for run in runs.values():
        if any(_overlaps(chars[i], t) for i in run for t in text):
            out.update(run)
    # a seal: the glyphs of its (not black) colour inside the ring its slanted letters make
    for colour in {_colour(chars[i]) for i in out if _slanted(chars[i])}:
        if _dark(colour):
            continue
        ring = [chars[i] for i in out if _slanted(chars[i]) and _colour(chars[i]) == colour]
        # the ring's letters' box, widened by a letter each way: a letter at the ring's top,
        # bottom or side stands upright, past the slanted ones
        pad = max(c["size"] for c in ring)
        x0, x1 = min(c["x0"] for c in ring) - pad, max(c["x1"] for c in ring) + pad
        top, bottom = min(c["top"] for c in ring) - pad, max(c["bottom"] for c in ring) + pad
        out.update(
            i
            for i, c in enumerate(chars)
            if _colour(c) == colour
            and x0 <= c["x0"]
            and c["x1"] <= x1
            and top <= c["top"]
            and c["bottom"] <= bottom
        )
    return out


def strip_furniture(page: Any) -> tuple[Any, list[str]]:
    """``page`` without the glyphs of its watermarks and seals (:func:`furniture`), and their
    text: a line for each run of them (one font and colour), in the order drawn."""
    chars = page.chars
    marks = furniture(chars, grounds(page.rects))
    if not marks:
        return page, []
    lines: dict[tuple[str, tuple[float, ...]], list[str]] = {}
    for i in sorted(marks):
        c = chars[i]
        lines.setdefault((c["fontname"], _colour(c)), []).append(c["text"])
    dropped = {id(chars[i]) for i in marks}
    kept = page.filter(lambda obj: obj.get("object_type") != "char" or id(obj) not in dropped)
    return kept, [text for parts in lines.values() if (text := "".join(parts).strip())]
