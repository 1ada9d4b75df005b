"""Analyses the citation network read from the store: central articles and laws, laws cited
together, communities of powers, equivalent powers across lists and keywords per power.

Computations only: ``graph.analytics.enrich`` turns the results into triples. networkx has no
numpy or scipy here, so only its pure-Python algorithms are used (degree, betweenness, Louvain).
"""

from __future__ import annotations

import logging
import math
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations
from pathlib import Path
from typing import Any

import jieba
import jieba.analyse
import networkx as nx
from networkx.algorithms.community import louvain_communities

from extractors.citing.lawdb import write_jieba_dict
from extractors.citing.numerals import to_chinese
from graph.store.query import Source, run_query
from graph.store.results import term_text, to_table
from ontology.namespace import QZFIELD

#: Weights of the two similarities in an equivalence score (they sum to 1, so the score is in
#: [0, 1]). Citations weigh as much as names: 达孜区 1 and 巫溪县 4268 share their basis but are
#: worded differently, 达孜区 3 and 巫溪县 4282 (both 举报奖励) cite different local rules.
CITATION_WEIGHT = 0.5
NAME_WEIGHT = 0.5
#: Pairs scoring below this are not kept as equivalent (``quanze analyze --threshold``).
DEFAULT_THRESHOLD = 0.3
#: Keywords kept per power item.
KEYWORDS_PER_ITEM = 5
#: The fields whose citations define a power for equivalence and communities: its legal basis
#: (设定依据). Accountability bases (社会保险法第九十二条、第九十三条, 公务员法第一百零四条) are
#: boilerplate that unrelated powers share, so they count for centrality only.
BASIS_FIELDS = frozenset({str(QZFIELD.basis)})
#: Above this many nodes betweenness is estimated from this many sampled sources (fixed seed):
#: exact betweenness is O(nodes × edges).
BETWEENNESS_SAMPLE = 2000
#: Seed of the Louvain community detection and of sampled betweenness: output is deterministic.
SEED = 0

# Function words that carry nothing about a power; jieba also glues 对以 (对以欺诈…的处罚).
_STOP_WORDS = frozenset("对的等和及与或以为被向其所列未不之在由将从按于并") | frozenset(
    ("对以", "或者", "以及", "进行", "有关", "其他", "其它", "可能", "具有", "所列")
)
# Punctuation, digits, Latin letters and locators (第十五条) are not words of a power's name.
_NOT_WORD = re.compile(r"^(?:[\W\d_a-zA-Z]+|第[\d一二三四五六七八九十百千零〇]+[条款项目章节编])$")


@dataclass(frozen=True, slots=True)
class Item:
    """A power item as the analysis sees it."""

    iri: str
    list_iri: str
    source: str
    region: str
    row: str
    name: str

    @property
    def label(self) -> str:
        """``region#row name``, e.g. ``巫溪县#4268 对医疗保险经办机构…``."""
        return f"{self.region or self.source}#{self.row} {self.name}".strip()


@dataclass(frozen=True, slots=True)
class Cited:
    """One thing an item cites in one field: an article (``number`` set) or a whole work."""

    item: str
    field: str  # the qz:itemFields concept IRI
    unit: str  # the article IRI, or the cited node when there is no article
    number: str | None
    law: str
    title: str

    @property
    def label(self) -> str:
        """The law and article in Chinese: ``中华人民共和国社会保险法第八十七条``."""
        if self.number is None:
            return self.title if self.unit == self.law else f"{self.title} {self.unit}"
        article, _, suffix = self.number.partition("之")
        numeral = to_chinese(int(article)) if article.isdigit() else article
        return f"{self.title}第{numeral}条" + (f"之{suffix}" if suffix else "")


@dataclass(frozen=True, slots=True)
class Network:
    """The items of the store and what they cite."""

    items: tuple[Item, ...]
    cited: tuple[Cited, ...]

    def item(self, iri: str) -> Item:
        """The item with IRI ``iri``."""
        return self._by_iri()[iri]

    def _by_iri(self) -> dict[str, Item]:
        return {item.iri: item for item in self.items}


