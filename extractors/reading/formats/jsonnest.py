"""Flattens a JSON record that nests its fields: an object of fields inside it (``"依据":
{"设定依据": …, "追责依据": …}``), and its children, an array of records inside it (``"子项":
[{"子项名称": …, "设定依据": …}, …]``, ``"children": [...]``), each of which becomes a row of
its own after its parent's, as a table writes sub-items under their main item."""

from __future__ import annotations

from typing import Any

from extractors.reading.headers import map_header


def _names_fields(value: dict[Any, Any]) -> bool:
    return any(map_header(str(k)) is not None for k in value)


def flat_records(record: dict[Any, Any]) -> list[dict[Any, Any]]:
    """``record`` as the rows it makes: its own fields, those of an object of fields inside it
    taken in (unless the record has a field of that name already), then the rows of each of its
    children, in order. An object or array whose keys name no field stays one value.

    >>> rows = flat_records({"序号": "1", "事项名称": "甲", "依据": {"设定依据": "《乙法》第一条"},
    ...                      "子项": [{"子项名称": "丙", "设定依据": "《丁法》第二条"}]})
    >>> for row in rows:
    ...     print(row)
    {'序号': '1', '事项名称': '甲', '设定依据': '《乙法》第一条'}
    {'子项名称': '丙', '设定依据': '《丁法》第二条'}
    """
    own: dict[Any, Any] = {}
    inner: list[dict[Any, Any]] = []
    children: list[dict[Any, Any]] = []
    for key, value in record.items():
        if isinstance(value, dict) and value and _names_fields(value):
            inner.append(value)
        elif (
            isinstance(value, list)
            and value
            and all(isinstance(v, dict) for v in value)
            and any(_names_fields(v) for v in value)
        ):
            children += value
        else:
            own[key] = value
    for value in inner:
        for key, field in value.items():
            own.setdefault(key, field)
    if not children:
        return [own]
    return [own, *(row for child in children for row in flat_records(child))]
