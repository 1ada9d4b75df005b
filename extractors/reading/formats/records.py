"""Reads JSON arrays of objects (keys are the list's own headers, in Chinese or as the coded keys
of government APIs) into a Grid, top level or wrapped in an envelope."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from extractors.errors import InputError
from extractors.models import Anomaly, Reject
from extractors.reading.formats.cells import clean_cell
from extractors.reading.formats.grid import Grid, SourceRow
from extractors.reading.formats.jsonnest import as_object, flat_records, placed_rows
from extractors.reading.formats.jsonpages import page_reject
from extractors.reading.formats.jsonshapes import (
    configured_records,
    has_dictionary,
    table_records,
)
from extractors.reading.formats.jsonwindow import (
    DECODER,
    ESCAPED_SURROGATE,
    SPACE,
    Array,
    Window,
    elements,
    envelope,
    placed,
)
from extractors.reading.formats.sheets.sheetxml import cell_text
from extractors.reading.headers import load_headers, map_header
from extractors.reading.vocab import names_section, section_department

#: The text of a file, a block at a time, read again from the start each time it is called.
Blocks = Callable[[], Iterable[str]]


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


#: A UTF-16 surrogate on its own: JSON may escape one (``"\\ud800"``) though no text holds it,
#: and such a string cannot be written out as UTF-8 (how one is written in JSON text is
#: ``ESCAPED_SURROGATE``; a text without it is not scrubbed cell by cell).
_SURROGATE = re.compile("[\ud800-\udfff]")


def _records(data: Any, context: list[tuple[int, str]]) -> tuple[list[Any], tuple[str, ...]] | None:
    """The array of records in ``data`` and the keys that lead to it: the top level, or the
    first array of objects inside an envelope (``{"code": 200, "data": {"list": [...]}}``, as
    government APIs return them), whose string values become context."""
    if isinstance(data, list):
        return data, ()
    if not isinstance(data, dict):
        return None
    data = {key: _decoded(value) for key, value in data.items()}
    for key, value in data.items():
        if isinstance(value, str) and value.strip():
            line = f"{key}：{value.strip()}" if len(value) > 40 else value.strip()
            context.append((0, _SURROGATE.sub("\ufffd", line)))
    if groups := _grouped(data):
        return groups, ()
    for key, value in data.items():
        found = _records(value, context) if isinstance(value, dict | list) else None
        if found and any(isinstance(as_object(v), dict) for v in found[0]):
            return found[0], (str(key), *found[1])
    return None


def _decoded(value: Any) -> Any:
    """``value``, or, when it is a string holding a JSON array or object (an API that encodes
    its list twice, ``"data": "[{\\"事项名称\\": …}]"``), what that string holds.

    >>> _decoded('[{"事项名称": "甲"}]'), _decoded("[1] 见附件")
    ([{'事项名称': '甲'}], '[1] 见附件')
    """
    if not isinstance(value, str) or value.lstrip()[:1] not in ("[", "{"):
        return value
    try:
        held = json.loads(value)
    except json.JSONDecodeError:
        return value
    return held if isinstance(held, list | dict) else value


#: The key of a group's record naming the department its items fall under (县林业局 of
#: ``{"县林业局": [...]}``): written as a heading row over them, as a list's title or a group row
#: of a table is (``PowerItem.section_department``), never as their department column, which
#: only a record's own field gives (the gold's convention, ../shared/realworld/NOTES.md).
_HEADING = "\x00heading"


def _group_key(name: str) -> str | None:
    """The header of the field a group's name gives its records: the type for a power type's
    name (行政许可, 二、行政处罚类); for a department's (县医疗保障局), :data:`_HEADING`."""
    if names_section(name):
        return str(load_headers()["fields"]["type"]["synonyms"][0])
    return _HEADING if section_department(name) else None


def _members(key: str | None, value: Any) -> Any:
    """The records of a group's ``value``: an array of records, or, under a department's name,
    an object of its power types' arrays (``{"县林业局": {"行政许可": [...]}}``) as their
    groups; None for any other value."""
    if isinstance(value, list) and any(isinstance(as_object(e), dict) for e in value):
        return value
    if key == _HEADING and isinstance(value, dict) and (types := _grouped(value)):
        return list(types) if all(k != _HEADING for r in types for k in r) else None
    return None


