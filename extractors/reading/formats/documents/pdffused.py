"""A ruled PDF table's header printed again atop a page, fused with the row under it.

When a row is split across a page break and the header is repeated, some writers draw no rule
between the repeated header and the continuation below it: pdfplumber then gives one row whose
every cell is the header's word, a line break, and the row's text (``序号\\n14``,
``设定依据\\n《…》``). Read as it is, that row is neither the header (dropped as repeated) nor an
item: the item was lost and the rows after it read under a header of the wrong words. Told by
the table's header (the last header row read, ``PdfReading.header``), it is made two rows again:
the header, dropped as repeated, and the row, which the assembler joins to the row it continues
(an empty 序号) or reads as an item."""

from __future__ import annotations

from collections.abc import Sequence


def unfused(cells: Sequence[str], header: Sequence[str] | None) -> tuple[str, ...] | None:
    """The cells of the row under ``header`` when ``cells`` are the header fused with it (each
    cell the header's word, a line break, the row's text; a cell under a blank header word as
    it is), else None.

    >>> unfused(["序号\\n14", "事项名称\\n某审批", "设定依据"], ["序号", "事项名称", "设定依据"])
    ('14', '某审批', '')
    >>> unfused(["14", "某审批", "依据"], ["序号", "事项名称", "设定依据"]) is None
    True
    """
    if header is None or len(cells) != len(header):
        return None
    out: list[str] = []
    words = 0
    for cell, word in zip(cells, header, strict=True):
        if not word:
            out.append(cell)
        elif cell == word:
            out.append("")
            words += 1
        elif cell.startswith(word + "\n"):
            out.append(cell[len(word) + 1 :])
            words += 1
        elif cell.startswith(word):  # the word filled its line: joined as a wrap (pdfwraps)
            out.append(cell[len(word) :])
            words += 1
        elif cell:
            return None
        else:
            out.append("")
    # a header's words atop most columns, and text below some: a row under the repeated header
    if words * 2 <= len(header) or not any(out) or out == list(cells):
        return None
    return tuple(out)
