"""``quanze laws import`` into a real on-disk store: what it stores, that importing again changes
nothing, that a newer version is added and a changed text replaced, that faults are reported."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from graph.laws.importer import import_laws
from graph.store.check import check_store
from graph.store.open import open_store
from graph.store.query import run_query
from graph.store.results import term_text
from graph.store.validate import validate_graphs
from tests.graph.laws.conftest import NEWER, add_text

ID = "https://w3id.org/quanze/id/"
QZ = "https://w3id.org/quanze/ontology#"
_PREFIXES = """PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX qz: <https://w3id.org/quanze/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


def _quads(store: ox.Store) -> set[ox.Quad]:
    return set(store)


def _select(store: ox.Store, query: str) -> list[tuple[str, ...]]:
    rows = run_query(store, _PREFIXES + query).rows
    return sorted(tuple(term_text(v) for v in row.values()) for row in rows)


def test_what_an_import_stores(lawtexts: Path, tmp_path: Path) -> None:
    store = open_store(tmp_path / "store")
    report = import_laws(lawtexts, store)
    assert (report.files, report.instruments, report.new, report.failed) == (4, 4, 4, 0)
    law = f"{ID}law/xingzheng-chufa-fa"  # the registry's id: where citations point
    version = f"{law}/2021-01-22"
    assert _select(store, f"SELECT ?t ?r WHERE {{ <{law}> eli:title ?t ; qz:inRegistry ?r }}") == [
        ("中华人民共和国行政处罚法", "true")
    ]
    facts = _select(
        store,
        f"SELECT ?p ?o WHERE {{ GRAPH <{ID}graph/law/xingzheng-chufa-fa/2021-01-22> "
        f"{{ <{version}> ?p ?o }} FILTER(?p != qz:history) }}",
    )
    assert ("http://data.europa.eu/eli/ontology#first_date_entry_in_force", "2021-07-15") in facts
    assert ("https://w3id.org/quanze/ontology#expired", "false") in facts
    assert ("https://w3id.org/quanze/ontology#lastArticle", "86") in facts
    assert ("http://purl.org/dc/terms/source", "行政法/行政处罚法(2021-01-22).md") in facts
    # 第七十六条 opens the 法律责任 chapter in this version; its text, its head
    assert _select(
        store,
        f"SELECT ?head ?chapter ?n WHERE {{ ?a eli:realizes <{law}/art_76> ; "
        f"qz:inVersion <{version}> ; qz:head ?head ; qz:ordinal ?n ; "
        "qz:partOfExpression ?c . ?c qz:heading ?chapter }",
    ) == [("第七十六条", "第七章 法律责任", "76")]
    # an article of one paragraph has its items (art_9/point_2); one of several its paragraphs
    assert _select(store, f"SELECT ?t WHERE {{ <{version}/art_9/point_2> qz:text ?t }}") == [
        ("（二）罚款、没收违法所得、没收非法财物；",)
    ]
    assert _select(store, f"SELECT ?l WHERE {{ <{law}/art_5/para_2> rdfs:label ?l }}") == [
        ("第5条第2款",)
    ]
    # 宪法.md is named and catalogued without a date: its history's last amendment dates it
    assert _select(
        store,
        f"SELECT ?d WHERE {{ <{ID}law/中华人民共和国宪法> eli:is_realized_by ?v . "
        "?v eli:version_date ?d }",
    ) == [("2018-03-11",)]
    assert check_store(store).ok
    graphs = [g for g in store.named_graphs() if "/graph/law/" in str(g)]
    assert len(graphs) == 4
    assert validate_graphs(store, [f"{ID}graph/law/shehui-baoxian-fa/2018-12-29"]).conforms


def test_importing_again_changes_nothing(lawtexts: Path, tmp_path: Path) -> None:
    store = open_store(tmp_path / "store")
    import_laws(lawtexts, store)
    before = _quads(store)
    again = import_laws(lawtexts, store)
    assert (again.new, again.changed, again.unchanged, again.quads) == (0, 0, 4, 0)
    assert _quads(store) == before


def test_a_newer_version_is_added_beside_the_older(lawtexts: Path, tmp_path: Path) -> None:
    store = open_store(tmp_path / "store")
    import_laws(lawtexts, store)
    older = {
        q
        for q in store
        if isinstance(q.graph_name, ox.NamedNode) and "立法法" in q.graph_name.value
    }
    add_text(lawtexts, *NEWER)
    report = import_laws(lawtexts, store)
    assert (report.new, report.changed, report.unchanged) == (1, 0, 4)
    law = f"{ID}law/中华人民共和国立法法"
    assert _select(
        store, f"SELECT ?d WHERE {{ <{law}> eli:is_realized_by ?v . ?v eli:version_date ?d }}"
    ) == [
        ("2015-03-15",),
        ("2023-03-13",),
    ]
    assert older <= set(store)
    # the work-level article is one node for both versions, with an expression in each
    assert len(_select(store, f"SELECT ?e WHERE {{ ?e eli:realizes <{law}/art_80> }}")) == 2


