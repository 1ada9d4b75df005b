"""The value objects of the audit: a citation as the store holds it, the official text it is
checked against, and a finding.

The checks (``graph.audit.checks``) are functions over these plain objects, so each kind of
finding is tested on hand-made inputs as well as on a store; ``graph.audit.gather`` fills them
from the store.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any, Literal

from extractors.citing.numerals import to_chinese

Severity = Literal["error", "warning", "info"]
Kind = Literal[
    "beyond-last",
    "quote-differs",
    "article-moved",
    "outside-liability",
    "expired",
    "unknown-version",
    "amended-after-list",
]
#: How serious each severity is, most serious first (the order of reports).
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class CitedProvision:
    """One citation of a list, with what the audit needs to judge it.

    ``cell`` is the text of the field the citation was found in, ``start``/``end`` the
    citation's span in it (``cell[start:end] == text``), ``next_start`` where the next citation
    of the same cell starts (None: none follows) and ``chained`` whether the citation continues
    a chain of the one before it (第五十五条、第五十六条: a quote after the chain is of several
    articles). ``article``, ``paragraph`` and ``item`` are numbers as cited; ``suffix`` the N of
    第X条之N.
    """

    citation: str
    list_id: str
    list_title: str
    list_date: str | None
    row: str
    field: str
    text: str
    cell: str
    start: int
    end: int
    law: str
    law_iri: str
    version_note: str | None = None
    article: int | None = None
    suffix: int | None = None
    paragraph: int | None = None
    item: int | None = None
    next_start: int | None = None
    chained: bool = False
    provision: str = ""
    item_iri: str = ""
    via: str | None = None
    context_note: str | None = None
    context_via: str | None = None

    @property
    def named_note(self) -> str | None:
        """The note of the version the citation names: its own, else the one it continues."""
        own = self.version_note is not None or self.via is not None
        return self.version_note if own else self.context_note

    @property
    def named_via(self) -> str | None:
        """The decision the citation names its version by: its own, else the one it continues."""
        own = self.version_note is not None or self.via is not None
        return self.via if own else self.context_via

    @property
    def reference(self) -> str:
        """The provision cited, written out: ``第八十七条第二款第四项``."""
        return provision_label(self.article, self.suffix, self.paragraph, self.item)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One 款 of an official article: its text (its items included) and its items' texts."""

    text: str
    items: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """One official article: number (``suffix`` for 第X条之N), its paragraphs, and the heading of
    the chapter it stands in (None when the text has no chapters)."""

    number: int
    paragraphs: tuple[Paragraph, ...]
    chapter: str | None = None
    suffix: int | None = None

    @property
    def text(self) -> str:
        """The article's text, paragraphs on lines of their own."""
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def label(self) -> str:
        """``第八十七条``, ``第二十条之一``."""
        return provision_label(self.number, self.suffix, None, None)


@dataclass(frozen=True, slots=True, eq=False)  # one object per version: hashed by identity
class Expression:
    """One version of an instrument's official text: its IRI, date (YYYY-MM-DD; '' for the
    version nothing dates, ``…/undated``), its articles in order, the date it took effect (the
    catalogue's valid-from, when known) and whether the catalogue says it has expired."""

    iri: str
    date: str
    articles: tuple[Article, ...]
    valid_from: str | None = None
    expired: bool = False
    _by_number: dict[tuple[int, int | None], Article] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_number: dict[tuple[int, int | None], Article] = {}
        for a in self.articles:
            by_number.setdefault((a.number, a.suffix), a)
        object.__setattr__(self, "_by_number", by_number)

    def article(self, number: int, suffix: int | None = None) -> Article | None:
        """The article numbered ``number`` (之``suffix``), or None."""
        return self._by_number.get((number, suffix))

    @property
    def last_article(self) -> int:
        """The highest article number (0: no numbered articles)."""
        return max((a.number for a in self.articles), default=0)


@dataclass(frozen=True, slots=True)
class Instrument:
    """An instrument with its official texts (oldest first), the dates of the events of its life
    that its history or the registry tells (通过, 修正, 修订), whether the catalogue says it has
    expired, the title of its successor when the catalogue or the titles say, and the decisions
    its history names with their dates (2008年7月22日《国务院关于修改〈X条例〉的决定》修订)."""

    iri: str
    title: str
    expressions: tuple[Expression, ...]
    events: tuple[tuple[str, str], ...] = ()  # (YYYY-MM-DD, note such as 修正)
    expired: bool = False
    successor: str | None = None
    decisions: tuple[tuple[str, str], ...] = ()  # (YYYY-MM-DD, the title its history names)


@dataclass(frozen=True, slots=True)
class Chosen:
    """The version a citation is checked against and why: ``in force on 2025-04-02`` or
    ``latest known``."""

    expression: Expression
    why: str


@dataclass(frozen=True, slots=True)
class DiffPart:
    """One stretch of a character diff: ``equal``, ``replace``, ``delete`` (only in the list's
    quote) or ``insert`` (only in the official text)."""

    op: Literal["equal", "replace", "delete", "insert"]
    written: str
    official: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem of one citation: where it is, what it cites, the text as written and the
    official text, the kind and its severity, and one sentence saying what is wrong."""

    kind: Kind
    severity: Severity
    message: str
    citation: str
    list_id: str
    list_title: str
    row: str
    field: str
    law: str
    article: str
    written: str
    official: str | None = None
    version: str | None = None
    quote: str | None = None
    similarity: float | None = None
    diff: tuple[DiffPart, ...] = ()
    other_article: str | None = None
    successor: str | None = None
    paragraph: int | None = None
    item: int | None = None

    @property
    def provision(self) -> str:
        """The provision cited, written out: ``第九条第七项``."""
        return self.article + provision_label(None, None, self.paragraph, self.item)

    def to_json(self) -> dict[str, Any]:
        """The finding as ``quanze audit --format json`` prints it."""
        out = asdict(self)
        out["list"] = out.pop("list_id")
        out["diff"] = [asdict(d) for d in self.diff]
        return out


@dataclass(frozen=True, slots=True)
class Audit:
    """Every finding, the lists audited (id → title), how many resolved citations were read
    and how many of them cite a law whose text the store holds (the others cannot be checked)."""

    findings: tuple[Finding, ...]
    lists: dict[str, str] = field(default_factory=dict)
    citations: int = 0
    checked: int = 0

    def counts(self) -> dict[str, dict[str, int]]:
        """Per list id: findings by severity (every list audited appears, with zeros)."""
        out: dict[str, dict[str, int]] = {lst: dict.fromkeys(SEVERITIES, 0) for lst in self.lists}
        for f in self.findings:
            out.setdefault(f.list_id, dict.fromkeys(SEVERITIES, 0))[f.severity] += 1
        return out


@lru_cache(maxsize=4096)
def provision_label(
    article: int | None, suffix: int | None, paragraph: int | None, item: int | None
) -> str:
    """A provision written out in Chinese, as lists and texts write it.

    >>> provision_label(87, None, 2, 4), provision_label(20, 1, None, None)
    ('第八十七条第二款第四项', '第二十条之一')
    """
    out = f"第{to_chinese(article)}条" if article is not None else ""
    out += f"之{to_chinese(suffix)}" if suffix is not None else ""
    out += f"第{to_chinese(paragraph)}款" if paragraph is not None else ""
    out += f"第{to_chinese(item)}项" if item is not None else ""
    return out
