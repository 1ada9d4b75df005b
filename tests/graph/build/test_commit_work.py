"""What the commit does once per build rather than once per item or list: it names each list's
authorities once per set of them (``derived.Collector.facts``: a 300-item list's articles asked
for the names of its one department some 320 times), and it makes the articles' spread over
departments and regions once (``derived.spread``, for their numbering and their quads), while
the derived graph stays what the store says (``tests/graph/build/test_derived.py``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

import pyoxigraph as ox
import pytest

from graph.build import derived
from graph.build.build import build_cited
from tests.graph.build.test_derived import kept, live


def test_the_commit_names_a_set_of_authorities_once_a_list_and_spreads_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bench.synthetic import Generator

    asked: Counter[str] = Counter()
    names, spread = derived._Labels.names, derived.spread

    def named(self: derived._Labels, org: str) -> set[derived.Term]:
        asked[org] += 1
        return names(self, org)

    def spreading(reach: Mapping[derived.Key, list[int]]) -> dict[derived.Term, derived.Spread]:
        asked["spread"] += 1
        return spread(reach)

    monkeypatch.setattr(derived._Labels, "names", named)
    monkeypatch.setattr(derived, "spread", spreading)
    store = ox.Store()
    lists = list(Generator(600).generate())
    build_cited(lists, store)
    assert asked.pop("spread") == 1
    # each authority is named at most once for each list (a list's items share its authorities)
    assert asked and max(asked.values()) <= len(lists)
    monkeypatch.undo()
    assert kept(store) == live(store)
