"""The grammar's word lists (extractors/data/grammar.json): the file holds to its schema; every
list's examples are read the way its note says, through what the readers build from it, and its
counterexamples are not; and the lists that must agree do, through both backends."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest

from extractors import get_citations
from extractors.citing.cell import BACKENDS, Backend, read_cell
from extractors.citing.grammar.anchors import TOKEN
from extractors.citing.grammar.chains import (
    CHAIN_RUN,
    CHAIN_TRAIL,
    _chain_of,
    _read_chain,
    parse_chain,
)
from extractors.citing.grammar.context import (
    is_kind,
    may_refer_before,
    new_reference_in,
    noun_use_at,
    quotes_title,
    same_unit_before,
    self_reference_before,
)
from extractors.citing.grammar.docnums import find_doc_number, normalise_doc_number
from extractors.citing.grammar.notes import read_head
from extractors.citing.grammar.unmarked import (
    implementing_around,
    may_stand_alone,
    reads_as_prose,
    strip_verbs,
)
from extractors.citing.lawdb import title_key
from extractors.citing.plain import is_issuing_notice
from extractors.citing.resolve import (
    STATE_NAME,
    amended_by,
    clean_title,
    ends_like_instrument,
    is_carrier,
    is_form,
    is_standard,
    is_version_note,
    own_place_namesakes,
    resolve_title,
    unchecked,
)
from extractors.citing.words import TITLE_END_CHARS, load_grammar, tags_of, words

GRAMMAR = load_grammar()
LISTS: dict[str, dict[str, object]] = GRAMMAR["lists"]
SCHEMA = json.loads(files("extractors").joinpath("data/grammar.schema.json").read_text("utf-8"))


def _national(title: str) -> bool:
    return resolve_title(title)[0].law.startswith(STATE_NAME)


def _kept(title: str) -> bool:
    """The title resolves to itself: not made a national law's full title."""
    return resolve_title(title)[0].law == title


def _chain_of_several(text: str) -> bool:
    chain = parse_chain(text, 0)
    return chain is not None and len(chain.provisions) > 1


def _any_kind(text: str) -> bool:
    found = self_reference_before(text, len(text))
    return found is not None and found[1] is None


def _implementing(text: str) -> bool:
    """The marked title in ``text`` is the inner one of an unmarked implementing title."""
    return implementing_around(text, text.index("《"), text.index("》") + 1) is not None


def _joins(join: str) -> bool:
    return [c.article for c in get_citations(f"《社会保险法》{join}第八十七条")][:1] == [87]


