"""Reads a saved web archive (MHTML, ``.mht``: a browser's or Word's "single file web page", a
``multipart/related`` MIME message): the page's HTML part, decoded from its transfer encoding
(quoted-printable, base64, 7bit, 8bit) and its charset, read as a web page, each row on the
line of the archive its quoted-printable or plain text stands on."""

from __future__ import annotations

import email
import email.message
import email.policy
import re

from extractors.errors import InputError
from extractors.reading.formats.grid import Grid
from extractors.reading.formats.html import read_html
from extractors.reading.formats.htmlembedded import renumbered

#: The headers of a web archive: a ``MIME-Version`` line and a multipart content type among the
#: header lines that open the file (before its first blank line).
_HEAD = re.compile(r"\A(?:[^\n]+\n)*?\n", re.DOTALL)
_MIME_VERSION = re.compile(r"^mime-version\s*:", re.IGNORECASE | re.MULTILINE)
_MULTIPART = re.compile(r"^content-type\s*:\s*multipart/", re.IGNORECASE | re.MULTILINE)
#: A charset a page declares in its ``<meta>`` (``charset=gbk``, ``charset="gb2312"``).
_META_CHARSET = re.compile(rb"""<meta[^>]*charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)


def is_mhtml(text: str) -> bool:
    """Whether ``text`` opens as a web archive: MIME headers (``MIME-Version``) of a multipart
    message before its first blank line.

    >>> is_mhtml("From: <Saved by Blink>\\nMIME-Version: 1.0\\n"
    ...          'Content-Type: multipart/related;\\n\\tboundary="b"\\n\\n--b\\n')
    True
    >>> is_mhtml("<html><table><tr><td>MIME-Version: 1.0</td></tr></table>")
    False
    """
    head = _HEAD.match(text.lstrip("\ufeff")[: 1 << 14].replace("\r\n", "\n"))
    return head is not None and bool(
        _MIME_VERSION.search(head.group()) and _MULTIPART.search(head.group())
    )


def _html_parts(message: email.message.Message) -> list[email.message.Message]:
    """The archive's pages: the part its ``start`` parameter names (else the first HTML part)
    first, then the other HTML parts (the pages of its frames, saved as parts of their own)."""
    parts = [p for p in message.walk() if p.get_content_type() == "text/html"]
    start = message.get_param("start")
    start = start.strip("<>") if isinstance(start, str) else ""
    named = [p for p in parts if start and (p.get("Content-ID") or "").strip("<>") == start]
    return named + [p for p in parts if p not in named]


def _charset_text(data: bytes, declared: str | None, where: str) -> str:
    """``data`` as text: UTF-8 when it is (a page saved as UTF-8 whose part or ``<meta>`` says
    GBK: the bytes tell), else the charset the part or the page declares, else GB18030."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    meta = _META_CHARSET.search(data[: 1 << 14])
    for name in (declared, meta.group(1).decode("ascii") if meta else None, "gb18030"):
        if not name:
            continue
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    raise InputError(where, "the page of the web archive (MHTML) is neither UTF-8 nor GB18030")


def _outer_lines(text: str, encoded: str, transfer: str) -> list[int] | None:
    """For each line of the decoded page, the line of ``text`` (the archive) it starts on: the
    part's ``encoded`` text found in the archive, a quoted-printable line ending in ``=`` (a
    soft break) going on with the next; base64 has no lines of the page, each of them is the
    part's first (as a page on one line). None when the part is not found."""
    at = text.find(encoded) if encoded.strip() else -1
    if at < 0:
        return None
    first = text.count("\n", 0, at) + 1
    lines = encoded.split("\n")
    if transfer == "base64":
        return [first] * len(lines)
    starts = [first]
    for number, line in enumerate(lines[:-1]):
        if not (transfer == "quoted-printable" and line.endswith("=")):
            starts.append(first + number + 1)
    return starts


def _page_grids(text: str, part: email.message.Message, path: str) -> list[Grid]:
    """The Grids of the page ``part`` of the archive ``text`` holds, on the archive's lines."""
    transfer = (part.get("Content-Transfer-Encoding") or "7bit").strip().lower()
    encoded = part.get_payload(decode=False)
    if not isinstance(encoded, str):
        return []
    decoded = part.get_payload(decode=True)
    if transfer in ("quoted-printable", "base64") and isinstance(decoded, bytes):
        page = _charset_text(decoded, part.get_content_charset(), path)
    else:
        page = encoded  # 7bit, 8bit: decoded with the archive
    page = page.replace("\r\n", "\n").replace("\r", "\n")
    grids = read_html(page, path)
    starts = _outer_lines(text, encoded, transfer)
    if starts is None:
        return grids
    if transfer == "base64":
        starts = starts[:1] * (page.count("\n") + 1)
    if len(starts) != page.count("\n") + 1:
        return grids

    def outer(line: int) -> int:
        return starts[min(max(line, 1), len(starts)) - 1]

    return [renumbered(g, outer) for g in grids]


def read_mhtml(text: str, path: str) -> list[Grid]:
    """The Grids of the pages a web archive holds (:func:`~.html.read_html`): its main page's,
    then those of the pages of its frames that hold rows (a list in an ``<iframe>``, saved as
    a part of its own), their rows numbered by the archive's lines (all on the part's first
    line when it is base64).

    >>> archive = ('MIME-Version: 1.0\\nContent-Type: multipart/related; boundary="b"\\n\\n'
    ...            '--b\\nContent-Type: text/html; charset="utf-8"\\n'
    ...            'Content-Transfer-Encoding: quoted-printable\\n\\n'
    ...            '<table><tr><th>=E5=BA=8F=E5=8F=B7</th><th>=E4=BA=8B=E9=A1=B9=\\n'
    ...            '=E5=90=8D=E7=A7=B0</th></tr>\\n<tr><td>1</td><td>=E6=95=91=E5=8A=A9</td>'
    ...            '</tr></table>\\n--b--\\n')
    >>> [(r.line, r.cells) for r in read_mhtml(archive, "a.mht")[0].rows]
    [(8, ('序号', '事项名称')), (10, ('1', '救助'))]
    """
    message = email.message_from_string(text, policy=email.policy.compat32)
    parts = _html_parts(message)
    if not parts:
        raise InputError(path, "a saved web archive (MHTML) without an HTML page in it", line=1)
    grids = _page_grids(text, parts[0], path)
    for part in parts[1:]:
        grids += [g for g in _page_grids(text, part, path) if g.rows]
    return grids
