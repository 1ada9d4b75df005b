"""What a PDF's page that gives no text of the list says about the list: a scanned page among
pages with a text layer (its rows, if any, cannot be read without OCR), or a page that a table
without ruling is carried on to and that holds none of its rows (blank, or its header printed
again over nothing), which may be where rows were lost; or a table of a list's columns alone
(追责依据, or 序号 | 追责依据 with the serials printed again), no name among them, after the
list's table: a wide table printed across pages, its last columns on pages of their own (when
``pdfapart`` cannot tell which rows they belong to; before, dropped without a word as a table
of no header: each row is a reject).
Each is said as a reject of its own, naming the page (the assembler makes a reject of a row
of no cells carrying a note), never passed over in silence; the other pages are read."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from extractors.models import Anomaly
from extractors.reading.headers import map_header

#: A page whose text layer is missing or all but missing, under an image (``scanned``).
SCAN = Anomaly(
    "unread-page",
    "page {page} is an image without a text layer (a scanned page?): not read; run OCR on it",
)
#: A page between two pages of one table without ruling that holds nothing.
BLANK = Anomaly(
    "unread-page",
    "page {page} is blank, inside a table that goes on after it: rows may be missing there",
)
#: A page between two pages of one table without ruling that holds its header and no row.
HEADER_ONLY = Anomaly(
    "unread-page",
    "page {page} holds the table's header and no row, inside a table that goes on after it: "
    "rows may be missing there",
)

#: Below this many characters a page under an image covering half of it or more is a scan
#: (a scanner's or a printer's footer, 第 3 页, may stand on it as text).
_FEW_CHARS = 40


def scanned(page: Any, chars: int) -> Anomaly | None:
    """:data:`SCAN` when ``page`` (``chars`` characters of text) is a scan: an image covers
    half of it or more and it holds next to no text; else None."""
    if chars >= _FEW_CHARS:
        return None
    area = float(page.width * page.height) or 1.0
    covered = max(
        (
            (float(i["x1"]) - float(i["x0"])) * (float(i["bottom"]) - float(i["top"]))
            for i in page.images
        ),
        default=0.0,
    )
    return SCAN if covered >= area / 2 else None


def columns_apart(cells: Sequence[str], header: Sequence[str] | None) -> Anomaly | None:
    """A note that the table whose first row is ``cells`` holds columns of the list's table
    before it (whose header is ``header``) printed apart: every cell names a field (or, of
    three or more, most do: a list's own columns among them, 部门职责, 追责对象范围), none a
    row's name (the item's, or a sub-item's: a table of sub-items of its own names its rows),
    one a field ``header`` does not hold; else None."""
    named = [map_header(c) for c in cells if c]
    known = [k for k in named if k is not None]
    unknown = len(named) - len(known)
    if not named or (unknown and (len(named) < 3 or 2 * unknown >= len(named))):
        return None
    if {"name", "subitem"} & set(named) or header is None:
        return None
    if set(named) <= {map_header(c) for c in header if c}:
        return None
    columns = " | ".join(c for c in cells if c).replace("{", "{{").replace("}", "}}")
    return Anomaly(
        "unread-page",
        f"a row of a table on page {{page}} of the columns {columns} alone, no name among "
        "them: the columns of the list's table printed on a page of their own (a wide table "
        "printed across pages)? not read; print the table on wider pages",
    )
