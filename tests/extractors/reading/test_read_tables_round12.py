"""Table formats, round 12: a second titled table without the first's department column gives
its items its own title's ``section_department``; a cell that only points at the row above
(同上一条, 同上款, 同上一款) carries that row's cell, said, in every format; a subtotal row
naming a type (小计：行政处罚2项) is a count row, no item; an annex keyed to the items by serial
(序号 | 追责情形 | 追责依据) is joined where its structure makes the serial a safe key, else its
rows are rejects saying why."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors import read_list
from extractors.errors import InputError
from tests.extractors.reading.support import filled_fields
from tests.extractors.reading.tables import FORMATS, Table, write, xls, xlsx
from tests.extractors.reading.test_stream import _same

HEADER = ("序号", "事项名称", "事项类型", "设定依据")
PRICE = "《中华人民共和国价格法》第三十九条"
HOARD = "《中华人民共和国价格法》第四十条"
SCHOOL = "《中华人民共和国民办教育促进法》第十二条"
TABLE_FORMATS = ["xlsx", "xls", "csv", "docx"]


# ── two titled tables on one sheet, the first with a department column ──────────────────────
WITH_COLUMN = Table(
    (
        ("序号", "事项名称", "事项类型", "实施部门", "设定依据"),
        ("1", "对价格违法行为的处罚", "行政处罚", "某县市场监督管理局", PRICE),
        ("2", "对哄抬价格的处罚", "行政处罚", "某县市场监督管理局", HOARD),
    ),
    before=("一、某县市场监督管理局权责清单",),
)
WITHOUT_COLUMN = Table(
    (
        HEADER,
        ("1", "民办学校设立审批", "行政许可", SCHOOL),
        ("2", "对违法举办学校的处罚", "行政处罚", "《中华人民共和国教育法》第七十五条"),
    ),
    before=("二、某县教育局权责清单",),
)


@pytest.mark.parametrize("suffix", [*TABLE_FORMATS, "html"])
def test_a_second_titled_table_without_the_department_column_takes_its_title(
    tmp_path: Path, suffix: str
) -> None:
    # before: the first table's department column counted for the whole sheet, so the second
    # table's items got no section_department and each said missing-cell (a merged cell?)
    path = write(tmp_path, [WITH_COLUMN, WITHOUT_COLUMN], suffix)
    plist = read_list(path)
    keys = ("row", "name", "department", "section_department")
    assert filled_fields(plist, keys) == [
        {"row": "1", "name": "对价格违法行为的处罚", "department": "某县市场监督管理局"},
        {"row": "2", "name": "对哄抬价格的处罚", "department": "某县市场监督管理局"},
        {"row": "1", "name": "民办学校设立审批", "section_department": "某县教育局"},
        {"row": "2", "name": "对违法举办学校的处罚", "section_department": "某县教育局"},
    ]
    assert [a.code for i in plist.items for a in i.anomalies] == []
    _same(path, 1)


@pytest.mark.parametrize("suffix", TABLE_FORMATS)
def test_a_department_cell_left_blank_under_its_own_column_is_still_said(
    tmp_path: Path, suffix: str
) -> None:
    # the rule is the row's own header: a blank under a department column is no title's
    rows = (*WITH_COLUMN.rows, ("3", "对价格欺诈的处罚", "行政处罚", "", PRICE))
    path = write(tmp_path, [Table(rows, before=WITH_COLUMN.before)], suffix)
    last = read_list(path).items[-1]
    assert (last.department, last.section_department) == (None, None)
    assert [a.code for a in last.anomalies] == ["missing-cell"]


# ── a cell pointing at the row above ──────────────────────────────────────────────────────────
DITTOS = ["同上一条", "同上款", "同上一款", "同上一行", "同上条款"]


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("mark", DITTOS)
def test_a_basis_pointing_at_the_row_above_carries_its_cell(
    tmp_path: Path, suffix: str, mark: str
) -> None:
    # before: the basis read 同上一条 and cited nothing, with no word said
    if suffix in ("paragraphs.txt", "unruled.pdf", "pdf") and mark != DITTOS[0]:
        pytest.skip("one mark is enough for the slower or one-cell-per-line layouts")
    rows = (
        HEADER,
        ("1", "对价格违法行为的处罚", "行政处罚", PRICE),
        ("2", "对哄抬价格的处罚", "行政处罚", mark),
    )
    plist = read_list(write(tmp_path, [Table(rows)], suffix))
    assert [i.basis for i in plist.items] == [PRICE, PRICE]
    said = [a for a in plist.items[1].anomalies if a.code == "copied-cell"]
    assert [(a.column, a.text) for a in said] == [("basis", mark)]


@pytest.mark.parametrize("text", ["同上一条规定", "同上级部门", "同前款规定"])
def test_a_cell_saying_more_than_a_pointer_is_kept(tmp_path: Path, text: str) -> None:
    rows = (
        HEADER,
        ("1", "对价格违法行为的处罚", "行政处罚", PRICE),
        ("2", "对哄抬价格的处罚", "行政处罚", text),
    )
    plist = read_list(write(tmp_path, [Table(rows)], "csv"))
    assert plist.items[1].basis == text


# ── subtotal rows ─────────────────────────────────────────────────────────────────────────────
@pytest.mark.parametrize("suffix", ["xlsx", "csv", "docx", "md"])
@pytest.mark.parametrize("count", ["小计：行政处罚2项", "合计行政处罚2项", "总计：共计2项"])
def test_a_subtotal_naming_a_type_is_a_count_row(tmp_path: Path, suffix: str, count: str) -> None:
    # before: 小计：行政处罚2项 in the name column was an item of that name, said missing-cell
    rows = (
        HEADER,
        ("1", "对价格违法行为的处罚", "行政处罚", PRICE),
        ("2", "对哄抬价格的处罚", "行政处罚", HOARD),
        ("", count, "", ""),
    )
    plist = read_list(write(tmp_path, [Table(rows)], suffix))
    assert [i.name for i in plist.items] == ["对价格违法行为的处罚", "对哄抬价格的处罚"]
    assert [r.reason for r in plist.rejects] == ["a note or count row"]


# ── an annex keyed to the items by serial ─────────────────────────────────────────────────────
LISTED = Table(
    (
        HEADER,
        ("1", "对价格违法行为的处罚", "行政处罚", PRICE),
        ("2", "民办学校设立审批", "行政许可", SCHOOL),
    ),
    before=("附件1", "某县市场监督管理局权责清单"),
)
BY_SERIAL = ("序号", "追责情形", "追责依据")
SANCTION = "《行政机关公务员处分条例》第二十条"
LICENCE = "《行政机关公务员处分条例》第二十一条"
ANNEX_FORMATS = ["docx", "xlsx", "xls", "csv"]


def _annex(*rows: tuple[str, ...]) -> Table:
    return Table((BY_SERIAL, *rows), before=("附件2", "追责情形及依据"))


@pytest.mark.parametrize("suffix", ANNEX_FORMATS)
def test_an_annex_keyed_by_serial_is_joined_when_each_row_names_its_item(
    tmp_path: Path, suffix: str
) -> None:
    # a row for each item, the same serials, each 追责情形 naming its item (价格违法行为) or its
    # type (处罚): before, every row a reject (a table of another kind, or no header)
    annex = _annex(
        ("1", "对价格违法行为应当处罚而未处罚的", SANCTION),
        ("2", "对不符合条件的民办学校准予设立的", LICENCE),
    )
    path = write(tmp_path, [LISTED, annex], suffix)
    plist = read_list(path)
    assert [(i.row, i.name, i.accountability_basis) for i in plist.items] == [
        ("1", "对价格违法行为的处罚", SANCTION),
        ("2", "民办学校设立审批", LICENCE),
    ]
    assert [[a.code for a in i.anomalies] for i in plist.items] == [["joined-record"]] * 2
    assert "keyed by serial" in plist.items[0].anomalies[0].message
    assert plist.rejects == ()
    assert plist.rows_seen == plist.rows_accounted()
    _same(path, 1)


UNSAFE = [
    pytest.param(
        (
            ("1", "滥用职权的", SANCTION),
            ("2", "玩忽职守的", LICENCE),
            ("3", "徇私舞弊的", SANCTION),
        ),
        "3 rows for the list's 2 items",
        id="more-rows-than-items",
    ),
    pytest.param(
        (
            ("1", "对价格违法行为应当处罚而未处罚的", SANCTION),
            ("3", "对民办学校违法审批的", LICENCE),
        ),
        "serial 3 where the list's item at its place has 2",
        id="serials-differ",
    ),
    pytest.param(
        (("1", "对价格违法行为应当处罚而未处罚的", SANCTION), ("2", "玩忽职守的", LICENCE)),
        "its 追责情形 names neither item 2 (民办学校设立审批) nor its type",
        id="a-row-naming-no-item",
    ),
    pytest.param(
        (
            ("1", "对民办学校违法准予设立的", SANCTION),
            ("2", "对价格违法行为应当处罚而未处罚的", LICENCE),
        ),
        "its 追责情形 names item 2 (民办学校设立审批), not item 1 (对价格违法行为的处罚)",
        id="rows-naming-each-others-items",
    ),
]


@pytest.mark.parametrize("suffix", ANNEX_FORMATS)
@pytest.mark.parametrize(("rows", "why"), UNSAFE)
def test_an_annex_keyed_by_serial_unsafely_is_rejected_with_its_reason(
    tmp_path: Path, suffix: str, rows: tuple[tuple[str, ...], ...], why: str
) -> None:
    # the serial is the annex's key as a whole: any row failing leaves every row out, said
    path = write(tmp_path, [LISTED, _annex(*rows)], suffix)
    plist = read_list(path)
    assert [(i.name, i.accountability_basis) for i in plist.items] == [
        ("对价格违法行为的处罚", None),
        ("民办学校设立审批", None),
    ]
    assert [a.code for i in plist.items for a in i.anomalies] == []
    assert len(plist.rejects) == len(rows)
    assert all("keyed to the items by serial" in r.reason for r in plist.rejects)
    assert any(why in r.reason for r in plist.rejects)
    assert plist.rows_seen == plist.rows_accounted()
    _same(path, 1)


def test_an_annex_keyed_by_serial_without_a_situation_is_rejected(tmp_path: Path) -> None:
    # 序号 | 追责依据 alone: nothing tells which item a row is, so the serial is no safe key
    annex = Table((("序号", "追责依据"), ("1", SANCTION), ("2", LICENCE)), before=("附件2",))
    plist = read_list(write(tmp_path, [LISTED, annex], "docx"))
    assert [i.accountability_basis for i in plist.items] == [None, None]
    assert len(plist.rejects) == 2


# ── a GBK CSV with a row of UTF-8 ─────────────────────────────────────────────────────────────
def _csv_line(cells: tuple[str, ...]) -> str:
    return ",".join(cells) + "\r\n"


LINES = (
    HEADER,
    ("1", "对价格违法行为的处罚", "行政处罚", PRICE),
    ("2", "对哄抬价格的处罚", "行政处罚", HOARD),
)


@pytest.mark.parametrize("stray", [0, 1, 2], ids=["utf8-header", "utf8-first-row", "utf8-last-row"])
def test_a_gbk_csv_with_a_utf8_line_reads_each_line_in_its_own(tmp_path: Path, stray: int) -> None:
    # before: refused whole (not UTF-8; pass --encoding GB18030, which made the UTF-8 row
    # mojibake); now each line in its own encoding, the stray one said on its item
    data = b"".join(
        _csv_line(cells).encode("utf-8" if n == stray else "gbk") for n, cells in enumerate(LINES)
    )
    path = tmp_path / "list.csv"
    path.write_bytes(data)
    plist = read_list(path)
    assert [(i.name, i.basis) for i in plist.items] == [(r[1], r[3]) for r in LINES[1:]]
    said = [(k, a.message) for k, i in enumerate(plist.items) for a in i.anomalies]
    assert said == [
        (
            max(stray - 1, 0),
            f"line {stray + 1} is UTF-8 in a GB18030 file (pasted in from "
            "another file?): read as UTF-8",
        )
    ]


def test_a_file_of_half_and_half_is_still_refused(tmp_path: Path) -> None:
    # no majority to say which lines stray: not guessed
    data = _csv_line(LINES[0]).encode("gbk") + _csv_line(LINES[1]).encode("utf-8")
    path = tmp_path / "list.csv"
    path.write_bytes(data)
    with pytest.raises(InputError, match="GB18030"):
        read_list(path)


# ── JSON fields named by the pinyin initials of 权力事项名称 ───────────────────────────────────
@pytest.mark.parametrize(
    ("name", "kind"),
    [("qlsxmc", "qlsxlx"), ("zqsxmc", "zqsxlx"), ("XZQLMC", "XZQLLX")],
    ids=["quanli-shixiang", "zhiquan-shixiang", "xingzheng-quanli"],
)
def test_json_fields_in_pinyin_initials_of_a_longer_header(
    tmp_path: Path, name: str, kind: str
) -> None:
    # before: refused (no item to judge: qlsxmc | qlsxlx | sdyj named no field)
    records = [{name: "对价格违法行为的处罚", kind: "行政处罚", "sdyj": PRICE}]
    path = tmp_path / "list.json"
    path.write_text(json.dumps({"obj": {"rows": records}}, ensure_ascii=False), encoding="utf-8")
    plist = read_list(path)
    assert [(i.name, i.type, i.basis) for i in plist.items] == [
        ("对价格违法行为的处罚", "行政处罚", PRICE)
    ]


@pytest.mark.parametrize("children", ["children", "subList", "zx"])
def test_json_children_named_as_items_are_their_parents_subitems(
    tmp_path: Path, children: str
) -> None:
    # "children": [{"sxmc": …}] under an item: before, each child an item of its own, its
    # parent lost without a word; now a 子项 of its parent, as under a 项目 | 子项 header
    record = {
        "sxmc": "民办学校审批",
        "sxlx": "行政许可",
        children: [
            {"sxmc": "民办学校设立审批", "sdyj": SCHOOL},
            {"sxmc": "民办学校变更审批", "sdyj": SCHOOL},
        ],
    }
    path = tmp_path / "list.json"
    path.write_text(json.dumps({"data": [record]}, ensure_ascii=False), encoding="utf-8")
    plist = read_list(path)
    assert [(i.name, i.type, i.subitems) for i in plist.items] == [
        ("民办学校审批", "行政许可", ("民办学校设立审批", "民办学校变更审批"))
    ]


# ── a workbook of a sheet per power type, the tabs named short ────────────────────────────────
@pytest.mark.parametrize("suffix", ["xlsx", "xls"])
@pytest.mark.parametrize(
    "names", [("许可", "处罚"), ("1.许可类", "2.处罚类"), ("许可（1项）", "处罚（1项）")]
)
def test_sheets_named_by_a_type_without_its_xingzheng_give_the_type(
    tmp_path: Path, suffix: str, names: tuple[str, str]
) -> None:
    # before: no type (the sheets' names were read as no heading), nothing said
    tables = [
        Table(
            (("序号", "事项名称", "设定依据"), ("1", "民办学校设立审批", SCHOOL)), sheet=names[0]
        ),
        Table(
            (("序号", "事项名称", "设定依据"), ("1", "对价格违法行为的处罚", PRICE)), sheet=names[1]
        ),
    ]
    path = tmp_path / f"list.{suffix}"
    path.write_bytes((xlsx if suffix == "xlsx" else xls)(tables, sheets=True))
    plist = read_list(path)
    assert [(i.name, i.type) for i in plist.items] == [
        ("民办学校设立审批", "行政许可"),
        ("对价格违法行为的处罚", "行政处罚"),
    ]
    _same(path, 1)


# ── a list's title after an annex's label in Chinese numerals, a compound one, a part's ───────
@pytest.mark.parametrize("suffix", TABLE_FORMATS)
@pytest.mark.parametrize(
    "title",
    ["附件一：某县林业局权责清单", "附件1-2 某县林业局权责清单", "第二部分 某县林业局权责清单"],
)
def test_a_title_after_an_annex_or_part_label_names_the_section_department(
    tmp_path: Path, suffix: str, title: str
) -> None:
    # before: the label (附件一：, 附件1-2, 第二部分) hid the department, no section_department
    path = write(
        tmp_path,
        [Table((HEADER, ("1", "林木采伐许可", "行政许可", SCHOOL)), before=(title,))],
        suffix,
    )
    assert [i.section_department for i in read_list(path).items] == ["某县林业局"]


# ── a name cell pointing at the row above ─────────────────────────────────────────────────────
@pytest.mark.parametrize("suffix", ["xlsx", "csv", "docx", "md", "spaced.txt"])
def test_a_name_saying_ditto_takes_the_name_above(tmp_path: Path, suffix: str) -> None:
    # before: an item named 同上, nothing said
    rows = (
        HEADER,
        ("1", "对价格违法行为的处罚", "行政处罚", PRICE),
        ("2", "同上", "行政处罚", HOARD),
    )
    plist = read_list(write(tmp_path, [Table(rows)], suffix))
    assert [(i.row, i.name, i.basis) for i in plist.items] == [
        ("1", "对价格违法行为的处罚", PRICE),
        ("2", "对价格违法行为的处罚", HOARD),
    ]
    said = [(a.code, a.column) for a in plist.items[1].anomalies]
    assert said == [("copied-cell", "name")]


@pytest.mark.parametrize("suffix", ["xlsx", "csv", "docx"])
def test_a_name_saying_ditto_over_a_subitem_is_the_main_item_again(
    tmp_path: Path, suffix: str
) -> None:
    # 同上 | 对价格欺诈的处罚 under 事项名称 | 子项: the main item above, its sub-item's parent
    rows = (
        ("序号", "事项名称", "子项", "事项类型", "设定依据"),
        ("1", "对价格违法行为的处罚", "对哄抬价格的处罚", "行政处罚", PRICE),
        ("2", "同上", "对价格欺诈的处罚", "行政处罚", HOARD),
    )
    plist = read_list(write(tmp_path, [Table(rows)], suffix))
    assert [(i.name, i.parent) for i in plist.items] == [
        ("对价格违法行为的处罚", None),
        ("对价格欺诈的处罚", "对价格违法行为的处罚"),
    ]


def test_a_name_saying_ditto_with_no_row_above_is_said(tmp_path: Path) -> None:
    rows = (HEADER, ("1", "同上", "行政处罚", PRICE))
    plist = read_list(write(tmp_path, [Table(rows)], "csv"))
    assert [a.code for i in plist.items for a in i.anomalies] == ["unresolved-reference"]
