"""Characters typed for 第 and for the level words (docs/citations.md, "One record per
provision"): 弟三十条, 笫十三条, 地三十条 read as 第, and 第三十调, 第二宽, 第三向 read as 条, 款,
项, one character for one, so that offsets hold, and said on the records read through them
(grammar.json ``ordinal_typos``, ``level_typos``)."""

from __future__ import annotations

from typing import Final

from extractors.citing.grammar.chains import LEVEL
from extractors.citing.numerals import NUMERAL_CHARS
from extractors.citing.patterns import regex
from extractors.citing.words import (
    TITLE_END_CHARS,
    char_class,
    exceptions,
    last_chars,
    tags_of,
    words,
)

#: The characters typed for 第.
TYPOS: Final = "".join(words("ordinal_typos"))
#: Each character typed for a level word, with the level word it stands for (调 → 条).
_LEVEL_WORD: Final = {
    level: word for word, tags in tags_of("levels").items() for level in tags if len(word) == 1
}
LEVEL_TYPOS: Final = {typo: _LEVEL_WORD[tags[0]] for typo, tags in tags_of("level_typos").items()}
# where 第 stands in a citation: after no ideograph, or after a title's end, a level word, a
# lead verb or a conjunction (《…法》弟三十条, 第十二条笫一款, 第十二条及弟十三条); after any other
# ideograph the character makes a word with it (兄弟, 子弟, 本地)
_AFTER: Final = (
    TITLE_END_CHARS
    | last_chars(tags_of("levels"))
    | last_chars(words("lead_verbs"))
    | last_chars(words("separators"))  # 和, 及, 至 (第三十条至地三十二条)
)
# 根据地: a word that ends in the character after what a citation may hold there (据 of 根据)
_NOT_IN_WORD: Final = "".join(
    f"(?<!{word[:-1]})" for word in exceptions("ordinal_typos") if word[-1] in TYPOS
)
_TYPO: Final = regex(
    rf"(?:(?<![\u4e00-\u9fff])|(?<={char_class(sorted(_AFTER))})){_NOT_IN_WORD}"
    rf"{char_class(TYPOS)}(?=[ \t\u3000]*[{NUMERAL_CHARS}]+[ \t\u3000]*{LEVEL})"
)
# 《…法》第三十调, 第三十条第二宽: a level typed wrong after 第 and its number, where the 第 follows
# a title, a level word or a list mark (inside a chain), and no ideograph after the character
# makes a word with it (第三十调查, 第三相限) but one that goes on with the citation (的, 第, 和)
_LEVEL_TYPO: Final = regex(
    rf"(?:(?<![\u4e00-\u9fff])|(?<={char_class(sorted(_AFTER))}))"
    rf"第[ \t\u3000]*[(（]?[ \t\u3000]*[{NUMERAL_CHARS}]+[ \t\u3000]*[)）]?[ \t\u3000]*"
    rf"({char_class(LEVEL_TYPOS)})"
    r"(?:(?![\u4e00-\u9fff])|(?=[第之的和及与或至到规中]))"
)


def read_typos(text: str) -> tuple[str, tuple[int, ...]]:
    """``text`` with each character typed for 第 read as 第 and each typed for a level word read
    as the level word, and where they stand.

    >>> read_typos("《行政处罚法》弟三十条、兄弟三人")
    ('《行政处罚法》第三十条、兄弟三人', (7,))
    >>> read_typos("《行政处罚法》地三十条第二宽，第三十调查组")
    ('《行政处罚法》第三十条第二款，第三十调查组', (7, 13))
    """
    at = [m.start() for m in _TYPO.finditer(text)]
    chars = list(text)
    for i in at:
        chars[i] = "第"
    for m in _LEVEL_TYPO.finditer("".join(chars)):
        i = m.start(1)
        chars[i] = LEVEL_TYPOS[text[i]]
        at.append(i)
    if not at:
        return text, ()
    return "".join(chars), tuple(sorted(at))


def typo_warning(typo: str) -> str:
    """What a record read through a typo says.

    >>> typo_warning("弟"), typo_warning("宽")
    ("'弟' typed for 第: read as 第", "'宽' typed for 款: read as 款")
    """
    return (
        f"{typo!r} typed for {LEVEL_TYPOS.get(typo, '第')}: read as {LEVEL_TYPOS.get(typo, '第')}"
    )
