"""Round 5 of the table readers' shapes: a single table under a line holding nothing but a
department's name (县人力社保局, 二、县人力社保局), no department column. Its items take that
department in every format, whole and in batches; a title (县人力社保局权责清单) names the list's
department (``ListMeta.department``), not the items'."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors import read_list
from tests.extractors.reading.tables import Table, write
from tests.extractors.reading.test_read_shapes import HEADER, ITEMS, _read_back
from tests.extractors.reading.test_stream import _same

_WITHOUT = HEADER.index("实施主体")


def _rows(department: str) -> tuple[tuple[str, ...], ...]:
    """The items of ``department`` without their department cell."""
    return tuple(
        tuple(c for k, c in enumerate(i) if k != _WITHOUT) for i in ITEMS if i[3] == department
    )


@pytest.mark.parametrize("suffix", ["md", "csv", "xlsx", "html", "docx"])
@pytest.mark.parametrize("line", ["县人力社保局", "二、县人力社保局"])
def test_a_single_table_under_a_department_line(tmp_path: Path, suffix: str, line: str) -> None:
    # before, HTML and DOCX gave the line's department only over each of several tables: a
    # single table's items had none, without a word (Markdown, CSV and sheets gave it).
    header = tuple(h for k, h in enumerate(HEADER) if k != _WITHOUT)
    path = write(tmp_path, [Table((header, *_rows("县人力社保局")), before=(line,))], suffix)
    expected = tuple(i for i in ITEMS if i[3] == "县人力社保局")
    plist = _read_back(path, expected, heading=True)
    assert [a for i in plist.items for a in i.anomalies] == []
    _same(path, size=1)


@pytest.mark.parametrize("suffix", ["md", "csv", "xlsx", "html", "docx"])
def test_a_title_names_the_lists_department(tmp_path: Path, suffix: str) -> None:
    # 县人力社保局权责清单 over the table is the list's title: the list's department, the same in
    # every format; the items keep what their rows say (no department column: none).
    header = tuple(h for k, h in enumerate(HEADER) if k != _WITHOUT)
    rows = _rows("县人力社保局")
    path = write(tmp_path, [Table((header, *rows), before=("县人力社保局权责清单",))], suffix)
    plist = read_list(path)
    assert plist.meta.department == "县人力社保局"
    assert [i.name for i in plist.items] == [r[1] for r in rows]
    assert {i.department for i in plist.items} == {None}
    _same(path, size=1)
