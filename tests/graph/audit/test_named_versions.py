"""The version a citation names by the amending decision it cites the law through, and a citation
written without its title continuing the one before it: read from a real store, with the official
text of 营业性演出管理条例 (whose history names the decisions that amended it) imported."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph.audit.audit import audit_store
from graph.audit.gather import gather
from graph.audit.models import Finding
from graph.store.open import open_store
from tests.graph.audit.conftest import invoke
from tests.shared import shared_path

TEXT = "行政法规/营业性演出管理条例(2020-11-29).md"
DECISION = "《国务院关于修改〈营业性演出管理条例〉的决定》"
#: Quotes of the text the 2008 decision gave (the 2020 text reads otherwise at 第十六条).
QUOTE_1 = (
    "举办外国的文艺表演团体、个人参加的营业性演出，演出举办单位应当向国务院文化主管部门提出申请。"
)
QUOTE_2 = "举办香港特别行政区、澳门特别行政区的文艺表演团体参加的营业性演出，应当提出申请。"
ROWS = (
    # the version named by its decision, and a second paragraph written without the title
    ("1", "涉外营业性演出审批", "行政许可",
     f"{DECISION}（国务院令第528号）第十六条第一款：{QUOTE_1}第十六条第二款：{QUOTE_2}"),
    # the version named by a note, then a citation without the title
    ("2", "营业性演出审批", "行政许可",
     f"《营业性演出管理条例》（2008年修订）第十六条：{QUOTE_1}第十六条第二款：{QUOTE_2}"),
    # a decision the law's history does not name
    ("3", "演出场所审批", "行政许可",
     "《国务院关于废止和修改〈营业性演出管理条例〉的决定》第十三条：举办营业性演出。"),
    # the law's title written again, without a note: it names no version
    ("4", "演出审批", "行政许可",
     f"{DECISION}第十六条第一款：{QUOTE_1}《营业性演出管理条例》第十六条第二款：{QUOTE_2}"),
)  # fmt: skip


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = shared_path("lawtexts")
    texts = tmp_path_factory.mktemp("texts")
    for name in ("db.sqlite3", TEXT):
        (texts / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / name, texts / name)
    listed = tmp_path_factory.mktemp("lists") / "culture.md"
    lines = [
        "某省文化厅行政权力清单",
        "日期:2012-03-01",
        "",
        "| 序号 | 事项名称 | 事项类型 | 设定依据 |",
    ]
    lines += ["|---|---|---|---|"] + ["| " + " | ".join(r) + " |" for r in ROWS]
    listed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = tmp_path_factory.mktemp("named") / "store"
    invoke("build", listed, "--store", store)
    invoke("laws", "import", texts, "--store", store)
    return store


@pytest.fixture(scope="module")
def findings(store_path: Path) -> list[Finding]:
    return audit_store(open_store(store_path, read_only=True)).findings


def _of(findings: list[Finding], row: str, kind: str) -> list[Finding]:
    return [f for f in findings if f.row == row and f.kind == kind]


def test_a_citation_without_its_title_continues_the_one_before_it(store_path: Path) -> None:
    cited = {(c.row, c.text): c for c in gather(open_store(store_path, read_only=True))}
    first = cited[("1", f"{DECISION}（国务院令第528号）第十六条第一款")]
    second = cited[("1", "第十六条第二款")]
    assert first.via == first.named_via == "国务院关于修改〈营业性演出管理条例〉的决定"
    assert second.via is None and second.named_via == first.via
    assert cited[("2", "第十六条第二款")].named_note == "2008年修订"
    # a title written again starts afresh: no decision, no note
    again = next(c for (row, text), c in cited.items() if row == "4" and text.startswith("《营业"))
    assert again.named_via is None and again.named_note is None


def test_a_quote_finding_names_the_version_the_decision_made(findings: list[Finding]) -> None:
    differ = _of(findings, "1", "quote-differs")
    assert [f.paragraph for f in differ] == [1, 2]
    for f in differ:
        assert f.message.endswith(
            "; the citation names the version of 2008-07-22, made by "
            "国务院关于修改〈营业性演出管理条例〉的决定"
        ), f.message
    # by a note's year, the paragraph written without the title included
    noted = _of(findings, "2", "quote-differs")
    assert len(noted) == 2
    assert all(f.message.endswith("names the version of 2008 (2008年修订)") for f in noted)
    # the title written again names no version
    (first, again) = _of(findings, "4", "quote-differs")
    assert "2008-07-22" in first.message and "names the version" not in again.message


def test_a_decision_the_history_does_not_name_is_an_unknown_version(
    findings: list[Finding],
) -> None:
    (found,) = _of(findings, "3", "unknown-version")
    assert "history names no decision" in found.message
    assert "2008-07-22 国务院关于修改〈营业性演出管理条例〉的决定" in found.message
    assert not _of(findings, "1", "unknown-version") and not _of(findings, "2", "unknown-version")
