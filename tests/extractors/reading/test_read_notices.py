"""Notices that publish a list: one that only links its list as a file says so, naming the
file, instead of only that no table was found."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.errors import InputError
from extractors.reading.read import read_list
from tests.extractors.reading.test_stream import _same

NOTICE = (
    "关于公布某县权责清单的通知\n各乡镇人民政府，县直各单位：\n    现将某县权责清单予以公布。\n"
    "{link}\n某县人民政府\n2023年5月6日\n【打印本页】 【关闭窗口】\n"
)


@pytest.mark.parametrize(
    ("link", "named"),
    [
        ("附件：某县权责清单.xlsx", "某县权责清单.xlsx"),
        ("附件下载：\n1. 某县权力清单.xls\n2. 某县责任清单.doc", "某县权力清单.xls"),
    ],
)
def test_a_notice_that_only_links_its_list_says_so(tmp_path: Path, link: str, named: str) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(NOTICE.format(link=link), encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_list(path)
    message = str(error.value)
    assert "notice.txt" in message and "links its list as a file" in message and named in message
    assert "\n" not in message


def test_a_page_without_a_list_or_a_link_says_no_table(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text(NOTICE.format(link="请各单位认真贯彻执行。"), encoding="utf-8")
    with pytest.raises(InputError, match="no recognisable table"):
        read_list(path)


NAMES = ("职业技能鉴定机构设立审批", "对未按规定办理社会保险登记的处罚")
POWERS = ["关于印发权责清单的通知", "各乡镇人民政府：", "    现将权力清单和责任清单印发给你们。"]
POWERS += ["抄送：县委办。", "某县人民政府办公室  2023年5月6日印发", "附件1", "某县权力清单"]
POWERS += ["序号  事项名称  事项类型  实施主体  设定依据"]
POWERS += [f"{n}  {name}  行政许可  县人力社保局  《中华人民共和国劳动法》第六十九条"
           for n, name in enumerate(NAMES, 1)]  # fmt: skip
ANNEX = ["附件2", "某县责任清单", "序号  事项名称  追责依据"]


def _annex() -> list[str]:
    return [f"{n}  {name}  《行政机关公务员处分条例》第二十条" for n, name in enumerate(NAMES, 1)]


def _written(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "notice.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_an_annex_of_another_field_keyed_by_the_items_joins_them(tmp_path: Path) -> None:
    # 附件1 the powers, 附件2 their accountability bases by serial and name. Before: the annex's
    # rows rejected as "with fields that record lacks (accountability_basis): not read into it".
    path = _written(tmp_path, [*POWERS, *ANNEX, *_annex()])
    plist = read_list(path)
    assert [(i.name, i.accountability_basis) for i in plist.items] == [
        (name, "《行政机关公务员处分条例》第二十条") for name in NAMES
    ]
    assert plist.rejects == ()
    assert [[a.message for a in i.anomalies] for i in plist.items] == [
        [f"line {line}: a row of the same serial and name in an annex gives 追责依据; joined to "
         "this one"] for line in (14, 15)
    ]  # fmt: skip
    assert plist.rows_seen == plist.rows_accounted()
    _same(path, 1)  # read in batches, the same


def test_an_annex_row_keyed_to_no_item_is_a_reject(tmp_path: Path) -> None:
    # before: 3 不存在的事项 read as an item without type, department or basis
    lines = [*POWERS, *ANNEX, *_annex(), "3  不存在的事项  《行政机关公务员处分条例》第二十一条"]
    path = _written(tmp_path, lines)
    plist = read_list(path)
    assert [i.name for i in plist.items] == list(NAMES)
    assert [(r.line, r.reason.split(" (")[0]) for r in plist.rejects] == [
        (16, "a row of an annex keyed to the items above")
    ]
    _same(path, 1)


def test_an_annex_row_keyed_to_several_items_is_a_reject(tmp_path: Path) -> None:
    # the annex keys by name alone, and two items bear that name: which one is not guessed
    lines = [
        *POWERS,
        "3  职业技能鉴定机构设立审批  行政许可  县医疗保障局  《中华人民共和国劳动法》第七十条",
    ]
    lines += ["附件2", "某县责任清单", "事项名称  追责情形  追责依据"]
    lines += [f"{name}  不依法履行职责的  《行政机关公务员处分条例》第二十条" for name in NAMES]
    path = _written(tmp_path, lines)
    plist = read_list(path)
    assert [i.accountability_basis is not None for i in plist.items] == [False, True, False]
    assert [(r.line, r.reason.split(":")[0]) for r in plist.rejects] == [
        (15, "keyed (serial and name) like the records at lines 9, 11, with fields they lack "
         "(accountability, accountability_basis)")
    ]  # fmt: skip
    _same(path, 1)


def test_an_annex_of_two_columns_keyed_by_name_joins_its_items(tmp_path: Path) -> None:
    # 事项名称  追责依据: two fields, too few for a list's header. Before: the annex (its title,
    # header and rows) ran into the last item's basis, its citations read as that item's.
    lines = [*POWERS, "附件2", "某县责任清单", "事项名称  追责依据"]
    lines += [f"{name}  《行政机关公务员处分条例》第二十条" for name in reversed(NAMES)]
    path = _written(tmp_path, lines)
    plist = read_list(path)
    assert [(i.basis, i.accountability_basis) for i in plist.items] == [
        ("《中华人民共和国劳动法》第六十九条", "《行政机关公务员处分条例》第二十条")
    ] * 2
    assert plist.rejects == ()
    _same(path, 1)
