"""Named and ad-hoc SPARQL: bindings, errors with positions, updates refused, result formats."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest

from graph.build.build import build_graph
from graph.errors import QueryError
from graph.store.query import bundled_queries, is_update, load_query, run_query
from graph.store.results import result_rows, to_sparql_json, write_result, write_rows
from tests.graph.handmade import citations_a, citations_b, list_a, list_b

ART_87 = ox.NamedNode("https://w3id.org/quanze/id/law/shehui-baoxian-fa/art_87")


@pytest.fixture(scope="module")
def store() -> ox.Store:
    store = ox.Store()
    build_graph([list_a(), list_b()], store, citations=citations_a() + citations_b())
    return store


def test_bundled_queries_are_described() -> None:
    queries = bundled_queries()
    assert {"who-cites", "most-cited-articles", "most-cited-laws", "counts"} <= set(queries)
    assert all(description for description in queries.values())


@pytest.mark.parametrize(
    "name", ["counts", "most-cited-articles", "most-cited-laws", "lists", "unresolved-citations"]
)
def test_bundled_queries_run(store: ox.Store, name: str) -> None:
    result = run_query(store, name)
    assert result.kind == "select" and result.rows


def test_counts(store: ox.Store) -> None:
    (row,) = result_rows(run_query(store, "counts"))
    assert (row["lists"], row["items"], row["citations"], row["unresolved"]) == ("2", "5", "7", "1")


def test_who_cites_rolls_paragraphs_up_to_the_article(store: ox.Store) -> None:
    rows = result_rows(run_query(store, "who-cites", {"target": ART_87}))
    assert [(r["source"], r["row"], r["article"], r["paragraph"]) for r in rows] == [
        ("000_a.txt", "1", "87", ""),
        ("001_b.txt", "4268", "87", "2"),
    ]


def test_most_cited_article(store: ox.Store) -> None:
    top = result_rows(run_query(store, "most-cited-articles"))[0]
    assert (top["law"], top["article"], top["items"]) == ("中华人民共和国社会保险法", "87", "2")


def test_bindings_are_values_not_sparql(store: ox.Store) -> None:
    text = "SELECT ?i ?name WHERE { ?i <http://purl.org/dc/terms/title> ?name }"
    hostile = '"} . ?s ?p ?o . FILTER("'
    assert run_query(store, text, {"name": hostile}).rows == ()
    assert len(run_query(store, text, {"name": "价格监督"}).rows) == 1


def test_a_binding_narrows_even_an_unprojected_variable(store: ox.Store) -> None:
    everything = run_query(store, "SELECT ?s WHERE { ?s ?p ?o }")
    narrowed = run_query(store, "SELECT ?s WHERE { ?s ?p ?o }", {"o": "达孜区医保局"})
    assert 0 < len(narrowed.rows) < len(everything.rows)


def test_binding_a_variable_the_query_lacks_is_refused(store: ox.Store) -> None:
    with pytest.raises(QueryError, match=r"cannot bind \?target: the query has no such variable"):
        run_query(store, "SELECT ?s WHERE { ?s ?p ?o }", {"target": "x"})


def test_malformed_sparql_names_the_position(store: ox.Store) -> None:
    with pytest.raises(QueryError) as info:
        run_query(store, "SELECT ?s WHERE {\n  ?s ?p ?o\n  FILTER( }")
    assert (info.value.line, info.value.column) == (3, 12)  # as Oxigraph counts
    assert "line 3, column 12" in str(info.value)
    assert str(info.value).endswith("  FILTER( }\n            ^")


def test_update_refused_unless_allowed(store: ox.Store) -> None:
    update = "PREFIX ex: <http://example.org/>\nINSERT DATA { GRAPH ex:g { ex:a ex:b ex:c } }"
    with pytest.raises(QueryError, match="UPDATE"):
        run_query(store, update)
    scratch = ox.Store()
    assert run_query(scratch, update, allow_update=True).kind == "update"
    assert len(scratch) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("DELETE WHERE { ?s ?p ?o }", True, id="delete"),
        pytest.param("# INSERT\nSELECT * { ?s ?p ?o }", False, id="comment"),
        pytest.param("BASE <http://e/>\nCLEAR ALL", True, id="base-then-clear"),
        pytest.param("ASK { ?s ?p 'LOAD' }", False, id="string"),
    ],
)
def test_is_update(text: str, expected: bool) -> None:
    assert is_update(text) is expected


def test_unknown_query_name() -> None:
    with pytest.raises(QueryError, match="bundled queries"):
        load_query("most-cited-article")


def test_query_file(tmp_path, store: ox.Store) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "q.rq"
    path.write_text("ASK { ?s a <https://w3id.org/quanze/ontology#PowerList> }", encoding="utf-8")
    assert run_query(store, str(path)).boolean is True


def test_sparql_json_and_csv(store: ox.Store) -> None:
    result = run_query(store, "who-cites", {"target": ART_87})
    doc = to_sparql_json(result)
    assert doc["head"]["vars"][0] == "source"
    first = doc["results"]["bindings"][0]
    assert first["law"] == {
        "type": "literal",
        "value": "中华人民共和国社会保险法",
        "xml:lang": "zh",
    }
    assert first["powerItem"]["type"] == "uri"
    out = io.StringIO()
    write_result(result, "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["row"] for r in rows] == ["1", "4268"]
    out = io.StringIO()
    write_result(result, "json", out)
    assert json.loads(out.getvalue()) == doc


def test_ask_and_table(store: ox.Store) -> None:
    out = io.StringIO()
    write_result(run_query(store, "ASK { ?s ?p ?o }"), "json", out)
    assert json.loads(out.getvalue()) == {"head": {}, "boolean": True}
    out = io.StringIO()
    write_rows([{"row": "1", "name": "处罚"}], "table", out, title="t")
    assert out.getvalue().splitlines() == ["t", "row  name", "---  ----", "1    处罚"]


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "select * where { service silent <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE<http://127.0.0.1:9/sparql>{ ?s ?p ?o } }",
        "SELECT * WHERE { BIND(<http://127.0.0.1:9/> AS ?e) SERVICE ?e { ?s ?p ?o } }",
        "PREFIX r: <http://127.0.0.1:9/>\nSELECT * WHERE {\n  SERVICE r:sparql { ?s ?p ?o } }",
    ],
)
def test_service_is_refused_unless_allowed(store: ox.Store, text: str) -> None:
    with pytest.raises(QueryError, match=r"SERVICE at line .*--allow-service"):
        run_query(store, text)
    update = f"INSERT {{ ?s ?p ?o }} WHERE {{ {text.split('{', 1)[1]}"
    with pytest.raises(QueryError, match="SERVICE"):
        run_query(store, update, allow_update=True)


@pytest.mark.parametrize(
    "text",
    [
        "SELECT ?service WHERE { ?service ?p 'SERVICE <http://e/>' }",
        "PREFIX ex: <http://e/>\nSELECT * WHERE { ?s ex:SERVICE ?o } # SERVICE <http://e/>",
        "SELECT * WHERE { ?s <http://e/SERVICE> ?o }",
    ],
)
def test_the_word_service_elsewhere_is_no_federation(store: ox.Store, text: str) -> None:
    assert run_query(store, text).kind == "select"