def test_a_changed_text_replaces_its_version(lawtexts: Path, tmp_path: Path) -> None:
    store = open_store(tmp_path / "store")
    import_laws(lawtexts, store)
    path = lawtexts / "社会法" / "社会保险法(2018-12-29).md"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("处骗取金额二倍以上五倍以下的罚款", "处骗取金额三倍的罚款"), encoding="utf-8"
    )
    report = import_laws(lawtexts, store)
    assert (report.new, report.changed, report.unchanged) == (0, 1, 3)
    texts = _select(
        store, f"SELECT ?t WHERE {{ <{ID}law/shehui-baoxian-fa/2018-12-29/art_87> qz:text ?t }}"
    )
    assert len(texts) == 1 and "三倍" in texts[0][0]
    assert check_store(store).ok


def test_a_law_the_registry_does_not_know_is_named_by_its_title(tmp_path: Path) -> None:
    root = tmp_path / "texts"
    root.mkdir()
    (root / "某某县测试条例(2020-01-02).md").write_text(
        "# 某某县测试条例\n\n2020年1月2日通过\n\n<!-- INFO END -->\n\n第一条 甲\n\n第二条 乙\n",
        encoding="utf-8",
    )
    store = open_store(tmp_path / "store")
    import_laws(root, store)
    assert _select(store, f"SELECT ?r WHERE {{ <{ID}law/某某县测试条例> qz:inRegistry ?r }}") == [
        ("false",)
    ]
    assert _select(
        store, f"SELECT ?t WHERE {{ <{ID}law/某某县测试条例/2020-01-02/art_2> qz:text ?t }}"
    ) == [("乙",)]


def test_a_bad_file_is_reported_and_the_others_go_through(lawtexts: Path, tmp_path: Path) -> None:
    (lawtexts / "行政法" / "坏(2020-01-01).md").write_bytes("# 坏\n\n第一条 甲".encode("gb18030"))
    (lawtexts / "行政法" / "无题(2020-01-01).md").write_text("第一条 甲\n", encoding="utf-8")
    told: list[str] = []
    report = import_laws(lawtexts, open_store(tmp_path / "store"), on_problem=told.append)
    assert report.failed == 2 and report.new == 4
    assert any(
        line.endswith("坏(2020-01-01).md: not UTF-8 (invalid start byte at byte 2)")
        for line in told
    )
    assert any("无题(2020-01-01).md:1: no '# title' line" in line for line in told)


def test_a_topic_folder_reads_the_catalogue_above_it(lawtexts: Path, tmp_path: Path) -> None:
    store = open_store(tmp_path / "store")
    first = import_laws(lawtexts / "行政法", store)
    assert (first.files, first.new, first.uncatalogued) == (1, 1, 0)
    version = f"{ID}law/xingzheng-chufa-fa/2021-01-22"
    assert _select(
        store, f"SELECT ?d WHERE {{ <{version}> eli:first_date_entry_in_force ?d }}"
    ) == [("2021-07-15",)]
    # the whole tree after the topic folder: the same version, unchanged; the others new
    whole = import_laws(lawtexts, store)
    assert (whole.new, whole.changed, whole.unchanged) == (3, 0, 1)


def test_the_civil_code_filed_in_parts_is_one_version_with_numbered_parts() -> None:
    from extractors.citing.lawdb import load_registry
    from graph.iri import Iris
    from graph.laws.importer import ImportReport, read_texts
    from graph.laws.versions import group_versions
    from graph.laws.write import write_version
    from tests.shared import shared_path

    folder = shared_path("lawtexts", "民法典")
    texts = list(read_texts(folder, ImportReport(), lambda _: None))
    (version,) = group_versions(texts, load_registry(), folder, [])
    assert version.date == "2020-05-28" and len(version.texts) == 8
    own = write_version(version, Iris()).own.decode()
    law = f"{ID}law/minfadian"
    # 合同编 is the third part: 第九章 买卖合同 of its 第二分编 holds 第五百九十五条
    chapter = f"{law}/2020-05-28/part_3/subpart_2/chp_9"
    assert f'<{chapter}> <http://data.europa.eu/eli/ontology#title> "买卖合同"@zh' in own
    assert f"<{law}/2020-05-28/art_595> <{QZ}partOfExpression> <{chapter}>" in own
    # 附则 is no part: its articles sit in the version
    assert f"<{law}/2020-05-28/art_1260> <{QZ}partOfExpression> <{law}/2020-05-28>" in own
    assert "part_8" not in own


def test_a_text_nothing_dates_is_imported_as_undated(tmp_path: Path) -> None:
    from graph.laws.show import show
    from tests.shared import shared_path

    name = "上海市专利保护条例.md"  # no date in its name, its catalogue row or its history
    root = tmp_path / "texts"
    root.mkdir()
    source = shared_path("lawtexts", "DLC", "上海地方法规", "地方性法规", "上海", name)
    (root / name).write_bytes(source.read_bytes())
    told: list[str] = []
    store = open_store(tmp_path / "store")
    report = import_laws(root, store, on_problem=told.append)
    assert report.new == 1
    assert told == [
        f"{root / name}:1: no version date (file name, catalogue, history): imported as 'undated'"
    ]
    (shown,) = show(store, "《上海市专利保护条例》第一条")
    assert (shown.version, shown.chosen) == ("", "the latest known")
    assert shown.render().startswith(
        "《上海市专利保护条例》第1条 (version of no date, the latest known)"
    )
    assert check_store(store).ok
    assert validate_graphs(store, [f"{ID}graph/law/上海市专利保护条例/undated"]).conforms
