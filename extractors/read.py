"""Reads one power-list file, in whatever format and encoding, into a PowerList."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from extractors.assemble import assemble
from extractors.decode import decode_text
from extractors.detect import BINARY_FORMATS, FORMATS, detect_binary, detect_text
from extractors.errors import InputError
from extractors.meta import read_meta
from extractors.models import PowerList
from extractors.tables.flat import read_flat
from extractors.tables.grid import Grid
from extractors.tables.markdown import read_markdown

#: Largest file read at all; real lists are a few MB (a county's whole list as XLSX: ~5 MB).
MAX_FILE_BYTES = 200 * 1024 * 1024

_TEXT_READERS: dict[str, Callable[[str, str], Grid]] = {
    "markdown": lambda text, source: read_markdown(text),
    "text": read_flat,
}


def _read_bytes(path: Path) -> bytes:
    """The bytes of ``path``, refusing what cannot be a power list: missing, huge or empty."""
    where = str(path)
    if not path.exists():
        raise InputError(where, "no such file")
    if not path.is_file():
        raise InputError(where, "not a regular file; expected a power-list file")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputError(where, f"file is {size} bytes; the limit is {MAX_FILE_BYTES} bytes")
    data = path.read_bytes()
    if not data.strip():
        raise InputError(where, "empty file; expected a power list with a header row")
    return data


def read_list(
    path: str | Path, *, format: str | None = None, encoding: str | None = None
) -> PowerList:
    """Reads the power list in ``path``; format and encoding are detected unless given.

    >>> from importlib import resources
    >>> seed = resources.files("extractors") / "samples" / "001_6c98652daac37f2e.txt"
    >>> plist = read_list(str(seed))
    >>> plist.format, plist.meta.title, plist.items[0].row, plist.items[0].department
    ('text', '巫溪县医疗保障局行政权力事项清单', '1177', '县人力社保局/县医保局')
    """
    path = Path(path)
    where = str(path)
    if format is not None and format not in FORMATS:
        raise InputError(where, f"unknown format {format!r}; valid formats: {', '.join(FORMATS)}")
    data = _read_bytes(path)
    fmt = format or detect_binary(data)
    if fmt in BINARY_FORMATS:
        raise InputError(where, f"{fmt} files are not supported yet")
    text, used = decode_text(data, where, encoding)
    if not text.strip():
        raise InputError(where, "empty file; expected a power list with a header row")
    fmt = fmt or detect_text(text)
    reader = _TEXT_READERS.get(fmt)
    if reader is None:
        raise InputError(where, f"{fmt} files are not supported yet")
    grid = reader(text, path.name)
    assembled = assemble(grid, path.name)
    if assembled is None:
        first = next((line.strip() for line in text.splitlines() if line.strip()), "")
        raise InputError(
            where,
            "no recognisable table: expected a header row whose cells map to at least three "
            "field keys including a name column (e.g. 序号 | 事项名称 | 事项类型 | 实施部门)",
            line=1,
            text=first,
        )
    return PowerList(
        source=path.name,
        format=fmt,
        encoding=used,
        meta=read_meta(assembled.context, assembled.header.line),
        items=assembled.items,
        rejects=assembled.rejects,
        rows_seen=assembled.rows_seen,
    )


def read_text(path: str | Path, *, encoding: str | None = None) -> str:
    """The whole text of a text file (for ``quanze extract --plain``), with the same checks and
    encoding detection as :func:`read_list`.

    >>> from importlib import resources
    >>> seed = resources.files("extractors") / "samples" / "001_6c98652daac37f2e.txt"
    >>> read_text(str(seed)).splitlines()[2]
    '日期:2025-04-02'
    """
    path = Path(path)
    text, _ = decode_text(_read_bytes(path), str(path), encoding)
    return text
