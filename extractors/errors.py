"""The errors quanze raises for bad input: each names the file, the position and the text."""

from __future__ import annotations


class QuanzeError(Exception):
    """Base class of every error quanze raises on purpose; the CLI turns these into exit code 1."""


class InputError(QuanzeError):
    """Input that cannot be read as what it claims to be; always one line, so a library's
    message that runs over lines (lxml's) is joined.

    >>> str(InputError("a.md", "no table found", line=3, text="扫一扫"))
    "a.md:3: no table found: '扫一扫'"
    >>> str(InputError("a.xlsx", "bad XML: Char 0x0 out of allowed range\\n, line 1"))
    'a.xlsx: bad XML: Char 0x0 out of allowed range , line 1'
    """

    def __init__(
        self,
        path: str,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        text: str | None = None,
    ) -> None:
        if "\n" in message or "\r" in message:
            message = " ".join(part.strip() for part in message.splitlines() if part.strip())
        self.path = path
        self.message = message
        self.line = line
        self.column = column
        self.text = text
        where = path
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        tail = f": {text[:80]!r}" if text else ""
        super().__init__(f"{where}: {message}{tail}")


def unforeseen(path: object, exc: Exception) -> str:
    """One line for an exception quanze did not foresee while reading one file (a library's own
    error on a damaged file): the file, the exception's type and the first line of its message,
    so the other files can go on.

    >>> unforeseen("a.xls", IndexError("list index out of range\\nmore"))
    'a.xls: could not be read (IndexError: list index out of range); please report this'
    """
    first = (str(exc).splitlines() or [""])[0][:200]
    return f"{path}: could not be read ({type(exc).__name__}: {first}); please report this"
