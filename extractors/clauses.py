"""Splits a responsibility (责任事项) or accountability (追责情形) cell into its numbered clauses.

A cell reads as an optional lead sentence (因不履行或不正确履行行政职责，有下列情形的…：)
followed by clauses marked ``1.`` ``1、`` ``（一）`` ``（1）`` ``一、`` ``①``, or by
un-numbered lines (``检查责任：…``). The first marking style that opens a line is the cell's
own; other styles inside a clause (``1. 受理责任：…（1）申请书…（2）…``) stay inside it.
Numbers are kept as written: a gap (6. then 8.), a repeat or a restart is flagged on the
clause, never renumbered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.citing.numerals import parse_numeral

#: Marking styles, each a pattern whose group ``n`` is the number as written.
_STYLES: dict[str, str] = {
    "arabic": r"(?P<n>[0-9０-９]{1,3})\s*[.．、](?![0-9０-９])",
    "paren-chinese": r"[(（]\s*(?P<n>[一二三四五六七八九十]{1,3})\s*[)）]",
    "paren-arabic": r"[(（]\s*(?P<n>[0-9０-９]{1,3})\s*[)）]",
    "chinese": r"(?P<n>[一二三四五六七八九十]{1,3})\s*、",
    "circled": r"(?P<n>[①-⑳])",
}
#: Where a mark may stand: the start of the cell or a line, or after a clause's closing
#: punctuation (巫溪县's ``…损害的;14. 对应当…`` runs two clauses together on one line).
_OPENING = r"(?:^|(?<=\n)|(?<=[；;。]))[ \t\u3000]*"


def _group(style: str) -> str:
    """The regex group name of a style (``paren-chinese`` → ``paren_chinese``)."""
    return style.replace("-", "_")


#: Every style in one pattern, so a cell is scanned once, not once per style: group ``<style>``
#: is a mark of that style, ``<style>_n`` its number. No two styles' marks can overlap (each
#: starts where a line or a clause does, and no mark holds such a place), so one scan finds
#: what a scan per style would.
_MARK = re.compile(
    _OPENING
    + "(?:"
    + "|".join(
        f"(?P<{_group(name)}>{style.replace('(?P<n>', f'(?P<{_group(name)}_n>')})"
        for name, style in _STYLES.items()
    )
    + ")",
    re.M,
)
_STYLE_OF_GROUP = {_group(name): name for name in _STYLES}
#: A label that names an un-numbered clause: ``检查责任：``, ``其他责任：``, ``受理环节：``.
_LABEL = re.compile(r"\s*(?P<label>[^\s：:，,。；;]{1,12}?(?:责任|环节|义务|情形))\s*[:：]")
_TRIM = " \t\u3000\n；;，,"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@dataclass(frozen=True, slots=True)
class Clause:
    """One clause: its number and mark as written, its text, and where the text stands.

    ``text == cell[start:end]``; ``warnings`` name what is odd about its numbering.
    """

    number: int | None
    mark: str | None
    text: str
    start: int
    end: int
    label: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ClauseSplit:
    """A cell cut into its lead sentence (if any) and its clauses."""

    lead: str | None
    clauses: tuple[Clause, ...]
    style: str | None


def _number(style: str, written: str) -> int | None:
    if style == "circled":
        return _CIRCLED.index(written) + 1
    return parse_numeral(written)


def _span(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``/``end`` moved inwards past white space and joining punctuation."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _first_style(text: str) -> tuple[str, list[re.Match[str]]] | None:
    """The marking style whose first mark comes first in the cell, with all its marks."""
    by_style: dict[str, list[re.Match[str]]] = {}
    for mark in _MARK.finditer(text):
        by_style.setdefault(_STYLE_OF_GROUP[str(mark.lastgroup)], []).append(mark)
    first = next(iter(by_style), None)  # dicts keep insertion order: the first mark's style
    return None if first is None else (first, by_style[first])


def _accepted(style: str, marks: list[re.Match[str]]) -> list[tuple[re.Match[str], int, str]]:
    """The marks that number the cell's clauses, each with its number and a warning (or "").

    A mark counts when its number follows the last one within a small gap, or when the run
    restarts at 1; anything else (a year, 2.5倍, a stray 3. inside a sentence) is text.
    """
    out: list[tuple[re.Match[str], int, str]] = []
    last = 0
    for mark in marks:
        number = _number(style, mark.group(_group(style) + "_n"))
        if number is None:
            continue
        if number == last + 1:
            out.append((mark, number, ""))
        elif last < number <= last + 3:
            out.append((mark, number, f"numbering skips from {last} to {number}"))
        elif number == 1 and last > 1:
            out.append((mark, number, f"numbering restarts at 1 after {last}"))
        elif number == last and out:
            out.append((mark, number, f"number {number} is repeated"))
        else:
            continue
        last = number
    return out


def _line_clauses(text: str) -> list[Clause]:
    """Un-numbered clauses: one per non-empty line, with its label when it has one."""
    clauses = []
    offset = 0
    for line in text.split("\n"):
        start, end = _span(text, offset, offset + len(line))
        offset += len(line) + 1
        if start == end:
            continue
        label = _LABEL.match(text, start, end)
        clauses.append(
            Clause(None, None, text[start:end], start, end, label.group("label") if label else None)
        )
    return clauses


def split_clauses(text: str) -> ClauseSplit:
    """Cut a responsibility or accountability cell into its lead and clauses.

    >>> split = split_clauses("有下列情形的：\\n1. 没有法律依据的；\\n2. 擅自改变种类的；")
    >>> split.lead, [(c.number, c.text) for c in split.clauses]
    ('有下列情形的：', [(1, '没有法律依据的'), (2, '擅自改变种类的')])
    >>> gap = split_clauses("1. 滥用职权的；\\n2. 受贿的；\\n4. 其他。").clauses
    >>> [(c.number, c.warnings) for c in gap]
    [(1, ()), (2, ()), (4, ('numbering skips from 2 to 4',))]
    >>> lines = split_clauses("检查责任：审批情况；\\n处置责任：责令改正。").clauses
    >>> [(c.label, c.text) for c in lines]
    [('检查责任', '检查责任：审批情况'), ('处置责任', '处置责任：责令改正。')]
    """
    found = _first_style(text)
    accepted = _accepted(*found) if found else []
    if not accepted:
        return ClauseSplit(None, tuple(_line_clauses(text)), None)
    first = accepted[0][0]
    lead_start, lead_end = _span(text, 0, first.start())
    lead = text[lead_start:lead_end] or None
    clauses = []
    for i, (mark, number, warning) in enumerate(accepted):
        stop = accepted[i + 1][0].start() if i + 1 < len(accepted) else len(text)
        start, end = _span(text, mark.end(), stop)
        warnings = [warning] if warning else []
        line_start = text.rfind("\n", 0, mark.start()) + 1
        if (
            i
            and text[line_start : mark.start()].strip(_TRIM)
            and accepted[i - 1][0].start() >= line_start
        ):
            warnings.append(f"clause {number} runs on from clause {accepted[i - 1][1]} on one line")
        body = text[start:end]
        label = _LABEL.match(text, start, end)
        clauses.append(
            Clause(
                number,
                mark.group().strip(),
                body,
                start,
                end,
                label.group("label") if label else None,
                tuple(warnings),
            )
        )
    return ClauseSplit(lead, tuple(clauses), found[0] if found else None)
