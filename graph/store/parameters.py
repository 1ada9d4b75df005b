"""The parameters a bundled query declares: which values it needs, and how a value is read.

A bundled query (``graph/store/queries/*.rq``) names its parameters in its header, one line each:

    # parameter: article article required: the article, e.g. 87, 八十七 or 第八十七条之一

with the variable, its kind and whether it must be bound. Asked without a required value, a query
would answer nothing and look like a true empty answer (``quanze query who-cites-article`` with no
``--bind`` printed an empty table and exit 0), so it is refused, naming what it needs. A value is
read by its kind before it is bound: an ``iri`` given as text becomes the IRI (a ``str`` bound as a
literal matches no node), an ``article`` written in Chinese numerals becomes the number the store
holds (``八十七`` → ``87``, ``第二十条之一`` → ``20之1``), ``text`` stays text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import pyoxigraph as ox

from graph.errors import QueryError

Kind = Literal["iri", "text", "article"]
_KINDS: tuple[Kind, ...] = ("iri", "text", "article")
_LINE = re.compile(r"#\s*parameter:\s*(\w+)\s+(\w+)\s+(required|optional)\s*:\s*(.*)")
_ARTICLE = re.compile(
    r"第?\s*([0-9０-９零〇一二两三四五六七八九十百千]+)\s*条?\s*(?:之\s*([0-9０-９一二三四五六七八九十]+))?"
)


@dataclass(frozen=True, slots=True)
class Parameter:
    """One declared parameter of a bundled query."""

    name: str
    kind: Kind
    required: bool
    help: str


def declared(text: str, query: str = "the query") -> tuple[Parameter, ...]:
    """The parameters declared in a query's header (its leading comment lines).

    >>> declared("# parameter: target iri required: a law or provision\\nSELECT …")
    (Parameter(name='target', kind='iri', required=True, help='a law or provision'),)
    """
    out = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = _LINE.match(line)
        if match is None:
            continue
        name, kind, need, help_text = match.groups()
        if kind not in _KINDS:
            raise QueryError(f"{query}: parameter ?{name} has unknown kind {kind!r}")
        out.append(Parameter(name, kind, need == "required", help_text.strip()))
    return tuple(out)


def article_number(written: str | int) -> str:
    """An article as the store numbers it (``eli:number``), from any way of writing it.

    >>> [article_number(x) for x in (87, "87", "八十七", "第八十七条", "第二十条之一", "20之1")]
    ['87', '87', '87', '87', '20之1', '20之1']
    """
    from extractors.citing.numerals import parse_numeral

    text = str(written).strip()
    match = _ARTICLE.fullmatch(text)
    number = parse_numeral(match.group(1)) if match else None
    suffix = parse_numeral(match.group(2)) if match and match.group(2) else None
    if number is None or (match and match.group(2) and suffix is None):
        raise QueryError(
            f"{text!r} is not an article number; "
            "write it like 87, 八十七, 第八十七条 or 第二十条之一"
        )
    return f"{number}之{suffix}" if suffix is not None else str(number)


Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
Bound = Term | tuple[Term, ...]


def read_values(
    query: str, parameters: tuple[Parameter, ...], terms: dict[str, Bound], *, require: bool = True
) -> dict[str, Bound]:
    """``terms`` read by the kinds ``parameters`` declare; QueryError when a value cannot be read
    as its kind, or (with ``require``) when a required one is missing, naming each with what it
    is. SPARQL text run as such may carry its values already (a VALUES block), so is not held to
    its declaration."""
    missing = [p for p in parameters if require and p.required and p.name not in terms]
    if missing:
        needs = "; ".join(f"?{p.name}: {p.help}" for p in missing)
        raise QueryError(f"{query} needs a value for each of its parameters ({needs})")
    out = dict(terms)
    for p in parameters:
        value = terms.get(p.name)
        if isinstance(value, tuple):
            out[p.name] = tuple(_read(query, p, term) for term in value)
        elif value is not None:
            out[p.name] = _read(query, p, value)
    return out


def _read(query: str, p: Parameter, value: Term) -> Term:
    if p.kind == "iri" and isinstance(value, ox.Literal):
        try:
            return ox.NamedNode(value.value)
        except ValueError as exc:
            raise QueryError(f"{query}: ?{p.name} must be an IRI ({p.help}): {exc}") from exc
    if p.kind == "article" and isinstance(value, ox.Literal):
        return ox.Literal(article_number(value.value))
    if p.kind == "text" and isinstance(value, ox.Literal):
        return ox.Literal(value.value)
    return value
