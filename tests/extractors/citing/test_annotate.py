"""The review page: every citation of the seed lists sits inside a highlight titled with its
law; list text is escaped; the CLI writes the page."""

from __future__ import annotations

from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractors.citing.annotate import annotate_cell, annotate_list
from extractors.citing.cite import cite_items
from extractors.models import ListMeta, PowerItem, PowerList
from extractors.reading.read import read_list

SAMPLES = resources.files("extractors") / "samples"
SEEDS = [str(SAMPLES / "000_814c7fb49acd7d24.txt"), str(SAMPLES / "001_6c98652daac37f2e.txt")]


class Marks(HTMLParser):
    """Collects (text, title, class) of every <mark>, and every start tag seen."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[tuple[str, str, str]] = []
        self.tags: list[str] = []
        self._open: list[str] | None = None
        self._attrs: dict[str, str | None] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "mark":
            self._open, self._attrs = [], dict(attrs)

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self._open is not None:
            attrs = self._attrs
            self.marks.append(
                ("".join(self._open), attrs.get("title") or "", attrs.get("class") or "")
            )
            self._open = None


def marks_of(page: str) -> Marks:
    parser = Marks()
    parser.feed(page)
    return parser


@pytest.mark.parametrize("path", SEEDS, ids=["seed-000", "seed-001"])
def test_every_citation_is_highlighted_with_its_law(path: str) -> None:
    plist = read_list(path)
    page = marks_of(annotate_list(plist))
    cites = [c.citation for c in cite_items(plist.items)]
    assert cites
    for c in cites:
        assert any(
            c.text in text and (c.law is None or c.law in title) for text, title, _ in page.marks
        ), c


def test_cell_text_is_escaped() -> None:
    item = PowerItem(
        source="x.txt",
        row="1",
        line=1,
        basis='<script>alert("x")</script>《社会保险法》第八十七条<b>',
        name="<img src=x onerror=alert(1)>",
    )
    page = annotate_list(PowerList("x.txt", "txt", "utf-8", ListMeta(title="<script>"), (item,)))
    assert "<script>" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert set(marks_of(page).tags) <= {
        "html", "head", "meta", "title", "style", "body", "h1", "p", "mark", "table", "thead",
        "tbody", "tr", "th", "td", "ol", "li",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("text", "css"),
    [
        pytest.param("《社会保险法》第八十七条", "ok", id="resolved"),
        pytest.param("《中华人民共和国价格法》第四项", "bad", id="malformed"),
        pytest.param("第十条 用人单位应当", "none", id="unresolved"),
        pytest.param("《中华人民共和国社会保险法》规定。", "law", id="law-level"),
    ],
)
def test_kinds_get_their_colour(text: str, css: str) -> None:
    ((_, title, cls),) = marks_of(annotate_cell(text)).marks
    assert cls == css and title


def test_a_chain_shares_one_highlight_titled_with_every_provision() -> None:
    ((text, title, _),) = marks_of(annotate_cell("《社会救助暂行办法》第10、11、12条")).marks
    assert text == "《社会救助暂行办法》第10、11、12条"
    assert [line.split(" ")[1] for line in title.splitlines()] == ["第10条", "第11条", "第12条"]


def test_cli_writes_the_page(tmp_path: Path) -> None:
    from graph.app.cli import app  # the command is a thin layer over annotate_list

    out = tmp_path / "seed.html"
    result = CliRunner().invoke(app, ["annotate", SEEDS[0], "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == annotate_list(read_list(SEEDS[0]))
    missing = CliRunner().invoke(app, ["annotate", str(tmp_path / "nope.txt"), "-o", str(out)])
    assert missing.exit_code == 1
