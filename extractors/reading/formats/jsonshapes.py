"""JSON lists laid out as a table rather than as an array of objects: what pandas, spreadsheets
and APIs write when they export a table. Each shape is turned into the records (objects keyed by
the headers) that the JSON reader reads, with the keys that lead to the rows and which of them
the header takes (to give each row its line):

- *split*: ``{"columns": ["序号", "事项名称", …], "data": [["1", "…"], …]}`` (``index``
  besides, ignored), at the top or inside an envelope; so too the header and rows under other
  keys (``{"header": [...], "rows": [[...]]}``), the rows as wide as the header;
- *rows*: an array of arrays whose first is the header, ``[["序号", "事项名称", …], ["1", …]]``;
- *keyed*: an object of records keyed by their serial, ``{"1": {"事项名称": …}, "2": …}`` (the
  key is the serial, when the record has none of its own);
- *columns*: an object of columns keyed by the header, each an object keyed by the row or an
  array, ``{"事项名称": {"0": "…", "1": "…"}, …}`` (pandas' default ``to_json``).

- *configured*: records under keys of their own (codes, ``{"f1": …, "f2": …}``) beside the
  configuration of their columns, an array of objects each giving a key and its title
  (``"columns": [{"field": "f1", "title": "事项名称"}, …]``), or a column dictionary, an object
  of titles keyed by the keys (``"columnMap": {"f1": "事项名称", …}``), before the records or
  after them: the records keyed by the titles.

A value that is none of these (an envelope of text, a list of numbers) gives None: the reader
says what it expected."""

from __future__ import annotations

from typing import Any

from extractors.reading.headers import is_header, map_header
from extractors.reading.vocab import is_serial

#: The key a serial taken from a record's key is given (the 序号 column's header).
_SERIAL = "序号"


def _texts(values: Any) -> list[str] | None:
    """``values`` as header texts, when it is an array of strings that reads as a header."""
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        return None
    return values if is_header(values) else None


def _table(header: list[str], rows: Any) -> list[dict[str, Any]] | None:
    if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
        return None
    return [dict(zip(header, row, strict=False)) for row in rows]


def table_records(data: Any) -> tuple[list[dict[str, Any]], tuple[str, ...], int] | None:
    """The records of ``data`` laid out as a table (above), the object keys that lead to the
    array of its rows (to a keyed object or columns, which no array holds, the rows' lines are
    not known: they are counted from 1), and how many elements
    of that array come before the first record (1 for the header row of *rows*).

    >>> header = ["序号", "事项名称", "事项类型"]
    >>> table_records({"columns": header, "data": [["1", "甲", "行政许可"]]})
    ([{'序号': '1', '事项名称': '甲', '事项类型': '行政许可'}], ('data',), 0)
    >>> table_records([["序号", "事项名称", "事项类型"], ["1", "甲", "行政许可"]])[0]
    [{'序号': '1', '事项名称': '甲', '事项类型': '行政许可'}]
    >>> table_records({"1": {"事项名称": "甲", "事项类型": "行政许可"}, "2": {"事项名称": "乙"}})[0]
    [{'序号': '1', '事项名称': '甲', '事项类型': '行政许可'}, {'序号': '2', '事项名称': '乙'}]
    >>> table_records({"序号": {"0": "1"}, "事项名称": {"0": "甲"}, "事项类型": {"0": "行政许可"}})
    ([{'序号': '1', '事项名称': '甲', '事项类型': '行政许可'}], (), 0)
    >>> table_records({"code": 200, "msg": "成功"}) is None
    True
    """
    if isinstance(data, list):
        header = _texts(data[0]) if data else None
        records = _table(header, data[1:]) if header else None
        return (records, (), 1) if records else None
    if not isinstance(data, dict) or not data:
        return None
    header = _texts(data.get("columns"))
    if header and (records := _table(header, data.get("data"))):
        return records, ("data",), 0
    if found := _split(data):
        return found
    if _texts([str(k) for k in data]) and all(isinstance(v, dict | list) for v in data.values()):
        return _columns(data)
    if len(data) > 1 and all(
        isinstance(v, dict) and any(map_header(str(k)) for k in v) for v in data.values()
    ):
        return _keyed(data)
    for key, value in data.items():  # an envelope: the first table inside it
        if isinstance(value, dict | list) and (found := table_records(value)):
            records, path, skip = found
            return records, (str(key), *path), skip
    return None


