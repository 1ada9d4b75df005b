"""The lines of a page of text as offsets into it, sliced out when asked: the page is held once,
not again as a list of lines and a ``Span`` object a line (some 150 bytes a line more), so that
a large page read in batches (``formats.text.pagerows``) holds its text and a few ints a line
while its lists are found and split into records."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar, overload

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Span:
    """One line of a list's body: its 1-based number and offsets (the first may start mid-line,
    after a header that the line opens with)."""

    number: int
    start: int
    end: int


class _Made(Sequence[T]):
    """A sequence whose items are made when asked (:meth:`_at`), a slice a list of them."""

    __slots__ = ()

    def _at(self, index: int) -> T:
        raise NotImplementedError

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...
    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self._at(i) for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._at(index)


class Spans(_Made[Span]):
    """Spans kept as three arrays of ints (24 bytes a line), a :class:`Span` made when asked."""

    __slots__ = ("_ends", "_numbers", "_starts")

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self._numbers, self._starts, self._ends = array("q"), array("q"), array("q")
        for span in spans:
            self.append(span.number, span.start, span.end)

    def append(self, number: int, start: int, end: int) -> None:
        self._numbers.append(number)
        self._starts.append(start)
        self._ends.append(end)

    def __len__(self) -> int:
        return len(self._numbers)

    def _at(self, index: int) -> Span:
        return Span(self._numbers[index], self._starts[index], self._ends[index])

    def __iter__(self) -> Iterator[Span]:
        for number, start, end in zip(self._numbers, self._starts, self._ends, strict=True):
            yield Span(number, start, end)


class SpanLines(_Made[str]):
    """The text of each of ``spans`` in ``text``, sliced out when asked.

    >>> lines = SpanLines("ab\\ncd", Spans([Span(1, 0, 2), Span(2, 3, 5)]))
    >>> list(lines), lines[1:], len(lines)
    (['ab', 'cd'], ['cd'], 2)
    """

    __slots__ = ("_spans", "_text")

    def __init__(self, text: str, spans: Spans) -> None:
        self._text, self._spans = text, spans

    def __len__(self) -> int:
        return len(self._spans)

    def _at(self, index: int) -> str:
        span = self._spans[index]
        return self._text[span.start : span.end]

    def __iter__(self) -> Iterator[str]:
        text = self._text
        for span in self._spans:
            yield text[span.start : span.end]


def line_starts(text: str) -> array[int]:
    """The offset of each line of ``text`` (lines split at ``\\n``), and one past the end of the
    last plus one: line ``k`` is ``text[starts[k] : starts[k + 1] - 1]``.

    >>> list(line_starts("ab\\n\\ncd"))
    [0, 3, 4, 7]
    """
    starts = array("q", [0])
    at = text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    starts.append(len(text) + 1)
    return starts


class PageLines(_Made[str]):
    """The lines of ``text`` (split at ``\\n``, as ``text.split("\\n")``), sliced out when asked.

    >>> lines = PageLines("ab\\n\\ncd")
    >>> list(lines), lines[1], len(lines)
    (['ab', '', 'cd'], '', 3)
    """

    __slots__ = ("starts", "text")

    def __init__(self, text: str, starts: array[int] | None = None) -> None:
        self.text = text
        self.starts = line_starts(text) if starts is None else starts

    def __len__(self) -> int:
        return len(self.starts) - 1

    def _at(self, index: int) -> str:
        return self.text[self.starts[index] : self.starts[index + 1] - 1]

    def __iter__(self) -> Iterator[str]:
        text, starts = self.text, self.starts
        for k in range(len(starts) - 1):
            yield text[starts[k] : starts[k + 1] - 1]


def as_spans(spans: Sequence[Span]) -> Spans:
    """``spans`` as :class:`Spans` (a list of them, as a caller may give)."""
    return spans if isinstance(spans, Spans) else Spans(spans)