def _grouped(data: dict[Any, Any]) -> list[dict[Any, Any]] | None:
    """The groups of an object of arrays of records keyed by what they share, a power type or
    a department (``{"行政许可": [...], "行政处罚": [...]}``, or one such array), each as a record
    naming the group under its field's header and holding its records (a record without a
    name, whose fields its records take: ``jsonnest``); None for any other object.

    >>> _grouped({"行政许可": [{"事项名称": "甲"}], "行政处罚": [{"事项名称": "乙"}]})[1]
    {'职权类型': '行政处罚', 'items': [{'事项名称': '乙'}]}
    >>> _grouped({"data": [{"事项名称": "甲"}], "list": [{"事项名称": "乙"}]}) is None
    True
    """
    keys = {k: _group_key(str(k)) for k in data}
    arrays = {k: m for k, v in data.items() if (m := _members(keys[k], v)) is not None}
    if not arrays or not all(keys[k] for k in arrays):
        return None
    return _Groups([{keys[k]: k, "items": v} for k, v in arrays.items()], [str(k) for k in arrays])


class _Groups(list[dict[Any, Any]]):
    """The records :func:`_grouped` makes of the groups of an object, and the groups' keys."""

    def __init__(self, records: list[dict[Any, Any]], names: list[str]) -> None:
        super().__init__(records)
        self.names = names

    def starts(self, text: str, path: tuple[str, ...]) -> list[int]:
        """The line each group's first record starts on, the groups those of the object at
        ``path`` of ``text`` (each record of a group is given it)."""
        return [(_starts(text, _locate(text, (*path, name))) or [1])[0] for name in self.names]

    def placed(self, text: str, path: tuple[str, ...]) -> list[dict[Any, Any]]:
        """The records, each group's items decoded from ``text`` (the groups those of the
        object at ``path``) knowing the line each opens on (``jsonwindow.Placed``)."""
        return [
            {**record, "items": _members(_HEADING, placed(text, at, text.count("\n", 0, at) + 1))}
            for record, name in zip(self, self.names, strict=True)
            if (at := _locate(text, (*path, name)) or 0) >= 0
        ]


def _scrubbed(
    record: dict[Any, Any], header: tuple[str, ...], scrub: bool
) -> tuple[tuple[str, ...], Anomaly | None]:
    """The cells of ``record`` under ``header``, each lone surrogate replaced by U+FFFD when
    ``scrub`` (the text escapes a surrogate), and a note saying so when there was one (in a
    value or in a key)."""
    raw = tuple(_value(record.get(k)) for k in header)
    if not scrub:
        return raw, None
    bad = [str(k) for k in record if _SURROGATE.search(str(k))]
    bad += [h for h, cell in zip(header, raw, strict=True) if _SURROGATE.search(cell)]
    if not bad:
        return raw, None
    where = _SURROGATE.sub("\ufffd", bad[0])
    note = Anomaly(
        "lone-surrogate",
        f"the JSON escapes a lone UTF-16 surrogate (no character) under {where}; read as U+FFFD",
        where,
    )
    return tuple(_SURROGATE.sub("\ufffd", c) for c in raw), note


def _skip(text: str, position: int) -> int:
    """The offset of the first character at or after ``position`` that is not JSON white space."""
    match = SPACE.match(text, position)
    return match.end() if match else position


def _locate(text: str, path: tuple[str, ...]) -> int | None:
    """The offset in ``text`` of the value reached through the object keys ``path`` (the last
    occurrence of a repeated key, as json.loads keeps it), skipping other values unparsed."""
    position = _skip(text, 0)
    for key in path:
        if text[position : position + 1] != "{":
            return None
        found: int | None = None
        position += 1
        while True:
            position = _skip(text, position)
            if text[position : position + 1] in ("}", ""):
                break
            name, position = DECODER.raw_decode(text, position)
            position = _skip(text, _skip(text, position) + 1)  # past the colon
            if name == key:
                found = position
            _, position = DECODER.raw_decode(text, position)
            position = _skip(text, position)
            if text[position : position + 1] == ",":
                position += 1
        if found is None:
            return None
        position = found
    return position


