"""The list's title a DOCX document prints in its page headers (``word/header1.xml`` …, the
parts the document's relationships name ``header``): 某县人力资源和社会保障局权责清单 over every
page, and no title in the body over the table. Such a line is read as a line of context before
the body's first, so that the title names the department the items fall under, as a paragraph
over the table does (``formats/titles.py``); a header's other text (a page number, the issuing
office, a date) is not read."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence

from docx.oxml.ns import qn
from lxml import etree

from extractors.reading.formats.documents.docxtext import paragraph_text
from extractors.reading.formats.sheets.sheetxml import relationships
from extractors.reading.formats.titles import group_department, titled_department

_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_MAIN = _OFFICE + "officeDocument"
_HEADER = _OFFICE + "header"


def header_titles(archive: zipfile.ZipFile) -> list[str]:
    """The lines of the document's page headers that are a list's title naming a department
    (``titles.titled_department``), each once, in the order of the headers' parts."""
    package = relationships(archive, "").values()
    main = next((member for kind, member in package if kind == _MAIN), "word/document.xml")
    headers = (member for kind, member in relationships(archive, main).values() if kind == _HEADER)
    found: list[str] = []
    for member in sorted(headers):
        try:
            root = etree.fromstring(archive.read(member), etree.XMLParser(resolve_entities=False))
        except (KeyError, etree.XMLSyntaxError):
            continue  # a header missing or damaged: the body is read without it
        for p in root.iter(qn("w:p")):
            text = " ".join(str(paragraph_text(p)).split())
            if text and text not in found and titled_department(text) is not None:
                found.append(text)
    return found


def headed_owner(context: Sequence[tuple[int, str]]) -> tuple[int, str] | None:
    """The title of the page headers (line 0 of the document's ``context``) that names the
    department of the tables below, as a paragraph naming one does (``Grid.owner``)."""
    return next(((n, t) for n, t in context if n == 0 and group_department(t)), None)
