"""Whether a PDF page draws any rule: fills behind a table without rules (zebra rows, a
header row's colour) are no ruling of its cells.

pdfplumber finds tables from the edges of every rectangle, so a table without rules whose rows
are filled in turn (zebra rows, white and light blue) came out as one table per filled row, or
one of a single column for fills across the table; the rows between were lost and the list
refused (no recognisable table). A page whose only rectangles are such fills, thicker than a
rule both ways, is read as a table without ruling, from its words' positions."""

from __future__ import annotations

from typing import Any

#: A filled rectangle this thin or thinner one way is a rule (a border drawn as a fill, as
#: Chromium and WPS draw them, a dash or dot of a dashed or dotted one).
RULE = 2.0


def ruled(page: Any) -> bool:
    """True when ``page`` draws a rule: a line, a curve, a stroked rectangle, or a filled one
    thin one way (``RULE``); False when its only rectangles are fills behind text.

    >>> class Page:
    ...     lines, curves = [], []
    ...     rects = [{"fill": True, "stroke": False, "width": 500.0, "height": 40.0}]
    >>> ruled(Page())
    False
    >>> Page.rects.append({"fill": True, "stroke": False, "width": 500.0, "height": 0.5})
    >>> ruled(Page())
    True
    """
    if page.lines or page.curves:
        return True
    return any(r.get("stroke") or min(r["width"], r["height"]) <= RULE for r in page.rects)
