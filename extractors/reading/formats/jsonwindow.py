"""JSON text read a block at a time, a value at a time (``formats.records.RecordRows``): the
records of a large JSON list, in an envelope or not, decoded one after another while what was
read before them is let go, each by the standard library's decoder, as ``json.loads`` decodes
the whole text.

Why not a streaming JSON parser (ijson, measured with its C backend, yajl2_c 3.6): it gives no
position, and a record's line is the line its item is reported at; and it decodes otherwise than
``json.loads``, which the whole reader uses: a lone escaped surrogate (``"\\ud800"``) becomes
``?`` (``json.loads`` keeps it, and the reader says so: ``lone-surrogate``), ``NaN`` and
``1e400`` are refused (``json.loads`` reads nan and inf). So the structure between the values
(the braces, brackets, colons and commas of objects and arrays) is walked here, and every value
is decoded by ``json.JSONDecoder.raw_decode``: the same values, and where the text is no valid
JSON a ``JSONDecodeError`` (the whole reader then says what is wrong)."""

from __future__ import annotations

import json
import re
from collections.abc import Generator, Iterable, Iterator
from typing import Any

DECODER = json.JSONDecoder()
SPACE = re.compile(r"[ \t\r\n]*")
#: A lone UTF-16 surrogate as JSON writes it (``formats.records``): 4 characters.
ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")
#: Characters read at a time, at least, when a value runs past what is held.
_MORE = 1 << 16


class Window:
    """The decoded text of a file from the value being read on (:attr:`text` from :attr:`at`),
    more read as a value needs it and what lies before it let go; the line of a position is
    counted as the text goes by. :attr:`escapes` says whether the text read so far escapes a
    lone surrogate anywhere (``ESCAPED_SURROGATE``), as the whole reader asks of the whole text.

    >>> window = Window(iter(['{"a": [1', ', "x\\\\ud800"]}']))
    >>> window.take("{"), window.value(), window.take(":"), window.take("[")
    (None, 'a', None, None)
    >>> window.value(), window.take(","), window.value(), window.escapes
    (1, None, 'x\\ud800', True)
    """

    def __init__(self, blocks: Iterable[str]) -> None:
        self._blocks = iter(blocks)
        self.text = ""
        self.at = 0
        self.eof = False
        self.escapes = False
        self._tail = ""  # the end of the last block, where an escape may begin
        self._line = 1  # the line of text[_counted]
        self._counted = 0
        self.start = 0  # where the last value read begins (text[start:at] until read on)

    def _more(self, least: int) -> None:
        """Read ``least`` more characters at least (or to the end), first letting go of the text
        before :attr:`at`."""
        self._line += self.text.count("\n", self._counted, self.at)
        got, count = [self.text[self.at :]], 0
        while count < least:
            block = next(self._blocks, None)
            if block is None:
                self.eof = True
                break
            self._escape(block)
            got.append(block)
            count += len(block)
        self.text, self.at, self._counted = "".join(got), 0, 0

    def _escape(self, block: str) -> None:
        if not self.escapes:
            self.escapes = ESCAPED_SURROGATE.search(self._tail + block) is not None
            self._tail = (self._tail + block)[-3:]

    def rest(self) -> Iterator[str]:
        """The text not yet gone past, a block at a time (for text read otherwise: JSON
        Lines)."""
        held, self.text, self.at, self._counted = self.text[self.at :], "", 0, 0
        if held:
            yield held
        while (block := next(self._blocks, None)) is not None:
            self._escape(block)
            yield block
        self.eof = True

    def line(self) -> int:
        """The line :attr:`at` is on."""
        self._line += self.text.count("\n", self._counted, self.at)
        self._counted = self.at
        return self._line

    def skip(self) -> str:
        """Go past white space; the character after it ('' at the end of the text)."""
        while True:
            match = SPACE.match(self.text, self.at)
            self.at = match.end() if match else self.at
            if self.at < len(self.text) or self.eof:
                return self.text[self.at : self.at + 1]
            self._more(_MORE)

    def take(self, char: str) -> None:
        """Go past white space and ``char``, which must come next."""
        if self.skip() != char:
            raise json.JSONDecodeError(f"Expecting {char!r}", self.text, self.at)
        self.at += 1

    def value(self) -> Any:
        """The JSON value that begins here (after white space), decoded as ``json.loads``
        decodes it; ``JSONDecodeError`` where there is none."""
        self.skip()
        while True:
            try:
                value, end = DECODER.raw_decode(self.text, self.at)
            except json.JSONDecodeError:
                if self.eof:
                    raise
            else:
                # a value that ends where the text held does may go on (a number)
                if end < len(self.text) or self.eof:
                    self.start, self.at = self.at, end
                    return value
            # read as much again as is held of the value: a long one is decoded a few times
            self._more(max(_MORE, len(self.text) - self.at))

    def end(self) -> None:
        """The text must end here (but for white space), as ``json.loads`` requires."""
        if self.skip():
            raise json.JSONDecodeError("Extra data", self.text, self.at)


