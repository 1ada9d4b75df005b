"""Titles in title marks (docs/citations.md, "What a title resolves to", "Carrier notices", "What
counts as a citation"): where the title a mark opens closes (marks nest either way round), the notes
written inside the marks (《…（2018年修正）》), forms that are no instruments (《立案审批表》), the
rank tag before a title (【法律】), and the fast backend's reading of a title apart from its notes,
cached on their text."""

from __future__ import annotations

from functools import lru_cache
from typing import Final, NamedTuple

from extractors.citing.grammar.docnums import find_doc_number
from extractors.citing.grammar.notes import Tail, read_head
from extractors.citing.lawdb import RANKS
from extractors.citing.patterns import regex
from extractors.citing.resolve import (
    Resolution,
    ends_like_instrument,
    is_form,
    resolve_title,
    version_note,
)
from extractors.citing.words import (
    FLAT_TITLE,
    SENTENCE_END,
    TITLE_CLOSE,
    TITLE_OPEN,
    alternation,
    char_class,
)

_TITLE_MARK: Final = regex(char_class(TITLE_OPEN + TITLE_CLOSE + SENTENCE_END))
_RANK_BEFORE: Final = regex(r"[【\[［]\s*([^】\]［］\n]{2,14}?)\s*[】\]］]\s*[:：]?\s*\Z")
# 法律：《…》 — the rank written as a word before a colon, at the start of an entry
_RANK_WORD_BEFORE: Final = regex(
    rf"(?:^|(?<=[\s。；;、.．)）]))({alternation(RANKS)})\s*[:：]\s*\Z"
)
#: The characters a rank tag before a title may end with (before white space).
RANK_LAST: Final = frozenset("】]］:：")
_IN_TITLE_NOTE: Final = regex(r"[（(]([^（）()]{1,80})[）)]\s*$")
_new_tuple: Final = tuple.__new__


def match_title(text: str, pos: int) -> int | None:
    """The offset just past the title mark that closes the one opened at ``pos`` (nesting 〈〉 <>
    《》 either way round), or None when it is not closed before the sentence ends.

    >>> s = "《实施〈中华人民共和国社会保险法〉若干规定》第二十五条"
    >>> s[: match_title(s, 0)]
    '《实施〈中华人民共和国社会保险法〉若干规定》'
    """
    m = FLAT_TITLE.match(text, pos)
    if m is not None:
        return m.end()
    # nested marks, or a stray < (an HTML tag in a cell): step from mark to mark, not by character
    depth = 0
    for mark in _TITLE_MARK.finditer(text, pos, min(len(text), pos + 200)):
        c = mark.group()
        if c in TITLE_OPEN:
            depth += 1
        elif c in TITLE_CLOSE:
            depth -= 1
            if depth == 0:
                return mark.end()
        else:
            return None
    return None


def rank_before(text: str, start: int) -> tuple[str, int] | None:
    """The rank tag (【法律】, [部门规章]：) just before ``start`` and where it starts.

    >>> rank_before("【行政法规】《社会救助暂行办法》", 6)
    ('行政法规', 0)
    >>> rank_before("2.法律：《中华人民共和国社会保险法》", 5)
    ('法律', 2)
    """
    if not start or not ((c := text[start - 1]) in RANK_LAST or c.isspace()):
        return None
    m = _RANK_BEFORE.search(text, max(0, start - 24), start) or _RANK_WORD_BEFORE.search(
        text, max(0, start - 16), start
    )
    return (m.group(1), m.start()) if m else None


class Marked(NamedTuple):
    """A title in its marks: where it ends (past the closing mark), its words without the notes
    written inside the marks ("" when there is nothing else), and those notes."""

    end: int
    words: str
    version: str | None
    doc: str | None


def read_marked(text: str, pos: int) -> Marked | None:
    """The title whose mark opens at ``pos``, or None when the mark opens none: not closed
    before the sentence ends, or angle marks around words that end no instrument's title.

    >>> read_marked("《中华人民共和国社会保险法（2018年修正）》第八十七条", 0)
    Marked(end=23, words='中华人民共和国社会保险法', version='2018年修正', doc=None)
    >>> read_marked("<br>", 0) is None
    True
    """
    end = match_title(text, pos)
    return None if end is None else _marked(text, pos, end)


def _marked(text: str, pos: int, end: int) -> Marked | None:
    """:func:`read_marked` for a title whose marks close at ``end``."""
    written = _unwrapped(text[pos + 1 : end - 1])
    if text[pos] != "《" and not ends_like_instrument(written):
        return None
    written, version, doc = notes_inside(written)
    return Marked(end, written, version, doc)