def load_network(source: Source) -> Network:
    """Read the items and their citations from the store (bundled queries ``analysis-items``
    and ``analysis-citations``; nothing of the user's reaches the SPARQL text)."""
    items = tuple(
        Item(
            iri=term_text(row["powerItem"]),
            list_iri=term_text(row["list"]),
            source=term_text(row["source"]),
            region=term_text(row.get("region")),
            row=term_text(row.get("row")),
            name=term_text(row.get("name")),
        )
        for row in run_query(source, "analysis-items").rows
    )
    cited = tuple(
        Cited(
            item=term_text(row["powerItem"]),
            field=term_text(row["field"]),
            unit=term_text(row["unit"]),
            number=term_text(row["article"]) if "article" in row else None,
            law=term_text(row["law"]),
            title=term_text(row["title"]),
        )
        for row in run_query(source, "analysis-citations").rows
    )
    return Network(items, cited)


# --- centrality --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Central:
    """An article or law with the number of items citing it (its degree in the item–article or
    item–law graph) and its betweenness centrality in that bipartite graph (normalised)."""

    iri: str
    label: str
    items: int
    betweenness: float


def _bipartite(pairs: Iterable[tuple[str, str]]) -> nx.Graph:
    graph = nx.Graph()
    for item, target in sorted(set(pairs)):
        graph.add_node(("item", item))
        graph.add_edge(("item", item), ("cited", target))
    return graph


def _betweenness(graph: nx.Graph) -> dict[Any, float]:
    if graph.number_of_nodes() > BETWEENNESS_SAMPLE:
        return dict(nx.betweenness_centrality(graph, k=BETWEENNESS_SAMPLE, seed=SEED))
    return dict(nx.betweenness_centrality(graph))


def _rank(pairs: Sequence[tuple[str, str]], labels: Mapping[str, str], top: int) -> list[Central]:
    graph = _bipartite(pairs)
    between = _betweenness(graph)
    ranked = [
        Central(target, labels[target], graph.degree[node], round(between[node], 4))
        for node in graph
        if node[0] == "cited"
        for target in (node[1],)
    ]
    ranked.sort(key=lambda c: (-c.items, -c.betweenness, c.label, c.iri))
    return ranked[:top]


def central_articles(network: Network, top: int = 10) -> list[Central]:
    """The articles cited by the most items (any field), ties broken by betweenness."""
    labels = {c.unit: c.label for c in network.cited if c.number is not None}
    pairs = [(c.item, c.unit) for c in network.cited if c.number is not None]
    return _rank(pairs, labels, top)


def central_laws(network: Network, top: int = 10) -> list[Central]:
    """The laws cited (whole or in part, any field) by the most items."""
    labels = {c.law: c.title for c in network.cited}
    return _rank([(c.item, c.law) for c in network.cited], labels, top)


# --- laws cited together -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CoCited:
    """Two laws cited by the same items: how many, and the Jaccard index of their citing items."""

    law_a: str
    law_b: str
    title_a: str
    title_b: str
    items: int
    jaccard: float


def cocited_laws(network: Network, top: int = 10) -> list[CoCited]:
    """Pairs of laws cited by the same item, most shared items first."""
    citing: dict[str, set[str]] = defaultdict(set)
    titles: dict[str, str] = {}
    for c in network.cited:
        citing[c.law].add(c.item)
        titles[c.law] = c.title
    laws_of: dict[str, set[str]] = defaultdict(set)
    for law, items in citing.items():
        for item in items:
            laws_of[item].add(law)
    together: Counter[tuple[str, str]] = Counter()
    for laws in laws_of.values():
        together.update(combinations(sorted(laws), 2))
    pairs = [
        CoCited(a, b, titles[a], titles[b], n, round(n / len(citing[a] | citing[b]), 4))
        for (a, b), n in together.items()
    ]
    pairs.sort(key=lambda p: (-p.items, -p.jaccard, p.title_a, p.title_b))
    return pairs[:top]


# --- communities -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Community:
    """Power items linked through shared basis articles, and the articles most of them share."""

    items: tuple[str, ...]
    articles: tuple[str, ...]  # labels, most shared first


