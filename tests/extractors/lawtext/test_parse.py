"""The parser of official texts, on real files of ``../shared/lawtexts`` (chapters, sections, 编
and 分编, 之一 articles, items and points, a local regulation, a misnumbered one) and on texts
made here for the faults the real files do not hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.errors import InputError
from extractors.lawtext.parse import parse_law_text, read_law_text
from extractors.registry.lawtext import read_facts
from tests.shared import shared_path


def _law(*parts: str) -> Path:
    return shared_path("lawtexts", *parts)


def test_a_national_law_with_chapters_sections_items_and_history() -> None:
    law = read_law_text(_law("行政法", "行政处罚法(2021-01-22).md"))
    assert law.title == "中华人民共和国行政处罚法"
    assert law.version_date == "2021-01-22"
    assert [(e.date, e.action) for e in law.history] == [
        ("1996-03-17", "通过"),
        ("2009-08-27", "修正"),
        ("2017-09-01", "修正"),
        ("2021-01-22", "修订"),
    ]
    assert len(law.articles) == 86 and law.last_article == 86 and law.problems == ()
    chapters = [d for d in law.divisions if d.kind == "chapter"]
    assert [d.number for d in chapters] == list(range(1, 9))
    assert chapters[6].title == "法律责任" and chapters[6].heading == "第七章 法律责任"
    # 第七十六条 opens the 法律责任 chapter; 第五十五条 is in 第五章 第三节 (procedure)
    assert [d.heading for d in law.divisions_of(law.article(76))] == ["第七章 法律责任"]  # type: ignore[arg-type]
    assert [d.heading for d in law.divisions_of(law.article(55))] == [  # type: ignore[arg-type]
        "第五章 行政处罚的决定",
        "第三节 普通程序",
    ]
    ninth = law.article(9)
    assert ninth is not None and len(ninth.paragraphs) == 1
    items = ninth.paragraphs[0].items
    assert [i.number for i in items] == [1, 2, 3, 4, 5, 6]
    assert items[1].text == "（二）罚款、没收违法所得、没收非法财物；"
    assert ninth.text.splitlines()[0] == "行政处罚的种类："
    fifth = law.article(5)
    assert fifth is not None and [p.number for p in fifth.paragraphs] == [1, 2, 3]
    assert fifth.paragraphs[1].text.startswith("设定和实施行政处罚必须以事实为依据")


def test_inserted_articles_and_parts_of_the_criminal_law() -> None:
    law = read_law_text(_law("刑法", "刑法.md"))
    assert law.version_date is None  # named without a date: the catalogue or history dates it
    inserted = law.article(17, 1)
    assert (
        inserted is not None and inserted.head == "第十七条之一" and inserted.label == "第17条之1"
    )
    assert [(d.kind, d.number) for d in law.divisions_of(inserted)] == [
        ("part", 1),
        ("chapter", 2),
        ("section", 1),
    ]
    assert law.last_article == 452
    assert sum(1 for a in law.articles if a.suffix is not None) > 40


def test_a_part_of_the_civil_code_with_its_subparts() -> None:
    law = read_law_text(_law("民法典", "合同编.md"))
    assert law.title == "中华人民共和国民法典"
    assert law.history[0].date == "2020-05-28"  # '# 合同编' is the part, not history
    part = law.divisions[0]
    assert (part.kind, part.number, part.title) == ("part", None, "合同编")
    article = law.article(595)
    assert article is not None
    assert [(d.kind, d.number, d.title) for d in law.divisions_of(article)] == [
        ("part", None, "合同编"),
        ("subpart", 2, "典型合同"),
        ("chapter", 9, "买卖合同"),
    ]
    assert law.articles[0].label == "第463条"


def test_a_local_regulation_with_points_under_an_item() -> None:
    law = read_law_text(
        _law("DLC", "上海地方法规", "地方性法规", "上海", "上海市司法鉴定管理条例(2019-12-19).md")
    )
    assert law.title.startswith("上海市")
    twelfth = law.article(12)
    assert twelfth is not None
    item = twelfth.paragraphs[0].items[1]
    assert item.number == 2 and [p.number for p in item.points] == [1, 2, 3, 4]
    assert item.full_text.count("\n") == 4


def test_a_misnumbered_head_is_reported_and_numbered_from_its_neighbours() -> None:
    path = _law(
        "DLC",
        "重庆地方法规",
        "地方性法规",
        "重庆",
        "彭水苗族土家族自治县城乡建设管理条例(2013-05-31).md",
    )
    law = read_law_text(path)
    misnumbered = [p for p in law.problems if p.code == "misnumbered"]
    assert [str(p) for p in misnumbered] == [
        f"{path}:119: article head has no number, read as 第31条 after 第30条: 第三十－条",
        f"{path}:209: article head has no number, read as 第51条 after 第50条: 第五十－条",
    ]
    typo = law.articles[30]
    assert (typo.number, typo.head, typo.inferred) == (31, "第三十－条", True)
    assert read_facts(path).misnumbered == tuple(str(p) for p in misnumbered)


def test_every_file_of_the_folder_is_read_without_an_error() -> None:
    root = shared_path("lawtexts")
    files = [p for p in root.rglob("*.md") if p.name != "SOURCE.md"]
    laws = [read_law_text(p) for p in files]
    assert len(laws) > 3400
    assert sum(len(law.articles) for law in laws) > 145_000
    codes = {p.code for law in laws for p in law.problems}
    assert codes <= {"misnumbered", "sequence", "no-articles"}


_HEAD = "# 某某条例\n\n2020年1月2日通过\n\n<!-- INFO END -->\n\n"


def _parse(body: str) -> object:
    return parse_law_text(_HEAD + body, Path("某某条例(2020-01-02).md"))


def test_lines_between_items_belong_to_the_item_before() -> None:
    law = parse_law_text(
        _HEAD + "第一条 用语：\n\n（一）甲，是指。\n\n（二）乙，是指\n\n断开的一行。\n\n"
        "（三）丙。\n\n前款所称。\n",
        Path("x.md"),
    )
    article = law.articles[0]
    assert [len(p.items) for p in article.paragraphs] == [3, 0]
    assert article.paragraphs[0].items[1].text == "（二）乙，是指\n断开的一行。"
    assert article.paragraphs[1].text == "前款所称。"
    assert law.problems == ()


def test_a_paragraph_that_names_items_is_no_item() -> None:
    law = parse_law_text(
        _HEAD
        + "第一条 下列人员：\n\n（一）甲；\n\n（二）乙。\n\n（一）至（二）项所列人员，应当登记。\n",
        Path("x.md"),
    )
    paragraphs = law.articles[0].paragraphs
    assert [len(p.items) for p in paragraphs] == [2, 0]
    assert paragraphs[1].text.startswith("（一）至（二）项所列人员")


def test_items_that_skip_numbers_keep_them_and_are_reported() -> None:
    law = parse_law_text(_HEAD + "第一条 下列情形：\n\n（三）丙；\n\n（四）丁。\n", Path("x.md"))
    items = law.articles[0].paragraphs[0].items
    assert [i.number for i in items] == [3, 4]
    assert [(p.line, p.code) for p in law.problems] == [(9, "sequence")]


def test_articles_out_of_sequence_and_twice_are_reported() -> None:
    law = parse_law_text(_HEAD + "第一条 甲\n\n第三条 乙\n\n第三条 丙\n", Path("x.md"))
    assert [(p.line, p.cause) for p in law.problems] == [
        (9, "第三条 follows 第一条"),
        (11, "第三条: a second 第3条"),
    ]


def test_table_rows_continue_the_line_before() -> None:
    law = parse_law_text(_HEAD + "第一条 标准如下：\n\n| 甲 | 乙 |\n\n| 1 | 2 |\n", Path("x.md"))
    assert law.articles[0].text == "标准如下：\n| 甲 | 乙 |\n| 1 | 2 |"


def test_odd_files_are_reported_with_file_and_line(tmp_path: Path) -> None:
    latin = tmp_path / "gbk(2020-01-01).md"
    latin.write_bytes(_HEAD.encode("gb18030"))
    with pytest.raises(InputError, match=r"gbk\(2020-01-01\)\.md: not UTF-8"):
        read_law_text(latin)
    untitled = tmp_path / "x.md"
    untitled.write_text("第一条 甲\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"x\.md:1: no '# title' line"):
        read_law_text(untitled)
    bare = parse_law_text("# 某通知\n\n一、甲\n", Path("n.md"))
    assert [(p.line, p.code) for p in bare.problems] == [(1, "no-history"), (2, "no-articles")]
    assert bare.preamble == ("一、甲",)