def _unwrapped(written: str) -> str:
    """The words of a title marked twice over (《<X>》, <<X>>, <《X》>): one pair of marks that
    holds the whole title is no inner title of it (as 实施〈X〉若干规定 is), only the outer marks
    written again.

    >>> _unwrapped("<娱乐场所管理条例>"), _unwrapped("实施〈社会保险法〉若干规定")
    ('娱乐场所管理条例', '实施〈社会保险法〉若干规定')
    """
    inner = written.strip()
    if len(inner) > 2 and inner[0] in TITLE_OPEN and match_title(inner, 0) == len(inner):
        return inner[1:-1]
    return written


@lru_cache(maxsize=8192)
def notes_inside(written: str) -> tuple[str, str | None, str | None]:
    """A title without the version and number notes written inside its marks, and the notes.

    >>> notes_inside("社会救助暂行办法（2019修订）")
    ('社会救助暂行办法', '2019修订', None)
    """
    version = doc = None
    while (note := _IN_TITLE_NOTE.search(written)) is not None:
        v, d = version_note(note.group(1)), find_doc_number(note.group(1))
        if v is None and d is None:
            break
        version, doc = version or v, doc or d
        written = written[: note.start()]
    return written, version, doc


@lru_cache(maxsize=8192)
def names_form(written: str) -> bool:
    """True when the words in a pair of title marks name a form (立案审批表), once the notes
    inside them are set aside.

    >>> names_form("立案审批表"), names_form("社会救助暂行办法")
    (True, False)
    """
    written = notes_inside(written)[0]
    return bool(written.strip()) and is_form(written)


class TitleUnit(NamedTuple):
    """A title read once: its notes (offsets relative to its start), what it resolves to, the
    version and number written inside its marks, and whether it names a form."""

    notes: Tail
    resolutions: tuple[Resolution, ...]
    version: str | None
    doc: str | None
    form: bool


@lru_cache(maxsize=16384)
def title_unit(title: str, notes: str) -> TitleUnit | None:
    """The fast backend's reading of a title (its marks included) and the notes and join after
    it, as :func:`title_unit_whole` reads them together; None when the general readers must read
    them. The title and the notes are read apart, each once per distinct text: a list cites few
    titles, each with many notes and provisions.

    >>> title_unit("《社会保险法》", "（2018修正）").resolutions[0].law
    '中华人民共和国社会保险法'
    """
    alone = _title_alone(title)
    if alone is None:
        # the general readers close the title elsewhere (nested or stray marks): read it whole
        return title_unit_whole(title + notes)
    if not alone:
        return None
    written, version, doc, form = alone
    note = _notes_alone(notes)
    if note is None:
        return None
    n = len(title)
    head: Tail = _new_tuple(Tail, (note.end + n, note.chain_at + n, *note[2:]))
    resolutions = resolve_title(written + head.glued)
    return _new_tuple(TitleUnit, (head, resolutions, version, doc, form))


@lru_cache(maxsize=8192)
def _title_alone(title: str) -> tuple[str, str | None, str | None, bool] | tuple[()] | None:
    """A title in its marks read as :func:`title_unit_whole` reads it: its words, the version
    and number inside its marks, whether it names a form; () when the general path must read it,
    None when the general readers would not close it where ``title`` ends."""
    if match_title(title, 0) != len(title):
        return None
    marked = _marked(title, 0, len(title))
    if marked is None or not marked.words.strip():
        return ()
    return marked.words, marked.version, marked.doc, is_form(marked.words)


@lru_cache(maxsize=8192)
def _notes_alone(notes: str) -> Tail | None:
    """The notes and join after a title, offsets relative to their start (:func:`read_head`
    looks only forward), or None when the general path must read them."""
    head = read_head(notes, 0)
    if head.alias or head.annex or head.chain_at != len(notes):
        return None
    return head


def title_unit_whole(key: str) -> TitleUnit | None:
    """The reading of a title in its marks followed by its notes and join (``key``), as the
    general readers read it; None when it needs them (an alias, an annex, or not a title).

    >>> title_unit_whole("《社会救助暂行办法》(试行)").resolutions[0].law
    '社会救助暂行办法（试行）'
    """
    marked = read_marked(key, 0)
    if marked is None or not marked.words.strip():
        return None
    written = marked.words
    head = read_head(key, marked.end)
    if head.alias or head.annex or head.chain_at != len(key):
        return None
    resolutions = resolve_title(written + head.glued)
    return _new_tuple(TitleUnit, (head, resolutions, marked.version, marked.doc, is_form(written)))