def power_communities(network: Network, top: int = 10) -> list[Community]:
    """Communities (Louvain, fixed seed) of the item graph in which two items are linked with
    the number of basis articles (or whole works) they share; the largest first, singletons
    left out."""
    units = _basis_units(network)
    graph = nx.Graph()
    citing: dict[str, list[str]] = defaultdict(list)
    for item in sorted(units):
        graph.add_node(item)
        for unit in sorted(units[item]):
            citing[unit].append(item)
    for unit in sorted(citing):
        for a, b in combinations(citing[unit], 2):
            weight = graph.get_edge_data(a, b, {"weight": 0})["weight"]
            graph.add_edge(a, b, weight=weight + 1)
    labels = {c.unit: c.label for c in network.cited}
    out = []
    for members in louvain_communities(graph, weight="weight", seed=SEED):
        if len(members) < 2:
            continue
        shared = Counter(unit for item in members for unit in units[item])
        common = sorted((u for u, n in shared.items() if n > 1), key=lambda u: (-shared[u], u))
        out.append(Community(tuple(sorted(members)), tuple(labels[u] for u in common[:3])))
    out.sort(key=lambda c: (-len(c.items), c.items))
    return out[:top]


def _basis_units(network: Network) -> dict[str, set[str]]:
    units: dict[str, set[str]] = defaultdict(set)
    for c in network.cited:
        if c.field in BASIS_FIELDS:
            units[c.item].add(c.unit)
    return units


# --- names: tokens, TF-IDF, keywords -----------------------------------------------------------


@cache
def _tokenizer() -> jieba.Tokenizer:
    """A jieba tokenizer of its own (the module-level one is left alone) with the legal user
    dictionary, generated from the law registry into a temporary file."""
    jieba.setLogLevel(logging.WARNING)  # jieba logs its dictionary loading to stderr otherwise
    tokenizer = jieba.Tokenizer()
    with tempfile.TemporaryDirectory(prefix="quanze-jieba-") as folder:
        path = Path(folder) / "laws.txt"
        write_jieba_dict(path)
        tokenizer.load_userdict(str(path))
    return tokenizer


@cache
def _extractor() -> jieba.analyse.TFIDF:
    extractor = jieba.analyse.TFIDF()
    extractor.tokenizer = _tokenizer()
    extractor.stop_words = extractor.stop_words | _STOP_WORDS
    return extractor


def name_tokens(name: str) -> list[str]:
    """The words of an item name: jieba with the legal dictionary, function words, punctuation
    and locators dropped.

    >>> name_tokens("对举报骗取医保基金行为的奖励")
    ['举报', '骗取', '医保', '基金', '行为', '奖励']
    >>> name_tokens("对具有《重庆市骗取社会保险基金处理办法》第十五条所列行为的处罚")
    ['重庆市骗取社会保险基金处理办法', '行为', '处罚']
    """
    return [
        token
        for token in _tokenizer().lcut(name)
        if token.strip() and token not in _STOP_WORDS and not _NOT_WORD.match(token)
    ]


def keywords(name: str, k: int = KEYWORDS_PER_ITEM) -> list[str]:
    """The ``k`` best keywords of an item name by jieba's TF-IDF (its own corpus IDF, so an
    item's keywords do not change when other lists are added), with the legal dictionary.

    >>> keywords("对医疗机构、药品经营单位等社会保险服务机构以欺诈、伪造证明材料或者其他手段"
    ...          "骗取社会保险基金支出的处罚", 3)
    ['社会保险', '骗取', '欺诈']
    """
    tags = _extractor().extract_tags(name, topK=None)
    return [tag for tag in tags if not _NOT_WORD.match(tag)][:k]


