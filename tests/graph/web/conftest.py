"""Stores the workbench tests ask: the two sample lists, a list whose every field carries a
script payload, and a list of many items citing one article (the hairball)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from graph.app.pipeline import build_files
from graph.laws.importer import import_laws
from graph.store.open import open_store
from tests.shared import shared_path

#: One payload per field of the list, each setting its own number if it ever runs.
XSS_ROW = {
    "序号": "1",
    "事项名称": "<script>window.__xss=1</script>对骗保<img src=x onerror=window.__xss=2>的处罚",
    "职权类型": "行政处罚<svg onload=window.__xss=3>",
    "实施主体": '县医保局"><img src=x onerror=window.__xss=4>',
    "设定依据": "《社会保险法》第八十七条<img src=x onerror=window.__xss=5>；"
    "《<img src=x onerror=window.__xss=6>管理条例》第三条",
    "追责依据": "《社会保险法》第九十三条</script><script>window.__xss=7</script>",
    "责任事项": "1.立案<iframe src=javascript:window.__xss=8>责任",
    "追责情形": "1.<a href=javascript:window.__xss=9>未依法</a>履行职责的",
    "备注": '=HYPERLINK("http://example.invalid","x")<b onmouseover=window.__xss=10>备注</b>',
    "<img src=x onerror=window.__xss=11>其他": "<svg/onload=window.__xss=12>",
}


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    """``rows`` as a UTF-8 CSV list (its header from the first row's keys), with ``<`` and
    ``>`` written as the entities a list copied from a web page has (the reader decodes them
    and keeps the text; a tag written as such is taken for markup and dropped)."""

    def entities(text: str) -> str:
        return text.replace("<", "&lt;").replace(">", "&gt;")

    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([entities(k) for k in rows[0]])
        writer.writerows([entities(v) for v in row.values()] for row in rows)
    return path


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory, sample_paths: list[Path]) -> Path:
    """The directory of a store built from the two sample lists."""
    folder = tmp_path_factory.mktemp("web") / "store"
    build_files(sample_paths, folder)
    return folder


@pytest.fixture(scope="session")
def xss_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built from a list with a script payload in every field."""
    folder = tmp_path_factory.mktemp("xss")
    source = write_csv(folder / "xss.csv", [XSS_ROW])
    build_files([source], folder / "store")
    return folder / "store"


#: How many items cite 社会保险法第八十七条 in the crowded store (a hairball when drawn whole).
CROWD = 150


@pytest.fixture(scope="session")
def crowded_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store where CROWD items of three lists cite the same article (设定依据), and each
    another article of the same law of its own (追责依据, 第101条 to 第250条)."""
    folder = tmp_path_factory.mktemp("crowd")
    paths = []
    for n, county in enumerate(("巫溪县", "巫山县", "奉节县")):
        rows = [
            {
                "序号": str(row),
                "事项名称": f"对第{row}类骗保行为的处罚",
                "职权类型": "行政处罚",
                "实施主体": f"{county}医保局",
                "设定依据": "《中华人民共和国社会保险法》第八十七条",
                "追责依据": f"《中华人民共和国社会保险法》第{100 + n * (CROWD // 3) + row}条",
            }
            for row in range(1, CROWD // 3 + 1)
        ]
        paths.append(write_csv(folder / f"{county}-{n}.csv", rows))
    build_files(paths, folder / "store")
    return folder / "store"


#: A list citing 社会保险法 past its last article (98) and quoting 第八十七条 wrongly.
TEXTS_ROW = {
    "序号": "1",
    "事项名称": "对骗保行为的处罚",
    "职权类型": "行政处罚",
    "实施主体": "县医保局",
    "设定依据": "《中华人民共和国社会保险法》第一百零五条；《中华人民共和国社会保险法》第八十七条："
    "社会保险经办机构以欺诈手段骗取社会保险基金支出的，处骗取金额十倍的罚款。",
}


@pytest.fixture(scope="session")
def texts_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of TEXTS_ROW with the official text of 社会保险法 (2018) imported."""
    text = shared_path("lawtexts", "社会法", "社会保险法(2018-12-29).md")
    folder = tmp_path_factory.mktemp("texts")
    build_files([write_csv(folder / "texts.csv", [TEXTS_ROW])], folder / "store")
    store = open_store(folder / "store")
    import_laws(text, store)
    del store
    return folder / "store"
