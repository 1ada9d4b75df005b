"""A number a spreadsheet shows as a percentage (number format 0%, 0.00%: 0.3 shows 30.00%), as
the sheet shows it: a rate, a share or a fee's percentage in a 收费标准 or 备注 column read 0.3
where the department wrote 30%."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

# quoted text, a bracketed colour or condition, an escaped character: none of them a format's
_LITERAL = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.')


def percent_places(code: str) -> int | None:
    """The decimal places of a number format that shows its number as a percentage, or None
    for a format that does not (its first section, for positive numbers, read).

    >>> percent_places("0%"), percent_places("0.00%"), percent_places("[Red]0.0%")
    (0, 2, 1)
    >>> percent_places('0.0"%"'), percent_places("General")
    (None, None)
    """
    bare = _LITERAL.sub("", code.split(";", 1)[0])
    if "%" not in bare:
        return None
    fraction = bare.split("%", 1)[0].partition(".")[2]
    return fraction.count("0")


def percent_text(value: float, places: int) -> str:
    """``value`` as a percentage to ``places`` decimals, rounded half away from zero as a
    spreadsheet rounds.

    >>> percent_text(0.3, 2), percent_text(0.125, 0), percent_text(1, 0)
    ('30.00%', '13%', '100%')
    """
    shown = (Decimal(repr(value)) * 100).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    return f"{shown}%"