def tfidf_vectors(names: Mapping[str, str]) -> dict[str, dict[str, float]]:
    """Unit-length TF-IDF vectors of item names (IRI → name), the IDF taken over these names:
    ``idf = ln((1 + N) / (1 + df)) + 1`` (smoothed, so a word in every name still counts a little).

    >>> v = tfidf_vectors({"a": "城乡医疗救助", "b": "对医疗救助的监督检查"})
    >>> sorted(v["a"]), round(sum(w * w for w in v["b"].values()), 6)
    (['医疗', '城乡', '救助'], 1.0)
    """
    counts = {iri: Counter(name_tokens(name)) for iri, name in names.items()}
    df = Counter(token for tf in counts.values() for token in tf)
    n = len(counts)
    idf = {token: math.log((1 + n) / (1 + d)) + 1 for token, d in df.items()}
    vectors = {}
    for iri, tf in counts.items():
        weights = {token: count * idf[token] for token, count in tf.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors[iri] = {token: w / norm for token, w in weights.items()}
    return vectors


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """The cosine of two unit-length sparse vectors (their dot product).

    >>> cosine({"骗取": 0.6, "基金": 0.8}, {"基金": 1.0})
    0.8
    """
    if len(b) < len(a):
        a, b = b, a
    return sum(w * b.get(token, 0.0) for token, w in a.items())


def jaccard(a: set[str], b: set[str]) -> float:
    """|a ∩ b| / |a ∪ b|; 0 for two empty sets.

    >>> jaccard({"art_87", "art_25"}, {"art_87", "art_25", "art_104"})
    0.6666666666666666
    """
    union = a | b
    return len(a & b) / len(union) if union else 0.0


# --- equivalent powers -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Equivalence:
    """Two items of different lists that look like the same power, scored in [0, 1]:
    ``score = CITATION_WEIGHT × citation_similarity + NAME_WEIGHT × name_similarity``."""

    item_a: str  # the smaller IRI
    item_b: str
    score: float
    citation_similarity: float
    name_similarity: float
    shared: tuple[str, ...]  # the basis articles (or whole works) both cite


def equivalent_powers(network: Network, threshold: float = DEFAULT_THRESHOLD) -> list[Equivalence]:
    """Pairs of items from different lists scoring at least ``threshold``, best first.

    Citation similarity is the Jaccard index of the basis articles (whole works where no article
    is cited) the two cite; name similarity the TF-IDF cosine of their names. Only pairs sharing
    an article or a word are scored (the others score 0), so the lists need not be compared in
    full. Scores are rounded to 4 places, so they are stable across runs.
    """
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"the threshold is a score between 0 and 1, not {threshold}")
    units = _basis_units(network)
    vectors = tfidf_vectors({item.iri: item.name for item in network.items})
    list_of = {item.iri: item.list_iri for item in network.items}
    index: dict[str, set[str]] = defaultdict(set)
    for iri in list_of:
        for key in units.get(iri, ()):
            index["unit " + key].add(iri)
        for key in vectors.get(iri, {}):
            index["word " + key].add(iri)
    candidates: set[tuple[str, str]] = set()
    for members in index.values():
        for a, b in combinations(sorted(members), 2):
            if list_of[a] != list_of[b]:
                candidates.add((a, b))
    out = []
    for a, b in sorted(candidates):
        ua, ub = units.get(a, set()), units.get(b, set())
        cited = round(jaccard(ua, ub), 4)
        named = round(min(1.0, cosine(vectors.get(a, {}), vectors.get(b, {}))), 4)
        score = round(CITATION_WEIGHT * cited + NAME_WEIGHT * named, 4)
        if score >= threshold and score > 0:
            out.append(Equivalence(a, b, score, cited, named, tuple(sorted(ua & ub))))
    out.sort(key=lambda e: (-e.score, e.item_a, e.item_b))
    return out


