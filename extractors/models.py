"""Value objects shared by every pipeline step: power lists, their items, and citations.

All are frozen; every span carries character offsets into the text it was found in, so that
``text[c.start:c.end] == c.text`` always holds.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

#: The field keys of a power item, in output order (see docs/formats.md, "The header row and the
#: fields").
FIELD_KEYS: tuple[str, ...] = (
    "row",
    "code",
    "name",
    "type",
    "department",
    "level",
    "guiding_department",
    "basis",
    "responsibility",
    "accountability",
    "accountability_basis",
    "time_limit",
    "remarks",
)

#: Fields whose text is searched for citations, in the order they are searched (docs/citations.md).
TEXT_FIELDS: tuple[str, ...] = (
    "name",
    "basis",
    "responsibility",
    "accountability",
    "accountability_basis",
    "remarks",
)

CitationKind = Literal[
    "explicit",  # a full title in title marks
    "abbreviation",  # a short title resolved to the full one (《社会保险法》)
    "continuation",  # a bare 第N条 that carries the last law cited in the same cell
    "unmarked",  # a title without title marks
    "law-level",  # a whole instrument, no provision
    "malformed",  # kept as written, flagged (《价格法》第四项: an item with no article)
    "unresolved",  # a provision with no law in reach
]


@dataclass(frozen=True, slots=True)
class Anomaly:
    """Something odd about a row that was kept rather than dropped.

    >>> Anomaly("misplaced-cell", "服务电话 holds a time limit", "服务电话", "60个工作日").code
    'misplaced-cell'
    """

    code: str
    message: str
    column: str | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class PowerItem:
    """One row of a power list (事项), its cells mapped onto the field keys.

    ``raw`` keeps every cell as read, under the list's own header, in column order;
    ``extra`` holds the cells whose header maps to no field key (服务电话 …).

    A 项目 | 子项 table gives one item per main item: the 子项 rows without a serial of their own
    join it, ``subitems`` lists their names and its text cells gather theirs; so do the rows
    numbered 1-1, 1.2 right under item 1, listed with their serials (``1-1 现场检查``). A
    sub-item row with another serial of its own stays an item: the 子项 text as ``name``, the
    main item's name as ``parent``.

    ``department`` is only ever a department column's cell; ``section_department`` is the
    department that the sheet's name, the heading above the items or the group row over them
    names, when the table has no department column (None else): the graph takes it as the
    authority exercising the power where ``department`` is None.
    """

    source: str
    row: str | None
    line: int
    code: str | None = None
    name: str | None = None
    type: str | None = None
    department: str | None = None
    level: str | None = None
    guiding_department: str | None = None
    basis: str | None = None
    responsibility: str | None = None
    accountability: str | None = None
    accountability_basis: str | None = None
    time_limit: str | None = None
    remarks: str | None = None
    parent: str | None = None
    subitems: tuple[str, ...] = ()
    raw: tuple[tuple[str, str], ...] = ()
    extra: tuple[tuple[str, str], ...] = ()
    anomalies: tuple[Anomaly, ...] = ()
    section_department: str | None = None

    def get(self, key: str) -> str | None:
        """The value of field ``key`` (one of FIELD_KEYS)."""
        if key not in FIELD_KEYS:
            raise KeyError(f"unknown field {key!r}; valid fields: {', '.join(FIELD_KEYS)}")
        value: str | None = getattr(self, key)
        return value

    def to_json(self) -> dict[str, Any]:
        """The item as the JSON object that ``quanze parse`` prints."""
        out: dict[str, Any] = {"source": self.source}
        for key in FIELD_KEYS:
            out[key] = getattr(self, key)
            if key == "department":
                out["section_department"] = self.section_department
        out["parent"] = self.parent
        out["subitems"] = list(self.subitems)
        out["line"] = self.line
        out["extra"] = dict(self.extra)
        out["anomalies"] = [asdict(a) for a in self.anomalies]
        return out


@dataclass(frozen=True, slots=True)
class Reject:
    """A stretch of input that could not be made into an item, with the reason."""

    source: str
    line: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Section:
    """A heading row inside a table (一、行政许可（12项）, 行政处罚类) and the power type it names,
    which the rows below it take when they have none of their own."""

    source: str
    line: int
    text: str
    type: str | None = None


@dataclass(frozen=True, slots=True)
class ListMeta:
    """What a list says about itself, when it says it."""

    title: str | None = None
    department: str | None = None
    region: str | None = None
    date: str | None = None
    source_url: str | None = None


@dataclass(frozen=True, slots=True)
class Plausibility:
    """The score of a reading (0 to 1) and the share of items passing each check that applied.

    ``verdict`` is ``sure``, ``doubtful`` (kept but said: ``quanze parse`` warns and
    ``--report`` shows the weakest check) or ``wrong`` (the reader refuses the reading).

    >>> Plausibility(0.4, (("names", 0.25), ("types", 1.0))).doubt()
    'names read like names in 25% of items'
    """

    score: float
    checks: tuple[tuple[str, float], ...]
    verdict: Literal["sure", "doubtful", "wrong"] = "sure"

    @property
    def doubtful(self) -> bool:
        """True when the reading is not sure (doubtful or wrong)."""
        return self.verdict != "sure"

    def doubt(self) -> str:
        """The weakest check, said in words (for error messages and reports)."""
        if not self.checks:
            return "no item to judge"
        name, share = min(self.checks, key=lambda check: check[1])
        return f"{_SAID[name]} in {share:.0%} of items"

    def to_json(self) -> dict[str, object]:
        """The score and checks as ``--report`` prints them in JSON."""
        return {
            "score": round(self.score, 3),
            "verdict": self.verdict,
            "checks": {name: round(share, 3) for name, share in self.checks},
        }


_SAID = {
    "names": "names read like names",
    "unread": "citations sit in columns read as fields",
    "types": "power types are known types",
    "basis": "basis cells hold citations",
    "serials": "serials are serials and increase",
    "distinct": "items are distinct",
    "runs": "text fields hold no other row's cells",
}


@dataclass(frozen=True, slots=True)
class PowerList:
    """One published power list (权责清单) as read from one file."""

    source: str
    format: str
    encoding: str | None
    meta: ListMeta
    items: tuple[PowerItem, ...]
    rejects: tuple[Reject, ...] = ()
    rows_seen: int = 0
    sections: tuple[Section, ...] = ()
    blank_rows: int = 0
    plausibility: Plausibility | None = None

    def rows_accounted(self) -> int:
        """Every row seen is an item, a reject, a section heading or a blank row (a row merged
        into the item above it as a continuation is part of that item); this sum always equals
        ``rows_seen``."""
        return len(self.items) + len(self.rejects) + len(self.sections) + self.blank_rows


@dataclass(frozen=True, slots=True)
class Citation:
    """One provision (or whole instrument) cited in one piece of text.

    ``text`` is the citation as written and ``text == cell[start:end]``. ``law`` is the canonical
    title, or None when no law is in reach (``kind == "unresolved"``). ``law_id`` is the id of
    the law's registry entry (None when the registry does not know it), so nothing downstream
    resolves the title again; ``rank`` is the rank tag the text wrote before the title (【法律】).
    """

    text: str
    start: int
    end: int
    law: str | None
    kind: CitationKind
    chapter: int | None = None
    article: int | None = None
    article_suffix: int | None = None
    paragraph: int | None = None
    item: int | None = None
    point: int | None = None
    version: str | None = None
    doc_number: str | None = None
    via: str | None = None
    rank: str | None = None
    law_id: str | None = None
    warnings: tuple[str, ...] = field(default=())
    part: int | None = None
    section: int | None = None
    subitem: int | None = None

    @property
    def in_registry(self) -> bool:
        """True when the law resolved to an entry of the law registry (``law_id`` is its id)."""
        return self.law_id is not None

    def to_json(self) -> dict[str, Any]:
        """The citation's own keys, as ``quanze extract`` prints them (without source/row/field)."""
        out = asdict(self)
        out["in_registry"] = self.law_id is not None
        out["warnings"] = list(self.warnings)
        return out

    @classmethod
    def fast(
        cls,
        text: str,
        start: int,
        end: int,
        law: str | None,
        kind: CitationKind,
        chapter: int | None,
        article: int | None,
        article_suffix: int | None,
        paragraph: int | None,
        item: int | None,
        point: int | None,
        version: str | None,
        doc_number: str | None,
        via: str | None,
        rank: str | None,
        law_id: str | None,
        warnings: tuple[str, ...],
        part: int | None,
        section: int | None,
        subitem: int | None,
    ) -> Citation:
        """The same object as ``Citation(...)`` with every field given positionally, built about
        six times faster (the extractor builds tens of thousands a second).

        The frozen ``__init__`` sets each field through ``object.__setattr__`` (≈0.25 µs a
        call); this fills a plain object with the same slot layout by ordinary assignment and
        then makes it a Citation (one ``__class__`` change, which CPython allows between classes
        with identical slots). The result is an ordinary, frozen Citation.

        >>> Citation.fast("第八十七条", 0, 5, None, "unresolved", None, 87, None, None, None, None,
        ...               None, None, None, None, None, (), None, None, None) == Citation(
        ...     "第八十七条", 0, 5, None, "unresolved", article=87)
        True
        """
        c = _new_object(_CitationDraft)
        c.text = text
        c.start = start
        c.end = end
        c.law = law
        c.kind = kind
        c.chapter = chapter
        c.article = article
        c.article_suffix = article_suffix
        c.paragraph = paragraph
        c.item = item
        c.point = point
        c.version = version
        c.doc_number = doc_number
        c.via = via
        c.rank = rank
        c.law_id = law_id
        c.warnings = warnings
        c.part = part
        c.section = section
        c.subitem = subitem
        c.__class__ = cls  # type: ignore[assignment]
        return c  # type: ignore[return-value]


class _CitationDraft:
    """A mutable object with exactly Citation's slots, filled by :meth:`Citation.fast`."""

    __slots__ = Citation.__slots__
    text: str
    start: int
    end: int
    law: str | None
    kind: CitationKind
    chapter: int | None
    article: int | None
    article_suffix: int | None
    paragraph: int | None
    item: int | None
    point: int | None
    version: str | None
    doc_number: str | None
    via: str | None
    rank: str | None
    law_id: str | None
    warnings: tuple[str, ...]
    part: int | None
    section: int | None
    subitem: int | None


_new_object = object.__new__


@dataclass(frozen=True, slots=True)
class CellCitation:
    """A citation together with the cell it was found in: file, item row and field."""

    source: str
    row: str | None
    field: str
    citation: Citation

    def to_json(self) -> dict[str, Any]:
        """One line of ``quanze extract`` output."""
        return {
            "source": self.source,
            "row": self.row,
            "field": self.field,
            **self.citation.to_json(),
        }
