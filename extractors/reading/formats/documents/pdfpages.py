"""What a PDF's page that gives no text of the list says about the list: a scanned page among
pages with a text layer (its rows, if any, cannot be read without OCR), or a page that a table
without ruling is carried on to and that holds none of its rows (blank, or its header printed
again over nothing), which may be where rows were lost. Each is said as a reject of its own,
naming the page (the assembler makes a reject of a row of no cells carrying a note), never
passed over in silence; the other pages are read."""

from __future__ import annotations

from typing import Any

from extractors.models import Anomaly

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
