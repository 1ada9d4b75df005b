"""Parts a department run into the item name after it, where the header puts the department
column right before the name and a row's cells ran together (县林业局林木采伐许可证核发): where
the department ends is a guess, said."""

from __future__ import annotations

from collections.abc import Sequence

from extractors.models import Anomaly
from extractors.reading.vocab import is_org_name

# What an office's name may go on with after a shorter office name it holds (县发展和改革委 /
# 县发展和改革委员会, 县人民政府 / 县人民政府办公室): the longest of them is taken.
_LONGER = 3
# Shortest rest of a name left after the department.
_MIN_NAME = 2


def department_end(name: str) -> int | None:
    """Where a department opening ``name`` ends (the shortest office name it opens with, made as
    long as an office name goes on for up to three more characters); None when it opens with
    none or leaves too little of a name.

    >>> department_end("县林业局林木采伐许可证核发")
    4
    >>> department_end("县发展和改革委员会企业投资项目核准")
    9
    >>> department_end("林木采伐许可证核发") is None, department_end("县林业局") is None
    (True, True)
    """
    for end in range(2, len(name) - _MIN_NAME + 1):
        if is_org_name(name[:end]):
            longer = [k for k in range(end + 1, end + _LONGER + 1) if is_org_name(name[:k])]
            end = max(longer, default=end)
            return end if len(name) - end >= _MIN_NAME else None
    return None


def part_department(
    values: list[tuple[str, str]], keys: Sequence[str | None], cells: Sequence[str]
) -> list[Anomaly]:
    """Moves a department run into the name after it out of the name into its empty cell, in
    ``values`` (each cell's value and text as written), and says so: the cut is a guess."""
    for c in range(len(keys) - 1):
        if keys[c] != "department" or keys[c + 1] != "name":
            continue
        (department, _), (name, raw) = values[c], values[c + 1]
        if department or "\n" in name:
            continue
        end = department_end(name)
        if end is None:
            continue
        cut = raw.startswith(name[:end])
        values[c] = (name[:end], raw[:end] if cut else name[:end])
        values[c + 1] = (name[end:], raw[end:] if cut else raw)
        message = (
            f"{cells[c]} and {cells[c + 1]} run together: where the department ends is a guess "
            f"(read: {name[:end]!r} | {name[end:]!r})"
        )
        return [Anomaly("guessed-split", message, cells[c], name[:end])]
    return []
