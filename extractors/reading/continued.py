"""Says what the first items of a table that goes on from the table before lack: a type,
department, basis or accountability basis that the items above had, under the same header (a
table the page break split, its header repeated, a cell merged over the rows of both parts cut
in two and the lower part left blank: a DOCX table split by hand, a sheet's list over sheets).

Inside one table the assembly says it (``missing-cell``: a merged cell exported as one value and
blanks); a table read apart starts with nothing above it, so its first items would lack the
value without a word. Nothing is copied: the item is said to lack it."""

from __future__ import annotations

from dataclasses import replace

from extractors.models import Anomaly, PowerItem
from extractors.reading.assemble import MERGED_DOWN
from extractors.reading.drafts import Header


class Continued:
    """The tables of a file in order (:meth:`table`), then each one's items (:meth:`item`)."""

    def __init__(self) -> None:
        self._header: tuple[str, ...] | None = None
        self._above: dict[str, str] = {}  # the last value of each field in the items so far
        self._open: set[str] = set()  # fields the current table's items have not yet given

    def table(self, header: Header | None) -> None:
        """The next table begins, under ``header`` (None: a table without one)."""
        cells = header.cells if header is not None else None
        if cells is None or cells != self._header:
            self._above = {}
        self._header = cells
        self._open = set(self._above)

    def item(self, item: PowerItem) -> PowerItem:
        """``item``, the current table's next, said to lack what the items above gave and the
        items of its table before it have not."""
        if not self._open:  # (the common case: nothing carried over, the table's own says)
            for key in MERGED_DOWN:
                if value := getattr(item, key):
                    self._above[key] = value
            return item
        said = {a.column for a in item.anomalies if a.code == "missing-cell"}
        added = []
        for key in MERGED_DOWN:
            if value := getattr(item, key):
                self._above[key] = value
                self._open.discard(key)
            elif key in self._open and key not in said:
                added.append(
                    Anomaly(
                        "missing-cell",
                        f"no {key} while the item above, at the end of the table before under "
                        "the same header, has one (a cell merged over the break, cut?); not "
                        "copied",
                        key,
                    )
                )
        return replace(item, anomalies=(*item.anomalies, *added)) if added else item
