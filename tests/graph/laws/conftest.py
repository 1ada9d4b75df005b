"""A small folder of official texts in the layout of ``../shared/lawtexts``, made in a temporary
directory from real files and a catalogue written here with the real schema (the whole folder
takes a minute to import: the bench measures that)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.shared import shared_path

#: (folder, file, catalogue name, valid-from, expired): the texts the tests import; 宪法.md is
#: named without a date, and catalogued without one: its history dates it.
TEXTS = (
    ("宪法相关法", "立法法(2015-03-15).md", "立法法", "2015-03-15", True),
    ("行政法", "行政处罚法(2021-01-22).md", "行政处罚法", "2021-07-15", False),
    ("社会法", "社会保险法(2018-12-29).md", "社会保险法", "2018-12-29", False),
    ("宪法", "宪法.md", "宪法", None, False),
)
NEWER = ("宪法相关法", "立法法(2023-03-13).md", "立法法", "2023-03-15", False)

_SCHEMA = """
CREATE TABLE category (id TEXT NOT NULL UNIQUE PRIMARY KEY, name TEXT NOT NULL, folder TEXT NOT
  NULL, isSubFolder INTEGER NOT NULL, "group" TEXT, "order" integer);
CREATE TABLE law (id TEXT NOT NULL PRIMARY KEY, level TEXT NOT NULL, name TEXT NOT NULL, filename
  TEXT, publish DATE, expired INTEGER NOT NULL, "order" integer, subtitle TEXT, valid_from DATE,
  ver INTEGER, tags TEXT, category_id TEXT NOT NULL);
"""


def add_text(
    root: Path, folder: str, name: str, title: str, valid: str | None, expired: bool
) -> Path:
    """Copy one real text into ``root`` and catalogue it (its publication date from its file
    name, none when it has none)."""
    target = root / folder / name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shared_path("lawtexts", folder, name), target)
    publish = name[name.index("(") + 1 : name.index(")")] if "(" in name else None
    con = sqlite3.connect(root / "db.sqlite3")
    with con:
        con.executescript(_SCHEMA.replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS"))
        con.execute(
            "INSERT OR IGNORE INTO category VALUES (?, ?, ?, 0, NULL, 0)", (folder, folder, folder)
        )
        con.execute(
            "INSERT INTO law VALUES (?, '法律', ?, NULL, ?, ?, 0, NULL, ?, 1, NULL, ?)",
            (f"{title}{publish}", title, publish, int(expired), valid, folder),
        )
    con.close()
    return target


@pytest.fixture()
def lawtexts(tmp_path: Path) -> Path:
    """The folder of TEXTS."""
    root = tmp_path / "lawtexts"
    for text in TEXTS:
        add_text(root, *text)
    return root
