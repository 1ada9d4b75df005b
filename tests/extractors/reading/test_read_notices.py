"""Notices that publish a list: one that only links its list as a file says so, naming the
file, instead of only that no table was found."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.errors import InputError
from extractors.reading.read import read_list

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
