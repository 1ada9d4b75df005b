"""How close a list's quote is to an official text: a similarity score and a character diff.

Both texts are compared in a normal form (NFKC, so full- and half-width punctuation agree, and
without white space, which lists and texts break differently). A quote may be an excerpt, so it
is compared with the stretch of the official text it lines up with (from the first character
that matches to the last): the similarity is difflib's ratio of the two (1.0 for a faithful
excerpt, whatever the article holds besides; a character left out or added lowers it), and the
diff is theirs. Which article a quote matches best is found by ``coverage``, the share of the
quote's characters found in order in an article.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Final

from graph.audit.models import DiffPart

#: Characters left out of the comparison: white space, and the marks a quote is wrapped in.
_DROPPED: Final = frozenset(' \t\r\n\u3000“”"‘’「」『』')
#: Trailing marks a quote may lose or gain (the list ends its quote on 。 or on nothing).
_ENDING: Final = "。；;，,.:："


@lru_cache(maxsize=65536)
def normal(text: str) -> str:
    """``text`` as compared: NFKC, without white space or quotation marks (cached: an official
    text is compared with every quote of it).

    >>> normal("第八十七条：社会 保险，“经办”机构")
    '第八十七条:社会保险,经办机构'
    """
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if ch not in _DROPPED)


@dataclass(frozen=True, slots=True)
class Comparison:
    """A quote against an official text: the score (0–1), the diff, and the official stretch
    the quote lines up with."""

    similarity: float
    diff: tuple[DiffPart, ...]
    official: str

    @property
    def same(self) -> bool:
        """True when the quote is the official text (or an excerpt of it) character for
        character."""
        return all(p.op == "equal" for p in self.diff)


def coverage(quote: str, official: str) -> float:
    """The share of the quote's characters found in order in the official text (normal forms).

    >>> coverage("处骗取金额二倍以上五倍以下的罚款",
    ...            "责令退回，处骗取金额二倍以上五倍以下的罚款；")
    1.0
    >>> round(coverage("处骗取金额一倍以上三倍以下的罚款", "处骗取金额二倍以上五倍以下的罚款"), 2)
    0.88
    """
    q, o = normal(quote).rstrip(_ENDING), normal(official)
    if not q:
        return 0.0
    matcher = SequenceMatcher(None, q, o, autojunk=False)
    return sum(b.size for b in matcher.get_matching_blocks()) / len(q)


def _normal_map(text: str) -> tuple[str, list[int]]:
    """``normal(text)`` and, for each of its characters, where it starts in ``text``."""
    chars: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        for out in unicodedata.normalize("NFKC", ch):
            if out not in _DROPPED:
                chars.append(out)
                where.append(i)
    return "".join(chars), where


def _span(where: list[int], length: int, i: int, j: int) -> tuple[int, int]:
    """The stretch of the original text that normal characters ``i:j`` come from, with the
    dropped characters (white space) that follow them."""
    start = 0 if i == 0 else where[i] if i < len(where) else length
    end = where[j] if j < len(where) else length
    return start, end


def compare(quote: str, official: str) -> Comparison:
    """Score and character diff of ``quote`` against ``official``: compared in normal forms,
    the parts given as written (the official stretch from the first character the quote lines
    up with to the last).

    >>> c = compare("处骗取金额一倍以上五倍以下的罚款",
    ...             "责令退回，处骗取金额二倍以上五倍以下的罚款。")
    >>> [(p.op, p.written, p.official) for p in c.diff if p.op != "equal"]
    [('replace', '一', '二')]
    >>> c.official
    '处骗取金额二倍以上五倍以下的罚款'
    >>> [p.written for p in compare("责令退回， 处骗取", "责令退回，处骗取").diff]
    ['责令退回， 处骗取']
    """
    if normal(quote).rstrip(_ENDING) in normal(official):  # a faithful excerpt: the common case
        return Comparison(1.0, (DiffPart("equal", quote.strip(), quote.strip()),), quote.strip())
    q, qmap = _normal_map(quote.strip())
    while q and q[-1] in _ENDING:  # a quote may end on 。 or on nothing: not a difference
        q = q[:-1]
    o, omap = _normal_map(official)
    if not q:
        return Comparison(0.0, (), "")
    quote = quote.strip()[: qmap[len(q) - 1] + 1]
    matcher = SequenceMatcher(None, q, o, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return Comparison(0.0, (DiffPart("replace", quote, official),), official)
    # the official stretch the quote lines up with: from before its first match to its last,
    # widened by what the quote holds before and after them
    lo = max(0, blocks[0].b - blocks[0].a)
    hi = min(len(o), blocks[-1].b + blocks[-1].size + (len(q) - blocks[-1].a - blocks[-1].size))
    stretch = o[lo:hi]
    o_start = omap[lo] if lo < len(omap) else len(official)
    o_end = omap[hi - 1] + 1 if hi else o_start
    shown = official[o_start:o_end]
    smap = [i - o_start for i in omap[lo:hi]]
    parts = []
    aligned = SequenceMatcher(None, q, stretch, autojunk=False)
    score = aligned.ratio()
    for op, i1, i2, j1, j2 in aligned.get_opcodes():
        a, b = _span(qmap, len(quote), i1, i2)
        c, d = _span(smap, len(shown), j1, j2)
        parts.append(DiffPart(op, quote[a:b], shown[c:d]))
    return Comparison(score, tuple(parts), shown)


class ArticleIndex:
    """The articles of one version, indexed by their character bigrams on first use, to find
    which article a quote matches best without comparing it with every article."""

    def __init__(self, texts: Iterable[tuple[str, str]]) -> None:
        self.texts: dict[str, str] = dict(texts)
        self._postings: defaultdict[str, set[str]] | None = None

    def _index(self) -> defaultdict[str, set[str]]:
        if self._postings is None:
            self._postings = defaultdict(set)
            for key, text in self.texts.items():
                for gram in _bigrams(normal(text)):
                    self._postings[gram].add(key)
        return self._postings

    def best(self, quote: str, *, candidates: int = 3) -> list[tuple[str, float]]:
        """The articles that share the most bigrams with ``quote``, best first, with their
        similarity (only ``candidates`` of them are compared).

        >>> index = ArticleIndex([("第一条", "为了规范行政处罚的设定和实施"),
        ...                       ("第二条", "行政处罚是指")])
        >>> index.best("规范行政处罚的设定")[0]
        ('第一条', 1.0)
        """
        postings = self._index()
        grams = set(_bigrams(normal(quote)))
        shared: Counter[str] = Counter()
        for gram in grams:
            for key in postings.get(gram, ()):
                shared[key] += 1
        # an article sharing under half the quote's character pairs cannot be its text
        top = [key for key, n in shared.most_common(candidates) if n >= len(grams) / 2]
        scored = [(key, compare(quote, self.texts[key]).similarity) for key in top]
        return sorted(scored, key=lambda pair: -pair[1])


def _bigrams(text: str) -> Sequence[str]:
    return [text[i : i + 2] for i in range(len(text) - 1)]