def elements(window: Window) -> Iterator[tuple[int, Any]]:
    """The elements of the array that begins at the window's position, each with its line."""
    window.take("[")
    if window.skip() == "]":
        window.at += 1
        return
    while True:
        window.skip()
        yield window.line(), window.value()
        mark = window.skip()
        window.at += 1
        if mark == "]":
            return
        if mark != ",":
            raise json.JSONDecodeError("Expecting ',' delimiter", window.text, window.at - 1)


class Array(list[Any]):
    """An array of an envelope as :func:`envelope` gives it: its elements left out (one empty
    object in their place when one of them was an object), its number among the envelope's
    arrays in :attr:`number`."""

    number = 0


def envelope(
    window: Window, target: int | None = None
) -> Generator[tuple[int, Any], None, dict[str, Any]]:
    """Walk the object that begins at the window's position: the elements of its array number
    ``target`` (counted in order, arrays inside arrays not counted), each with its line. The
    object itself, its arrays given as :class:`Array` (``target`` None: every array's elements
    are decoded, to know whether one is an object and that all are valid JSON), is the value of
    the ``StopIteration`` (``yield from``)."""
    numbers = iter(range(1 << 62))

    def walk() -> Generator[tuple[int, Any], None, dict[str, Any]]:
        window.take("{")
        out: dict[str, Any] = {}
        if window.skip() == "}":
            window.at += 1
            return out
        while True:
            if window.skip() != '"':
                raise json.JSONDecodeError("Expecting property name", window.text, window.at)
            key = window.value()
            window.take(":")
            mark = window.skip()
            if mark == "{":
                out[key] = yield from walk()
            elif mark == "[":
                found = Array()
                found.number = next(numbers)
                if found.number == target:
                    yield from elements(window)
                else:
                    held = False  # an object among its elements
                    for _, element in elements(window):
                        held = held or isinstance(element, dict)
                    if held:
                        found.append({})
                out[key] = found
            else:
                out[key] = window.value()
            mark = window.skip()
            window.at += 1
            if mark == "}":
                return out
            if mark != ",":
                raise json.JSONDecodeError("Expecting ',' delimiter", window.text, window.at - 1)

    return walk()


class Placed(dict[Any, Any]):
    """A JSON object decoded with the line it opens on (:func:`placed`)."""

    line = 0


def placed(text: str, position: int = 0, line: int = 1) -> Any:
    """The JSON value at ``position`` of ``text`` (which is on line ``line``), decoded as
    ``json.loads`` decodes it but each object a :class:`Placed`, which knows the line it opens
    on: where each of a record's children starts (``formats.records``). ``JSONDecodeError``
    where the text is no valid JSON.

    >>> value = placed('{"a": [\\n {"b": 1},\\n {"b": 2}]}')
    >>> value, value.line, [v.line for v in value["a"]]
    ({'a': [{'b': 1}, {'b': 2}]}, 1, [2, 3])
    """
    counted = [position, line]

    def line_at(at: int) -> int:
        counted[1] += text.count("\n", counted[0], at)
        counted[0] = at
        return counted[1]

    def skip(at: int) -> int:
        match = SPACE.match(text, at)
        return match.end() if match else at

    def after(at: int, close: str) -> tuple[bool, int]:
        """Past a comma (False) or ``close`` (True) after a member or an element."""
        at = skip(at)
        mark = text[at : at + 1]
        if mark not in (",", close):
            raise json.JSONDecodeError(f"Expecting ',' or {close!r}", text, at)
        return mark == close, at + 1

    def value(at: int) -> tuple[Any, int]:
        at = skip(at)
        mark = text[at : at + 1]
        if mark == "{":
            found = Placed()
            found.line = line_at(at)
            at = skip(at + 1)
            if text[at : at + 1] == "}":
                return found, at + 1
            while True:
                key, at = DECODER.raw_decode(text, skip(at))
                if not isinstance(key, str):
                    raise json.JSONDecodeError("Expecting property name", text, at)
                at = skip(at)
                if text[at : at + 1] != ":":
                    raise json.JSONDecodeError("Expecting ':' delimiter", text, at)
                found[key], at = value(at + 1)
                closed, at = after(at, "}")
                if closed:
                    return found, at
        if mark == "[":
            items: list[Any] = []
            at = skip(at + 1)
            if text[at : at + 1] == "]":
                return items, at + 1
            while True:
                item, at = value(at)
                items.append(item)
                closed, at = after(at, "]")
                if closed:
                    return items, at
        return DECODER.raw_decode(text, at)

    return value(position)[0]
