"""The quanze command, called in-process: output forms, exit codes, and bad input."""

from __future__ import annotations

import csv
import io
import json
import runpy
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from graph.app.cli import app
from tests.shared import shared_path

#: run in process, commands must leave no query result for another thread to free (conftest.py)
pytestmark = pytest.mark.usefixtures("no_query_result_left_in_a_cycle")
runner = CliRunner()


def invoke(*args: str | Path) -> Any:
    return runner.invoke(app, [str(a) for a in args])


def jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, sample_paths: list[Path]) -> Path:
    where = tmp_path_factory.mktemp("cli") / "store"
    result = invoke("build", *sample_paths, "--store", where)
    assert result.exit_code == 0, result.output
    return where


def test_parse_prints_one_item_per_line_with_the_contract_keys(sample_paths: list[Path]) -> None:
    result = invoke("parse", *sample_paths)
    assert result.exit_code == 0, result.output
    items = jsonl(result.stdout)
    assert len(items) == 22
    contract = {"source", "row", "name", "type", "code", "department", "level"}
    contract |= {"section_department"}  # a heading's department, null without one
    contract |= {"guiding_department", "basis", "responsibility", "accountability"}
    contract |= {"accountability_basis", "time_limit", "remarks", "parent", "anomalies"}
    assert all(contract <= item.keys() for item in items)
    assert {i["row"] for i in items if i["source"].startswith("000_")} == {"1", "2", "3", "4", "5"}


def test_parse_report_counts_rows(sample_paths: list[Path]) -> None:
    result = invoke("parse", sample_paths[1], "--report")
    assert "rows seen=17 items=17" in result.stderr


def test_extract_report_counts_citations_by_kind(sample_paths: list[Path]) -> None:
    result = invoke("extract", sample_paths[1], "--report")
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert f"{sample_paths[1].name}: citations=64 unresolved=0 malformed=1" in lines
    assert "  kinds: explicit 33, abbreviation 26, continuation 4, malformed 1" in lines
    assert len(jsonl(result.stdout)) == 64


@pytest.mark.parametrize(
    ("what", "command"), [("items", "parse"), ("citations", "extract")], ids=["items", "citations"]
)
def test_seed_scores_are_perfect(
    what: str, command: str, sample_paths: list[Path], tmp_path: Path, capsys: Any
) -> None:
    result = invoke(command, *sample_paths)
    assert result.exit_code == 0, result.output
    predicted = tmp_path / "pred.jsonl"
    predicted.write_text(result.stdout, encoding="utf-8")
    score = runpy.run_path(str(shared_path("eval", "score.py")))
    args = type("Args", (), {"gold": str(shared_path("gold", f"seed_{what}.jsonl"))})()
    args.pred, args.by, args.show_errors = str(predicted), None, 20  # type: ignore[attr-defined]
    assert score[what](args) == 1.0, capsys.readouterr().out


def test_extract_spans_round_trip_on_the_cells(sample_paths: list[Path]) -> None:
    items = {(i["source"], i["row"]): i for i in jsonl(invoke("parse", *sample_paths).stdout)}
    citations = jsonl(invoke("extract", *sample_paths).stdout)
    assert citations
    for c in citations:
        cell = items[(c["source"], c["row"])][c["field"]]
        assert cell[c["start"] : c["end"]] == c["text"]


def test_extract_plain_treats_the_file_as_one_cell(tmp_path: Path) -> None:
    text = tmp_path / "basis.txt"
    text.write_text("依据《社会保险法》第八十七条、第八十八条处理。", encoding="utf-8")
    rows = jsonl(invoke("extract", text, "--plain").stdout)
    assert [(r["row"], r["field"], r["law"], r["article"]) for r in rows] == [
        (None, "text", "中华人民共和国社会保险法", 87),
        (None, "text", "中华人民共和国社会保险法", 88),
    ]


