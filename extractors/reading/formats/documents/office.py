"""Converts old Office and Kingsoft files (DOC, WPS, ET, and XLS that xlrd cannot read) with
LibreOffice headless into DOCX/XLSX, and reads those."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Literal

from extractors.errors import InputError
from extractors.models import Reject
from extractors.reading.detect import ole_streams
from extractors.reading.formats.documents.docx import read_docx
from extractors.reading.formats.grid import Grid
from extractors.reading.formats.sheets.xls import read_xls
from extractors.reading.formats.sheets.xlsx import read_xlsx

#: What is said of a workbook whose directory xlrd cannot read, read through LibreOffice.
DAMAGED = (
    "the workbook is damaged (cut short?): read through LibreOffice, which leaves out what it "
    "cannot read"
)
#: LibreOffice's import filter of XLS workbooks (BIFF5 and BIFF8).
EXCEL = "MS Excel 97"
#: Longest a conversion may take; a list of some thousand items converts in a few seconds.
TIMEOUT_SECONDS = 180.0
#: The Debian packages that bring LibreOffice without its desktop (named in the error).
WRITER, CALC = "libreoffice-writer-nogui", "libreoffice-calc-nogui"
Target = Literal["docx", "xlsx", "doc", "xls", "odt", "ods", "pdf", "html", "csv"]
PACKAGES: dict[str, str] = {
    "docx": WRITER, "doc": WRITER, "odt": WRITER, "xlsx": CALC, "xls": CALC, "ods": CALC,
    "pdf": WRITER, "html": WRITER, "csv": CALC,
}  # fmt: skip


def soffice() -> str | None:
    """The LibreOffice program on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(
    data: bytes,
    path: str,
    source: str,
    target: Target,
    *,
    timeout: float = 0,
    infilter: str | None = None,
    outfilter: str = "",
) -> bytes:
    """``data`` (a file of the kind the suffix ``source`` names) converted by LibreOffice into
    ``target`` (read by its import filter ``infilter`` when given, else by the one LibreOffice
    finds; written by the export filter and its options ``outfilter`` when given: CSV in UTF-8
    is ``Text - txt - csv (StarCalc):44,34,76``). Each conversion runs in a temporary folder with
    its own LibreOffice profile, so that conversions running side by side do not share (and lock)
    one, and is stopped after ``timeout`` seconds (:data:`TIMEOUT_SECONDS` by default)."""
    with tempfile.TemporaryDirectory(prefix="quanze-office-") as folder:
        given = given_file(Path(folder), source)
        given.write_bytes(data)
        converted = convert_in(
            given, path, target, timeout=timeout, infilter=infilter, outfilter=outfilter
        )
        return converted.read_bytes()


def given_file(folder: Path, source: str) -> Path:
    """Where in ``folder`` :func:`convert_in` takes the file to convert, of the kind the suffix
    ``source`` names (LibreOffice reads it by its suffix)."""
    return folder / f"list.{source}"


def convert_in(
    given: Path,
    path: str,
    target: Target,
    *,
    timeout: float = 0,
    infilter: str | None = None,
    outfilter: str = "",
) -> Path:
    """The file ``given`` (:func:`given_file` of a folder of its own) converted by LibreOffice into
    ``target`` (by the export filter ``outfilter`` when given), in a file of that folder, whose
    LibreOffice profile, home and ``given`` are gone once it is made (a large list converted is read
    from the file, not held: ``docrows``). Stopped after ``timeout`` seconds
    (:data:`TIMEOUT_SECONDS` by default); what goes wrong is one :class:`InputError` naming
    ``path``."""
    source = given.suffix[1:]
    program = soffice()
    if program is None:
        raise InputError(
            path,
            f"reading a {source} file needs LibreOffice (soffice), which is not installed: "
            f"apt-get install {PACKAGES[target]}",
        )
    limit = timeout or TIMEOUT_SECONDS
    work = given.parent
    command = [
        program,
        f"-env:UserInstallation={(work / 'profile').as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        *([f"--infilter={infilter}"] if infilter else []),
        "--convert-to",
        f"{target}:{outfilter}" if outfilter else target,
        "--outdir",
        str(work / "out"),
        str(given),
    ]
    env = {**os.environ, "HOME": str(work / "home")}
    # A session of its own, so that a conversion that hangs is ended with every process
    # LibreOffice started for it.
    with subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=env,
        start_new_session=True,
    ) as process:
        try:
            _, errors = process.communicate(timeout=limit)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise InputError(
                path, f"LibreOffice did not convert the {source} file within {limit:.0f} s"
            ) from None
    for made in ("profile", "home"):  # what LibreOffice wrote beside the conversion
        shutil.rmtree(work / made, ignore_errors=True)
    given.unlink(missing_ok=True)
    converted = work / "out" / f"{given.stem}.{target}"
    if not converted.exists():
        why = errors.decode("utf-8", "replace").strip().splitlines()
        raise InputError(
            path,
            f"LibreOffice could not convert the {source} file to {target}"
            + (f" ({why[-1]})" if why else f" (exit code {process.returncode})"),
        )
    return converted


def read_doc(data: bytes, path: str) -> list[Grid]:
    """The tables of a Word 97-2003 (DOC) or Kingsoft Writer (WPS) document, read through its
    DOCX conversion."""
    return read_docx(convert(data, path, "doc", "docx"), path)


def read_old_workbook(data: bytes, path: str) -> list[Grid]:
    """The sheets of an XLS or Kingsoft ET workbook: read by xlrd, or, where xlrd cannot read
    it (records of newer Excel or Kingsoft versions, a workbook cut short) and LibreOffice is
    installed, through its XLSX conversion."""
    try:
        return read_xls(data, path)
    except InputError as err:
        # A file whose directory names no workbook stream is no workbook; one whose directory
        # cannot be read (a workbook cut short) may still be, which LibreOffice reads.
        streams = ole_streams(data)
        workbook = not streams or bool(streams & {"Workbook", "Book"})
        if "encrypted" in str(err) or not workbook or soffice() is None:
            raise
        try:
            # a damaged file by Excel's filter: else LibreOffice takes what it cannot read
            # as a workbook for text, and reads its bytes as the cells of a sheet
            converted = convert(data, path, "xls", "xlsx", infilter=None if streams else EXCEL)
        except InputError:
            raise err from None
        grids = read_xlsx(converted, path)
        if not streams and grids:
            # Cut short, it may have lost rows that no conversion brings back: said.
            said = Reject(path, 1, err.message, DAMAGED)
            grids[0] = replace(grids[0], rejects=(said, *grids[0].rejects))
        return grids
