"""The citation grammar on real text read as plain text (``quanze extract --plain``, issue #21):
what authors write around their citations, and what pages do to the text, one table per rule
(docs/citations.md, "Plain text"). Every line here is written for the test, none copied from a list.

A row is the text and the provisions it cites: (law, chapter, article, paragraph, item, point), in
order; ``via`` is checked where the row gives it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from extractors.citing.cite import cite_text
from extractors.citing.plain import after_issuing_notice, prepare

Cited = tuple[str | None, int | None, int | None, int | None, int | None, int | None]


def cited(text: str) -> list[Cited]:
    return [
        (c.law, c.chapter, c.article, c.paragraph, c.item, c.point)
        for c in (r.citation for r in cite_text("t.txt", text))
    ]


def law(name: str, article: int | None = None, **more: int) -> Cited:
    return (
        name,
        more.get("chapter"),
        article,
        more.get("paragraph"),
        more.get("item"),
        more.get("point"),
    )


FOREST = "中华人民共和国森林法"
GRASS = "中华人民共和国草原法"

# Quoted statutory text is not the author's citation: it runs after 第N条 (with a colon, quotation
# marks or only a space) to its closing mark, or to the next item number, rank tag or labelled
# line; a continuation after it binds to the author's last law.
QUOTED = [
    (
        "《中华人民共和国草原法》第六十五条 未经批准开垦草原的，依照《中华人民共和国刑法》"
        "追究刑事责任。",
        [law(GRASS, 65)],
    ),
    (
        "《中华人民共和国草原法》第六十五条“未经批准开垦草原的，依照《中华人民共和国行政处罚法》"
        "处理。”第六十六条",
        [law(GRASS, 65), law(GRASS, 66)],
    ),
    (
        "职权依据：《中华人民共和国草原法》第六十五条 违反本法规定，按《中华人民共和国行政强制法》"
        "执行\n追责依据：《中华人民共和国公务员法》第五十九条",
        [law(GRASS, 65), law("中华人民共和国公务员法", 59)],
    ),
    (
        "《中华人民共和国草原法》第六十五条 由县级以上人民政府草原行政主管部门责令停止 "
        "2.[地方性法规]甲省草原管理条例第二十条",
        [law(GRASS, 65), law("甲省草原管理条例", 20)],
    ),
    (
        "《中华人民共和国草原法》第六十五条 违反本法规定的，依法给予处分。 市级 草原站 "
        "《中华人民共和国公务员法》第五十九条 公务员应当遵守纪律，依照《中华人民共和国监察法》处理",
        [law(GRASS, 65), law("中华人民共和国公务员法", 59)],
    ),
    (
        "《中华人民共和国草原法》第六十五条：“违反本法，依照《中华人民共和国治安管理处罚法》"
        "第五十条处罚。”",
        [law(GRASS, 65)],
    ),
]

# Carriers beyond 通知: the provision after it is the carried instrument's, the carrier in via.
CARRIERS = [
    (
        "甲省林业局关于发布《甲省林木采伐管理办法》的公告第九条",
        [law("甲省林木采伐管理办法", 9)],
        "甲省林业局关于发布〈甲省林木采伐管理办法〉的公告",
    ),
    (
        "国务院关于修改《城镇排水与污水处理条例》的决定第十二条",
        [law("城镇排水与污水处理条例", 12)],
        "国务院关于修改〈城镇排水与污水处理条例〉的决定",
    ),
    (
        "关于印发甲市林业行政处罚裁量基准的通知第三条",
        [law("甲市林业行政处罚裁量基准", 3)],
        "关于印发甲市林业行政处罚裁量基准的通知",
    ),
]

# Unmarked titles before a document number and a provision, after a label or alone.
UNMARKED = [
    (
        "增补依据：甲省港口管理规定（交通运输部令2020年第4号）第十八条",
        [law("甲省港口管理规定", 18)],
    ),
    ("船舶检验办法（交通运输部令2016年第28号）第九条", [law("船舶检验办法", 9)]),
]

# Annexes and catalogues; chapters; numbers written with Arabic numerals, spaces, full width.
NUMBERS = [
    (
        "《国务院关于取消一批行政许可事项的决定》（国发〔2017〕46号）附件1《国务院决定取消的"
        "行政许可事项目录》第12项",
        [law("国务院关于取消一批行政许可事项的决定", point=12)],
    ),
    (
        "《国务院关于取消一批行政许可事项的决定》附件3第10项",
        [law("国务院关于取消一批行政许可事项的决定", point=10)],
    ),
    ("《中华人民共和国草原法》第四章、第六章", [law(GRASS, chapter=4), law(GRASS, chapter=6)]),
    ("《中华人民共和国森林法》第 56 条", [law(FOREST, 56)]),
    ("《中华人民共和国森林法》第５６条第２款", [law(FOREST, 56, paragraph=2)]),
]

# Text as pages mangle it: letter spacing (marks lost too), traditional script, pinyin glosses,
# titles broken across lines, paragraph tags left in the text.
MANGLED = [
    (
        "序 号 事 项 依 据 1 . [ 部 门 规 章 ] 甲 省 林 木 种 苗 管 理 办 法 "
        "( 甲 省 人 民 政 府 令 第 12 号 ) 第 八 条 县 级 以 上",
        [law("甲省林木种苗管理办法", 8)],
    ),
    ("依 据 ： 《 中 华 人 民 共 和 国 森 林 法 》 第 五 十 六 条", [law(FOREST, 56)]),
    ("職權依據：《中華人民共和國森林法》第五十六條第一款", [law(FOREST, 56, paragraph=1)]),
    ("權（quán）力依据《中华人民共和国森林法》第五十六条", [law(FOREST, 56)]),
    ("依据《中华人民共和国森（sēn）林法》第五十六条", [law(FOREST, 56)]),
    ("依据《中华人民共和国\n森林法》第五十六条", [law(FOREST, 56)]),
    (
        "| 3 | <p>甲市林木种苗管理办法</p> <p>第五章 法律责任</p> <p>第三十条 违反本办法的，"
        "责令改正。</p><br>第三十一条 拒不改正的，处罚款。</p> |",
        [
            law("甲市林木种苗管理办法", 30, chapter=5),
            law("甲市林木种苗管理办法", 31, chapter=5),
        ],
    ),
]


# Canonical titles (the registry's ranks, extractors/citing/lawdb.py): an administrative regulation
# the list prefixes with 中华人民共和国 is titled without it; inner marks of an official title stay.
CANONICAL = [
    ("依照《中华人民共和国殡葬管理条例》第二十条", [law("殡葬管理条例", 20)]),
    (
        "《实施〈中华人民共和国社会保险法〉若干规定》第二十五条",
        [law("实施《中华人民共和国社会保险法》若干规定", 25)],
    ),
]


@pytest.mark.parametrize(("text", "want"), CANONICAL)
def test_canonical_titles(text: str, want: list[Cited]) -> None:
    assert cited(text) == want


@pytest.mark.parametrize(("text", "want"), QUOTED)
def test_quoted_statutory_text_is_not_the_authors_citation(text: str, want: list[Cited]) -> None:
    assert cited(text) == want


@pytest.mark.parametrize(("text", "want", "via"), CARRIERS)
def test_a_carrier_gives_its_provisions_to_what_it_carries(
    text: str, want: list[Cited], via: str
) -> None:
    assert cited(text) == want
    assert [c.citation.via for c in cite_text("t.txt", text)] == [via]


def test_an_amending_decision_cited_whole_is_itself() -> None:
    got = [c.citation for c in cite_text("t.txt", "依据国务院关于修改《甲条例》的决定。")]
    assert [(c.law, c.article) for c in got] == [("国务院关于修改《甲条例》的决定", None)]


@pytest.mark.parametrize(("text", "want"), UNMARKED)
def test_an_unmarked_title_before_a_document_number(text: str, want: list[Cited]) -> None:
    assert cited(text) == want


@pytest.mark.parametrize(("text", "want"), NUMBERS)
def test_annexes_chapters_and_numbers(text: str, want: list[Cited]) -> None:
    assert cited(text) == want


@pytest.mark.parametrize(("text", "want"), MANGLED)
def test_text_as_pages_mangle_it(text: str, want: list[Cited]) -> None:
    assert cited(text) == want


NOTICE = """甲市林业局关于印发甲市林业局权责清单的通知
各乡镇林业站：
根据《甲省人民政府关于推行权责清单制度的通知》（甲政发〔2019〕3号）要求，现将清单印发给你们。
附件：甲市林业局权责清单
甲市林业局
2020年1月6日
附件
甲市林业局权责清单
1 林木采伐许可 《中华人民共和国森林法》第五十六条
"""


def test_the_issuing_notice_above_a_list_gives_no_citation() -> None:
    assert cited(NOTICE) == [law(FOREST, 56)]
    # its lines are kept as blank lines: the list's lines keep their numbers
    assert after_issuing_notice(NOTICE).count("\n") == NOTICE.count("\n")
    # a list with no notice above it is read whole
    assert cited(NOTICE.split("附件\n", 1)[1]) == [law(FOREST, 56)]


def test_simplified_text_is_left_as_written() -> None:
    text = "乾隆年间的著作，依据《中华人民共和国森林法》第五十六条"
    assert prepare(text) == text


def test_extract_plain_reads_a_mangled_file(tmp_path: Path) -> None:
    """``quanze extract --plain`` end to end: a letter-spaced traditional-script file."""
    f = tmp_path / "list.txt"
    f.write_text("1 . 依 據 《 中 華 人 民 共 和 國 森 林 法 》 第 五 十 六 條\n", encoding="utf-8")
    quanze = str(Path(sys.executable).with_name("quanze"))
    run = subprocess.run(
        [quanze, "extract", "--plain", str(f)], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    assert '"article": 56' in run.stdout and FOREST in run.stdout
