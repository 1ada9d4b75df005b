"""Generates realistic synthetic power lists with their citations, as value objects (no parsing).

The shape follows the two sample lists: ~200 items per department list, ten power types with
行政处罚 the most common, numbered responsibility and accountability clauses, ten raw cells per
row, and 1-3 basis plus 1-2 accountability-basis citations per item drawn from the citation
grammar's kinds (explicit, abbreviation, continuation, law-level, unmarked, malformed,
unresolved) over the real law registry plus synthetic local rules, Zipf-skewed so a few articles
(社会保险法第八十七条-like) are cited everywhere and most rarely. Deterministic for a seed.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from extractors.citing.lawdb import load_registry
from extractors.models import CellCitation, Citation, ListMeta, PowerItem, PowerList

ITEMS_PER_LIST = 200
DEPARTMENTS_PER_REGION = 10

_POWER_TYPES = (
    ("行政处罚", 40),
    ("行政检查", 15),
    ("行政许可", 12),
    ("行政确认", 8),
    ("行政给付", 6),
    ("行政强制", 5),
    ("行政征收", 4),
    ("行政奖励", 3),
    ("行政裁决", 2),
    ("其他行政权力", 5),
)
_DEPARTMENTS = (
    "县医保局",
    "县人力社保局",
    "县市场监管局",
    "县卫生健康委",
    "县应急局",
    "县民政局",
    "县教委",
    "县生态环境局",
    "县交通局",
    "县农业农村委",
    "县文化旅游委",
    "县住房城乡建委",
)
_SYLLABLES = "巫溪云阳奉节开州忠丰都石柱秀山酉阳彭水黔江武隆城口垫江梁平达孜墨竹林周当雄尼木曲水"
_PROVINCES = ("重庆市", "西藏自治区", "四川省", "贵州省", "云南省", "湖北省")
#: Subject areas of the generated local rules and power names (used by both benchmarks).
TOPICS = (
    "社会保险",
    "医疗保障",
    "安全生产",
    "食品安全",
    "价格监督",
    "消防",
    "道路运输",
    "教育督导",
    "城乡居民医疗救助",
    "劳动保障监察",
)
_LOCAL_RANKS = (("条例", "地方性法规"), ("办法", "地方政府规章"), ("规定", "规范性文件"))
_KINDS = (
    ("explicit", 55),
    ("abbreviation", 15),
    ("continuation", 10),
    ("law-level", 9),
    ("unmarked", 5),
    ("malformed", 3),
    ("unresolved", 3),
)
_VERSIONS = ("2018修正", "2010", "2019修订", "2021修订", "2015修正")


@dataclass(frozen=True, slots=True)
class _Law:
    title: str
    short: str
    rank: str | None
    law_id: str | None
    articles: int


def _laws(rng: random.Random) -> list[_Law]:
    out = [
        _Law(e.title, e.aliases[0] if e.aliases else e.title, e.rank, e.id, rng.randint(40, 120))
        for e in load_registry().entries
        if e.examples  # the hand entries: the synthetic lists stay what they were
    ]
    for province in _PROVINCES:
        for topic in TOPICS:
            for suffix, rank in _LOCAL_RANKS:
                title = f"{province}{topic}{suffix}"
                out.append(_Law(title, title, rank, None, rng.randint(15, 60)))
    rng.shuffle(out)
    return out


def _zipf_weights(n: int, s: float = 1.1) -> list[float]:
    return [1.0 / (k**s) for k in range(1, n + 1)]


class _CellWriter:
    """Writes one cell's text from citations, so every span round-trips on the cell."""

    def __init__(self, prefix: str) -> None:
        self.parts: list[str] = [prefix]
        self.length = len(prefix)
        self.citations: list[Citation] = []

    def cite(self, text: str, law: str | None, kind: str, **locator: object) -> None:
        if len(self.parts) > 1:
            self.write("；")
        start = self.length
        self.write(text)
        self.citations.append(
            Citation(text, start, start + len(text), law, kind, **locator)  # type: ignore[arg-type]
        )

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)


