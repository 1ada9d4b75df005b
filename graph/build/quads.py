"""The writing primitives of the build: the ontology's terms as plain strings, N-Triples literals,
and ``GraphLines``, the de-duplicated UTF-8 N-Quads lines of one named graph.

For speed the builder writes N-Quads lines as bytes (no per-triple Python objects), which
``graph.store.load`` hands to Oxigraph's parser as they are made.
"""

from __future__ import annotations

import re
from hashlib import blake2b
from typing import Any

import pyoxigraph as ox
from rdflib import DCTERMS as _DCTERMS
from rdflib import ORG as _ORG
from rdflib import RDF as _RDF
from rdflib import RDFS as _RDFS
from rdflib import SKOS as _SKOS

from ontology.namespace import ELI as _ELI
from ontology.namespace import OA as _OA
from ontology.namespace import QZ as _QZ
from ontology.namespace import QZSUB as _QZSUB

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
XSD = "http://www.w3.org/2001/XMLSchema#"


class Terms:
    """A closed namespace whose terms are read once as plain ``str`` (attribute lookups on an
    rdflib DefinedNamespace cost microseconds, and the build reads millions); typos still raise."""

    def __init__(self, namespace: Any) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:
        value = str(getattr(self._namespace, name))
        setattr(self, name, value)
        return value

    def __getitem__(self, name: str) -> str:
        return getattr(self, name)  # the cached attribute once read, not rdflib again


QZ, ELI, OA, QZSUB = Terms(_QZ), Terms(_ELI), Terms(_OA), Terms(_QZSUB)
RDF, RDFS, SKOS, ORG, DCTERMS = (
    Terms(_RDF),
    Terms(_RDFS),
    Terms(_SKOS),
    Terms(_ORG),
    Terms(_DCTERMS),
)


