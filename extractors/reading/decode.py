"""Turns the bytes of a text file into text, detecting the encoding and refusing to guess wrong."""

from __future__ import annotations

import codecs
import re
from dataclasses import replace

from charset_normalizer import from_bytes

from extractors.errors import InputError
from extractors.models import Anomaly, PowerItem

# Encodings a Chinese power list comes in besides UTF-8; GB18030 decodes all of them.
_GB_FAMILY = frozenset({"gb18030", "gbk", "gb2312", "hz", "cp936"})
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: The encoding a file is read with whose lines are UTF-8 but a few GB18030 ones, or GB18030 but
#: a few UTF-8 ones (a row pasted in from a file of the other encoding): each line decoded in
#: its own (:func:`gb_lines`, :func:`utf8_lines`).
MIXED = "utf-8+gb18030"
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


def _line_text(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("gb18030")


def gb_lines(data: bytes) -> list[int]:
    """The lines (1-based) of ``data`` that are GB18030 and not UTF-8, when the others are
    UTF-8 and more of them hold Chinese than those (a row pasted in from a GBK file: read in
    its own encoding, not the whole file refused); else none.

    >>> utf8, gbk = "序号,事项名称\\n1,医疗救助\\n".encode(), "2,养老保险\\n".encode("gbk")
    >>> gb_lines(utf8 + gbk), gb_lines(gbk + gbk + utf8)
    ([3], [])
    """
    other: list[int] = []
    utf8 = 0
    for number, line in enumerate(data.splitlines(), 1):
        try:
            utf8 += not line.decode("utf-8").isascii()
        except UnicodeDecodeError:
            try:
                line.decode("gb18030")
            except UnicodeDecodeError:
                return []
            other.append(number)
    return other if utf8 > len(other) else []


# What a stray UTF-8 line of a GB18030 file holds beyond ASCII: Chinese, its punctuation and
# full-width forms (a GBK line that happens to be valid UTF-8 decodes to other characters).
_CHINESE = re.compile(r"[\x00-\x7f\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’—…·]*")


def utf8_lines(data: bytes) -> list[int]:
    """The lines (1-based) of ``data`` that are UTF-8 Chinese in a file whose other lines
    holding Chinese are GB18030 and not UTF-8, and more of them (a row pasted into a GBK CSV
    from a UTF-8 file: read in its own encoding, not the whole file refused); else none.

    >>> gbk, utf8 = "序号,事项名称\\n1,医疗救助\\n".encode("gbk"), "2,养老保险\\n".encode()
    >>> utf8_lines(gbk + utf8), utf8_lines(utf8 + utf8 + gbk)
    ([3], [])
    """
    stray: list[int] = []
    gb = 0
    for number, line in enumerate(data.splitlines(), 1):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            try:
                line.decode("gb18030")
            except UnicodeDecodeError:
                return []
            gb += 1
            continue
        if not text.isascii():
            if _CHINESE.fullmatch(text) is None:
                return []
            stray.append(number)
    return stray if gb > len(stray) else []


def said_gb_lines(
    items: tuple[PowerItem, ...], lines: list[int], utf8: bool = False
) -> tuple[PowerItem, ...]:
    """``items`` with each GB18030 line of a UTF-8 file (:func:`gb_lines`), or each UTF-8 line
    of a GB18030 one (``utf8``: :func:`utf8_lines`), said on the item whose row holds it (the
    last one starting at or above it), ``mixed-encoding``."""
    stray, whole = ("UTF-8", "GB18030") if utf8 else ("GB18030", "UTF-8")
    if not lines or not items:
        return items
    said: dict[int, list[int]] = {}
    starts = [i.line for i in items]
    for line in lines:
        # (a line above every item, the header, is said on the first)
        at = max((k for k, start in enumerate(starts) if start <= line), default=0)
        said.setdefault(at, []).append(line)
    return tuple(
        replace(
            item,
            anomalies=(
                *item.anomalies,
                *(
                    Anomaly(
                        "mixed-encoding",
                        f"line {line} is {stray} in a {whole} file (pasted in from another "
                        f"file?): read as {stray}",
                    )
                    for line in said[k]
                ),
            ),
        )
        if k in said
        else item
        for k, item in enumerate(items)
    )


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
    if gb_lines(data) or utf8_lines(data):
        lines = data.splitlines(keepends=True)
        text = "".join(_line_text(line) for line in lines)
        return _lf(text), MIXED
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
