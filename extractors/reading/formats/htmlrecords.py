"""Label：value records a web page writes under its list's table (a 责任清单 after the 权力清单:
paragraphs ``事项名称：…`` / ``追责依据：…``, or ``<dl>`` of ``<dt>`` labels and ``<dd>`` values),
given to the table as rows of one cell each, a line a row, so that the assembly reads each
record as it reads such lines under a TSV's rows (``annexed.RecordUnder``: joined to the item it
names, or a reject). Before, the paragraphs were context lines and the ``<dl>`` text nothing: the
records were lost without a word."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from lxml import etree

from extractors.reading.formats.grid import SourceRow
from extractors.reading.formats.htmlblocks import page_lines_of
from extractors.reading.formats.labelled import labelled_value, opens_named_record
from extractors.reading.headers import map_header


def records_under(
    document: etree._Element, leaves: Sequence[etree._Element]
) -> dict[etree._Element, tuple[SourceRow, ...]]:
    """For each of the ``leaves`` (the list's tables, in order) under which label：value records
    stand (between its end and the next table), their lines as rows of one cell: from the line
    that opens a record with the item's name or serial (``labelled.opens_named_record``) on,
    while each line gives a field by its label.

    >>> import lxml.html
    >>> page = lxml.html.fromstring(
    ...     "<div><table><tr><td>序号</td></tr></table><p>事项名称：林木采伐许可</p>"
    ...     "<dl><dt>追责依据</dt><dd>《公务员法》第六十二条</dd></dl><p>打印本页</p></div>")
    >>> [r.cells for r in next(iter(records_under(page, page.findall(".//table")).values()))]
    [('事项名称：林木采伐许可',), ('追责依据：《公务员法》第六十二条',)]
    """
    if not leaves:
        return {}
    order = {element: at for at, element in enumerate(document.iter())}
    ends = [max(order[e] for e in leaf.iter()) for leaf in leaves]
    inside = {e for leaf in leaves for e in leaf.iter()}
    if not any(order[e] > ends[0] and e not in inside and opens_record(e) for e in document.iter()):
        return {}  # (the page's lines are walked only when a record stands after a table)
    starts = [order[leaf] for leaf in leaves[1:]] + [len(order)]
    under: dict[int, list[tuple[int, str]]] = {}
    for line, text, element in page_lines_of(document):
        at = order.get(element, -1)
        k = next((k for k, end in enumerate(ends) if end < at < starts[k]), None)
        if k is not None:
            under.setdefault(k, []).append((line, text))
    found: dict[etree._Element, tuple[SourceRow, ...]] = {}
    for k, lines in under.items():
        first = next(
            (a for a, (one, two) in enumerate(itertools.pairwise(lines))
             if opens_named_record(one[1], two[1])),
            None,
        )  # fmt: skip
        if first is None:
            continue
        taken = list(itertools.takewhile(lambda ln: labelled_value(ln[1]), lines[first:]))
        found[leaves[k]] = tuple(SourceRow(line, (text,), (text,)) for line, text in taken)
    return found


def records_tables(
    tables: Sequence[tuple[etree._Element, tuple[SourceRow, ...]]],
) -> list[tuple[etree._Element, tuple[SourceRow, ...]]]:
    """The ``tables`` (each with its rows) with a table of label：value lines, one a row of one
    cell (事项名称：… / 追责依据：…), after another given to it as rows under its items, as
    records under it (:func:`records_under`); read as a table of its own, its rows had no header
    and were lost.

    >>> one = lambda n, t: SourceRow(n, (t,), (t,))
    >>> tables = [("list", (SourceRow(1, ("序号", "事项名称"), ()),)),
    ...           ("records", (one(5, "事项名称：林木采伐"), one(6, "追责依据：《公务员法》")))]
    >>> [(t, len(rows)) for t, rows in records_tables(tables)]
    [('list', 3)]
    """
    out: list[tuple[etree._Element, tuple[SourceRow, ...]]] = []
    for table, rows in tables:
        filled = [r for r in rows if any(r.cells)]
        lines = [next(c for c in r.cells if c) for r in filled]
        if (
            out
            and len(lines) >= 2
            and all(sum(1 for c in r.cells if c) == 1 for r in filled)
            and opens_named_record(lines[0], lines[1])
            and all(labelled_value(line) for line in lines)
        ):
            out[-1] = (out[-1][0], (*out[-1][1], *filled))
        else:
            out.append((table, rows))
    return out


def row_label(cells: Sequence[str]) -> str | None:
    """The field a table's row of one or two cells is labelled with, as a label：value record
    writes it (``事项名称 | 林木采伐许可`` or ``事项名称：…``), else None.

    >>> row_label(["事项名称", "林木采伐许可"]), row_label(["事项类型：行政确认"])
    ('name', 'type')
    >>> row_label(["索引号", "001"]), row_label(["追责依据", "《公务员法》"])
    (None, 'accountability_basis')
    """
    filled = [c.strip() for c in cells if c.strip()]
    if len(filled) == 2:
        return map_header("".join(filled[0].rstrip(":：").split()))
    found = labelled_value(filled[0]) if len(filled) == 1 and len(filled[0]) < 400 else None
    return None if found is None else found[1]


def opens_record_row(cells: Sequence[str]) -> bool:
    """Whether a table's first row (one or two cells) opens a label：value record with the
    item's name: ``事项名称 | …`` or ``事项名称：…``."""
    return row_label(cells) == "name"


def gives_type(cells: Sequence[str]) -> bool:
    """Whether a row of a label table gives a power type by its label (事项类型 | 行政许可, or
    事项类型：…): a record of an item of its own, no record of the items above."""
    return row_label(cells) == "type"


def opens_record(element: etree._Element) -> bool:
    """Whether ``element`` (ended, outside tables) opens a label：value record with the item's
    name: a paragraph ``事项名称：…``, or the label 事项名称 alone (a ``<dt>``, a ``<label>``
    before its value) (the reading in rows leaves such a page to the whole reader, which joins
    the records).

    >>> import lxml.html
    >>> opens_record(lxml.html.fromstring("<p>事项名称：林木采伐许可</p>"))
    True
    >>> opens_record(lxml.html.fromstring("<p>打印本页</p>"))
    False
    """
    text = "".join(element.itertext()).strip() if isinstance(element.tag, str) else ""
    if map_header("".join(text.rstrip(":：").split())) == "name":
        return True  # a label alone, its value the element after it (<dt>, <label>)
    found = labelled_value(text) if len(text) < 400 else None
    return found is not None and found[1] == "name"
