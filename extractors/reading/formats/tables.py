"""The tables of a page or document given one after another, each a row at a time, in one pass
over the file (``extractors.reading.tables_stream``): a reader that parses the file once gives a
flat run of table starts and rows, and :func:`split_tables` makes of it one row iterator per
table, as the whole readers give one Grid per table."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from extractors.models import Reject
from extractors.reading.formats.grid import SourceRow


@dataclass(frozen=True, slots=True)
class Table:
    """One table of a file read a row at a time: what a Grid of the whole reader holds, but its
    ``rows`` made as they are iterated (each once). ``context`` may be a list the reader is
    still filling as it goes through the file (``settled`` False): it is whole only once the
    last table's rows are all out."""

    rows: Iterable[SourceRow]
    context: Sequence[tuple[int, str]] = ()
    lead: tuple[int, str] | None = None
    name: str | None = None
    header: int | None = None
    rejects: Sequence[Reject] = ()
    settled: bool = True
    owner: tuple[int, str] | None = None


@dataclass(frozen=True, slots=True)
class TableStart:
    """Where a table begins in a reader's run of rows: what its :class:`Table` holds but its
    rows."""

    context: Sequence[tuple[int, str]] = ()
    lead: tuple[int, str] | None = None
    name: str | None = None
    settled: bool = True
    owner: tuple[int, str] | None = None


def split_tables(run: Iterable[TableStart | SourceRow]) -> Iterator[Table]:
    """The tables of ``run`` (a table start, its rows, the next table start ...), each with an
    iterator of its rows that reads on in ``run`` as it is iterated; the rows a caller leaves
    unread are skipped when it takes the next table. Rows before the first start belong to no
    table and are skipped.

    >>> run = [TableStart(name="a"), SourceRow(1, ("x",), ("x",)), TableStart(name="b")]
    >>> [(t.name, [r.line for r in t.rows]) for t in split_tables(run)]
    [('a', [1]), ('b', [])]
    """
    items = iter(run)
    ahead: list[TableStart] = []

    def rows() -> Iterator[SourceRow]:
        for item in items:
            if isinstance(item, TableStart):
                ahead.append(item)
                return
            yield item

    start = next((i for i in items if isinstance(i, TableStart)), None)
    while start is not None:
        table = rows()
        yield Table(
            table, start.context, start.lead, start.name, settled=start.settled, owner=start.owner
        )
        for _ in table:  # what the caller left unread
            pass
        start = ahead.pop() if ahead else None
