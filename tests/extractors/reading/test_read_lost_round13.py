"""Round 13 of "nothing lost": rows of page text and TSV that ended in no item and no reject.
An annex of another kind under a list (附件2 with its own header, 序号 | 追责情形 | 追责依据)
and a 责任清单 of label：value records under a tab-separated table. Each whole and in batches."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.extractors.reading.support import (
    CIVIL,
    FORESTRY_ITEMS,
    LIST_HEADER,
    read_written,
)
from tests.extractors.reading.test_stream import _same

HEADER, ITEMS = LIST_HEADER, FORESTRY_ITEMS
OTHER_HEADER = ("序号", "追责情形", "追责依据")
SITUATIONS = (
    ("1", "对不符合法定条件的申请人准予许可的", f"{CIVIL}第五十九条"),
    ("2", "玩忽职守造成重大损失的", f"{CIVIL}第六十二条"),
)


def _spaced(rows) -> list[str]:
    return ["  ".join(r) for r in rows]


def _paragraphs(rows) -> list[str]:
    # one cell a line, a blank line after each row
    return [line for r in rows for line in (*r, "")]


LAYOUTS = {"spaced": _spaced, "paragraphs": _paragraphs}
LABELS = ("附件2", "附件2：", "附件二", "附件 2", "附表2")


# ---- 1. an annex of another kind under the list's rows ----------------------------------------


@pytest.mark.parametrize("label", LABELS)
@pytest.mark.parametrize("layout", LAYOUTS, ids=list(LAYOUTS))
def test_an_annex_of_another_kind_under_a_list_is_rejects_row_by_row(
    tmp_path: Path, layout: str, label: str
) -> None:
    # 附件1's list, then 附件2 with its title and header 序号 | 追责情形 | 追责依据. Before: the
    # annex's rows ended in no item and no reject (context), rows_seen counted the list alone
    write = LAYOUTS[layout]
    lines = ["某县林业局权责清单", "附件1", *write([HEADER, *ITEMS]), "", label, "追责情形及依据"]
    first = len(lines) + len(write([OTHER_HEADER])) + 1  # the annex's first row
    lines += write([OTHER_HEADER, *SITUATIONS])
    plist = read_written(tmp_path, "page.txt", "\n".join(lines) + "\n")
    assert [i.name for i in plist.items] == [r[1] for r in ITEMS]
    assert [i.basis for i in plist.items] == [r[3] for r in ITEMS]
    rejects = [r for r in plist.rejects if "table of another kind" in r.reason]
    assert [r.line for r in rejects][:1] == [first]
    for row, reject in zip(SITUATIONS, rejects, strict=True):
        assert all(cell in reject.text for cell in row)
        assert "追责情形" in reject.reason
    _same(tmp_path / "page.txt", 1)


def test_an_annex_of_another_kind_without_serials_is_a_reject_a_line(tmp_path: Path) -> None:
    # 追责情形  追责依据 with no serial column: each spaced line one row. Before: no reject
    lines = ["某县林业局权责清单", *_spaced([HEADER, *ITEMS]), "", "附件2", "追责情形及依据"]
    lines += _spaced([OTHER_HEADER[1:], *(r[1:] for r in SITUATIONS)])
    plist = read_written(tmp_path, "page.txt", "\n".join(lines) + "\n")
    assert [i.name for i in plist.items] == [r[1] for r in ITEMS]
    assert [r.text for r in plist.rejects] == [" ".join(r[1:]) for r in SITUATIONS]
    assert [r.line for r in plist.rejects] == [len(lines) - 1, len(lines)]
    _same(tmp_path / "page.txt", 1)


FEE_HEADER = ("序号", "收费项目", "收费标准", "收费依据")
FEES = (
    ("1", "不动产登记费", "每件80元", "《不动产登记收费标准》"),
    ("2", "证书工本费", "每本10元", "《行政事业性收费管理办法》"),
)


@pytest.mark.parametrize("label", [*LABELS, "附件2：行政事业性收费目录"])
@pytest.mark.parametrize("layout", LAYOUTS, ids=list(LAYOUTS))
def test_an_annexed_table_of_unknown_fields_under_a_list_is_rejects_row_by_row(
    tmp_path: Path, layout: str, label: str
) -> None:
    # 附件2 over a table whose header names no field a list has (序号 | 收费项目 | 收费标准 |
    # 收费依据). Before: the label, the title, the header and the rows ran into the last
    # item's basis, sure
    write = LAYOUTS[layout]
    lines = ["某县林业局权责清单", *write([HEADER, *ITEMS]), "", label]
    lines += [] if "：行政" in label else ["行政事业性收费目录"]
    first = len(lines) + len(write([FEE_HEADER])) + 1
    lines += write([FEE_HEADER, *FEES])
    plist = read_written(tmp_path, "page.txt", "\n".join(lines) + "\n")
    assert [(i.name, i.basis) for i in plist.items] == [(r[1], r[3]) for r in ITEMS]
    assert [r.line for r in plist.rejects][:1] == [first]
    assert len(plist.rejects) == len(FEES)
    for row, reject in zip(FEES, plist.rejects, strict=True):
        assert all(cell in reject.text for cell in row)
        assert "收费项目" in reject.reason
    _same(tmp_path / "page.txt", 1)


@pytest.mark.parametrize("name", ["list.tsv", "page.txt"], ids=["tsv", "tab-text"])
@pytest.mark.parametrize("label", ["附件2", "附件二：", "附表2"])
def test_an_annexed_table_of_unknown_fields_under_tab_rows_is_no_items(
    tmp_path: Path, name: str, label: str
) -> None:
    # the same under a tab-separated table. Before: its header and rows were items (收费项目
    # named as an item, 收费依据 its basis), sure
    lines = ["某县林业局权责清单", *("\t".join(r) for r in (HEADER, *ITEMS)), "", label]
    lines += ["行政事业性收费目录", *("\t".join(r) for r in (FEE_HEADER, *FEES))]
    plist = read_written(tmp_path, name, "\n".join(lines) + "\n")
    assert [(i.name, i.basis) for i in plist.items] == [(r[1], r[3]) for r in ITEMS]
    assert [r.text for r in plist.rejects] == [" | ".join(r) for r in (FEE_HEADER, *FEES)]
    assert all("收费项目" in r.reason for r in plist.rejects)
    _same(tmp_path / name, 1)


# ---- 2. a 责任清单 of label：value records under a tab-separated table -------------------------

STAGES = "受理阶段责任：依法受理申请；审查阶段责任：审查申请材料"


@pytest.mark.parametrize("name", ["list.tsv", "page.txt"], ids=["tsv", "tab-text"])
@pytest.mark.parametrize("title", ["二、责任清单", "某县林业局责任清单", ""], ids=str)
@pytest.mark.parametrize("blank", ["\n\n", "\n"], ids=["blank-between", "tight"])
def test_records_under_a_tab_separated_table_join_the_items_they_name(
    tmp_path: Path, name: str, title: str, blank: str
) -> None:
    # the 权力清单 as TSV, then its 责任清单 as label：value records, one a line. Before round 13:
    # each record's line was a section heading (no item, no reject); round 13: a reject each;
    # now (rec14) joined to the item each names, said
    records = [f"事项名称：{r[1]}\n责任事项：{STAGES}\n追责依据：{CIVIL}第五十九条" for r in ITEMS]
    lines = ["某县林业局权力清单", *("\t".join(r) for r in (HEADER, *ITEMS)), ""]
    lines += [title] if title else []
    text = "\n".join(lines) + "\n" + blank.join(records) + "\n"
    plist = read_written(tmp_path, name, text)
    assert [(i.name, i.basis, i.responsibility, i.accountability_basis) for i in plist.items] == [
        (r[1], r[3], STAGES, f"{CIVIL}第五十九条") for r in ITEMS
    ]
    assert [[a.code for a in i.anomalies] for i in plist.items] == [["joined-record"]] * 3
    assert plist.rejects == ()
    assert [s.text for s in plist.sections] == ([title] if title else [])
    _same(tmp_path / name, 1)
