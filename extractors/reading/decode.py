"""Turns the bytes of a text file into text, detecting the encoding and refusing to guess wrong."""

from __future__ import annotations

import codecs
import re
from dataclasses import replace
from typing import Final

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
#: The encoding a UTF-8 file is read with whose bytes are damaged in a few places (a byte
#: flipped, a run of NUL bytes written into it, a cut-off character): each damaged sequence read
#: as U+FFFD and each NUL dropped, said on the item whose row holds it (:func:`damaged_lines`).
DAMAGED = "utf-8+damaged"
#: The same of a GB18030 file (charset-normalizer names the GB family with little doubt).
GB_DAMAGED = "gb18030+damaged"
#: Each such reading → the encoding it repairs.
REPAIRED: Final = {DAMAGED: "utf-8", GB_DAMAGED: "gb18030"}
#: At most this many damaged places, each at most ``_MAX_DAMAGED_RUN`` bytes, in a file whose
#: Chinese text is at least ``_MIN_TEXT_PER_DAMAGE`` characters a place: more is no UTF-8 file
#: damaged but one in another encoding (a GBK file read as UTF-8 fails on every character).
_MAX_DAMAGED = 8
_MAX_DAMAGED_RUN = 4
_MIN_TEXT_PER_DAMAGE = 100
#: A file of this many Chinese characters a damaged place, or more, is UTF-8 damaged, not a
#: file in another encoding (whose characters are nearly all damaged read as UTF-8).
_MOSTLY_UTF8 = 10
_NAMES: Final = {"utf-8": "UTF-8", "gb18030": "GB18030"}
#: At most this many runs of NUL bytes in a text file (UTF-16 without a byte-order mark has one
#: before or after every ASCII character).
_MAX_NUL_RUNS = 4
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


def _damage(data: bytes, encoding: str = "utf-8") -> list[tuple[int, int, str]] | None:
    """The damaged places of ``data`` as (start, end, what): runs of NUL bytes and byte
    sequences that are not ``encoding``; None when there are none, or too many for a file of
    that encoding damaged (another encoding, or a binary file)."""
    nuls = re.finditer(rb"\x00+", data) if b"\x00" in data else ()
    places: list[tuple[int, int, str]] = [(m.start(), m.end(), "NUL") for m in nuls]
    if len(places) > _MAX_NUL_RUNS:
        return None
    at = 0
    rest = data.replace(b"\x00", b"")
    shift = [start for start, _, _ in places]  # where the NUL runs were, to map offsets back
    lengths = [end - start for start, end, _ in places]
    chinese = 0
    while at <= len(rest):
        try:
            text = rest[at:].decode(encoding)
        except UnicodeDecodeError as err:
            if err.end - err.start > _MAX_DAMAGED_RUN or len(places) >= _MAX_DAMAGED + len(shift):
                return None
            good = rest[at : at + err.start].decode(encoding)
            chinese += sum("\u3400" <= c <= "\u9fff" for c in good)
            start = at + err.start
            original = start
            for nul, length in zip(shift, lengths, strict=True):
                original += length if nul <= original else 0
            end = original + err.end - err.start
            last = places[-1] if len(places) > len(shift) else None
            if last is not None and original - last[1] <= _MAX_DAMAGED_RUN:
                if end - last[0] > _MAX_DAMAGED_RUN:
                    return None  # damage running on: another encoding, not one character
                places[-1] = (last[0], end, last[2])  # the rest of one damaged character
            else:
                places.append((original, end, f"not {_NAMES[encoding]}"))
            at += err.end
            continue
        chinese += sum("\u3400" <= c <= "\u9fff" for c in text)
        break
    if not places or chinese < _MIN_TEXT_PER_DAMAGE * len(places):
        return None
    return sorted(places)


def damaged_lines(data: bytes, used: str = DAMAGED) -> dict[int, str]:
    """Line (1-based) → what was damaged in it, for a file :func:`decode_text` reads as
    ``used``, ``DAMAGED`` or ``GB_DAMAGED``.

    >>> text = ("序号,事项名称,事项类型\\n" + "1,医疗救助审批,行政许可\\n" * 40).encode()
    >>> damaged_lines(text[:100] + b"\\xff" + text[100:] + b"\\x00" * 16)
    {3: "1 byte(s) not UTF-8 (b'\\\\xff') read as U+FFFD", 42: '16 NUL byte(s) dropped'}
    """
    out: dict[int, list[str]] = {}
    for start, end, what in _damage(data, REPAIRED[used]) or ():
        said = (
            f"{end - start} NUL byte(s) dropped"
            if what == "NUL"
            else f"{end - start} byte(s) {what} ({data[start:end]!r}) read as U+FFFD"
        )
        out.setdefault(_line_of(data, start), []).append(said)
    return {line: "; ".join(said) for line, said in out.items()}