#: How each list is read: what the readers build from it, applied to an example.
CHECKS: dict[str, Callable[[str], bool]] = {
    "instrument_endings": ends_like_instrument,
    "implementing_names": _national,
    "implementing_leads": _implementing,
    "draft_marks": lambda t: "a draft" in unchecked(clean_title(t), None, None),
    "trial_marks": lambda t: read_head(t, 0).glued != "",
    "form_endings": is_form,
    "standard_endings": is_standard,
    "own_place_leads": lambda t: own_place_namesakes(t) is not None,
    "carrier_verbs": is_carrier,
    "amending_verbs": lambda t: amended_by(clean_title(t)) is not None,
    "list_bodies": lambda t: [c.point for c in get_citations(f"《{t}》第3项")] == [3],
    "carrier_nouns": is_carrier,
    "interpreting_nouns": lambda t: (
        [(c.article, c.kind) for c in get_citations(t)] == [(None, "law-level")]
    ),
    "issuing_verbs": is_issuing_notice,
    "measure_words": is_carrier,
    "organ_endings": lambda t: " " in clean_title(t),
    "state_name": _national,
    "state_informal": lambda t: any(
        "inside the title marks" in w for w in resolve_title(t)[0].warnings
    ),
    "national_prefixes": _kept,
    "not_law_words": _kept,
    "provinces": _kept,
    "local_units": _kept,
    "amendment_words": is_version_note,
    "repealed_notes": lambda t: read_head(t, 0).repealed is not None,
    "enactment_leads": is_version_note,
    "lead_verbs": lambda t: strip_verbs(t)[1] > 0,
    "separators": _chain_of_several,
    "generic_words": lambda t: reads_as_prose(title_key(t)),
    "generic_starts": lambda t: reads_as_prose(title_key(t)),
    "sentence_starts": lambda t: reads_as_prose(title_key(t)),
    "self_determiners": lambda t: self_reference_before(t, len(t)) is not None,
    "kind_words": _any_kind,
    "back_alone": _any_kind,
    "preceding_units": lambda t: same_unit_before(f"{t}第一项", len(t)) is not None,
    "field_labels": lambda t: new_reference_in(f" {t}", 0, len(t)) == 0,
    "guiding_words": lambda t: quotes_title(t, 0),
    "noun_uses": lambda t: noun_use_at(t, 0),
    "levels": lambda t: parse_chain(t, 0) is not None,
    "join_words": _joins,
    "alias_leads": lambda t: read_head(t, 0).alias is not None,
    "document_kinds": lambda t: find_doc_number(t) is not None,
    "document_number_leads": lambda t: normalise_doc_number(t)[0] != t[0],
    "annex_words": lambda t: read_head(t, 0).annex,
    "ordinal_typos": lambda t: any(c.article for c in get_citations(t)),
    "level_typos": lambda t: any("typed for" in w for c in get_citations(t) for w in c.warnings),
    "division_names": lambda t: (
        [(c.law, c.article) for c in get_citations(f"行政许可法{t}第十二条")]
        == [("中华人民共和国行政许可法", 12)]
    ),
    "group_nouns": lambda t: any(
        "no title names" in w for c in get_citations(t) for w in c.warnings
    ),
}


def canonical(value: object, indent: int = 0) -> str:
    """``value`` written the way grammar.json is: one key a line, a list on one line when it fits
    in 100 columns and wrapped to the width otherwise."""
    pad = "  " * indent
    if isinstance(value, dict):
        items = [f"{pad}  {json.dumps(k, ensure_ascii=False)}: {canonical(v, indent + 1)}"
                 for k, v in value.items()]  # fmt: skip
        return "{\n" + ",\n".join(items) + "\n" + pad + "}" if items else "{}"
    if isinstance(value, list):
        flat = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
        if len(flat) + len(pad) < 100:
            return flat
        lines, line = [], ""
        for item in value:
            written = json.dumps(item, ensure_ascii=False)
            if line and len(pad) + len(line) + len(written) + 4 > 100:
                lines.append(line.rstrip(", "))
                line = ""
            line += written + ", "
        lines.append(line.rstrip(", "))
        return "[\n" + ",\n".join(pad + "  " + x for x in lines) + "\n" + pad + "]"
    return json.dumps(value, ensure_ascii=False)


def test_the_grammar_file_is_formatted() -> None:
    """FIX_JSON=1 rewrites it formatted (as reporters-db does its data files)."""
    path = Path(str(files("extractors").joinpath("data/grammar.json")))
    written = canonical(GRAMMAR) + "\n"
    if os.environ.get("FIX_JSON") == "1":
        path.write_text(written, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == written, "run with FIX_JSON=1 to format it"


def test_the_grammar_file_holds_to_its_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.validate(GRAMMAR, SCHEMA)


@pytest.mark.parametrize("name", sorted(LISTS))
def test_every_tag_is_declared_and_used(name: str) -> None:
    spec = LISTS[name]
    found = spec["words"]
    if isinstance(found, dict):
        used = {tag for tags in found.values() for tag in tags}
        assert used == set(spec["tags"]), f"{name}: tags used {used}, declared {spec['tags']}"  # type: ignore[call-overload]


def test_every_list_is_checked() -> None:
    assert set(CHECKS) == set(LISTS)


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        pytest.param(name, text, expected, id=f"{name}-{'yes' if expected else 'no'}-{text}")
        for name, spec in LISTS.items()
        for key, expected in (("examples", True), ("counterexamples", False))
        for text in spec[key]  # type: ignore[attr-defined]
    ],
)
def test_example(name: str, text: str, expected: bool) -> None:
    assert CHECKS[name](text) is expected