def test_build_twice_changes_nothing(store: Path, sample_paths: list[Path]) -> None:
    before = invoke("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "-s", store)
    again = invoke("build", *sample_paths, "--store", store)
    assert again.exit_code == 0, again.output
    after = invoke("query", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "-s", store)
    assert before.stdout == after.stdout


def test_a_build_of_several_files_says_when_all_are_read(
    sample_paths: list[Path], tmp_path: Path
) -> None:
    # a large build spends minutes writing the store after the progress bar is gone
    result = invoke("build", *sample_paths, "--store", tmp_path / "store")
    assert result.exit_code == 0, result.output
    assert result.stderr.index("all lists read; finishing the store") < result.stderr.index(
        "2 list(s): 22 items"
    )
    one = invoke("build", sample_paths[0], "--store", tmp_path / "store")
    assert "finishing the store" not in one.stderr


@pytest.mark.parametrize(
    "ref",
    [
        "社会保险法第八十七条",
        "《中华人民共和国社会保险法》第87条",
        "中华人民共和国社会保险法第八十七条",
        "《社会保险法》第八十七条",
    ],
    ids=["abbreviation", "full-title-arabic", "full-title-unmarked", "marked-abbreviation"],
)
def test_cites_article_87(store: Path, ref: str) -> None:
    result = invoke("cites", ref, "--store", store, "--format", "json")
    assert result.exit_code == 0, result.output
    hits = {(h["source"][:3], h["row"], h["field"]) for h in json.loads(result.stdout)}
    assert hits == {("000", "1", "basis"), ("001", "4268", "basis"), ("001", "4271", "basis")}


def test_cites_paragraph_counts_for_its_article(store: Path) -> None:
    # 巫溪县 4282 cites 《重庆市骗取社会保险基金处理办法》第七条第二款
    result = invoke("cites", "重庆市骗取社会保险基金处理办法第七条", "-s", store, "-f", "json")
    assert [(h["row"], h["paragraph"]) for h in json.loads(result.stdout)] == [("4282", 2)]


def test_cites_counts_items_not_citations(store: Path) -> None:
    # 社会保险法 is cited 24 times by 9 items; "24 citing item(s)" counted the citations
    result = invoke("cites", "社会保险法", "--store", store)
    assert result.exit_code == 0, result.output
    assert "9 citing item(s), 24 citation(s)" in result.stderr


def test_cites_a_paragraph_no_one_cites_offers_its_whole_article(store: Path) -> None:
    # no list cites 第八十七条第一款, three items cite 第八十七条 as a whole
    result = invoke("cites", "社会保险法第八十七条第一款", "-s", store, "-f", "json")
    assert result.exit_code == 0, result.output
    assert "no item cites 社会保险法第八十七条第一款 itself; 3 item(s) cite" in result.stderr
    assert "中华人民共和国社会保险法第87条 as a whole" in result.stderr
    offered = {(h["source"][:3], h["row"]) for h in json.loads(result.stdout)}
    assert offered == {("000", "1"), ("001", "4268"), ("001", "4271")}


def test_cites_a_paragraph_no_one_cites_in_a_law_no_one_cites_is_empty(store: Path) -> None:
    result = invoke("cites", "社会保险法第一条第一款", "-s", store)
    assert result.exit_code == 0, result.output
    assert "0 citing item(s)" in result.stderr and "as a whole" not in result.stderr


@pytest.mark.parametrize("article", ["87", "八十七", "第八十七条"])
def test_query_who_cites_article_reads_chinese_numerals(store: Path, article: str) -> None:
    result = invoke(
        "query",
        "who-cites-article",
        "-b",
        "law=社会保险法",
        "-b",
        f"article={article}",
        "-s",
        store,
        "-f",
        "csv",
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert sorted(r["row"] for r in rows) == ["1", "4268", "4271"]


def test_query_without_a_required_binding_is_an_error(store: Path) -> None:
    # it printed an empty table with exit 0, as if no item cited anything
    result = invoke("query", "who-cites-article", "--store", store)
    assert result.exit_code == 1 and result.stdout == ""
    assert "who-cites-article needs a value" in result.stderr and "?article" in result.stderr
    assert "Traceback" not in result.output


def test_query_binds_an_iri_parameter_given_as_text(store: Path) -> None:
    iri = "https://w3id.org/quanze/id/law/shehui-baoxian-fa/art_87"
    result = invoke("query", "who-cites", "-b", f"target={iri}", "-s", store, "-f", "csv")
    assert len(list(csv.DictReader(io.StringIO(result.stdout)))) == 3


def test_cites_csv_has_a_header_and_the_department(store: Path) -> None:
    result = invoke("cites", "社会保险法第八十七条", "--store", store, "--format", "csv")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("source,region,row,name,department,field")
    assert any("达孜区医保局" in line for line in lines[1:])


def test_query_bundled_and_text_and_json(store: Path) -> None:
    listed = invoke("query", "--list").stdout
    assert "most-cited-articles" in listed
    result = invoke("query", "most-cited-articles", "--store", store, "--format", "json")
    data = json.loads(result.stdout)
    assert data["head"]["vars"] and data["results"]["bindings"]
    count = invoke("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "-s", store, "-f", "json")
    assert int(json.loads(count.stdout)["results"]["bindings"][0]["n"]["value"]) > 1000


def test_query_from_file(store: Path, tmp_path: Path) -> None:
    rq = tmp_path / "q.rq"
    rq.write_text("ASK { ?s ?p ?o }", encoding="utf-8")
    assert invoke("query", rq, "--store", store).stdout.strip() == "true"


def test_malformed_sparql_is_a_data_error(store: Path) -> None:
    result = invoke("query", "SELECT ?x WHERE { ?x ", "--store", store)
    assert result.exit_code == 1
    assert "quanze: error:" in result.stderr and "Traceback" not in result.output


def test_view_writes_offline_html(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "v.html"
    result = invoke("view", "--article", "社会保险法第八十七条", "--store", store, "--out", out)
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "4268" in html and "达孜区医保局" in html
    assert '<script src="http' not in html


BAD_INPUTS = [
    pytest.param(None, "no such file", id="missing-file"),
    pytest.param(b"", "empty", id="empty-file"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary", id="binary"),
    pytest.param("今天天气很好。\n没有表格。\n".encode(), "table", id="no-table"),
]


@pytest.mark.parametrize(("content", "says"), BAD_INPUTS)
def test_bad_input_is_one_line_and_exit_1(tmp_path: Path, content: bytes | None, says: str) -> None:
    path = tmp_path / "list.md"
    if content is not None:
        path.write_bytes(content)
    result = invoke("parse", path)
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(path) in lines[0] and says in lines[0].lower()
    assert "Traceback" not in result.output


def test_a_bad_file_does_not_stop_the_others(tmp_path: Path, sample_paths: list[Path]) -> None:
    bad = tmp_path / "empty.md"
    bad.write_bytes(b"")
    result = invoke("parse", bad, sample_paths[0])
    assert result.exit_code == 1
    assert len(jsonl(result.stdout)) == 5
    assert "empty.md" in result.stderr


@pytest.mark.parametrize(
    "args",
    [["cites", "社会保险法"], ["query", "ASK {}", "--store", "x", "--format", "xml"], ["nope"]],
    ids=["missing-store", "bad-format", "unknown-command"],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert invoke(*args).exit_code == 2


def test_querying_a_missing_store_is_a_data_error(tmp_path: Path) -> None:
    result = invoke("cites", "社会保险法", "--store", tmp_path / "none")
    assert result.exit_code == 1 and "quanze build" in result.stderr


def test_cites_on_an_accountability_provision_shows_the_clauses_resting_on_it(store: Path) -> None:
    table = invoke("cites", "社会保险法第九十三条", "--store", store, "--format", "csv").stdout
    dazi = next(line for line in table.splitlines() if line.startswith("000_"))
    assert "accountability_basis" in dazi and "2. 擅自改变劳动保障行政处罚种类、幅度的" in dazi
    rows = json.loads(invoke("cites", "社会保险法第九十三条", "-s", store, "-f", "json").stdout)
    assert len(next(r for r in rows if r["row"] == "1")["clauses"]) == 7


def test_cites_an_unreadable_provision_is_one_line_and_exit_1(store: Path) -> None:
    result = invoke("cites", "《食品安全法》第}{1条", "--store", store)
    assert result.exit_code == 1 and result.stdout == ""
    (line,) = result.stderr.strip().splitlines()
    assert "cannot read '第}{1条'" in line and "Traceback" not in result.output


def test_cites_warns_what_it_ignored(store: Path) -> None:
    result = invoke("cites", "社会保险法第八十七条和第}{1条", "--store", store, "-f", "json")
    assert result.exit_code == 0
    assert {h["row"] for h in json.loads(result.stdout)} == {"1", "4268", "4271"}
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("quanze: warning:") and "'和第}{1条'" in line


def test_query_cuts_every_format_at_the_row_limit_and_says_so(store: Path) -> None:
    from graph.app.cli import ROW_LIMIT

    twice = "SELECT * WHERE { ?s ?p ?o VALUES ?n { 1 2 } }"  # 2 × 6,538 quads: over the limit
    for fmt in ("json", "csv"):
        cut = invoke("query", twice, "--store", store, "-f", fmt)
        assert cut.exit_code == 0
        rows = (
            json.loads(cut.stdout)["results"]["bindings"]
            if fmt == "json"
            else list(csv.reader(io.StringIO(cut.stdout)))[1:]
        )
        assert len(rows) == ROW_LIMIT
        assert "more were cut (raise --limit" in cut.stderr
    raised = invoke("query", twice, "--store", store, "-f", "json", "--limit", "1000000")
    assert len(json.loads(raised.stdout)["results"]["bindings"]) > ROW_LIMIT
    assert raised.stderr == ""


def test_view_warns_in_one_line_what_it_ignored(store: Path, tmp_path: Path) -> None:
    """A library warning reaches the console as one ``quanze: warning:`` line, not Python's two."""
    import subprocess
    import sys

    quanze = str(Path(sys.executable).with_name("quanze"))
    ref = "社会保险法第八十七条和第}{1条"
    args = ["view", "--store", str(store), "--article", ref, "--out", str(tmp_path / "v.html")]
    result = subprocess.run([quanze, *args], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0
    warned = [line for line in result.stderr.splitlines() if "和第}{1条" in line]
    assert warned == [
        f"quanze: warning: in '{ref}', '和第}}{{1条' could not be read as a "
        "provision and was ignored"
    ]
    assert "ReferenceWarning" not in result.stderr