def _starts(text: str, position: int | None) -> list[int]:
    """The line each element of the JSON array at ``position`` starts on (empty when there is
    no array there)."""
    if position is None or text[position : position + 1] != "[":
        return []
    lines: list[int] = []
    line, counted = 1, 0
    position += 1
    while True:
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
        if position >= len(text) or text[position] == "]":
            return lines
        line += text.count("\n", counted, position)
        counted = position
        lines.append(line)
        _, position = DECODER.raw_decode(text, position)


def read_records(text: str, path: str) -> Grid:
    """A Grid whose header is every key seen (in order) and whose rows are the objects: of a
    JSON array (top level or in an envelope), or of JSON Lines (one object a line).

    >>> grid = read_records('[{"序号": 1, "事项名称": "城乡医疗救助"}]', "a.json")
    >>> [r.cells for r in grid.rows], grid.rows[1].line
    ([('序号', '事项名称'), ('1', '城乡医疗救助')], 1)
    >>> grid = read_records('{"序号": 1}\\n\\n{"序号": 2}\\n', "a.jsonl")
    >>> [(r.line, r.cells) for r in grid.rows]
    [(1, ('序号',)), (1, ('1',)), (3, ('2',))]
    """
    try:
        return _read_records(text, path)
    except RecursionError:
        # json and the walk over the records recurse once per level of nesting.
        raise InputError(
            path, "JSON nested too deep to be a list of records (thousands of levels)"
        ) from None


def _read_records(text: str, path: str) -> Grid:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        if err.msg == "Extra data" and text.lstrip().startswith("{"):
            paged: list[tuple[int, str]] = []
            found_lines = _json_lines(text, path)
            values, lines = _pages(text, *found_lines, paged)
            grid = _grid(values, lines, paged, text, path, "line")
            pages = [v for v in found_lines[0] if _page(v)]
            return _paged(grid, pages, values, path, found_lines[1][0]) if pages else grid
        raise InputError(
            path, f"not valid JSON: {err.msg}", line=err.lineno, column=err.colno
        ) from None
    context: list[tuple[int, str]] = []
    found = _records(data, context)
    if configured := configured_records(data):
        found = configured  # records keyed by codes a column configuration beside them titles
    elif found and not isinstance(found[0], _Groups):
        # an item written as a list of label/value pairs is the object of its fields
        found = [as_object(r) for r in found[0]], found[1]
    no_objects = not found or not any(isinstance(r, dict) for r in found[0])
    if no_objects and (table := table_records(data)):
        # a table of another layout: columns and rows, a header row, records keyed by serial
        records, keys_path, skip = table
        starts = _starts(text, _locate(text, keys_path))[skip:]
        grid = _grid(records, starts, context, text, path, "array element")
        return _paged(grid, [data], records, path, _opening_line(text))
    if not found or not found[0]:
        raise InputError(
            path,
            'no array of objects found; expected [{"序号": …, "事项名称": …}, …] (or '
            '{"columns": [header], "data": [rows]}, [[header], [row], …])',
        )
    records, keys_path = found
    groups = found[0] if isinstance(found[0], _Groups) else None
    position = _locate(text, keys_path)
    starts = groups.starts(text, keys_path) if groups else _starts(text, position)
    if position is not None and text[position : position + 1] == '"':
        # the records are a string's JSON (``_decoded``): each on the line the string opens
        starts = [text.count("\n", 0, position) + 1] * len(records)
    elif position is not None and not configured and _nest(records):
        # items under a group (or sub-items under an item): each on the line it opens on
        records = (
            groups.placed(text, keys_path)
            if groups
            else placed(text, position, text.count("\n", 0, position) + 1)
        )
    grid = _grid(records, starts, context, text, path, "array element")
    if groups or not isinstance(data, dict):
        return grid
    return _paged(grid, [data], records, path, _opening_line(text))


def _opening_line(text: str) -> int:
    """The line the JSON value of ``text`` opens on."""
    return text.count("\n", 0, _skip(text, 0)) + 1


