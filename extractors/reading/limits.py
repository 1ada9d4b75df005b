"""Size limits that keep a hostile or broken file (zip bomb, a 10 MB cell) from exhausting the
machine, and the checks that enforce them before anything is unpacked."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from extractors.errors import InputError

#: Largest file read at all. A county's list is a few MB, but a province's merged export of
#: 100 k items with quoted articles in every cell runs to some 300 MB (make bench reads one).
MAX_FILE_BYTES = 1024 * 1024 * 1024
#: Largest total of the uncompressed members of an XLSX/DOCX archive (the same reasoning; a
#: zip bomb is caught by MAX_RATIO long before it reaches this).
MAX_UNZIPPED_BYTES = 1024 * 1024 * 1024
#: Largest compression ratio of one member bigger than 1 MiB (zip bombs run at 1000:1 and more;
#: the sheet XML of a real list compresses about 10:1).
MAX_RATIO = 200
#: Longest cell text; the longest real cells (quoted law articles) run to some ten thousand.
MAX_CELL_CHARS = 1_000_000


def check_archive(data: bytes | Path, path: str) -> None:
    """Raises InputError when an XLSX/DOCX archive (its bytes, or its file) is encrypted or
    would unpack too large, judging from the sizes in its central directory (nothing is
    decompressed).

    >>> buffer = io.BytesIO()
    >>> with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
    ...     z.writestr("xl/worksheets/sheet1.xml", "0" * 5_000_000)
    >>> check_archive(buffer.getvalue(), "bomb.xlsx")
    Traceback (most recent call last):
    extractors.errors.InputError: bomb.xlsx: archive member xl/worksheets/sheet1.xml ...
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data) if isinstance(data, bytes) else data) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile as err:
        raise InputError(
            path, f"damaged or cut-short archive ({err}); expected an xlsx or docx file"
        ) from None
    total = 0
    for info in members:
        if info.flag_bits & 0x1:
            raise InputError(
                path, "encrypted (password-protected) archive; save an unprotected copy"
            )
        total += info.file_size
        if info.file_size > 1 << 20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise InputError(
                path,
                f"archive member {info.filename} would unpack from {info.compress_size} to "
                f"{info.file_size} bytes (over {MAX_RATIO}:1); refusing a likely zip bomb",
            )
    if total > MAX_UNZIPPED_BYTES:
        raise InputError(
            path, f"archive unpacks to {total} bytes; the limit is {MAX_UNZIPPED_BYTES} bytes"
        )


def check_cell(text: str, path: str, line: int, column: int) -> None:
    """Raises InputError for a cell longer than MAX_CELL_CHARS.

    >>> check_cell("无", "a.csv", 3, 2)
    """
    if len(text) > MAX_CELL_CHARS:
        raise InputError(
            path,
            f"a cell of {len(text)} characters; the limit is {MAX_CELL_CHARS} (a damaged or "
            "hostile file?)",
            line=line,
            column=column,
            text=text[:40],
        )
