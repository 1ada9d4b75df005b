"""Flattens a JSON record that nests its fields: an object of fields inside it (``"依据":
{"设定依据": …, "追责依据": …}``), and its children, an array of records inside it (``"子项":
[{"子项名称": …, "设定依据": …}, …]``, ``"children": [...]``), each of which becomes a row of
its own after its parent's, as a table writes sub-items under their main item. A record that
names no item but holds records (a department's group, ``{"deptName": "县医疗保障局", "items":
[...]}``) gives its children the fields of a group they lack (department, type, level), as a
group row over a table's items does.

A field whose value is an object (``"实施主体": {"名称": "县医疗保障局", "编码": "…"}``), or a list
of objects, takes the member that names it (:func:`field_value`): the object describes the
field's value, its other members (the department's code) are no fields of the item. An item
written as a list of label/value pairs (``[{"label": "事项名称", "value": …}, …]``) is the
object of those fields (:func:`pairs_record`)."""

from __future__ import annotations

from typing import Any

from extractors.reading.headers import map_header

#: The fields a record that is a group of items (no item name of its own) gives its children.
_GROUP_FIELDS = frozenset({"department", "type", "level", "guiding_department"})
#: The fields that name an item: a record with one is an item, its children sub-items.
_ITEM_NAMES = frozenset({"name", "subitem"})


#: The fields the members of an object under a field's key name when it describes the field's
#: value: its own name, code or serial (a department's 名称 and 编码), none of the item's (an
#: object whose members name the item's fields, ``"依据": {"设定依据": …}``, is taken in whole).
_DESCRIBING = frozenset({"name", "code", "row"})
#: The most members a label/value pair has (``{"label": …, "value": …, "type": "text"}``).
_PAIR_MEMBERS = 3


def _named_member(value: dict[Any, Any]) -> str | None:
    """The text of the member of ``value`` (an object under a field's key) that names
    it: the one member under a name's key (名称, name), else the one text member, not ASCII (a
    code, an identifier) nor under a code's or serial's key; None when the object is no such
    description (a member names a field of an item: an object of fields, or none or several
    members could be the value)."""
    keys = {k: map_header(str(k)) for k in value}
    if any(key is not None and key not in _DESCRIBING for key in keys.values()):
        return None
    texts = {k: v for k, v in value.items() if isinstance(v, str) and v.strip()}
    # the members that could be the value: text, not a code's or a serial's, not ASCII
    words = [k for k, v in texts.items() if keys[k] in (None, "name") and not v.isascii()]
    named = [k for k in words if keys[k] == "name"] or words
    if len(named) != 1 or len(words) > 1:
        return None  # (a second text beside the name, an article beside a law's, would be lost)
    return texts[named[0]]


def field_value(key: Any, value: Any) -> str | list[str] | None:
    """The value of the field ``key`` names given as an object or a list of objects: the text
    of the member naming it (:func:`_named_member`; a list's, one each), else None (not a
    field's key, or no such object).

    >>> field_value("实施主体", {"名称": "县医疗保障局", "编码": "11330000"})
    '县医疗保障局'
    >>> field_value("事项类型", {"code": "01", "text": "行政许可"})
    '行政许可'
    >>> field_value("实施主体", [{"name": "县人力社保局", "id": 1}, {"name": "县医疗保障局"}])
    ['县人力社保局', '县医疗保障局']
    >>> field_value("依据", {"设定依据": "《乙法》第一条", "追责依据": "《丁法》第二条"}) is None
    True
    >>> field_value("设定依据", {"name": "《乙法》", "article": "第一条"}) is None
    True
    """
    field = map_header(str(key))
    if field is None or field == "subitem" or not value:
        return None
    if isinstance(value, dict):
        return _named_member(value)
    if isinstance(value, list) and all(isinstance(v, dict) and v for v in value):
        names = [_named_member(v) for v in value]
        return None if None in names else [n for n in names if n is not None]
    return None


