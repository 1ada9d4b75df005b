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


def test_an_annex_of_another_field_keyed_by_the_items_is_said_not_read(tmp_path: Path) -> None:
    # 附件1 the powers, 附件2 their accountability bases by serial and name: the second list's
    # rows are the same items with a field the first lacks. Before: dropped as "printed twice",
    # their accountability bases gone without a word that they were anything but copies.
    names = ("职业技能鉴定机构设立审批", "对未按规定办理社会保险登记的处罚")
    lines = ["关于印发权责清单的通知", "各乡镇人民政府：", "    现将权力清单和责任清单印发给你们。"]
    lines += ["抄送：县委办。", "某县人民政府办公室  2023年5月6日印发", "附件1", "某县权力清单"]
    lines += ["序号  事项名称  事项类型  实施主体  设定依据"]
    lines += [f"{n}  {name}  行政许可  县人力社保局  《中华人民共和国劳动法》第六十九条"
              for n, name in enumerate(names, 1)]  # fmt: skip
    lines += ["附件2", "某县责任清单", "序号  事项名称  追责依据"]
    lines += [f"{n}  {name}  《行政机关公务员处分条例》第二十条" for n, name in enumerate(names, 1)]
    path = tmp_path / "notice.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    plist = read_list(path)
    assert [i.name for i in plist.items] == list(names)
    assert [r.reason for r in plist.rejects] == [
        f"the same item as the record at line {line}, with fields that record lacks "
        "(accountability_basis): not read into it"
        for line in (9, 10)
    ]
    _same(path, 1)  # read in batches, the same
