"""The law registry: canonical titles, aliases, ranks, issuers, document numbers and versions of
the instruments power lists cite, read from ``data/laws.json``.

Schema of ``laws.json`` (a JSON object):

``laws``: a list of entries, each with

- ``id`` (str, ASCII slug, unique);
- ``title`` (str): the canonical full title, inner title marks written 《》, e.g.
  ``实施《中华人民共和国社会保险法》若干规定``;
- ``aliases`` (list of str): other ways lists write the title (abbreviations, old names, the
  title without 中华人民共和国); an alias shared by two entries is ambiguous and is never guessed;
- ``rank`` (str): one of :data:`RANKS`;
- ``issuer`` (str): the enacting body;
- ``doc_numbers`` (list of str): order or document numbers that enacted or last amended it,
  brackets written 〔〕;
- ``versions`` (list of {``date``: YYYY-MM-DD, ``note``: 通过/公布/修正/修订/…});
- ``notes`` (str, optional): repeal, replacement or renumbering notes;
- ``examples`` (list of str, at least one): real citation strings that must resolve to the entry
  (checked by ``tests/extractors/citing/test_lawdb.py``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Final, Literal, get_args

import ahocorasick

from extractors.citing.numerals import parse_numeral
from extractors.citing.words import ONE_WIDTH, SPACE, TO_ANGLE, alternation, words

Rank = Literal[
    "法律",
    "行政法规",
    "部门规章",
    "地方性法规",
    "地方政府规章",
    "规范性文件",
    "党内法规",
    "司法解释",
    "自治条例",
    "单行条例",
    "宪法",
]
RANKS: Final[tuple[str, ...]] = get_args(Rank)


@lru_cache(maxsize=16384)
def title_key(title: str) -> str:
    """The form a title is looked up by: no white space, one width, title marks folded.

    >>> title_key("实施<中华人民共和国社会保险法> 若干规定(试行)")
    '实施〈中华人民共和国社会保险法〉若干规定（试行）'
    """
    return SPACE.sub("", title).translate(ONE_WIDTH).translate(TO_ANGLE)


@dataclass(frozen=True, slots=True)
class Version:
    """One dated event in an instrument's life (通过, 公布, 修正, 修订)."""

    date: str
    note: str


@dataclass(frozen=True, slots=True)
class LawEntry:
    """One instrument in the registry."""

    id: str
    title: str
    aliases: tuple[str, ...]
    rank: str
    issuer: str
    doc_numbers: tuple[str, ...] = ()
    versions: tuple[Version, ...] = ()
    notes: str | None = None
    examples: tuple[str, ...] = ()


class Registry:
    """All entries, indexed by the title key of their title and every alias.

    >>> reg = load_registry()
    >>> [e.title for e in reg.lookup("社会保险法")]
    ['中华人民共和国社会保险法']
    """

    def __init__(self, entries: Iterable[LawEntry]) -> None:
        self.entries: tuple[LawEntry, ...] = tuple(entries)
        self._by_key: dict[str, list[LawEntry]] = {}
        self._by_id: dict[str, LawEntry] = {}
        for entry in self.entries:
            if entry.id in self._by_id:
                raise ValueError(f"laws.json: duplicate id {entry.id!r}")
            self._by_id[entry.id] = entry
            if entry.rank not in RANKS:
                raise ValueError(
                    f"laws.json: {entry.id}: unknown rank {entry.rank!r}; valid: {', '.join(RANKS)}"
                )
            for name in (entry.title, *entry.aliases):
                bucket = self._by_key.setdefault(title_key(name), [])
                if entry not in bucket:
                    bucket.append(entry)
        # keyed by doc_key with 中华人民共和国 taken off the issuer: written either way, one number
        self._by_doc: dict[tuple[str, str, int], list[LawEntry]] = {}
        for entry in self.entries:
            for doc in entry.doc_numbers:
                number = _doc_lookup_key(doc)
                if number is None:
                    continue
                enacted = self._by_doc.setdefault(number, [])
                if entry not in enacted:
                    enacted.append(entry)
        self._automaton = ahocorasick.Automaton()
        for key in self._by_key:
            self._automaton.add_word(key, key)
        self._automaton.make_automaton()

    def lookup(self, title: str) -> list[LawEntry]:
        """Entries whose title or alias has the same title key as ``title`` (several: ambiguous)."""
        return list(self._by_key.get(title_key(title), ()))

    def by_id(self, law_id: str) -> LawEntry | None:
        """The entry with this id (``Citation.law_id``), or None.

        >>> load_registry().by_id("shehui-baoxian-fa").title
        '中华人民共和国社会保险法'
        """
        return self._by_id.get(law_id)

    def by_doc_number(self, doc: str) -> list[LawEntry]:
        """Entries that the document or order ``doc`` (normalised) enacted or amended: its issuer
        as the registry writes it, with or without 中华人民共和国 (国务院令第709号 is
        中华人民共和国国务院令第709号); a shortened issuer (渝府令 for 重庆市人民政府令) names none.

        >>> [e.title for e in load_registry().by_doc_number("主席令第25号")]
        ['中华人民共和国社会保险法']
        """
        key = _doc_lookup_key(doc)
        return list(self._by_doc.get(key, ())) if key is not None else []

    def longest_suffix(self, text: str) -> str | None:
        """The longest registry title or alias (as a title key) that ``text`` ends with.

        >>> load_registry().longest_suffix("依据社会保险法")
        '社会保险法'
        """
        key = title_key(text)
        best: str | None = None
        for end, name in self._automaton.iter(key):
            if end == len(key) - 1 and (best is None or len(name) > len(best)):
                best = name
        return best

    def names(self) -> Iterable[str]:
        """Every title and alias, as written in the data file."""
        for entry in self.entries:
            yield entry.title
            yield from entry.aliases


