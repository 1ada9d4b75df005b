"""Rows of a table after a list that no reader could read: with no header of its own, not as
wide as the list's header (so no continuation of it), and no label table. Those that look like
items (a power type in a cell, or a citation) are rejected with the reason, never dropped: a
list whose last page a document set as a table of another width, or a second table whose header
a writer left out, loses no item silently. Rows that look like nothing of a list (a site's
footer, a signature, a pager) stay context, as around any table."""

from __future__ import annotations

import re

from extractors.models import Reject
from extractors.reading.assemble import Assembled
from extractors.reading.drafts import Header
from extractors.reading.formats.grid import Grid, SourceRow
from extractors.reading.vocab import is_power_type

#: A citation of an instrument or of a provision: what a basis cell holds.
_CITATION = re.compile(r"《[^《》]{2,}》|第[一二三四五六七八九十百千零〇两\d]+条")


def looks_like_item(row: SourceRow) -> bool:
    """Whether ``row`` has two cells or more, one a power type or one citing an instrument.

    >>> looks_like_item(SourceRow(9, ("3", "对违法开垦林地的处罚", "行政处罚"), ()))
    True
    >>> looks_like_item(SourceRow(9, ("版权所有：某县人民政府", "备案号：某ICP备12345号"), ()))
    False
    """
    filled = [c for c in row.cells if c.strip()]
    return len(filled) >= 2 and any(is_power_type(c) or _CITATION.search(c) for c in filled)


def unread_part(grid: Grid, above: Header, source: str) -> Assembled | None:
    """The rows of ``grid`` (a table no reader read, after a list whose header is ``above``)
    that look like items, as rejects; None when none does.

    >>> cells = ("序号", "事项名称", "事项类型", "设定依据")
    >>> header = Header(1, cells, ("row", "name", "type", "basis"))
    >>> row = SourceRow(9, ("3", "对违法开垦林地的处罚", "行政处罚"), ())
    >>> part = unread_part(Grid((row,)), header, "a.html")
    >>> part.rows_seen, part.rejects[0].line, part.rejects[0].reason[:30]
    (1, 9, 'a table with no header after t')
    """
    unread = [r for r in grid.rows if looks_like_item(r)]
    if not unread:
        return None
    width = max(len(r.cells) for r in grid.rows)
    reason = (
        f"a table with no header after the list, {width} columns wide where the list's header "
        f"has {len(above.cells)}: its row is not read as an item"
    )
    rejects = tuple(
        Reject(source, r.line, " | ".join(c for c in r.cells if c), reason) for r in unread
    )
    return Assembled(items=(), rejects=rejects, rows_seen=len(rejects), header=above, context=())
