"""What ``quanze query`` is asked, read as the command line gives it: the query (a bundled name,
a ``.rq`` file, SPARQL text, or ``-`` for stdin) and its ``--bind NAME=VALUE`` values.

A misspelled query name, a binding without ``=`` (``--bind law社会保险法``) or one naming a variable
the query does not have is a usage error (exit 2) with the closest names, not a data error after
the store was opened: the command line was wrong, not the data.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable

from graph.app.usage import did_you_mean, usage_error
from graph.errors import QueryError
from graph.store.query import (
    BindingValue,
    bundled_queries,
    bundled_text,
    load_query,
    parse_binding,
)

#: A word that can only be meant as a query name (SPARQL text has spaces and braces).
_NAME = re.compile(r"[A-Za-z_][\w-]*")
_VARIABLES = re.compile(r"[?$]([A-Za-z_]\w*)")


def read_query(text: str) -> str:
    """The query as ``quanze query`` takes it: ``-`` is stdin's text, a bundled name or a file
    stays as given (``run_query`` reads it), an unknown name is a usage error.

    >>> read_query("lists")
    'lists'
    """
    if text == "-":
        return sys.stdin.read()
    # one file read for a name (reading all 41 bundled queries: ~45 ms with the page cache cold)
    if bundled_text(text) is None and _NAME.fullmatch(text) and not text.endswith(".rq"):
        names = bundled_queries()
        usage_error(f"no bundled query named {text!r}{did_you_mean(text, names)}", "QUERY")
    return text


def read_bindings(query: str, binds: Iterable[str]) -> dict[str, BindingValue]:
    """``--bind NAME=VALUE`` values, each naming a variable of ``query`` (a usage error if not).

    >>> read_bindings("who-cites-article", ["law=社会保险法", "article=87"])
    {'law': '社会保险法', 'article': 87}
    """
    binds = list(binds)
    if not binds:
        return {}
    try:
        text = load_query(query)
    except QueryError:
        text = ""  # a missing .rq file: run_query says so, as a data error
    variables = set(_VARIABLES.findall(text))
    out: dict[str, BindingValue] = {}
    for bind in binds:
        try:
            name, value = parse_binding(bind)
        except QueryError as exc:
            usage_error(str(exc), "--bind")
        if text and name not in variables:
            named = f"query {query}" if bundled_text(query) is not None else "the query"
            usage_error(
                f"{bind!r}: {named} has no variable ?{name}{did_you_mean(name, sorted(variables))}",
                "--bind",
            )
        out[name] = value
    return out