_PRC: Final = words("state_name")[0]
_ORDER_NUMBER: Final = re.compile(
    rf"(?P<issuer>.*?){alternation(words('document_kinds', 'order'))}第(?P<n>[^号]+)号"
)
_FILE_NUMBER: Final = re.compile(r"(?P<issuer>.*?)〔(?P<year>[0-9]{4})〕第?(?P<n>[0-9]+)号")


def doc_key(doc: str) -> tuple[str, str, int] | None:
    """A normalised document number as (issuer, year, number): what tells two writings of one
    number alike (第二十五号 and 第25号); None for what reads as neither an order nor a file number.

    >>> doc_key("中华人民共和国主席令第二十五号"), doc_key("国发〔2014〕8号")
    (('中华人民共和国主席', '', 25), ('国发', '2014', 8))
    """
    m = _FILE_NUMBER.fullmatch(doc)
    if m is not None:
        return m.group("issuer"), m.group("year"), int(m.group("n"))
    m = _ORDER_NUMBER.fullmatch(doc)
    if m is not None and (n := parse_numeral(m.group("n"))) is not None:
        return m.group("issuer"), "", n
    return None


def _doc_lookup_key(doc: str) -> tuple[str, str, int] | None:
    """``doc_key`` with 中华人民共和国 taken off the issuer (国务院令 = 中华人民共和国国务院令)."""
    key = doc_key(doc)
    return None if key is None else (key[0].removeprefix(_PRC), key[1], key[2])


def _entry(raw: dict[str, object]) -> LawEntry:
    def strings(key: str) -> tuple[str, ...]:
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"laws.json: {raw.get('id')}: {key} must be a list of strings")
        return tuple(value)

    versions = raw.get("versions", [])
    if not isinstance(versions, list):
        raise ValueError(f"laws.json: {raw.get('id')}: versions must be a list")
    notes = raw.get("notes")
    return LawEntry(
        id=str(raw["id"]),
        title=str(raw["title"]),
        aliases=strings("aliases"),
        rank=str(raw["rank"]),
        issuer=str(raw.get("issuer", "")),
        doc_numbers=strings("doc_numbers"),
        versions=tuple(Version(str(v["date"]), str(v["note"])) for v in versions),
        notes=str(notes) if notes else None,
        examples=strings("examples"),
    )


def read_registry(path: str | Path) -> Registry:
    """Read a registry file with the schema above; raises ValueError naming the bad entry."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return Registry(_entry(raw) for raw in data["laws"])


@cache
def load_registry() -> Registry:
    """The registry shipped with the package (read once).

    >>> len(load_registry().entries) > 0
    True
    """
    path = resources.files("extractors").joinpath("data/laws.json")
    with resources.as_file(path) as p:
        return read_registry(p)


def write_jieba_dict(path: str | Path, registry: Registry | None = None) -> int:
    """Write jieba's user dictionary of law names (one ``name freq nz`` line each); returns the
    number of lines. The dictionary is always generated from the registry, never kept by hand.

    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as d:
    ...     n = write_jieba_dict(os.path.join(d, "laws.txt"))
    >>> n > 0
    True
    """
    reg = registry or load_registry()
    names = sorted({SPACE.sub("", n) for n in reg.names()})
    with open(path, "w", encoding="utf-8") as f:
        for name in names:
            f.write(f"{name} {1000 + 10 * len(name)} nz\n")
    return len(names)