# --- the lists that must agree ---------------------------------------------------------------

ENDINGS = words("instrument_endings")


@pytest.mark.parametrize("ending", ENDINGS)
def test_every_ending_is_looked_for_before_a_provision(ending: str) -> None:
    assert ending[-1] in TITLE_END_CHARS
    assert may_refer_before(f"某{ending}第三条", len(ending) + 1)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("trial", ["", "（试行）"])
@pytest.mark.parametrize("ending", ENDINGS)
def test_every_ending_makes_an_unmarked_title_before_a_provision(
    ending: str, trial: str, backend: Backend
) -> None:
    title = f"重庆市城乡居民医疗救助{ending}{trial}"
    found = [(c.law, c.article, c.kind) for c in read_cell(f"依据{title}第三条", backend)]
    assert found == [(title, 3, "unmarked")]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("ending", words("instrument_endings", "line"))
def test_every_line_ending_heads_the_articles_under_it(ending: str, backend: Backend) -> None:
    title = f"重庆市人民政府关于社会保险工作的{ending}"
    text = f"{title}\n第三条 用人单位应当"
    assert may_stand_alone(text)
    found = [(c.law, c.article, c.kind) for c in read_cell(text, backend)]
    assert found == [(title, 3, "unmarked")]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "noun", [*words("instrument_endings", "self"), *words("implementing_names", "self")]
)
def test_every_self_noun_refers_back_to_its_kind(noun: str, backend: Backend) -> None:
    title = f"重庆市社会保险{noun}"
    found = [
        (c.law, c.article, c.kind) for c in read_cell(f"《{title}》第一条；本{noun}第三条", backend)
    ]
    assert found == [(title, 1, "explicit"), (title, 3, "continuation")]
    assert is_kind(title + "（试行）", noun)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("verb", words("carrier_verbs"))
def test_every_carrier_verb_is_read_by_both_carrier_readers(verb: str, backend: Backend) -> None:
    assert is_carrier(f"关于{verb}〈甲市医疗救助办法〉的通知")
    text = f"甲市人民政府{verb}市民政局关于《甲市医疗救助办法》的通知，第三条。"
    (found,) = read_cell(text, backend)
    assert (found.law, found.article, found.kind) == ("甲市医疗救助办法", 3, "unmarked")
    assert found.via == f"甲市人民政府{verb}市民政局关于〈甲市医疗救助办法〉的通知"


@pytest.mark.parametrize("trial", words("trial_marks"))
def test_every_trial_mark_is_read_wherever_a_title_may_end(trial: str) -> None:
    title = f"甲市医疗救助办法（{trial}）"
    assert ends_like_instrument(title)
    assert read_head(f"（{trial}）", 0).glued == f"（{trial}）"
    assert may_stand_alone(f"甲市医疗救助办法({trial})")
    assert is_kind(title, "办法")


@pytest.mark.parametrize("separator", words("separators"))
def test_every_separator_is_read_alike_by_the_fast_and_the_general_chain_readers(
    separator: str,
) -> None:
    for written in (f"第十条{separator}第十二条", f"第10{separator}12条"):
        run = CHAIN_RUN.match(written)
        assert run is not None and run.group() == written
        assert _chain_of(written) == _read_chain(written, 0, need_di=True), written
    assert all(c in CHAIN_TRAIL for c in separator)


@pytest.mark.parametrize("level", words("levels"))
def test_every_level_word_is_scanned_and_read(level: str) -> None:
    # a subitem (目) is read only under an item
    written = ("第一项" if tags_of("levels")[level] == ("subitem",) else "") + f"第三{level}"
    assert [m.group() for m in TOKEN.finditer(written)] == [written]
    assert parse_chain(written, 0) == parse_chain(written, 0, fast=False) is not None
