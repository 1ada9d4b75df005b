"""Generating the law registry from an official catalogue: facts only, no law text.

An *instrument* is every catalogue row whose file has the same official title (the file's first
``#`` heading, compared by :func:`~extractors.citing.lawdb.title_key`); its *versions* are its
rows grouped by publication date (the 民法典 is catalogued as eight parts of one version: their
articles are added up, the highest article number kept).

Ids: a generated instrument's id is its official title. The catalogue's own ids are opaque
hashes, a transliteration would need a dictionary and still collide on homophones, and a law the
registry does not know is already identified by its canonical title (``graph/iri.py``), so an
instrument keeps the IRI it had before the registry knew it. Hand entries keep their slugs.

Aliases, by rule (each kept only when it differs from the title):

- the catalogue's name and the file's name without its date (short forms: 行政处罚法);
- a national title without its leading 中华人民共和国 (行政处罚法, 道路交通安全法实施条例);
- a title's trailing （试行） dropped (lists cite 《…办法》 for 《…办法（试行）》).

Document numbers: the order and document numbers the files' histories name (…国务院令第306号公布,
…令第709号修订), normalised as citations write them (``doc_numbers``, left out when none).

An alias that is some instrument's official title is dropped from the others (the title names
its own instrument); an alias left on several instruments stays on all of them, so looking it up
finds several and resolution does not guess; ``quanze laws registry`` reports them with the hand
entries merged in (:meth:`extractors.citing.lawdb.Registry.ambiguous`).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from extractors.citing.grammar.docnums import find_doc_numbers
from extractors.citing.lawdb import title_key
from extractors.citing.words import words
from extractors.errors import QuanzeError
from extractors.registry.catalogue import Row, read_rows
from extractors.registry.lawtext import TextFacts, read_facts

_PRC: Final = words("state_name")[0]
_TRIAL: Final = re.compile(r"[（(]试行[)）]$")
_DATED_NAME: Final = re.compile(r"\(\d{4}-\d{2}-\d{2}\)$")
#: Bodies named in a file's history, the first named being the issuer (常务委员会 before the
#: congress itself); a local congress is written with its term (北京市第十五届…, 第十三届上海市…).
_BODIES: Final = re.compile(
    r"(?P<national>全国人民代表大会常务委员会|全国人民代表大会|最高人民法院|最高人民检察院|国务院)"
    r"|(?<![0-9])(?P<place>[\u4e00-\u9fff]{2,10}?(?:省|市|自治区|自治州|县))(?:第[一二三四五六七八九十]+届)?"
    r"(?P<local>人民代表大会(?:常务委员会)?)"
)
_STANDING: Final = re.compile(r"^第[一二三四五六七八九十]+届")


@dataclass(frozen=True, slots=True)
class Generated:
    """The generator's result: the registry as data, and what it reports."""

    registry: dict[str, Any]
    problems: list[str]


def issuer(rank: str, folder: str, history: str) -> str:
    """The enacting body where the file or the catalogue tells it, else ''.

    >>> issuer("法律", "行政法", "2021年8月20日 第十三届全国人民代表大会常务委员会第三十次会议通过")
    '全国人民代表大会常务委员会'
    >>> issuer("行政法规", "行政法规", ""), issuer("部门规章", "部门规章/公安部", "")
    ('国务院', '公安部')
    >>> issuer("地方性法规", "", "2020年11月27日北京市第十五届人民代表大会常务委员会")
    '北京市人民代表大会常务委员会'
    >>> issuer("地方性法规", "", "2020年11月27日日照市人民代表大会常务委员会")
    '日照市人民代表大会常务委员会'
    >>> issuer("地方性法规", "", "2020年 第十三届上海市人民代表大会常务委员会")
    '上海市人民代表大会常务委员会'
    """
    if rank == "行政法规":
        return "国务院"
    if rank == "部门规章" and "/" in folder:
        return folder.rsplit("/", 1)[1]
    m = _BODIES.search(history)
    if m is None:
        return ""
    if m.group("national"):
        return m.group("national")
    # 第十三届上海市…, 北京市第十五届…: the term is not part of the body's name
    return _STANDING.sub("", m.group("place")) + m.group("local")


