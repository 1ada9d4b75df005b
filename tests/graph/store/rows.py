"""Answer rows made comparable across engines and formulations of one question."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from graph.store.query import Term

_CONCAT = re.compile(r'GROUP_CONCAT\(.*?separator="([^"]*)"\)\s+AS\s+\?(\w+)', re.S)

Row = tuple[tuple[str, str], ...]


def normal(text: str, rows: Iterable[Mapping[str, Term]]) -> list[Row]:
    """The rows, in their order, as tuples of (variable, term): a GROUP_CONCAT's parts (of the
    query ``text``) as a set, SPARQL leaving their order open, and its empty string as no value
    (Oxigraph leaves it unbound)."""
    concat = {var: sep for sep, var in _CONCAT.findall(text)}
    out = []
    for row in rows:
        cells = []
        for var, term in row.items():
            value = str(term)
            if var in concat:
                if not term.value:
                    continue
                value = " ".join(sorted(term.value.split(concat[var])))  # type: ignore[union-attr]
            cells.append((var, value))
        out.append(tuple(sorted(cells)))
    return out


def comparable(text: str, rows: Iterable[Mapping[str, Term]]) -> list[Row]:
    """``normal`` rows, sorted: the same answer in any order compares equal."""
    return sorted(normal(text, rows))
