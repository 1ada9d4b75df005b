"""Citing statutes, the public verbs: one cell's text → its citations (:func:`get_citations`),
every text field of every item (:func:`cite_items`), a whole plain text (:func:`cite_text`).

They run the fast backend of the cell pass (:mod:`extractors.citing.cell`), skip the cells with
nothing a reference starts with, and keep the citations of the cells met again.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Final

from extractors.citing.cell import read_cell
from extractors.citing.grammar.anchors import ANCHOR_CHARS
from extractors.citing.grammar.typos import TYPOS
from extractors.citing.grammar.unmarked import may_stand_alone
from extractors.citing.numerals import NUMERAL_CHARS
from extractors.citing.patterns import regex
from extractors.citing.words import char_class
from extractors.models import TEXT_FIELDS, CellCitation, Citation, PowerItem

# 第 and the characters typed for it before a number (弟三十条; 地 alone is a word of most cells)
_ANCHOR: Final = regex(
    rf"{char_class(ANCHOR_CHARS)}|{char_class(TYPOS)}(?=[ \t\u3000]*[{NUMERAL_CHARS}])"
)


@lru_cache(maxsize=4096)
def _cached(text: str) -> tuple[Citation, ...]:
    return tuple(read_cell(text))


#: Hashes of the cells read once: a cell enters the per-cell cache when it is met again (the
#: same accountability text under many items). Cells met once, most of a list, are not kept:
#: holding their citations cost more in garbage collection than the cache saved.
_MET: Final[set[int]] = set()
_MET_MAX: Final = 65536


def get_citations(text: str) -> list[Citation]:
    """Every statute citation in one cell's text, one record per provision cited.

    >>> [(c.article, c.kind) for c in get_citations("2.《社会保险法》第九十二条、九十三条")]
    [(92, 'abbreviation'), (93, 'abbreviation')]
    >>> get_citations("《社会保险法》第九十二条")[0].law
    '中华人民共和国社会保险法'
    """
    if _ANCHOR.search(text) is None and not may_stand_alone(text):
        # no title mark, quotation mark or 第, and no line a title could stand alone on: nothing
        # to read (half the cells of a list: 对社会保险违法行为的处罚（898）)
        return []
    if len(text) > 20000:
        return read_cell(text)
    key = hash(text)
    if key not in _MET:
        if len(_MET) >= _MET_MAX:
            _MET.clear()
        _MET.add(key)
        return read_cell(text)
    return list(_cached(text))


def cite_items(
    items: Iterable[PowerItem], region: str | None = None, date: str | None = None
) -> Iterator[CellCitation]:
    """The citations in every text field (TEXT_FIELDS) of every item, with file, row and field;
    with the list's ``region`` (浙江省杭州市), a local title written without its place is
    resolved to the region's instrument (:mod:`extractors.citing.places`); with the list's
    ``date`` (:func:`extractors.citing.in_force.list_date`), an instrument no longer in force is
    said to have been repealed before or after it (:mod:`extractors.citing.in_force`).

    >>> item = PowerItem(source="a.txt", row="1", line=1, basis="《社会救助暂行办法》第五十七条")
    >>> [(c.field, c.citation.article) for c in cite_items([item])]
    [('basis', 57)]
    >>> item = PowerItem(source="a.txt", row="1", line=1, basis="《安全生产条例》第十条")
    >>> [c.citation.law for c in cite_items([item], region="浙江省")]
    ['浙江省安全生产条例']
    """
    if region:
        from extractors.citing.places import localise  # only lists with a region need it
    if date:
        from extractors.citing.in_force import date_checked  # only lists with a date need it

    for item in items:
        for key in TEXT_FIELDS:
            value = item.get(key)
            if value:
                for c in get_citations(value):
                    if region:
                        c = localise(c, region)
                    if date and c.warnings:
                        c = date_checked(c, date)
                    yield CellCitation(item.source, item.row, key, c)


def cite_text(
    source: str,
    text: str,
    *,
    field: str = "text",
    region: str | None = None,
    date: str | None = None,
) -> Iterator[CellCitation]:
    """The citations of a whole plain text treated as one cell (``quanze extract --plain``), the
    text first prepared as :func:`extractors.citing.plain.prepare` says (letter spacing,
    traditional script and pinyin glosses undone, an issuing notice above the list left out).
    A local title written without its place is resolved by ``region`` as in :func:`cite_items`;
    with no ``region`` given, by the one the text's title line names
    (:func:`extractors.citing.plain.region_in`), if any. An instrument no longer in force is said
    to have been repealed before or after the list's ``date`` as in :func:`cite_items`; with no
    ``date`` given, the year the text's title line names (:func:`extractors.citing.plain.date_in`).

    >>> [c.citation.article for c in cite_text("a.txt", "《社会救助暂行办法》第五十七条")]
    [57]
    >>> text = "浙江省应急管理厅权责清单\\n1 处罚 《安全生产条例》第十条"
    >>> [c.citation.law for c in cite_text("a.txt", text)]
    ['浙江省安全生产条例']
    """
    from extractors.citing.plain import date_in, prepare, region_in  # interpreted (OpenCC)

    prepared = prepare(text)
    if region is None:
        region = region_in(prepared)
    if date is None:
        date = date_in(prepared)
    if region:
        from extractors.citing.places import localise
    if date:
        from extractors.citing.in_force import date_checked
    for c in get_citations(prepared):
        if region:
            c = localise(c, region)
        if date and c.warnings:
            c = date_checked(c, date)
        yield CellCitation(source, None, field, c)