class Generator:
    """Synthetic lists for a target number of items; iterate ``lists()`` and ``citations()``."""

    def __init__(self, items: int, seed: int = 20250402) -> None:
        self.items = items
        self.seed = seed
        self.rng = random.Random(seed)
        self.laws = _laws(self.rng)
        self.law_weights = _zipf_weights(len(self.laws))
        self.article_weights = {
            n: _zipf_weights(n, 1.3) for n in {law.articles for law in self.laws}
        }
        self.n_lists = max(1, -(-items // ITEMS_PER_LIST))
        n_regions = max(1, -(-self.n_lists // DEPARTMENTS_PER_REGION))
        self.regions = [self._region(i) for i in range(n_regions)]

    def _region(self, i: int) -> str:
        a, b = _SYLLABLES[i % len(_SYLLABLES)], _SYLLABLES[(i // len(_SYLLABLES)) % len(_SYLLABLES)]
        return f"{a}{b}{i // (len(_SYLLABLES) ** 2) or ''}{'县' if i % 5 else '区'}"

    def sources(self) -> list[str]:
        """The source name of each list, by list number."""
        return [self._source(n) for n in range(self.n_lists)]

    def _source(self, n: int) -> str:
        return f"synthetic/{n:06d}_{self.regions[n // DEPARTMENTS_PER_REGION]}.txt"

    def generate(
        self, order: Iterable[int] | None = None
    ) -> Iterator[tuple[PowerList, list[CellCitation]]]:
        """Each list with its cell citations, lazily (a list is ~200 items), by list number or in
        ``order``; a list is the same whatever the order (each has its own random stream)."""
        for n in range(self.n_lists) if order is None else order:
            self.rng = random.Random(self.seed * 1_000_003 + n)
            yield self._list(n, min(ITEMS_PER_LIST, self.items - n * ITEMS_PER_LIST))

    def _list(self, n: int, count: int) -> tuple[PowerList, list[CellCitation]]:
        region = self.regions[n // DEPARTMENTS_PER_REGION]
        dept = _DEPARTMENTS[n % DEPARTMENTS_PER_REGION % len(_DEPARTMENTS)]
        source = self._source(n)
        items: list[PowerItem] = []
        cited: list[CellCitation] = []
        for i in range(count):
            item, cc = self._item(source, region, dept, i)
            items.append(item)
            cited += cc
        full = region + dept[1:]
        meta = ListMeta(title=f"{full}权责清单", department=full, region=region, date="2025-04-02")
        return PowerList(source, "txt", "utf-8", meta, tuple(items), (), count), cited

    def _item(
        self, source: str, region: str, dept: str, i: int
    ) -> tuple[PowerItem, list[CellCitation]]:
        rng = self.rng
        row = str(i + 1)
        ptype = rng.choices([t for t, _ in _POWER_TYPES], [w for _, w in _POWER_TYPES])[0]
        topic = rng.choice(TOPICS)
        department = dept if rng.random() > 0.05 else f"{dept}/县医保局"
        basis = _CellWriter("【法律】")
        for _ in range(rng.choice((1, 1, 2, 2, 3))):
            self._cite(basis)
        acc = _CellWriter("")
        for _ in range(rng.choice((1, 1, 2))):
            self._cite(acc)
        responsibility = " ".join(
            f"<p>{k}. {stage}：依法{stage}{topic}事项；</p>"
            for k, stage in enumerate(
                ("受理", "审查", "决定", "送达", "事后监管")[: rng.randint(3, 5)], 1
            )
        )
        accountability = "有下列情形的，依法追究责任：" + ";".join(
            f"{k}. 对{topic}违法行为不依法处理的" for k in range(1, rng.randint(2, 4) + 1)
        )
        name = f"对{topic}违法行为的{ptype[-2:]}（{i}）"
        raw = (
            ("序号", row),
            ("职权类型", ptype),
            ("职权名称", name),
            ("实施主体", department),
            ("设定依据", basis.text),
            ("责任事项", responsibility),
            ("追责情形", accountability),
            ("追责依据", acc.text),
            ("法定期限", "20个工作日"),
            ("服务电话", "023-12345678"),
        )
        item = PowerItem(
            source=source,
            row=row,
            line=i + 3,
            code=f"{region}-{i:05d}",
            name=name,
            type=ptype,
            department=department,
            level="县级",
            basis=basis.text,
            responsibility=responsibility,
            accountability=accountability,
            accountability_basis=acc.text,
            time_limit="20个工作日",
            raw=raw,
            extra=(("服务电话", "023-12345678"),),
        )
        cells = [CellCitation(source, row, "basis", c) for c in basis.citations]
        cells += [CellCitation(source, row, "accountability_basis", c) for c in acc.citations]
        return item, cells

    def _cite(self, cell: _CellWriter) -> None:
        rng = self.rng
        law = rng.choices(self.laws, self.law_weights)[0]
        kind = rng.choices([k for k, _ in _KINDS], [w for _, w in _KINDS])[0]
        article = rng.choices(range(1, law.articles + 1), self.article_weights[law.articles])[0]
        extra: dict[str, object] = {}
        where = f"第{article}条"
        if rng.random() < 0.3:
            extra["paragraph"] = rng.randint(1, 3)
            where += f"第{extra['paragraph']}款"
            if rng.random() < 0.3:
                extra["item"] = rng.randint(1, 6)
                where += f"第{extra['item']}项"
        if rng.random() < 0.1:
            extra["version"] = rng.choice(_VERSIONS)
        if rng.random() < 0.05:
            extra["doc_number"] = f"渝府令第{rng.randint(1, 400)}号"
        common = {"rank": law.rank, "law_id": law.law_id}
        if kind == "unresolved":
            cell.cite(f"第{article}条", None, kind, article=article)
        elif kind == "law-level":
            cell.cite(f"《{law.title}》", law.title, kind, **common)
        elif kind == "malformed":
            cell.cite(f"《{law.short}》第{article}项", law.title, kind, item=article, **common)
        else:
            title = {"abbreviation": f"《{law.short}》", "unmarked": law.short}.get(
                kind, f"《{law.title}》"
            )
            text = where if kind == "continuation" else title + where
            cell.cite(text, law.title, kind, article=article, **common, **extra)
