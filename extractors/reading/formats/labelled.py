"""Reads vertical records, one ``label：value`` line per field (事项名称：… / 事项类型：…), into a
Grid whose header is the labels in the order first seen."""

from __future__ import annotations

import re

from extractors.reading.grid import Grid, SourceRow
from extractors.reading.headers import is_header, map_header

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


#: One step of a vertical list: a label with its value, or more text for the value above.
_Event = tuple[int, str | None, str]


def read_labelled(text: str) -> Grid:
    """Records of ``label：value`` lines; a record ends where a label it already has comes again.
    Lines without a label continue the value above them; lines before the first record are
    context.

    >>> grid = read_labelled("事项名称：城乡医疗救助\\n事项类型：行政确认\\n实施主体：县医保局\\n"
    ...                      "事项名称：医疗保险稽核\\n事项类型：行政检查")
    >>> [r.cells for r in grid.rows[1:]]
    [('城乡医疗救助', '行政确认', '县医保局'), ('医疗保险稽核', '行政检查')]
    """
    events: list[_Event] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        found = _label(line)
        if found is None:
            events.append((number, None, line.strip()))
        else:
            events.append((number, *found))
    return _records_grid(events, ())


def read_label_table(grid: Grid) -> Grid | None:
    """The records of a table whose rows are ``label | value`` (or ``label | value | label |
    value``) pairs, as a Grid with a header row; None when the table does not read that way.

    Seen in lists exported one item per form: a two-column Word or Excel table with 事项名称 /
    事项类型 / 实施主体 … down its first column, one such block per item. A value merged across
    several columns counts once; a label repeated on the next row (a merged label cell) goes
    on with the same value.

    >>> rows = [("事项名称", "城乡医疗救助"), ("事项类型", "行政确认"), ("实施主体", "县医保局"),
    ...         ("事项名称", "医疗保险稽核"), ("事项类型", "行政检查")]
    >>> table = Grid(tuple(SourceRow(n, r, r) for n, r in enumerate(rows, start=1)))
    >>> for row in read_label_table(table).rows:
    ...     print(row.cells)
    ('事项名称', '事项类型', '实施主体')
    ('城乡医疗救助', '行政确认', '县医保局')
    ('医疗保险稽核', '行政检查')
    """
    events: list[_Event] = []
    labelled = unlabelled = 0
    previous: str | None = None
    for row in grid.rows:
        # Merged cells arrive repeated: each run of equal cells counts once.
        cells = [c for i, c in enumerate(row.cells) if c and (i == 0 or c != row.cells[i - 1])]
        if not cells:
            continue
        found = [(i, c) for i, c in enumerate(cells) if map_header(c) is not None]
        if not found:
            unlabelled += 1 if events else 0
            events.append((row.line, None, " ".join(cells)))
            continue
        labelled += 1
        if found[0][0] > 0:  # text before the first label continues the value above
            events.append((row.line, None, " ".join(cells[: found[0][0]])))
        for n, (i, label) in enumerate(found):
            stop = found[n + 1][0] if n + 1 < len(found) else len(cells)
            value = "\n".join(cells[i + 1 : stop])
            if n == 0 and label == previous:
                events.append((row.line, None, value))
            else:
                events.append((row.line, label, value))
        previous = found[-1][1]
    if labelled < 3 or unlabelled > labelled:
        return None
    table = _records_grid(events, grid.context, grid.name)
    return table if table.header is not None and len(table.rows) > 1 else None


def _records_grid(
    events: list[_Event], context: tuple[tuple[int, str], ...], name: str | None = None
) -> Grid:
    """The Grid of vertical records: a record ends where a label it already has comes again;
    text without a label continues the value above it, or is context before the first record."""
    labels: dict[str, None] = {}  # every label, in the order first seen
    records: list[tuple[int, dict[str, list[str]]]] = []
    before: list[tuple[int, str]] = list(context)
    current: dict[str, list[str]] | None = None
    last = ""
    for number, label, value in events:
        if label is None:
            if current is None:
                before.append((number, value))
            elif value:
                current[last].append(value)
            continue
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
    return Grid(tuple(rows), tuple(before), header=0 if is_header(header) else None, name=name)
