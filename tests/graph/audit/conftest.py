"""A store for the audit's tests: the two seeds and a generated list, with the official texts of
the laws they cite imported from ``../shared/lawtexts`` (those files only, beside the catalogue,
so the import takes a second rather than the whole folder's minute and a half)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.app.cli import app
from tests.shared import shared_path

#: The texts imported: those the seeds cite, and for the generated list an expired regulation
#: with the law that replaced it.
TEXTS = (
    "行政法/行政处罚法(2021-01-22).md",
    "社会法/社会保险法(2018-12-29).md",
    "行政法/公务员法(2018-12-29).md",
    "行政法/药品管理法(2019-08-26).md",
    "行政法/基本医疗卫生与健康促进法(2019-12-28).md",
    "行政法规/行政机关公务员处分条例(2007-04-22).md",
    "行政法规/社会救助暂行办法(2019-03-02).md",
    "行政法规/社会团体登记管理条例(2016-02-06).md",
    "经济法/价格法(1997-12-29).md",
    "行政法规/契税暂行条例(2019-03-02).md",
    "经济法/契税法(2020-08-11).md",
)

#: A list of 2015 made to show the kinds the seeds do not: an article and an item past the last
#: (1), an expired regulation (5), a version note of no version and laws amended since (6).
_ROWS = (
    ("1", "对违法行为的处罚", "行政处罚", "《中华人民共和国行政处罚法》第九十条",
     "《中华人民共和国行政处罚法》第七十六条"),
    ("2", "契税的征收", "行政征收", "《契税暂行条例》第三条",
     "《中华人民共和国社会保险法》第九十二条"),
    ("3", "行政处罚的种类", "其他", "《中华人民共和国行政处罚法》（2014修正）第九条第七项",
     "《中华人民共和国社会保险法》第九十三条"),
)  # fmt: skip
GENERATED = (
    "\n".join(
        [
            "某县税务局权力清单",
            "日期:2015-06-01",
            "",
            "| 序号 | 事项名称 | 事项类型 | 设定依据 | 追责依据 |",
        ]
        + ["|---|---|---|---|---|"]
        + ["| " + " | ".join(row) + " |" for row in _ROWS]
    )
    + "\n"
)

runner = CliRunner()


def invoke(*args: str | Path) -> object:
    """Run ``quanze`` in-process; fail the test on a non-zero exit."""
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="session")
def texts_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder in the layout of ``../shared/lawtexts`` holding only ``TEXTS`` and the catalogue
    (copies: the importer finds a file's catalogue row by its real path)."""
    root = shared_path("lawtexts")
    folder = tmp_path_factory.mktemp("lawtexts")
    for name in ("db.sqlite3", *TEXTS):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / name, folder / name)
    return folder


@pytest.fixture(scope="session")
def generated_list(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("lists") / "generated.md"
    path.write_text(GENERATED, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def audited_store(
    tmp_path_factory: pytest.TempPathFactory,
    sample_paths: list[Path],
    generated_list: Path,
    texts_dir: Path,
) -> Path:
    """The seeds and the generated list built, the texts imported (in that order: the import
    links the citations to their texts)."""
    store = tmp_path_factory.mktemp("audited") / "store"
    invoke("build", *sample_paths, generated_list, "--store", store)
    invoke("laws", "import", texts_dir, "--store", store)
    return store
