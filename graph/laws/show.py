"""``quanze laws show REF --store DIR``: the official text of a provision written as free text
(read as ``quanze cites`` reads it), in the version in force today, on a given date, or a given
version."""

from __future__ import annotations

import datetime as dt
import re
import warnings
from dataclasses import dataclass

import pyoxigraph as ox

from extractors.models import Citation
from graph.build.citations import step_label
from graph.build.quads import QZ
from graph.errors import UnknownReferenceError
from graph.iri import Iris, Locator, law_key, provision_steps
from graph.laws.links import Expressions, TextVersion, choose, resolve
from graph.store.cites import (
    ReferenceWarning,
    ignored_message,
    law_in_store,
    read_reference,
    target_iri,
)
from graph.store.query import run_query
from graph.store.results import term_text

_VERSIONS = """
PREFIX qz: <https://w3id.org/quanze/ontology#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
SELECT ?law ?version ?date ?from ?title ?expired WHERE {
  ?version qz:lastArticle ?last ; eli:realizes ?law ; eli:title ?title .
  OPTIONAL { ?version eli:version_date ?date }
  OPTIONAL { ?version eli:first_date_entry_in_force ?from }
  OPTIONAL { ?version qz:expired ?expired }
}
"""


@dataclass(frozen=True, slots=True)
class Shown:
    """One provision's text: the instrument, the version shown and how it was chosen."""

    title: str
    provision: str  # 第87条第2款, or '' for the whole law
    version: str  # its date
    chosen: str  # "in force on 2024-05-01", or "as asked" (--version)
    expired: bool
    head: str | None  # an article's head as written
    text: str

    def render(self) -> str:
        """The text under a line naming the instrument, the provision and the version:
        ``《中华人民共和国立法法》第80条第2款 (version of 2015-03-15, in force on 2016-01-01;
        expired)``."""
        state = "; expired" if self.expired else ""
        body = f"{self.head} {self.text}" if self.head else self.text
        name = f"《{self.title}》{self.provision}"
        return f"{name} (version of {self.version or 'no date'}, {self.chosen}{state})\n{body}\n"


def _versions(store: ox.Store, law: str) -> list[tuple[TextVersion, str, bool]]:
    found = []
    for row in run_query(store, _VERSIONS, {"law": ox.NamedNode(law)}).rows:
        start, expired, date = row.get("from"), row.get("expired"), row.get("date")
        version = TextVersion.of(
            term_text(row["version"]),
            term_text(date) if date else None,
            term_text(start) if start else None,
        )
        found.append((version, term_text(row["title"]), term_text(expired) == "true"))
    return sorted(found, key=lambda f: (f[0].date, f[0].iri))


def _pick(
    versions: list[tuple[TextVersion, str, bool]], on: str | None, version: str | None, name: str
) -> tuple[TextVersion, str, bool, str]:
    """The version asked for: by ``version`` (a date, or a year as in 2018修正), else in force on
    ``on`` (today by default)."""
    if version is not None:
        year = re.match(r"\s*(\d{4})", version)
        matching = [v for v in versions if v[0].date == version.strip()] or [
            v for v in versions if year and v[0].date.startswith(year.group(1))
        ]
        if not matching:
            dates = ", ".join(v[0].date for v in versions)
            raise UnknownReferenceError(
                f"{name}: no version {version!r} in the store (it has {dates})"
            )
        text, title, expired = matching[-1]
        return text, title, expired, "as asked"
    day = on or dt.date.today().isoformat()
    chosen, how = choose([v[0] for v in versions], day)
    if how != "in-force" and on is None:  # none in force today that the store knows of
        _, title, expired = next(v for v in versions if v[0] is chosen)
        return chosen, title, expired, "the latest known"
    if how != "in-force":
        dated = [v[0].effective for v in versions if v[0].effective]
        earliest = f"the earliest in the store took effect on {min(dated)}" if dated else "undated"
        raise UnknownReferenceError(
            f"{name}: no version in force on {day} ({earliest}); --version names one"
        )
    _, title, expired = next(v for v in versions if v[0] is chosen)
    return chosen, title, expired, f"in force on {day}"


def show(
    store: ox.Store,
    ref: str,
    *,
    on: str | None = None,
    version: str | None = None,
    iris: Iris | None = None,
) -> list[Shown]:
    """The text of each provision REF names; raises UnknownReferenceError naming what is not
    in the store (the law, its version, the provision)."""
    iris = iris or Iris()
    citations, unread = read_reference(ref, lambda title: law_in_store(store, title))
    if unread:  # as quanze cites says it: one warning line, the rest is shown
        warnings.warn(ignored_message(ref, unread), ReferenceWarning, stacklevel=2)
    expressions = Expressions(store, iris)
    return [_one(store, c, on, version, iris, expressions) for c in citations]


def _one(
    store: ox.Store,
    c: Citation,
    on: str | None,
    version: str | None,
    iris: Iris,
    expressions: Expressions,
) -> Shown:
    law = iris.law(law_key(c))
    name = f"《{c.law}》"
    versions = _versions(store, law)
    if not versions:
        raise UnknownReferenceError(
            f"{name}: no text of it in the store (quanze laws import DIR --store DIR reads texts)"
        )
    chosen, title, expired, how = _pick(versions, on, version, name)
    loc = Locator.of(c)
    steps = provision_steps(loc)
    label = "".join(step_label(s, True) for s in steps)
    expression = resolve(target_iri(c, iris.base), law, chosen.iri, expressions)
    if expression is None:
        last = _value(store, chosen.iri, QZ.lastArticle)
        raise UnknownReferenceError(
            f"{name}{label}: not in the version of {chosen.date} (its last article is 第{last}条)"
        )
    if expression == chosen.iri:
        return Shown(title, "", chosen.date, how, expired, None, _whole(store, chosen.iri))
    return Shown(
        title,
        label,
        chosen.date,
        how,
        expired,
        _value(store, expression, QZ.head) or None,
        _value(store, expression, QZ.text),
    )


def _value(store: ox.Store, subject: str, predicate: str) -> str:
    for quad in store.quads_for_pattern(ox.NamedNode(subject), ox.NamedNode(predicate), None):
        return str(quad.object.value)  # type: ignore[union-attr]
    return ""


def _whole(store: ox.Store, version: str) -> str:
    """A whole version's text: its articles, each with its head, in order."""
    query = """
    PREFIX qz: <https://w3id.org/quanze/ontology#>
    SELECT ?v ?head ?text ?n WHERE { ?a qz:inVersion ?v ; qz:head ?head ; qz:text ?text ;
      qz:ordinal ?n } ORDER BY ?n
    """
    rows = run_query(store, query, {"v": ox.NamedNode(version)}).rows
    return "\n".join(f"{term_text(r['head'])} {term_text(r['text'])}" for r in rows)
