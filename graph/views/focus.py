"""Resolves what a view is about (an article, a law, a power item, an authority) to a store IRI.

References are free text read as ``quanze cites`` reads them (``社会保险法第八十七条``,
``《中华人民共和国社会保险法》第87条``); items are ``SOURCE#ROW`` or an IRI; authorities a name.
Values reach SPARQL only as bindings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

import pyoxigraph as ox

from extractors.models import Citation
from graph.errors import UnknownReferenceError
from graph.iri import Locator, Step, provision_steps, segment, unsegment
from graph.store.cites import law_in_store, parse_reference
from graph.store.query import run_query

_SHOWN_OPTIONS = 12  # how many valid options an error message lists


class UnknownFocusError(UnknownReferenceError):
    """A view focus (article, law, item or authority) that the store does not hold."""


@dataclass(frozen=True, slots=True)
class Focus:
    """The IRI a view centres on, its kind, and how the reference was read (for the page title)."""

    iri: str
    kind: str  # "article", "law", "item" or "authority"
    reading: str


def _text(term: object) -> str:
    return term.value if isinstance(term, ox.NamedNode | ox.Literal) else ""


def _options(values: list[str]) -> str:
    shown = ", ".join(values[:_SHOWN_OPTIONS])
    more = len(values) - _SHOWN_OPTIONS
    return shown + (f" … ({more} more)" if more > 0 else "")


def _cited_law(store: ox.Store, ref: str) -> Citation:
    """The first law or provision ``ref`` names, read as ``quanze cites`` reads it."""
    try:
        return parse_reference(ref, lambda title: law_in_store(store, title))[0]
    except UnknownReferenceError as exc:
        raise UnknownFocusError(str(exc)) from exc


def _law_iri(store: ox.Store, title: str, ref: str) -> str:
    rows = run_query(store, "view-laws", {"title": title}).rows
    if not rows:
        known = sorted({_text(r.get("title")) for r in run_query(store, "view-laws").rows})
        near = [t for t in known if title[-4:] in t] or known
        raise UnknownFocusError(
            f"{ref!r} reads as 《{title}》, which no power item in the store cites; "
            f"cited laws include: {_options(near)}"
        )
    return _text(rows[0]["law"])


def resolve_law(store: ox.Store, ref: str) -> Focus:
    """The law ``ref`` names (an article in ``ref`` is ignored).

    Raises UnknownFocusError when ``ref`` names no law or no item in the store cites it.
    """
    citation = _cited_law(store, ref)
    assert citation.law is not None
    return Focus(_law_iri(store, citation.law, ref), "law", f"《{citation.law}》")


def resolve_article(store: ox.Store, ref: str) -> Focus:
    """The provision ``ref`` names (an article, or a paragraph or item of one).

    Raises UnknownFocusError when ``ref`` names no provision or no item in the store cites it
    (or a part of it).
    """
    citation = _cited_law(store, ref)
    assert citation.law is not None
    steps = provision_steps(Locator.of(citation))
    if not steps:
        raise UnknownFocusError(
            f"{ref!r} names the whole of 《{citation.law}》 and no article; "
            "ask for a law view instead (--law)"
        )
    law = _law_iri(store, citation.law, ref)
    iri = "/".join([law, *(step.token for step in steps)])
    if not run_query(store, "view-provisions", {"provision": ox.NamedNode(iri)}).rows:
        cited = run_query(store, "view-cited-under", {"target": ox.NamedNode(law)}).rows
        provisions = sorted({_text(r["provision"]).removeprefix(law + "/") for r in cited} - {law})
        known = (
            f"cited provisions of that law: {_options(provisions)}"
            if provisions
            else "the law is only cited as a whole (ask for a law view, --law)"
        )
        raise UnknownFocusError(
            f"no power item in the store cites {ref!r} (read as 《{citation.law}》"
            f"{_steps_label(steps)}); {known}"
        )
    return Focus(iri, "article", f"《{citation.law}》{_steps_label(steps)}")


def _steps_label(steps: list[Step]) -> str:
    """第87条第2款第4项 for the steps art_87/para_2/point_4.

    >>> _steps_label(provision_steps(Locator(article=87, paragraph=2)))
    '第87条第2款'
    """
    marks = {"article": "条", "paragraph": "款", "point": "项"}
    return "".join(f"第{s.number}{marks.get(s.kind, '')}" for s in steps)


def resolve_item(store: ox.Store, ref: str) -> Focus:
    """The power item ``ref`` names: ``SOURCE#ROW`` (``001_6c98652daac37f2e.txt#4268``; the
    source may be given with or without directory or extension) or the item's IRI.
    """
    if ref.startswith(("http://", "https://")):
        iri = ref
    else:
        source, sep, key = ref.rpartition("#")
        if not sep or not source.strip() or not key.strip():
            raise UnknownFocusError(
                f"{ref!r} is not an item reference; write SOURCE#ROW, "
                "e.g. 001_6c98652daac37f2e.txt#4268, or give the item's IRI"
            )
        wanted = PurePath(source.strip().replace("\\", "/"))
        lists = run_query(store, "view-lists").rows
        matches = [
            _text(r["list"])
            for r in lists
            if PurePath(_text(r["source"]).replace("\\", "/")).name == wanted.name
            or PurePath(_text(r["source"]).replace("\\", "/")).stem == wanted.name
        ]
        if not matches:
            sources = [PurePath(_text(r["source"])).name for r in lists]
            raise UnknownFocusError(
                f"no list in the store was read from {source!r}; lists: {_options(sources)}"
            )
        iri = f"{matches[0]}/item/{segment(key)}"
    if not run_query(store, "view-items", {"powerItem": ox.NamedNode(iri)}).rows:
        raise UnknownFocusError(f"no power item {ref!r} in the store (looked for <{iri}>)")
    return Focus(iri, "item", ref)


def resolve_authority(store: ox.Store, name: str) -> Focus:
    """The authority (org:Organization) named ``name`` (``达孜区医保局``; a relative name such as
    ``县医保局`` also matches by its full name ``巫溪县医保局``), or given by its IRI.

    Raises UnknownFocusError when no authority has that name, or several do (naming them).
    """
    wanted = name.strip()
    if wanted.startswith(("http://", "https://")):
        if not run_query(store, "view-authorities", {"org": ox.NamedNode(wanted)}).rows:
            raise UnknownFocusError(f"no authority <{wanted}> exercises a power item in the store")
        label = unsegment(wanted.rstrip("/").rsplit("/", 1)[-1])
        return Focus(wanted, "authority", label)
    orgs = sorted(
        {_text(r["org"]) for r in run_query(store, "view-authority-named", {"name": wanted}).rows}
    )
    if len(orgs) == 1:
        return Focus(orgs[0], "authority", wanted)
    if orgs:
        raise UnknownFocusError(
            f"{len(orgs)} authorities are named {wanted!r}; give one by its full name or IRI: "
            f"{_options(orgs)}"
        )
    known = sorted({_text(r.get("orgName")) for r in run_query(store, "view-authorities").rows})
    near = [k for k in known if wanted and (wanted in k or k in wanted)] or known
    raise UnknownFocusError(
        f"no authority named {wanted!r} exercises a power item in the store; "
        f"authorities: {_options(near)}"
    )
