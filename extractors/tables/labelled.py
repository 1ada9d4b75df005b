"""Reads vertical records, one ``label：value`` line per field (事项名称：… / 事项类型：…), into a
Grid whose header is the labels in the order first seen."""

from __future__ import annotations

import re

from extractors.headers import is_header, map_header
from extractors.tables.grid import Grid, SourceRow

# "事项名称：城乡医疗救助", "3. 设定依据: 《社会救助暂行办法》"; a label is short and has no spaces.
_LABEL = re.compile(
    r"[ \t\u3000]*(?:\d{1,3}[.、．][ \t]*)?([^:：\s]{2,16})[ \t\u3000]*[:：][ \t\u3000]*(.*)"
)


def _label(line: str) -> tuple[str, str] | None:
    """(label, value) when ``line`` opens with a label that maps to a field key."""
    match = _LABEL.fullmatch(line)
    if match is None or map_header(match.group(1)) is None:
        return None
    return match.group(1), match.group(2).strip()


def read_labelled(text: str) -> Grid:
    """Records of ``label：value`` lines; a record ends where a label it already has comes again.
    Lines without a label continue the value above them; lines before the first record are
    context.

    >>> grid = read_labelled("事项名称：城乡医疗救助\\n事项类型：行政确认\\n实施主体：县医保局\\n"
    ...                      "事项名称：医疗保险稽核\\n事项类型：行政检查")
    >>> [r.cells for r in grid.rows[1:]]
    [('城乡医疗救助', '行政确认', '县医保局'), ('医疗保险稽核', '行政检查')]
    """
    labels: dict[str, None] = {}  # every label, in the order first seen
    records: list[tuple[int, dict[str, list[str]]]] = []
    context: list[tuple[int, str]] = []
    current: dict[str, list[str]] | None = None
    last = ""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        found = _label(line)
        if found is None:
            if current is None:
                context.append((number, line.strip()))
            else:
                current[last].append(line.strip())
            continue
        label, value = found
        if current is None or label in current:
            current = {}
            records.append((number, current))
        labels.setdefault(label)
        current[label] = [value] if value else []
        last = label
    header = tuple(labels)
    rows = [SourceRow(records[0][0] if records else 1, header, header)]
    for number, fields in records:
        cells = ["\n".join(fields.get(label, [])) for label in labels]
        while cells and not cells[-1]:
            cells.pop()
        rows.append(SourceRow(number, tuple(cells), tuple(cells)))
    return Grid(tuple(rows), tuple(context), header=0 if is_header(header) else None)
