"""Spaces of other widths: a page's &nbsp; left in its text (U+00A0), typographic spaces, and
the ideographic space (U+3000) between letter-spaced characters. A no-break space is a space to
every reader; a page spaced by ideographic spaces is read or refused, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.citing.cite import cite_items
from extractors.errors import QuanzeError
from extractors.models import PowerList
from extractors.reading.read import read_list
from tests.extractors.reading.support import read_written

PAGE = (
    "某县文化和旅游局权责清单\n"
    "序号 事项名称 事项类型 实施依据 实施主体\n"
    "1 营业性演出审批 行政许可 《营业性演出管理条例》第六条。"
    " 第十条文艺表演团体申请从事营业性演出活动。 县文化和旅游局\n"
    "2 对违反娱乐场所管理规定的处罚 行政处罚 《娱乐场所管理条例》第四十一条 县文化和旅游局\n"
    "3 旅行社设立许可 行政许可 《旅行社条例》第六条 县文化和旅游局\n"
)
FIELDS = ("row", "name", "type", "basis", "department")


def _fields(plist: PowerList) -> list[tuple[str | None, ...]]:
    return [tuple(item.get(k) for k in FIELDS) for item in plist.items]


def _cited(plist: PowerList) -> list[tuple[str | None, int | None, str]]:
    return [
        (c.citation.law, c.citation.article, c.citation.kind)
        for c in cite_items(plist.items, plist.meta.region)
    ]


@pytest.mark.parametrize(
    "space", ["\u00a0", "\u2002", "\u202f"], ids=["no-break", "en-space", "narrow-no-break"]
)
def test_a_page_apart_at_another_space_reads_as_apart_at_spaces(tmp_path: Path, space: str) -> None:
    plain = read_written(tmp_path, "plain.txt", PAGE, expect="text")
    spaced = read_written(tmp_path, "spaced.txt", PAGE.replace(" ", space), expect="text")
    assert _fields(spaced) == _fields(plain)
    assert len(spaced.items) == 3
    # the bare 第十条 opening a sentence after 。 continues the law cited before it
    assert _cited(spaced) == _cited(plain)
    assert ("营业性演出管理条例", 10, "continuation") in _cited(spaced)


def test_a_no_break_space_in_a_pipe_table_cell_is_a_space(tmp_path: Path) -> None:
    table = (
        "| 序号 | 事项名称 | 事项类型 | 设定依据 |\n|---|---|---|---|\n"
        "| 1 | 旅行社设立许可 | 行政许可 | 《旅行社条例》第六条。\u00a0第七条申请设立旅行社。 |\n"
    )
    plist = read_written(tmp_path, "list.md", table, expect="markdown")
    assert plist.items[0].get("basis") == "《旅行社条例》第六条。 第七条申请设立旅行社。"
    assert [(law, article) for law, article, _ in _cited(plist)] == [
        ("旅行社条例", 6),
        ("旅行社条例", 7),
    ]


@pytest.mark.parametrize("space", ["\u3000", "\u00a0"], ids=["ideographic", "no-break"])
def test_a_letter_spaced_page_of_other_spaces_is_read_or_refused(
    tmp_path: Path, space: str
) -> None:
    spaced = "\n".join(space.join(line.replace(" ", "")) for line in PAGE.splitlines())
    path = tmp_path / "letters.txt"
    path.write_text(spaced + "\n", encoding="utf-8")
    try:
        plist = read_list(path)
    except QuanzeError as refused:  # a one-line reason, never an IndexError
        assert "letters.txt" in str(refused)
    else:
        assert plist.rows_seen == plist.rows_accounted()
