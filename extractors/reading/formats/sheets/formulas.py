"""The value of a formula a workbook saved without one (openpyxl and web exporters never
calculate), where the formula alone gives it: a reference to a cell of its sheet above it or to
its left (=D2, =$D$2: a department or type copied down), such a cell's whole number plus or
minus a whole number (=A2+1: serials counted down) and its row's number plus or minus one
(=ROW()-1). Any other formula (a function, a range, another sheet) is left to be reported as
saved without its value.

A sheet is read a row at a time, so a formula is given the cells of the row above and of its
own row to its left, and the cells formulas above referred to (a department in row 2 that each
row's =$D$2 copies); a formula referring to any other cell is left unread."""

from __future__ import annotations

import re
from collections.abc import Callable

from openpyxl.utils.cell import column_index_from_string

#: A cell's text, or (an int) the index of its shared string, looked up later.
Cell = str | int

_FORMULA = re.compile(
    r"""\s*(?:
        (?P<row>ROW\(\s*\))                                   # the formula's own row number
      | \$?(?P<letters>[A-Z]{1,3})\$?(?P<number>[1-9][0-9]{0,6})  # a cell of the same sheet
    )
    \s*(?:(?P<sign>[+-])\s*(?P<step>[0-9]{1,6}))?\s*""",
    re.VERBOSE | re.IGNORECASE,
)
_WHOLE = re.compile(r"-?[0-9]{1,15}")


def formula_value(
    formula: str, row: int, column: int, cell_at: Callable[[int, int], Cell | None]
) -> Cell | None:
    """The value of ``formula`` (its text without ``=``) in the cell at 0-based ``row``,
    ``column``, from the cells ``cell_at`` knows (None where it does not); None when the formula
    is not one this reads.

    >>> known = {(1, 0): "1", (1, 3): 7}
    >>> cell = lambda r, c: known.get((r, c))
    >>> formula_value("A2+1", 2, 0, cell), formula_value("ROW()-1", 5, 0, cell)
    ('2', '5')
    >>> formula_value("$D$2", 4, 3, cell), formula_value("SUM(A1:A4)", 4, 0, cell)
    (7, None)
    >>> formula_value("D2+1", 2, 3, cell) is None  # a shared string plus one: not a number
    True
    """
    found = _FORMULA.fullmatch(formula)
    if found is None:
        return None
    value: Cell | None
    if found["row"]:
        value = str(row + 1)
    else:
        at = (int(found["number"]) - 1, column_index_from_string(found["letters"].upper()) - 1)
        if at >= (row, column):  # below, or itself: not read yet
            return None
        value = cell_at(*at)
    if value is None or not found["sign"]:
        return value
    if not isinstance(value, str) or not _WHOLE.fullmatch(value):
        return None
    step = int(found["step"])
    return str(int(value) + (step if found["sign"] == "+" else -step))
