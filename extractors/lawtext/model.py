"""What one official text file holds: one version of one instrument, with its tree.

The tree follows how Chinese statutes are drafted: divisions (编, 分编, 章, 节) group articles
(条, numbered through the whole instrument, 第N条之M inserted by an amendment); an article has
paragraphs (款, unnumbered, counted by position), a paragraph may end in items (项, （一）…), an
item in points (目, 1. …). These frozen dataclasses are the parser's result
(:func:`extractors.lawtext.parse.read_law_text`); the store writes them as ELI
(``graph/laws/``), the registry counts their articles (``extractors.registry.lawtext``), the
audit compares citations with them. Every node keeps the line it starts on, so a problem can
always be told as ``file:line: cause``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

#: The kinds of division, outermost first; ``heading`` is an unnumbered heading (序言, 附则,
#: 附件一) that ends the divisions above it without being one of them.
DivisionKind = Literal["part", "subpart", "chapter", "section", "heading"]
DIVISION_KINDS: tuple[DivisionKind, ...] = ("part", "subpart", "chapter", "section", "heading")


@dataclass(frozen=True, slots=True)
class Problem:
    """Something odd in a file, told as ``file:line: cause``; nothing is dropped silently.

    ``code`` sorts problems for reports and tests: ``misnumbered`` (a head whose number does
    not parse), ``sequence`` (an article or item whose number does not follow the one before),
    ``no-history`` (no ``<!-- INFO END -->``), ``no-articles`` (no 第N条 head); the importer
    adds ``no-date`` (no version date in the file name, the catalogue or the history) and
    ``duplicate`` (a second file of a version it has read).

    >>> str(Problem(Path("a.md"), 7, "misnumbered", "article head 第三十－条 has no number"))
    'a.md:7: article head 第三十－条 has no number'
    """

    path: Path
    line: int
    code: str
    cause: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.cause}"


@dataclass(frozen=True, slots=True)
class HistoryEvent:
    """One line of the adoption and amendment history (通过, 修正, 修订, 公布, 施行 …).

    ``date`` is the first date the line writes (YYYY-MM-DD), None when it writes none;
    ``action`` the last of the known verbs it writes (通过, 修正, 修订, 公布, 施行, 批准, 发布,
    废止, 决定), '' when none.
    """

    date: str | None
    action: str
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Division:
    """A 编, 分编, 章 or 节 (or an unnumbered heading): its number (None for ``heading``, and for
    a part a file holds and names without a number under its title, 民法典/合同编.md), its
    title without the number (法律责任), the heading as written (第六章 法律责任), and the
    divisions it sits in, outermost first, as indexes into ``LawText.divisions``."""

    kind: DivisionKind
    number: int | None
    title: str
    heading: str
    line: int
    index: int  # its place in LawText.divisions
    parents: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Point:
    """A 目 of an item (``1.``), numbered as written (its position when the number is not read)."""

    number: int
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Item:
    """A 项 of a paragraph (（一）), numbered as written (its position when the number is not
    read); ``text`` is its own line with its number, as written (（一）警告、通报批评；)."""

    number: int
    text: str
    line: int
    points: tuple[Point, ...] = ()

    @property
    def full_text(self) -> str:
        """The item with its points, one line each."""
        return "\n".join([self.text, *(p.text for p in self.points)])


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A 款: one paragraph of an article, counted from 1 by position; ``text`` is its own line
    (the first paragraph without the article head), ``items`` the items that follow it."""

    number: int
    text: str
    line: int
    items: tuple[Item, ...] = ()

    @property
    def full_text(self) -> str:
        """The paragraph with its items and their points, one line each."""
        return "\n".join([self.text, *(i.full_text for i in self.items)])


@dataclass(frozen=True, slots=True)
class Article:
    """A 条. ``number`` is the article's number (None when its head does not parse and cannot be
    told from its neighbours), ``suffix`` the M of 第N条之M, ``head`` the head as written
    (第八十七条, 第十七条之一, 第三十－条), ``inferred`` whether the number was told from the
    neighbours rather than read (a misnumbered head, reported), ``divisions`` the divisions it sits
    in, outermost first, as indexes into ``LawText.divisions``."""

    number: int | None
    suffix: int | None
    head: str
    line: int
    paragraphs: tuple[Paragraph, ...]
    divisions: tuple[int, ...] = ()
    inferred: bool = False

    @property
    def text(self) -> str:
        """The article's text without its head: its paragraphs, items and points, one a line."""
        return "\n".join(p.full_text for p in self.paragraphs)

    @property
    def label(self) -> str:
        """第87条, 第20条之1: the article as a reader names it (the head as written when the
        number is unknown)."""
        if self.number is None:
            return self.head
        return f"第{self.number}条" + (f"之{self.suffix}" if self.suffix is not None else "")


@dataclass(frozen=True, slots=True)
class LawText:
    """One file: one version of one instrument.

    ``title`` is the official full title (the ``#`` line), ``version_date`` the date in the file
    name (``TITLE(YYYY-MM-DD).md``; None for a file named without one, such as 宪法.md, whose date
    the catalogue or the history tells), ``history`` the adoption and amendment lines before
    ``<!-- INFO END -->``, ``preamble`` the body paragraphs before the first article (序言, a
    notice's opening), ``divisions`` every division in order, ``articles`` every article in order,
    ``problems`` what was odd, each ``file:line: cause``.
    """

    path: Path
    title: str
    version_date: str | None
    history: tuple[HistoryEvent, ...]
    preamble: tuple[str, ...]
    divisions: tuple[Division, ...]
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...] = ()

    @property
    def history_text(self) -> str:
        """The history as written, one line each."""
        return "\n".join(e.text for e in self.history)

    @property
    def last_article(self) -> int:
        """The highest article number read (inferred numbers aside); 0 when there is none."""
        return max(
            (a.number for a in self.articles if a.number is not None and not a.inferred), default=0
        )

    def article(self, number: int, suffix: int | None = None) -> Article | None:
        """The article 第N条 (之M), or None when this version has none."""
        for a in self.articles:
            if a.number == number and a.suffix == suffix:
                return a
        return None

    def divisions_of(self, article: Article) -> tuple[Division, ...]:
        """The divisions an article sits in, outermost first."""
        return tuple(self.divisions[i] for i in article.divisions)
