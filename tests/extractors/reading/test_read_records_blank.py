"""A record of label：value lines whose cells were left blank (a sheet's row under merged cells,
copied as records): a label with no value over another label with none, one the page's records
use with values, is that label, empty, never the value of the label above."""

from __future__ import annotations

from pathlib import Path

from tests.extractors.reading.support import read_written

LABELS = ("序号", "事项名称", "权力类型", "实施层级", "部门职责", "追责情形")
RECORDS = (
    ("1", "民办学校筹设审批", "行政许可", "市级", "负责民办学校筹设的审批", "未按规定审批的"),
    ("2", "对学校违规招生的处罚", "行政处罚", "县级", "负责招生违规行为的查处", "未依法查处的"),
    ("", "", "", "", "", "对举报不予处理的"),
    ("3", "对校车安全的检查", "行政检查", "县级", "负责校车安全的检查", "未按规定检查的"),
)


def _page() -> str:
    records = ["\n".join(f"{k}：{v}" for k, v in zip(LABELS, r, strict=True)) for r in RECORDS]
    return "某县教育体育局权责清单\n\n" + "\n\n".join(records) + "\n"


def test_an_empty_label_under_an_empty_label_is_no_value_of_it(tmp_path: Path) -> None:
    plist = read_written(tmp_path, "records.txt", _page(), expect="text")
    assert [(i.row, i.name, i.level) for i in plist.items] == [
        ("1", "民办学校筹设审批", "市级"),
        ("2", "对学校违规招生的处罚", "县级"),
        ("3", "对校车安全的检查", "县级"),
    ]
    assert not any("部门职责" in (i.level or "") for i in plist.items)
