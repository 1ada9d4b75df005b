"""The shipped generated registry (``extractors/data/catalogue.json``) against its sources: each
entry's title and article counts re-read from the official file it names, and the whole file
equal to what ``quanze laws registry`` generates from ``../shared/lawtexts`` today."""

from __future__ import annotations

import json
import re
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from extractors.registry.generate import generate
from tests.shared import shared_path

# deliberately not the generator's pattern: any 第…条 or 第…条之… that opens a body line
_HEAD = re.compile(r"^第[^条\s]{1,8}条(?:之[^\s]{1,3})?[ \u3000]")


def _shipped() -> dict[str, Any]:
    path = resources.files("extractors").joinpath("data/catalogue.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _root_of(version_file: str, root: Path) -> Path:
    """Files of the national catalogue are relative to ``root``; provincial ones to DLC/<p>."""
    if (root / version_file).is_file():
        return root / version_file
    found = [
        p / version_file for p in sorted((root / "DLC").iterdir()) if (p / version_file).is_file()
    ]
    assert len(found) == 1, version_file
    return found[0]


def test_each_generated_entry_matches_its_source_files() -> None:
    root = shared_path("lawtexts")
    checked = 0
    for entry in _shipped()["laws"]:
        for version in entry["versions"]:
            count = 0
            for name in version["files"]:
                lines = _root_of(name, root).read_text(encoding="utf-8").split("\n")
                assert lines[0] == f"# {entry['title']}", name
                info = "<!-- INFO END -->"
                body = lines[lines.index(info) + 1 :] if info in lines else lines[1:]
                count += sum(1 for line in body if _HEAD.match(line))
            assert version["articles"] == count, (entry["title"], version["published"])
            assert (version["last_article"] == 0) == (count == 0), entry["title"]
            checked += 1
    assert checked >= 3300


def test_shipped_registry_follows_its_schema() -> None:
    schema = json.loads(
        resources.files("extractors").joinpath("data/catalogue.schema.json").read_text("utf-8")
    )
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(_shipped(), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"about": "x", "laws": [{"id": "x"}]}, schema)


def test_the_registry_holds_every_national_instrument_of_the_catalogue() -> None:
    laws = _shipped()["laws"]
    national = [e for e in laws if e["rank"] != "地方性法规"]
    versions = sum(len(e["versions"]) for e in national)
    # 1,508 national rows (less 52 court cases and one guide) are 1,420 instruments' versions
    assert len(national) >= 1400 and versions >= 1500
    assert Counter(e["rank"] for e in national)["法律"] >= 300
    assert all(v["articles"] >= 0 for e in laws for v in e["versions"])


def test_shipped_registry_is_what_the_catalogue_generates_today() -> None:
    generated = generate(shared_path("lawtexts"))
    # the only faults of the texts: two heads typed 第三十－条 and 第五十－条 (彭水…条例)
    assert [re.findall("第.{2,4}条", p)[-1] for p in generated.problems] == [
        "第三十－条",
        "第五十－条",
    ]
    assert generated.registry == _shipped()


@pytest.mark.parametrize(
    ("title", "alias", "articles"),
    [
        ("中华人民共和国行政处罚法", "行政处罚法", 86),
        ("中华人民共和国民法典", "民法典", 1260),
        ("中华人民共和国刑法", "刑法", None),
    ],
)
def test_known_instruments(title: str, alias: str, articles: int | None) -> None:
    entry = next(e for e in _shipped()["laws"] if e["title"] == title)
    assert alias in entry["aliases"]
    assert entry["id"] == title
    if articles is not None:
        assert entry["versions"][-1]["articles"] == articles
