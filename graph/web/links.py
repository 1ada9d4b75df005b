"""The workbench's paths: a page's permalink, the page of an IRI of the store, and the reference
(as ``quanze cites`` reads it) that names a provision IRI, so that links read as the analyst
writes: ``/article?ref=《中华人民共和国社会保险法》第87条``."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pyoxigraph as ox

from graph.errors import UnknownReferenceError
from graph.iri import DEFAULT_BASE
from graph.store.query import run_query
from graph.store.results import result_rows

_STEP = re.compile(r"(art|para|point)_(\d+)(?:-(\d+))?")
_MARKS = {"art": "条", "para": "款", "point": "项"}


def provision_reference(law_title: str, provision_iri: str, law_iri: str) -> str | None:
    """The reference, as ``quanze cites`` reads it, for a provision IRI of a law; None for a
    law itself or a part the reference syntax cannot name (a chapter).

    >>> law = "https://w3id.org/quanze/id/law/shehui-baoxian-fa"
    >>> provision_reference("中华人民共和国社会保险法", law + "/art_87/para_2", law)
    '《中华人民共和国社会保险法》第87条第2款'
    >>> provision_reference("中华人民共和国行政处罚法", law + "/art_20-1", law)
    '《中华人民共和国行政处罚法》第20条之1'
    """
    tail = provision_iri.removeprefix(law_iri).strip("/")
    if not tail:
        return None
    out = []
    for step in tail.split("/"):
        match = _STEP.fullmatch(step)
        if match is None:
            return None
        kind, number, suffix = match.groups()
        out.append(f"第{number}{_MARKS[kind]}" + (f"之{suffix}" if suffix else ""))
    return f"《{law_title}》{''.join(out)}"


def path(page: str, **params: str) -> str:
    """The app path of a page with its parameters (the page's permalink).

    >>> path("article", ref="社会保险法第八十七条")
    '/article?ref=%E7%A4%BE%E4%BC%9A%E4%BF%9D%E9%99%A9%E6%B3%95%E7%AC%AC%E5%85%AB%E5%8D%81%E4%B8%83%E6%9D%A1'
    """
    kept = {k: v for k, v in params.items() if v}
    return f"/{page}" + (f"?{urlencode(kept)}" if kept else "")


def iri_path(iri: str, base: str = DEFAULT_BASE) -> str | None:
    """The workbench page of an IRI of the store: an item, a list, an authority, a law or one of
    its provisions; None for anything else (a citation, a clause, a concept).

    >>> iri_path("https://w3id.org/quanze/id/law/shehui-baoxian-fa/art_87")
    '/article?ref=https%3A%2F%2Fw3id.org%2Fquanze%2Fid%2Flaw%2Fshehui-baoxian-fa%2Fart_87'
    >>> iri_path("https://w3id.org/quanze/id/list/a/item/1/citation/basis/1") is None
    True
    """
    if not iri.startswith(base):
        return None
    parts = iri[len(base) :].split("/")
    if parts[0] == "list" and len(parts) == 2:
        return path("list", source=iri)
    if parts[0] == "list" and len(parts) == 4 and parts[2] == "item":
        return path("item", ref=iri)
    if parts[0] == "org" or (parts[0] == "list" and len(parts) == 4 and parts[2] == "org"):
        return path("authority", name=iri)
    if parts[0] == "law" and len(parts) == 2:
        return path("law", ref=iri)
    if parts[0] == "law" and all(_STEP.fullmatch(p) for p in parts[2:]):
        return path("article", ref=iri)
    return None


def written_reference(store: ox.Store, ref: str) -> str:
    """A reference as ``quanze cites`` reads it: ``ref`` itself, or for the IRI of a law or a
    provision, its title and numbers (《中华人民共和国社会保险法》第87条)."""
    if not ref.startswith(("http://", "https://")):
        return ref
    law_iri = law_iri_of(ref)
    found = result_rows(run_query(store, "view-laws", {"law": ox.NamedNode(law_iri)}))
    if not found:
        raise UnknownReferenceError(f"no law <{law_iri}> in the store")
    title = found[0]["title"]
    return provision_reference(title, ref, law_iri) or f"《{title}》"


def item_ref(item_iri: str, source: str) -> str:
    return f"{source}#{item_iri.rsplit('/item/', 1)[-1]}"


def law_iri_of(provision: str) -> str:
    return re.sub(r"/(?:chp|sec|part|art|para|point)_.*$", "", provision)
