"""Citations linked to the text in force on their list's date, whichever of ``quanze build`` and
``quanze laws import`` ran first, and kept right by a rebuild; ``quanze laws show`` through the
command."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from graph.app.cli import app
from graph.store.open import open_store
from tests.graph.laws.conftest import NEWER, add_text

ID = "https://w3id.org/quanze/id/"
LIFA = f"{ID}law/中华人民共和国立法法"
CHUFA = f"{ID}law/xingzheng-chufa-fa/2021-01-22"
_ROWS = (
    ("序号", "职权类型", "职权名称", "职权依据", "追责依据"),
    ("---",) * 5,
    (
        "1",
        "行政检查",
        "对规范性文件的备案审查",
        "《中华人民共和国立法法》第八十条第一款",
        "《中华人民共和国立法法》第一百一十条",
    ),
    (
        "2",
        "行政处罚",
        "对违法行为的处罚",
        "《中华人民共和国行政处罚法》第九条第一款第二项、第五条第二款",
        "《中华人民共和国行政处罚法》第九十九条",
    ),
)
_TABLE = "".join("| " + " | ".join(row) + " |\n" for row in _ROWS)

runner = CliRunner()


def invoke(*args: str | Path) -> Any:
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result


def write_list(folder: Path, date: str | None) -> Path:
    """The list, dated ``date`` (or not dated)."""
    path = folder / "测试县司法局权责清单.md"
    dated = f"日期：{date}\n\n" if date else ""
    path.write_text(f"测试县司法局行政权力清单\n\n{dated}{_TABLE}", encoding="utf-8")
    return path


def links(store: Path) -> dict[str, tuple[str, str]]:
    """Citation (from its item on) → (text linked, how the version was chosen)."""
    opened = open_store(store, read_only=True)
    graph = ox.NamedNode(f"{ID}graph/textlinks")
    found: dict[str, dict[str, str]] = {}
    for quad in opened.quads_for_pattern(None, None, None, graph):
        key = quad.subject.value.split("/item/")[1]  # type: ignore[union-attr]
        found.setdefault(key, {})[quad.predicate.value.rsplit("#")[1]] = quad.object.value  # type: ignore[union-attr]
    del opened
    return {k: (v["citesText"], v["textChoice"]) for k, v in found.items()}


@pytest.fixture()
def texts(lawtexts: Path) -> Path:
    add_text(lawtexts, *NEWER)
    return lawtexts


def test_links_are_the_same_whichever_command_ran_first(texts: Path, tmp_path: Path) -> None:
    listed = write_list(tmp_path, "2016-05-01")
    first, second = tmp_path / "built-first", tmp_path / "imported-first"
    invoke("build", listed, "--store", first)
    invoke("laws", "import", texts, "--store", first)
    invoke("laws", "import", texts, "--store", second)
    built = invoke("build", listed, "--store", second)
    assert "citation(s) linked to their text in force" in built.stderr
    assert (
        links(first)
        == links(second)
        == {
            # in force on 2016-05-01: the 2015 text, where 第八十条 has two paragraphs
            "1/citation/basis/1": (f"{LIFA}/2015-03-15/art_80/para_1", "in-force"),
            # 第一百一十条 is not in the 2015 text (105 articles): no link, for the audit to report
            # 第九条 has one paragraph: its 第一款第二项 is the article's item
            "2/citation/basis/1": (f"{CHUFA}/art_9/point_2", "latest"),
            "2/citation/basis/2": (f"{CHUFA}/art_5/para_2", "latest"),
        }
    )
    assert set(open_store(first, read_only=True)) == set(open_store(second, read_only=True))


def test_the_version_follows_the_list_date_on_every_rebuild(texts: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    invoke("laws", "import", texts, "--store", store)
    listed = write_list(tmp_path, "2024-01-01")
    invoke("build", listed, "--store", store)
    # 2023 text: 第八十条 has one paragraph (its 第一款 is the article), 第一百一十条 exists
    assert links(store)["1/citation/basis/1"] == (f"{LIFA}/2023-03-13/art_80", "in-force")
    assert links(store)["1/citation/accountability_basis/1"] == (
        f"{LIFA}/2023-03-13/art_110",
        "in-force",
    )
    write_list(tmp_path, "2010-01-01")  # before every version of both laws: the latest, said
    invoke("build", listed, "--store", store)
    assert links(store)["1/citation/basis/1"] == (f"{LIFA}/2023-03-13/art_80", "latest")
    invoke("laws", "import", texts, "--store", store)  # nothing changes on a re-import
    assert links(store)["1/citation/basis/1"] == (f"{LIFA}/2023-03-13/art_80", "latest")
    write_list(tmp_path, None)  # no date: the latest, said
    invoke("build", listed, "--store", store)
    assert links(store)["1/citation/basis/1"] == (f"{LIFA}/2023-03-13/art_80", "latest")
    write_list(tmp_path, "2016-05-01")
    invoke("build", listed, "--store", store)
    assert links(store)["1/citation/basis/1"] == (f"{LIFA}/2015-03-15/art_80/para_1", "in-force")


def test_laws_show_prints_the_text_in_force(texts: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    invoke("laws", "import", texts, "--store", store)
    shown = invoke("laws", "show", "立法法第八十条第二款", "--store", store, "--date", "2016-01-01")
    head, text = shown.stdout.splitlines()
    assert head == (
        "《中华人民共和国立法法》第80条第2款 "
        "(version of 2015-03-15, in force on 2016-01-01; expired)"
    )
    assert text.startswith("部门规章规定的事项应当属于执行法律")
    today = invoke("laws", "show", "立法法第八十条", "--store", store).stdout
    assert "(version of 2023-03-13, in force on " in today and today.splitlines()[1].startswith(
        "第八十条 省、自治区"
    )
    item = invoke("laws", "show", "行政处罚法第九条第二项", "--store", store, "--version", "2021")
    assert item.stdout.splitlines()[1] == "（二）罚款、没收违法所得、没收非法财物；"


@pytest.mark.parametrize(
    ("ref", "options", "message"),
    [
        (
            "行政处罚法第九十九条",
            (),
            "第99条: not in the version of 2021-01-22 (its last article is 第86条)",
        ),
        ("行政处罚法第一条", ("--date", "2001-01-01"), "no version in force on 2001-01-01"),
        ("行政处罚法第一条", ("--version", "2009修正"), "no version '2009修正' in the store"),
        ("劳动法第一条", (), "《中华人民共和国劳动法》: no text of it in the store"),
        ("不是法律", (), "no law or provision found in '不是法律'"),
    ],
)
def test_laws_show_says_what_it_cannot_find_in_one_line(
    lawtexts: Path, tmp_path: Path, ref: str, options: tuple[str, ...], message: str
) -> None:
    store = tmp_path / "store"
    invoke("laws", "import", lawtexts, "--store", store)
    result = runner.invoke(app, ["laws", "show", ref, "--store", str(store), *options])
    assert result.exit_code == 1
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_laws_import_names_a_bad_file_and_imports_the_others(
    lawtexts: Path, tmp_path: Path
) -> None:
    (lawtexts / "行政法" / "坏(2020-01-01).md").write_bytes("# 坏\n\n第一条 甲".encode("gb18030"))
    result = runner.invoke(app, ["laws", "import", str(lawtexts), "--store", str(tmp_path / "s")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if "坏(2020-01-01).md" in line]
    assert len(errors) == 1 and "not UTF-8" in errors[0]
    assert "4 version(s): 4 new, 0 changed, 0 unchanged" in result.stderr
    missing = runner.invoke(
        app, ["laws", "import", str(tmp_path / "no"), "--store", str(tmp_path / "s")]
    )
    assert missing.exit_code == 1 and "no such file or folder" in missing.stderr
