"""Citation styles left by round 4, written from the structure of Chinese legal citation: a document
number written before the title it numbers, an item joined by 之, an inserted article's 之一 written
before 条, and the region of a plain text read from its title line. Each style that was read wrong
has a case here, read through every backend of the cell pass (the ``cite`` fixture)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extractors.citing.cite import cite_text
from tests.extractors.citing.conftest import Cite
from tests.extractors.citing.test_citations_forms import run

CF = "中华人民共和国行政处罚法"
XF = "中华人民共和国刑法"


@pytest.mark.parametrize(
    ("text", "doc"),
    [
        pytest.param(
            "国务院令第735号《优化营商环境条例》第三十八条", "国务院令第735号", id="order"
        ),
        pytest.param(
            "依据浙政办发〔2018〕12号《关于加强安全管理的通知》", "浙政办发〔2018〕12号", id="file"
        ),
        pytest.param(
            "甲政发[2019]3号 《甲市物业管理办法》第五条", "甲政发〔2019〕3号", id="spaced"
        ),
    ],
)
def test_a_document_number_written_before_its_title_is_the_titles(
    cite: Cite, text: str, doc: str
) -> None:
    """The number may be written before the title as well as in a note after it; the provision
    was read and the number dropped."""
    cites = cite(text)
    assert cites and all(c.doc_number == doc for c in cites)
    assert text[cites[0].start] == "《"  # the record still starts at the title


def test_a_document_number_listed_before_a_title_is_not_its_number(cite: Cite) -> None:
    """国发〔2018〕12号、《甲条例》: two instruments listed, not a title and its number."""
    assert [c.doc_number for c in cite("国发〔2018〕12号、《社会救助暂行办法》第五条")][-1] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "《中华人民共和国行政处罚法》第十条第一款之（一）",
            [(CF, 10, 1, 1, None, "explicit")],
            id="paragraph-zhi-item",
        ),
        pytest.param(
            "《中华人民共和国行政处罚法》第十条之（二）规定的情形",
            [(CF, 10, None, 2, None, "explicit")],
            id="article-zhi-item-before-words",
        ),
        pytest.param(
            "《中华人民共和国行政处罚法》第十条第一款之（一）、（三）",
            [(CF, 10, 1, 1, None, "explicit"), (CF, 10, 1, 3, None, "explicit")],
            id="zhi-items-listed",
        ),
    ],
)
def test_an_item_joined_by_zhi_is_read(
    cite: Cite, text: str, expected: list[tuple[object, ...]]
) -> None:
    """第十条第一款之（一） names item (一) of the paragraph; the item was dropped."""
    assert run(cite, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("《中华人民共和国刑法》第六十九之一条", [(69, 1)], id="chinese"),
        pytest.param("《中华人民共和国刑法》第69之1条", [(69, 1)], id="arabic"),
        pytest.param(
            "《中华人民共和国刑法》第二百八十之一条、第二百八十一条",
            [(280, 1), (281, None)],
            id="listed",
        ),
    ],
)
def test_an_inserted_article_written_with_zhi_before_tiao(
    cite: Cite, text: str, expected: list[tuple[int, int | None]]
) -> None:
    """第六十九之一条 is 第六十九条之一 written the other way round; only the title was read."""
    cites = cite(text)
    assert [(c.law, c.article, c.article_suffix) for c in cites] == [(XF, *e) for e in expected]


SAFETY = "《安全生产条例》第十条"
TITLED = f"浙江省应急管理厅权责清单\n序号 事项 依据\n1 对生产经营单位的处罚 {SAFETY}\n"


def test_a_plain_text_takes_its_region_from_its_title_line() -> None:
    """A plain text had no region, so a local title without its place stayed unresolved where
    the same list read as a table resolves it."""
    (found,) = [c.citation for c in cite_text("a.txt", TITLED)]
    assert (found.law, found.law_id) == ("浙江省安全生产条例", "浙江省安全生产条例")
    (untitled,) = [c.citation for c in cite_text("a.txt", TITLED.split("\n", 1)[1])]
    assert untitled.law_id is None


def quanze_extract(*args: str) -> list[dict[str, object]]:
    quanze = str(Path(sys.executable).with_name("quanze"))
    done = subprocess.run([quanze, "extract", *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def test_quanze_extract_plain_reads_the_region_or_takes_it_from_region(tmp_path: Path) -> None:
    titled = tmp_path / "titled.txt"
    titled.write_text(TITLED, encoding="utf-8")
    bare = tmp_path / "bare.txt"
    bare.write_text(f"1 对生产经营单位的处罚 {SAFETY}\n", encoding="utf-8")
    (record,) = quanze_extract("--plain", str(titled))
    assert (record["law"], record["article"]) == ("浙江省安全生产条例", 10)
    (record,) = quanze_extract("--plain", str(bare))
    assert record["law_id"] is None
    (record,) = quanze_extract("--plain", "--region", "浙江省", str(bare))
    assert (record["law"], record["article"]) == ("浙江省安全生产条例", 10)


def test_gaifa_after_a_banfa_refers_back_to_the_law_cited_before_it(cite: Cite) -> None:
    """该法 names a 法; a 暂行办法 ends in 法 too, so 该法 took the 办法 cited last instead of the
    law before it. With no 法 cited, the 办法 is still taken, as written loosely."""
    text = "《中华人民共和国行政处罚法》第十条、《社会救助暂行办法》第五条、该法第六条"
    assert [(c.law, c.article) for c in cite(text)][-1] == (CF, 6)
    alone = cite("《社会救助暂行办法》第五条、该法第六条")
    assert [(c.law, c.article) for c in alone][-1] == ("社会救助暂行办法", 6)
