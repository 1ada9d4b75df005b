"""Reading an official catalogue: ``DIR/db.sqlite3`` and ``DIR/DLC/*/db.sqlite3`` (tables ``law``
and ``category``), one row per version of an instrument, and the file each row names
(``<category folder>/<filename or name>(<publish>).md``, or without the date when the catalogue
has none; a file the catalogue files under another folder is found by its name when only one
file of the catalogue has it: 农业技术推广法(2024-04-26).md is catalogued under 社会法 and kept
under 经济法).

Rows of levels that are not instruments (案例, court cases; 其他) are left out, as are rows whose
file is missing (reported).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from extractors.citing.lawdb import RANKS

#: Catalogue levels that name no instrument of a rank the registry knows.
SKIPPED_LEVELS: Final = frozenset({"案例", "其他"})

_QUERY: Final = """
    SELECT law.level, law.name, law.filename, law.publish, law.valid_from, law.expired,
           category.folder
    FROM law JOIN category ON category.id = law.category_id
    ORDER BY category.folder, law.name, law.publish
"""


@dataclass(frozen=True, slots=True)
class Row:
    """One catalogue row: one version of an instrument, with the file that holds it."""

    rank: str
    name: str
    publish: str | None
    valid_from: str | None
    expired: bool
    folder: str
    root: Path  # the folder of the row's database, which ``path`` lies under
    path: Path
    part: bool  # the file holds one part (编) of the instrument, named by the catalogue's filename


def databases(root: Path) -> list[Path]:
    """The catalogue databases under ``root``: its own and one per province under ``DLC/``."""
    found = [root / "db.sqlite3"] if (root / "db.sqlite3").is_file() else []
    return found + sorted((root / "DLC").glob("*/db.sqlite3"))


def read_rows(root: Path, problems: list[str], left_out: list[Path] | None = None) -> Iterator[Row]:
    """Every instrument row of every catalogue under ``root``; a row whose file is missing or
    whose level is no known rank is reported in ``problems`` (one line each) and left out. The
    files of rows whose level names no instrument (``SKIPPED_LEVELS``) go to ``left_out`` when
    given (the law import tells them apart from files no catalogue names)."""
    for db in databases(root):
        base = db.parent
        by_name: dict[str, list[Path]] = {}
        for md in sorted(base.rglob("*.md")):
            by_name.setdefault(md.name, []).append(md)
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            rows = con.execute(_QUERY).fetchall()
        finally:
            con.close()
        for level, name, filename, publish, valid_from, expired, folder in rows:
            if level in SKIPPED_LEVELS:
                if left_out is not None:
                    stem = filename or name
                    left_out += [
                        base / folder / f"{stem}({publish}).md",
                        base / folder / f"{stem}.md",
                    ]
                continue
            if level not in RANKS:
                problems.append(f"{db}: {name}: level {level!r} is no known rank; left out")
                continue
            stem = filename or name
            candidates = [base / folder / f"{stem}({publish}).md"] if publish else []
            candidates.append(base / folder / f"{stem}.md")
            path: Path | None = next((p for p in candidates if p.is_file()), None)
            if path is None:
                elsewhere = [p for c in candidates for p in by_name.get(c.name, ())]
                path = elsewhere[0] if len(elsewhere) == 1 else None
            if path is None:
                problems.append(f"{db}: {name} ({publish or 'no date'}): no file {candidates[0]}")
                continue
            yield Row(
                rank=level,
                name=name,
                publish=publish or None,
                valid_from=valid_from or None,
                expired=bool(expired),
                folder=folder,
                root=base,
                path=path,
                part=filename is not None,
            )
