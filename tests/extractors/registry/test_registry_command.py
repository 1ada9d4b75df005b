"""``quanze laws registry DIR`` on a small catalogue made here (a real SQLite database and real
files in the layout of ../shared/lawtexts): ambiguous aliases reported and kept, a bad file named
in one line while the others go through, versions grouped by date."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from graph.app.cli import app

_SCHEMA = """
CREATE TABLE category (id TEXT PRIMARY KEY, name TEXT, folder TEXT, isSubFolder INTEGER,
                       "group" TEXT, "order" INTEGER);
CREATE TABLE law (id TEXT PRIMARY KEY, level TEXT, name TEXT, filename TEXT, publish DATE,
                  expired INTEGER, "order" INTEGER, subtitle TEXT, valid_from DATE, ver INTEGER,
                  tags TEXT, category_id TEXT);
"""


def _text(title: str, articles: int, suffixed: int = 0) -> str:
    heads = [f"第{n}条 内容。" for n in range(1, articles + 1)]
    heads += [f"第{articles}条之{n} 增加。" for n in range(1, suffixed + 1)]
    return f"# {title}\n\n2020年1月1日通过\n\n<!-- INFO END -->\n\n" + "\n\n".join(heads) + "\n"


def _catalogue(root: Path, rows: list[tuple[str, str, str, str, int, str]]) -> None:
    """rows: (level, name, publish, folder, expired, file text)"""
    con = sqlite3.connect(root / "db.sqlite3")
    con.executescript(_SCHEMA)
    folders = sorted({r[3] for r in rows})
    for i, folder in enumerate(folders):
        con.execute("INSERT INTO category VALUES (?,?,?,0,NULL,?)", (f"c{i}", folder, folder, i))
    for i, (level, name, publish, folder, expired, text) in enumerate(rows):
        con.execute(
            "INSERT INTO law VALUES (?,?,?,NULL,?,?,NULL,NULL,?,1,NULL,?)",
            (f"l{i}", level, name, publish, expired, publish, f"c{folders.index(folder)}"),
        )
        (root / folder).mkdir(parents=True, exist_ok=True)
        (root / folder / f"{name}({publish}).md").write_text(text, encoding="utf-8")
    con.execute(
        "INSERT INTO law VALUES ('case',  '案例', '某案', NULL, '2020-01-01', 0, NULL, NULL, "
        "NULL, 1, NULL, 'c0')"
    )
    con.commit()
    con.close()


def _run(root: Path, out: Path) -> tuple[Any, dict[str, Any]]:
    result = CliRunner().invoke(app, ["laws", "registry", str(root), "--out", str(out)])
    data = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    return result, data


def test_registry_command_reports_ambiguity_and_bad_files(tmp_path: Path) -> None:
    root = tmp_path / "lawtexts"
    root.mkdir()
    _catalogue(
        root,
        [
            ("法律", "某法", "2010-01-01", "法律", 1, _text("中华人民共和国某法", 10)),
            ("法律", "某法", "2020-01-01", "法律", 0, _text("中华人民共和国某法", 12, 2)),
            # two instruments shortened alike: 管理办法 names both
            ("部门规章", "管理办法", "2019-01-01", "部门规章/甲部", 0, _text("甲部管理办法", 3)),
            ("部门规章", "管理办法", "2019-02-01", "部门规章/乙部", 0, _text("乙部管理办法", 4)),
            ("行政法规", "坏条例", "2018-01-01", "行政法规", 0, "no title here\n第一条 x\n"),
        ],
    )
    result, data = _run(root, tmp_path / "out.json")
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert any(
        "ambiguous alias '管理办法'" in line and "乙部管理办法 | 甲部管理办法" in line
        for line in lines
    )
    # the hand entries' own ambiguity is reported too: the registry as it would ship
    assert any("ambiguous alias '处分条例'" in line for line in lines)
    bad = [line for line in lines if "坏条例" in line]
    assert len(bad) == 1 and "no '# title' line" in bad[0] and "Traceback" not in result.stderr
    laws = {e["title"]: e for e in data["laws"]}
    assert sorted(laws) == ["中华人民共和国某法", "乙部管理办法", "甲部管理办法"]
    law = laws["中华人民共和国某法"]
    assert law["aliases"] == ["某法"] and law["rank"] == "法律" and law["id"] == law["title"]
    assert [
        (v["published"], v["expired"], v["articles"], v["last_article"]) for v in law["versions"]
    ] == [
        ("2010-01-01", True, 10, 10),
        ("2020-01-01", False, 14, 12),
    ]
    assert laws["甲部管理办法"]["aliases"] == ["管理办法"] == laws["乙部管理办法"]["aliases"]
    assert laws["甲部管理办法"]["issuer"] == "甲部"


def test_registry_command_without_a_catalogue_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["laws", "registry", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0 and "no catalogue" in result.stderr
