"""The text of a DOCX paragraph, table cell or table row as Word shows it with its tracked
changes accepted: inserted text (``w:ins``, ``w:moveTo``) read, deleted text (``w:del``,
``w:moveFrom``) not, and what content controls (``w:sdt``), smart tags, fields, hyperlinks and
text boxes wrap read as the text around it. Text formatted hidden (``w:vanish``), which Word
neither shows nor prints, is not read but given apart, to be said. A field shows its result, not
its instructions (a field nested in another's instructions, an ``IF`` over a ``MERGEFIELD``,
shows nothing of its own); a non-breaking hyphen (``w:noBreakHyphen``) is a hyphen; of a
phonetic guide (``w:ruby``), the text it guides is read, not the guide. The
footnotes and endnotes referred to are given apart (``Text.notes``), for the reader to read
their text after the text that refers to them.

python-docx's own ``paragraph.text`` reads only the runs and hyperlinks directly under a
paragraph, ``cell.paragraphs`` only the paragraphs directly in a cell and ``table.rows`` only
the rows directly in a table: an inserted word, a cell's text in a content control, a nested
table, a row inside a content control were lost."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from docx.oxml.ns import qn
from lxml import etree

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
#: What holds text that is not there once the changes are accepted, or a copy of what is read
#: elsewhere (a drawing's fallback for old readers).
_FALLBACK = f"{_MC}Fallback"
_SKIP = frozenset({qn("w:del"), qn("w:moveFrom"), _FALLBACK})
#: What holds no text of its own: properties, and a deletion's marks.
_PROPERTIES = frozenset({qn("w:pPr"), qn("w:rPr"), qn("w:tcPr"), qn("w:trPr"), qn("w:tblPr")})
#: Elements that wrap others and are read through: content controls and custom XML.
_WRAPPERS = frozenset({qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")})
_P, _R, _TBL, _TR, _TC = qn("w:p"), qn("w:r"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_T, _TAB, _BR, _CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_TEXTBOX = qn("w:txbxContent")
_VANISH = qn("w:vanish")
_FLD_CHAR, _FLD_TYPE = qn("w:fldChar"), qn("w:fldCharType")
_HYPHEN = qn("w:noBreakHyphen")
_RUBY, _RUBY_BASE = qn("w:ruby"), qn("w:rubyBase")
#: A reference to a footnote or an endnote, by the kind of note it names.
NOTE_REFERENCES = {qn("w:footnoteReference"): "footnote", qn("w:endnoteReference"): "endnote"}


@dataclass(slots=True)
class Text:
    """Text read, and the hidden text (``w:vanish``) left out of it."""

    shown: list[str] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)
    #: the notes referred to: (footnote or endnote, its id)
    notes: list[tuple[str, str]] = field(default_factory=list)
    #: the complex fields open here, each True while its instructions are read (the text of a
    #: field nested in them is no text Word shows)
    fields: list[bool] = field(default_factory=list)

    def __str__(self) -> str:
        return "".join(self.shown)


def _hidden(run: etree._Element) -> bool:
    properties = run.find(qn("w:rPr"))
    vanish = properties.find(_VANISH) if properties is not None else None
    return vanish is not None and vanish.get(qn("w:val"), "true") not in ("0", "false", "off")


def _run(run: etree._Element, into: Text) -> None:
    hidden = _hidden(run)
    out = into.hidden if hidden else into.shown
    for child in run:
        tag = child.tag
        if tag == _FLD_CHAR:
            _field(child.get(_FLD_TYPE), into.fields)
        elif any(into.fields):
            continue  # a field's instructions: not shown
        elif tag == _T:
            out.append(child.text or "")
        elif tag == _HYPHEN:
            out.append("-")
        elif tag == _RUBY:
            # a phonetic guide (拼音 over a rare character): the text it guides, not the guide
            if (base := child.find(_RUBY_BASE)) is not None:
                _inline(base, into)
        elif tag in NOTE_REFERENCES:
            into.notes.append((NOTE_REFERENCES[tag], child.get(qn("w:id"), "")))
        elif tag == _TAB:
            out.append("\t")
        elif tag in (_BR, _CR):
            out.append("\n")
        elif tag not in _PROPERTIES and tag not in _SKIP:
            # a drawing or picture: the paragraphs of its text box (once: not the copy a
            # drawing keeps for old readers, mc:Fallback)
            for box in child.iter(_TEXTBOX):
                if any(a.tag == _FALLBACK for a in box.iterancestors()):
                    continue
                for p in _blocks(box):
                    into.shown.append("\n")
                    _inline(p, into)


def _field(kind: str | None, fields: list[bool]) -> None:
    """A complex field's character of ``kind`` (begin, separate, end) met: ``fields`` updated."""
    if kind == "begin":
        fields.append(True)
    elif kind == "separate" and fields:
        fields[-1] = False
    elif kind == "end" and fields:
        fields.pop()


def _inline(element: etree._Element, into: Text) -> None:
    """The text of the runs under ``element`` (a paragraph, or what wraps runs in it)."""
    for child in element:
        tag = child.tag
        if tag in _SKIP or tag in _PROPERTIES or not isinstance(tag, str):
            continue
        if tag == _R:
            _run(child, into)
        else:
            _inline(child, into)


def _blocks(element: etree._Element) -> Iterator[etree._Element]:
    """The paragraphs and tables in ``element`` (a cell, a text box), content controls read
    through."""
    for child in element:
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag in _WRAPPERS:
            yield from _blocks(child)


def paragraph_text(p: etree._Element) -> Text:
    """The text of the paragraph ``p``."""
    into = Text()
    _inline(p, into)
    return into


def cell_text(tc: etree._Element) -> Text:
    """The text of the table cell ``tc``: its paragraphs a line each, a table nested in it a
    line per row, its cells apart by a space."""
    into = Text()
    for n, block in enumerate(_blocks(tc)):
        if n:
            into.shown.append("\n")
        if block.tag == _P:
            _inline(block, into)
            continue
        for k, tr in enumerate(table_rows(block)):
            if k:
                into.shown.append("\n")
            for j, inner in enumerate(row_cells(tr)):
                if j:
                    into.shown.append(" ")
                found = cell_text(inner)
                into.shown.append(str(found).replace("\n", " "))
                into.hidden += found.hidden
                into.notes += found.notes
    return into


def table_rows(tbl: etree._Element) -> Iterator[etree._Element]:
    """The rows of the table ``tbl``, those a content control wraps included, and those a
    tracked change deleted (:func:`is_deleted`) left out."""
    yield from (tr for tr in _children(tbl, _TR) if not is_deleted(tr))


def is_deleted(tr: etree._Element) -> bool:
    """Whether the row ``tr`` is a tracked deletion (``w:trPr/w:del``): gone once the changes
    are accepted."""
    properties = tr.find(qn("w:trPr"))
    return properties is not None and properties.find(qn("w:del")) is not None


def row_table(tr: etree._Element) -> etree._Element | None:
    """The table the row ``tr`` is a row of (through the content controls around it)."""
    parent = tr.getparent()
    while parent is not None and parent.tag in _WRAPPERS:
        parent = parent.getparent()
    return parent if parent is not None and parent.tag == _TBL else None


def row_cells(tr: etree._Element) -> Iterator[etree._Element]:
    """The cells of the row ``tr``, those a content control wraps included."""
    yield from _children(tr, _TC)


def _children(element: etree._Element, tag: str) -> Iterator[etree._Element]:
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)