def _titles(columns: Any) -> dict[str, str] | None:
    """The title of each key a column configuration gives (an array of objects, each with a
    member whose texts are headers, most of them, and a member of distinct keys; or a column
    dictionary, an object of titles keyed by the keys, ``{"qlmc": "事项名称", …}``), or None.

    >>> _titles({"xh": "序号", "qlmc": "事项名称", "zxzt": "实施主体"})["zxzt"]
    '实施主体'
    >>> _titles({"code": 200, "msg": "成功", "total": 3}) is None
    True
    """
    if (
        isinstance(columns, dict)
        and len(columns) >= 3
        and all(isinstance(t, str) for t in columns.values())
        and is_header(list(columns.values()))
    ):
        return {str(k): v for k, v in columns.items()}
    if not isinstance(columns, list) or len(columns) < 3:
        return None
    if not all(isinstance(c, dict) for c in columns):
        return None
    common = [k for k in columns[0] if all(k in c for c in columns[1:])]
    for title in common:
        texts = [c[title] for c in columns]
        if not all(isinstance(t, str) for t in texts) or not is_header(texts):
            continue
        for key in common:
            keys = [c[key] for c in columns]
            if (
                key != title
                and all(isinstance(k, str) for k in keys)
                and len(set(keys)) == len(keys)
            ):
                return dict(zip(keys, texts, strict=True))
    return None


def has_dictionary(data: Any) -> bool:
    """Whether ``data`` (an envelope) or an object inside it holds a column dictionary (an
    object of titles keyed by the records' keys): its records are read whole, keyed by them.

    >>> has_dictionary({"columnMap": {"a1": "事项名称", "a2": "事项类型", "a3": "实施主体"}})
    True
    """
    if not isinstance(data, dict):
        return False
    return any(
        isinstance(v, dict) and (_titles(v) is not None or has_dictionary(v)) for v in data.values()
    )


def configured_records(data: Any) -> tuple[list[dict[str, Any]], tuple[str, ...]] | None:
    """The records of a *configured* layout in ``data`` (or an envelope inside it) keyed by
    their titles, and the keys that lead to their array; None when there is none.

    >>> columns = [{"field": "f1", "title": "序号"}, {"field": "f2", "title": "事项名称"},
    ...            {"field": "f3", "title": "事项类型"}]
    >>> configured_records({"columns": columns, "rows": [{"f1": 1, "f2": "甲", "f3": "行政许可"}]})
    ([{'序号': 1, '事项名称': '甲', '事项类型': '行政许可'}], ('rows',))
    """
    if not isinstance(data, dict):
        return None
    titles = next((t for v in data.values() if (t := _titles(v))), None)
    for key, value in data.items():
        if titles and isinstance(value, list) and value and all(isinstance(r, dict) for r in value):
            keys = {str(k) for r in value for k in r}
            if len(keys & titles.keys()) * 2 > len(keys):
                rows = [{titles.get(str(k), str(k)): v for k, v in r.items()} for r in value]
                return rows, (str(key),)
    for key, value in data.items():
        if isinstance(value, dict) and (found := configured_records(value)):
            return found[0], (str(key), *found[1])
    return None


def _split(data: dict[Any, Any]) -> tuple[list[dict[str, Any]], tuple[str, ...], int] | None:
    """The *split* layout under other keys than pandas': one value an array of header texts,
    another an array of rows as wide (``{"header": [...], "rows": [[...]]}``, ``{"titles": …,
    "values": …}``), the rest scalars (a count, a page number)."""
    header = next((h for v in data.values() if (h := _texts(v))), None)
    if header is None:
        return None
    for key, value in data.items():
        if (
            isinstance(value, list)
            and value
            and all(isinstance(r, list) and len(r) == len(header) for r in value)
            and (records := _table(header, value))
        ):
            return records, (str(key),), 0
    return None


def _columns(data: dict[Any, Any]) -> tuple[list[dict[str, Any]], tuple[str, ...], int] | None:
    """Columns keyed by the header, each an object keyed by the row (or an array), in rows."""
    rows: dict[str, dict[str, Any]] = {}
    for column, values in data.items():
        pairs = values.items() if isinstance(values, dict) else enumerate(values)
        for row, value in pairs:
            rows.setdefault(str(row), {})[str(column)] = value
    return (list(rows.values()), (), 0) if rows else None


def _keyed(data: dict[Any, Any]) -> tuple[list[dict[str, Any]], tuple[str, ...], int]:
    """Records keyed by their serial: the key is the record's serial when it has none."""
    records = []
    for key, record in data.items():
        has_serial = any(map_header(str(k)) == "row" for k in record)
        serial = {} if has_serial or not is_serial(str(key)) else {_SERIAL: str(key)}
        records.append({**serial, **record})
    return records, (), 0
