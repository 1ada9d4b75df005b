"""Deterministic, readable IRIs for everything the graph names: laws, provisions, lists, items.

Segments keep Chinese as Unicode (IRIs may hold it, RFC 3987) and percent-encode, as UTF-8, every
character that an IRI path segment may not hold or that would change its structure (``/ ? # %``,
spaces, controls); so the same name always gives the same IRI and both pyoxigraph and rdflib
accept it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal
from urllib.parse import quote, unquote

from extractors.models import Citation

#: The base under which every quanze resource is named (configurable per build).
DEFAULT_BASE = "https://w3id.org/quanze/id/"

_ASCII_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def _is_ucschar(char: str) -> bool:
    """True for a non-ASCII character that RFC 3987 allows unescaped in a path (``ucschar``)."""
    code = ord(char)
    if unicodedata.category(char) in {"Zs", "Zl", "Zp", "Cc", "Cf", "Co", "Cs", "Cn"}:
        return False  # white space (U+3000 too) and invisible characters are escaped
    if 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE:
        return False  # non-characters
    if 0xE0000 <= code <= 0xE0FFF:
        return False  # tags and variation selectors 17-256 (U+E0100): outside ucschar
    return code >= 0xA0


@lru_cache(maxsize=1 << 16)
def segment(text: str) -> str:
    """One path segment for ``text``: NFC-normalised, stripped, reserved characters escaped.

    >>> segment("达孜区医保局")
    '达孜区医保局'
    >>> segment("中共中央 国务院关于深化医疗保障制度改革的意见")
    '中共中央%20国务院关于深化医疗保障制度改革的意见'
    >>> segment("县人力社保局/县医保局")
    '县人力社保局%2F县医保局'
    """
    text = unicodedata.normalize("NFC", text.strip())
    if not text:
        raise ValueError("an IRI segment cannot be empty")
    if text in {".", ".."}:
        return text.replace(".", "%2E")
    out = []
    for char in text:
        if char in _ASCII_SAFE or (ord(char) >= 0x80 and _is_ucschar(char)):
            out.append(char)
        else:
            out.append(quote(char, safe=""))
    return "".join(out)


def unsegment(text: str) -> str:
    """The text of a path segment ``segment`` made (its escapes undone).

    >>> unsegment(segment("县人力社保局/县医保局"))
    '县人力社保局/县医保局'
    """
    return unquote(text)


# Names of national bodies (国务院, 人力资源和社会保障部, 国家医疗保障局办公室 …) are global.
_NATIONAL = re.compile(
    r"^(?:国家|国务院|中共中央|中央|全国|中华人民共和国|最高人民)|部(?:办公厅)?$"
)
# A name starting with a level word names "the county's / the city's …" body of whichever place
# the list belongs to: 县医保局 in the 巫溪县 list (市场 is a word, not a level: 市场监管局).
_RELATIVE = re.compile(
    r"^(?:自治区|自治州|自治县|自治旗|街道|县|区|市(?!场)|省|州|旗|盟|乡|镇|本级)"
)
_LEVEL_WORDS = frozenset(
    ("自治区", "自治州", "自治县", "自治旗", "街道", "县", "区", "市", "省", "州", "旗", "盟")
)
# A place name of two or more characters and its level word (达孜区医保局, 重庆市医疗保障局); 城 is
# not a place before 市/乡/区 (城市管理局, 住房城乡建设局, 城区管理局).
_PLACE = re.compile(
    r"(?!城)[\u4e00-\u9fff]{2,12}?(?<!城)"
    r"(?:特别行政区|自治区|自治州|自治县|自治旗|街道|省|市|县|区|州|盟|旗|乡|镇)"
)


def place_of(name: str) -> str | None:
    """The place an absolute authority name starts with, or None.

    >>> place_of("拉萨市达孜区医保局"), place_of("县医保局"), place_of("住房城乡建设局")
    ('拉萨市达孜区', None, None)
    """
    name = unicodedata.normalize("NFC", name.strip())
    if _NATIONAL.search(name) or _RELATIVE.match(name):
        return None
    end = 0
    while (match := _PLACE.match(name, end)) is not None:  # 拉萨市 + 达孜区
        end = match.end()
    return name[:end] or None


def is_relative_authority(name: str) -> bool:
    """True for an authority name that only means something within a place: it starts with a
    level word (县医保局, 市场监管局 is not one) or carries no place name (医疗保障局); national
    bodies (国务院, 财政部) and names with a place (达孜区医保局) are absolute.

    >>> [is_relative_authority(n) for n in ("县医保局", "达孜区医保局", "卫生健康委", "财政部")]
    [True, False, True, False]
    """
    name = unicodedata.normalize("NFC", name.strip())
    if _NATIONAL.search(name):
        return False
    if _RELATIVE.match(name):
        return True
    return place_of(name) is None


def qualified_authority(name: str, region: str) -> str | None:
    """The full name of a relative authority in ``region`` when the text lets one tell it: the
    level word stands for the region itself (县医保局 in 巫溪县), or there is none (卫生健康委);
    None when it names another level (市医保局 in a county's list: the city is not written).

    >>> qualified_authority("县医保局", "巫溪县"), qualified_authority("区医保局", "拉萨市达孜区")
    ('巫溪县医保局', '拉萨市达孜区医保局')
    >>> qualified_authority("市医保局", "巫溪县") is None
    True
    """
    name, region = name.strip(), region.strip()
    match = _RELATIVE.match(name)
    if match is None:
        return region + name
    word = match.group(0)
    if word in _LEVEL_WORDS and region.endswith(word):
        return region + name[len(word) :]
    return None


@dataclass(frozen=True, slots=True)
class Locator:
    """Where in a law a citation points: 编/章/节 (divisions), 条 (with 之一), 款, 项, 目.

    ``item`` is a 项 and ``subitem`` a 目 (Akoma Ntoso ``point`` and nested ``point``); ``point``
    is a numbered division of a policy document that has no articles (``(十八)``).
    """

    chapter: int | None = None
    article: int | None = None
    article_suffix: int | None = None
    paragraph: int | None = None
    item: int | None = None
    point: int | None = None
    part: int | None = None
    section: int | None = None
    subitem: int | None = None

    @classmethod
    def of(cls, c: Citation) -> Locator:
        """The locator a citation writes."""
        return cls(
            chapter=c.chapter,
            article=c.article,
            article_suffix=c.article_suffix,
            paragraph=c.paragraph,
            item=c.item,
            point=c.point,
            part=c.part,
            section=c.section,
            subitem=c.subitem,
        )


def law_key(c: Citation) -> str:
    """The id a cited law is named by in IRIs: the registry id the citation carries, else the
    law's canonical title (a law the registry does not know).

    >>> law_key(Citation("《社会保险法》", 0, 7, "中华人民共和国社会保险法", "abbreviation",
    ...                  law_id="shehui-baoxian-fa"))
    'shehui-baoxian-fa'
    """
    assert c.law is not None, "an unresolved citation names no law"
    return c.law_id if c.law_id is not None else c.law


def article_token(article: int, suffix: int | None = None) -> str:
    """The eId token of an article: ``art_87``, or ``art_20-1`` for 第二十条之一.

    >>> article_token(20, 1)
    'art_20-1'
    """
    return f"art_{article}" if suffix is None else f"art_{article}-{suffix}"


SubdivisionKind = Literal["part", "subpart", "chapter", "section", "article", "paragraph", "point"]


@dataclass(frozen=True, slots=True)
class Step:
    """One level of a provision below its work: its eId token, kind and number as written."""

    token: str
    kind: SubdivisionKind
    number: str


def provision_steps(loc: Locator) -> list[Step]:
    """The levels below the work down to ``loc``, outermost first; empty for the whole work.

    Articles are numbered through the whole law, so an article's path never includes its chapter;
    the chapter is its own node that the article is part of.

    >>> [s.token for s in provision_steps(Locator(article=87, paragraph=2, item=4))]
    ['art_87', 'para_2', 'point_4']
    >>> provision_steps(Locator(article=20, article_suffix=1))[0].number
    '20之1'
    >>> provision_steps(Locator(point=18))
    [Step(token='point_18', kind='point', number='18')]
    """
    if loc.article is None:
        return [point_step(loc.point)] if loc.point is not None else []
    steps = [article_step(loc.article, loc.article_suffix)]
    if loc.paragraph is not None:
        steps.append(paragraph_step(loc.paragraph))
    if loc.item is not None:
        steps.append(point_step(loc.item))
        if loc.subitem is not None:
            steps.append(point_step(loc.subitem))
    return steps


def article_step(article: int, suffix: int | None = None) -> Step:
    """The level of an article: ``art_87``, number ``87``; ``art_20-1``, number ``20之1``."""
    number = str(article) if suffix is None else f"{article}之{suffix}"
    return Step(article_token(article, suffix), "article", number)


def paragraph_step(paragraph: int) -> Step:
    """The level of a paragraph (款) in its article: ``para_2``."""
    return Step(f"para_{paragraph}", "paragraph", str(paragraph))


def point_step(point: int) -> Step:
    """The level of an item (项), a point (目) in an item, or a numbered point of a policy
    document: ``point_4``."""
    return Step(f"point_{point}", "point", str(point))


def division_steps(loc: Locator) -> list[Step]:
    """The divisions above an article, as written (编 part, 章 chp, 节 sec), outermost first.

    Articles are numbered through the whole law, so divisions are nodes the article is part of,
    not segments of its IRI; a division's own IRI nests in the divisions written above it.

    >>> [s.token for s in division_steps(Locator(chapter=6, section=2, article=19))]
    ['chp_6', 'sec_2']
    """
    if loc.article is None:
        return []
    levels: tuple[tuple[SubdivisionKind, int | None], ...] = (
        ("part", loc.part),
        ("chapter", loc.chapter),
        ("section", loc.section),
    )
    return [division_step(kind, n) for kind, n in levels if n is not None]


#: The eId token of each kind of division (Akoma Ntoso; 分编 of the 民法典 has none there).
DIVISION_TOKENS: dict[str, str] = {
    "part": "part",
    "subpart": "subpart",
    "chapter": "chp",
    "section": "sec",
}


def division_step(kind: SubdivisionKind, number: int) -> Step:
    """The level of a division: ``chp_6`` for 第六章.

    >>> division_step("subpart", 2).token
    'subpart_2'
    """
    return Step(f"{DIVISION_TOKENS[kind]}_{number}", kind, str(number))


@dataclass(frozen=True, slots=True)
class Iris:
    """The IRI scheme under one base; every method returns a plain ``str`` IRI.

    >>> ids = Iris()
    >>> ids.provision("中华人民共和国社会保险法", Locator(article=87, paragraph=2))
    'https://w3id.org/quanze/id/law/中华人民共和国社会保险法/art_87/para_2'
    >>> ids.item("001_6c98652daac37f2e", "4268")
    'https://w3id.org/quanze/id/list/001_6c98652daac37f2e/item/4268'
    """

    base: str = DEFAULT_BASE

    def __post_init__(self) -> None:
        if not re.match(r"^https?://[^\s<>\"{}|\\^`]+/$", self.base):
            raise ValueError(f"IRI base must be an http(s) IRI ending in '/': {self.base!r}")

    def law(self, law_id: str) -> str:
        """The work (eli:LegalResource) identified by its canonical title or registry id."""
        return f"{self.base}law/{segment(law_id)}"

    def law_of(self, iri: str) -> str | None:
        """The law a law's or provision's IRI names (its provisions' IRIs are the law's and
        more); None for another IRI.

        >>> Iris().law_of("https://w3id.org/quanze/id/law/shehui-baoxian-fa/art_87/para_1")
        'https://w3id.org/quanze/id/law/shehui-baoxian-fa'
        >>> Iris().law_of("https://w3id.org/quanze/id/org/x") is None
        True
        """
        prefix = f"{self.base}law/"
        if not iri.startswith(prefix):
            return None
        return prefix + iri[len(prefix) :].split("/", 1)[0]

    def provision(self, law_id: str, loc: Locator) -> str:
        """The work-level provision ``loc`` of a law (the law itself for an empty locator)."""
        return "/".join([self.law(law_id), *(step.token for step in provision_steps(loc))])

    def divisions(self, law_id: str, loc: Locator) -> list[str]:
        """The IRIs of the divisions written above the article: ``…/law/{id}/chp_6/sec_2`` …"""
        out, node = [], self.law(law_id)
        for step in division_steps(loc):
            node = f"{node}/{step.token}"
            out.append(node)
        return out

    def version(self, law_id: str, note: str) -> str:
        """A version (eli:LegalExpression) of a law: ``…/law/{id}/2018修正``."""
        return f"{self.law(law_id)}/{segment(note)}"

    def power_list(self, list_id: str) -> str:
        """A power list (one published document)."""
        return f"{self.base}list/{segment(list_id)}"

    def list_graph(self, list_id: str) -> str:
        """The named graph that holds everything built from one list."""
        return f"{self.list_graphs()}{segment(list_id)}"

    def list_graphs(self) -> str:
        """What the name of every list graph starts with."""
        return f"{self.base}graph/list/"

    def shared_graph(self) -> str:
        """The named graph of what lists share: laws, provisions, versions and authorities.

        Written once however many lists cite a law, so queries over the union of graphs see each
        fact once (a law repeated in every list graph multiplied every join by the list count).
        """
        return f"{self.base}graph/shared"

    def tally_graph(self) -> str:
        """The named graph of the citation tallies: how many items, citations and lists cite each
        law and article (``qz:citingItems`` …), kept up to date by every build."""
        return f"{self.base}graph/tally"

    def derived_graph(self) -> str:
        """The named graph of the derived facts: what the queries that rank or group the whole
        store group by, summed over the lists (``graph.build.derived``), kept by every build."""
        return f"{self.base}graph/derived"

    def record_graph(self) -> str:
        """The named graph of the build's own record: per list graph, the quads it held when its
        build committed, the path it was built from and a digest of its content
        (``graph.build.record``), which ``quanze check`` compares with the store."""
        return f"{self.base}graph/record"

    def law_graph(self, law_id: str, version: str) -> str:
        """The named graph of one version of a law's official text (``quanze laws import``):
        the version's catalogue facts and the expressions of its divisions and provisions."""
        return f"{self.law_graphs()}{segment(law_id)}/{segment(version)}"

    def law_graphs(self) -> str:
        """What the name of every law-text graph starts with."""
        return f"{self.base}graph/law/"

    def law_record_graph(self) -> str:
        """The named graph of the law import's record: each law-text graph's content digest,
        written once its quads are in (``graph.laws.record``)."""
        return f"{self.base}graph/lawrecord"

    def text_links_graph(self) -> str:
        """The derived graph linking each citation to its provision's text in the version chosen
        for its list (``graph.laws.links``), recomputed whole by builds and imports."""
        return f"{self.base}graph/textlinks"

    def ontology_graph(self) -> str:
        """The named graph that holds the ontology and its concept schemes."""
        return f"{self.base}graph/ontology"

    def item(self, list_id: str, key: str) -> str:
        """A power item, keyed by its row as written (see ``item_keys``)."""
        return f"{self.power_list(list_id)}/item/{segment(key)}"

    def org(self, name: str, *, region: str | None = None, list_id: str | None = None) -> str:
        """An authority by its name as written: global (``…/org/达孜区医保局``), or, for a name
        relative to a place (see ``is_relative_authority``), scoped by the list's region
        (``…/org/巫溪县/县医保局``) or, when the list names no region, by the list itself
        (``…/list/{list-id}/org/县医保局``).

        >>> Iris().org("县医保局", region="巫溪县")
        'https://w3id.org/quanze/id/org/巫溪县/县医保局'
        """
        if region is not None:
            return f"{self.base}org/{segment(region)}/{segment(name)}"
        if list_id is not None:
            return f"{self.power_list(list_id)}/org/{segment(name)}"
        return f"{self.base}org/{segment(name)}"

    def is_own(self, iri: str) -> bool:
        """True if ``iri`` lies under this base."""
        return iri.startswith(self.base)
