"""Turns the bytes of a text file into text, detecting the encoding and refusing to guess wrong."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from extractors.errors import InputError

# Encodings a Chinese power list comes in besides UTF-8; GB18030 decodes all of them.
_GB_FAMILY = frozenset({"gb18030", "gbk", "gb2312", "hz", "cp936"})
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# charset-normalizer's "chaos" is the share of the decoded text that looks like mojibake.
_MAX_CHAOS = 0.1


def _line_of(data: bytes, offset: int) -> int:
    """The line of byte ``offset``, counting a CR-only line end as one (as the text will)."""
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


def _lf(text: str) -> str:
    """``text`` with CRLF and CR-only line ends made LF, so that every reader counts lines
    the same way (a CR-only file read by a reader that counts LF is all on line 1)."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _snippet(data: bytes, offset: int) -> str:
    return repr(data[max(0, offset - 8) : offset + 8])


def decode_text(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str]:
    """The text of ``data`` and the encoding it was read with, its line ends made LF.

    UTF-8 (with or without BOM) and UTF-16/32 with a BOM are read directly; GB18030/GBK when
    charset-normalizer is confident; anything else raises InputError naming the likely encoding
    and the ``--encoding`` flag. Never decodes with ``errors="ignore"``.

    >>> decode_text("医保局".encode("gb18030") * 40, "a.txt")[1]
    'gb18030'
    """
    if encoding is not None:
        try:
            return _lf(data.decode(encoding)), encoding
        except LookupError:
            raise InputError(path, f"unknown encoding {encoding!r}; try utf-8 or gb18030") from None
        except UnicodeDecodeError as err:
            raise InputError(
                path,
                f"not valid {encoding} at byte {err.start}; check the --encoding value",
                line=_line_of(data, err.start),
                text=_snippet(data, err.start),
            ) from None
    for bom, name in BOMS:
        if data.startswith(bom):
            try:
                return _lf(data.decode(name)), name
            except UnicodeDecodeError as err:
                raise InputError(
                    path,
                    f"starts with a {name} byte-order mark but is not valid {name}",
                    line=_line_of(data, err.start),
                    text=_snippet(data, err.start),
                ) from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(
            path,
            f"binary file (NUL byte at offset {nul}); expected a text power list "
            "(md/html/txt/csv/json) or an xlsx/xls/docx file",
            line=_line_of(data, nul),
            text=_snippet(data, nul),
        )
    try:
        return _lf(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as err:
        utf8_error = err
    best = from_bytes(data).best()
    guess = best.encoding.lower() if best is not None else None
    if guess in _GB_FAMILY and best is not None and best.chaos <= _MAX_CHAOS:
        try:
            return _lf(data.decode("gb18030")), "gb18030"
        except UnicodeDecodeError:
            pass
    likely = guess if guess and guess not in _GB_FAMILY else "GB18030"
    raise InputError(
        path,
        f"not UTF-8 (bad byte at offset {utf8_error.start}); the likely encoding is {likely}"
        f"{' or GB18030' if likely != 'GB18030' else ''}: pass --encoding GB18030 "
        "(or the file's real encoding)",
        line=_line_of(data, utf8_error.start),
        text=_snippet(data, utf8_error.start),
    )
