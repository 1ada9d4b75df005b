"""A page whose text is turned a quarter: a table set sideways on its page (a wide list drawn
rotated 90° onto a portrait page by a word processor or a print's transform, the page itself
not marked /Rotate), turned back so that its lines run across the page again.

Read as it lies, every glyph stood upright on its own line: the words were single characters,
the header was found nowhere (refused) or the rows were read one character a line (silently
wrong). When most of a page's glyphs are turned the same quarter (their matrix's a is 0, its b
the sign of the turn), every object's box is turned back: the page is read as the table was
drawn, its width the page's height."""

from __future__ import annotations

from collections import Counter
from typing import Any

Obj = dict[str, Any]


def _turn(char: Obj) -> int:
    """90 for a glyph turned a quarter anticlockwise (text running up), 270 clockwise, else 0."""
    a, b = char["matrix"][:2]
    if abs(a) > 1e-6 * max(abs(b), 1.0) or not b:
        return 0
    return 90 if b > 0 else 270


def turned(page: Any) -> Any:
    """``page`` turned back when over half of its glyphs are turned the same quarter, else
    ``page`` as it is.

    >>> class Page:
    ...     bbox, width, height, initial_doctop = (0, 0, 100, 200), 100, 200, 0
    ...     chars = [{"matrix": (1, 0, 0, 1, 0, 0), "text": "x"}]
    >>> turned(Page()) is not None
    True
    """
    chars = [c for c in page.chars if c["text"].strip()]
    turns = Counter(_turn(c) for c in chars)
    turn, count = max(turns.items(), key=lambda kv: kv[1], default=(0, 0))
    if not turn or count * 2 <= len(chars):
        return page
    width, height = float(page.width), float(page.height)
    back = page.filter(lambda obj: True)
    back._objects = {
        kind: [_turned(obj, turn, width, height, float(page.initial_doctop)) for obj in objs]
        for kind, objs in page.objects.items()
    }
    back.bbox = (0, 0, height, width)
    return back


def _turned(obj: Obj, turn: int, width: float, height: float, doctop: float) -> Obj:
    """``obj`` (a page's, ``width`` by ``height``) in the frame of a page turned back by
    ``turn``: ``height`` wide, ``width`` tall."""
    out = dict(obj)
    if not all(k in obj for k in ("x0", "x1", "top", "bottom")):
        return out
    x0, x1, top, bottom = (float(obj[k]) for k in ("x0", "x1", "top", "bottom"))
    if turn == 90:  # text running up: the page's left is the table's top
        box = (height - bottom, height - top, x0, x1)
    else:  # text running down: the page's right is the table's top
        box = (top, bottom, width - x1, width - x0)
    out["x0"], out["x1"], out["top"], out["bottom"] = box
    out["y0"], out["y1"] = width - box[3], width - box[2]
    out["doctop"] = doctop + box[2]
    if "width" in obj and "height" in obj:
        out["width"], out["height"] = box[1] - box[0], box[3] - box[2]
    if "pts" in obj:
        out["pts"] = [(height - y, x) if turn == 90 else (y, width - x) for x, y in obj["pts"]]
    if "matrix" in obj:
        a, b, c, d, e, f = obj["matrix"]
        out["matrix"] = (b, -a, d, -c, e, f) if turn == 90 else (-b, a, -d, c, e, f)
        out["upright"] = True
    if "orientation" in obj:
        out["orientation"] = "v" if obj["orientation"] == "h" else "h"
    return out
