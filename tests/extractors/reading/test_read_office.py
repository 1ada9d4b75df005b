"""Old Office and Kingsoft files (DOC, WPS, ET) read through real LibreOffice: test files made
here by converting our own DOCX/XLSX with it, each conversion in its own profile and time."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from extractors.errors import InputError
from extractors.reading.formats.documents import office
from tests.extractors.reading.support import read_written
from tests.extractors.reading.test_read_merged import ITEM1, ITEM2, STEPS, _docx, _xlsx


@pytest.fixture(scope="module")
def doc(soffice: str) -> bytes:
    """A Word 97-2003 document holding the merged-cell list of test_read_merged. (LibreOffice
    7.4 drops the tables of python-docx's files when it writes them as DOC straight away, but
    not when it goes through its own format.)"""
    odt = office.convert(_docx(), "list.docx", "docx", "odt")
    return office.convert(odt, "list.odt", "odt", "doc")


@pytest.fixture(scope="module")
def xls(soffice: str) -> bytes:
    """An Excel 97-2003 workbook saved by LibreOffice from the merged-cell list."""
    return office.convert(_xlsx(), "list.xlsx", "xlsx", "xls")


EXPECTED = [
    ("1", "城乡医疗救助", ITEM1[3], "\n".join(STEPS)),
    ("2", "医疗保险稽核", ITEM2[3], ITEM2[4]),
]


@pytest.mark.parametrize("name", ["list.wps", "download.dat"])
def test_doc_and_wps_read_through_libreoffice(tmp_path: Path, doc: bytes, name: str) -> None:
    assert doc.startswith(bytes.fromhex("d0cf11e0a1b11ae1"))  # an OLE compound file
    plist = read_written(tmp_path, name, doc, expect="doc")
    assert [(i.row, i.name, i.basis, i.responsibility) for i in plist.items] == EXPECTED
    assert plist.meta.title == "某县医疗保障局权责清单"


@pytest.mark.parametrize("name", ["list.xls", "list.et", "list.xlsx"])
def test_workbook_saved_by_another_program_read_by_content(
    tmp_path: Path, xls: bytes, name: str
) -> None:
    plist = read_written(tmp_path, name, xls, expect="xls")
    assert [(i.row, i.name, i.basis, i.responsibility) for i in plist.items] == EXPECTED


def test_conversions_side_by_side_do_not_collide(soffice: str) -> None:
    """Each conversion has its own LibreOffice profile: two at once both finish."""
    results: list[bytes] = []
    source = _docx()

    def run() -> None:
        results.append(office.convert(source, "list.docx", "docx", "doc"))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 2 and all(r.startswith(bytes.fromhex("d0cf11e0")) for r in results)


def test_conversion_that_takes_too_long_is_stopped(soffice: str) -> None:
    with pytest.raises(InputError, match=r"did not convert the docx file within"):
        office.convert(_docx(), "list.docx", "docx", "doc", timeout=0.05)


def test_without_libreoffice_one_line_names_the_package(
    tmp_path: Path, doc: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH on which no soffice is found
    with pytest.raises(InputError, match="apt-get install libreoffice-writer-nogui") as caught:
        read_written(tmp_path, "list.doc", doc)
    assert "\n" not in str(caught.value)