def _paged(grid: Grid, envelopes: list[Any], records: list[Any], path: str, line: int) -> Grid:
    """``grid``, with a reject first saying the list is incomplete when the ``envelopes`` of
    the pages read say it has more records or pages than those read (``jsonpages``)."""
    held = sum(isinstance(as_object(r), dict) for r in records)
    said = page_reject(envelopes, held, path, line)
    return grid if said is None else replace(grid, rejects=(said, *grid.rejects))


def _arrays_of_objects(skeleton: Any) -> int:
    """How many arrays holding an object the walked envelope ``skeleton`` has, at any depth."""
    if isinstance(skeleton, Array):
        return int(bool(skeleton))
    if isinstance(skeleton, dict):
        return sum(_arrays_of_objects(v) for v in skeleton.values())
    return 0


def _nest(records: list[Any]) -> bool:
    """Whether an object of ``records`` holds an array of objects (children, a group's items)."""
    return any(
        isinstance(v, list) and any(isinstance(e, dict) for e in v)
        for r in records
        if isinstance(r, dict)
        for v in r.values()
    )


def _json_lines(text: str, path: str) -> tuple[list[Any], list[int], list[int]]:
    """The values of JSON Lines text, the line of each (blank lines skipped) and the offset it
    opens at; or of JSON values written one after another over lines (the pages an API gave,
    each an envelope printed over lines, saved one after another)."""
    records, lines, offsets = [], [], []
    number, counted = 1, 0
    position = _skip(text, 0)
    while position < len(text):
        number += text.count("\n", counted, position)
        counted = position
        try:
            value, end = DECODER.raw_decode(text, position)
        except json.JSONDecodeError as err:
            raise InputError(
                path, f"not valid JSON Lines: {err.msg}", line=err.lineno, column=err.colno
            ) from None
        records.append(value)
        lines.append(number)
        offsets.append(position)
        position = _skip(text, end)
    return records, lines, offsets


#: The fields an envelope's own keys may seem to name: its status (``code``), a serial.
_ENVELOPE_FIELDS = frozenset({None, "code", "row"})


def _names_fields(value: dict[Any, Any]) -> bool:
    return any(map_header(str(k)) not in _ENVELOPE_FIELDS for k in value)


def _page(value: Any) -> bool:
    """Whether ``value`` (one of several JSON values in a file) is a page of the list an API
    returned, an envelope (``{"code": 200, "data": {"pageNum": 1, "list": [...]}}``) rather than
    a record: an object holding an array of objects, none of whose keys names a field but a
    code or a serial (an envelope's status, ``"code": 200``; a group of items names its
    department or type, a record with children its name)."""
    if not isinstance(value, dict) or _names_fields(value):
        return False
    found = _records(value, [])
    return found is not None and any(isinstance(as_object(r), dict) for r in found[0])


def _pages(
    text: str,
    values: list[Any],
    lines: list[int],
    offsets: list[int],
    context: list[tuple[int, str]],
) -> tuple[list[Any], list[int]]:
    """The records of ``values`` (JSON values one after another, each opening on its line of
    ``lines`` at its offset of ``offsets``), each that is a page of an API's list (:func:`_page`)
    giving the records it holds, each on the line it opens on, the page's text context.

    >>> text = '{"code": 200, "data": {"list": [{"事项名称": "甲"}]}}\\n{"code": 200, "data":\\n'
    >>> text += ' {"list": [\\n  {"事项名称": "乙"}]}}\\n'
    >>> _pages(text, *_json_lines(text, "a.json"), [])
    ([{'事项名称': '甲'}, {'事项名称': '乙'}], [1, 4])
    """
    if not any(_page(v) for v in values):
        return values, lines
    records: list[Any] = []
    starts: list[int] = []
    for index, (value, line) in enumerate(zip(values, lines, strict=True)):
        if not _page(value):
            records.append(value)
            starts.append(line)
            continue
        page_context: list[tuple[int, str]] = []
        found = _records(value, page_context)
        assert found is not None  # (a page holds records)
        context += [(line, text) for _, text in page_context]
        end = offsets[index + 1] if index + 1 < len(offsets) else len(text)
        page = text[offsets[index] : end]
        at = _starts(page, _locate(page, found[1]))
        records += found[0]
        starts += [line + a - 1 for a in at] + [line] * (len(found[0]) - len(at))
    return records, starts


