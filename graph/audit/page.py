"""The audit's HTML report (``quanze audit --html FILE``): one self-contained page that works
offline, findings grouped by list and then by severity, each with its texts side by side and the
differing characters marked.

List text is untrusted input: every text reaches the page through ``html.escape`` and the page
holds no script at all; its template and styles live in ``graph/audit/static/``.
"""

from __future__ import annotations

import html
from collections import defaultdict
from functools import cache
from importlib import resources
from string import Template

from graph.audit.kinds import kinds
from graph.audit.models import SEVERITIES, Audit, DiffPart, Finding
from graph.audit.report import count_lines

#: What each severity and field is called on the page.
SEVERITY_LABELS = {"error": "错误 error", "warning": "警告 warning", "info": "提示 info"}
FIELD_LABELS = {
    "basis": "设定依据",
    "accountability_basis": "追责依据",
    "responsibility": "责任事项",
    "accountability": "追责情形",
    "remarks": "备注",
    "name": "事项名称",
}


@cache
def _asset(name: str) -> str:
    return resources.files("graph.audit").joinpath(f"static/{name}").read_text(encoding="utf-8")


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def diff_cells(parts: tuple[DiffPart, ...]) -> tuple[str, str]:
    """The two sides of a diff as HTML: the list's quote with what it has of its own in
    ``<del>``, the official text with what the quote lacks in ``<ins>``; both escaped.

    >>> diff_cells((DiffPart("equal", "处<罚>", "处<罚>"), DiffPart("replace", "一", "二")))
    ('处&lt;罚&gt;<del>一</del>', '处&lt;罚&gt;<ins>二</ins>')
    """
    left, right = [], []
    for p in parts:
        if p.op == "equal":
            left.append(_e(p.written))
            right.append(_e(p.official))
            continue
        if p.written:
            left.append(f"<del>{_e(p.written)}</del>")
        if p.official:
            right.append(f"<ins>{_e(p.official)}</ins>")
    return "".join(left), "".join(right)


def finding_html(f: Finding) -> str:
    """One finding: where, what kind, the message, the advice, and the texts side by side."""
    info = kinds()[f.kind]
    where = " · ".join(
        x
        for x in (
            f"序号 {f.row}" if f.row else "",
            FIELD_LABELS.get(f.field, f.field),
            f"《{f.law}》{f.provision}",
        )
        if x
    )
    out = [
        f'<article class="qz-finding" data-kind="{_e(f.kind)}" data-severity="{_e(f.severity)}">',
        f'<div class="qz-where"><span class="qz-kind">{_e(info.label)}</span>{_e(where)}</div>',
        f'<p class="qz-message">{_e(f.message)}</p>',
        f'<p class="qz-written">清单原文 as written: <q>{_e(f.written)}</q></p>',
    ]
    if f.diff:
        left, right = diff_cells(f.diff)
        score = f"相似度 similarity {f.similarity:.2f}" if f.similarity is not None else ""
        other = f" · {f.other_article}" if f.other_article else ""
        out += [
            '<table class="qz-diff"><thead><tr><th>清单引文 quoted by the list</th>'
            f"<th>官方文本 official text{_e(other)} ({_e(f.version or '')})</th></tr></thead>",
            f'<tbody><tr><td class="qz-quote">{left}</td><td class="qz-official">{right}</td>'
            "</tr></tbody></table>",
            f'<p class="qz-score">{_e(score)}</p>',
        ]
    elif f.official:
        out += [
            '<table class="qz-diff"><thead><tr><th>官方文本 official text '
            f"({_e(f.version or '')})</th></tr></thead>",
            f'<tbody><tr><td class="qz-official">{_e(f.official)}</td></tr></tbody></table>',
        ]
    out.append(f'<p class="qz-advice">{_e(info.advice)}</p>')
    out.append("</article>")
    return "\n".join(out)


def render_report(audit: Audit, title: str = "引文审查 quanze audit") -> str:
    """The whole report page."""
    by_list: defaultdict[str, list[Finding]] = defaultdict(list)
    for f in audit.findings:
        by_list[f.list_id].append(f)
    counts = dict(zip(audit.counts(), list(count_lines(audit))[:-1], strict=True))
    sections, nav = [], []
    for n, list_id in enumerate(audit.counts(), start=1):
        anchor = f"list-{n}"
        name = audit.lists.get(list_id) or list_id
        nav.append(f'<a href="#{anchor}">{_e(name)}</a>')
        parts = [
            f'<section class="qz-list" id="{anchor}" data-list="{_e(list_id)}">',
            f"<h2>{_e(name)}<small>{_e(list_id)}</small></h2>",
            f'<p class="qz-counts">{_e(counts[list_id])}</p>',
        ]
        for severity in SEVERITIES:
            shown = [f for f in by_list[list_id] if f.severity == severity]
            if not shown:
                continue
            parts.append(f'<section class="qz-severity {severity}">')
            parts.append(f"<h3>{_e(SEVERITY_LABELS[severity])} ({len(shown)})</h3>")
            parts += [finding_html(f) for f in shown]
            parts.append("</section>")
        if not by_list[list_id]:
            parts.append('<p class="qz-none">没有发现 no findings</p>')
        parts.append("</section>")
        sections.append("\n".join(parts))
    return Template(_asset("report.html")).substitute(
        title=_e(title),
        style=_asset("report.css"),
        summary=_e(list(count_lines(audit))[-1]),
        nav="".join(nav),
        lists="\n".join(sections),
    )
