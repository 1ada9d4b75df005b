"""The tables of a large DOC or WPS document a row at a time (``extractors.reading.tables_stream``):
LibreOffice converts it into a DOCX *file* (``office.convert_in``), kept in a temporary folder
of its own for as long as the list is read, and that file is read by the DOCX batches path
(``formats.documents.docxrows``), as a DOCX list is.

The whole reader (``office.read_doc``) holds the conversion's bytes and reads them whole with
python-docx: some 4.9 KB an item. The conversion's errors and time limit are the whole
reader's (the same one-line :class:`~extractors.errors.InputError`): a DOC that LibreOffice
cannot convert is said so once, not converted again by the whole reader.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from extractors.reading.formats.documents.docxrows import DocxRows
from extractors.reading.formats.documents.office import convert_in, given_file
from extractors.reading.formats.tables import Table


@dataclass(frozen=True, slots=True)
class DocTables:
    """The tables of a DOC's DOCX conversion, each call a reading of its own (``tables_stream``'s
    ``Tables``); the folder holding the conversion goes when this goes."""

    document: DocxRows
    folder: tempfile.TemporaryDirectory[str]

    def __call__(self) -> Iterator[Table]:
        return self.document.tables()


def doc_tables(path: Path) -> DocTables | None:
    """The tables of the DOC (or WPS) document ``path``, read from its DOCX conversion; None
    when it is to be read whole (no table in its body, or a conversion python-docx or the
    parser refuses). A conversion that fails or takes too long raises the whole reader's
    one-line ``InputError``."""
    folder = tempfile.TemporaryDirectory(prefix="quanze-doc-")
    try:
        given = given_file(Path(folder.name), "doc")
        shutil.copyfile(path, given)
        converted = convert_in(given, str(path), "docx")
        document = DocxRows.open(converted.read_bytes(), converted)
    except BaseException:
        folder.cleanup()
        raise
    if document is None:
        folder.cleanup()
        return None
    return DocTables(document, folder)
