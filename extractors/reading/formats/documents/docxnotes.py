"""The footnotes and endnotes of a DOCX document (``word/footnotes.xml``, ``word/endnotes.xml``),
read after the text of the cell or paragraph that refers to them: a department that puts an
item's basis, or part of it, in a footnote (见注1) prints it at the page's foot, where the table's
cells do not hold it."""

from __future__ import annotations

from docx.oxml.ns import qn
from lxml import etree

from extractors.reading.formats.documents.docxtext import Text, paragraph_text

_KINDS = ("footnote", "endnote")
#: The relationship types of the parts holding them, by kind.
RELATIONSHIPS = {
    kind: f"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}s"
    for kind in _KINDS
}
#: Where a package written by Word keeps them, by kind.
MEMBERS = {kind: f"word/{kind}s.xml" for kind in _KINDS}


class Notes:
    """The text of each note, by kind and id (a note's paragraphs a line each; the separators
    Word keeps among them, which hold no text, give none)."""

    def __init__(self, parts: dict[str, bytes]) -> None:
        self.texts: dict[tuple[str, str], str] = {}
        for kind, data in parts.items():
            try:
                root = etree.fromstring(data, etree.XMLParser(resolve_entities=False))
            except etree.XMLSyntaxError:
                continue  # a damaged part: its notes are not read, the cells are
            for note in root.iter(qn(f"w:{kind}")):
                lines = (str(paragraph_text(p)).strip() for p in note.iter(qn("w:p")))
                self.texts[(kind, note.get(qn("w:id"), ""))] = "\n".join(x for x in lines if x)

    def after(self, found: Text) -> str:
        """The text of the notes ``found`` refers to, each on a line of its own, to follow it
        ("" when it refers to none).

        >>> notes = Notes({"footnote": (
        ...     b'<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
        ...     b'main"><w:footnote w:id="1"><w:p><w:r><w:t>'
        ...     + "《行政许可法》第十二条".encode()
        ...     + b"</w:t></w:r></w:p></w:footnote></w:footnotes>")})
        >>> notes.after(Text(["见注"], notes=[("footnote", "1")]))
        '\\n《行政许可法》第十二条'
        """
        return "".join(
            "\n" + text for ref in found.notes if (text := self.texts.get(ref, "")).strip()
        )
