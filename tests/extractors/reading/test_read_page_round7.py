"""Round 7: rows numbered with a sub-item's serial (1-1, 1.1, 1－2) folded into their main item,
one item per main serial, in every format; and page text in the shapes round 6 left: records
with all pairs on one line apart at `` | ``, items numbered 一、二、 in a spaced table or in a
table flattened one cell per line, a name wrapped onto its own line under a spaced row. Each
whole and in batches alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.models import PowerList
from extractors.reading.read import read_list
from tests.extractors.reading.support import filled_fields, read_written
from tests.extractors.reading.tables import FORMATS, Table, write
from tests.extractors.reading.test_read_shapes import HEADER, ITEMS
from tests.extractors.reading.test_stream import _same

FIELDS = ("row", "name", "type", "department", "basis", "accountability_basis")
TITLE = "某县人力社保局权责清单"
LABELS = HEADER[1:]
EXPECTED = [dict(zip(FIELDS, item, strict=True)) for item in ITEMS]


def _squeezed(plist: PowerList) -> list[tuple[str | None, ...]]:
    """Each item's fields and sub-items, white space dropped (a PDF's cells wrap)."""
    return [
        (
            *("".join(v.split()) if (v := getattr(i, k)) else None for k in FIELDS),
            tuple("".join(s.split()) for s in i.subitems),
            i.parent,
        )
        for i in plist.items
    ]


# ---- 1. sub-item serials: one item per main serial ------------------------------------------


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("dash", ["-", "－", "."], ids=["hyphen", "fullwidth", "dot"])
def test_sub_serial_rows_fold_into_their_main_item(tmp_path: Path, suffix: str, dash: str) -> None:
    # 1-1 (1－1, 1.1) and 1-2 right under item 1, no 子项 column: realworld/NOTES.md counts one
    # item per main serial, and the scorer matches items and citations by (source, row). Before
    # (f8aec24): items of their own, rows 1-1 and 1-2, item 1's name in ``parent``, so their
    # citations carried rows no gold item has.
    first, second, third = ITEMS
    rows = (first, (f"1{dash}1", *second[1:]), (f"1{dash}2", *third[1:]), ("2", *second[1:]))
    path = write(tmp_path, [Table((HEADER, *rows))], suffix)
    plist = read_list(path)
    joined = [first[k] + second[k] + third[k] for k in (4, 5)]
    subs = (f"1{dash}1{second[1]}", f"1{dash}2{third[1]}")
    assert _squeezed(plist) == [
        (*first[:4], *joined, subs, None),
        ("2", *second[1:], (), None),
    ]
    assert plist.rows_seen == plist.rows_accounted()  # the folded rows are part of item 1
    _same(path, 1)


@pytest.mark.parametrize("suffix", ["md", "csv", "xlsx", "spaced.txt"])
def test_sub_serial_rows_under_a_subitem_column_fold_into_their_main_item(
    tmp_path: Path, suffix: str
) -> None:
    # 序号 | 事项名称 | 子项名称 | …: the main item's row, then its 子项 numbered 1-1, 1-2, the
    # main name written again on each. Before: items of their own named by their 子项.
    first, second, third = ITEMS
    header = (*HEADER[:2], "子项名称", *HEADER[2:])
    rows = (
        (*first[:2], "", *first[2:]),
        ("1-1", first[1], "现场检查", *first[2:4], second[4], second[5]),
        ("1-2", first[1], "书面检查", *first[2:4], third[4], third[5]),
        (*second[:2], "", *second[2:]),
    )
    path = write(tmp_path, [Table((header, *rows))], suffix)
    plist = read_list(path)
    joined = [first[k] + second[k] + third[k] for k in (4, 5)]
    assert _squeezed(plist) == [
        (*first[:4], *joined, ("1-1现场检查", "1-2书面检查"), None),
        (*second, (), None),
    ]
    _same(path, 1)


def test_a_sub_serial_under_another_main_item_is_said(tmp_path: Path) -> None:
    # 2-1 right under item 1 (item 2 missing), then 2-2: neither is folded into item 1; each is
    # an item of its own, and said (orphan-subitem). Before: items without a word.
    first, second, third = ITEMS
    rows = (first, ("2-1", *second[1:]), ("2-2", *third[1:]), ("3", *third[1:]))
    text = "\n".join([TITLE, "  ".join(HEADER), *("  ".join(r) for r in rows)]) + "\n"
    plist = read_written(tmp_path, "page.txt", text)
    assert [i.row for i in plist.items] == ["1", "2-1", "2-2", "3"]
    said = [[a.code for a in i.anomalies if a.code == "orphan-subitem"] for i in plist.items]
    assert said == [[], ["orphan-subitem"], ["orphan-subitem"], []]
    _same(tmp_path / "page.txt", 1)


def test_a_list_numbered_only_with_two_levels_keeps_its_items(tmp_path: Path) -> None:
    # 1-1, 1-2, 2-1 and no main item's row: each is an item, nothing to fold them into, nothing
    # said (read so before too)
    rows = [(s, *i[1:]) for s, i in zip(("1-1", "1-2", "2-1"), ITEMS, strict=True)]
    text = "\n".join([TITLE, "  ".join(HEADER), *("  ".join(r) for r in rows)]) + "\n"
    plist = read_written(tmp_path, "page.txt", text)
    assert filled_fields(plist, FIELDS) == [
        {**e, "row": s} for s, e in zip(("1-1", "1-2", "2-1"), EXPECTED, strict=True)
    ]
    assert not any(a.code == "orphan-subitem" for i in plist.items for a in i.anomalies)
