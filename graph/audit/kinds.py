"""The kinds of finding and the words of liability chapter headings, read from
``graph/audit/data/kinds.json`` (data, not code: a new kind's severity or a new heading word is
an edit of that file)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from graph.audit.models import Kind, Severity


@dataclass(frozen=True, slots=True)
class KindInfo:
    """One kind of finding: its number in issue #22, severity, label and advice."""

    kind: Kind
    number: int
    severity: Severity
    label: str
    advice: str


@cache
def _data() -> dict[str, object]:
    text = resources.files("graph.audit").joinpath("data/kinds.json").read_text("utf-8")
    data: dict[str, object] = json.loads(text)
    return data


@cache
def kinds() -> dict[Kind, KindInfo]:
    """Every kind of finding, in the order of the issue.

    >>> kinds()["outside-liability"].number, kinds()["outside-liability"].severity
    (4, 'warning')
    """
    table = _data()["kinds"]
    assert isinstance(table, dict)
    return {
        name: KindInfo(name, info["number"], info["severity"], info["label"], info["advice"])
        for name, info in table.items()
    }


@cache
def liability_headings() -> tuple[str, ...]:
    """Words that make a chapter heading a liability chapter (法律责任, 罚则 …).

    >>> "法律责任" in liability_headings()
    True
    """
    words = _data()["liability_headings"]
    assert isinstance(words, list)
    return tuple(words)


def is_liability_heading(heading: str | None) -> bool:
    """True when a chapter heading names the law's liability chapter.

    >>> is_liability_heading("第七章 法律责任"), is_liability_heading("第五章 行政处罚的决定")
    (True, False)
    """
    return heading is not None and any(word in heading for word in liability_headings())
