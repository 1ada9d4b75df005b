"""A large DOC (or WPS) document read in batches (``extractors.reading.formats.documents.docrows``):
converted by real LibreOffice into a DOCX file kept on disk, not held as bytes, and read by the
DOCX batches path; the list is the one ``read_list`` reads whole through its own conversion, and
a conversion that fails or takes too long is the same one-line error. The test files are made
here by converting our own DOCX documents with LibreOffice."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from bench.biglist import WRITERS, rows
from extractors.reading.formats.documents import office
from extractors.reading.formats.documents.docrows import DocTables
from extractors.reading.stream import open_list
from extractors.reading.tables_stream import TablesStream
from tests.extractors.reading.test_stream import _same
from tests.extractors.reading.test_stream_tables import _PER_TYPE, _document


def _as_doc(docx: bytes) -> bytes:
    """A Word 97-2003 document of ``docx``, through LibreOffice's own format (7.4 drops the
    tables of a generated DOCX written as DOC straight away)."""
    odt = office.convert(docx, "list.docx", "docx", "odt")
    return office.convert(odt, "list.odt", "odt", "doc")


@pytest.fixture(scope="module")
def one_table(soffice: str, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    made = tmp_path_factory.mktemp("doc") / "list.docx"
    WRITERS["docx"](made, rows(60))
    return _as_doc(made.read_bytes())


@pytest.fixture(scope="module")
def several_tables(soffice: str) -> bytes:
    """A table per power type, each under a heading naming it, the last of another width."""
    return _as_doc(_document(_PER_TYPE))


def test_doc_of_one_table_in_batches_from_its_conversion_file(
    tmp_path: Path, one_table: bytes
) -> None:
    """Both readings alike; the batches read the conversion's file (the DOC itself gone), which
    goes when the list read in batches goes."""
    path = tmp_path / "list.wps"
    path.write_bytes(one_table)
    opened = _same(path, size=7)
    assert isinstance(opened, TablesStream) and opened.counts.items == 60
    assert opened.head.format == "doc" and opened.head.meta.title == "某县权责清单"
    assert isinstance(opened.tables, DocTables)
    folder = Path(opened.tables.folder.name)
    assert [p.suffix for p in folder.rglob("*") if p.is_file()] == [".docx"]
    path.unlink()
    assert sum(len(batch) for batch in opened.batches(25)) == 60
    del opened
    gc.collect()
    assert not folder.exists()


def test_doc_of_several_tables_in_batches(tmp_path: Path, several_tables: bytes) -> None:
    path = tmp_path / "list.doc"
    path.write_bytes(several_tables)
    opened = _same(path, size=2)
    assert isinstance(opened, TablesStream)
    items = [i for batch in opened.batches(2) for i in batch]
    assert [i.type for i in items] == ["行政许可"] * 3 + ["行政处罚"] * 3 + ["行政检查"] * 2


def test_conversion_too_long_is_the_same_one_line_error(
    tmp_path: Path, one_table: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """LibreOffice stopped at its time limit: one line, as read whole, and no folder left."""
    monkeypatch.setattr(office, "TIMEOUT_SECONDS", 0.05)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr("tempfile.tempdir", None)
    path = tmp_path / "list.doc"
    path.write_bytes(one_table)
    assert _same(path) is None
    assert [p.name for p in tmp_path.iterdir()] == ["list.doc"]


def test_without_libreoffice_the_same_one_line_error(
    tmp_path: Path, one_table: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH on which no soffice is found
    path = tmp_path / "list.doc"
    path.write_bytes(one_table)
    assert _same(path) is None
    with pytest.raises(Exception, match="apt-get install libreoffice-writer-nogui"):
        open_list(path, min_bytes=0)
