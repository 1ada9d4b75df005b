"""Reads the ``<table>`` elements of an HTML document into Grids, rowspan/colspan filled, with
the document's headings and paragraphs as context."""

from __future__ import annotations

import lxml.html
from lxml import etree

from extractors.cells import clean_cell
from extractors.errors import InputError
from extractors.tables.grid import Grid, SourceRow

_BLOCKS = ("title", "h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "span", "li", "td")
_MAX_SPAN = 1000


def _span(cell: lxml.html.HtmlElement, name: str) -> int:
    try:
        return max(1, min(int(cell.get(name, "1").strip() or 1), _MAX_SPAN))
    except ValueError:
        return 1


def _inner_html(cell: lxml.html.HtmlElement) -> str:
    parts = [cell.text or ""]
    parts += [lxml.html.tostring(child, encoding="unicode", with_tail=True) for child in cell]
    return "".join(parts)


def table_rows(table: lxml.html.HtmlElement) -> list[SourceRow]:
    """The rows of one table, each cell spanned by rowspan/colspan repeated where it spans.

    >>> t = lxml.html.fromstring(
    ...     "<table><tr><td rowspan=2>医疗救助</td><td>行政确认</td></tr><tr><td>县级</td></tr></table>")
    >>> [r.cells for r in table_rows(t)]
    [('医疗救助', '行政确认'), ('医疗救助', '县级')]
    """
    rows: list[SourceRow] = []
    pending: dict[int, tuple[int, str, str]] = {}  # column -> (rows still to fill, text, raw)
    trs = [tr for tr in table.iter("tr") if _owner(tr) is table]
    for index, tr in enumerate(trs):
        out: list[tuple[str, str]] = []

        def take_pending(column: int) -> None:
            left, text, raw = pending[column]
            out.append((text, raw))
            if left > 1:
                pending[column] = (left - 1, text, raw)
            else:
                del pending[column]

        for cell in tr:
            if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                continue
            while len(out) in pending:
                take_pending(len(out))
            raw = _inner_html(cell)
            text = clean_cell(raw)
            rowspan = _span(cell, "rowspan")
            for _ in range(_span(cell, "colspan")):
                if rowspan > 1:
                    pending[len(out)] = (rowspan - 1, text, raw)
                out.append((text, raw))
        for column in sorted(c for c in pending if c >= len(out)):
            out.extend([("", "")] * (column - len(out)))
            take_pending(column)
        line = tr.sourceline if isinstance(tr.sourceline, int) else index + 1
        rows.append(SourceRow(line, tuple(t for t, _ in out), tuple(r for _, r in out)))
    return rows


def _owner(element: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    return next(element.iterancestors("table"), None)


def read_html(text: str, path: str) -> list[Grid]:
    """One Grid per innermost table (layout tables that wrap the list are skipped); headings
    and paragraphs outside the tables are the context."""
    try:
        document = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as err:
        raise InputError(path, f"not readable as HTML ({err})") from None
    context = []
    for element in document.iter(*_BLOCKS):
        if _owner(element) is not None or element.tag == "td":
            continue
        own = clean_cell(
            (element.text or "")
            if element.tag in ("div", "span", "li")
            else lxml.html.tostring(element, encoding="unicode", with_tail=False)
        )
        line = element.sourceline if isinstance(element.sourceline, int) else 0
        context += [(line, ln) for ln in own.split("\n") if ln]
    leaves = [t for t in document.iter("table") if next(t.iterdescendants("table"), None) is None]
    grids = [
        Grid(tuple(table_rows(t)), tuple(context) if i == 0 else (), name=f"table {i + 1}")
        for i, t in enumerate(leaves)
    ]
    return grids or [Grid((), tuple(context))]