def date_literal(text: str) -> ox.Literal:
    """A typed literal for a list date: xsd:date, xsd:gYearMonth, xsd:gYear, else a plain string.

    >>> date_literal("2025年4月2日").value, date_literal("2023").datatype.value[-5:]
    ('2025-04-02', 'gYear')
    """
    text = text.strip()
    m = re.fullmatch(r"(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})\s*日?", text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return ox.Literal(f"{y:04d}-{mo:02d}-{d:02d}", datatype=_xsd("date"))
    m = re.fullmatch(r"(\d{4})\s*[-年./]\s*(\d{1,2})\s*月?", text)
    if m and 1 <= int(m.group(2)) <= 12:
        return ox.Literal(f"{m.group(1)}-{int(m.group(2)):02d}", datatype=_xsd("gYearMonth"))
    m = re.fullmatch(r"(\d{4})\s*年?", text)
    if m:
        return ox.Literal(m.group(1), datatype=_xsd("gYear"))
    return ox.Literal(text)


def _xsd(name: str) -> ox.NamedNode:
    # plain strings: rdflib's XSD namespace warns when pytest's doctest finder inspects it
    return ox.NamedNode(f"{XSD}{name}")


def quote(value: str) -> str:
    """``value`` as an N-Triples string literal (only ``\\ " LF CR`` need escaping)."""
    if "\\" in value or '"' in value or "\n" in value or "\r" in value:
        value = value.translate(_ESCAPES)
    return f'"{value}"'


def integer(value: int) -> str:
    return f'"{value}"^^<{XSD}integer>'


def boolean(value: bool) -> str:
    return f'"{"true" if value else "false"}"^^<{XSD}boolean>'


class GraphLines:
    """The quads of one named graph as UTF-8 N-Quads lines, de-duplicated, with helpers for the
    common shapes; subjects, predicates and IRIs are plain ``str`` IRIs, objects N-Triples terms.

    The lines are handed out in chunks (``take``), so a list of any size is never held whole: a
    200 k-item list is 11 M lines, some 3 GB as Python bytes. Lines written since the last take
    are kept once each in ``lines``; a line that may come back after a take (a clause concept
    shared by items, an item's shortcut to a provision its citations name again) is written with
    ``link_once`` or ``text_once``, which remember it as a 16-byte digest (no two lines share one
    in practice). Every other line is about one item or one citation, which the build writes
    whole between two takes, so it cannot come back.

    Lines are bytes, made from parts encoded once where they repeat: the graph name ends every
    line, a node's facts are written one after another (so its subject is encoded once), and
    predicates come from a small vocabulary. A store reads UTF-8, so nothing is encoded twice and
    a list's lines join into a document without a copy into a wider string. The subject check is
    written out in each method: a shared helper costs a call per line, millions of times.

    >>> g = GraphLines("urn:g")
    >>> g.link("urn:s", "urn:p", "urn:o"); g.text("urn:s", "urn:q", '说"是"', "zh")
    >>> g.text("urn:s", "urn:q", ""); g.link("urn:s", "urn:p", "urn:o")  # nothing new
    >>> print(b"".join(g.take()).decode(), end="")
    <urn:s> <urn:p> <urn:o> <urn:g> .
    <urn:s> <urn:q> "说\\"是\\""@zh <urn:g> .
    >>> g.link("urn:s", "urn:p", "urn:o"); g.link_once("urn:c", "urn:p", "urn:o")
    >>> g.take(), g.count  # a line taken is forgotten, unless written once
    ([b'<urn:s> <urn:p> <urn:o> <urn:g> .\\n', b'<urn:c> <urn:p> <urn:o> <urn:g> .\\n'], 4)
    >>> g.link_once("urn:c", "urn:p", "urn:o"); g.take(), g.count
    ([], 4)
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self.lines: dict[bytes, None] = {}  # written since the last take
        self.taken = 0  # lines handed out by take
        self._once: set[bytes] = set()  # digests of the lines written once
        self._batch: set[bytes] = set()  # those of lines about one batch's items (``item_once``)
        self._suffix = f" <{name}> .\n".encode()
        self._subject = ""
        self._head = b""  # b"<subject> " of the subject last written

    def add(self, s: str, p: str, o: str) -> None:
        if s != self._subject:
            self._subject, self._head = s, f"<{s}> ".encode()
        self.lines[b"".join((self._head, _PREDICATES[p], o.encode(), self._suffix))] = None

    def link(self, s: str, p: str, o: str) -> None:
        if s != self._subject:
            self._subject, self._head = s, f"<{s}> ".encode()
        self.lines[b"".join((self._head, _PREDICATES[p], f"<{o}>".encode(), self._suffix))] = None

    def text(self, s: str, p: str, value: str | None, lang: str | None = None) -> None:
        if value is not None and value != "":
            if s != self._subject:
                self._subject, self._head = s, f"<{s}> ".encode()
            literal = (f"{quote(value)}@{lang}" if lang else quote(value)).encode()
            self.lines[b"".join((self._head, _PREDICATES[p], literal, self._suffix))] = None

    def tail(self, p: str, o: str) -> bytes:
        """A line's predicate, object (an N-Triples term) and graph, encoded once for the lines
        of many subjects that end the same way (``tails``)."""
        return b"".join((_PREDICATES[p], o.encode(), self._suffix))

    def tails(self, s: str, tails: tuple[bytes, ...]) -> None:
        """The lines of subject ``s`` ending with each of ``tails`` (``tail``), in order: what
        ``add`` writes with the same predicates and objects.

        >>> g = GraphLines("urn:g")
        >>> g.tails("urn:s", (g.tail("urn:p", "<urn:o>"),)); g.add("urn:s", "urn:p", "<urn:o>")
        >>> g.take()
        [b'<urn:s> <urn:p> <urn:o> <urn:g> .\\n']
        """
        if s != self._subject:
            self._subject, self._head = s, f"<{s}> ".encode()
        head, lines = self._head, self.lines
        for tail in tails:
            lines[head + tail] = None

    def link_once(self, s: str, p: str, o: str) -> None:
        """``link``, for a line that may come back after a take: written the first time only."""
        self._once_line(f"<{s}> ".encode() + b"".join((_PREDICATES[p], f"<{o}>".encode())))

    def text_once(self, s: str, p: str, value: str | None, lang: str | None = None) -> None:
        """``text``, for a line that may come back after a take: written the first time only."""
        if value is not None and value != "":
            literal = f"{quote(value)}@{lang}" if lang else quote(value)
            self._once_line(f"<{s}> ".encode() + _PREDICATES[p] + literal.encode())

    def item_once(self, s: str, p: str, o: str) -> bool:
        """``link_once`` for a line about one item (its shortcut to a provision, a clause resting
        on one): it can come back only while that item's batch is written, so it is remembered
        until ``next_batch``, not for the whole list. True when the line is written now (the
        first time).

        >>> g = GraphLines("urn:g")
        >>> g.item_once("urn:s", "urn:p", "urn:o"), g.item_once("urn:s", "urn:p", "urn:o")
        (True, False)
        """
        return self._once_line(
            f"<{s}> ".encode() + b"".join((_PREDICATES[p], f"<{o}>".encode())), True
        )

    def next_batch(self) -> None:
        """The items written so far are done with: forget their ``item_once`` lines."""
        self._batch.clear()

    def _once_line(self, head: bytes, item: bool = False) -> bool:
        line = head + self._suffix
        digest = blake2b(line, digest_size=16).digest()
        seen = self._batch if item else self._once
        if digest in seen:
            return False
        seen.add(digest)
        self.lines[line] = None
        return True

    def take(self) -> list[bytes]:
        """The lines written since the last take, in order; forgotten here."""
        lines = list(self.lines)
        self.lines = {}
        self.taken += len(lines)
        return lines

    @property
    def count(self) -> int:
        """The lines written, taken or not (each counted once)."""
        return self.taken + len(self.lines)


class _Predicates(dict[str, bytes]):
    """Predicate IRI → ``b"<iri> "``, encoded the first time it is asked for."""

    def __missing__(self, p: str) -> bytes:
        self[p] = f"<{p}> ".encode()
        return self[p]


#: Predicates as written in a line (``b"<iri> "``): the build uses a few dozen, millions of times.
_PREDICATES = _Predicates()
