"""The facts the registry takes from an official text file: its official title, its adoption
history and its article figures, read by the one parser of these files
(:func:`extractors.lawtext.parse.read_law_text`).

``articles`` is the number of article heads (``第N条之M`` heads, articles inserted by an
amendment such as 刑法第十七条之一, count as articles of their own), ``last_article`` the highest N
read from a head (a misnumbered head's number told from its neighbours does not count).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from extractors.lawtext.parse import read_law_text


@dataclass(frozen=True, slots=True)
class TextFacts:
    """What one file says about its instrument."""

    title: str
    history: str
    articles: int
    last_article: int
    misnumbered: tuple[str, ...] = ()  # 'file:line: …' for each head whose number does not parse


def read_facts(path: Path) -> TextFacts:
    """Title, history and article figures of one official text file; raises InputError naming
    the file when it is not a text (no ``#`` title, not UTF-8). A head whose number does not
    parse counts as an article and is listed in ``misnumbered`` (it does not move
    ``last_article``).

    >>> import tempfile, os
    >>> with tempfile.TemporaryDirectory() as d:
    ...     p = Path(d, "x.md")
    ...     _ = p.write_text("# 中华人民共和国某法\\n\\n2020年通过\\n\\n<!-- INFO END -->\\n\\n"
    ...                      "第一条 甲\\n\\n第二条 乙\\n\\n第二条之一 丙\\n", encoding="utf-8")
    ...     facts = read_facts(p)
    >>> facts.title, facts.history, facts.articles, facts.last_article, facts.misnumbered
    ('中华人民共和国某法', '2020年通过', 3, 2, ())
    """
    law = read_law_text(path)
    return TextFacts(
        law.title,
        law.history_text,
        len(law.articles),
        law.last_article,
        tuple(str(p) for p in law.problems if p.code == "misnumbered"),
    )
