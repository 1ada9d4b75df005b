"""The facts an official text file holds, and nothing of its text: its official title (the first
``#`` heading), its adoption history (before ``<!-- INFO END -->``) and its article heads.

An article head is a paragraph of the body that starts ``第N条`` followed by a space (ASCII or
ideographic); ``第N条之M`` heads (articles inserted by an amendment, e.g. 刑法第十七条之一) count
as articles of their own. ``articles`` is the number of heads, ``last_article`` the highest N.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from extractors.citing.numerals import parse_numeral

_INFO_END: Final = "<!-- INFO END -->"
# any 第…条 opening a line is a head: the texts hold typos such as 第三十－条 (for 三十一)
_HEAD: Final = re.compile(r"^第([^条\s]{1,8})条(?:之([^\s]{1,3}))?[ \u3000]", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class TextFacts:
    """What one file says about its instrument."""

    title: str
    history: str
    articles: int
    last_article: int
    misnumbered: tuple[str, ...] = ()  # 'file:line: …' for each head whose number does not parse


def read_facts(path: Path) -> TextFacts:
    """Title, history and article figures of one official text file; raises ValueError naming
    the file when it has no ``#`` title. A head whose number does not parse counts as an article
    and is listed in ``misnumbered`` (it does not move ``last_article``).

    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = Path(d, "x.md")
    ...     _ = p.write_text("# 中华人民共和国某法\\n\\n2020年通过\\n\\n<!-- INFO END -->\\n\\n"
    ...                      "第一条 甲\\n\\n第二条 乙\\n\\n第二条之一 丙\\n", encoding="utf-8")
    ...     facts = read_facts(p)
    >>> facts.title, facts.history, facts.articles, facts.last_article, facts.misnumbered
    ('中华人民共和国某法', '2020年通过', 3, 2, ())
    """
    text = path.read_text(encoding="utf-8")
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    if not first.startswith("# "):
        raise ValueError(f"{path}:1: no '# title' line")
    title = first[2:].strip()
    head, sep, body = text.partition(_INFO_END)
    history = head.split("\n", 1)[1].strip() if sep else ""
    if not sep:
        body = text.split("\n", 1)[1] if "\n" in text else ""
    last = 0
    count = 0
    bad: list[str] = []
    for m in _HEAD.finditer(body):
        count += 1
        n = parse_numeral(m.group(1))
        if n is None:
            line = text[: len(text) - len(body) + m.start()].count("\n") + 1
            bad.append(f"{path}:{line}: article head 第{m.group(1)}条 has no number; counted")
        else:
            last = max(last, n)
    return TextFacts(title, history, count, last, tuple(bad))
