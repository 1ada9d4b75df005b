"""An answer's table as a file to download: CSV (UTF-8 with a BOM, so Excel on Windows reads
the Chinese), XLSX (openpyxl) or JSON (the whole answer).

    >>> from graph.web.answer import Answer
    >>> data, kind = export(Answer("law", "社会保险法", columns=("article",),
    ...                            rows=[{"article": "第87条"}]), "csv")
    >>> data[:3] == b"\\xef\\xbb\\xbf", data.decode("utf-8-sig"), kind
    (True, 'article\\r\\n第87条\\r\\n', 'text/csv; charset=utf-8')
"""

from __future__ import annotations

import io
import json
import re
from typing import Any, Literal

from graph.store.results import to_csv
from graph.web.answer import Answer

ExportFormat = Literal["csv", "xlsx", "json"]
FORMATS: tuple[ExportFormat, ...] = ("csv", "xlsx", "json")
MEDIA_TYPES: dict[ExportFormat, str] = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}
#: What a spreadsheet reads as a formula when a cell starts with it (OWASP's CSV injection).
_FORMULA = re.compile(r"^[=+\-@\t\r]")


def _cell(value: Any) -> Any:
    """A cell for a spreadsheet: text that starts like a formula gets a leading quote so that
    Excel shows it instead of running it (list text is untrusted).

    >>> _cell("=HYPERLINK(\\"http://x\\")"), _cell("第87条"), _cell(3)
    ('\\'=HYPERLINK("http://x")', '第87条', 3)
    """
    if isinstance(value, str) and _FORMULA.match(value):
        return "'" + value
    return "" if value is None else value


def export(answer: Answer, fmt: str) -> tuple[bytes, str]:
    """The answer's table in ``fmt`` and its media type; raises ValueError for another format."""
    if fmt == "json":
        text = json.dumps(answer.to_json(), ensure_ascii=False, indent=1, default=str)
        return text.encode("utf-8"), MEDIA_TYPES["json"]
    rows = [{k: _cell(row.get(k)) for k in answer.columns} for row in answer.rows]
    if fmt == "csv":
        return ("\ufeff" + to_csv(answer.columns, rows)).encode("utf-8"), MEDIA_TYPES["csv"]
    if fmt == "xlsx":
        return _xlsx(answer, rows), MEDIA_TYPES["xlsx"]
    raise ValueError(f"no export format {fmt!r}; give one of {', '.join(FORMATS)}")


def _xlsx(answer: Answer, rows: list[dict[str, Any]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=re.sub(r"[\[\]:*?/\\]", "_", answer.kind)[:31] or "answer")
    sheet.append(list(answer.columns))
    for row in rows:
        sheet.append(
            [row[k] if not isinstance(row[k], list | dict) else str(row[k]) for k in answer.columns]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def filename(answer: Answer, fmt: str) -> str:
    """An ASCII file name for the download: ``quanze-article.csv``."""
    return f"quanze-{answer.kind}.{fmt}"
