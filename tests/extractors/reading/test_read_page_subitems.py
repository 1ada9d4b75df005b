"""Page text of a table with a 子项 column whose sub-item rows do not repeat their main item's
serial and name: each such row is read as a sub-item of the item above (listed in its
``subitems``, its cells joined to the item's), whole and in batches."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors import get_citations
from tests.extractors.reading.support import read_written
from tests.extractors.reading.test_stream import _same

FOREST = "《中华人民共和国森林法》"
ROWS = (
    f"1  对违法行为的处罚  对盗伐林木的处罚  行政处罚  县林业局  {FOREST}第七十六条",
    f"{{indent}}对滥伐林木的处罚  行政处罚  县林业局  {FOREST}第七十七条",
    f"{{indent}}对毁坏林木的处罚  行政处罚  县林业局  {FOREST}第七十四条",
    "2  渔业捕捞许可  渔业捕捞许可  行政许可  县农业农村局  《中华人民共和国渔业法》第二十三条",
)


@pytest.mark.parametrize("indent", ["", "    ", "\t"])
def test_sub_item_rows_without_serial_and_name_join_their_main_item(
    tmp_path: Path, indent: str
) -> None:
    # Before: each sub-item row ran into the basis of the item above (its type a word of the
    # basis), read as doubtful; the sub-items were not listed.
    text = "\n".join(["某县权责清单", "序号  主项名称  子项名称  事项类型  实施主体  设定依据"])
    text += "\n" + "\n".join(r.format(indent=indent) for r in ROWS) + "\n"
    plist = read_written(tmp_path, "page.txt", text)
    assert [(i.row, i.name, i.type, i.department, i.subitems) for i in plist.items] == [
        ("1", "对违法行为的处罚", "行政处罚", "县林业局",
         ("对盗伐林木的处罚", "对滥伐林木的处罚", "对毁坏林木的处罚")),
        ("2", "渔业捕捞许可", "行政许可", "县农业农村局", ("渔业捕捞许可",)),
    ]  # fmt: skip
    assert [c.article for c in get_citations(plist.items[0].basis or "")] == [76, 77, 74]
    assert plist.plausibility is not None and not plist.plausibility.doubtful
    _same(tmp_path / "page.txt", 1)


SAFETY = "《中华人民共和国安全生产法》第六十二条"
#: A list numbered 1, 1-1, 1-2, 2 without a 子项 column: (serial, name, type, basis).
NUMBERED = (
    ("1", "对生产经营单位的检查", "行政检查", SAFETY),
    ("1-1", "对生产经营单位的现场检查", "行政检查", SAFETY + "第一款"),
    ("1-2", "对生产经营单位的资料检查", "行政检查", SAFETY + "第二款"),
    ("2", "渔业捕捞许可", "行政许可", "《中华人民共和国渔业法》第二十三条"),
    ("3", "对非法捕捞的处罚", "行政处罚", "《中华人民共和国渔业法》第三十八条"),
)


@pytest.mark.parametrize("paragraphs", [False, True])
def test_sub_item_serials_without_a_subitem_column_are_sub_items_of_their_main_item(
    tmp_path: Path, paragraphs: bool
) -> None:
    # Before: a line opened by 1-1 was no record (only bare serials opened one): the rows 1-1
    # and 1-2 ran into item 1's basis, their types words of it, and the reading was doubtful
    # (text fields hold no other row's cells in 67% of items). Round 6: each an item of its own,
    # item 1's name in ``parent``. Round 7: folded into item 1 (one item per main serial, as
    # realworld/NOTES.md counts items), each listed in its ``subitems`` with its own serial,
    # their bases joined to item 1's, whole and in batches.
    header = ("序号", "事项名称", "事项类型", "设定依据")
    if paragraphs:
        text = "\n\n".join(["某县权责清单", *header, *(c for row in NUMBERED for c in row)])
    else:
        text = "\n".join(["某县权责清单", "  ".join(header), *("  ".join(r) for r in NUMBERED)])
    plist = read_written(tmp_path, "page.txt", text + "\n")
    main = (*NUMBERED[0][:3], "\n".join(row[3] for row in NUMBERED[:3]))
    assert [(i.row, i.name, i.type, i.basis) for i in plist.items] == [main, *NUMBERED[3:]]
    subitems = ("1-1 " + NUMBERED[1][1], "1-2 " + NUMBERED[2][1])
    assert [i.subitems for i in plist.items] == [subitems, (), ()]
    assert [i.parent for i in plist.items] == [None] * 3
    assert plist.rows_seen == plist.rows_accounted()  # the folded rows are part of item 1
    assert plist.plausibility is not None and not plist.plausibility.doubtful
    for size in (1, 2):
        assert _same(tmp_path / "page.txt", size) is not None, "read whole"
