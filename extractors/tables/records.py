"""Reads JSON arrays of objects (keys are the list's own headers, in Chinese) into a Grid."""

from __future__ import annotations

import json
from typing import Any

from extractors.cells import clean_cell
from extractors.errors import InputError
from extractors.models import Reject
from extractors.tables.grid import Grid, SourceRow
from extractors.tables.sheetxml import cell_text


def _value(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "\n".join(_value(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return cell_text(value)


def _records(data: Any, context: list[tuple[int, str]]) -> list[Any] | None:
    """The array of records in ``data``: the top level, or the first array of objects inside
    an envelope (``{"title": …, "data": [...]}``), whose string values become context."""
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        return None
    for key, value in data.items():
        if isinstance(value, str) and value.strip():
            context.append((0, f"{key}：{value.strip()}" if len(value) > 40 else value.strip()))
    for value in data.values():
        found = _records(value, context) if isinstance(value, dict | list) else None
        if found and any(isinstance(v, dict) for v in found):
            return found
    return None


def _starts(text: str) -> list[int]:
    """The line each element of a top-level JSON array starts on (empty when it is no array)."""
    decoder = json.JSONDecoder()
    position = text.find("[")
    if position < 0 or text[:position].strip():
        return []
    lines: list[int] = []
    position += 1
    while True:
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
        if position >= len(text) or text[position] == "]":
            return lines
        lines.append(text.count("\n", 0, position) + 1)
        _, position = decoder.raw_decode(text, position)


def read_records(text: str, path: str) -> Grid:
    """A Grid whose header is every key seen (in order) and whose rows are the objects.

    >>> grid = read_records('[{"序号": 1, "事项名称": "城乡医疗救助"}]', "a.json")
    >>> [r.cells for r in grid.rows], grid.rows[1].line
    ([('序号', '事项名称'), ('1', '城乡医疗救助')], 1)
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(
            path, f"not valid JSON: {err.msg}", line=err.lineno, column=err.colno
        ) from None
    context: list[tuple[int, str]] = []
    records = _records(data, context)
    if not records:
        raise InputError(
            path, 'no array of objects found; expected [{"序号": …, "事项名称": …}, …]'
        )
    starts = _starts(text) if isinstance(data, list) else []
    keys: dict[str, None] = {}
    for record in records:
        if isinstance(record, dict):
            keys.update(dict.fromkeys(str(k) for k in record))
    header = tuple(keys)
    rows = [SourceRow(1, header, header)]
    rejects = []
    for index, record in enumerate(records):
        line = starts[index] if index < len(starts) else index + 1
        if not isinstance(record, dict):
            rejects.append(
                Reject(path, line, _value(record)[:200], "array element is not an object")
            )
            continue
        raw = tuple(_value(record.get(k)) for k in header)
        rows.append(SourceRow(line, tuple(clean_cell(c) for c in raw), raw))
    return Grid(tuple(rows), tuple(context), tuple(rejects), header=0)