# --- the whole analysis ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Analysis:
    """What ``quanze analyze`` computes; ``equivalences`` and ``keywords`` are written back."""

    network: Network
    articles: tuple[Central, ...]
    laws: tuple[Central, ...]
    cocited: tuple[CoCited, ...]
    communities: tuple[Community, ...]
    equivalences: tuple[Equivalence, ...]
    keywords: tuple[tuple[str, tuple[str, ...]], ...]  # (item IRI, keywords best first)
    threshold: float = DEFAULT_THRESHOLD
    top: int = 10
    _labels: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def label(self, iri: str) -> str:
        """The label of an item, article or law IRI."""
        if not self._labels:
            self._labels.update({c.unit: c.label for c in self.network.cited})
            self._labels.update({i.iri: i.label for i in self.network.items})
        return self._labels.get(iri, iri)

    def to_json(self) -> dict[str, Any]:
        """The report as a JSON-ready dict (every equivalence, the top of everything else)."""

        def central(c: Central) -> dict[str, Any]:
            return {"iri": c.iri, "label": c.label, "items": c.items, "betweenness": c.betweenness}

        return {
            "measures": {
                "centrality": "items citing (degree in the item–article / item–law graph), "
                "then betweenness (normalised) in that graph",
                "score": f"{CITATION_WEIGHT} × Jaccard(basis articles) + "
                f"{NAME_WEIGHT} × cosine(TF-IDF of names)",
                "threshold": self.threshold,
            },
            "central_articles": [central(c) for c in self.articles],
            "central_laws": [central(c) for c in self.laws],
            "cocited_laws": [
                {"laws": [p.title_a, p.title_b], "items": p.items, "jaccard": p.jaccard}
                for p in self.cocited
            ],
            "communities": [
                {"items": [self.label(i) for i in c.items], "articles": list(c.articles)}
                for c in self.communities
            ],
            "equivalent_powers": [
                {
                    "items": [e.item_a, e.item_b],
                    "names": [self.label(e.item_a), self.label(e.item_b)],
                    "score": e.score,
                    "citation_similarity": e.citation_similarity,
                    "name_similarity": e.name_similarity,
                    "shared": [self.label(u) for u in e.shared],
                }
                for e in self.equivalences
            ],
            "keywords": {iri: list(words) for iri, words in self.keywords},
        }

    def to_text(self) -> str:
        """The report as plain-text tables (what ``quanze analyze`` prints)."""
        parts = [
            "Central articles (items citing = degree in the item–article graph; betweenness)\n",
            to_table(
                ["article", "items", "betweenness"],
                [
                    {"article": c.label, "items": c.items, "betweenness": c.betweenness}
                    for c in self.articles
                ],
            ),
            "\nCentral laws (items citing = degree in the item–law graph; betweenness)\n",
            to_table(
                ["law", "items", "betweenness"],
                [
                    {"law": c.label, "items": c.items, "betweenness": c.betweenness}
                    for c in self.laws
                ],
            ),
            "\nLaws cited by the same items\n",
            to_table(
                ["law", "with", "items", "jaccard"],
                [
                    {"law": p.title_a, "with": p.title_b, "items": p.items, "jaccard": p.jaccard}
                    for p in self.cocited
                ],
            ),
            "\nCommunities of powers (shared basis articles; Louvain)\n",
            to_table(
                ["community", "items", "shared"],
                [
                    {
                        "community": n,
                        "items": "; ".join(self.label(i) for i in c.items),
                        "shared": "、".join(c.articles),
                    }
                    for n, c in enumerate(self.communities, start=1)
                ],
            ),
            f"\nEquivalent powers across lists (score ≥ {self.threshold}; "
            f"{CITATION_WEIGHT}×citations + {NAME_WEIGHT}×names)\n",
            to_table(
                ["score", "citations", "names", "item", "equivalent"],
                [
                    {
                        "score": e.score,
                        "citations": e.citation_similarity,
                        "names": e.name_similarity,
                        "item": self.label(e.item_a),
                        "equivalent": self.label(e.item_b),
                    }
                    for e in self.equivalences[: self.top]
                ],
            ),
        ]
        if len(self.equivalences) > self.top:
            parts.append(f"… {len(self.equivalences) - self.top} more pair(s) (see --top)\n")
        counts = Counter(word for _, words in self.keywords for word in words)
        parts += [
            f"\nKeywords ({len(counts)} concepts on {len(self.keywords)} items), most used\n",
            to_table(
                ["keyword", "items"],
                [
                    {"keyword": w, "items": n}
                    for w, n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))[: self.top]
                ],
            ),
        ]
        return "".join(parts)


def analyze(network: Network, *, top: int = 10, threshold: float = DEFAULT_THRESHOLD) -> Analysis:
    """Every analysis of ``network``; ``top`` cuts the rankings, not the equivalences."""
    if top < 1:
        raise ValueError(f"top must be 1 or more, not {top}")
    return Analysis(
        network=network,
        articles=tuple(central_articles(network, top)),
        laws=tuple(central_laws(network, top)),
        cocited=tuple(cocited_laws(network, top)),
        communities=tuple(power_communities(network, top)),
        equivalences=tuple(equivalent_powers(network, threshold)),
        keywords=tuple(
            (item.iri, tuple(keywords(item.name))) for item in network.items if item.name
        ),
        threshold=threshold,
        top=top,
    )
