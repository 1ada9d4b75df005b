"""Two tables without ruling side by side whose headers stand at different heights: a page
printed in two columns of its list, the shorter table centred beside the longer one (or set
lower). The header is then not written twice across one line, which is how two tables side by
side are told (``sidebyside.side_by_side``): the left header alone was found, the right one's
words read as the left table's rows. Where a gutter no word crosses parts the page's words, and
the words right of it stand under a header of the same columns as the left one's, the right
band is moved up (or down) to put its header on the left header's line: the two copies are
then read as tables side by side are, left copy then right."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from extractors.reading.formats.documents.pdfwords import Word

#: Points a gutter between two bands of words is at least wide.
_GUTTER = 4.0


def levelled(
    words: Sequence[Word],
    beyond: float,
    header_of: Callable[[list[Word]], tuple[float, list[str]] | None],
) -> list[Word] | None:
    """``words`` with the band right of a gutter moved to put its header level with the left
    band's, when both bands stand under a header of the same columns (``header_of`` gives a
    band's header's top and its columns' texts); None when there is no such pair, or the
    headers already stand on one line. Only gutters right of ``beyond`` (where the header
    found on the page begins its last column) are tried: the gaps between a table's columns
    part no two tables."""
    for cut in (g for g in _gutters(words) if g > beyond):
        left = [w for w in words if w["x1"] <= cut]
        right = [w for w in words if w["x0"] >= cut]
        mine, theirs = header_of(left), header_of(right)
        if mine is None or theirs is None or mine[1] != theirs[1]:
            continue
        shift = theirs[0] - mine[0]
        if abs(shift) <= 1.0:
            return None
        moved = [{**w, "top": w["top"] - shift, "bottom": w["bottom"] - shift} for w in right]
        return left + moved
    return None


def _gutters(words: Sequence[Word]) -> list[float]:
    """The middles of the gaps no word crosses between the page's words, left to right."""
    spans = sorted((w["x0"], w["x1"]) for w in words)
    out: list[float] = []
    reach = spans[0][1] if spans else 0.0
    for (_, _), (x0, x1) in itertools.pairwise(spans):
        if x0 - reach >= _GUTTER:
            out.append((reach + x0) / 2)
        reach = max(reach, x1)
    return out