def _repaired(data: bytes, encoding: str = "utf-8") -> str | None:
    """``data`` read as ``encoding`` with its few damaged places repaired (NUL bytes dropped,
    other bytes that are not of the encoding read as U+FFFD), or None when it is not a file of
    that encoding damaged."""
    if _damage(data, encoding) is None:
        return None
    return data.replace(b"\x00", b"").decode(encoding, errors="replace")


def _gb_repaired(data: bytes) -> str | None:
    """``data`` read as GB18030 with its few damaged places repaired, when it is a GB18030
    file damaged: charset-normalizer names the GB family with little doubt for its bytes
    without the damaged places (with them it names none)."""
    places = _damage(data, "gb18030")
    if places is None:
        return None
    kept, at = [], 0
    for start, end, _ in places:
        kept.append(data[at:start])
        at = end
    best = from_bytes(b"".join([*kept, data[at:]])).best()
    if best is None or best.encoding.lower() not in _GB_FAMILY or best.chaos > _MAX_CHAOS:
        return None
    return _repaired(data, "gb18030")


def said_gb_lines(
    items: tuple[PowerItem, ...], lines: list[int], utf8: bool = False
) -> tuple[PowerItem, ...]:
    """``items`` with each GB18030 line of a UTF-8 file (:func:`gb_lines`), or each UTF-8 line
    of a GB18030 one (``utf8``: :func:`utf8_lines`), said on the item whose row holds it (the
    last one starting at or above it), ``mixed-encoding``."""
    stray, whole = ("UTF-8", "GB18030") if utf8 else ("GB18030", "UTF-8")
    said = f"is {stray} in a {whole} file (pasted in from another file?): read as {stray}"
    return said_lines(items, dict.fromkeys(lines, said), "mixed-encoding")


def said_lines(
    items: tuple[PowerItem, ...], notes: dict[int, str], code: str
) -> tuple[PowerItem, ...]:
    """``items`` with the note on each line (1-based) of ``notes`` said on the item whose row
    holds it (the last one starting at or above it; a line above every item, the header, on
    the first), as anomaly ``code``: ``line N NOTE``."""
    if not notes or not items:
        return items
    said: dict[int, list[int]] = {}
    starts = [i.line for i in items]
    for line in sorted(notes):
        at = max((k for k, start in enumerate(starts) if start <= line), default=0)
        said.setdefault(at, []).append(line)
    return tuple(
        replace(
            item,
            anomalies=(
                *item.anomalies,
                *(Anomaly(code, f"line {line} {notes[line]}") for line in said[k]),
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
    if nul >= 0 and (repaired := _repaired(data)) is not None:
        return _lf(repaired), DAMAGED
    if nul >= 0 and (repaired := _gb_repaired(data)) is not None:
        return _lf(repaired), GB_DAMAGED
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
    if (repaired := _repaired(data)) is not None:
        return _lf(repaired), DAMAGED
    best = from_bytes(data).best()
    guess = best.encoding.lower() if best is not None else None
    if guess in _GB_FAMILY and best is not None and best.chaos <= _MAX_CHAOS:
        try:
            return _lf(data.decode("gb18030")), "gb18030"
        except UnicodeDecodeError:
            pass
    if (repaired := _gb_repaired(data)) is not None:
        return _lf(repaired), GB_DAMAGED
    replaced = data.decode("utf-8", errors="replace")
    places = len(re.findall("\ufffd+", replaced))
    if sum("\u3400" <= c <= "\u9fff" for c in replaced) >= _MOSTLY_UTF8 * places:
        raise InputError(
            path,
            f"UTF-8 damaged in {places} places (the first at offset {utf8_error.start}): more "
            f"than the {_MAX_DAMAGED} read with each said; repair or fetch the file again",
            line=_line_of(data, utf8_error.start),
            text=_snippet(data, utf8_error.start),
        )
    likely = guess if guess and guess not in _GB_FAMILY else "GB18030"
    raise InputError(
        path,
        f"not UTF-8 (bad byte at offset {utf8_error.start}); the likely encoding is {likely}"
        f"{' or GB18030' if likely != 'GB18030' else ''}: pass --encoding GB18030 "
        "(or the file's real encoding)",
        line=_line_of(data, utf8_error.start),
        text=_snippet(data, utf8_error.start),
    )
