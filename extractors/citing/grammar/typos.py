"""Characters typed for 第 (docs/citations.md, "One record per provision"): 弟三十条, 笫十三条,
苐六十条, read as 第 one character for one, so that offsets hold, and said on the records read
through them (grammar.json ``ordinal_typos``)."""

from __future__ import annotations

from typing import Final

from extractors.citing.grammar.chains import LEVEL
from extractors.citing.numerals import NUMERAL_CHARS
from extractors.citing.patterns import regex
from extractors.citing.words import (
    CONJUNCTIONS,
    TITLE_END_CHARS,
    char_class,
    last_chars,
    tags_of,
    words,
)

#: The characters typed for 第.
TYPOS: Final = "".join(words("ordinal_typos"))
# where 第 stands in a citation: after no ideograph, or after a title's end, a level word, a
# lead verb or a conjunction (《…法》弟三十条, 第十二条笫一款, 第十二条及弟十三条); after any other
# ideograph the character makes a word with it (兄弟, 子弟)
_AFTER: Final = (
    TITLE_END_CHARS
    | last_chars(tags_of("levels"))
    | last_chars(words("lead_verbs"))
    | last_chars(CONJUNCTIONS)
)
_TYPO: Final = regex(
    rf"(?:(?<![\u4e00-\u9fff])|(?<={char_class(sorted(_AFTER))}))"
    rf"{char_class(TYPOS)}(?=[ \t\u3000]*[{NUMERAL_CHARS}]+[ \t\u3000]*{LEVEL})"
)


def read_typos(text: str) -> tuple[str, tuple[int, ...]]:
    """``text`` with each character typed for 第 read as 第, and where they stand.

    >>> read_typos("《行政处罚法》弟三十条、兄弟三人")
    ('《行政处罚法》第三十条、兄弟三人', (7,))
    """
    at = tuple(m.start() for m in _TYPO.finditer(text))
    if not at:
        return text, at
    chars = list(text)
    for i in at:
        chars[i] = "第"
    return "".join(chars), at


def typo_warning(typo: str) -> str:
    """What a record read through a typo says.

    >>> typo_warning("弟")
    "'弟' typed for 第: read as 第"
    """
    return f"{typo!r} typed for 第: read as 第"
