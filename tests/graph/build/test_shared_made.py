"""The shared-graph lines of a cited provision (its law, the law's issuer, its chapters, the
article) are made once per process and given to every list that cites it
(``graph.build.citations.MADE``): a list's lines, its report and the store are the same whether a
list before it made them or not."""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox
import pytest

from graph.build.build import build_graph, list_quads
from graph.build.citations import MADE
from tests.graph.handmade import citations_a, citations_b, list_a, list_b


@pytest.fixture(autouse=True)
def forgotten() -> Iterator[None]:
    MADE.registry, MADE.made = None, {}
    yield
    MADE.registry, MADE.made = None, {}


def shared(quads: list[ox.Quad]) -> set[str]:
    return {str(q) for q in quads if "graph/shared" in str(q.graph_name)}


def test_a_list_after_another_citing_the_same_article_has_the_lines_it_has_alone() -> None:
    alone, alone_report = list_quads(list_b(), citations_b())
    MADE.registry, MADE.made = None, {}
    list_quads(list_a(), citations_a())  # cites 社会保险法 art. 87 too, made first here
    made = dict(MADE.made)
    after, after_report = list_quads(list_b(), citations_b())
    assert sorted(map(str, after)) == sorted(map(str, alone))
    assert after_report == alone_report
    assert any("第87条" in line or "/art_87" in line for line in shared(after))
    reused = [key for key in made if key in MADE.made and MADE.made[key] is made[key]]
    assert any(key[1][0] == "中华人民共和国社会保险法" for key in reused), made.keys()


def test_the_store_is_the_same_built_with_the_lines_made_before() -> None:
    first = ox.Store()
    build_graph([list_a(), list_b()], first, citations=citations_a() + citations_b())
    again = ox.Store()  # every provision's lines now made: given again from MADE
    build_graph([list_a(), list_b()], again, citations=citations_a() + citations_b())
    assert sorted(map(str, again)) == sorted(map(str, first))


def test_lines_made_with_another_base_are_not_given() -> None:
    list_quads(list_a(), citations_a())
    other, _ = list_quads(list_b(), citations_b(), base="https://example.org/id/")
    assert all("w3id.org/quanze/id/" not in line for line in shared(other))
