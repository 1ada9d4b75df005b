"""Parsed official texts grouped into versions of instruments, each named as the law registry
names it, with the catalogue's facts.

An instrument is named by the registry entry whose title has the file's official title (a hand
entry's slug, else the official title, as ``quanze laws registry`` makes ids), and a law the
registry does not know by its official title: so a citation and a text of the same law meet on
one IRI. A version is dated by its file name (``TITLE(YYYY-MM-DD).md``), else by the catalogue's
publication date, else by the last adoption or amendment its history states (宪法.md: 2018-03-11;
not a 施行 date), else named ``undated`` (reported); the files of one instrument with one date are
one version (the 民法典 is filed as eight parts of one version).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from extractors.citing.lawdb import LawEntry, Registry, title_key
from extractors.lawtext.model import LawText, Problem
from extractors.registry.catalogue import Row


@dataclass(frozen=True, slots=True)
class Identity:
    """How an instrument is named in the store: its id, the work's title, its registry entry."""

    law_id: str
    title: str
    entry: LawEntry | None


def identify(official_title: str, registry: Registry) -> Identity:
    """The id and title of the instrument an official title names.

    >>> from extractors.citing.lawdb import load_registry
    >>> identify("中华人民共和国社会保险法", load_registry()).law_id
    'shehui-baoxian-fa'
    >>> identify("某县某某条例", load_registry())
    Identity(law_id='某县某某条例', title='某县某某条例', entry=None)
    """
    key = title_key(official_title)
    for entry in registry.lookup(official_title):
        if title_key(entry.title) == key:
            return Identity(entry.id, entry.title, entry)
    return Identity(official_title, official_title, None)


#: The name of a version no file name, catalogue or history dates (上海市专利保护条例.md).
UNDATED = "undated"


@dataclass(slots=True)
class Version:
    """One version of one instrument: its texts (several files when it is filed in parts, in the
    order of their first article) and the catalogue rows of those files."""

    identity: Identity
    date: str
    texts: list[LawText] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # the files, relative to the folder read

    @property
    def dated(self) -> bool:
        """Whether the version has a date (``date`` is else ``UNDATED``)."""
        return self.date != UNDATED

    @property
    def official_title(self) -> str:
        """The official full title, as the first file writes it."""
        return self.texts[0].title

    @property
    def rank(self) -> str | None:
        """The registry's rank, else the catalogue's level, else None."""
        if self.identity.entry is not None:
            return self.identity.entry.rank
        return next((r.rank for r in self.rows), None)

    @property
    def published(self) -> str | None:
        """The catalogue's publication date."""
        return next((r.publish for r in self.rows if r.publish), None)

    @property
    def valid_from(self) -> str | None:
        """The catalogue's valid-from date."""
        return next((r.valid_from for r in self.rows if r.valid_from), None)

    @property
    def expired(self) -> bool | None:
        """Whether the catalogue marks the version expired (None: no catalogue row)."""
        return any(r.expired for r in self.rows) if self.rows else None

    @property
    def category(self) -> str | None:
        """The catalogue's folder."""
        return next((r.folder for r in self.rows), None)


def version_date(text: LawText, row: Row | None) -> str | None:
    """The date a file's version is named by: its file name's, the catalogue's, else the last
    adoption or amendment its history states."""
    if text.version_date:
        return text.version_date
    if row is not None and row.publish:
        return row.publish
    # the last adoption or amendment: not the day it took effect (民法典 parts write 2021年1月1日
    # 施行 after 2020年5月28日 通过, and one of them does not)
    dated = [e.date for e in text.history if e.date and e.action != "施行"]
    return max(dated) if dated else None


def group_versions(
    texts: Iterable[tuple[LawText, Row | None]],
    registry: Registry,
    root: Path,
    problems: list[Problem],
) -> list[Version]:
    """Texts grouped into versions, in the order of their ids and dates; a text with no date
    to name its version by is reported in ``problems`` and left out."""
    versions: dict[tuple[str, str], Version] = {}
    for text, row in texts:
        date = version_date(text, row)
        if date is None:
            date = UNDATED
            problems.append(
                Problem(
                    text.path,
                    1,
                    "no-date",
                    f"no version date (file name, catalogue, history): imported as '{UNDATED}'",
                )
            )
        identity = identify(text.title, registry)
        version = versions.setdefault((identity.law_id, date), Version(identity, date))
        twin = next((t for t in version.texts if _overlap(t, text)), None)
        if (
            twin is not None
        ):  # the same version filed twice (行政法/ and 经济法/广告法(2021-04-29).md)
            same = "the same text as" if _body(twin) == _body(text) else "a text that differs from"
            problems.append(
                Problem(
                    text.path, 1, "duplicate", f"{same} {twin.path}, of the same version: read once"
                )
            )
            continue
        version.texts.append(text)
        if row is not None:
            version.rows.append(row)
        version.sources.append(_relative(text.path, root))
    out = [versions[key] for key in sorted(versions)]
    for version in out:
        version.texts.sort(key=_first_article)
        version.sources.sort()
    return out


def _overlap(a: LawText, b: LawText) -> bool:
    """Whether two texts of one version hold an article of the same number (two files of one
    version are its parts, which do not)."""
    numbers = {(x.number, x.suffix) for x in a.articles}
    return any((x.number, x.suffix) in numbers for x in b.articles)


def _body(text: LawText) -> list[str]:
    return [a.text for a in text.articles]


def _first_article(text: LawText) -> tuple[int, str]:
    numbers = [a.number for a in text.articles if a.number is not None]
    return (min(numbers) if numbers else 0, text.path.name)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.name


def by_path(rows: Iterable[Row]) -> dict[Path, Row]:
    """Catalogue rows by the file each names."""
    found: defaultdict[Path, list[Row]] = defaultdict(list)
    for row in rows:
        found[row.path].append(row)
    return {path: rows_of[0] for path, rows_of in found.items()}
