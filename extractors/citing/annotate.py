"""Rendering a power list as one offline HTML page whose cells show their citations highlighted,
each titled with the provision it resolved to, for reviewing the extractor by eye."""

from __future__ import annotations

from html import escape

from extractors.citing.cite import get_citations
from extractors.models import TEXT_FIELDS, Citation, PowerList

#: Highlight classes: resolved citations share one colour family, the rest stand out.
_CLASS = {
    "explicit": "ok",
    "abbreviation": "ok",
    "continuation": "ok",
    "unmarked": "ok",
    "law-level": "law",
    "malformed": "bad",
    "unresolved": "none",
}
_STYLE = """
body{font:14px/1.6 "Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:1.5em;color:#222}
h1{font-size:1.3em}
table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}
td.cell{white-space:pre-wrap}
th{background:#f3f3f3}
mark{border-radius:3px;padding:0 1px}
mark.ok{background:#c8f0c8}
mark.law{background:#cfe3ff}
mark.bad{background:#ffd59a}
mark.none{background:#ffb3b3}
.legend mark{margin-right:1em}
ol.cites{margin:.3em 0 0 1.2em;padding:0;font-size:.85em;color:#555;white-space:normal}
"""


def describe(c: Citation) -> str:
    """One line naming the provision a citation resolved to, its kind and any warnings.

    >>> describe(get_citations("《社会保险法》第八十七条第二款")[0])
    '中华人民共和国社会保险法 第87条第2款 [abbreviation]'
    """
    parts = [c.law or "(no law in reach)"]
    where = ""
    if c.point is not None:
        where += f"第{c.point}点"
    if c.article is not None:
        where += f"第{c.article}条" + (f"之{c.article_suffix}" if c.article_suffix else "")
    if c.paragraph is not None:
        where += f"第{c.paragraph}款"
    if c.item is not None:
        where += f"第{c.item}项"
    if where:
        parts.append(where)
    notes = [c.kind] + [n for n in (c.version, c.doc_number) if n]
    if c.via:
        notes.append("via " + c.via)
    line = " ".join(parts) + " [" + "; ".join(notes) + "]"
    if c.warnings:
        line += " warnings: " + "; ".join(c.warnings)
    return line


def annotate_cell(text: str) -> str:
    """A cell's text as HTML, every citation inside a ``<mark>`` titled with what it resolved to
    (citations whose spans overlap, as the provisions of one chain do, share one mark).

    >>> html = annotate_cell("依据《社会保险法》第八十七条<b>")
    >>> html.split('"')[1:4]
    ['ok', ' title=', '中华人民共和国社会保险法 第87条 [abbreviation]']
    >>> html.split(">", 1)[1]
    '《社会保险法》第八十七条</mark>&lt;b&gt;'
    """
    cites = sorted(get_citations(text), key=lambda c: (c.start, -c.end))
    out: list[str] = []
    pos = 0
    i = 0
    while i < len(cites):
        group = [cites[i]]
        end = cites[i].end
        i += 1
        while i < len(cites) and cites[i].start < end:
            group.append(cites[i])
            end = max(end, cites[i].end)
            i += 1
        start = group[0].start
        out.append(escape(text[pos:start]))
        worst = max((highlight(c) for c in group), key=_RANK.__getitem__)
        title = "\n".join(describe(c) for c in group)
        out.append(
            f'<mark class="{worst}" title="{escape(title)}">{escape(text[start:end])}</mark>'
        )
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


_RANK = {"ok": 0, "law": 1, "bad": 2, "none": 3}
_PROVISION = ("part", "chapter", "section", "article", "paragraph", "item", "subitem", "point")


def highlight(c: Citation) -> str:
    """The highlight class of a citation: by its kind, and blue for any citation of a whole
    instrument (an abbreviated title cited whole is kind ``abbreviation``, not ``law-level``).

    >>> [highlight(c) for c in get_citations("《监察法》；《社会保险法》第八十七条")]
    ['law', 'ok']
    """
    found = _CLASS[c.kind]
    if found == "ok" and all(getattr(c, name) is None for name in _PROVISION):
        return "law"
    return found


def annotate_list(plist: PowerList) -> str:
    """The whole list as a self-contained HTML page (inline CSS, no scripts): one table row per
    cell that has text, with the cell's citations highlighted and listed under it.

    >>> from importlib import resources
    >>> from extractors.reading.read import read_list
    >>> page = annotate_list(read_list(str(resources.files("extractors") / "samples"
    ...                                    / "000_814c7fb49acd7d24.txt")))
    >>> page.startswith("<!DOCTYPE html>"), "<script" in page, page.count("<mark ") > 10
    (True, False, True)
    """
    rows: list[str] = []
    total = unresolved = 0
    for item in plist.items:
        for key in TEXT_FIELDS:
            value = item.get(key)
            if not value:
                continue
            cites = get_citations(value)
            total += len(cites)
            unresolved += sum(1 for c in cites if c.law is None)
            listed = "".join(f"<li>{escape(describe(c))}</li>" for c in cites)
            rows.append(
                f"<tr><td>{escape(item.row or '')}</td><td>{escape(key)}</td>"
                f'<td class="cell">{annotate_cell(value)}'
                + (f'<ol class="cites">{listed}</ol>' if listed else "")
                + "</td></tr>"
            )
    title = escape(plist.meta.title or plist.source)
    legend = (
        '<p class="legend"><mark class="ok">resolved provision</mark>'
        '<mark class="law">whole instrument</mark><mark class="bad">malformed</mark>'
        '<mark class="none">unresolved</mark>'
        " hover a highlight for the provision it resolved to</p>"
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{title}</h1><p>{escape(plist.source)}: {len(plist.items)} items, {total} "
        f"citations, {unresolved} unresolved</p>{legend}"
        "<table><thead><tr><th>row</th><th>field</th><th>text</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></body></html>\n"
    )
