"""Bundled queries page by page (``graph/store/pages.py``, ``quanze query``), and the queries
rewritten for it answering as they did (issue 23: ``items-without-article-basis`` and three more
took over 30 s at 10 k items, ``unresolved-citations`` 19.8 s, and ``quanze query`` printed
nothing before the whole answer was read).

Each rewritten query is compared with its former formulation (``former/NAME.rq``) on the sample
lists and on generated ones; the former ``items-without-article-basis`` takes 14 s on 60
generated items (its FILTER NOT EXISTS walked eli:is_part_of* over the store for every item), so
it is compared on 30, as is the former ``accountability-only-articles`` (12 s on 200 items: its
FILTER NOT EXISTS walked eli:is_part_of* for every article cited).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

import graph.store.pages as pages
from bench.synthetic import Generator
from extractors.reading.read import read_list
from graph.app.cli import app
from graph.build.build import build_cited, build_graph
from graph.store.open import open_store
from graph.store.query import QueryTimeoutError, bundled_queries, load_query, run_query
from graph.store.results import result_rows
from tests.graph.store.rows import comparable, normal

FORMER = Path(__file__).with_name("former")
#: Compared where law texts are imported (tests/graph/audit/test_audit_store.py); none here.
ON_LAW_TEXTS = {"audit-beyond-last"}
REWRITTEN = sorted(path.stem for path in FORMER.glob("*.rq") if path.stem not in ON_LAW_TEXTS)
#: Compared on the samples once ``quanze analyze`` has written its graph (without it, no rows).
ON_ANALYSIS = {"equivalent-powers"}
#: Items of the generated store each former formulation can answer on in a few seconds.
ITEMS = {"items-without-article-basis": 30, "accountability-only-articles": 30}
BY_LIST = sorted(name for name in bundled_queries() if pages.list_order(load_query(name)))

runner = CliRunner()


@pytest.fixture(scope="module")
def samples(sample_paths: list[Path]) -> ox.Store:
    store = ox.Store()
    build_graph([read_list(p) for p in sample_paths], store)
    return store


def generated(where: Path, items: int) -> Path:
    store = open_store(where)
    build_cited(Generator(items).generate(), store)
    store.flush()
    del store
    return where


@pytest.fixture(scope="module")
def analyzed(analyzed_dir: Path) -> ox.Store:
    return open_store(analyzed_dir, read_only=True)


@pytest.fixture(scope="module")
def lists_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of three generated lists of 200 items (``quanze query`` is given a directory)."""
    return generated(tmp_path_factory.mktemp("pages") / "store", 600)


@pytest.fixture(scope="module")
def lists(lists_dir: Path) -> ox.Store:
    return open_store(lists_dir, read_only=True)


@pytest.fixture(scope="module")
def few(tmp_path_factory: pytest.TempPathFactory) -> ox.Store:
    where = generated(
        tmp_path_factory.mktemp("few") / "store", ITEMS["items-without-article-basis"]
    )
    return open_store(where, read_only=True)


@pytest.mark.parametrize("name", REWRITTEN)
def test_a_rewritten_query_answers_as_its_former_formulation(
    request: pytest.FixtureRequest, name: str
) -> None:
    former = (FORMER / f"{name}.rq").read_text(encoding="utf-8")
    text = load_query(name)
    answered = []
    stores = (
        ["analyzed"] if name in ON_ANALYSIS else ["samples", "few" if name in ITEMS else "lists"]
    )
    for store in map(request.getfixturevalue, stores):
        new, old = run_query(store, text, timeout=120), run_query(store, former, timeout=120)
        assert new.variables == old.variables
        assert comparable(text, new.rows) == comparable(former, old.rows)
        answered.append(len(new.rows))
    assert answered[-1] > 0  # the generated lists have a case


@pytest.mark.parametrize("name", BY_LIST)
def test_pages_by_list_make_the_whole_answer_in_its_order(lists: ox.Store, name: str) -> None:
    whole = run_query(lists, name)
    answer = pages.answer_pages(lists, name, page_size=7)
    paged = list(answer.pages)
    assert answer.variables == whole.variables
    text = load_query(name)
    assert normal(text, [row for page in paged for row in page]) == normal(text, whole.rows)
    if len(whole.rows) > 7:
        assert len(paged) > 1 and 0 < len(paged[0]) <= 7


def test_the_first_page_by_list_asks_one_list(
    lists: ox.Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int] = []
    real = pages.run_query

    def counting(store: ox.Store, name: str, bindings: dict[str, object] | None = None, **kw):  # type: ignore[no-untyped-def]
        if bindings and "list" in bindings:
            asked.append(len(bindings["list"]))  # type: ignore[arg-type]
        return real(store, name, bindings, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(pages, "run_query", counting)
    answer = pages.answer_pages(lists, "analysis-items", page_size=50)
    first = next(answer.pages)
    assert len(first) == 50
    assert asked == [1]  # the first list alone
    rest = [row for page in answer.pages for row in page]
    assert len(first) + len(rest) == 600
    assert asked == [1, 2]  # then the second and third lists together


def test_streamed_pages_grow_and_make_the_whole_answer(lists: ox.Store) -> None:
    whole = run_query(lists, "audit-cells").rows  # no ORDER BY: read as the engine makes it
    answer = pages.answer_pages(lists, "audit-cells", page_size=10)
    sizes = []
    rows = []
    for page in answer.pages:
        sizes.append(len(page))
        rows.extend(page)
    assert sorted(map(str, rows)) == sorted(map(str, whole))
    assert sizes[:4] == [10, 20, 40, 80]


def test_a_streamed_query_keeps_to_its_time_limit() -> None:
    # a few seconds of work that holds no memory (pyoxigraph cannot stop it: it runs on, on its
    # thread, until it ends; an ORDER BY over a cross product here filled the test's memory)
    store = ox.Store()
    e = "http://e/"
    store.extend(
        ox.Quad(ox.NamedNode(f"{e}{n}"), ox.NamedNode(f"{e}p"), ox.Literal(n)) for n in range(3000)
    )
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f FILTER(?c != ?f) }"
    with pytest.raises(QueryTimeoutError, match=r"longer than 0\.05 s"):
        next(pages.answer_pages(store, slow, timeout=0.05).pages)


def test_quanze_query_streams_the_answer_and_says_how_many_rows(lists_dir: Path) -> None:
    done = runner.invoke(app, ["query", "analysis-items", "--store", str(lists_dir), "-f", "csv"])
    assert done.exit_code == 0, done.output
    shown = list(csv.reader(io.StringIO(done.stdout)))
    store = open_store(lists_dir, read_only=True)
    whole = result_rows(run_query(store, "analysis-items"))
    del store
    assert shown[0] == list(whole[0])
    assert shown[1:] == [list(row.values()) for row in whole]
    assert done.stderr.strip() == "600 rows"


def test_quanze_query_cuts_a_paged_answer_at_the_limit(lists_dir: Path) -> None:
    args = ["query", "view-items", "--store", str(lists_dir), "-f", "jsonl", "--limit", "260"]
    done = runner.invoke(app, args)
    assert done.exit_code == 0, done.output
    assert len(done.stdout.splitlines()) == 260
    assert "showing the first 260 rows; more were cut" in done.stderr


def test_items_without_article_basis_answers_on_generated_lists_in_seconds(lists: ox.Store) -> None:
    # the former formulation gave up after 120 s on 400 generated items (a generous bound here)
    assert run_query(lists, "items-without-article-basis", timeout=30).rows
