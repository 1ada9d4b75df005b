"""The audit's findings as a table, CSV or JSON, and its counts per list.

JSON carries every key of every finding (``Finding.to_json``: the diff as a list of parts); the
table and CSV carry one line per finding, the diff written inline (``[-written+official]``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any, Final

from graph.audit.kinds import kinds
from graph.audit.models import SEVERITIES, Audit, DiffPart, Finding
from graph.store.results import OutputFormat, write_rows

#: The columns of the table and the CSV, in order.
COLUMNS: Final = (
    "severity",
    "kind",
    "list",
    "row",
    "field",
    "law",
    "article",
    "message",
    "written",
    "quote",
    "official",
    "similarity",
    "diff",
    "version",
)
#: The table shows fewer: the texts are long, CSV and JSON carry them.
TABLE_COLUMNS: Final = ("severity", "kind", "list", "row", "field", "law", "article", "message")


def inline_diff(parts: tuple[DiffPart, ...]) -> str:
    """A character diff on one line: equal text as is, ``[-written+official]`` where they
    differ.

    >>> inline_diff((DiffPart("equal", "处骗取金额", "处骗取金额"),
    ...              DiffPart("replace", "一", "二")))
    '处骗取金额[-一+二]'
    """
    out = []
    for p in parts:
        if p.op == "equal":
            out.append(p.written)
        else:
            out.append(
                "["
                + (f"-{p.written}" if p.written else "")
                + (f"+{p.official}" if p.official else "")
                + "]"
            )
    return "".join(out)


def flat(f: Finding) -> dict[str, Any]:
    """One finding as a table or CSV row."""
    row = f.to_json()
    row["diff"] = inline_diff(f.diff)
    row["article"] = f.provision
    return row


def write_findings(
    audit: Audit,
    fmt: OutputFormat,
    stream: IO[str],
    *,
    width: int | None = None,
    wide: bool = False,
) -> None:
    """Write the findings: a JSON array, CSV, or a table (fitted to ``width`` columns unless
    ``wide``) followed by the counts per list."""
    if fmt == "json":
        write_rows([f.to_json() for f in audit.findings], "json", stream)
        return
    rows = [flat(f) for f in audit.findings]
    if fmt == "csv":
        write_rows(rows, "csv", stream, columns=COLUMNS)
        return
    write_rows(
        rows,
        "table",
        stream,
        title="audit findings",
        columns=TABLE_COLUMNS,
        width=width,
        wide=wide,
    )
    stream.write("\n")
    for line in count_lines(audit):
        stream.write(line + "\n")


def count_lines(audit: Audit) -> Iterator[str]:
    """Per list, the findings by severity and by kind; then the citations checked.

    >>> from graph.audit.checks import finding
    >>> from graph.audit.models import CitedProvision
    >>> c = CitedProvision("c", "巫溪", "巫溪县清单", None, "1", "basis", "第五十五条", "", 0, 5,
    ...                    "行政处罚法", "law/x", article=55)
    >>> audit = Audit((finding("outside-liability", c, "m"),), {"巫溪": "巫溪县清单"}, 3, 2)
    >>> print("\\n".join(count_lines(audit)))
    巫溪 (巫溪县清单): 0 error(s), 1 warning(s), 0 info; outside-liability 1
    3 citation(s) read, 2 checked against a law text, 1 finding(s)
    """
    for list_id, counts in audit.counts().items():
        by_kind = {k: 0 for k in kinds()}
        for f in audit.findings:
            if f.list_id == list_id:
                by_kind[f.kind] += 1
        severities = ", ".join(
            f"{counts[s]} {s}" + ("(s)" if s != "info" else "") for s in SEVERITIES
        )
        shown = " ".join(f"{k} {n}" for k, n in by_kind.items() if n)
        title = audit.lists.get(list_id, "")
        yield (
            f"{list_id}"
            + (f" ({title})" if title else "")
            + f": {severities}"
            + (f"; {shown}" if shown else "")
        )
    yield (
        f"{audit.citations} citation(s) read, {audit.checked} checked against a law text, "
        f"{len(audit.findings)} finding(s)"
    )
