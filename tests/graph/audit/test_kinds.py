"""The audit's data file (graph/audit/data/kinds.json): every kind of the model is there with a
known severity, the issue's numbers 1–6 are all covered, and the liability heading words the
bundled kind-4 query repeats are the file's."""

from __future__ import annotations

import re
from typing import get_args

from graph.audit.kinds import is_liability_heading, kinds, liability_headings
from graph.audit.models import SEVERITIES, Kind
from graph.store.query import load_query


def test_every_kind_has_a_severity_label_and_advice() -> None:
    table = kinds()
    assert set(table) == set(get_args(Kind))
    assert {info.number for info in table.values()} == {1, 2, 3, 4, 5, 6}
    assert all(
        info.severity in SEVERITIES and info.label and info.advice for info in table.values()
    )


def test_the_kind_4_query_uses_the_heading_words_of_the_data_file() -> None:
    text = load_query("audit-outside-liability")
    blocks = re.findall(r"VALUES \?word \{([^}]*)\}", text)
    assert len(blocks) == 2
    for block in blocks:
        assert tuple(re.findall(r'"([^"]+)"', block)) == liability_headings()


def test_liability_headings_are_told_by_their_words() -> None:
    assert is_liability_heading("第七章 法律责任")
    assert is_liability_heading("第六章 罚则")
    assert not is_liability_heading("第五章 行政处罚的决定")
    assert not is_liability_heading(None)
