"""Citation.fast builds the same frozen Citation as the dataclass constructor."""

from __future__ import annotations

import dataclasses

import pytest

from extractors.models import Citation, _CitationDraft

FIELDS = [f.name for f in dataclasses.fields(Citation)]
EVERY_FIELD = Citation(
    "《社会保险法》第九十二条第一款第（二）项",
    3,
    23,
    "中华人民共和国社会保险法",
    "abbreviation",
    chapter=2,
    article=92,
    article_suffix=1,
    paragraph=1,
    item=2,
    point=18,
    version="2018修正",
    doc_number="国务院令第709号",
    via="关于印发〈X〉的通知",
    rank="法律",
    law_id="shehui-baoxian-fa",
    warnings=("range 5–3 not expanded",),
    part=1,
    section=3,
    subitem=4,
)


@pytest.mark.parametrize(
    "citation",
    [
        pytest.param(Citation("第八十七条", 0, 5, None, "unresolved", article=87), id="unresolved"),
        pytest.param(EVERY_FIELD, id="every-field-set"),
    ],
)
def test_fast_equals_init(citation: Citation) -> None:
    built = Citation.fast(*(getattr(citation, name) for name in FIELDS))
    assert type(built) is Citation
    assert built == citation and hash(built) == hash(citation) and repr(built) == repr(citation)
    assert built.to_json() == citation.to_json()
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.article = 1  # type: ignore[misc]


def test_draft_has_the_citation_layout() -> None:
    assert _CitationDraft.__slots__ == Citation.__slots__ == tuple(FIELDS)
