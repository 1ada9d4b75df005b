"""Every entry of the readers' data files (header synonyms, vocabularies) does what its examples
say."""

from __future__ import annotations

import re

import pytest

from extractors.models import FIELD_KEYS
from extractors.reading import vocab
from extractors.reading.formats.superseded import superseded_field
from extractors.reading.headers import SUBITEM, load_headers, map_header, normalise_header

HEADER_FIELDS = load_headers()["fields"]
VOCAB = vocab.load_vocab()
PREDICATES = {
    "power_types": vocab.is_power_type,
    "levels": vocab.is_level,
    "not_places": vocab.is_no_place,
    "organisations": vocab.is_org_name,
    "time_limits": vocab.is_time_limit,
    "phones": vocab.is_phone,
    "codes": vocab.is_code,
    "citation_starts": vocab.starts_citation,
    "item_name_starts": vocab.starts_item_name,
    "serials": vocab.is_serial,
    "placeholders": vocab.is_placeholder,
    "page_chrome": vocab.is_page_chrome,
    "cell_starts": lambda text: vocab.cell_opening(text) is not None,
    "section_headings": vocab.is_section_heading,
    "sub_headers": vocab.is_sub_header,
    "list_titles": vocab.is_list_title,
    "item_name_ends": vocab.is_item_name_like,
    "table_notes": vocab.is_table_note,
    "compound_serials": vocab.is_compound_serial,
    "ditto_marks": vocab.is_ditto,
    "label_separators": vocab.is_label_separator,
    "article_ends": vocab.is_article_end,
    "page_keys": vocab.is_page_key,
    "superseded_headers": lambda text: superseded_field(text) is not None,
}


def test_header_keys_are_field_keys() -> None:
    assert set(HEADER_FIELDS) <= {*FIELD_KEYS, SUBITEM}
    assert all(spec["examples"] for spec in HEADER_FIELDS.values())


def test_header_synonyms_are_unambiguous() -> None:
    seen: dict[str, str] = {}
    for key, spec in HEADER_FIELDS.items():
        for synonym in spec["synonyms"]:
            assert seen.setdefault(normalise_header(synonym), key) == key, synonym


@pytest.mark.parametrize(
    ("key", "header"),
    [
        pytest.param(key, header, id=f"{key}-{header}")
        for key, spec in HEADER_FIELDS.items()
        for header in [*spec["examples"], *spec["synonyms"]]
    ],
)
def test_header_example_maps_to_its_key(key: str, header: str) -> None:
    assert map_header(header) == key


@pytest.mark.parametrize(
    "header",
    [
        pytest.param("服务电话", id="phone"),
        pytest.param("收费标准", id="fee"),
        pytest.param("事项来源", id="source-not-name"),
        pytest.param("", id="empty"),
    ],
)
def test_unknown_headers_map_to_none(header: str) -> None:
    assert map_header(header) is None


def test_every_vocabulary_is_checked() -> None:
    assert set(PREDICATES) == {k for k in VOCAB if k != "schema"}


@pytest.mark.parametrize(
    ("entry", "text", "expected"),
    [
        pytest.param(entry, text, expected, id=f"{entry}-{'yes' if expected else 'no'}-{text}")
        for entry, spec in VOCAB.items()
        if entry != "schema"
        for key, expected in (("examples", True), ("counterexamples", False))
        for text in spec[key]
    ],
)
def test_vocabulary_examples(entry: str, text: str, expected: bool) -> None:
    assert PREDICATES[entry](text) is expected


@pytest.mark.parametrize(
    "entry",
    [
        pytest.param(e, id=e)
        for e, spec in VOCAB.items()
        if isinstance(spec, dict) and "pattern" in spec
    ],
)
def test_vocabulary_patterns_compile(entry: str) -> None:
    re.compile(VOCAB[entry]["pattern"])