def _grid(
    records: list[Any],
    starts: list[int],
    context: list[tuple[int, str]],
    text: str,
    path: str,
    element: str,
) -> Grid:
    """The Grid of ``records``, which start on the lines ``starts``; ``element`` names what
    holds a record (in the reason of a reject)."""
    scrub = ESCAPED_SURROGATE.search(text) is not None
    # an object as the tuple of its rows (JSON gives no tuples; an array element is a reject)
    records = [as_object(r) for r in records]
    lines = [starts[index] if index < len(starts) else index + 1 for index in range(len(records))]
    flat = [
        tuple(placed_rows(r, line)) if isinstance(r, dict) else r
        for r, line in zip(records, lines, strict=True)
    ]
    layout = _Layout.of(
        _Layout.keys_of(r for f in flat if isinstance(f, tuple) for r, _ in f), scrub
    )
    rows = [layout.header_row()]
    rejects = []
    for line, record in zip(lines, flat, strict=True):
        if isinstance(record, tuple):  # an object: its rows (its children after it)
            rows += (layout.row(r, at) for r, at in record)
        else:
            rejects.append(_reject(record, line, path, element))
    return Grid(tuple(rows), tuple(context), tuple(rejects), header=0)


@dataclass(frozen=True, slots=True)
class _Layout:
    """The header of a list of records (every key of every record, in order), as written and
    as shown (a lone surrogate replaced), and whether cells are scrubbed of lone surrogates."""

    keys: tuple[str, ...]
    shown: tuple[str, ...]
    scrub: bool

    @staticmethod
    def keys_of(records: Iterable[Any]) -> tuple[str, ...]:
        """Every key of every record (of those that are objects), in order."""
        keys: dict[str, None] = {}
        for record in records:
            if isinstance(record, dict):
                keys.update(dict.fromkeys(str(k) for k in record if k != _HEADING))
        return tuple(keys)

    @classmethod
    def of(cls, header: tuple[str, ...], scrub: bool) -> _Layout:
        """The layout of the keys ``header``; ``scrub``: the text escapes a lone surrogate."""
        fixed = {k: _SURROGATE.sub("\ufffd", k) for k in header if _SURROGATE.search(k)}
        return cls(header, tuple(fixed.get(k, k) for k in header), scrub)

    def header_row(self) -> SourceRow:
        return SourceRow(1, self.shown, self.shown)

    def row(self, record: dict[Any, Any], line: int) -> SourceRow:
        if _HEADING in record:  # a group's department: a heading row over its items
            heading = (str(record[_HEADING]), *("" for _ in self.keys[1:]))
            return SourceRow(line, tuple(clean_cell(c) for c in heading), heading)
        raw, note = _scrubbed(record, self.keys, self.scrub)
        notes = (note,) if note else ()
        return SourceRow(line, tuple(clean_cell(c) for c in raw), raw, notes)


def _reject(record: Any, line: int, path: str, element: str) -> Reject:
    value = _SURROGATE.sub("\ufffd", _value(record)[:200])
    return Reject(path, line, value, f"{element} is not an object")


