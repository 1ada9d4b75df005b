"""Flattens a JSON record that nests its fields: an object of fields inside it (``"依据":
{"设定依据": …, "追责依据": …}``), and its children, an array of records inside it (``"子项":
[{"子项名称": …, "设定依据": …}, …]``, ``"children": [...]``), each of which becomes a row of
its own after its parent's, as a table writes sub-items under their main item. A record that
names no item but holds records (a department's group, ``{"deptName": "县医疗保障局", "items":
[...]}``) gives its children the fields of a group they lack (department, type, level), as a
group row over a table's items does."""

from __future__ import annotations

from typing import Any

from extractors.reading.headers import map_header

#: The fields a record that is a group of items (no item name of its own) gives its children.
_GROUP_FIELDS = frozenset({"department", "type", "level", "guiding_department"})
#: The fields that name an item: a record with one is an item, its children sub-items.
_ITEM_NAMES = frozenset({"name", "subitem"})


def _names_fields(value: dict[Any, Any]) -> bool:
    return any(map_header(str(k)) is not None for k in value)


def _given(own: dict[Any, Any], child: dict[Any, Any]) -> dict[Any, Any]:
    """``child`` with the group fields of ``own`` (a record naming no item) it has none of."""
    keys = {map_header(str(k)): k for k in own}
    if keys.keys() & _ITEM_NAMES:
        return child
    has = {map_header(str(k)) for k in child}
    given = {k: own[k] for key, k in keys.items() if key in _GROUP_FIELDS - has}
    return {**given, **child} if given else child


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
    >>> flat_records({"deptName": "县医疗保障局", "items": [{"事项名称": "甲"}]})[1]
    {'deptName': '县医疗保障局', '事项名称': '甲'}
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
    return [own, *(row for child in children for row in flat_records(_given(own, child)))]
