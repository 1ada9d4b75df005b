"""Characters a PDF's font maps to look-alikes of the ideographs they show: a font whose
ToUnicode map, or the glyph names a writer guessed it from, gives the Kangxi radical (⼈ U+2F08,
⼒ U+2F12) or a CJK compatibility ideograph (金 U+F90A) for a glyph of the unified ideograph
(人, 力, 金). They look right and read wrong: ⼈⼒资源 is no 人力资源 to a search, a law's title or
the vocabulary. Those two blocks (and the compatibility supplement) are taken to the unified
ideographs by their Unicode decomposition (NFKC), and nothing else is: full-width letters and
digits, ①, and the like stay as written, for the readers that know them."""

from __future__ import annotations

import re
import unicodedata

#: Kangxi radicals, CJK compatibility ideographs and their supplement.
_LOOK_ALIKES = re.compile("[\u2f00-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f]")


def unified(text: str) -> str:
    """``text`` with Kangxi radicals and CJK compatibility ideographs as the unified
    ideographs they stand for.

    >>> unified("\u2f08\u2f12资源和社会保障局"), unified("\uf90a"), unified("①１")
    ('人力资源和社会保障局', '金', '①１')
    """
    if not _LOOK_ALIKES.search(text):
        return text
    return _LOOK_ALIKES.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