class RecordRows:
    """The rows of a large JSON list of records, made one record at a time
    (``extractors.reading.stream``), the same as :func:`read_records` gives: the header row,
    then a row per object. The text is not held: each pass decodes the file again, a block at
    a time, and each record is decoded and let go (``formats.jsonwindow``). A first pass over
    the records finds the header and the elements that are no objects (:attr:`rejects`); a
    list in an envelope (``{"code": 200, "data": {"list": [...]}}``) takes one pass before it,
    over the envelope, to find which of its arrays holds the records and the envelope's own
    text (:attr:`context`).

    :meth:`open` gives None for any other text (bad JSON, no records, nesting too deep):
    :func:`read_records` reads it whole and says what is wrong.
    """

    def __init__(self, blocks: Blocks, path: str, kind: str, target: int) -> None:
        self.blocks = blocks
        self.path = path
        self.kind = kind  # "array" (at the top level), "envelope" or "lines" (JSON Lines)
        self.target = target  # the envelope's array that holds the records
        self.layout = _Layout((), (), False)
        self.rejects: list[Reject] = []
        self.context: list[tuple[int, str]] = []
        self.skeleton: Any = None  # the envelope walked, its arrays without their elements
        self.opening = 1  # the line the envelope opens on

    @classmethod
    def open(cls, blocks: Blocks, path: str) -> RecordRows | None:
        """The rows of the JSON text ``blocks`` gives, or None when it is to be read whole."""
        try:
            found = cls._shape(blocks, path)
            if found is None:
                return None
            element = "line" if found.kind == "lines" else "array element"
            rejects: list[Reject] = []
            held = 0

            def objects() -> Iterator[Any]:
                nonlocal held
                for line, record in found._elements(window):
                    if isinstance(record := as_object(record), dict):
                        held += 1
                        yield from flat_records(record)
                    else:
                        rejects.append(_reject(record, line, path, element))

            window = Window(blocks())
            keys = _Layout.keys_of(objects())
        except (ValueError, RecursionError):  # no valid JSON, or text no longer decoded
            return None
        if not keys:
            return None  # no object with a key: read whole, which says what is wrong
        if found.kind == "envelope":
            # a page of a longer list: said first, as the whole reading says it (``_paged``)
            said = page_reject([found.skeleton], held, path, found.opening)
            rejects = rejects if said is None else [said, *rejects]
        found.layout, found.rejects = _Layout.of(keys, window.escapes), rejects
        return found

    @classmethod
    def _shape(cls, blocks: Blocks, path: str) -> RecordRows | None:
        """What the text holds: an array, JSON Lines, or an envelope (walked once: its arrays,
        its text); None when it is none of these."""
        window = Window(blocks())
        opening = window.skip()
        line = window.line()
        if opening == "[":
            return cls(blocks, path, "array", 0)
        if opening != "{":
            return None
        walk = envelope(window)
        while True:
            try:
                next(walk)
            except StopIteration as done:
                skeleton = done.value
                break
        if has_dictionary(skeleton) or _arrays_of_objects(skeleton) > 1:
            # records keyed by a column dictionary or configuration beside them (an array of
            # objects too, which may come first): read whole
            return None
        context: list[tuple[int, str]] = []
        records = _records(skeleton, context)
        if window.skip():
            paged = isinstance(skeleton, dict) and not _names_fields(skeleton)
            if paged and records and isinstance(records[0], Array) and records[0]:
                return None  # pages of an API's list one after another: read whole
            return cls(blocks, path, "lines", 0)  # more than one value: JSON Lines
        if not records or not isinstance(records[0], Array) or not records[0]:
            return None
        shaped = cls(blocks, path, "envelope", records[0].number)
        shaped.context = context
        shaped.skeleton, shaped.opening = skeleton, line
        return shaped

    def _elements(self, window: Window) -> Iterator[tuple[int, Any]]:
        """Each record with the line it starts on; JSONDecodeError where the text is not valid
        JSON (or JSON Lines) as ``json.loads`` reads it."""
        if self.kind == "lines":
            yield from _lines(window)
            return
        if self.kind == "array":
            yield from elements(window)
        else:
            yield from envelope(window, self.target)
        window.end()

    def __iter__(self) -> Iterator[SourceRow]:
        layout = self.layout
        yield layout.header_row()
        window = Window(self.blocks())
        try:
            for line, record in self._elements(window):
                if not isinstance(record := as_object(record), dict):
                    continue
                rows = flat_records(record)
                if len(rows) > 1 and self.kind != "lines":
                    # children: decoded again, each on the line it opens on
                    text = window.text[window.start : window.at]
                    yield from (
                        layout.row(r, at) for r, at in placed_rows(placed(text, 0, line), line)
                    )
                else:
                    yield from (layout.row(r, line) for r in rows)
        except (json.JSONDecodeError, RecursionError):
            raise InputError(self.path, "changed while it was read; read it again") from None


def _lines(window: Window) -> Iterator[tuple[int, Any]]:
    """The values of JSON Lines text and the line of each (blank lines skipped), as
    :func:`_json_lines` reads them, the text a block at a time."""
    number, held = 0, ""
    for block in window.rest():
        pieces = (held + block).split("\n")
        held = pieces.pop()
        for piece in pieces:
            number += 1
            if piece.strip():
                yield number, json.loads(piece)
    if held.strip():
        yield number + 1, json.loads(held)
