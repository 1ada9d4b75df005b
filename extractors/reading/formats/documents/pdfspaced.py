"""A page whose text is letter-spaced: a space typed between every character (职 业 技 能), as
some lists are set to fill their cells. pdfplumber makes each character a word of its own,
and a table without ruling, laid out from its words, took the narrow spaces for the gaps
between cells: a cell's characters were parted over columns (违法罚 | 行为的处行政处罚).

When most of a page's words are one character long, the words of a line that stand no
further apart than half a character's height are one word again, the spaces left out; the
gaps between cells, a cell's padding on each side, stay apart."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

Word = dict[str, Any]

#: The share of one-character words above which a page is taken to be letter-spaced.
SPACED_SHARE = 0.6


def unspaced(words: Sequence[Word]) -> list[Word]:
    """``words`` with a letter-spaced page's characters joined into words again.

    >>> w = lambda t, x: {"text": t, "x0": x, "x1": x + 9, "top": 0, "bottom": 9}
    >>> [v["text"] for v in unspaced([w("职", 0), w("业", 11), w("许", 40), w("可", 51)])]
    ['职业', '许可']
    """
    if not words or sum(len(w["text"]) == 1 for w in words) <= SPACED_SHARE * len(words):
        return list(words)
    out: list[Word] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        last = out[-1] if out else None
        height = word["bottom"] - word["top"]
        if (
            last is not None
            and abs(last["top"] - word["top"]) <= height / 3
            and 0 <= word["x0"] - last["x1"] <= height / 2
        ):
            out[-1] = {**last, "text": last["text"] + word["text"], "x1": word["x1"]}
        else:
            out.append(dict(word))
    return out