def aliases(title: str, names: Iterable[str]) -> list[str]:
    """The aliases of an instrument by the rules above, sorted, without the title itself.

    >>> aliases("中华人民共和国行政处罚法", ["行政处罚法"])
    ['行政处罚法']
    >>> aliases("社会救助暂行办法（试行）", [])
    ['社会救助暂行办法']
    """
    found = {n for n in names if n}
    if title.startswith(_PRC) and len(title) > len(_PRC) + 1:
        found.add(title[len(_PRC) :])
    for name in list(found | {title}):
        trimmed = _TRIAL.sub("", name)
        if trimmed != name and len(trimmed) > 2:
            found.add(trimmed)
    key = title_key(title)
    return sorted(n for n in found if title_key(n) != key)


def _version(rows: list[tuple[Row, TextFacts]]) -> dict[str, Any]:
    first = rows[0][0]
    return {
        "published": first.publish,
        "valid_from": next((r.valid_from for r, _ in rows if r.valid_from), None),
        "expired": any(r.expired for r, _ in rows),
        "articles": sum(f.articles for _, f in rows),
        "last_article": max(f.last_article for _, f in rows),
        "files": sorted(r.path.relative_to(r.root).as_posix() for r, _ in rows),
    }


def generate(root: Path) -> Generated:
    """The registry generated from the catalogue(s) under ``root``."""
    problems: list[str] = []
    by_title: dict[str, list[tuple[Row, TextFacts]]] = defaultdict(list)
    titles: dict[str, str] = {}
    for row in read_rows(root, problems):
        try:
            facts = read_facts(row.path)
        except (QuanzeError, OSError) as e:
            problems.append(str(e))
            continue
        problems.extend(facts.misnumbered)
        key = title_key(facts.title)
        titles.setdefault(key, facts.title)
        by_title[key].append((row, facts))
    entries: list[dict[str, Any]] = []
    for key in sorted(by_title):
        rows = by_title[key]
        title = titles[key]
        ranks = sorted({r.rank for r, _ in rows})
        if len(ranks) > 1:
            problems.append(f"{title}: catalogued at several levels {ranks}; took {ranks[0]}")
        rank = ranks[0]
        dated: dict[str | None, list[tuple[Row, TextFacts]]] = defaultdict(list)
        for row, facts in rows:
            dated[row.publish].append((row, facts))
        versions = [_version(dated[d]) for d in sorted(dated, key=lambda d: d or "")]
        # 民法典 总则 in 总则.md: a part's catalogue name and file name are no names of the whole
        whole = [r for r, _ in rows if not r.part]
        names = {r.name for r in whole} | {_DATED_NAME.sub("", r.path.stem) for r in whole}
        latest = max(rows, key=lambda rf: rf[0].publish or "")
        entry: dict[str, Any] = {
            "id": title,
            "title": title,
            "aliases": aliases(title, names),
            "rank": rank,
            "issuer": issuer(rank, latest[0].folder, latest[1].history),
            "versions": versions,
        }
        # the orders and documents that enacted and amended it (…国务院令第306号公布), as its
        # history names them: what a list cites a rule by (人社部令第8号第五条)
        docs = list(dict.fromkeys(d for _, f in rows for d in find_doc_numbers(f.history)))
        if docs:
            entry["doc_numbers"] = docs
        entries.append(entry)
    _settle_aliases(entries)
    registry = {
        "about": (
            "Generated by `quanze laws registry` from the official catalogue "
            "(../shared/lawtexts); facts only. Do not edit: regenerate."
        ),
        "laws": entries,
    }
    return Generated(registry, problems)


def _settle_aliases(entries: list[dict[str, Any]]) -> None:
    """Drop the aliases that are another instrument's title (an alias left on several
    instruments stays on each: ``Registry.ambiguous`` lists them)."""
    titles = {title_key(e["title"]) for e in entries}
    for e in entries:
        e["aliases"] = [a for a in e["aliases"] if title_key(a) not in titles]


def write_registry(generated: Generated, out: Path) -> None:
    """Write the registry as compact JSON, one entry a line (readable diffs, fast to load)."""
    laws = generated.registry["laws"]
    with open(out, "w", encoding="utf-8") as f:
        f.write('{"about": ' + json.dumps(generated.registry["about"], ensure_ascii=False))
        f.write(',\n"laws": [\n')
        for i, entry in enumerate(laws):
            sep = ",\n" if i < len(laws) - 1 else "\n"
            f.write(json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + sep)
        f.write("]}\n")
