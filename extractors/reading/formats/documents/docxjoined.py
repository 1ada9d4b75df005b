"""Tells a DOCX table that goes on from the table right before it: the two parts of one table a
page break split in the document (a PDF converted to Word gives a table a page; a department
breaks its table where the page turns), nothing but empty paragraphs (a page or section break)
between them, as many columns in both, and no header atop the second. Such a table is read as
the rows of the one before (``docx.read_docx``, ``docxrows``), so that a row the break split,
its rest atop the second part with no serial and no name, joins its row as a continuation row
does inside one table, where read as a table of its own it was a reject (row has no item name)
and its row's cells were cut short."""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from extractors.reading.formats.documents.docxtext import cell_text, row_cells
from extractors.reading.headers import is_header

#: How many rows atop a table a header may stand under a title or a unit's row.
HEADER_ROWS = 6


def row_texts(tr: etree._Element) -> list[str]:
    """The text of each cell of the row ``tr``, its white space made single spaces."""
    return [" ".join(str(cell_text(tc)).split()) for tc in row_cells(tr)]


def heads(texts: Sequence[list[str]]) -> bool:
    """Whether one of a table's first rows (:data:`HEADER_ROWS`, their :func:`row_texts`) is a
    list's header."""
    return any(is_header(cells) for cells in texts[:HEADER_ROWS])


def goes_on(headed: bool, width_before: int, width: int, first: Sequence[str] | None) -> bool:
    """Whether a table of ``width`` columns whose first row has the cells ``first`` goes on
    from the table right before it, ``width_before`` columns wide, with only empty paragraphs
    between them, ``headed`` saying whether that one (with the tables it goes on from) has a
    header row.

    >>> goes_on(True, 5, 5, ["", "", "", "", "《劳动法》第九十一条"])
    True
    >>> goes_on(True, 5, 5, ["序号", "事项名称", "事项类型", "实施主体", "设定依据"])
    False
    >>> goes_on(True, 5, 4, ["3", "对…的检查", "行政检查", "《劳动保障监察条例》第十一条"])
    False
    """
    return headed and first is not None and width == width_before and not is_header(list(first))
