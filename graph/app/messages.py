"""The CLI's stderr: message lines written as they are, rich's console made only when a message
needs it (markup, an emoji code, a control character) or a command asks for it (progress bars).

rich's console and text modules take 40-60 ms to import (load 8): more than a tenth of
``quanze cites``, whose stderr lines (``3 citing item(s), 3 citation(s)``) rich prints unchanged.
A line is written plainly only when rich would write exactly those characters: no ``[`` (markup),
no two colons around a word (``:smile:``, what rich reads as an emoji code), no tab or other
control character (rich expands or strips them), and only while no rich console exists (one may be
showing a live progress bar the line must go under).
"""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console


#: What rich may read as an emoji code (its own pattern is ``:(\S*?)(?:-(emoji|text))?:``).
_EMOJI_CODE = re.compile(r":\S*:")


def inert(text: str) -> bool:
    """Whether rich prints ``text`` as it is: no markup, no emoji code, no control character.

    >>> inert("3 citing item(s), 3 citation(s)"), inert("quanze: warning: 社会保险法第八十七条")
    (True, True)
    >>> inert("[bold]x[/]"), inert("a :smile: b"), inert("a\\tb")
    (False, False, False)
    """
    return (
        "[" not in text
        and not _EMOJI_CODE.search(text)
        and all(c >= " " and c != "\x7f" for c in text)
    )


class Messages:
    """stderr for message lines, with the rich console under it made on first need.

    ``print`` takes what ``rich.console.Console.print`` takes for a line of text; ``console`` is
    that console (made with ``options`` the first time it is asked for), for what prints through
    rich itself (progress bars, the demo).
    """

    def __init__(self, **options: Any) -> None:
        self._options = options
        self._console: Console | None = None

    @property
    def console(self) -> Console:
        """The rich console (stderr), made on first use."""
        if self._console is None:
            from rich.console import Console

            self._console = Console(stderr=True, **self._options)
        return self._console

    def print(self, text: str, *, markup: bool = True) -> None:
        """Print ``text`` and a newline on stderr as rich would (markup read unless
        ``markup=False``)."""
        if self._console is None and inert(text):
            sys.stderr.write(text + "\n")
            sys.stderr.flush()
            return
        self.console.print(text, markup=markup)
