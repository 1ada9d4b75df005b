"""The audit of a real store: the seeds with the official texts they cite, and a generated list
for the kinds the seeds do not hold. The command's output forms, the bundled queries that give
the same findings, the version chosen as the text links choose it, and the views' details."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from graph.app.cli import app
from graph.audit.audit import audit_store
from graph.audit.models import Audit, Finding
from graph.audit.texts import load_instruments
from graph.audit.versions import choose_version
from graph.store.open import open_store
from graph.store.pages import answer_pages
from graph.store.query import load_query, run_query, standard_form
from graph.store.results import term_text
from graph.views.write import build_view
from tests.graph.store.rows import comparable, normal

FORMER = Path(__file__).parents[1] / "store" / "former"

runner = CliRunner()
DAZI, WUXI = "000_814c7fb49acd7d24", "001_6c98652daac37f2e"


@pytest.fixture(scope="module")
def store(audited_store: Path) -> ox.Store:
    return open_store(audited_store, read_only=True)


@pytest.fixture(scope="module")
def audit(store: ox.Store) -> Audit:
    return audit_store(store)


def of(audit: Audit, list_id: str, kind: str | None = None) -> list[Finding]:
    return [f for f in audit.findings if f.list_id == list_id and kind in (None, f.kind)]


def test_the_seeds_findings_by_kind(audit: Audit) -> None:
    assert Counter(f.kind for f in of(audit, DAZI)) == {
        "article-moved": 4,
        "quote-differs": 4,
        "outside-liability": 4,
    }
    assert Counter(f.kind for f in of(audit, WUXI)) == {"outside-liability": 7}


def test_wuxi_accountability_basis_cites_the_procedure_of_the_2021_text(audit: Audit) -> None:
    # the example: 行政处罚法 第五十五条–第六十二条 for accountability; in the 2021 text
    # those are procedure, its 法律责任 chapter is 第七十六条 onward
    found = of(audit, WUXI, "outside-liability")
    numbers = ["五十五", "五十六", "五十八", "五十九", "六十", "六十一", "六十二"]
    assert [f.article for f in found] == [f"第{n}条" for n in numbers]
    assert {f.row for f in found} == {"1177"} and {f.field for f in found} == {
        "accountability_basis"
    }
    first = found[0]
    assert first.severity == "warning" and first.law == "中华人民共和国行政处罚法"
    assert "stands in 第五章 行政处罚的决定" in first.message
    assert "第七章 法律责任 (第七十六条–第八十三条" in first.message
    assert first.version == "2021-01-22 (in force on 2025-04-02)"
    assert first.official is not None and first.official.startswith("执法人员在调查或者进行检查时")


def test_dazi_quotes_the_old_numbering_of_the_civil_servants_law(audit: Audit) -> None:
    moved = {(f.row, f.law, f.article, f.other_article) for f in of(audit, DAZI, "article-moved")}
    assert moved == {
        ("2", "中华人民共和国公务员法", "第一百零四条", "第一百零八条"),
        ("3", "中华人民共和国公务员法", "第一百零四条", "第一百零八条"),
        ("4", "中华人民共和国公务员法", "第一百零四条", "第一百零八条"),
        ("3", "社会团体登记管理条例", "第三十七条", "第三十四条"),
    }
    one = of(audit, DAZI, "article-moved")[0]
    assert one.version == "2018-12-29 (latest known)"  # the list has no date
    assert one.quote is not None and one.quote.startswith("公务员主管部门的工作人员")


def test_dazi_quotes_a_regulation_as_if_it_were_a_law(audit: Audit) -> None:
    found = of(audit, DAZI, "quote-differs")
    assert {(f.row, f.article) for f in found} == {
        ("2", "第六十六条"), ("2", "第六十七条"), ("4", "第六十六条"), ("4", "第六十七条"),
    }  # fmt: skip
    for f in found:  # 违反本法规定 for the official 违反本办法规定
        assert [(p.written, p.official) for p in f.diff if p.op != "equal"] == [("", "办")]
        assert f.similarity is not None and 0.98 < f.similarity < 1


def test_generated_cases_show_the_other_kinds(audit: Audit) -> None:
    found = {(f.row, f.field, f.kind) for f in of(audit, "generated")}
    assert ("1", "basis", "beyond-last") in found  # 第九十条 of 86 articles
    assert ("3", "basis", "beyond-last") in found  # 第九条第七项: 第九条 has six items
    assert ("2", "basis", "expired") in found
    assert ("3", "basis", "unknown-version") in found  # 2014修正: no such version
    assert ("1", "accountability_basis", "amended-after-list") in found
    assert ("1", "accountability_basis", "outside-liability") not in found  # 第七十六条 is
    expired = next(f for f in of(audit, "generated", "expired"))
    assert expired.successor == "中华人民共和国契税法"
    items = next(f for f in of(audit, "generated", "beyond-last") if f.row == "3")
    assert items.message.startswith("中华人民共和国行政处罚法 第九条 has 6 item(s)")
    amended = next(f for f in of(audit, "generated", "amended-after-list") if f.row == "1")
    assert "2017-09-01" in amended.message and "2021-01-22" in amended.message


def test_the_version_checked_is_the_one_the_text_links_chose(store: ox.Store) -> None:
    rows = run_query(
        store,
        """PREFIX qz: <https://w3id.org/quanze/ontology#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?law ?issued ?text WHERE {
          ?c qz:citesText ?text ; qz:citesLaw ?law ; qz:citedBy/qz:inList ?list .
          OPTIONAL { ?list dcterms:issued ?issued } }""",
    ).rows
    assert rows
    instruments = load_instruments(store, {term_text(r["law"]) for r in rows})
    for r in rows:
        issued = term_text(r["issued"]) if "issued" in r else None
        chosen = choose_version(instruments[term_text(r["law"])], issued)
        assert chosen is not None
        assert term_text(r["text"]).startswith(chosen.expression.iri)


@pytest.mark.parametrize(
    ("query", "kinds"),
    [
        ("audit-beyond-last", {"beyond-last"}),
        ("audit-outside-liability", {"outside-liability"}),
        ("audit-expired", {"expired"}),
    ],
)
def test_bundled_queries_give_the_audits_findings(
    store: ox.Store, audit: Audit, query: str, kinds: set[str]
) -> None:
    rows = run_query(store, query).rows
    from_query = Counter(term_text(r["citation"]) for r in rows)
    from_audit = Counter(f.citation for f in audit.findings if f.kind in kinds)
    assert from_query == from_audit
    assert from_query  # each kind is in the store


@pytest.mark.parametrize("query", ["audit-outside-liability", "audit-expired"])
def test_the_audit_queries_paged_by_list_answer_as_their_former_formulations(
    store: ox.Store, query: str
) -> None:
    # issue 23: rewritten to be asked a list at a time (graph/store/pages.py); the former
    # formulations (tests/graph/store/former/) joined the whole store before the first row
    former = FORMER.joinpath(f"{query}.rq").read_text(encoding="utf-8")
    whole = run_query(store, query)
    assert whole.rows
    text = load_query(query)
    assert comparable(former, run_query(store, former).rows) == comparable(text, whole.rows)
    paged = [row for page in answer_pages(store, query, page_size=2).pages for row in page]
    assert normal(text, paged) == normal(text, whole.rows)
    standard = run_query(store, standard_form(text)).rows  # as an endpoint is sent it
    assert normal(text, standard) == normal(text, whole.rows)


def test_audit_beyond_last_answers_as_its_former_formulation(store: ox.Store) -> None:
    from tests.graph.store.rows import comparable

    former = (Path(__file__).parents[1] / "store/former/audit-beyond-last.rq").read_text("utf-8")
    new, old = run_query(store, "audit-beyond-last"), run_query(store, former)
    assert new.variables == old.variables
    text = load_query("audit-beyond-last")
    assert comparable(text, new.rows) == comparable(former, old.rows)
    assert new.rows
    standard = run_query(store, standard_form(text))  # as an endpoint without LATERAL is asked
    assert comparable(text, standard.rows) == comparable(text, new.rows)


def run(*args: str | Path) -> Any:
    return runner.invoke(app, [str(a) for a in args])


def test_json_names_list_row_field_law_article_and_kind(audited_store: Path) -> None:
    result = run("audit", "--store", audited_store, "--format", "json")
    assert result.exit_code == 0, result.output
    findings = json.loads(result.stdout)
    assert len(findings) == 29
    assert all(
        {"list", "row", "field", "law", "article", "kind", "severity"} <= f.keys() for f in findings
    )
    assert result.stderr.splitlines()[-1] == (
        "98 citation(s) read, 70 checked against a law text, 29 finding(s)"
    )


def test_csv_and_table_and_the_html_report(audited_store: Path, tmp_path: Path) -> None:
    result = run("audit", "--store", audited_store, "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 29 and rows[0].keys() >= {"diff", "official", "quote", "similarity"}
    assert any(r["diff"].endswith("[+办]" + r["quote"][5:]) or "[+办]" in r["diff"] for r in rows)
    html = tmp_path / "report.html"
    table = run("audit", "--store", audited_store, "--html", html)
    assert table.exit_code == 0
    assert (
        f"{WUXI} (巫溪县医疗保障局行政权力事项清单): 0 error(s), 7 warning(s), 0 info"
        in table.stdout
    )
    assert "generated (某县税务局权力清单): 3 error(s), 1 warning(s), 6 info" in table.stdout
    assert html.read_text(encoding="utf-8").count('class="qz-finding"') == 29


def test_the_views_show_the_official_text_and_the_findings(store: ox.Store) -> None:
    view = build_view(store, article="行政处罚法第五十五条", depth=1)
    (node,) = [n for n in view.nodes.values() if n.kind == "provision" and n.id.endswith("/art_55")]
    details = dict(node.details)
    text = details["官方条文 official text (2021-01-22, latest known)"]
    assert text.startswith("执法人员在调查或者进行检查时")
    findings = [v for k, v in node.details if k.startswith("审查 finding")]
    assert len(findings) == 1 and "追责依据不在法律责任章" in findings[0]
    assert "巫溪县医疗保障局行政权力事项清单 序号 1177" in findings[0]
    item = next(n for n in view.nodes.values() if n.kind == "item")
    assert sum(k.startswith("审查 finding") for k, _ in item.details) == 7


def test_citations_read_through_the_index_are_those_of_the_sparql_statement(
    store: ox.Store,
) -> None:
    from graph.audit.gather import gather

    rows = run_query(store, "audit-citations").rows
    expected = {
        (
            term_text(r["citation"]),
            term_text(r["powerItem"]),
            term_text(r["field"]),
            term_text(r["text"]),
            int(term_text(r["start"])),
            int(term_text(r["end"])),
            term_text(r["lawNode"]),
            term_text(r["law"]),
            term_text(r["provision"]),
            term_text(r["note"]) if "note" in r else None,
            term_text(r["row"]),
            term_text(r["listTitle"]),
            term_text(r["issued"]) if "issued" in r else None,
            term_text(r["via"]) if "via" in r else None,
        )
        for r in rows
    }
    gathered = {
        (c.citation, c.item_iri, c.field, c.text, c.start, c.end, c.law_iri, c.law, c.provision,
         c.version_note, c.row, c.list_title, c.list_date, c.via)
        for c in gather(store)
    }  # fmt: skip
    assert gathered == expected and len(expected) == 98


def test_citations_gathered_for_some_items_are_theirs_of_the_whole_store(
    store: ox.Store,
) -> None:
    from graph.audit.gather import citing_items, gather

    whole = gather(store)
    items = sorted({c.item_iri for c in whole})
    for chosen in ({items[0]}, set(items[1:6]), set(items[::7])):
        assert gather(store, items=chosen) == [c for c in whole if c.item_iri in chosen]
    assert gather(store, items=()) == []
    article_55 = next(c.provision for c in whole if c.provision.endswith("/art_55"))
    assert citing_items(store, [article_55]) == {
        c.item_iri for c in whole if c.provision == article_55
    }


@pytest.mark.parametrize(
    "query",
    [
        "citations-by-rank",
        "articles-across-departments",
        "accountability-only-articles",
        "items-per-type",
        "most-reused-clauses",
    ],
)
def test_the_derived_answers_follow_the_laws_imported(store: ox.Store, query: str) -> None:
    # the derived graph's rows are made with the laws' ranks and titles (graph.build.byrank,
    # graph.build.ranked): quanze laws import, which gives laws theirs, makes them again
    former = FORMER.joinpath(f"{query}.rq").read_text(encoding="utf-8")
    text = load_query(query)
    whole = run_query(store, query)
    assert comparable(former, run_query(store, former).rows) == comparable(text, whole.rows)
    paged = [row for page in answer_pages(store, query, page_size=3).pages for row in page]
    assert normal(text, paged) == normal(text, whole.rows)


def test_quanze_laws_import_makes_the_derived_rows_again(
    tmp_path: Path, sample_paths: list[Path], texts_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the ranks and titles of the laws imported change what the derived rows were made with
    # (tests/graph/build/test_derived.py: the rows made again answer as the query did)
    from graph.build import derived

    made: list[str] = []
    real = derived.refresh

    def refresh(store: ox.Store, iris: Any) -> None:
        made.append(iris.derived_graph())
        real(store, iris)

    monkeypatch.setattr(derived, "refresh", refresh)
    where = tmp_path / "store"
    for args in (("build", *sample_paths), ("laws", "import", texts_dir)):
        done = run(*args, "--store", where)
        assert done.exit_code == 0, done.output
    assert len(made) == 1
    store = open_store(where, read_only=True)
    assert run_query(store, "citations-by-rank").rows


def test_the_audit_queries_are_counted_from_kept_facts_after_laws_import(store: ox.Store) -> None:
    # quanze laws import adds the laws' structure (chapters, the articles under them) and titles:
    # the counts kept per law are counted again (derived.refresh), not left as the build made them
    from graph.store.counting import count_rows

    for name in ("audit-cells", "audit-citations", "audit-provisions", "view-provisions"):
        given = len(run_query(store, name, timeout=60).rows)
        assert given > 0 and count_rows(store, name) == given, name


def test_the_bound_queries_are_counted_as_they_answer_after_laws_import(store: ox.Store) -> None:
    # the imported texts write the laws' chapters, articles, paragraphs and items again (their
    # numbers and labels): a count from the tallies holds only if they are written once
    from graph.store.boundcount import bound_count
    from graph.store.counting import count_rows
    from graph.store.query import prepare_query
    from tests.graph.store.test_boundcount import asked

    tallied = 0
    for name, bindings in asked(store):
        given = len(run_query(store, name, bindings, timeout=60).rows)
        assert count_rows(store, name, bindings) == given, (name, bindings)
        tallied += bound_count(store, name, prepare_query(name, bindings)[1]) is not None
    assert tallied > 10
