"""A local instrument cited without its place, resolved by the list's region.

Lists cite their own province's or city's regulations by the title without the place
(《安全生产条例》 in a list of 浙江省 means 浙江省安全生产条例). A cell alone cannot tell which
place is meant: the extractor keeps the title as written and names the registry's local
instruments of that title after their place (:func:`extractors.citing.resolve.namesakes_warning`).
The list's region (``ListMeta.region``, read from its title) can: when exactly one of those
instruments is of a place the region names, the record is resolved to it, and says the place was
taken from the region. A title that names a national instrument in full (城市市容和环境卫生管理条例,
a State Council regulation) stays the national one, as the contract's canonical titles say; when
the region has its own instrument of that title, the record says so, since a list may mean it.

The region is matched by the names of areas it is written with (浙江省杭州市 → 浙江省, 杭州市):
a region that does not write the place (a county's list, 巫溪县, citing 重庆市's regulations)
leaves the title as written, with its warning; nothing is guessed.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Final

from extractors.citing.lawdb import LawEntry, load_registry, past_last_article, title_key
from extractors.citing.patterns import regex
from extractors.citing.resolve import STATE_NAME, namesakes_warning, own_place_namesakes
from extractors.citing.words import alternation, words
from extractors.models import Citation

# one area's name in a place or a region: its words, then its unit (浙江省, 达孜区, 巫溪县)
_AREA: Final = regex(
    rf"[\u4e00-\u9fff]{{2,9}}?(?:{alternation((*words('local_units'), '区', '特别行政区'))})"
)


def areas(place: str) -> frozenset[str]:
    """The names of the areas ``place`` is written with, each with its unit.

    >>> sorted(areas("浙江省杭州市西湖区"))
    ['杭州市', '浙江省', '西湖区']
    """
    return frozenset(_AREA.findall(title_key(place)))


def _place_of(entry: LawEntry, title: str) -> str:
    """The place ``entry``'s title opens with, before ``title`` (浙江省 of 浙江省安全生产条例)."""
    return title_key(entry.title)[: -len(title_key(title))]


@lru_cache(maxsize=8192)
def _in_region(law: str, region: str) -> tuple[LawEntry, list[LawEntry], str] | None:
    """The one namesake of ``law`` whose place ``region`` writes, with all its namesakes and the
    title they are named after (``law``, or ``law`` without the state's name or the unit that
    stands for the list's own place), or None (none, or several: nothing is guessed). Cached:
    a list cites the same titles over and over, and every citation of a list with a region is
    asked."""
    title = law
    namesakes = load_registry().local_namesakes(law)
    if not namesakes and law.startswith(STATE_NAME):
        # 《道路运输条例》, resolved to the national 中华人民共和国道路运输条例: the region's
        # namesake is titled after the words without the state's name
        title = law[len(STATE_NAME) :]
        namesakes = load_registry().local_namesakes(title)
    if not namesakes and (own := own_place_namesakes(law)) is not None:
        # 《本省道路运输条例》: the region's instrument of that unit
        title, namesakes = own
    if not namesakes:
        return None
    here = areas(region)
    inside = [e for e in namesakes if areas(_place_of(e, title)) & here]
    return (inside[0], namesakes, title) if len(inside) == 1 else None


def localise(citation: Citation, region: str | None) -> Citation:
    """``citation`` with a local title written without its place resolved by the list's
    ``region`` (or, for a national title, flagged when the region has its own namesake).

    >>> c = Citation("《安全生产条例》第十条", 0, 12, "安全生产条例", "explicit", article=10)
    >>> found = localise(c, "浙江省杭州市")
    >>> found.law, found.kind
    ('浙江省安全生产条例', 'abbreviation')
    >>> found.warnings
    ("place 浙江省 taken from the list's region 浙江省杭州市",)
    >>> localise(c, "巫溪县") is c
    True
    """
    law = citation.law
    if not region or law is None:
        return citation
    picked = _in_region(law, region)
    if picked is None:
        return citation
    entry, namesakes, title = picked
    if citation.law_id is not None:
        own = f"the list's region has its own {entry.title}"
        return replace(citation, warnings=(*citation.warnings, own))
    unplaced = namesakes_warning(law, namesakes)
    warnings = [w for w in citation.warnings if w != unplaced]
    warnings.append(f"place {_place_of(entry, title)} taken from the list's region {region}")
    if citation.article is not None:
        past = past_last_article(entry.id, citation.version, citation.article)
        if past is not None:
            warnings.append(past)
    kind = "abbreviation" if citation.kind in ("explicit", "law-level") else citation.kind
    return replace(citation, law=entry.title, law_id=entry.id, kind=kind, warnings=tuple(warnings))