def pairs_record(value: Any) -> dict[str, Any] | None:
    """The object of the fields a list of label/value pairs gives, or None when ``value`` is
    no such list. Each pair is an object of a few members; the label is the member, under the
    same key in every pair, whose texts name fields (half of them or more, two at least), the
    value the one other member every pair has.

    >>> pairs_record([{"label": "事项名称", "value": "甲"}, {"label": "事项类型", "value": "乙"}])
    {'事项名称': '甲', '事项类型': '乙'}
    >>> pairs_record([{"事项名称": "甲", "事项类型": "行政许可"}]) is None
    True
    """
    if (
        not isinstance(value, list)
        or len(value) < 2
        or not all(isinstance(v, dict) and 2 <= len(v) <= _PAIR_MEMBERS for v in value)
    ):
        return None
    common = [k for k in value[0] if all(k in v for v in value[1:])]
    for label in common:
        texts = [v[label] for v in value]
        if not all(isinstance(t, str) for t in texts):
            continue
        named = sum(map_header(t) is not None for t in texts)
        others = [k for k in common if k != label]
        if named >= max(2, len(texts) / 2) and len(others) == 1:
            (other,) = others
            return {v[label]: v[other] for v in value}
    return None


def as_object(value: Any) -> Any:
    """``value`` as an object when it is a list of label/value pairs (:func:`pairs_record`),
    else as it is: an element of an array of items."""
    pairs = pairs_record(value) if isinstance(value, list) else None
    return value if pairs is None else pairs


def _names_fields(value: dict[Any, Any]) -> bool:
    return any(map_header(str(k)) is not None for k in value)


#: The key a child of an item is given for its name when it writes it as an item's (sxmc):
#: a 子项 of its parent, as under a 项目 | 子项 header.
SUBITEM_KEY = "子项名称"


def _as_subitem(child: dict[Any, Any]) -> dict[Any, Any]:
    """``child``, a record inside an item's record, with its name under the key of a 子项
    when it writes it under an item's name key (``"children": [{"sxmc": …}]``): read as an
    item of its own, it lost its parent without a word.

    >>> _as_subitem({"sxmc": "丙", "sdyj": "《丁法》第二条"})
    {'子项名称': '丙', 'sdyj': '《丁法》第二条'}
    >>> _as_subitem({"子项名称": "丙"}), _as_subitem({"序号": "1", "sxmc": "丙"})
    ({'子项名称': '丙'}, {'序号': '1', 'sxmc': '丙'})
    """
    keys = [map_header(str(k)) for k in child]
    if "subitem" in keys or "row" in keys or keys.count("name") != 1:
        return child  # (a child with a serial of its own is read by it: 1-1 under 1 joins 1)
    return {
        (SUBITEM_KEY if key == "name" else k): v
        for k, key, v in zip(child, keys, child.values(), strict=True)
    }


def _given(own: dict[Any, Any], child: dict[Any, Any]) -> dict[Any, Any]:
    """``child`` with the group fields of ``own`` (a record naming no item) it has none of;
    under a record naming an item, ``child`` as its 子项 (:func:`_as_subitem`)."""
    keys = {map_header(str(k)): k for k in own}
    if keys.keys() & _ITEM_NAMES:
        return _as_subitem(child)
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
    return [row for row, _ in placed_rows(record, 0)]


def placed_rows(record: dict[Any, Any], line: int) -> list[tuple[dict[Any, Any], int]]:
    """The rows of :func:`flat_records`, each with the line its object opens on: that of the
    object it comes from when it knows it (``jsonwindow.Placed``), else that of the record it
    is in (``line`` for ``record``'s own)."""
    line = getattr(record, "line", None) or line
    own: dict[Any, Any] = {}
    inner: list[dict[Any, Any]] = []
    children: list[dict[Any, Any]] = []
    for key, value in record.items():
        if (pairs := pairs_record(value)) is not None:
            inner.append(pairs)
        elif (taken := field_value(key, value)) is not None:
            own[key] = taken
        elif isinstance(value, dict) and value and _names_fields(value):
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
    rows = [(own, line)]
    for child in children:
        rows += placed_rows(_given(own, child), getattr(child, "line", None) or line)
    return rows
